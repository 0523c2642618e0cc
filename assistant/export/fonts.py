"""The fonts every export uses, shipped through pip: NanumGothic (OFL, in koreanize-matplotlib)
for Korean and Latin text, DejaVu Sans (matplotlib's own) as the fallback for other symbols."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.core.errors import ExportError

FAMILY = "NanumGothic"


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    fallback: Path  # DejaVu Sans: arrows, ✓/✗ and other symbols NanumGothic lacks
    fallback_bold: Path


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)  # finds the files without importing the package
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=1)
def font_files() -> FontFiles:
    nanum = _package_dir("koreanize_matplotlib")
    mpl = _package_dir("matplotlib")
    files = None
    if nanum and mpl:
        ttf = mpl / "mpl-data" / "fonts" / "ttf"
        files = FontFiles(
            nanum / "fonts" / "NanumGothic.ttf",
            nanum / "fonts" / "NanumGothicBold.ttf",
            ttf / "DejaVuSans.ttf",
            ttf / "DejaVuSans-Bold.ttf",
        )
    if files is None or not all(p.is_file() for p in vars(files).values()):
        raise ExportError(
            "The export fonts are missing. Run `make setup` (it installs koreanize-matplotlib and matplotlib).",
            "내보내기 글꼴이 없습니다. `make setup`을 실행하세요(koreanize-matplotlib과 matplotlib을 설치합니다).",
        )
    return files


@lru_cache(maxsize=1)
def use_in_matplotlib() -> str:
    """Register the shipped fonts with matplotlib and make them the default; returns the family."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager

    files = font_files()
    for path in (files.regular, files.bold):
        font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams["font.family"] = [FAMILY, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return FAMILY

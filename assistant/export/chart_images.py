"""PNG charts for the DOCX export (matplotlib, no display). Korean labels need a CJK font; when
none is installed, bars are numbered to match the table rows instead of showing empty boxes."""

from __future__ import annotations

import io
import re
from functools import lru_cache

from assistant.core.plan import Plan
from assistant.interview.render import labels

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@lru_cache(maxsize=1)
def _cjk_font() -> str | None:
    from matplotlib import font_manager

    for font in font_manager.fontManager.ttflist:
        if re.search(r"CJK|Nanum|Malgun|Gothic|UnDotum|Baekmuk|Noto Sans KR", font.name, re.I):
            return str(font.name)
    return None


def _labels(texts: list[str]) -> list[str]:
    if any(_HANGUL.search(t) for t in texts) and _cjk_font() is None:
        return [str(i) for i in range(1, len(texts) + 1)]
    return texts


def _png(fig: object) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    return buf.getvalue()


def _setup() -> None:
    import matplotlib

    matplotlib.use("Agg")
    font = _cjk_font()
    if font:
        matplotlib.rcParams["font.family"] = [font, "DejaVu Sans"]


def budget_png(plan: Plan) -> bytes | None:
    lines = [ln for ln in plan.budget.lines if ln.share is not None or ln.amount is not None]
    if not lines:
        return None
    _setup()
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 2.8))
    values = [float(ln.share if ln.share is not None else ln.amount or 0) for ln in lines]
    ax.barh(_labels([ln.item for ln in lines])[::-1], values[::-1], color="#4c78a8")
    ax.set_xlabel(
        "%" if all(ln.share is not None for ln in lines) else labels(plan.language)["amount"]
    )
    return _png(fig)


def forecast_png(plan: Plan) -> bytes | None:
    f = plan.forecast
    if f is None or not f.points:
        return None
    _setup()
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 2.8))
    xs = list(range(len(f.points)))
    ax.fill_between(
        xs, [p.lower for p in f.points], [p.upper for p in f.points], alpha=0.25, color="#4c78a8"
    )
    ax.plot(xs, [p.value for p in f.points], marker="o", color="#4c78a8")
    ax.set_xticks(xs, [p.period for p in f.points], rotation=45, ha="right", fontsize=8)
    ax.set_title(f.model, fontsize=9)
    return _png(fig)


def calendar_png(plan: Plan) -> bytes | None:
    from assistant.analysis.budget import month_of

    entries = [(m, e.activity) for e in plan.calendar if (m := month_of(e.when)) is not None]
    if not entries:
        return None
    _setup()
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 1.8))
    names = _labels([a for _, a in entries])
    ax.scatter([m for m, _ in entries], [1] * len(entries), s=60, color="#f58518")
    for (m, _), name in zip(entries, names, strict=True):
        ax.annotate(
            name[:28],
            (m, 1),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=7,
            rotation=20,
        )
    ax.set_xlim(0.5, 12.5)
    ax.set_xticks(range(1, 13))
    ax.set_yticks([])
    return _png(fig)

"""Prompt files in `prompts/`: `NAME.LANG.md` where wording differs by language, else `NAME.md`.
One loader; a missing variable is an error, never a silently empty slot."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from assistant.core.errors import ConfigError


@lru_cache(maxsize=64)
def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def prompt_path(prompts_dir: Path, name: str, lang: str) -> Path:
    for candidate in (prompts_dir / f"{name}.{lang}.md", prompts_dir / f"{name}.md"):
        if candidate.exists():
            return candidate
    raise ConfigError(
        f"Prompt '{name}' not found in {prompts_dir}.",
        f"{prompts_dir}에서 프롬프트 '{name}'을(를) 찾을 수 없습니다.",
    )


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render_prompt(prompts_dir: Path, name: str, lang: str, **values: object) -> str:
    template = _read(str(prompt_path(prompts_dir, name, lang)))
    missing = sorted(fields(template) - set(values))
    if missing:
        raise ConfigError(
            f"Prompt '{name}' needs {', '.join(missing)}.",
            f"프롬프트 '{name}'에 {', '.join(missing)} 값이 필요합니다.",
        )
    return template.format(**values)

"""Segment-typical persona entries from the knowledge base (knowledge/{en,ko}/sections/
mkt_audience_personas.md, 'Typical entries' headings): what fills a persona field the user did not
give, always marked as typical with its page, never a bracket placeholder."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PAGE = "sections/mkt_audience_personas.md"
_HEADINGS = {
    ("en", "b2b"): "Typical entries: business buyers",
    ("en", "consumer"): "Typical entries: consumers",
    ("ko", "b2b"): "일반적인 항목: 기업 구매자",
    ("ko", "consumer"): "일반적인 항목: 소비자",
    # a buying-committee function has its own goals, objections and triggers (a CFO is no HR lead)
    ("en", "finance"): "Typical entries: finance buyers",
    ("en", "it"): "Typical entries: IT buyers",
    ("en", "owner"): "Typical entries: owners and chief executives",
    ("ko", "finance"): "일반적인 항목: 재무 책임자",
    ("ko", "it"): "일반적인 항목: IT 책임자",
    ("ko", "owner"): "일반적인 항목: 대표와 경영자",
}
_FIELDS = {
    "goals": ("Goals", "목표"), "pains": ("Pains", "불편"), "objections": ("Objections", "반대 의견"),
    "buying_triggers": ("Buying triggers", "구매 계기"), "channels": ("Information channels", "정보 채널"),
    "decision_role": ("Decision role", "의사결정 역할"),
}  # fmt: skip


@lru_cache(maxsize=8)
def _read(knowledge_dir: str, lang: str, segment: str) -> dict[str, list[str]]:
    path = Path(knowledge_dir) / lang / PAGE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    heading = _HEADINGS[(lang, segment)]
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    if not m:
        return {}
    out: dict[str, list[str]] = {}
    for field, names in _FIELDS.items():
        name = names[1] if lang == "ko" else names[0]
        line = re.search(rf"^- {re.escape(name)}:\s*(.+)$", m.group(1), re.M)
        if line:
            out[field] = [x.strip() for x in line.group(1).split(";") if x.strip()]
    return out


@lru_cache(maxsize=4)
def _title(knowledge_dir: str, lang: str) -> str:
    try:
        text = (Path(knowledge_dir) / lang / PAGE).read_text(encoding="utf-8")
    except OSError:
        return ""
    m = re.search(r'^title:\s*"?(.+?)"?\s*$', text, re.M)
    return m.group(1) if m else ""


def typical_entries(
    lang: str, segment: str, function: str = ""
) -> tuple[dict[str, list[str]], str]:
    """({field: entries}, the knowledge page they come from, by its title) for 'b2b' or
    'consumer' buyers; a business buyer's function ('finance', 'it', 'owner') has its own
    entries, with the business buyer's for any field it lacks."""
    from assistant.core.settings import get_settings

    lang = "ko" if lang == "ko" else "en"
    segment = "consumer" if segment == "consumer" else "b2b"
    where = str(get_settings().knowledge_dir)
    entries = _read(where, lang, segment)
    if segment == "b2b" and (lang, function) in _HEADINGS:
        entries = {**entries, **_read(where, lang, function)}
    title = _title(where, lang)
    kb = "지식 베이스" if lang == "ko" else "knowledge base"
    return entries, f"{kb}: {title}" if title else f"knowledge/{lang}/{PAGE}"

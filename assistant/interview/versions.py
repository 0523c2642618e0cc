"""Plan versions in words: `versions` lists them, `diff N M` says what changed between two (sections,
facts, goals), `restore N` brings a version back as a new one. Pure functions over plans."""

from __future__ import annotations

import re

from assistant.core.fact_sheet import Fact, fact_label
from assistant.core.plan import Plan

_COMMAND = re.compile(
    r"^\s*(?:(?P<list>versions|version\s+list|history\s+of\s+versions|버전|버전\s*목록)"
    r"|(?P<diff>diff|compare|비교)(?:\s+(?:v)?(?P<a>\d+)(?:\s*(?:and|to|vs|-|와|과)?\s*(?:v)?(?P<b>\d+))?)?"
    r"|(?P<restore>restore|복원)\s+(?:v|version\s+|버전\s*)?(?P<n>\d+))\s*[.!]?\s*$",
    re.I,
)


def parse_version_command(text: str) -> tuple[str, int | None, int | None] | None:
    """('list'|'diff'|'restore', a, b) or None."""
    m = _COMMAND.match(text)
    if m is None:
        return None
    if m.group("list"):
        return "list", None, None
    if m.group("restore"):
        return "restore", int(m.group("n")), None
    a, b = m.group("a"), m.group("b")
    return "diff", int(a) if a else None, int(b) if b else None


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return cut + " …"


def _value(fact: Fact | None, lang: str) -> str:
    from assistant.interview.readout import value_text

    return "-" if fact is None else value_text(fact, lang)


def diff_plans(old: Plan, new: Plan, lang: str) -> list[str]:
    """What changed from `old` to `new`: sections answered or rewritten, facts, goals."""
    ko = lang == "ko"
    out: list[str] = []
    for sid, section in new.sections.items():
        before = old.sections.get(sid)
        was = before.content if before else ""
        if section.content != was:
            title = new.title(sid)
            if not was:
                out.append(f"{title}: 답변 추가" if ko else f"{title}: answered")
            elif not section.content:
                out.append(f"{title}: 내용 삭제" if ko else f"{title}: cleared")
            else:
                out.append(f"{title}: '{_short(was)}' → '{_short(section.content)}'")
    old_facts = {f.id: f for f in old.facts}
    new_facts = {f.id: f for f in new.facts}
    for fid in dict.fromkeys([*old_facts, *new_facts]):
        a, b = old_facts.get(fid), new_facts.get(fid)
        if a is not None and b is not None and a.value == b.value and a.period == b.period:
            continue
        label = fact_label(fid, lang)
        out.append(f"{label}: {_value(a, lang)} → {_value(b, lang)}")
    old_goals = [g.text for g in old.goals]
    new_goals = [g.text for g in new.goals]
    for text in new_goals:
        if text not in old_goals:
            out.append(
                f"목표 추가/변경: {_short(text)}"
                if ko
                else f"goal added or changed: {_short(text)}"
            )
    for text in old_goals:
        if text not in new_goals:
            out.append(
                f"목표 삭제/변경 전: {_short(text)}"
                if ko
                else f"goal removed or replaced: {_short(text)}"
            )
    return out

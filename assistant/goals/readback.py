"""Show the user what was read from a goal, and read their plain-word corrections of it."""

from __future__ import annotations

import re
from datetime import date

from assistant.core.facts import Amount, GoalFrame, Target
from assistant.goals.dates import read_deadline
from assistant.goals.kpi import get_kpi
from assistant.goals.numbers import format_amount, read_quantities
from assistant.goals.smart import a_month


def date_text(iso: str, lang: str) -> str:
    """'2027-06-30' for English readers, '2027년 6월 30일' for Korean ones."""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.year}년 {d.month}월 {d.day}일" if lang == "ko" else d.isoformat()


def read_back_line(frame: GoalFrame, lang: str) -> str:
    """One line of what was read: 'target 40 contracts · no baseline · by 2027-12-31 · KPI …'."""
    ko = lang == "ko"
    parts: list[str] = []
    if frame.target is not None:
        amount = a_month(format_amount(frame.target.value, frame.target.unit, lang), frame, lang)
        if frame.target.kind == "change":
            parts.append(f"목표 {amount} 증감" if ko else f"target a change of {amount}")
        else:
            parts.append(f"목표 {amount}" if ko else f"target {amount}")
    else:
        parts.append("목표 수치 없음" if ko else "no target number")
    if frame.baseline is not None:
        amount = a_month(
            format_amount(frame.baseline.value, frame.baseline.unit, lang), frame, lang
        )
        data = frame.baseline.source == "sales history"
        parts.append(
            (f"기준값 {amount}" + (" (판매 이력)" if data else ""))
            if ko
            else (f"baseline {amount}" + (" (from sales history)" if data else ""))
        )
    else:
        parts.append("기준값 없음" if ko else "no baseline")
    if frame.deadline:
        parts.append(
            f"기한 {date_text(frame.deadline, lang)}"
            if ko
            else f"by {date_text(frame.deadline, lang)}"
        )
    else:
        parts.append("기한 없음" if ko else "no deadline")
    if frame.kpi:
        try:
            name = get_kpi(frame.kpi).name.get(lang)
        except KeyError:
            name = frame.kpi
        parts.append(f"KPI {name}")
    return " · ".join(parts)


_FIELD = (
    r"(?P<field>target|goal\s+value|baseline|starting\s+point|deadline|due\s+date|"
    r"목표값|목표치|목표|기준값|기준치|기준|현재값|기한|마감일|마감)"
)
_CORRECTION = re.compile(
    rf"^(?:(?:for\s+)?(?:goal|목표)\s*#?\s*(?P<n>\d{{1,2}})\s*(?:번)?\s*(?:의)?\s*[:,]?\s*)?"
    rf"(?:the\s+)?{_FIELD}\s*(?:is|should\s+be|=|:|->|→|은|는|이|가|을|를|을\s+)?\s*"
    r"(?P<value>.{1,60}?)\s*(?:(?:으로|로)?\s*(?:해\s*주세요|해\s*줘|바꿔\s*주세요|바꿔\s*줘|고쳐\s*주세요|입니다|이에요|예요|야|please))?[.!]?$",
    re.I,
)
# '2번 목표는 1만 명으로 바꿔 주세요', '목표 2는 1만 명으로', '3번 목표 기한은 2027년 6월로': a numbered
# goal and a new value (the target unless a field is named)
_CORRECTION_KO = re.compile(
    r"^(?:(?P<n1>\d{1,2})\s*번\s*목표|목표\s*(?P<n2>\d{1,2})\s*(?:번)?)\s*(?:의)?\s*"
    r"(?:(?P<field>목표값|목표치|기준값|기준치|기준|현재값|기한|마감일|마감)\s*)?(?:은|는|을|를|:)?\s*"
    r"(?P<value>.{1,40}?)\s*(?:으로|로)\s*(?:바꿔\s*주세요|바꿔\s*줘|바꿔요|해\s*주세요|해\s*줘|고쳐\s*주세요|"
    r"수정해\s*주세요|변경해\s*주세요|합니다|할게요)?[.!]?$"
)
_BASE_WORDS = ("baseline", "starting point", "기준값", "기준치", "기준", "현재값")
_DEADLINE_WORDS = ("deadline", "due date", "기한", "마감일", "마감")


class Correction:
    """A user's fix to one part of a goal's frame (goal number 1-based, or None for 'the last')."""

    def __init__(self, field: str, amount: Amount | None, deadline: str | None, goal: int | None):
        self.field = field  # "target" | "baseline" | "deadline"
        self.amount = amount
        self.deadline = deadline
        self.goal = goal


def parse_correction(text: str, today: date | None = None) -> Correction | None:
    """'target is 45', '기준값 30건', 'goal 2 deadline June 2027' → a Correction; else None."""
    s = " ".join(text.split())
    if len(s) > 90 or re.search(r"[?？]\s*$|어떻게|무엇|뭐|\b(?:how|what|why|which)\b", s, re.I):
        return None  # a question about a goal is not a correction of it
    ko = _CORRECTION_KO.match(s)
    m = _CORRECTION.match(s) if not ko else None
    if not m and not ko:
        return None
    if ko:
        word = ko.group("field") or "목표값"
        value = ko.group("value").strip()
        goal: int | None = int(ko.group("n1") or ko.group("n2"))
    else:
        assert m is not None
        word = m.group("field").lower()
        value = m.group("value").strip()
        goal = int(m.group("n")) if m.group("n") else None
    if len(value.split()) > 5:
        return None  # a sentence, not a value: it is an answer, not a correction
    if any(word.startswith(w) for w in _DEADLINE_WORDS):
        when = read_deadline(value, today)
        return Correction("deadline", None, when.isoformat(), goal) if when else None
    found = [q for q in read_quantities(value) if not q.is_range]
    if len(found) != 1:
        return None
    q = found[0]
    leftover = (value[: q.start] + value[q.end :]).strip(" .,")
    if len(leftover.split()) > 2:
        return None  # more words than a value and its unit: an answer, not a correction
    field = "baseline" if any(word.startswith(w) for w in _BASE_WORDS) else "target"
    return Correction(field, Amount(value=q.value, unit=q.unit, source="user"), None, goal)


def apply_correction(frame: GoalFrame, fix: Correction) -> GoalFrame:
    """The frame with the user's fix; a number given without a unit keeps the unit read before."""
    out = frame.model_copy(deep=True)
    if fix.field == "deadline":
        out.deadline = fix.deadline
    elif fix.amount is not None:
        old = out.target if fix.field == "target" else out.baseline
        unit = (
            fix.amount.unit
            or (old.unit if old else "")
            or (
                (out.baseline.unit if fix.field == "target" and out.baseline else "")
                or (out.target.unit if fix.field == "baseline" and out.target else "")
            )
        )
        if fix.field == "target":
            kind = out.target.kind if out.target else "level"
            out.target = Target(value=fix.amount.value, unit=unit, kind=kind, source="user")
        else:
            out.baseline = Amount(value=fix.amount.value, unit=unit, source="user")
    if fix.field not in out.corrected:
        out.corrected = [*out.corrected, fix.field]
    return out


def period_text(period: str, lang: str) -> str:
    """A data period for a reader: '2026-07' -> '2026년 7월'; '2026-Q3' -> '2026년 3분기'."""
    if lang != "ko":
        return period
    m = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if m:
        return f"{m.group(1)}년 {int(m.group(2))}월"
    q = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if q:
        return f"{q.group(1)}년 {q.group(2)}분기"
    d = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", period)
    if d:
        return f"{d.group(1)}년 {int(d.group(2))}월 {int(d.group(3))}일"
    return period


def corrected_text(text: str, before: GoalFrame | None, fix: Correction, lang: str) -> str:
    """The goal's text with the corrected number written in, so text and reading never disagree:
    the one number in the text that held the old value is replaced by the new one, in the text's
    own style ('from 12 to 60' -> 'from 12 to 50'). Unchanged when the old value cannot be found
    exactly once (the read-back then shows the correction)."""
    from assistant.goals.numbers import format_amount, read_quantities

    if fix.amount is None or before is None:
        return text
    old = before.target if fix.field == "target" else before.baseline
    if old is None:
        return text
    spots = [q for q in read_quantities(text) if not q.is_range and abs(q.value - old.value) < 1e-9]
    if len(spots) != 1:
        return text
    q = spots[0]
    unit = fix.amount.unit or old.unit
    written = text[q.start : q.end].rstrip()
    value = fix.amount.value
    if "%" in written or (unit.isupper() and len(unit) == 3) or any(c in written for c in "$₩€원"):
        new = format_amount(value, unit, lang)  # amounts and rates keep their own unit style
    else:
        new = f"{value:,.0f}" if value == int(value) else f"{value:,g}"
        if unit and written.endswith(unit):  # '200곳', '5,000명', '60 leads'
            new += (" " if written[: -len(unit)].endswith(" ") else "") + unit
    return text[: q.start] + new + text[q.start + len(written) :]

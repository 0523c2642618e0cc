"""Months and quarters: the month a calendar entry names, and the budget spread by quarter."""

from __future__ import annotations

import re

from assistant.core.plan import Plan

_MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_ABBR = [m[:3] for m in _MONTHS_EN]


def month_of(when: str) -> int | None:
    """1-12 for 'March', 'Mar', '3월', '2027-03'; quarters map to their first month."""
    w = when.strip().lower()
    m = re.search(r"(\d{1,2})\s*(?:[~～–-]\s*\d{1,2}\s*)?월", w) or re.search(r"\d{4}-(\d{1,2})", w)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1))
    q = re.search(r"q([1-4])|([1-4])\s*분기", w)
    if q:
        return (int(q.group(1) or q.group(2)) - 1) * 3 + 1
    for i, (full, abbr) in enumerate(zip(_MONTHS_EN, _ABBR, strict=True)):
        if w.startswith(abbr) or w == full:
            return i + 1
    return None


def quarter_amounts(plan: Plan, total: float) -> tuple[list[float], int]:
    """The annual budget by quarter: each dated calendar cost in its quarter (a February trade
    show in Q1), the rest spread evenly. Returns the four amounts and how many costs were dated."""
    dated = [(m, e.cost) for e in plan.calendar if e.cost and (m := month_of(e.when)) is not None]
    placed = sum(c for _, c in dated)
    if not dated or placed > total * 1.0001:  # costs beyond the budget: the review says so
        return [round(total / 4, 2)] * 4, 0
    rest = (total - placed) / 4
    out = [rest] * 4
    for month, cost in dated:
        out[(month - 1) // 3] += cost
    return [round(x, 2) for x in out], len(dated)

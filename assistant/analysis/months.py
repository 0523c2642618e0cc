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


# a line spent on dated one-off events (a booth, a show, a conference): it falls when they happen
_EVENTS = re.compile(
    r"event|\bshows?\b|booth|expo|conference|\bfair\b|summit|trade\s*show|박람회|전시|행사|컨퍼런스|페어|부스",
    re.I,
)


def quarter_amounts(plan: Plan, total: float) -> tuple[list[float], int, list[str]]:
    """The annual budget by quarter: each dated calendar cost in its quarter (a February trade
    show in Q1); an events line with no costs on the calendar falls in the quarters of the dated
    events it pays for ('events $120,000' and 'January: NRF show'); the rest spread evenly.
    Returns the four amounts, how many costs were dated and the lines placed by their events."""
    from assistant.analysis.text_words import words

    dated = [(m, e.cost) for e in plan.calendar if e.cost and (m := month_of(e.when)) is not None]
    placed = sum(c for _, c in dated)
    if placed > total * 1.0001:  # costs beyond the budget: the review says so
        return [round(total / 4, 2)] * 4, 0, []
    by_line: list[tuple[str, float, list[int]]] = []
    if not dated:
        for line in plan.budget.lines:
            amount = line.amount if line.amount is not None else (total * line.share / 100 if line.share else None)  # fmt: skip
            if not amount or not _EVENTS.search(line.item):
                continue
            mine = words(line.item)
            months = [
                m
                for e in plan.calendar
                if (m := month_of(e.when)) is not None
                and _EVENTS.search(f"{e.activity} {e.channel}")
                and (not mine or mine & words(e.activity) or _EVENTS.search(line.item))
            ]
            if months:
                by_line.append((line.item, amount, months))
        if len(by_line) > 1:  # two event lines share the calendar's events: no way to tell apart
            by_line = []
    lined = sum(a for _, a, _ in by_line)
    rest = (total - placed - lined) / 4
    out = [rest] * 4
    for month, cost in dated:
        out[(month - 1) // 3] += cost
    for _, amount, months in by_line:
        for m in months:
            out[(m - 1) // 3] += amount / len(months)
    return [round(x, 2) for x in out], len(dated), [item for item, _, _ in by_line]

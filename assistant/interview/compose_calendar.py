"""The marketing calendar as a plan: each dated activity with the goal it serves and the budget
line that pays for it, then the recurring content of the content plan (two webinars a month) so
the calendar carries the volume the goals count on, then the seasonal moments to consider."""

from __future__ import annotations

import re

from assistant.analysis.budget import calendar_notes
from assistant.analysis.cadence import cadence_text, recurring_items
from assistant.analysis.linking import linker
from assistant.analysis.plan_analysis import plan_year
from assistant.analysis.plan_links import fits, plan_page, stages_of
from assistant.core.plan import CalendarEntry, Plan
from assistant.interview.compose import _table as table
from assistant.interview.compose import paying_lines
from assistant.interview.compose_moves import _goal_list

_LABELS = (
    {"when": "When", "activity": "Activity", "calendar": "Calendar"},
    {"when": "시기", "activity": "활동", "calendar": "캘린더"},
)


def _money(value: float, currency: str, lang: str) -> str:
    from assistant.goals.numbers import format_amount

    return format_amount(value, currency, lang)


def calendar_markdown(plan: Plan) -> str:
    L = _LABELS[plan.language == "ko"]
    if not plan.calendar:
        return ""
    default_year = plan_year(plan)
    ko, lang = plan.language == "ko", plan.language

    def when(e: CalendarEntry) -> str:
        year = e.year or default_year
        if ko:
            return f"{year}년 {e.when}"
        return f"{e.when}, {year}" if re.search(r"\d$", e.when) else f"{e.when} {year}"

    page = plan_page(plan)
    link = linker(plan, [e.activity for e in plan.calendar] + [r.text for r in page.rows])
    served = lambda key: [r.goal for r in page.rows if key in r.activities]  # noqa: E731
    pieces = [i for i in recurring_items(plan.user_text("mkt_content_strategy")) if i.period and not i.routine]  # fmt: skip
    names = [e.activity for e in plan.calendar] + [p.name for p in pieces]
    lines = paying_lines(plan, names) if plan.budget.lines else {}
    owners = any(e.owner for e in plan.calendar)
    costs = any(e.cost is not None for e in plan.calendar)
    paid = any(lines.get(n) for n in names)
    header = (
        [L["when"], L["activity"]]
        + (["담당" if ko else "Owner"] if owners else [])
        + (["비용" if ko else "Cost"] if costs else [])
        + (["예산 항목" if ko else "Paid from"] if paid else [])
        + ["지원 목표" if ko else "Serves"]
    )
    rows = []
    for e in plan.calendar:
        row = [when(e), e.activity]
        if owners:
            row.append(e.owner or "-")
        if costs:
            row.append(_money(e.cost, plan.budget.currency, lang) if e.cost is not None else "-")
        if paid:
            line = lines.get(e.activity)
            row.append(line.item if line else "-")
        row.append(_goal_list(served(f"{e.when}: {e.activity}"), ko))
        rows.append(row)
    for p in pieces:  # the content plan's recurring pieces: the volume the goals count on
        key = f"{cadence_text(p.count, p.period, ko)}: {p.name}"
        row = [
            ("상시 " if ko else "Ongoing, ") + cadence_text(p.count, p.period, ko),
            " ".join(p.name.split()),
        ]
        row += ["-"] * (owners + costs)
        if paid:
            line = lines.get(p.name)
            row.append(line.item if line else "-")
        # named by a goal, else the goals whose first stage the piece works at (blog posts bring
        # the traffic a traffic goal counts), as the plan on a page ties them
        goals = (
            served(key)
            or [r.goal for r in page.rows if link.shared(p.name, r.text) and fits(p.name, r.stages)]
            or [r.goal for r in page.rows if r.stages[:1] and stages_of(p.name)[:1] == r.stages[:1]]
        )
        row.append(_goal_list(goals, ko))
        rows.append(row)
    if all(r[-1] == "-" for r in rows):  # a column of dashes says nothing
        header, rows = header[:-1], [r[:-1] for r in rows]
    notes = "\n".join(f"- {n}" for n in calendar_notes(plan))
    return f"**{L['calendar']}**\n\n" + table(header, rows) + (f"\n\n{notes}" if notes else "")

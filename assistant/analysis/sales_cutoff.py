"""The last day a new lead can still close within the plan's year: the year's end less the stated
sales cycle. A dated activity after it feeds next year's pipeline, not this year's customer or
revenue goal (the plan on a page, the calendar and its note all read it from here)."""

from __future__ import annotations

from datetime import date, timedelta

from assistant.analysis.months import month_of
from assistant.core.plan import CalendarEntry, Plan

CLOSING_KPIS = ("new_customers", "revenue")


def cutoff(plan: Plan, year: int) -> tuple[date, float] | None:
    """(the last day a lead can close in `year`, the sales cycle in days), or None when the plan
    states no sales cycle (or one of a year or more)."""
    cycle = plan.fact("sales_cycle_days")
    if cycle is None or not isinstance(cycle.value, (int, float)) or not 0 < cycle.value < 365:
        return None
    return date(year, 12, 31) - timedelta(days=int(cycle.value)), float(cycle.value)


def after_cutoff(plan: Plan, entry: CalendarEntry, year: int) -> bool:
    """True when a dated activity falls in a month after the cutoff of the plan's year."""
    last = cutoff(plan, year)
    month = month_of(entry.when)
    if last is None or month is None or (entry.year and entry.year != year):
        return False
    return month > last[0].month

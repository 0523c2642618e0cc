"""Baselines from data: a goal's starting point read from the uploaded sales history."""

from __future__ import annotations

import re
from datetime import date

from assistant.core.facts import Amount, GoalFrame
from assistant.core.plan import Forecast, HistorySeries

# What a history column measures, by its name.
_COLUMN_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("new_customers", re.compile(
        r"new[_ ]?(?:contracts?|customers?|clients?|deals?|accounts?|merchants?|stores?|logos?)|"
        r"contracts?|customers?|clients?|deals?(?:[_ ]won)?|wins|merchants?|logos|"
        r"신규|계약|고객|거래처|가맹점|수주", re.I)),
    ("revenue", re.compile(r"revenue|sales|bookings|turnover|arr|mrr|income|amount|매출|판매액|수익|금액", re.I)),
    ("units", re.compile(r"units?|orders?|quantity|volume|판매량|수량|주문", re.I)),
    ("leads", re.compile(r"leads?|mqls?|sqls?|리드", re.I)),
]  # fmt: skip
# What a goal measures, from its KPI and the words of its metric.
_GOAL_KINDS: list[tuple[str, set[str], re.Pattern[str]]] = [
    ("new_customers", {"new_customers"}, re.compile(
        r"contracts?|customers?|clients?|deals?|accounts?|merchants?|stores?|logos?|계약|고객|거래처|가맹점|수주", re.I)),
    ("revenue", {"revenue"}, re.compile(r"revenue|sales|bookings|turnover|arr|mrr|매출|판매액", re.I)),
    ("units", set(), re.compile(r"units?|orders?|판매량|주문", re.I)),
    ("leads", {"leads"}, re.compile(r"leads?|mqls?|리드", re.I)),
]  # fmt: skip
_PERIODS_PER_YEAR = {"monthly": 12, "quarterly": 4, "weekly": 52}


def _column_kind(column: str) -> str | None:
    for kind, pattern in _COLUMN_KINDS:
        if pattern.search(column):
            return kind
    return None


def _goal_kind(frame: GoalFrame) -> str | None:
    words = f"{frame.metric} {frame.target.unit if frame.target else ''}"
    for kind, kpis, pattern in _GOAL_KINDS:
        if frame.kpi in kpis or pattern.search(words):
            return kind
    return None


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _matching_series(frame: GoalFrame, forecast: Forecast) -> HistorySeries | None:
    wanted = _goal_kind(frame)
    if wanted is None:
        return None
    for series in forecast.series:
        if _column_kind(series.column) == wanted:
            return series
    return None


def history_baseline(
    frame: GoalFrame, forecast: Forecast | None, plan_start: date
) -> Amount | None:
    """The actual for the stretch before the goal's period that is as long as the goal's period
    (at most a year): the last 12 months of `new_contracts` for 'Close 70 contracts in 2027'."""
    if forecast is None or frame.target is None or frame.target.kind != "level":
        return None
    if frame.target.unit in ("%", "pp", "x"):
        return None  # rates and multiples are not sums of a history column
    series = _matching_series(frame, forecast)
    if series is None or not series.values:
        return None
    per_year = _PERIODS_PER_YEAR.get(series.frequency, 12)
    months = 12
    if frame.deadline:
        end = date.fromisoformat(frame.deadline)
        months = max(1, min(12, _months_between(plan_start, end)))
    periods = max(1, round(months * per_year / 12))
    window = series.values[-periods:]
    if len(window) < periods:
        return None
    unit = frame.target.unit
    return Amount(value=round(float(sum(window)), 2), unit=unit, source="sales history")


def history_span(frame: GoalFrame, forecast: Forecast | None, plan_start: date) -> str:
    """The periods a history baseline covers ('2025-01–2025-12'), or ''."""
    if forecast is None or frame.baseline is None or frame.baseline.source != "sales history":
        return ""
    series = _matching_series(frame, forecast)
    if series is None:
        return ""
    per_year = _PERIODS_PER_YEAR.get(series.frequency, 12)
    months = 12
    if frame.deadline:
        months = max(1, min(12, _months_between(plan_start, date.fromisoformat(frame.deadline))))
    periods = max(1, round(months * per_year / 12))
    labels = series.periods[-periods:]
    return f"{labels[0]}–{labels[-1]}" if labels else ""

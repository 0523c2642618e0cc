"""Actuals against targets: each goal's KPI actual, the value expected by now (linear pacing from
baseline to target over the goal's period), a status, and suggestions grounded in the guidance."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel

from assistant.analysis.forecast_data import _read, clean_number, parse_period
from assistant.core.errors import DataError
from assistant.core.plan import Goal, Plan
from assistant.goals.frame import read_goal_frame
from assistant.goals.kpi import get_kpi, kpi_catalogue, kpi_label
from assistant.goals.smart_horizon import horizon_days

Status = Literal["on track", "at risk", "off track", "no data"]
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "on track": ("on track", "순항"), "at risk": ("at risk", "주의"),
    "off track": ("off track", "미달"), "no data": ("no data", "데이터 없음"),
}  # fmt: skip


def status_label(status: str, lang: str) -> str:
    """A goal's pace in the reader's words (the JSON keeps the status values)."""
    en, ko = STATUS_LABELS.get(status, (status, status))
    return ko if lang == "ko" else en


_CUMULATIVE_UNITS = {"count", "currency"}

# (topic, language, headings) -> (passage text, source) of the first matching passage, or None
Guidance = Callable[[str, str, tuple[str, ...]], tuple[str, str] | None]


class Actual(BaseModel):
    kpi: str
    period: str
    end: date
    value: float


class GoalStatus(BaseModel):
    text: str
    kpi: str
    target: float | None
    actual: float | None
    expected_now: float | None
    status: Status


class Tracking(BaseModel):
    goals: list[GoalStatus]
    suggestions: list[str]
    messages: list[str] = []

    def contract(self) -> dict[str, object]:
        return {"goals": [g.model_dump() for g in self.goals], "suggestions": self.suggestions}


def _kpi_lookup() -> dict[str, str]:
    """Every way to name a KPI (id, names in both languages, name cues) -> id."""
    table: dict[str, str] = {}
    for kpi in kpi_catalogue().values():
        for key in (kpi.id, kpi.name.en, kpi.name.ko, *kpi.name_cues):
            table[_norm(key)] = kpi.id
            short = re.sub(r"\s*\(.*?\)", "", key)
            table[_norm(short)] = kpi.id
    return table


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-()]+", " ", str(text).lower()).strip()


def load_actuals(path: Path) -> tuple[list[Actual], list[str]]:
    """Rows of (KPI, period, value); unknown KPIs, missing periods and bad numbers are reported."""
    frame = _read(Path(path))
    cols = {_norm(c): c for c in frame.columns}
    kpi_col = next(
        (
            cols[c]
            for c in cols
            if c in ("kpi", "kpi id", "kpi_id", "metric", "지표", "kpi명", "지표명")
        ),
        None,
    )
    period_col = next(
        (
            cols[c]
            for c in cols
            if c in ("period", "month", "date", "quarter", "week", "기간", "월", "날짜", "분기")
        ),
        None,
    )
    value_col = next(
        (cols[c] for c in cols if c in ("value", "actual", "actuals", "값", "실적", "실제")), None
    )
    missing = [
        name
        for name, col in (("kpi", kpi_col), ("period", period_col), ("value", value_col))
        if col is None
    ]
    if missing:
        raise DataError(
            f"Actuals need columns kpi, period and value (missing: {', '.join(missing)}).",
            f"실적 파일에는 kpi, period, value 열이 필요합니다(없는 열: {', '.join(missing)}).",
        )
    lookup = _kpi_lookup()
    actuals: list[Actual] = []
    messages: list[str] = []
    unknown: set[str] = set()
    for i, row in frame.iterrows():
        line = int(str(i)) + 2
        name = str(row[kpi_col]).strip()
        kpi_id = lookup.get(_norm(name))
        if kpi_id is None:
            unknown.add(name)
            continue
        period = parse_period(str(row[period_col]))
        if period is None:
            messages.append(f"row {line}: no period for {name}; skipped")
            continue
        raw = str(row[value_col])
        value = clean_number(raw.replace("%", ""))
        if value is None or value != value:
            messages.append(f"row {line}: value '{raw}' for {name} is not a number; skipped")
            continue
        unit = get_kpi(kpi_id).unit
        if "%" in raw and unit != "percent":
            kind = {"currency": "an amount", "count": "a count"}.get(unit, "a number")
            messages.append(
                f"row {line}: {name} is {kind}, not a percentage, but the value has a % sign"
            )
        if unit == "percent" and "%" not in raw and 0 < abs(value) <= 1:
            value *= 100
            messages.append(f"row {line}: {name} value {raw} read as a fraction, i.e. {value:g}%")
        actuals.append(
            Actual(kpi=kpi_id, period=str(period), end=period.end_time.date(), value=value)
        )
    if unknown:
        messages.insert(
            0,
            f"unknown KPI name(s): {', '.join(sorted(unknown))} - use a KPI name in English or Korean (e.g. leads, revenue, CAC, 리드 수, 매출)",
        )
    if not actuals:
        raise DataError(
            "No usable actuals: " + "; ".join(messages[:3]),
            "사용할 수 있는 실적이 없습니다: " + "; ".join(messages[:3]),
        )
    return actuals, messages


def goal_target_value(goal: Goal) -> tuple[float | None, float | None]:
    """(target level, baseline) from the goal's frame: a change 'by 25%' becomes a level when the
    baseline is known; a count to add with no baseline is tracked as a running total."""
    frame = goal.frame or read_goal_frame(goal.text)
    if frame.target is None:
        return None, None
    baseline = frame.baseline.value if frame.baseline else None
    t = frame.target
    if t.kind == "level":
        return t.value, baseline
    if t.unit == "%":
        return (baseline * (1 + t.value / 100), baseline) if baseline is not None else (None, None)
    if t.unit == "x":
        return (baseline * t.value, baseline) if baseline is not None else (None, None)
    return (baseline + t.value if baseline is not None else t.value), baseline


_LEVEL_WORDS = re.compile(
    r"\b(?:arr|mrr|run[- ]rate|subscribers?|active\s+(?:users|customers|accounts)|members|"
    r"monthly\s+(?:visits|visitors|users)|per\s+month|a\s+month|stores?\s+open|headcount|base)\b"
    r"|구독자|회원\s*수|활성\s*(?:고객|사용자)|월\s*방문|월간|매장\s*수",
    re.I,
)


def is_flow(goal: Goal, kpi_unit: str) -> bool:
    """A flow goal counts what happens over its period (leads, new contracts, revenue in 2027);
    a level goal names where a measure stands at a date (ARR, subscribers, monthly visits, rates)."""
    if kpi_unit not in _CUMULATIVE_UNITS:
        return False
    frame = goal.frame or read_goal_frame(goal.text)
    if (
        frame.target is not None
        and frame.target.kind == "change"
        and frame.target.unit in ("%", "x")
    ):
        return False
    return not _LEVEL_WORDS.search(f"{frame.metric} {goal.text}")


def period_start(goal: Goal, created: date) -> date:
    """Where a goal's period starts: the first day of its deadline's year when the plan was made
    before that year (a 2027 goal in a plan written in December 2026), else the plan's day."""
    frame = goal.frame or read_goal_frame(goal.text)
    if not frame.deadline:
        return created
    try:
        deadline = date.fromisoformat(frame.deadline)
    except ValueError:
        return created
    year_start = date(deadline.year, 1, 1)
    return year_start if created < year_start and (deadline - year_start).days >= 90 else created


def status_of(
    goal: Goal, actuals: list[Actual], start: date, today: date | None = None
) -> GoalStatus:
    kpi_id = goal.measurement.kpi if goal.measurement else (goal.kpis[0] if goal.kpis else "")
    rows = sorted((a for a in actuals if a.kpi == kpi_id), key=lambda a: a.end)
    target, baseline = goal_target_value(goal)
    if not rows or target is None:
        return GoalStatus(
            text=goal.text,
            kpi=kpi_id,
            target=target,
            actual=None,
            expected_now=None,
            status="no data",
        )
    unit = get_kpi(kpi_id).unit
    flow = is_flow(goal, unit)
    frame = goal.frame or read_goal_frame(goal.text)
    if flow and frame.target is not None and frame.target.kind == "change" and baseline is not None:
        target = frame.target.value  # 'add 500 customers': the flow is the 500, not base + 500
    start = period_start(goal, start) if flow else start
    cumulative = flow or (unit in _CUMULATIVE_UNITS and baseline is None)
    # a flow is counted from zero over its period (last year's flow is a comparison, not a start)
    actual = sum(a.value for a in rows if a.end >= start) if cumulative else rows[-1].value
    now = today or rows[-1].end
    days_total = horizon_days(goal.text, start)
    base = 0.0 if cumulative else (baseline if baseline is not None else rows[0].value)
    if not days_total or days_total <= 0:
        expected = target
    else:
        fraction = min(1.0, max(0.0, (now - start).days / days_total))
        expected = base + (target - base) * fraction
    decreasing = target < base
    ratio = (
        (expected / actual if actual else float("inf"))
        if decreasing
        else (actual / expected if expected else 1.0)
    )
    status: Status = "on track" if ratio >= 0.95 else ("at risk" if ratio >= 0.8 else "off track")
    return GoalStatus(
        text=goal.text,
        kpi=kpi_id,
        target=target,
        actual=round(actual, 2),
        expected_now=round(expected, 2),
        status=status,
    )


def _guidance(kpi_id: str, lang: str, guide: Guidance) -> str:
    tip = guide(f"kpi_{kpi_id}", lang, ("How to use it", "활용 방법"))
    return f"{tip[0]} [{tip[1]}]" if tip else ""


def track(plan: Plan, path: Path, guide: Guidance, today: date | None = None) -> Tracking:
    """Pace the goals against actuals; `guide` looks up knowledge passages for the suggestions."""
    actuals, messages = load_actuals(path)
    start = pd.Timestamp(plan.created).date() if plan.created else min(a.end for a in actuals)
    start = min(start, min(a.end for a in actuals).replace(day=1))
    statuses = [status_of(g, actuals, start, today) for g in plan.goals]
    for s in statuses:
        if s.status == "no data" and s.kpi:
            name = kpi_label(s.kpi, plan.language)
            messages.append(
                f'"{name}" 실적이 없습니다(목표 "{s.text[:60]}")'
                if plan.language == "ko"
                else f'no actuals for {name} (goal "{s.text[:60]}")'
            )
    lang = plan.language
    suggestions: list[str] = []
    for s in statuses:
        if s.status in ("at risk", "off track"):
            name = kpi_label(s.kpi, lang)
            pace = status_label(s.status, lang)
            head = (
                f"{name}: {pace} - 실적 {s.actual:,.0f}, 지금 예상치 {s.expected_now:,.0f}."
                if lang == "ko"
                else f"{name}: {pace} - actual {s.actual:,.0f} vs {s.expected_now:,.0f} expected by now."
            )
            suggestions.append(f"{head} {_guidance(s.kpi, lang, guide)}".strip())
    if suggestions:
        suggestions.append(_guidance_step(lang, guide))
    return Tracking(goals=statuses, suggestions=[s for s in suggestions if s], messages=messages)


def _guidance_step(lang: str, guide: Guidance) -> str:
    found = guide("step_optimize", lang, ("How to run it", "운영 방법"))
    return f"{found[0].splitlines()[0].lstrip('- ')} [{found[1]}]" if found else ""

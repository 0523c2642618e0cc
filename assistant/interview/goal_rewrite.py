"""A measurable version of a goal that states no number ('Be everywhere in retail', 'HR 업계 최고의
브랜드가 된다'), proposed from the plan's own facts: what to measure (awareness among the plan's
buyer), when the baseline is measured and by when the target is due (the plan's year), and the
plan's own move that carries it. The target stays the user's to set from the baseline: nothing
here invents a number."""

from __future__ import annotations

import re

from assistant.core.plan import Goal, Plan

# goals about the brand or the market's reach: measured by a survey of the plan's buyers
_BRAND_KPIS = ("brand_equity", "brand_awareness", "market_share")


def measurable_version(plan: Plan, goal: Goal) -> str:
    """The proposal in the plan's language, or '' when the goal has a number or no brand KPI."""
    f = goal.frame
    if f is not None and f.target is not None:
        return ""
    kpi = (f.kpi if f is not None and f.kpi else None) or (goal.kpis[0] if goal.kpis else "")
    if kpi not in _BRAND_KPIS:
        return ""
    from assistant.analysis.plan_goals import plan_year
    from assistant.analysis.plan_links import strategy_moves

    ko = plan.language == "ko"
    year = plan_year(plan)
    buyer = _buyer(plan)
    name = plan.company.strip()
    moves = [m for sid, m in strategy_moves(plan) if sid == "mkt_strategy"]
    move = moves[0].strip(" .") if moves else ""
    if ko:
        whom = f"{buyer} 사이에서 " if buyer else "목표 고객 사이에서 "
        brand = f"{name}의 " if name else ""
        how = f" 이 목표는 실행 방향 '{move}'(으)로 이룹니다." if move else ""
        from assistant.core.lang import fix_particles

        return fix_particles(
            f"{whom}{brand}보조 인지도(이름을 보여 주면 안다고 답하는 비율)를 {year}년 1분기 설문으로 먼저 측정하고, "
            f"{year}년 12월 31일까지의 목표를 그 기준값에서 정합니다.{how}"
        )
    whom = f" among {buyer}" if buyer else " among the plan's buyers"
    brand = (f"{name}' " if name.endswith("s") else f"{name}'s ") if name else ""
    how = f" The plan's move that carries it: '{move}'." if move else ""
    return (
        f"Measure {brand}aided awareness{whom} in a Q1 {year} survey, then set the "
        f"December 31, {year} target from that baseline.{how}"
    )


def _buyer(plan: Plan) -> str:
    """The primary persona's role, shortened to its head ('operations directors of 20-200 store
    retail chains' reads whole; a Korean role stays as written)."""
    if not plan.personas:
        return ""
    role = " ".join(plan.personas[0].role.split()).strip(" .")
    role = re.sub(r"\s*\([^()]*\)", "", role)  # its note ('(40대, 재무 겸직)') is not whom
    if plan.language == "ko" or not role:
        return role
    # 'operations director of a 20-200 store retail chain' -> '... directors of 20-200 store retail chains'
    m = re.match(r"(.+?)\s+of\s+an?\s+(.+)$", role)
    if m:
        return f"{_plural(m.group(1))} of {_plural(m.group(2))}"
    return _plural(role)


def _plural(phrase: str) -> str:
    if phrase.endswith(("s", "sh", "ch")):
        return phrase
    return (
        phrase[:-1] + "ies"
        if phrase.endswith("y") and phrase[-2:-1] not in "aeiou"
        else phrase + "s"
    )

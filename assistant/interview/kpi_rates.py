"""The rate and time figures a KPI table gives a measure: the win rate (the rate the sellers'
opportunities need, or the plan's assumption for now), the sales cycle the forecast assumes, and
the net revenue retention the revenue bridge needs."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.stage_rates import is_customer_stage, parse_fact
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan


def win_rate_target(plan: Plan, analysis: PlanAnalysis) -> tuple[str, str] | None:
    if not analysis.funnel or analysis.funnel[-1].rate is None:
        return None
    # a rate the user gave is theirs; a default is named as one (never passed off as a target)
    ko = plan.language == "ko"
    from assistant.interview.pipeline_feed import own_close_rate

    own_rate = own_close_rate(plan)
    source = (
        ("퍼널(계획상 전환율)" if ko else "funnel (your rate)")
        if own_rate
        else ("실측 전 업계 기본값" if ko else "industry default until measured")
    )
    rate = f"{analysis.funnel[-1].rate:g}%"
    from assistant.interview.pipeline_feed import rate_target

    found = rate_target(plan, analysis)
    if found is not None:  # the rate the sellers' opportunities need is the target
        from assistant.interview.pipeline_feed import rate_name

        need = "고객 목표에 필요한 값" if ko else "what the customer goal needs"
        return (f"약 {found[1]:.0f}%({rate_name(plan, found[0])} 대신)" if ko else f"about {found[1]:.0f}% (not {rate_name(plan, found[0])})"), need  # fmt: skip
    if (
        not own_rate
    ):  # a default is the plan's assumption, not a target: the target follows the baseline
        # a figure for now (the plan's own assumption), replaced by a dated measurement: never blank
        from assistant.analysis.plan_goals import plan_year

        year = plan_year(plan)
        return (f"우선 {rate}(계획의 가정), {year}년 1분기 실측값으로 다시 정함" if ko else f"{rate} for now (the plan's assumption), reset from Q1 {year}'s measured rate"), source  # fmt: skip
    return rate, source


def assumed_cycle(plan: Plan, analysis: PlanAnalysis) -> tuple[str, str] | None:
    """The sales cycle the proposed forecast assumes when the plan states none (the KPI
    reference's typical mid-market cycle): a figure for now, reset from a dated measurement, so
    the KPI and the forecast rest on the same number."""
    from assistant.analysis.plan_goals import plan_year
    from assistant.interview.forecast_proposal import opening_pipeline, proposal

    p = proposal(plan, analysis)
    o = opening_pipeline(plan, analysis, p) if p is not None else None
    if o is None or o.stated:
        return None
    year, ko = plan_year(plan), plan.language == "ko"
    return (
        f"우선 약 {o.cycle_days:.0f}일(영업 예측의 가정), {year}년 1분기 실측값으로 다시 정함" if ko else f"about {o.cycle_days:.0f} days for now (the forecast's assumption), reset from Q1 {year}'s measured cycle",
        "실측 전 업계 일반값(중견 기업 거래)" if ko else "typical mid-market cycle until measured",
    )  # fmt: skip


def nrr_target(analysis: PlanAnalysis, ko: bool) -> tuple[str, str] | None:
    b = analysis.revenue
    if not b.base or b.churned is None or b.gap is None:
        return None
    kept = (b.base - b.churned + max(b.gap, 0.0)) / b.base * 100
    return (
        f"{kept:.0f}% 이상" if ko else f"at least {kept:.0f}%",
        "매출 브리지(필요 확장 반영)" if ko else "revenue bridge (expansion needed)",
    )


def trial_measure(plan: Plan, analysis: PlanAnalysis) -> tuple[str, str] | None:
    """A trial's conversion when the strategy converts through a trial but the funnel has no
    trial stage: measured, not derived. A trial can start before a lead is qualified (the plan's
    MQL definition counts a trial request as intent), so the funnel's last rate is neither the
    trial's rate nor a floor under it."""
    from assistant.interview.offer_words import TRIAL

    said = " ".join(plan.user_text(s) for s in ("mkt_strategy", "sales_strategy", "sales_objectives"))  # fmt: skip
    if len(analysis.funnel) < 2 or not analysis.funnel[-1].rate or not TRIAL.search(said):
        return None
    from assistant.interview.workload_check import OPPORTUNITY

    if not OPPORTUNITY.search(analysis.funnel[-2].stage):
        return None  # a funnel ending at proposals or walk-throughs: its trial is no question here
    from assistant.analysis.plan_goals import plan_year

    rate, stage = analysis.funnel[-1].rate, analysis.funnel[-2].stage
    year = plan_year(plan)
    stated = stated_trial_rate(plan)
    if stated is not None:  # the user's own figure ('체험→유료 전환율 25%') is the target
        goal = stated_in_goal(plan)
        if plan.language == "ko":
            return (f"{stated:g}%(목표에 적힌 값)", "목표") if goal else (f"{stated:g}%(계획에 적힌 값)", "계획")  # fmt: skip
        return (f"{stated:g}% (the goal's)", "goal") if goal else (f"{stated:g}% (stated in the plan)", "plan")  # fmt: skip
    if plan.language == "ko":
        return (
            fix_particles(f"{year}년 1분기에 잰 값으로 정함: 계약 ÷ 체험 시작({stage}→계약 {rate:g}%는 {stage} 기준이고, 체험은 {stage}이(가) 되기 전에 시작될 수 있음)"),
            "먼저 측정; 출처: 체험 신청과 계약 기록",
        )  # fmt: skip
    return (
        f"set from Q1 {year}: customers won ÷ trials started (the {stage}-to-customer {rate:g}% counts {stage if stage.endswith('s') else stage + 's'}, and a trial can start before a lead is qualified)",
        "measure first; source: trial sign-ups and won deals",
    )


_TRIAL = re.compile(r"trial|체험", re.I)
_PAID = re.compile(r"paid|paying|유료", re.I)  # a trial's end stage: a paying customer


def stated_in_goal(plan: Plan) -> bool:
    """Whether the stage rates the trial rate comes from were written in a goal."""
    fact = plan.fact("stage_rates")
    return fact is not None and fact.section in ("mkt_objectives", "sales_objectives")


def stated_trial_rate(plan: Plan) -> float | None:
    """The trial-to-paying rate on the fact sheet's stage rates ('체험→유료 25%', read from
    '(체험→유료 전환율 25%)' or 'trial-to-paid conversion 30%'); None when none is said."""
    fact = plan.fact("stage_rates")
    if fact is None or not isinstance(fact.value, list):
        return None
    return next(
        (
            rate
            for a, b, rate in parse_fact([str(v) for v in fact.value])
            if _TRIAL.search(a) and (is_customer_stage(b) or _PAID.search(b))
        ),
        None,
    )

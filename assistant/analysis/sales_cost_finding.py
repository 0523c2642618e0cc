"""The review finding a marketing-only CAC gets when the sales team's cost is estimated: what CAC,
LTV:CAC and payback become with the team at typical cost."""

from __future__ import annotations

from typing import NamedTuple

from assistant.analysis.analysis_model import PlanAnalysis, UnitEconomics
from assistant.analysis.review_types import Finding
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def full_cac_figures(ue: UnitEconomics) -> tuple[float, float | None, float | None] | None:
    """(CAC, LTV:CAC, payback months) with the sales team's estimated cost, or None."""
    if not (ue.cac_estimated_full and ue.sales_cost_estimate and ue.cac):
        return None
    full = ue.cac_estimated_full
    payback = round(full / ue.monthly_margin, 1) if ue.monthly_margin else None
    return full, ue.ltv_to_cac_estimated, payback


def misses(ratio: float | None, payback: float | None) -> tuple[bool, bool]:
    """(LTV:CAC under the usual 3:1, payback past the usual 18 months)."""
    return bool(ratio and ratio < 3), bool(payback and payback > 18)


def bars(missed: tuple[bool, bool], ko: bool) -> str:
    """The usual bars the missed figures are held to: '3:1 and 18 months', '3:1', '18개월'."""
    said = [x for x, m in zip(("3:1", "18개월" if ko else "18 months"), missed, strict=True) if m]
    return (", " if ko else " and ").join(said)


def full_cac_finding(plan: Plan, a: PlanAnalysis) -> Finding:
    ue = a.unit_economics
    figures = full_cac_figures(ue)
    assert figures is not None and ue.sales_cost_estimate
    ko = plan.language == "ko"
    fm = lambda v: format_amount(about(v), ue.currency, plan.language)  # noqa: E731
    exact = lambda v: format_amount(v, ue.currency, plan.language)  # noqa: E731
    full, ratio, payback = figures
    budget = plan.number("sales_budget")
    counted_en = "the marketing and sales budgets but no pay" if budget else "marketing spend only"
    counted_ko = "인건비 없이 마케팅·영업 예산" if budget else "마케팅 비용"
    # the goals met with the extra leads the plan recommends paid for: the figures a decision
    # rests on (the same figures the summary and the unit economics table give)
    funded = funded_case(plan, a)
    if funded is not None:
        ratio, payback = funded.ratio or ratio, funded.payback or payback
        # the message quotes the same case as its fix: one set of figures in the finding
        full, figures = funded.cac, (funded.cac, funded.ratio, funded.payback)
    missed = misses(ratio, payback)
    weak = any(missed)
    paid_ko = "추천한 추가 리드 비용까지 넣고 " if funded else ""
    paid_en = " and the recommended extra leads paid for" if funded else ""
    if ko:
        parts = [f"약 {fm(full)}"]
        parts += [f"LTV:CAC 약 {figures[1]:g}:1"] if figures[1] else []
        parts += [f"회수 기간 약 {figures[2]:g}개월"] if figures[2] else []
        message = fix_particles(
            f"CAC에는 {counted_ko}만 들어 있어, 업계 평균 인건비로 추정한 영업팀 비용(연 "
            f"{exact(ue.sales_cost_estimate)})을 넣으면 "
            + (
                f"추천한 추가 리드 비용({fm(funded.money)})까지 넣고 목표를 모두 이룰 때 "
                if funded
                else ""
            )
            + f"{', '.join(parts)}임."
        )
        said = " · ".join(x for x, m in zip((f"LTV:CAC {ratio or 0:g}:1", f"회수 기간 {payback or 0:g}개월"), missed, strict=True) if m)  # fmt: skip
        fix = (
            f"영업비를 포함하면 {paid_ko}목표를 모두 이뤄도 {said}로 보통의 기준({bars(missed, True)})에 못 미침. 규모를 키우기 전에 거래 규모나 수주율을 높이거나 판매 비용을 낮출 방법을 정함. 영업 인건비는 실제 연간 비용이 나오면 그 값으로 다시 계산함."
            if weak
            else "영업 인건비는 업계 평균으로 추정한 값이며(가정 참고), 실제 연간 비용이 나오면 그 값으로 CAC를 다시 계산함."
        )
    else:
        ratio_en = f": LTV:CAC {figures[1]:g}:1" if figures[1] else ""
        back_en = (
            (", " if figures[1] else ": ") + f"payback {figures[2]:g} months" if figures[2] else ""
        )
        message = (
            f"CAC counts {counted_en}; with the sales team at typical "
            f"cost ({exact(ue.sales_cost_estimate)} a year) it is about "
            f"{fm(full)}{ratio_en}{back_en}"
            + (
                f" with every goal met and the recommended extra leads ({fm(funded.money)}) paid for."
                if funded
                else "."
            )
        )
        said = " and ".join(x for x, m in zip((f"an LTV:CAC of {ratio or 0:g}:1", f"a {payback or 0:g}-month payback"), missed, strict=True) if m)  # fmt: skip
        fix = (
            f"With the sales team's estimated cost (managers not counted) and even with every goal met{paid_en}, {said} {'miss' if all(missed) else 'misses'} the usual {bars(missed, False)}: decide how the plan raises deal size or win rate, or lowers the cost of a sale, before it scales; the team's cost is an estimate until its actual yearly cost replaces it."
            if weak
            else "The sales team's cost is an estimate (see Assumptions); the CAC is recomputed once its actual yearly cost is entered."
        )
    return Finding(
        severity="tip",  # an estimate, so a point to confirm, not an error in the plan
        sections=["mkt_budget", "sales_team_structure"],
        message=message,
        fix=fix,
    )


class LowCase(NamedTuple):
    """The fully loaded figures at what the plan has today rather than its goals: the customers
    the funnel yields (when short of the customer goal) and today's deal size (when the deal size
    is still a goal)."""

    cac: float
    ratio: float | None
    payback: float | None
    customers: float | None  # the funnel's customers, when they are the basis
    today: float | None  # today's deal size, when it is the basis


def full_cac_low_case(plan: Plan, ue: UnitEconomics) -> LowCase | None:
    """The fully loaded CAC, LTV:CAC and payback at the funnel's customers and today's deal size,
    or None when the plan's goals are already both (nothing lower to show)."""
    from assistant.analysis.plan_goals import deal_base, deal_size

    figures = full_cac_figures(ue)
    if figures is None or not ue.cac:
        return None
    full = figures[0]
    short = bool(ue.cac_at_funnel and ue.funnel_customers and ue.cac_at_funnel > ue.cac * 1.02)
    # the same spend over fewer customers: the CAC grows by goal / funnel customers
    cac = full * (ue.cac_at_funnel or ue.cac) / ue.cac if short else full
    size = deal_size(plan)
    today = deal_base(plan, size[0], size[1]) if size and size[2] == "goal" else None
    if not short and today is None:
        return None
    scale = today / size[0] if today and size else 1.0  # LTV and a month's margin scale with it
    return LowCase(
        cac=round(cac, 2),
        ratio=round(ue.ltv * scale / cac, 1) if ue.ltv else None,
        payback=round(cac / (ue.monthly_margin * scale), 1) if ue.monthly_margin else None,
        customers=ue.funnel_customers if short else None,
        today=today,
    )


class FundedCase(NamedTuple):
    """The goals met with the extra leads the lead decision recommends paid for: what they cost
    and the fully loaded and marketing-only figures with that money."""

    extra: float  # extra leads a year
    each: float  # the plan's cost per lead
    money: float  # what the extra leads cost
    cac: float  # with the estimated sales team cost
    ratio: float | None
    payback: float | None
    cac_mkt: float  # marketing only
    ratio_mkt: float | None
    payback_mkt: float | None


def funded_case(plan: Plan, a: PlanAnalysis) -> FundedCase | None:
    """The goals-met case with the recommended extra leads' cost added to today's budget, beside a
    base case (the unit economics' two cases); None when no extra leads are recommended, or the
    plan has no base case, team estimate or customer goal."""
    from assistant.analysis.lead_buffer import extra_lead_spend
    from assistant.analysis.plan_goals import customer_goal

    ue = a.unit_economics
    low = full_cac_low_case(plan, ue)
    if low is None or low.ratio is None or low.payback is None:
        return None  # no base case: the plan's goals are what it has today
    if ue.cac_marketing is not None or ue.orders_per_customer is not None:
        return None  # a stated sales budget or a shop's orders: one-column figures
    found = extra_lead_spend(plan, a)
    goal = customer_goal(plan)
    budget = plan.number("marketing_budget")
    if found is None or goal is None or not budget or not ue.sales_cost_estimate or not goal[1]:
        return None
    extra, each, money = found
    cac = (budget + ue.sales_cost_estimate + money) / goal[1]
    mkt = (budget + money) / goal[1]
    ratio = lambda c: round(ue.ltv / c, 1) if ue.ltv else None  # noqa: E731
    payback = lambda c: round(c / ue.monthly_margin, 1) if ue.monthly_margin else None  # noqa: E731
    return FundedCase(
        extra, each, money, cac, ratio(cac), payback(cac), mkt, ratio(mkt), payback(mkt)
    )


def goals_full_figures(
    plan: Plan, a: PlanAnalysis
) -> tuple[float, float | None, float | None, float] | None:
    """(fully loaded CAC, LTV:CAC, payback, marketing-only CAC) of the goals met: with the extra
    leads they need paid for when the plan recommends them (as the summary and the unit economics'
    last column say), else at today's budget. None without the sales team's estimated cost."""
    ue = a.unit_economics
    figures = full_cac_figures(ue)
    if figures is None or ue.cac is None:
        return None
    funded = funded_case(plan, a)
    if funded is not None:
        return funded.cac, funded.ratio, funded.payback, funded.cac_mkt
    return figures[0], figures[1], figures[2], ue.cac

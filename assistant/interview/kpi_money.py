"""The money figures the KPI tables give a measure: CAC (with the sales team's estimated cost when
the plan states none), cost per lead at the lead goal's yearly pace, and the marketing ROI (the
forecast's, with the goals' as its ceiling when the claim asks for more)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.analysis.analysis_model import UnitEconomics
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def low_cac(plan: Plan, ue: UnitEconomics) -> tuple[float, float | None, float | None] | None:
    """The base case (the funnel's customers at today's deal), when the goals' figures are not
    already it: (its fully loaded CAC, its marketing-only CAC when fewer customers make it
    differ, its LTV when today's deal makes it differ). The KPI table says both cases, as the
    unit economics do."""
    from assistant.analysis.sales_cost_finding import full_cac_low_case

    low = full_cac_low_case(plan, ue)
    if low is None:
        return None
    mkt = ue.cac_at_funnel if low.customers and ue.cac_at_funnel else None
    from assistant.analysis.plan_goals import deal_size

    size = deal_size(plan)  # LTV scales with the deal: today's over the goal's
    ltv = ue.ltv * low.today / size[0] if ue.ltv and low.today and size and size[0] else None
    return low.cac, mkt, ltv


def _cac(
    plan: Plan,
    cac: float | None,
    money: Callable[[float | None], tuple[str, str] | None],
    estimated: float | None = None,
    ltv: float | None = None,
    base_case: tuple[float, float | None, float | None] | None = None,
) -> tuple[str, str] | None:
    """The CAC figure, said to count marketing spend only when no sales cost is stated; with the
    sales team's cost estimated, the fully loaded figure first (an assumption, said as one)."""
    found = money(cac)
    full = money(estimated) if estimated else None
    ko = plan.language == "ko"
    low, low_mkt, low_ltv = base_case if base_case else (None, None, None)
    ceiling = money(ltv / 3) if ltv and estimated and estimated > ltv / 3 else None
    # the base case's own ceiling (LTV at today's deal ÷ 3) beside the goals' one: like for like
    low_ceiling = (
        money(low_ltv / 3) if low_ltv and ltv and abs(low_ltv - ltv) > ltv * 0.02 else None
    )
    mkt = money(low_mkt) if low_mkt else None
    mkt_said = (
        f"{mkt[0]} / {found[0]}"
        if mkt and found and mkt[0] != found[0]
        else found[0]
        if found
        else ""
    )
    if found is not None and full is not None and ceiling is not None:
        # the figure the plan calls a miss (under 3:1) is no target: the target is the most a
        # customer may cost for LTV:CAC to reach 3:1, with today's estimate beside it
        top = (
            (f"약 {low_ceiling[0]} 이하(기준안 LTV ÷ 3, 통상 기준 3:1; 목표 달성 시 {ceiling[0]})" if ko
             else f"at most about {low_ceiling[0]} (base-case LTV ÷ 3, the usual 3:1; {ceiling[0]} if the goals are met)")
            if low_ceiling else
            (f"약 {ceiling[0]} 이하(LTV ÷ 3, 통상 기준 3:1)" if ko else f"at most about {ceiling[0]} (LTV ÷ 3, the usual 3:1)")
        )  # fmt: skip
        return (
            (f"{top[:-1]}; 영업팀 포함 추정은 기준안 약 {base[0]}, 목표 달성 시 약 {full[0]}, 마케팅 비용만 {mkt_said})" if ko
             else f"{top[:-1]}; with the sales team it is about {base[0]} in the base case, {full[0]} if the goals are met; {mkt_said} on marketing spend only)")
            if (base := money(low) if low else None) is not None and base[0] != full[0]
            else (f"약 {ceiling[0]} 이하(LTV ÷ 3, 통상 기준 3:1; 영업팀 포함 추정 약 {full[0]}, 마케팅 비용만 {found[0]})" if ko
                  else f"at most about {ceiling[0]} (LTV ÷ 3, the usual 3:1; about {full[0]} with the sales team, {found[0]} on marketing spend only)"),
            "LTV ÷ 3(영업팀 비용은 추정)" if ko else "LTV ÷ 3 (sales team cost estimated)",
        )  # fmt: skip
    if found is not None and full is not None:
        return (
            # a cost to hold under, not a figure to reach
            f"약 {full[0]} 이하(영업팀 추정 비용 포함, 마케팅 비용만으로는 {found[0]})" if ko else f"at most about {full[0]} with an estimated sales team cost ({found[0]} on marketing spend only)",
            "분석(영업팀 비용은 추정)" if ko else "analysis (sales team cost estimated)",
        )  # fmt: skip
    if found is None or plan.number("sales_budget") is not None:
        return found
    # a marketing-only figure is no target for a sales plan's acquisition cost: it is said as
    # what it is, and the full figure waits for the sales team's cost
    ko = plan.language == "ko"
    return (
        f"영업팀 비용을 적으면 정함(마케팅 비용만으로는 {found[0]})" if ko else f"set once the sales team's cost is stated ({found[0]} on marketing spend only)",
        "분석(마케팅 비용만)" if ko else "analysis (marketing spend only)",
    )  # fmt: skip


def _cpl(plan: Plan, analysis: PlanAnalysis, ko: bool) -> tuple[str, str] | None:
    """The marketing budget over the lead goal: what each lead may cost for the plan to add up."""
    from assistant.analysis.plan_goals import cost_per_lead, lead_pace

    each = cost_per_lead(plan, analysis.funnel[0].volume) if analysis.funnel else None
    if each is None:
        return None
    cur = analysis.unit_economics.currency or plan.budget.currency
    pace = lead_pace(plan)  # a year's budget over a year's leads (900 in 9 months: 1,200)
    per = format_amount(about(each), cur, plan.language)
    source = (
        (
            "연 예산 ÷ 같은 속도의 연간 리드"
            if ko
            else "a year's budget ÷ a year's leads at the goal's pace"
        )
        if pace
        else ("예산 ÷ 리드 목표" if ko else "budget ÷ lead goal")
    )
    # beside the recommended lead goal ('900 leads (recommended: 1,050)'), the cost per lead it
    # makes: one basis for both rows, so neither reads stale once the leads are raised
    from assistant.analysis.plan_goals import recommended_lead_goal

    rec = recommended_lead_goal(plan, analysis.funnel[-1].volume) if analysis.funnel else None
    budget = plan.number("marketing_budget")
    if rec and budget:
        at = format_amount(about(budget / (rec * (pace[1] / pace[0] if pace else 1.0))), cur, plan.language)  # fmt: skip
        if at != per:  # said with the lead count it rests on: a higher cost per lead is no
            # 'recommendation' to spend worse, it is what fewer recommended leads allow
            count = format_amount(
                round(rec * (pace[1] / pace[0] if pace else 1.0)), "", plan.language
            )
            return (f"약 {per}(권고 리드 연 {count}건 기준 약 {at})" if ko else f"about {per} (at the recommended {count} leads a year: about {at})"), source  # fmt: skip
    return (f"약 {per}" if ko else f"about {per}"), source


def _roi(plan: Plan, analysis: PlanAnalysis, ko: bool) -> tuple[str, str] | None:
    """The budget's expected ROI as the target, with the ROI the goals' new business supports
    when the claim asks for more revenue than all of it."""
    from assistant.analysis.budget import goals_revenue, roi_supported

    ue = analysis.unit_economics
    if ue.roi_pct is None:
        return None
    ceiling = roi_supported(plan.budget.total or 0, ue.roi_pct, goals_revenue(analysis.revenue))
    if ceiling is not None:  # one target, the one the goals support; the claim beside it
        from assistant.interview.forecast_proposal import proposal

        budget = plan.budget.total or 0
        p = proposal(plan, analysis)
        if p is not None and p.from_funnel and budget and p.new_business:
            # the forecast's new business gives the ROI to plan on; the goals' is the most it
            # can reach (the summary's decision): both said, like for like (a year's contracts)
            at = (p.new_business - budget) / budget * 100
            return (
                (f"약 {at:.0f}%(영업 예측 기준, 목표를 모두 이루면 약 {ceiling:.0f}%, 예산의 기대치 {ue.roi_pct:g}%)" if ko
                 else f"about {at:.0f}% at the sales forecast (about {ceiling:.0f}% if every goal is met; the budget expects {ue.roi_pct:g}%)"),
                ("영업 예측·목표의 신규 매출 ÷ 예산" if ko else "the forecast's and the goals' new business over the budget"),
            )  # fmt: skip
        return (
            (f"약 {ceiling:.0f}%(권장, 예산의 기대치 {ue.roi_pct:g}%)" if ko else f"about {ceiling:.0f}% (recommended; the budget expects {ue.roi_pct:g}%)"),
            ("목표의 신규 매출 ÷ 예산" if ko else "the goals' new business over the budget"),
        )  # fmt: skip
    return f"{ue.roi_pct:g}%", ("예산의 기대 ROI" if ko else "the budget's expected ROI")

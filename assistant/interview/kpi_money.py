"""The money figures the KPI tables give a measure: CAC (with the sales team's estimated cost when
the plan states none), cost per lead at the lead goal's yearly pace, and the marketing ROI (the
forecast's, with the goals' as its ceiling when the claim asks for more)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.analysis.analysis_model import UnitEconomics
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.core.lang import fix_particles
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


@dataclass(frozen=True)
class CacCeiling:
    """The CAC target when the plan's fully loaded CAC misses the usual 3:1: the most a customer
    may cost (LTV ÷ 3), each figure formatted, the base case's beside the goals' when they differ."""

    target: str  # the base case's ceiling when it differs, else the goals'
    goals_target: str  # '' when the base case is the goals' case
    full: str  # the fully loaded CAC (sales team estimated) if the goals are met
    base_full: str  # the base case's fully loaded CAC, '' when the same
    marketing: str  # marketing spend only: 'base / goals' or one figure
    times: float  # the plan's own fully loaded CAC (base case first) over the target


def _ceiling(
    cac: float | None,
    money: Callable[[float | None], tuple[str, str] | None],
    estimated: float | None,
    ltv: float | None,
    base_case: tuple[float, float | None, float | None] | None,
) -> CacCeiling | None:
    found, full = money(cac), money(estimated) if estimated else None
    if found is None or full is None or not ltv or not estimated or estimated <= ltv / 3:
        return None
    low, low_mkt, low_ltv = base_case if base_case else (None, None, None)
    ceiling = money(ltv / 3)
    # the base case's own ceiling (LTV at today's deal ÷ 3) beside the goals' one: like for like
    differs = bool(low_ltv and abs(low_ltv - ltv) > ltv * 0.02)
    low_ceiling = money(low_ltv / 3) if differs and low_ltv else None
    mkt = money(low_mkt) if low_mkt else None
    base = money(low) if low else None
    assert ceiling is not None
    target = (low_ceiling or ceiling)[0]
    plan_cac = low if low and base else estimated
    target_value = (low_ltv if low_ceiling and low_ltv else ltv) / 3
    return CacCeiling(
        target=target,
        goals_target=ceiling[0] if low_ceiling else "",
        full=full[0],
        base_full=base[0] if base and base[0] != full[0] else "",
        marketing=f"{mkt[0]} / {found[0]}" if mkt and mkt[0] != found[0] else found[0],
        times=plan_cac / target_value if target_value else 0.0,
    )


def _cac(
    plan: Plan,
    cac: float | None,
    money: Callable[[float | None], tuple[str, str] | None],
    estimated: float | None = None,
    ltv: float | None = None,
    base_case: tuple[float, float | None, float | None] | None = None,
    goals: tuple[float, float | None, float | None, float] | None = None,
) -> tuple[str, str] | None:
    """The CAC figure, said to count marketing spend only when no sales cost is stated; with the
    sales team's cost estimated, the fully loaded figure first (an assumption, said as one).
    When that misses 3:1 the target is the most a customer may cost (one figure in the cell; the
    plan's own figures beside it are `cac_note`'s)."""
    found = money(cac)
    full = money(estimated) if estimated else None
    ko = plan.language == "ko"
    top = _ceiling(cac, money, estimated, ltv, base_case)
    if top is not None:
        # the figure the plan calls a miss (under 3:1) is no target: the target is the most a
        # customer may cost for LTV:CAC to reach 3:1
        basis = ("기준안 LTV ÷ 3" if ko else "base-case LTV ÷ 3") if top.goals_target else "LTV ÷ 3"
        return (
            f"약 {top.target} 이하({basis}, 통상 기준 3:1)" if ko else f"at most about {top.target} ({basis}, the usual 3:1)",
            "LTV ÷ 3(영업팀 비용은 추정)" if ko else "LTV ÷ 3 (sales team cost estimated)",
        )  # fmt: skip
    if found is not None and full is not None:
        if goals is not None:  # the goals met as the plan pays for them (extra leads included)
            found, full = money(goals[3]), money(goals[0])
            assert found is not None and full is not None
        return (
            # a cost to hold under, not a figure to reach
            f"약 {full[0]} 이하(영업팀 추정 비용 포함, 마케팅 비용만으로는 {found[0]})" if ko else f"at most about {full[0]} with an estimated sales team cost ({found[0]} on marketing spend only)",
            "분석(영업팀 비용은 추정)" if ko else "analysis (sales team cost estimated)",
        )  # fmt: skip
    if found is None or plan.number("sales_budget") is not None:
        return found
    # a marketing-only figure is no target for a sales plan's acquisition cost: it is said as
    # what it is, and the full figure waits for the sales team's cost
    return (
        f"영업팀 비용을 적으면 정함(마케팅 비용만으로는 {found[0]})" if ko else f"set once the sales team's cost is stated ({found[0]} on marketing spend only)",
        "분석(마케팅 비용만)" if ko else "analysis (marketing spend only)",
    )  # fmt: skip


def ceiling_target(plan: Plan, ue: UnitEconomics) -> CacCeiling | None:
    """The KPI table's CAC target when it is the most a customer may cost (LTV ÷ 3), or None."""

    def money(value: float | None) -> tuple[str, str] | None:
        return None if value is None else (format_amount(about(value), ue.currency, plan.language), "")  # fmt: skip

    return _ceiling(ue.cac, money, ue.cac_estimated_full, ue.ltv, low_cac(plan, ue))


def _closing_path(plan: Plan, ue: UnitEconomics, top: CacCeiling) -> tuple[str, str]:
    """What 3:1 takes on each lever alone, in the base case's figures: the deal a year at today's
    cost per customer (LTV grows with the deal; the cost per customer barely does), and the cost
    per customer at today's deal (the target). ('', '') when the gap is small or the deal unknown."""
    from assistant.analysis.plan_goals import deal_size
    from assistant.analysis.sales_cost_finding import full_cac_low_case

    size = deal_size(plan)
    if size is None or top.times < 1.2:
        return "", ""
    low = full_cac_low_case(plan, ue)
    today = low.today if low is not None and low.today else size[0]
    m = lambda v: format_amount(about(v), ue.currency, plan.language)  # noqa: E731
    return (
        f"On one lever alone, 3:1 takes a deal of about {m(today * top.times)} a year at that cost per customer ({top.times:.1f} times today's {m(today)}), or a cost per customer of about {top.target} at today's deal; most plans close the gap with some of each (a larger deal, more deals per seller, a lower cost of a sale).",
        fix_particles(
            f"한 가지만 바꾼다면 이 고객당 비용으로는 거래 규모가 연 약 {m(today * top.times)}(현재 {m(today)}의 {top.times:.1f}배), 지금의 거래 규모로는 고객당 비용이 약 {top.target}이어야 3:1이 됩니다. 보통은 거래 규모 확대, 담당자당 거래 증가, 영업 비용 절감을 함께 써서 좁힙니다."
        ),
    )


def cac_note(plan: Plan, analysis: PlanAnalysis) -> str:
    """The line under the KPI table when the CAC target is a ceiling: the plan's own CAC against
    it (base case first, the goals' case beside it), how far apart, what closes the gap, and the
    marketing-only figures; '' otherwise."""
    ue = analysis.unit_economics
    lang = plan.language
    top = ceiling_target(plan, ue)
    if top is None:
        return ""
    base_mkt, _, goals_mkt = top.marketing.partition(" / ")
    path_en, path_ko = _closing_path(plan, ue, top)
    # the goals' case with the extra leads it needs paid for, as the summary and the unit
    # economics' last column give it
    from assistant.analysis.sales_cost_finding import funded_case

    funded = funded_case(plan, analysis)
    goals_full, met_en, met_ko = top.full, "if the goals are met", "목표 달성 시"
    goals_value = ue.cac_estimated_full
    if funded is not None and top.base_full:
        m = lambda v: format_amount(about(v), ue.currency, lang)  # noqa: E731
        goals_full, goals_mkt = m(funded.cac), m(funded.cac_mkt) if goals_mkt else goals_mkt
        goals_value = funded.cac
        met_en, met_ko = (
            "if the goals are met with the extra leads",
            "추가 리드까지 사서 목표 달성 시",
        )
    # each case against its own target: the base case's CAC against its ceiling, the goals'
    # against theirs (one 'times' for both would hold only for the base case)
    goals_times = (
        goals_value / (ue.ltv / 3)
        if top.base_full and top.goals_target and goals_value and ue.ltv
        else None
    )
    if goals_times is not None and f"{goals_times:.1f}" == f"{top.times:.1f}":
        goals_times = None
    if lang == "ko":
        times_ko = (
            f"기준안은 목표의 약 {top.times:.1f}배, {met_ko}은(는) 약 {goals_times:.1f}배"
            if goals_times
            else f"목표의 약 {top.times:.1f}배"
        )
        mkt = (
            f"기준안 {base_mkt}, {met_ko} {goals_mkt}"
            if goals_mkt and goals_mkt != base_mkt
            else f"기준안과 {met_ko} 모두 {base_mkt}"
            if goals_mkt
            else base_mkt
        )
        goals = (
            f"(기준안 약 {top.target}, 목표 달성 시 약 {top.goals_target})"
            if top.goals_target
            else ""
        )
        own = (
            f"기준안 약 {top.base_full}({met_ko} 약 {goals_full})"
            if top.base_full
            else f"약 {top.full}"
        )
        close_ko = (
            path_ko
            or "거래 규모를 키우거나, 담당자당 거래를 늘리거나, 영업 비용을 낮춰야 좁혀집니다."
        )
        return fix_particles(f"- **CAC**: 목표값은 LTV:CAC가 통상 기준 3:1이 되는 고객당 최대 비용입니다{goals}. 영업팀 추정 비용을 포함한 계획의 CAC는 {own}(으)로 {times_ko}입니다. "
                f"{close_ko} 마케팅 비용만으로는 {mkt}입니다.")  # fmt: skip
    mkt = (
        f"{base_mkt} in the base case, {goals_mkt} {met_en}"
        if goals_mkt and goals_mkt != base_mkt
        else f"{base_mkt} both in the base case and {met_en}"
        if goals_mkt
        else base_mkt
    )
    goals = (
        f" (about {top.target} in the base case, {top.goals_target} if the goals are met)"
        if top.goals_target
        else ""
    )
    own = f"about {top.base_full} in the base case ({goals_full} {met_en})" if top.base_full else f"about {top.full}"  # fmt: skip
    times_en = (
        f"about {top.times:.1f} times its target in the base case and {goals_times:.1f} times {met_en}"
        if goals_times
        else f"about {top.times:.1f} times the target"
    )
    close_en = f"{times_en}. {path_en}" if path_en else f"{times_en}: a larger deal, more deals per seller or a lower cost of a sale closes the gap."  # fmt: skip
    return (f"- **CAC**: the target is the most a customer may cost for LTV:CAC to reach the usual 3:1{goals}. With the sales team's estimated cost the plan's CAC is {own}, {close_en} "
            f"On marketing spend alone it is {mkt}.")  # fmt: skip


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
    from assistant.analysis.lead_buffer import advised_lead_goal

    rec = advised_lead_goal(plan, analysis)
    budget = plan.number("marketing_budget")
    if rec and budget:
        at = format_amount(about(budget / (rec * (pace[1] / pace[0] if pace else 1.0))), cur, plan.language)  # fmt: skip
        if at != per:  # said with the lead count it rests on: a higher cost per lead is no
            # 'recommendation' to spend worse, it is what fewer recommended leads allow
            count = format_amount(
                round(rec * (pace[1] / pace[0] if pace else 1.0)), "", plan.language
            )
            return (f"약 {per}(제안 리드 연 {count}건 기준 약 {at})" if ko else f"about {per} (at the recommended {count} leads a year: about {at})"), source  # fmt: skip
    return (f"약 {per}" if ko else f"about {per}"), source


def _roi(plan: Plan, analysis: PlanAnalysis, ko: bool) -> tuple[str, str] | None:
    """The budget's expected ROI as the target, with the ROI the goals' new business supports
    when the claim asks for more revenue than all of it."""
    from assistant.analysis.budget import goals_revenue, roi_supported

    ue = analysis.unit_economics
    if ue.roi_pct is None:
        return None
    ceiling = roi_supported(plan.budget.total or 0, ue.roi_pct, goals_revenue(analysis.revenue))
    if ceiling is not None and ceiling < 0:
        # the year's new business does not cover the budget: no loss is a target; the claim
        # holds on lifetime value only, and is said as that
        return (
            (f"{ue.roi_pct:g}%(고객 생애 가치 기준; 한 해의 신규 매출로는 약 {ceiling:.0f}%, 예산보다 적음)" if ko
             else f"{ue.roi_pct:g}% on customer lifetime value (about {ceiling:.0f}% on the year's new business, which is less than the budget)"),
            ("예산의 기대 ROI, 생애 가치 기준" if ko else "the budget's expected ROI, on lifetime value"),
        )  # fmt: skip
    if ceiling is not None:  # one target, the one the goals support; the claim beside it
        from assistant.interview.forecast_proposal import proposal

        budget = plan.budget.total or 0
        p = proposal(plan, analysis)
        if p is not None and p.from_funnel and budget and p.new_business:
            # the forecast's new business gives the ROI to plan on; the goals' is the most it
            # can reach (the summary's decision): both said, like for like (a year's contracts)
            at = (p.new_business - budget) / budget * 100
            # led by the ceiling the summary's decision names, so the two read as one target
            return (
                (f"최대 약 {ceiling:.0f}%(목표를 모두 이룰 때; 영업 예측 기준 약 {at:.0f}%, 예산의 기대치 {ue.roi_pct:g}%)" if ko
                 else f"at most about {ceiling:.0f}% if every goal is met (about {at:.0f}% at the sales forecast; the budget expects {ue.roi_pct:g}%)"),
                ("영업 예측·목표의 신규 매출 ÷ 예산" if ko else "the forecast's and the goals' new business over the budget"),
            )  # fmt: skip
        return (
            (f"약 {ceiling:.0f}%(권장, 예산의 기대치 {ue.roi_pct:g}%)" if ko else f"about {ceiling:.0f}% (recommended; the budget expects {ue.roi_pct:g}%)"),
            ("목표의 신규 매출 ÷ 예산" if ko else "the goals' new business over the budget"),
        )  # fmt: skip
    from assistant.interview.roi_table import marketing_roi_below

    if (own_roi := marketing_roi_below(plan, analysis, ue.roi_pct)) is not None:
        # the claim is met only with revenue marketing does not bring (partner referrals,
        # expansion after the sale): marketing's KPI is its own customers' return, claim beside
        extra_ko, extra_en = _beyond_marketing(plan, analysis, ko)
        return (
            (f"약 {own_roi:.0f}%(마케팅이 확보하는 고객 기준; 예산의 기대치 {ue.roi_pct:g}%는 {extra_ko} 포함)" if ko
             else f"about {own_roi:.0f}% on the customers marketing brings (the budget's {ue.roi_pct:g}% also counts {extra_en} revenue)"),
            _own_roi_formula(plan, ko),
        )  # fmt: skip
    return f"{ue.roi_pct:g}%", ("예산의 기대 ROI" if ko else "the budget's expected ROI")


def _own_roi_formula(plan: Plan, ko: bool) -> str:
    """The formula marketing's own ROI is computed by, with the partner line left out of the cost
    when partners' customers are left out of the revenue (as `marketing_sourced` computes it)."""
    from assistant.analysis.lists import REFERRAL
    from assistant.analysis.plan_goals import partner_customers

    line = next((ln.item for ln in plan.budget.lines if REFERRAL.search(ln.item)), "")
    if line and partner_customers(plan):
        return (fix_particles(f"(마케팅 고객의 1년 매출 - '{line}'을(를) 뺀 마케팅 비용) ÷ 그 비용") if ko
                else f"(marketing's customers' first-year revenue - its cost without '{line}') ÷ that cost")  # fmt: skip
    return "(마케팅 고객의 1년 매출 - 마케팅 비용) ÷ 마케팅 비용" if ko else "(marketing's customers' first-year revenue - its cost) ÷ its cost"  # fmt: skip


def _beyond_marketing(plan: Plan, analysis: PlanAnalysis, ko: bool) -> tuple[str, str]:
    """What the claim counts besides marketing's own customers, in words: the partners' share
    only when the goals' revenue holds more than marketing's funnel and the expansion (the
    budget's reconciliation adds up the same parts, `claim_parts`)."""
    from assistant.interview.roi_table import claim_parts

    parts = claim_parts(plan, analysis, ko)
    partners, expansion = (parts[1], parts[2]) if parts else (0.0, 0.0)
    ko_parts = [x for x, v in (("파트너 소개", partners), ("확장 매출", expansion)) if v]
    en_parts = [x for x, v in (("partner", partners), ("expansion", expansion)) if v]
    return ("·".join(ko_parts) or "다른 매출"), (" and ".join(en_parts) or "other")


def roi_headline(plan: Plan, analysis: PlanAnalysis, between: str = "") -> str:
    """The one ROI the plan tracks, said under the table of bases: the Marketing ROI KPI's target
    in the KPI table's own words, so the bases read as reference and not as rival answers."""
    found = _roi(plan, analysis, plan.language == "ko")
    if found is None:
        return ""
    mid = f" {between}" if between else ""  # what is said beside it, before the pointer
    if plan.language == "ko":
        return f"계획이 추적하는 ROI는 측정과 분석의 마케팅 ROI 목표 하나임: {found[0]}.{mid} 다른 기준의 ROI는 계획 분석의 '기준별 ROI' 표에 있음."  # fmt: skip
    return f"The ROI the plan tracks is the Marketing ROI KPI's target (Measurement and Analytics): {found[0]}.{mid} The ROI on other bases is in the Plan analysis ('ROI on each basis')."  # fmt: skip

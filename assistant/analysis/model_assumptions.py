"""The modelling choices behind the analysis, listed under Assumptions beside the defaults: the
lead goal's pace carried over the customer goal's year, a deal-size goal used for LTV and
payback instead of today's deal size, what CAC divides by, and customers spread evenly through
the year when this year's revenue is worked out."""

from __future__ import annotations

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.plan_goals import customer_goal, deal_base, deal_size, lead_goal, lead_pace
from assistant.analysis.plan_goals import plan_year as _yr
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount


def model_assumptions(plan: Plan, a: PlanAnalysis) -> list[str]:
    ko, lang = plan.language == "ko", plan.language
    out: list[str] = []
    pace, leads = lead_pace(plan), lead_goal(plan)
    if pace and leads is not None:
        at_pace = leads[1] * pace[1] / pace[0]
        out.append(
            f"리드 속도: {pace[0]}개월 목표인 리드 {leads[1]:,.0f}건을 같은 속도로 {pace[1]}개월에 약 {at_pace:,.0f}건으로 보고 {pace[1]}개월 고객 목표와 비교했습니다."
            if ko
            else f"Lead pace: the {leads[1]:,.0f}-lead goal over {pace[0]} months is taken at the same pace over the customer goal's {pace[1]} months (about {at_pace:,.0f})."
        )
    size = deal_size(plan)
    ue = a.unit_economics
    if (
        size is not None
        and size[2] == "goal"
        and (ue.ltv is not None or ue.payback_months is not None)
    ):
        start = deal_base(plan, size[0], size[1])
        from assistant.analysis.sales_cost_finding import full_cac_low_case

        both = full_cac_low_case(plan, ue)  # the unit economics show today's case beside the goal's
        if start:
            goal_s, today = (
                format_amount(size[0], size[1], lang),
                format_amount(start, size[1], lang),
            )
            two = both is not None and bool(both.today)
            out.append(
                (f"거래 규모: LTV와 회수 기간은 기준안에서는 현재 {today}, 목표 달성 시에는 목표 거래 규모 {goal_s}로 계산했습니다." if two
                 else f"거래 규모: LTV와 회수 기간은 현재 {today}가 아니라 목표 거래 규모 {goal_s}로 계산했습니다.")
                if ko
                else (f"Deal size: LTV and payback use today's {today} in the base case and the {goal_s} deal-size goal if the goals are met." if two
                      else f"Deal size: LTV and payback use the {goal_s} deal-size goal, not today's {today}.")
            )  # fmt: skip
    won = customer_goal(plan)
    if ue.cac is not None and won is not None:
        spend = "마케팅 예산" if plan.number("sales_budget") is None else "마케팅·영업 예산"
        spend_en = (
            "the marketing budget"
            if plan.number("sales_budget") is None
            else "the marketing and sales budgets"
        )
        from assistant.analysis.sales_cost_finding import full_cac_low_case

        low = full_cac_low_case(plan, ue)
        if ue.cac_estimated_full is not None and low is not None and low.customers:
            n = f"{low.customers:,.0f}"
            out.append(
                f"CAC: {spend}을 기준안에서는 퍼널이 만드는 고객 {n}곳, 목표 달성 시에는 고객 목표 {won[1]:,.0f}곳으로 나눈 값이 인건비를 뺀 CAC입니다. 요약과 단위 경제성이 앞세우는 CAC는 여기에 영업팀 추정 비용(위 '영업팀 비용')을 더한 값입니다."
                if ko
                else f"CAC: {spend_en} divided by the funnel's {n} customers (base case) or the customer goal ({won[1]:,.0f}, if the goals are met) is the CAC without salaries; the CAC the summary and the unit economics lead with adds the sales team's estimated cost ('Sales team cost' above)."
            )
        elif ue.cac_estimated_full is not None:  # the headline CAC is the fully loaded one
            out.append(
                f"CAC: {spend}을 고객 목표 {won[1]:,.0f}곳으로 나눈 값은 인건비를 뺀 CAC입니다. 요약과 단위 경제성이 앞세우는 CAC는 여기에 영업팀 추정 비용(위 '영업팀 비용')을 더한 값입니다."
                if ko
                else f"CAC: {spend_en} divided by the customer goal ({won[1]:,.0f}) is the CAC without salaries; the CAC the summary and the unit economics lead with adds the sales team's estimated cost ('Sales team cost' above)."
            )
        else:
            out.append(
                f"CAC: {spend}을 고객 목표 {won[1]:,.0f}곳으로 나눴습니다(인건비 제외)."
                if ko
                else f"CAC: {spend_en} divided by the customer goal ({won[1]:,.0f}), salaries not included."
            )
    churn = plan.fact("churn_rate")
    goal = next((g.frame for g in plan.goals if g.frame and g.frame.kpi == "churn_rate" and g.frame.target), None)  # fmt: skip
    if churn is not None and goal is not None and goal.target and isinstance(churn.value, (int, float)) and abs(float(churn.value) - goal.target.value) > 0.01 and a.revenue.churned:  # fmt: skip
        now, then = f"{float(churn.value):g}%", f"{goal.target.value:g}%"
        out.append(
            f"이탈: 매출 브리지는 목표 {then}가 아니라 현재 이탈률 {now}로 계산했습니다(목표를 이루면 이탈 매출이 줄어듭니다)."
            if ko
            else f"Churn: the revenue bridge uses today's {now}, not the {then} goal (reaching the goal loses less revenue)."
        )
    if churn is not None and isinstance(churn.value, (int, float)) and a.revenue.churned:
        # one churn: the KPI counts customers, the bridge loses revenue at the same rate
        out.append(
            "이탈률: KPI의 이탈률은 고객 수 기준(이탈 고객 수 ÷ 기초 고객 수)이며, 매출 브리지는 떠나는 고객이 평균 고객과 같은 매출을 낸다고 보아 같은 비율을 매출에 적용했습니다. 떠나는 고객의 매출이 평균과 다르면 매출 기준 이탈률을 따로 재어 바꿉니다."
            if ko
            else "Churn rate: the KPI counts customers (customers lost ÷ customers at the start); the revenue bridge applies the same rate to revenue, taking each customer who leaves as an average one. If those who leave pay more or less than average, measure revenue churn apart and use it there."
        )
    from assistant.analysis.revenue_bridge import in_year_landing

    if a.revenue.goal and in_year_landing(plan, a.revenue) is not None:
        exp = bool(a.revenue.expansion)  # expansion lands through the year the same way
        out.append(
            f"{_yr(plan)}년 매출: 신규·이탈 고객{'과 확장 매출' if exp else ''}이 한 해 동안 고르게 들어오고 나간다고 보아, 신규 고객 매출{'과 확장 매출' if exp else ''}의 약 절반이 그해에 들어온다고 계산했습니다."
            if ko
            else f"{_yr(plan)} revenue: new and lost customers{' and expansion' if exp else ''} are spread evenly through the year, so about half of a year's new business{' and expansion' if exp else ''} lands this year."
        )
    if won is not None and len(a.funnel) > 1 and not plan.user_text("sales_forecast").strip():
        # the proposed forecast's own choices, said where the reader checks assumptions
        out.append(
            f"영업 예측(제안): 분기마다 계약이 분기 중간에 이뤄진다고 보고, {_yr(plan)}년 1월 1일에 열려 있는 파이프라인이 1분기에 한 해의 속도로 계약된다고 보았습니다(필요한 건수는 영업 예측에 있음). 1월 1일에 CRM에서 세어 적으면 1분기 계약을 뒤 분기로 옮깁니다."
            if ko
            else f"Sales forecast (proposed): each quarter's deals sign mid-quarter, and the pipeline open on 1 January {_yr(plan)} closes in Q1 at the year's pace (the Sales Forecast counts the deals it takes); count it in the CRM that day, and with fewer, move Q1's wins to later quarters."
        )
    from assistant.analysis.plan_goals import installed_base

    # the customer count the churn, expansion per customer and CSM load stand on, when computed
    found = installed_base(plan, a.revenue.base) if a.revenue.base else None
    if found is not None:
        count, each = found
        cur = size[1] if size else ""
        unit = won[0].frame.target.unit if won and won[0].frame and won[0].frame.target else ""
        counter = unit if ko and unit in ("곳", "명", "개사", "사", "개") else "곳"
        out.append(
            # computed from the plan's own figures, not an industry default (no 'not stated, so')
            f"현재 고객 수: 고객 수가 적혀 있지 않아 작년 매출 ÷ 고객당 매출({format_amount(each, cur, lang)})로 약 {count:,.0f}{counter}으로 계산했습니다. 이탈 고객 수, 고객당 확장 매출과 CSM 업무량이 이 수에 기댑니다."
            if ko
            else f"Customers today: with no count given, about {count:,.0f} is computed as last year's revenue ÷ {format_amount(each, cur, lang)} a customer; the churned customers, expansion per customer and account load rest on it."
        )
    out += _territory_stand_in(plan, ko)
    return out


def _territory_stand_in(plan: Plan, ko: bool) -> list[str]:
    """A consumer business's regions split by population (no targets per region stated): an
    invented basis, logged where a reader checks what the plan assumes. Sellers' territories
    are never split by people, so they assume nothing."""
    from assistant.analysis.territory_list import territories

    found = territories(plan)
    if not found or found[0].get("population") is None or found[0].get("shares_stated"):
        return []
    if found[0]["sellers_stated"] and found[0]["targets_stated"]:
        return []
    if all(t["sellers"] is None for t in found):  # a consumer business: people are its buyers
        return [
            "지역: 지역별 목표가 적혀 있지 않아 인구 비중(2023년 추정)으로 나눴습니다. 첫 분기의 지역별 신규 고객 비중으로 바꿉니다."
            if ko
            else "Regions: with no targets per region stated, they follow each region's share of the population (2023 estimates), until the first quarter's share of new customers by region replaces it."
        ]  # fmt: skip
    # sellers' territories are not split by people (no B2B potential): nothing is assumed
    return []

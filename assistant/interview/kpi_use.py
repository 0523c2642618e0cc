"""Where the plan uses a sales KPI's value: the funnel step a conversion rate turns into volume,
the new business a deal size makes of the new customers, the date a sales cycle sets for the last
deal of the year, the revenue a retention rate keeps of the base, the lifetime value a margin
gives. One line per KPI, computed from the plan's analysis; empty when the plan does not use it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.plan_analysis import deal_size, plan_year
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount, read_quantities
from assistant.interview.compose import sells_to_consumers


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _rate_in(text: str) -> float | None:
    m = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    return float(m.group(1)) if m else None


def kpi_use(plan: Plan, analysis: PlanAnalysis, kpi_id: str | None, item: str = "") -> str:
    ko, lang = plan.language == "ko", plan.language
    funnel = analysis.funnel
    cur = analysis.unit_economics.currency
    money = lambda v: format_amount(v, cur, lang)  # noqa: E731
    if kpi_id in ("mql_to_sql_rate", "marketing_conversion_rate", "win_rate") and len(funnel) >= 2:
        from assistant.analysis.plan_goals import lead_pace

        a, b = (funnel[0], funnel[1]) if kpi_id != "win_rate" else (funnel[-2], funnel[-1])
        # on the year's basis the customer goal and the sellers' capacity use: a 9-month lead
        # goal's funnel at the same pace over 12 months
        pace = lead_pace(plan)
        scale = pace[1] / pace[0] if pace else 1.0
        step = f"{a.stage} {_n(a.volume * scale)} → {b.stage} {_n(b.volume * scale)}"
        if kpi_id == "win_rate":
            from assistant.interview.pipeline_feed import rate_target

            found = rate_target(plan, analysis)
            if found is not None and found[1] <= 60:  # the target is the needed rate: its use too
                at = a.volume * scale * found[1] / 100
                step = (f"{a.stage} {_n(a.volume * scale)} × 약 {found[1]:.0f}% → {b.stage} 약 {_n(at)}({found[0]:g}%로는 {_n(b.volume * scale)})" if ko
                        else f"{a.stage} {_n(a.volume * scale)} × about {found[1]:.0f}% → about {_n(at)} {b.stage if b.stage.isupper() else b.stage.lower()} ({_n(b.volume * scale)} at {found[0]:g}%)")  # fmt: skip
        if pace:
            step += f" ({pace[1]}개월, 리드 목표의 속도로)" if ko else f" (over {pace[1]} months at the lead goal's pace)"  # fmt: skip
        return step
    new = analysis.revenue.new_business_from_goals
    size = deal_size(plan)
    if (
        kpi_id == "average_deal_size"
        and new
        and cur
        and size is not None
        and size[0] > 0
        and not analysis.revenue.stated
    ):
        from assistant.analysis.outlets import outlet_bridge

        if outlet_bridge(plan, cur, new):  # new outlets' sales: no shoppers counted from them
            return ""
        customers = round(new / size[0])
        counter = "명" if sells_to_consumers(plan) else "곳"
        return (
            f"신규 {_n(customers)}{counter} × {money(size[0])} = 신규 매출 {money(new)}"
            if ko
            else f"{_n(customers)} new customers x {money(size[0])} = {money(new)} new business"
        )
    if kpi_id == "average_deal_size" and cur and size is not None and size[0] > 0:
        # a stated revenue goal: the customer goal at this deal size is the new business it holds
        from assistant.analysis.plan_goals import customer_goal

        won = customer_goal(plan)
        # only when the KPI's own value is this deal size (a monthly basket is another measure)
        said = next((q.value for q in read_quantities(item) if q.kind == "money"), None)
        same = said is None or abs(float(said) - size[0]) <= 0.01 * size[0]
        total = won[1] * size[0] if won is not None else 0.0
        # the user's own bridge that counts new business otherwise is not contradicted
        told = [x.amount for x in analysis.revenue.stated or [] if re.search(r"\bnew\b|신규", x.label, re.I)]  # fmt: skip
        agrees = all(abs(total - t) <= 0.02 * abs(t) for t in told if t)
        if won is not None and won[1] and same and agrees:
            counter = "명" if sells_to_consumers(plan) else "곳"
            return (
                f"신규 {_n(won[1])}{counter} × {money(size[0])} = 신규 매출 {money(total)}"
                if ko
                else f"{_n(won[1])} new customers x {money(size[0])} = {money(total)} new business"
            )
    if kpi_id == "cpl" and funnel and cur:
        cpl = next((q.value for q in read_quantities(item) if q.kind == "money"), None)
        budget = plan.fact("marketing_budget")
        if cpl and budget is not None and isinstance(budget.value, (int, float)):
            spend = funnel[0].volume * float(cpl)
            share = spend / float(budget.value) * 100 if budget.value else 0
            return (
                f"{funnel[0].stage} {_n(funnel[0].volume)} × {money(float(cpl))} = {money(spend)} (마케팅 예산의 {share:.0f}%)"
                if ko
                else f"{_n(funnel[0].volume)} {funnel[0].stage.lower()} x {money(float(cpl))} = {money(spend)} ({share:.0f}% of the marketing budget)"
            )
    if kpi_id == "sales_cycle_length":
        cycle = plan.fact("sales_cycle_days")
        days = cycle.value if cycle is not None and isinstance(cycle.value, (int, float)) else None
        assumed = ""
        if days is None:  # the cycle the proposed forecast assumes, as the target cell says
            from assistant.interview.forecast_proposal import opening_pipeline, proposal

            p = proposal(plan, analysis)
            o = opening_pipeline(plan, analysis, p) if p is not None else None
            if o is not None and not o.stated and o.cycle_days:
                days = o.cycle_days
                assumed = (
                    f"(가정한 {days:.0f}일 기준)" if ko else f" (at the assumed {days:.0f} days)"
                )
        if days is not None and 0 < days < 365:
            from assistant.analysis.market import buyer_freeze_months

            year = plan_year(plan)
            # buyers who sign nothing in their November-December peak: a deal signs by mid-November
            freeze = buyer_freeze_months(plan) == (11, 12)
            close = date(year, 11, 15) if freeze else date(year, 12, 31)
            last = close - timedelta(days=int(days))
            before_ko = "(11월 중순 성수기 전에 계약하려면)" if freeze else ""
            before_en = " before the buyers' mid-November freeze" if freeze else ""
            return (
                f"{year}년 안에 수주할 거래는{before_ko} {last.month}월 {last.day}일까지 영업 기회가 되어야 합니다{assumed}"
                if ko
                else f"a deal must be in the pipeline by {last:%B} {last.day} to close in {year}{before_en}{assumed}"
            )
    base = analysis.revenue.base
    churned, annual = analysis.revenue.churned, analysis.revenue.churn_rate_annual
    if kpi_id == "churn_rate" and base and churned and annual and cur:
        if line := analysis.revenue.churn_base:  # the recurring line, not the whole base
            return (
                f"반복 매출 {money(line)} 중 연 약 {money(about(churned))} 감소(연 {annual:.1f}%)"
                if ko
                else f"about {money(about(churned))} of the {money(line)} recurring line lost in a year ({annual:.1f}%)"
            )
        return (
            f"기존 매출 {money(base)} 중 연 {money(churned)} 감소(연 {annual:.1f}%)"
            if ko
            else f"{money(churned)} of the {money(base)} base lost in a year ({annual:.1f}%)"
        )
    # a worker's or a 30-day retention is not the share of the revenue base kept over a year
    if kpi_id == "retention_rate" and base and cur and not _NOT_A_YEARS_CUSTOMERS.search(item):
        kept_rate = _rate_in(item)
        if kept_rate:
            return (
                f"기존 매출 {money(base)} 중 약 {money(about(base * kept_rate / 100))} 유지"
                if ko
                else f"about {money(about(base * kept_rate / 100))} of the {money(base)} base kept"
            )
    if kpi_id == "net_revenue_retention" and base and cur:
        nrr = plan.fact("net_revenue_retention")
        if nrr is not None and isinstance(nrr.value, (int, float)):
            kept = base * float(nrr.value) / 100
            # the retention the plan's own churn and expansion give, when it is not the target's
            lost, grown = analysis.revenue.churned, analysis.revenue.expansion
            implied = (base - lost + (grown or 0.0)) / base * 100 if lost is not None else None
            gap = (
                (f"; 매출 브리지의 이탈·확장으로는 약 {implied:.1f}%" if ko else f"; the bridge's churn and expansion give about {implied:.1f}%")
                if implied is not None and abs(implied - float(nrr.value)) >= 1
                else ""
            )  # fmt: skip
            return (
                f"기존 매출 {money(base)} → {money(kept)}{gap}"
                if ko
                else f"existing revenue {money(base)} → {money(kept)}{gap}"
            )
    ltv = analysis.unit_economics.ltv
    if kpi_id in ("gross_margin", "clv") and ltv and cur:
        return (
            f"고객 생애 가치 약 {money(about(ltv))}의 바탕"
            if ko
            else f"behind the lifetime value of about {money(about(ltv))}"
        )
    if kpi_id == "cac" and analysis.unit_economics.cac and cur:
        from assistant.analysis.sales_cost_finding import goals_full_figures

        if (full := goals_full_figures(plan, analysis)) is not None:  # with the team
            from assistant.analysis.sales_cost_finding import full_cac_low_case

            cac, _, back, _ = full
            # the base case first, as the target beside it is (today's deal, the funnel's customers)
            from assistant.interview.kpi_money import ceiling_target

            low = full_cac_low_case(plan, analysis.unit_economics)
            case_ko, case_en = "", ""
            # only where the target is the base case's ceiling: else the goals' case, as it is
            if low is not None and ceiling_target(plan, analysis.unit_economics) is not None:
                cac, back, case_ko, case_en = low.cac, low.payback, "기준안 ", " in the base case"
            tail = (f", 회수 약 {back:g}개월" if ko else f", paid back in about {back:g} months") if back else ""  # fmt: skip
            return (f"{case_ko}영업팀 포함 고객당 약 {money(about(cac))}{tail}" if ko
                    else f"about {money(about(cac))} a customer with the sales team{case_en}{tail}")  # fmt: skip
        payback = analysis.unit_economics.payback_months
        tail = (
            (f", 회수 {payback:.1f}개월" if ko else f", paid back in {payback:.1f} months")
            if payback
            else ""
        )
        return (
            f"고객당 약 {money(about(analysis.unit_economics.cac))}{tail}"
            if ko
            else f"about {money(about(analysis.unit_economics.cac))} a customer{tail}"
        )
    return ""


_NOT_A_YEARS_CUSTOMERS = re.compile(
    r"worker|employee|staff|candidate|recruit|talent|associate|\d+[-\s]?(?:day|week)|직원|근로자|인력|강사|교사|구직자|\d+\s*(?:일|주)",
    re.I,
)

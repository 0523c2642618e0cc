"""The review finding a marketing-only CAC gets when the sales team's cost is estimated: what CAC,
LTV:CAC and payback become with the team at typical cost."""

from __future__ import annotations

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.review_types import Finding
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def full_cac_finding(plan: Plan, a: PlanAnalysis) -> Finding:
    ue = a.unit_economics
    assert ue.cac_estimated_full and ue.sales_cost_estimate and ue.cac
    ko = plan.language == "ko"
    fm = lambda v: format_amount(about(v), ue.currency, plan.language)  # noqa: E731
    exact = lambda v: format_amount(v, ue.currency, plan.language)  # noqa: E731
    full, ratio = ue.cac_estimated_full, ue.ltv_to_cac_estimated
    payback = round(ue.payback_months * full / ue.cac, 1) if ue.payback_months is not None else None
    budget = plan.number("sales_budget")
    counted_en = "the marketing and sales budgets but no pay" if budget else "marketing spend only"
    counted_ko = "인건비 없이 마케팅·영업 예산" if budget else "마케팅 비용"
    weak = bool((ratio and ratio < 3) or (payback and payback > 18))
    if ko:
        parts = [f"약 {fm(full)}"]
        parts += [f"LTV:CAC 약 {ratio:g}:1"] if ratio else []
        parts += [f"회수 기간 약 {payback:g}개월"] if payback else []
        message = fix_particles(
            f"CAC에는 {counted_ko}만 들어 있어, 영업팀을 일반적인 비용(연 "
            f"{exact(ue.sales_cost_estimate)})으로 넣으면 {', '.join(parts)}임."
        )
        fix = "영업팀의 실제 연간 비용을 적어 확인해야 함" + (
            ". 3:1 미만이거나 18개월을 넘으므로 규모를 키우기 전에 거래 규모나 수주율을 높이거나 "
            "판매 비용을 낮출 방법을 정해야 함."
            if weak
            else "."
        )
    else:
        ratio_en = f": LTV:CAC {ratio:g}:1" if ratio else ""
        back_en = (", " if ratio else ": ") + f"payback {payback:g} months" if payback else ""
        message = (
            f"CAC counts {counted_en}; with the sales team at typical "
            f"cost ({exact(ue.sales_cost_estimate)} a year) it is about "
            f"{fm(full)}{ratio_en}{back_en}."
        )
        fix = "State the sales team's actual yearly cost to confirm it" + (
            ". Below 3:1 or past 18 months, decide how the plan raises deal size or win rate, "
            "or lowers the cost of a sale, before it scales."
            if weak
            else "."
        )
    return Finding(
        severity="tip",  # an estimate, so a point to confirm, not an error in the plan
        sections=["mkt_budget", "sales_team_structure"],
        message=message,
        fix=fix,
    )

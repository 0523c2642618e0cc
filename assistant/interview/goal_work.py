"""Checks of the work that carries a goal: a deal-size goal sold by an upsell after the sale (or
bundled in the goal's words while the plan sells it later), and a retention goal its customer
success team is too loaded to carry. Each returns the check's sentence, or nothing."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.core.plan import Goal, Plan

_BUNDLED = re.compile(r"bundl|packag|번들|묶어|묶음|패키지|함께\s*판매", re.I)


def after_the_sale(plan: Plan, goal: Goal) -> list[str]:
    """A deal-size goal carried only by work after the sale ('customer success upsells the add-on
    at 90 days'): an upsell raises revenue per account, not the size of the deal signed."""
    from assistant.analysis.plan_links import plan_page, stages_of

    f = goal.frame
    if f is None or f.kpi != "average_deal_size":
        return []
    row = next((r for r in plan_page(plan).rows if r.goal == plan.goal_number(goal)), None)
    moves = row.strategy if row is not None else []
    # after the sale: retention work with no selling in it ('upsell the add-on at renewal')
    if not moves or any(
        "retention" not in stages_of(m) or "conversion" in stages_of(m) for m in moves
    ):
        return []
    ko = plan.language == "ko"
    move = moves[0].strip(" .")
    means = re.sub(
        r"(?<=[가-힣])(?:으로|로)$", "", (f.means or "").strip(" .")
    )  # '번들로' -> '번들'
    if _BUNDLED.search(means):  # the goal sells it with the deal; the plan's work, after it
        lead = (f"목표는 계약 때 함께 파는 방식('{means}')인데, 계획에서 이 목표를 맡은 실행('{move}')은 계약 뒤의 추가 판매라 신규 계약 금액을 올리지 않습니다." if ko
                else f"The goal sells it with the deal ('{means}'), but the plan's work for it ('{move}') sells it after the sale, which raises revenue per account, not the deal signed.")  # fmt: skip
    else:
        lead = (f"이 목표를 맡은 실행('{move}')은 계약 뒤의 추가 판매라 고객당 매출을 올리지만 신규 계약 금액은 올리지 않습니다." if ko
                else f"The work that carries this goal ('{move}') comes after the sale: it raises revenue per account, not the size of the deal signed.")  # fmt: skip
    return [
        f"{lead} 제안서의 단계별 구성에 넣어 계약 때 함께 판매하는 것을 권합니다. 계약 때 사지 않은 고객에게는 계약 뒤 추가 판매를 그대로 이어 갑니다."
        if ko
        else f"{lead} Recommended: offer it in the proposal, as the tiered proposal's middle option, so it counts in the deal signed; the later upsell stays for customers who did not take it."
    ]


_RETENTION = ("churn_rate", "retention_rate", "net_revenue_retention")


def care_overloaded(plan: Plan, goal: Goal, a: PlanAnalysis) -> list[str]:
    """A churn, retention or NRR goal while the customer success team's year-end book is far over
    what one usually looks after (the team structure's finding): the care that keeps customers
    cannot reach them all, so the goal rests on that finding's fix."""
    from assistant.core.lang import fix_particles
    from assistant.interview.success_load import success_overload

    f = goal.frame
    if f is None or f.kpi not in _RETENTION or (over := success_overload(plan, a)) is None:
        return []
    role, each, (lo, hi), need = over
    return [
        fix_particles(f"이 목표를 맡는 {role}은(는) 연말에 1인당 고객 약 {each:,.0f}곳을 맡게 되어 보통 맡는 {lo:g}~{hi:g}곳보다 훨씬 많습니다. 모든 고객에게 약속한 관리가 닿지 않으므로, 영업팀 구조의 제안({role} 약 {need}명, 또는 작은 고객은 그룹 웨비나와 자동 점검)을 정해야 이 목표를 지킬 수 있습니다.")
        if plan.language == "ko"
        else f"The {role} who carry this goal would each look after about {each:,.0f} accounts at year end, well over the usual {lo:g}-{hi:g}: the care that keeps customers cannot reach them all. The goal holds once the team structure's fix is decided (about {need} {role}, or group webinars and automated check-ins for the smaller accounts)."
    ]  # fmt: skip

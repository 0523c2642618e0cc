"""A customer acquisition cost the plan states (a CAC goal's starting figure, 'Lower blended DTC
CAC from $54 to $45') against the one its budget gives (the budget over the new customers): when
they differ by half again or more, the two count different spend or different customers, and the
plan says so beside its CAC instead of showing two answers."""

from __future__ import annotations

from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def stated_cac(plan: Plan) -> tuple[float, int] | None:
    """(today's stated CAC, the goal's number) from a CAC goal with a money baseline."""
    for goal in plan.goals:
        f = goal.frame
        if f is None or f.kpi != "cac" or f.baseline is None:
            continue
        if f.baseline.unit == plan.budget.currency and f.baseline.value > 0:
            return f.baseline.value, plan.goal_number(goal)
    return None


def stated_cac_note(plan: Plan, computed: float | None) -> str:
    """'' when no CAC is stated or the two agree; else the two side by side with what to agree."""
    said = stated_cac(plan)
    if said is None or not computed:
        return ""
    value, n = said
    if max(value, computed) / min(value, computed) < 1.5:
        return ""
    lang, cur = plan.language, plan.budget.currency
    stated, ours = format_amount(value, cur, lang), format_amount(about(computed), cur, lang)
    if lang == "ko":
        return (
            f"목표 {n}번이 적은 지금의 고객 확보 비용({stated})과 예산으로 계산한 값(약 {ours})이 크게 다름: "
            "예산에 신규 고객 확보와 무관한 지출(기존 고객, 유통·판촉 지원 등)이 들어 있거나, 목표 고객 수에 세지 않은 구매자가 있음. "
            "CAC에 넣을 지출과 고객을 정해 하나의 값으로 추적함(제안)."
        )
    return (
        f"Goal {n}'s stated CAC today ({stated}) and the budget's (about {ours}) differ widely: "
        "the budget pays for spend that brings no new customer (existing customers, trade and retail support), "
        "or the goal's customer count leaves buyers out. Recommended: agree which spend and which customers the CAC counts, and track that one figure."
    )

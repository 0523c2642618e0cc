"""Whether the plan recommends a different lead goal: more leads when the funnel falls short of
the customer goal; fewer when partner referrals bring part of it outside the funnel, unless the
year's revenue falls short of its goal (then the extra customers the stated leads make are the
buffer that narrows the gap, and the stated lead goal is kept)."""

from __future__ import annotations

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.plan_goals import leads_besides_partners, recommended_leads, revenue_goal
from assistant.analysis.revenue_bridge import in_year_landing
from assistant.core.plan import Plan
from assistant.goals.numbers import about


def revenue_short(plan: Plan, a: PlanAnalysis) -> float | None:
    """What the plan year's revenue falls short of a year's revenue goal by, with customers
    joining evenly through the year; None when it reaches it (within 2%) or does not apply."""
    rev = revenue_goal(plan)
    landed = in_year_landing(plan, a.revenue)
    if rev is None or landed is None or landed >= rev[1] * 0.98:
        return None
    return rev[1] - about(landed)  # from the rounded landing, as the summaries say it


def advised_lead_goal(plan: Plan, a: PlanAnalysis) -> float | None:
    """The one lead goal the plan recommends, or None: the summaries, the KPI tables, the goal
    checks and the sales capacity line all use this figure."""
    end = a.funnel[-1].volume if len(a.funnel) > 1 else 0.0
    if not end:
        return None
    more = recommended_leads(plan, end)
    if more:
        return more
    return None if revenue_short(plan, a) else leads_besides_partners(plan, end)


def kept_for_revenue(plan: Plan, a: PlanAnalysis) -> float | None:
    """The revenue shortfall that keeps the stated lead goal, when the partners' customers would
    otherwise let it be cut (the lead funnel alone already makes the customer goal)."""
    end = a.funnel[-1].volume if len(a.funnel) > 1 else 0.0
    if not end or recommended_leads(plan, end) or leads_besides_partners(plan, end) is None:
        return None
    return revenue_short(plan, a)


def extra_lead_spend(plan: Plan, a: PlanAnalysis) -> tuple[float, float, float] | None:
    """(extra leads a year, the plan's cost per lead, what they cost) when the plan recommends a
    higher lead goal to reach its customer goal: the money the 'goals met' case needs unless a
    lead comes cheaper; None when no higher lead goal is recommended."""
    from assistant.analysis.plan_goals import cost_per_lead, customer_goal, lead_pace

    end = a.funnel[-1].volume if len(a.funnel) > 1 else 0.0
    customers = customer_goal(plan)
    if not end or customers is None or not recommended_leads(plan, end):
        return None
    top = a.funnel[0].volume
    pace = lead_pace(plan)
    # as the lead decision says it: the goal's leads at the funnel's rate, over the lead goal's
    # months, then the extra for a year (150 more over 9 months is 200 a year)
    needed = customers[1] / (end / top)
    if pace:
        needed *= pace[0] / pace[1]
    extra = (needed - top) * (pace[1] / pace[0] if pace else 1.0)
    each = cost_per_lead(plan, top)
    if not each or extra <= 0:
        return None
    return extra, each, about(extra * each)


def rate_levers(a: PlanAnalysis, lift: float, own: bool = False) -> tuple[str, str]:
    """Each stage rate that alone reaches the customer goal from the same leads ('at least 23.4%
    MQL-to-SQL or at least 29.2% SQL-to-customer, against the typical 20% and 25%'): the levers
    that cost no extra leads, beside the recommendation that does; rounded up, so each does
    reach the goal. ('', '') when the gap is too wide for one rate to close credibly (a rise of
    more than 30%) or a rate would pass 100%. `own`: the rates are the user's, else typical."""
    import math

    if lift <= 1.0 or lift > 1.3:  # a rate asked to rise by more than 30% alone is no lever
        return "", ""
    en: list[str] = []
    ko: list[str] = []
    was: list[str] = []
    for i in range(1, len(a.funnel)):
        rate = a.funnel[i].rate
        if not rate or rate * lift > 100:
            continue
        # up, at one decimal ('23.4%' for 23.33: a whole '24%' overstates what is needed, and
        # '2%' could equal today's 2%); a rate that is whole stays whole (24, not 24.1)
        need = math.ceil(round(rate * lift * 10, 6)) / 10
        prev, cur = a.funnel[i - 1].stage, a.funnel[i].stage
        last = i == len(a.funnel) - 1
        name_en = f"{prev if prev.isupper() else prev.lower()}-to-{'customer' if last else (cur if cur.isupper() else cur.lower())}"  # fmt: skip
        en.append(f"at least {need:g}% {name_en}")
        ko.append(f"{prev}→{'고객' if last else cur} {need:g}% 이상")
        was.append(f"{rate:g}%")
    if not en:
        return "", ""
    now_en = "your" if own else "the typical"
    now_ko = "계획상" if own else "일반적인 값"
    listed = was[0] if len(was) == 1 else ", ".join(was[:-1]) + " and " + was[-1]
    if len(en) == 1:
        return (
            f" (alone, {en[0]} reaches it, against {now_en} {listed})",
            f" 리드를 늘리지 않고 맞추려면 {ko[0]}이 필요합니다({now_ko} {was[0]}).",
        )
    return (
        f" (each alone reaches it: {' or '.join(en)}, against {now_en} {listed})",
        f" 리드를 늘리지 않고 맞추려면 {' 또는 '.join(ko)} 중 하나가 필요합니다({now_ko} {', '.join(was)}).",
    )

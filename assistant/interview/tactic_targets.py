"""The close rate the tactics that move it work to, when the plan's funnel falls short of its
customer goal: the win rate that alone makes the goal from the same opportunities, beside the
rate the plan assumes. The lead decision prices more leads; this is the lever that costs none."""

from __future__ import annotations

from assistant.analysis.plan_analysis import analyse
from assistant.analysis.plan_goals import customer_goal, customers_at_pace
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount

# the most a stage rate is asked to rise by, alone, before it is no lever worth naming (25% to
# 29% is; 25% to 42% is a different sales team)
MOST_LIFT = 1.3


def win_rate_note(plan: Plan, tactics: list[str]) -> str:
    """'**Win rate to work to:** about 29% (the plan assumes 25%) for …' under the tactics table;
    '' when no tactic moves the win rate, the funnel makes the goal, or the rate would pass 100%."""
    if not tactics:
        return ""
    a = analyse(plan)
    goal = customer_goal(plan)
    if len(a.funnel) < 2 or goal is None or not a.funnel[-1].rate or not a.funnel[-1].volume:
        return ""
    won = customers_at_pace(plan, a.funnel[-1].volume)
    if not won or won >= goal[1] * 0.95:
        return ""
    rate = a.funnel[-1].rate
    lift = goal[1] / won
    if lift > MOST_LIFT:  # no close rate alone credibly makes a gap this wide
        return ""
    need = rate * lift
    ko, lang = plan.language == "ko", plan.language
    before = a.funnel[-2]
    opps = before.volume * won / a.funnel[-1].volume  # the year's, at the lead goal's pace
    stage = before.stage
    said = lambda v: format_amount(round(v), "", lang) if ko else f"{v:,.0f}"  # noqa: E731
    if ko:
        names = "·".join(tactics)
        return fix_particles(
            f"**수주율 목표:** {names}은(는) 수주율 약 {need:.0f}%(계획상 {rate:g}%)를 목표로 함. "
            f"이 비율이면 연 {stage} {said(opps)}건으로 리드를 늘리지 않고 고객 {said(goal[1])}곳을 채움."
        )
    low = [t[:1].lower() + t[1:] if not t[1:2].isupper() else t for t in tactics]
    names = low[0] if len(low) == 1 else ", ".join(low[:-1]) + " and " + low[-1]
    plural = stage + "s" if stage.isupper() else stage.lower()
    return (
        f"**Win rate to work to:** about {need:.0f}% (the plan assumes {rate:g}%) for {names}. "
        f"At that rate the year's {said(opps)} {plural} make the {said(goal[1])} customers the goal needs without more leads."
    )

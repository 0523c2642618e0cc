"""How a goal is reached, found elsewhere in the plan: a goal sentence often states only its
target ('Grow total revenue from $18.0M to $22.5M in 2027') while the strategy answer says how
(the user's own revenue bridge, their funnel to the new-customer goal, the retention steps). In a
plan, such a goal is specific: the SMART check says where the means are instead of asking for them
again. Outside a plan (the `smart` command) a goal is judged on its own words."""

from __future__ import annotations

import re

from assistant.analysis.stage_rates import read_chain_links
from assistant.analysis.stated_bridge import read_stated_bridge
from assistant.analysis.text_words import words as distinctive_words
from assistant.core.lang import clip_words
from assistant.core.plan import Criterion, Goal, Plan

_MEANS_SECTIONS = ("sales_strategy", "sales_tactics", "mkt_strategy")
MEANS_SECTIONS = (*_MEANS_SECTIONS, "mkt_calendar")
_REVENUE_KPIS = ("revenue", "revenue_growth")
_COUNT_KPIS = ("new_customers", "leads")
_FIGURE = re.compile(
    r"\d\s*(?:[-+x×*/=]|→|->)\s*\d|^\W*\d|=|[$₩€£]\s?\d|\d\s*(?:억|천만|만)\s*원?(?:\s|$|,)"
)


def _clip(text: str, limit: int = 70) -> str:
    return clip_words(text.strip(" .,;"), limit)


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<=[.!?。])\s+|\n+|;\s*", text) if c.strip()]


def plan_means(plan: Plan, goal: Goal) -> tuple[str, str] | None:
    """(section id, the user's words) that say how the goal is reached, or None."""
    f = goal.frame
    kpi = f.kpi if f is not None else None
    if f is not None and f.target is not None and kpi in _REVENUE_KPIS and f.baseline is not None:
        for sid in ("sales_strategy", "sales_forecast", "mkt_strategy"):
            text = plan.user_text(sid)
            terms = read_stated_bridge(text, f.baseline.value, f.target.value, f.target.unit)
            if terms:
                shown = ", ".join(f"{label} {written}" for label, written, _ in terms[:3])
                return sid, _clip(shown, 90)
    if kpi in _COUNT_KPIS or (goal.kpis and goal.kpis[0] in _COUNT_KPIS):
        for sid in _MEANS_SECTIONS:
            text = plan.user_text(sid)
            links = read_chain_links(text)
            if links:
                start, end = links[0][3], links[0][4]
                return sid, _clip(text[start:end], 90)
    words = distinctive_words(f.metric if f is not None and f.metric else goal.text)
    if not words:
        return None
    # a marketing goal looks in the marketing strategy first, a sales goal in the sales strategy
    order = (
        ("mkt_strategy", "sales_strategy", "sales_tactics", "mkt_calendar")
        if goal.section == "mkt_objectives"
        else MEANS_SECTIONS
    )
    best: tuple[int, str, str] | None = None  # the clause sharing most of the goal's words
    for sid in order:
        for clause in _clauses(plan.user_text(sid)):
            if _FIGURE.search(clause) and sid != "mkt_calendar":
                continue  # a sum or a rate says how much, not how
            shared = len(words & distinctive_words(clause))
            if shared and (best is None or shared > best[0]):
                best = (shared, sid, _clip(clause))
    if best is not None:
        return best[1], best[2]
    return None


def with_plan_means(plan: Plan, goal: Goal) -> None:
    """Turn a 'says what but not how' verdict into a pass when the plan says how elsewhere."""
    specific = goal.criteria.get("specific")
    if specific is None or specific.ok is not False:
        return
    if goal.frame is None or goal.frame.target is None:
        return  # 'be the most trusted name': a goal with no target is not made specific by a plan
    found = plan_means(plan, goal)
    if found is None:
        return
    sid, words = found
    title = plan.title(sid)
    reason = (
        f'방법은 계획의 "{title}"에 있습니다: "{words}".'
        if plan.language == "ko"
        else f'The plan says how in "{title}": "{words}".'
    )
    goal.criteria["specific"] = Criterion(ok=True, reason=reason)
    crit = goal.criteria
    goal.smart = all(c.ok is not False for c in crit.values()) and all(
        crit[c].ok for c in ("specific", "measurable", "achievable", "time_bound") if c in crit
    )


def is_plan_means(reason: str) -> bool:
    """Whether a 'specific' verdict rests on the plan rather than the goal's own words."""
    return reason.startswith(("The plan says how in", "방법은 계획의"))

"""The sales forecast a plan can stand behind when none is given: what the funnel (the lead
goal's pace at the plan's rates) or the customer goal makes by quarter, placed evenly or around
the buyers' year-end freeze, with deal sizes by quarter and what the contracts earn in the year."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.analysis.market import quarter_weights, shaped
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.plan_goals import customers_at_pace
from assistant.core.plan import Plan


@dataclass(frozen=True)
class Proposal:
    """A proposed forecast by quarter: customers, the goal's path, deal sizes and new business."""

    goal: int  # the customer goal
    counts: list[int]  # customers a quarter (the funnel's when it falls short, else the goal's)
    path: list[int]  # the goal, placed as the forecast is
    sizes: list[float]  # deal size a quarter
    per: float  # the deal size the goals count on
    start: float | None  # where a deal-size goal starts
    currency: str
    from_funnel: bool
    flat: bool = (
        False  # deals signed at today's size: the deal-size goal is an upsell after the sale
    )

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def new_business(self) -> float:
        return sum(n * self.sizes[q] for q, n in enumerate(self.counts))


def proposal(plan: Plan, analysis: PlanAnalysis) -> Proposal | None:
    """With no forecast given, the quarters a plan can stand behind: what the plan's funnel (the
    lead goal's pace at the plan's rates) makes when that falls short of the customer goal,
    else the customer goal spread evenly; a deal-size goal grown from a base rises through the
    year."""
    from assistant.analysis.plan_goals import customer_goal, deal_base, deal_size

    customers = customer_goal(plan)
    size = deal_size(plan)
    if customers is None or size is None or customers[1] < 4:
        return None
    goal, (per, cur, _) = round(customers[1]), size
    end = customers_at_pace(plan, analysis.funnel[-1].volume) if len(analysis.funnel) > 1 else None
    funnel = end is not None and round(end) >= 4 and end < goal * 0.95
    total = round(end) if funnel and end is not None else goal
    # evenly, or shaped around the buyers' freeze (a retail chain signs nothing new in December)
    weights = quarter_weights(plan)
    spread = lambda n: shaped(n, weights)  # noqa: E731
    start = deal_base(plan, per, cur)
    sizes = [start + (per - start) * (q + 1) / 4 for q in range(4)] if start else [per] * 4
    flat = bool(start) and upsell_only(plan) is not None
    if flat and start:  # the goal's upsell raises revenue per account, not the deals signed
        sizes = [start] * 4
    return Proposal(goal, spread(total), spread(goal), sizes, per, start, cur, funnel, flat)


def upsell_only(plan: Plan) -> int | None:
    """The number of a deal-size goal carried only by work after the sale (an upsell at 90
    days), whose check says it raises revenue per account, not the size of the deal signed: the
    forecast then signs deals at today's size."""
    from assistant.interview.goal_checks import _after_the_sale

    for goal in plan.goals:
        if _after_the_sale(plan, goal):
            return plan.goal_number(goal)
    return None


def _earned(p: Proposal) -> float:
    """What the proposed quarters' contracts earn in the year: each quarter's signed mid-quarter
    (10.5, 7.5, 4.5 and 1.5 months of the year left)."""
    return sum(n * p.sizes[q] * (10.5 - 3 * q) / 12 for q, n in enumerate(p.counts))


def earned_in_year(plan: Plan, analysis: PlanAnalysis) -> float | None:
    """What the year's new subscription contracts earn in the plan year itself: the proposed
    quarters' contracts, each signed mid-quarter, as the sales forecast counts them; otherwise the
    goals' new business joining evenly (half a year's value, as the revenue bridge's landing
    counts it). None for a business whose sale is its revenue."""
    from assistant.analysis.revenue_models import model_of

    if model_of(plan) != "subscription":
        return None
    p = None if plan.user_text("sales_forecast").strip() else proposal(plan, analysis)
    if p is not None and len(p.counts) == 4:
        return _earned(p)
    new = analysis.revenue.new_business_from_goals if analysis.revenue else None
    return new / 2 if new else None


def value_a_year(plan: Plan, analysis: PlanAnalysis) -> float | None:
    """The same contracts' value a year (what `earned_in_year` earns part of): the proposed
    quarters' contracts at their sizes, otherwise the goals' new business."""
    p = None if plan.user_text("sales_forecast").strip() else proposal(plan, analysis)
    if p is not None and len(p.counts) == 4:
        return sum(n * p.sizes[q] for q, n in enumerate(p.counts))
    return analysis.revenue.new_business_from_goals if analysis.revenue else None

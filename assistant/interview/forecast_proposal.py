"""The sales forecast a plan can stand behind when none is given: what the funnel (the lead
goal's pace at the plan's rates) or the customer goal makes by quarter, placed evenly or around
the buyers' year-end freeze, with deal sizes by quarter and what the contracts earn in the year."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.analysis.market import quarter_weights, shaped
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.plan_goals import customers_at_pace, plan_year
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
    from assistant.interview.goal_work import after_the_sale

    for goal in plan.goals:
        if after_the_sale(plan, goal):
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


TYPICAL_CYCLE_DAYS = 60.0  # the KPI reference's mid-market B2B cycle: one to three months
# the smallest yearly deal the typical cycle is assumed for (a mid-market sale; a smaller one is
# bought in days, so no months-long cycle is assumed for it)
MID_MARKET_DEAL = {"KRW": 5_000_000.0, "USD": 5_000.0, "EUR": 5_000.0, "GBP": 4_000.0, "JPY": 700_000.0}  # fmt: skip


@dataclass(frozen=True)
class OpenPipeline:
    """What the proposed Q1 rests on from before the year: the deals that close in its first
    weeks come from leads of the year before (one sales cycle's worth at the year's pace, plus
    any that slipped past the buyers' year-end freeze), and the open opportunities that takes."""

    deals: int  # Q1's deals from the pipeline open on 1 January
    cycle_days: float
    stated: bool  # the sales cycle is the plan's own (else the KPI reference's typical one)
    slipped: int  # of the deals, those that slipped past last year's freeze
    stage: str  # the funnel stage before a customer ('SQL')
    rate: float | None  # that stage's rate to a customer, %
    q1_without: int  # Q1 with no pipeline carried in
    year_without: int  # the year with none

    @property
    def open_opportunities(self) -> int | None:
        return round(self.deals * 100 / self.rate) if self.rate else None


def opening_pipeline(plan: Plan, analysis: PlanAnalysis, p: Proposal) -> OpenPipeline | None:
    """Q1's deals that rest on the pipeline carried into the year: a sales cycle (stated, else
    the typical two months) of the year's monthly pace, plus the months of deals slipped past a
    year-end freeze, never more than Q1 itself. None when they round to nothing, or when the
    cycle is not stated and no sellers work the deals (a self-serve sale has no months-long cycle
    to assume)."""
    from assistant.analysis.plan_goals import quota_sellers

    cycle = plan.fact("sales_cycle_days")
    value = cycle.value if cycle is not None else None
    stated = isinstance(value, (int, float)) and 0 < value < 365
    if not stated and (not quota_sellers(plan) or p.per < MID_MARKET_DEAL.get(p.currency, 0.0)):
        return None
    days = float(value) if isinstance(value, (int, float)) and stated else TYPICAL_CYCLE_DAYS
    monthly = p.total / 12
    slipped_months = max(quarter_weights(plan)[0] - 3.0, 0.0)
    # each part rounded on its own (half up), so the sentence's parts add up to its total
    slipped = int(monthly * slipped_months + 0.5)
    deals = min(int(monthly * min(days / 30.4, 3.0) + 0.5) + slipped, p.counts[0])
    if deals < 1:
        return None
    slipped = min(slipped, deals)
    funnel = analysis.funnel
    stage = funnel[-2].stage if len(funnel) > 1 else ""
    rate = funnel[-1].rate if len(funnel) > 1 else None
    return OpenPipeline(
        deals, days, stated, slipped, stage, rate, p.counts[0] - deals, p.total - deals
    )


def proposed_cycle_assumption(plan: Plan, analysis: PlanAnalysis) -> list[str]:
    """The typical sales cycle the proposed forecast's first quarter rests on, when the plan
    states none: logged under Assumptions with its source."""

    if plan.user_text("sales_forecast").strip():
        return []
    p = proposal(plan, analysis)
    o = opening_pipeline(plan, analysis, p) if p is not None else None
    if o is None or o.stated:
        return []
    if plan.language == "ko":
        return [f"영업 주기(영업 예측 제안의 1분기에만 씀): 계획에 없어 중견 B2B 거래의 업계 일반 범위 1~3개월의 중간인 {o.cycle_days:g}일을 썼습니다."]  # fmt: skip
    return [f"Sales cycle (for the proposed forecast's first quarter only): not stated, so {o.cycle_days:g} days, the middle of the typical one to three months for mid-market B2B deals, is used."]  # fmt: skip


def freeze_assumption(plan: Plan, analysis: PlanAnalysis) -> list[str]:
    """The buyers' year-end freeze the proposed forecast's quarters are shaped by (usual retail
    practice, not the plan's own data): logged under Assumptions, to check against the plan's
    own win dates."""
    from assistant.analysis.market import buyer_freeze_months, quarter_weights

    if plan.user_text("sales_forecast").strip() or not buyer_freeze_months(plan):
        return []
    if quarter_weights(plan) == [3.0, 3.0, 3.0, 3.0] or proposal(plan, analysis) is None:
        return []
    if plan.language == "ko":
        return ["구매 보류 시기(영업 예측 제안의 분기 배분): 유통 고객은 11~12월 성수기에 새 시스템 도입을 미룬다는 업계 일반 관행을 썼고, 계획의 자료는 아닙니다. 지난 거래의 월별 계약일로 확인합니다."]  # fmt: skip
    return ["Buyers' year-end freeze (the proposed forecast's quarters): retail buyers putting off new systems in their November-December peak is usual retail practice, not the plan's own data; check it against the months past deals were signed."]  # fmt: skip


def opening_risk(plan: Plan, analysis: PlanAnalysis) -> str:
    """The sales summary's risk when the proposed forecast's first quarter rests on a pipeline
    nobody has counted: the deals it takes and the year without it."""
    if plan.user_text("sales_forecast").strip():
        return ""
    p = proposal(plan, analysis)
    o = opening_pipeline(plan, analysis, p) if p is not None else None
    if p is None or o is None or o.year_without >= p.total * 0.9:
        return ""
    year = plan_year(plan)
    if plan.language == "ko":
        return f"영업 예측 {p.total:,}곳 중 약 {o.deals:,}곳은 {year}년 1월 1일에 열려 있는 파이프라인에서 나오는데, 아직 세지 않았습니다. 그 파이프라인이 없으면 한 해 약 {o.year_without:,}곳입니다."  # fmt: skip
    return f"About {o.deals:,} of the forecast's {p.total:,} deals rest on the pipeline open on 1 January {year}, which nobody has counted yet; without it the year signs about {o.year_without:,}."  # fmt: skip

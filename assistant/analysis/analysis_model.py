"""The plan analysis as data: funnel stages, unit economics, capacity, revenue bridge, budget by
quarter, assumptions and risks (the JSON contract's `analysis`)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class FunnelStage(BaseModel):
    stage: str
    volume: float
    rate: float | None = None  # % converted from the stage above


class UnitEconomics(BaseModel):
    currency: str = ""
    cac: float | None = None  # fully loaded when a sales cost is given, else marketing only
    ltv: float | None = None
    payback_months: float | None = None
    roi_pct: float | None = None
    cac_marketing: float | None = None  # marketing spend only (set when a sales cost is given)
    ltv_to_cac: float | None = None
    orders_per_customer: float | None = None  # transactional: 1 / (1 - repeat rate)
    roas_break_even: float | None = None  # transactional: revenue per ad unit the margin needs
    roas_plan: float | None = None  # new-customer revenue / marketing budget
    # the same spend over the customers the funnel yields, when fewer than the goal (shown in
    # the document; not part of the JSON contract)
    cac_at_funnel: float | None = Field(default=None, exclude=True)
    funnel_customers: float | None = Field(default=None, exclude=True)
    # with no sales cost stated: the named sellers and SDRs at typical costs (an assumption)
    sales_cost_estimate: float | None = Field(default=None, exclude=True)
    cac_estimated_full: float | None = Field(default=None, exclude=True)
    ltv_to_cac_estimated: float | None = Field(default=None, exclude=True)
    monthly_margin: float | None = Field(default=None, exclude=True)


class Capacity(BaseModel):
    reps: int | None = None
    deals_per_rep: float | None = None
    revenue_per_rep: float | None = None


class BridgeTerm(BaseModel):
    label: str  # the user's words before the amount
    amount: float  # signed


class RevenueBridge(BaseModel):
    history_last_12: float | None = None
    forecast_next_12: float | None = None
    goal: float | None = None
    new_business_from_goals: float | None = None
    # a level goal grown from a stated base ('ARR from $2.0M to $3.0M'): base - churned + new
    # business + expansion = goal; `gap` is what expansion must add (negative: a surplus)
    base: float | None = None
    churn_rate_annual: float | None = None  # % of the base lost in a year (monthly, compounded)
    churned: float | None = None
    churn_base: float | None = None  # the recurring line churn is lost from, when below the base
    expansion: float | None = None  # expansion revenue the plan states (existing customers)
    gap: float | None = None
    orders_needed: float | None = None  # transactional: the revenue goal / average order value
    stated: list[BridgeTerm] | None = None  # the user's own bridge, when it adds up to the goal


class QuarterBudget(BaseModel):
    quarter: str
    amount: float


class Risk(BaseModel):
    risk: str
    mitigation: str
    action: str = ""  # the response alone, without what to watch (the summaries' short form)


class PlanAnalysis(BaseModel):
    funnel: list[FunnelStage] = Field(default_factory=list)
    unit_economics: UnitEconomics = Field(default_factory=UnitEconomics)
    capacity: Capacity = Field(default_factory=Capacity)
    revenue: RevenueBridge = Field(default_factory=RevenueBridge)
    budget_by_quarter: list[QuarterBudget] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)

    def contract(self) -> dict[str, object]:
        """The JSON shape; a shop's own figures (orders, ROAS) appear only when computed, so
        other plans keep the documented keys."""
        out = self.model_dump(mode="json")
        for part, keys in _SHOP_KEYS.items():
            section = out[part]
            assert isinstance(section, dict)
            for key in keys:
                if section.get(key) is None:
                    section.pop(key, None)
        return out


_SHOP_KEYS = {
    "unit_economics": ("orders_per_customer", "roas_break_even", "roas_plan"),
    "revenue": ("orders_needed", "expansion", "stated"),
}


def is_default_line(line: str) -> bool:
    """An assumption line that names a figure the plan does not state (a default the analysis used)."""
    return "not stated, so" in line or "계획에 없어" in line

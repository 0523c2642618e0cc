"""The sales team's cost, estimated when the plan does not state it: the quota sellers and SDRs it
names at the midpoint of typical yearly costs per person from the knowledge base's CAC page
('Typical sales team cost'). It gives a fully loaded CAC beside the marketing-only one; it is an
assumption the plan lists, never a fact on the fact sheet."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from assistant.analysis.analysis_model import UnitEconomics
from assistant.analysis.lists import FIRST_TOUCH, team_roles
from assistant.analysis.plan_goals import quota_sellers
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount

PAGE = "kpis/kpi_cac.md"
_HEADINGS = {"en": "Typical sales team cost", "ko": "영업 인력 비용의 일반 범위"}
_RANGE = re.compile(r"\b([A-Z]{3})\s+([\d,]+)\s*-\s*([\d,]+)")

# the least a year a sales team member costs (a salary alone), by currency: a budget below it per
# head cannot include the team's pay
_PER_HEAD = {"KRW": 20_000_000.0, "USD": 20_000.0, "EUR": 18_000.0, "GBP": 16_000.0}
_SERVICE = re.compile(
    r"technician|\btechs?\b|installer|dispatch|driver|crew|기사|설치|배송|상담원|\bcs\b", re.I
)


def sales_budget_per_head(plan: Plan, currency: str) -> tuple[float, int] | None:
    """(sales budget a person, the sales team's headcount) when the budget is too small to pay
    the team it names (technicians aside; a manager others report to counts): CAC then leaves
    salaries out."""
    sales_budget = plan.number("sales_budget")
    if not sales_budget or currency not in _PER_HEAD:
        return None
    roles = team_roles(plan)
    named = {str(r["role"]) for r in roles}
    heads = sum(
        int(str(r.get("count") or 0)) for r in roles if not _SERVICE.search(str(r["role"]))
    ) + len({str(r["reports_to"]) for r in roles if r["reports_to"] and str(r["reports_to"]) not in named})  # fmt: skip
    if heads < 3 or sales_budget / heads >= _PER_HEAD[currency]:
        return None
    return sales_budget / heads, heads


class SalesCostEstimate(BaseModel):
    """What the named sellers and SDRs cost a year at typical figures (the plan's currency)."""

    sellers: int
    sdrs: int
    per_seller: float
    per_sdr: float
    currency: str
    source: str  # the knowledge page, by its title

    @property
    def total(self) -> float:
        return self.sellers * self.per_seller + self.sdrs * self.per_sdr


@lru_cache(maxsize=4)
def _ranges(knowledge_dir: str, lang: str) -> tuple[list[dict[str, float]], str]:
    """([{currency: midpoint} for the seller line, then the SDR line], the page's title)."""
    from assistant.analysis.guide_part import guide_part

    found = guide_part(knowledge_dir, lang, PAGE, _HEADINGS)
    if found is None:
        return [], ""
    part, title = found
    lines = re.findall(r"^- [^:]+:\s*(.+)$", part, re.M)
    mids = [
        {cur: (float(lo.replace(",", "")) + float(hi.replace(",", ""))) / 2
         for cur, lo, hi in _RANGE.findall(line)}
        for line in lines
    ]  # fmt: skip
    return mids, title


def estimate_sales_cost(plan: Plan, currency: str) -> SalesCostEstimate | None:
    """The named team at typical costs, when the plan states no sales budget of its own and the
    knowledge base has figures in its currency; None otherwise."""
    from assistant.core.settings import get_settings

    sellers = quota_sellers(plan)
    if not sellers or not currency:
        return None
    if plan.number("sales_budget") is not None and sales_budget_per_head(plan, currency) is None:
        return None  # the stated sales budget pays the team: CAC is fully loaded already
    lang = "ko" if plan.language == "ko" else "en"
    mids, title = _ranges(str(get_settings().knowledge_dir), lang)
    if len(mids) < 2 or currency not in mids[0] or currency not in mids[1]:
        return None
    sdrs = sum(
        int(str(r.get("count") or 0))
        for r in team_roles(plan)
        if not r.get("quota_carrying") and FIRST_TOUCH.search(str(r["role"]))
    )
    from assistant.core.lang import kb_source

    return SalesCostEstimate(
        sellers=sellers,
        sdrs=sdrs,
        per_seller=mids[0][currency],
        per_sdr=mids[1][currency],
        currency=currency,
        source=kb_source(title, lang) if title else f"knowledge/{lang}/{PAGE}",
    )


def add_estimated_full_cac(
    plan: Plan, ue: UnitEconomics, new_customers: float | None, assume: list[str]
) -> None:
    """A CAC with the sales team's estimated cost beside the marketing-only one, when the plan
    states no sales cost: listed under the assumptions with the figures and their page."""
    marketing = plan.number("marketing_budget")
    if not (marketing and new_customers and ue.cac):
        return
    est = estimate_sales_cost(plan, ue.currency)
    if est is None:
        return
    ko = plan.language == "ko"
    ue.sales_cost_estimate = est.total
    ue.cac_estimated_full = round(ue.cac + est.total / new_customers, 2)  # on the spend CAC counts
    if ue.ltv is not None:
        ue.ltv_to_cac_estimated = round(ue.ltv / ue.cac_estimated_full, 1)
    fm = lambda v: format_amount(v, est.currency, plan.language)  # noqa: E731
    budget = plan.number("sales_budget")
    if ko:
        sdr = f", SDR {est.sdrs}명 각 약 {fm(est.per_sdr)}" if est.sdrs else ""
        why = (
            f"영업 예산 {fm(budget)}에 인건비가 들어갈 수 없어" if budget else "계획에 비용이 없어"
        )
        line = (f"영업팀 비용(영업비 포함 CAC에만 씀): {why} 할당 영업 담당자 {est.sellers}명 각 약 "
                f"{fm(est.per_seller)}{sdr}의 연간 비용(급여·인센티브·복리후생·도구, 업계 평균 범위의 중간값)으로 "
                f"연 약 {fm(est.total)}을 추정했습니다. 관리자와 고객 성공 인력은 넣지 않았습니다. 실제 값으로 바꿔야 합니다.")  # fmt: skip
    else:
        sdr = f" and {est.sdrs} SDRs at about {fm(est.per_sdr)}" if est.sdrs else ""
        why = (
            f"the sales budget ({fm(budget)}) is too small to include pay"
            if budget
            else "the plan states none"
        )
        line = (f"Sales team cost (for the fully loaded CAC only): {why}, so it is estimated as {est.sellers} quota-carrying "
                f"sellers at about {fm(est.per_seller)}{sdr} a year each (salary, commission, benefits and tools: "
                f"the midpoint of typical costs), about {fm(est.total)} a year; managers and customer success are not counted. State the team's own cost to replace it.")  # fmt: skip
    assume.append(line)


@lru_cache(maxsize=4)
def quota_multiple(knowledge_dir: str, lang: str) -> tuple[float, float] | None:
    """(low, high) times a seller's on-target earnings a yearly quota usually runs at, from the
    CAC page's team-cost part ('about 4 to 5 times', '약 4~5배')."""
    from assistant.analysis.guide_part import guide_part

    found = guide_part(knowledge_dir, lang, PAGE, _HEADINGS)
    if found is None:
        return None
    m = re.search(r"(\d+(?:\.\d+)?)\s*(?:to|~|-)\s*(\d+(?:\.\d+)?)\s*(?:times|배)", found[0])
    return (float(m.group(1)), float(m.group(2))) if m else None

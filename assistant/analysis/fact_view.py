"""The whole fact sheet as people see it (Facts tab, `draft --format json`, prompts): the facts the
plan read, the defaults the analysis had to use (with their knowledge-base page) and the numbers it
computed from them."""

from __future__ import annotations

from assistant.analysis.plan_analysis import BENCHMARKS, PlanAnalysis, analyse, deal_size
from assistant.core.fact_sheet import Fact, fact_label
from assistant.core.plan import Plan
from assistant.goals.kpi import get_kpi

_DEFAULT_IDS = {"mql_to_sql": "mql_to_sql_rate", "win_rate": "sql_to_won_rate",
                "gross_margin": "gross_margin", "annual_churn": "churn_rate"}  # fmt: skip
_DEFAULT_SECTION = {"mql_to_sql_rate": "sales_kpis", "sql_to_won_rate": "sales_kpis",
                    "gross_margin": "sales_offering", "churn_rate": "sales_kpis"}  # fmt: skip


def defaults_used(plan: Plan, a: PlanAnalysis) -> list[Fact]:
    """A fact per default rate the analysis used, citing the knowledge page it comes from."""
    lang = plan.language
    out = []
    for name, fid in _DEFAULT_IDS.items():
        if plan.fact(fid) is not None:
            continue
        value, kpi_id = BENCHMARKS[name]
        page = get_kpi(kpi_id).name.get("ko" if lang == "ko" else "en")
        if not any(page in x for x in a.assumptions):
            continue
        out.append(Fact(
            id=fid, label=fact_label(fid, lang), value=value, unit="%",
            period="year" if fid == "churn_rate" else "", section=_DEFAULT_SECTION[fid],
            source="default", quote=f"knowledge/kpi: {kpi_id} ({page})",
        ))  # fmt: skip
    return out


def computed(plan: Plan, a: PlanAnalysis) -> list[Fact]:
    """The analysis' own numbers (never typed in): CAC, LTV, payback, deals per seller."""
    lang = plan.language
    ue, cap = a.unit_economics, a.capacity
    rows: list[tuple[str, float | None, str, str]] = [
        ("cac", ue.cac, ue.currency, ""), ("ltv", ue.ltv, ue.currency, ""),
        ("payback_months", ue.payback_months, "months", ""),
        ("deals_per_seller", cap.deals_per_rep, "deals", "year"),
        ("new_business", a.revenue.new_business_from_goals, ue.currency, "year"),
    ]  # fmt: skip
    out = [
        Fact(id=fid, label=fact_label(fid, lang), value=v, unit=unit, period=period,
             section="sales_forecast", source="computed", quote="")
        for fid, v, unit, period in rows if v is not None
    ]  # fmt: skip
    size = deal_size(plan)
    if plan.fact("average_deal_size") is None and size is not None:
        price = plan.fact("price")
        out.insert(0, Fact(
            id="average_deal_size", label=fact_label("average_deal_size", lang), value=size[0],
            unit=size[1], period="year", section=price.section if price else "", source="computed",
            quote=("가격 × 12개월" if lang == "ko" else "price x 12 months") if price and price.period == "month" else "",
        ))  # fmt: skip
    return out


def full_sheet(plan: Plan, analysis: PlanAnalysis | None = None) -> list[Fact]:
    a = analysis or analyse(plan)
    return [*plan.facts, *defaults_used(plan, a), *computed(plan, a)]

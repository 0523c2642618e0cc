"""The unit economics table's rows. With the sales team's cost estimated, the fully loaded figures
lead (what a sale really costs), then the same at the funnel's customers and today's deal size,
then the figures on the plan's budgets alone."""

from __future__ import annotations

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.sales_cost_finding import LowCase, full_cac_figures, full_cac_low_case
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount

_LABELS = {
    "en": {
        "payback_est": "CAC payback with the estimated sales team cost",
        "low": "The same {basis}",
        "low_value": "CAC {cac} · LTV:CAC {ratio} : 1 · payback {payback} months",
    },
    "ko": {
        "payback_est": "CAC 회수 기간(영업팀 추정 비용 포함)",
        "low": "같은 기준, {basis}",
        "low_value": "CAC {cac} · LTV:CAC {ratio} : 1 · 회수 기간 {payback}개월",
    },
}


def low_case_basis(low: LowCase, currency: str, lang: str) -> str:
    """'at the 60 customers the funnel yields and today's $14,000 deal size' /
    '퍼널이 만드는 고객 60곳과 현재 거래 규모 1,400만 원 기준'."""
    ko = lang == "ko"
    parts = []
    if low.customers:
        n = f"{low.customers:,.0f}"
        parts.append(f"퍼널이 만드는 고객 {n}곳" if ko else f"the {n} customers the funnel yields")
    if low.today:
        size = format_amount(low.today, currency, lang)
        parts.append(f"현재 거래 규모 {size}" if ko else f"today's {size} deal size")
    if ko:
        from assistant.core.lang import fix_particles

        return fix_particles("과(와) ".join(parts) + " 기준")
    return "at " + " and ".join(parts)


def unit_economics_rows(plan: Plan, a: PlanAnalysis, T: dict[str, str], roi: str) -> list[list[str]]:  # fmt: skip
    """[label, value] rows; `T` holds the analysis's labels, `roi` the ROI cell."""
    lang = plan.language
    ko = lang == "ko"
    L = _LABELS["ko" if ko else "en"]
    ue = a.unit_economics
    cur = ue.currency

    def money(v: float | None) -> str:
        return format_amount(about(v), cur, lang) if v is not None else "-"

    def months(v: float | None) -> str:
        return "-" if v is None else f"{v:g}{T['months']}" if ko else f"{v:g} {T['months']}"

    full = full_cac_figures(ue)
    rows: list[list[str]] = []
    if full is not None:  # the sale's whole cost first: the figures a decision rests on
        rows.append([T["cac_est"], money(full[0])])
        if full[1] is not None:
            rows.append([T["ltv_cac_est"], f"{full[1]:g} : 1"])
        rows.append([L["payback_est"], months(full[2])])
        low = full_cac_low_case(plan, ue)
        if low is not None and low.ratio is not None and low.payback is not None:
            value = L["low_value"].format(cac=money(low.cac), ratio=f"{low.ratio:g}", payback=f"{low.payback:g}")  # fmt: skip
            rows.append([L["low"].format(basis=low_case_basis(low, cur, lang)), value])
    rows += (
        [[T["cac_m"], money(ue.cac_marketing)], [T["cac_full"], money(ue.cac)]]
        if ue.cac_marketing is not None
        else [[T["cac_m" if ue.cac_estimated_full else "cac"], money(ue.cac)]]
    )
    # a ratio or payback says which CAC it rests on: without salaries it flatters the plan
    from assistant.analysis.sales_cost import sales_budget_per_head

    only = plan.number("sales_budget") is None
    no_pay = not only and sales_budget_per_head(plan, cur) is not None
    basis = (("마케팅비만 넣은 CAC 기준" if ko else "on a marketing-only CAC") if only
             else ("인건비 제외 CAC 기준" if ko else "on a CAC without salaries") if no_pay else "")  # fmt: skip
    # beside a fully loaded CAC, each figure without the team's cost says so in its name
    left_out = (("(마케팅만)" if only else "(인건비 제외)") if ko else (", marketing only" if only else ", without salaries")) if full is not None and basis else ""  # fmt: skip
    if ue.cac_at_funnel is not None and ue.funnel_customers:
        n = format_amount(ue.funnel_customers, "", lang)
        rows.append([T["cac_funnel"].format(n=n) + left_out, money(ue.cac_at_funnel)])
    rows.append([T["ltv"], money(ue.ltv)])
    if ue.ltv_to_cac is not None:
        said = f"{ue.ltv_to_cac:g} : 1" + (f" ({basis})" if basis and not left_out else "")
        rows.append([T["ltv_cac"] + left_out, said])
    if ue.orders_per_customer is None:  # a shop: orders make the lifetime, not churn
        rows.append([T["payback"] + left_out, months(ue.payback_months)])
    rows.append([T["roi"], roi])
    if ue.orders_per_customer is not None:
        projects = ue.roas_break_even is None  # a services firm: projects, not orders
        rows.append([T["projects" if projects else "orders"], f"{ue.orders_per_customer:g}"])
    if ue.roas_break_even is not None:
        rows.append([T["roas_be"], f"{ue.roas_break_even:g}"])
    if ue.roas_plan is not None:
        rows.append([T["roas_plan"], f"{ue.roas_plan:g}"])
    return [r for r in rows if r[1] != "-"]  # a figure the plan cannot give is not a row

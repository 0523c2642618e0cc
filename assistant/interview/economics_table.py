"""The unit economics table. With the sales team's cost estimated and the plan's goals above what
it has today, one table sets the base case (the funnel's customers at today's deal size) beside
the goals met, fully loaded first (what a sale really costs), then on the marketing budget alone;
otherwise a [metric, value] table, fully loaded figures first."""

from __future__ import annotations

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.sales_cost_finding import (
    LowCase,
    full_cac_figures,
    full_cac_low_case,
    funded_case,
)
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


def two_case_table(plan: Plan, a: PlanAnalysis, T: dict[str, str]) -> tuple[list[str], list[list[str]]] | None:  # fmt: skip
    """(header, rows) setting today's case beside the goals met, or None when the plan has no
    lower case (its goals are what the funnel and today's deal size already give). The ROI is
    not a row: it rests on the revenue the goals attribute, so it is said under the table."""
    from assistant.analysis.plan_goals import deal_size

    ue = a.unit_economics
    full = full_cac_figures(ue)
    low = full_cac_low_case(plan, ue) if full is not None else None
    if full is None or low is None or low.ratio is None or low.payback is None or not ue.cac:
        return None
    if ue.cac_marketing is not None or ue.orders_per_customer is not None:
        return None  # a stated sales budget or a shop's orders: the one-column table says it
    lang, cur = plan.language, ue.currency
    ko = lang == "ko"
    scale = low.today / size[0] if low.today and (size := deal_size(plan)) else 1.0
    mkt_low = ue.cac * low.cac / full[0]  # the same spend over the same customers, budget alone
    head = [T["metric"], *case_heads(plan, low, cur)]
    funded = funded_case(plan, a)
    if funded is not None:  # the goals met with the extra leads the plan recommends paid for:
        # the only goals-met case the plan's own cost per lead can buy, so it is the column
        extra = format_amount(about(funded.money), cur, lang)
        head[2] = head[2][:-1] + f", 추가 리드 비용 {extra} 포함)" if ko else f"{head[2]}, with the extra leads ({extra} more)"  # fmt: skip

    def money(v: float | None) -> str:
        return format_amount(about(v), cur, lang) if v is not None else "-"

    def months(v: float | None) -> str:
        return "-" if v is None else f"{v:g}{T['months']}" if ko else f"{v:g} {T['months']}"

    def ratio(v: float | None) -> str:
        return "-" if v is None else f"{v:.1f} : 1"  # one decimal in every column (2.0 beside 2.1)

    tag = "(마케팅만)" if ko else ", marketing only"  # (a stated sales budget has its own table)
    ltv_low = ue.ltv * scale if ue.ltv else None
    margin_low = ue.monthly_margin * scale if ue.monthly_margin else None
    rows = [
        [T["cac_est"], money(low.cac), money(full[0])],
        [T["ltv"], money(ltv_low), money(ue.ltv)],
        [T["ltv_cac_est"], ratio(low.ratio), ratio(full[1])],
        [L_PAYBACK[ko], months(low.payback), months(full[2])],
        [T["cac_m"], money(mkt_low), money(ue.cac)],
        [T["ltv_cac"] + tag, ratio(round(ltv_low / mkt_low, 1) if ltv_low else None), ratio(ue.ltv_to_cac)],
        [T["payback"] + tag, months(round(mkt_low / margin_low, 1) if margin_low else None), months(ue.payback_months)],
    ]  # fmt: skip
    if funded is not None:
        third = [money(funded.cac), money(ue.ltv), ratio(funded.ratio), months(funded.payback),
                 money(funded.cac_mkt), ratio(funded.ratio_mkt), months(funded.payback_mkt)]  # fmt: skip
        rows = [[r[0], r[1], x] for r, x in zip(rows, third, strict=True)]
    return head, [r for r in rows if r[2] != "-"]


def case_heads(plan: Plan, low: LowCase, cur: str) -> tuple[str, str]:
    """The two cases' column heads: 'Base case: the funnel's 60 customers at today's $14,000
    deal' and 'Goals met: 70 customers at a $17,000 deal' (Korean '기준안(…)', '목표 달성 시(…)')."""
    from assistant.analysis.plan_goals import customer_goal, deal_size

    lang = plan.language
    ko = lang == "ko"
    size = deal_size(plan)
    goal = customer_goal(plan)
    said_size = lambda v: format_amount(v, cur, lang)  # noqa: E731
    n_low = f"{low.customers:,.0f}" if low.customers else ""
    n_goal = f"{goal[1]:,.0f}" if goal else ""
    size_goal = said_size(size[0]) if low.today and size else ""
    today = said_size(low.today) if low.today else ""
    join = lambda *parts: (", " if ko else " at ").join(x for x in parts if x)  # noqa: E731
    if ko:
        base = join(
            f"퍼널 고객 {n_low}곳" if n_low else "", f"현재 거래 규모 {today}" if today else ""
        )
        met = join(
            f"고객 {n_goal}곳" if n_goal and n_low else "",
            f"거래 규모 {size_goal}" if size_goal else "",
        )
        return f"기준안({base})", f"목표 달성 시({met})"
    else:
        base = join(
            f"the funnel's {n_low} customers" if n_low else "",
            f"today's {today} deal" if today else "",
        )
        met = join(
            f"{n_goal} customers" if n_goal and n_low else "",
            f"a {size_goal} deal" if size_goal else "",
        )
        return f"Base case: {base}", f"Goals met: {met}"


def capacity_table(plan: Plan, a: PlanAnalysis, T: dict[str, str]) -> tuple[list[str], list[list[str]]] | None:  # fmt: skip
    """The sellers' load at the goals and, when the plan has a lower case (the funnel's customers,
    today's deal size), beside it at that case, so the per-seller figure the sales strategy
    gives from the funnel is the table's too; None when the plan names no sellers."""
    from assistant.analysis.plan_goals import deal_size

    cap, ue = a.capacity, a.unit_economics
    if not cap.reps:
        return None
    lang, cur = plan.language, ue.currency
    money = lambda v: format_amount(v, cur, lang)  # noqa: E731  (the analysis' own figure, exact)
    goal = [[T["reps"], str(cap.reps)]]
    if cap.deals_per_rep is not None:
        goal.append([T["dpr"], f"{cap.deals_per_rep:g}"])
    if cap.revenue_per_rep is not None:
        goal.append([T["rpr"], money(cap.revenue_per_rep)])
    low = full_cac_low_case(plan, ue) if full_cac_figures(ue) is not None else None
    size = deal_size(plan)
    if low is None or cap.deals_per_rep is None or not low.customers or size is None:
        return [T["metric"], T["value"]], goal
    deals = low.customers / cap.reps
    rows = [[T["reps"], str(cap.reps), str(cap.reps)], [T["dpr"], f"{round(deals):g}", f"{cap.deals_per_rep:g}"]]  # fmt: skip
    if cap.revenue_per_rep is not None:
        rows.append(
            [T["rpr"], money(about(deals * (low.today or size[0]))), money(cap.revenue_per_rep)]
        )
    return [T["metric"], *case_heads(plan, low, cur)], rows


L_PAYBACK = {False: _LABELS["en"]["payback_est"], True: _LABELS["ko"]["payback_est"]}


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


def goals_met_spend(plan: Plan, a: PlanAnalysis) -> str:
    """Under the table: the goals-met column adds the extra leads the lead decision recommends, at
    the plan's cost per lead (today's budget cannot buy the leads the goals need at that cost)."""
    from assistant.core.lang import fix_particles

    found = funded_case(plan, a)
    if found is None:
        return ""
    lang, cur = plan.language, a.unit_economics.currency
    m = lambda v: format_amount(about(v), cur, lang)  # noqa: E731
    n = f"{found.extra:,.0f}"
    if lang == "ko":
        return fix_particles(f"'목표 달성 시' 열은 지금 예산에 제안한 리드 연 약 {n}건을 계획의 리드당 {m(found.each)}에 사는 비용(약 {m(found.money)})을 더한 값임. 지금 예산만으로는 그 리드 단가로 목표에 필요한 리드를 살 수 없음.")  # fmt: skip
    return f"The goals-met column adds to today's budget the extra leads the lead decision recommends (about {n} a year) at the plan's {m(found.each)} a lead (about {m(found.money)}): today's budget alone cannot buy the leads the goals need at that cost."

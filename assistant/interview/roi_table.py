"""The marketing ROI on each basis the plan speaks of, side by side: the stated expected ROI, all
the goals' new business for a year, the sales forecast's new contracts for a year and what they
earn within the plan year, and marketing's own new customers (no partner referrals or expansion) - on revenue and, where a margin is stated or typical, on gross profit.
One table instead of four ROI figures scattered through sentences."""

from __future__ import annotations

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def roi_rows(plan: Plan, analysis: PlanAnalysis) -> tuple[list[str], list[list[str]]] | None:
    """(header, rows) with at least two bases, else None (one ROI needs no reconciling)."""
    from assistant.analysis.budget import goals_revenue, goals_revenue_words, gross_margin_used
    from assistant.analysis.plan_analysis import roi_percent, roi_text
    from assistant.interview.forecast_proposal import earned_in_year, proposal

    b = plan.budget
    if not b.total or not b.expected_roi:
        return None
    ko, lang, year = plan.language == "ko", plan.language, _year(plan)
    cost = b.total
    bases: list[tuple[str, float]] = [
        (
            "예산의 기대 ROI" if ko else "The stated expected ROI",
            cost * (1 + roi_percent(b.expected_roi, roi_text(plan)) / 100),
        ),  # fmt: skip
    ]
    if (nb := goals_revenue(analysis.revenue)) and abs(nb - bases[0][1]) > cost * 0.01:
        words = goals_revenue_words(analysis.revenue, ko)
        bases.append((f"{words}(1년 치)" if ko else f"{words[:1].upper()}{words[1:]}, a year", nb))
    p = None if plan.user_text("sales_forecast").strip() else proposal(plan, analysis)
    if p is not None and p.from_funnel and p.new_business:
        bases.append(("영업 예측의 신규 계약(1년 치)" if ko else "The forecast's new contracts, a year", p.new_business))  # fmt: skip
    if earned := earned_in_year(plan, analysis):
        bases.append(
            # the new contracts only (expansion is not timed within the year): said in the label
            (
                f"{year}년 안에 인식되는 신규 계약 매출"
                if ko
                else f"New contracts' revenue within {year}",
                about(earned),
            )
        )
    own = marketing_sourced(plan, analysis, ko)
    if len(bases) < 2:
        return None
    margin = gross_margin_used(plan)
    money = lambda v: format_amount(v, b.currency, lang)  # noqa: E731
    pct = lambda v: f"{v:.0f}%"  # noqa: E731
    head = ["기준", "산정 매출", "ROI(매출 기준)"] if ko else ["Basis", "Revenue counted", "ROI on revenue"]  # fmt: skip
    if margin:
        head.append(f"ROI(이익 기준, 매출총이익률 {margin:g}%)" if ko else f"ROI on gross profit ({margin:g}% margin)")  # fmt: skip
    rows = []
    rows_in = [(n, r, cost) for n, r in bases]
    # beside the goals' own row: the customers marketing's funnel brings (a row the forecast's,
    # from the same funnel, already shows is not said twice)
    if own and not any(abs(r - own[1]) < 1 for _, r in bases):
        rows_in.insert(min(2, len(rows_in)), own)
    for name, revenue, spent in rows_in:
        row = [name, money(shown_money(revenue)), pct((revenue - spent) / spent * 100)]
        if margin:
            row.append(pct((revenue * margin / 100 - spent) / spent * 100))
        rows.append(row)
    return head, rows


def marketing_sourced(plan: Plan, analysis: PlanAnalysis, ko: bool) -> tuple[str, float, float] | None:  # fmt: skip
    """The goals' new customers that marketing itself brings, at today's deal size, against the
    marketing spend that brings them: partner referrals (and the partner line that pays them),
    expansion and an upsell after the sale are not marketing's return. None when that is no
    different from the goals' own row."""
    from assistant.analysis.lists import REFERRAL
    from assistant.analysis.plan_goals import customer_goal, deal_base, deal_size, partner_customers

    won, size = customer_goal(plan), deal_size(plan)
    cost = plan.budget.total or 0.0
    if won is None or size is None or not cost or size[1] != plan.budget.currency:
        return None
    today = deal_base(plan, size[0], size[1]) if size[2] == "goal" else None
    per = today or size[0]
    partners = partner_customers(plan)
    # marketing's customers are what its funnel makes (2,400 MQLs -> 180), the basis the plan's
    # funnel, strategy and summary use; without a funnel, the goal's less the partners' share
    from assistant.analysis.plan_goals import customers_at_pace

    funnel_end = analysis.funnel[-1].volume if len(analysis.funnel) > 1 else None
    # a year's customers: a lead goal that ends early counts at its pace (900 MQLs in 9 months
    # make 45, 60 over the year), as the forecast and the CAC at the funnel's yield do
    yearly = customers_at_pace(plan, funnel_end) if funnel_end else None
    # the count as the row says it ('about 38'), so the row's revenue is that count x the deal
    customers = round(yearly or won[1] - (partners[0] if partners else 0.0))
    partner_line = sum(
        ln.amount if ln.amount is not None else cost * (ln.share or 0) / 100
        for ln in plan.budget.lines
        if REFERRAL.search(ln.item)
    ) if partners else 0.0  # fmt: skip
    spent = cost - partner_line
    expansion = analysis.revenue.expansion or 0.0
    if not (partners or expansion or per < size[0] or round(customers) != round(won[1])) or customers <= 0 or spent <= 0:  # fmt: skip
        return None
    left = [("파트너 소개" if ko else "partner referrals") if partners else "", ("확장" if ko else "expansion") if expansion or per < size[0] else ""]  # fmt: skip
    out = ("·" if ko else " and ").join(x for x in left if x)
    at = (", 현재 거래 규모" if ko else ", at today's deal size") if per < size[0] else ""
    n = f"{customers:,.0f}"
    # how the count is made, so a reader does not take it for the goal less the partners' share
    rates = [f"{st.rate:g}%" for st in analysis.funnel[1:] if st.rate] if yearly else []
    if ko:
        made = f"리드 목표에 전환율 {'·'.join(rates)}를 적용; " if rates else ""
        name = f"마케팅 퍼널로 확보하는 고객 약 {n}곳({made}{f'{out} 제외' if out else ''}{at}, 1년 치{'; 비용도 파트너 제휴 제외' if partner_line else ''})"  # fmt: skip
        name = name.replace("(, ", "(").replace("; , ", "; ")
    else:
        made = f"the lead goal at {' and '.join(rates)} conversion; " if rates else ""
        name = f"Customers from marketing's funnel (about {n}: {made}{f'no {out}, ' if out else ''}{at.removeprefix(', ')}{', ' if at else ''}a year{'; cost without the partner line' if partner_line else ''})"  # fmt: skip
        name = name.replace("(, ", "(")
    return name, customers * per, spent


def claim_parts(plan: Plan, analysis: PlanAnalysis, ko: bool) -> tuple[float, float, float, float] | None:  # fmt: skip
    """(marketing's funnel customers' revenue, the partners' share, expansion, all the goals'
    revenue): the parts an ROI claim above marketing's own return is made of, one account for the
    budget's reconciliation and the KPI's words. None without marketing's row or the goals'."""
    from assistant.analysis.budget import goals_revenue

    own = marketing_sourced(plan, analysis, ko)
    whole = goals_revenue(analysis.revenue)
    if own is None or not whole:
        return None
    expansion = analysis.revenue.expansion or 0.0
    partners = max(0.0, whole - expansion - own[1])
    return own[1], (partners if partners > whole * 0.01 else 0.0), expansion, whole


def marketing_roi_below(plan: Plan, analysis: PlanAnalysis, claimed: float) -> float | None:
    """Marketing's own customers' ROI (`marketing_sourced`) when it falls below the claimed ROI
    (under 95% of it): the claim counts partner and expansion revenue. None otherwise."""
    own = marketing_sourced(plan, analysis, plan.language == "ko")
    if own is None or not own[2]:
        return None
    at = (own[1] - own[2]) / own[2] * 100
    return at if at < claimed * 0.95 else None


def shown_money(value: float) -> float:
    """A revenue cell as a reader recomputes it: a product of round figures stays exact
    (135 x 900만 = 12억 1,500만, not 12억 2,000만); a longer one is rounded to three digits."""
    if value >= 1000 and value == round(value, 4 - len(str(int(value)))):
        return value
    return about(value)


def _year(plan: Plan) -> int:
    from assistant.analysis.plan_goals import plan_year

    return plan_year(plan)

"""The key numbers a summary opens with: marketing (budget, lead goal, customer and revenue goals,
the forecast total) or sales (customer goal, deal size, new business, the sales budget), each
named as what it is (a deal-size goal as the goal)."""

from __future__ import annotations

import re
from typing import Any

from assistant.analysis.revenue_models import one_off
from assistant.core.plan import Goal, Plan, forecast_currency
from assistant.goals.numbers import about, format_amount


def key_numbers(plan: Plan, a: Any, cur: str, lang: str, with_forecast: bool = True, sales: bool = False) -> list[str]:  # fmt: skip
    """Marketing: budget total, lead goal, customer goal, revenue goal and forecast total; sales:
    customer goal, deal size, revenue goal and the sales budget, when the plan has them."""
    from assistant.analysis.plan_analysis import customer_goal, deal_size, lead_goal, revenue_goal

    ko = lang == "ko"
    out: list[str] = []
    customers_said = _customers_phrase(customer_goal(plan), lang)
    revenue_said = _revenue_phrase(revenue_goal(plan), lang)
    if sales:
        out += [customers_said] if customers_said else []
        goal_size = False
        from assistant.analysis.outlets import outlet_bridge

        if opened := outlet_bridge(plan, cur, a.revenue.new_business_from_goals):
            # a chain: the new outlets and what each sells, not one shopper's spend
            each = format_amount(about(opened[1]), cur, lang)  # '곳당 연 매출 약 22억 3,000만 원'
            if about(opened[1]) != opened[1]:  # a rounded figure says so; a stated one stays exact
                each = f"약 {each}" if ko else f"about {each}"
            out.append(f"새 {opened[2]} {opened[0]:,.0f}곳(곳당 연 매출 {each})" if ko else f"{opened[0]:,.0f} new {opened[2]} at {each} a year each")  # fmt: skip
        elif (size := deal_size(plan)) is not None:
            d = format_amount(size[0], size[1], lang)
            # the deal-size goal is the year's end, not every deal's size: said as the goal
            goal_size = any(
                g.frame is not None and g.frame.kpi == "average_deal_size" and g.frame.target is not None
                and abs(g.frame.target.value - size[0]) < 0.5
                for g in plan.goals
            )  # fmt: skip
            tag = ("(거래 규모 목표)" if ko else " (the deal-size goal)") if goal_size else ""
            if one_off(plan):  # bought once: a purchase, not a year
                out.append(f"고객당 매출 {d}(1회 구매){tag}" if ko else f"{d} per customer (one purchase){tag}")  # fmt: skip
            else:
                out.append(f"고객당 연 매출 {d}{tag}" if ko else f"{d} a year per customer{tag}")
        out += [revenue_said] if revenue_said else []
        new = a.revenue.new_business_from_goals
        if not revenue_said and new and cur:  # what the new customers bring, said once
            n = format_amount(new, cur, lang)
            at = ("(목표 거래 규모 기준)" if ko else " at that size") if goal_size else ""
            out.append(f"신규 매출 연 {n}{at}" if ko else f"new business of {n} a year{at}")
        if (spend := plan.number("sales_budget")) is not None:
            b = format_amount(spend, cur, lang)
            out.append(f"영업 예산 {b}" if ko else f"a sales budget of {b}")
        return out
    if plan.budget.total:
        b = format_amount(plan.budget.total, cur, lang)
        out.append(f"마케팅 예산 {b}" if ko else f"a marketing budget of {b}")
    if (leads := lead_goal(plan)) is not None:
        n = format_amount(
            leads[1],
            "",
            lang,
        )
        n = f"{n} " if ko and re.search(r"[가-힣]$", n) else n  # '3만 건', '2,400건'
        # the funnel's own top stage when it is the user's ('1,200 opportunities'), else leads
        top = a.funnel[0].stage if a.funnel and a.funnel[0].volume == leads[1] else ""
        own = top and top not in ("Leads", "리드", "MQL")
        out.append((f"{top} 목표 {n}건" if own else f"리드 목표 {n}건") if ko else (f"{n} {top.lower()}" if own else f"{n} leads"))  # fmt: skip
    out += [x for x in (customers_said, revenue_said) if x]
    f = plan.forecast
    if with_forecast and f is not None and f.points:
        t = format_amount(f.total, forecast_currency(plan), lang)
        out.append(
            f"예측 매출 합계 {t}" if ko else f"a forecast of {t} over {len(f.points)} periods"
        )
    return out


def _customers_phrase(customers: tuple[Goal, float] | None, lang: str) -> str:
    if customers is None:
        return ""
    ko, frame = lang == "ko", customers[0].frame
    unit = frame.target.unit if frame is not None and frame.target is not None else ""
    n = format_amount(customers[1], unit if ko and re.match(r"[가-힣]", unit) else "", lang)
    return f"신규 고객 목표 {n}" if ko else f"{n} new customers"


def _revenue_phrase(rev: tuple[Goal, float, str] | None, lang: str) -> str:
    if rev is None:
        return ""
    r = format_amount(rev[1], rev[2], lang)
    return f"매출 목표 {r}" if lang == "ko" else f"revenue of {r}"

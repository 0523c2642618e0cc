"""The revenue bridge: last year's history and the forecast beside the goal, and a level from its
stated base: base - churned + new business + expansion = the goal, with the gap the plan must close.
When the user writes their own bridge and it adds up, its terms are the bridge (our computed new
business stays beside it as a check)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.analysis.analysis_model import BridgeTerm, PlanAnalysis, RevenueBridge
from assistant.analysis.plan_goals import revenue_goal
from assistant.analysis.revenue_models import model_of, orders_needed, orders_per_customer
from assistant.analysis.stated_bridge import parse_fact
from assistant.core.plan import Plan, forecast_comparable
from assistant.goals.numbers import format_amount


def annual_from_monthly(monthly_pct: float) -> float:
    """The share of a year's starting base lost at a monthly churn rate, compounded (6% a month
    keeps 0.94^12 = 47.6%: 52.4% is lost, not 72%)."""
    return round((1 - (1 - min(monthly_pct, 100) / 100) ** 12) * 100, 2)


def _stated(plan: Plan, bridge: RevenueBridge, goal: float, currency: str) -> bool:
    """Use the user's own bridge (from the fact sheet) when there is one."""
    fact = plan.fact("stated_bridge")
    if fact is None or not isinstance(fact.value, list) or fact.unit != currency:
        return False
    terms = parse_fact([str(v) for v in fact.value], currency)
    if len(terms) < 2 or bridge.base is None:
        return False
    bridge.stated = [BridgeTerm(label=label, amount=round(value, 2)) for label, value in terms]
    bridge.churned = round(-sum(v for _, v in terms if v < 0), 2)
    bridge.churn_rate_annual = None
    bridge.expansion = None
    bridge.gap = round(goal - (bridge.base + sum(v for _, v in terms)), 2)
    return True


def fill_bridge(
    plan: Plan,
    out: PlanAnalysis,
    size: tuple[float, str, str] | None,
    new_customers: float | None,
    reps: int | None,
    benchmark: Callable[[str, str, str], float],
) -> None:
    """Fill `out.revenue` (and the plan ROAS and new business per seller it yields)."""
    ko = plan.language == "ko"
    assume = out.assumptions
    ue = out.unit_economics
    rev = revenue_goal(plan)
    bridge = out.revenue
    f = plan.forecast
    if f is not None and forecast_comparable(plan):  # never set dollars against won
        per_year = {"monthly": 12, "quarterly": 4, "weekly": 52}.get(f.frequency, 12)
        series = next((s for s in f.series if s.column == f.column), None)
        if series is not None and len(series.values) >= per_year:
            bridge.history_last_12 = round(sum(series.values[-per_year:]), 2)
        if len(f.points) >= per_year:
            bridge.forecast_next_12 = round(sum(p.value for p in f.points[:per_year]), 2)
    if rev is not None:
        bridge.goal = rev[1]
    if rev is not None and (orders := orders_needed(plan, rev[1], rev[2])) is not None:
        bridge.orders_needed = orders
    if size is not None and new_customers:
        # a new client's first year is one project (the repeat projects come later)
        first_year = size[0] / orders_per_customer(plan) if size[2] == "project value" else size[0]
        bridge.new_business_from_goals = round(new_customers * first_year, 2)
        budget = plan.number("marketing_budget")
        if size[2] == "order value" and budget:
            ue.roas_plan = round(bridge.new_business_from_goals / budget, 2)
        # a planner's per-seller figure: the new business each quota seller must close
        if reps and out.capacity.deals_per_rep is not None:
            out.capacity.revenue_per_rep = round(bridge.new_business_from_goals / reps, 2)
    if (
        rev is not None
    ):  # a chain's new outlets bring their sales (a full year each, as new customers do)
        from assistant.analysis.outlets import outlet_goal, outlet_sales

        opened, each = outlet_goal(plan), outlet_sales(plan, rev[2])
        if opened is not None and each is not None:
            bridge.new_business_from_goals = round((bridge.new_business_from_goals or 0.0) + opened[1] * each[0], 2)  # fmt: skip
            assume.append(
                f"매출 브리지의 신규 매출: 새 매장 {opened[1]:,.0f}곳 × 매장당 연 매출 {format_amount(each[0], rev[2], plan.language)}"
                + (
                    "(계획상 매장당 매출)"
                    if each[1] == "stated"
                    else f"(작년 매출 ÷ 현재 매장 {opened[2]:,.0f}곳)"
                )
                + ". 새 매장의 손님이 고객이므로 매장 수는 고객 수로 세지 않았습니다."
                if ko
                else f"New business in the revenue bridge: {opened[1]:,.0f} new outlets x {format_amount(each[0], rev[2], plan.language)} a year each"
                + (
                    " (the plan's sales per outlet)"
                    if each[1] == "stated"
                    else f" (last year's revenue over today's {opened[2]:,.0f} outlets)"
                )
                + ". Their shoppers are the customers, so the outlets are not counted as customers."
            )
    base = plan.fact("revenue_base")
    if (  # a level against a level, in the same currency
        rev is not None
        and base is not None
        and isinstance(base.value, (int, float))
        and base.unit == rev[2]
        and base.value > 0
    ):
        bridge.base = float(base.value)
        new = bridge.new_business_from_goals or 0.0
        if _stated(plan, bridge, rev[1], rev[2]):
            return
        if model_of(plan) in ("transactional", "services"):  # last year's sales carry on
            bridge.churned = 0.0
            assume.append(
                "매출 브리지: 작년 매출은 올해도 이어진다고 보고, 목표와의 차이를 신규 고객과 기존 고객의 구매 증가로 나눴습니다(작년 고객 중 이탈 비율을 알려 주면 반영합니다)."
                if ko
                else "Revenue bridge: last year's sales are assumed to continue; the gap to the goal is for new customers and more buying by existing ones (state how many of last year's buyers do not return to include it)."
            )
        else:
            churn = plan.fact("churn_rate")
            annual_churn = (
                benchmark("annual_churn", "Annual churn", "연간 이탈률")
                if churn is None or not isinstance(churn.value, (int, float))
                else float(churn.value)
                if churn.period == "year"
                else annual_from_monthly(float(churn.value))
            )
            if (
                churn is not None
                and churn.period != "year"
                and isinstance(churn.value, (int, float))
            ):
                assume.append(
                    f"매출 브리지의 이탈: 월 {churn.value:g}%가 12개월 이어지면 연초 매출의 {annual_churn:g}%를 잃습니다(복리, 월 × 12가 아님)."
                    if ko
                    else f"Churn in the revenue bridge: {churn.value:g}% a month for twelve months loses {annual_churn:g}% of the starting base (compounded, not monthly x 12)."
                )
            bridge.churn_rate_annual = round(annual_churn, 2)
            # churn is lost from the recurring line the user names, not one-time or wholesale sales
            recurring = plan.number("recurring_base")
            bridge.churn_base = recurring if recurring and recurring < bridge.base else None
            bridge.churned = round(
                (bridge.churn_base or bridge.base) * min(annual_churn, 100) / 100, 2
            )
        stated = plan.fact("expansion_revenue")
        if stated is not None and isinstance(stated.value, (int, float)) and stated.unit == rev[2]:
            bridge.expansion = float(stated.value)  # the plan's own expansion, not a plug
        expansion = bridge.expansion or 0.0
        from assistant.analysis.plan_goals import unbased_level

        # new customers planned but of unknown value, or a total to reach with no base to count
        # the new ones from ('Reach 60,000 paying subscribers')
        unknown = any(unbased_level(g) for g in plan.goals) and not new_customers
        if (new_customers and bridge.new_business_from_goals is None) or unknown:
            # new customers are planned but what one brings a year is unknown: no gap is
            # claimed (it would be read as one for expansion to close), the missing figure is said
            bridge.gap = None
            assume.append(
                "매출 브리지: 고객 목표가 연말 총수라 새로 얻을 고객 수를 알 수 없어, 작년 매출에서 목표까지의 차이는 계산하지 않았습니다(확장 매출이 메울 몫으로 보이지 않도록). 지금 고객 수에서 출발하는 목표로 고치면 브리지를 계산합니다."
                if ko and unknown
                else "Revenue bridge: the customer goal is a total at year end, so the new customers it takes are unknown; the gap from last year's revenue to the goal is not computed (it would read as one for expansion to close). State the goal from today's count to see the bridge."
                if unknown
                else "매출 브리지: 신규 고객 한 곳이 1년에 가져오는 매출(평균 거래 규모나 고객당 연 매출)을 알 수 없어, 작년 매출에서 목표까지의 차이는 계산하지 않았습니다(확장 매출이 메울 몫으로 보이지 않도록). 그 금액을 알려 주면 브리지를 계산합니다."
                if ko
                else "Revenue bridge: the revenue a new customer brings in a year (average deal size or revenue per customer) is not given; until it is, the gap from last year's revenue to the goal is not computed (it would read as one for expansion to close)."
            )
            return
        bridge.gap = round(rev[1] - (bridge.base - bridge.churned + new + expansion), 2)


_LEVEL_WORDS = re.compile(r"\b(?:arr|mrr|run[- ]rate|recurring)\b|반복\s*매출|월\s*매출", re.I)


def in_year_landing(plan: Plan, bridge: RevenueBridge) -> float | None:
    """For a year's revenue goal (not ARR or a run-rate), what the year's revenue comes to when
    customers join, leave and expand evenly through it: new business, churn and expansion count for
    half a year.
    None when the goal is a level, the bridge is the user's own, or there is no new business."""
    rev = revenue_goal(plan)
    if (
        rev is None
        or bridge.base is None
        or bridge.gap is None
        or bridge.stated
        or not bridge.new_business_from_goals
        or _LEVEL_WORDS.search(rev[0].text)
    ):
        return None
    return (
        bridge.base
        - (bridge.churned or 0.0) / 2
        + bridge.new_business_from_goals / 2
        + (bridge.expansion or 0.0) / 2
    )


def opening_needed(plan: Plan, bridge: RevenueBridge) -> float | None:
    """The run-rate the year must open at (December's revenue x 12) for its revenue to reach a
    year's revenue goal, with new business and expansion counting half a year and the opening
    losing half a year's churn, as `in_year_landing` counts them. Last year's revenue is last
    year's average, so a business that grew through it opens higher: this is the figure to
    confirm in January. None when `in_year_landing` does not apply."""
    rev = revenue_goal(plan)
    if rev is None or in_year_landing(plan, bridge) is None or bridge.base is None:
        return None
    churn = (bridge.churned or 0.0) / bridge.base if bridge.base else 0.0
    half = ((bridge.new_business_from_goals or 0.0) + (bridge.expansion or 0.0)) / 2
    return (rev[1] - half) / (1 - churn / 2)


def opening_from_q1(q1: float, bridge: RevenueBridge) -> float | None:
    """The run-rate the year opens at that a stated first quarter implies, as the bridge's own
    quarters count it: Q1 = (opening + its net change over the first eighth of the year) / 4, so
    opening = (4 x Q1 - (new + expansion) / 8) / (1 - churn / 8). Q1 x 4 alone would count Q1's
    own new deals as if they were there on 1 January."""
    if bridge.base is None or not bridge.base:
        return None
    churn = (bridge.churned or 0.0) / bridge.base
    added = (bridge.new_business_from_goals or 0.0) + (bridge.expansion or 0.0)
    return (4 * q1 - added / 8) / (1 - churn / 8)


def in_year_quarters(plan: Plan, bridge: RevenueBridge) -> list[float] | None:
    """The year's revenue by quarter as the bridge's in-year landing counts it: the base's run-rate
    with new business, churn and expansion joining evenly through the year (each quarter at its
    midpoint: 1/8, 3/8, 5/8 and 7/8 of the year's net change). The four add up to
    `in_year_landing`."""
    landed = in_year_landing(plan, bridge)
    if landed is None or bridge.base is None or not bridge.new_business_from_goals:
        return None
    net = bridge.new_business_from_goals + (bridge.expansion or 0.0) - (bridge.churned or 0.0)
    return [(bridge.base + net * (2 * q + 1) / 8) / 4 for q in range(4)]


def in_year_parts(
    plan: Plan, bridge: RevenueBridge
) -> list[tuple[float, float, float, float]] | None:
    """`in_year_quarters` split into what makes each quarter: (the base's run-rate, new business,
    expansion, churn as a negative), so a reader sees what the year rests on quarter by quarter."""
    if in_year_quarters(plan, bridge) is None or bridge.base is None:
        return None
    new, more, lost = bridge.new_business_from_goals or 0.0, bridge.expansion or 0.0, bridge.churned or 0.0  # fmt: skip
    share = [(2 * q + 1) / 8 / 4 for q in range(4)]
    return [(bridge.base / 4, new * f, more * f, -lost * f) for f in share]

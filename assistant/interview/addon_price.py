"""What an unpriced add-on's expansion revenue asks of the customer base: at a yearly price of a
tenth, a fifth and three tenths of today's revenue per customer, how many of today's customers
must take it, and what share of them that is. Plain arithmetic on the plan's own figures, so the
price is set knowing the attach rate it implies."""

from __future__ import annotations

from assistant.analysis.plan_goals import installed_base
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount

_SHARES = (0.1, 0.2, 0.3)


def price_ladder(plan: Plan, expansion: float, currency: str, base: float | None) -> str:
    """'At 90만 원 a year (10% of today's 900만 원), 4억 원 takes about 444 of today's 467
    customers (95%); at 180만 원 …' with the lowest share of the base that can carry it; '' when
    the plan gives no base to count customers from."""
    found = installed_base(plan, base)  # `base`: the revenue bridge's starting revenue
    if found is None or expansion <= 0:
        return ""
    count, today = found
    ko = plan.language == "ko"
    m = lambda v: format_amount(about(v), currency, plan.language)  # noqa: E731
    steps = []
    # the owner's default: the lowest price whose take-up is a third of the base or less (an
    # add-on most customers skip), else the highest step
    pick = next((s for s in _SHARES if expansion / (today * s) <= count / 3), _SHARES[-1])
    for share in _SHARES:
        price = today * share
        takers = _needed(expansion / price)
        part = takers / count * 100
        more = ("(고객 수보다 많음)" if ko else " (more than the customers there are)") if takers > count else f"({part:.0f}%)" if ko else f" ({part:.0f}%)"  # fmt: skip
        steps.append(
            f"연 {m(price)}(현재 고객당 매출의 {share * 100:.0f}%)이면 약 {takers:,.0f}곳{more}"
            if ko
            else f"at {m(price)} a year ({share * 100:.0f}% of today's revenue per customer), about {takers:,.0f}{more}"
        )
    n = f"{count:,.0f}"
    price, takers = today * pick, _needed(expansion / (today * pick))
    seat = _per_unit(plan, pick, currency)  # priced as the base is: '직원 1인당 월 1,500원'
    # today's revenue per customer is what customers pay, the annual discount taken: the add-on
    # at the same share of the list price costs them that share after the same discount
    off = _discount(plan) if seat else None
    if ko:
        after = f"연간 계약 {off:g}% 할인 후 " if off else ""
        said = f"{seat}(기본 요금의 {pick * 100:.0f}%, 평균 고객은 {after}연 약 {m(price)})" if seat else f"연 {m(price)}(현재 고객당 매출의 {pick * 100:.0f}%)"  # fmt: skip
        return (
            f"가격에 따라 현재 고객 약 {n}곳 중 구매해야 하는 고객은 "
            + ", ".join(steps)
            + f"입니다. {said}으로 정하고 기존 고객 약 {takers:,.0f}곳에 판매하는 것을 권합니다. "
            + "구매 고객 수는 CSM이 매달 CRM에서 집계합니다."
        )
    after = f" after the {off:g}% annual discount" if off else ""
    en_said = (
        f"{seat} ({pick * 100:.0f}% of the base price, about {m(price)} a year for the average customer{after})"
        if seat
        else f"{m(price)} a year ({pick * 100:.0f}% of today's revenue per customer)"
    )
    return (
        f"Of today's about {n} customers, the ones who must take it are "
        + "; ".join(steps)
        + f". Recommended: {en_said}, sold to about {takers:,.0f} existing customers; customer success counts the buyers monthly in the CRM."
    )


def _needed(customers: float) -> float:
    """Customers a sum needs, rounded up: 4억 ÷ 270만 = 148.1 takes 149, never 148."""
    import math

    return float(math.ceil(customers - 1e-9))


def _discount(plan: Plan) -> float | None:
    from assistant.analysis.lists import mix_4p
    from assistant.interview.compose_price import annual_discount

    return annual_discount(mix_4p(plan).get("price", ""))


def _per_unit(plan: Plan, share: float, currency: str) -> str:
    """The add-on priced per unit like the base ('직원 1인당 월 1,500원', '$360 per store per
    month') when the base price is per user, seat or store; '' otherwise."""
    import re

    from assistant.analysis.lists import mix_4p
    from assistant.interview.compose_price import PER_UNIT, unit_noun

    price = plan.fact("price")
    text = mix_4p(plan).get("price", "")
    if price is None or not isinstance(price.value, (int, float)) or not PER_UNIT.search(text):
        return ""
    ko = plan.language == "ko"
    each = format_amount(round(float(price.value) * share, -1 if price.value * share >= 100 else 0), currency, plan.language)  # fmt: skip
    per = {"month": ("월", "per month"), "year": ("연", "per year")}.get(price.period, ("", ""))
    noun = unit_noun(text, ko, one=True)
    if ko:
        who = "직원 1인" if noun == "1인" and re.search(r"직원", text) else noun
        return f"{who}당 {per[0]} {each}".replace("  ", " ")
    return f"{each} per {noun} {per[1]}".strip()

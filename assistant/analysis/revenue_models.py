"""Revenue per customer by how the business earns (the fact sheet's `revenue_model`):
- take rate: transaction volume x take rate (+ any fixed fee) a year;
- transactional (shops, e-commerce): average order value x expected orders per customer, where a
  stated repeat-purchase rate r gives 1 / (1 - r) orders (the first order, then each next one
  with probability r); no churn: a one-off buyer's lifetime is their orders;
- subscription and services: the stated deal size or price (read by plan_analysis).
Plain Python over the fact sheet."""

from __future__ import annotations

import re

from assistant.core.plan import Plan

# a purchase made once in a customer's life ('재구매는 거의 없고(평생 1회)', 'a one-time purchase',
# 'customers rarely buy again'): the repeat rate is nil, and no churn or lifetime applies
ONE_OFF = re.compile(
    # ... never a group of buyers a tactic aims at ('재구매가 없는 고객에게 쿠폰', 'customers with no
    # repeat purchase in 90 days') or an option beside a subscription ('or a one-time purchase')
    r"재구매(?:는|가)?\s*(?:거의\s*)?없(?![는은])|평생\s*(?:한\s*번|1\s*회)\s*(?:구매|짓|사)|(?<!or\s)(?<!or\sa\s)\ba\s+one[- ](?:time|off)\s+(?:purchase|buy)\b(?!\s+(?:option|discount|price))"
    r"|(?:customers?|buyers?|clients?)\s+(?:only\s+)?(?:buy|purchase)\s+(?:only\s+)?once|rarely\s+(?:buy|purchase|come\s+back)\s+again|\bthere\s+is\s+(?:almost\s+)?no\s+repeat\s+(?:business|purchase)",
    re.I,
)


def model_of(plan: Plan) -> str:
    f = plan.fact("revenue_model")
    return str(f.value) if f is not None and isinstance(f.value, str) else ""


def take_rate_revenue(plan: Plan) -> tuple[float, str, str] | None:
    """A take-rate business earns volume x take rate (+ any fixed fee) per customer a year."""
    volume = plan.fact("volume_per_customer")
    rate = plan.number("take_rate")
    if model_of(plan) != "take_rate" or volume is None or rate is None:
        return None
    if not isinstance(volume.value, (int, float)):
        return None
    yearly = float(volume.value) * (12 if volume.period == "month" else 1) * rate / 100
    fee = plan.fact("price")
    if fee is not None and isinstance(fee.value, (int, float)) and fee.unit == volume.unit:
        yearly += float(fee.value) * (12 if fee.period == "month" else 1)
    return round(yearly, 2), volume.unit, "take rate"


def one_off(plan: Plan) -> bool:
    """A customer buys once ('재구매는 거의 없고(평생 1회)', 'a one-time purchase'): the plan
    said no repeat purchase, and the business is no subscription."""
    return plan.number("repeat_rate") == 0 and model_of(plan) not in ("subscription", "take_rate")


def one_off_words(quote: str) -> str:
    """The user's words that say customers buy once, from the fact's sentence ('재구매는 거의
    없고(평생 1회)'), up to the clause's end."""
    m = ONE_OFF.search(quote)
    if m is None:
        return ""
    end = re.search(r"[,.;]|\)|$", quote[m.end() :])
    return quote[m.start() : m.end() + (end.end() if end else 0)].strip(" ,.;")


def orders_per_customer(plan: Plan) -> float:
    """Expected orders per customer: 1 / (1 - repeat rate), capped at 20; 1 with no repeat rate."""
    r = plan.number("repeat_rate")
    if r is None or not 0 < r < 100:
        return 1.0
    return round(min(1 / (1 - r / 100), 20.0), 2)


def order_revenue(plan: Plan) -> tuple[float, str, str] | None:
    """Revenue per customer of a shop (order value x expected orders) or of a services firm
    (project value x expected projects, a repeat-client rate giving 1 / (1 - rate))."""
    model = model_of(plan)
    if model == "services":
        value = plan.fact("average_deal_size") or plan.fact("price")
        if value is None or not isinstance(value.value, (int, float)):
            return None
        return round(float(value.value) * orders_per_customer(plan), 2), value.unit, "project value"
    aov = plan.fact("average_order_value")
    if model != "transactional" or aov is None or not isinstance(aov.value, (int, float)):
        return None
    return round(float(aov.value) * orders_per_customer(plan), 2), aov.unit, "order value"


def break_even_roas(margin_pct: float) -> float | None:
    """Revenue per unit of ad spend at which the gross margin pays for the ads: 1 / margin."""
    return round(100 / margin_pct, 2) if margin_pct > 0 else None


def orders_needed(plan: Plan, revenue: float, currency: str) -> float | None:
    """Orders a revenue goal takes at the stated order value (same currency only)."""
    aov = plan.fact("average_order_value")
    if model_of(plan) != "transactional" or aov is None or not isinstance(aov.value, (int, float)):
        return None
    if aov.unit != currency or aov.value <= 0:
        return None
    return round(revenue / float(aov.value))


def gross_rate_note(plan: Plan, ko: bool) -> str:
    """For a take-rate business whose revenue goal is net revenue: the stated rate is what the
    merchant pays, and net revenue keeps what is left after interchange and network fees, so the
    new customers are counted at a rate the plan has not given; '' otherwise."""

    rate = plan.number("take_rate")
    goals = " ".join(g.text for g in plan.goals)
    if model_of(plan) != "take_rate" or rate is None or not re.search(r"\bnet\s+revenue|순매출|순수익|순수수료", goals, re.I):  # fmt: skip
        return ""
    if ko:
        return f"수수료 {rate:g}%는 가맹점이 내는 요율이고, 순매출은 카드사·네트워크 수수료를 뺀 몫입니다. 신규 가맹점은 순 요율로 세어야 하므로 그 요율(예: '순 수수료율 0.6%')을 알려 주세요."
    return f"The {rate:g}% is what merchants pay; net revenue keeps what is left after interchange and card-network fees, so new merchants count at the net rate: state it (e.g. 'net take rate 0.6%')."

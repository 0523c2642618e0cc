"""The price in the 4Ps: the list price a year, after the stated annual discount, against the
deal size the plan counts on; a tier cap below the target market's size; the unit a price is
per (a seat, a store) and what that makes of one deal."""

from __future__ import annotations

import re

from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount

_ANNUAL = re.compile(r"annual|yearly|a\s+year|per\s+year|연간|연\s*계약|1년", re.I)
_OFF = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*(?:off|discount|할인)", re.I)
PER_UNIT = re.compile(
    r"\bper\s+(?:user|seat|employee|member|location|store|site|square\s+f(?:oo|ee)t|sq\.?\s*ft)|인당|1인|명당|매장당|좌석|평당",
    re.I,
)


def _t(ko: bool, en: str, kr: str) -> str:
    return kr if ko else en


def _price(plan: Plan, text: str, ko: bool) -> str:
    """The price a year, after an annual discount the answer states, and the deal size the goals
    count on."""
    from assistant.analysis.plan_goals import deal_size

    price = plan.fact("price")
    if price is None or not isinstance(price.value, (int, float)) or not text:
        return ""
    lang, unit = plan.language, price.unit
    m = lambda v: format_amount(v, unit, lang)  # noqa: E731
    out: list[str] = []
    unit_m = PER_UNIT.search(text)
    if price.period == "month":
        yearly = float(price.value) * 12
        per = unit_noun(unit_m.group(0), ko, one=True) if unit_m else ""
        sub = bool(re.search(r"subscri|구독|정기", text, re.I))  # a subscription price, not a list
        basis = ("on subscription" if sub else "at list", "구독 기준" if sub else "정가 기준")
        out.append(_t(ko, f"{m(yearly)} a year{' per ' + per if per else ''} {basis[0]} ({m(float(price.value))} x 12)",
                      f"{basis[1]} {per + '당 ' if per else ''}연 {m(yearly)}(월 {m(float(price.value))} × 12)"))  # fmt: skip
        rate = annual_discount(text)
        if rate is not None:
            out.append(_t(ko, f"{m(yearly * (1 - rate / 100))} on an annual contract ({rate:g}% off)",
                          f"연 계약 시 {m(yearly * (1 - rate / 100))}({rate:g}% 할인)"))  # fmt: skip
    size = deal_size(plan)
    if size is not None and size[2] in ("deal size", "goal") and size[1] == unit:
        from assistant.analysis.plan_goals import deal_base

        base = deal_base(plan, size[0], size[1]) if size[2] == "goal" else None
        goal_n = next((plan.goal_number(g) for g in plan.goals if g.frame is not None and g.frame.kpi == "average_deal_size"), None)  # fmt: skip
        if base is not None and goal_n is not None:
            # the goal's deal from today's: where the difference comes from is the offering's
            # the goal's figure, said as the goal's (the forecast may sign at today's)
            out.append(_t(ko, f"goal {goal_n} aims at {m(size[0])} a customer a year: today's {m(base)} plus {m(size[0] - base)} (see the offering)",
                          f"목표 {goal_n}번은 고객당 연 {m(size[0])}: 현재 {m(base)}에 {m(size[0] - base)}을(를) 더함(제품 또는 서비스 참고)"))  # fmt: skip
        else:
            out.append(_t(ko, f"the plan counts on {m(size[0])} a customer a year",
                          f"계획은 고객당 연 {m(size[0])}을(를) 전제"))  # fmt: skip
        if unit_m and price.period == "month" and float(price.value) > 0:
            # a yearly deal is an annual contract: counted at the annual contract's price
            off = annual_discount(text)
            each = float(price.value) * 12 * (1 - (off or 0) / 100)
            units = size[0] / each
            if units >= 1.5:
                noun = unit_noun(unit_m.group(0), ko)
                at = (
                    " at the annual-contract price" if off else "",
                    "(연 계약가 기준)" if off else "",
                )
                out.append(_t(ko, f"about {units:,.0f} {noun} a customer{at[0]}", f"고객당 약 {units:,.0f}{noun}{at[1]}") + _in_segment(plan, units, noun, ko))  # fmt: skip
    entry = _ENTRY.search(text)
    if entry:
        out.append(_t(ko, f"entry offer: {entry.group(0).strip()}, the first step to a paying customer",
                      f"첫 구매 진입 상품: {entry.group(0).strip()}"))  # fmt: skip
    return "; ".join(out)


_SEGMENT = re.compile(
    r"(\d[\d,]*)\s*[~\-–]\s*(\d[\d,]*)\s*(명|employees|staff|people|users|stores|locations|개?\s*매장|곳)",
    re.I,
)


def _in_segment(plan: Plan, units: float, noun: str, ko: bool) -> str:
    """The deal size the plan counts on, in the price's units, against the target market's size
    range in the same units ('167명분' against '직원 50~300명'): a deal the segment cannot carry
    is said."""
    text = " ".join(plan.user_text(s) for s in ("sales_target_market", "mkt_target_audience"))
    kinds = {"명분": "명", "users": "peop", "employees": "peop", "members": "peop", "stores": "store", "개 매장": "store", "locations": "store", "곳": "store"}  # fmt: skip
    want = kinds.get(noun)
    for m in _SEGMENT.finditer(text):
        unit = m.group(3).lower()
        got = "명" if unit == "명" else "peop" if unit in ("employees", "staff", "people", "users") else "store"  # fmt: skip
        if want is None or (got != want and not (want == "peop" and got == "명") and not (want == "명" and got == "peop")):  # fmt: skip
            continue
        lo, hi = (float(g.replace(",", "")) for g in m.group(1, 2))
        span = m.group(0)
        if lo <= units <= hi:
            return _t(
                ko, f", within the target market's {span}", f"으로 목표 시장({span}) 안에 있음"
            )
        if units < lo:
            return _t(ko, f", fewer than the target market's smallest customer ({span}): check the deal size or the price", f"으로 목표 시장({span})의 가장 작은 고객보다 적음: 계약 금액이나 가격을 다시 확인")  # fmt: skip
        return _t(ko, f", more than the target market's largest customer ({span}): the deal size needs customers the segment does not have", f"으로 목표 시장({span})의 가장 큰 고객보다 많음: 이 세그먼트로는 계약 금액을 채우기 어려움")  # fmt: skip
    return ""


# a priced first step: a trial pack, a sampler, a pilot ('체험팩 9,900원', 'a $32 sampler')
_ENTRY = re.compile(
    r"(?:trial|sampler|starter|pilot|체험\w*|샘플\w*|맛보기\w*)[^,;.()]{0,20}?(?:[$₩]\s?[\d,]+|[\d,]+\s*(?:원|만\s*원))"
    r"|(?:[$₩]\s?[\d,]+|[\d,]+\s*(?:원|만\s*원))[^,;.()]{0,12}?(?:trial|sampler|starter|pilot|체험\w*|샘플\w*)",
    re.I,
)
_UNIT_NOUNS = {
    "user": ("users", "명분", "user", "1인"), "seat": ("seats", "석", "seat", "좌석"),
    "employee": ("employees", "명분", "employee", "1인"), "member": ("members", "명분", "member", "1인"),
    "location": ("locations", "곳", "location", "지점"), "store": ("stores", "개 매장", "store", "매장"),
    "site": ("sites", "곳", "site", "지점"), "인당": ("users", "명분", "user", "1인"),
    "1인": ("users", "명분", "user", "1인"), "명당": ("users", "명분", "user", "1인"),
    "매장당": ("stores", "개 매장", "store", "매장"), "좌석": ("seats", "석", "seat", "좌석"),
    "square": ("square feet", "평", "square foot", "평"), "sq": ("square feet", "평", "square foot", "평"),
    "평당": ("square feet", "평", "square foot", "평"),
}  # fmt: skip


def unit_noun(said: str, ko: bool, one: bool = False) -> str:
    key = next((k for k in _UNIT_NOUNS if k in said.lower()), "user")
    return _UNIT_NOUNS[key][2 * one + ko]


_KO_NOUN = r"(?P<noun>매장|지점|직원|사용자|좌석|사업장)"
_KO_CAP = (
    re.compile(_KO_NOUN + r"\s*(?P<n>[\d,]+)\s*(?P<c>개|명|곳|석)?\s*까지"),
    re.compile(r"(?P<n>[\d,]+)\s*(?P<c>개|명|곳|석)?\s*" + _KO_NOUN + r"\s*까지"),
)


def _tier_gap(plan: Plan, price_text: str, ko: bool) -> list[str]:
    """A price 'for up to 50 stores' ('매장 20개까지') while the target market reaches 200: the
    plan sells to customers it has no price for."""
    market = plan.user_text("sales_target_market")
    if ko:
        cap = next((m for r in _KO_CAP if (m := r.search(price_text))), None)
        if cap is None:
            return []
        noun, counter = cap.group("noun"), cap.group("c") or ""
        limit = int(cap.group("n").replace(",", ""))
        span = re.search(rf"{noun}\s*[\d,]+\s*[~-]\s*([\d,]+)", market) or re.search(
            rf"[\d,]+\s*[~-]\s*([\d,]+)\s*{counter}?\s*{noun}", market
        )
        said = lambda n: f"{noun} {n:,}{counter}"  # noqa: E731
    else:
        cap = re.search(r"up\s+to\s+([\d,]+)\s+([a-z]+)", price_text, re.I)
        if cap is None:
            return []
        limit, noun = int(cap.group(1).replace(",", "")), cap.group(2)
        span = re.search(rf"[\d,]+\s*(?:-|–|~|to)\s*([\d,]+)\s*{re.escape(noun[:4])}", market, re.I)
        said = lambda n: f"{n:,} {noun}"  # noqa: E731
    if span is None or (top := int(span.group(1).replace(",", ""))) <= limit:
        return []
    price = plan.fact("price")
    if price is None or not isinstance(price.value, (int, float)) or price.value <= 0 or not limit:
        return [_t(
            ko,
            f"The price covers up to {said(limit)}, but the target market reaches {top:,}: state the price above {limit:,}.",
            f"가격은 {said(limit)}까지인데 목표 시장은 {said(top)}까지입니다. {said(limit)}을(를) 넘는 고객의 가격을 정해야 합니다.",
        )]  # fmt: skip
    # the owner's default: each unit above the tier at the tier's own rate, worked for the top of
    # the target market (a volume discount is the sellers' call, within it)
    money = lambda v: format_amount(v, price.unit, plan.language)  # noqa: E731
    # today's average deal above the tier's yearly price says larger customers already pay more:
    # that price exists and is written down from the contracts (a rate extrapolated from the tier
    # would price the largest customers far above the deal size the plan counts on)
    if above := deal_above_price(plan, price_text):
        today, yearly = above
        return [_t(
            ko,
            f"The price covers up to {said(limit)}, but the target market reaches {top:,}, and today's average deal ({money(today)}) is above the tier's {money(yearly)} a year{' on an annual contract' if annual_discount(price_text) else ''}: larger customers already pay more. Recommended: write the price they pay, from their current contracts, into the plan; the deal size the plan counts on already includes it.",
            f"가격은 {said(limit)}까지인데 목표 시장은 {said(top)}까지이고, 현재 평균 거래({money(today)})가 이 가격의 연 {money(yearly)}보다 큽니다. 큰 고객은 이미 더 내고 있으니, 현재 계약서에서 그 가격을 확인해 계획에 적는 것을 권합니다. 계획의 거래 규모는 이미 그 가격을 포함합니다.",
        )]  # fmt: skip
    rate, every = float(price.value) / limit, ("a month", "월") if price.period == "month" else ("a year", "연") if price.period == "year" else ("", "")  # fmt: skip
    one = unit_noun(noun, ko, one=True) if not ko else noun
    return [_t(
        ko,
        f"The price covers up to {said(limit)}, but the target market reaches {top:,}. Recommended: each {one} above {limit:,} at the tier's own rate, {money(rate)} {every[0]} ({money(float(price.value))} ÷ {limit:,}), so a {top:,}-{one} customer pays {money(rate * top)} {every[0]}.".replace("  ", " ").replace(" .", "."),
        f"가격은 {said(limit)}까지인데 목표 시장은 {said(top)}까지입니다. {said(limit)}을(를) 넘는 {noun}은(는) 같은 단가({noun}당 {every[1]} {money(rate)}, {money(float(price.value))} ÷ {limit:,})로 받는 것을 권합니다. {said(top)} 고객이면 {every[1]} {money(rate * top)}입니다.".replace("  ", " "),
    )]  # fmt: skip


def deal_above_price(plan: Plan, price_text: str) -> tuple[float, float] | None:
    """(today's average deal, the stated price a year after an annual discount) when customers
    already pay more than that price: larger customers have a price the answer does not state."""
    from assistant.analysis.plan_goals import deal_base, deal_size

    price, size = plan.fact("price"), deal_size(plan)
    if price is None or not isinstance(price.value, (int, float)) or size is None:
        return None
    if size[2] not in ("goal", "deal size") or size[1] != price.unit:
        return None
    today = deal_base(plan, size[0], size[1]) if size[2] == "goal" else size[0]
    yearly = float(price.value) * (12 if price.period == "month" else 1) * (1 - (annual_discount(price_text) or 0) / 100)  # fmt: skip
    return (today, yearly) if today and today > yearly * 1.02 else None


def annual_discount(price_text: str) -> float | None:
    """The discount the answer gives an annual contract ('annual contracts 15% off'), in %."""
    off = next((o for o in _OFF.finditer(price_text) if _ANNUAL.search(_clause_of(price_text, o.start()))), None)  # fmt: skip
    return float(off.group(1)) if off else None


def _clause_of(text: str, at: int) -> str:
    start = max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1
    ends = [e for e in (text.find(",", at), text.find(";", at)) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def price_check(plan: Plan, price_text: str) -> str:
    """The list price a year against the deal size the plan counts on: a gap needs a reason
    (more units, add-ons, a discount). A price per user, seat or store is not one deal."""
    from assistant.analysis.plan_goals import deal_size

    price = plan.fact("price")
    size = deal_size(plan)
    if (
        price is None
        or not isinstance(price.value, (int, float))
        or price.period != "month"
        or size is None
        or size[2] not in ("deal size", "goal")
        or size[1] != price.unit
        or PER_UNIT.search(price_text)
    ):
        return ""
    ko, lang = plan.language == "ko", plan.language
    yearly = float(price.value) * 12
    deal = size[0]
    if 0.85 * yearly <= deal <= 1.15 * yearly:
        return ""
    # a deal-size goal whose starting point matches the list price: the rise is the goal's own
    # arithmetic (the offering shows what carries it), and today's deals fit the price
    from assistant.analysis.plan_goals import deal_base

    base = deal_base(plan, deal, size[1])
    if base is not None and 0.85 * yearly <= base <= 1.15 * yearly:
        return ""
    m = lambda v: format_amount(v, price.unit, lang)  # noqa: E731
    rate = annual_discount(price_text)
    annual = yearly * (1 - rate / 100) if rate is not None else None
    if deal > yearly:
        also = (
            _t(ko, f", {m(annual)} on an annual contract", f", 연 계약 시 {m(annual)}")
            if annual
            else ""
        )
        return (
            f"정가는 연 {m(yearly)}(월 {m(float(price.value))} × 12{also})인데 평균 거래 규모는 {m(deal)}입니다. 차이를 채우는 요소(추가 단위, 옵션)를 적어야 합니다."
            if ko
            else f"The list price comes to {m(yearly)} a year ({m(float(price.value))} x 12{also}), below the {m(deal)} average deal: say what makes up the difference (more units, add-ons)."
        )
    return (
        f"정가는 연 {m(yearly)}(월 {m(float(price.value))} × 12)인데 평균 거래 규모는 {m(deal)}입니다. 할인이나 작은 요금제를 계획에 밝혀야 합니다."
        if ko
        else f"The list price comes to {m(yearly)} a year ({m(float(price.value))} x 12), above the {m(deal)} average deal: state the discounts or smaller plans behind it."
    )

"""The 4Ps as a plan, not the answer in a table: each P with the user's decision in one cell and,
beside it, what the rest of the plan does with it. The product's lines and the buyers and goals
they serve; the price a year, after the stated annual discount, against the deal size the plan
counts on; each place with the channel, budget line or team that runs it; each promotion with
the budget line that pays for it and the calendar dates it runs. Items nothing in the plan pays
for or runs are findings under the table."""

from __future__ import annotations

import re

from assistant.analysis.lists import FOUR_P, REFERRAL, labelled, split_items, team_roles
from assistant.analysis.plan_links import linker, plan_page
from assistant.analysis.text_words import words as distinctive
from assistant.core.korean import split_list
from assistant.core.lang import fix_particles
from assistant.core.plan import BudgetLine, Plan
from assistant.goals.numbers import format_amount
from assistant.interview.compose import _ASK, PLACE_KINDS, _table, paying_lines
from assistant.interview.compose import MARKETPLACE as _MARKETPLACE
from assistant.interview.compose_moves import _goal_list, _t

_NAMES = {
    "product": ("Product", "제품(Product)"),
    "price": ("Price", "가격(Price)"),
    "place": ("Place", "유통(Place)"),
    "promotion": ("Promotion", "판촉(Promotion)"),
}
# a place the team sells through in person or by phone: the quota-carrying roles run it
_DIRECT = re.compile(r"\bdirect\b|field|inside\s+sales|\breps?\b|직판|직접\s*(?:영업|판매)|방문\s*영업|영업\s*(?:팀|사원|담당)", re.I)  # fmt: skip
# promotion paid by someone else: no budget line is owed
_FUNDED = re.compile(r"co-?op|vendor[- ]funded|partner[- ]funded|공동\s*마케팅|협찬", re.I)
_ANNUAL = re.compile(r"annual|yearly|a\s+year|per\s+year|연간|연\s*계약|1년", re.I)
_OFF = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*(?:off|discount|할인)", re.I)
PER_UNIT = re.compile(
    r"\bper\s+(?:user|seat|employee|member|location|store|site|square\s+f(?:oo|ee)t|sq\.?\s*ft)|인당|1인|명당|매장당|좌석|평당",
    re.I,
)


def mix_markdown(plan: Plan) -> str:
    parts, _ = labelled(plan.section("mkt_mix_4p").content, FOUR_P)
    if len(parts) < 2:
        return ""
    ko = plan.language == "ko"
    missing = _ASK["ko" if ko else "en"]
    said = {k: parts.get(k, "").strip().rstrip(" .") for k in FOUR_P}
    findings: list[str] = []
    notes = {
        "product": _product(plan, said["product"], ko),
        "price": _price(plan, said["price"], ko),
        "place": _place(plan, said["place"], ko, findings),
        "promotion": _promotion(plan, said["promotion"], ko, findings),
    }
    # Korean cells separate their points with ' · ', not an English semicolon
    rows = [[_NAMES[k][ko], said[k] or missing, (notes[k].replace("; ", " · ") if ko else notes[k]) or "-"] for k in FOUR_P]  # fmt: skip
    head = ["요소", "결정", "계획 반영"] if ko else ["P", "Decision", "In the plan"]
    check = price_check(plan, said["price"])
    findings = ([check] if check else []) + findings + _tier_gap(plan, said["price"], ko)
    if ko:
        findings = [fix_particles(f) for f in findings]
        rows = [[fix_particles(c) for c in r] for r in rows]
    table = _table(head, rows)
    return "\n\n".join([table, "\n".join(f"- {f}" for f in findings)]) if findings else table


def _items(text: str, ko: bool) -> list[str]:
    """'a, b and c; d' -> items; brackets stay with their item."""
    out: list[str] = []
    for chunk in re.split(r";\s*", text):
        found = [i.strip(" .") for i in (split_list(chunk) if ko else split_items(chunk))]
        for item in filter(None, found):
            # 'branches in Dallas, Houston and Austin': the places after 'in' are one item
            if out and not ko and item[:1].isupper() and _ENDS_IN_PLACE.search(out[-1]):
                out[-1] += f", {item}"
            else:
                out.append(item)
    return out


_ENDS_IN_PLACE = re.compile(r"\bin\s+[A-Z][\w.'-]*(?:,?\s+[A-Z][\w.'-]*)*$")


def _product(plan: Plan, text: str, ko: bool) -> str:
    """Who buys the range (the persona cards) and the goals that name a line of it."""
    if not text:
        return ""
    items = _items(text, ko)
    page = plan_page(plan)
    link = linker(plan, items + [r.text for r in page.rows])
    named = [
        f"{item} → {_goal_list(goals, ko)}"
        for item in items
        if (goals := [r.goal for r in page.rows if link.shared(item, r.text)])
    ]
    out: list[str] = []
    # what the range does for the buyer: the first persona's own pain, else who it is for
    buyer = next(
        (p for p in plan.personas if p.name and p.pains and "pains" not in p.typical), None
    )
    buyers = [p.name for p in plan.personas if p.name][:2]
    if buyer is not None:
        pain = buyer.pains[0].strip(" .")
        out.append(_t(ko, f"answers {buyer.name}'s pain: {pain[:1].lower() + pain[1:]}", fix_particles(f"{buyer.name}의 불편({pain})을 푸는 구성")))  # fmt: skip
    elif buyers:
        out.append(_t(ko, "for " + " and ".join(buyers), fix_particles(", ".join(buyers) + "을(를) 위한 구성")))  # fmt: skip
    if named:
        out.append("; ".join(named[:3]))
    return "; ".join(out)


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
                out.append(_t(ko, f"about {units:,.0f} {noun} a customer{at[0]}", f"고객당 약 {units:,.0f}{noun}{at[1]}"))  # fmt: skip
    entry = _ENTRY.search(text)
    if entry:
        out.append(_t(ko, f"entry offer: {entry.group(0).strip()}, the first step to a paying customer",
                      f"첫 구매 진입 상품: {entry.group(0).strip()}"))  # fmt: skip
    return "; ".join(out)


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
    return [_t(
        ko,
        f"The price covers up to {said(limit)}, but the target market reaches {top:,}: state the price above {limit:,}.",
        f"가격은 {said(limit)}까지인데 목표 시장은 {said(top)}까지입니다. {said(limit)}을(를) 넘는 고객의 가격을 정해야 합니다.",
    )]  # fmt: skip


def annual_discount(price_text: str) -> float | None:
    """The discount the answer gives an annual contract ('annual contracts 15% off'), in %."""
    off = next((o for o in _OFF.finditer(price_text) if _ANNUAL.search(_clause_of(price_text, o.start()))), None)  # fmt: skip
    return float(off.group(1)) if off else None


def _clause_of(text: str, at: int) -> str:
    start = max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1
    ends = [e for e in (text.find(",", at), text.find(";", at)) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def _line_text(line: BudgetLine, plan: Plan, ko: bool) -> str:
    unit = plan.budget.currency
    if line.amount is not None and unit:
        money = format_amount(line.amount, unit, plan.language)
        share = f", {line.share:g}%" if line.share is not None else ""
        return _t(ko, f"budget '{line.item}' {money}{share}", f"예산 '{line.item}' {money}{share}")
    if line.share is not None:
        return _t(
            ko, f"budget '{line.item}' {line.share:g}%", f"예산 '{line.item}' {line.share:g}%"
        )
    return _t(ko, f"budget '{line.item}'", f"예산 '{line.item}'")


def _dates(plan: Plan, item: str) -> list[str]:
    mine = distinctive(item) - {"adver", "marke", "campa", "광고", "마케팅", "캠페인", "이벤트"}
    return [e.when for e in plan.calendar if mine & distinctive(f"{e.activity} {e.channel}")]


_GENERIC_ROLE = {
    "sales",
    "manag",
    "team",
    "lead",
    "speci",
    "영업",
    "팀",
    "담당",
    "매니저",
    "담당자",
}
# a facility or the delivery of the work: where the business operates, not a place it sells in
_FACILITY = re.compile(r"warehouse|office|facilit|plant|factory|branch|deliver|on-?site|창고|사무소|사무실|지사|공장|배송|물류", re.I)  # fmt: skip


# the business's own store or shop: its own team runs it
_ONLINE = re.compile(
    r"\bweb\b|website|online|e-?commerce|app\s+store|홈페이지|웹사이트|온라인|자사몰|앱\s*스토어",
    re.I,
)
_OWN = re.compile(r"\b(?:own|our)\b|자사|직영|본사", re.I)


def _runner(plan: Plan, item: str, roles: list[dict[str, object]]) -> str:
    """The team role that runs a place: one sharing a distinctive word ('field reps'), or the
    quota carriers for direct or field sales; with its headcount ('12 field reps')."""
    mine = distinctive(item) - _GENERIC_ROLE
    found = [r for r in roles if mine & (distinctive(str(r["role"])) - _GENERIC_ROLE)]
    if not found and _DIRECT.search(item):
        found = [r for r in roles if r.get("quota_carrying")]
    if not found and mine:  # a sentence of the strategy that names the place and a role
        for sid in ("sales_strategy", "sales_team_structure"):
            for sentence in re.split(r"(?<=[.!?。])\s+|\n+", plan.user_text(sid)):
                if len(mine & distinctive(sentence)) >= min(2, len(mine)):
                    found = [r for r in roles if str(r["role"]) in sentence]
                    if found:
                        break
            if found:
                break
    ko = plan.language == "ko"
    who = ", ".join(
        (f"{r['role']} {r['count']}명" if ko else f"{r['count']} {r['role']}")
        if r.get("count")
        else str(r["role"])
        for r in found
    )
    # sellers on a web or store channel close what it brings in: said so, not as its staff
    if who and all(r.get("quota_carrying") for r in found) and _ONLINE.search(item):
        return (
            f"온라인에서 시작한 구매를 {who}이(가) 계약으로 마무리"
            if ko
            else f"buyers start online, the {who} close the deals"
        )
    # ... and what partners refer: the partner brings the buyer, the sellers close
    if who and all(r.get("quota_carrying") for r in found) and REFERRAL.search(item):
        return (
            f"추천받은 거래는 {who}이(가) 마무리" if ko else f"referred deals closed by the {who}"
        )
    return who


def _place(plan: Plan, text: str, ko: bool, findings: list[str]) -> str:
    """Each place with who runs it (a team role) and the budget line of a store or partner
    programme that pays for it. A channel of the plan nothing runs or pays for is a finding."""
    if not text:
        return ""
    items = _items(text, ko)
    lines = paying_lines(plan, items, PLACE_KINDS)
    out: list[str] = []
    unrun: list[str] = []
    roles = team_roles(plan)
    from assistant.interview.compose_team import self_serve_channel

    serve = self_serve_channel(plan)
    for item in items:
        says = [r] if (r := _runner(plan, item, roles)) else []
        line = lines.get(item)
        if line is not None:
            says.append(_line_text(line, plan, ko))
        if (
            not says
            and serve
            and (item.lower() in serve[0].lower() or serve[0].lower() in item.lower())
        ):
            # the self-serve channel the sales answers give a job: its buyers, with no seller
            says.append(f"{serve[1]}을(를) 위한 셀프 구매 채널(영업 담당자 없이)" if ko else f"self-serve for {serve[1]}, with no seller")  # fmt: skip
        if says:
            out.append(f"{item}: {', '.join(says)}")
            continue
        if not _FACILITY.search(item) and not _OWN.search(item) and not _MARKETPLACE.search(item):
            unrun.append(item)
    if unrun and plan.budget.lines and roles:
        names = ", ".join(f"'{u}'" for u in unrun)
        findings.append(_t(
            ko,
            f"No team role or budget line is named for {names}: say who runs {'each' if len(unrun) > 1 else 'it'} and what {'they cost' if len(unrun) > 1 else 'it costs'}.",
            f"{names}을(를) 맡는 역할이나 예산 항목이 없습니다. 담당자와 비용을 정해야 합니다.",
        ))  # fmt: skip
    return "; ".join(fix_particles(o) if ko else o for o in out)


_THIRD_PARTY = re.compile(r"제휴|협업|협찬|기고|파트너|partner|sponsor|guest|co-?market", re.I)


def _promotion(plan: Plan, text: str, ko: bool, findings: list[str]) -> str:
    """Each promotion with the budget line that pays for it and its dates on the calendar."""
    if not text:
        return ""
    items = _items(text, ko)
    lines = paying_lines(plan, items)
    out: list[str] = []
    unpaid: list[str] = []
    from assistant.analysis.cadence import cadence_text, recurring_items

    pieces = [i for i in recurring_items(plan.user_text("mkt_content_strategy")) if i.period and not i.routine]  # fmt: skip
    by_line: dict[str, list[str]] = {}  # promotions one line pays for are named together
    for item in items:
        line = lines.get(item)
        # a piece the content plan repeats runs on its cadence, not on one calendar date
        # ... and only our own piece: a partner's blog is not our blog ('노무사 블로그 제휴')
        piece = next((p for p in pieces if distinctive(p.name) & distinctive(item) and bool(_THIRD_PARTY.search(p.name)) == bool(_THIRD_PARTY.search(item))), None)  # fmt: skip
        dates = [cadence_text(piece.count, piece.period, ko)] if piece else _dates(plan, item)
        named = (
            (f"{item}({', '.join(dates[:3])})" if ko else f"{item} ({', '.join(dates[:3])})")
            if dates
            else item
        )
        if line is not None:
            by_line.setdefault(line.item, []).append(named)
        elif dates:
            out.append(named)
        if line is None and plan.budget.lines and not _FUNDED.search(item):
            unpaid.append(item)
    # the calendar's other activities a line pays for: the line is not the one promotion's alone
    paid_by = paying_lines(plan, [e.activity for e in plan.calendar]) if plan.calendar else {}
    for item, named_items in by_line.items():
        line = next(ln for ln in plan.budget.lines if ln.item == item)
        joined = ", ".join(named_items) if ko else (named_items[0] if len(named_items) == 1 else ", ".join(named_items[:-1]) + " and " + named_items[-1])  # fmt: skip
        mine = [i for i in items if lines.get(i) is line]
        also = [f"{e.when} {e.activity}" if ko else f"{e.activity} ({e.when})" for e in plan.calendar
                if paid_by.get(e.activity) is line and not any(distinctive(i) & distinctive(e.activity) for i in mine)]  # fmt: skip
        shared = (f"(이 항목으로 {', '.join(also)}도 함께 씀)" if ko else f" (the line also pays for {', '.join(also)})") if also else ""  # fmt: skip
        out.append(f"{joined}: {_line_text(line, plan, ko)}{shared}")
    if unpaid:
        names = ", ".join(f"'{u}'" for u in unpaid)
        findings.append(_t(
            ko,
            f"No budget line pays for {names}: give {'them' if len(unpaid) > 1 else 'it'} a line or say which line covers {'them' if len(unpaid) > 1 else 'it'}.",
            f"{names}에 배정된 예산 항목이 없습니다. 항목을 추가하거나 어느 항목에서 쓰는지 밝혀야 합니다.",
        ))  # fmt: skip
    return "; ".join(out)


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

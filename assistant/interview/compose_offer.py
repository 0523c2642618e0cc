"""The offering section composed from the plan: the elements with their role, price and the goal
they serve, and what an add-on must bring (the rise a deal-size goal counts on, the expansion
revenue). The user's words are the cells."""

from __future__ import annotations

import re

from assistant.analysis.lists import mix_4p, split_items
from assistant.analysis.plan_analysis import deal_size
from assistant.analysis.plan_links import PlanPage, linker
from assistant.analysis.text_words import words as distinctive
from assistant.core.korean import split_list, tokens, trim_endings
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount
from assistant.interview.compose_moves import (
    _cap,
    _goal_list,
    _t,
    _table,
    states_money,
)

_DIFF = re.compile(
    r"differentiat\w*|sets?\s+us\s+apart|what\s+makes\s+us\s+different|unique|차별", re.I
)
_ADDON = re.compile(r"add-?on|option|upgrade|extra|추가\s*옵션|옵션|부가|추가", re.I)


def offering_markdown(plan: Plan, page: PlanPage) -> str:
    """The offer's elements (core, add-on, differentiator) with the goal each serves, the price
    and the deal size."""
    text = plan.user_text("sales_offering")
    if not text.strip() or plan.section("sales_offering").author == "llm":
        return ""
    ko = plan.language == "ko"
    core, addons, diffs = _elements(text, ko)
    if len(core) + len(addons) + len(diffs) < 2:
        return _figures_only(plan) if not core + addons + diffs else ""
    rows = _offer_rows(plan, page)
    parts = [_elements_table(plan, rows, ko)]
    links = [f"{r[0]} → {r[2]}" for r in rows if r[2] != "-"]  # a column of dashes says nothing
    if links:
        parts.append(f"**{_t(ko, 'Serves the goals', '목표와의 연결')}:** " + "; ".join(links))
    facts = []
    price = mix_4p(plan).get("price")
    if price:
        facts.append(f"**{_t(ko, 'Price', '가격')}:** {price}")
    size = deal_size(plan)
    if size is not None:
        facts.append(f"**{deal_label(plan)}:** {deal_text(plan, size)}")
    if facts:
        parts.append(" · ".join(facts))
    addon_rows = [r for r in rows if r[1] == _t(ko, "Add-on", "추가 옵션")]
    parts += _addon_economics(plan, page, addon_rows, ko)
    return "\n\n".join(parts)


def _elements_table(plan: Plan, rows: list[list[str]], ko: bool) -> str:
    """The offer by kind: the core elements on one row, each add-on and each differentiator on
    its own with the buyer's pain or objection it answers (a row per element all saying 'Core'
    told a director nothing)."""
    from assistant.interview.message_answers import message_answers

    out: list[list[str]] = []
    _unasked: set[str] = set()  # add-ons no stated pain asks for (said so, not a pain)
    taken: frozenset[str] = frozenset()
    for kind in (_t(ko, "Core", "핵심"), _t(ko, "Add-on", "추가 옵션"), _t(ko, "Differentiator", "차별점")):  # fmt: skip
        items = [r[0] for r in rows if r[1] == kind]
        if not items:
            continue
        if kind == _t(ko, "Core", "핵심"):  # the core as a whole answers the buyer's main pain
            said = items if ko else [items[0], *(i[:1].lower() + i[1:] if i[1:2].islower() else i for i in items[1:])]  # fmt: skip
            # the pain naming what the core does first: one item's kind word ('free repairs',
            # '3일 도입') is no answer for the whole core
            shared = _shared_pain(plan, items)
            answers = (
                shared if shared != "-" else (message_answers(plan, ", ".join(items), taken) or "-")
            )
            taken |= {answers}
            out.append([kind, ", ".join(said), answers])
            continue
        for item in items:
            answers = message_answers(plan, item, taken) or "-"
            taken |= {answers}
            if answers == "-" and kind == _t(ko, "Add-on", "추가 옵션"):
                # an add-on no stated pain asks for: what it is to the plan, never a dash
                _unasked.add(item)
                link = next((r[2] for r in rows if r[0] == item and r[2] != "-"), "")
                answers = (
                    (f"핵심을 쓰는 고객의 두 번째 구매({link}). 고객의 어떤 지표를 움직이는지는 첫 고객 인터뷰에서 확인함" if link else "고객의 어떤 지표를 움직이고 얼마의 가치인지 첫 고객 인터뷰에서 확인함")
                    if ko
                    else (f"a second purchase for customers on the core ({link}); which of the buyer's measures it moves is asked in the first customer interviews" if link else "which of the buyer's measures it moves, and what that is worth to them, is asked in the first customer interviews")
                )  # fmt: skip
            out.append([kind, item, answers])
    head = ["구분", "구성 요소", "답하는 구매자의 고민"] if ko else ["Kind", "Element", "What it answers for the buyer"]  # fmt: skip
    if all(r[2] == "-" or r[1] in _unasked for r in out):  # a column of dashes says nothing
        return _table(head[:2], [r[:2] for r in out])
    return _table(head, out)


def _shared_pain(plan: Plan, items: list[str]) -> str:
    """The primary buyer's pain that names what the core does ('근태관리, 급여 계산' -> '엑셀로 근태를
    집계하느라 급여 마감에 매달 3일이 걸림'): the one sharing the most words; '-' when none does."""
    have = distinctive(" ".join(items))
    # the buyer's own pains only: a typical one would read as something they said
    pains = [
        " ".join(x.split()).rstrip(" .")
        for p in plan.personas[:1]
        if "pains" not in p.typical
        for x in p.pains
    ]
    scored = [(len(distinctive(x) & have), -n, x) for n, x in enumerate(pains)]
    best = max(scored, default=(0, 0, "-"))
    return best[2] if best[0] else "-"


def _offer_rows(plan: Plan, page: PlanPage) -> list[list[str]]:
    """[element, role (core, add-on, differentiator), goals it serves] for the offering answer."""
    ko = plan.language == "ko"
    core, addons, diffs = _elements(plan.user_text("sales_offering"), ko)
    link = linker(plan, core + addons + diffs + [r.text for r in page.rows])
    rows = []
    called_addon = _called_addon(plan)
    for item, named_addon in [(c, False) for c in core] + [(a, True) for a in addons]:
        # 'by bundling the forecasting add-on' makes 'demand forecasting' an add-on
        addon = named_addon or bool(_ADDON.search(item)) or bool(distinctive(item) & called_addon)
        role = _t(ko, "Add-on", "추가 옵션") if addon else _t(ko, "Core", "핵심")
        served = [r.goal for r in page.rows if link.shared(item, r.text)]
        rows.append([_cap(item), role, _goal_list(served, ko)])
    for item in diffs:
        served = [r.goal for r in page.rows if link.shared(item, r.text)]
        rows.append([_cap(item), _t(ko, "Differentiator", "차별점"), _goal_list(served, ko)])
    return rows


def _elements(text: str, ko: bool) -> tuple[list[str], list[str], list[str]]:
    """(core, add-ons, differentiators) as the offering answer names them."""
    core: list[str] = []
    addons: list[str] = []
    diffs: list[str] = []
    for sentence in re.split(r"(?<=[.!?。])\s+|\n+|;\s*", text):
        sentence = sentence.strip(" .")
        if not sentence:
            continue
        m = _DIFF.search(sentence)
        if m:
            tail = _after_cue(sentence, m.end(), ko)
            diffs += _items(tail, ko)
        elif states_money(sentence):  # 'we expect $600,000 of expansion': a fact, not an element
            addons += [t] if (t := _cross_sold(sentence, ko)) else []
        elif a := _ADDON_LIST.search(sentence):  # 'X with add-ons: a, b and c'
            core += _items(sentence[: a.start()], ko)
            addons += _items(sentence[a.end() :], ko)
        else:
            core += [i for i in _items(sentence, ko) if not _METRIC_STATED.search(i)]
    return core, addons, diffs


def unpriced_addons(plan: Plan) -> list[str]:
    """The offer's add-ons (named so, or called an add-on elsewhere) with no yearly price."""
    ko = plan.language == "ko"
    core, addons, _ = _elements(plan.user_text("sales_offering"), ko)
    called = _called_addon(plan)
    named = addons + [c for c in core if _ADDON.search(c) or distinctive(c) & called]
    return [a for a in dict.fromkeys(named) if _addon_price(plan, a) is None]


def _discount(plan: Plan) -> float:
    """The annual-contract discount the 4P price states, in % (0 when none)."""
    from assistant.analysis.lists import mix_4p
    from assistant.interview.compose_price import annual_discount

    return annual_discount(mix_4p(plan).get("price", "")) or 0.0


def _gross_up(net: float, off: float) -> float:
    """The list price a year that still brings `net` after an annual-contract discount of `off`
    %, on a round monthly figure (up, in steps of five in the second digit): $6,000 at 15% off
    -> $600 a month ($7,200 a year, $6,120 after the discount)."""
    if not off or off >= 100:
        return net
    month = net / (1 - off / 100) / 12
    step = 5 * 10 ** max(0, len(str(int(month))) - 2)
    return -(-month // step) * step * 12


def _default_price(plan: Plan, rise: float, start: float) -> tuple[bool, float, float, float]:
    """The owner's default for an unpriced add-on a deal-size goal counts on: twice the rise,
    sold in half of new deals, while that stays within half of today's deal; else the rise
    itself, in every new deal. The plan's annual-contract discount applies to the add-on too:
    its list price is set so the discounted price still brings the rise. (half, list price a
    year, price after the discount, the discount %)."""
    half = rise * 2 <= start * 0.5
    off = _discount(plan)
    pick = _gross_up(rise * 2 if half else rise, off)
    return half, pick, pick * (1 - off / 100), off


def addon_price_assumption(plan: Plan) -> list[str]:
    """The Assumptions entry for the add-on price the offering proposes when the deal-size goal
    counts on an add-on whose price is not stated: every figure the plan supplies is listed."""
    from assistant.analysis.plan_goals import deal_base
    from assistant.analysis.plan_links import plan_page

    if not plan.user_text("sales_offering").strip() or plan.section("sales_offering").author == "llm":  # fmt: skip
        return []
    ko = plan.language == "ko"
    page = plan_page(plan)
    addons = [r for r in _offer_rows(plan, page) if r[1] == _t(ko, "Add-on", "추가 옵션")]
    size = deal_size(plan)
    # as the offering's default does: one unpriced add-on, or several said together
    if not addons or size is None or size[2] != "goal" or (len(addons) == 1 and _addon_price(plan, addons[0][0])):  # fmt: skip
        return []
    rows = {r.goal: r for r in page.rows}
    if not any(rows.get(n) and rows[n].kpi == "average_deal_size" for a in addons for n in _goal_numbers(a[2])):  # fmt: skip
        return []
    start = deal_base(plan, size[0], size[1])
    if not start or size[0] <= start:
        return []
    rise = size[0] - start
    half, pick, net, off = _default_price(plan, rise, start)
    m = lambda v: format_amount(v, size[1], plan.language)  # noqa: E731
    each = net * (0.5 if half else 1.0)  # what the default brings a new deal on average
    if ko:
        name = addons[0][0] if len(addons) == 1 else f"추가 옵션({', '.join(a[0] for a in addons)})"
        after = f", 연간 계약 {off:g}% 할인 시 {m(net)}" if off else ""
        share = "신규 거래의 절반" if half else "모든 신규 거래"
        return [fix_particles(f"추가 옵션 가격(제품 또는 서비스, 제안): {name}의 가격이 적혀 있지 않아 정가를 연 {m(pick)}(으)로 잡고(월 {m(pick / 12)}{after}) {share}에 넣는 것으로 두었습니다. 신규 거래당 평균 {m(each)}이(가) 더해져 거래 규모 목표의 증가분 {m(rise)}을(를) 채웁니다. 가격을 정하면 바꿉니다.")]  # fmt: skip
    after = f"; {m(net)} on an annual contract, {off:g}% off" if off else ""
    deals = "half of new deals" if half else "every new deal"
    lows = [a[0][:1].lower() + a[0][1:] if a[0][1:2].islower() else a[0] for a in addons]
    low = lows[0] + ("" if re.search(r"add-?on", lows[0], re.I) else " add-on") if len(lows) == 1 else f"add-ons ({', '.join(lows)})"  # fmt: skip
    verb = "has" if len(lows) == 1 else "have"
    return [f"Add-on price (Product or Service Offering, proposed): the {low} {verb} no stated price, so {'it is' if len(lows) == 1 else 'they are'} assumed at {m(pick)} a year at list ({m(pick / 12)} a month{after}), taken in {deals}: about {m(each)} a new deal on average, which covers the deal-size goal's {m(rise)} increase; set the price to replace this."]  # fmt: skip


def _addon_economics(plan: Plan, page: PlanPage, addons: list[list[str]], ko: bool) -> list[str]:
    """What an add-on must bring, in its own arithmetic: the rise a deal-size goal counts on per
    deal, or the expansion revenue from existing customers; with the add-on's yearly price (when
    the answers state one) the share of deals or the customers that must take it, else the
    price and the take-up to decide."""
    if not addons:
        return []
    lang = plan.language
    out: list[str] = []
    lows = [a[0][:1].lower() + a[0][1:] if a[0][1:2].islower() else a[0] for a in addons]
    if len(addons) > 1:  # several add-ons: what they bring together; no one price decides it
        name = _t(ko, f"the add-ons ({', '.join(lows)})", f"추가 옵션({', '.join(a[0] for a in addons)})")  # fmt: skip
    elif ko:
        name = addons[0][0]
    else:  # 'the demand forecasting add-on' inside a sentence
        name = f"the {lows[0]}" + ("" if re.search(r"add-?on", lows[0], re.I) else " add-on")
    size = deal_size(plan)
    rows = {r.goal: r for r in page.rows}
    lifted = next((g for g in (_goal_numbers(a[2]) for a in addons) for n in g if rows.get(n) and rows[n].kpi == "average_deal_size"), [])  # fmt: skip
    price = _addon_price(plan, addons[0][0]) if len(addons) == 1 else None
    if lifted and size is not None and size[2] == "goal":
        from assistant.analysis.plan_goals import deal_base

        start = deal_base(plan, size[0], size[1])
        if start and size[0] > start:
            rise = size[0] - start
            m = lambda v: format_amount(v, size[1], lang)  # noqa: E731
            if price:
                share = min(100.0, rise / price * 100)
                out.append(_t(ko, f"The deal-size goal adds {m(rise)} a deal ({m(start)} → {m(size[0])}): at {m(price)} a year, {name} must be in about {share:.0f}% of new deals.",
                              f"거래 규모 목표는 거래당 {m(rise)}을(를) 더합니다({m(start)} → {m(size[0])}). 연 {m(price)}인 {name}이(가) 신규 거래의 약 {share:.0f}%에 들어가야 합니다."))  # fmt: skip
            else:
                half, pick, net, off = _default_price(plan, rise, start)
                deals = "half of new deals" if half else "every new deal"
                share_ko = "신규 거래의 절반" if half else "모든 신규 거래"
                pick_en = f"{m(pick)} a year ({m(pick / 12)} a month)" if not off else f"{m(pick)} a year at list ({m(pick / 12)} a month; {m(net)} on an annual contract, {off:g}% off)"  # fmt: skip
                pick_ko = f"연 {m(pick)}(월 {m(pick / 12)})" if not off else f"정가 연 {m(pick)}(월 {m(pick / 12)}, 연간 계약 {off:g}% 할인 시 {m(net)})"  # fmt: skip
                # the trade-off first (the price sets how many deals must take it), the
                # default second: a decision for the owner, not a price the plan sets
                trade_en = f"at {m(rise)} a year, every new deal; at {m(net)} after the discount, half" if half else f"at {m(rise)} a year, every new deal"  # fmt: skip
                trade_ko = f"연 {m(rise)}이면 모든 신규 거래, 할인 후 연 {m(net)}이면 절반" if half else f"연 {m(rise)}이면 모든 신규 거래"  # fmt: skip
                out.append(_t(ko, f"The deal-size goal adds {m(rise)} a deal ({m(start)} → {m(size[0])}) through {name}, whose price is not stated. Its price sets how many new deals must take it: {trade_en}. Decide it before the first proposal (the default: {pick_en}, the middle option of the tiered proposal, in {deals}) and count its attach rate monthly in the CRM.",
                              fix_particles(f"거래 규모 목표는 {name}(으)로 거래당 {m(rise)}을(를) 더하는데({m(start)} → {m(size[0])}), 그 가격은 아직 계획에 없습니다. 가격에 따라 들어가야 할 거래 수가 정해집니다: {trade_ko}. 첫 제안 전에 가격을 정합니다(기본안: {pick_ko}, 단계별 제안의 중간 구성, {share_ko}). 판매 비율은 매달 CRM에서 집계합니다.")))  # fmt: skip
    expansion = plan.fact("expansion_revenue")
    if (
        not out
        and expansion is not None
        and isinstance(expansion.value, (int, float))
        and expansion.value > 0
    ):
        m = lambda v: format_amount(v, expansion.unit, lang)  # noqa: E731
        value = float(expansion.value)
        if price:
            out.append(_t(ko, f"The {m(value)} of expansion revenue at {m(price)} a year each means about {value / price:,.0f} existing customers take {name}.",
                          f"확장 매출 {m(value)}은(는) 연 {m(price)} 기준으로 기존 고객 약 {value / price:,.0f}곳이 {name}을(를) 써야 나옵니다."))  # fmt: skip
        else:
            out.append(_t(ko, f"The {m(value)} of expansion revenue rests on {name}, whose price is not stated: set its yearly price; the existing customers who must take it are {m(value)} ÷ that price." if len(addons) == 1 else f"The {m(value)} of expansion revenue rests on {name}: state what each costs a year and how many existing customers you expect to take each, so the two add up to {m(value)}.",
                          f"확장 매출 {m(value)}은(는) {name}에 기대는데 그 가격은 아직 계획에 없습니다. 연 가격을 정해야 합니다. 구매해야 하는 기존 고객 수는 {m(value)} ÷ 그 가격입니다." if len(addons) == 1 else f"확장 매출 {m(value)}은(는) {name}에 기댑니다. 옵션별 연 가격과 구매할 기존 고객 수를 적어 합계가 {m(value)}이(가) 되게 해야 합니다."))  # fmt: skip
            if len(addons) == 1:  # the formula worked through at a few prices
                from assistant.analysis.plan_analysis import analyse
                from assistant.interview.addon_price import price_ladder

                if ladder := price_ladder(plan, value, expansion.unit, analyse(plan).revenue.base):
                    out.append(ladder)
    out += _addon_weakness(plan, addons, ko)
    return [fix_particles(x) if ko else x for x in out]


def _addon_weakness(plan: Plan, addons: list[list[str]], ko: bool) -> list[str]:
    """An add-on the plan counts on that the SWOT names as a weakness ('결재·평가 기능이 부족'
    and the '평가·전자결재 모듈'): the revenue rests on something not ready yet."""
    from assistant.analysis.lists import SWOT_LABELS, labelled, split_items
    from assistant.analysis.plan_risks import _items
    from assistant.analysis.text_words import words

    parts, _ = labelled(plan.user_text("mkt_market_analysis"), SWOT_LABELS)
    items = _items(parts.get("w", ""), ko, split_items) if ko else [w.strip(" .") for w in re.split(r",\s*(?:and\s+)?|;\s*", parts.get("w", "")) if w.strip(" .")]  # fmt: skip
    out = []
    for addon in addons:
        name = addon[0]
        mine = {w for w in words(name) if len(w) >= 2} - _ADDON_WORDS
        # '평가·전자결재' meets '결재·평가 기능이 부족': a word inside the other counts
        weakness = next((i for i in items if any(w in v or v in w for w in mine for v in words(i) if len(v) >= 2)), "")  # fmt: skip
        if weakness:
            from assistant.core.korean import ko_phrase

            shown = ko_phrase(weakness) if ko else weakness
            out.append(_t(ko, f"{_cap(name)} rests on what the market analysis names as a weakness ('{shown}'): say when and how it will be delivered before counting its revenue.",
                          f"{name}은(는) 시장 분석이 약점으로 꼽은 부분('{shown}')과 겹칩니다. 이 매출을 세기 전에 언제, 어떻게 제공할지 정해야 합니다."))  # fmt: skip
    return out


_ADDON_WORDS = frozenset(
    {"module", "modules", "add-on", "addon", "모듈", "옵션", "추가", "기능", "feature", "features"}
)


def _goal_numbers(cell: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", cell)]


def _addon_price(plan: Plan, name: str) -> float | None:
    """The add-on's yearly price when an answer states it beside the add-on's name ('the
    forecasting add-on at $250 a month')."""
    from assistant.goals.numbers import read_quantities

    keys = distinctive(name)
    for sid in ("sales_offering", "mkt_mix_4p", "sales_strategy"):
        for sentence in re.split(r"(?<=[.!?])\s+|;\s*", plan.user_text(sid)):
            if not keys & distinctive(sentence) or not _ADDON.search(sentence):
                continue
            if re.search(r"expan|확장|expect|기대", sentence, re.I):
                continue  # the expansion revenue it brings, not its price
            for q in read_quantities(sentence):
                if q.kind == "money" and q.value > 0:
                    after = sentence[q.end : q.end + 14]
                    monthly = re.search(r"/\s*mo|a month|per month|monthly|월", after + sentence[max(0, q.start - 3) : q.start], re.I)  # fmt: skip
                    return float(q.value) * (12 if monthly else 1)
    return None


def deal_label(plan: Plan) -> str:
    """'Revenue per customer a year', or per purchase when customers buy once."""
    from assistant.analysis.revenue_models import one_off

    if one_off(plan):
        return (
            "고객당 매출(1회 구매)"
            if plan.language == "ko"
            else "Revenue per customer (one purchase)"
        )
    return "고객당 연 매출" if plan.language == "ko" else "Revenue per customer a year"


def deal_text(plan: Plan, size: tuple[float, str, str]) -> str:
    """The deal size a reader can trust: a figure that is still a goal says so, with today's
    ('$17,000 (goal; $14,000 today)')."""
    from assistant.analysis.plan_goals import deal_base

    ko, lang = plan.language == "ko", plan.language
    shown = format_amount(size[0], size[1], lang)
    if size[2] != "goal":
        return shown
    start = deal_base(plan, size[0], size[1])
    if start:
        today = format_amount(start, size[1], lang)
        return f"{shown}(목표, 현재 {today})" if ko else f"{shown} (goal; {today} today)"
    return f"{shown}(목표)" if ko else f"{shown} (goal)"


def _called_addon(plan: Plan) -> set[str]:
    """Distinctive words the plan calls an add-on elsewhere ('the forecasting add-on',
    '토핑 추가 옵션'), from the goals and the strategy answers."""
    text = " ".join(
        [g.text for g in plan.goals]
        + [plan.user_text(s) for s in ("sales_strategy", "mkt_strategy")]
    )
    found: set[str] = set()
    for m in re.finditer(
        r"([\w-]+(?:\s+[\w-]+)?)\s+(?:add-?ons?|추가\s*옵션|부가\s*상품)", text, re.I
    ):
        found |= distinctive(m.group(1))
    return found - {"the", "a", "an"}


_ADDON_LIST = re.compile(
    r",?\s*(?:\bwith\s+)?\b(?:add-?ons?|extras|options|upsells?)\s*(?:include|are|:)\s*"
    r"|\s*(?:추가\s*옵션|부가\s*서비스|애드온)\s*(?:은|는|으로는|로는|:)\s*",
    re.I,
)
# 'Repeat purchase rate is 40%', '매출총이익률 45%': a figure about the business, not the offer
_METRIC_STATED = re.compile(r"(?:\brate|\bmargin|\bshare|율|률|비중)\b.*\d\s*%", re.I)


def _cross_sold(sentence: str, ko: bool) -> str | None:
    """The module a Korean money sentence names as cross-sold ('평가 모듈은 … 교차 판매용이며
    … 4억 원을 기대합니다' -> '평가 모듈')."""
    if not ko or not re.search(r"교차\s*판매|업셀|추가\s*판매|애드온", sentence):
        return None
    toks = tokens(sentence)
    topic = next((t for t in toks if t.tag == "JX" and t.form in ("은", "는")), None)
    return trim_endings(sentence[: topic.start]) or None if topic is not None else None


def _figures_only(plan: Plan) -> str:
    """An answer with figures but no offer: the figures as read, and what the section lacks."""
    from assistant.interview.readout import fact_text

    ko, lang = plan.language == "ko", plan.language
    read = [fact_text(f, lang) for f in plan.facts if f.section == "sales_offering"]
    if not read:
        return ""
    return (
        ("**계획에 적은 수치:** " if ko else "**Figures stated:** ")
        + " · ".join(read)
        + "\n\n"
        + _t(
            ko,
            "_The offer itself is not described yet: name the core product or service, any add-ons, and what sets it apart._",
            "_제안 자체는 아직 없습니다: 핵심 제품·서비스, 추가 옵션, 차별점을 적어야 합니다._",
        )
    )


def _after_cue(sentence: str, end: int, ko: bool) -> str:
    """The list after 'differentiators are' / '차별점은' (Kiwi finds the particle that ends the
    Korean cue)."""
    if not ko:
        return re.sub(
            r"^\w*\s*(?:are|is|include|includes|:)\s*", "", sentence[end:].strip(), flags=re.I
        )
    toks = tokens(sentence)
    after = next((t.start + t.len for t in toks if t.start >= end - 1 and t.tag.startswith(("J", "SP")) or (t.form == ":" and t.start >= end - 1)), None)  # fmt: skip
    return sentence[after:] if after is not None else sentence[end:]


def _items(text: str, ko: bool) -> list[str]:
    if ko:
        return [x for i in split_list(text) if (x := trim_endings(i))]
    return [i.strip(" .") for i in split_items(text) if i.strip(" .")]

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
from assistant.core.plan import BudgetLine, Persona, Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose import _ASK, PLACE_KINDS, _table, paying_lines
from assistant.interview.compose import MARKETPLACE as _MARKETPLACE
from assistant.interview.compose_moves import _goal_list, _t
from assistant.interview.compose_price import _price, _tier_gap, price_check

_NAMES = {
    "product": ("Product", "제품"),
    "price": ("Price", "가격"),
    "place": ("Place", "유통"),
    "promotion": ("Promotion", "판촉"),
}
# a place the team sells through in person or by phone: the quota-carrying roles run it
_DIRECT = re.compile(r"\bdirect\b|field|inside\s+sales|\breps?\b|직판|직접\s*(?:영업|판매)|방문\s*영업|영업\s*(?:팀|사원|담당)", re.I)  # fmt: skip
# promotion paid by someone else: no budget line is owed
_FUNDED = re.compile(r"co-?op|vendor[- ]funded|partner[- ]funded|공동\s*마케팅|협찬", re.I)


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
        "price": "; ".join(
            p for p in (_price(plan, said["price"], ko), _against_free(plan, ko)) if p
        ),
        "place": _place(plan, said["place"], ko, findings),
        "promotion": _promotion(plan, said["promotion"], ko, findings),
    }
    # Korean cells separate their points with ' · ', not an English semicolon
    rows = [[_NAMES[k][ko], said[k] or missing, (notes[k].replace("; ", " · ") if ko else notes[k]) or "-"] for k in FOUR_P]  # fmt: skip
    head = ["요소", "결정", "계획 반영"] if ko else ["P", "Decision", "In the plan"]
    # a partner channel the plan names is a place too: how it sells is a decision to write down
    place_words = distinctive(said["place"])
    for c in plan.channels:
        if REFERRAL.search(c) and said["place"] and not (distinctive(c) & place_words):
            findings.append(_t(ko, f"{c[:1].upper() + c[1:]} (a channel) are missing from Place. Recommended: add them as a referral place (they refer, the sellers close), paid a referral fee on the deals they bring.",
                               f"{c}(채널)이(가) 유통에 없습니다. 소개 경로(파트너가 소개하고 영업 담당자가 마무리)로 넣고, 가져온 거래에 소개 수수료로 보상하는 것을 권합니다."))  # fmt: skip
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


def _buyer(plan: Plan) -> Persona | None:
    """The first persona with pains of their own (not the role's typical ones)."""
    return next((p for p in plan.personas if p.name and p.pains and "pains" not in p.typical), None)  # fmt: skip


def _answering(plan: Plan, items: list[str], ko: bool) -> list[str]:
    """The lines of the range that answer the buyer's pain and the value proposition names."""
    buyer = _buyer(plan)
    pitch = distinctive(plan.messaging.value_proposition) if ko else frozenset()
    return [i for i in items if buyer is not None and _core_words(i) & pitch and any(_core_words(i) & distinctive(p) for p in buyer.pains)]  # fmt: skip


def _product(plan: Plan, text: str, ko: bool) -> str:
    """Who buys the range (the persona cards) and the goals that name a line of it."""
    if not text:
        return ""
    items, head = _shared_head(_items(text, ko))
    page = plan_page(plan)
    link = linker(plan, items + [r.text for r in page.rows])
    named = [
        f"{item} → {_goal_list(goals, ko)}"
        for item in items
        if (goals := [r.goal for r in page.rows if link.shared(item, r.text)])
    ]
    out: list[str] = []
    # what the range does for the buyer: the first persona's own pain, else who it is for
    buyer = _buyer(plan)
    buyers = [p.name for p in plan.personas if p.name][:2]
    # the lines that answer a buyer's pain lead the pitch; the others support it ('근태관리, 급여
    # 계산 → 이 팀장의 불편(급여 마감 3일)'; '전자 근로계약, 연차 관리: 보조')
    # ... only when the value proposition also names them: a shared word with a pain alone
    # ('T&M repairs' and 'surprise repair bills') does not make a line the pitch. Korean nouns
    # only (Kiwi): English stems match the trade's own words ('cleaning' in every line)
    answering = _answering(plan, items, ko)
    if buyer is not None and answering and len(answering) < len(items):
        pain = next(p for p in buyer.pains if any(_core_words(i) & distinctive(p) for i in answering)).strip(" .")  # fmt: skip
        rest = [i for i in items if i not in answering]
        more = len(rest) - 3  # the supporting lines, three by name
        rest_en = ", ".join(rest[:3]) + (f" and {more} more" if more > 0 else "")
        rest_ko = "·".join(rest[:3]) + (f" 외 {more}개" if more > 0 else "")
        one = len(answering) == 1
        lead_en = " and ".join([", ".join(answering[:-1]), answering[-1]] if not one else answering)
        out.append(_t(
            ko, f"{lead_en} {'answers' if one else 'answer'} {buyer.name}'s pain ({pain[:1].lower() + pain[1:]}) and {'leads' if one else 'lead'} the pitch; {rest_en} {'is' if len(rest) == 1 else 'are'} shown after {'it' if one else 'them'} in demos and proposals",
            fix_particles(f"{'·'.join(answering)}이(가) {buyer.name}의 불편({pain})을 풀어 제안의 중심이고, {rest_ko}은(는) 데모와 제안서에서 그 뒤에 보여 줌"),
        ))  # fmt: skip
    elif buyer is not None:
        pain = buyer.pains[0].strip(" .")
        out.append(_t(ko, f"answers {buyer.name}'s pain: {pain[:1].lower() + pain[1:]}", fix_particles(f"{buyer.name}의 불편({pain})을 푸는 구성")))  # fmt: skip
    elif buyers:
        out.append(_t(ko, "for " + " and ".join(buyers), fix_particles(", ".join(buyers) + "을(를) 위한 구성")))  # fmt: skip
    if named:
        out.append("; ".join(named[:3]))
    return "; ".join(out)


_HEAD = re.compile(
    r"\s+((?:클라우드\s*)?(?:서비스|솔루션|플랫폼)|SaaS|(?:cloud\s+)?(?:service|platform|software|suite))$",
    re.I,
)


def _shared_head(items: list[str]) -> tuple[list[str], str]:
    """'근태관리, 급여 계산, 전자 근로계약, 연차 관리 클라우드 서비스': the last item's head noun is
    the whole list's ('클라우드 서비스'), not part of '연차 관리'."""
    if len(items) < 2 or any(_HEAD.search(i) for i in items[:-1]):
        return items, ""
    m = _HEAD.search(items[-1])
    if m is None or not items[-1][: m.start()].strip():
        return items, ""
    return [*items[:-1], items[-1][: m.start()].strip()], m.group(1)


def _against_free(plan: Plan, ko: bool) -> str:
    """A SWOT threat of free or bundled rivals meets the price: compared on the buyer's time and
    what the plan's claims add, not by cutting the price."""
    from assistant.analysis.objection_kinds import free_rivals

    free, bundle = free_rivals(plan)
    if not (free or bundle):
        return ""
    if ko:
        kind = "·".join(k for k, on in (("무료 요금제", free), ("번들", bundle)) if on)
        basis = "담당자가 쓰는 시간과 차별점" if free else "차별점"
        return f"{kind}(위협)과는 가격을 내리지 않고 {basis}으로 비교(예상 반론과 대응 참고)"
    kind = " or ".join(k for k, on in (("free", free), ("bundled", bundle)) if on)
    basis = "the buyer's time and what sets us apart" if free else "what sets us apart"
    return f"against {kind} rivals (a threat): hold the price and compare on {basis} (see objection handling)"


def _core_words(item: str) -> frozenset[str]:
    """An item's own words, without the generic ones every product line has ('관리', 'service')."""
    return distinctive(item) - {
        "관리",
        "서비스",
        "클라우드",
        "cloud",
        "servi",
        "manag",
        "solut",
        "솔루션",
    }


def _line_text(line: BudgetLine, plan: Plan, ko: bool) -> str:
    unit = plan.budget.currency
    if line.amount is not None and unit:
        money = format_amount(line.amount, unit, plan.language)
        share = f"({line.share:g}%)" if line.share is not None else ""  # '4,800만 원(10%)'
        return _t(ko, f"budget '{line.item}' {money}{' ' + share if share else ''}", f"예산 '{line.item}' {money}{share}")  # fmt: skip
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
    from assistant.interview.territory_notes import self_serve_channel

    serve = self_serve_channel(plan)
    for item in items:
        says = [r] if (r := _runner(plan, item, roles)) else []
        line = lines.get(item)
        if line is not None:
            says.append(_line_text(line, plan, ko) + _per_partner_customer(plan, line, item, ko))
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


def _per_partner_customer(plan: Plan, line: BudgetLine, item: str, ko: bool) -> str:
    """A partner programme's line over the customers the partners bring: what each costs, and
    its share of a first year's contract - the ceiling a referral fee is set against."""
    from assistant.analysis.plan_goals import deal_size, partner_customers

    total = plan.number("marketing_budget") or plan.budget.total or 0.0
    amount = line.amount if line.amount is not None else (total * line.share / 100 if line.share else None)  # fmt: skip
    partners, size = partner_customers(plan), deal_size(plan)
    if not REFERRAL.search(item) or not amount or partners is None or partners[0] < 1:
        return ""
    each = amount / partners[0]
    m = lambda v: format_amount(v, plan.budget.currency, plan.language)  # noqa: E731
    share = each / size[0] * 100 if size is not None and size[1] == plan.budget.currency and size[0] else None  # fmt: skip
    # above a whole first year, the share says nothing a fee can be set against
    first = (f" ({share:.0f}% of a first year's {m(size[0])})", f"(첫해 계약 {m(size[0])}의 {share:.0f}%)") if share and size and share <= 100 else ("", "")  # fmt: skip
    # its own clause, one bracket: the ceiling, then what it is a share of
    # said as the division it is (the line over the partners' customers), not as a bare cap
    return _t(ko, f"; over the customers partners bring (about {partners[0]:,.0f}), about {m(about(each))} each{first[0]}: the referral fee stays within it",
              f" · 파트너 고객 약 {partners[0]:,.0f}곳으로 나누면 고객당 약 {m(about(each))}{first[1]}이고, 소개 수수료는 이 안에서 정함")  # fmt: skip


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
        dates = (
            [cadence_text(piece.count, piece.period, ko, name=piece.name)]
            if piece
            else _dates(plan, item)
        )
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
        shared = (f" · 같은 항목으로 {', '.join(also)}도 부담" if ko else f"; the line also pays for {', '.join(also)}") if also else ""  # fmt: skip
        out.append(f"{joined}: {_line_text(line, plan, ko)}{shared}")
    if unpaid:
        names = ", ".join(f"'{u}'" for u in unpaid)
        findings.append(_t(
            ko,
            f"No budget line pays for {names}: give {'them' if len(unpaid) > 1 else 'it'} a line or say which line covers {'them' if len(unpaid) > 1 else 'it'}.",
            f"{names}에 배정된 예산 항목이 없습니다. 항목을 추가하거나 어느 항목에서 쓰는지 밝혀야 합니다.",
        ))  # fmt: skip
    return "; ".join(out)

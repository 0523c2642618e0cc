"""An answer to each buyer objection, built from the plan's own facts, offer and sales tactics:
purchasing paperwork, the contract's total cost, the price, a doubt that the payback is real, a doubt
that it works, and the effort of switching. An answer never repeats another one word for word."""

from __future__ import annotations

import re

from assistant.analysis.objection_kinds import DOUBT, EFFORT, PRICE, tactics_for
from assistant.core.lang import cap_first as _cap
from assistant.core.lang import fix_particles, offer_of
from assistant.core.lang import low_first as _low
from assistant.core.plan import ObjectionAnswer, Persona, Plan

_PROCURE = re.compile(
    r"procurement|purchasing|new\s+vendor|vendor\s+(?:setup|onboarding|registration)|contract\s+process|거래처\s*등록|구매\s*절차|계약\s*절차|업체\s*등록",
    re.I,
)
# the whole contract's cost, not this year's price ('total cost over the contract', '갱신 때 인상')
_TOTAL = re.compile(
    r"total\s+cost|cost\s+of\s+ownership|\btco\b|over\s+the\s+(?:contract|term)|renewal|총\s*비용|총비용|갱신",
    re.I,
)
# a doubt that the promised return is real ('will the payback happen', '회수 효과가 실제로 나올지')
_PAYBACK = re.compile(
    r"payback|pay\s+back|\broi\b|return\s+on|promised\s+(?:savings|results)|회수|투자\s*대비|절감\s*효과",
    re.I,
)


def objection_answers(
    plan: Plan,
    persona: Persona,
    cta: str,
    known: tuple[list[str], list[str], list[str]],
    said: list[tuple[str, str]] | None = None,
) -> list[ObjectionAnswer]:
    """An answer to each objection. `said` holds the answers already given (for other personas):
    an answer that would repeat one of them points to it instead."""
    ko = plan.language == "ko"
    claims, stated, record = known  # the message house's claims, stated proofs, the record's proof
    own = _shown_proofs(plan, claims, stated)  # the user's own proof points
    # said to a buyer: the record without its source note ('(연 이탈률 8% 기준)' is for the planner)
    proofs = own + [re.sub(r"\s*\([^()]*\)$", "", r) for r in record]
    offer = offer_of(cta, plan.language) if cta else ""
    given = said if said is not None else []
    out: list[ObjectionAnswer] = []
    full_offer = offer
    for objection in persona.objections[:4]:
        # the trial is said once per card, in the first answer it serves: repeated under every
        # objection it reads as the only answer the plan has
        offer = full_offer if not any(full_offer and full_offer.lower() in o.answer.lower() for o in out) else ""  # fmt: skip
        if _PROCURE.search(objection):  # the purchasing work, not the product's set-up
            parts = [
                "표준 계약서와 보안·개인정보 자료를 미리 보내 구매·등록 절차를 짧게 합니다"
                if ko
                else "Send the standard contract and the security and data-protection documents up front, so purchasing can approve without a back-and-forth"
            ]
        elif _TOTAL.search(objection):
            parts = _total_cost(plan, ko)
        elif _PAYBACK.search(objection):
            parts = _payback(plan, ko, own, offer)  # a renewal record proves no payback
        elif PRICE.search(objection):
            parts = _price(plan, ko, offer)
        elif DOUBT.search(objection):  # before effort: '바꾸는 위험' is a doubt, not the work
            parts = _doubt(plan, ko, proofs, offer)
        elif EFFORT.search(objection):
            parts = _effort(plan, ko, [*claims, *stated])
        else:
            lead = claims[0] if claims else plan.messaging.value_proposition
            parts = [f"{lead}" + (f" - '{cta}'" if cta else "")]
        if not any(parts):  # nothing of the plan's own answers it: the step that usually does
            parts = [_usual_answer(objection, ko)]
        answer = ". ".join(p for p in parts if p) + "."
        first = next((o for o, a in given if a == answer), "")
        given.append((objection, answer))
        if first:
            answer = (
                fix_particles(f"'{first}'과(와) 같은 답입니다.")
                if ko
                else f"The same answer as to '{first}'."
            )
        out.append(ObjectionAnswer(persona=persona.name, objection=objection, answer=answer))
    if plan.personas and persona is plan.personas[0] and (free := _free_alternative(plan, ko, claims, full_offer)):  # fmt: skip
        out.append(ObjectionAnswer(persona=persona.name, objection=free[0], answer=free[1]))
    return out


def _free_alternative(
    plan: Plan, ko: bool, claims: list[str], offer: str
) -> tuple[str, str] | None:
    """The objection a stated threat of free or bundled rivals raises ('대형 경쟁사의 무료 요금제와
    그룹웨어 번들'), answered with the plan's own differentiators shown on the buyer's data."""
    from assistant.analysis.objection_kinds import free_rivals
    from assistant.analysis.plan_risks import threat_leads

    free, bundle = free_rivals(plan)
    if not (free or bundle) or not claims:
        return None
    # the strength the risk register meets this threat with ('lead with what a bundle does not
    # give (ready-made retail dashboards)'): one answer to one threat across the plan
    rival = re.compile(r"\bfree\b|freemium|무료|bundl|번들|끼워", re.I)
    leads = list(dict.fromkeys(x for t, x in threat_leads(plan) if x and rival.search(t)))
    said = ", ".join((x if ko else _low(x)) for x in (leads or claims)[:2])
    shown = (f" {offer}에서 고객 자신의 데이터로 나란히 보여 줍니다" if ko else f" Show them side by side on the buyer's own data in {offer}") if offer else ""  # fmt: skip
    if ko:
        kind = "·".join(k for k, on in (("무료 요금제", free), ("번들", bundle)) if on)
        return (
            f"{kind} 도구로 충분하지 않은가",
            fix_particles(
                # 'what a bundle lacks' only where the register says so (a bundle alone); a free
                # rival's features are unknown until researched: what sets us apart
                f"{kind} 도구{'에 없는 것' if bundle and not free else '와 다른 점'}으로 답합니다: {said}.{shown}{'.' if shown else ''}"
            )
            + (" 무료 도구에 드는 담당자의 시간도 비용으로 산정합니다." if free else ""),
        )
    kind = " or ".join(k for k, on in (("free", free), ("bundled", bundle)) if on)
    return (
        f"why pay when a {kind} tool is there",
        (
            f"Answer with what a {kind} tool does not give: "
            if bundle and not free
            else "Answer with what sets us apart from it: "
        )
        + f"{said}.{shown}{'.' if shown else ''}"
        + (" Count the staff time a free tool takes as a cost too." if free else ""),
    )


def _shown_proofs(plan: Plan, claims: list[str], stated: list[str]) -> list[str]:
    # a proof is never a claim of the message house itself ('answers by 9 a.m.' is the promise)
    from assistant.core.korean import ko_phrase, re_hangul

    value = plan.messaging.value_proposition.lower()
    said = [(ko_phrase(p) if re_hangul(p) else p).strip(" .") for p in stated]
    low_claims = {c.lower().strip(" .") for c in claims}
    return [p for p in said if p.lower() not in value and p.lower() not in low_claims]


def _price(plan: Plan, ko: bool, offer: str) -> list[str]:
    # the value is shown before the price: the plan's own tactic for it, when it has one
    parts = []
    t = next(iter(tactics_for(plan, "price")), "")
    shown = _price_phrase(plan)
    if t:
        parts.append(
            fix_particles(f"'{t}'(으)로 효과를 먼저 보여 준 뒤 가격을 제시합니다")
            + (f": {shown}" if shown else "")
            if ko
            else f"Open with the {_low(t)}, then the price" + (f": {shown}" if shown else "")
        )
    elif shown:
        parts.append(f"가격은 {shown}입니다" if ko else f"The price is {shown}")
    parts.append(_annual_price(plan))
    parts.append(_size_price(plan))
    if offer:
        parts.append(
            fix_particles(f"{offer}(으)로 먼저 가치를 확인하게 합니다")
            if ko
            else f"{_cap(offer)} lets them see the value before paying"
        )
    return parts


def _total_cost(plan: Plan, ko: bool) -> list[str]:
    """The contract's whole cost on one page: this year's price is only part of it."""
    price = _annual_price(plan) or (
        (f"가격은 {p}입니다" if ko else f"The price is {p}") if (p := _price_phrase(plan)) else ""
    )
    return [
        "계약 기간 전체의 비용을 한 장으로 보여 줍니다"
        if ko
        else "Show the whole contract's cost on one page",
        price,
        "도입·교육 비용과 갱신 때의 가격 조건을 견적서에 적어, 계약 후 예상하지 못한 비용이 생기지 않게 합니다"
        if ko
        else "Write set-up, training and the price at renewal into the quote, so finance meets no surprise later",
    ]


def _payback(plan: Plan, ko: bool, proofs: list[str], offer: str) -> list[str]:
    """A doubt that the return is real is answered with the buyer's own numbers, and a proof
    point the user stated (never the renewal record, which says nothing about payback)."""
    t = next(iter(tactics_for(plan, "price")), "")
    parts = [
        (
            fix_particles(f"'{t}'에 고객 자신의 숫자를 넣어 회수 기간을 함께 계산합니다")
            if ko
            else f"Work out the payback together in the {_low(t)}, with the buyer's own numbers"
        )
        if t
        else (
            "고객 자신의 숫자로 회수 기간을 함께 계산합니다"
            if ko
            else "Work out the payback together with the buyer's own numbers"
        )
    ]
    if proofs:
        parts.append(f"근거: {proofs[0]}" if ko else f"Proof: {_cap(proofs[0])}")
    if offer:
        parts.append(
            fix_particles(f"{offer} 동안 절감 효과를 재어 보게 합니다")
            if ko
            else f"{_cap(offer)} measures the saving before they pay"
        )
    return parts


def _usual_answer(objection: str, ko: bool) -> str:
    """The step that usually answers an objection the plan gives nothing for, so no answer cell is
    left empty: reference calls or a pilot for a doubt, a written set-up plan for the effort."""
    if DOUBT.search(objection):
        return "같은 업종 고객의 레퍼런스 콜이나 성공 기준을 정한 파일럿을 제안합니다" if ko else "Offer reference calls with similar customers, or a pilot with agreed success criteria"  # fmt: skip
    if EFFORT.search(objection):
        return "제안서에 도입 단계, 일정, 고객이 준비할 것을 적습니다" if ko else "Put the setup steps, their dates and what the buyer prepares in the proposal"  # fmt: skip
    return "첫 미팅에서 고객의 수치로 효과를 보여 줍니다" if ko else "Show the result on the buyer's own figures in the first meeting"  # fmt: skip


def _doubt(plan: Plan, ko: bool, proofs: list[str], offer: str) -> list[str]:
    parts = []
    for t in tactics_for(plan, "doubt")[:1]:
        parts.append(fix_particles(f"'{t}'(으)로 답합니다") if ko else f"Answer it with {_low(t)}")
    if proofs:
        parts.append(f"근거: {proofs[0]}" if ko else f"Proof: {_cap(proofs[0])}")
    exit_ = _derisk(plan)
    if exit_:
        parts.append(
            f"{exit_} - 바꾸는 위험이 작습니다"
            if ko
            else f"{_cap(exit_)} takes the risk out of switching"
        )
    if offer:
        parts.append(
            fix_particles(f"{offer}(으)로 직접 확인하게 합니다")
            if ko
            else f"{_cap(offer)} lets them check it themselves"
        )
    return parts


def _effort(plan: Plan, ko: bool, easy_from: list[str]) -> list[str]:
    parts = []
    for t in tactics_for(plan, "effort")[:1]:
        parts.append(
            fix_particles(f"'{t}'(으)로 도입을 돕습니다") if ko else f"{_cap(t)} carries the switch"
        )
    easy = next(
        (
            c
            for c in easy_from
            # the claim of a quick set-up ('One-day setup', '2주 도입'), never another speed
            # ('Next-day payouts' is how fast money arrives, not how fast the switch is)
            if re.search(
                r"setup|set-up|onboard|go[- ]live|implement|install|도입|설치|온보딩|하루\s*만에\s*(?:시작|사용)",
                c,
                re.I,
            )
        ),
        "",
    )
    exit_ = _derisk(plan)
    if easy:
        parts.append(
            f"{easy}: 단계별 도입 일정과 고객이 준비할 자료를 제안서에 적어, 언제 무엇을 하면 되는지 계약 전에 보여 줍니다"
            if ko
            else f"{easy} keeps the switch small: put the setup steps, their dates and what the buyer prepares in the proposal"
        )
    elif exit_:
        parts.append(
            f"{exit_} - 바꾸는 위험이 작습니다"
            if ko
            else f"{_cap(exit_)} takes the risk out of switching"
        )
    else:
        parts.append(
            "첫 단계를 작게 시작하도록 제안합니다"
            if ko
            else "Offer a small first step so switching is low-risk"
        )
    return parts


_DERISK = re.compile(
    r"out-?clause|cancel\s+any\s*time|pause\s+any\s*time|money-?back|no\s+long-?term|risk-?free|"
    r"언제든\s*(?:해지|일시\s*정지|취소|중단)|위약금\s*없|환불\s*보장",
    re.I,
)


def _derisk(plan: Plan) -> str:
    """What the user offers to make switching safe ('30-day out-clause on year 1', '언제든
    일시정지'), as written; '' when nothing is offered."""
    for sid in ("sales_tactics", "sales_offering", "mkt_mix_4p", "mkt_strategy"):
        for clause in re.split(r"[.;,\n()]\s*", plan.user_text(sid)):
            clause = clause.strip(" .")
            if _DERISK.search(clause) and len(clause) <= 70:
                return re.sub(r"\s+to\s+de-?risk\s+switching$", "", clause, flags=re.I)
    return ""


def _size_price(plan: Plan) -> str:
    """A price quoted for an entry tier ('up to 50 stores') below what customers pay today: the
    answer quotes the buyer's own size, so the objection is not met with the smallest price."""
    from assistant.analysis.lists import mix_4p
    from assistant.goals.numbers import format_amount
    from assistant.interview.compose_price import deal_above_price

    text = mix_4p(plan).get("price", "")
    above = deal_above_price(plan, text) if re.search(r"up\s+to|까지", text, re.I) else None
    if above is None:
        return ""
    price = plan.fact("price")
    paid = format_amount(above[0], price.unit if price is not None else "", plan.language)
    # guidance for the seller, not a line for the buyer: today's average is the seller's context;
    # the stated price's own limit ('up to 50 stores') is named, since it may be the only tier
    cap = re.search(
        r"(?:for\s+)?up\s+to\s+[\d,]+\s*\w+|[가-힣]*\s*[\d,]+\s*[가-힣]*\s*까지", text, re.I
    )
    # the stated price has no tier above its limit: a larger buyer is quoted what customers of
    # its size pay today, written into the price list first (the 4P's price finding)
    if plan.language == "ko":
        top = re.sub(r"\s*까지$", "", cap.group(0).strip()) if cap else ""
        limit = f"{top}보다 큰 고객에게는" if top else "더 큰 고객에게는"
        return f"{limit} 규모에 맞는 가격 구간을 제시합니다(지금 평균 계약은 연 {paid}). 첫 제안 전에 그 구간을 가격표에 넣어 둡니다(마케팅 믹스 참고)"
    tier = re.sub(r"^(?:for\s+)?up\s+to\s+", "", cap.group(0).strip(), flags=re.I) if cap else ""
    limit = f"For a buyer above {tier}" if tier else "For a larger buyer"
    return f"{limit}, quote a price tier for its size (today's average deal is {paid} a year). Add that tier to the price list before the first such quote (see the Marketing Mix)"


def _annual_price(plan: Plan) -> str:
    """'On an annual contract it comes to $12,240 a year (15% off)', when the answer states an
    annual discount on a monthly price."""
    from assistant.analysis.lists import mix_4p
    from assistant.goals.numbers import format_amount
    from assistant.interview.compose_price import PER_UNIT, annual_discount, unit_noun

    price = plan.fact("price")
    text = mix_4p(plan).get("price", "")
    rate = annual_discount(text)
    unit = PER_UNIT.search(text)
    per = unit_noun(unit.group(0), plan.language == "ko", one=True) if unit else ""
    if price is None or not isinstance(price.value, (int, float)) or price.period != "month" or not rate:  # fmt: skip
        return ""
    yearly = format_amount(float(price.value) * 12 * (1 - rate / 100), price.unit, plan.language)
    if plan.language == "ko":
        return f"연간 계약이면 {rate:g}% 할인된 {per + '당 ' if per else ''}연 {yearly}입니다"
    return f"On an annual contract it comes to {yearly} a year{' per ' + per if per else ''} ({rate:g}% off)"


def _price_phrase(plan: Plan) -> str:
    """The price as the user wrote it ('직원 1인당 월 5,000원', '$0.14 per square foot per month'),
    so its unit is never lost; else the price fact."""
    from assistant.analysis.lists import mix_4p
    from assistant.goals.numbers import read_quantities
    from assistant.interview.readout import value_text

    said = mix_4p(plan).get("price", "")
    # split outside brackets: '월 4만 원(소형견 기준, 2주마다 배송)' stays one clause
    masked = re.sub(
        r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00").replace(";", "\x01"), said
    )
    for clause in re.split(r"[;,](?!\d{3})\s*|\.\s", masked):
        clause = clause.replace("\x00", ",").replace("\x01", ";").strip(" .")
        if len(clause) > 60:  # a long note in brackets is not part of the price
            clause = re.sub(r"\s*\([^()]*\)", "", clause)
        # a price names money; our margin ('average gross margin 27%') is never told to a buyer
        money = any(q.kind == "money" for q in read_quantities(clause))
        if money and len(clause) <= 60 and not re.search(r"margin|마진|이익률|rebate|리베이트|discount|할인", clause, re.I):  # fmt: skip
            return re.sub(r"^(?:the\s+)?(?:price|pricing)\s+(?:is|:)\s*|^가격\s*(?:은|는|:)\s*", "", clause, flags=re.I)  # fmt: skip
    price = plan.fact("price")
    return value_text(price, plan.language) if price is not None else ""

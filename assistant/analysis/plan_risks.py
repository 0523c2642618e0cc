"""The plan's top risks, each with its numbers: which figures are industry defaults, how far the
lead goal falls short of the customer goal, and the deals each quota seller must close."""

from __future__ import annotations

import re

from assistant.analysis.analysis_model import PlanAnalysis, Risk, is_default_line
from assistant.analysis.plan_goals import customer_goal, customers_at_pace, stated_quota
from assistant.core.lang import fix_particles, offer_of
from assistant.core.plan import Plan


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _lead_fix(plan: Plan, funnel_end: float, ko: bool) -> str:
    """The mitigation of a funnel short of the customer goal: the lead goal that makes it at the
    rates in use (the decision the summary recommends), then the first quarter's check."""
    from assistant.analysis.plan_goals import recommended_leads

    need = recommended_leads(plan, funnel_end)
    if need is None:
        return "리드 목표를 올리고 첫 분기 전환율로 다시 계산합니다." if ko else "Raise the lead goal, and recompute with the first quarter's conversion rates."  # fmt: skip
    return (
        f"리드 목표를 약 {need:,.0f}건으로 올리고, 첫 분기 전환율이 더 높게 나오면 다시 계산합니다."
        if ko
        else f"Raise the lead goal to about {need:,.0f}; recompute if the first quarter's conversion rates run higher."
    )


def plan_risks(plan: Plan, a: PlanAnalysis, ko: bool) -> list[Risk]:
    """The plan's top risks, each with its numbers: which figures are defaults, how far the lead
    goal falls short of the customer goal, and the deals each seller must close."""
    risks: list[Risk] = []
    caveats: list[Risk] = []  # figures that are defaults: a risk only when few others are named
    defaults = [x.split(":")[0].strip() for x in a.assumptions if is_default_line(x)]
    if defaults:
        names = ("·".join(defaults) if ko else _and_list([d[:1].lower() + d[1:] if d[1:2].islower() else d for d in defaults]))  # fmt: skip
        plural = len(defaults) > 1
        caveats.append(Risk(
            risk=fix_particles(f"{names}은(는) 정해지지 않아 업계 일반값을 썼습니다.") if ko else f"{names[:1].upper() + names[1:]} {'are' if plural else 'is an'} industry default{'s' if plural else ''}, not your data.",
            mitigation="첫 분기 실적으로 실제 값을 측정해 계획을 다시 계산합니다." if ko else "Measure the real figures in the first quarter and recompute the plan.",
        ))  # fmt: skip
    paced = customers_at_pace(plan, a.funnel[-1].volume) if len(a.funnel) > 1 else 0.0
    if len(a.funnel) > 1 and (c := customer_goal(plan)) and paced < c[1] * 0.95:
        got, want = f"{paced:,.0f}", f"{c[1]:,.0f}"
        unit = c[0].frame.target.unit if c[0].frame and c[0].frame.target else ""
        unit = unit if re.fullmatch(r"[가-힣]{1,3}", unit) else "곳"
        risks.append(Risk(
            risk=f"이 전환율로는 리드 목표{'(같은 속도로 1년)' if paced != a.funnel[-1].volume else ''}에서 신규 고객이 약 {got}{unit} 나와 목표 {want}{unit}에 못 미칩니다." if ko else f"At these rates the lead goal{' (at its pace over the year)' if paced != a.funnel[-1].volume else ''} yields about {got} new customers, short of the {want} targeted.",
            mitigation=_lead_fix(plan, a.funnel[-1].volume, ko),
        ))  # fmt: skip
    cap = a.capacity
    quota = stated_quota(plan)
    # a load the plan's own quota already carries ('13 new merchants a month' = 156 a year) is
    # the sales motion as designed, not a risk
    covered = bool(quota and cap.deals_per_rep and cap.deals_per_rep <= quota * 1.15)
    if cap.deals_per_rep and cap.reps and cap.deals_per_rep > 40 and not covered:
        deals = f"{cap.deals_per_rep:,.0f}"
        risks.append(Risk(
            risk=f"할당 영업 담당자 {cap.reps}명이 각각 연 약 {deals}건의 신규 거래를 성사해야 합니다." if ko else f"Each of the {cap.reps} quota sellers must close about {deals} new deals a year.",
            mitigation="할당량·영업 주기와 비교하고, 넘치면 채용이나 셀프서브 채널을 계획합니다." if ko else "Check it against quota and sales cycle; if it is above, plan hiring or a self-serve channel.",
        ))  # fmt: skip
    business = risks[:2] + _threats(plan, ko)
    return (business + caveats)[:4] if len(business) < 2 else business[:4]


def _threats(plan: Plan, ko: bool) -> list[Risk]:
    """The threats the market analysis names, as written, each met with the plan's first
    stated strength (or a watch routine when none is stated)."""
    out = []
    cta = plan.messaging.call_to_action
    for threat, lead in threat_leads(plan):
        out.append(Risk(
            risk=(threat[:1].upper() + threat[1:]) if not ko else threat,
            mitigation=_response(threat, lead, cta, ko),
            action=response_parts(threat, lead, cta, ko)[0],
        ))  # fmt: skip
    return out


def threat_leads(plan: Plan) -> list[tuple[str, str]]:
    """(threat, the stated strength that meets it) for the market analysis's first three threats,
    as written; each threat takes the next strength in turn ('' when none is stated). The risks,
    the register and the competitor table all pair them this one way."""
    from assistant.analysis.lists import SWOT_LABELS, labelled, split_items

    ko = plan.language == "ko"
    parts, _ = labelled(plan.user_text("mkt_market_analysis"), SWOT_LABELS)
    threats = _items(parts.get("t", ""), ko, split_items)
    strengths = [_as_message(plan, x) for x in _items(parts.get("s", ""), ko, split_items)]
    return [(t, strengths[n % len(strengths)] if strengths else "") for n, t in enumerate(threats[:3])]  # fmt: skip


def _as_message(plan: Plan, strength: str) -> str:
    """A strength in the key message's words when a key message says the same thing ('주 52시간
    초과 자동 경고' is the message '주 52시간 자동 경고'): one term per concept across the plan."""
    from assistant.analysis.text_words import words

    mine = words(strength)
    for km in plan.messaging.key_messages:
        if km.message == plan.messaging.value_proposition:
            continue  # the whole positioning sentence holds every strength: no one term of it
        theirs = words(km.message)
        if mine and theirs and (theirs <= mine or mine <= theirs) and len(mine & theirs) >= 2:
            return km.message
    return strength


def _response(threat: str, lead: str, cta: str, ko: bool) -> str:
    """A response that fits the kind of threat, with the measure to watch (one text)."""
    act, watch = response_parts(threat, lead, cta, ko)
    return fix_particles(f"{act} {watch}을(를) 점검합니다.") if ko else f"{act} Track {watch}."


_RIVAL_OFFER = re.compile(
    r"free\s+(?:plan|tier|version|tool)|cheap|low-?cost|무료|저가|최저가", re.I
)
_SEVERAL_ITEMS = re.compile(r"\band\b|,|[가-힣]고\s|와\s|과\s|및", re.I)


def threat_effect(threat: str, ko: bool) -> str:
    """What a threat does to the plan, as a sentence, for the kinds whose effect is certain: a
    bundle, a rival's free or low-price offer, rising ad costs; '' for any other (and for an item
    that joins several: the SWOT's own words then stand alone, never a wrong effect)."""
    if _SEVERAL_ITEMS.search(threat):
        return ""
    # the kinds in the order response_parts reads them, so the effect and the response agree
    if _AD_COST.search(threat):
        return "같은 예산으로 확보하는 고객이 줄어듭니다." if ko else "the same budget buys fewer customers."  # fmt: skip
    if _LABOUR.search(threat) or _COST.search(threat):
        return ""
    if _PRICE.search(threat):
        if not _RIVAL_OFFER.search(threat):
            return ""  # buyers asking for less is no rival's offer to 'choose'
        return "가격으로 비교하는 고객이 그쪽을 골라, 거래를 잃거나 할인하게 됩니다." if ko else "buyers who compare on price choose it, and deals are lost or discounted."  # fmt: skip
    if _BUNDLE.search(threat):
        return "이미 그 제품군을 쓰는 고객은 따로 사지 않고 번들을 씁니다." if ko else "buyers who already pay for the suite use its module instead of buying ours."  # fmt: skip
    return ""


def response_parts(threat: str, lead: str, cta: str, ko: bool) -> tuple[str, str]:
    """(what to do, what to watch) for the kind of threat: costs are planned for, a price war is
    met with value and a first step, a bundle with what it lacks, an entrant by locking in
    customers, a rule change with a date and an owner."""
    low = lead[:1].lower() + lead[1:] if lead[1:2].islower() else lead
    if _AD_COST.search(threat):
        return (("고객 확보 비용이 낮은 채널(이메일, 추천, 검색)로 예산을 옮기고, 채널별 CPA 상한을 둡니다.", "채널별 고객 확보 비용(매주)") if ko
                else ("Shift spend to channels with a lower cost per customer (email, referrals, search) and cap CPA per channel.", "cost per acquisition by channel, weekly"))  # fmt: skip
    if _LABOUR.search(threat):
        return (("채용과 가격 인상분을 미리 계획합니다.", "인건비와 마진(매달)") if ko
                else ("Plan hiring and price increases ahead.", "labour cost and margin, monthly"))  # fmt: skip
    if _COST.search(threat):
        return (("가격 인상을 미리 계획하고, 가능한 곳은 공급 단가를 계약으로 고정합니다.", "원가와 마진(매달)") if ko
                else ("Plan price increases ahead and lock in supply costs where you can (contracts, longer terms).", "cost and margin, monthly"))  # fmt: skip
    if _PRICE.search(threat):
        if ko:
            first = f", {offer_of(cta, 'ko')}(으)로 먼저 직접 확인하게 합니다." if cta else "."
            act = f"비교 기준을 가격에서 {lead}(으)로 옮기고{first}" if lead and cta else f"비교 기준을 가격에서 {lead}(으)로 옮깁니다." if lead else f"가격 대신 가치로 비교하게 하고{first}" if cta else "가격 대신 가치로 비교하게 합니다."  # fmt: skip
            return fix_particles(act), "가격 때문에 놓친 거래의 비율(매달)"
        first = f", and let buyers try it first ({offer_of(cta, 'en')})" if cta else ""
        act = f"Move the comparison from price to {low}{first}." if lead else f"Sell on value rather than price{first}."  # fmt: skip
        return act, "the share of deals lost on price, monthly"
    if _BUNDLE.search(threat):
        if ko:
            act = fix_particles(f"번들이 주지 못하는 {lead}을(를) 앞세우고, 비교 자료를 만듭니다.") if lead else "비교 자료를 만들고 번들에 없는 기능을 앞세웁니다."  # fmt: skip
            return act, "번들 때문에 놓친 거래 수(분기마다)"
        act = f"Lead with what a bundle does not give ({low}) and keep a comparison sheet." if lead else "Keep a comparison sheet and lead with what the bundle lacks."  # fmt: skip
        return act, "deals lost to bundles, quarterly"
    if _ENTRANT.search(threat):
        if ko:
            act = fix_particles(f"{lead}와(과) 기존 고객의 갱신·추천으로 먼저 자리를 굳힙니다.") if lead else "기존 고객의 갱신·추천으로 먼저 자리를 굳힙니다."  # fmt: skip
            return act, "새 경쟁사의 가격과 상품(분기마다)"
        act = f"Lock in current customers (renewals, referrals) and lead with {low}." if lead else "Lock in current customers (renewals, referrals)."  # fmt: skip
        return act, "the entrant's price and range, quarterly"
    if _RULE.search(threat):
        return (("시행 일정을 계획에 넣고 담당자를 정합니다.", "준비 상황(분기마다)") if ko
                else ("Put the change's dates in the plan and name an owner.", "readiness for the change, quarterly"))  # fmt: skip
    if ko:
        act = fix_particles(f"{lead}을(를) 앞세워 대응하고, 커지면 가격과 메시지를 조정합니다.") if lead else "커지면 가격과 메시지를 조정합니다."  # fmt: skip
        return act, "놓친 거래와 이탈 고객의 사유(매달)"
    act = f"Lead with {low}; adjust price and message if it grows." if lead else "Adjust price and message if it grows."  # fmt: skip
    return act, "lost-deal and churn reasons, monthly"


_PRICE = re.compile(r"price|pricing|cheap|low-?cost|free\s+(?:plan|tier|version)|discount|최저가|저가|무료|가격|할인", re.I)  # fmt: skip
_BUNDLE = re.compile(r"bundl|built-?in|suite|all-in-one|번들|통합\s*솔루션|기본\s*제공|내장", re.I)
_ENTRANT = re.compile(
    r"enter|entry|entrant|new\s+(?:players|competitors)|진출|진입|신규\s*경쟁", re.I
)
_RULE = re.compile(r"regulat|legislat|\blaw\b|compliance|규제|법\s*개정|법령|제도\s*변경", re.I)


_AD_COST = re.compile(
    r"\bcpms?\b|\bcpcs?\b|\bcpa\b|ad\s+(?:costs?|prices?)|media\s+costs?|광고\s*(?:비|단가)", re.I
)
_LABOUR = re.compile(r"wage|salar|shortage|hiring|talent|labou?r|인건비|임금|인력|구인", re.I)
_COST = re.compile(
    r"(?:prices?|costs?)\s+(?:are\s+)?(?:up|ris|increas|climb)|rising\s+(?:\w+\s+){0,2}(?:prices?|costs?)|"
    r"단가\s*(?:상승|인상)|가격\s*(?:상승|인상)|"
    r"wage|salar|shortage|hiring|talent|labou?r\s+cost|inflation|material|인건비|임금|인력|구인|원가|물가|원자재",
    re.I,
)


def _items(text: str, ko: bool, split: object) -> list[str]:
    text = re.split(r"(?<=[.!?。])\s+", text.strip(), maxsplit=1)[0].strip(" .")
    if not text:
        return []
    if ko:
        from assistant.core.korean import split_list

        items = split_list(text)
    else:
        items = split(text)  # type: ignore[operator]
    return [i.strip(" .") for i in items if len(i.strip(" .")) > 3]

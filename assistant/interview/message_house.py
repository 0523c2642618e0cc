"""A message house per persona, offline: key messages from the user's own differentiators and
features with proof points from their numbers (or marked 'to prove'), an answer to every objection
from the plan's facts, and channel-ready copy for the channels the plan uses, within each channel's
length limits (nothing is ever cut mid-word; a line that cannot fit is not written)."""

from __future__ import annotations

import re

from assistant.core.lang import cap_first
from assistant.core.plan import KeyMessage, Messaging, Persona, Plan
from assistant.interview.channel_copy import copy_matrix

_DIFF = re.compile(
    r"(?:differentiators?\s*(?:are\b|is\b|:)|what\s+sets\s+us\s+apart\s+(?:is|are|:)|unlike\s+[^,]+,\s*(?:we|it)\s+(?:offer|give|have)s?|"
    r"(?:key\s+)?messages?\s*(?:are|:)|(?:our\s+)?strengths?\s*(?:are\b|:)|차별점은|차별점\s*[:：]|차별화\s*(?:요소|포인트)\s*(?:는|은|[:：])|강점은|강점\s*[:：]|(?:핵심\s*)?메시지\s*(?:는|은)?\s*[:：])\s*(?P<items>(?:[^.\n]|\.(?=\d))+)",
    re.I,
)
_OFFER_LINE = re.compile(
    r"^\s*(?:offer|cta|call\s+to\s+action|promo(?:tion)?|혜택|프로모션|제안)\s*[:：]", re.I
)
_TERMS = re.compile(
    r"\bbilled\b|billing|invoic|contract|commitment|minimum\s+term|약정|결제|청구|위약금|임대|계약\s*기간",
    re.I,
)
_MONEY = re.compile(r"[$€£₩]\s?\d|\d[\d,.]*\s*(?:만|억|천)?\s*원|\d\s*(?:usd|krw|eur)\b", re.I)
# a phrase with a number, a bracket kept whole ('gift subscriptions (3, 6, 12 months)')
_NUMBERED = re.compile(
    r"(?:[^,;.\n()]|\([^()]*\))*(?:\d|\([^()]*\d[^()]*\))(?:[^,;.\n()]|\([^()]*\))*"
)
_YEAR_ONLY = re.compile(r"^\D*(?:19|20)\d{2}\D*$")
_PROOF_SECTIONS = ("sales_offering", "mkt_positioning_messaging", "mkt_mix_4p")
_SECTIONS = ("sales_offering", "mkt_mix_4p", "mkt_positioning_messaging", "mkt_strategy", "sales_strategy", "mkt_market_analysis")  # fmt: skip


# channel kind -> (matcher, headline limit en/ko, body limit en/ko)
def _items(text: str) -> list[str]:
    # a bracket stays with its item ('gift subscriptions (3, 6, 12 months)')
    masked = re.sub(
        r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00").replace(" and ", "\x01"), text
    )
    parts = re.split(  # '2만 4,000원' and '$1,200' are one item
        r",(?!\d{3})\s*(?:and\s+)?|;\s*|\s+and\s+|\s*및\s*|(?<=[가-힣])와\s+|(?<=[가-힣])과\s+",
        masked,
    )
    parts = [p.replace("\x00", ",").replace("\x01", " and ") for p in parts]
    # a Korean clause cut at its comma ends in a connective: '365일 콜센터 운영하고' -> '… 운영'
    parts = [re.sub(r"(?<=[가-힣])(?:하고|하며|이고|이며)$", "", p.strip(" .")) for p in parts]
    return [p.strip(" .") for p in parts if 2 < len(p.strip(" .")) <= 80]


_cap = cap_first


def differentiators(plan: Plan) -> list[str]:
    """Only what the user names as what sets them apart (differentiators, strengths, key
    messages), in their words: the claims a comparison with competitors may lead with."""
    out: list[str] = []
    for sid in _SECTIONS:
        for m in _DIFF.finditer(plan.user_text(sid)):
            out.extend(_items(m.group("items")))
    # the sentence's copula stays with the sentence: '2주 도입입니다' is the claim '2주 도입'
    out = [re.sub(r"(?<=[가-힣])(?:입니다|이다|예요|이에요|였습니다)$", "", c) for c in out]
    return list(dict.fromkeys(out))


def benefits(plan: Plan) -> list[str]:
    """The user's own differentiators first, then the offering's features (their words)."""
    out: list[str] = []
    for sid in _SECTIONS:
        text = plan.user_text(sid)
        for m in _DIFF.finditer(text):
            out.extend(_items(m.group("items")))
    # the positioning answer's claims after its first sentence (the value proposition):
    # 'We cut drive time by 18% …, customers go live in 14 days …' - never its offer line
    said = plan.user_text("mkt_positioning_messaging")
    for sentence in re.split(r"(?<=[.!?。])\s+|(?<=다\.)\s*|\n+", said)[1:]:
        if _OFFER_LINE.match(sentence) or _DIFF.search(sentence):
            continue
        sentence = re.sub(
            r"^(?:also|and|plus)[,\s]+|^또한\s*|^그리고\s*", "", sentence.strip(), flags=re.I
        )
        out.extend(c for c in _items(sentence) if len(c.split()) >= 3 and not _TERMS.search(c))
    offer = plan.user_text("sales_offering")
    first = re.split(r"[;.\n]", offer, maxsplit=1)[0] if offer else ""
    if first and not _DIFF.search(first):  # a price or a billing term is a fact, not a claim
        out.extend(i for i in _items(first) if not _MONEY.search(i) and not _TERMS.search(i))
    product = re.search(
        r"(?:product|제품|상품)\s*[:：]\s*([^.\n]+)", plan.user_text("mkt_mix_4p"), re.I
    )
    if product:
        out.extend(_items(product.group(1)))
    from assistant.core.korean import ko_phrase, re_hangul

    # a Korean claim ends as a phrase, not a sentence ('2주 도입입니다' -> '2주 도입',
    # '레시피까지 함께 만듭니다' -> '레시피까지 함께 만듦'), never a cut syllable ('만듭')
    out = [ko_phrase(b) if re_hangul(b) else b for b in out]
    return list(dict.fromkeys(_cap(b) for b in out if b))[:6]


def proof_points(plan: Plan) -> list[str]:
    """Phrases with the user's numbers ('one-day setup', 'answers by 9 a.m.', '14-day trial')."""
    found: list[str] = []
    from assistant.analysis.lists import mix_4p

    for sid in _PROOF_SECTIONS:  # what the buyer gets, never internal process (sales strategy)
        # of the 4P only the product speaks to a buyer ('유통: 자사몰이 메인' is no proof)
        text = mix_4p(plan).get("product", "") if sid == "mkt_mix_4p" else plan.user_text(sid)
        text = re.sub(
            r"(?<=\d),(?=\d{3})", "\u2063", re.sub(r"\b([ap])\.m\.", "\\1\u2024m\u2024", text)
        )
        text = re.sub(r"(?<=\d)\.(?=\d)", "\u2024", text)  # '$5.99' is one number, not '99 per cup'
        for m in _NUMBERED.finditer(text):
            phrase = _LABEL.sub(
                "", m.group(0).strip().replace("\u2063", ",").replace("\u2024", ".")
            )
            phrase = re.sub(r"(?<=[가-힣])(?:하고|하며|이고|이며)$", "", phrase)  # a clause's end
            if (
                4 <= len(phrase) <= 80
                and not _YEAR_ONLY.match(phrase)
                and "%" not in phrase
                and not _NOT_PROOF.search(phrase)
                and not _TERMS.search(phrase)  # a contract term proves nothing
            ):
                found.append(phrase)
    return list(dict.fromkeys(found))


_LABEL = re.compile(
    r"^(?:differentiators?\s*(?:are\b|is\b|:)|what\s+sets\s+us\s+apart\s+is|(?:key\s+)?messages?\s*(?:are|:)|(?:offer|cta|promo(?:tion)?|혜택|프로모션)\s*[:：]|차별점은|강점은|차별점\s*:|강점\s*:|차별화\s*(?:요소|포인트)\s*(?:는|은|[:：])|(?:핵심\s*)?메시지\s*(?:는|은)?\s*[:：])\s*",
    re.I,
)
# a price or a budget is a fact, not proof that a claim is true
_NOT_PROOF = re.compile(
    r"[$€£₩]|원\b|\d\s*원|[억만천]\s*원|price|pricing|budget|cost|fee|revenue|expansion|we\s+expect|"
    r"가격|예산|비용|요금|매출|기대합|목표",
    re.I,
)
_STOP = {"with", "that", "this", "from", "your", "their", "every", "into", "over", "buyer", "own",
         "within", "hours", "days", "weeks", "months", "year", "years", "than", "more"}  # fmt: skip


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}|[가-힣]{2,}", text.lower()) if w not in _STOP}


def _only_claims(proof: str, claims: set[str]) -> bool:
    """'48시간 납품과 재고 3,000종' is two claims joined, not evidence for either: nothing is left
    of it once the claims are taken out (but the words that join them)."""
    rest = proof.lower()
    for claim in sorted(claims, key=len, reverse=True):
        if len(claim) >= 3:
            rest = rest.replace(claim, " ")
    rest = re.sub(
        r"\b(?:and|with|plus|or)\b|(?<=\s)(?:과|와|및|그리고)(?=\s|$)|^(?:과|와)\b", " ", " " + rest
    )
    return rest != " " + proof.lower() and not re.search(r"[a-z가-힣0-9]{2,}", rest)


def key_messages(plan: Plan, persona: Persona, value: str) -> list[KeyMessage]:
    # a proof is never the claim itself, a piece of the value proposition, or another claim
    from assistant.core.korean import ko_phrase, re_hangul

    claims = {c.lower().strip(" .") for c in benefits(plan)}
    # a proof reads as a phrase too ('2주 도입입니다' is the claim '2주 도입' again, not its proof)
    said = [ko_phrase(p) if re_hangul(p) else p for p in proof_points(plan)]
    values = {value.lower(), (ko_phrase(value) if re_hangul(value) else value).lower()}
    proofs = [
        p
        for p in dict.fromkeys(said)
        if not any(p.lower().strip(" .") in v for v in values)
        and p.lower().strip(" .") not in claims
        and not _only_claims(p, claims)
    ]
    # a claim nothing proves has no proof point (the message house lists what to collect): the
    # plan's own retention ('92% of customers renew') proves that customers stay, which answers
    # the risk of changing, not the value proposition's promise (a task's time, a result)
    own = proofs[:1]
    out = [KeyMessage(persona=persona.name, message=value, proof_points=own)]
    for claim in benefits(plan):
        if claim.lower() in value.lower():
            continue
        related = [
            p for p in proofs
            if (_words(p) & _words(claim) or claim.lower() in p.lower()) and p.lower() not in claim.lower()
        ]  # fmt: skip
        out.append(KeyMessage(persona=persona.name, message=claim, proof_points=related[:2]))
        if len(out) >= 4:
            break
    return out


def fact_proof(plan: Plan) -> list[str]:
    """Proof from the fact sheet: the share of customers who stay a year (a yearly churn rate)
    and net revenue retention above 100%."""
    ko = plan.language == "ko"
    out = []
    churn = plan.fact("churn_rate")
    if churn is not None and isinstance(churn.value, (int, float)) and churn.period == "year" and 0 < churn.value < 50:  # fmt: skip
        kept = 100 - float(churn.value)
        # said with its source: the user's churn rate, not a survey or a published figure
        out.append(f"고객의 {kept:g}%가 매년 계약을 이어 갑니다(연 이탈률 {churn.value:g}% 기준)" if ko else f"{kept:g}% of customers renew every year (from the {churn.value:g}% annual churn)")  # fmt: skip
    nrr = plan.fact("net_revenue_retention")
    if nrr is not None and isinstance(nrr.value, (int, float)) and nrr.value > 100:
        out.append(f"순매출 유지율 {nrr.value:g}%" if ko else f"net revenue retention of {nrr.value:g}%")  # fmt: skip
    return out[:1]


def build_house(plan: Plan, m: Messaging, offline: bool = True) -> Messaging:
    """Key messages (offline only: a model's own stay), objection answers and the copy matrix."""
    if offline and plan.personas:
        m.key_messages = [km for p in plan.personas[:3] for km in key_messages(plan, p, m.value_proposition)]  # fmt: skip
    from assistant.interview.objection_answers import objection_answers

    said: list[
        tuple[str, str]
    ] = []  # the answers given so far: a later persona's same answer points back
    known = (benefits(plan), proof_points(plan), fact_proof(plan))
    m.objections = [o for p in plan.personas[:3] for o in objection_answers(plan, p, m.call_to_action, known, said)]  # fmt: skip
    m.matrix = copy_matrix(plan, m, benefits(plan), proof_points(plan))
    return m

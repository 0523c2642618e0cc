"""What may start the primary buyer looking, when the user did not say: the opportunity the market
analysis names ('Shopify Plus merchants outgrowing built-in reports'; '2027년 최저임금 인상과 노동법
개정으로 급여 오류 부담이 커짐'), shown on the buyer's card as the plan's own hypothesis to confirm in
interviews, not a role's typical list (directors read those as filler)."""

from __future__ import annotations

import re

from assistant.analysis.lists import SWOT_LABELS, labelled
from assistant.core.plan import Persona, Plan

_BUSINESS_BUYERS = {"b2b", "hr", "tax", "industrial", "home_services"}


_CHANGES = {"커지", "늘", "늘어나", "높아지", "오르", "많아지", "어려워지", "바뀌", "생기", "강화되", "커져", "증가하", "확대되", "빨라지", "복잡해지"}  # fmt: skip
# an opportunity that is the seller's own move ('launch an EU data centre', '일본 시장 진출')
_SELLER_MOVE = re.compile(
    r"^(?:to\s+)?(?:launch|expand|enter|open|build|add|hire|grow|partner|win|sell|offer|develop|introduce)\b|진출|출시|확보|개척|수주",
    re.I,
)


def _ko_trigger(text: str) -> str:
    """A Korean segment ('… 부담이 커진 50~300명 기업') as the change it names ('… 부담이 커짐'),
    read with Kiwi: the clause before the adnominal ending, in its noun form; a noun phrase or a
    list as written; '' when the clause describes the segment rather than a change."""
    from assistant.core.korean import noun_form, tokens

    toks = [t for t in tokens(text) if t.tag != "SF"]
    etm = [i for i, t in enumerate(toks) if t.tag == "ETM"]
    if not etm or etm[-1] == 0:
        return text
    i = etm[-1]
    stem = toks[i - 1]
    rest = toks[i + 1 :]
    # one noun phrase after the clause ('50~300명 기업'); a list ('…같은 신도시 입주, …') is kept
    if "," in text or not rest or not all(t.tag.startswith(("N", "SN", "SO", "XSN", "XPN")) for t in rest):  # fmt: skip
        return text  # the clause is not a modifier of the closing noun phrase
    # only a change the buyer lives through ('부담이 커진', '수요가 늘어난') is a trigger; another
    # clause ('경쟁사가 놓친 …', '엑셀을 쓰는 …') describes the segment, not what moves it
    if stem.form not in _CHANGES or stem.tag.endswith("-I"):
        return ""
    return text[: stem.start] + noun_form(stem.form)


def trigger_line(plan: Plan, p: Persona) -> str:
    """The card's line for the primary buyer whose triggers the user did not give; '' otherwise."""
    from assistant.analysis.market import infer_market

    if not plan.personas or p is not plan.personas[0] or "buying_triggers" not in p.typical:
        return ""
    # a business buyer starts looking when its market moves; a consumer market's opportunity is
    # the seller's (a new format, a trend), not what starts one person looking
    if infer_market(plan).industry not in _BUSINESS_BUYERS:
        return ""
    parts, _ = labelled(plan.section("mkt_market_analysis").content, SWOT_LABELS)
    opportunity = " ".join(str(parts.get("o", "")).split()).rstrip(" .")
    if len(opportunity) < 8 or _SELLER_MOVE.search(opportunity):
        return ""
    if plan.language == "ko":
        said = _ko_trigger(opportunity)
        return (
            f"- 알아보기 시작할 만한 계기(시장 분석의 기회, 인터뷰로 확인): {said}" if said else ""
        )
    if not _same_buyers(plan, p, opportunity):
        return (
            ""  # another group's change ('Shopify Plus merchants outgrowing …') is not this buyer's
        )
    return f"- What may start them looking (the market analysis' opportunity, to confirm in interviews): {opportunity}"  # fmt: skip


_STOP = {"with", "from", "that", "their", "them", "more", "than", "into", "over", "under", "about", "small", "large", "mid", "size", "sized"}  # fmt: skip


def _same_buyers(plan: Plan, p: Persona, opportunity: str) -> bool:
    """Whether an English opportunity written as 'buyers doing something' ('Shopify Plus
    merchants outgrowing built-in reports') names the card's own buyers: a word of the group before
    the verb appears in the card's role or the target market's answer. An opportunity that names
    no group ('new privacy rules for retailers' data') passes."""
    head = re.match(r"^(?P<who>.+?)\s+\w+ing\b", opportunity)
    if head is None:
        return True
    stem = lambda w: w.lower().rstrip("s")  # noqa: E731
    who = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", head.group("who"))} - _STOP
    if not who:
        return True
    theirs = " ".join([p.role, p.summary, plan.user_text("sales_target_market"), plan.user_text("mkt_audience_personas")])  # fmt: skip
    mine = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", theirs)}
    return bool(who & mine)

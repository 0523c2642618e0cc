"""What may start the primary buyer looking, when the user did not say: the opportunity the market
analysis names ('Shopify Plus merchants outgrowing built-in reports'; '2027년 최저임금 인상과 노동법
개정으로 급여 오류 부담이 커짐'), shown on the buyer's card as the plan's own hypothesis to confirm in
interviews, not a role's typical list (directors read those as filler)."""

from __future__ import annotations

from assistant.analysis.lists import SWOT_LABELS, labelled
from assistant.core.plan import Persona, Plan

_BUSINESS_BUYERS = {"b2b", "hr", "tax", "industrial", "home_services"}


def _ko_trigger(text: str) -> str:
    """A Korean segment ('… 부담이 커진 50~300명 기업') as the change it names ('… 부담이 커짐'),
    read with Kiwi: the clause before the adnominal ending, in its noun form; else as written."""
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
    if stem.tag.split("-")[0] not in ("VV", "VA") or stem.tag.endswith("-I"):
        return text
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
    if len(opportunity) < 8:
        return ""
    if plan.language == "ko":
        return f"- 알아보기 시작할 만한 계기(시장 분석의 기회, 인터뷰로 확인): {_ko_trigger(opportunity)}"
    return f"- What may start them looking (the market analysis' opportunity, to confirm in interviews): {opportunity}"  # fmt: skip

"""A complete persona card: the user's words first, then segment-typical entries from the
knowledge base for any field left empty (listed in `typical`, shown as 'typical - confirm' with their
page), never a bracket placeholder."""

from __future__ import annotations

import re

from assistant.core.plan import Persona, Plan
from assistant.core.typical import typical_entries
from assistant.interview.offer_words import INTEGRATION

_BUSINESS = re.compile(
    r"\b(?:directors?|managers?|head|vp|chief|officers?|lead|owners?|founders?|operators?|procurement|"
    r"company|companies|business(?:es)?|teams?|firms?|chains?|agency|agencies|clinics?|retailers?|merchants?|"
    r"contractors?|restaurants?|b2b|saas)\b"
    r"|팀장|담당자|대표|사장|기업|회사|운영자|매니저|이사|본부장|원장|점주|가맹점|사업자|자영업|구매 담당",
    re.I,
)
_ROLE_WORDS = (
    ("economic buyer", "최종 결재권자(예산·최종 결정)", re.compile(r"decides|signs|budget\s+owner|owns\s+the\s+budget|final\s+say|결정권|최종\s*결정|예산\s*권한", re.I)),
    # approving contracts above an amount: the budget's sign-off, not always the last signature
    # (at a small firm the chief executive often signs after finance)
    ("economic buyer", "결재권자(예산 승인)", re.compile(r"approves|결재|승인", re.I)),
    ("user", "실사용자", re.compile(r"uses\s+it|daily\s+user|end\s+user|hands-on|실무|실사용|직접\s*사용", re.I)),
    # recommending, not being recommended to ('동료의 추천을 구합니다' says where they look)
    ("influencer", "영향력자(추천·평가)", re.compile(r"recommends|influences|evaluates|shortlists|추천(?:하|해|합)|평가(?:하|해|합)|검토\s*후\s*추천", re.I)),
)  # fmt: skip
_OWNER = re.compile(r"\b(?:owners?|founders?|ceo|proprietors?)\b|대표|사장|점주|원장|창업자", re.I)
LIST_FIELDS = ("goals", "pains", "objections", "buying_triggers", "channels")


# a person buying for themselves: an office worker studying for an exam ('45세 회사원(사무직),
# 공인중개사를 준비'), a student, a parent; their employer is no buyer
_CONSUMER_SELF = re.compile(
    r"회사원|직장인|재직|수험생|준비생|취준생|학생|주부|부모|엄마|아빠|은퇴|"
    r"\b(?:students?|parents?|moms?|dads?|job\s+seekers?|exam\s+(?:candidates?|takers?)|commuters?|retirees?|homeowners?)\b",
    re.I,
)
_BUYER_ROLE = re.compile(
    r"\b(?:directors?|managers?|head\s+of|vp|chief|officers?|owners?|founders?|procurement|buyers?\s+at)\b"
    r"|팀장|담당자|대표|사장|운영자|이사|본부장|원장|점주|구매\s*담당",
    re.I,
)


def segment_of(persona: Persona, text: str) -> str:
    said = f"{persona.role} {text}"
    if _CONSUMER_SELF.search(said) and not _BUYER_ROLE.search(said):
        return "consumer"  # buys for themselves, whoever employs them
    return "b2b" if _BUSINESS.search(said) else "consumer"


_FINANCE = re.compile(r"\b(?:cfo|finance|financial|controller|accounting)\b|재무|회계|CFO", re.I)
_IT = re.compile(
    r"\bIT\b|\b(?:CIO|CTO|CISO)\b|\b[Ss]ecurity\b|\b[Tt]echnology\s+(?:lead|head|director)|전산|정보\s*보안|보안\s*(?:팀|담당)"
)


def function_of(persona: Persona) -> str:
    """The buying-committee function a card's role names: 'finance', 'it', 'owner' or ''."""
    role = f"{persona.name} {persona.role}"
    if _FINANCE.search(role):
        return "finance"
    if _IT.search(role):
        return "it"
    return "owner" if _OWNER.search(role) else ""


def complete_persona(persona: Persona, plan: Plan, text: str = "") -> Persona:
    """Fill the card's empty fields from the guide's typical entries for its segment."""
    lang = plan.language
    function = function_of(persona)  # a CFO, an IT lead or an owner buys for a business
    segment = "b2b" if function else segment_of(persona, text or persona.summary)
    entries, page = typical_entries(lang, segment, function)
    typical: list[str] = [f for f in persona.typical if f in LIST_FIELDS or f in ("decision_role", "quote")]  # fmt: skip
    if not persona.decision_role:
        said = next(
            (ko if lang == "ko" else en for en, ko, rx in _ROLE_WORDS if rx.search(text)), ""
        )
        if not said and _OWNER.search(persona.role):  # an owner decides and pays
            said = _ROLE_WORDS[0][1] if lang == "ko" else _ROLE_WORDS[0][0]
        persona.decision_role = said or (entries.get("decision_role") or [""])[0]
        if not said and persona.decision_role:
            typical.append("decision_role")
    for field in LIST_FIELDS:
        if not getattr(persona, field) and entries.get(field):
            setattr(persona, field, list(entries[field]))
            typical.append(field)
    if not persona.quote and persona.pains:
        pain = persona.pains[0].rstrip(".")
        if lang == "ko":
            from assistant.core.korean import copula, polite_ending

            spoken = polite_ending(pain)  # '…3일이 걸림' -> '…3일이 걸려요'
            persona.quote = (
                f"{spoken}. 이게 제일 먼저 풀고 싶은 문제예요." if spoken != pain
                else f"제일 먼저 풀고 싶은 건 {copula(pain)}."
            )  # fmt: skip
        else:
            persona.quote = f"{pain[:1].upper()}{pain[1:]} - that is what I want fixed first."
        typical.append("quote")
    persona.typical = list(dict.fromkeys(typical))
    persona.typical_source = page if persona.typical else ""
    return persona


# buying-committee roles an answer may name, with what they do (English, Korean)
_COMMITTEE = (
    (re.compile(r"\b(?:cfo|finance(?:\s+team)?|controller)\b|재무(?:팀|담당)?|회계팀|CFO", re.I), ("finance (CFO)", "재무 담당(CFO)")),
    # IT as a role ('IT reviews security', 'IT팀'), never as an industry ('IT 서비스 기업')
    (re.compile(r"\bIT\b(?!\s*(?:services?|companies|firms?|industry|서비스|기업|업계|업종|회사))(?=\s*(?:team|department|lead|manager|director|review|approv|sign|must|checks?|팀|부서|담당|검토|승인|에서|이|가)|\s*$)|\b(?:CIO|CTO)\b|\b[Ss]ecurity\s+(?:team|review)|보안\s*검토|전산(?:팀|실|담당)"), ("IT / security reviewer", "IT·보안 검토 담당")),
    (re.compile(r"\b(?:procurement|purchasing)\b|구매팀|구매\s*부서", re.I), ("procurement", "구매팀")),
    (re.compile(r"\b(?:legal|lawyers?)\b|법무", re.I), ("legal", "법무 담당")),
    (re.compile(r"\b(?:ceo|owner|founder|managing\s+director)\b(?=.{0,40}(?:approv|sign|decid|final))|대표(?:님)?(?:가|이)?\s*(?:최종|결재|승인|결정)", re.I), ("the owner / CEO who signs off", "최종 결재하는 대표")),
    (re.compile(r"\b(?:end\s+users?|technicians?|crews?|staff|agents?)\b(?=.{0,40}(?:use|adopt|app|daily))|실사용자|현장\s*직원|직원(?:들)?이\s*(?:쓰|사용)", re.I), ("the daily users", "매일 쓰는 실무자")),
)  # fmt: skip


_CHAMPION = (
    "champion (evaluates and recommends to the buyer)",
    "추천자(검토 후 결재권자에게 추천)",
)


def one_economic_buyer(personas: list[Persona], lang: str) -> list[Persona]:
    """When one card's own words make it the economic buyer ('signs contracts over $25K', '1,000만
    원 이상 계약을 승인'), a card whose role was only the typical default is the champion who
    brings the purchase to that buyer, not a second economic buyer."""
    buyer_en, buyer_ko = _ROLE_WORDS[0][0], _ROLE_WORDS[0][1]
    stated = [
        p for p in personas
        if p.decision_role in (buyer_en, buyer_ko, _ROLE_WORDS[1][1]) and "decision_role" not in p.typical
    ]  # fmt: skip
    if not stated:
        return personas
    for p in personas:
        typical_buyer = "economic buyer" in p.decision_role.lower() or "결재권자" in p.decision_role
        if p not in stated and "decision_role" in p.typical and typical_buyer:
            p.decision_role = _CHAMPION[1] if lang == "ko" else _CHAMPION[0]
    return personas


# an offer that works on the buyer's own systems brings their IT into the deal: INTEGRATION


def committee_roles(plan: Plan) -> list[str]:
    """Buying-committee roles the answers name that no persona covers yet ('the CFO signs off',
    'IT reviews security', '대표가 최종 결재'), in the plan's language."""
    return [role for role, _ in committee_gaps(plan)]


# the committee roles the knowledge base has typical entries for (by _COMMITTEE's order)
COMMITTEE_FUNCTIONS = {0: "finance", 1: "it", 4: "owner"}


def committee_gap_functions(plan: Plan) -> list[tuple[str, str, str]]:
    """(role, the words that bring it in, its typical-entries function or '') for each gap."""
    names = {names[plan.language == "ko"]: COMMITTEE_FUNCTIONS.get(n, "") for n, (_, names) in enumerate(_COMMITTEE)}  # fmt: skip
    return [(role, why, names.get(role, "")) for role, why in committee_gaps(plan)]


def committee_gaps(plan: Plan) -> list[tuple[str, str]]:
    """(role, the words that bring it in) for each buying-committee role no persona covers yet:
    named in the answers, or implied by an offer that runs on the buyer's own systems (IT)."""
    ko = plan.language == "ko"
    sections = ("mkt_audience_personas", "sales_target_market", "sales_strategy", "sales_tactics", "mkt_market_analysis", "mkt_strategy", "sales_offering")  # fmt: skip
    text = " ".join(plan.user_text(s) for s in sections)
    have = " ".join(f"{p.name} {p.role}" for p in plan.personas).lower()
    out = []
    for n, (pattern, names) in enumerate(_COMMITTEE):
        if pattern.search(have):
            continue
        found = pattern.search(text) or (INTEGRATION.search(text) if n == 1 else None)
        if found:
            out.append((names[ko], _around(text, found.start(), found.end())))
    return out[:3]


def _around(text: str, start: int, end: int) -> str:
    """The clause around a match, as the user wrote it."""
    left = max(text.rfind(c, 0, start) for c in ".;\n,") + 1
    rights = [i for i in (text.find(c, end) for c in ".;\n,") if i >= 0]
    return text[left : min(rights) if rights else len(text)].strip(" .")

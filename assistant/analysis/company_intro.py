"""The company's name from the sentence that introduces it ('We are Brightloom Analytics, a retail
analytics SaaS.', '저희 회사 피플로그는 …', '저희는 HR SaaS 스타트업 피플로그입니다'): read only from a
sentence that speaks of itself, so a competitor or a market named in an answer is never taken for
the company. Korean is read with Kiwi."""

from __future__ import annotations

import re

from assistant.core.korean import re_hangul, tokens

_NAME_WORD = r"(?:[A-Z0-9][\w&.'’+-]*|&|of|and|de|la)"
_NAME = rf"[A-Z0-9][\w&.'’+-]*(?:\s+{_NAME_WORD}){{0,5}}"
_EN_INTRO = (
    re.compile(rf"^\s*(?i:we\s+are|we['’]re)\s+({_NAME})\s*(?=[,(–—:]|\s-\s|\.(?:\s|$)|$)"),
    re.compile(rf"^\s*(?:here\s+)?at\s+({_NAME}),?\s+we\b", re.I),
    re.compile(
        rf"^\s*our\s+company,?\s+({_NAME}),?\s+(?:is|sells|makes|builds|runs|offers)\b", re.I
    ),
    re.compile(
        rf"^\s*i(?:['’]m|\s+am)\s+(?:the\s+|a\s+)?(?:co-?founder|founder|ceo|owner|head\s+of\s+\w+|"
        rf"(?:marketing|sales)\s+(?:manager|director|lead))\s+(?:of|at)\s+({_NAME})",
        re.I,
    ),
    re.compile(rf"^\s*i\s+(?:run|own|founded|co-founded)\s+({_NAME})", re.I),
)
_EN_KIND = {"B2B", "B2C", "D2C", "DTC", "SAAS", "SMB", "SME", "US", "UK", "EU"}
_EN_NOT_NAME = {"A", "An", "The", "We", "Our", "In", "On", "At", "Based", "Building", "Selling"}
# nouns that say what kind of business it is, not its name ('HR SaaS 스타트업 피플로그' is '피플로그')
_KO_KIND = {
    "회사", "기업", "스타트업", "업체", "브랜드", "팀", "서비스", "플랫폼", "솔루션", "법인", "가게",
    "매장", "쇼핑몰", "대행사", "에이전시", "제조사", "공급사", "스튜디오", "SaaS", "사", "곳",
}  # fmt: skip
_KO_SELF = {"저희", "우리", "당사", "폐사"}
# words a sentence about the speaker uses that are not a name ('저희는 적자입니다')
_KO_NOT_NAME = {
    "적자", "흑자", "초기", "성장", "단계", "고객", "시장", "매출", "제품", "직원", "영업", "마케팅",
    "본사", "목표", "올해", "작년", "내년", "규모", "중소기업", "대기업", "중견기업", "상장사",
}  # fmt: skip
_KO_NOUN = {"NNG", "NNP", "SL", "SH", "SN"}


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?。])\s+|\n+", text.strip(), maxsplit=1)[0] if text.strip() else ""


def _english(sentence: str) -> str | None:
    for pattern in _EN_INTRO:
        m = pattern.match(sentence)
        if m:
            name = m.group(1).strip(" .,'’")
            first = name.split()[0] if name.split() else ""
            if (
                first in _EN_NOT_NAME
                or name.upper() in _EN_KIND
                or re.search(r"-(?:based|owned|funded|led|first|focused)$", first, re.I)
                or not re.search(r"[A-Za-z]", name)
            ):
                return None
            return name
    return None


def _span(sentence: str, toks: list, i: int, j: int) -> str:
    """The text from token i to token j (inclusive), as the user wrote it."""
    return sentence[toks[i].start : toks[j].start + toks[j].len].strip()


def _korean(sentence: str) -> str | None:
    toks = tokens(sentence)
    if not toks or toks[0].form not in _KO_SELF:
        return None
    i = 1
    company = i < len(toks) and toks[i].form in ("회사", "기업", "브랜드")
    i += 1 if company else 0
    # '저희 회사 피플로그는 …': the name stands between 'our company' and the topic
    j = i
    while j < len(toks) and toks[j].tag in _KO_NOUN:
        j += 1
    if company and j > i and j < len(toks) and toks[j].tag in ("JX", "JKS"):
        words = [t.form for t in toks[i:j]]
        if words[-1] not in _KO_KIND and not _KO_NOT_NAME.intersection(words):
            return _span(sentence, toks, i, j - 1)
        return None
    # '저희는 (HR SaaS 스타트업) 피플로그입니다', '저희는 피플로그라는 회사입니다'
    if i < len(toks) and toks[i].tag == "JX":
        k = i + 1
        start = k
        while k < len(toks) and toks[k].tag in _KO_NOUN | {"XSN"}:
            if toks[k].form in _KO_KIND:
                start = k + 1  # the kind of business comes before the name
            k += 1
        if k < len(toks) and toks[k].tag == "VCP" and start < k and toks[k - 1].tag != "XSN":
            said = {t.form for t in toks[start:k]}
            if toks[k - 1].form not in _KO_KIND and not _KO_NOT_NAME & said:
                return _span(sentence, toks, start, k - 1)
    return None


# 'Brightloom Analytics: retail analytics SaaS for …', '피플로그 — 중소기업용 HR SaaS': a name, then
# what kind of business it is
_LABEL_INTRO = re.compile(r"^\s*([^:–—]{2,60}?)\s*(?::|\s[–—-]\s)\s*(.+)$")
_EN_BUSINESS = re.compile(
    r"\b(?:saas|software|platform|app|startup|company|business|brand|agency|studio|service|"
    r"provider|supplier|maker|manufacturer|retailer|store|shop|marketplace|firm|consultancy|"
    r"distributor|wholesaler|clinic|franchise|tool|contractor|vendor|bakery|cafe|producer)s?\b",
    re.I,
)
_KO_GENERIC = {
    "수도권",
    "메인",
    "서브",
    "지방",
    "전국",
    "해외",
    "국내",
    "예산",
    "가격",
    "채널",
    "페르소나",
    "타깃",
}
# heading words an answer opens with ('Trend: …', 'Primary buyer: …'), never a name
_NOT_A_NAME = re.compile(
    r"^(?:trends?|market|competitors?|competition|customers?|goals?|note|summary|product|"
    r"company|business|size|share|growth|segment|tam|sam|som|overview|background|context|"
    r"primary|secondary|main|key|target|budget|pricing|price|persona|audience|buyers?|"
    r"channels?|region|territor(?:y|ies)|us|usa|uk|eu|korea|north\s+america|"
    r"시장|경쟁사|경쟁|고객|목표|트렌드|추세|제품|회사|규모|개요|배경|요약|참고)\b",
    re.I,
)


_JUDGED = re.compile(
    r"\b(?:but|however|strong|weak|costly|expensive|cheap|pricey|leader|incumbent|rival|"
    r"competitor|alternative)\b|지만|하나|비싸|저렴|강점|약점|경쟁|대안|선두",
    re.I,
)


def _labelled(sentence: str) -> str | None:
    m = _LABEL_INTRO.match(sentence)
    if not m:
        return None
    name, rest = m.group(1).strip(" '\"’"), m.group(2)
    if _NOT_A_NAME.match(name) or len(name.split()) > 4 or re.search(r"[.,;!?%\d]", name):
        return None
    if re.search(r"\b(?:we|our|us|i)\b|우리|저희", rest, re.I):
        return None  # 'HubSpot — CRM platform we use' is a tool, not the company
    if not re_hangul(name) and not all(w[:1].isupper() for w in name.split()):
        return None  # a name is capitalised word by word ('Brightloom Analytics', 'Acme Co')
    if re_hangul(name) and (" " in name or name in _KO_GENERIC):
        return None  # '주 구매자', '수도권': a heading, not a one-word Korean name
    if _JUDGED.search(rest):
        return None  # 'Tableau: strong but costly BI software' weighs a competitor
    if re_hangul(rest):
        kinds = {t.form for t in tokens(rest[:120])} & _KO_KIND
        return name if kinds else None
    if not re.match(r"[A-Z0-9]", name) and not re_hangul(name):
        return None
    return name if _EN_BUSINESS.search(rest[:120]) else None


def company_from_intro(text: str, labelled: bool = True) -> str | None:
    """The company's name when the answer opens by introducing it, else None. `labelled=False`
    reads only sentences that speak of the company itself ('We are …'), not 'Name: what it is'."""
    sentence = _first_sentence(text)[:300]
    if not sentence:
        return None
    name = _korean(sentence) if re_hangul(sentence) else _english(sentence)
    name = name or (_labelled(sentence) if labelled else None)
    if name and 1 < len(name) <= 80:
        return name
    return None


def is_intro(sentence: str, company: str = "") -> bool:
    """A sentence that introduces the company: not a market trend or a fact about the market.
    With the plan's company known, a 'Name: what it is' line introduces it only when it names it."""
    name = company_from_intro(sentence)
    if name is None:
        return False
    labelled = _labelled(_first_sentence(sentence)[:300]) == name
    return not (labelled and company and name.casefold() != company.casefold())

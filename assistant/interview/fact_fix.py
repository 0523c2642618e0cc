"""Plain-word corrections of the fact sheet, in both languages, at any point of the interview:
"win rate is 20%", "수주율 20%", "churn is 2% a month", "team: 3 account executives",
"권역은 4개", "competitors: Acme, Beta". A correction is saved as a user fact (with the words
the user typed) and kept when the answers are read again; the analysis is then recomputed."""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.analysis.fact_reader import refresh_facts
from assistant.analysis.lists import list_items
from assistant.core.fact_sheet import Fact, fact_kind, fact_label
from assistant.core.plan import Plan
from assistant.goals.numbers import read_quantities

# what people call each fact (English, Korean); the longest name is tried first
_NAMES: dict[str, str] = {
    "mql_to_sql_rate": r"mql\s*(?:to|→|->|-)\s*sql(?:\s*(?:rate|conversion(?:\s*rate)?|전환율))?|sql\s*전환율",
    "sql_to_won_rate": r"win\s*rate|close\s*rate|closing\s*rate|sql\s*(?:to|→|->|-)\s*(?:won|win|close|customer|계약|수주)(?:\s*(?:rate|전환율))?|수주율|성공률|계약\s*전환율",
    "lead_to_customer_rate": r"lead\s*(?:to|→|->)\s*customer(?:\s*rate)?|리드\s*(?:→|->)?\s*고객\s*전환율",
    "gross_margin": r"gross\s*margin|margin|매출\s*총이익률|총이익률|마진율?",
    "churn_rate": r"(?:monthly\s+|annual\s+|yearly\s+)?churn(?:\s*rate)?|(?:월\s*|연간?\s*)?(?:이탈률|해지율)",
    "take_rate": r"take\s*rate|수수료율",
    "repeat_rate": r"repeat(?:\s*purchase)?\s*rate|재구매율",
    "sales_budget": r"sales\s*budget|영업\s*예산",
    "marketing_budget": r"(?:marketing\s*)?budget|(?:마케팅\s*)?예산",
    "average_order_value": r"average\s*order\s*value|aov|객단가|평균\s*주문\s*금액",
    "average_deal_size": r"(?:average\s*)?deal\s*size|acv|(?:average\s*)?contract\s*value|평균\s*거래\s*(?:규모|금액)|평균\s*계약\s*금액",
    "price": r"price|pricing|가격|요금|구독료",
    "revenue_base": r"revenue\s*base|current\s*(?:revenue|arr|mrr)|starting\s*(?:revenue|arr)|매출\s*기준값?|현재\s*(?:매출|ARR)",
    "quota_carrying_sellers": r"team|quota[- ]carrying\s*sellers|sellers|account\s*executives|aes|sales\s*reps|팀|영업\s*담당자(?:\s*수)?|할당\s*영업(?:\s*인원)?|영업\s*인원",
    "quota_per_seller": r"quota(?:\s*per\s*seller)?|할당량|쿼터",
    "sales_cycle_days": r"sales\s*cycle|영업\s*(?:주기|사이클)",
    "territory_count": r"number\s*of\s*territories|권역\s*수|권역|지역\s*수",
    "competitors": r"competitors|competition|경쟁사|경쟁\s*업체",
    "revenue_model": r"revenue\s*model|business\s*model|수익\s*모델|매출\s*구조|비즈니스\s*모델",
    "territories": r"territories|regions|권역\s*목록",
    "market_size": r"market\s*size|size\s*of\s*the\s*market|시장\s*규모",
    "market_growth": r"market\s*growth(?:\s*rate)?|시장\s*성장률|시장\s*성장",
}  # fmt: skip
_HOME = {"marketing_budget": "mkt_budget", "quota_carrying_sellers": "sales_team_structure",
         "competitors": "mkt_market_analysis", "territories": "sales_territories_channels",
         "territory_count": "sales_territories_channels", "price": "mkt_mix_4p",
         "sales_budget": "sales_strategy", "market_size": "mkt_market_analysis",
         "market_growth": "mkt_market_analysis"}  # fmt: skip
_MARK = r"(?:(?:actually|correction|fix|no|sorry|정정|수정|아니(?:요|오)?|참고로)\s*[:,]?\s*)?"
_TAIL = r"(?:\s*(?:입니다|이에요|예요|이다|임|야|(?:으)?로\s*(?:바꿔|수정해|고쳐|해)\s*(?:주세요|줘|주십시오)?|(?:으)?로\s*정정(?:해\s*주세요)?))?\s*[.!。]?\s*$"  # fmt: skip
_PATTERN = re.compile(
    rf"^{_MARK}(?:(?:the|our)\s+)?(?P<name>{'|'.join(f'(?:{v})' for v in sorted(_NAMES.values(), key=len, reverse=True))})"
    rf"\s*(?:is|are|was|=|:|：|should\s+be|은|는|이|가|을|를)?\s*(?:actually\s+)?(?P<value>[^:：\n]{{1,120}}?){_TAIL}",
    re.I,
)
_MONTH = re.compile(r"a\s+month|per\s+month|/\s*mo(?:nth)?|monthly|월", re.I)
_YEAR = re.compile(r"a\s+year|per\s+year|/\s*y(?:ea)?r|annual|yearly|연간?|년", re.I)
_ORDER = re.compile(r"per\s+order|an\s+order|주문당|건당", re.I)
_MODEL_WORDS = {"subscription": r"subscri|구독", "take_rate": r"take|commission|수수료",
                "transactional": r"transaction|order|주문|거래\s*단위", "services": r"service|용역|서비스"}  # fmt: skip
_IS_MARKED = re.compile(r"^(?:actually|correction|fix|no|sorry|정정|수정|아니)", re.I)


class FactFix(BaseModel):
    id: str
    value: float | str | list[str]
    unit: str = ""
    period: str = ""
    words: str


def _which(name: str) -> str:
    return next(fid for fid, rx in _NAMES.items() if re.fullmatch(rx, name.strip(), re.I))


def parse_fact_fix(text: str, plan: Plan, cursor: str | None) -> FactFix | None:
    """A fact stated on its own ('win rate is 20%'), or None. At the question a fact belongs to,
    a first statement is that section's answer, not a correction."""
    m = _PATTERN.match(text.strip())
    if m is None or len(text) > 160:
        return None
    fid = _which(m.group("name"))
    raw = m.group("value").strip()
    if plan.fact(fid) is None and not _IS_MARKED.match(text.strip()) and _HOME.get(fid) == cursor:
        return None
    team = re.fullmatch(r"team|팀", m.group("name").strip(), re.I) is not None
    if team:  # 'team: 3 account executives', never 'team: we hire two more reps in Q2'
        from assistant.analysis.fact_reader import _SELLERS_EN, _SELLERS_KO

        sellers = _SELLERS_EN.search(raw) or _SELLERS_KO.search(raw)
        if sellers is None or re.search(
            r"\b(?:hire|hiring|add|adding|plan|will)\b|채용|충원|예정", raw, re.I
        ):
            return None
        raw = sellers.group(0)
    colon = re.search(r"[:：]", text[m.end("name") : m.start("value")]) is not None
    if fact_kind(fid) == "list" and not colon and len(list_items(raw, plan.language)) < 2:
        return None  # 'Competitors are not a big worry' is a remark, not a list
    return value_fix(plan, fid, raw, text.strip(), several=team)


def value_fix(plan: Plan, fid: str, raw: str, words: str, several: bool = False) -> FactFix | None:
    """A new value for fact `fid` as typed ('20%', '$150,000', '2% a month', '4개', 'A, B'),
    read with the one number reader; None when it is not a value of that kind."""
    kind = fact_kind(fid)
    existing = plan.fact(fid)
    if kind == "list":
        items = list_items(raw, plan.language)
        return FactFix(id=fid, value=items, words=words) if items else None
    if kind == "text":
        model = next((k for k, rx in _MODEL_WORDS.items() if re.search(rx, raw, re.I)), None)
        return FactFix(id=fid, value=model, words=words) if model else None
    if kind == "%" and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", raw):
        raw = f"{raw.strip()}%"  # a bare number typed in a percentage cell
    found = [q for q in read_quantities(raw) if not q.cadence]
    if not found or (len(found) > 1 and not several):
        return None  # "MQL to SQL 35%, SQL to won 20%" is an answer with two facts
    q = found[0]
    period = "month" if _MONTH.search(raw) else "order" if _ORDER.search(raw) else "year" if _YEAR.search(raw) else ""  # fmt: skip
    if kind == "%":
        if q.unit != "%":
            return None
        return FactFix(id=fid, value=q.value, unit="%", period=period if fid == "churn_rate" else "", words=words)  # fmt: skip
    if kind == "money":
        if q.kind != "money" and not existing and not plan.budget.currency:
            return None
        unit = (
            q.unit if q.kind == "money" else (existing.unit if existing else plan.budget.currency)
        )
        return FactFix(id=fid, value=q.value, unit=unit, period=period, words=words)
    if q.unit in ("%",) or q.kind == "money":
        return None
    if fid == "sales_cycle_days":
        days = q.value * (7 if re.search(r"week|주", raw, re.I) else 30 if re.search(r"month|개월|달", raw, re.I) else 1)  # fmt: skip
        return FactFix(id=fid, value=days, unit="days", words=words)
    unit = {"quota_carrying_sellers": "sellers", "territory_count": "territories", "quota_per_seller": "deals"}.get(fid, "")  # fmt: skip
    return FactFix(id=fid, value=q.value, unit=unit, words=words)


def apply_fact_fix(plan: Plan, fix: FactFix) -> str:
    """Save the correction as a user fact, keep the plan's own tables in step, and say what
    changed (old value -> new value) in the plan's language."""
    from assistant.interview.plan_update import refresh_summaries
    from assistant.interview.readout import fact_text, value_text

    old = plan.fact(fix.id)
    section = old.section if old else _HOME.get(fix.id, "")
    fact = Fact(
        id=fix.id, label=fact_label(fix.id, plan.language), value=fix.value, unit=fix.unit or (old.unit if old else ""),
        period=fix.period or (old.period if old else ""), section=section, source="user", quote=fix.words, corrected=True,
    )  # fmt: skip
    if fix.id == "marketing_budget" and isinstance(fix.value, float):
        b = plan.budget
        b.total, b.currency = fix.value, fact.unit or b.currency
        for line in b.lines:
            if line.share is not None:
                line.amount = fix.value * line.share / 100
    plan.facts = [f for f in plan.facts if f.id != fix.id] + [fact]
    refresh_facts(plan)
    refresh_summaries(plan)
    plan.touch()
    lang = plan.language
    new = fact_text(fact, lang)
    was = value_text(old, lang) if old else ""
    if lang == "ko":
        return (
            f"사실 시트를 고쳤습니다: {new}"
            + (f" (이전: {was})" if was else "")
            + ". 분석을 다시 계산했습니다."
        )
    return (
        f"Fact sheet updated: {new}"
        + (f" (was {was})" if was else "")
        + ". The analysis is recomputed."
    )

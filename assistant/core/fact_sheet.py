"""The plan's fact sheet: every number and list the analysis, review, summaries, exports and
prompts use, each with its unit, period, where it came from and the user's own words.

A fact is read once from an answer (or a sales history, a document, a correction), shown to the
user, and corrected in plain words or in the Facts tab. A corrected fact is kept when the answers
are read again; a default says which knowledge-base page it comes from."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

FactSource = Literal["user", "sales history", "default", "computed", "llm", "document"]
FactValue = float | str | list[str]

# id -> (English label, Korean label, unit kind). The unit kind says how a value is written:
# "%" a percentage, "money" an amount in the plan's currency, "count" a number, "days",
# "text" a word from a closed list, "list" a list of names.
FACT_KINDS: dict[str, tuple[str, str, str]] = {
    "revenue_model": ("Revenue model", "수익 모델", "text"),
    "marketing_budget": ("Marketing budget", "마케팅 예산", "money"),
    "sales_budget": ("Sales budget", "영업 예산", "money"),
    "mql_to_sql_rate": ("MQL→SQL rate", "MQL→SQL 전환율", "%"),
    "sql_to_won_rate": ("SQL→won rate (win rate)", "SQL→계약 전환율(수주율)", "%"),
    "lead_to_customer_rate": ("Lead→customer rate", "리드→고객 전환율", "%"),
    "stage_rates": ("Rates between your sales stages", "영업 단계별 전환율", "list"),
    "average_deal_size": ("Average deal size (per customer per year)", "평균 거래 규모(고객당 연간)", "money"),
    "price": ("Price", "가격", "money"),
    "gross_margin": ("Gross margin", "매출총이익률", "%"),
    "churn_rate": ("Churn rate", "이탈률", "%"),
    "net_revenue_retention": ("Net revenue retention (NRR)", "순매출 유지율(NRR)", "%"),
    "revenue_base": ("Revenue base (where the revenue goal starts)", "매출 기준값(매출 목표의 출발점)", "money"),
    "recurring_base": ("Recurring revenue in the base (what churn is lost from)", "기준 매출 중 반복 매출(이탈이 적용되는 매출)", "money"),
    "expansion_revenue": ("Expansion revenue expected from existing customers", "기존 고객 확장 매출(기대)", "money"),
    "stated_bridge": ("Your revenue bridge (from the base to the goal)", "직접 쓴 매출 브리지(기준값에서 목표까지)", "list"),
    "quota_carrying_sellers": ("Quota-carrying sellers", "할당 영업 인원", "count"),
    "sales_cycle_days": ("Sales cycle", "영업 주기", "days"),
    "take_rate": ("Take rate", "수수료율", "%"),
    "average_order_value": ("Average order value", "평균 주문 금액", "money"),
    "volume_per_customer": ("Transaction volume per customer", "고객당 거래액", "money"),
    "outlet_sales": ("Sales per outlet (store, location)", "매장당 매출", "money"),
    "repeat_rate": ("Repeat purchase rate", "재구매율", "%"),
    "quota_per_seller": ("Quota per seller (new deals a year)", "1인당 할당(연간 신규 거래)", "count"),
    "territory_count": ("Territories", "권역 수", "count"),
    "market_size": ("Market size", "시장 규모", "money"),
    "market_growth": ("Market growth", "시장 성장률", "%"),
    "competitors": ("Competitors", "경쟁사", "list"),
    "territories": ("Territory names", "권역", "list"),
    # computed by the analysis from the facts above (never typed in)
    "cac": ("Customer acquisition cost (CAC)", "고객 획득 비용(CAC)", "money"),
    "ltv": ("Customer lifetime value (LTV)", "고객 생애 가치(LTV)", "money"),
    "payback_months": ("CAC payback", "CAC 회수 기간", "months"),
    "deals_per_seller": ("New deals per quota seller", "할당 영업 1인당 신규 거래", "count"),
    "new_business": ("New business from the goals", "목표에서 나오는 신규 매출", "money"),
}  # fmt: skip
PERIODS = ("month", "year", "order", "quarter", "")
REVENUE_MODELS = ("subscription", "transactional", "take_rate", "services")


class Fact(BaseModel):
    """One fact: `{"id", "label", "value", "unit", "period", "section", "source", "quote"}`
    (plus `page` for a document and `corrected` once the user fixed it)."""

    id: str
    label: str = ""
    value: FactValue
    unit: str = ""  # "%", a currency code, "days", "months", or the counted noun
    period: str = (
        ""  # "month" | "year" | "order" | "unit" (per load, visit, project) | "quarter" | ""
    )
    section: str = ""  # the plan section it was read from (or belongs to)
    source: FactSource = "user"
    quote: str = ""  # the user's words (user), the knowledge page (default), the passage (document)
    page: int | None = None
    document: str = ""  # the file a document fact was read from
    corrected: bool = False  # fixed by the user in plain words or in the Facts tab

    def contract(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id, "label": self.label, "value": self.value, "unit": self.unit,
            "period": self.period, "section": self.section, "source": self.source,
            "quote": self.quote,
        }  # fmt: skip
        if self.page is not None:
            out["page"] = self.page
        if self.document:
            out["document"] = self.document
        return out


def fact_label(fact_id: str, lang: str) -> str:
    en, ko, _ = FACT_KINDS.get(fact_id, (fact_id, fact_id, ""))
    return ko if lang == "ko" else en


def fact_kind(fact_id: str) -> str:
    return FACT_KINDS.get(fact_id, ("", "", "text"))[2]


def find_fact(facts: list[Fact], fact_id: str) -> Fact | None:
    return next((f for f in facts if f.id == fact_id), None)


def fact_number(facts: list[Fact], fact_id: str) -> float | None:
    """A numeric fact's value, or None when the sheet has none (or it is not a number)."""
    f = find_fact(facts, fact_id)
    if f is None or isinstance(f.value, (str, list)):
        return None
    return float(f.value)


def merge_facts(read: list[Fact], kept: list[Fact]) -> list[Fact]:
    """The sheet after the answers were read again: what the user corrected (and facts from
    other sources the reader does not produce) stays; everything else is the fresh reading."""
    keep = [f for f in kept if f.corrected or f.source in ("sales history", "document", "llm")]
    ids = {f.id for f in keep if f.corrected}
    fresh = [f for f in read if f.id not in ids]
    # a user's reading wins over a document's for the same id
    fresh_ids = {f.id for f in fresh}
    keep = [f for f in keep if f.corrected or f.id not in fresh_ids]
    order = {fid: n for n, fid in enumerate(FACT_KINDS)}
    return sorted([*keep, *fresh], key=lambda f: order.get(f.id, len(order)))


# a price per unit of work or goods ('$2,000 per load', '$110 per visit', '대당 1억 2천만 원')
PER_UNIT = re.compile(
    r"(?:per|an?|each|/)\s*(?P<en>load|shipment|visit|session|treatment|appointment|job|detail|project|install(?:ation)?|unit|item|piece|ticket|delivery|service\s+call|truck(?:load)?|house|home|vehicle|car|patient)\b"
    r"|(?P<ko>회|대|개|케이스|시술|방문|프로젝트|현장|동|채|세트)\s*당|1\s*(?P<ko1>회|대|동|채)\s",
    re.I,
)


def per_unit_word(quote: str, ko: bool) -> str:
    """The unit a per-unit price is stated for, in the user's word: 'load', '대당'."""
    m = PER_UNIT.search(quote)
    if m is None:
        return "건당" if ko else "unit"
    if m.group("en"):
        return m.group("en").lower()
    word = m.group("ko") or m.group("ko1")
    return f"{word}당" if ko else "unit"

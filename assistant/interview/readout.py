"""'I read: …' after an answer: the facts the plan took from it (rates, budget, team, territories,
competitors, 4P), in the reader's language, so a misreading is seen at once (and the section
answered again). Goal answers have their own read-back (goals/readback)."""

from __future__ import annotations

import re

from assistant.analysis.lists import mix_4p, team_roles
from assistant.core.fact_sheet import Fact, fact_kind, fact_label, per_unit_word
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount

_P_NAMES = {"product": ("product", "제품"), "price": ("price", "가격"), "place": ("place", "유통"),
            "promotion": ("promotion", "판촉")}  # fmt: skip
_PERIOD = {"month": ("/month", "/월"), "year": ("/year", "/년"), "order": ("/order", "/주문")}
_KO_PERIOD = {"month": "월", "year": "연", "order": "주문당"}
_SHORT = {"mql_to_sql_rate": ("MQL→SQL", "MQL→SQL"), "sql_to_won_rate": ("SQL→won", "SQL→계약"),
          "lead_to_customer_rate": ("lead→customer", "리드→고객"),
          "average_deal_size": ("deal size", "평균 거래 규모"),
          "quota_carrying_sellers": ("quota sellers", "할당 영업"),
          "sales_cycle_days": ("sales cycle", "영업 주기")}  # fmt: skip
_MODEL_NAMES = {"subscription": ("subscription", "구독"), "transactional": ("per order", "주문 단위"),
                "take_rate": ("take rate", "수수료"), "services": ("services", "서비스·용역")}  # fmt: skip


def fact_text(fact: Fact, lang: str) -> str:
    """'MQL→SQL 35%', 'deal size $9,000/year', 'churn 2%/month' — a fact as the reader says it."""
    ko = lang == "ko"
    known = fact_label(fact.id, lang)  # the label in the reader's language, when the sheet has one
    name = _SHORT[fact.id][ko] if fact.id in _SHORT else known if known != fact.id else fact.label
    if not ko:
        name = name[:1].lower() + name[1:] if name[:3] not in ("MQL", "SQL") else name
    return f"{name} {value_text(fact, lang)}"


def value_text(fact: Fact, lang: str) -> str:
    """A fact's value with its unit and period: '35%', '$9,000/year', '2%/month', '4명'."""
    ko = lang == "ko"
    v = fact.value
    if isinstance(v, list):
        return ", ".join(v)
    if isinstance(v, str):
        return _MODEL_NAMES.get(v, (v, v))[ko]
    kind = fact_kind(fact.id)
    if kind == "%":
        value = f"{v:g}%"
    elif kind == "money":
        value = format_amount(v, fact.unit, lang)
    elif kind == "days":
        value = f"{v:g}일" if ko else f"{v:g} days"
    else:
        value = f"{v:g}" + ("명" if ko and fact.unit == "sellers" else "개" if ko else "")
    period = _PERIOD.get(fact.period, ("", ""))[ko] if kind in ("%", "money") and fact.id != "average_order_value" else ""  # fmt: skip
    if fact.id in ("average_deal_size", "marketing_budget", "sales_budget"):
        period = ""
    if fact.period == "unit" and kind == "money":  # '$2,000/load', '대당 1억 2,000만 원'
        word = per_unit_word(fact.quote, ko)
        return f"{word} {value}" if ko else f"{value}/{word}"
    if ko and period:  # Korean puts the period first: '월 2만 9,000원', '월 3%'
        return f"{_KO_PERIOD[fact.period]} {value}"
    return f"{value}{period}"


def read_items(plan: Plan, section_id: str, lang: str = "") -> list[str]:
    """What this section's answer gave the fact sheet, one short item each, in `lang` (the
    reader's: a Korean answer under an English plan is read back in Korean)."""
    lang = lang or plan.language
    ko = lang == "ko"
    items: list[str] = []
    if section_id == "sales_team_structure":
        for r in team_roles(plan)[:6]:
            quota = (" (할당)" if ko else " (quota)") if r["quota_carrying"] else ""
            items.append(f"{r['role']} {r['count']}{'명' if ko else ''}{quota}")
    for fact in plan.facts:
        if fact.section != section_id or fact.source not in ("user", "document"):
            continue
        if section_id == "sales_team_structure" and fact.id == "quota_carrying_sellers" and items:
            continue
        if fact.id == "marketing_budget" and plan.budget.lines:
            n = len(plan.budget.lines)
            total = format_amount(float(fact.value), fact.unit, lang)  # type: ignore[arg-type]
            items.append(f"예산 {total}(항목 {n}개)" if ko else f"budget {total} in {n} lines")
            continue
        if fact.id == "competitors" and isinstance(fact.value, list):
            items.append(("경쟁사 " if ko else "competitors: ") + ", ".join(fact.value[:6]))
            continue
        if fact.id == "territories" and isinstance(fact.value, list):
            items.append(("권역 " if ko else "territories: ") + ", ".join(fact.value))
            continue
        if fact.id == "territory_count" and plan.fact("territories"):
            continue
        items.append(fact_text(fact, lang))
    if section_id == "mkt_mix_4p":
        given = [_P_NAMES[k][ko] for k, v in mix_4p(plan).items() if v]
        if given:
            items.append("4P: " + ", ".join(given))
    return [re.sub(r"\s+", " ", i).strip() for i in items]

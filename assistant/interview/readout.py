"""'I read: …' after an answer: the facts the plan took from it (rates, budget, team, territories,
competitors, 4P), in the reader's language, so a misreading is seen at once (and the section
answered again). Goal answers have their own read-back (goals/readback)."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import RATE_PATTERNS
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount
from assistant.interview.lists import competitor_list, mix_4p, team_roles, territories

_RATE_NAMES = {
    "mql_to_sql": ("MQL→SQL", "MQL→SQL 전환율"), "win_rate": ("win rate", "수주율"),
    "lead_to_customer": ("lead→customer", "리드→고객 전환율"),
    "gross_margin": ("gross margin", "매출총이익률"),
}  # fmt: skip
_P_NAMES = {"product": ("product", "제품"), "price": ("price", "가격"), "place": ("place", "유통"),
            "promotion": ("promotion", "판촉")}  # fmt: skip


def read_items(plan: Plan, section_id: str) -> list[str]:
    """What this section's answer gave the plan, one short item each."""
    ko = plan.language == "ko"
    text = plan.section(section_id).content
    items: list[str] = []
    for key, pattern in RATE_PATTERNS.items():
        if m := pattern.search(text):
            items.append(f"{_RATE_NAMES[key][ko]} {float(m.group(1)):g}%")
    if section_id == "mkt_budget" and plan.budget.total:
        total = format_amount(plan.budget.total, plan.budget.currency, plan.language)
        lines = len(plan.budget.lines)
        items.append(
            f"예산 {total}" + (f"(항목 {lines}개)" if lines else "")
            if ko
            else f"budget {total}" + (f" in {lines} lines" if lines else "")
        )
    if section_id == "sales_team_structure":
        for r in team_roles(plan)[:6]:
            quota = (" (할당)" if ko else " (quota)") if r["quota_carrying"] else ""
            items.append(f"{r['role']} {r['count']}{'명' if ko else ''}{quota}")
    if section_id == "sales_territories_channels":
        names = [str(t["name"]) for t in territories(plan)]
        if names:
            items.append(("권역 " if ko else "territories: ") + ", ".join(names))
    if section_id == "mkt_market_analysis":
        rivals = competitor_list(plan)
        if rivals:
            items.append(("경쟁사 " if ko else "competitors: ") + ", ".join(rivals[:6]))
    if section_id == "mkt_mix_4p":
        given = [_P_NAMES[k][ko] for k, v in mix_4p(plan).items() if v]
        if given:
            items.append(("4P: " if not ko else "4P: ") + ", ".join(given))
    return [re.sub(r"\s+", " ", i).strip() for i in items]


def read_line(plan: Plan, section_id: str) -> str:
    """One line, or '' when the answer gave no facts the plan reads."""
    items = read_items(plan, section_id)
    if not items:
        return ""
    if plan.language == "ko":
        title = plan.title(section_id)
        return "읽은 내용: " + " · ".join(items) + f" _(다르면 '이동 {title}' 후 다시 답해 주세요)_"
    title = plan.title(section_id)
    return (
        "I read: "
        + " · ".join(items)
        + f" _(if that is wrong, type 'goto {title}' and answer again)_"
    )

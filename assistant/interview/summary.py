"""Offline executive summaries, drafted from the plan's other sections."""

from __future__ import annotations

import re

from assistant.core.catalogue import document_order, get_section
from assistant.core.plan import Plan

_SOURCES = {
    "mkt_executive_summary": [
        "mkt_market_analysis", "mkt_audience_personas", "mkt_positioning_messaging",
        "mkt_strategy", "mkt_channels", "mkt_budget",
    ],
    "sales_executive_summary": [
        "sales_target_market", "sales_offering", "sales_strategy", "sales_team_structure",
        "sales_forecast",
    ],
}  # fmt: skip
_GOALS = {"mkt_executive_summary": "mkt_objectives", "sales_executive_summary": "sales_objectives"}


def _first_sentence(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    first = re.split(r"(?<![ap]\.m\.)(?<=[.!?。])\s(?=[A-Z가-힣])", text, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def draft_summary(plan: Plan, summary_id: str) -> str:
    """A short overview: goals, then one line from each key section that has content."""
    lang = plan.language
    lines: list[str] = []
    who = plan.company or ("우리 회사" if lang == "ko" else "The company")
    kind = get_section(summary_id).plan
    if lang == "ko":
        lines.append(f"{who}의 {'마케팅' if kind == 'marketing' else '판매'} 계획 요약입니다.")
    else:
        lines.append(f"This is the summary of {who}'s {kind} plan.")
    goals = plan.goals_in(_GOALS[summary_id])
    if goals:
        lines.append("\n**" + ("핵심 목표" if lang == "ko" else "Key goals") + "**\n")
        lines += [f"- {g.text}" for g in goals[:5]]
        lines.append("")
    in_plan = set(document_order(plan.plan_type))
    for sid in _SOURCES[summary_id]:
        if sid not in in_plan:
            continue
        content = plan.section(sid).content.strip()
        if sid == "sales_forecast" and plan.forecast is not None and plan.forecast.points:
            total = sum(p.value for p in plan.forecast.points)
            content = content or (
                f"예측 합계 {total:,.0f} ({plan.forecast.model})"
                if lang == "ko"
                else f"Forecast total {total:,.0f} ({plan.forecast.model})"
            )
        if content:
            lines.append(f"- **{plan.title(sid)}:** {_first_sentence(content)}")
    if len(lines) == 1:
        lines.append(
            "다른 섹션을 채우면 요약이 자동으로 갱신됩니다."
            if lang == "ko"
            else "The summary fills in as the other sections are answered."
        )
    return "\n".join(lines)

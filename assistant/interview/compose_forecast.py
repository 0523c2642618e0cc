"""The sales forecast the user states ('$4.9M in Q1, … $20.8M in total', '1분기 13억 원 …') as a
table by quarter, its sum checked against the stated total, and set against the revenue goal
and the revenue bridge's landing (like for like: a year's revenue against a year's goal)."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import PlanAnalysis, plan_year, revenue_goal
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount, read_quantities
from assistant.interview.compose import _table

_MONEY = r"[$€£₩]\s?\d[\d,.]*\s*(?:k|m|mn|million|b|bn|billion)?|\d[\d,.]*\s*(?:조|억|만)(?:\s*\d[\d,.]*\s*(?:억|만))?\s*원"  # fmt: skip
_EN = re.compile(rf"(?P<amt>{_MONEY})\s+(?:in|for)\s+(?P<q>Q[1-4])\b|\b(?P<q2>Q[1-4])\s*[:=-]?\s*(?P<amt2>{_MONEY})", re.I)  # fmt: skip
_KO = re.compile(rf"(?P<q>[1-4])\s*분기\s*(?:에는|는|은|:)?\s*(?:약\s*)?(?P<amt>{_MONEY})")


def stated_quarters(text: str) -> list[tuple[int, float, str]]:
    """(quarter, amount, currency) for each quarter the answer gives a figure for, in order."""
    out: dict[int, tuple[float, str]] = {}
    for m in [*_EN.finditer(text), *_KO.finditer(text)]:
        q = m.groupdict().get("q") or m.groupdict().get("q2") or ""
        amount = m.groupdict().get("amt") or m.groupdict().get("amt2") or ""
        money = [x for x in read_quantities(amount) if x.kind == "money"]
        if money and q:
            out.setdefault(int(q[-1]), (money[0].value, money[0].unit))
    return [(q, v, u) for q, (v, u) in sorted(out.items())]


def stated_forecast_markdown(plan: Plan, analysis: PlanAnalysis) -> str:
    text = plan.user_text("sales_forecast")
    quarters = stated_quarters(text)
    if len(quarters) < 2:
        return ""
    ko, lang = plan.language == "ko", plan.language
    cur = quarters[0][2]
    total = sum(v for _, v, _ in quarters)
    money = lambda v: format_amount(v, cur, lang)  # noqa: E731
    year = plan_year(plan)
    rows = [[f"{year}년 {q}분기" if ko else f"Q{q} {year}", money(v)] for q, v, _ in quarters]
    rows.append(["합계" if ko else "Total", money(total)])
    parts = [_table(["분기", "예상 매출"] if ko else ["Quarter", "Expected revenue"], rows)]
    checks: list[str] = []
    rev = revenue_goal(plan)
    if rev is not None and rev[2] == cur and len(quarters) == 4:
        gap = rev[1] - total
        if abs(gap) > rev[1] * 0.005:
            checks.append(
                (f"예상 매출 합계 {money(total)}는 매출 목표 {money(rev[1])}보다 {money(abs(gap))} "
                 + ("적습니다. 목표를 조정하거나 차이를 메울 활동을 계획하세요." if gap > 0 else "많습니다."))
                if ko else
                (f"The forecast totals {money(total)}, {money(abs(gap))} "
                 + (f"short of the {money(rev[1])} revenue goal: close the gap or restate the goal." if gap > 0
                    else f"above the {money(rev[1])} revenue goal."))
            )  # fmt: skip
        br = analysis.revenue
        if br.base is not None and br.gap is not None and br.goal is not None:
            landed = br.goal - br.gap
            if abs(landed - total) > total * 0.02:
                checks.append(
                    f"매출 연결(기준 - 이탈 + 신규 + 확장)로는 {money(landed)}입니다. 두 수치를 맞춰 보세요."
                    if ko else f"The revenue bridge (base - churn + new + expansion) lands at {money(landed)}; reconcile the two."
                )  # fmt: skip
    if checks:
        parts.append("\n".join(f"- {c}" for c in checks))
    notes = [
        s.strip()
        for s in re.split(r"(?<=[.!?。])\s+|\n+", text)
        if s.strip() and not (_EN.search(s) or _KO.search(s))
    ]
    if notes:
        parts.append(f"**{'답변의 가정' if ko else 'Assumptions you stated'}:** " + " ".join(notes))
    return "\n\n".join(parts)

"""The sales forecast the user states ('$4.9M in Q1, … $20.8M in total', '1분기 13억 원 …') as a
table by quarter, its sum checked against the stated total, and set against the revenue goal
and the revenue bridge's landing (like for like: a year's revenue against a year's goal)."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import PlanAnalysis, plan_year, revenue_goal
from assistant.analysis.plan_goals import customers_at_pace
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount, read_quantities
from assistant.interview.compose import _table

_MONEY = r"[$€£₩]\s?\d[\d,.]*\s*(?:k|m|mn|million|b|bn|billion)?|\d[\d,.]*\s*(?:조|억|만)(?:\s*\d[\d,.]*\s*(?:억|만))?\s*원?"  # fmt: skip
_EN = re.compile(rf"(?P<amt>{_MONEY})\s+(?:in|for)\s+(?P<q>Q[1-4])\b|\b(?P<q2>Q[1-4])\s*[:=-]?\s*(?P<amt2>{_MONEY})", re.I)  # fmt: skip
_KO = re.compile(rf"(?P<q>[1-4])\s*(?:분기|Q)\s*(?:에는|는|은|:)?\s*(?:약\s*)?(?P<amt>{_MONEY})")


def stated_quarters(text: str, currency: str = "") -> list[tuple[int, float, str]]:
    """(quarter, amount, currency) for each quarter the answer gives a figure for, in order
    ('Q1 $4.6M', '1분기 13억 원', '1Q 10.5억' in a won plan)."""
    out: dict[int, tuple[float, str]] = {}
    for m in [*_EN.finditer(text), *_KO.finditer(text)]:
        q = m.groupdict().get("q") or m.groupdict().get("q2") or ""
        amount = m.groupdict().get("amt") or m.groupdict().get("amt2") or ""
        money = [
            x if x.kind == "money" else x.model_copy(update={"kind": "money", "unit": "KRW"})
            for x in read_quantities(amount)
            if x.is_money_in(currency)
        ]
        if money and q:
            out.setdefault(int(q[-1]), (money[0].value, money[0].unit))
    return [(q, v, u) for q, (v, u) in sorted(out.items())]


def stated_forecast_markdown(plan: Plan, analysis: PlanAnalysis) -> str:
    text = plan.user_text("sales_forecast")
    rev = revenue_goal(plan)
    quarters = stated_quarters(text, rev[2] if rev is not None else "")
    if len(quarters) < 2:
        return proposed_forecast_markdown(plan, analysis) if not text.strip() else ""
    ko, lang = plan.language == "ko", plan.language
    cur = quarters[0][2]
    total = sum(v for _, v, _ in quarters)
    money = lambda v: format_amount(v, cur, lang)  # noqa: E731
    year = plan_year(plan)
    rows = [[f"{year}년 {q}분기" if ko else f"Q{q} {year}", money(v)] for q, v, _ in quarters]
    rows.append(["합계" if ko else "Total", money(total)])
    parts = [_table(["분기", "예상 매출"] if ko else ["Quarter", "Expected revenue"], rows)]
    checks: list[str] = []
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
        parts.append(
            f"**{'예측의 전제' if ko else 'What the forecast assumes'}:** " + " ".join(notes)
        )
    return "\n\n".join(parts)


def proposed_forecast_markdown(plan: Plan, analysis: PlanAnalysis) -> str:
    """With no forecast given and no sales history, the plan's own new business by quarter:
    the new-customer goal spread evenly (whole customers) at the plan's revenue per customer,
    marked as proposed, with what the funnel's rates say beside it."""
    from assistant.analysis.plan_goals import customer_goal, deal_size

    customers = customer_goal(plan)
    size = deal_size(plan)
    if customers is None or size is None or customers[1] < 4:
        return ""
    ko, lang = plan.language == "ko", plan.language
    total, (per, cur, _) = round(customers[1]), size
    year = plan_year(plan)
    counts = [total // 4 + (1 if q < total % 4 else 0) for q in range(4)]
    money = lambda v: format_amount(v, cur, lang)  # noqa: E731
    # a deal-size goal grown from a base ('from $14,000 to $17,000') rises through the year
    start = _deal_base(plan, per, cur)
    sizes = [start + (per - start) * (q + 1) / 4 for q in range(4)] if start else [per] * 4
    rows = [
        [f"{year}년 {q + 1}분기" if ko else f"Q{q + 1} {year}", format_amount(n, "", lang), money(n * sizes[q])]
        for q, n in enumerate(counts)
    ]  # fmt: skip
    new_total = sum(n * sizes[q] for q, n in enumerate(counts))
    rows.append(["합계" if ko else "Total", format_amount(total, "", lang), money(new_total)])
    head = ["분기", "신규 고객", "신규 매출(연 기준)"] if ko else ["Quarter", "New customers", "New business (a year's value)"]  # fmt: skip
    lead = (
        f"제안: 답변에 예측이 없어 계획의 목표로 계산했습니다. 신규 고객 {format_amount(total, '', lang)}곳을 "
        + (f"네 분기에 고르게 나누고 고객당 연 매출을 {money(start)}에서 {money(per)}까지 분기마다 올려 곱했습니다. " if start
           else f"네 분기에 고르게 나누고 고객당 연 매출 {money(per)}을 곱했습니다. ")
        + "파이프라인을 보고 분기별 수치로 바꿔 주세요."
        if ko
        else f"Proposed: no forecast was given, so this is the plan's own goal: {total:,} new customers spread evenly over "
        + (f"the four quarters, with the deal size rising from {money(start)} to {money(per)} by the last quarter. " if start
           else f"the four quarters at {money(per)} a year each. ")
        + "Replace it with your pipeline's view by quarter."
    )  # fmt: skip
    parts = [lead, _table(head, rows)]
    end = customers_at_pace(plan, analysis.funnel[-1].volume) if len(analysis.funnel) > 1 else None
    if end is not None and end < total * 0.95:
        parts.append(
            f"- 계획의 전환율로는 신규 고객이 약 {format_amount(round(end), '', lang)}곳(약 {money(about(round(end) * new_total / total))})입니다. 리드 목표나 전환율을 올리지 않으면 이 예측은 목표에 못 미칩니다."
            if ko
            else f"- At the plan's conversion rates the funnel yields about {round(end):,} customers ({money(about(round(end) * new_total / total))}): without more leads or better rates this forecast falls short."
        )  # fmt: skip
    return "\n\n".join(parts)


def _deal_base(plan: Plan, target: float, currency: str) -> float | None:
    """Where a deal-size goal starts ('from $14,000 to $17,000'), when the deal size is its target."""
    for goal in plan.goals:
        f = goal.frame
        if (
            f is not None
            and f.kpi == "average_deal_size"
            and f.target is not None
            and f.baseline is not None
            and f.target.value == target
            and f.baseline.unit in (currency, "")
            and 0 < f.baseline.value < target
        ):
            return float(f.baseline.value)
    return None

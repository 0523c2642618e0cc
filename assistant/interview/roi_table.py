"""The marketing ROI on each basis the plan speaks of, side by side: the stated expected ROI, all
the goals' new business for a year, the sales forecast's new contracts for a year and what they
earn within the plan year - on revenue and, where a margin is stated or typical, on gross profit.
One table instead of four ROI figures scattered through sentences."""

from __future__ import annotations

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def roi_rows(plan: Plan, analysis: PlanAnalysis) -> tuple[list[str], list[list[str]]] | None:
    """(header, rows) with at least two bases, else None (one ROI needs no reconciling)."""
    from assistant.analysis.budget import goals_revenue, goals_revenue_words, gross_margin_used
    from assistant.analysis.plan_analysis import roi_percent, roi_text
    from assistant.interview.forecast_proposal import earned_in_year, proposal

    b = plan.budget
    if not b.total or not b.expected_roi:
        return None
    ko, lang, year = plan.language == "ko", plan.language, _year(plan)
    cost = b.total
    bases: list[tuple[str, float]] = [
        (
            "계획에 적힌 기대 ROI" if ko else "The stated expected ROI",
            cost * (1 + roi_percent(b.expected_roi, roi_text(plan)) / 100),
        ),  # fmt: skip
    ]
    if (nb := goals_revenue(analysis.revenue)) and abs(nb - bases[0][1]) > cost * 0.01:
        words = goals_revenue_words(analysis.revenue, ko)
        bases.append((f"{words}(1년 치)" if ko else f"{words[:1].upper()}{words[1:]}, a year", nb))
    p = None if plan.user_text("sales_forecast").strip() else proposal(plan, analysis)
    if p is not None and p.from_funnel and p.new_business:
        bases.append(("영업 예측의 신규 계약(1년 치)" if ko else "The forecast's new contracts, a year", p.new_business))  # fmt: skip
    if earned := earned_in_year(plan, analysis):
        bases.append(
            # the new contracts only (expansion is not timed within the year): said in the label
            (
                f"신규 계약이 {year}년 안에 버는 매출"
                if ko
                else f"New contracts' revenue within {year}",
                about(earned),
            )
        )
    if len(bases) < 2:
        return None
    margin = gross_margin_used(plan)
    money = lambda v: format_amount(v, b.currency, lang)  # noqa: E731
    pct = lambda v: f"{v:.0f}%"  # noqa: E731
    head = ["기준", "셈한 매출", "ROI(매출 기준)"] if ko else ["Basis", "Revenue counted", "ROI on revenue"]  # fmt: skip
    if margin:
        head.append(f"ROI(이익 기준, 매출총이익률 {margin:g}%)" if ko else f"ROI on gross profit ({margin:g}% margin)")  # fmt: skip
    rows = []
    for name, revenue in bases:
        row = [name, money(about(revenue)), pct((revenue - cost) / cost * 100)]
        if margin:
            row.append(pct((revenue * margin / 100 - cost) / cost * 100))
        rows.append(row)
    return head, rows


def _year(plan: Plan) -> int:
    from assistant.analysis.plan_goals import plan_year

    return plan_year(plan)

"""Budget and calendar checks: shares add to 100%, amounts add to the total, ROI projection,
seasonal moments and months left empty before a peak. Pure functions."""

from __future__ import annotations

from assistant.analysis.months import _MONTHS_EN, month_of
from assistant.core.plan import Plan

__all__ = ["month_of"]  # one reader of month names, used by the calendar checks


def budget_issues(plan: Plan) -> list[str]:
    """Problems in the budget, in the plan's language ('' list when it adds up)."""
    b = plan.budget
    ko = plan.language == "ko"
    issues: list[str] = []
    shares = [ln.share for ln in b.lines if ln.share is not None]
    if shares and abs(sum(shares) - 100) > 0.5:
        issues.append(
            f"예산 비중의 합이 {sum(shares):g}%입니다(100%여야 합니다)."
            if ko
            else f"Budget shares add up to {sum(shares):g}%, not 100%."
        )
    amounts = [ln.amount for ln in b.lines if ln.amount is not None]
    if (
        b.total
        and amounts
        and not shares
        and abs(sum(amounts) - b.total) > max(1.0, b.total * 0.005)
    ):
        issues.append(
            f"항목 금액의 합({sum(amounts):,.0f})이 총액({b.total:,.0f})과 다릅니다."
            if ko
            else f"Line amounts add up to {sum(amounts):,.0f}, but the total is {b.total:,.0f}."
        )
    return issues


def goals_revenue(bridge: object) -> float | None:
    """What the goals bring in a year: their new business plus the expansion the plan states (the
    revenue an ROI claim can count on besides lifetime value)."""
    new = getattr(bridge, "new_business_from_goals", None)
    if not new:
        return None
    return float(new) + float(getattr(bridge, "expansion", None) or 0.0)


def goals_revenue_words(bridge: object, ko: bool) -> str:
    """'all the new business the goals bring' (+ 'and expansion' when the plan states it)."""
    grows = bool(getattr(bridge, "expansion", None))
    if ko:
        return "목표의 신규·확장 매출 전체" if grows else "목표의 신규 매출 전체"
    return (
        "all the new business and expansion the goals bring"
        if grows
        else "all the new business the goals bring"
    )


def roi_supported(total: float, roi_pct: float, new_business: float | None) -> float | None:
    """The ROI the goals' new business supports, when the claimed ROI's revenue exceeds all of
    it: (new business - budget) / budget, in % (148% for $1,190,000 on a $480,000 budget)."""
    if not total or not new_business or total * (1 + roi_pct / 100) <= new_business * 1.05:
        return None
    return (new_business - total) / total * 100


def roi_projection(plan: Plan, new_business: float | None = None, words: str = "") -> str:
    """The revenue the expected ROI means; when that is more than all the new business the goals
    bring, the ROI those goals support."""
    b = plan.budget
    if not b.total or not b.expected_roi:
        return ""
    from assistant.analysis.plan_analysis import roi_percent, roi_text
    from assistant.goals.numbers import format_amount

    pct = roi_percent(b.expected_roi, roi_text(plan))
    returned = b.total * (1 + pct / 100)
    lang = plan.language
    cost, back = format_amount(b.total, b.currency, lang), format_amount(returned, b.currency, lang)
    ceiling = roi_supported(b.total, pct, new_business)
    more = ""
    if ceiling is not None and new_business:
        nb = format_amount(new_business, b.currency, lang)
        more = (
            f" 이는 {words or '목표의 신규 매출 전체'} 1년 치({nb})보다 많아, 목표의 첫해 매출로 보면 ROI는 최대 약 {ceiling:.0f}%입니다. 그보다 높으려면 계약의 다음 해 매출(고객 생애 가치)까지 세는 것이므로, 그렇다면 계획에 밝혀야 합니다."
            if lang == "ko"
            else f" That is more than a year of {words or 'all the new business the goals bring'} ({nb}): on the goals' first year the ROI is at most about {ceiling:.0f}%. More counts the contracts' later years (lifetime value), and the plan should then say so."
        )
    if lang == "ko":
        return f"ROI 전망: 기대 ROI {pct:g}%(ROI = (수익 - 비용) / 비용)이면 예산 {cost}으로 약 {back}의 기여 매출을 기대합니다.{more}{_on_gross_profit(plan, returned, lang)}"
    return f"ROI projection: an expected ROI of {pct:g}% (ROI = (return - cost) / cost) means about {back} of attributed revenue from a {cost} budget.{more}{_on_gross_profit(plan, returned, lang)}"


def gross_margin_used(plan: Plan) -> float | None:
    """The gross margin a return is counted on: the stated one, else a typical one for a
    subscription (named as an assumption where it is used); None for a shop or services firm
    whose margin is its own."""
    from assistant.analysis.plan_analysis import BENCHMARKS

    stated = plan.number("gross_margin")
    if stated and 0 < stated <= 100:
        return stated
    model = plan.fact("revenue_model")
    return (
        BENCHMARKS["gross_margin"][0]
        if model is not None and model.value == "subscription"
        else None
    )


def _on_gross_profit(plan: Plan, revenue: float, lang: str) -> str:
    """The same return counted on gross profit, as a CFO reads an ROI: at the stated margin, else
    at a typical one named as an assumption ((revenue x margin - cost) / cost)."""
    from assistant.analysis.plan_analysis import BENCHMARKS

    total = plan.budget.total or 0.0
    stated = plan.number("gross_margin")
    margin = stated if stated and 0 < stated <= 100 else BENCHMARKS["gross_margin"][0]
    if not total or not revenue:
        return ""
    model = plan.fact("revenue_model")
    if not stated and (model is None or model.value != "subscription"):
        # a shop's or a services firm's margin is its own: no typical figure stands in for it
        return (
            " 기대 ROI는 매출 기준입니다. 매출총이익률을 적으면 이익 기준 ROI도 계산합니다."
            if lang == "ko"
            else " The expected ROI counts revenue; state the gross margin to see it on gross profit."
        )
    on_profit = (revenue * margin / 100 - total) / total * 100
    if lang == "ko":
        basis = (
            f"매출총이익률 {margin:g}%로 계산한"
            if stated
            else f"매출총이익률을 흔한 수준인 {margin:g}%로 가정하면(실제 값을 적으면 바뀝니다)"
        )
        return f" 기대 ROI는 매출 기준입니다. {basis} 이익 기준 ROI는 약 {on_profit:.0f}%입니다((기여 매출 × 매출총이익률 - 비용) / 비용)."
    basis = (
        f"at the stated {margin:g}% gross margin"
        if stated
        else f"at a typical {margin:g}% gross margin (an assumption until you state yours)"
    )
    return f" The expected ROI counts revenue; on gross profit, {basis}, it is about {on_profit:.0f}% ((revenue × margin - cost) / cost)."


def calendar_notes(plan: Plan) -> list[str]:
    """Seasonal and industry moments, and peaks from the forecast with nothing planned before them."""
    ko = plan.language == "ko"
    from assistant.analysis.market import seasonal_events

    planned = {month_of(e.when) for e in plan.calendar} - {None}
    notes = []
    missing = [(m, name) for m, name in seasonal_events(plan) if m not in planned]
    if missing:
        names = ", ".join(
            f"{m}월 {name}" if ko else f"{_MONTHS_EN[m - 1].capitalize()}: {name}"
            for m, name in missing[:8]
        )
        notes.append(
            (
                "계획된 활동이 없는 계절·업계 시점: "
                if ko
                else "Seasonal and industry moments with nothing planned: "
            )
            + names
            + _ahead(missing[:8], ko)
        )
    peak = _forecast_peak_month(plan)
    if peak and not ({peak, (peak - 2) % 12 + 1} & planned):
        name = f"{peak}월" if ko else _MONTHS_EN[peak - 1].capitalize()
        notes.append(
            f"예측상 성수기는 {name}인데 그 달이나 직전 달에 계획된 활동이 없습니다."
            if ko
            else f"The forecast peaks in {name}, but nothing is planned in that month or the one before."
        )
    return notes


def _forecast_peak_month(plan: Plan) -> int | None:
    f = plan.forecast
    if f is None or f.frequency != "monthly" or not f.points:
        return None
    best = max(f.points, key=lambda p: p.value)
    return month_of(best.period)


def _ahead(missing: list[tuple[int, str]], ko: bool) -> str:
    """The recommendation for moments with nothing planned: an activity in the month before
    each, named by that month ('Recommended: an activity in September, ahead of it')."""
    before = list(dict.fromkeys((m - 2) % 12 + 1 for m, _ in missing))
    if ko:
        named = ", ".join(f"{m}월" for m in before)
        return f". 각 시점 한 달 전({named})에 그 시점을 겨냥한 활동을 두는 것을 권합니다."
    months = [_MONTHS_EN[m - 1].capitalize() for m in before]
    said = months[0] if len(months) == 1 else ", ".join(months[:-1]) + " and " + months[-1]
    one = len(missing) == 1
    return f". Recommended: an activity aimed at {'it' if one else 'each'} in the month before ({said})."

"""The budget section's ROI notes. When the Plan analysis holds the table of ROI on each basis,
the budget says one ROI, the one the plan tracks, in one note: the stated claim and the year's
cash are said beside it once, and the other bases (gross profit, within the plan year) are left
to the table. Without that table the projection and the in-year note stand as they are."""

from __future__ import annotations

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def budget_roi_notes(plan: Plan, analysis: PlanAnalysis) -> list[str]:
    """The notes under the budget table, in the plan's language ([] when no ROI is stated)."""
    from assistant.analysis.budget import goals_revenue, goals_revenue_words, roi_projection
    from assistant.interview.compose_forecast import roi_in_year_note
    from assistant.interview.kpi_money import roi_headline
    from assistant.interview.roi_table import roi_rows

    ko = plan.language == "ko"
    nb, words = goals_revenue(analysis.revenue), goals_revenue_words(analysis.revenue, ko)
    if roi_rows(plan, analysis):
        claim = _reconcile(plan, analysis) or _claim(plan, nb, words)
        # one note a thought: the ROI tracked, the stated claim's account, the year's cash
        if tracked := roi_headline(plan, analysis):
            return [x for x in (tracked, claim, _cash(plan, analysis)) if x]
    said = (roi_projection(plan, nb, words), roi_in_year_note(plan, analysis))
    return [x for x in said if x]


def _claim(plan: Plan, new_business: float | None, words: str) -> str:
    """The stated ROI's revenue, when it asks for more than a year of the goals' new business."""
    from assistant.analysis.budget import roi_supported
    from assistant.analysis.plan_analysis import roi_percent, roi_text

    b = plan.budget
    if not b.total or not b.expected_roi or not new_business:
        return ""
    pct = roi_percent(b.expected_roi, roi_text(plan))
    if roi_supported(b.total, pct, new_business) is None:
        return ""
    lang = plan.language
    back = format_amount(b.total * (1 + pct / 100), b.currency, lang)
    nb = format_amount(new_business, b.currency, lang)
    if lang == "ko":
        return fix_particles(f"예산의 기대 ROI {pct:g}%는 기여 매출 약 {back}을(를) 뜻해 {words} 1년 치({nb})보다 많으므로, 다음 해 이후의 매출(고객 생애 가치)까지 셀 때만 나오는 값이며 그렇다면 계획에 밝힙니다.")  # fmt: skip
    return f"The budget's {pct:g}% means about {back} of attributed revenue, more than a year of {words} ({nb}), so it holds only if it counts revenue from later years (lifetime value), which the plan should then say."  # fmt: skip


def _cash(plan: Plan, analysis: PlanAnalysis) -> str:
    """What the year's new contracts earn within the plan year, when most of the return comes
    later: the fact only (taking the cash sooner is the risk register's response)."""
    from assistant.analysis.plan_analysis import roi_percent, roi_text
    from assistant.interview.forecast_proposal import earned_in_year

    b = plan.budget
    earned = earned_in_year(plan, analysis)
    if not b.total or not b.expected_roi or earned is None:
        return ""
    if earned >= b.total * (1 + roi_percent(b.expected_roi, roi_text(plan)) / 100) * 0.9:
        return ""
    from assistant.interview.compose_forecast import plan_year

    year, got = plan_year(plan), format_amount(about(earned), b.currency, plan.language)
    # the fact only: how to take the cash sooner is the risk register's response, not said twice
    if plan.language == "ko":
        return f"{year}년 안에 인식되는 신규 계약 매출은 약 {got}이고, 나머지는 계약 기간에 걸쳐 다음 해에 들어옴."  # fmt: skip
    return f"Within {year} the year's new contracts earn about {got}; the rest is earned in {year + 1} as the contracts run."  # fmt: skip


def _reconcile(plan: Plan, analysis: PlanAnalysis) -> str:
    """When the tracked ROI is marketing's own customers' and the stated claim counts more, the
    claim's revenue set against the sum of its parts (`claim_parts`), with the gap said, so the
    two ROIs read as one account: '기대 ROI 300%에는 기여 매출 19억 2,000만 원이 필요함. 마케팅
    고객 매출 16억 2,000만 원과 확장 매출 4억 원을 더한 20억 2,000만 원(목표의 신규·확장 매출
    전체)보다 1억 원 적을 뿐이라, 이 매출을 거의 모두 이뤄야 나오는 값임'. '' otherwise."""
    from assistant.analysis.plan_analysis import roi_percent, roi_text
    from assistant.analysis.plan_goals import partner_customers
    from assistant.interview.roi_table import claim_parts, marketing_roi_below, shown_money

    b, ue = plan.budget, analysis.unit_economics
    ko, lang = plan.language == "ko", plan.language
    if not b.total or not b.expected_roi or ue.roi_pct is None:
        return ""
    if marketing_roi_below(plan, analysis, ue.roi_pct) is None:
        return ""
    found = claim_parts(plan, analysis, ko)
    if found is None:
        return ""
    own, partner_money, expansion, whole = found
    pct = roi_percent(b.expected_roi, roi_text(plan))
    claimed = b.total * (1 + pct / 100)
    partners = partner_customers(plan)
    m = lambda v: format_amount(shown_money(v), b.currency, lang)  # noqa: E731
    parts = [("마케팅 고객 매출 " if ko else "marketing's customers ") + m(own)]
    if partners and partner_money:
        n = f"{partners[0]:,.0f}"
        parts.append(f"파트너 고객 약 {n}곳 {m(partner_money)}" if ko else f"about {n} partner customers {m(partner_money)}")  # fmt: skip
    if expansion:
        parts.append(f"확장 매출 {m(expansion)}" if ko else f"expansion {m(expansion)}")
    if len(parts) < 2:
        return ""
    from assistant.analysis.budget import goals_revenue_words

    label = goals_revenue_words(analysis.revenue, ko)  # the ROI table's own row label
    gap = whole - claimed
    same = abs(gap) <= 0.01 * whole
    close = abs(gap) <= 0.1 * whole
    said = ", ".join(parts) if ko else ", ".join(parts[:-1]) + " and " + parts[-1]
    if ko:  # two sentences: what the claim needs, then how it sits against what the goals bring
        first = parts[0]
        rest = parts[1] if len(parts) == 2 else ", ".join(parts[1:-1]) + "와(과) " + parts[-1]
        need = f"기대 ROI {pct:g}%에는 기여 매출 {m(claimed)}이(가) 필요함."
        total = f"{first}와(과) {rest}을(를) 더한 {m(whole)}({label})"
        if same:
            return fix_particles(f"{need} {total}와(과) 같음.")
        if close:
            return fix_particles(f"{need} {total}보다 {m(abs(gap))} {'적을' if gap > 0 else '많을'} 뿐이라, 이 매출을 거의 모두 이뤄야 나오는 값임.")  # fmt: skip
        if gap > 0:  # the claim asks for less than the goals bring
            return fix_particles(f"{need} {total}보다 {m(gap)} 적어, 이 매출의 일부만 이뤄도 나오는 값임.")  # fmt: skip
        return fix_particles(f"{need} {total}보다 많아, 다음 해 이후의 매출까지 셀 때만 나옴.")  # fmt: skip
    if same:
        return f"The {pct:g}%'s attributed revenue, about {m(claimed)}, equals {label}, {m(whole)}: {said}."  # fmt: skip
    if close:
        return f"The {pct:g}%'s attributed revenue, about {m(claimed)}, is {m(abs(gap))} {'below' if gap > 0 else 'above'} {label}, {m(whole)} ({said}): the claim needs nearly all of it."  # fmt: skip
    if gap > 0:
        return f"The {pct:g}%'s attributed revenue, about {m(claimed)}, is {m(gap)} below {label}, {m(whole)} ({said}): part of it is enough for the claim."  # fmt: skip
    return f"The {pct:g}%'s attributed revenue, about {m(claimed)}, is more than {label}, {m(whole)} ({said}), so it holds only if it counts revenue from later years."  # fmt: skip

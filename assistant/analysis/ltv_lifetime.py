"""A subscription customer's lifetime in the LTV: 1 / churn, capped at a five-year horizon with
churn applied each period (month by month for a monthly churn, its year said compounded as the
revenue bridge says it), and the months of margin that pay back the CAC."""

from __future__ import annotations

from typing import Any

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.plan_goals import _monthly_churn
from assistant.core.plan import Plan

LIFETIME_CAP_YEARS = 5  # the longest customer lifetime an LTV counts on


def subscription_lifetime(
    plan: Plan, out: PlanAnalysis, annual: float, margin: float, benchmark: Any
) -> None:
    """LTV over the customer's lifetime (1 / annual churn) and the months of margin that pay CAC."""
    ko = plan.language == "ko"
    ue = out.unit_economics
    churn_m = _monthly_churn(plan)
    churn_fact = plan.fact("churn_rate")
    monthly = churn_m is not None and churn_fact is not None and churn_fact.period == "month"
    if churn_m is None:
        annual_churn = benchmark("annual_churn", "Annual churn", "연간 이탈률")
    else:
        annual_churn = churn_m * 12
    if annual_churn > 0:
        years = 100 / annual_churn
        if years > LIFETIME_CAP_YEARS:
            # low churn is no promise of a decade: the years a customer stays within a 5-year
            # horizon, churn applied each period ((1 - (1 - churn)^n) / churn); a monthly churn
            # is applied month by month, and its year said compounded, as the revenue bridge does
            if monthly and churn_m:
                from assistant.analysis.revenue_bridge import annual_from_monthly

                m = churn_m / 100
                kept = (1 - (1 - m) ** (12 * LIFETIME_CAP_YEARS)) / m / 12
                yearly = annual_from_monthly(churn_m)
                out.assumptions.append(
                    f"LTV의 고객 수명: {LIFETIME_CAP_YEARS}년 안에서 매달 이탈을 반영한 약 {kept:.1f}년입니다. 월 이탈률 {churn_m:g}%(복리로 연 {yearly:g}%)이면 1 / 월 이탈률로 {100 / churn_m:.0f}개월이지만, 5년 넘는 매출은 계획 근거로 삼기 어려워 5년까지만 산정합니다."
                    if ko
                    else f"Customer lifetime in LTV: about {kept:.1f} years, the time a customer stays within a {LIFETIME_CAP_YEARS}-year horizon at {churn_m:g}% churn a month ({yearly:g}% a year, compounded). 1 / monthly churn would be {100 / churn_m:.0f} months, longer than a plan can count on."
                )
            else:
                c = annual_churn / 100
                kept = (1 - (1 - c) ** LIFETIME_CAP_YEARS) / c
                out.assumptions.append(
                    f"LTV의 고객 수명: {LIFETIME_CAP_YEARS}년 안에서 매년 이탈을 반영한 약 {kept:.1f}년입니다. 연 이탈률 {annual_churn:g}%이면 1 / 이탈률로 {years:.1f}년이지만, 5년 넘는 매출은 계획 근거로 삼기 어려워 5년까지만 산정합니다."
                    if ko
                    else f"Customer lifetime in LTV: about {kept:.1f} years, the years a customer stays within a {LIFETIME_CAP_YEARS}-year horizon at {annual_churn:g}% churn a year. 1 / churn would be {years:.1f} years, longer than a plan can count on."
                )
            years = kept
        elif monthly and churn_m:
            out.assumptions.append(
                f"LTV의 고객 수명: 월 이탈률 {churn_m:g}%이면 평균 약 {100 / churn_m:.1f}개월(1 / 월 이탈률)입니다. LTV = 월 매출 × 매출총이익률 × 수명."
                if ko
                else f"Customer lifetime in LTV: at {churn_m:g}% churn a month a customer stays about {100 / churn_m:.1f} months on average (1 / monthly churn); LTV = monthly revenue x gross margin x lifetime."
            )
        ue.ltv = round(annual * margin / 100 * years, 2)
    if ue.cac is not None and annual > 0:
        ue.payback_months = round(ue.cac / (annual / 12 * margin / 100), 1)
        ue.monthly_margin = annual / 12 * margin / 100  # what a month of a customer pays back

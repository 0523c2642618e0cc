"""The free offer a strategy converts with ('a free payroll diagnosis', 'a free store health
check') as work to staff: one for each sales-qualified opportunity the funnel yields, so many a
year and a month, and so many a month for each seller who delivers it."""

from __future__ import annotations

import re

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.core.lang import fix_particles, singular_role
from assistant.core.plan import Plan

# one reading of a free first step, for the copy's button and the strategy's volume alike
_OFFER = re.compile(
    r"\bfree\s+(?:[\w-]+\s+){0,3}?(?:assessments?|audits?|diagnos[ei]s|diagnostics?|health\s*checks?|"
    r"consultations?|reviews?|analys[ie]s|pilots?|estimates?|quotes?|demos?)\b"
    r"|무료\s*(?:[가-힣]+\s*){0,2}?(?:진단|점검|컨설팅|분석|상담|감사|데모|견적)",
    re.I,
)


def free_offer(text: str) -> str:
    """The free offer a text names ('free payroll diagnosis', '무료 급여 진단'), or ''."""
    m = _OFFER.search(text)
    return " ".join(m.group(0).split()) if m else ""


def offer_volume_note(plan: Plan, section_id: str, a: PlanAnalysis | None = None) -> str:
    """'Free payroll diagnosis: one for each SQL is about 720 a year (about 60 a month), about 10
    a month for each of the 6 AEs …', or '' when the section names no free offer (said once: in
    the marketing strategy when a move names it, else in the sales strategy) or no SQL stage."""
    from assistant.analysis.plan_analysis import analyse
    from assistant.analysis.plan_goals import lead_pace
    from assistant.interview.pipeline_feed import quota_role

    offer = free_offer(plan.user_text(section_id))
    if section_id == "sales_strategy" and free_offer(plan.user_text("mkt_strategy")):
        return ""
    if not offer:
        return ""
    a = a or analyse(plan)
    sql = next(
        (s for s in a.funnel if re.search(r"\bSQL\b|opportunit|영업 기회", s.stage, re.I)), None
    )
    if sql is None or sql.volume < 12:
        return ""
    ko = plan.language == "ko"
    pace = lead_pace(plan)  # leads over 9 months read at a year's pace
    year = sql.volume * (pace[1] / pace[0] if pace else 1.0)
    month = year / 12
    sellers = quota_role(plan)
    count = int(str(sellers["count"])) if sellers else 0
    each = ""
    if sellers and count:
        each = (
            f", {sellers['role']} {count}명이면 1인당 월 약 {month / count:,.0f}건"
            if ko
            else f", about {month / count:,.0f} a month for each of the {count} {sellers['role']}"
        )
    # the owner's default: who runs it, from one template, back within five working days, with
    # its conversion measured (the seller of the deal unless the team names no seller)
    who = str(sellers["role"]) if sellers else ""
    if ko:
        runner = f"거래를 맡은 {who}이(가)" if who else "담당 영업 사원이"
        return fix_particles(
            f"{offer}: SQL마다 한 번이면 연 약 {year:,.0f}건(월 약 {month:,.0f}건){each}입니다. "
            f"{runner} 한 가지 표준 양식으로 결과를 만들어 5영업일 안에 전달하고, 결과를 받은 고객 중 체험·계약으로 넘어가는 비율을 CRM에서 매월 확인하는 것을 권합니다."
        )
    name = offer[:1].upper() + offer[1:]
    runner = f"the {singular_role(who)} who owns the deal" if who else "the deal's seller"
    return (
        f"{name}: one for each SQL is about {year:,.0f} a year (about {month:,.0f} a month){each}. "
        f"Recommended: {runner} prepares each from one standard template and sends it back within five working days, and the CRM counts each month how many turn into trials and deals."
    )

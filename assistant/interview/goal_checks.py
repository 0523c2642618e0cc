"""What the rest of the plan says about a goal's being achievable, shown under the goal beside
its SMART marks: the customers the funnel yields at the plan's rates (at the lead goal's pace),
this year's revenue when the stated quarters make the goal, and the content a goal counts on
that the content plan does not publish by its deadline. Each line is computed; none repeats the
goal's own words."""

from __future__ import annotations

import re

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.cadence import content_shortfalls
from assistant.analysis.plan_goals import customer_goal, customers_at_pace, revenue_goal
from assistant.analysis.plan_goals import plan_year as _yr
from assistant.analysis.revenue_bridge import in_year_landing
from assistant.analysis.stated_forecast import opening_above_base, quarters_make_the_goal
from assistant.core.lang import fix_particles
from assistant.core.plan import Goal, Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.goal_work import after_the_sale, care_overloaded
from assistant.interview.lead_rise import steep_rise


def achievable_doubt(plan: Plan, goal: Goal, a: PlanAnalysis) -> bool:
    """The plan's own numbers fall short of the goal (the funnel's customers, the year's revenue
    from its base, the content it counts on by its deadline) or its work cannot move it (an
    upsell after the sale for a deal-size goal): its SMART line shows A? beside the check that
    says why, so no mark contradicts the line under it."""
    n = plan.goal_number(goal)
    if any(s.goal == n for s in content_shortfalls(plan)) or after_the_sale(plan, goal):
        return True
    if steep_rise(plan, goal, a):  # half again above last year with nothing named to bring it
        return True
    if _level_pace(plan, goal):  # a quarter or more above its level, with no trend to judge it by
        return True
    if care_overloaded(plan, goal, a):  # a retention goal its customer success team cannot carry
        return True
    won = customer_goal(plan)
    if won is not None and won[0] is goal and len(a.funnel) > 1:
        short = customers_at_pace(plan, a.funnel[-1].volume) < won[1] * 0.95
        return short or _rests_on_doubtful_leads(plan, goal, a) is not None
    if _feeds_too_few(plan, goal, a):
        return True
    rev = revenue_goal(plan)
    if rev is not None and rev[0] is goal and quarters_make_the_goal(plan):
        landed = in_year_landing(plan, a.revenue)
        return landed is not None and landed < rev[1] * 0.98
    return False


def goal_checks(plan: Plan, goal: Goal, a: PlanAnalysis) -> list[str]:
    ko, lang = plan.language == "ko", plan.language
    n = plan.goal_number(goal)
    out: list[str] = []
    won = customer_goal(plan)
    if (lead_n := _rests_on_doubtful_leads(plan, goal, a)) is not None:
        out.append(
            f"계획상 전환율로는 목표 {lead_n}번의 리드로 채워지지만, 그 리드 목표 자체가 아직 확인할 점이 있음(목표 {lead_n}번 참고)."
            if ko
            else f"The funnel makes it from goal {lead_n}'s leads at the plan's rates, but that lead goal is itself still to confirm (see goal {lead_n})."
        )
    out += _partners_beyond(plan, goal, a)
    if won is not None and won[0] is goal and len(a.funnel) > 1:
        got = customers_at_pace(plan, a.funnel[-1].volume)
        if got < won[1] * 0.95:
            out.append(
                f"계획의 리드와 전환율로는 신규 고객이 약 {got:,.0f}곳으로 목표 {won[1]:,.0f}곳에 못 미칩니다."
                if ko
                else f"At the plan's leads and conversion rates the funnel yields about {got:,.0f} customers of the {won[1]:,.0f}."
            )
    short = _feeds_too_few(plan, goal, a)
    if short is not None:
        got, need, number = short
        from assistant.analysis.plan_goals import lead_pace
        from assistant.analysis.rate_words import rates_words

        paced = lead_pace(plan) is not None  # a 9-month goal is taken at its pace over the year
        # a goal of the sales plan is read before it appears: said where it is
        later = 0 < number <= len(plan.goals) and plan.goals[number - 1].section.startswith("sales") and goal.section.startswith("mkt")  # fmt: skip
        where = " (a sales goal, below)" if later else ""
        out.append(
            f"{rates_words(a, True)}로는 이 리드{'(같은 속도로 1년)' if paced else ''}에서 신규 고객이 약 {got:,.0f}곳 나와, 목표 {number}번의 {need:,.0f}곳에 못 미칩니다."
            if ko
            else f"At {rates_words(a, False)} these leads{', at their pace over the year,' if paced else ''} make about {got:,.0f} new customers, short of goal {number}'s {need:,.0f}{where}."
        )
    rev = revenue_goal(plan)
    if rev is not None and rev[0] is goal and quarters_make_the_goal(plan):
        landed = in_year_landing(plan, a.revenue)
        if landed is not None and landed < rev[1] * 0.98:
            m = format_amount(about(landed), rev[2], lang)
            # the quarters may open above last year's revenue: that is said, not hidden
            opened = opening_above_base(plan, a.revenue.base)
            out.append(
                (f"작년 매출에서 출발해 고객이 고르게 들어오면 {_yr(plan)}년 매출은 약 {m}입니다(분기 예측은 작년보다 높은 연초 매출을 전제로 합니다)." if opened
                 else f"고객이 한 해 동안 고르게 들어오면 {_yr(plan)}년 매출은 약 {m}입니다.")
                if ko
                else (f"Starting from last year's revenue with customers joining evenly, {_yr(plan)} revenue comes to about {m} (the quarters assume a higher opening than last year's revenue)." if opened
                      else f"If customers join evenly through the year, {_yr(plan)} revenue comes to about {m}.")
            )  # fmt: skip
    out += after_the_sale(plan, goal)
    out += steep_rise(plan, goal, a)
    said = _cadence_said(plan, goal)
    if said:
        out.append(said)
    for s in content_shortfalls(plan):
        if s.goal == n:
            out.append(
                f"콘텐츠 계획으로는 {s.year}년 {s.month}월까지 {s.name} {s.by_then}개로, 목표가 기대는 {s.need}개에 못 미칩니다."
                if ko
                else f"The content plan publishes {s.by_then} {s.name} by {_MONTHS[s.month - 1]} {s.year}, not the {s.need} this goal counts on."
            )
    # last: the line behind an A? comes first (the render labels the first check as the reason)
    out += _level_pace(plan, goal)
    out += care_overloaded(plan, goal, a)
    return out


def _partners_beyond(plan: Plan, goal: Goal, a: PlanAnalysis) -> list[str]:
    """The funnel alone meets the customer goal and the partners hand the sellers more besides:
    the two together are more than the goal, which the lead goal's decision settles."""
    from assistant.analysis.plan_goals import partner_customers

    won, found = customer_goal(plan), partner_customers(plan)
    if won is None or won[0] is not goal or found is None or len(a.funnel) < 2:
        return []
    funnel = customers_at_pace(plan, a.funnel[-1].volume)
    partners, share = found
    if funnel < won[1] * 0.95 or funnel + partners <= won[1] * 1.05:
        return []  # short already, or the two together about make the goal
    both = f"{funnel + partners:,.0f}"
    from assistant.analysis.lead_buffer import kept_for_revenue

    if kept_for_revenue(plan, a):  # the year's revenue needs them: the goal goes up
        return [
            f"파트너 추천 약 {partners:,.0f}곳({share:g}%)이 퍼널 밖에서 더해지면 약 {both}곳으로 목표보다 많음. 매출이 목표에 못 미치므로 이 목표를 약 {both}곳으로 올리는 것을 권함(승인 전에 정함: 요약의 '승인 전에 정할 것')."
            if plan.language == "ko"
            else f"Partner referrals, about {partners:,.0f} ({share:g}%), come on top from outside the funnel: about {both} in all, more than the goal. The revenue goal falls short, so raising this goal to about {both} is recommended (the summary's decisions before sign-off)."
        ]
    return [
        f"파트너 추천 약 {partners:,.0f}곳({share:g}%)이 퍼널 밖에서 더해지면 약 {both}곳으로 목표보다 많음. 리드 목표를 낮출지 고객 목표를 올릴지는 요약의 '승인 전에 정할 것'에서 정함."
        if plan.language == "ko"
        else f"Partner referrals, about {partners:,.0f} ({share:g}%), come on top from outside the funnel: about {both} in all, more than the goal. Whether the lead goal comes down or this goal goes up is the summary's decision before sign-off."
    ]


def _rests_on_doubtful_leads(plan: Plan, goal: Goal, a: PlanAnalysis) -> int | None:
    """The lead goal's number when this customer goal is met by the funnel from it, while the lead
    goal itself is in doubt (a steep rise with nothing named to bring it, a level pace with no
    trend, content it counts on that comes too late): the customer goal inherits that doubt."""
    from assistant.analysis.plan_goals import lead_goal

    leads, won = lead_goal(plan), customer_goal(plan)
    if leads is None or won is None or won[0] is not goal or len(a.funnel) < 2:
        return None
    if customers_at_pace(plan, a.funnel[-1].volume) < won[1] * 0.95:
        return None  # short already: that check says why
    n = plan.goal_number(leads[0])
    doubtful = bool(steep_rise(plan, leads[0], a) or _level_pace(plan, leads[0])) or any(
        s.goal == n for s in content_shortfalls(plan)
    )
    return n if doubtful else None


def _feeds_too_few(plan: Plan, goal: Goal, a: PlanAnalysis) -> tuple[float, float, int] | None:
    """(customers the lead goal makes at the plan's rates, the customer goal, its number) when
    this is the lead goal and it feeds fewer customers than the customer goal needs."""
    from assistant.analysis.plan_goals import lead_goal

    leads, won = lead_goal(plan), customer_goal(plan)
    if leads is None or won is None or leads[0] is not goal or len(a.funnel) < 2:
        return None
    got = customers_at_pace(plan, a.funnel[-1].volume)
    return (got, won[1], plan.goal_number(won[0])) if got < won[1] * 0.95 else None


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]  # fmt: skip


_GENERIC = frozenset({"고객", "customer", "customers", "series", "시리즈", "program", "프로그램"})
_SAID = {  # a cadence word in a goal and the period it names
    "week": r"\bweekly\b|\bevery\s+week\b|매주|주간",
    "month": r"\bmonthly\b|\bevery\s+month\b|매월|매달|월간",
    "quarter": r"\bquarterly\b|\bevery\s+quarter\b|분기별|분기마다",
}


def _cadence_said(plan: Plan, goal: Goal) -> str:
    """A goal that names a piece's cadence ('a monthly webinar series') the content plan runs at
    another ('2 a month'): the two must agree."""
    import re

    from assistant.analysis.cadence import cadence_text, recurring_items
    from assistant.analysis.text_words import words

    ko = plan.language == "ko"
    for period, rx in _SAID.items():
        m = re.search(rf"(?:{rx})\s*([\w가-힣]+(?:\s+[\w가-힣]+)?)", goal.text, re.I)
        if m is None:
            continue
        named = words(m.group(1)) - _GENERIC  # '고객 리뷰' and '고객 사례' share only '고객'
        for piece in recurring_items(plan.user_text("mkt_content_strategy")):
            if piece.routine or not piece.period or not (named & words(piece.name)):
                continue
            # running it less often than the goal names is a conflict; more often, the goal's
            # series is one of them, and the plan says what the others are for
            per_month = {"week": 52 / 12, "month": 1.0, "quarter": 1 / 3, "year": 1 / 12}
            runs_a_month = piece.count * per_month.get(piece.period, 1.0)
            more = runs_a_month > per_month[period] * 1.5
            if not more and runs_a_month >= per_month[period] * 0.99:
                continue
            runs = cadence_text(piece.count, piece.period, ko, name=piece.name)
            fix = (("목표의 시리즈는 그중 하나이므로, 나머지가 무엇을 위한 것인지 콘텐츠 계획에 밝혀 둡니다." if more else "둘을 맞춰야 합니다.") if ko
                   else ("the goal's series is one of them; say in the content plan what the others are for." if more else "make the two agree."))  # fmt: skip
            return (
                fix_particles(f"목표에 적힌 주기('{m.group(0).split()[0]} {piece.name}')와 달리 콘텐츠 계획의 {piece.name}은(는) {runs}입니다. {fix}")
                if ko
                else f"The goal says '{m.group(0).strip()}', but the content plan runs {piece.name.lower()} {runs}: {fix}"
            )  # fmt: skip
    return ""


_NOT_COUNTS = frozenset({"%", "pp", "x"})


def _level_pace(plan: Plan, goal: Goal) -> list[str]:
    """A level goal well above its stated level ('40,000 → 60,000 monthly visits by June'): the
    pace it asks for from the plan year's start, month by month, computed so the reader can set
    it beside the measure's own recent trend (which the plan does not state)."""
    from assistant.analysis.tracking import is_flow
    from assistant.goals.kpi import kpi_catalogue

    f = goal.frame
    if f is None or f.target is None or f.baseline is None or f.kpi == "leads" or not f.deadline:
        return []
    base, target, unit = f.baseline.value, f.target.value, f.target.unit
    kpi = kpi_catalogue().get(f.kpi or "")
    if (
        f.target.kind != "level" or base <= 0 or target / base < 1.25 or unit in _NOT_COUNTS
        or (kpi is not None and kpi.unit == "currency") or len(unit) == 3 and unit.isupper()
        or f.baseline.unit not in (unit, "") or is_flow(goal, kpi.unit if kpi else "count")
    ):  # fmt: skip
        return []
    for other in (customer_goal(plan), revenue_goal(plan)):
        if other is not None and other[0] is goal:
            return []
    from assistant.analysis.outlets import is_outlet_goal

    if is_outlet_goal(plan, goal):  # outlets open on a schedule of signed sites, not a trend
        return []
    try:
        year, month = int(f.deadline[:4]), int(f.deadline[5:7])
    except ValueError:
        return []
    months = (year - _yr(plan)) * 12 + month
    if not 1 <= months <= 36:
        return []
    ko, lang = plan.language == "ko", plan.language
    rise = (target / base - 1) * 100
    monthly = ((target / base) ** (1 / months) - 1) * 100
    said = lambda v: format_amount(v, unit, lang)  # noqa: E731
    means = (f.means or "").strip().rstrip(".")
    if ko:
        from assistant.core.lang import fix_particles

        # '노무 가이드를 발행해' is already a clause; '웨비나' is a noun that takes (으)로
        lead = (
            (means if re.search(r"(해|하여|해서|고|며)$", means) else f"{means}(으)로")
            if means
            else ""
        )
        adds = f"{lead} 늘어날 몫" if means else "새 활동으로 늘어날 몫"
        # the owner's default: check the trend in January, reset the target if it runs slower
        return [fix_particles(f"{said(base)} → {said(target)}은(는) {months}개월 동안 {rise:.0f}%로, 1월부터 매달 약 {monthly:.0f}%씩 늘어야 합니다. 계획에 최근 추이가 없으니 1월에 지난 {months}개월 증가율을 확인하고, 그 추세가 월 {monthly:.0f}%에 못 미치면 추세에 {adds}을(를) 더한 수준으로 목표를 조정하는 것을 권합니다.")]  # fmt: skip
    means = re.sub(r"^(?:by|through|via|with)\s+", "", means, flags=re.I)
    adds = f"what {means} adds" if means else "what the new work adds"
    return [f"{said(base)} → {said(target)} is +{rise:.0f}% in {months} months, about {monthly:.0f}% more every month from January. The plan states no recent trend: check the last {months} months' growth in January, and if it runs below {monthly:.0f}% a month, reset the target to that trend plus {adds} (recommended)."]  # fmt: skip


def recommended_suffix(plan: Plan, goal: Goal) -> str:
    """' (recommended: 1,050)' beside a lead goal's target when the plan recommends another
    figure: one number to measure against, the stated one beside it until the decision."""
    from assistant.analysis.lead_buffer import advised_lead_goal
    from assistant.analysis.plan_analysis import analyse
    from assistant.analysis.plan_goals import lead_goal

    leads = lead_goal(plan)
    if leads is None or leads[0] is not goal:
        return ""
    a = analyse(plan)
    rec = advised_lead_goal(plan, a)
    if not rec or abs(rec - leads[1]) < leads[1] * 0.05:
        return ""
    n = format_amount(about(rec), "", plan.language)
    return f"(제안: {n}건)" if plan.language == "ko" else f" (recommended: {n})"

"""A lead goal half again above last year's ('1,500건 → 2,400건', +60%): what the plan must say
brings the extra leads, in the goal's check, the marketing summary and the risk register. A goal
that names its means ('검색 광고와 월간 웨비나로') is asked how much more of them, not for a channel."""

from __future__ import annotations

import re

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.plan_goals import audience_list
from assistant.core.lang import fix_particles
from assistant.core.plan import Goal, Plan
from assistant.goals.numbers import about, format_amount


def steep_rise(plan: Plan, goal: Goal, a: PlanAnalysis) -> list[str]:
    """A lead goal more than half again above last year's ('1,500건 → 2,400건', +60%): the plan
    must say what brings the extra leads; at the plan's cost per lead, what they would cost."""
    f = goal.frame
    if f is None or f.kpi != "leads" or f.target is None or f.baseline is None:
        return []
    base, target = f.baseline.value, f.target.value
    if not base or base <= 0 or target / base < 1.5 or f.baseline.unit != f.target.unit:
        return []
    ko, lang = plan.language == "ko", plan.language
    extra = target - base
    rise = (target / base - 1) * 100
    from assistant.analysis.plan_goals import cost_per_lead

    each = cost_per_lead(plan, a.funnel[0].volume) if a.funnel else None  # the KPI table's basis
    # the extra leads' share of the budget at its cost per lead (new money only if it grew)
    # a monthly rate's leads need not be the funnel's (a parent's level test, not a franchise lead)
    from assistant.analysis.plan_goals import lead_goal

    # and another lead goal's cost per lead (an email list's, against the sales leads') is not this one's
    funnel_goal = lead_goal(plan)
    ours = funnel_goal is not None and funnel_goal[0] is goal
    cost = (
        format_amount(about(extra * each), plan.budget.currency, lang)
        if each and ours and not f.target.per_period
        else ""
    )
    said = lambda v: format_amount(v, "", lang) if ko else f"{v:,.0f}"  # noqa: E731
    means = goal_means(goal, ko)
    monthly = (
        f.target.per_period
    )  # '월 1,200건에서 2,000건으로': today's monthly rate, not last year's count
    # a list ('the email/SMS list from 62,000 to 110,000 contacts') is a level: today's, not last year's
    listed = audience_list(f)
    was_ko, was_en = ("지금 월", "today's") if monthly else ("지금", "today's") if listed else ("작년", "last year's")  # fmt: skip
    a_month_en = " a month" if monthly else ""
    # a goal that names its means ('검색 광고와 월간 웨비나로') has its channels: what is missing is
    # how much more of them brings the extra leads, not a channel
    missing = (
        (f"늘어나는 {'월 ' if monthly else ''}{said(extra)}건을 가져오려고 목표에 적힌 {means}을(를) {'지금' if monthly else '작년'}보다 얼마나 늘릴지(예산·횟수)는 아직 정하지 않았습니다" if means
         else f"늘어나는 {'월 ' if monthly else ''}{said(extra)}건을 가져올 새 예산이나 채널은 아직 정하지 않았습니다")
        if ko
        else (f"the goal names its means ({means}) but not how much more of it (spend, sessions) brings the extra {extra:,.0f}{a_month_en}" if means
              else f"no new spend or channel is named for the extra {extra:,.0f}{a_month_en}")
    )  # fmt: skip
    head = (
        fix_particles(f"{was_ko} {said(base)}건에서 {rise:.0f}% 늘리는 목표이고, {missing}")
        + (
            f"(계획의 리드당 비용으로 치면 약 {cost}이며, 올해 예산에 이미 들어 있는지는 작년 예산과 비교해 확인합니다)."
            if cost
            else "."
        )
        if ko
        else f"This is {rise:.0f}% above {was_en} {base:,.0f}{a_month_en}, and {missing}"
        + (
            f" (about {cost} at the plan's cost per lead; comparing this year's budget with last year's shows whether it already covers them)."
            if cost
            else "."
        )
    )
    # the owner's call, with its default: the lead goal the customer goal needs when the plan
    # recommends one, else the channel and spend to name before sign-off
    from assistant.analysis.lead_buffer import advised_lead_goal, kept_for_revenue

    rec = advised_lead_goal(plan, a)
    # what to settle for the extra leads: more of the goal's own means, or a channel for them
    what_ko, what_en = (("늘어나는 리드에 드는 예산과 횟수", "the spend and sessions for the extra leads") if means
                        else ("늘어나는 리드를 맡을 채널과 예산", "the channel and spend for the extra leads"))  # fmt: skip
    if listed and f.target.unit:  # a list's own noun: 'the extra contacts', not leads
        what_ko = what_ko.replace("리드", f.metric or "리드")
        what_en = what_en.replace("leads", f.target.unit)
    if rec and rec < target * 0.95:
        n = said(about(rec))
        tail = (
            f" 고객 목표에는 리드 약 {n}건이면 충분하므로 리드 목표를 약 {n}건으로 정하는 것을 권합니다(요약의 '승인 전에 정할 것'). {said(target)}건을 지키려면 {what_ko}을(를) 함께 정합니다."
            if ko
            else f" About {n} leads are enough for the customer goal, so the recommendation is a lead goal of about {n} (the summary's decisions before sign-off); keeping {target:,.0f} means naming {what_en} with it."
        )
    elif kept_for_revenue(plan, a):  # the extra customers narrow the year's revenue gap
        tail = (
            f" 매출이 목표에 못 미쳐 리드 목표는 유지하는 것을 권하므로(요약의 '승인 전에 정할 것'), {what_ko}을(를) 승인 전에 정합니다."
            if ko
            else f" The revenue goal falls short, so keeping the lead goal is recommended (the summary's decisions before sign-off): name {what_en} before sign-off."
        )
    else:
        tail = (
            f" 승인 전에 {what_ko}을(를) 정합니다. 예산이 작년과 같다면 목표는 {'지금' if monthly or listed else '작년'} 수준에 가깝게 잡는 것을 권합니다."
            if ko
            else f" Name {what_en} before sign-off; with last year's budget unchanged, a goal near {was_en} {'level' if listed or monthly else 'count'} is the recommended default."
        )
    return [head + fix_particles(tail) if ko else head + tail]


def goal_means(goal: Goal, ko: bool) -> str:
    """The means a goal states, as a noun phrase: '검색 광고와 월간 웨비나' (its instrumental 로 cut,
    read with Kiwi), 'a monthly webinar series' (its 'through' cut); '' when it names none."""
    means = (goal.frame.means or "").strip() if goal.frame is not None else ""
    if not means:
        return ""
    if ko:
        from assistant.core.korean import tokens

        toks = tokens(means)
        if toks and toks[-1].tag == "JKB" and toks[-1].form in ("로", "으로"):
            return means[: toks[-1].start].strip()
        return ""  # '노무 가이드를 발행해': an action, not a channel to scale
    means = re.sub(r"^(?:through|via|using|with|by)\s+", "", means, flags=re.I)
    # 'publishing four benchmark reports', 'gating the report': an action, not a channel to scale;
    # 'by December 31, 2027' is the goal's date, not its means
    if re.match(r"\w+ing\b", means) or re.match(r"(?:the\s+end\s+of\s+)?(?:Q[1-4]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}\b|end\s+of)", means, re.I):  # fmt: skip
        return ""
    return means


def steep_lead_risk(plan: Plan, a: PlanAnalysis) -> str:
    """The marketing summary's line for a lead goal half again above last year with nothing named
    to bring the extra leads: the goal, the rise, and what the extra leads cost at the plan's cost
    per lead (the goal's own check says the same at more length)."""
    for goal in plan.goals:
        f = goal.frame
        if goal.section != "mkt_objectives" or not steep_rise(plan, goal, a) or f is None:
            continue
        if f.target is None or f.baseline is None:
            continue
        ko, lang = plan.language == "ko", plan.language
        n, base, target = plan.goal_number(goal), f.baseline.value, f.target.value
        extra, rise = target - base, (target / base - 1) * 100

        means = goal_means(goal, ko)
        if f.target.per_period:  # a monthly rate: today's, not last year's
            was = (
                f"지금 월 {format_amount(base, '', lang)}건"
                if ko
                else f"today's {base:,.0f} a month"
            )
            now = (
                f"월 {format_amount(target, '', lang)}건" if ko else f"{target:,.0f} leads a month"
            )
            extra_s = f"월 {format_amount(extra, '', lang)}건" if ko else f"{extra:,.0f} a month"
            if ko:
                return fix_particles(f"목표 {n}번의 리드 {now}은 {was}보다 {rise:.0f}% 많은데, " + (f"늘어나는 {extra_s}을 가져올 {means}의 추가 예산·횟수가 아직 정해지지 않아 리드가 지금 수준에 머물 수 있습니다." if means else f"늘어나는 {extra_s}을 가져올 새 예산이나 채널이 아직 없어 리드가 지금 수준에 머물 수 있습니다."))  # fmt: skip
            return f"Goal {n}'s {now} are {rise:.0f}% above {was}; " + (f"the plan sets no added spend or sessions for its means ({means}) to bring the extra {extra_s}, so leads may stay near today's." if means else f"no new spend or channel is set to bring the extra {extra_s}, so leads may stay near today's.")  # fmt: skip
        if audience_list(f):  # a list of contacts: its own noun, today's level
            unit = f.target.unit
            if ko:
                now_ko = f"{f.metric} {format_amount(target, unit, lang)}"
                return fix_particles(f"목표 {n}번의 {now_ko}은(는) 지금 {format_amount(base, unit, lang)}보다 {rise:.0f}% 많은데, " + (f"늘어나는 {format_amount(extra, unit, lang)}을(를) 가져올 {means}의 추가 예산·횟수가 아직 정해지지 않아 지금 수준에 머물 수 있습니다." if means else f"늘어나는 {format_amount(extra, unit, lang)}을(를) 가져올 새 예산이나 채널이 아직 없어 지금 수준에 머물 수 있습니다."))  # fmt: skip
            return f"Goal {n}'s {target:,.0f} {unit} are {rise:.0f}% above today's {base:,.0f}; " + (f"the plan sets no added spend or sessions for its means ({means}) to bring the extra {extra:,.0f}, so the list may stay near today's." if means else f"no new spend or channel is set to bring the extra {extra:,.0f}, so the list may stay near today's.")  # fmt: skip
        if ko:
            if means:
                return fix_particles(f"목표 {n}번의 리드 {format_amount(target, '', lang)}건은 작년 {format_amount(base, '', lang)}건보다 {rise:.0f}% 많은데, 늘어나는 {format_amount(extra, '', lang)}건을 가져올 {means}의 추가 예산·횟수가 아직 정해지지 않아 리드가 작년 수준에 머물 수 있습니다.")  # fmt: skip
            return f"목표 {n}번의 리드 {format_amount(target, '', lang)}건은 작년 {format_amount(base, '', lang)}건보다 {rise:.0f}% 많은데, 늘어나는 {format_amount(extra, '', lang)}건을 가져올 새 예산이나 채널이 계획에 따로 없어 리드가 작년 수준에 머물 수 있습니다(작년 예산·채널과 비교해 확인 필요)."
        if means:
            return f"Goal {n}'s {target:,.0f} leads are {rise:.0f}% above last year's {base:,.0f}; the plan sets no added spend or sessions for its means ({means}) to bring the extra {extra:,.0f}, so leads may stay near last year's."  # fmt: skip
        return f"Goal {n}'s {target:,.0f} leads are {rise:.0f}% above last year's {base:,.0f}, and no new spend or channel is set to bring the extra {extra:,.0f}, so leads may stay near last year's."
    return ""


def steep_lead_row(plan: Plan, a: PlanAnalysis) -> tuple[str, str, str] | None:
    """The risk register's row for the same steep lead goal: (risk, what to watch, response)."""
    risk = steep_lead_risk(plan, a)
    goal = next((g for g in plan.goals if g.section == "mkt_objectives" and g.frame and g.frame.target and g.frame.baseline and steep_rise(plan, g, a)), None)  # fmt: skip
    if not risk or goal is None or goal.frame is None or goal.frame.target is None:
        return None
    ko, lang = plan.language == "ko", plan.language
    from assistant.analysis.plan_goals import lead_pace

    pace = lead_pace(plan)  # a lead goal over fewer months is paced over its own months
    t = goal.frame.target  # a monthly rate ('월 45건') is its own pace
    # an 'about' pace is a whole count ('about 2,083', '월 약 133건'), never '133.33'
    monthly = t.value if t.per_period else t.value / (pace[0] if pace else 12)
    per_month = format_amount(round(monthly) if monthly >= 10 else round(monthly, 1), "", lang)
    return (
        risk,
        f"채널별 월 리드 수(목표 속도 월 약 {per_month}건), 매달"
        if ko
        else f"leads a month by channel against the goal's pace (about {per_month}), monthly",
        (
            f"{goal_means(goal, ko)}에 더할 예산과 횟수를 정하고"
            if goal_means(goal, ko)
            else "늘어나는 리드를 맡을 채널과 예산을 정하고"
        )
        + ", 첫 달 채널별 리드당 비용을 재어 비용이 낮은 채널로 예산을 옮김."
        if ko
        else (
            "Set the spend and sessions added to " + goal_means(goal, ko)
            if goal_means(goal, ko)
            else "Name the channel and spend that bring the extra leads"
        )
        + "; measure each channel's cost per lead in the first month and move budget to the cheapest.",
    )

"""Apply one answer to the plan: store the user's words, then derive goals (SMART-checked and
measured), personas, messaging, budget and calendar. Pure functions over the plan model."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from assistant.analysis.baselines import history_baseline
from assistant.analysis.company_intro import company_from_intro
from assistant.analysis.fact_reader import refresh_facts
from assistant.core.catalogue import measurement_section_for
from assistant.core.facts import GoalFrame
from assistant.core.plan import Author, Goal, Persona, Plan, SmartResult
from assistant.goals.dates import fiscal_start_month
from assistant.goals.frame import goal_kpis, read_goal_frame
from assistant.goals.measurement import measurement_for
from assistant.goals.smart import SmartContext, check_goal
from assistant.interview.calendar_read import calendar_from_answer
from assistant.interview.extract_offline import (
    budget_from_answer,
    channels_from_answer,
    messaging_from_answer,
    persona_from_answer,
    split_goals,
    tidy_markdown,
)
from assistant.interview.plan_means import MEANS_SECTIONS, is_plan_means, with_plan_means
from assistant.interview.summary import draft_summary

GOAL_SECTIONS = ("mkt_objectives", "sales_objectives")
SUMMARY_SECTIONS = ("mkt_executive_summary", "sales_executive_summary")
GoalChecker = Callable[[str, SmartContext, str], SmartResult]


def default_checker(text: str, ctx: SmartContext, lang: str) -> SmartResult:
    return check_goal(text, ctx, lang)


def smart_context(plan: Plan, today: date | None = None) -> SmartContext:
    ctx = SmartContext(
        business_objectives=list(plan.business_objectives),
        deadline_hint=plan_deadline(plan),
        top_goals=top_goals(plan),
    )
    if today:
        ctx.today = today
    return ctx


TOP_LINE_KPIS = ("revenue", "revenue_growth")


def top_goals(plan: Plan) -> list[str]:
    """The plan's revenue goals with a target (sales goals first), or else its first sales goal
    with a target: the objective the other goals serve when the user states no business
    objective."""
    targeted = [g for g in plan.goals if g.frame is not None and g.frame.target is not None]
    found = [g for g in targeted if g.frame is not None and g.frame.kpi in TOP_LINE_KPIS]
    found.sort(key=lambda g: g.section != "sales_objectives")
    if not found:
        found = [g for g in targeted if g.section == "sales_objectives"][:1]
    return [g.text for g in found]


def plan_deadline(plan: Plan) -> str:
    """The deadline most goals in the plan share (a value from the plan for suggested rewrites)."""
    from collections import Counter

    from assistant.goals.smart import deadline_of

    found = [d for g in plan.goals if (d := deadline_of(g.text))]
    return Counter(found).most_common(1)[0][0] if found else ""


def plan_start(plan: Plan) -> date:
    """The day the plan's period starts (relative deadlines such as 'next quarter' count from it)."""
    try:
        return date.fromisoformat(plan.created[:10])
    except ValueError:
        return date.today()


def read_frame(plan: Plan, goal: Goal, lang: str) -> GoalFrame:
    """Read the goal's frame, keep what the user corrected, and fill the baseline from data."""
    plan_text = "\n".join(s.content for s in plan.sections.values() if s.content)
    frame = read_goal_frame(
        goal.text,
        lang,
        plan_start(plan),
        fiscal_start_month(plan_text),
        kpi=goal.kpis[0] if goal.kpis else None,
    )
    old = goal.frame
    if old is not None and old.corrected:
        for name in old.corrected:
            setattr(frame, name, getattr(old, name))
        frame.corrected = list(old.corrected)
    if frame.baseline is None and "baseline" not in frame.corrected:
        frame.baseline = history_baseline(frame, plan.forecast, plan_start(plan))
    return frame


def evaluate_goal(plan: Plan, goal: Goal, checker: GoalChecker = default_checker) -> Goal:
    """Read the goal's frame, run the SMART check, choose KPIs, write the measurement line."""
    from assistant.core.lang import detect_language

    lang = detect_language(goal.text, plan.language)
    first = read_goal_frame(goal.text, lang, plan_start(plan))
    goal.kpis = goal_kpis(goal.text, first, lang)
    goal.frame = read_frame(plan, goal, lang)
    ctx = smart_context(plan)
    ctx.frame, ctx.frame_for = goal.frame, goal.text
    if plan.forecast is not None:
        from assistant.analysis.forecast_plan import forecast_note

        ctx.forecast_note = forecast_note(goal.text, plan.forecast, lang, goal.frame)
    result = checker(goal.text, ctx, lang)
    goal.criteria = result.criteria
    goal.smart = result.smart
    goal.suggestion = result.suggestion
    with_plan_means(plan, goal)  # the strategy may say how a goal's own sentence does not
    measure_answer = plan.section(measurement_section_for(plan.plan_type, goal.section)).content
    from assistant.analysis.revenue_models import model_of

    goal.measurement = measurement_for(goal, plan.language, measure_answer, model_of(plan))
    return goal


def _remeasure_revenue(plan: Plan) -> None:
    """A revenue goal is counted the way the business earns, which a later answer may say (the
    offer after the goals): its measurement line follows the fact sheet's revenue model."""
    from assistant.analysis.revenue_models import model_of

    model = model_of(plan)
    for goal in plan.goals:
        if goal.measurement is not None and goal.measurement.kpi == "revenue":
            answer = plan.section(measurement_section_for(plan.plan_type, goal.section)).content
            goal.measurement = measurement_for(goal, plan.language, answer, model)


def recheck_goals(plan: Plan, checker: GoalChecker = default_checker) -> None:
    for goal in plan.goals:
        evaluate_goal(plan, goal, checker)


def set_goals(
    plan: Plan, section_id: str, text: str, checker: GoalChecker = default_checker
) -> list[int]:
    """Replace the section's goals with one goal per line; returns indexes of the new goals."""
    lines, objectives = split_goals(text)
    if objectives:
        plan.business_objectives = list(dict.fromkeys([*plan.business_objectives, *objectives]))
    plan.goals = [g for g in plan.goals if g.section != section_id]
    start = len(plan.goals)
    plan.goals.extend(Goal(text=line, section=section_id) for line in lines)
    if objectives:
        recheck_goals(plan, checker)
        return list(range(start, len(plan.goals)))
    before = top_goals(plan)
    for goal in plan.goals[start:]:
        evaluate_goal(plan, goal, checker)
    if not plan.business_objectives and top_goals(plan) != before:
        recheck_goals(plan, checker)  # the revenue goal changed what the others serve
    return list(range(start, len(plan.goals)))


def apply_answer(
    plan: Plan,
    section_id: str,
    text: str,
    author: Author = "offline",
    checker: GoalChecker = default_checker,
) -> list[int]:
    """Record an answer; returns the indexes of goals it created (for SMART follow-up)."""
    section = plan.section(section_id)
    cleaned = tidy_markdown(text)
    section.answers.append(cleaned)
    new_goals: list[int] = []
    # an answer about competitors opens 'Looker Studio: free BI tool …' without naming us
    about_rivals = bool(re.search(r"competit|rival|alternative|경쟁|대안", cleaned, re.I))
    # 'Name: what it is' introduces the company only where an answer opens on the business
    # (the market answer, the first one); elsewhere 'Primary buyer: …' is a heading
    opening = section_id in ("mkt_executive_summary", "mkt_market_analysis", "sales_executive_summary")  # fmt: skip
    if not plan.company and (
        name := company_from_intro(cleaned, labelled=opening and not about_rivals)
    ):
        plan.company = (
            name  # 'We are Brightloom Analytics, a …': shown in the reply, fixed by 'company'
        )
    if section_id in SUMMARY_SECTIONS:
        section.status = "answered"
        refresh_summaries(plan)
        plan.touch()
        return []
    if section_id == "sales_forecast" and plan.forecast is not None and section.content:
        # the forecast came from data: a typed answer adds an assumption, it does not replace it
        section.content = f"{section.content}\n\n{cleaned}"
    else:
        section.content = cleaned
    section.status = "answered"
    section.author = author
    lang = plan.language
    if section_id in GOAL_SECTIONS:
        new_goals = set_goals(plan, section_id, cleaned, checker)
    elif section_id == "mkt_audience_personas":
        from assistant.interview.misplaced import reads_as_goal
        from assistant.interview.persona_card import complete_persona, one_economic_buyer

        # a goal given to the persona question describes no buyer: no card is made of it (the
        # answer is kept, and the reply says where goals go)
        parts = [part for part in persona_parts(cleaned) if not reads_as_goal(part, lang)]
        plan.personas = one_economic_buyer(
            _distinct_names(
                [complete_persona(persona_from_answer(part, lang), plan, part) for part in parts],
                lang,
            ),
            lang,
        )
        if plan.section("mkt_positioning_messaging").content:
            plan.messaging = messaging_from_answer(
                plan.section("mkt_positioning_messaging").content, plan.personas, lang
            )
    elif section_id == "mkt_positioning_messaging":
        plan.messaging = messaging_from_answer(cleaned, plan.personas, lang)
    elif section_id == "mkt_budget":
        plan.budget = budget_from_answer(cleaned)
    elif section_id == "mkt_calendar":
        plan.calendar = calendar_from_answer(cleaned)
    elif section_id == "mkt_channels":
        plan.channels = channels_from_answer(cleaned)
        plan.channels_author = "user"
    elif section_id in ("mkt_measurement", "sales_kpis"):
        recheck_goals(plan, checker)
    if section_id in MEANS_SECTIONS:  # the plan may now say how a goal is reached (or no more)
        for goal in plan.goals:
            if goal.criteria.get("specific") is not None and is_plan_means(
                goal.criteria["specific"].reason
            ):
                evaluate_goal(plan, goal, checker)
            else:
                with_plan_means(plan, goal)
    refresh_facts(plan)  # the fact sheet is read once here; every view reads it
    _remeasure_revenue(plan)
    _refresh_cta(plan)
    if not plan.messaging.is_empty:
        from assistant.interview.message_house import build_house

        build_house(plan, plan.messaging, offline=plan.messaging.author != "llm")
    refresh_summaries(plan)
    plan.touch()
    return new_goals


_OFFER_SECTIONS = (
    "mkt_mix_4p",
    "mkt_strategy",
    "sales_offering",
    "sales_strategy",
    "sales_objectives",
)


_SECOND = re.compile(
    r"(?:^|(?<=[.;\n]))\s*(?:secondary(?:\s+(?:buyer|persona|audience|customer|segment))?|second\s+(?:buyer|persona|audience)|"
    r"보조\s*(?:페르소나|고객|타깃|타겟)?|서브\s*(?:페르소나|고객|타깃|타겟)?|두\s*번째\s*(?:페르소나|고객)|2차\s*(?:타깃|타겟|고객))\s*[:：]"
    # a numbered card ('주 고객 2 '이직 준비하는 박준호':', 'Persona 3:') keeps its own label
    r"|(?:^|(?<=[.;\n]))\s*(?=(?:주\s*고객|고객|페르소나|타깃|타겟|persona|buyer|customer|audience)\s*[2-3]\s*(?:['‘\"“][^'’\"”\n]{1,50}['’\"”]\s*)?[:：])"
    # a second named card after a sentence ("… Brand persona 'Founder Fiona': founder of …")
    r"|(?<=[.;\n])\s*(?=(?:[A-Za-z-]+\s+)?(?:persona|buyer)\s*['‘\"“][^'’\"”\n]{1,50}['’\"”]\s*[:：])",
    re.I,
)


def _distinct_names(personas: list[Persona], lang: str) -> list[Persona]:
    """Two cards never share a person's name ('박 재무이사' next to '박 인사총무팀장')."""
    from assistant.interview.persona_names import short_name

    def person(name: str) -> str:  # the surname in '박 인사총무팀장', the first name in '… Dana'
        parts = name.split()
        return (
            next((w for w in parts if len(w) == 1), "")
            if lang == "ko"
            else (parts[-1] if parts else "")
        )

    taken: set[str] = set()
    for card in personas:
        n = 0
        while person(card.name) in taken and n < 8:
            n += 1
            card.name = short_name(card.role, lang, n)
        taken.add(person(card.name))
    return personas


def persona_parts(text: str) -> list[str]:
    """One part per persona: a 'Secondary: …' or '보조 페르소나: …' label starts a second card
    (at most three)."""
    cuts = [m.start() for m in _SECOND.finditer(text)]
    parts = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    parts = [p for p in parts if p]
    if len(parts) > 1:  # the second card's label is its role marker ('Secondary: gift buyers')
        parts = [parts[0], *(_SECOND.sub(lambda m: "Primary:" if m.group(0).strip() else "", p, count=1) for p in parts[1:])]  # fmt: skip
    return parts[:3] or [text]


def _refresh_cta(plan: Plan) -> None:
    """The call to action follows the offer the user describes, whichever section names it."""

    m = plan.messaging
    if m.is_empty:
        return
    m.call_to_action = offer_call_to_action(plan)


def offer_call_to_action(plan: Plan) -> str:
    """The call to action from the user's own offer (trial, sample, demo …), wherever it is named."""
    from assistant.interview.extract_offline import offer_cta

    text = "\n".join(plan.section(s).content for s in _OFFER_SECTIONS if s in plan.sections)
    text += "\n" + plan.section("mkt_positioning_messaging").content
    return offer_cta(text, plan.language)


def refresh_summaries(plan: Plan) -> None:
    """Re-draft executive summaries that have been started, keeping the user's notes."""
    for sid in SUMMARY_SECTIONS:
        if sid not in plan.sections:
            continue
        section = plan.sections[sid]
        if section.author == "llm" and _stale(plan, sid, section.content):
            section.author = "offline"  # a model summary quoting a changed figure is rewritten
        if section.status in ("drafted", "answered") and section.author != "llm":
            notes = "\n\n".join(a for a in section.answers if a)
            section.content = draft_summary(plan, sid) + (f"\n\n{notes}" if notes else "")
            section.author = section.author or "offline"


def _stale(plan: Plan, sid: str, text: str) -> bool:
    """Whether an accepted model summary quotes a figure the plan no longer states (a goal or a
    fact changed since): every number in it must be in the facts, the answers or today's summary."""
    from assistant.goals.numbers import normalise_numbers

    said = normalise_numbers(text)
    if not said:
        return False
    known = "\n".join(
        [draft_summary(plan, sid), *(g.text for g in plan.goals), *(str(f.value) for f in plan.facts),
         *(plan.user_text(s) for s in plan.sections if s != sid)]
    )  # fmt: skip
    return not said <= normalise_numbers(known)


def start_summary(plan: Plan, section_id: str) -> None:
    section = plan.section(section_id)
    if section.status == "open" or section.status == "skipped":
        section.status = "drafted"
        section.author = "offline"
    refresh_summaries(plan)


def replace_goal(plan: Plan, index: int, text: str, checker: GoalChecker = default_checker) -> Goal:
    goal = plan.goals[index]
    goal.text = " ".join(text.split())
    goal.frame = None  # a new text is read afresh; corrections belonged to the old one
    evaluate_goal(plan, goal, checker)
    _sync_goal_section_text(plan, goal.section)
    refresh_facts(plan)
    _remeasure_revenue(plan)
    plan.touch()
    return goal


def _sync_goal_section_text(plan: Plan, section_id: str) -> None:
    plan.section(section_id).content = "\n".join(g.text for g in plan.goals_in(section_id))

"""Review findings from the plan on a page: a goal that no channel, budget line or dated activity
carries; a budget line that serves no goal; a content plan that publishes fewer pieces than a
goal counts on; a sales methodology the training never teaches (a common mistake the knowledge
base names). Each finding gives the numbers and a fix; none repeats another."""

from __future__ import annotations

import re

from assistant.analysis.cadence import content_shortfalls, recurring_items
from assistant.analysis.plan_links import PlanPage, plan_page
from assistant.analysis.review_types import Finding
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount

METHODS = re.compile(
    r"\bMEDD?ICC?\b|\bBANT\b|\bSPIN\b|\bChallenger\b|\bSandler\b|\bGAP\s*selling\b|"
    r"\bSolution\s+selling\b|\bValue\s+selling\b",
    re.I,
)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip


def _say(plan: Plan, en: str, ko: str) -> str:
    return fix_particles(ko) if plan.language == "ko" else en


def check_plan_page(plan: Plan, page: PlanPage | None = None) -> list[Finding]:
    page = page or plan_page(plan)
    ko = plan.language == "ko"
    out: list[Finding] = []
    for row in page.rows:
        if row.fed_by:  # carried by the lead goal that feeds it
            continue
        missing = []
        if plan.channels and not row.channels:
            missing.append(("mkt_channels", "channel", "채널"))
        if plan.budget.lines and not row.budget:
            missing.append(("mkt_budget", "budget line", "예산 항목"))
        if plan.calendar and not row.activities:
            missing.append(("mkt_calendar", "dated activity before its deadline", "기한 전 일정"))
        if not missing:
            continue
        what_en = " or ".join(m[1] for m in missing)
        what_ko = ", ".join(m[2] for m in missing)
        out.append(Finding(
            severity="warning", sections=[row.section, *(m[0] for m in missing)],
            message=_say(plan, f'Goal {row.goal} ("{row.text}") has no {what_en} that carries it.',
                         f'목표 {row.goal}번("{row.text}")을 실행할 {what_ko}이(가) 없습니다.'),
            fix=_say(plan, f"Name the {what_en} that will deliver it (or say which existing one does), so the goal has an owner, money and a date.",
                     f"이 목표를 실행할 {what_ko}을(를) 정하거나 기존 항목 중 어느 것이 맡는지 적어야 합니다. 목표마다 담당, 예산, 일정이 있어야 합니다."),
        ))  # fmt: skip
    for item in page.unserved_budget:
        line = next((b for b in plan.budget.lines if b.item == item), None)
        amount = (
            f" ({format_amount(line.amount, plan.budget.currency, plan.language)})"
            if line is not None and line.amount
            else ""
        )
        out.append(Finding(
            severity="warning", sections=["mkt_budget", "mkt_objectives"],
            message=_say(plan, f'Budget line "{item}"{amount} serves none of the goals.', f'예산 항목 "{item}"{amount}이(가) 어떤 목표도 지원하지 않습니다.'),
            fix=_say(plan, "Tie it to a goal in the objectives, or move its money to a line that serves one.", "목표 중 하나와 연결하거나, 그 예산을 목표를 지원하는 항목으로 옮겨야 합니다."),
        ))  # fmt: skip
    for s in content_shortfalls(plan):
        when = f"{s.year}년 {s.month}월" if ko else f"{_MONTHS[s.month - 1]} {s.year}"
        out.append(Finding(
            severity="warning", sections=["mkt_content_strategy", "mkt_objectives"],
            message=_say(plan, f"Goal {s.goal} counts on {s.need} {s.name} by {when}; the content plan publishes {s.by_then} by then.",
                         f"목표 {s.goal}번은 {when}까지 {s.name} {s.need}개를 전제로 하지만 콘텐츠 계획으로는 그때까지 {s.by_then}개입니다."),
            fix=_say(plan, "Publish more of them early in the year, or move the goal's date.", "연초에 더 발행하거나 목표 시점을 조정해야 합니다."),
        ))  # fmt: skip
    out += check_demo_volumes(plan)
    training = plan.user_text("sales_training")
    if training.strip() and recurring_items(training):
        named = dict.fromkeys(m for m in METHODS.findall(plan.user_text("sales_tactics")))
        untaught = [m for m in named if not re.search(re.escape(m), training, re.I)]
        if untaught:
            names = ", ".join(untaught)
            out.append(Finding(
                severity="tip", sections=["sales_tactics", "sales_training"],
                message=_say(plan, f"The tactics name {names}, but no training programme teaches it (the knowledge base lists this as a common mistake).",
                             f"전술에 {names}이(가) 있지만 이를 가르치는 교육이 없습니다(지식 베이스가 꼽는 흔한 실수입니다)."),
                fix=_say(plan, f"Add {names} to the onboarding programme and the call reviews.", f"{names}을(를) 입문 교육과 상담 리뷰에 넣어야 합니다."),
            ))  # fmt: skip
    return out


_DEMO = re.compile(
    r"\bdemos?\b|demonstrations?|discovery\s+calls?|sales\s+meetings?|데모|시연|상담\s*미팅|미팅",
    re.I,
)


def check_demo_volumes(plan: Plan) -> list[Finding]:
    """A demo goal the lead goal cannot feed: more demos than leads, or more than the stated
    MQL-to-SQL rate turns leads into."""
    from assistant.analysis.plan_goals import lead_goal

    leads = lead_goal(plan)
    demo = next(
        (
            (n, g, g.frame.target.value)
            for n, g in enumerate(plan.goals, 1)
            if g.frame is not None and g.frame.target is not None and g.frame.target.kind == "level"
            and _DEMO.search(f"{g.frame.metric} {g.frame.target.unit}")
        ),
        None,
    )  # fmt: skip
    if leads is None or demo is None or leads[0] is demo[1]:
        return []
    n, goal, demos = demo
    lead_n = plan.goals.index(leads[0]) + 1
    lang = plan.language
    count = lambda v: format_amount(round(v), "", lang)  # noqa: E731
    if demos > leads[1]:
        return [Finding(
            severity="error", sections=[goal.section, leads[0].section],
            message=_say(plan, f"Goal {n} books {count(demos)} demos but goal {lead_n} brings only {count(leads[1])} leads: every demo starts as a lead.",
                         f"목표 {n}번은 데모 {count(demos)}건을 잡지만 목표 {lead_n}번의 리드는 {count(leads[1])}건뿐입니다. 데모는 모두 리드에서 나옵니다."),
            fix=_say(plan, "Raise the lead goal or lower the demo goal.", "리드 목표를 올리거나 데모 목표를 낮춰야 합니다."),
        )]  # fmt: skip
    rate = plan.number("mql_to_sql_rate")
    if rate is not None and demos > leads[1] * rate / 100 * 1.2:
        sqls = leads[1] * rate / 100
        return [Finding(
            severity="warning", sections=[goal.section, leads[0].section],
            message=_say(plan, f"At the stated {rate:g}% MQL-to-SQL rate, {count(leads[1])} leads give about {count(sqls)} qualified opportunities, fewer than the {count(demos)} demos of goal {n}.",
                         f"계획의 MQL→SQL 전환율 {rate:g}%로는 리드 {count(leads[1])}건에서 영업 기회가 약 {count(sqls)}건이라, 목표 {n}번의 데모 {count(demos)}건보다 적습니다."),
            fix=_say(plan, f"Raise the lead goal to about {count(demos / rate * 100)} or lower the demo goal to about {count(sqls)}.",
                     f"리드 목표를 약 {count(demos / rate * 100)}건으로 올리거나 데모 목표를 약 {count(sqls)}건으로 낮춰야 합니다."),
        )]  # fmt: skip
    return []

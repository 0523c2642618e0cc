"""A count goal that names a total at a date with no base ('Reach 60,000 paying subscribers'): it
is a level, so the customers it takes are the total less today's plus those lost in the year. The
plan does not count it as new customers (no CAC or funnel on 60,000 new ones); the review asks
for the goal from today's count instead."""

from __future__ import annotations

import re

from assistant.analysis.plan_goals import unbased_level
from assistant.analysis.review_types import Finding
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount


def unbased_level_findings(plan: Plan) -> list[Finding]:
    out = []
    ko = plan.language == "ko"
    for goal in plan.goals:
        if not unbased_level(goal) or goal.frame is None or goal.frame.target is None:
            continue
        n = plan.goal_number(goal)
        f = goal.frame
        assert f.target is not None  # checked above
        total = format_amount(f.target.value, f.target.unit, plan.language)
        # what is counted, without the word that says it is a total ('유료 고객 누적' -> '유료 고객')
        metric = (
            re.sub(r"\s*(?:누적|총)\s*|\btotal\s+(?:of\s+)?", " ", f.metric, flags=re.I).strip()
            or f.metric
        )
        when = _said_date(f.deadline or "", ko)
        if ko:
            from assistant.core.lang import fix_particles

            message = fix_particles(f"목표 {n}번의 {total}은(는) {metric}의 연말 총수이지 새로 얻을 수가 아닙니다. 새로 얻어야 할 수는 {total}에서 지금 수를 빼고 한 해 동안 떠나는 수를 더한 값이라, 지금 수 없이는 퍼널·CAC·예산을 이 목표에 맞출 수 없습니다.")  # fmt: skip
            fix = fix_particles(f"목표 {n}번에 출발점(지금의 {metric} 수)을 넣어, {when}까지 지금 수에서 {total}(으)로 늘리는 목표로 고칩니다.")  # fmt: skip
        else:
            message = f"Goal {n}'s {total} is a total of {metric} at year end, not the new ones to win: those are {total} less today's, plus the ones lost during the year, so without today's count the funnel, CAC and budget cannot be sized to it."  # fmt: skip
            fix = f"Give goal {n} the count it starts from ({metric} today), so it grows from today's number to {total} by {when}; {total} is a total at year end, not the new ones to win."  # fmt: skip
        out.append(Finding(severity="warning", sections=[goal.section], message=message, fix=fix))
    return out


def _said_date(iso: str, ko: bool) -> str:
    """'2027-12-31' as a reader writes it: 'December 31, 2027', '2027년 12월 31일'."""
    from datetime import date

    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso or ("기한" if ko else "the deadline")
    if ko:
        return f"{d.year}년 {d.month}월 {d.day}일"
    return f"{d.strftime('%B')} {d.day}, {d.year}"

"""The revenue bridge in one sentence for the sales summary: base - churn + new + expansion
against the goal, the user's own bridge as stated, or what new customers leave uncovered when no
base is given; with what a year's revenue goal lands at in-year."""

from __future__ import annotations

from typing import Any

from assistant.analysis.plan_goals import plan_year as _yr
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount

_about = about  # a figure said with 'about' / '약' (three significant digits)


def bridge_sentence(plan: Plan, a: Any, cur: str, lang: str) -> str | None:
    """The revenue bridge in one sentence: base - churn + new + expansion against the goal."""
    br = a.revenue
    m = lambda v: format_amount(v, cur, lang)  # noqa: E731
    ko = lang == "ko"
    if br.base is None and br.goal and br.new_business_from_goals and br.new_business_from_goals < br.goal * 0.95:  # fmt: skip
        # no stated base: say what new customers bring and what existing revenue must carry
        short = br.goal - br.new_business_from_goals
        return (
            fix_particles(
                f"매출 브리지: 신규 고객 매출 {m(br.new_business_from_goals)}(으)로는 매출 목표 {m(br.goal)}에 {m(short)}이(가) 부족합니다. 기존 고객 매출(작년 매출)을 적으면 이 차이를 다시 계산합니다."
            )
            if ko
            else f"Revenue bridge: new customers bring {m(br.new_business_from_goals)} of the {m(br.goal)} revenue goal, {m(short)} short; state last year's revenue to bridge from it."
        )
    if br.base is None or br.churned is None or br.gap is None or br.goal is None:
        return None
    if not br.new_business_from_goals:  # without new business the walk says nothing true
        return None
    if br.stated:  # the user's own bridge: its terms as they wrote them, summed
        walk = " ".join(
            [m(br.base)] + [("- " if t.amount < 0 else "+ ") + m(abs(t.amount)) for t in br.stated]
        )
        landed = m(br.goal - br.gap)
        if abs(br.gap) < 1:
            return (
                fix_particles(
                    f"매출 브리지(계획에 적은 대로): {walk} = {landed}(으)로 목표를 달성합니다."
                )
                if ko
                else f"Revenue bridge (as the plan states it): {walk} = {landed}, the goal."
            )
    terms = [("기준" if ko else "base", br.base, "")]
    if br.churned:
        terms.append(("이탈" if ko else "churn", br.churned, "-"))
    from assistant.analysis.outlets import outlet_bridge

    chain = outlet_bridge(plan, cur, br.new_business_from_goals)  # a chain's new outlets' sales
    new_word = (f"신규 {chain[2]} {chain[0]:,.0f}곳" if ko else f"from {chain[0]:,.0f} new {chain[2]}") if chain else ("신규" if ko else "new")  # fmt: skip
    terms.append((new_word, br.new_business_from_goals, "+"))
    if br.expansion:
        terms.append(("확장" if ko else "expansion", br.expansion, "+"))
    walk = " ".join(
        (f"{sign} " if sign else "") + (f"{word} {m(v)}" if ko else f"{m(v)} {word}")
        for word, v, sign in terms
    )
    landed = m(br.goal - br.gap)
    near = abs(br.gap) <= br.goal * 0.01
    from assistant.analysis.revenue_bridge import in_year_landing

    in_year = in_year_landing(plan, br)
    from assistant.analysis.stated_forecast import opening_above_base, quarters_make_the_goal

    opened = opening_above_base(plan, br.base)
    if in_year is not None and quarters_make_the_goal(plan) and opened:
        # the first quarter already runs above last year's revenue: the year's opening is not the
        # base, so no in-year shortfall is claimed; the run-rate walk stands and the opening is asked
        # both figures are said: what the year brings from last year's revenue, and that the
        # quarters rest on a higher opening that must be confirmed
        q1, pace = m(opened[0]), m(opened[1])
        shown = _about(in_year)
        short = br.goal - shown
        if ko:
            # what the year brings from last year's revenue is the top risk below: said once there
            said = (
                ""
                if short > 0
                else f" 작년 매출에서 출발해 고객이 고르게 들어오면 {_yr(plan)}년 매출은 약 {m(shown)}입니다."
            )
            # the bridge first (what the label names), then what the quarters assume
            # a year-end run-rate at the goal is no year's revenue at it: said beside the figure
            end = f" 이는 연말 규모이며, {_yr(plan)}년 한 해 매출이 목표에 이르는지는 연초 ARR에 달립니다(아래 '승인 전에 정할 것')." if short > 0 else ""  # fmt: skip
            return fix_particles(f"매출 브리지(작년 매출에서 목표까지): 연말 기준 연간 매출은 {walk} = {landed}입니다.{end} 분기 예측은 목표와 같은 {m(br.goal)}(으)로, 1분기 {q1}(연환산 {pace})부터 작년 매출 {m(br.base)}보다 높게 시작합니다.{said}")  # fmt: skip
        said_en = (
            ""
            if short > 0
            else f" Starting from last year's revenue with customers joining evenly, {_yr(plan)} revenue is about {m(shown)}."
        )
        end_en = f" That is a year-end figure: whether {_yr(plan)} revenue reaches the goal depends on the opening run-rate (see the decisions before sign-off below)." if short > 0 else ""  # fmt: skip
        return f"Revenue bridge (from last year's revenue to the goal): the year-end run-rate is {walk} = {landed}.{end_en} The quarters add up to the {m(br.goal)} goal, starting above last year's {m(br.base)} from Q1 at {q1} ({pace} a year).{said_en}"
    if in_year is not None and quarters_make_the_goal(plan):
        # the quarters add up to the goal: it is this year's revenue, and the like-for-like figure
        # is what the year brings, said first; the year-end run-rate follows
        shown = _about(in_year)
        short = br.goal - shown
        if ko:
            head = (f"{_yr(plan)}년 매출은 약 {m(shown)}(으)로 목표 {m(br.goal)}에 약 {m(short)} 부족합니다" if short > 0
                    else f"{_yr(plan)}년 매출은 약 {m(shown)}(으)로 목표 {m(br.goal)}을(를) 달성합니다")  # fmt: skip
            return fix_particles(f"매출 브리지(작년 매출에서 목표까지): 분기 예측이 목표와 같으므로 목표는 {_yr(plan)}년 매출입니다. 고객이 한 해 동안 고르게 들어오고 나가면 {head}. 연말 기준 연간 매출은 {walk} = {landed}입니다.")  # fmt: skip
        head = (f"{_yr(plan)} revenue is about {m(shown)}, about {m(short)} short of the {m(br.goal)} goal" if short > 0
                else f"{_yr(plan)} revenue is about {m(shown)}, at the {m(br.goal)} goal")  # fmt: skip
        return f"Revenue bridge (from last year's revenue to the goal): the quarters add up to the goal, so it is {_yr(plan)} revenue. If customers join and leave evenly through the year, {head}. The year-end run-rate is {walk} = {landed}."
    if ko:
        end = (f"목표 {m(br.goal)}에 거의 이릅니다({m(br.gap)} 부족)" if near and br.gap > 0
               else f"목표 {m(br.goal)}까지 {m(br.gap)}이 남습니다" if br.gap > 0
               else f"목표 {m(br.goal)}보다 {m(-br.gap)} 많습니다" if br.gap < 0 else f"목표 {m(br.goal)}을(를) 달성합니다")  # fmt: skip
        year = (f" 이는 연말 기준 연간 매출이며, 고객이 한 해 동안 고르게 들어오면 {_yr(plan)}년 매출은 약 {m(_about(in_year))}입니다."
                if in_year is not None else "")  # fmt: skip
        return fix_particles(f"매출 브리지: {walk} = {landed}, {end}.{year}")
    end = (f"just short of the {m(br.goal)} goal ({m(br.gap)})" if near and br.gap > 0
           else f"{m(br.gap)} short of the {m(br.goal)} goal" if br.gap > 0
           else f"{m(-br.gap)} above the {m(br.goal)} goal" if br.gap < 0 else f"the {m(br.goal)} goal")  # fmt: skip
    year = (f" That is the year-end run-rate; if customers join evenly through the year, {_yr(plan)} revenue is about {m(_about(in_year))}."
            if in_year is not None else "")  # fmt: skip
    return f"Revenue bridge: {walk} = {landed}, {end}.{year}"

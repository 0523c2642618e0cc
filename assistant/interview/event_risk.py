"""One dated event that carries a large share of the marketing budget (a January trade show at a
quarter of the year's money): a concentration risk for the register. Its cost is the one the
calendar shows, stated or proposed from its line (`event_shares`), so the two never differ."""

from __future__ import annotations

from typing import Any

from assistant.analysis.months import event_shares, month_of
from assistant.analysis.plan_goals import plan_year
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount

# a share of the year's marketing money on one date at which a weak event cannot be made up
# within the year
CONCENTRATED = 20.0


def one_event_rows(plan: Plan, owner: str) -> list[Any]:
    """The largest dated event at or above `CONCENTRATED`% of the marketing budget, as one
    register row: its cost and share, what to watch before and after it, what to do if the
    bookings lag; [] when no event carries that much."""
    from assistant.analysis.risk_register import RegisterRow

    total = plan.number("marketing_budget") or plan.budget.total or 0.0
    if not total or not plan.calendar:
        return []
    proposed, _ = event_shares(plan, total)
    priced = [
        (e, e.cost if e.cost is not None else proposed.get(id(e)), e.cost is None)
        for e in plan.calendar
        if month_of(e.when) is not None
    ]
    big = [(e, c, guess) for e, c, guess in priced if c and c / total * 100 >= CONCENTRATED]
    if not big:
        return []
    e, cost, guess = max(big, key=lambda x: x[1] or 0.0)
    assert cost is not None
    ko, lang = plan.language == "ko", plan.language
    share = cost / total * 100
    money = format_amount(cost, plan.budget.currency, lang) + (("(제안)" if ko else " (proposed)") if guess else "")  # fmt: skip
    year = e.year or plan_year(plan)
    when = f"{year}년 {e.when}" if ko else f"{e.when} {year}"
    if ko:
        return [RegisterRow(
            risk=fix_particles(f"{e.activity}({when}) 한 번에 {money}, 마케팅 예산의 {share:.0f}%가 쓰임. 행사에서 리드가 적게 나오면 그해 안에 만회하기 어려움."),
            watch="행사 전 목표 고객과 잡은 미팅 수, 행사 후 30일 안의 MQL 수(마케팅 채널의 시작 목표 대비)",
            response="행사 전에 리드 목표와 사전 미팅 목표를 정함. 한 달 전까지 미팅 예약이 목표에 못 미치면 부스 규모를 줄이고, 남는 예산은 리드당 비용이 확인된 채널로 옮김.",
            owner=owner,
        )]  # fmt: skip
    return [RegisterRow(
        risk=f"The {e.activity} ({when}) takes {money} on one date, {share:.0f}% of the marketing budget: if it brings fewer leads than planned, the year has little room to make them up.",
        watch="meetings booked with target accounts before it, and MQLs from it within 30 days (against its starting target in Marketing Channels)",
        response="Set its lead and pre-booked meeting targets before committing; if bookings lag a month before, scale the booth down and move the rest to channels whose cost per lead is measured.",
        owner=owner,
    )]  # fmt: skip

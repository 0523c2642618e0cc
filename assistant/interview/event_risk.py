"""One dated event that carries a large share of the marketing budget (a January trade show at a
quarter of the year's money): a concentration risk for the register. Its cost is the one the
calendar shows, stated or proposed from its line (`event_shares`), so the two never differ."""

from __future__ import annotations

import re
from typing import Any

from assistant.analysis.months import EVENT_WORDS, event_shares, month_of
from assistant.analysis.plan_goals import plan_year
from assistant.core.plan import CalendarEntry, Plan
from assistant.goals.numbers import format_amount

# a share of the year's marketing money on one date at which a weak event cannot be made up
# within the year
CONCENTRATED = 20.0
# a span or several months ('Jan-Dec', '1~12월', 'Q1', 'March, July and September'): no one date
_SPAN = re.compile(r"[-~–]|\bQ[1-4]\b|분기|,|\band\b|및|매월|매주|every|each", re.I)


def _one_date(e: CalendarEntry, year: int) -> bool:
    """An event on one date in the plan year: an event or show (not a campaign or a series), one
    month, this year."""
    return (
        bool(EVENT_WORDS.search(f"{e.activity} {e.channel}"))
        and month_of(e.when) is not None
        and not _SPAN.search(e.when)
        and not re.search(r"series|시리즈|campaign|캠페인|flight", e.activity, re.I)
        and (e.year is None or e.year == year)
    )


def one_event_rows(plan: Plan, owner: str) -> list[Any]:
    """The dated events at or above `CONCENTRATED`% of the marketing budget, as one register
    row (the largest named first, the others beside it): their cost and share, what to watch
    before and after, what to do if it lags; [] when no event carries that much."""
    from assistant.analysis.risk_register import RegisterRow
    from assistant.interview.compose import sells_to_consumers

    total = plan.number("marketing_budget") or plan.budget.total or 0.0
    if not total or not plan.calendar:
        return []
    year = plan_year(plan)
    proposed, _ = event_shares(plan, total)
    big = sorted(
        (
            (e, cost, e.cost is None)
            for e in plan.calendar
            if _one_date(e, year)
            and (cost := e.cost if e.cost is not None else proposed.get(id(e)))
            and cost / total * 100 >= CONCENTRATED
        ),
        key=lambda x: -x[1],
    )
    if not big:
        return []
    ko, lang, cur = plan.language == "ko", plan.language, plan.budget.currency
    mark = "(제안)" if ko else " (proposed)"

    def said(e: CalendarEntry, cost: float, guess: bool) -> str:
        money = format_amount(cost, cur, lang) + (mark if guess else "")
        when = f"{year}년 {e.when}" if ko else f"{e.when} {year}"
        return f"{e.activity}({when}) {money}" if ko else f"{e.activity[:1].upper() + e.activity[1:]} ({when}): {money}"  # fmt: skip

    share = sum(c for _, c, _ in big) / total * 100
    events = (" · " if ko else "; ").join(said(*b) for b in big)
    consumers = sells_to_consumers(plan)
    if ko:
        risk = f"{events}: 마케팅 예산의 {share:.0f}%가 {'한 번의 행사' if len(big) == 1 else '몇 번의 행사'}에 쓰임. 행사 성과가 계획보다 낮으면 그해 안에 만회하기 어려움."  # fmt: skip
        watch = "행사 전 사전 예약·방문 약속 수, 행사 후 30일 안의 첫 구매 수" if consumers else "행사 전 목표 고객과 잡은 미팅 수, 행사 후 30일 안의 MQL 수"  # fmt: skip
        response = "행사 전에 성과 목표와 사전 예약 목표를 정함. 한 달 전까지 예약이 목표에 못 미치면 규모를 줄이고, 남는 예산은 성과가 확인된 채널로 옮김."  # fmt: skip
    else:
        risk = f"{events}. That is {share:.0f}% of the marketing budget on {'one date' if len(big) == 1 else 'a few dates'}: if {'it brings' if len(big) == 1 else 'they bring'} less than planned, the year has little room to make it up."  # fmt: skip
        watch = "sign-ups or visits booked before it, and first orders within 30 days" if consumers else "meetings booked with target accounts before it, and MQLs from it within 30 days"  # fmt: skip
        response = "Set its result and pre-booking targets before committing; if bookings lag a month before, scale it down and move the rest to channels with measured results."  # fmt: skip
    return [RegisterRow(risk=risk, watch=watch, response=response, owner=owner)]

"""The calendar's cost cells: an activity with no cost of its own is 'within its line' only when
that line has money left after the costs the calendar states."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_an_unpriced_activity_is_within_its_line_only_when_the_line_has_money_left() -> None:
    doc = load_answers(DATA / "ko_dental_answers.json")
    plan = build_plan(doc).plan
    line = next(x for x in plan.budget.lines if x.item == "신규 지점 개원 홍보")
    assert line.amount == 315_000_000.0  # 15% of 21억, not one branch's 6,300만
    row = next(r for r in section_markdown(plan, "mkt_calendar").splitlines() if "송도점 개원" in r)
    assert "| 항목 예산 내 | 신규 지점 개원 홍보 |" in row
    # the line spent by the costs the calendar states: the next opening's cost is to set
    doc["answers"]["mkt_budget"] = doc["answers"]["mkt_budget"].replace("신규 지점 개원 홍보 15%(지점당 6,300만 원)", "신규 지점 개원 홍보 3%")  # fmt: skip
    spent = build_plan(doc).plan
    assert next(x for x in spent.budget.lines if x.item == "신규 지점 개원 홍보").amount == 63_000_000.0  # fmt: skip
    row = next(
        r for r in section_markdown(spent, "mkt_calendar").splitlines() if "송도점 개원" in r
    )
    assert "| 미정 | 신규 지점 개원 홍보 |" in row


def test_a_share_of_an_unstated_total_is_never_called_spent() -> None:
    from assistant.core.plan import BudgetLine
    from assistant.interview.compose_calendar import _has_room

    plan = build_plan(load_answers(DATA / "ko_dental_answers.json")).plan
    assert _has_room(plan, BudgetLine(item="x", share=20.0), {}, 0.0)

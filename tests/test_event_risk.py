"""One dated event carrying a large share of the marketing budget is a concentration risk in the
register, at the cost the calendar shows (stated or proposed from its line)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.event_risk import one_event_rows

DATA = Path(__file__).parent / "data"


def test_a_show_with_a_quarter_of_the_budget_is_a_register_risk(sample_answers: Path) -> None:
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.economics_risks import plan_register

    plan = build_plan(load_answers(sample_answers)).plan
    # the NRF show is the events line's only dated event: its proposed cost is the whole line,
    # $120,000 of $480,000
    rows = one_event_rows(plan, "Marketing team")
    assert len(rows) == 1
    assert rows[0].risk == "NRF show (January 2027): $120,000 (proposed). That is 25% of the marketing budget on one date: if it brings less than planned, the year has little room to make it up."  # fmt: skip
    assert "pre-booking targets" in rows[0].response and rows[0].owner == "Marketing team"
    assert rows[0].watch.startswith("meetings booked with target accounts")
    register = plan_register(plan, analyse(plan))
    assert sum(r.risk == rows[0].risk for r in register) == 1


def test_a_stated_booth_cost_is_weighed_in_korean_and_a_small_one_is_no_risk() -> None:
    doc = json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))
    # the fair's 4,000만 원 is 8% of 4억 8,000만: no concentration
    assert one_event_rows(build_plan(doc).plan, "마케팅팀") == []
    doc["answers"]["mkt_calendar"] = doc["answers"]["mkt_calendar"].replace("부스(4,000만 원)", "부스(1억 2,000만 원)")  # fmt: skip
    rows = one_event_rows(build_plan(doc).plan, "마케팅팀")
    assert len(rows) == 1
    assert rows[0].risk.startswith("코엑스 HR 박람회 부스(2027년 5월) 1억 2,000만 원: 마케팅 예산의 25%가 한 번의 행사에 쓰임.")  # fmt: skip
    assert "(제안)" not in rows[0].risk  # a stated cost is no proposal


def test_only_one_date_events_of_the_plan_year_count_and_all_big_ones_are_named(sample_answers: Path) -> None:  # fmt: skip
    """A series over the year, a campaign, a span of months or an event in another year is no
    one-date event; two big shows are named together with their combined share."""
    doc = json.loads(sample_answers.read_text(encoding="utf-8"))
    base = doc["answers"]["mkt_calendar"]
    for extra in (
        "Jan-Dec: monthly webinar series ($150,000).",
        "November: holiday readiness campaign ($150,000).",
        "January 2028: NRF show ($120,000).",
    ):
        doc["answers"]["mkt_calendar"] = "January 2027: a small meetup ($5,000). " + extra
        assert one_event_rows(build_plan(doc).plan, "x") == [], extra
    doc["answers"]["mkt_calendar"] = base.replace("January NRF show", "January NRF show ($120,000)") + " March 2027: Shoptalk booth ($110,000)."  # fmt: skip
    rows = one_event_rows(build_plan(doc).plan, "x")
    assert len(rows) == 1 and rows[0].risk.startswith("NRF show (January 2027): $120,000; Shoptalk booth (March 2027): $110,000. That is 48% of the marketing budget")  # fmt: skip
    assert "on a few dates" in rows[0].risk

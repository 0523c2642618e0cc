"""A lower lead goal is recommended only when the year's revenue does not need the customers the
stated leads make: partners' customers come on top of the funnel, but a revenue shortfall keeps
the stated lead goal as its buffer."""

from __future__ import annotations

from pathlib import Path

from assistant.analysis.lead_buffer import advised_lead_goal, kept_for_revenue, revenue_short
from assistant.analysis.plan_analysis import analyse
from assistant.cli.draft import build_plan, load_answers
from tests.conftest import ko_hr_without_revenue_goal

DATA = Path(__file__).parent / "data"


def test_a_revenue_shortfall_keeps_the_stated_lead_goal() -> None:
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    a = analyse(plan)
    # 58억 against about 50억 4,000만 in the year: 7억 6,000만 short, from the rounded landing
    short = revenue_short(plan, a)
    assert short is not None and round(short / 1e6) == 760
    assert kept_for_revenue(plan, a) == short
    assert advised_lead_goal(plan, a) is None  # 2,400 stays: no lower figure is recommended


def test_with_no_revenue_goal_the_partners_let_the_lead_goal_fall() -> None:
    plan = build_plan(ko_hr_without_revenue_goal()).plan
    a = analyse(plan)
    assert revenue_short(plan, a) is None and kept_for_revenue(plan, a) is None
    advised = advised_lead_goal(plan, a)
    assert advised is not None and round(advised) == 1800  # 2,400 x 135 / 180


def test_a_funnel_short_of_the_customer_goal_still_asks_for_more_leads(sample_answers: Path) -> None:  # fmt: skip
    plan = build_plan(load_answers(sample_answers)).plan
    advised = advised_lead_goal(plan, analyse(plan))
    assert advised is not None and round(advised) == 1050  # 900 x 70 / 60


def test_the_customer_goal_s_check_follows_the_same_recommendation() -> None:
    """The goal's own line says what the summary decides: raise it to 225 when the revenue needs
    the partners' customers; the open choice only when it does not."""
    from assistant.interview.render import section_markdown

    kept = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_objectives")  # fmt: skip
    assert (
        "매출이 목표에 못 미치므로 이 목표를 약 225곳으로 올리는 것을 권함(승인 전에 정함: 요약의 '승인 전에 정할 것')."
        in kept
    )
    open_choice = section_markdown(build_plan(ko_hr_without_revenue_goal()).plan, "sales_objectives")  # fmt: skip
    assert (
        "리드 목표를 낮출지 고객 목표를 올릴지는 요약의 '승인 전에 정할 것'에서 정함."
        in open_choice
    )

"""The plan's wording true to the plan's shape: a Korean subscription plan's run-rate as ARR."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers

DATA = Path(__file__).parent / "data"


def test_a_korean_subscription_plan_says_its_run_rate_as_arr_and_a_shop_does_not() -> None:
    """'기초 ARR' / '기말 ARR', the words Korean SaaS readers use, not coined phrases; a bakery chain
    keeps its own wording (no ARR for a business without recurring revenue)."""
    from assistant.interview.render import plan_markdown

    hr = plan_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan)
    assert "기초 ARR" in hr and "기말 ARR" in hr
    assert "연초 연환산 매출" not in hr and "연말 기준 연간 매출" not in hr
    assert "| 기초 ARR | 한 해를 시작할 때의 연간 반복 매출" in hr  # explained once
    bakery = plan_markdown(build_plan(load_answers(DATA / "ko_bakery_answers.json")).plan)
    assert "기초 ARR" not in bakery and "기말 ARR" not in bakery

"""The target market as criteria a seller can use."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers

DATA = Path(__file__).parent / "data"


def test_the_target_market_lists_the_signs_an_account_fits(sample_answers: Path) -> None:
    """Sellers qualify on the buyer's own pains and what they are measured on; a consumer plan
    (no seller qualifies) has no such row, and typical entries never stand in for the user's."""
    from assistant.interview.render import section_markdown

    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_target_market")
    assert "| Signs of fit | reports arrive a week late and are built by hand in Excel; the buyer is measured on inventory turns and margin (qualify each account on these in the first call) |" in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert "| 적합 신호 | 엑셀로 근태를 집계하느라 급여 마감에 매달 3일이 걸림 · 주 52시간 위반이 늘 걱정임 · 평가 기준: 급여 오류 0건과 월 마감 소요 시간(첫 통화에서 이 신호로 고객사를 선별함) |" in ko  # fmt: skip
    consumer = section_markdown(build_plan(load_answers(DATA / "ko_subscription_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert "적합 신호" not in consumer


def test_a_consumer_persona_gets_no_signs_of_fit_even_with_a_gifting_rep() -> None:
    from assistant.interview.render import section_markdown

    coffee = section_markdown(build_plan(load_answers(DATA / "dtc_coffee_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert "Signs of fit" not in coffee

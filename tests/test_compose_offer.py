"""The offering's elements with what each answers for the buyer: the core too, not a dash."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_the_core_answers_the_buyer_s_main_pain_in_both_languages(sample_answers: Path) -> None:
    """'Daily store-level dashboards, anomaly alerts' answers 'reports arrive a week late …';
    '근태관리, 급여 계산' answers the pain that names 근태 and 급여 (no kind word needed)."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_offering")
    assert "| Core | Daily store-level dashboards, anomaly alerts | reports arrive a week late and are built by hand in Excel |" in en  # fmt: skip
    assert "| Differentiator | One-day setup | the effort of switching |" in en
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_offering")  # fmt: skip
    assert "| 핵심 | 근태관리, 급여 계산, 전자 근로계약, 연차 관리 | 엑셀로 근태를 집계하느라 급여 마감에 매달 3일이 걸림 |" in ko  # fmt: skip


def test_a_core_that_names_no_pain_keeps_its_dash() -> None:
    from assistant.interview.compose_offer import _shared_pain

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    assert _shared_pain(plan, ["사무실 청소", "택배 대행"]) == "-"

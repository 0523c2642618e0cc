"""One thing named one way in a plan: the user's word where the plan would write its own."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.core.plan import Plan
from assistant.core.user_terms import in_users_words, own_terms
from assistant.interview.render import plan_markdown

DATA = Path(__file__).parent / "data"


def test_the_users_word_replaces_the_plans_own_throughout_the_document() -> None:
    """The Korean sample's tactics say '레퍼런스 통화'; the plan's objection answers, training
    and risk register had said '레퍼런스 콜' beside it."""
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    text = plan_markdown(plan)
    assert "레퍼런스 콜" not in text
    assert text.count("레퍼런스 통화") >= 3  # the user's tactic, and the plan's own uses
    glossary = text.split("## 용어 설명")[1]
    assert "| 레퍼런스 통화 |" in glossary
    # the particle after it takes the new word's sound: '콜을' was '통화을'
    assert "레퍼런스 통화을" not in text and "레퍼런스 통화를" in text


def test_a_plan_whose_user_never_names_the_term_keeps_its_own(tmp_path: Path) -> None:
    answers = json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))
    answers = json.loads(
        json.dumps(answers, ensure_ascii=False).replace("레퍼런스 통화", "고객 사례")
    )
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    plan = build_plan(load_answers(path)).plan
    assert own_terms(plan) == []
    assert "레퍼런스 콜" in plan_markdown(plan)


def test_only_the_fixed_pairs_are_swapped_and_an_english_sentence_keeps_its_capital() -> None:
    plan = Plan.new("x", "en")
    plan.section(
        "sales_tactics"
    ).content = "Reference checks with two customers before every proposal."
    assert own_terms(plan) == [("reference call", "reference check")]
    assert in_users_words(plan, "Reference calls and pilots. Offer reference calls.") == "Reference checks and pilots. Offer reference checks."  # fmt: skip
    plan.section("sales_training").content = "A reference call script."
    assert own_terms(plan) == []  # the user says both: nothing to align


def test_a_korean_particle_follows_the_swapped_word() -> None:
    plan = Plan.new("x", "ko")
    plan.section("sales_tactics").content = "레퍼런스 통화를 활용합니다."
    said = in_users_words(
        plan,
        "레퍼런스 콜을 제안하고, 레퍼런스 콜이나 파일럿, 레퍼런스 콜로 신뢰를 줍니다. 레퍼런스 콜과 사례.",
    )
    assert (
        said
        == "레퍼런스 통화를 제안하고, 레퍼런스 통화나 파일럿, 레퍼런스 통화로 신뢰를 줍니다. 레퍼런스 통화와 사례."
    )

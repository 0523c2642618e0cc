"""A default conversion rate is never called the plan's own."""

from __future__ import annotations

from pathlib import Path

from assistant.analysis.plan_analysis import analyse
from assistant.analysis.rate_words import rates_short, rates_words
from assistant.cli.draft import build_plan, load_answers


def test_defaults_are_named_as_typical_rates_with_their_values(sample_answers: Path) -> None:
    a = analyse(build_plan(load_answers(sample_answers)).plan)
    assert rates_words(a, False) == "typical conversion rates (20% MQL-to-SQL rate, 25% win rate; industry defaults until yours are measured)"  # fmt: skip
    assert rates_short(a, False) == "typical rates"


def test_stated_rates_are_the_plans_own() -> None:
    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    a = analyse(plan)
    assert rates_words(a, True) == "계획상 전환율" and rates_short(a, True) == "계획상 전환율"

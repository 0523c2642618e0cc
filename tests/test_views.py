"""The web app's goal cards say what the chat and the documents say about each goal."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.web.views import scorecard_html

DATA = Path(__file__).parent / "data"


def test_a_goal_card_marks_achievable_as_the_plan_checks_it() -> None:
    """2,400 leads from last year's 1,500 with nothing named to bring the extra 900: the chat and
    the documents show A? with that reason, so the card does not say A ✓ 'nothing unrealistic'."""
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    card = scorecard_html(plan, "ko").split("<div class='goal-card' data-goal='2'>")[0]
    assert "<td class='letter'>A ?</td><td>달성 가능성</td><td>작년 1,500건에서 60% 늘리는 목표이고" in card  # fmt: skip
    assert "무리한 부분은 보이지 않습니다" not in card
    assert "<span class='verdict'>확인 필요</span>" in card or "보완 필요" in card

"""The close rate the win-rate tactics work to when the funnel falls short of the customer goal:
the rate that alone makes the goal from the same opportunities, only when that is credible."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_the_tactics_that_move_the_win_rate_get_the_rate_that_makes_the_goal(sample_answers: Path) -> None:  # fmt: skip
    # 1,200 MQLs a year -> 240 SQLs -> 60 at 25%; 70 need 25% x 70/60 = 29%
    shown = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_tactics")
    assert "**Win rate to work to:** about 29% (the plan assumes 25%) for value calculator showing hours saved and reference calls with similar retailers. At that rate the year's 240 SQLs make the 70 customers the goal needs without more leads." in shown  # fmt: skip
    # MEDDICC moves forecast accuracy, not the win rate: not named
    assert "MEDDICC" not in shown.split("**Win rate to work to:**")[1].split("\n")[0]


def test_a_gap_too_wide_for_the_win_rate_alone_gets_no_target_in_korean() -> None:
    path = DATA / "ko_workflow_saas_answers.json"
    # 150 customers from the funnel's 90: 25% would have to become 42%, no credible lever
    assert "수주율 목표" not in section_markdown(
        build_plan(load_answers(path)).plan, "sales_tactics"
    )
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["answers"]["sales_objectives"] = doc["answers"]["sales_objectives"].replace(
        "150개사", "108개사"
    )
    shown = section_markdown(build_plan(doc).plan, "sales_tactics")
    # 108 from 90: 25% x 108 / 90 = 30%, from the year's 360 SQLs
    assert "수주율 약 30%(계획상 25%)를 목표로 함. 이 비율이면 연 SQL 360건으로 리드를 늘리지 않고 고객 108곳을 채움." in shown  # fmt: skip

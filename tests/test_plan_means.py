"""A goal whose sentence states only its target is specific when the plan says how: the user's own
revenue bridge, their funnel, or a strategy step about the same thing. A goal with no target is
never made specific by the plan, and an edit that removes the means takes the pass away."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.plan_update import apply_answer

DATA = Path(__file__).parent / "data"


def test_the_bridge_the_funnel_and_a_strategy_step_are_the_means() -> None:
    plan = build_plan(load_answers(DATA / "us_hvac_answers.json")).plan
    revenue = next(g for g in plan.goals if "total revenue" in g.text)
    assert (
        revenue.criteria["specific"].ok
        and "contract churn -$0.9M" in revenue.criteria["specific"].reason
    )
    wins = next(g for g in plan.goals if "140 new PM contracts" in g.text)
    assert "2,000 leads -> 500 site surveys" in wins.criteria["specific"].reason
    vague = next(g for g in plan.goals if "most trusted" in g.text)
    assert vague.smart is False  # no target: no plan makes it SMART


def test_korean_strategy_steps_and_an_edit_that_removes_them() -> None:
    plan = build_plan(load_answers(DATA / "ko_petfood_answers.json")).plan
    churn = next(g for g in plan.goals if "해지율" in g.text)
    assert churn.criteria["specific"].ok and "해지" in churn.criteria["specific"].reason
    apply_answer(plan, "sales_strategy", "2027년에는 제휴 병원을 늘립니다.")
    apply_answer(plan, "sales_tactics", "동물병원엔 샘플을 보냅니다.")
    churn = next(g for g in plan.goals if "해지율" in g.text)
    assert churn.criteria["specific"].ok is False

"""What a persona card says about who decides, and the signer proposed when no card names one."""

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import personas_markdown


def test_the_typical_part_in_the_decision_is_shown_as_a_proposal(sample_answers: Path) -> None:
    en = personas_markdown(build_plan(load_answers(sample_answers)).plan)
    assert (
        "- Decision role (proposed, to confirm): economic buyer (owns the budget and signs)" in en
    )
    assert "their part in the decision" not in en  # shown as the proposal, not asked again


def test_a_business_plan_whose_cards_name_no_signer_gets_the_budget_holder(sample_answers: Path) -> None:  # fmt: skip
    plan = build_plan(load_answers(sample_answers)).plan
    plan.personas[0].decision_role = "user"
    plan.personas[0].typical = [f for f in plan.personas[0].typical if f != "decision_role"]
    text = personas_markdown(plan)
    assert "**Budget holder (finance, CFO)** _(proposed: typical for the role, to confirm in customer interviews)_" in text  # fmt: skip
    assert "- In the decision because: no card says who signs a $17,000 a year contract; above the operations director of a 20-200 store retail chain it is usually the budget holder (to confirm in the first deals)" in text  # fmt: skip

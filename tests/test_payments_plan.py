"""A card-processing business read as what it is: a take rate on its merchants' volume, a monthly
churn goal, a quota a month, and a team with a partner manager (an interview written for these
tests, in the shape of the development set's payments plans)."""

from __future__ import annotations

import pytest

from assistant.analysis.plan_analysis import analyse
from assistant.analysis.review import review_plan
from assistant.cli.draft import build_plan
from assistant.core.plan import Plan

ANSWERS = {
    "mkt_objectives": "Sign 1,800 new merchants by December 31, 2027 through partner referrals and Google search ads.\nGrow monthly card volume processed from $90M to $140M by December 2027.",
    "mkt_audience_personas": "Primary buyer: owner-operator of a 1-3 location independent restaurant. Pains: payouts that take three days.",
    "mkt_positioning_messaging": "For restaurant owners who wait days for their money, TabLoop pays out the next morning at one flat rate.",
    "sales_objectives": "Grow net revenue from $18M in 2026 to $24M in 2027 through new merchants.\nKeep monthly merchant churn at or below 1.2% through 2027.",
    "sales_offering": "Card processing at a flat 2.6% + 10c, free terminals, next-day payouts. Average merchant processes $75,000 a month.",
    "sales_team_structure": "12 inside sales reps, 2 sales managers, 4 account managers, 1 partner manager. Each rep carries a quota of 13 new merchants a month.",
    "sales_kpis": "Statement-review-to-signed rate 30%, take rate 2.6%.",
}  # fmt: skip


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan({"language": "en", "plan_type": "integrated", "company": "TabLoop", "answers": ANSWERS}).plan  # fmt: skip


def test_card_processing_is_a_take_rate_on_the_merchants_volume(plan: Plan) -> None:
    """'$75,000 a month' is the merchant's volume, not a subscription price: 75,000 x 12 x 2.6%."""
    model = plan.fact("revenue_model")
    assert model is not None and model.value == "take_rate"
    from assistant.analysis.plan_goals import deal_size

    size = deal_size(plan)
    assert size is not None and abs(size[0] - 23_400) < 1


def test_the_volume_goal_is_measured_as_volume(plan: Plan) -> None:
    from assistant.interview.render import section_markdown

    text = section_markdown(plan, "mkt_measurement")
    row = next(r for r in text.splitlines() if r.startswith("| Goal 2 |"))
    assert "Total volume processed in the period" in row and "subscription" not in row


def test_a_monthly_churn_goal_is_monthly_and_read_whole(plan: Plan) -> None:
    churn = plan.fact("churn_rate")
    assert churn is not None and churn.value == 1.2 and churn.period == "month"
    goal = next(g for g in plan.goals if "churn" in g.text)
    assert goal.frame is not None and goal.frame.metric == "monthly merchant churn"
    # one lifetime line, the monthly churn's year said compounded as the bridge says it
    lines = [x for x in analyse(plan).assumptions if x.startswith("Customer lifetime in LTV")]
    assert len(lines) == 1 and "1.2% churn a month (13.49% a year, compounded)" in lines[0]


def test_a_partner_manager_is_a_manager_and_a_monthly_quota_is_a_years_twelve(plan: Plan) -> None:
    from assistant.analysis.lists import team_roles

    assert [r["role"] for r in team_roles(plan)][-1] == "partner manager"
    assert plan.number("quota_per_seller") == 156
    # 1,800 merchants over 12 reps is 150 each, within their own quota: no risk is made of it
    assert not any("must close about 150" in r.risk for r in analyse(plan).risks)


def test_objections_get_an_answer_of_their_own(plan: Plan) -> None:
    answers = {o.objection: o.answer for o in plan.messaging.objections}
    assert all(len(a.strip(" .")) > 10 for a in answers.values())
    effort = next((a for o, a in answers.items() if "switch" in o), "")
    assert "Next-day payouts keeps the switch small" not in effort


def test_net_revenue_asks_for_the_net_rate_when_the_gross_rate_overshoots(plan: Plan) -> None:
    fixes = " ".join(f.fix for f in review_plan(plan).findings)
    assert "net revenue keeps what is left after interchange" in fixes


def test_points_of_growth_are_money_in_the_goals_currency(plan: Plan) -> None:
    from assistant.interview.render import section_markdown

    answers = {
        **ANSWERS,
        "mkt_market_analysis": "Card volume at independent restaurants grows about 6% a year.",
    }
    doc = {"language": "en", "plan_type": "integrated", "company": "TabLoop", "answers": answers}
    text = section_markdown(build_plan(doc).plan, "mkt_market_analysis")
    assert "(6%, about $1,080,000)" in text and "(1,080,000)" not in text

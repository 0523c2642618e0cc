"""Which goal counts the funnel's leads and which the new customers, and how many each adds:
a year's count said as one is a flow, a level's new ones are the ones the plan says it wins
(both languages)."""

from __future__ import annotations

from assistant.analysis.plan_goals import customer_goal, lead_goal
from assistant.cli.draft import build_plan


def _plan(answers: dict[str, str], lang: str):  # type: ignore[no-untyped-def]
    return build_plan({"language": lang, "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip


def test_a_year_s_count_said_as_one_is_a_flow_in_korean() -> None:
    """'무료 회원가입을 연 16만 명에서 24만 명으로', '유료 수강생을 연 4만 1,000명에서 5만 5,000명으로':
    a year's sign-ups and paying students, not levels to add the difference to."""
    plan = _plan(
        {
            "mkt_objectives": "2027년 12월 31일까지 네이버 검색광고·유튜브로 무료 회원가입을 연 16만 명에서 24만 명으로 늘린다.",  # fmt: skip
            "sales_objectives": "2027년 12월 31일까지 유료 수강생을 연 4만 1,000명에서 5만 5,000명으로 늘린다.\n2027년 12월까지 월 구독 유료 구독자를 3,200명에서 8,000명으로 늘린다.",  # fmt: skip
        },
        "ko",
    )
    leads, won = lead_goal(plan), customer_goal(plan)
    assert leads is not None and leads[1] == 240_000
    # paying students are the customers (before the subscription's level goal)
    assert won is not None and "유료 수강생" in won[0].text and won[1] == 55_000


def test_a_level_s_new_ones_are_those_the_plan_says_it_wins() -> None:
    """'active retailers from 9,400 to 15,000' adds the 9,000 new ones the strategy counts
    ('… plus 9,000 new = ~15,000 active'), not the net 5,600; retailers are the customers, not
    the 120 anchor brands signed on the supply side."""
    plan = _plan(
        {
            "sales_objectives": "Grow active retailers from 9,400 to 15,000 by December 31, 2027.\nSign 120 anchor brands by June 30, 2027.",  # fmt: skip
            "sales_strategy": "Existing 9,400 active retailers keep ~63% (5,922), plus 9,000 new = ~15,000 active at year end.",  # fmt: skip
        },
        "en",
    )
    won = customer_goal(plan)
    assert won is not None and "active retailers" in won[0].text and won[1] == 9_000

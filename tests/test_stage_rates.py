"""A sales process with its own stages runs the funnel through them, from the user's rates, in
both languages; no default MQL→SQL rate stands in for a stage the user named."""

from __future__ import annotations

import pytest

from assistant.analysis.plan_analysis import analyse
from assistant.analysis.stage_rates import read_stage_links
from assistant.cli.draft import build_plan


def test_stage_links_are_read_in_both_languages() -> None:
    en = read_stage_links("Lead-to-walk-through rate 30%, walk-through-to-proposal rate 60%, proposal win rate 28%.")  # fmt: skip
    assert [(a.lower(), b, r) for a, b, r, _, _ in en] == [("lead", "walk-through", 30), ("walk-through", "proposal", 60)]  # fmt: skip
    ko = read_stage_links("상담→방문 전환율 40%, 방문→계약 전환율 25%.")
    assert [(a, b, r) for a, b, r, _, _ in ko] == [("상담", "방문", 40), ("방문", "계약", 25)]
    assert read_stage_links("MQL-to-SQL rate 25%") == []  # the standard stage has its own fact
    assert read_stage_links("trial to paid conversion rate of 18%")[0][1] == "paid"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_funnel_runs_through_the_users_own_stages(lang: str) -> None:
    answers = {
        "en": {
            "mkt_objectives": "Generate 750 leads by December 31, 2027 through BOMA events and Google Ads.",
            "sales_kpis": "Lead-to-walk-through rate 30%, walk-through-to-proposal rate 60%, proposal win rate 28%.",
        },
        "ko": {
            "mkt_objectives": "2027년 12월 31일까지 검색 광고와 박람회로 리드 1,000건을 확보한다.",
            "sales_kpis": "리드→상담 전환율 40%, 상담→계약 전환율 25%.",
        },
    }[lang]  # fmt: skip
    plan = build_plan({"language": lang, "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip
    a = analyse(plan)
    stages = [(s.stage, s.volume) for s in a.funnel]
    if lang == "en":
        assert stages == [("Leads", 750), ("Walk-throughs", 225), ("Proposals", 135), ("New customers", pytest.approx(37.8))]  # fmt: skip
    else:
        assert stages == [("리드", 1000), ("상담", 400), ("신규 고객", 100)]
    assert not any("MQL" in x for x in a.assumptions)  # no default for a stage the user named


def test_a_counted_chain_is_read_with_its_own_or_computed_rates() -> None:
    from assistant.analysis.stage_rates import read_stage_links

    en = read_stage_links("Funnel: 2,000 leads -> 500 site surveys (25%) -> 400 proposals (80%) -> 140 wins (35%).")  # fmt: skip
    assert [(a, b, r) for a, b, r, _, _ in en] == [
        ("leads", "site surveys", 25.0), ("site surveys", "proposals", 80.0), ("proposals", "wins", 35.0),
    ]  # fmt: skip
    ko = read_stage_links("문의 1,000건 → 샘플 400건 → 첫 주문 240건")
    assert [(a, b, r) for a, b, r, _, _ in ko] == [
        ("문의", "샘플", 40.0),
        ("샘플", "첫 주문", 60.0),
    ]
    # a price or revenue change is no funnel
    assert read_stage_links("구독 객단가 4만 원 → 4만 3,500원, 단품 8억 → 11억") == []


def test_links_given_out_of_order_make_one_chain() -> None:
    """'체험→등록 40%, 상담→체험 60%': the funnel runs 상담 → 체험 → 등록 whatever order the answer
    names them in, so each stage's rate is its own (the KPI table shows 체험→등록 at 40%)."""
    from assistant.analysis.stage_rates import parse_fact

    assert parse_fact(["체험→등록 40%", "상담→체험 60%"]) == [
        ("상담", "체험", 60.0),
        ("체험", "등록", 40.0),
    ]
    # links that make no chain stay as given
    assert parse_fact(["a→b 10%", "c→d 20%"]) == [("a", "b", 10.0), ("c", "d", 20.0)]


def test_a_chain_with_about_in_its_brackets_and_a_qualifier_after_the_last_stage() -> None:
    ko = read_stage_links("상담 신청 700건 → 사업설명회 참석 245건(35%) → 상권 분석 면담 100건(약 41%) → 계약 35건(35%).")  # fmt: skip
    assert [(a, b, r) for a, b, r, _, _ in ko][-1] == ("상권 분석 면담", "계약", 35)
    en = read_stage_links("600 qualified leads -> 110 trial orders (about 18%) -> 40 active clients at 1,500+ hrs/month (36%).")  # fmt: skip
    assert [(a, b, round(r)) for a, b, r, _, _ in en] == [("qualified leads", "trial orders", 18), ("trial orders", "active clients", 36)]  # fmt: skip


def test_the_funnel_starts_at_the_stage_the_lead_goal_counts() -> None:
    """'600 qualified client leads' against '1,800 target sites -> 600 qualified leads -> …':
    the sites are not a step the goal's leads still take (it had made 600 leads 200, and 13
    customers instead of 40)."""
    plan = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": {
        "mkt_objectives": "Get 600 qualified client leads by Dec 31, 2027.",
        "sales_objectives": "Add 40 new clients by December 31, 2027.",
        "sales_strategy": "2027 funnel: 1,800 target sites -> 600 qualified leads -> 240 site walk-throughs (40%) -> 110 trial job orders (46%) -> 40 active clients (36%).",  # fmt: skip
        "mkt_budget": "Marketing budget $600,000 for 2027: LinkedIn 50%, trade shows 50%.",
    }}).plan  # fmt: skip
    funnel = analyse(plan).funnel
    assert [round(s.volume) for s in funnel] == [600, 240, 110, 40]


def test_new_ones_stated_beside_a_level_are_the_customers_it_takes() -> None:
    """'신규 가맹점 35개를 열고 폐점은 7개 이하로 막아 112개에서 140개로': 35 new, not the net 28."""
    from assistant.analysis.plan_goals import customer_goal

    plan = build_plan({"language": "ko", "company": "", "plan_type": "integrated", "answers": {
        "sales_objectives": "2027년 12월 31일까지 신규 가맹점 35개를 열고 폐점은 7개 이하로 막아 연말 가맹점 수를 112개에서 140개로 만든다.",  # fmt: skip
    }}).plan  # fmt: skip
    found = customer_goal(plan)
    assert found is not None and found[1] == 35
    plain = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": {
        "sales_objectives": "Grow stores from 40 to 50 by December 2027.",
    }}).plan  # fmt: skip
    assert customer_goal(plain) is None or customer_goal(plain)[1] == 10  # type: ignore[index]

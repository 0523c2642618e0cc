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

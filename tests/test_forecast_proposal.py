"""The proposed forecast's first quarter: what it rests on from before the year, counted."""

from __future__ import annotations

from pathlib import Path

from assistant.analysis.plan_analysis import analyse
from assistant.cli.draft import build_plan, load_answers
from assistant.interview.forecast_proposal import opening_pipeline, proposal
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_q1_counts_the_deals_it_takes_from_the_pipeline_open_on_1_january_in_korean() -> None:
    """A workflow SaaS with sellers and a 1,080만 deal, no cycle stated: the typical 60-day cycle
    at the year's pace of 7.5 deals a month (90 / 12) is 15 of Q1's 23, 60 open SQLs at 25%."""
    plan = build_plan(load_answers(DATA / "ko_workflow_saas_answers.json")).plan
    shown = section_markdown(plan, "sales_forecast")
    assert "- 1분기 23곳 중 약 15곳은 2027년 1월 1일에 열려 있는 파이프라인에서 나옴." in shown
    assert "영업 주기를 약 60일(중견 B2B 일반 범위 1~3개월, 기준: KPI 참고 자료(업계 일반 범위)의 '판매 주기')로 보면 첫 60일의 계약 약 15곳은 2026년 말 리드에서 옴." in shown  # fmt: skip
    assert "SQL에서 고객으로의 전환율 25%로는 1월 1일에 열린 SQL 약 60건이 필요함." in shown
    assert "(파이프라인이 없으면 1분기 약 8곳, 한 해 약 75곳)" in shown


def test_a_stated_cycle_is_the_plans_own_and_a_freeze_adds_the_deals_that_slipped(
    sample_answers: Path,
) -> None:
    """The sample's retail buyers freeze in November-December: of Q1's 23, 8 slipped past last
    year's freeze (1.5 months at 5 a month) and a stated 30-day cycle adds 5 (one month's pace)."""
    answers = load_answers(sample_answers)
    answers["answers"]["sales_kpis"] = "Win rate, average deal size, sales cycle 30 days, CAC."
    plan = build_plan(answers).plan
    a = analyse(plan)
    p = proposal(plan, a)
    assert p is not None and p.counts[0] == 23
    o = opening_pipeline(plan, a, p)
    assert o is not None and o.stated and o.slipped == 8 and o.deals == 13
    shown = section_markdown(plan, "sales_forecast")
    assert "Q1's 23 rest on about 13 deals from the pipeline open on 1 January 2027: with the plan's 30-day sales cycle, about 5 deals signed in its first 30 days come from leads of late 2026, and 8 are deals that slipped past the buyers' year-end freeze." in shown  # fmt: skip


def test_a_small_deal_is_not_given_a_months_long_cycle() -> None:
    """A 60만 원 a year tax app: no typical mid-market cycle is assumed for it, so Q1 is only
    said to rest on last year's pipeline, with no count made up."""
    plan = build_plan(load_answers(DATA / "ko_saas_answers.json")).plan
    a = analyse(plan)
    p = proposal(plan, a)
    assert p is not None and opening_pipeline(plan, a, p) is None
    shown = section_markdown(plan, "sales_forecast")
    assert "2027년 1분기에 작년부터 이어진 파이프라인이 같은 속도로 계약된다고 봄." in shown
    assert "60일" not in shown

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
    assert "영업 주기를 약 60일(중견 B2B 업계 일반 범위 1~3개월)로 보면 첫 60일의 계약 약 15곳은 2026년 말 리드에서 옴." in shown  # fmt: skip
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
    assert (
        "Q1's 23 rest on about 13 deals from the pipeline open on 1 January 2027: with the plan's 30-day sales cycle, about 5 deals signed in its first 30 days come from leads of late 2026, and about 8 are deals the buyers' year-end freeze (mid-November to the end of December) is expected to push into January (see Assumptions)."
        in shown
    )
    # what the freeze moves is the plan's assumption, said as one (a director read 'slipped' as
    # deals nobody has seen); a Korean plan for the same buyers says the same
    answers["language"] = "ko"
    ko = section_markdown(build_plan(answers).plan, "sales_forecast")
    assert "약 8곳은 고객의 연말 도입 중단으로 11월 중순~12월에서 1월로 넘어올 것으로 본 거래임(가정 참고)." in ko  # fmt: skip


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


def test_stated_quarters_that_open_above_last_year_name_the_opening_the_goal_needs(
    sample_answers: Path,
) -> None:
    """$3.0M of 2027 revenue from last year's $2.0M, with Q1 at $650,000 ($2.6M a year): the
    goal is met if the year opens at about $2.53M ((3.0M - 595,000 / 2) / (1 - 10% / 2)); budget
    and hiring follow the measured opening, not last year's average."""
    answers = load_answers(sample_answers)
    answers["answers"]["sales_objectives"] += "\nGrow 2027 revenue from $2.0M in 2026 to $3.0M."
    answers["answers"]["sales_forecast"] = "2027 revenue by quarter: Q1 $650,000, Q2 $720,000, Q3 $780,000, Q4 $850,000, total $3.0M."  # fmt: skip
    shown = section_markdown(build_plan(answers).plan, "sales_forecast")
    assert "- The quarters' $3M meets the goal if the year opens at about $2,530,000 a year (December's revenue × 12); Q1 at $650,000 ($2.6M a year) assumes the same, above last year's $2M." in shown  # fmt: skip
    assert "Budget and hiring follow the" not in shown
    # Q4 is set against the table's own bridge Q4 first
    assert "- Q4 at $850,000 is $133,000 above the revenue bridge's Q4 in the table ($717,000); the difference is the year's opening." in shown  # fmt: skip
    # then the bridge's Q4 from the opening Q1 implies: a quarter against a quarter
    assert "From the opening Q1 implies, about $2,480,000 a year (Q1 already holds its own new deals), the bridge's Q4 is about $827,000, close to the forecast." in shown  # fmt: skip


def test_invented_bases_are_logged_under_assumptions(sample_answers: Path) -> None:
    """The typical 60-day cycle the proposed Q1 rests on is listed where a reader checks what the
    plan assumes."""
    from assistant.interview.analysis_render import closing_markdown

    plan = build_plan(load_answers(sample_answers)).plan
    shown = closing_markdown(plan, analyse(plan)).split("## Risks")[0]
    assert "- Sales cycle (for the proposed forecast's first quarter only): not stated, so 60 days, the middle of the typical one to three months for mid-market B2B deals, is used." in shown  # fmt: skip
    # the territories guess no split, so they assume nothing
    assert "- Territories:" not in shown and "population" not in shown
    ko = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    said = closing_markdown(ko, analyse(ko)).split("## 위험")[0]
    assert "영업 주기(" not in said  # the plan states 40 days: nothing invented
    assert "- 지역:" not in said  # sellers and targets per territory are stated
    # the buyers' year-end freeze that shapes the proposed quarters, and the team lead counted
    # as one person, are figures the plan supplies: listed too (a director found them missing)
    assert "- Buyers' year-end freeze (the proposed forecast's quarters): retail buyers putting off new systems in their November-December peak is usual retail practice, not the plan's own data;" in shown  # fmt: skip
    assert "- Manager headcount (Sales Team Structure): the team lead is named only as the one others report to, so it is counted as one person." in shown  # fmt: skip
    assert "구매 보류 시기" not in said  # an HR software seller's buyers have no retail freeze
    assert "- 관리자 인원(영업팀 구조): 인사이드세일즈 파트장은 팀 구성에 인원이 적혀 있지 않아 1명으로 셈." in said  # fmt: skip


def test_the_sales_summary_says_what_the_forecast_rests_on(sample_answers: Path) -> None:
    """18 of the proposed 60 deals come from a pipeline open on 1 January that nobody has counted
    (one 60-day cycle at 5 a month, plus 8 slipped past the freeze): a top risk, with the year
    without it."""
    plan = build_plan(load_answers(sample_answers)).plan
    risks = section_markdown(plan, "sales_executive_summary").split("**Top risks**")[1]
    assert "- About 18 of the forecast's 60 deals rest on the pipeline open on 1 January 2027, which nobody has counted yet; without it the year signs about 42." in risks  # fmt: skip

"""Competitors as a comparison: each with the kind its name shows and the plan's own claim that
answers that kind, one claim per competitor where the plan has enough; no claims, a plain list."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.compose_rivals import rivals_markdown
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_a_suite_module_is_answered_with_the_specialist_claim() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_market_analysis")  # fmt: skip
    # a suite's module and a bundle met with the same claim for the same reason share one row
    assert "| 더존 ERP의 인사 모듈, 그룹웨어 번들(대체재) | 노무법인 검수 급여 템플릿 |" in ko
    # rivals of no known kind share one row: no claim is handed to each in turn without a reason
    assert "| 플렉스, 시프티(직접 경쟁사) | 2주 도입 |" in ko  # the claim without its copula
    assert not any(r.startswith(("| 플렉스 |", "| 시프티 |")) for r in ko.splitlines())
    assert "경쟁사와 붙은 거래는 수주·실주와 관계없이 사유를 CRM에 남기고" in ko


def test_claims_that_say_the_same_count_once_and_price_fighters_are_a_kind() -> None:
    plan = build_plan(load_answers(DATA / "us_hvac_answers.json")).plan
    shown = rivals_markdown(plan, ["Acme", "Beta Co", "small shops on price"], ["One-day setup", "1-day setup", "24/7 dispatch"])  # fmt: skip
    assert "| small shops on price | 24/7 dispatch |" in shown  # fmt: skip
    assert "| Acme, Beta Co (direct rivals) | One-day setup |" in shown
    assert "1-day setup" not in shown  # the same claim in other words is not a second claim


def test_without_claims_the_competitors_stay_a_list() -> None:
    plan = build_plan(load_answers(DATA / "us_hvac_answers.json")).plan
    shown = rivals_markdown(plan, ["Acme", "Beta Co"], [])
    assert "- Acme\n- Beta Co" in shown and "|" not in shown


def test_a_threat_of_a_competing_kind_is_met_in_the_competitor_table(sample_answers: Path) -> None:
    """A bundle or a free plan the SWOT names as a threat is a rival row, led with the strength
    the risk register meets the same threat with."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_market_analysis")  # fmt: skip
    # the strength in the key message's words: one term per concept across the plan
    # each named for what it is to the buyer's choice: a substitute, pressure on price
    assert "그룹웨어 번들(대체재) | 노무법인 검수 급여 템플릿 |" in ko
    # an alert against a free plan is the risk it prevents (a compliance miss), not time saved;
    # the status quo's row says that sentence, so the free plan's row says how price is met
    assert "| 엑셀 수작업(현재 방식) | 주 52시간 자동 경고 | 고객이 지금 일하는 방식('엑셀로 근태를 집계하느라 급여 마감에 매달 3일이 걸림')임. 무료 도구나 수작업은 위반·오류를 미리 알려 주지 않으므로, 막아 주는 위험을 앞세움 |" in ko  # fmt: skip
    assert "| 대형 경쟁사의 무료 요금제(가격 압박) | 주 52시간 자동 경고 | 가격으로 겨루지 않고, 비교 기준을 왼쪽의 강점으로 옮김 |" in ko  # fmt: skip
    assert ko.count("미리 알려 주지 않으므로") == 1
    assert "(위협)" not in ko.split("**경쟁 현황**")[1]
    assert "주 52시간 초과 자동 경고" not in ko.split("**경쟁 현황**")[1]
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_market_analysis")
    assert "| Bundled analytics from commerce platforms (substitute) | Ready-made retail dashboards |" in en  # fmt: skip


def test_what_the_buyers_do_today_is_an_alternative_of_its_own(sample_answers: Path) -> None:
    """Reports 'built by hand in Excel' (the buyer's pains) are what a deal is most often lost
    to: a status-quo row quoting the buyers' own words, and the positioning line names it."""
    plan = build_plan(load_answers(sample_answers)).plan
    en = section_markdown(plan, "mkt_market_analysis")
    row = next(r for r in en.splitlines() if r.startswith("| manual spreadsheets (status quo) |"))
    assert "the buyers' own way today ('reports arrive a week late and are built by hand in Excel')" in row  # fmt: skip
    pos = section_markdown(plan, "mkt_positioning_messaging")
    assert "Unlike Tableau, Looker Studio and manual spreadsheets, Brightloom Analytics leads with" in pos  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_market_analysis")  # fmt: skip
    row = next(r for r in ko.splitlines() if r.startswith("| 엑셀 수작업(현재 방식) |"))
    # a Korean clause cut at its connective ends as the persona card says the pain (never cut off)
    assert "고객이 지금 일하는 방식('엑셀로 근태를 집계하느라 급여 마감에 매달 3일이 걸림')" in row  # fmt: skip


def test_no_status_quo_row_when_the_answers_describe_none_or_a_rival_is_that_kind() -> None:
    plan = build_plan(load_answers(DATA / "us_hvac_answers.json")).plan
    assert "status quo" not in section_markdown(plan, "mkt_market_analysis")
    ko = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    shown = rivals_markdown(
        ko, ["엑셀과 무료 템플릿", "플렉스"], ["2주 도입", "주 52시간 자동 경고"]
    )
    assert "현재 방식" not in shown  # a named rival of that kind is the row


def test_excellent_or_a_manual_is_no_status_quo() -> None:
    from assistant.interview.compose_rivals import _BY_HAND

    for text in ("they expect excellent support", "the user manual is long", "manual-transmission cars", "office paper forms"):  # fmt: skip
        assert _BY_HAND.search(text) is None, text
    for text in ("schedules are built manually", "reports built by hand in Excel", "엑셀로 근태를 집계", "종이 결재와 엑셀 취합"):  # fmt: skip
        assert _BY_HAND.search(text), text


def test_a_free_plan_threat_is_met_off_price_in_english(sample_answers: Path) -> None:
    answers = load_answers(sample_answers)
    said = answers["answers"]["mkt_market_analysis"]
    answers["answers"]["mkt_market_analysis"] = said.replace("bundled analytics from commerce platforms", "free plans from large vendors")  # fmt: skip
    en = section_markdown(build_plan(answers).plan, "mkt_market_analysis")
    assert "| Free plans from large vendors (price pressure) | Ready-made retail dashboards | no contest on price: the comparison moves to the strength beside it |" in en  # fmt: skip

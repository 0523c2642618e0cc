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
    assert "| 더존 ERP의 인사 모듈 | 노무법인 검수 급여 템플릿 |" in ko
    # rivals of no known kind share one row: no claim is handed to each in turn without a reason
    assert "| 플렉스, 시프티(강점 미확인) | 2주 도입 |" in ko  # the claim without its copula
    assert not any(r.startswith(("| 플렉스 |", "| 시프티 |")) for r in ko.splitlines())
    assert "경쟁사와 붙은 거래는 이기든 지든 사유를 CRM에 남기고" in ko


def test_claims_that_say_the_same_count_once_and_price_fighters_are_a_kind() -> None:
    plan = build_plan(load_answers(DATA / "us_hvac_answers.json")).plan
    shown = rivals_markdown(plan, ["Acme", "Beta Co", "small shops on price"], ["One-day setup", "1-day setup", "24/7 dispatch"])  # fmt: skip
    assert "| small shops on price | 24/7 dispatch |" in shown  # fmt: skip
    assert "| Acme, Beta Co (strengths not yet known) | One-day setup |" in shown
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
    assert "| 그룹웨어 번들(위협) | 노무법인 검수 급여 템플릿 |" in ko
    assert "| 대형 경쟁사의 무료 요금제(위협) | 주 52시간 자동 경고 |" in ko
    assert "주 52시간 초과 자동 경고" not in ko.split("**경쟁 현황**")[1]
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_market_analysis")
    assert "| Bundled analytics from commerce platforms (threat) | Ready-made retail dashboards |" in en  # fmt: skip

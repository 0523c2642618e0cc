"""The marketing strategy states its choices before its moves: where to win, why buyers choose
the plan's offer over the named rivals, and whom it does not pursue, composed from the fact sheet
(the user's items, never the answer as a paragraph)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def _choices(md: str) -> str:
    return md.split("\n\n|")[0]


def test_the_english_strategy_says_where_to_win_why_us_and_what_it_leaves_out(sample_answers: Path) -> None:  # fmt: skip
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_strategy")
    head = _choices(en)
    assert "**Choices**" in head
    assert "- Where to win: North American retail chains with 20-200 stores and $50M-$1B revenue; apparel and specialty food first." in head  # fmt: skip
    assert "- Why buyers choose us over Tableau, Looker Studio and small Shopify apps: one-day setup, retail-specific KPIs out of the box" in head  # fmt: skip
    # the size range's ends, the smaller buyers served self-serve (not left unserved)
    assert "- Outside the target market: under 20 stores (self-serve through Shopify App Store), over 200 stores." in head  # fmt: skip
    assert "Every message" not in head  # no promise the channel copy does not keep
    assert "They start with apparel" not in en  # the segment is said once
    answers = json.loads(sample_answers.read_text())["answers"]
    assert answers["mkt_strategy"] not in en and answers["sales_target_market"] not in en


def test_the_korean_strategy_states_its_target_and_what_it_excludes() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_strategy")  # fmt: skip
    head = _choices(ko)
    assert "**선택과 집중**" in head
    assert "- 공략 대상: 수도권과 영남, 충청·호남의 직원 50~300명 중소·중견기업, 그중 교대 근무가 있는 제조업과 유통업부터 공략함." in head  # fmt: skip
    assert "주 52시간 자동 경고, 노무법인 검수 급여 템플릿, 2주 도입" in head and "플렉스" in head
    assert "유통업부터 공략함." not in ko.split("**선택과 집중**")[0]
    doc = load_answers(DATA / "ko_hr_answers.json")
    doc["answers"]["sales_target_market"] += " 제외: 직원 30명 미만 소기업, 공공기관."
    assert "- 공략 대상 밖: 직원 50명 미만, 300명 초과." in head
    excluded = _choices(section_markdown(build_plan(doc).plan, "mkt_strategy"))
    assert "- 공략 대상 밖: 직원 50명 미만, 300명 초과." in excluded
    assert "- 공략하지 않는 고객: 직원 30명 미만 소기업, 공공기관." in excluded
    # the priority cut from a sentence leaves the market it narrows
    doc["answers"]["sales_target_market"] = (
        "수도권에 사는 30~40대 맞벌이 가구, 자녀가 있는 가정부터 시작합니다."
    )
    assert "- 공략 대상: 수도권에 사는 30~40대 맞벌이 가구, 그중 자녀가 있는 가정부터 공략함." in section_markdown(build_plan(doc).plan, "mkt_strategy")  # fmt: skip
    # a sentence that is no market's name is not cut into a target line
    doc["answers"]["sales_target_market"] = (
        "온라인으로 전국에 판매하고 오프라인 매장은 운영하지 않습니다."
    )
    assert "공략 대상:" not in section_markdown(build_plan(doc).plan, "mkt_strategy")


def test_a_claim_made_to_partners_is_not_the_buyers_reason() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_payments_answers.json")).plan, "mkt_strategy")  # fmt: skip
    why = next(x for x in _choices(ko).splitlines() if x.startswith("- 고객이 우리를 고르는 이유:"))
    assert "리퍼럴" not in why and "수수료 2.2%" in why


def test_no_false_edge_from_a_range_starting_at_one_or_a_consumers_profile() -> None:
    """'1-10 locations' has no 'under 1'; a consumer business's office profile (10-50 people) is
    not the market's edge; a unit of two words keeps both ('sq ft')."""
    from assistant.interview.compose_target import market_criteria
    from assistant.interview.target_scope import scope_rows

    coffee = build_plan(load_answers(DATA / "dtc_coffee_answers.json")).plan
    assert "Outside the target market" not in section_markdown(coffee, "mkt_strategy")
    cleaning = build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan
    rows = scope_rows(cleaning, market_criteria(cleaning), None)
    assert any(r[1].startswith("under 20,000 sq ft") for r in rows)

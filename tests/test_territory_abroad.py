"""A territory in another country than the plan's home market gets what to settle before its
first deal (currency, tax, language, data, hours) and a lower first-year target, from the guide's
part on territories abroad; a home region that serves a border is no such territory."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown
from assistant.interview.territory_abroad import abroad

DATA = Path(__file__).parent / "data"


def test_canada_in_a_us_plan_is_a_market_of_its_own(sample_answers: Path) -> None:
    plan = build_plan(load_answers(sample_answers)).plan
    text = section_markdown(plan, "sales_territories_channels")
    assert "- Canada is outside the home country of the plan's other territories: before its first deal, settle its price currency (CAD or USD), sales tax registration there, the language of contracts and support, where its customers' data is stored and which seller covers its working hours; give it a lower first-year target than its share until it has local references (usual practice for a territory abroad)." in text  # fmt: skip
    assert "US East is another" not in text
    # a home region serving the border stays at home
    assert abroad(plan, ["Texas & cross-border Mexico", "US West"]) == []
    assert abroad(plan, ["Mexico", "EMEA"]) == [("Mexico", "MXN", "멕시코 페소")]
    # a home state named after another country, a province by its own name
    assert abroad(plan, ["Texas, Oklahoma, New Mexico"]) == []
    assert abroad(plan, ["British Columbia"]) == [("British Columbia", "CAD", "캐나다 달러")]


def test_japan_in_a_korean_plan_is_said_in_korean() -> None:
    answers = load_answers(DATA / "ko_workflow_saas_answers.json")
    answers["answers"]["sales_territories_channels"] = (
        "수도권(AE 3명), 영남권(AE 1명), 일본(AE 1명)."
    )
    text = section_markdown(build_plan(answers).plan, "sales_territories_channels")
    assert "- 일본은 국내와 다른 나라 시장임: 첫 거래 전에 가격 통화(엔 또는 원), 현지 세금 등록, 계약서와 지원 언어, 고객 데이터 보관 위치, 현지 업무 시간에 맞춘 담당자를 정하고, 현지 레퍼런스가 생길 때까지 첫해 목표는 몫보다 낮게 잡음(해외 지역 운영의 일반적인 관행)." in text  # fmt: skip
    assert "수도권은 국내와" not in text

"""What a persona card says about who decides, and the signer proposed when no card names one."""

from pathlib import Path

import pytest

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import personas_markdown


def test_the_typical_part_in_the_decision_is_shown_as_a_proposal(sample_answers: Path) -> None:
    en = personas_markdown(build_plan(load_answers(sample_answers)).plan)
    assert (
        "- Decision role (proposed, to confirm): economic buyer (owns the budget and signs)" in en
    )
    assert "their part in the decision" not in en  # shown as the proposal, not asked again


def test_a_business_plan_whose_cards_name_no_signer_gets_the_budget_holder(sample_answers: Path) -> None:  # fmt: skip
    plan = build_plan(load_answers(sample_answers)).plan
    plan.personas[0].decision_role = "user"
    plan.personas[0].typical = [f for f in plan.personas[0].typical if f != "decision_role"]
    text = personas_markdown(plan)
    assert "**Budget holder (finance, CFO)** _(proposed: typical for the role, to confirm in customer interviews)_" in text  # fmt: skip
    assert "- In the decision because: no card says who signs a $17,000 a year contract; above the operations director of a 20-200 store retail chain it is usually the budget holder (to confirm in the first deals)" in text  # fmt: skip


@pytest.mark.parametrize(
    ("role", "name"),
    [
        ("서울 강남·분당에 사는 초등 4~6학년 자녀를 둔 40대 학부모", "학부모 지연 씨"),
        ("주요 고객은 서울에 사는 30~40대 맞벌이 부모", "맞벌이 부모 서연 씨"),
        ("강아지 간식을 사는 반려인", "반려인 지연 씨"),
        ("1인 가구 직장인", "1인 가구 직장인 수진 씨"),
    ],
)  # fmt: skip
def test_a_korean_card_is_named_by_the_nouns_of_its_role(role: str, name: str) -> None:
    """'자녀를 둔 40대 학부모' is a parent, not '둔 학부모': a verb's modifier, a particle's word
    or a figure is no part of the name (read with Kiwi in the whole role)."""
    from assistant.interview.persona_names import short_name

    assert short_name(role, "ko") == name


def test_a_consumers_plan_counts_its_customers_as_people() -> None:
    """Families are 명, not 곳: the summary's funnel line says '신규 고객 약 360명'."""
    from assistant.interview.render import section_markdown

    doc = {"language": "ko", "plan_type": "integrated", "company": "A", "answers": {
        "mkt_audience_personas": "주 고객: 초등 자녀를 둔 40대 학부모. 고민: 아이가 게임만 함.",
        "mkt_objectives": "2027년 12월 31일까지 네이버 검색 광고로 상담 신청 1,500건을 받는다.",
        "sales_kpis": "상담→체험 전환율 60%, 체험→등록 전환율 40%.",
    }}  # fmt: skip
    text = section_markdown(build_plan(doc).plan, "mkt_executive_summary")
    assert "신규 고객 약 360명" in text and "360곳" not in text
    # a sign-up goal keeps its own name ('상담'), never renamed a trial
    doc["plan_type"] = "marketing"
    assert "상담 신청 목표 1,500건" in section_markdown(
        build_plan(doc).plan, "mkt_executive_summary"
    )


def test_a_card_that_approves_above_an_amount_is_not_the_final_signature() -> None:
    """'연 1,000만 원 이상 계약을 승인하는 재무 이사': the budget's sign-off, not 'the final
    decision' a line below sends on to the chief executive."""
    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.render import section_markdown

    ko = section_markdown(build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan, "mkt_audience_personas")  # fmt: skip
    assert "- 의사결정 역할: 결재권자(예산 승인)" in ko and "최종 결재권자" not in ko
    assert "재무 이사 → 대표이사" in ko

"""Labels written as a sentence's topic ('경쟁사는 …이며', '우리 강점은 …입니다', 'Our biggest
weakness is …') are read like 'label: …', so a free-form market answer keeps its competitors,
SWOT and market rows apart."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.analysis.lists import FOUR_P, SWOT_LABELS, competitor_list, labelled
from assistant.cli.draft import build_plan
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"
KO_FREE = (
    "국내 중소기업 HR SaaS 시장은 약 4,000억 원 규모로 연 15% 성장하고 있습니다. 경쟁사는 플렉스와 "
    "시프티이며, 우리 강점은 2주 도입과 주 52시간 자동 경고입니다. 약점은 브랜드 인지도가 낮다는 "
    "점입니다. 기회는 최저임금 인상으로 급여 오류 부담이 커진 50~300명 기업이고, 위협은 대형 "
    "경쟁사의 무료 요금제입니다."
)


def test_korean_topic_labels_split_the_answer_into_its_parts() -> None:
    parts, rest = labelled(KO_FREE, SWOT_LABELS)
    assert parts == {
        "c": "플렉스와 시프티.",
        "s": "2주 도입과 주 52시간 자동 경고.",
        "w": "브랜드 인지도가 낮다는 점.",
        "o": "최저임금 인상으로 급여 오류 부담이 커진 50~300명 기업.",
        "t": "대형 경쟁사의 무료 요금제.",
    }
    assert rest == "국내 중소기업 HR SaaS 시장은 약 4,000억 원 규모로 연 15% 성장하고 있습니다."


def test_a_topic_noun_inside_a_clause_is_not_a_label() -> None:
    parts, rest = labelled("시장 성장 기회는 큽니다. 우리의 강점은 가격입니다.", SWOT_LABELS)
    assert parts == {"s": "가격."}
    assert rest == "시장 성장 기회는 큽니다."
    # '경쟁 환경은 치열합니다' is about the market, not a list of rivals
    assert "c" not in labelled("경쟁 환경은 치열합니다.", SWOT_LABELS)[0]


def test_korean_4p_written_as_sentences_is_read_per_p() -> None:
    parts, _ = labelled("제품은 근태관리 클라우드입니다. 가격은 직원 1인당 월 5,000원이며, 연간 계약 시 10% 할인합니다.", FOUR_P)  # fmt: skip
    assert parts["product"] == "근태관리 클라우드."
    assert parts["price"].startswith("직원 1인당 월 5,000원이며")


def test_english_topic_sentences_are_read_but_competition_is_fierce_names_no_rival() -> None:
    text = (
        "The field-service software market is $4B, growing 12% a year. Our strengths are "
        "two-week setup and local support. Our biggest weakness is brand awareness. Competition "
        "is fierce in the Sunbelt."
    )
    parts, rest = labelled(text, SWOT_LABELS)
    assert parts == {"s": "two-week setup and local support.", "w": "brand awareness."}
    assert "Competition is fierce" in rest and "market is $4B" in rest


def test_free_form_korean_market_answer_drafts_competitors_swot_and_market_rows() -> None:
    answers = json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))
    answers["answers"]["mkt_market_analysis"] = KO_FREE
    plan = build_plan(answers).plan
    assert competitor_list(plan) == ["플렉스", "시프티"]
    shown = section_markdown(plan, "mkt_market_analysis")
    growth = next(line for line in shown.splitlines() if line.startswith("| 성장"))
    assert "약점" not in growth and "15%" in growth
    assert "SWOT(강점, 약점, 기회, 위협)는 아직 없음" not in shown
    # every item in the SWOT table with where the plan acts on it: no 2x2 repeating the answer
    assert "**SWOT과 계획 반영**" in shown and "| 내부 |" not in shown
    for row in ("| 강점 | 2주 도입 |", "| 강점 | 주 52시간 자동 경고 |", "| 약점 | 브랜드 인지도가 낮다는 점 |", "| 위협 | 대형 경쟁사의 무료 요금제 |"):  # fmt: skip
        assert row in shown
    rows = [r.split(" | ")[0] for r in shown.split("**SWOT과 계획 반영**")[1].split("**경쟁")[0].splitlines() if r.startswith("| 강점") or r.startswith("| 약점") or r.startswith("| 기회") or r.startswith("| 위협")]  # fmt: skip
    assert rows == ["| 강점", "| 강점", "| 약점", "| 기회", "| 위협"]  # read in SWOT order
    assert "| 우리 강점" not in shown


def test_a_list_item_drops_its_joining_word_and_keeps_what_its_topic_names() -> None:
    from assistant.analysis.lists import list_items

    text = (
        "로얄캐닌 같은 대형 브랜드, 화식 쪽은 바프(BARF) 계열 스타트업 3~4곳, 그리고 쿠팡 PB 제품"
    )
    assert list_items(text, "ko") == ["로얄캐닌", "바프(BARF) 계열 스타트업 3~4곳", "쿠팡 PB 제품"]

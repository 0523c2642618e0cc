"""Each key message with the buyer's pain or objection it answers."""

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.message_answers import message_answers
from assistant.interview.render import messaging_markdown

DATA = Path(__file__).parent / "data"


def test_a_message_answers_the_pain_or_objection_its_kind_meets(sample_answers: Path) -> None:
    en = build_plan(load_answers(sample_answers)).plan
    assert message_answers(en, "One-day setup") == "the effort of switching"
    pain = "reports arrive a week late and are built by hand in Excel"
    assert message_answers(en, "Ready-made retail dashboards") == pain
    assert message_answers(en, "A friendly team") == ""  # nothing it meets: no guess
    text = messaging_markdown(en)
    assert "| Message | What it answers | Proof points |" in text
    # a message about measures answers what the buyer is measured on, so the rows do not all
    # answer the one pain the value proposition already meets
    assert "| Retail-specific KPIs out of the box | inventory turns and margin (what they are measured on) |" in text  # fmt: skip
    assert f"| Ready-made retail dashboards | {pain} |" in text
    # with that pain taken, a message that meets another one gives it instead
    assert message_answers(en, "Retail-specific KPIs out of the box", frozenset({"inventory turns and margin (what they are measured on)"})) == pain  # fmt: skip


def test_of_the_pains_a_message_meets_the_one_sharing_its_words_comes_first() -> None:
    ko = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    # a reviewed payroll template meets the error risk before the manual work: what the buyer is
    # measured on (zero payroll errors) shares its words, the overtime worry does not
    assert (
        message_answers(ko, "노무법인 검수 급여 템플릿")
        == "급여 오류 0건과 월 마감 소요 시간(평가 기준)"
    )
    assert message_answers(ko, "주 52시간 자동 경고") == "주 52시간 위반이 늘 걱정임"
    assert message_answers(ko, "2주 도입") == "전환 부담(도입, 교육)"
    text = messaging_markdown(ko)
    assert "| 메시지 | 메시지가 답하는 것 | 근거 |" in text

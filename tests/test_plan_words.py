"""The plan's wording true to the plan's shape: a Korean subscription plan's run-rate as ARR."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers

DATA = Path(__file__).parent / "data"


def test_a_korean_subscription_plan_says_its_run_rate_as_arr_and_a_shop_does_not() -> None:
    """'연초 ARR' / '연말 ARR', the words Korean SaaS readers use, not coined phrases; a bakery chain
    keeps its own wording (no ARR for a business without recurring revenue)."""
    from assistant.interview.render import plan_markdown

    hr = plan_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan)
    assert "연초 ARR" in hr and "연말 ARR" in hr
    assert "연초 연환산 매출" not in hr and "연말 기준 연간 매출" not in hr
    assert "| 연초 ARR | 한 해를 시작할 때의 연간 반복 매출" in hr  # explained once
    bakery = plan_markdown(build_plan(load_answers(DATA / "ko_bakery_answers.json")).plan)
    assert "연초 ARR" not in bakery and "연말 ARR" not in bakery


def test_the_deck_says_what_the_document_says() -> None:
    """The slides and their notes use the plan's own words too: no '연초 연환산 매출' or
    '레퍼런스 콜' in a deck whose document says '연초 ARR' and '레퍼런스 통화'."""
    import io

    from pptx import Presentation

    from assistant.export.pptx_deck import plan_to_pptx_bytes

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    deck = Presentation(io.BytesIO(plan_to_pptx_bytes(plan)))
    shown: list[str] = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                shown.append(shape.text_frame.text)
            if shape.has_table:
                shown += [c.text for row in shape.table.rows for c in row.cells]
        if slide.has_notes_slide:
            shown.append(slide.notes_slide.notes_text_frame.text)
    text = "\n".join(shown)
    assert "연초 ARR" in text
    for coined in ("연초 연환산 매출", "연말 기준 연간 매출", "레퍼런스 콜"):
        assert coined not in text, coined

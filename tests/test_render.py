"""The goals as the document lists them: one numbering across the plan, said where a list
starts past 1."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers


def test_a_sales_goal_list_starting_past_one_says_the_numbering_is_the_plan_s(sample_answers: Path) -> None:  # fmt: skip
    """'4. Close 70 new annual contracts…' opens the sales goals: a reader is told the numbers run
    across the plan, in both languages; the marketing goals, starting at 1, need no note."""
    from assistant.interview.render import section_markdown

    en = build_plan(load_answers(sample_answers)).plan
    sales = section_markdown(en, "sales_objectives")
    assert sales.lstrip().startswith("4. ")
    assert "_Goals are numbered once across the whole plan._" in sales
    assert "numbered once" not in section_markdown(en, "mkt_objectives")
    ko = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    assert "_목표 번호는 계획 전체에 걸쳐 하나로 이어짐._" in section_markdown(ko, "sales_objectives")  # fmt: skip


def test_the_numbering_note_reaches_the_pdf_and_docx(sample_answers: Path, tmp_path: Path) -> None:
    """The exports build goals as a table; the note under it is what a reader of the PDF or the
    DOCX sees too."""
    import subprocess

    from docx import Document

    from assistant.export import write_export

    plan = build_plan(load_answers(sample_answers)).plan
    pdf = write_export(plan, "pdf", tmp_path / "en.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert " ".join(text.split()).count("Goals are numbered once across the whole plan.") == 1
    docx = write_export(plan, "docx", tmp_path / "en.docx")
    paras = [p.text for p in Document(str(docx)).paragraphs]
    assert sum("Goals are numbered once across the whole plan." in p for p in paras) == 1

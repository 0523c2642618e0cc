"""Reading the user's documents: every kind the product takes (made here, the PDF with the
project's own export), page numbers kept, and each refused kind of file with a clear message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from pptx import Presentation
from pptx.util import Inches

from assistant.core.documents import MAX_DOCUMENT_PAGES
from assistant.core.errors import InputError
from assistant.core.plan import Plan
from assistant.export import write_export
from assistant.interview.doc_passages import split_passages
from assistant.interview.plan_update import apply_answer
from assistant.retrieval.doc_read import read_document


def make_docx(path: Path, pages: list[list[tuple[str, str]]]) -> Path:
    """A DOCX with a page break between pages; each page a list of (heading, paragraph)."""
    document = docx.Document()
    for n, page in enumerate(pages):
        if n:
            document.add_page_break()
        for heading, text in page:
            document.add_heading(heading, 1)
            document.add_paragraph(text)
    document.save(str(path))
    return path


def make_pptx(path: Path, slides: list[tuple[str, str]]) -> Path:
    deck = Presentation()
    for title, body in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
        slide.shapes.title.text = title
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(3))
        box.text_frame.text = body
    deck.save(str(path))
    return path


def make_hwpx(path: Path, blocks: list[tuple[str, str]]) -> Path:
    from hwpx import HwpxDocument

    document = HwpxDocument.new()
    for heading, text in blocks:
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save_to_stream(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def make_plan_pdf(path: Path, lang: str = "en") -> Path:
    """A PDF written by the project's own export, with a market and a budget answer."""
    plan = Plan.new("Acme" if lang == "en" else "부산포스", lang)
    if lang == "ko":
        apply_answer(
            plan,
            "mkt_market_analysis",
            "경쟁사: 토스플레이스, 페이히어\n부산 시장은 성장 중입니다.",
        )
        apply_answer(
            plan,
            "mkt_budget",
            "마케팅 예산은 연 1억 원입니다. 검색 광고 6,000만 원, 행사 4,000만 원.",
        )
    else:
        apply_answer(
            plan,
            "mkt_market_analysis",
            "Competitors: Jobber, ServiceTitan\nThe Midwest market grows 12% a year.",
        )
        apply_answer(
            plan,
            "mkt_budget",
            "The marketing budget is $300,000: paid search $200,000, events $100,000.",
        )
    write_export(plan, "pdf", path)
    return path


def test_docx_pages_follow_its_page_breaks(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "brief.docx",
        [[("Pricing", "Our Pro plan costs $79 per user per month.")],
         [("Budget", "The marketing budget was $240,000.")]],
    )  # fmt: skip
    pages = read_document(path)
    assert [p.number for p in pages] == [1, 2]
    assert "$79" in pages[0].text and "$240,000" in pages[1].text
    passages = split_passages("brief.docx", pages)
    assert [(p.heading, p.page) for p in passages] == [("Pricing", 1), ("Budget", 2)]


def test_pptx_slides_are_pages(tmp_path: Path) -> None:
    path = make_pptx(tmp_path / "deck.pptx", [("Market", "Contractors leave paper."), ("가격", "월 2만 9,000원")])  # fmt: skip
    pages = read_document(path)
    assert [p.number for p in pages] == [1, 2]
    passages = split_passages("deck.pptx", pages)
    assert passages[1].heading == "가격" and "2만 9,000원" in passages[1].text


def test_hwpx_text_is_read(tmp_path: Path) -> None:
    path = make_hwpx(
        tmp_path / "요약.hwpx", [("예산", "2026년 마케팅 예산은 1억 2,000만 원입니다.")]
    )
    pages = read_document(path)
    assert "1억 2,000만 원" in pages[0].text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_pdf_from_our_own_export_is_read_page_by_page_without_its_contents_page_or_placeholders(
    tmp_path: Path, lang: str
) -> None:
    pages = read_document(make_plan_pdf(tmp_path / "plan.pdf", lang))
    assert len(pages) >= 2 and pages[0].number == 1
    text = "\n".join(p.text for p in pages)
    assert ("페이히어" if lang == "ko" else "Jobber") in text
    passages = split_passages("plan.pdf", pages)
    joined = "\n".join(p.text for p in passages)
    assert "......" not in joined  # the contents page's leaders are not passages
    assert "Not answered yet" not in joined and "아직 답하지 않았습니다" not in joined
    budget = next(p for p in passages if ("1억" if lang == "ko" else "$300,000") in p.text)
    assert budget.page > 1


def test_text_and_markdown_split_pages_at_form_feeds(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Market\nGrowing 12%.\f# Budget\n$50,000 for events.", encoding="utf-8")
    assert [p.number for p in read_document(path)] == [1, 2]


def _refused(path: Path, *words: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = caught.value.message("en")
    assert path.name in message
    for word in words:
        assert word in message.lower()
    assert caught.value.message("ko") != message  # a Korean message too
    return caught.value


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    source = make_plan_pdf(tmp_path / "plain.pdf")
    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    _refused(locked, "password")


def test_scanned_only_pdf_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")  # a picture, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    _refused(path, "no text", "scanned")


def test_malformed_files_are_refused(tmp_path: Path) -> None:
    bad_pdf = tmp_path / "broken.pdf"
    bad_pdf.write_bytes(b"%PDF-1.7\n this is not a pdf body at all")
    _refused(bad_pdf, "could not be read")
    bad_docx = tmp_path / "broken.docx"
    bad_docx.write_bytes(b"PK\x03\x04 not really a zip")
    _refused(bad_docx, "damaged")


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/zeros.bin", b"\0" * (30 * 1024 * 1024))
    assert path.stat().st_size < 1_000_000
    _refused(path, "archive bomb")


def test_xml_entity_tricks_are_refused_before_parsing(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plain.docx", [[("Market", "Growing.")]])
    tricked = tmp_path / "entities.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tricked, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1
                )
            dst.writestr(item, data)
    _refused(tricked, "doctype")


def test_size_pages_and_kind_limits(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(21 * 1024 * 1024)
        fh.write(b"x")
    _refused(big, "limit is 20 mb")
    many = tmp_path / "many.txt"
    many.write_text(
        "\f".join(f"page {n} text" for n in range(MAX_DOCUMENT_PAGES + 5)), encoding="utf-8"
    )
    _refused(many, "limit is 300")
    _refused(tmp_path.joinpath("sheet.xlsx"), "can't be read")
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    _refused(empty, "empty")

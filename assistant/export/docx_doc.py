"""The plan as a Word document: a cover, a table of contents, a running header and page
numbers, real heading styles, tables whose columns fit their words, and labelled charts."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from assistant.core.plan import Plan
from assistant.export.blocks import (
    Block,
    Heading,
    Image,
    Para,
    Table,
    column_widths,
    cover,
    cover_text,
    keep_together,
    page_size_for,
    plan_blocks,
    runs,
)
from assistant.export.fonts import FAMILY

_STYLE = {
    "body": None,
    "bullet": "List Bullet",
    "number": "List Number",
    "quote": "Quote",
    "note": None,
}
_TEXT_WIDTH_CM = 16.0  # A4 with 2.5 cm margins


def _field(paragraph: Paragraph, code: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, TOC): Word fills it in; `shown` is the text until then."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(sep)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _fonts(doc: DocumentType, lang: str) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    # one sans-serif face for body and headings (the template's theme fonts would override it):
    # NanumGothic for Korean (shipped with the app), Arial for English
    family = FAMILY if lang == "ko" else "Arial"
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        style = doc.styles[name]
        style.font.name = family
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), family)
    if lang == "ko":  # Korean text: no automatic extra space between Hangul and Latin or digits
        for name in ("Normal",):
            ppr = doc.styles[name].element.get_or_add_pPr()
            for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
                el = OxmlElement(tag)
                el.set(qn("w:val"), "0")
                ppr.append(el)
        # Hangul is East Asian text (ko-KR); digits and Latin letters are the 'western' script,
        # and marking them Korean too made LibreOffice break lines inside numbers ('2,40|0건')
        lang_el = OxmlElement("w:lang")
        lang_el.set(qn("w:val"), "en-US")
        lang_el.set(qn("w:eastAsia"), "ko-KR")
        normal.element.get_or_add_rPr().append(lang_el)
    # Word refreshes the table of contents and page numbers when the file opens
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def _cover(doc: DocumentType, plan: Plan) -> None:
    c = cover(plan)
    for _ in range(6):
        doc.add_paragraph()
    title = doc.add_paragraph(style="Title")
    title.add_run(c.company or c.title)
    if c.company:
        sub = doc.add_paragraph()
        run = sub.add_run(c.title)
        run.font.size, run.font.color.rgb = Pt(18), RGBColor(0x44, 0x54, 0x6A)
    doc.add_paragraph()
    for label, value in c.facts:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(doc: DocumentType, plan: Plan, blocks: list[Block]) -> None:
    doc.add_paragraph(
        cover_text(plan.language)["contents"], style="TOC Heading"
    ) if "TOC Heading" in [s.name for s in doc.styles] else doc.add_heading(
        cover_text(plan.language)["contents"], level=1
    )
    entries = [b for b in blocks if isinstance(b, Heading) and b.level <= 2]
    shown = "\n".join(("    " if h.level == 2 else "") + h.text for h in entries)
    p = doc.add_paragraph()
    _field(p, 'TOC \\o "1-2" \\h \\z \\u', shown)
    # the text shown until Word updates the field keeps its line breaks
    for run in p.runs:
        if run.text and "\n" in run.text:
            lines = run.text.split("\n")
            run.text = lines[0]
            for line in lines[1:]:
                run.add_break()
                run.add_text(line)


def _header_footer(doc: DocumentType, plan: Plan) -> None:
    c = cover(plan)
    section = doc.sections[-1]
    section.header.is_linked_to_previous = False  # the cover and contents pages stay plain
    section.footer.is_linked_to_previous = False
    head = section.header.paragraphs[0]
    head.text = f"{c.company} · {c.title}" if c.company else c.title
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in head.runs:
        run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x66, 0x66, 0x66)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(foot, "PAGE", "1")
    foot.add_run(" / ")
    _field(foot, "NUMPAGES", "1")


def _paragraph(doc: DocumentType, block: Para) -> None:
    p = doc.add_paragraph(style=_STYLE[block.style])
    parts = runs(block.text)
    if len(parts) == 1 and parts[0][1]:  # a bold title line stays with what it introduces
        p.paragraph_format.keep_with_next = True
    for text, bold in parts:
        run = p.add_run(keep_together(text))
        run.bold = bold or None
        if block.style == "note":
            run.italic = True
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _table(doc: DocumentType, block: Table) -> None:
    # about 0.22 cm per character at 9 pt (bold headers, wide fallback fonts); Korean text is set
    # a little wider still (spacing between Hangul and digits), so its columns get more room
    hangul = any(re.search("[가-힣]", c) for row in [block.header, *block.rows] for c in row)
    per_char = 0.24 if hangul else 0.22
    chars = _TEXT_WIDTH_CM / per_char
    widths, scale = column_widths(block, chars)
    size = Pt(round(9 * scale, 1))
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    all_rows = [block.header, *block.rows]
    for r, values in enumerate(all_rows):
        cells = table.rows[0].cells if r == 0 else table.add_row().cells
        for cell, text, width in zip(cells, values, widths, strict=True):
            cell.width = Cm(width * per_char)
            cell.text = ""
            run = cell.paragraphs[0].add_run(keep_together(str(text)))
            run.font.size = size
            run.bold = r == 0 or None
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width * per_char)
    margins = OxmlElement("w:tblCellMar")  # text never touches the rules: a little inner margin
    for side, twips in (("top", 30), ("bottom", 30), ("left", 80), ("right", 80)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(twips))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    table._tbl.tblPr.append(margins)
    # the header keeps with the first row, so both start on the same page; keeping the first row
    # with the second as well makes LibreOffice drop a tall unsplittable row that must move to
    # the next page
    for row in table.rows[:1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    for n, row in enumerate(table.rows):  # a row never splits across two pages, unless it is a
        # long one (a cell of several hundred characters would leave most of a page blank above
        # it), or the first under the header: the header keeps with it, and LibreOffice drops the
        # rows after an unsplittable first row it has to move (a persona card lost five rows)
        if n == 1 or max((len(c.text) for c in row.cells), default=0) > 400:
            continue
        keep = OxmlElement("w:cantSplit")
        keep.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(keep)
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page the table spans
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    doc.add_paragraph()


def _render(doc: DocumentType, blocks: list[Block]) -> None:
    for n, block in enumerate(blocks):
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=min(block.level, 4)).paragraph_format.keep_with_next = True  # fmt: skip
        elif isinstance(block, Para):
            _paragraph(doc, block)
            # a table's introduction stays with it, and so does a line that introduces a list
            # ('Risks:')
            leads_in = block.text.rstrip("_* ").endswith(":") and isinstance(following, Para)
            if isinstance(following, Table | Image) or leads_in:
                doc.paragraphs[-1].paragraph_format.keep_with_next = True
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Image):
            doc.add_picture(io.BytesIO(block.png), width=Cm(15))


def build_document(plan: Plan, page_size: str = "auto") -> DocumentType:
    doc = Document()
    section = doc.sections[0]
    if page_size_for(plan, page_size) == "letter":
        section.page_height, section.page_width = Cm(27.94), Cm(21.59)
    else:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    _fonts(doc, plan.language)
    blocks = plan_blocks(plan)
    _cover(doc, plan)
    _contents(doc, plan, blocks)
    doc.add_section(WD_SECTION.NEW_PAGE)
    _header_footer(doc, plan)
    _render(doc, blocks)
    return doc


def plan_to_docx_bytes(plan: Plan, page_size: str = "auto") -> bytes:
    buffer = io.BytesIO()
    build_document(plan, page_size).save(buffer)
    if plan.language == "ko":  # Korean reads right even where NanumGothic is not installed
        from assistant.export.docx_fonts import embed_korean_font

        return embed_korean_font(buffer.getvalue())
    return buffer.getvalue()

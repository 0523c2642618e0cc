"""The plan as a PDF (fpdf2, pure Python): the DOCX's blocks with a cover, a table of contents
with page numbers, a running header, page numbers and bookmarks; fonts embedded (NanumGothic)."""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from fpdf import FPDF
from fpdf.enums import TableCellFillMode
from fpdf.fonts import FontFace

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
)
from assistant.export.fonts import FAMILY, font_files

logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # the fonts' hinting tables
_HEADING_SIZE = {1: 16, 2: 13, 3: 11, 4: 10.5}
_NAVY, _GREY = (31, 56, 100), (100, 100, 100)
_TOC_PER_PAGE = 33  # 6.5 mm lines below the title and header: fits Letter and A4


class _Document(FPDF):
    def __init__(self, plan: Plan, size: str) -> None:
        super().__init__(format="Letter" if size == "letter" else "A4")
        self.keep_whole = False  # the next table starts whole on a new page if it would break
        files = font_files()
        self.add_font(FAMILY, "", str(files.regular))
        self.add_font(FAMILY, "B", str(files.bold))
        self.add_font("DejaVu", "", str(files.fallback))
        self.add_font("DejaVu", "B", str(files.fallback_bold))
        self.set_fallback_fonts(["DejaVu"], exact_match=False)
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)
        c = cover(plan)
        self.running_title = f"{c.company} · {c.title}" if c.company else c.title
        self.set_title(self.running_title)
        self.set_author(c.company or "Plan Assistant")
        self.set_creator("Plan Assistant")
        self.set_lang("ko" if plan.language == "ko" else "en")
        self.alias_nb_pages()

    def header(self) -> None:
        if self.page_no() <= 1:
            return
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*_GREY)
        self.cell(0, 6, self.running_title, align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        if self.page_no() <= 1:
            return
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*_GREY)
        self.cell(0, 6, f"{self.page_no()} / {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _safe(text: str) -> str:
    # fpdf2's markdown reads '--' as underline and '__' as italics: keep them as plain text
    return keep_together(text.replace("--", "–").replace("__", "_\u200b_"))


def _cover(pdf: _Document, plan: Plan) -> None:
    c = cover(plan)
    pdf.add_page()
    pdf.set_y(80)
    pdf.set_font(FAMILY, "B", 28)
    pdf.set_text_color(*_NAVY)
    pdf.multi_cell(0, 13, c.company or c.title, new_x="LMARGIN", new_y="NEXT")
    if c.company:
        pdf.set_font(FAMILY, "", 18)
        pdf.multi_cell(0, 10, c.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*_NAVY)
    pdf.line(pdf.l_margin, pdf.get_y() + 3, pdf.w - pdf.r_margin, pdf.get_y() + 3)
    pdf.ln(12)
    pdf.set_text_color(0, 0, 0)
    for label, value in c.facts:
        pdf.set_font(FAMILY, "B", 11)
        pdf.cell(38, 8, label)
        pdf.set_font(FAMILY, "", 11)
        pdf.cell(0, 8, value, new_x="LMARGIN", new_y="NEXT")


def _toc_renderer(title: str) -> Any:
    def render(pdf: FPDF, outline: list[Any]) -> None:
        pdf.set_x(pdf.l_margin)
        pdf.set_font(FAMILY, "B", 16)
        pdf.set_text_color(*_NAVY)
        pdf.cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        for n, entry in enumerate(e for e in outline if e.level <= 1):
            if n and n % _TOC_PER_PAGE == 0:
                pdf.add_page()  # moves to the next page reserved for the contents
                pdf.set_y(pdf.t_margin + 8)  # below the running header, never over it
            pdf.set_font(FAMILY, "B" if entry.level == 0 else "", 10.5 if entry.level == 0 else 10)
            indent = 6 * entry.level
            pdf.set_x(pdf.l_margin + indent)
            width = pdf.w - pdf.l_margin - pdf.r_margin - indent
            page = str(entry.page_number)
            name_w = pdf.get_string_width(entry.name)
            dots = "." * max(
                2,
                int((width - name_w - pdf.get_string_width(page) - 4) / pdf.get_string_width(".")),
            )
            link = pdf.add_link(page=entry.page_number)
            pdf.cell(
                width, 6.5, f"{entry.name} {dots} {page}", new_x="LMARGIN", new_y="NEXT", link=link
            )

    return render


def _heading(pdf: _Document, block: Heading) -> None:
    size = _HEADING_SIZE.get(block.level, 10.5)
    if pdf.get_y() > pdf.page_break_trigger - 40:  # keep a heading with what follows it
        pdf.add_page()
    pdf.ln(4 if block.level > 1 else 6)
    pdf.start_section(block.text, level=block.level - 1, strict=False)
    pdf.set_font(FAMILY, "B", size)
    pdf.set_text_color(*_NAVY)
    pdf.multi_cell(0, size * 0.55, block.text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def _para(pdf: _Document, block: Para) -> None:
    pdf.set_font(FAMILY, "", 10)
    if block.style == "note":
        pdf.set_font(FAMILY, "", 9)
        pdf.set_text_color(*_GREY)
    elif re.fullmatch(r"\*\*[^*]+\*\*:?", block.text.strip()):
        pdf.ln(2.5)  # a bold line heads what follows: space above it, as above a heading
    text = _safe(block.text)
    if block.style in ("bullet", "number", "quote"):
        pdf.set_x(pdf.l_margin + 3)
        pdf.cell(4, 5.2, "•" if block.style != "quote" else "›")
        pdf.multi_cell(0, 5.2, text, markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(0, 5.2, text, markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
    pdf.set_text_color(0, 0, 0)


def _breakable(text: str, room: float) -> str:
    """A hyphenated word too long for its cell ('Marketing-qualified' in a narrow column) breaks at
    its hyphen, never mid-word ('qualifi' / 'ed'): a zero-width space after the hyphen is a place
    to break, added only where the word would not fit (so copied text stays plain elsewhere)."""
    return re.sub(
        r"\S+",
        lambda m: (
            re.sub(r"(?<=[A-Za-z]{2}-)(?=[A-Za-z]{2})", "\u200b", m.group(0))
            if len(m.group(0)) > room
            else m.group(0)
        ),
        text,
    )


def _table(pdf: _Document, block: Table) -> None:
    # a short table that would break across pages starts on the next one whole (a total row alone
    # on a page read as a table cut off); a long one breaks where it must
    if pdf.keep_whole and len(block.rows) <= 12 and pdf.get_y() > pdf.t_margin + 20:  # fmt: skip
        with pdf.offset_rendering() as dummy:
            _draw_table(dummy, block)  # type: ignore[arg-type]
        if dummy.page_break_triggered:
            pdf.add_page()
    _draw_table(pdf, block)


def _draw_table(pdf: _Document, block: Table) -> None:
    width = pdf.w - pdf.l_margin - pdf.r_margin
    size = 8.5
    char_mm = size * 0.3528 * 0.55  # an average Latin character at this size, in mm
    widths, scale = column_widths(block, width / char_mm)
    pdf.set_font(FAMILY, "", round(size * scale, 1))
    pdf.ln(1)
    with pdf.table(
        col_widths=widths,
        width=min(width, sum(widths) * char_mm),
        align="LEFT",
        text_align="LEFT",
        line_height=pdf.font_size * 1.45,
        headings_style=FontFace(emphasis="BOLD", fill_color=(228, 234, 244)),
        cell_fill_mode=TableCellFillMode.NONE,
        borders_layout="SINGLE_TOP_LINE",
        padding=(1, 1.2),
    ) as table:
        for row in [block.header, *block.rows]:
            cells = table.row()
            for i, text in enumerate(row):
                # the characters one line of the column holds, at the table's font size
                room = widths[i] / max(scale, 0.1) - 2 if i < len(widths) else 1e9
                cells.cell(_breakable(keep_together(text), room))
    pdf.ln(3)


def _image(pdf: _Document, block: Image) -> None:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(block.png)) as im:
        ratio = im.height / im.width
    w = min(150.0, pdf.w - pdf.l_margin - pdf.r_margin)
    if pdf.get_y() + w * ratio > pdf.page_break_trigger:
        pdf.add_page()
    pdf.image(io.BytesIO(block.png), w=w)
    pdf.ln(3)


def build_pdf(plan: Plan, page_size: str = "auto") -> bytes:
    blocks = plan_blocks(plan)
    pdf = _Document(plan, page_size_for(plan, page_size))
    _cover(pdf, plan)
    pdf.add_page()
    entries = sum(1 for b in blocks if isinstance(b, Heading) and b.level <= 2)
    pdf.insert_toc_placeholder(
        _toc_renderer(cover_text(plan.language)["contents"]),
        pages=max(1, -(-entries // _TOC_PER_PAGE)),
        reset_page_indices=False,
    )
    render: dict[type, Any] = {Heading: _heading, Para: _para, Table: _table, Image: _image}
    block: Block
    for n, block in enumerate(blocks):
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        after = blocks[n + 2] if n + 2 < len(blocks) else None
        # a table's title line stays with the table's first rows
        if (
            isinstance(block, Para)
            and isinstance(following, Table)
            and pdf.get_y() > pdf.page_break_trigger - 35
        ):
            pdf.add_page()
        # a bold title line over a list ('**Competitors**') stays with the list's first items
        if (
            isinstance(block, Para)
            and block.style == "body"
            and block.text.startswith("**")
            and block.text.rstrip().endswith("**")
            and isinstance(following, Para)
            and following.style in ("bullet", "number")
            and pdf.get_y() > pdf.page_break_trigger - 25
        ):
            pdf.add_page()
        # a heading whose first paragraph introduces a table (or an image) needs room for all
        # three, or the paragraph's move to the next page would leave the heading stranded
        if (
            isinstance(block, Heading)
            and isinstance(following, Para)
            and isinstance(after, Table | Image)
            and pdf.get_y() > pdf.page_break_trigger - 60
        ):
            pdf.add_page()
        if (
            isinstance(block, Heading)
            and isinstance(following, Image)
            and pdf.get_y() > pdf.page_break_trigger - 110
        ):
            pdf.add_page()
        # a section heading over a card's heading (a persona's name) and its table: the run of
        # headings and the table's first rows go together
        if isinstance(block, Heading) and isinstance(following, Heading):
            run = next((k for k in range(n + 1, len(blocks)) if not isinstance(blocks[k], Heading)), len(blocks)) - n  # fmt: skip
            if pdf.get_y() > pdf.page_break_trigger - (12 * run + 40):
                pdf.add_page()
        if (
            isinstance(block, Heading)
            and isinstance(following, Table)
            and pdf.get_y() > pdf.page_break_trigger - 45
        ):
            pdf.add_page()
        # a table right under a heading or a bold title moves with it or not at all (the checks
        # above keep those together): only a table after body text starts whole on a new page
        before = blocks[n - 1] if n else None
        titled = isinstance(before, Heading) or (isinstance(before, Para) and before.text.startswith("**") and before.text.rstrip().endswith("**"))  # fmt: skip
        pdf.keep_whole = isinstance(block, Table) and not titled
        render[type(block)](pdf, block)
    return bytes(pdf.output())

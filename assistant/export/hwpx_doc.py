"""The plan as an HWPX document (python-hwpx), for Korean offices: a title page with the cover
facts, headings, paragraphs and every table of the shared document model (SWOT, 4P, budget, KPIs,
analysis), validated by the library's own validator before it is returned."""

from __future__ import annotations

import io

from assistant.core.errors import ExportError
from assistant.core.plan import Plan
from assistant.export.blocks import Heading, Image, Para, Table, cover, plain, plan_blocks

_BULLET = {"bullet": "• ", "number": "", "quote": "", "note": "", "body": ""}


def plan_to_hwpx_bytes(plan: Plan) -> bytes:
    from hwpx import HwpxDocument

    doc = HwpxDocument.new()
    c = cover(plan)
    if c.company:
        doc.add_heading(plain(c.company), level=1)
    doc.add_heading(plain(c.title), level=1)
    for name, value in c.facts:
        doc.add_paragraph(f"{name}: {value}")
    for block in plan_blocks(plan):
        if isinstance(block, Heading):
            doc.add_heading(plain(block.text), level=min(max(block.level, 1) + 1, 4))
        elif isinstance(block, Para):
            doc.add_paragraph(_BULLET.get(block.style, "") + plain(block.text))
        elif isinstance(block, Table) and block.header:
            _table(doc, block)
        elif isinstance(block, Image) and block.caption:
            doc.add_paragraph(plain(block.caption))  # charts stay in DOCX/PDF; the caption says so
    report = doc.validate()
    if report.issues:
        raise ExportError(
            f"The HWPX document did not validate ({report.issues[0]}).",
            f"HWPX 문서 검증에 실패했습니다({report.issues[0]}).",
        )
    buffer = io.BytesIO()
    doc.save_to_stream(buffer)
    return buffer.getvalue()


def _table(doc: object, block: Table) -> None:
    rows = [block.header, *block.rows]
    cols = len(block.header)
    table = doc.add_table(len(rows), cols)  # type: ignore[attr-defined]
    for r, row in enumerate(rows):
        for col in range(cols):
            text = plain(row[col]) if col < len(row) else ""
            table.set_cell_text(r, col, text or " ")

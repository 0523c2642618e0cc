"""The plan as a Word document: real headings, tables for goals, KPIs, budget and calendar, the
composed sections' tables, and the analysis with Assumptions, Risks and Sources."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Inches, Pt

from assistant.analysis.plan_analysis import analyse
from assistant.core.catalogue import document_order, get_section
from assistant.core.plan import CRITERIA, Plan
from assistant.interview.analysis_render import analysis_markdown, closing_markdown
from assistant.interview.compose import kpi_targets_markdown
from assistant.interview.render import labels, section_markdown, smart_marks

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _add_rich(doc: DocumentType, text: str, style: str | None = None) -> None:
    paragraph = doc.add_paragraph(style=style)
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()])
        paragraph.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


_DIVIDER = re.compile(r"^\|[\s|:-]+\|$")


def _cells(line: str) -> list[str]:
    return [
        c.strip().replace("**", "").replace("`", "") for c in line.strip().strip("|").split("|")
    ]


def _add_markdown(doc: DocumentType, text: str) -> None:
    """The plan's Markdown as Word: headings, tables, bullets, numbered lines, bold, paragraphs."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|"):
            block = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not _DIVIDER.match(lines[i].strip()):
                    block.append(_cells(lines[i]))
                i += 1
            width = len(block[0])
            _table(doc, block[0], [(r + [""] * width)[:width] for r in block[1:]])
            continue
        i += 1
        if not line:
            continue
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if heading:
            # the closing parts' "##" stand beside the marketing and sales parts (Heading 1)
            doc.add_heading(heading.group(2), level=max(1, len(heading.group(1)) - 1))
        elif line.startswith(("- ", "* ", "• ")):
            _add_rich(doc, line[2:].strip(), "List Bullet")
        elif re.match(r"^\d+[.)]\s", line):
            _add_rich(doc, re.sub(r"^\d+[.)]\s", "", line), "List Number")
        elif line.startswith(">"):
            _add_rich(doc, line.lstrip("> ").strip(), "Quote")
        else:
            _add_rich(doc, line.replace("_", "") if line.startswith("_") else line)


def _table(doc: DocumentType, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    doc.add_paragraph()


def _goals(doc: DocumentType, plan: Plan, sid: str) -> None:
    L = labels(plan.language)
    goals = plan.goals_in(sid)
    if plan.business_objectives:
        _add_rich(doc, f"**{L['objectives']}:** " + "; ".join(plan.business_objectives))
    if not goals:
        return
    rows = []
    for g in goals:
        notes = "; ".join(
            f"{L['criteria'][n]}: {g.criteria[n].reason}"
            for n in CRITERIA
            if n in g.criteria and g.criteria[n].ok is not True
        )
        rows.append(
            [g.text, smart_marks(g), ", ".join(g.kpis), notes, "" if g.smart else g.suggestion]
        )
    _table(
        doc,
        [
            L["goal"],
            L["smart"],
            L["kpi"],
            "Notes" if plan.language == "en" else "점검 내용",
            L["suggestion"],
        ],
        rows,
    )


def _measurement(doc: DocumentType, plan: Plan, goal_sections: list[str]) -> None:
    L = labels(plan.language)
    rows = [
        [m.goal, m.kpi_name, m.formula, m.baseline, m.target, m.data_source, m.cadence]
        for g in plan.goals if g.section in goal_sections and (m := g.measurement) is not None
    ]  # fmt: skip
    if rows:
        _table(
            doc,
            [L[k] for k in ("goal", "kpi", "formula", "baseline", "target", "source", "cadence")],
            rows,
        )


def _structured(doc: DocumentType, plan: Plan, sid: str) -> None:
    L = labels(plan.language)
    if sid in ("mkt_objectives", "sales_objectives"):
        _goals(doc, plan, sid)
    elif sid == "mkt_measurement":
        _measurement(
            doc,
            plan,
            ["mkt_objectives"] + (["sales_objectives"] if plan.plan_type == "marketing" else []),
        )
    elif sid == "sales_kpis":
        _measurement(
            doc,
            plan,
            ["sales_objectives"] + (["mkt_objectives"] if plan.plan_type == "sales" else []),
        )
    elif sid == "mkt_budget" and plan.budget.lines:
        b = plan.budget
        rows = [
            [
                ln.item,
                f"{ln.share:g}%" if ln.share is not None else "",
                f"{ln.amount:,.0f}" if ln.amount is not None else "",
            ]
            for ln in b.lines
        ]
        _table(doc, [L["item"], L["share"], L["amount"]], rows)
    elif sid == "mkt_calendar" and plan.calendar:
        _table(doc, [L["when"], L["activity"]], [[e.when, e.activity] for e in plan.calendar])
    elif sid == "sales_forecast" and plan.forecast:
        f = plan.forecast
        _add_rich(
            doc,
            f"**{L['method']}:** {f.model} · **{L['mae']}:** {f.holdout_mae if f.holdout_mae is not None else '-'}",
        )
        _table(
            doc,
            [L["period"], L["value_col"], L["low"], L["high"]],
            [[p.period, f"{p.value:,.0f}", f"{p.lower:,.0f}", f"{p.upper:,.0f}"] for p in f.points],
        )
        for insight in f.insights:
            _add_rich(doc, insight, "List Bullet")
    elif sid == "mkt_audience_personas":
        for p in plan.personas:
            doc.add_heading(p.name, level=4)
            for key, value in (("role", p.role), ("demographics", p.demographics)):
                if value:
                    _add_rich(doc, f"**{L[key]}:** {value}", "List Bullet")
            for key, values in (
                ("persona_goals", p.goals),
                ("pains", p.pains),
                ("channels", p.channels),
            ):
                if values:
                    _add_rich(doc, f"**{L[key]}:** " + "; ".join(values), "List Bullet")
    elif sid == "mkt_positioning_messaging" and not plan.messaging.is_empty:
        m = plan.messaging
        _add_rich(doc, f"**{L['value']}:** {m.value_proposition}")
        rows = [[km.persona, km.message, "; ".join(km.proof_points)] for km in m.key_messages]
        if rows:
            _table(
                doc,
                [
                    "Persona" if plan.language == "en" else "페르소나",
                    L["key_messages"],
                    "Proof" if plan.language == "en" else "근거",
                ],
                rows,
            )


def _image(doc: DocumentType, png: bytes | None) -> None:
    if png:
        doc.add_picture(io.BytesIO(png), width=Inches(5.8))


def _notes(doc: DocumentType, plan: Plan, sid: str) -> None:
    from assistant.analysis.budget import budget_issues, calendar_notes, roi_projection
    from assistant.export.chart_images import budget_png, calendar_png, forecast_png

    if sid == "mkt_budget" and plan.budget.lines:
        for line in [*budget_issues(plan), roi_projection(plan)]:
            if line:
                _add_rich(doc, line, "List Bullet")
        _image(doc, budget_png(plan))
    elif sid == "mkt_calendar" and plan.calendar:
        for line in calendar_notes(plan):
            _add_rich(doc, line, "List Bullet")
        _image(doc, calendar_png(plan))
    elif sid == "sales_forecast" and plan.forecast:
        _image(doc, forecast_png(plan))


# Sections whose Markdown is composed from the answer (tables, bullets tied to goals)
_COMPOSED = {
    "mkt_executive_summary", "sales_executive_summary", "mkt_market_analysis", "mkt_strategy",
    "mkt_mix_4p", "mkt_channels", "mkt_content_strategy", "sales_target_market", "sales_offering",
    "sales_strategy", "sales_team_structure", "sales_tactics", "sales_territories_channels",
    "sales_training",
}  # fmt: skip


def build_document(plan: Plan) -> DocumentType:
    L = labels(plan.language)
    analysis = analyse(plan)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_heading(
        f"{plan.company} - {L['plan_title']}" if plan.company else L["plan_title"], level=0
    )
    current = None
    for sid in document_order(plan.plan_type):
        group = "mkt" if sid.startswith("mkt_") else "sales"
        if plan.plan_type == "integrated" and group != current:
            doc.add_heading(L[group], level=1)
            current = group
        doc.add_heading(plan.title(sid), level=2 if plan.plan_type == "integrated" else 1)
        section = plan.section(sid)
        has_structure = sid in ("mkt_objectives", "sales_objectives") and plan.goals_in(sid)
        if sid in _COMPOSED and section.content.strip():
            _add_markdown(doc, section_markdown(plan, sid))  # the same tables as the Markdown
        elif section.content.strip() and not has_structure:
            _add_markdown(doc, section.content)
        if sid == "sales_kpis" and section.content.strip():
            _add_markdown(doc, kpi_targets_markdown(plan, analysis))
        _structured(doc, plan, sid)
        _notes(doc, plan, sid)
        if not section.content.strip() and not has_structure:
            lead = L["skipped"] if section.status == "skipped" else L["not_answered"]
            _add_rich(doc, lead.replace("_", ""))
            for item in get_section(sid).contains.get(plan.language):
                _add_rich(doc, item, "List Bullet")
        if section.sources and sid not in _COMPOSED:
            _add_rich(doc, f"{L['sources']}: " + "; ".join(s.source for s in section.sources))
    for part in (analysis_markdown(plan, analysis), closing_markdown(plan, analysis)):
        _add_markdown(doc, part)
    return doc


def plan_to_docx_bytes(plan: Plan) -> bytes:
    buffer = io.BytesIO()
    build_document(plan).save(buffer)
    return buffer.getvalue()

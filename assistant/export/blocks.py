"""The plan as a list of document blocks (cover, headings, paragraphs, tables, charts): one
source for the DOCX and the PDF, so both carry the same content in the same order."""

from __future__ import annotations

import re
from datetime import date

from assistant.analysis.forecast_plan import model_label
from assistant.analysis.plan_analysis import PlanAnalysis, analyse, plan_year
from assistant.core.catalogue import document_order, get_section
from assistant.core.plan import CRITERIA, Persona, Plan, forecast_currency
from assistant.export.block_model import _PLACEHOLDER

# the document model lives in block_model; its names are re-exported here for the writers
from assistant.export.block_model import Block as Block
from assistant.export.block_model import Cover as Cover
from assistant.export.block_model import Heading as Heading
from assistant.export.block_model import Image as Image
from assistant.export.block_model import Para as Para
from assistant.export.block_model import Table as Table
from assistant.export.block_model import clean_inline as clean_inline
from assistant.export.block_model import cover_text as cover_text
from assistant.export.block_model import markdown_blocks as markdown_blocks
from assistant.export.block_model import plain as plain
from assistant.export.block_model import plain_text as plain_text
from assistant.export.block_model import without_emoji as without_emoji
from assistant.goals.kpi import kpi_label
from assistant.goals.numbers import format_amount
from assistant.interview.analysis_render import analysis_markdown, closing_markdown
from assistant.interview.compose_forecast import proposed_forecast_markdown
from assistant.interview.render import (
    first_goal_section,
    goal_numbering_note,
    labels,
    messaging_markdown,
    section_markdown,
    smart_legend,
    smart_marks,
)
from assistant.interview.render_people import persona_lines


def cover(plan: Plan) -> Cover:
    L, C = labels(plan.language), cover_text(plan.language)
    year = plan_year(plan)
    try:
        day = date.fromisoformat(plan.updated[:10])
    except ValueError:
        day = date.today()
    if plan.language == "ko":
        period, when = f"{year}년 1월 ~ 12월", f"{day.year}년 {day.month}월 {day.day}일"
    else:
        period, when = f"January - December {year}", f"{day:%B} {day.day}, {day.year}"
    version = f"{plan.revision}"
    facts = [(C["period"], period), (C["date"], when), (C["language"], C["lang_name"]),
             (C["version"], version)]  # fmt: skip
    if plan.company:
        facts.insert(0, (C["company"], plan.company))
    return Cover(plan.company, L["plan_title"], period, when, C["lang_name"], version, facts)


# ----- the plan's own structures -----------------------------------------------------------------


def kpi_names(ids: list[str], lang: str) -> str:
    return ", ".join(kpi_label(k, lang) for k in ids)


def _sentence(text: str) -> str:
    """A reason as one sentence ending in a full stop (reasons are joined one after another)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?。" else text + "."


def _goals(plan: Plan, sid: str) -> list[Block]:
    L = labels(plan.language)
    out: list[Block] = []
    if plan.business_objectives:
        out.append(Para(f"**{L['objectives']}:** " + "; ".join(plan.business_objectives)))
    rows = []
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.goal_checks import achievable_doubt, goal_checks

    analysis = analyse(plan)
    for g in plan.goals_in(sid):
        notes = " ".join(
            [
                f"{L['criteria'][n]}: {_sentence(g.criteria[n].reason)}"
                for n in CRITERIA
                if n in g.criteria and g.criteria[n].ok is not True
            ]
            # what the rest of the plan says about reaching it, as in the Markdown
            + [
                f"{L['plan_check_a' if n == 0 and achievable_doubt(plan, g, analysis) else 'plan_check']}: {c}"
                for n, c in enumerate(goal_checks(plan, g, analysis))
            ]  # fmt: skip
        )
        if plan.language == "ko" and notes:  # the checks in the report style, as in the Markdown
            from assistant.core.korean_endings import noun_endings

            notes = noun_endings(notes)
        # a rewrite with unfilled [placeholders] is a prompt for the user, not plan text; a
        # number-less brand goal gets its measurable version from the plan's facts instead
        from assistant.interview.goal_rewrite import measurable_version

        suggestion = measurable_version(plan, g) or (
            ""
            if g.smart or g.suggestion == g.text or _PLACEHOLDER.search(g.suggestion)
            else g.suggestion
        )
        rows.append(
            [
                f"{plan.goal_number(g)}. {g.text}",
                # two units at most ('S✓ M✓ A?' / 'R✓ T✓'): a narrow column that leaves the
                # notes beside it room to read
                _two_lines(smart_marks(g, achievable_doubt(plan, g, analysis)))
                if plan.language != "ko"
                else smart_marks(g, achievable_doubt(plan, g, analysis), "ko"),
                # the goal's own KPI (its frame's), not every KPI the advisor ranked for its words
                kpi_names([g.frame.kpi] if g.frame and g.frame.kpi else g.kpis[:1], plan.language)
                or "-",
                notes or "-",  # a blank cell reads as missing: a dash says there is nothing
                suggestion or "-",
            ]
        )
    if rows:
        notes_title = "Notes" if plan.language == "en" else "점검 내용"
        smart = "SMART 점검" if plan.language == "ko" else L["smart"]
        header = [L["goal"], smart, L["kpi"], notes_title, L["suggestion"]]
        # a rewrite for one goal in a few is said in that goal's notes: a column that is '-' in
        # most rows squeezes the notes beside it
        proposed = [r for r in rows if r[4] != "-"]
        if proposed and len(proposed) * 2 <= len(rows):
            for r in proposed:
                said = f"{L['measurable']}: {r[4]}"
                r[3] = said if r[3] == "-" else f"{r[3]} {said}"
                r[4] = "-"
        for col in (4, 3):  # a column of dashes says nothing
            if all(r[col] == "-" for r in rows):
                header, rows = (
                    header[:col] + header[col + 1 :],
                    [r[:col] + r[col + 1 :] for r in rows],
                )
        out.append(Table(header, rows))
        if sid == first_goal_section(plan) and plan.language != "ko":  # the marks explained once
            out.append(Para(smart_legend(plan.language), "note"))
        if note := goal_numbering_note(plan, sid):
            out.append(Para(note, "note"))
    return out


def _measurement(plan: Plan, goal_sections: list[str]) -> list[Block]:
    L = labels(plan.language)
    rows = [
        [m.goal, m.kpi_name, m.formula, m.baseline, m.target, m.data_source, m.cadence]
        for g in plan.goals if g.section in goal_sections and (m := g.measurement) is not None
    ]  # fmt: skip
    keys = ("goal", "kpi", "formula", "baseline", "target", "source", "cadence")
    return [Table([L[k] for k in keys], rows)] if rows else []


def _structured(plan: Plan, sid: str) -> list[Block]:
    L = labels(plan.language)
    if sid in ("mkt_objectives", "sales_objectives"):
        return _goals(plan, sid)
    if sid == "mkt_measurement":
        extra = ["sales_objectives"] if plan.plan_type == "marketing" else []
        return _measurement(plan, ["mkt_objectives", *extra])
    if sid == "sales_kpis":
        extra = ["mkt_objectives"] if plan.plan_type == "sales" else []
        return _measurement(plan, ["sales_objectives", *extra])
    if sid == "mkt_budget" and plan.budget.lines:
        cur, lang = plan.budget.currency, plan.language
        rows = [
            [ln.item, f"{ln.share:g}%" if ln.share is not None else "",
             format_amount(ln.amount, cur, lang) if ln.amount is not None else ""]
            for ln in plan.budget.lines
        ]  # fmt: skip
        return [Table([L["item"], L["share"], L["amount"]], rows)]
    if sid == "mkt_calendar" and plan.calendar:
        return [Table([L["when"], L["activity"]], [[e.when, e.activity] for e in plan.calendar])]
    if sid == "sales_forecast" and plan.forecast:
        f = plan.forecast
        cur = forecast_currency(plan)
        section_text = plan.section(sid).content.strip()
        mae = f"{f.holdout_mae:,.0f}" if f.holdout_mae is not None else "-"
        # the method and its accuracy are in the section's text already
        out: list[Block] = (
            []
            if section_text
            else [
                Para(
                    f"**{L['method']}:** {model_label(f.model, plan.language)} · **{L['mae']}:** {mae}"
                )
            ]
        )
        out.append(
            Table(
                [L["period"], L["value_col"], L["low"], L["high"]],
                [
                    [
                        p.period,
                        *(
                            format_amount(v, cur, plan.language)
                            for v in (p.value, p.lower, p.upper)
                        ),
                    ]
                    for p in f.points
                ],
            )
        )
        out += [Para(clean_inline(i), "bullet") for i in f.insights]
        return out
    if sid == "mkt_audience_personas":
        out = []
        for p in (
            plan.personas
        ):  # a card: a two-column table of its fields, then where typical entries come from
            out += [Heading(3, p.name), *_persona_card(plan, p)]
        return out + _proposed_cards(plan) if plan.personas else out
    if sid == "mkt_positioning_messaging" and not plan.messaging.is_empty:
        from assistant.interview.render import guide_report_style

        said = messaging_markdown(plan).split("\n", 1)[-1]  # without its title
        return markdown_blocks(guide_report_style(said) if plan.language == "ko" else said)
    return []


_COMPOSED_TABLES = {"mkt_budget", "mkt_calendar", "sales_kpis", "mkt_measurement"}


def _charts(plan: Plan, sid: str, notes: bool = True) -> list[Block]:
    from assistant.analysis.budget import budget_issues, calendar_notes
    from assistant.analysis.plan_analysis import analyse
    from assistant.export.chart_images import budget_png, calendar_png, forecast_png

    out: list[Block] = []
    if sid == "mkt_budget" and plan.budget.lines:
        from assistant.interview.budget_roi import budget_roi_notes

        said = [*budget_issues(plan), *budget_roi_notes(plan, analyse(plan))] if notes else []
        out += [Para(clean_inline(x), "bullet") for x in said if x]
        if png := budget_png(plan):
            out.append(Image(png))
    elif sid == "mkt_calendar" and plan.calendar:
        out += [Para(clean_inline(x), "bullet") for x in (calendar_notes(plan) if notes else [])]
        if png := calendar_png(plan):
            out.append(Image(png))
    elif sid == "sales_forecast" and plan.forecast and (png := forecast_png(plan)):
        out.append(Image(png))
    return out


# Sections whose Markdown is composed from the answer (tables, bullets tied to goals)
_COMPOSED = {
    "mkt_executive_summary", "sales_executive_summary", "mkt_market_analysis", "mkt_strategy",
    "mkt_mix_4p", "mkt_channels", "mkt_content_strategy", "sales_target_market", "sales_offering",
    "sales_strategy", "sales_team_structure", "sales_tactics", "sales_territories_channels",
    "sales_training", "mkt_budget", "mkt_calendar", "sales_kpis", "mkt_measurement",
}  # fmt: skip


def _section(plan: Plan, sid: str, level: int, analysis: PlanAnalysis) -> list[Block]:
    L = labels(plan.language)
    section = plan.section(sid)
    out: list[Block] = [Heading(level, plan.title(sid))]
    has_structure = sid in ("mkt_objectives", "sales_objectives") and bool(plan.goals_in(sid))
    # the persona card and the message house carry the answer's words: it is not pasted above them
    has_structure = (
        has_structure
        or section.author != "llm"
        and (
            (sid == "mkt_audience_personas" and bool(plan.personas))
            or (sid == "mkt_positioning_messaging" and not plan.messaging.is_empty)
        )
    )
    # a forecast stated by quarter (no sales history) is composed like the Markdown's table
    composed = sid in _COMPOSED or (sid == "sales_forecast" and plan.forecast is None)
    # no forecast given and no history: the plan's own new business by quarter, marked proposed
    proposed = (
        sid == "sales_forecast"
        and plan.forecast is None
        and not section.content.strip()
        and bool(proposed_forecast_markdown(plan, analysis))
    )
    if composed and (section.content.strip() or proposed):
        out += markdown_blocks(section_markdown(plan, sid))  # the same tables as the Markdown
    elif section.content.strip() and not has_structure:
        out += markdown_blocks(section.content)
    if section.author == "llm" and section.content.strip():
        out.append(Para(L["model_draft"], "note"))  # model-written text is marked as such
    # a composed section's Markdown already holds its tables and notes; only the charts are added
    answered = composed and bool(section.content.strip())
    structured = [] if answered and sid in _COMPOSED_TABLES else _structured(plan, sid)
    out += structured
    out += _charts(plan, sid, notes=not answered)
    if not section.content.strip() and not has_structure and not structured and not proposed:
        lead = L["skipped"] if section.status == "skipped" else L["not_answered"]
        out.append(Para(plain(lead), "note"))
        out += [Para(item, "bullet") for item in get_section(sid).contains.get(plan.language)]
    if section.sources and sid not in _COMPOSED:
        out.append(Para(f"{L['sources']}: " + "; ".join(s.source for s in section.sources), "note"))
    return out


def plan_blocks(plan: Plan, analysis: PlanAnalysis | None = None) -> list[Block]:
    """The body in document order: parts, sections, then the analysis and the closing parts."""
    L = labels(plan.language)
    analysis = analysis or analyse(plan)
    out: list[Block] = []
    current = None
    integrated = plan.plan_type == "integrated"
    for sid in document_order(plan.plan_type):
        group = "mkt" if sid.startswith("mkt_") else "sales"
        if integrated and group != current:
            out.append(Heading(1, L[group]))
            current = group
        out += _section(plan, sid, 2 if integrated else 1, analysis)
    for part in (analysis_markdown(plan, analysis), closing_markdown(plan, analysis)):
        # the closing parts' "##" stand beside the marketing and sales parts (level 1)
        out += markdown_blocks(part)
    from assistant.interview.glossary import glossary_markdown

    said = "\n".join(
        " ".join(
            [b.text]
            if isinstance(b, Heading | Para)
            else [*b.header, *(c for r in b.rows for c in r)]
            if isinstance(b, Table)
            else []
        )  # fmt: skip
        for b in out
    )
    out += markdown_blocks(glossary_markdown(said, plan.language))  # the acronyms it uses
    return out


def runs(text: str) -> list[tuple[str, bool]]:
    """A paragraph's text split into (text, bold) runs."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in re.finditer(r"\*\*(.+?)\*\*", text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return [(t.replace("**", ""), b) for t, b in out if t]


def _char_width(ch: str) -> float:
    if ord(ch) >= 0x1100 and not 0x2000 <= ord(ch) < 0x2E80:
        return 2.0  # Hangul, CJK and full-width characters
    if ch in "✓✗":
        return 2.0  # set from a symbol font, as wide as a Hangul syllable
    if ch.isupper() or ch in "%@&mwMW—":
        return 1.35  # wide Latin letters and symbols
    return 1.0


# the spaces inside a Korean amount or date ('5만 4,000원', '58억 8,400만 원', '2027년 6월 30일')
# are no place to break a line, nor the space before a one-syllable word ('리드(MQL) 수',
# '블로그 글'), which alone on a line reads as a cut-off: a non-breaking space keeps them together
_KEEP = re.compile(
    r"(?<=\d[조억만천])\s(?=\d|원)|(?<=\d년)\s(?=\d{1,2}월)|(?<=\d월)\s(?=\d{1,2}일)"
    r"|(?<=[^\s,·]) (?=[수것등중때곳글씨님명개건외뒤후시전간분함됨둠뺌씀봄줌옴감짐삼남]\)?(?:$|[\s,.)·:;/]))"
)  # (only a trailing dependent noun binds; a word that leads the next, '약 225곳', '박 팀장', stays free)


def _two_lines(marks: str) -> str:
    """'S✓ M✓ A? R✓ T✓' kept as 'S✓ M✓ A?' and 'R✓ T✓': a line may break only between them."""
    parts = marks.split(" ")
    return "\u00a0".join(parts[:3]) + (" " + "\u00a0".join(parts[3:]) if parts[3:] else "")


def keep_together(text: str) -> str:
    return _KEEP.sub("\u00a0", text)


def display_width(text: str) -> float:
    """Columns a text takes, in average Latin characters."""
    return sum(_char_width(ch) for ch in text)


def page_size_for(plan: Plan, setting: str = "auto") -> str:
    """A4, or Letter for US plans (an English plan budgeted in US dollars) unless set; the PDF
    and the DOCX of one plan always share it."""
    if setting in ("a4", "letter"):
        return setting
    us = plan.language == "en" and plan.budget.currency.upper() in ("USD", "$", "US$")
    return "letter" if us else "a4"


_BREAKS = re.compile(
    r"[ \t\r\n]+|(?<=[A-Za-z]-)(?=[A-Za-z])"
)  # Word breaks after a hyphen in a word


def column_widths(table: Table, available: float) -> tuple[list[float], float]:
    """Column widths in characters (at most `available` in all) that never break a word, and
    the font scale that makes the longest words fit when the page is too narrow for them."""
    columns = list(zip(table.header, *table.rows, strict=True))
    pad = 2.4  # the cell's inner margins (about 0.2 cm a side), with a little room to spare

    def width(text: str, header: bool) -> float:
        return display_width(text) * (1.15 if header else 1.0)  # headers are bold

    natural = [max(width(c, i == 0) for i, c in enumerate(col)) + pad for col in columns]
    if sum(natural) <= available:
        return natural, 1.0
    base = [
        # a non-breaking space joins what must stay on one line ('S✓\u00a0M✓\u00a0…'): split at others only
        max(
            min(width(w, i == 0), 24)
            for i, cell in enumerate(col)
            for w in (_BREAKS.split(keep_together(cell)) or [""])  # as the cell is rendered
        )
        + pad
        for col in columns
    ]
    scale = 1.0
    if sum(base) > available:
        scale = max(0.85, available / sum(base))  # never below about 8 pt: people read this
        available = available / scale
        if sum(base) > available:  # still too wide: the widest text columns give way, so a long
            # word breaks inside its cell rather than the table running past the margin; a figure
            # ('4,000만 원(제안)', '2027년 10월') or a run joined on purpose ('S✓ M✓ A? R✓ T✓') is
            # never broken
            floors = [
                max(
                    [
                        min(width(w, i == 0), 24)
                        for i, cell in enumerate(col)
                        for w in _BREAKS.split(keep_together(cell))
                        if re.search(r"\d", w) or "\u00a0" in w
                    ]
                    or [0.0]
                )
                + pad  # fmt: skip
                for col in columns
            ]
            base = _capped(base, floors, available)
    # the room left goes where the text is: in proportion to the square root of each column's
    # total text (what keeps the rows lowest overall), never past a column's longest line; a
    # column of short cells ('-', 'S✓ M✓ …') is not widened for one long cell's sake
    spare = max(available - sum(base), 0.0)
    volume = [sum(width(c, False) for c in col[1:]) for col in columns]
    widths = list(base)
    open_cols = [i for i in range(len(columns)) if natural[i] > base[i]]
    while spare > 1e-6 and open_cols:
        total = sum(volume[i] for i in open_cols) or float(len(open_cols))
        given = {i: spare * (volume[i] or 1.0) / total for i in open_cols}
        full = [i for i in open_cols if widths[i] + given[i] >= natural[i]]
        if not full:
            for i in open_cols:
                widths[i] += given[i]
            break
        for i in full:  # capped at its longest line; what it did not need goes to the others
            spare -= natural[i] - widths[i]
            widths[i] = natural[i]
        open_cols = [i for i in open_cols if i not in full]
    return [w * scale for w in widths], scale


def _capped(widths: list[float], floors: list[float], available: float) -> list[float]:
    """The widths with the widest cut to one cap (never below a column's floor), so that they add
    up to `available`, or as near as the floors allow."""

    def fitted(cap: float) -> list[float]:
        return [max(min(w, cap), min(f, w)) for w, f in zip(widths, floors, strict=True)]

    low, high = 0.0, max(widths)
    for _ in range(40):  # the cap that just fits, to well under a hundredth of a character
        mid = (low + high) / 2
        low, high = (mid, high) if sum(fitted(mid)) <= available else (low, mid)
    return fitted(low)


def _proposed_cards(plan: Plan) -> list[Block]:
    """The cards the plan proposes for people its words bring into the decision (an IT reviewer,
    a budget holder), as the plan's Markdown shows them: a heading, the proposal note, a table of
    fields; then the committee note, when there is one."""
    from assistant.interview.render_people import committee_cards, committee_note

    ko = plan.language == "ko"
    out: list[Block] = []
    for card in committee_cards(plan):
        if ko:
            from assistant.core.korean_endings import report_bullets

            card = report_bullets(card, paragraphs=True)
        head, *lines = card.splitlines()
        m = re.match(r"\*\*(.+?)\*\*\s*(?:_\((.+)\)_)?", head)
        if m is None:
            continue
        out.append(Heading(3, m.group(1)))
        if m.group(2):
            out.append(Para(clean_inline(m.group(2)), "note"))
        rows = [[clean_inline(a), clean_inline(b)] for a, _, b in (x[2:].partition(": ") for x in lines if x.startswith("- "))]  # fmt: skip
        if rows:
            out.append(Table(["항목", "내용"] if ko else ["Field", "Detail"], rows))
    if out and (gap := committee_note(plan)):
        out.append(Para(clean_inline(gap), "note"))
    return out


def _persona_card(plan: Plan, p: Persona) -> list[Block]:
    ko = plan.language == "ko"
    rows: list[list[str]] = []
    notes: list[Block] = []
    from assistant.interview.render_people import TYPICAL_SHOWN

    group = False  # under the label of a committee card's typical entries
    card = persona_lines(plan, p)
    if ko:  # the report style (개조식), as the plan's Markdown shows the card
        from assistant.core.korean_endings import report_bullets

        card = report_bullets(card, paragraphs=True)
    for line in card.splitlines():
        if line.startswith("  - ") and group:  # a typical entry: a row of the card, marked
            label, _, value = line[4:].partition(": ")
            rows.append(
                [clean_inline(label) + ("(제안)" if ko else " (proposed)"), clean_inline(value)]
            )
            continue
        if line.startswith("  - "):  # a question to ask buyers, under its note
            notes.append(Para(clean_inline(line[4:]), "bullet"))
            continue
        group = line == f"- _{TYPICAL_SHOWN[ko]}_:"
        if group:
            continue
        body = line[2:] if line.startswith("- ") else line
        if body.startswith("_"):
            notes.append(Para(clean_inline(body), "note"))
        elif body.startswith('"'):
            rows.append(["고객의 말" if ko else "In their words", clean_inline(body)])
        else:
            label, _, value = body.partition(": ")
            rows.append([clean_inline(label), clean_inline(value)])
    head = ["항목", "내용"] if ko else ["Field", "Detail"]
    return [Table(head, rows), *notes] if rows else notes

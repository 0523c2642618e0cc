"""The plan as a 12-slide deck for a leadership review (python-pptx): short slide text with the
full wording in the speaker notes, charts from the same analysis as the documents."""

from __future__ import annotations

import io
import re
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Length, Pt

from assistant.analysis.plan_analysis import PlanAnalysis, analyse
from assistant.core.plan import Persona, Plan, forecast_currency
from assistant.export import chart_images as charts
from assistant.export import pptx_tables
from assistant.export.blocks import (
    Table,
    column_widths,
    cover,
    cover_text,
    keep_together,
    markdown_blocks,
    plain,
    plain_text,
)
from assistant.export.fonts import FAMILY
from assistant.goals.numbers import format_amount
from assistant.interview.analysis_render import analysis_markdown, quarter_label, roi_cell
from assistant.interview.render import labels, section_markdown, smart_marks

_T = {
    "en": {
        "summary": "Executive summary", "market": "Market and SWOT", "personas": "Buyer personas",
        "goals": "Goals: SMART status and targets", "funnel": "Funnel and unit economics",
        "budget": "Budget", "forecast": "Sales forecast and scenarios", "forecast_plain": "Sales forecast", "forecast_proposed": "Sales forecast (proposed)", "calendar": "Calendar",
        "page": "Plan on a page", "team": "Team and territories", "risks": "Risks and mitigations", "next": "Next steps",
        "missing": "Not in the plan yet: {what}.", "conservative": "Conservative", "base": "Base",
        "optimistic": "Optimistic", "scenario": "Scenario", "total": "Total",
        "no_forecast": "Upload a sales history (CSV or XLSX) to add the forecast and its 80% range.",
        "fix": "Fix goal: {goal}", "decide": "Decide: {what}", "open": "Complete: {section}", "confirm": "Confirm or replace the proposed {section}", "review": "Review the KPIs {cadence} against the targets",
        "review_each": "Review each goal's KPI against its target: {parts}",
        "target": "Target", "deadline": "Deadline", "pains": "Pains", "role": "Role",
    },
    "ko": {
        "summary": "요약", "market": "시장과 SWOT", "personas": "구매자 페르소나",
        "goals": "목표: SMART 점검과 목표값", "funnel": "퍼널과 단위 경제성", "budget": "예산",
        "forecast": "매출 예측과 시나리오", "forecast_plain": "매출 예측", "forecast_proposed": "매출 예측(제안)", "calendar": "캘린더", "page": "한 장으로 보는 계획", "team": "영업팀과 지역",
        "risks": "위험과 대응", "next": "다음 단계", "missing": "아직 계획에 없습니다: {what}.",
        "conservative": "보수적", "base": "기본", "optimistic": "낙관적", "scenario": "시나리오",
        "total": "합계", "no_forecast": "판매 이력(CSV 또는 XLSX)을 올리면 예측과 80% 범위가 추가됩니다.",
        "fix": "목표 보완: {goal}", "decide": "결정: {what}", "open": "작성: {section}", "confirm": "제안된 {section} 확정 또는 교체", "review": "KPI를 {cadence} 목표와 비교해 검토",
        "review_each": "목표별 KPI를 목표값과 비교해 검토: {parts}",
        "target": "목표값", "deadline": "기한", "pains": "불편한 점", "role": "역할",
    },
}  # fmt: skip

_W, _H = Inches(13.333), Inches(7.5)
_LEFT, _TOP = Inches(0.6), Inches(1.45)
_IMAGE_H = Inches(5.4)


class _Deck:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.ko = plan.language == "ko"
        self.T = _T["ko" if self.ko else "en"]
        self.prs: PresentationType = Presentation()
        self.prs.slide_width, self.prs.slide_height = _W, _H

    def words(self, text: str) -> str:
        """The plan's own words on every slide, as in the document ('연초 ARR', '레퍼런스 통화')."""
        from assistant.interview.plan_words import in_plan_words

        return in_plan_words(self.plan, text) if text else text

    def _font(self, run: object, size: float | None = None, bold: bool | None = None) -> None:
        font = run.font  # type: ignore[attr-defined]
        if self.ko:
            font.name = FAMILY
            rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
            for tag in ("a:ea", "a:cs"):
                el = rpr.find(f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{tag[2:]}")
                if el is None:
                    el = rpr.makeelement(
                        f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{tag[2:]}", {}
                    )
                    rpr.append(el)
                el.set("typeface", FAMILY)
        if size:
            font.size = Pt(size)
        if bold is not None:
            font.bold = bold

    def slide(self, title: str, notes: str = "") -> Slide:
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])  # "Title Only"
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = (
            _LEFT,
            Inches(0.35),
            _W - 2 * _LEFT,
            Inches(0.9),
        )
        shape.text_frame.text = title
        para = shape.text_frame.paragraphs[0]
        for run in para.runs:
            self._font(run, 30, True)
        if notes:  # a presenter reads these: plain lines, never Markdown
            slide.notes_slide.notes_text_frame.text = plain_text(self.words(notes))
        return slide

    def bullets(self, slide: Slide, items: list[str], left: Length = _LEFT, width: Length | None = None,
                top: Length = _TOP, size: float = 18) -> None:  # fmt: skip
        box = slide.shapes.add_textbox(
            left, top, Emu(width or _W - 2 * _LEFT), Emu(_H - top - Inches(0.5))
        )
        frame = box.text_frame
        frame.word_wrap = True
        items = [self.words(x) for x in items]
        for i, item in enumerate(items):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            para.space_after = Pt(8)
            _bullet(para, size)
            bold, rest = _split_label(item)
            if bold:
                run = para.add_run()
                run.text = bold
                self._font(run, size, True)
            run = para.add_run()
            run.text = keep_together(rest)  # '50억 4,000만 원' never ends a line at its spaces
            self._font(run, size)

    def table(self, slide: Slide, table: Table, left: Length = _LEFT, top: Length = _TOP,
              width: Length | None = None, size: float = 12, bottom: int | None = None) -> Emu:  # fmt: skip
        """Adds the table; returns where it is expected to end (its rows grow with wrapped text,
        so the next shape is placed below that, never over it). With `bottom`, the rows that would
        run past it are left to the notes."""
        if bottom is not None:
            full = Emu(width or _W - 2 * _LEFT)
            while len(table.rows) > 1:
                widths, scale = column_widths(table, full / (Pt(size) * 0.6))
                cols = [full * w / sum(widths) for w in widths]
                if top + pptx_tables.table_height([table.header, *table.rows[:10]], cols, size * scale) <= bottom:  # fmt: skip
                    break
                table = Table(table.header, table.rows[: min(len(table.rows), 10) - 1])
        table = Table(
            [self.words(h) for h in table.header],
            [[self.words(c) for c in row] for row in table.rows],
        )
        rows = [table.header, *table.rows[:10]]
        full = Emu(width or _W - 2 * _LEFT)
        height = Emu(Inches(0.4) * len(rows))
        shape = slide.shapes.add_table(len(rows), len(table.header), left, top, full, height)
        grid = shape.table
        char = Pt(size) * 0.6  # an average character at this size, with cell margins to spare
        widths, scale = column_widths(Table(table.header, table.rows[:10]), full / char)
        for c, w in enumerate(widths):  # columns sized so no word is broken across lines
            grid.columns[c].width = Emu(int(full * w / sum(widths)))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                cell = grid.cell(r, c)
                cell.text = keep_together(text)
                for run in cell.text_frame.paragraphs[0].runs:
                    self._font(run, round(size * scale, 1), r == 0)
        return Emu(int(top + pptx_tables.table_height(rows, [full * w / sum(widths) for w in widths], size * scale)))  # fmt: skip

    def image(self, slide: Slide, png: bytes, left: Length = _LEFT, top: Length = _TOP,
              height: Length = _IMAGE_H, width: Length | None = None) -> None:  # fmt: skip
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            ratio = im.width / im.height
        w = min(int(height * ratio), int(width or _W - 2 * _LEFT))
        picture = slide.shapes.add_picture(io.BytesIO(png), left, top, width=Emu(w))
        # a screen reader reads the chart's slide title, not 'image.png'
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        picture._element.nvPicPr.cNvPr.set("descr", title or "chart")  # type: ignore[union-attr]


_FULLY_LOADED = re.compile(r"estimated sales team cost|영업팀 추정 비용")
_PARTIAL_CAC = re.compile(
    r"marketing[- ]only|marketing \+ sales budgets|without salaries|마케팅만|마케팅비만|마케팅\+영업 예산|인건비 제외"
)


def _bullet(para: Any, size: float) -> None:
    """A real hanging bullet (wrapped lines line up under the text, not under the dot)."""
    ppr = para._p.get_or_add_pPr()
    indent = int(Pt(size) * 1.1)
    ppr.set("marL", str(indent))
    ppr.set("indent", str(-indent))
    char = ppr.makeelement(qn("a:buChar"), {"char": "•"})
    ppr.append(char)


def _split_label(item: str) -> tuple[str, str]:
    m = re.match(r"^\*\*(.+?)\*\*\s*(.*)$", item)
    return (m.group(1) + " ", m.group(2)) if m else ("", plain(item))


def _sentences(text: str, count: int = 3) -> list[str]:
    """Whole sentences (never cut), at most `count` of them."""
    parts = re.split(r"(?<=[.!?])\s+(?=\S)", plain(text).strip())
    return [p.strip() for p in parts if p.strip()][:count]


def _section_text(plan: Plan, *ids: str) -> str:
    return "\n".join(plan.section(s).content for s in ids if s in plan.sections).strip()


def _tables(plan: Plan, section_id: str) -> list[Table]:
    """The tables a section shows in the plan (none when the plan type has no such section)."""
    if section_id not in plan.sections:
        return []
    return [b for b in markdown_blocks(section_markdown(plan, section_id)) if isinstance(b, Table)]


def _titled_tables(markdown: str) -> dict[str, Table]:
    """The tables of a Markdown part, by the bold title that precedes each."""
    out: dict[str, Table] = {}
    title = ""
    for block in markdown_blocks(markdown):
        if isinstance(block, Table):
            out[title or str(len(out))] = block
        else:
            title = plain(getattr(block, "text", ""))
    return out


def build_deck(plan: Plan, analysis: PlanAnalysis | None = None) -> PresentationType:
    a = analysis or analyse(plan)
    d = _Deck(plan)
    T, L, ko = d.T, labels(plan.language), d.ko
    lang = "ko" if ko else "en"
    cur = a.unit_economics.currency or plan.budget.currency
    money = lambda v: format_amount(v, cur, lang)  # noqa: E731
    c = cover(plan)

    # 1 title
    s = d.prs.slides.add_slide(d.prs.slide_layouts[0])
    s.shapes.title.text = c.company or c.title
    facts = dict(c.facts)
    period_label, date_label = (
        cover_text(plan.language)["period"],
        cover_text(plan.language)["date"],
    )
    s.placeholders[
        1
    ].text = f"{c.title}\n{period_label}: {facts[period_label]}\n{date_label}: {facts[date_label]}"
    # the layout's boxes are sized for 4:3; centre them on the 16:9 slide
    title, subtitle = s.shapes.title, s.placeholders[1]
    title.left, title.top, title.width, title.height = (
        Inches(1.0),
        Inches(2.0),
        _W - Inches(2.0),
        Inches(1.5),
    )
    subtitle.left, subtitle.top = Inches(1.5), Inches(3.7)
    subtitle.width, subtitle.height = _W - Inches(3.0), Inches(2.0)
    for shape in (s.shapes.title, s.placeholders[1]):
        for para in shape.text_frame.paragraphs:
            for run in para.runs:
                d._font(run)
    s.notes_slide.notes_text_frame.text = "\n".join(f"{k}: {v}" for k, v in c.facts)

    # 2 executive summary
    sid = (
        "mkt_executive_summary"
        if "mkt_executive_summary" in plan.sections
        else "sales_executive_summary"
    )
    summary = section_markdown(plan, sid)
    paras = [
        p for p in summary.split("\n\n") if p.strip() and not p.lstrip().startswith(("|", "_"))
    ]
    s = d.slide(T["summary"], plain(summary))
    d.bullets(
        s, [_sentences(p, 1)[0] for p in map(_one_line, paras[:5]) if _sentences(p, 1)], size=17
    )

    # 3 market and SWOT
    # the notes carry the competitor research the slide's cells point to, as the plan has it
    from assistant.interview.render import section_markdown as _shown

    research = [p for p in _shown(plan, "mkt_market_analysis").split("\n\n") if re.match(r"(?:To learn by|Record the reason|\d{4}년 1분기 말까지 알아낼 것|경쟁사와 붙은 거래는)", p)]  # fmt: skip
    s = d.slide(
        T["market"],
        "\n\n".join(
            [
                plain(_section_text(plan, "mkt_market_analysis", "sales_target_market")),
                *map(plain, research),
            ]
        ).strip(),
    )
    tables = _tables(plan, "mkt_market_analysis")
    from assistant.interview.compose_market import market_meaning, swot_grid

    # what the market means for the plan, then the SWOT (the market's own table is in the notes)
    lead = market_meaning(plan) or _sentences(
        _section_text(plan, "mkt_market_analysis", "sales_target_market"), 2
    )
    if ko and lead:  # the deck's own lines in the report style, as the plan's composed text
        from assistant.core.korean_endings import noun_endings

        lead = [noun_endings(x) for x in lead]
    d.bullets(s, lead or [T["missing"].format(what=T["market"])], size=16)
    grid = swot_grid(plan)  # the 2x2 a slide shows, whether or not the section repeats it
    swot = Table(*grid) if grid else None
    below: int = Inches(4.8)
    if swot or tables:
        below = max(below, d.table(s, swot or tables[0], top=Inches(3.3), size=13) + Inches(0.12))
    if swot:  # the competitor pairing under it, as the market section has it
        pptx_tables.add_competitors(d, s, plan, below, _H - Inches(0.2), _W - 2 * _LEFT)

    # 4 personas: one slide each, the card in two columns (who they are | what moves them)
    if not plan.personas:
        s = d.slide(T["personas"])
        d.bullets(s, [T["missing"].format(what=T["personas"])], size=16)
    for p in plan.personas[:5]:
        s = d.slide(f"{T['personas']}: {p.name}", persona_notes(plan, p))
        left, right = persona_columns(plan, p)
        half = Emu(int((_W - 2 * _LEFT - Inches(0.4)) / 2))
        d.bullets(s, left, width=half, size=14)
        d.bullets(s, right, left=Emu(int(_LEFT + half + Inches(0.4))), width=half, size=14)
    from assistant.interview.render_people import committee_cards

    for card in committee_cards(plan)[: max(0, 5 - len(plan.personas))]:  # as in the documents
        head, *lines = card.splitlines()
        name = re.sub(r"\*\*(.+?)\*\*.*", r"\1", head)
        note = re.sub(r".*_\((.+)\)_.*", r"\1", head) if "_(" in head else ""
        items = [f"**{a}:** {b}" if b else a for a, _, b in (x[2:].partition(": ") for x in lines if x.startswith("- "))]  # fmt: skip
        s = d.slide(
            f"{T['personas']}: {name}" + ("(제안)" if ko else " (proposed)"),
            plain("\n".join([note, *items])),
        )
        half = Emu(int((_W - 2 * _LEFT - Inches(0.4)) / 2))
        cut = (len(items) + 1) // 2
        d.bullets(s, items[:cut], width=half, size=14)
        note = note[:1].upper() + note[1:] + ("" if ko else ".")
        d.bullets(s, items[cut:] + ([note] if note.strip(".") else []), left=Emu(int(_LEFT + half + Inches(0.4))), width=half, size=14)  # fmt: skip

    # 5 goals
    goals = plan.goals
    from assistant.interview.goal_checks import achievable_doubt

    # the same marks as the documents: A? where the plan's own numbers fall short of a goal
    marks = {id(g): smart_marks(g, achievable_doubt(plan, g, a), lang) for g in goals}
    s = d.slide(T["goals"], "\n".join(f"{g.text} ({marks[id(g)]})" for g in goals))
    rows = []
    for g in goals[:8]:
        fr = g.frame
        target = format_amount(fr.target.value, fr.target.unit, lang) if fr and fr.target else "-"
        # the marks are one unit: non-breaking spaces keep 'T✓' from wrapping onto its own line
        rows.append([g.text, marks[id(g)].replace(" ", "\u00a0") if lang != "ko" else marks[id(g)], target, fr.deadline if fr and fr.deadline else "-"])  # fmt: skip
    if rows:
        d.table(
            s,
            Table(
                [L["goal"], "SMART 점검" if lang == "ko" else "SMART", T["target"], T["deadline"]],
                rows,
            ),
            size=12,
        )
    else:
        d.bullets(s, [T["missing"].format(what=L["goals"])])

    # 5b the plan on a page: each goal with its strategy, channels, budget, activities and owner
    pptx_tables.add_plan_page(d, plan, a, T["page"])

    # 6 funnel and unit economics
    found = _titled_tables(analysis_markdown(plan, a))
    ue = next((t for k, t in found.items() if k.startswith(("Unit", "단위"))), None)
    s = d.slide(T["funnel"], plain(analysis_markdown(plan, a)))
    if png := charts.funnel_png(plan, a):
        d.image(s, png, height=Inches(4.6), width=Inches(7))
    if ue:
        if any(_FULLY_LOADED.search(r[0]) for r in ue.rows):  # the slide shows what a sale costs;
            # the figures without the sales team's cost stay in the notes
            ue = Table(ue.header, [r for r in ue.rows if not _PARTIAL_CAC.search(" ".join(r))])
        end = d.table(s, ue, left=Inches(8.0), width=Inches(4.7), size=13, bottom=_H - Inches(1.0))
        if len(ue.header) > 2 and (roi := roi_cell(plan, a, lang)) != "-":  # beside two cases, the
            # ROI (on the goals' revenue) is a line under the table, as in the documents
            label = "마케팅 ROI" if ko else "Marketing ROI"
            d.bullets(s, [f"{label}: {roi}"], left=Inches(8.0), width=Inches(4.7), top=Emu(end + Inches(0.15)), size=12)  # fmt: skip
    if not png and not ue:
        d.bullets(s, [T["missing"].format(what=T["funnel"])])

    # 7 budget
    s = d.slide(T["budget"], plain(_section_text(plan, "mkt_budget")))
    if png := charts.budget_png(plan):
        d.image(s, png, height=Inches(4.8), width=Inches(7.2))
    if a.budget_by_quarter:
        rows = [
            [quarter_label(q.quarter, plan.language), money(q.amount)] for q in a.budget_by_quarter
        ]
        quarters_head = [L["period"], L["amount"]]
        from assistant.analysis.peaks import recommended_quarters

        if (weighted := recommended_quarters(plan, a)) is not None:
            # the decision's split beside the even one, as the plan's analysis table shows them
            quarters_head = [
                L["period"],
                "나머지를 고르게" if ko else "Rest even",
                "제안(성수기 반영)" if ko else "Recommended",
            ]
            rows = [r + [money(x)] for r, x in zip(rows, weighted, strict=True)]
        # the columns add up to the budget: a total row a reader can check
        totals = [sum(q.amount for q in a.budget_by_quarter), *([sum(weighted)] if weighted is not None else [])]  # fmt: skip
        rows.append(["합계" if ko else "Total", *(money(x) for x in totals)])
        d.table(s, Table(quarters_head, rows), left=Inches(8.2), width=Inches(4.5), size=13)
    if not png and not a.budget_by_quarter:
        d.bullets(s, [T["missing"].format(what=T["budget"])])

    # 8 forecast with scenarios; without a history, the forecast stated by quarter or the one the
    # plan's goals propose (the same table as the document's section)
    f = plan.forecast
    stated = [] if f else _tables(plan, "sales_forecast")
    # scenarios come with a forecast model only; a forecast the plan's goals propose says so
    proposed = not f and stated and not plan.user_text("sales_forecast").strip()
    s = d.slide(
        T["forecast"] if f else T["forecast_proposed"] if proposed else T["forecast_plain"],
        "\n".join(f.insights)
        if f
        else plain(section_markdown(plan, "sales_forecast"))
        if stated
        else T["no_forecast"],
    )
    if f and (png := charts.forecast_png(plan)):
        d.image(s, png, height=Inches(4.8), width=Inches(8.2))
        cur = forecast_currency(plan)
        rows = [[T[k], format_amount(v, cur, plan.language)]
                for k, v in (("conservative", f.conservative_total), ("base", f.total),
                             ("optimistic", f.optimistic_total))]  # fmt: skip
        d.table(
            s,
            Table([T["scenario"], T["total"]], rows),
            left=Inches(9.1),
            width=Inches(3.6),
            size=13,
        )
    elif stated:
        d.table(s, stated[0], size=13)
    else:
        d.bullets(s, [T["no_forecast"]])

    # 9 calendar
    s = d.slide(T["calendar"], "\n".join(f"{e.when}: {e.activity}" for e in plan.calendar))
    if png := charts.calendar_png(plan):
        d.image(s, png, height=Inches(5.2))
    else:
        d.bullets(
            s,
            [f"**{e.when}** {e.activity}" for e in plan.calendar[:8]]
            or [T["missing"].format(what=T["calendar"])],
        )

    # 10 team and territories
    s = d.slide(
        T["team"], plain(_section_text(plan, "sales_team_structure", "sales_territories_channels"))
    )
    team_tables = _tables(plan, "sales_team_structure")
    terr_tables = _tables(plan, "sales_territories_channels")
    if team_tables:
        d.table(s, team_tables[0], width=Inches(6.0) if terr_tables else None, size=12)
    if terr_tables:
        d.table(
            s,
            terr_tables[0],
            left=Inches(6.9) if team_tables else _LEFT,
            width=Inches(5.8),
            size=12,
        )
    if not team_tables and not terr_tables:
        text = _sentences(
            _section_text(plan, "sales_team_structure", "sales_territories_channels"), 4
        )
        d.bullets(s, text or [T["missing"].format(what=T["team"])])

    # 11 risks: the register the plan ends with (its own numbers first), not the summary's list
    from assistant.interview.economics_risks import plan_register

    register = plan_register(plan, a)
    s = d.slide(T["risks"], "\n".join(f"{r.risk} → {r.response} ({r.owner})" for r in register))
    if register:
        header = ["위험", "대응", "담당"] if ko else ["Risk", "Mitigation", "Owner"]
        cells = [[r.risk, r.response, r.owner] for r in register[:6]]
        if ko:  # composed risks and responses in the report style
            from assistant.core.korean_endings import noun_endings

            cells = [[noun_endings(c) for c in row] for row in cells]
        d.table(s, Table(header, cells), size=11)
    else:
        d.bullets(s, [T["missing"].format(what=T["risks"])])

    # 12 next steps: the decisions before sign-off first, then the goals and sections to finish
    from assistant.interview.summary_parts import next_decisions

    # the deck has no assumptions slide: a pointer to them points to the plan document
    said = [x.replace("(가정 참고)", "(계획서의 가정 참고)").replace("(see Assumptions)", "(see the plan's Assumptions)") for x in next_decisions(plan, a, 3)]  # fmt: skip
    steps = [T["decide"].format(what=x) for x in said]
    steps += [T["fix"].format(goal=g.text) for g in plan.goals if not g.smart][:3]
    from assistant.interview.render import has_proposal

    steps += [
        (
            T["confirm"].format(section=plan.title(sid) if ko else plan.title(sid).lower())
            if has_proposal(plan, sid)
            else T["open"].format(section=plan.title(sid))
        )
        for sid, sec in plan.sections.items()
        if not sec.is_done
    ][:3]
    steps.append(_review_step(plan, ko))
    if ko:  # a Korean slide lists in the report style
        from assistant.core.korean_endings import noun_endings

        steps = [noun_endings(x) for x in steps]
    s = d.slide(T["next"], "\n".join(steps))
    d.bullets(s, steps, size=17 if len(steps) < 4 else 14)
    if ko:  # every run marked Korean, so renderers lay the text out as Korean
        from assistant.export.pptx_lang import mark_korean

        mark_korean(d.prs)
    return d.prs


def _review_step(plan: Plan, ko: bool) -> str:
    """The review step at each goal's own cadence: one cadence for all, or goals grouped by it."""
    T = _T["ko" if ko else "en"]
    by_cadence: dict[str, list[str]] = {}
    for number, goal in enumerate(plan.goals, 1):
        # a goal with nothing to measure yet is a goal to fix (above), not a KPI to review
        said = goal.criteria.get("measurable")
        measurable = bool(goal.kpis) and not (said is not None and said.ok is False)
        if measurable and goal.measurement and goal.measurement.cadence:
            by_cadence.setdefault(goal.measurement.cadence, []).append(str(number))
    if len(by_cadence) <= 1:
        cadence = next(iter(by_cadence), "매월" if ko else "monthly")
        return T["review"].format(cadence=cadence)
    if ko:
        parts = [f"목표 {', '.join(n)}번은 {c}" for c, n in by_cadence.items()]
    else:
        parts = [
            f"goal{'s' if len(n) > 1 else ''} {', '.join(n)} {c}" for c, n in by_cadence.items()
        ]
    return T["review_each"].format(parts="; ".join(parts) if not ko else ", ".join(parts))


def plan_to_pptx_bytes(plan: Plan) -> bytes:
    buffer = io.BytesIO()
    build_deck(plan).save(buffer)
    return buffer.getvalue()


def persona_columns(plan: Plan, p: Persona) -> tuple[list[str], list[str]]:
    """A persona card's two columns: who they are (role, demographics, decision role, goals,
    quote) and what moves them (pains, objections, triggers, channels). Typical entries for the
    role are named once, as what to confirm in interviews."""
    from assistant.interview.render_people import role_below_threshold

    L = labels(plan.language)
    to_confirm: list[str] = []

    def line(key: str, field: str, values: list[str]) -> list[str]:
        if not values or (field == "buying_triggers" and field in p.typical):
            return []  # a role's generic triggers ('a missed target') fit no one in particular
        if field in p.typical:  # shown, short, and marked as typical until interviews confirm it
            to_confirm.append(L[key].lower() if plan.language == "en" else L[key])
            mark = "(일반적인 예)" if plan.language == "ko" else " (typical)"
            return [f"**{L[key]}{mark}:** " + " · ".join(values[:2])]
        return [f"**{L[key]}:** " + " · ".join(values)]

    left = [
        *line("role", "role", [p.role] if p.role else []),
        *line("demographics", "demographics", [p.demographics] if p.demographics else []),
        *(
            [f"**{L['decision_role']}:** {derived}"]  # read from the plan's numbers, as the card
            if (derived := role_below_threshold(plan, p))
            else line(
                "decision_role", "decision_role", [p.decision_role] if p.decision_role else []
            )
        ),
        *line("persona_goals", "goals", p.goals[:3]),
    ]
    # 'measured on inventory turns and margin' is what they are judged by, as the card says
    measured = re.compile(r"^(?:is\s+)?measured\s+on\s+", re.I)
    if (
        plan.language != "ko"
        and p.goals
        and "goals" not in p.typical
        and all(measured.match(g) for g in p.goals)
    ):
        left[-1] = "**Measured on:** " + " · ".join(measured.sub("", g) for g in p.goals[:3])
    if p.quote and "quote" not in p.typical:  # only the user's own words, never a drafted quote
        left.append(f'"{p.quote}"')
    right = [
        *line("pains", "pains", p.pains[:3]),
        *line("objections", "objections", p.objections[:3]),
        *line("triggers", "buying_triggers", p.buying_triggers[:3]),
        *line("channels", "channels", p.channels[:4]),
    ]
    if to_confirm:  # one line says what 'typical' means
        right.append(
            "_"
            + (
                "'일반적인 예'로 표시한 항목은 고객 인터뷰에서 확인함._"
                if plan.language == "ko"
                else "Entries marked typical are to confirm in customer interviews._"
            )
        )
    return left, right


def persona_notes(plan: Plan, p: Persona) -> str:
    left, right = persona_columns(plan, p)
    return "\n".join(plain(x) for x in [*left, *right])


def _one_line(para: str) -> str:
    """A labelled list ('**Top risks**' then '- a' lines) as one slide line: 'Top risks: a; b.'"""
    lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
    items = [ln[2:].strip().rstrip(".") for ln in lines[1:] if ln.startswith("- ")]
    if len(lines) > 1 and items and len(items) == len(lines) - 1:
        label = lines[0].strip("*: ")
        # items after a semicolon continue the sentence: 'defaults; at these rates …' (an acronym
        # or a name keeps its capital)
        joined = [items[0], *(i[:1].lower() + i[1:] if i[1:2].islower() else i for i in items[1:])]
        return f"{label}: {'; '.join(joined)}."
    return para

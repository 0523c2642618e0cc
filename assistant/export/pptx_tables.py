"""Two of the plan's own tables on the deck, as the documents show them: the competitor pairing
under the SWOT, and the plan on a page (each goal with its strategy, channels, budget, activities
and owner) after the goals. The deck stays a 10-14 slide leadership deck: the plan on a page gets
its own slide while the personas leave room for it (two persona slides at most)."""

from __future__ import annotations

import math
import re
from typing import Any

from pptx.util import Emu, Inches, Pt

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.plan_links import plan_page
from assistant.core.plan import Plan
from assistant.export.block_model import Table
from assistant.export.blocks import (
    column_widths,
    display_width,
    keep_together,
    markdown_blocks,
    plain,
)
from assistant.interview.analysis_render import analysis_markdown
from assistant.interview.render import section_markdown

MAX_SLIDES = 14
_BASE_SLIDES = 12  # title to next steps with one persona slide
_RIVALS = {"en": "Competitors", "ko": "경쟁 현황"}
_PAGE = {"en": "Plan on a page", "ko": "한 장 요약"}


def _titled(markdown: str) -> dict[str, Table]:
    out: dict[str, Table] = {}
    title = ""
    for block in markdown_blocks(markdown):
        if isinstance(block, Table):
            out.setdefault(title or str(len(out)), block)
        else:
            title = plain(getattr(block, "text", ""))
    return out


_THREAT = re.compile(r"\((?:threat|위협|substitute|대체재|price pressure|가격 압박)\)\s*$", re.I)


def competitor_table(plan: Plan) -> Table | None:
    """The market section's competitor pairing (competitor, what to lead with, why)."""
    if "mkt_market_analysis" not in plan.sections:
        return None
    name = _RIVALS["ko" if plan.language == "ko" else "en"]
    found = _titled(section_markdown(plan, "mkt_market_analysis")).get(name)
    return found if found is not None and found.rows else None


def plan_page_table(plan: Plan, analysis: PlanAnalysis) -> Table | None:
    name = _PAGE["ko" if plan.language == "ko" else "en"]
    found = _titled(analysis_markdown(plan, analysis)).get(name)
    return found if found is not None and found.rows else None


def table_height(rows: list[list[str]], widths: list[float], size: float) -> float:
    """A deck table's expected height in EMU: each row as tall as its most wrapped cell (an
    average character at 0.6 of the type size, Hangul twice that), never under the 0.4-inch row
    the deck sets."""
    char, line, margins = Pt(size) * 0.6, Pt(size) * 1.2, Inches(0.1)
    total = 0.0
    for values in rows:
        lines = max(
            math.ceil(display_width(keep_together(t)) / max((w - Inches(0.2)) / char, 1.0)) or 1
            for t, w in zip(values, widths, strict=True)
        )
        total += max(Inches(0.4), lines * line + margins)
    return total


def add_competitors(deck: Any, slide: Any, plan: Plan, top: int, bottom: int, full: int) -> None:
    """Under the SWOT on the market slide, between `top` and `bottom` (EMU): five rows at most,
    fewer when the SWOT above has grown (the rest are in the notes), the SWOT's threats always
    among them (the slide's SWOT names them)."""
    table = competitor_table(plan)
    if table is None:
        return
    size = 11.0
    for room in range(5, 0, -1):
        rows = _with_threats(table.rows, room)
        widths, scale = column_widths(Table(table.header, rows), full / (Pt(size) * 0.6))
        height = table_height([table.header, *rows], [full * w / sum(widths) for w in widths], size * scale)  # fmt: skip
        if top + height <= bottom:
            break
    # the note a row points to is in the speaker notes, not below the table on the slide
    rows = [[_noted(c) for c in r] for r in rows]
    deck.table(slide, Table(table.header, rows), top=Emu(top), size=size)


def _noted(cell: str) -> str:
    """A cell that points below the table points to the speaker notes, where the slide keeps the
    research task ('what to claim against each waits for the research below the table' -> '… in the notes')."""
    cell = cell.replace("(see below)", "(see the notes)").replace(
        "(아래 참고)", "(발표자 노트 참고)"
    )
    cell = cell.replace("the research below the table", "the research in the notes")
    return cell.replace("표 아래 조사", "발표자 노트의 조사")


def _with_threats(rows: list[list[str]], room: int) -> list[list[str]]:
    """Up to `room` rows in their order, the threat rows kept before named competitors."""
    threat = [r for r in rows if _THREAT.search(r[0])]
    others = [r for r in rows if r not in threat][: max(room - len(threat), 0)]
    keep = others + threat[:room]
    return [r for r in rows if r in keep]


def add_plan_page(deck: Any, plan: Plan, analysis: PlanAnalysis, title: str) -> None:
    """The plan on a page as its own slide, when the deck has room for it."""
    personas = min(len(plan.personas), 5)
    if _BASE_SLIDES + max(personas - 1, 0) + 1 > MAX_SLIDES:
        return
    table = plan_page_table(plan, analysis)
    if table is None:
        return
    notes = "\n".join(" | ".join(row) for row in table.rows)
    slide = deck.slide(title, notes)
    end = deck.table(slide, Table(table.header, table.rows[:6]), size=11)
    left_out = plan_page(plan).unmeasured
    if left_out:  # a goal number the table skips is said, so no reader looks for a lost row
        nums = ", ".join(map(str, left_out))
        said = (f"목표 {nums}번은 추적할 수치가 아직 없어 표에서 뺌(목표 슬라이드 참고)." if plan.language == "ko"
                else f"Goal {nums} is left out: it has no number to track yet (see the goals slide).")  # fmt: skip
        deck.bullets(slide, [said], top=Emu(end + Inches(0.15)), size=12)

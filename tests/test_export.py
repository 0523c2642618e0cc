import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from assistant.cli.draft import build_plan, load_answers
from assistant.core.errors import ExportError
from assistant.export import write_export
from assistant.export.json_doc import plan_from_contract, plan_to_contract
from assistant.interview.render import plan_markdown


@pytest.fixture
def plan(sample_answers: Path):  # type: ignore[no-untyped-def]
    return build_plan(load_answers(sample_answers)).plan


def test_markdown_has_headings_in_the_plan_language(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    md = plan_markdown(plan)
    assert md.startswith("# Brightloom Analytics - Sales & Marketing Plan")
    assert "## Marketing Plan" in md and "## Sales Plan" in md
    assert "### Marketing Budget" in md and "| LinkedIn ads | 30% | $144,000 |" in md
    assert "| January 2027 | NRF show |" in md  # the plan year when the answer names none
    plan.language = "ko"
    md_ko = plan_markdown(plan)
    assert "## 마케팅 계획" in md_ko and "### 마케팅 예산" in md_ko and "### 영업 예측" in md_ko


def test_json_export_follows_the_contract_and_round_trips(plan) -> None:  # type: ignore[no-untyped-def]
    doc = plan_to_contract(plan)
    assert list(doc)[:7] == [
        "language",
        "plan_type",
        "company",
        "sections",
        "goals",
        "personas",
        "messaging",
    ]
    assert len(doc["sections"]) == 23
    assert all(s["title"] and s["content"].strip() for s in doc["sections"].values())
    # an unanswered forecast is proposed from the goals, and stays unanswered
    assert doc["sections"]["sales_forecast"]["content"].startswith("Proposed:")
    assert doc["section_status"]["sales_forecast"] not in ("answered", "drafted")
    goal = doc["goals"][0]
    assert list(goal) == ["text", "section", "criteria", "kpis", "frame", "author"]
    assert list(goal["frame"]) == ["metric", "kpi", "baseline", "target", "deadline", "means"]
    assert set(goal["criteria"]) == {
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    }
    assert all(set(c) == {"ok", "reason"} for c in goal["criteria"].values())
    assert doc["personas"] and doc["messaging"]["positioning"]
    again = plan_from_contract(json.loads(json.dumps(doc)))
    assert [g.text for g in again.goals] == [g.text for g in plan.goals]
    assert [g.frame for g in again.goals] == [
        g.frame.model_copy(update={"corrected": []}) if g.frame else None for g in plan.goals
    ]
    assert again.budget.total == 480000


def test_docx_has_real_headings_and_tables(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_export(plan, "docx", tmp_path / "plan.docx")
    doc = Document(str(path))
    headings = [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert ("Title", "Brightloom Analytics") in headings  # the cover: company, then the plan title
    assert "Sales & Marketing Plan" in [p.text for p in doc.paragraphs]
    assert ("Heading 1", "Marketing Plan") in headings and (
        "Heading 2",
        "Marketing Budget",
    ) in headings
    first_rows = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    # a suggested rewrite with unfilled [placeholders] is not plan text: the column is left out
    assert ["Goal", "SMART", "KPI", "Notes"] in first_rows
    assert ["Channel or activity", "Share", "Amount", "Serves"] in first_rows
    assert ["Line", "Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027", "Year"] in first_rows
    # the calendar as the Markdown composes it: each activity with its budget line and goal
    assert any(row[:2] == ["When", "Activity"] and row[-1] == "Serves" for row in first_rows)
    assert any(row[:2] == ["Goal", "KPI"] for row in first_rows)  # measurement plan
    budget = next(t for t in doc.tables if t.rows[0].cells[0].text == "Channel or activity")
    assert [c.text for c in budget.rows[1].cells] == [
        "content and webinars",
        "35%",
        "$168,000",
        "Goals 1, 2",
    ]


def test_docx_opens_in_libreoffice(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail(
            "LibreOffice is needed for this test: apt-get install -y libreoffice-writer-nogui (make test installs it when run as root)"
        )
    path = write_export(plan, "docx", tmp_path / "plan.docx")
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "plan.pdf"
    assert result.returncode == 0, result.stderr.decode()
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000


def test_the_korean_docx_through_libreoffice_keeps_every_persona_row(tmp_path: Path) -> None:
    """A persona card that starts near a page's foot lost every row after its first when the
    first row under the header could not split: what a reader sees keeps them all."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None, (
        "LibreOffice is needed for this test (make test installs it as root)"
    )
    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    path = write_export(plan, "docx", tmp_path / "ko.docx")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    text = subprocess.run(["pdftotext", str(tmp_path / "ko.pdf"), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    flat = "".join(text.split())
    for row in (
        "평가기준",
        "급여오류0건",
        "엑셀로근태를집계하느라",
        "1,000만원이상계약은최재무이사에게품의해승인받고",
    ):
        assert row in flat, row


def test_korean_plan_exports_korean_headings(tmp_path: Path) -> None:
    doc = {"language": "ko", "plan_type": "marketing", "company": "커피랩", "answers": {
        "mkt_objectives": "월간 시음 웨비나를 통해 2027년 6월 30일까지 적격 리드 400건을 확보한다.",
        "mkt_budget": "총 6,000만 원: 인스타그램 광고 40%, 행사 30%, 콘텐츠 20%, 도구 10%.",
    }}  # fmt: skip
    plan = build_plan(doc).plan
    path = write_export(plan, "docx", tmp_path / "ko.docx")
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert (
        "커피랩" in texts
        and "영업 및 마케팅 계획" in texts
        and "마케팅 예산" in texts
        and "측정과 분석" in texts
    )
    assert "## 마케팅 목표" in plan_markdown(plan)


def test_unwritable_destination_is_a_clear_error_and_leaves_nothing(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        write_export(plan, "md", blocker / "plan.md")
    assert "Can't write" in info.value.message("en")
    assert not (blocker / "plan.md").exists()


def test_docx_carries_the_composed_tables_and_the_analysis(
    sample_answers: Path, tmp_path: Path
) -> None:
    plan = build_plan(json.loads(sample_answers.read_text())).plan
    doc = Document(str(write_export(plan, "docx", tmp_path / "plan.docx")))
    first_rows = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["P", "Decision", "In the plan"] in first_rows and [
        "Stage",
        "9 months (the lead goal)",
        "12 months at that pace",
        "Converted from the stage above",
    ] in first_rows
    assert any(
        r[:4] == ["Channel", "Role (funnel stage)", "KPI", "Budget share"] for r in first_rows
    )
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Plan analysis" in headings and "Assumptions" in headings


def test_out_refuses_devices_fifos_folders_and_links_and_keeps_the_mode(
    plan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.md"
    target = tmp_path / "target.md"
    target.write_text("keep me")
    link.symlink_to(target)
    for bad in (Path("/dev/null"), fifo, tmp_path, link):
        with pytest.raises(ExportError) as info:
            write_export(plan, "md", bad)
        assert "not a regular file" in info.value.message("en")
    assert target.read_text() == "keep me" and link.is_symlink()
    private = tmp_path / "private.md"
    private.write_text("old")
    private.chmod(0o600)
    write_export(plan, "md", private)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and "Brightloom" in private.read_text()


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '<a href="javascript:alert(3)">click</a>',
    "[click me](javascript:alert(4))",
    "<!-- hidden --><iframe src=//evil></iframe>",
    "<javascript:alert(5)>",
]


def _live_elements(html_text: str) -> list[str]:
    """Elements or attributes a browser would run: anything outside plain document markup."""
    from html.parser import HTMLParser

    allowed = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "thead",
               "tbody", "tr", "th", "td", "strong", "em", "code", "pre", "blockquote", "hr",
               "br", "a"}  # fmt: skip
    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in allowed:
                found.append(tag)
            for name, value in attrs:
                if name.startswith("on") or (value or "").strip().lower().startswith(
                    ("javascript:", "vbscript:", "data:")
                ):
                    found.append(f"{tag}[{name}={value}]")

        def handle_comment(self, data: str) -> None:
            found.append("<!--")

    Finder().feed(html_text)
    return found


def test_the_markdown_export_cannot_carry_script(sample_answers: Path, tmp_path: Path) -> None:
    """Answers, the company name and uploaded column names rendered by a standard Markdown
    renderer (HTML allowed, as most are) give no live element; the text is still shown."""
    from markdown_it import MarkdownIt

    from assistant.interview.forecast_attach import attach_forecast

    doc = json.loads(sample_answers.read_text())
    doc["company"] = "<img src=x onerror=alert('co')> Co"
    for n, sid in enumerate(list(doc["answers"])[:8]):
        doc["answers"][sid] = f"{doc['answers'][sid]} {HOSTILE[n % len(HOSTILE)]}"
    state = build_plan(doc)
    history = tmp_path / "h.csv"
    rows = "\n".join(f"2024-{m:02d},{100 + m * 7}" for m in range(1, 13))
    history.write_text("month,\"<script>alert('col')</script>\"\n" + rows + "\n")
    attach_forecast(state.plan, history)
    text = write_export(state.plan, "md", tmp_path / "plan.md").read_text()
    for renderer in (MarkdownIt("commonmark"), MarkdownIt("gfm-like").disable("linkify")):
        rendered = renderer.render(text)
        assert _live_elements(rendered) == [], _live_elements(rendered)[:5]
    assert "&lt;script>" in text and "alert(1)" in text  # shown as text, not dropped
    assert "alert(&#39;col&#39;)" in MarkdownIt("commonmark").render(text) or "alert('col')" in text


def test_an_ampersand_reads_as_written_in_the_markdown() -> None:
    from assistant.export.markdown_safe import inert_markdown

    assert inert_markdown("# Harbor & Pine - Sales & Marketing Plan") == "# Harbor & Pine - Sales & Marketing Plan"  # fmt: skip
    assert (
        inert_markdown("typed &lt;b&gt; and &#60;i>") == "typed &amp;lt;b&amp;gt; and &amp;#60;i>"
    )


def test_the_docx_and_the_pdf_of_a_plan_share_the_page_size(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A US plan is Letter in both; a Korean plan A4 in both (the DOCX was always A4)."""
    for language, (width_cm, height_pt) in (("en", (21.59, 792)), ("ko", (21.0, 842))):
        plan.language = language
        docx_path = write_export(plan, "docx", tmp_path / f"{language}.docx")
        pdf_path = write_export(plan, "pdf", tmp_path / f"{language}.pdf")
        section = Document(str(docx_path)).sections[0]
        assert abs(section.page_width.cm - width_cm) < 0.05, (language, section.page_width.cm)
        info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True).stdout
        size = next(line for line in info.splitlines() if line.startswith("Page size:"))
        height = float(size.split("x")[1].split()[0])
        assert abs(height - height_pt) < 2, (language, size)


def test_emoji_the_fonts_cannot_draw_never_leave_holes(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from assistant.export.blocks import without_emoji

    assert (
        without_emoji("Run webinars 🚀, convert ✅ trials 💡") == "Run webinars, convert ✓ trials →"
    )
    assert without_emoji("ratio 3 : 1") == "ratio 3 : 1"  # text without emoji is left alone
    plan.section("mkt_strategy").content = "Webinars 🚀 first ⚠️ then 💡 trials"
    text = subprocess.run(
        ["pdftotext", str(write_export(plan, "pdf", tmp_path / "e.pdf")), "-"],
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert "Webinars first ⚠ then → trials" in " ".join(text.split())


def test_the_json_contract_carries_team_territories_4p_and_competitors(plan) -> None:  # type: ignore[no-untyped-def]
    doc = plan_to_contract(plan)
    assert doc["competitors"] and all(isinstance(c, str) for c in doc["competitors"])
    assert set(doc["mix_4p"]) == {"product", "price", "place", "promotion"}
    assert all(doc["mix_4p"].values())
    assert doc["team"] and all(set(r) == {"role", "count", "quota_carrying"} for r in doc["team"])
    sellers = [r for r in doc["team"] if r["quota_carrying"]]
    assert sellers and all(isinstance(r["count"], int) for r in sellers)
    assert doc["territories"] and all(
        set(t) == {"name", "sellers", "share"} for t in doc["territories"]
    )
    assert sum(t["sellers"] for t in doc["territories"]) == sum(r["count"] for r in sellers)
    # and back: review and tracking read the team from the export
    assert plan_from_contract(doc).team


def test_a_stated_forecast_is_a_table_in_the_pdf_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    from pathlib import Path

    from assistant.cli.draft import build_plan, load_answers
    from assistant.export import write_export

    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    pdf = write_export(plan, "pdf", tmp_path / "plan.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    # the section itself: from its heading (a line of its own) to the next section's
    lines = text.splitlines()
    start = next(i for i, x in enumerate(lines) if x.strip() == "영업 예측")
    end = next(i for i, x in enumerate(lines) if x.strip() == "영업 지역과 유통 채널" and i > start)
    after = "\n".join(lines[start:end])
    assert "2027년 1분기" in after and "합계" in after and "2027년 분기별 매출 예측:" not in after


def test_the_summary_slide_keeps_every_top_risk_on_one_line(sample_answers, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pptx import Presentation

    from assistant.cli.draft import build_plan, load_answers
    from assistant.export import write_export

    deck = Presentation(str(write_export(build_plan(load_answers(sample_answers)).plan, "pptx", tmp_path / "p.pptx")))  # fmt: skip
    lines = [
        p.text
        for sh in deck.slides[1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
    ]
    risks = next(line for line in lines if line.startswith("Top risks:"))
    assert "bundled analytics from commerce platforms: lead with" in risks.lower()
    assert not any(line.startswith("- ") for line in lines)


def test_chart_labels_are_cut_between_words_never_inside_one() -> None:
    from assistant.export.chart_images import _short, _wrap

    label = _short("Delaware Valley Facilities Expo, Pennsylvania Convention Center - booth + demo")
    assert label.endswith(" …") and "Pennsyl" not in label.replace("Pennsylvania", "")
    assert all(
        w in "Delaware Valley Facilities Expo, Pennsylvania Convention Center"
        for w in label[:-2].split()
    )
    assert _wrap(
        "a very long label that will need more than two lines to show in full", 22
    ).endswith("…")
    assert _short("짧은 활동") == "짧은 활동"


def test_a_proposed_forecast_is_not_followed_by_not_answered_in_documents(
    sample_answers: Path,
) -> None:
    from assistant.cli.draft import build_plan, load_answers
    from assistant.export.blocks import Heading, Para, plan_blocks

    plan = build_plan(load_answers(sample_answers)).plan
    blocks = plan_blocks(plan)
    at = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Heading) and b.text == plan.title("sales_forecast")
    )
    end = next(i for i in range(at + 1, len(blocks)) if isinstance(blocks[i], Heading))
    texts = [b.text for b in blocks[at:end] if isinstance(b, Para)]
    assert any(t.startswith("Proposed:") for t in texts)
    assert not any("Not answered yet" in t for t in texts)


def test_the_document_goals_table_carries_the_plan_checks(sample_answers, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The DOCX/PDF goals table says what the rest of the plan says about each goal, as the
    Markdown does ('Why A?: …')."""
    from docx import Document

    from assistant.cli.draft import build_plan, load_answers
    from assistant.export import write_export

    plan = build_plan(load_answers(sample_answers)).plan
    doc = Document(str(write_export(plan, "docx", tmp_path / "p.docx")))
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Why A?: At the plan's leads and conversion rates the funnel yields about 60 customers of the 70." in cells  # fmt: skip


def test_the_deck_marks_goals_as_the_documents_do(sample_answers, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A goal the plan's own numbers fall short of shows A? on the slide as in the PDF; the
    ROI row carries the ROI the goals support; the goals table shows one KPI per goal."""
    from pptx import Presentation

    from assistant.cli.draft import build_plan, load_answers
    from assistant.export import write_export

    plan = build_plan(load_answers(sample_answers)).plan
    deck = Presentation(str(write_export(plan, "pptx", tmp_path / "p.pptx")))
    cells = [
        c.text
        for slide in deck.slides
        for sh in slide.shapes
        if sh.has_table
        for row in sh.table.rows
        for c in row.cells
    ]
    marks = [
        c
        for c in cells
        if c.startswith("S") and "M" in c and "T" in c and len(c) < 20 and c != "SMART"
    ]
    assert marks and all("A?" in m or "A✗" in m for m in marks)  # every goal here is short or vague
    texts = cells + [sh.text_frame.text for slide in deck.slides for sh in slide.shapes if sh.has_text_frame]  # fmt: skip
    assert any("200% (at most about 148% on the goals alone)" in c for c in texts)


def test_a_non_breaking_space_keeps_a_cell_on_one_line_when_columns_are_sized() -> None:
    """The SMART marks ('S✓ M✓ A? R✓ T✓', joined by non-breaking spaces) are one unit: the column
    is sized for all of them even when the table is too wide for natural widths (the deck wrapped
    'T' and its mark onto two lines)."""
    from assistant.export.block_model import Table
    from assistant.export.blocks import column_widths, display_width

    marks = "\u00a0".join(["S✓", "M✓", "A?", "R✓", "T✓"])
    goal = "Generate 900 marketing-qualified leads by September 30, 2027 through a monthly webinar series " * 2  # fmt: skip
    table = Table(["Goal", "SMART", "Target"], [[goal, marks, "900 leads"]])
    widths, _scale = column_widths(table, 90)
    assert widths[1] >= display_width(marks)
    # ordinary spaces still let a long cell wrap
    assert widths[0] < display_width(goal)


def test_a_rewrite_for_one_goal_in_a_few_sits_in_its_notes_not_a_column_of_dashes(
    sample_answers: Path,
) -> None:
    """Only goal 3 has a measurable version: it is said in goal 3's notes, and the table keeps
    four columns, so the notes beside the goals are not squeezed by a column that is '-' in most
    rows. Spare width goes where the text is, never past a column's longest line."""
    from assistant.cli.draft import build_plan, load_answers
    from assistant.export.blocks import Table, column_widths, plan_blocks

    plan = build_plan(load_answers(sample_answers)).plan
    goals = next(b for b in plan_blocks(plan) if isinstance(b, Table) and b.header[0] == "Goal")
    assert goals.header == ["Goal", "SMART", "KPI", "Notes"]
    third = next(r for r in goals.rows if r[0].startswith("3. "))
    assert "Proposed measurable version: Measure Brightloom Analytics' aided awareness" in third[3]
    table = Table(["Item", "Status", "Detail"], [["Webinars", "-", "x " * 60], ["Reports", "-", "y " * 80]])  # fmt: skip
    widths, scale = column_widths(table, 60)
    assert scale == 1.0 and abs(sum(widths) - 60) < 0.01
    assert widths[1] < 10 and widths[2] > widths[0] > widths[1]  # the dashes stay narrow


def test_column_widths_keep_an_amount_whole_as_it_is_rendered() -> None:
    """A cell '4,000만 원(제안)' is rendered with a no-break space inside the amount, so its column
    is sized for the whole run, not for '4,000만' and '원(제안)' apart (the PDF had split it as
    '4,000만 원(제 | 안)')."""
    from assistant.export.blocks import Table, column_widths, display_width, keep_together

    cell = "4,000만 원(제안)"
    t = Table(
        ["시기", "활동", "비용"],
        [["2027년 3월", "노동법 개정 설명회(노무법인 공동 개최) " * 3, cell]],
    )
    widths, scale = column_widths(t, 40)
    assert widths[2] >= display_width(keep_together(cell)) * scale  # at the font scale used


@pytest.mark.parametrize("answers", ["sample", "ko_hr_answers.json"])
def test_the_last_slide_reviews_each_goal_at_its_own_cadence(
    sample_answers, answers, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Marketing goals reviewed weekly and sales goals monthly: the deck's next steps say both,
    not one cadence for all."""
    from pptx import Presentation

    source = sample_answers if answers == "sample" else Path(__file__).parent / "data" / answers
    plan = build_plan(load_answers(source)).plan
    # a goal with nothing to measure yet ('Be everywhere in retail.') is fixed, not reviewed
    measured = [g for g in plan.goals if g.kpis and g.criteria["measurable"].ok is not False]
    cadences = {g.measurement.cadence for g in measured if g.measurement and g.measurement.cadence}
    assert len(cadences) > 1  # the plan itself has more than one
    deck = Presentation(str(write_export(plan, "pptx", tmp_path / "p.pptx")))
    last = " ".join(
        p.text
        for sh in deck.slides[-1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
    )
    assert all(c in last for c in cadences), (cadences, last)
    vague = [n for n, g in enumerate(plan.goals, 1) if g.criteria["measurable"].ok is False]
    review = last[last.rindex("Review" if plan.language == "en" else "목표별") :]
    assert not any(re.search(rf"\b{n}\b", review) for n in vague), review
    if answers == "sample":  # the forecast the plan proposes is confirmed, not written from scratch
        assert "Confirm or replace the proposed sales forecast" in last
        assert "Complete: Sales Forecast" not in last


@pytest.mark.parametrize("answers", ["ko_hr_answers.json", "ko_bakery_answers.json", "sample"])
def test_no_docx_table_runs_past_the_text_margins(sample_answers, answers, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A six-column Korean table (calendar, plan on a page) whose longest words do not fit even at
    the smallest type used to run past the margins; its text columns now give way instead, and a
    figure such as '4,000만 원(제안)' keeps its whole width."""
    from docx.shared import Cm

    from assistant.export.blocks import display_width, keep_together

    source = sample_answers if answers == "sample" else Path(__file__).parent / "data" / answers
    plan = build_plan(load_answers(source)).plan
    doc = Document(str(write_export(plan, "docx", tmp_path / "p.docx")))
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in doc.tables:
        assert sum(c.width for c in table.columns) <= text_width + Cm(0.05), (
            table.rows[0].cells[0].text
        )
    if answers == "ko_hr_answers.json":
        calendar = next(t for t in doc.tables if t.rows[0].cells[0].text == "시기")
        cost = [c.text for c in calendar.columns[3].cells]
        assert any("4,000만" in c for c in cost)
        widest = max(display_width(keep_together(c)) for c in cost)
        assert calendar.columns[3].width >= Cm(widest * 0.24 * 0.85)


def test_the_pdf_explains_the_smart_marks_once_under_the_first_goals(
    sample_answers, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """'S✓ M✓ A? R✓ T✓' is read with its legend in the PDF as in the Markdown: once, under the
    first goals table. A Korean PDF says each verdict in words and needs no legend."""
    from assistant.interview.render import smart_legend

    plan = build_plan(load_answers(sample_answers)).plan
    pdf = write_export(plan, "pdf", tmp_path / "plan.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    flat = " ".join(text.split())
    start = smart_legend("en").split("(")[0].strip()  # 'SMART: ✓ met · ? to confirm · ✗ missing'
    assert flat.count(start) == 1, start
    ko = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    pdf = write_export(ko, "pdf", tmp_path / "ko.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    flat = "".join(text.split())
    assert "SMART점검" in flat and "달성가능성확인필요" in flat and "S✓" not in flat


def test_a_docx_row_holding_a_long_cell_may_split_and_a_short_one_never(
    sample_answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A goals row whose notes run to several hundred characters would leave most of a page blank
    if it could not split; every other row stays whole."""
    from docx.oxml.ns import qn

    out = write_export(
        build_plan(load_answers(sample_answers)).plan, "docx", tmp_path / "plan.docx"
    )
    doc = Document(str(out))
    rows = [r for t in doc.tables for r in t.rows]
    long_rows = [r for r in rows if max(len(c.text) for c in r.cells) > 400]
    assert long_rows  # the unmeasurable goal's notes
    # the first row under each header is kept with it instead (LibreOffice drops the rows after
    # an unsplittable first row it has to move to the next page)
    first = [t.rows[1]._tr for t in doc.tables if len(t.rows) > 1]
    for r in rows:
        whole = r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None
        assert whole is (r not in long_rows and not any(r._tr is f for f in first))


def test_the_plan_ends_with_the_acronyms_it_uses_explained_in_its_language(
    sample_answers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from assistant.interview.glossary import glossary_markdown

    assert glossary_markdown(
        "Our SDRs book demos for the AE team; NRR is 104%.", "en"
    ).splitlines()[3:] == [
        "|---|---|",
        "| SDR | sales development representative: first contact with leads, books the meetings |",
        "| AE | account executive: takes deals from first meeting to signature |",
        "| NRR | net revenue retention: last year's customers' revenue a year later, after churn, downgrades and expansion |",
    ]
    assert glossary_markdown("매출을 늘린다", "ko") == ""  # no acronym, no glossary
    ko = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    md = plan_markdown(ko)
    assert (
        "## 용어 설명" in md and "| BANT | 예산·결정 권한·필요·시기로 거래를 검증하는 방법 |" in md
    )
    assert "MEDDICC" not in md  # only what the plan uses
    # the plan's own terms too, each in its language's words only
    assert (
        "| 매출 브리지 | 작년 매출에서 이탈을 빼고 신규·확장 매출을 더해 매출 목표까지 가는 과정 |"
        in md
    )
    # the plan's planning words a CEO may not use, once they appear
    assert (
        "| 연초 ARR | 한 해를 시작할 때의 연간 반복 매출" in md and "| 레퍼런스 통화 |" in md
    )  # the user's word
    said = glossary_markdown("Two reference calls lift the win rate; payback is 14 months.", "en")
    assert all(f"| {t} |" in said for t in ("reference call", "win rate", "payback"))
    said = glossary_markdown("The revenue bridge ends at Q4's run-rate.", "en")
    assert "| revenue bridge |" in said and "| run-rate |" in said and "매출 브리지" not in said
    # the documents carry it too, as a reader sees them
    out = write_export(ko, "pdf", tmp_path / "plan.pdf")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    assert "용어 설명" in text and "상담부터 계약까지 거래를 맡는 영업 담당자" in text


def test_the_proposed_committee_cards_reach_the_documents(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The IT reviewer card the plan proposes (the trial runs on the buyer's own POS data) is in
    the PDF and the DOCX as in the Markdown, a heading with its fields, not only in the chat."""
    pdf = write_export(plan, "pdf", tmp_path / "plan.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert (
        "IT / security reviewer" in flat and "technical evaluator (can block the purchase)" in flat
    )
    doc = Document(str(write_export(plan, "docx", tmp_path / "plan.docx")))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "Objections to prepare for" in cells and "In the decision because" in cells


def test_the_deck_carries_the_proposed_committee_cards(plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The IT reviewer card the documents propose is a persona slide of the deck too, marked as
    a proposal, its fields as labelled lines."""
    from pptx import Presentation

    deck = Presentation(str(write_export(plan, "pptx", tmp_path / "p.pptx")))
    titles = [sl.shapes.title.text for sl in deck.slides if sl.shapes.title is not None]
    assert "Buyer personas: IT / security reviewer (proposed)" in titles
    slide = deck.slides[titles.index("Buyer personas: IT / security reviewer (proposed)")]
    text = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "Objections to prepare for:" in text and "to confirm in customer interviews" in text


def test_korean_persona_cards_in_the_documents_are_in_the_report_style(tmp_path: Path) -> None:
    """The PDF's and DOCX's persona cards and goal checks read in 개조식 as the plan's Markdown
    does, not ~합니다."""
    ko = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    doc = Document(str(write_export(ko, "docx", tmp_path / "p.docx")))
    cards = [c.text for t in doc.tables for r in t.rows for c in r.cells if "승인" in c.text or "정보 채널" in c.text]  # fmt: skip
    assert cards and not any(c.rstrip(".").endswith("니다") for c in cards), cards
    # the objection answers are the sellers' guidance: report style there too; the copy stays copy
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    answer = next(c for c in cells if "가격을 제시" in c)
    assert "제시함" in answer and "제시합니다" not in answer


def test_a_korean_one_syllable_word_never_sits_alone_on_a_pdf_line(tmp_path: Path) -> None:
    """'마케팅 적격 리드(MQL) / 수' and '노무 가이드 블로그 / 글' read as cut-offs: the word before a
    one-syllable word keeps it on its line (column headers such as '값' are whole cells)."""
    from assistant.export.blocks import keep_together

    assert keep_together("마케팅 적격 리드(MQL) 수") == "마케팅 적격 리드(MQL)\u00a0수"
    assert keep_together("블로그 글, 사례") == "블로그\u00a0글, 사례"
    # a word that leads the next ('위 조합', '박 팀장', '약 225곳') stays free; a list of one-syllable
    # items is no run (nothing binds after a comma)
    for free in (
        "확인하고, 위 조합",
        "대상: 박 인사총무팀장",
        "목표를 약 225곳으로",
        "우유, 빵, 잼",
    ):
        assert keep_together(free) == free
    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    pdf = write_export(plan, "pdf", tmp_path / "ko.pdf")
    lines = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.splitlines()  # fmt: skip
    alone = [
        (before, line)
        for before, line in zip(lines, lines[1:], strict=False)
        if re.fullmatch(r"\s*[가-힣][.,]?\s*", line) and before.strip()
    ]
    assert alone == []


def test_the_deck_sets_the_base_case_beside_the_goals_met_with_their_leads(
    sample_answers, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Four columns overflowed the slide: it keeps the base case and the goals met with the extra
    leads paid for (the summary's figures); the goals at today's budget stay in the documents."""
    from pptx import Presentation

    from assistant.cli.draft import build_plan, load_answers
    from assistant.export import write_export

    deck = Presentation(str(write_export(build_plan(load_answers(sample_answers)).plan, "pptx", tmp_path / "p.pptx")))  # fmt: skip
    tables = [sh.table for s in deck.slides for sh in s.shapes if sh.has_table]
    ue = next(t for t in tables if t.cell(0, 0).text == "Metric" and "Base case" in t.cell(0, 1).text)  # fmt: skip
    assert len(ue.columns) == 3 and "with the extra leads" in ue.cell(0, 2).text
    assert ue.cell(1, 1).text == "$28,900" and ue.cell(1, 2).text == "$25,900"

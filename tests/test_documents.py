"""The exports as a reader sees them: DOCX and PPTX through LibreOffice, the PDF directly, then
pdftotext / pdffonts / pdftoppm on the result."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from assistant.analysis.plan_analysis import analyse
from assistant.cli.draft import build_plan
from assistant.core.plan import Plan
from assistant.export import write_export
from assistant.export.blocks import Heading, plan_blocks
from assistant.export.fonts import FAMILY, font_files, use_in_matplotlib
from assistant.goals.numbers import about, format_amount
from assistant.interview.forecast_attach import attach_forecast

DATA = Path(__file__).parent / "data"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} is needed: `make test` installs it (poppler-utils, libreoffice) when run as root"
        )
    return path


def pdftotext(pdf: Path) -> str:
    out = subprocess.run(
        [_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60
    )
    return out.stdout


def pdffonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, timeout=60)
    return [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]


def to_pdf(path: Path, work: Path) -> Path:
    soffice = shutil.which("soffice") or _tool("libreoffice")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{work}/lo", "--convert-to", "pdf",
         "--outdir", str(work), str(path)],
        capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    return work / (path.stem + ".pdf")


def pages_png(pdf: Path, work: Path, last: int = 2) -> list[Path]:
    subprocess.run(
        [_tool("pdftoppm"), "-r", "40", "-png", "-l", str(last), str(pdf), str(work / "page")],
        check=True,
        timeout=120,
    )
    return sorted(work.glob("page-*.png"))


@pytest.fixture(scope="module")
def ko_plan() -> Plan:
    return build_plan(json.loads((DATA / "ko_saas_answers.json").read_text(encoding="utf-8"))).plan


@pytest.fixture(scope="module")
def en_plan(shared_data_dir: Path) -> Plan:
    plan = build_plan(json.loads((shared_data_dir / "sample_answers_en.json").read_text())).plan
    attach_forecast(plan, shared_data_dir / "sample_sales_history.csv")
    return plan


@pytest.fixture(scope="module")
def shared_data_dir() -> Path:
    from tests.conftest import find_shared

    return find_shared()


def _titles(plan: Plan) -> list[str]:
    return [b.text for b in plan_blocks(plan) if isinstance(b, Heading) and b.level <= 2]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_fonts_ship_with_the_dependencies_and_charts_use_them() -> None:
    files = font_files()
    assert "site-packages" in str(files.regular) and files.regular.stat().st_size > 1_000_000
    use_in_matplotlib()
    from matplotlib import font_manager

    assert Path(font_manager.findfont(FAMILY, fallback_to_default=False)) == files.regular


def test_korean_pdf_has_every_section_title_and_embedded_fonts(
    ko_plan: Plan, tmp_path: Path
) -> None:
    pdf = write_export(ko_plan, "pdf", tmp_path / "plan.pdf")
    text = pdftotext(pdf)
    flat = _flat(text)
    assert "\ufffd" not in text and "세무랩" in text
    missing = [t for t in _titles(ko_plan) if _flat(t) not in flat]
    assert not missing
    assert "목차" in text and "계획 기간" in text and "버전" in text  # cover and contents
    a = analyse(ko_plan)
    assert _flat(format_amount(a.unit_economics.cac or 0, "KRW", "ko")) in flat  # the analysis' CAC
    fonts = pdffonts(pdf)
    assert fonts and all(row[-5] == "yes" for row in fonts)  # the 'emb' column
    assert any("NanumGothic" in row[0] for row in fonts)
    size = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in size
    assert pages_png(pdf, tmp_path)  # the pages render


def test_pdf_page_size_follows_the_plan_or_the_setting(en_plan: Plan, tmp_path: Path) -> None:
    def info(p: Path) -> str:
        return subprocess.run([_tool("pdfinfo"), str(p)], capture_output=True, text=True).stdout

    assert "letter" in info(
        write_export(en_plan, "pdf", tmp_path / "us.pdf")
    )  # an English plan in USD
    assert "(A4)" in info(write_export(en_plan, "pdf", tmp_path / "a4.pdf", page_size="a4"))


def test_exports_carry_no_placeholders_markdown_or_html(en_plan: Plan, tmp_path: Path) -> None:
    plan = en_plan.model_copy(deep=True)
    plan.section(  # a prose section (the strategy is now a table of moves)
        "mkt_executive_summary"
    ).content = "Lead with <b>webinars</b> and `code` and **proof** for _buyers_."
    text = pdftotext(write_export(plan, "pdf", tmp_path / "p.pdf"))
    assert "Lead with webinars and code and proof for buyers." in text
    for bad in ("**", "`", "<b>", "[baseline]", "[target value]", "[deadline"):
        assert bad not in text, bad
    md = write_export(plan, "md", tmp_path / "p.md").read_text()
    assert (
        "[baseline]" not in md and "[deadline" not in md and "Proposed measurable version: " in md
    )
    deck = Presentation(str(write_export(plan, "pptx", tmp_path / "p.pptx")))
    words = " ".join(
        sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame
    )
    assert "**" not in words and "<b>" not in words


def test_docx_has_cover_contents_page_numbers_and_kpi_names(en_plan: Plan, tmp_path: Path) -> None:
    path = write_export(en_plan, "docx", tmp_path / "plan.docx")
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
        footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        headers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
        settings = z.read("word/settings.xml").decode()
    assert "TOC \\o" in body and "updateFields" in settings
    assert "PAGE" in footers and "Brightloom Analytics" in headers
    pdf = to_pdf(path, tmp_path)
    text = pdftotext(pdf)
    assert "Plan period" in text and "Version" in text and "Contents" in text
    assert not re.search(r"\b[a-z]+_[a-z_]+_rate\b|mql_to_sql", text)  # KPI names, not ids
    # the goals table names its KPI as a reader says it (the cell may wrap between its words)
    from docx import Document as _Doc

    cells = " ".join(c.text for t in _Doc(str(path)).tables for row in t.rows for c in row.cells)
    assert "Leads generated" in cells or "Marketing qualified leads" in cells
    assert "Leads" in text and "generated" in text
    # no word in a table is broken across lines: every long word of the cells appears whole
    from docx import Document

    words = {
        w.strip(".,;:()")
        for t in Document(str(path)).tables
        for row in t.rows
        for c in row.cells
        for w in c.text.split()
    }
    long_words = {w for w in words if len(w) >= 7 and w.isalpha()}
    broken = [w for w in long_words if w not in text]
    assert not broken, broken[:10]
    assert pages_png(pdf, tmp_path)


def test_korean_docx_renders_korean_through_libreoffice(ko_plan: Plan, tmp_path: Path) -> None:
    text = pdftotext(to_pdf(write_export(ko_plan, "docx", tmp_path / "ko.docx"), tmp_path))
    assert "\ufffd" not in text and "세무랩" in text and "목차" in text
    assert not [t for t in _titles(ko_plan) if _flat(t) not in _flat(text)]


def test_korean_docx_never_breaks_a_line_inside_a_number(tmp_path: Path) -> None:
    """Digits are 'western' text (en-US) and Hangul East Asian (ko-KR): marked Korean too,
    LibreOffice broke lines inside numbers ('2,40|0건', '(4|0%)'). Every grouped number of a
    number-dense plan is found whole in the rendered text."""
    from assistant.interview.render import plan_markdown

    plan = build_plan(json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))).plan
    text = pdftotext(to_pdf(write_export(plan, "docx", tmp_path / "hr.docx"), tmp_path))
    numbers = set(re.findall(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])", plan_markdown(plan)))
    assert len(numbers) > 15
    assert not [n for n in numbers if n not in text]
    # nor between the parts of an amount ('1억 2,000만 원'): the space is non-breaking, as in the
    # PDF (LibreOffice may still end a line before '원' after a non-breaking space: in the note)
    raw = subprocess.run(
        [_tool("pdftotext"), str(tmp_path / "hr.pdf"), "-"],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert not re.findall(r"\d\s?[조억만천]\n\s*\d", raw)


@pytest.mark.parametrize("which", ["ko", "en"])
def test_deck_has_ten_to_fourteen_titled_slides_with_notes(
    which: str, ko_plan: Plan, en_plan: Plan, tmp_path: Path
) -> None:
    plan = ko_plan if which == "ko" else en_plan
    path = write_export(plan, "pptx", tmp_path / "deck.pptx")
    deck = Presentation(str(path))
    slides = list(deck.slides)
    assert 10 <= len(slides) <= 14
    titles = [s.shapes.title.text for s in slides if s.shapes.title is not None]
    assert len(titles) == len(slides) and all(titles)
    notes = [s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide]
    assert sum(1 for n in notes if n.strip()) >= 8  # the longer text lives in the speaker notes
    # a presenter reads plain lines: no Markdown tables, headings or emphasis marks
    assert not any(re.search(r"^\s*\||^#+ |\*\*|^\s*- ", n, re.M) for n in notes)
    text = pdftotext(to_pdf(path, tmp_path))
    assert "\ufffd" not in text and plan.company in text
    assert all(_flat(t) in _flat(text) for t in titles[1:])
    if which == "ko":
        runs = [
            r
            for s in slides
            for sh in s.shapes
            if sh.has_text_frame
            for p in sh.text_frame.paragraphs
            for r in p.runs
        ]
        assert all(r.font.name == FAMILY for r in runs if re.search("[가-힣]", r.text))
    else:
        assert "Sales forecast and scenarios" in titles and "Optimistic" in text


def test_the_same_numbers_in_every_export(en_plan: Plan, tmp_path: Path) -> None:
    from assistant.analysis.sales_cost_finding import funded_case as _funded

    a = analyse(en_plan)
    # computed money is said to three significant digits, the same in every export: the
    # marketing-only CAC of the goals met with the extra leads they need
    paid = _funded(en_plan, a)
    assert paid is not None
    cac = format_amount(about(paid.cac_mkt), a.unit_economics.currency, "en")
    pdf_text = pdftotext(write_export(en_plan, "pdf", tmp_path / "p.pdf"))
    deck = Presentation(str(write_export(en_plan, "pptx", tmp_path / "p.pptx")))
    deck_text = " ".join(
        c.text
        for s in deck.slides
        for sh in s.shapes
        if sh.has_table
        for row in sh.table.rows
        for c in row.cells
    )
    md = write_export(en_plan, "md", tmp_path / "p.md").read_text()
    assert cac in pdf_text and cac in md
    # the deck's table leads with what a sale costs with the sales team (the marketing-only CAC
    # is in its notes); that figure reads the same everywhere
    from assistant.analysis.sales_cost_finding import full_cac_figures, full_cac_low_case

    assert full_cac_figures(a.unit_economics) is not None
    low = full_cac_low_case(en_plan, a.unit_economics)
    assert low is not None
    loaded = format_amount(about(low.cac), a.unit_economics.currency, "en")  # the base case
    assert loaded in pdf_text and loaded in md and loaded in deck_text
    # every export sets the base case beside the goals met with their extra leads (the summary's
    # figure); the goals at today's budget, which the plan's cost per lead cannot buy, are none's
    from assistant.analysis.sales_cost_finding import funded_case

    funded = funded_case(en_plan, a)
    assert funded is not None
    with_leads = format_amount(about(funded.cac), a.unit_economics.currency, "en")
    assert with_leads in pdf_text and with_leads in deck_text and with_leads in md
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    assert cac in notes


def test_chat_exports_pdf_and_pptx(tmp_path: Path) -> None:
    from assistant.core.settings import Settings
    from assistant.service import PlanService

    service = PlanService(Settings())
    sid, _ = service.new_session("세무랩", "ko")
    for command, suffix in (("내보내기 pdf", ".pdf"), ("export pptx", ".pptx")):
        reply = service.turn(sid, command)
        assert reply.export == suffix[1:]
        path = service.export(sid, reply.export)
        assert path.suffix == suffix and path.stat().st_size > 10_000


def test_korean_docx_carries_its_font_for_machines_without_one(
    ko_plan: Plan, tmp_path: Path
) -> None:
    """LibreOffice with no CJK font installed still shows the Korean, from the embedded font."""
    path = write_export(ko_plan, "docx", tmp_path / "ko.docx")
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("word/fonts/") for n in z.namelist())
        assert "embedTrueTypeFonts" in z.read("word/settings.xml").decode()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>"
    )
    soffice = shutil.which("soffice") or _tool("libreoffice")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        capture_output=True, timeout=240, check=True, env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )  # fmt: skip
    pdf = tmp_path / "ko.pdf"
    assert any("NanumGothic" in row[0] for row in pdffonts(pdf))
    text = pdftotext(pdf)
    assert "세무랩" in text and "목차" in text and "\ufffd" not in text


def test_no_pdf_page_ends_on_a_heading(
    en_plan: Plan, ko_plan: Plan, shared_data_dir: Path, tmp_path: Path
) -> None:
    """A heading is never left alone at the foot of a page with its text on the next one."""
    korean = ko_plan.model_copy(deep=True)  # with a forecast too: a chart and tables to place
    attach_forecast(korean, shared_data_dir / "sample_sales_history.csv")
    for name, plan in (("en", en_plan), ("ko", korean)):
        headings = {b.text.strip() for b in plan_blocks(plan) if isinstance(b, Heading)}
        pages = pdftotext(write_export(plan, "pdf", tmp_path / f"{name}.pdf")).split("\f")
        for number, page in enumerate(pages[1:], 2):  # after the cover
            lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
            body = [ln for ln in lines if not re.fullmatch(r"\d+ / \d+", ln)]
            if body:
                assert body[-1] not in headings, (name, number, body[-3:])


def test_a_short_table_after_body_text_is_never_split_across_pages(
    sample_answers: Path, tmp_path: Path, isolated_env: Path
) -> None:
    """The sample's forecast table (four quarters and a total) starts on the next page whole
    rather than leave its total row alone at the top of one (a director read it as cut off)."""
    from assistant.cli.draft import build_plan, load_answers

    plan = build_plan(load_answers(sample_answers)).plan
    pages = pdftotext(write_export(plan, "pdf", tmp_path / "en.pdf")).split("\f")
    first = next(i for i, p in enumerate(pages) if re.search(r"Q1 2027\s+23\b", p))
    total = next(i for i, p in enumerate(pages) if re.search(r"Total\s+60\s+70", p))
    assert first == total


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_hwpx_export_validates_and_carries_every_section_and_table(
    lang: str, sample_answers: Path, tmp_path: Path, isolated_env: Path
) -> None:
    """`draft --format hwpx`: the library's validator accepts the document; read back, it has the
    title page, every section title and the plan's tables (4P, budget, analysis) as tables."""
    from hwpx import HwpxDocument

    from assistant.core.catalogue import document_order, get_section
    from tests.test_cli_draft import draft

    answers = sample_answers
    if lang == "ko":
        answers = tmp_path / "ko.json"
        answers.write_text(json.dumps({"language": "ko", "company": "간식상자", "plan_type": "integrated", "answers": {
            "mkt_mix_4p": "제품: 간식 박스. 가격: 월 29,000원. 유통: 자사몰. 촉진: 무료 샘플 박스.",
            "mkt_budget": "연간 마케팅 예산 2억 원: 광고 60%, 행사 40%.",
            "mkt_objectives": "2027년 12월 31일까지 유튜브 광고와 무료 샘플로 정기 구독자 5,000명을 확보한다.",
        }}, ensure_ascii=False))  # fmt: skip
    out = tmp_path / "plan.hwpx"
    run = draft(isolated_env, "--answers", str(answers), "--format", "hwpx", "--out", str(out))
    assert run.returncode == 0, run.stderr
    doc = HwpxDocument.open(str(out))
    assert not doc.validate().issues
    text = doc.text.plain()
    assert ("영업 및 마케팅 계획" if lang == "ko" else "Sales & Marketing Plan") in text
    for sid in document_order("integrated"):
        assert get_section(sid).title.get(lang) in text, sid
    assert len(doc.tables) >= 3
    if lang == "ko":
        assert "2억 원" in text and "무료 샘플 박스" in text  # Korean amounts (만/억), the 4P table


def test_the_deck_shows_the_risk_register_and_says_a_forecast_is_proposed(shared_data_dir: Path, tmp_path: Path) -> None:  # fmt: skip
    """The risks slide carries the register the plan ends with (the summary's own risks first),
    its amounts kept whole, and a forecast the goals propose is titled as proposed, as the
    document says."""

    def slide_texts(plan: Plan, name: str) -> list[str]:
        deck = Presentation(str(write_export(plan, "pptx", tmp_path / name)))
        out = []
        for slide in deck.slides:
            parts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
            parts += [c.text for sh in slide.shapes if sh.has_table for r in sh.table.rows for c in r.cells]  # fmt: skip
            out.append("\n".join(parts))
        return out

    ko = build_plan(json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))).plan
    risks = next(t for t in slide_texts(ko, "ko.pptx") if t.startswith("위험과 대응"))
    # amounts are kept whole on the slide: no line ends between '만' and '원'
    assert "약 7억\u00a06,000만\u00a0원 부족함" in risks
    assert "연초 ARR(12월 월 매출 × 12)이 약 49억\u00a09,000만\u00a0원이어야 달성됨" in risks
    assert "니다." not in risks  # the deck's composed lines are in the report style (개조식)
    assert "7억 6,000만 원" not in risks
    # the summary's steep lead-goal risk is on the slide too, as in the document's register
    assert "목표 1번의 리드 2,400건은 작년 1,500건보다 60% 많은데" in risks
    en = build_plan(json.loads((shared_data_dir / "sample_answers_en.json").read_text())).plan
    assert any(t.startswith("Sales forecast (proposed)") for t in slide_texts(en, "en.pptx"))


def test_the_deck_carries_the_competitor_pairing_and_the_plan_on_a_page(
    en_plan: Plan, tmp_path: Path
) -> None:
    """The market slide shows the competitor pairing under the SWOT, and a slide shows the plan on
    a page (each goal with its strategy, channels, budget, activities and owner) while the deck
    stays within 14 slides; a plan with many personas keeps its persona slides instead."""
    from assistant.core.plan import Persona

    def slide_texts(plan: Plan, name: str) -> list[tuple[str, str]]:
        deck = Presentation(str(write_export(plan, "pptx", tmp_path / name)))
        out = []
        for s in deck.slides:
            cells = [
                c.text
                for sh in s.shapes
                if sh.has_table
                for row in sh.table.rows
                for c in row.cells
            ]
            out.append((s.shapes.title.text, " ".join(cells)))
        return out

    slides = slide_texts(en_plan, "deck.pptx")
    assert len(slides) <= 14
    market = next(text for title, text in slides if title == "Market and SWOT")
    assert "Lead with (proposed)" in market and "Tableau" in market and "Helpful" in market
    page = next(text for title, text in slides if title == "Plan on a page")
    for header in ("Strategy", "Channels", "Budget", "Activities", "Owner"):
        assert header in page
    assert "900 leads" in page
    crowded = en_plan.model_copy(deep=True)
    crowded.personas = [
        *crowded.personas,
        *(Persona(name=f"Buyer {i}", role="buyer") for i in range(3)),
    ]
    titles = [t for t, _ in slide_texts(crowded, "crowded.pptx")]
    assert (
        "Plan on a page" not in titles and sum(t.startswith("Buyer personas") for t in titles) >= 3
    )


def test_the_deck_keeps_the_swot_threats_in_its_competitor_table(tmp_path: Path) -> None:
    """The market slide's competitor table has room for five rows; the threats its SWOT names are
    kept before the named competitors when there are more."""
    from assistant.export.pptx_tables import _with_threats

    plan = build_plan(json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))).plan
    deck = Presentation(str(write_export(plan, "pptx", tmp_path / "hr.pptx")))
    market = next(s for s in deck.slides if s.shapes.title.text.startswith("시장"))
    cells = " ".join(
        c.text for sh in market.shapes if sh.has_table for row in sh.table.rows for c in row.cells
    )
    assert "대형 경쟁사의 무료 요금제(가격 압박)" in cells and "그룹웨어 번들(대체재)" in cells
    rows = [[f"Rival {i}", "x", "y"] for i in range(5)] + [["Bundles (threat)", "x", "y"]]
    assert [r[0] for r in _with_threats(rows, 5)] == [*(f"Rival {i}" for i in range(4)), "Bundles (threat)"]  # fmt: skip


def test_the_funnel_chart_counts_the_same_months_as_the_cac_beside_it(en_plan: Plan) -> None:
    """A 9-month lead goal against a 12-month customer goal: the chart shows the 12 months at the
    lead goal's pace (1,200 leads, 60 customers), the basis of the CAC on the same slide."""
    from assistant.export.chart_images import funnel_series

    title, volumes = funnel_series(en_plan, analyse(en_plan))
    assert "12 months" in title
    assert [round(v) for v in volumes] == [1200, 240, 60]


def test_korean_pdf_keeps_amounts_and_dates_on_one_line(tmp_path: Path) -> None:
    """'5만 4,000원', '58억 8,400만 원' and '2027년 6월' are one unit to a reader: the PDF never
    breaks a line at the spaces inside them (read back from the rendered text)."""
    plan = build_plan(json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))).plan
    pdf = write_export(plan, "pdf", tmp_path / "hr.pdf")
    text = subprocess.run(
        [_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    assert "58억 8,400만 원" in text  # the spaces are still spaces to a reader
    split = re.findall(r"\d[조억만천]\n\s*(?:\d|원)|\d년\n\s*\d{1,2}월|\d월\n\s*\d{1,2}일", text)
    assert not split


def test_the_deck_s_next_steps_start_with_the_decisions_before_sign_off(
    en_plan: Plan, tmp_path: Path
) -> None:
    """The last slide asks for the decisions the summaries recommend (each once: the sales
    summary's raise of the same lead goal is not repeated), then the goals to fix; a Korean deck
    lists them in the report style."""
    deck = Presentation(str(write_export(en_plan, "pptx", tmp_path / "en.pptx")))
    last = deck.slides[len(deck.slides) - 1]
    text = "\n".join(sh.text_frame.text for sh in last.shapes if sh.has_text_frame)
    assert "Decide: Raise the lead goal to about 1,050 (recommended)" in text
    assert text.count("1,050") == 1 and "Fix goal: Be everywhere in retail." in text
    ko = build_plan(json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))).plan
    deck = Presentation(str(write_export(ko, "pptx", tmp_path / "ko.pptx")))
    last = deck.slides[len(deck.slides) - 1]
    text = "\n".join(sh.text_frame.text for sh in last.shapes if sh.has_text_frame)
    # a decision under its label is marked a recommendation at its end, not '권고: 결정:'
    assert "결정: 리드 2,400건을 유지하고 고객 목표를 약 225곳으로 올림(제안)." in text
    assert "권고: 결정" not in text
    assert "권합니다" not in text


def test_the_market_slide_s_tables_never_overlap_as_rendered(tmp_path: Path) -> None:
    """Korean SWOT cells wrap to two lines, so the SWOT grows; the competitor table starts below
    where it ends (and keeps fewer rows when the slide is short of room). Checked on the slide
    as LibreOffice draws it: no word above the competitor table runs into it."""
    from assistant.cli.draft import load_answers

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    path = write_export(plan, "pptx", tmp_path / "ko.pptx")
    deck = Presentation(str(path))
    slide = deck.slides[2]
    tables = sorted((sh for sh in slide.shapes if sh.has_table), key=lambda sh: sh.top)
    assert (
        len(tables) == 2 and tables[1].table.cell(0, 0).text == "경쟁사·대안"
    )  # a free plan and bundles are alternatives
    cells = " ".join(c.text for row in tables[1].table.rows for c in row.cells)
    assert "아래 참고" not in cells  # nothing is below it on the slide: the note is in the notes
    top = tables[1].top / 12700  # EMU -> points, as pdftotext reports
    pdf = to_pdf(path, tmp_path)
    html = subprocess.run(
        [_tool("pdftotext"), "-f", "3", "-l", "3", "-bbox", str(pdf), "-"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html)  # fmt: skip
    assert words
    above = [(float(y0), float(y1), w) for y0, y1, w in words if float(y0) < top]
    assert any(w.startswith("기회") for _, _, w in above)  # the SWOT is above the table
    assert all(y1 <= top + 0.5 for _, y1, _ in above), [w for _, y1, w in above if y1 > top + 0.5]


@pytest.mark.parametrize("which", ["en", "ko"])
def test_no_slide_text_runs_off_the_slide_as_rendered(which: str, en_plan: Plan, tmp_path: Path) -> None:  # fmt: skip
    """Table rows grow with wrapped text (the unit economics' long labels did): rows that would run
    past the slide's foot are left to the notes, so every word LibreOffice draws is on the slide."""
    from assistant.cli.draft import load_answers

    plan = en_plan if which == "en" else build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    pdf = to_pdf(write_export(plan, "pptx", tmp_path / f"{which}.pptx"), tmp_path)
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    ).stdout  # fmt: skip
    pages = html.split("<page ")[1:]
    assert len(pages) >= 10
    for n, page in enumerate(pages, 1):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        width = float(re.search(r'width="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)  # fmt: skip
        off = [w for x0, x1, y1, w in words if float(y1) > height - 2 or float(x1) > width - 2]
        assert not off, (n, off[:5])


def test_the_deck_s_plan_on_a_page_says_which_goal_it_leaves_out(en_plan: Plan, tmp_path: Path) -> None:  # fmt: skip
    """Goals 1, 2, 4, 5: the unmeasurable goal 3 is named under the table, so no reader looks for
    a lost row (the documents say the same under their table)."""
    deck = Presentation(str(write_export(en_plan, "pptx", tmp_path / "en.pptx")))
    texts = [
        "\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in deck.slides
    ]
    page = next(t for t in texts if t.startswith("Plan on a page"))
    assert "Goal 3 is left out: it has no number to track yet (see the goals slide)." in page


def test_the_korean_deck_says_what_the_plan_says(tmp_path: Path) -> None:
    """The budget slide shows the recommended quarters beside the even ones (as the plan's
    analysis and its next steps do), the buyer's decision role is the one read from the plan's
    numbers, and a competitor cell points to the notes, where the slide keeps the research task."""
    from assistant.cli.draft import load_answers

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    out = write_export(plan, "pptx", tmp_path / "ko.pptx")
    deck = Presentation(str(out))
    texts = {
        s.shapes.title.text: " ".join(
            [c.text for sh in s.shapes if sh.has_table for row in sh.table.rows for c in row.cells]
            + [sh.text_frame.text for sh in s.shapes if sh.has_text_frame]
        ).replace("\u00a0", " ")  # the deck keeps '1억 140만 원' on one line with no-break spaces
        for s in deck.slides
    }
    budget = texts["예산"]
    assert "고르게" in budget and "제안" in budget and "1억 1,580만 원" in budget
    persona = next(t for title, t in texts.items() if title.startswith("구매자 페르소나: 박"))
    assert (
        "1,000만 원 이상 계약은 최 재무이사에게 품의해 승인받고" in persona
        and "추천자" not in persona
    )
    market = texts["시장과 SWOT"]
    assert (
        "아래 조사" not in market and "발표자 노트의 조사로 경쟁사별 주장을 정하기 전까지" in market
    )


def test_every_run_of_a_korean_deck_is_marked_korean(tmp_path: Path, sample_answers: Path) -> None:
    """Unmarked runs are laid out as English (gaps between Hangul and digits in some renderers):
    every run, paragraph end and note of a Korean deck says lang="ko-KR"; an English deck is left
    as it is."""
    from pptx.oxml.ns import qn

    from assistant.cli.draft import load_answers

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    deck = Presentation(str(write_export(plan, "pptx", tmp_path / "ko.pptx")))
    roots = [s._element for s in deck.slides] + [s.notes_slide._element for s in deck.slides if s.has_notes_slide]  # fmt: skip
    runs = [r for root in roots for r in root.iter(qn("a:r"))]
    assert runs and all(r.find(qn("a:rPr")).get("lang") == "ko-KR" for r in runs)
    en = build_plan(load_answers(sample_answers)).plan
    en_deck = Presentation(str(write_export(en, "pptx", tmp_path / "en.pptx")))
    assert not any(el.get("lang") == "ko-KR" for s in en_deck.slides for el in s._element.iter(qn("a:rPr")))  # fmt: skip


def test_the_korean_deck_keeps_what_its_cells_point_to(tmp_path: Path) -> None:
    """The market slide's competitor cell points to the research in the notes, so the notes hold
    it; a decision that points to the assumptions points to the plan's, the deck having none; a
    chart is described by its slide's title, not 'image.png'."""
    from assistant.cli.draft import load_answers

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    deck = Presentation(str(write_export(plan, "pptx", tmp_path / "ko.pptx")))
    market = next(s for s in deck.slides if s.shapes.title.text == "시장과 SWOT")
    assert "알아낼 것" in market.notes_slide.notes_text_frame.text
    text = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert "(가정 참고)" not in text
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    assert pictures and all(
        p._element.nvPicPr.cNvPr.get("descr") not in ("", "image.png") for p in pictures
    )


def test_a_long_hyphenated_word_in_a_narrow_cell_breaks_at_its_hyphen(en_plan: Plan, tmp_path: Path) -> None:  # fmt: skip
    """'Marketing-qualified' in the measurement plan's narrow KPI column wraps as 'Marketing-' /
    'qualified', never 'Marketing-qualifi' / 'ed'."""
    text = pdftotext(write_export(en_plan, "pdf", tmp_path / "p.pdf"))
    assert "Marketing-qualified" in text or "Marketing-" in text
    assert not re.search(r"qualifi(?!ed|cation|es|er|y)", text)  # no word cut inside

"""Browser tests: the real app in a subprocess, driven by real Chromium through Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PYTHON, REPO, cli_env, free_port, stop_process, wait_for_port

# a browser and a live app under a busy machine: waits are "until", never a speed check
pytestmark = pytest.mark.timeout(1200)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def app_data(tmp_path_factory: pytest.TempPathFactory, built_index_dir: Path) -> Path:
    data = tmp_path_factory.mktemp("web") / "data"
    shutil.copytree(built_index_dir, data)
    return data


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, app_data: Path) -> Iterator[str]:
    data = app_data
    port = free_port()
    log = (tmp_path_factory.mktemp("weblog") / "app.log").open("w")
    env = cli_env(data)
    env["PLAN_MAX_UPLOAD_MB"] = "1"
    proc = subprocess.Popen(
        [PYTHON, "app.py", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        try:
            wait_for_port(port, 90, proc)
        except RuntimeError as exc:
            raise RuntimeError(Path(log.name).read_text()) from exc
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Chromium is needed for the browser tests: apt-get install -y chromium (make test installs it when run as root). Playwright's own browser download is never used."
        )
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser: object, url: str, context: object | None = None) -> object:
    ctx = context or browser.new_context(
        viewport={"width": 1600, "height": 1000}, accept_downloads=True
    )  # type: ignore[attr-defined]
    page = ctx.new_page()
    # a busy machine (two suites side by side) can take longer than playwright's 30 s default to
    # load a page or settle a click: every action waits as long as the explicit waits below
    page.set_default_timeout(240_000)
    page.set_default_navigation_timeout(240_000)
    page.goto(url)
    page.wait_for_selector("#progress", timeout=240_000)
    page.wait_for_function(
        "document.querySelector('#progress') && document.querySelector('#progress').innerText.includes('/23')",
        timeout=240_000,
    )
    page.wait_for_function(f"{MARKER} && {MARKER}.value.includes(':')", timeout=240_000)
    return page


MARKER = "document.querySelector('#turn-marker textarea, #turn-marker input')"


def marker(page: object) -> str:
    return page.evaluate(f"{MARKER} ? {MARKER}.value : ''")  # type: ignore[attr-defined, no-any-return]


def say(page: object, text: str) -> None:
    """Send a message and wait until the server has saved the turn and updated the panels."""
    before = marker(page)
    page.fill("#chat-input textarea", text)  # type: ignore[attr-defined]
    page.click("#send")  # type: ignore[attr-defined]
    page.wait_for_function(f"{MARKER} && {MARKER}.value !== {before!r}", timeout=240_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]


def upload(page: object, path: Path) -> None:
    with page.expect_file_chooser() as chooser:  # type: ignore[attr-defined]
        page.click("#upload .upload-container")  # type: ignore[attr-defined]
    chooser.value.set_files(str(path))


def progress(page: object) -> str:
    return page.inner_text("#progress")  # type: ignore[attr-defined, no-any-return]


def test_english_interview_updates_the_plan_scorecard_and_downloads_docx(
    browser: object, app_url: str, tmp_path: Path
) -> None:
    page = open_page(browser, app_url)
    assert "offline guided mode" in page.inner_text("#mode-badge")
    assert "OPENAI_API_KEY" in page.inner_text("#mode-badge")
    say(page, "Independent cafés in Seoul and Busan, about 9,000 outlets, growing 6% a year.")
    assert progress(page).startswith("1/23")
    assert "Independent cafés in Seoul" in page.inner_text("#plan-view")
    assert "Target Market" in page.inner_text("#current-question")
    page.get_by_role("tab", name="Sections", exact=True).click()
    before = marker(page)
    page.locator("#checklist label", has_text="Marketing Goals and Objectives").click()
    page.wait_for_function(
        "document.querySelector('#current-question').innerText.includes('Marketing Goals')",
        timeout=120_000,
    )
    # the jump is a saved turn: wait for it to land before typing (its reply clears the box)
    page.wait_for_function(f"{MARKER} && {MARKER}.value !== {before!r}", timeout=240_000)
    page.wait_for_timeout(300)
    say(
        page,
        "Generate 400 qualified leads by June 30, 2027 through a monthly tasting webinar.\nImprove our sales.",
    )
    chat = page.inner_text("#chat")
    assert "S✓ M✓ A✓" in chat and "A stronger shape" in chat  # a shape with [blanks] to fill
    page.get_by_role("tab", name="SMART", exact=True).click()
    card = page.locator("#scorecard .goal-card").nth(1)
    assert "Improve our sales." in card.inner_text() and "✗" in card.inner_text()
    assert card.locator("tr.fail").count() >= 3
    page.click("#accept-rewrite")  # nothing picked: said so, nothing changes
    page.wait_for_function(
        "document.querySelector('#chat').innerText.includes('Pick a goal in the list first')",
        timeout=120_000,
    )
    page.click("#goal-pick input")
    page.get_by_role("option", name="2. Improve our sales.").click()
    page.click("#accept-rewrite")  # the rewrite has blanks: not stored, the parts are asked for
    page.wait_for_function(
        "document.querySelector('#chat').innerText.includes('still has blanks')", timeout=120_000
    )
    assert "Improve our sales." in page.locator("#scorecard .goal-card").nth(1).inner_text()
    say(
        page,
        "Grow monthly revenue from 40,000 to 48,000 by December 31, 2027 through a referral programme.",
    )
    cards = page.locator("#scorecard .goal-card")
    assert cards.count() == 2  # only goal 2 changed; goal 1 is still there
    assert "Generate 400 qualified leads" in cards.nth(0).inner_text()
    assert "Grow monthly revenue from 40,000 to 48,000" in cards.nth(1).inner_text()
    page.get_by_role("tab", name="Plan", exact=True).click()
    assert "[deadline" not in page.inner_text("#plan-view")
    page.get_by_role("tab", name="Measurement", exact=True).click()
    page.wait_for_timeout(800)
    widths = page.evaluate(
        "(() => { const p = document.querySelector('#measurement'); const t = p.querySelector('table');"
        " return [p.clientWidth, t ? t.scrollWidth : 0]; })()"
    )
    assert 0 < widths[1] <= widths[0] * 1.02, widths  # the table fits its panel
    page.get_by_role("tab", name="Plan", exact=True).click()
    page.click("#export-docx")
    link = page.locator("#download a").first
    link.wait_for(timeout=120_000)
    with page.expect_download() as info:
        link.click()
    target = tmp_path / "plan.docx"
    info.value.save_as(target)
    from docx import Document

    doc = Document(str(target))
    texts = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Market Analysis" in texts and any("Independent cafés" in t for t in texts + cells)
    for fmt in ("pdf", "pptx"):  # the PDF and the deck download the same way
        page.click(f"#export-{fmt}")
        link = page.locator(f"#download a[href$='.{fmt}']").first
        link.wait_for(timeout=240_000)
        with page.expect_download() as info:
            link.click()
        info.value.save_as(tmp_path / f"plan.{fmt}")
        assert (tmp_path / f"plan.{fmt}").stat().st_size > 10_000
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    page.screenshot(path=str(ARTIFACTS / "web-en.png"), full_page=True)


def test_korean_interface_and_answers(browser: object, app_url: str) -> None:
    page = open_page(browser, app_url)
    page.locator("#lang-switch label", has_text="한국어").click()
    page.wait_for_function(
        "document.querySelector('#send').innerText.includes('보내기')", timeout=120_000
    )
    page.wait_for_function(
        "document.querySelector('#current-question').innerText.includes('시장 분석')",
        timeout=120_000,
    )
    say(page, "서울과 부산의 개인 카페 약 9,000곳, 연 6% 성장. 경쟁사는 전국 로스터 두 곳.")
    assert "섹션 완료" in progress(page) and progress(page).startswith("1/23")
    plan = page.inner_text("#plan-view")
    assert (
        "영업 및 마케팅 계획" in plan and "시장 분석" in plan and "서울과 부산의 개인 카페" in plan
    )
    say(page, "4P가 뭐예요?")
    last = page.locator("#chat .message").last.inner_text()
    assert "knowledge/ko/sections/mkt_mix_4p.md" in last and "[2/23]" in last
    assert "language ko" not in page.inner_text("#chat")  # switching adds no message
    say(page, "20~40대 직장인, 팀당 10~50명 규모의 사무실.")
    assert page.locator("#chat del, #chat s, #plan-view del, #plan-view s").count() == 0
    assert "20~40대" in page.inner_text("#chat")  # a tilde, not strikethrough
    # a list answer (here the target market's criteria) is read back too, with how to change it
    last = page.locator("#chat .message").last.inner_text()
    assert "읽은 내용: " in last and "20~40대" in last and "'이전'으로 돌아가 다시 답해" in last
    # the answer box is named in the page's language for screen readers, not 'Textbox'
    box = page.locator("#chat-input").text_content() or ""
    assert "답변" in box and "Textbox" not in box
    assert page.locator("#chat strong").count() > 0  # bold renders as bold
    assert "**" not in page.inner_text("#chat")
    page.screenshot(path=str(ARTIFACTS / "web-ko.png"), full_page=True)
    page.reload()  # the interface language is remembered by this browser
    page.wait_for_selector("#progress", timeout=240_000)
    page.wait_for_function(
        "document.querySelector('#send').innerText.includes('보내기')", timeout=120_000
    )
    tabs = page.inner_text("body")
    assert "계획서" in tabs and "계획 목록" in tabs and "오프라인" in page.inner_text("#mode-badge")
    assert "language ko" not in page.inner_text("#chat")


def test_the_language_command_switches_the_whole_page(browser: object, app_url: str) -> None:
    """'language ko' typed in the chat does what the language switch does: the plan, the current
    question, the buttons, the tabs and the switch itself follow, and back again."""
    page = open_page(browser, app_url)
    say(page, "language ko")
    page.wait_for_function(
        "document.querySelector('#send').innerText.includes('보내기')", timeout=120_000
    )
    page.wait_for_function(
        "document.querySelector('#current-question').innerText.includes('시장 분석')",
        timeout=120_000,
    )
    assert page.locator("#lang-switch input[value='ko']").is_checked()  # type: ignore[attr-defined]
    assert "계획서" in page.inner_text("body") and "영업 및 마케팅 계획" in page.inner_text("#plan-view")  # type: ignore[attr-defined]  # fmt: skip
    say(page, "언어 영어")
    page.wait_for_function(
        "document.querySelector('#send').innerText.includes('Send')", timeout=120_000
    )
    assert page.locator("#lang-switch input[value='en']").is_checked()  # type: ignore[attr-defined]
    assert "Market Analysis" in page.inner_text("#current-question")  # type: ignore[attr-defined]


def test_help_shows_angle_bracket_placeholders(browser: object, app_url: str) -> None:
    page = open_page(browser, app_url)
    say(page, "help")
    text = page.locator("#chat .message").last.inner_text()
    assert "goto <section number or name>" in text and "company <name>" in text


def test_enter_sends_and_shift_enter_starts_a_new_line(browser: object, app_url: str) -> None:
    """A chat box sends on Enter, as people expect; Shift+Enter keeps a line break for a
    multi-line answer (a goal per line)."""
    page = open_page(browser, app_url)
    box = "#chat-input textarea"
    page.click(box)  # type: ignore[attr-defined]
    page.keyboard.type("first line")  # type: ignore[attr-defined]
    page.keyboard.press("Shift+Enter")  # type: ignore[attr-defined]
    page.keyboard.type("help")  # type: ignore[attr-defined]
    assert page.input_value(box) == "first line\nhelp"  # type: ignore[attr-defined]
    page.fill(box, "help")  # type: ignore[attr-defined]
    before = marker(page)
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_function(f"{MARKER} && {MARKER}.value !== {before!r}", timeout=240_000)  # type: ignore[attr-defined]
    assert "goto <section number or name>" in page.locator("#chat .message").last.inner_text()  # type: ignore[attr-defined]
    assert page.input_value(box) == ""  # type: ignore[attr-defined]


def test_reload_resumes_the_same_plan(browser: object, app_url: str) -> None:
    page = open_page(browser, app_url)
    say(page, "Specialty coffee shops in Daejeon.")
    say(page, "skip")
    assert progress(page).startswith("1/23")
    page.reload()
    page.wait_for_function(
        "document.querySelector('#progress') && document.querySelector('#progress').innerText.startsWith('1/23')",
        timeout=240_000,
    )
    assert "Specialty coffee shops in Daejeon." in page.inner_text("#chat")
    assert "Target Audience" in page.inner_text("#current-question")
    # the chat's trash icon does not pretend to delete: the chat comes back with a note
    page.locator("#chat button[aria-label='Clear'], #chat button[title='Clear']").first.click()
    page.wait_for_function(
        "document.querySelector('#chat').innerText.includes('New plan')", timeout=240_000
    )
    assert "Specialty coffee shops in Daejeon." in page.inner_text("#chat")


def test_two_browsers_never_see_each_others_plans(browser: object, app_url: str) -> None:
    a = open_page(browser, app_url)
    b = open_page(browser, app_url)
    say(a, "Secret market of browser A: dental clinics in Jeju.")
    b.reload()
    b.wait_for_selector("#progress", timeout=240_000)
    b.wait_for_timeout(1500)
    assert "dental clinics in Jeju" not in b.inner_text("#plan-view")
    assert "dental clinics in Jeju" not in b.inner_text("#chat")
    assert progress(b).startswith("0/23")


def _api(page: object, api: str, data: list[object]) -> str:
    """Call a gradio endpoint directly with this browser's cookies; the raw event stream."""
    request = page.context.request  # type: ignore[attr-defined]
    base = page.url.rstrip("/")  # type: ignore[attr-defined]
    started = request.post(f"{base}/gradio_api/call/{api}", data={"data": data})
    if started.status != 200:
        return f"HTTP {started.status}"
    event = started.json()["event_id"]
    return str(request.get(f"{base}/gradio_api/call/{api}/{event}", timeout=240_000).text())


def test_browser_b_cannot_reach_browser_a_plan_even_through_the_api(
    browser: object, app_url: str, app_data: Path
) -> None:
    from assistant.store.sqlite import SqliteStore

    a = open_page(browser, app_url)
    say(a, "company Alpha Secret Co")
    say(a, "Alpha's private market: veterinary clinics in Busan.")
    store = SqliteStore(app_data / "sessions.sqlite3")
    victim = next(s for s in store.list() if s.company == "Alpha Secret Co")
    turns_before = store.turn_count(victim.id)
    b = open_page(browser, app_url)
    for tab in ("Plan", "SMART", "Personas", "Plans"):  # not on any tab or in any dropdown
        b.get_by_role("tab", name=tab, exact=True).click()
        b.wait_for_timeout(300)
        assert "Alpha Secret Co" not in b.inner_text("body")
    for _ in range(2):  # fresh visits reuse this browser's untouched plan: no empty plans pile up
        b.reload()
        b.wait_for_selector("#progress", timeout=240_000)
        b.wait_for_timeout(1000)
    b.get_by_role("tab", name="Plans", exact=True).click()
    b.click("#session-pick input")
    assert "Alpha Secret Co" not in b.inner_text("body")
    assert b.locator("[role='option']").count() == 1
    # direct calls with A's plan id, carrying B's own cookie
    state = {"session_id": victim.id, "lang": "en"}
    loaded = _api(b, "on_load", [state])
    assert "event: complete" in loaded and "veterinary" not in loaded  # B gets its own plan
    assert "veterinary" not in _api(b, "open_plan", [victim.id, state])
    _api(b, "respond", ["Injected by B", [], state])
    _api(b, "delete_plan", [victim.id, state])
    assert "veterinary" not in _api(b, "do_export", [state])
    assert store.exists(victim.id)
    assert store.load(victim.id).plan.section("mkt_market_analysis").content.startswith("Alpha's")
    assert "Injected by B" not in [t.text for t in store.turns(victim.id)]
    assert store.turn_count(victim.id) == turns_before
    # the download route serves an export to its owner only
    name = f"alpha-secret-co-{victim.id}-x.md"
    assert b.context.request.get(f"{app_url}download/{victim.id}/{name}").status == 404  # type: ignore[attr-defined]
    mine = a.context.request.get(f"{app_url}download/{victim.id}/{name}")  # type: ignore[attr-defined]
    assert mine.status == 200 and "veterinary clinics in Busan" in mine.text()
    anonymous = browser.new_context().request.get(f"{app_url}download/{victim.id}/{name}")  # type: ignore[attr-defined]
    assert anonymous.status == 404
    # exports are not public files
    assert browser.new_context().request.get(  # type: ignore[attr-defined]
        f"{app_url}gradio_api/file={app_data}/exports/{name}"
    ).status in (403, 404)
    # a server path sent as an "uploaded" file is refused, never copied out for download
    secret = (app_data / "secret.key").read_text().strip()
    for path in (app_data / "secret.key", app_data / "sessions.sqlite3", Path("/etc/passwd")):
        leaked = _api(
            b, "on_upload", [{"path": str(path), "meta": {"_type": "gradio.FileData"}}, state]
        )
        assert secret not in leaked and "gradio_api/file=" not in leaked and "root:x" not in leaked
    big = b.context.request.post(  # type: ignore[attr-defined]
        f"{app_url}gradio_api/call/respond", data={"data": ["x" * 3_000_000, state]}
    )
    assert big.status == 413  # request bodies are bounded
    anonymous_upload = browser.new_context().request.post(  # type: ignore[attr-defined]
        f"{app_url}gradio_api/upload",
        multipart={"files": {"name": "x.csv", "mimeType": "text/csv", "buffer": b"month,sales\n"}},
    )
    assert anonymous_upload.status == 403  # uploads only from a page this server served


def test_two_tabs_on_one_plan_lose_no_answer(browser: object, app_url: str, app_data: Path) -> None:
    """Two tabs of one browser share a plan; each answers the question on its own screen."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})  # type: ignore[attr-defined]
    first = open_page(browser, app_url, context)
    say(first, "company Two Tabs Co")
    second = open_page(browser, app_url, context)  # the same plan (same browser storage)
    assert "Two Tabs Co" in second.inner_text("#chat")  # type: ignore[attr-defined]
    say(first, "goto sales_training")
    say(second, "goto mkt_content_strategy")
    for n in range(2):  # alternate: each tab answers the question it shows
        say(first, f"Training answer {n}: monthly role-play sessions.")
        say(first, "goto sales_training")
        say(second, f"Content answer {n}: two webinars a month.")
        say(second, "goto mkt_content_strategy")
    from assistant.store.sqlite import SqliteStore

    store = SqliteStore(app_data / "sessions.sqlite3")
    sid = next(s.id for s in store.list() if s.company == "Two Tabs Co")
    plan = store.load(sid).plan
    content = plan.section("mkt_content_strategy").answers
    training = plan.section("sales_training").answers
    # every confirmed answer is kept, in order, under the section its tab was showing
    assert content == [f"Content answer {n}: two webinars a month." for n in range(2)]
    assert training == [f"Training answer {n}: monthly role-play sessions." for n in range(2)]
    first.reload()  # type: ignore[attr-defined]
    first.wait_for_function(  # type: ignore[attr-defined]
        "document.querySelector('#plan-view') && document.querySelector('#plan-view').innerText.includes('Content answer 1')",
        timeout=240_000,
    )
    assert "Training answer 1" in first.inner_text("#plan-view")  # type: ignore[attr-defined]


def test_user_text_is_rendered_safely(browser: object, app_url: str) -> None:
    page = open_page(browser, app_url)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    say(
        page,
        '<img src=x onerror=alert(1)><script>alert(2)</script><form action="https://evil.example"><input name="pw"></form><b style="position:fixed;top:0">Retail chains</b>',
    )
    page.wait_for_timeout(1000)
    assert dialogs == []
    assert page.locator("#plan-view script").count() == 0
    assert (
        page.locator("#plan-view img[onerror]").count() == 0
        and page.locator("#chat img[onerror]").count() == 0
    )
    for where in ("#chat", "#plan-view"):  # no forms, inputs or inline styles from user text
        assert page.locator(f"{where} form, {where} input, {where} [style*='fixed']").count() == 0
    assert "Retail chains" in page.inner_text("#chat")


def test_sales_history_upload_fills_the_forecast_and_bad_files_are_rejected(
    browser: object, app_url: str, shared_data: Path, tmp_path: Path
) -> None:
    page = open_page(browser, app_url)
    say(page, "goto sales_forecast")  # the forecast question is on screen
    page.get_by_role("tab", name="Data & documents", exact=True).click()
    upload(page, shared_data / "sample_sales_history.csv")
    page.wait_for_function(
        "document.querySelector('#chat').innerText.includes('from sample_sales_history.csv')",
        timeout=240_000,
    )  # the upload answers in the chat: what was read, the model, the next step
    chat = page.inner_text("#chat")
    assert "Forecast for the next" in chat and "Sales Forecast section is now filled" in chat
    page.wait_for_function(  # the chart shows history and forecast
        "[...document.querySelectorAll('.js-plotly-plot text')].some(t => t.textContent === 'History')",
        timeout=240_000,
    )
    page.get_by_role("tab", name="Plan", exact=True).click()
    assert "Method:" in page.inner_text("#plan-view") and "2027-01" in page.inner_text("#plan-view")
    assert "Sales Forecast" not in page.inner_text("#current-question")  # the interview moved on
    page.get_by_role("tab", name="Sections", exact=True).click()
    say(page, "goto sales_forecast")
    say(page, "Assume two new distributors from Q3.")
    page.get_by_role("tab", name="Plan", exact=True).click()
    view = page.inner_text("#plan-view")
    assert (
        "Method:" in view and "Assume two new distributors from Q3." in view
    )  # added, not replaced
    big = tmp_path / "big.csv"
    big.write_text("month,revenue\n" + "2024-01,1\n" * 200_000)
    page.get_by_role("tab", name="Data & documents", exact=True).click()
    upload(page, big)
    page.wait_for_timeout(3000)
    assert "from big.csv" not in page.inner_text("#chat")
    bad = tmp_path / "notes.csv"
    bad.write_text("name,value\nalpha,1\nbeta,2\ngamma,3\n")
    upload(page, bad)
    page.wait_for_function(
        "document.body.innerText.includes('No date or period column')", timeout=240_000
    )


def test_review_button_and_actuals_tracking(browser: object, app_url: str, tmp_path: Path) -> None:
    page = open_page(browser, app_url)
    page.click("#chat-input textarea")
    say(page, "goto mkt_objectives")
    say(page, "Generate 400 qualified leads by June 30, 2027 through a monthly tasting webinar.")
    before = marker(page)
    page.click("#quick-review")
    page.wait_for_function(f"{MARKER} && {MARKER}.value !== {before!r}", timeout=240_000)
    assert "Review:" in page.locator("#chat .message").last.inner_text()
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("kpi,period,value\nleads,2027-01,30\n")
    page.get_by_role("tab", name="Data & documents", exact=True).click()
    with page.expect_file_chooser() as chooser:
        page.click("#actuals .upload-container")
    chooser.value.set_files(str(actuals))
    page.wait_for_function(
        "document.querySelector('#tracking') && document.querySelector('#tracking').innerText.includes('leads')",
        timeout=240_000,
    )
    assert "Expected now" in page.inner_text("#tracking")
    page.screenshot(path=str(ARTIFACTS / "web-tracking.png"), full_page=True)


def test_a_public_host_requires_a_password(isolated_env: Path) -> None:
    env = cli_env(isolated_env)
    env.pop("PLAN_AUTH_USER", None)
    env.pop("PLAN_AUTH_PASSWORD", None)
    run = subprocess.run(
        [PYTHON, "app.py", "--host", "0.0.0.0", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert run.returncode == 2
    assert (
        "PLAN_AUTH_USER" in run.stderr
        and "PLAN_AUTH_PASSWORD" in run.stderr
        and "Traceback" not in run.stderr
    )


def test_new_open_and_delete_saved_plans(browser: object, app_url: str) -> None:
    page = open_page(browser, app_url)
    say(page, "company Sessionco")
    say(page, "Bakeries in Incheon.")
    first = marker(page).split(":")[0]
    page.get_by_role("tab", name="Plans", exact=True).click()
    page.click("#new-plan")
    page.wait_for_function(f"{MARKER} && !{MARKER}.value.startsWith({first!r})", timeout=240_000)
    assert progress(page).startswith("0/23")
    page.click("#session-pick input")
    page.get_by_role("option", name="Sessionco", exact=False).first.click()
    page.click("#open-plan")
    page.wait_for_function(f"{MARKER} && {MARKER}.value.startsWith({first!r})", timeout=240_000)
    assert progress(page).startswith("1/23") and "Bakeries in Incheon." in page.inner_text("#chat")
    page.click("#delete-plan")
    page.wait_for_function(f"{MARKER} && !{MARKER}.value.startsWith({first!r})", timeout=240_000)
    page.click("#session-pick input")
    assert page.get_by_role("option", name="Sessionco", exact=False).count() == 0


def test_two_app_processes_share_plans_through_postgres(
    browser: object, postgres_url: str, built_index_dir: Path, tmp_path: Path
) -> None:
    """A plan started on one app process continues on another (a load balancer's view)."""
    procs, urls = [], []
    try:
        for n in range(2):
            data = tmp_path / f"data{n}"
            shutil.copytree(built_index_dir, data)
            env = cli_env(data)
            env["PLAN_DATABASE_URL"] = postgres_url
            env["PLAN_SECRET_KEY"] = "a-shared-secret-for-both-processes"
            port = free_port()
            log = (tmp_path / f"app{n}.log").open("w")
            proc = subprocess.Popen([PYTHON, "app.py", "--port", str(port)], cwd=REPO, env=env,
                                    stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
            procs.append(proc)
            wait_for_port(port, 90, proc)
            urls.append(f"http://127.0.0.1:{port}/")
        context = browser.new_context(viewport={"width": 1600, "height": 1000})  # type: ignore[attr-defined]
        first = open_page(browser, urls[0], context)
        say(first, "company Shared Co")
        say(first, "Dental clinics in Ulsan.")
        second = open_page(browser, urls[1], context)  # same browser, the other process
        assert "Dental clinics in Ulsan." in second.inner_text("#chat")  # type: ignore[attr-defined]
        say(second, "Clinic owners aged 35-55 who run one to three clinics.")
        first.reload()  # type: ignore[attr-defined]
        first.wait_for_function(  # type: ignore[attr-defined]
            "document.querySelector('#progress') && document.querySelector('#progress').innerText.includes('2/23')",
            timeout=240_000,
        )
    finally:
        for proc in procs:
            stop_process(proc)


def test_facts_tab_shows_what_was_read_and_an_edit_is_saved(browser: object, app_url: str) -> None:
    page = open_page(browser, app_url)
    say(page, "goto Sales Metrics and KPIs")  # a saved turn: say() waits until it has landed
    assert "Sales Metrics" in page.inner_text("#current-question")
    say(page, "MQL to SQL 35%, SQL to won 20%. Monthly churn 2%.")
    assert "I read: MQL→SQL 35% · SQL→won 20%" in page.inner_text("#chat")
    page.get_by_role("tab", name="Facts", exact=True).click()
    table = page.locator("#facts")
    won = table.locator("[data-testid='cell-1-0']")  # rows follow the fact sheet's order
    won.wait_for(timeout=120_000)
    assert won.inner_text().strip() == "SQL→won rate (win rate)"
    text = table.inner_text()
    assert "SQL to won 20%" in text and "mql_to_sql" not in text  # the user's words, no ids
    before = marker(page)
    table.locator("[data-testid='cell-1-1']").dblclick()
    # type only once the cell's editor is open and holds the old value: a key pressed before it
    # opens lands after the old text ('20%5%') on a slow machine
    editor = table.locator(
        "[data-testid='cell-1-1'] textarea, [data-testid='cell-1-1'] input"
    ).first
    editor.wait_for(timeout=120_000)
    editor.fill("25%")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{MARKER} && {MARKER}.value !== {before!r}", timeout=240_000)
    page.wait_for_function(
        "document.querySelector('#chat').innerText.includes('Fact sheet updated: SQL→won 25% (was 20%)')",
        timeout=240_000,  # generous: a busy machine renders late, it never decides the test
    )
    page.wait_for_timeout(500)
    assert table.locator("[data-testid='cell-1-1']").inner_text().startswith("25%")
    assert table.locator("[data-testid='cell-1-4']").inner_text().strip() == "you"
    page.get_by_role("tab", name="Plans", exact=True).click()  # the edit is a plan version
    page.wait_for_function(
        "document.querySelector('#versions') && document.querySelector('#versions').innerText.includes('SQL→won rate (win rate): 25%')",
        timeout=120_000,
    )
    assert "Versions of this plan" in page.inner_text("#versions")
    page.screenshot(path=str(ARTIFACTS / "web-facts.png"), full_page=True)


def test_documents_upload_shows_facts_with_pages_and_proposals_land_when_accepted(
    browser: object, app_url: str, tmp_path: Path
) -> None:
    from tests.test_doc_read import make_docx
    from tests.test_doc_upload import EN_BRIEF

    brief = make_docx(tmp_path / "2026 plan.docx", EN_BRIEF)
    page = open_page(browser, app_url)
    page.get_by_role("tab", name="Data & documents", exact=True).click()
    before = marker(page)
    with page.expect_file_chooser() as chooser:  # type: ignore[attr-defined]
        page.click("#docs-upload .upload-container")  # type: ignore[attr-defined]
    chooser.value.set_files(str(brief))
    page.wait_for_function(
        "document.querySelector('#chat').innerText.includes('Read 2026 plan.docx: 2 page(s)')",
        timeout=240_000,
    )
    page.wait_for_function(f"{MARKER} && {MARKER}.value !== {before!r}", timeout=240_000)
    chat = page.inner_text("#chat")
    assert "marketing budget $240,000 (p. 2)" in chat
    assert "From 2026 plan.docx, p. 1:" in chat and "Use this as your Market Analysis?" in chat
    assert "Read 2026 plan.docx" in page.inner_text("#docs-msg")
    page.get_by_role("tab", name="Facts", exact=True).click()
    table = page.locator("#facts")
    table.wait_for(timeout=120_000)
    page.wait_for_function(
        "document.querySelector('#facts').innerText.includes('your document')", timeout=120_000
    )
    assert "(2026 plan.docx, p. 2)" in table.inner_text()
    page.get_by_role("tab", name="Sections", exact=True).click()  # the buttons, not typed commands
    page.wait_for_function(
        "document.querySelector('#proposal-text').innerText.includes('grew 12% last year')",
        timeout=120_000,
    )
    before = marker(page)
    page.click("#proposal-accept")
    page.wait_for_function(f"{MARKER} && {MARKER}.value !== {before!r}", timeout=240_000)
    page.wait_for_function(
        "document.querySelector('#chat').innerText.includes('Added to Market Analysis (source: 2026 plan.docx, p. 1)')",
        timeout=120_000,
    )
    page.click("#proposal-edit")  # the next proposal goes into the chat box to be changed
    page.wait_for_function(
        "document.querySelector('#chat-input textarea').value.startsWith('edit 2: ')",
        timeout=120_000,
    )
    page.get_by_role("tab", name="Plan", exact=True).click()
    view = page.inner_text("#plan-view")
    assert "grew 12% last year" in view and "your document 2026 plan.docx, p. 1" in view
    page.screenshot(path=str(ARTIFACTS / "web-documents.png"), full_page=True)

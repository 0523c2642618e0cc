"""What the web app shows, built from the plan: pure functions returning markdown, HTML (escaped)
and table rows. No gradio imports, so they are tested directly."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from assistant.analysis.tracking import status_label
from assistant.core.catalogue import interview_order
from assistant.core.plan import CRITERIA, Plan
from assistant.goals.kpi import kpi_label
from assistant.goals.readback import read_back_line
from assistant.interview.render import labels, messaging_markdown, personas_markdown

UI: dict[str, dict[str, str]] = {
    "title": {"en": "Plan Assistant", "ko": "Plan Assistant"},
    "subtitle": {"en": "Draft a sales & marketing plan, one question at a time.", "ko": "한 번에 한 질문씩, 영업 및 마케팅 계획을 함께 만듭니다."},
    "answer_label": {"en": "Your answer", "ko": "답변"},  # the input's name for screen readers (hidden on screen)
    "placeholder": {"en": "Type your answer, or ask a question", "ko": "답을 쓰거나 질문하세요"},  # one line: a wrapped example was cut off
    "send": {"en": "Send", "ko": "보내기"},
    "skip": {"en": "Skip", "ko": "건너뛰기"},
    "back": {"en": "Back", "ko": "이전"},
    "show": {"en": "Show plan", "ko": "계획 보기"},
    "help": {"en": "Help", "ko": "도움말"},
    "example": {"en": "Example", "ko": "예시"},
    "review": {"en": "Review", "ko": "검토"},
    "tab_plan": {"en": "Plan", "ko": "계획서"},
    "tab_sections": {"en": "Sections", "ko": "섹션"},
    "tab_smart": {"en": "SMART", "ko": "SMART"},
    "tab_measure": {"en": "Measurement", "ko": "측정"},
    "tab_personas": {"en": "Personas", "ko": "페르소나"},
    "tab_data": {"en": "Data & documents", "ko": "데이터·문서"},
    "tab_facts": {"en": "Facts", "ko": "사실 시트"},
    "facts_hint": {"en": "Every number the plan uses. Edit a value to correct it (it becomes yours and the analysis is recomputed); defaults come from the knowledge page named in the last column.", "ko": "계획이 쓰는 모든 숫자입니다. 값을 고치면 사용자 값으로 저장되고 분석을 다시 계산합니다. 기본값은 마지막 칸의 지식 베이스 페이지에서 왔습니다."},
    "facts_computed": {"en": "{label} is computed from other facts; change those instead.", "ko": "{label}은(는) 다른 값에서 계산됩니다. 그 값을 고쳐 주세요."},
    "tab_sessions": {"en": "Plans", "ko": "계획 목록"},
    "checklist": {"en": "Click a section to jump to it", "ko": "섹션을 누르면 그 질문으로 이동합니다"},
    "goal_pick": {"en": "Goal", "ko": "목표"},
    "accept": {"en": "Accept suggested rewrite", "ko": "수정 제안 적용"},
    "upload": {"en": "Sales history (CSV or XLSX)", "ko": "과거 판매 데이터 (CSV 또는 XLSX)"},
    "proposal_pick": {"en": "Open proposals (from your documents or drafted by the model)", "ko": "남은 제안 (내 문서 또는 모델 초안)"},
    "proposal_accept": {"en": "Accept", "ko": "수락"},
    "proposal_edit": {"en": "Edit in the chat box", "ko": "채팅 입력창에서 고치기"},
    "proposal_discard": {"en": "Discard", "ko": "버리기"},
    "proposal_none": {"en": "No open proposals. Upload a document, or answer with a model connected, to get some.", "ko": "남은 제안이 없습니다. 문서를 올리거나 모델을 연결해 답하면 제안이 생깁니다."},
    "docs_upload": {"en": "Your documents: last year's plan, a brochure, a report (PDF, DOCX, PPTX, HWPX, MD, TXT; up to 10, 20 MB each)", "ko": "내 문서: 작년 계획서, 브로셔, 보고서 (PDF, DOCX, PPTX, HWPX, MD, TXT; 최대 10개, 파일당 20MB)"},
    "export": {"en": "Download", "ko": "다운로드"},
    "sessions": {"en": "Saved plans", "ko": "저장된 계획"},
    "new": {"en": "New plan", "ko": "새 계획"},
    "open": {"en": "Open", "ko": "열기"},
    "delete": {"en": "Delete", "ko": "삭제"},
    "current": {"en": "Current question", "ko": "현재 질문"},
    "offline_hint": {"en": "To connect a model, set OPENAI_API_KEY or OPENAI_BASE_URL (any OpenAI-compatible server) and restart.", "ko": "모델을 연결하려면 OPENAI_API_KEY 또는 OPENAI_BASE_URL(OpenAI 호환 서버)을 설정하고 다시 시작하세요."},
    "no_goals": {"en": "No goals yet - they appear here as soon as you answer a goals question.", "ko": "아직 목표가 없습니다. 목표 질문에 답하면 여기에 나타납니다."},
    "upload_too_big": {"en": "That file is {size:.1f} MB; the limit is {limit:g} MB.", "ko": "파일이 {size:.1f}MB로, 최대 {limit:g}MB를 넘습니다."},
    "upload_type": {"en": "Please upload a .csv or .xlsx file.", "ko": ".csv 또는 .xlsx 파일을 올려 주세요."},
    "actuals": {"en": "Actuals (CSV or XLSX: kpi, period, value)", "ko": "실적 (CSV 또는 XLSX: kpi, period, value)"},
    "index_building": {"en": "building the knowledge index ({done} files); answers use keyword search until it is ready", "ko": "지식 색인을 만드는 중({done}개 파일). 완료될 때까지 키워드 검색으로 답합니다"},
    "untitled": {"en": "(untitled)", "ko": "(이름 없음)"},
    "chat_kept": {"en": "The chat is saved with your plan, so it stays. To start over, use **New plan** in the Plans tab (your current plan stays saved).", "ko": "대화는 계획과 함께 저장되므로 지워지지 않습니다. 새로 시작하려면 계획 목록 탭의 **새 계획**을 누르세요(지금 계획은 저장되어 있습니다)."},
    "pick_goal_first": {"en": "Pick a goal in the list first, then press Accept.", "ko": "먼저 목록에서 목표를 고른 뒤 적용을 누르세요."},
}  # fmt: skip


FACT_HEADERS = {"en": ["Fact", "Value", "Unit", "Period", "Source", "Your words / where from"],
                "ko": ["항목", "값", "단위", "기간", "출처", "입력한 말 / 근거"]}  # fmt: skip
_SOURCE = {"user": ("you", "사용자"), "sales history": ("sales history", "판매 이력"),
           "default": ("default", "기본값"), "computed": ("computed", "계산값"),
           "llm": ("model", "모델"), "document": ("your document", "내 문서")}  # fmt: skip
_PERIOD_NAMES = {"month": ("month", "월"), "year": ("year", "연"), "order": ("order", "주문"),
                 "quarter": ("quarter", "분기")}  # fmt: skip


def fact_rows(plan: Plan, lang: str) -> list[list[str]]:
    """The Facts tab: one row per fact, as the reader says it (no internal ids)."""
    from assistant.analysis.fact_view import full_sheet
    from assistant.core.fact_sheet import fact_label, per_unit_word
    from assistant.interview.readout import value_text

    ko = lang == "ko"
    rows = []
    for f in full_sheet(plan):
        # the period has its own column
        value = value_text(
            f.model_copy(update={"period": ""}) if isinstance(f.value, (int, float)) else f, lang
        )
        unit = "" if f.unit in ("%", "") or f.unit.isupper() else f.unit
        where = (f"{f.document}, " if f.document else "") + (
            f"{f.page}쪽" if ko else f"p. {f.page}"
        )
        words = f.quote + (f" ({where})" if f.page else "")
        period = per_unit_word(f.quote, ko) if f.period == "unit" else _PERIOD_NAMES.get(f.period, ("", ""))[ko]  # fmt: skip
        rows.append([fact_label(f.id, lang), value, unit, period,
                     _SOURCE[f.source][ko], words])  # fmt: skip
    return rows


def versions_markdown(items: Sequence[object], lang: str) -> str:
    """The Plans tab's version list: revision, time and what caused it, newest first."""
    ko = lang == "ko"
    head = "**이 계획의 버전**" if ko else "**Versions of this plan**"
    tip = ("채팅에 '비교 2 5'나 '복원 3'을 입력해 비교하거나 되돌립니다." if ko
           else "Type 'diff 2 5' or 'restore 3' in the chat to compare or bring one back.")  # fmt: skip
    rows = [
        f"- v{getattr(v, 'revision', '')} · {str(getattr(v, 'at', ''))[:16].replace('T', ' ')} · "
        + (str(getattr(v, "note", "")) or "-")[:80]
        for v in list(reversed(items))[:20]
    ]
    return "\n".join([head, *rows, "", f"_{tip}_"])


def ui(key: str, lang: str, **kwargs: object) -> str:
    text = UI[key]["ko" if lang == "ko" else "en"]
    return text.format(**kwargs) if kwargs else text


def mode_badge(label: str, llm: bool, lang: str) -> str:
    badge = f"<span class='mode-badge'>{html.escape(label)}</span>"
    return (
        badge
        if llm
        else f"{badge} <span class='mode-hint'>{html.escape(ui('offline_hint', lang))}</span>"
    )


def checklist_choices(plan: Plan) -> list[tuple[str, str]]:
    # marks every font has (emoji show as boxes where no emoji font is installed)
    marks = {"answered": "✓ ", "drafted": "✓ ", "skipped": "– ", "open": ""}
    order = interview_order(plan.plan_type)
    titles = [plan.title(sid) for sid in order]
    part = {"mkt": ("Marketing", "마케팅"), "sales": ("Sales", "영업")}
    out = []
    for n, (sid, title) in enumerate(zip(order, titles, strict=True), 1):
        if titles.count(title) > 1:  # two "Executive Summary" entries: say whose
            names = part["mkt" if sid.startswith("mkt_") else "sales"]
            title = f"{title} ({names[1] if plan.language == 'ko' else names[0]})"
        out.append((f"{marks[plan.section(sid).status]}{n}. {title}", sid))
    return out


def progress_text(plan: Plan, lang: str) -> str:
    done, total = plan.progress()
    return f"**{done}/{total}** " + ("섹션 완료" if lang == "ko" else "sections done")


def scorecard_html(plan: Plan, lang: str) -> str:
    """One card per goal: each SMART letter pass/fail with its reason, and the suggested rewrite."""
    if not plan.goals:
        return f"<p class='empty'>{html.escape(ui('no_goals', lang))}</p>"
    L = labels(lang)
    cards = []
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.goal_checks import achievable_doubt, goal_checks

    analysis = analyse(plan)
    for n, goal in enumerate(plan.goals, 1):
        rows = []
        # the plan's own numbers behind an A?, as the chat and the documents mark it: the card
        # never says 'achievable' beside a plan that says it is not
        doubt = achievable_doubt(plan, goal, analysis)
        why = next(iter(goal_checks(plan, goal, analysis)), "") if doubt else ""
        for name, letter in zip(CRITERIA, "SMART", strict=True):
            c = goal.criteria.get(name)
            state = "unknown" if c is None or c.ok is None else ("pass" if c.ok else "fail")
            reason = html.escape(c.reason if c else "")
            if name == "achievable" and doubt and state == "pass":
                state, reason = "unknown", html.escape(why)
            icon = {"pass": "✓", "fail": "✗", "unknown": "?"}[state]
            rows.append(
                f"<tr class='{state}'><td class='letter'>{letter} {icon}</td><td>{html.escape(L['criteria'][name])}</td><td>{reason}</td></tr>"
            )
        suggestion = ""
        if not goal.smart and goal.suggestion and goal.suggestion != goal.text:
            suggestion = f"<p class='suggestion'><b>{html.escape(L['suggestion'])}:</b> {html.escape(goal.suggestion)}</p>"
        kpis = ", ".join(kpi_label(k, lang) for k in goal.kpis)
        read = ""
        if goal.frame is not None:
            label = "읽은 내용" if lang == "ko" else "Read as"
            read = f"<p class='frame'><b>{label}:</b> {html.escape(read_back_line(goal.frame, lang))}</p>"
        verdict = (
            ("확인 필요" if lang == "ko" else "to confirm") if goal.smart and doubt
            else "SMART ✓" if goal.smart else ("보완 필요" if lang == "ko" else "needs work")
        )  # fmt: skip
        cards.append(
            f"<div class='goal-card' data-goal='{n}'><p><b>{n}. {html.escape(goal.text)}</b> "
            f"<span class='verdict'>{verdict}</span></p><table class='smart'>{''.join(rows)}</table>"
            f"{read}<p class='kpis'>KPI: {html.escape(kpis)}</p>{suggestion}</div>"
        )
    return "\n".join(cards)


def goal_choices(plan: Plan) -> list[tuple[str, int]]:
    return [
        (f"{n}. {g.text[:80]}", n - 1)
        for n, g in enumerate(plan.goals, 1)
        if not g.smart and g.suggestion and g.suggestion != g.text
    ]


MEASURE_HEADERS = ("goal", "kpi", "formula", "baseline", "target", "source", "cadence")


def measurement_rows(plan: Plan) -> tuple[list[str], list[list[str]]]:
    L = labels(plan.language)
    rows = [
        [m.goal, m.kpi_name, m.formula, m.baseline, m.target, m.data_source, m.cadence]
        for g in plan.goals if (m := g.measurement) is not None
    ]  # fmt: skip
    return [L[h] for h in MEASURE_HEADERS], rows


def measurement_html(plan: Plan, lang: str) -> str:
    """The measurement table in the page's own font; cells wrap between words, never inside."""
    headers, rows = measurement_rows(plan)
    if not rows:
        return (
            "<p class='empty'>목표를 입력하면 측정 방법이 여기에 표시됩니다.</p>"
            if lang == "ko"
            else "<p class='empty'>Measurement plans appear here once you enter goals.</p>"
        )
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table class='measure'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def personas_view(plan: Plan, lang: str) -> str:
    parts = [personas_markdown(plan), messaging_markdown(plan)]
    text = "\n\n".join(p for p in parts if p)
    if text:
        return text
    return (
        "아직 페르소나와 메시지가 없습니다. 타깃 고객과 포지셔닝 질문에 답해 주세요."
        if lang == "ko"
        else "No personas or messaging yet - answer the audience and positioning questions."
    )


def tracking_markdown(tracking: object, lang: str) -> str:
    from assistant.analysis.tracking import Tracking

    assert isinstance(tracking, Tracking)
    icon = {"on track": "🟢", "at risk": "🟡", "off track": "🔴", "no data": "⚪"}
    head = (
        "| 목표 | KPI | 실적 | 현재 예상치 | 목표값 | 상태 |"
        if lang == "ko"
        else "| Goal | KPI | Actual | Expected now | Target | Status |"
    )
    lines = [head, "|---|---|---|---|---|---|"]
    for g in tracking.goals:
        fmt = lambda v: "-" if v is None else f"{v:,.0f}"  # noqa: E731
        text = html.escape(g.text[:70]).replace("|", "\\|")
        lines.append(
            f"| {text} | {kpi_label(g.kpi, lang)} | {fmt(g.actual)} | {fmt(g.expected_now)} | {fmt(g.target)} | {icon[g.status]} {status_label(g.status, lang)} |"
        )
    extra = [f"- {html.escape(s)}" for s in tracking.suggestions] + [
        f"- _{html.escape(m)}_" for m in tracking.messages
    ]
    return "\n".join(lines) + ("\n\n" + "\n".join(extra) if extra else "")


_TILDE = re.compile(r"(?<!~)~(?!~)")
_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")


def safe_markdown(text: str) -> str:
    """Markdown the chat and plan view can show as written: no raw HTML elements, styles or
    forms (angle brackets are shown as text, so '<section name>' stays visible), and a single
    '~' (as in '20~40대' or '9~10점') is a tilde, not strikethrough."""
    # '<' and '&' only: no element can open without '<', and '>' stays a quote marker
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    # bold as an element: Markdown's "**" does not open after a letter and before punctuation
    # ("값**(9~10점)**"), which left raw asterisks in Korean replies
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _TILDE.sub(r"\\~", text)


def download_link(url: str, name: str) -> str:
    return (
        f"<a class='download' href='{html.escape(url, quote=True)}' download='{html.escape(name, quote=True)}'>"
        f"⬇ {html.escape(name)}</a>"
    )


def proposal_choices(plan: Plan, lang: str) -> list[tuple[str, int]]:
    """The open proposals as the dropdown shows them: number, section and where it came from."""
    out = []
    for p in plan.shelf.open_proposals():
        if p.source is None:
            where = "모델 초안" if lang == "ko" else "drafted by the model"
        else:
            where = (
                f"{p.source.document}, {p.source.page}쪽"
                if lang == "ko"
                else f"{p.source.document}, p. {p.source.page}"
            )
        out.append((f"{p.id} · {plan.title(p.section)} · {where}", p.id))
    return out


def proposal_preview(plan: Plan, number: int | None, lang: str) -> str:
    from assistant.interview.doc_replies import proposal_line

    p = plan.shelf.proposal(number) if number is not None else None
    if p is None or p.status != "open":
        opened = plan.shelf.open_proposals()
        if not opened:
            return ui("proposal_none", lang)
        p = opened[0]
    head = proposal_line(plan, p).split("\n", 1)[0]
    return f"{head.split('“', 1)[0].strip()}\n\n{p.text}"

"""The gradio web app: chat beside the live plan. Layout and wiring only; logic lives in the service."""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

import hashlib  # noqa: E402
import json  # noqa: E402
import queue  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import OrderedDict  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402

from assistant.core.documents import DOCUMENT_KINDS  # noqa: E402
from assistant.core.errors import AssistantError, RateLimited  # noqa: E402
from assistant.core.plan import Plan  # noqa: E402
from assistant.core.settings import Settings  # noqa: E402
from assistant.interview.engine import InterviewState, Reply  # noqa: E402
from assistant.service import PlanService  # noqa: E402
from assistant.web.charts import budget_figure, calendar_figure, forecast_figure  # noqa: E402
from assistant.web.views import (  # noqa: E402
    FACT_HEADERS,
    checklist_choices,
    fact_rows,
    goal_choices,
    measurement_html,
    mode_badge,
    personas_view,
    progress_text,
    proposal_choices,
    proposal_preview,
    safe_markdown,
    scorecard_html,
    ui,
    versions_markdown,
)
from assistant.web.views import download_link as _link  # noqa: E402

STORAGE_KEY = "plan-assistant-session"
MAX_SHOWN = 20_000  # characters of a message shown back (the turn itself enforces its own limit)
MAX_HISTORY = 200


def _history(service: PlanService, session_id: str) -> list[dict[str, str]]:
    turns = service.store.turns(session_id)[-MAX_HISTORY:]
    return [
        {"role": "user" if t.role == "user" else "assistant", "content": safe_markdown(t.text)}
        for t in turns
        if not t.text.startswith("[")
    ]


def _current(state: InterviewState, lang: str) -> str:
    """The question being asked, shown highlighted under the chat."""
    if state.cursor is None:
        return f"**{ui('current', lang)}:** —"
    from assistant.core.catalogue import get_section, interview_order

    spec = get_section(state.cursor)
    n = interview_order(state.plan.plan_type).index(state.cursor) + 1
    return (
        f"**{ui('current', lang)} [{n}]:** {spec.title.get(lang)} — {spec.questions.get(lang)[0]}"
    )


def build_app(
    settings: Settings, service: PlanService | None = None, secret: bytes = b""
) -> tuple[gr.Blocks, PlanService]:
    """The whole page. The browser remembers which plan it is on; the server decides which plans
    it may see: every handler checks the plan against the caller's owner identity."""
    from assistant.service import build_service
    from assistant.web.owner import Throttle, owner_from

    service = service or build_service(settings)
    default_lang = settings.default_language

    new_plans_by_address = Throttle(
        service.store, "new_plan_address", settings.max_new_plans_per_hour * 4
    )

    def owner_of(request: gr.Request | None) -> str:
        cookies = dict(getattr(request, "cookies", None) or {}) if request is not None else {}
        owner = owner_from(cookies, getattr(request, "username", None), secret)
        if owner is None:
            raise AssistantError("Your browser session is not recognised: reload the page.",
                                 "브라우저 세션을 확인할 수 없습니다. 페이지를 새로 고치세요.")  # fmt: skip
        return owner

    sent: OrderedDict[tuple[str, str], str] = OrderedDict()  # what each page already shows

    def unchanged(page: str, name: str, content: object) -> bool:
        """True when this page already shows `content` for `name` (then nothing is re-sent:
        gradio rebuilds a component for every property update, the main cost of a turn)."""
        digest = hashlib.sha1(
            json.dumps(content, default=str, ensure_ascii=False).encode()
        ).hexdigest()
        key = (page, name)
        same = bool(page) and sent.get(key) == digest
        sent[key] = digest
        sent.move_to_end(key)
        while len(sent) > 50_000:  # bounded memory
            sent.popitem(last=False)
        return same

    def choices(page: str, name: str, options: list[Any], value: Any) -> Any:
        return value if unchanged(page, name, options) else gr.update(choices=options, value=value)

    def charts(sid: str, owner: str, lang: str) -> list[Any]:
        """The Forecast tab's charts in the interface language, built when the tab is opened or
        data is uploaded (not on every turn: plotly figures are the most expensive output)."""
        plan = service.plan(sid, owner)
        return [forecast_figure(plan, lang), budget_figure(plan, lang), calendar_figure(plan, lang)]

    def panels(sid: str, lang: str, owner: str, page: str = "") -> list[Any]:
        """Every caller has just checked `sid` against `owner` (ensure_session)."""
        state = service.store.load(sid)  # one load per refresh
        plan = state.plan
        from assistant.interview.render import plan_markdown

        building = getattr(service.qa, "building", lambda: "")()
        note = f" · {ui('index_building', lang, done=building)}" if building else ""
        return [
            progress_text(plan, lang) + note,
            safe_markdown(plan_markdown(plan)),
            choices(page, "checklist", checklist_choices(plan), state.cursor),
            scorecard_html(plan, lang),
            choices(page, "goals", goal_choices(plan), None),
            measurement_html(plan, lang),
            safe_markdown(personas_view(plan, lang)),
            facts_value(page, plan, lang),
            _current(state, lang),
            choices(page, "plans", _session_choices(owner, sid), sid),
            f"{sid}:{service.store.turn_count(sid)}",
        ]  # fmt: skip

    def facts_value(page: str, plan: Plan, lang: str) -> Any:
        rows = fact_rows(plan, lang)
        if unchanged(page, "facts", rows):
            return gr.skip()
        return gr.update(value=rows, headers=FACT_HEADERS["ko" if lang == "ko" else "en"])

    def _session_choices(owner: str, current: str) -> list[tuple[str, str]]:
        """This owner's plans by company and date; untouched welcome-only plans are left out."""
        return [
            (
                f"{s.company or ui('untitled', default_lang)} · {s.created[:10]}"
                + (" ⚠" if s.damaged else ""),
                s.id,
            )
            for s in service.sessions(owner)
            if s.id == current or s.done or s.company or s.user_turns
        ]

    # uploaded files older than an hour are removed from gradio's cache every hour
    with gr.Blocks(title="Plan Assistant", delete_cache=(3600, 3600)) as demo:
        browser = gr.BrowserState(
            {"session_id": None, "lang": default_lang}, storage_key=STORAGE_KEY
        )
        with gr.Row():
            header = gr.Markdown(f"## {ui('title', default_lang)}\n{ui('subtitle', default_lang)}")
            lang_radio = gr.Radio(
                [("English", "en"), ("한국어", "ko")],
                value=default_lang,
                label="Language / 언어",
                elem_id="lang-switch",
                scale=0,
                min_width=220,
            )
        badge = gr.HTML(
            mode_badge(service.mode_label(default_lang), settings.llm_enabled, default_lang),
            elem_id="mode-badge",
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=5):
                chatbot = gr.Chatbot(
                    label="Chat",
                    show_label=False,
                    height=520,
                    elem_id="chat",
                    buttons=["copy"],
                    feedback_options=None,
                    group_consecutive_messages=False,  # each reply is its own bubble
                )
                current = gr.Markdown("", elem_id="current-question")
                with gr.Row():
                    box = gr.Textbox(
                        placeholder=ui("placeholder", default_lang),
                        show_label=False,
                        lines=2,
                        max_lines=12,
                        scale=5,
                        elem_id="chat-input",
                    )
                    send = gr.Button(
                        ui("send", default_lang), variant="primary", scale=1, elem_id="send"
                    )
                with gr.Row():
                    quick = {
                        key: gr.Button(ui(key, default_lang), size="sm", elem_id=f"quick-{key}")
                        for key in ("skip", "back", "show", "example", "help", "review")
                    }
            with gr.Column(scale=6):
                progress = gr.Markdown("", elem_id="progress")
                turn_marker = gr.Textbox("", visible="hidden", elem_id="turn-marker")
                with gr.Tabs():
                    with gr.Tab(ui("tab_plan", default_lang), id="plan") as tab_plan:
                        plan_md = gr.Markdown(
                            "", elem_id="plan-view", sanitize_html=True, max_height=640
                        )
                        with gr.Row():
                            exports = {
                                fmt: gr.Button(
                                    f"⬇ {fmt.upper()}", size="sm", elem_id=f"export-{fmt}"
                                )
                                for fmt in ("md", "docx", "pdf", "pptx", "hwpx", "json")
                            }
                        download = gr.HTML("", elem_id="download")
                    with gr.Tab(ui("tab_sections", default_lang), id="sections") as tab_sections:
                        # proposals (the documents' and the model's) wait here for a decision
                        proposal_pick = gr.Dropdown(
                            choices=[],
                            label=ui("proposal_pick", default_lang),
                            elem_id="proposal-pick",
                        )
                        proposal_md = gr.Markdown("", elem_id="proposal-text", sanitize_html=True)
                        with gr.Row():
                            p_accept = gr.Button(
                                ui("proposal_accept", default_lang),
                                elem_id="proposal-accept",
                                variant="primary",
                            )
                            p_edit = gr.Button(
                                ui("proposal_edit", default_lang), elem_id="proposal-edit"
                            )
                            p_discard = gr.Button(
                                ui("proposal_discard", default_lang), elem_id="proposal-discard"
                            )
                        checklist = gr.Radio(
                            choices=[], label=ui("checklist", default_lang), elem_id="checklist"
                        )
                    with gr.Tab(ui("tab_smart", default_lang), id="smart") as tab_smart:
                        scorecard = gr.HTML("", elem_id="scorecard")
                        with gr.Row():
                            goal_pick = gr.Dropdown(
                                choices=[],
                                label=ui("goal_pick", default_lang),
                                elem_id="goal-pick",
                                scale=4,
                            )
                            accept = gr.Button(
                                ui("accept", default_lang), elem_id="accept-rewrite", scale=1
                            )
                    with gr.Tab(ui("tab_measure", default_lang), id="measure") as tab_measure:
                        measure = gr.HTML("", elem_id="measurement")
                    with gr.Tab(ui("tab_facts", default_lang), id="facts") as tab_facts:
                        facts_hint = gr.Markdown(
                            ui("facts_hint", default_lang), elem_id="facts-hint"
                        )
                        facts_table = gr.Dataframe(
                            value=[],
                            headers=FACT_HEADERS["ko" if default_lang == "ko" else "en"],
                            interactive=True,
                            static_columns=[0, 2, 3, 4, 5],
                            wrap=True,
                            elem_id="facts",
                            column_widths=["22%", "14%", "9%", "8%", "11%", "36%"],
                        )
                        facts_msg = gr.Markdown("", elem_id="facts-msg")
                    with gr.Tab(ui("tab_personas", default_lang), id="personas") as tab_personas:
                        personas = gr.Markdown("", elem_id="personas", sanitize_html=True)
                    with gr.Tab(ui("tab_data", default_lang), id="data") as tab_data:
                        docs_upload = gr.File(
                            label=ui("docs_upload", default_lang),
                            file_count="multiple",
                            file_types=list(DOCUMENT_KINDS),
                            elem_id="docs-upload",
                        )
                        docs_msg = gr.Markdown("", elem_id="docs-msg")
                        upload = gr.File(
                            label=ui("upload", default_lang),
                            file_types=[".csv", ".xlsx"],
                            elem_id="upload",
                        )
                        upload_msg = gr.Markdown("")
                        fc_plot = gr.Plot(label="Forecast")
                        budget_plot = gr.Plot(label="Budget")
                        cal_plot = gr.Plot(label="Calendar")
                        actuals = gr.File(
                            label=ui("actuals", default_lang),
                            file_types=[".csv", ".xlsx"],
                            elem_id="actuals",
                        )
                        tracking_md = gr.Markdown("", elem_id="tracking", sanitize_html=True)
                        tracking_plot = gr.Plot(label="Tracking")
                    with gr.Tab(ui("tab_sessions", default_lang), id="sessions") as tab_sessions:
                        session_pick = gr.Dropdown(
                            choices=[], label=ui("sessions", default_lang), elem_id="session-pick"
                        )
                        with gr.Row():
                            new_btn = gr.Button(ui("new", default_lang), elem_id="new-plan")
                            open_btn = gr.Button(ui("open", default_lang), elem_id="open-plan")
                            del_btn = gr.Button(
                                ui("delete", default_lang), variant="stop", elem_id="delete-plan"
                            )
                        versions_md = gr.Markdown("", elem_id="versions", sanitize_html=True)

        panel_outputs = [
            progress,
            plan_md,
            checklist,
            scorecard,
            goal_pick,
            measure,
            personas,
            facts_table,
            current,
            session_pick,
            turn_marker,
        ]

        def download_link(sid: str, fmt: str, lang: str) -> str:
            """A link to the owner-checked download route (exports are not public files)."""
            name = service.export_path(sid, fmt).name
            return _link(f"/download/{sid}/{name}", name)

        def ensure_session(
            state: dict[str, Any], request: gr.Request | None
        ) -> tuple[dict[str, Any], str, str]:
            """(state, plan id, owner): the browser's plan if it belongs to the caller, else the
            caller's latest plan, else a new one. A plan id from the browser is never trusted."""
            owner = owner_of(request)
            sent = state if isinstance(state, dict) else {}
            lang = sent.get("lang") if sent.get("lang") in ("ko", "en") else default_lang
            section = sent.get("section") if isinstance(sent.get("section"), str) else None
            sid = sent.get("session_id") if isinstance(sent.get("session_id"), str) else None
            if not service.owns(sid, owner):
                mine = [s for s in service.sessions(owner) if not s.damaged]
                try:
                    sid = mine[0].id if mine else create_plan(owner, str(lang), request)
                except AssistantError as exc:  # e.g. the new-plan limit: say so, not a blank error
                    raise gr.Error(exc.message(str(lang)), duration=None) from exc
            # only the keys the app uses go back to the browser (nothing else it sent is echoed)
            state = {"session_id": sid, "lang": lang, "section": section}
            return state, str(sid), owner

        def create_plan(owner: str, lang: str, request: gr.Request | None) -> str:
            """A new plan, limited per owner (in the service) and per client address (here), so
            throwing the cookie away is not a way round the limit."""
            address = getattr(getattr(request, "client", None), "host", "") or ""
            if not new_plans_by_address.allow(address):
                raise RateLimited(
                    "Too many new plans from this address in the last hour. Try again later.",
                    "이 주소에서 지난 한 시간 동안 새 계획을 너무 많이 만들었습니다. 잠시 후 다시 시도하세요.",
                )
            return service.new_session("", lang, owner=owner)[0]

        def on_load(state: dict[str, Any], request: gr.Request) -> list[Any]:
            state, sid, owner = ensure_session(state, request)
            service.resume(sid, owner)
            lang = state["lang"]
            return [
                state, _history(service, sid), gr.update(value=lang), *labels_for(lang),
                *panels(sid, lang, owner),
            ]  # fmt: skip

        def respond(
            message: str, state: dict[str, Any], request: gr.Request
        ) -> Iterator[list[Any]]:
            """One turn. The chat shown is rebuilt from the server's saved turns: nothing the
            browser sends back as 'history' is trusted or echoed."""
            state, sid, owner = ensure_session(state, request)
            lang = state["lang"]
            shown = state.get("section")  # the question on this browser's screen
            text = message or ""
            history = _history(service, sid)
            history = [*history, {"role": "user", "content": safe_markdown(text[:MAX_SHOWN])}]
            page = getattr(request, "session_hash", "") or ""
            if settings.llm_enabled:  # a model turn takes seconds: show the message at once
                yield ["", history, state, gr.skip(), *[gr.skip()] * len(panel_outputs)]
            reply = None
            chunks: queue.Queue[str | None] = queue.Queue()
            result: dict[str, Reply] = {}

            def work() -> None:
                try:
                    result["reply"] = service.turn(
                        sid, text, on_token=chunks.put, owner=owner, section=shown
                    )
                except AssistantError as exc:
                    result["reply"] = Reply(text=exc.message(lang), kind="error")
                finally:
                    chunks.put(None)

            threading.Thread(target=work, daemon=True).start()
            streamed = ""
            history = [*history, {"role": "assistant", "content": ""}]
            shown_at = time.monotonic()
            while (chunk := chunks.get()) is not None:  # model tokens, shown as they arrive
                streamed += chunk
                if time.monotonic() - shown_at > 0.15:  # a few updates a second, not one per token
                    shown_at = time.monotonic()
                    history[-1]["content"] = safe_markdown(streamed)
                    yield ["", history, state, gr.skip(), *[gr.skip()] * len(panel_outputs)]
            history = history[:-1]
            reply = result["reply"]
            file_out: Any = gr.skip()
            if reply.export:
                file_out = download_link(sid, reply.export, lang)
            if reply.new_plan:
                plan = service.plan(sid, owner)
                sid, start = service.new_session("", plan.language, plan.plan_type, owner=owner)
                state["session_id"] = sid
                reply = Reply(text=f"{reply.text}\n\n{start.text}")
                history = [{"role": "assistant", "content": safe_markdown(reply.text)}]
            else:
                history = [*history, {"role": "assistant", "content": safe_markdown(reply.text)}]
            state["section"] = reply.section
            yield ["", history, state, file_out, *panels(sid, lang, owner, page)]

        chat_outputs = [box, chatbot, browser, download, *panel_outputs]
        box.submit(respond, inputs=[box, browser], outputs=chat_outputs)
        send.click(respond, inputs=[box, browser], outputs=chat_outputs)
        for key, button in quick.items():
            word = {
                "skip": ("skip", "건너뛰기"),
                "back": ("back", "이전"),
                "show": ("show plan", "계획 보기"),
                "example": ("example", "예시"),
                "help": ("help", "도움말"),
                "review": ("review", "검토"),
            }[key]

            def quick_reply(
                state: dict[str, Any], request: gr.Request, _w: tuple[str, str] = word
            ) -> Iterator[list[Any]]:
                yield from respond(
                    _w[1] if (state or {}).get("lang") == "ko" else _w[0], state, request
                )

            button.click(quick_reply, inputs=[browser], outputs=chat_outputs)
        for fmt, button in exports.items():

            def do_export(state: dict[str, Any], request: gr.Request, _fmt: str = fmt) -> Any:
                state, sid, _owner = ensure_session(state, request)
                return download_link(sid, _fmt, state["lang"])

            button.click(do_export, inputs=[browser], outputs=[download])

        def jump(
            section: str | None, state: dict[str, Any], request: gr.Request
        ) -> Iterator[list[Any]]:
            if section:
                # a command the user could have typed, in their language, with the section's title
                # (the chat shows it as their message; internal ids never appear)
                plan = service.plan(ensure_session(state, request)[1], owner_of(request))
                if section in plan.sections:
                    word = "이동" if plan.language == "ko" else "goto"
                    yield from respond(f"{word} {plan.title(section)}", state, request)

        checklist.input(jump, inputs=[checklist, browser], outputs=chat_outputs)

        def accept_rewrite(
            goal_index: int | None, state: dict[str, Any], request: gr.Request
        ) -> list[Any]:
            state, sid, owner = ensure_session(state, request)
            lang = state["lang"]
            if goal_index is None:
                note = {"role": "assistant", "content": ui("pick_goal_first", lang)}
                return [[*_history(service, sid), note], *panels(sid, lang, owner)]
            service.apply_rewrite(sid, int(goal_index), owner=owner)  # its reply is a saved turn
            return [_history(service, sid), *panels(sid, lang, owner)]

        accept.click(accept_rewrite, inputs=[goal_pick, browser], outputs=[chatbot, *panel_outputs])

        def edit_facts(table: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
            """A value edited in the Facts tab is a user fact: saved, the analysis recomputed."""
            from assistant.core.fact_sheet import FACT_KINDS

            state, sid, owner = ensure_session(state, request)
            lang = state["lang"]
            shown = fact_rows(service.plan(sid, owner), lang)
            rows = table.values.tolist() if hasattr(table, "values") else list(table or [])
            ids = {label: fid for fid, (en, ko, _) in FACT_KINDS.items() for label in (en, ko)}
            notes = []
            for old, new in zip(shown, rows, strict=False):
                value = str(new[1] if len(new) > 1 else "").strip()
                if not value or value == old[1] or old[0] not in ids:
                    continue
                if old[4] in ("computed", "계산값"):
                    notes.append(ui("facts_computed", lang, label=old[0]))
                    continue
                reply = service.edit_fact(sid, ids[old[0]], value, owner=owner)
                notes.append(reply.text)
            page = getattr(request, "session_hash", "") or ""
            sent.pop((page, "facts"), None)  # the table is sent again, with the saved values
            note = safe_markdown("\n\n".join(notes))
            return [_history(service, sid), note, *panels(sid, lang, owner, page)]

        facts_table.input(
            edit_facts, inputs=[facts_table, browser], outputs=[chatbot, facts_msg, *panel_outputs]
        )

        def on_upload(file: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
            state, sid, owner = ensure_session(state, request)
            lang = state["lang"]
            path = Path(file if isinstance(file, str) else getattr(file, "name", ""))
            if path.suffix.lower() not in (".csv", ".xlsx"):
                return [None, f"⚠ {ui('upload_type', lang)}", *panels(sid, lang, owner)]
            size = path.stat().st_size / 1_000_000
            if size > settings.max_upload_mb:
                return [
                    None,
                    f"⚠ {ui('upload_too_big', lang, size=size, limit=settings.max_upload_mb)}",
                    *panels(sid, lang, owner),
                ]
            try:
                reply = service.attach_history(sid, path, owner=owner)
            except AssistantError as exc:
                return [None, f"⚠ {safe_markdown(exc.message(lang))}", *panels(sid, lang, owner)]
            # the tab says what was read; the next question is in the chat, where it belongs
            read = reply.text.split("\n\n", 1)[0]
            return [None, safe_markdown(read), *panels(sid, lang, owner)]

        def on_documents(files: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
            """The user's own documents: read and indexed for this plan only; the reply (facts
            read, sections covered, proposals) goes to the chat."""
            state, sid, owner = ensure_session(state, request)
            lang = state["lang"]
            got = [Path(f if isinstance(f, str) else getattr(f, "name", "")) for f in files or []]
            pairs = [(p, p.name) for p in got if p.name]
            if not pairs:
                return [None, "", _history(service, sid), *panels(sid, lang, owner)]
            reply = service.upload_documents(sid, pairs, owner=owner)
            head = reply.text.split("\n\n", 1)[0]
            state["section"] = service.state(sid, owner).cursor
            return [None, safe_markdown(head), _history(service, sid), *panels(sid, lang, owner)]

        docs_upload.upload(
            on_documents,
            inputs=[docs_upload, browser],
            outputs=[docs_upload, docs_msg, chatbot, *panel_outputs],
        )

        def show_proposals(
            state: dict[str, Any], request: gr.Request, pick: Any = None
        ) -> list[Any]:
            """The open proposals (documents' and the model's) and the chosen one's full text."""
            state, sid, owner = ensure_session(state, request)
            plan = service.plan(sid, owner)
            options = proposal_choices(plan, state["lang"])
            ids = [v for _, v in options]
            chosen = pick if pick in ids else (ids[0] if ids else None)
            return [gr.update(choices=options, value=chosen),
                    safe_markdown(proposal_preview(plan, chosen, state["lang"]))]  # fmt: skip

        def pick_proposal(pick: Any, state: dict[str, Any], request: gr.Request) -> str:
            state, sid, owner = ensure_session(state, request)
            return safe_markdown(proposal_preview(service.plan(sid, owner), pick, state["lang"]))

        def decide(kind: str) -> Any:
            def run(pick: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
                """Accept or discard, as the command the user could have typed (a saved turn)."""
                state, sid, owner = ensure_session(state, request)
                lang = state["lang"]
                if pick is not None:
                    word = {"accept": ("accept", "수락"), "discard": ("discard", "버리기")}[kind][
                        lang == "ko"
                    ]
                    service.turn(sid, f"{word} {int(pick)}", owner=owner)
                    state["section"] = service.state(sid, owner).cursor
                return [
                    _history(service, sid),
                    *show_proposals(state, request),
                    *panels(sid, lang, owner),
                ]

            return run

        def edit_proposal(pick: Any, state: dict[str, Any], request: gr.Request) -> Any:
            """The proposal goes into the chat box as 'edit N: …' for the user to change and send."""
            state, sid, owner = ensure_session(state, request)
            p = service.plan(sid, owner).shelf.proposal(int(pick)) if pick is not None else None
            if p is None:
                return gr.update()
            word = "수정" if state["lang"] == "ko" else "edit"
            return gr.update(value=f"{word} {p.id}: {p.text}")

        tab_sections.select(show_proposals, inputs=[browser], outputs=[proposal_pick, proposal_md])
        proposal_pick.input(pick_proposal, inputs=[proposal_pick, browser], outputs=[proposal_md])
        for button, kind in ((p_accept, "accept"), (p_discard, "discard")):
            button.click(decide(kind), inputs=[proposal_pick, browser],
                         outputs=[chatbot, proposal_pick, proposal_md, *panel_outputs])  # fmt: skip
        p_edit.click(edit_proposal, inputs=[proposal_pick, browser], outputs=[box])

        def after_upload(state: dict[str, Any], request: gr.Request) -> list[Any]:
            """The upload's reply in the chat, and the charts (this tab is open)."""
            state, sid, owner = ensure_session(state, request)
            state["section"] = service.state(sid, owner).cursor
            return [state, _history(service, sid), *charts(sid, owner, state["lang"])]

        upload.upload(
            on_upload, inputs=[upload, browser], outputs=[upload, upload_msg, *panel_outputs]
        ).then(
            after_upload,
            inputs=[browser],
            outputs=[browser, chatbot, fc_plot, budget_plot, cal_plot],
        )

        def show_charts(state: dict[str, Any], request: gr.Request) -> list[Any]:
            state, sid, owner = ensure_session(state, request)
            return charts(sid, owner, state["lang"])

        tab_data.select(show_charts, inputs=[browser], outputs=[fc_plot, budget_plot, cal_plot])

        def show_versions(state: dict[str, Any], request: gr.Request) -> str:
            """This plan's versions (newest first); diff and restore are typed in the chat."""
            state, sid, owner = ensure_session(state, request)
            return safe_markdown(versions_markdown(service.versions(sid, owner), state["lang"]))

        tab_sessions.select(show_versions, inputs=[browser], outputs=[versions_md])

        def on_actuals(file: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
            from assistant.web.charts import tracking_figure
            from assistant.web.views import tracking_markdown

            state, sid, owner = ensure_session(state, request)
            lang = state["lang"]
            path = Path(file if isinstance(file, str) else getattr(file, "name", ""))
            if path.suffix.lower() not in (".csv", ".xlsx"):
                return [None, f"⚠ {ui('upload_type', lang)}", None]
            size = path.stat().st_size / 1_000_000
            if size > settings.max_upload_mb:
                return [
                    None,
                    f"⚠ {ui('upload_too_big', lang, size=size, limit=settings.max_upload_mb)}",
                    None,
                ]
            try:
                result = service.track(sid, path, owner=owner)
            except AssistantError as exc:
                return [None, f"⚠ {safe_markdown(exc.message(lang))}", None]
            return [None, tracking_markdown(result, lang), tracking_figure(result, lang)]

        actuals.upload(
            on_actuals, inputs=[actuals, browser], outputs=[actuals, tracking_md, tracking_plot]
        )

        def labels_for(lang: str) -> list[Any]:
            return [
                f"## {ui('title', lang)}\n{ui('subtitle', lang)}",
                mode_badge(service.mode_label(lang), settings.llm_enabled, lang),
                gr.update(placeholder=ui("placeholder", lang)),
                gr.update(value=ui("send", lang)),
                *[gr.update(value=ui(k, lang)) for k in quick],
                gr.update(label=ui("tab_plan", lang)), gr.update(label=ui("tab_sections", lang)),
                gr.update(label=ui("tab_smart", lang)), gr.update(label=ui("tab_measure", lang)),
                gr.update(label=ui("tab_personas", lang)), gr.update(label=ui("tab_data", lang)),
                gr.update(label=ui("tab_sessions", lang)),
                gr.update(value=ui("accept", lang)), gr.update(label=ui("upload", lang)),
                gr.update(label=ui("sessions", lang)), gr.update(value=ui("new", lang)),
                gr.update(value=ui("open", lang)), gr.update(value=ui("delete", lang)),
                gr.update(label=ui("goal_pick", lang)), gr.update(label=ui("checklist", lang)),
                gr.update(label=ui("actuals", lang)), gr.update(label=ui("export", lang)),
                gr.update(label=ui("tab_facts", lang)), gr.update(value=ui("facts_hint", lang)),
                gr.update(label=ui("docs_upload", lang)),                 gr.update(label=ui("proposal_pick", lang)), gr.update(value=ui("proposal_accept", lang)),
                gr.update(value=ui("proposal_edit", lang)), gr.update(value=ui("proposal_discard", lang)),
            ]  # fmt: skip

        label_targets = [
            header, badge, box, send, *quick.values(), tab_plan, tab_sections, tab_smart,
            tab_measure, tab_personas, tab_data, tab_sessions, accept, upload, session_pick,
            new_btn, open_btn, del_btn, goal_pick, checklist, actuals, download, tab_facts,
            facts_hint, docs_upload, proposal_pick, p_accept, p_edit, p_discard,
        ]  # fmt: skip

        def set_lang(lang: str, state: dict[str, Any], request: gr.Request) -> list[Any]:
            """The interface language, remembered in this browser; an untouched plan follows it
            (its welcome is re-written), with no message the user did not type."""
            state, sid, owner = ensure_session(state, request)
            state["lang"] = lang
            service.set_language(sid, lang, owner)
            return [state, _history(service, sid), *labels_for(lang), *panels(sid, lang, owner)]

        lang_radio.input(
            set_lang,
            inputs=[lang_radio, browser],
            outputs=[browser, chatbot, *label_targets, *panel_outputs],
        )
        demo.load(
            on_load,
            inputs=[browser],
            outputs=[browser, chatbot, lang_radio, *label_targets, *panel_outputs],
        )

        def new_plan(state: dict[str, Any], request: gr.Request) -> list[Any]:
            owner = owner_of(request)
            state = dict(state or {})
            lang = state.get("lang") or default_lang
            try:
                sid = create_plan(owner, lang, request)
            except AssistantError as exc:
                state, sid, owner = ensure_session(state, request)
                note = {"role": "assistant", "content": safe_markdown(exc.message(lang))}
                return [state, [*_history(service, sid), note], *panels(sid, lang, owner)]
            state["session_id"] = sid
            return [state, _history(service, sid), *panels(sid, lang, owner)]

        def open_plan(pick: str | None, state: dict[str, Any], request: gr.Request) -> list[Any]:
            owner = owner_of(request)
            state = dict(state or {})
            if pick and service.owns(pick, owner):
                state["session_id"] = pick
                service.resume(pick, owner)
            state, sid, owner = ensure_session(state, request)
            return [state, _history(service, sid), *panels(sid, state["lang"], owner)]

        def delete_plan(pick: str | None, state: dict[str, Any], request: gr.Request) -> list[Any]:
            owner = owner_of(request)
            state = dict(state or {})
            if pick and service.owns(pick, owner):
                service.delete(pick, owner)
                if state.get("session_id") == pick:
                    state["session_id"] = None
            state, sid, owner = ensure_session(state, request)
            return [state, _history(service, sid), *panels(sid, state["lang"], owner)]

        def kept_chat(state: dict[str, Any], request: gr.Request) -> list[Any]:
            """The chat's trash icon: the conversation is the plan's record and comes back on
            reload, so it is put back at once with a note on how to start over."""
            state, sid, _owner = ensure_session(state, request)
            note = {"role": "assistant", "content": safe_markdown(ui("chat_kept", state["lang"]))}
            return [state, [*_history(service, sid), note]]

        chatbot.clear(kept_chat, inputs=[browser], outputs=[browser, chatbot])

        session_outputs = [browser, chatbot, *panel_outputs]
        new_btn.click(new_plan, inputs=[browser], outputs=session_outputs)
        open_btn.click(open_plan, inputs=[session_pick, browser], outputs=session_outputs)
        del_btn.click(delete_plan, inputs=[session_pick, browser], outputs=session_outputs)
    return demo, service

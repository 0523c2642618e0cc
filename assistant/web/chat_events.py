"""The chat's handlers: a turn (streamed when a model answers), the quick buttons and the
checklist as commands the user could have typed, exports, an accepted goal rewrite and an edited
fact. The chat shown is always rebuilt from the server's saved turns."""

from __future__ import annotations

import functools
import queue
import time
from collections.abc import Callable, Iterator
from typing import Any

import gradio as gr

from assistant.core.errors import AssistantError
from assistant.interview.engine import Reply
from assistant.web.layout import Layout
from assistant.web.page import MAX_SHOWN, Page, tab_of
from assistant.web.views import fact_rows, safe_markdown, ui

_QUICK_WORDS = {
    "skip": ("skip", "건너뛰기"),
    "back": ("back", "이전"),
    "show": ("show plan", "계획 보기"),
    "example": ("example", "예시"),
    "help": ("help", "도움말"),
    "review": ("review", "검토"),
}


def _handler(steps: Callable[..., Iterator[list[Any]]], streams: bool) -> Callable[..., Any]:
    """The handler gradio runs: the generator itself when a model streams its reply; offline,
    where a turn yields once, a plain function returning that one update (gradio runs a
    generator in extra passes, each post-processing every output)."""
    if streams:
        return steps

    @functools.wraps(steps)
    def once(*args: Any, **kwargs: Any) -> Any:
        last: Any = gr.skip()  # nothing to show (e.g. a checklist pick of no section)
        for last in steps(*args, **kwargs):  # noqa: B007 - the last update is the one shown
            pass
        return last

    return once


def wire_chat(page: Page, ui_: Layout) -> None:
    service = page.service
    panel_count = len(ui_.panel_outputs)

    def respond(message: str, state: dict[str, Any], request: gr.Request) -> Iterator[list[Any]]:
        """One turn. The chat shown is rebuilt from the server's saved turns: nothing the
        browser sends back as 'history' is trusted or echoed."""
        state, sid, owner = page.ensure_session(state, request)
        lang = state["lang"]
        shown = state.get("section")  # the question on this browser's screen
        text = message or ""
        history = page.history(sid)
        history = [*history, {"role": "user", "content": safe_markdown(text[:MAX_SHOWN])}]
        if page.settings.llm_enabled:  # a model turn takes seconds: show the message at once
            yield ["", history, state, gr.skip(), *[gr.skip()] * panel_count, gr.skip()]
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

        page.workers.submit(work)  # pooled: each worker keeps its own store connection
        streamed = ""
        history = [*history, {"role": "assistant", "content": ""}]
        shown_at = time.monotonic()
        while (chunk := chunks.get()) is not None:  # model tokens, shown as they arrive
            streamed += chunk
            if time.monotonic() - shown_at > 0.15:  # a few updates a second, not one per token
                shown_at = time.monotonic()
                history[-1]["content"] = safe_markdown(streamed)
                yield ["", history, state, gr.skip(), *[gr.skip()] * panel_count, gr.skip()]
        history = history[:-1]
        reply = result["reply"]
        file_out: Any = gr.skip()
        if reply.export:
            file_out = page.download_link(sid, reply.export)
        if reply.new_plan:
            plan = service.plan(sid, owner)
            sid, start = service.new_session("", plan.language, plan.plan_type, owner=owner)
            state["session_id"] = sid
            reply = Reply(text=f"{reply.text}\n\n{start.text}")
            history = [{"role": "assistant", "content": safe_markdown(reply.text)}]
        else:
            history = [*history, {"role": "assistant", "content": safe_markdown(reply.text)}]
        state["section"] = reply.section
        relabel: Any = gr.skip()
        if reply.language and reply.language != lang:  # 'language ko' typed: the page follows
            state["lang"] = lang = reply.language
            relabel = f"{lang}#{time.monotonic_ns()}"  # a new value each time: its change relabels
        yield ["", history, state, file_out, *page.panels(sid, lang, owner, request), relabel]

    outputs = ui_.chat_outputs
    streams = page.settings.llm_enabled
    ui_.box.submit(_handler(respond, streams), inputs=[ui_.box, ui_.browser], outputs=outputs)
    ui_.send.click(_handler(respond, streams), inputs=[ui_.box, ui_.browser], outputs=outputs)
    for key, button in ui_.quick.items():

        def quick_reply(
            state: dict[str, Any], request: gr.Request, _w: tuple[str, str] = _QUICK_WORDS[key]
        ) -> Iterator[list[Any]]:
            yield from respond(_w[1] if (state or {}).get("lang") == "ko" else _w[0], state, request)  # fmt: skip

        button.click(_handler(quick_reply, streams), inputs=[ui_.browser], outputs=outputs)
    for fmt, button in ui_.exports.items():

        def do_export(state: dict[str, Any], request: gr.Request, _fmt: str = fmt) -> Any:
            state, sid, _owner = page.ensure_session(state, request)
            return page.download_link(sid, _fmt)

        button.click(do_export, inputs=[ui_.browser], outputs=[ui_.download])

    def jump(section: str | None, state: dict[str, Any], request: gr.Request) -> Iterator[list[Any]]:  # fmt: skip
        if section:
            # a command the user could have typed, in their language, with the section's title
            # (the chat shows it as their message; internal ids never appear)
            plan = service.plan(page.ensure_session(state, request)[1], page.owner_of(request))
            if section in plan.sections:
                word = "이동" if plan.language == "ko" else "goto"
                yield from respond(f"{word} {plan.title(section)}", state, request)

    ui_.checklist.input(_handler(jump, streams), inputs=[ui_.checklist, ui_.browser], outputs=outputs)  # fmt: skip
    _wire_edits(page, ui_)


def _wire_edits(page: Page, ui_: Layout) -> None:
    """An accepted goal rewrite and a fact edited in the Facts tab: saved turns, panels redrawn."""
    service = page.service

    def accept_rewrite(goal_index: int | None, state: dict[str, Any], request: gr.Request) -> list[Any]:  # fmt: skip
        state, sid, owner = page.ensure_session(state, request)
        lang = state["lang"]
        if goal_index is None:
            note = {"role": "assistant", "content": ui("pick_goal_first", lang)}
            return [[*page.history(sid), note], *page.panels(sid, lang, owner, request)]
        service.apply_rewrite(sid, int(goal_index), owner=owner)  # its reply is a saved turn
        return [page.history(sid), *page.panels(sid, lang, owner, request)]

    ui_.accept.click(
        accept_rewrite, inputs=[ui_.goal_pick, ui_.browser], outputs=[ui_.chatbot, *ui_.panel_outputs]
    )  # fmt: skip

    def edit_facts(table: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
        """A value edited in the Facts tab is a user fact: saved, the analysis recomputed."""
        from assistant.core.fact_sheet import FACT_KINDS

        state, sid, owner = page.ensure_session(state, request)
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
        page.sent.pop(
            (tab_of(request), "facts"), None
        )  # the table is sent again, with the saved values
        note = safe_markdown("\n\n".join(notes))
        return [page.history(sid), note, *page.panels(sid, lang, owner, request)]

    ui_.facts_table.input(
        edit_facts,
        inputs=[ui_.facts_table, ui_.browser],
        outputs=[ui_.chatbot, ui_.facts_msg, *ui_.panel_outputs],
    )

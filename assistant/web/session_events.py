"""The page's own handlers: loading it (resuming the caller's plan), the interface language, and
new, open and delete on the caller's plans (each checked against the caller on the server)."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.core.errors import AssistantError
from assistant.web.layout import Layout
from assistant.web.page import Page
from assistant.web.views import mode_badge, safe_markdown, ui


def labels_for(page: Page, ui_: Layout, lang: str) -> list[Any]:
    """Every label in `lang`, in the order of Layout.label_targets."""
    return [
        f"## {ui('title', lang)}\n{ui('subtitle', lang)}",
        mode_badge(page.service.mode_label(lang), page.settings.llm_enabled, lang),
        gr.update(placeholder=ui("placeholder", lang), label=ui("answer_label", lang)),
        gr.update(value=ui("send", lang)),
        *[gr.update(value=ui(k, lang)) for k in ui_.quick],
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
        gr.update(label=ui("docs_upload", lang)), gr.update(label=ui("proposal_pick", lang)),
        gr.update(value=ui("proposal_accept", lang)), gr.update(value=ui("proposal_edit", lang)),
        gr.update(value=ui("proposal_discard", lang)),
    ]  # fmt: skip


def wire_sessions(page: Page, ui_: Layout, demo: gr.Blocks) -> None:
    service = page.service

    def on_load(state: dict[str, Any], request: gr.Request) -> list[Any]:
        state, sid, owner = page.ensure_session(state, request)
        service.resume(sid, owner)
        lang = state["lang"]
        # the page is built in the default language: its labels are re-sent only for the other
        # (gradio rebuilds a component for every label it is sent)
        built = lang == page.default_lang
        labels = [gr.skip()] * len(ui_.label_targets) if built else labels_for(page, ui_, lang)
        radio = gr.skip() if built else gr.update(value=lang)
        return [state, page.history(sid), radio, *labels, *page.panels(sid, lang, owner, request)]

    def set_lang(lang: str, state: dict[str, Any], request: gr.Request) -> list[Any]:
        """The interface language, remembered in this browser; an untouched plan follows it
        (its welcome is re-written), with no message the user did not type."""
        state, sid, owner = page.ensure_session(state, request)
        state["lang"] = lang
        service.set_language(sid, lang, owner)
        return [state, page.history(sid), *labels_for(page, ui_, lang), *page.panels(sid, lang, owner, request)]  # fmt: skip

    def relabel(marker: str) -> list[Any]:
        """A chat command switched the language: the radio and every label follow it."""
        lang = "ko" if marker.startswith("ko") else "en"
        return [gr.update(value=lang), *labels_for(page, ui_, lang)]

    ui_.lang_marker.change(relabel, inputs=[ui_.lang_marker], outputs=[ui_.lang_radio, *ui_.label_targets])  # fmt: skip
    ui_.lang_radio.input(
        set_lang,
        inputs=[ui_.lang_radio, ui_.browser],
        outputs=[ui_.browser, ui_.chatbot, *ui_.label_targets, *ui_.panel_outputs],
    )
    demo.load(
        on_load,
        inputs=[ui_.browser],
        outputs=[ui_.browser, ui_.chatbot, ui_.lang_radio, *ui_.label_targets, *ui_.panel_outputs],
    )

    def new_plan(state: dict[str, Any], request: gr.Request) -> list[Any]:
        owner = page.owner_of(request)
        state = dict(state or {})
        lang = state.get("lang") or page.default_lang
        try:
            sid = page.create_plan(owner, lang, request)
        except AssistantError as exc:
            state, sid, owner = page.ensure_session(state, request)
            note = {"role": "assistant", "content": safe_markdown(exc.message(lang))}
            return [state, [*page.history(sid), note], *page.panels(sid, lang, owner, request)]
        state["session_id"] = sid
        return [state, page.history(sid), *page.panels(sid, lang, owner, request)]

    def open_plan(pick: str | None, state: dict[str, Any], request: gr.Request) -> list[Any]:
        owner = page.owner_of(request)
        state = dict(state or {})
        if pick and service.owns(pick, owner):
            state["session_id"] = pick
            service.resume(pick, owner)
        state, sid, owner = page.ensure_session(state, request)
        return [state, page.history(sid), *page.panels(sid, state["lang"], owner, request)]

    def delete_plan(pick: str | None, state: dict[str, Any], request: gr.Request) -> list[Any]:
        owner = page.owner_of(request)
        state = dict(state or {})
        if pick and service.owns(pick, owner):
            service.delete(pick, owner)
            if state.get("session_id") == pick:
                state["session_id"] = None
        state, sid, owner = page.ensure_session(state, request)
        return [state, page.history(sid), *page.panels(sid, state["lang"], owner, request)]

    def kept_chat(state: dict[str, Any], request: gr.Request) -> list[Any]:
        """The chat's trash icon: the conversation is the plan's record and comes back on
        reload, so it is put back at once with a note on how to start over."""
        state, sid, _owner = page.ensure_session(state, request)
        note = {"role": "assistant", "content": safe_markdown(ui("chat_kept", state["lang"]))}
        return [state, [*page.history(sid), note]]

    ui_.chatbot.clear(kept_chat, inputs=[ui_.browser], outputs=[ui_.browser, ui_.chatbot])
    session_outputs = [ui_.browser, ui_.chatbot, *ui_.panel_outputs]
    ui_.new_btn.click(new_plan, inputs=[ui_.browser], outputs=session_outputs)
    ui_.open_btn.click(open_plan, inputs=[ui_.session_pick, ui_.browser], outputs=session_outputs)
    ui_.del_btn.click(delete_plan, inputs=[ui_.session_pick, ui_.browser], outputs=session_outputs)

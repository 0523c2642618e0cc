"""The tabs' handlers: uploads (sales history, actuals, the user's documents, each bounded and
checked), proposals waiting for a decision, the charts and the plan's versions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from assistant.core.errors import AssistantError
from assistant.web.layout import Layout
from assistant.web.page import Page
from assistant.web.views import (  # fmt: skip
    proposal_choices,
    proposal_preview,
    safe_markdown,
    ui,
    versions_markdown,
)


def _checked_file(page: Page, file: Any, lang: str) -> tuple[Path, str]:
    """(the uploaded path, '' or the message that refuses it: wrong type, too big)."""
    path = Path(file if isinstance(file, str) else getattr(file, "name", ""))
    if path.suffix.lower() not in (".csv", ".xlsx"):
        return path, f"⚠ {ui('upload_type', lang)}"
    size = path.stat().st_size / 1_000_000
    limit = page.settings.max_upload_mb
    if size > limit:
        return path, f"⚠ {ui('upload_too_big', lang, size=size, limit=limit)}"
    return path, ""


def wire_tabs(page: Page, ui_: Layout) -> None:
    service = page.service
    panels = page.panels

    def on_upload(file: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
        state, sid, owner = page.ensure_session(state, request)
        lang = state["lang"]
        path, refused = _checked_file(page, file, lang)
        if refused:
            return [None, refused, *panels(sid, lang, owner, request)]
        try:
            reply = service.attach_history(sid, path, owner=owner)
        except AssistantError as exc:
            return [
                None,
                f"⚠ {safe_markdown(exc.message(lang))}",
                *panels(sid, lang, owner, request),
            ]
        # the tab says what was read; the next question is in the chat, where it belongs
        read = reply.text.split("\n\n", 1)[0]
        return [None, safe_markdown(read), *panels(sid, lang, owner, request)]

    def after_upload(state: dict[str, Any], request: gr.Request) -> list[Any]:
        """The upload's reply in the chat, and the charts (this tab is open)."""
        state, sid, owner = page.ensure_session(state, request)
        state["section"] = service.state(sid, owner).cursor
        return [state, page.history(sid), *page.charts(sid, owner, state["lang"])]

    plots = [ui_.fc_plot, ui_.budget_plot, ui_.cal_plot]
    ui_.upload.upload(
        on_upload,
        inputs=[ui_.upload, ui_.browser],
        outputs=[ui_.upload, ui_.upload_msg, *ui_.panel_outputs],
    ).then(after_upload, inputs=[ui_.browser], outputs=[ui_.browser, ui_.chatbot, *plots])

    def on_documents(files: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
        """The user's own documents: read and indexed for this plan only; the reply (facts
        read, sections covered, proposals) goes to the chat."""
        state, sid, owner = page.ensure_session(state, request)
        lang = state["lang"]
        got = [Path(f if isinstance(f, str) else getattr(f, "name", "")) for f in files or []]
        pairs = [(p, p.name) for p in got if p.name]
        if not pairs:
            return [None, "", page.history(sid), *panels(sid, lang, owner, request)]
        reply = service.upload_documents(sid, pairs, owner=owner)
        head = reply.text.split("\n\n", 1)[0]
        state["section"] = service.state(sid, owner).cursor
        return [None, safe_markdown(head), page.history(sid), *panels(sid, lang, owner, request)]

    ui_.docs_upload.upload(
        on_documents,
        inputs=[ui_.docs_upload, ui_.browser],
        outputs=[ui_.docs_upload, ui_.docs_msg, ui_.chatbot, *ui_.panel_outputs],
    )

    def show_charts(state: dict[str, Any], request: gr.Request) -> list[Any]:
        state, sid, owner = page.ensure_session(state, request)
        return page.charts(sid, owner, state["lang"])

    ui_.tabs["data"].select(show_charts, inputs=[ui_.browser], outputs=plots)

    def show_versions(state: dict[str, Any], request: gr.Request) -> str:
        """This plan's versions (newest first); diff and restore are typed in the chat."""
        state, sid, owner = page.ensure_session(state, request)
        return safe_markdown(versions_markdown(service.versions(sid, owner), state["lang"]))

    ui_.tabs["sessions"].select(show_versions, inputs=[ui_.browser], outputs=[ui_.versions_md])

    def on_actuals(file: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
        from assistant.web.charts import tracking_figure
        from assistant.web.views import tracking_markdown

        state, sid, owner = page.ensure_session(state, request)
        lang = state["lang"]
        path, refused = _checked_file(page, file, lang)
        if refused:
            return [None, refused, None]
        try:
            result = service.track(sid, path, owner=owner)
        except AssistantError as exc:
            return [None, f"⚠ {safe_markdown(exc.message(lang))}", None]
        return [None, tracking_markdown(result, lang), tracking_figure(result, lang)]

    ui_.actuals.upload(
        on_actuals,
        inputs=[ui_.actuals, ui_.browser],
        outputs=[ui_.actuals, ui_.tracking_md, ui_.tracking_plot],
    )
    _wire_proposals(page, ui_)


def _wire_proposals(page: Page, ui_: Layout) -> None:
    """The open proposals (the documents' and the model's): shown, accepted, edited or discarded
    as the commands the user could have typed."""
    service = page.service

    def show_proposals(state: dict[str, Any], request: gr.Request, pick: Any = None) -> list[Any]:
        """The open proposals and the chosen one's full text."""
        state, sid, owner = page.ensure_session(state, request)
        plan = service.plan(sid, owner)
        options = proposal_choices(plan, state["lang"])
        ids = [v for _, v in options]
        chosen = pick if pick in ids else (ids[0] if ids else None)
        return [gr.update(choices=options, value=chosen),
                safe_markdown(proposal_preview(plan, chosen, state["lang"]))]  # fmt: skip

    def pick_proposal(pick: Any, state: dict[str, Any], request: gr.Request) -> str:
        state, sid, owner = page.ensure_session(state, request)
        return safe_markdown(proposal_preview(service.plan(sid, owner), pick, state["lang"]))

    def decide(kind: str) -> Any:
        def run(pick: Any, state: dict[str, Any], request: gr.Request) -> list[Any]:
            """Accept or discard, as the command the user could have typed (a saved turn)."""
            state, sid, owner = page.ensure_session(state, request)
            lang = state["lang"]
            if pick is not None:
                word = {"accept": ("accept", "수락"), "discard": ("discard", "버리기")}[kind][lang == "ko"]  # fmt: skip
                service.turn(sid, f"{word} {int(pick)}", owner=owner)
                state["section"] = service.state(sid, owner).cursor
            return [page.history(sid), *show_proposals(state, request), *page.panels(sid, lang, owner, request)]  # fmt: skip

        return run

    def edit_proposal(pick: Any, state: dict[str, Any], request: gr.Request) -> Any:
        """The proposal goes into the chat box as 'edit N: …' for the user to change and send."""
        state, sid, owner = page.ensure_session(state, request)
        p = service.plan(sid, owner).shelf.proposal(int(pick)) if pick is not None else None
        if p is None:
            return gr.update()
        word = "수정" if state["lang"] == "ko" else "edit"
        return gr.update(value=f"{word} {p.id}: {p.text}")

    shown = [ui_.proposal_pick, ui_.proposal_md]
    ui_.tabs["sections"].select(show_proposals, inputs=[ui_.browser], outputs=shown)
    ui_.proposal_pick.input(pick_proposal, inputs=[ui_.proposal_pick, ui_.browser], outputs=[ui_.proposal_md])  # fmt: skip
    for button, kind in ((ui_.p_accept, "accept"), (ui_.p_discard, "discard")):
        button.click(decide(kind), inputs=[ui_.proposal_pick, ui_.browser],
                     outputs=[ui_.chatbot, *shown, *ui_.panel_outputs])  # fmt: skip
    ui_.p_edit.click(edit_proposal, inputs=[ui_.proposal_pick, ui_.browser], outputs=[ui_.box])

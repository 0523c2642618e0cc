"""The gradio web app: chat beside the live plan. Layout and wiring only; logic lives in the
service (the components in layout, what every handler shares in page, the handlers in
chat_events, tab_events and session_events)."""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

import gradio as gr  # noqa: E402

from assistant.core.settings import Settings  # noqa: E402
from assistant.service import PlanService  # noqa: E402
from assistant.web.chat_events import wire_chat  # noqa: E402
from assistant.web.layout import build_layout  # noqa: E402
from assistant.web.page import Page  # noqa: E402
from assistant.web.session_events import wire_sessions  # noqa: E402
from assistant.web.tab_events import wire_tabs  # noqa: E402
from assistant.web.views import mode_badge  # noqa: E402


def build_app(
    settings: Settings, service: PlanService | None = None, secret: bytes = b""
) -> tuple[gr.Blocks, PlanService]:
    """The whole page. The browser remembers which plan it is on; the server decides which plans
    it may see: every handler checks the plan against the caller's owner identity."""
    from assistant.service import build_service

    service = service or build_service(settings)
    page = Page(settings, service, secret)
    lang = settings.default_language
    # uploaded files older than an hour are removed from gradio's cache every hour
    with gr.Blocks(title="Plan Assistant", delete_cache=(3600, 3600)) as demo:
        ui_ = build_layout(lang, mode_badge(service.mode_label(lang), settings.llm_enabled, lang))
        wire_chat(page, ui_)
        wire_tabs(page, ui_)
        wire_sessions(page, ui_, demo)
    return demo, service

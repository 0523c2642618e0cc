"""The gradio web app: chat beside the live plan. Layout and wiring only; logic lives in the
service (the components in layout, what every handler shares in page, the handlers in
chat_events, tab_events and session_events)."""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
# gradio's queue keeps per-event timings for its monitoring page and, by default, re-summarises
# all of them (up to 10,000, with pandas) after every event: the cost of a turn grew with uptime.
# The app has no monitoring page; a few hundred events summarised now and then are plenty.
os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "500")
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "200")

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
    from assistant.web import cheap_skip

    cheap_skip.install()
    service = service or build_service(settings)
    page = Page(settings, service, secret)
    lang = settings.default_language
    # uploaded files older than an hour are removed from gradio's cache every hour
    with gr.Blocks(title="Plan Assistant", delete_cache=(3600, 3600)) as demo:
        ui_ = build_layout(lang, mode_badge(service.mode_label(lang), settings.llm_enabled, lang))
        wire_chat(page, ui_)
        wire_tabs(page, ui_)
        wire_sessions(page, ui_, demo)
        # the page's own events stay callable but are not a documented public API: gradio would
        # otherwise deep-copy and write code snippets for every event on every page load
        for fn in demo.fns.values():
            if fn.api_visibility == "public":
                fn.api_visibility = "undocumented"
    return demo, service

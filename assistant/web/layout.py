"""The page's components: the chat beside the plan's tabs, created inside the caller's gr.Blocks.
No behaviour here: the handlers are wired in chat_events, tab_events and session_events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.core.documents import DOCUMENT_KINDS
from assistant.web.views import FACT_HEADERS, ui

STORAGE_KEY = "plan-assistant-session"
QUICK = ("skip", "back", "show", "example", "help", "review")
EXPORTS = ("md", "docx", "pdf", "pptx", "hwpx", "json")


@dataclass
class Layout:
    """Every component a handler reads or updates."""

    browser: Any
    header: Any
    lang_radio: Any
    badge: Any
    chatbot: Any
    current: Any
    box: Any
    send: Any
    quick: dict[str, Any]
    progress: Any
    turn_marker: Any
    lang_marker: Any  # the language a chat command switched to: a change relabels the page
    tabs: dict[
        str, Any
    ]  # id -> tab: plan, sections, smart, measure, facts, personas, data, sessions
    plan_md: Any
    exports: dict[str, Any]
    download: Any
    proposal_pick: Any
    proposal_md: Any
    p_accept: Any
    p_edit: Any
    p_discard: Any
    checklist: Any
    scorecard: Any
    goal_pick: Any
    accept: Any
    measure: Any
    facts_hint: Any
    facts_table: Any
    facts_msg: Any
    personas: Any
    docs_upload: Any
    docs_msg: Any
    upload: Any
    upload_msg: Any
    fc_plot: Any
    budget_plot: Any
    cal_plot: Any
    actuals: Any
    tracking_md: Any
    tracking_plot: Any
    session_pick: Any
    new_btn: Any
    open_btn: Any
    del_btn: Any
    versions_md: Any

    @property
    def panel_outputs(self) -> list[Any]:
        """What every refresh of the plan's panels updates (Page.panels returns them in order)."""
        return [
            self.progress, self.plan_md, self.checklist, self.scorecard, self.goal_pick,
            self.measure, self.personas, self.facts_table, self.current, self.session_pick,
            self.turn_marker,
        ]  # fmt: skip

    @property
    def chat_outputs(self) -> list[Any]:
        return [
            self.box,
            self.chatbot,
            self.browser,
            self.download,
            *self.panel_outputs,
            self.lang_marker,
        ]

    @property
    def label_targets(self) -> list[Any]:
        """What a language change relabels (session_events.labels_for returns them in order)."""
        t = self.tabs
        return [
            self.header, self.badge, self.box, self.send, *self.quick.values(), t["plan"],
            t["sections"], t["smart"], t["measure"], t["personas"], t["data"], t["sessions"],
            self.accept, self.upload, self.session_pick, self.new_btn, self.open_btn,
            self.del_btn, self.goal_pick, self.checklist, self.actuals, self.download, t["facts"],
            self.facts_hint, self.docs_upload, self.proposal_pick, self.p_accept, self.p_edit,
            self.p_discard,
        ]  # fmt: skip


def build_layout(lang: str, badge_html: str) -> Layout:
    """The components, in the page's default language; call inside `with gr.Blocks()`."""
    c: dict[str, Any] = {}
    c["browser"] = gr.BrowserState({"session_id": None, "lang": lang}, storage_key=STORAGE_KEY)
    with gr.Row():
        c["header"] = gr.Markdown(f"## {ui('title', lang)}\n{ui('subtitle', lang)}")
        c["lang_radio"] = gr.Radio(
            [("English", "en"), ("한국어", "ko")], value=lang, label="Language / 언어",
            elem_id="lang-switch", scale=0, min_width=220,
        )  # fmt: skip
    c["badge"] = gr.HTML(badge_html, elem_id="mode-badge")
    with gr.Row(equal_height=False):
        with gr.Column(scale=5):
            _chat_column(c, lang)
        with gr.Column(scale=6):
            c["progress"] = gr.Markdown("", elem_id="progress")
            c["turn_marker"] = gr.Textbox("", visible="hidden", elem_id="turn-marker")
            c["lang_marker"] = gr.Textbox(lang, visible="hidden", elem_id="lang-marker")
            c["tabs"] = {}
            with gr.Tabs():
                _plan_tabs(c, lang)
                _data_tabs(c, lang)
    return Layout(**c)


def _chat_column(c: dict[str, Any], lang: str) -> None:
    c["chatbot"] = gr.Chatbot(
        label="Chat", show_label=False, height=520, elem_id="chat", buttons=["copy"],
        feedback_options=None,
        group_consecutive_messages=False,  # each reply is its own bubble
    )  # fmt: skip
    c["current"] = gr.Markdown("", elem_id="current-question")
    with gr.Row():
        c["box"] = gr.Textbox(
            placeholder=ui("placeholder", lang), label=ui("answer_label", lang), show_label=False,
            lines=1, max_lines=12,
            scale=5, elem_id="chat-input",
        )  # fmt: skip
        c["send"] = gr.Button(ui("send", lang), variant="primary", scale=1, elem_id="send")
    with gr.Row():
        c["quick"] = {
            key: gr.Button(ui(key, lang), size="sm", elem_id=f"quick-{key}") for key in QUICK
        }


def _plan_tabs(c: dict[str, Any], lang: str) -> None:
    tabs = c["tabs"]
    with gr.Tab(ui("tab_plan", lang), id="plan") as tabs["plan"]:
        c["plan_md"] = gr.Markdown("", elem_id="plan-view", sanitize_html=True, max_height=640)
        with gr.Row():
            c["exports"] = {
                fmt: gr.Button(f"⬇ {fmt.upper()}", size="sm", elem_id=f"export-{fmt}")
                for fmt in EXPORTS
            }
        c["download"] = gr.HTML("", elem_id="download")
    with gr.Tab(ui("tab_sections", lang), id="sections") as tabs["sections"]:
        # proposals (the documents' and the model's) wait here for a decision
        c["proposal_pick"] = gr.Dropdown(
            choices=[], label=ui("proposal_pick", lang), elem_id="proposal-pick"
        )
        c["proposal_md"] = gr.Markdown("", elem_id="proposal-text", sanitize_html=True)
        with gr.Row():
            c["p_accept"] = gr.Button(
                ui("proposal_accept", lang), elem_id="proposal-accept", variant="primary"
            )
            c["p_edit"] = gr.Button(ui("proposal_edit", lang), elem_id="proposal-edit")
            c["p_discard"] = gr.Button(ui("proposal_discard", lang), elem_id="proposal-discard")
        c["checklist"] = gr.Radio(choices=[], label=ui("checklist", lang), elem_id="checklist")
    with gr.Tab(ui("tab_smart", lang), id="smart") as tabs["smart"]:
        c["scorecard"] = gr.HTML("", elem_id="scorecard")
        with gr.Row():
            c["goal_pick"] = gr.Dropdown(
                choices=[], label=ui("goal_pick", lang), elem_id="goal-pick", scale=4
            )
            c["accept"] = gr.Button(ui("accept", lang), elem_id="accept-rewrite", scale=1)
    with gr.Tab(ui("tab_measure", lang), id="measure") as tabs["measure"]:
        c["measure"] = gr.HTML("", elem_id="measurement")
    with gr.Tab(ui("tab_facts", lang), id="facts") as tabs["facts"]:
        c["facts_hint"] = gr.Markdown(ui("facts_hint", lang), elem_id="facts-hint")
        c["facts_table"] = gr.Dataframe(
            value=[], headers=FACT_HEADERS["ko" if lang == "ko" else "en"], interactive=True,
            static_columns=[0, 2, 3, 4, 5], wrap=True, elem_id="facts",
            column_widths=["22%", "14%", "9%", "8%", "11%", "36%"],
        )  # fmt: skip
        c["facts_msg"] = gr.Markdown("", elem_id="facts-msg")
    with gr.Tab(ui("tab_personas", lang), id="personas") as tabs["personas"]:
        c["personas"] = gr.Markdown("", elem_id="personas", sanitize_html=True)


def _data_tabs(c: dict[str, Any], lang: str) -> None:
    tabs = c["tabs"]
    with gr.Tab(ui("tab_data", lang), id="data") as tabs["data"]:
        c["docs_upload"] = gr.File(
            label=ui("docs_upload", lang), file_count="multiple",
            file_types=list(DOCUMENT_KINDS), elem_id="docs-upload",
        )  # fmt: skip
        c["docs_msg"] = gr.Markdown("", elem_id="docs-msg")
        c["upload"] = gr.File(
            label=ui("upload", lang), file_types=[".csv", ".xlsx"], elem_id="upload"
        )
        c["upload_msg"] = gr.Markdown("")
        c["fc_plot"] = gr.Plot(label="Forecast")
        c["budget_plot"] = gr.Plot(label="Budget")
        c["cal_plot"] = gr.Plot(label="Calendar")
        c["actuals"] = gr.File(
            label=ui("actuals", lang), file_types=[".csv", ".xlsx"], elem_id="actuals"
        )
        c["tracking_md"] = gr.Markdown("", elem_id="tracking", sanitize_html=True)
        c["tracking_plot"] = gr.Plot(label="Tracking")
    with gr.Tab(ui("tab_sessions", lang), id="sessions") as tabs["sessions"]:
        c["session_pick"] = gr.Dropdown(
            choices=[], label=ui("sessions", lang), elem_id="session-pick"
        )
        with gr.Row():
            c["new_btn"] = gr.Button(ui("new", lang), elem_id="new-plan")
            c["open_btn"] = gr.Button(ui("open", lang), elem_id="open-plan")
            c["del_btn"] = gr.Button(ui("delete", lang), variant="stop", elem_id="delete-plan")
        c["versions_md"] = gr.Markdown("", elem_id="versions", sanitize_html=True)

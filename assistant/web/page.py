"""What every handler of the page shares: the caller's owner identity, the plan the browser is on
(checked against that owner on the server), the panels refreshed after each change, and what each
page already shows (so nothing unchanged is sent again)."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import gradio as gr

from assistant.core.errors import AssistantError, RateLimited
from assistant.core.plan import Plan
from assistant.core.settings import Settings
from assistant.interview.engine import InterviewState
from assistant.service import PlanService
from assistant.web.charts import budget_figure, calendar_figure, forecast_figure
from assistant.web.views import (
    FACT_HEADERS,
    checklist_choices,
    fact_rows,
    goal_choices,
    measurement_html,
    personas_view,
    progress_text,
    safe_markdown,
    scorecard_html,
    ui,
)
from assistant.web.views import download_link as _link

MAX_SHOWN = 20_000  # characters of a message shown back (the turn itself enforces its own limit)
MAX_HISTORY = 200
_MAX_SENT = 50_000  # remembered (page, panel) digests: bounded memory
_MAX_RENDERED = 200  # rendered plan views kept (the plans being worked on)


def current_question(state: InterviewState, lang: str) -> str:
    """The question being asked, shown highlighted under the chat."""
    if state.cursor is None:
        return f"**{ui('current', lang)}:** —"
    from assistant.core.catalogue import get_section, interview_order

    spec = get_section(state.cursor)
    n = interview_order(state.plan.plan_type).index(state.cursor) + 1
    return (
        f"**{ui('current', lang)} [{n}]:** {spec.title.get(lang)} — {spec.questions.get(lang)[0]}"
    )


def tab_of(request: gr.Request | None) -> str:
    """The browser page a request comes from (gradio's session hash; '' when unknown)."""
    return str(getattr(request, "session_hash", "") or "")


class Page:
    """The server side of the page: every handler checks the plan against the caller's owner."""

    def __init__(self, settings: Settings, service: PlanService, secret: bytes = b"") -> None:
        from assistant.web.owner import Throttle

        self.settings = settings
        self.service = service
        self.secret = secret
        self.default_lang = settings.default_language
        self.new_plans_by_address = Throttle(
            service.store, "new_plan_address", settings.max_new_plans_per_hour * 4
        )
        self.sent: OrderedDict[tuple[str, str], str] = OrderedDict()  # what each page shows
        self.rendered: OrderedDict[tuple[str, int], str] = OrderedDict()  # by plan version
        # turns run on these threads while the handler streams the reply: a pool, not a thread per
        # turn, so each keeps its store connection (a new thread opened a new SQLite connection);
        # one per concurrent turn, so a turn never waits for a free worker
        self.workers = ThreadPoolExecutor(
            max_workers=settings.concurrency, thread_name_prefix="turn"
        )

    # ----- who is asking, and which plan ----------------------------------------------------
    def owner_of(self, request: gr.Request | None) -> str:
        from assistant.web.owner import owner_from

        cookies = dict(getattr(request, "cookies", None) or {}) if request is not None else {}
        owner = owner_from(cookies, getattr(request, "username", None), self.secret)
        if owner is None:
            raise AssistantError("Your browser session is not recognised: reload the page.",
                                 "브라우저 세션을 확인할 수 없습니다. 페이지를 새로 고치세요.")  # fmt: skip
        return owner

    def ensure_session(
        self, state: dict[str, Any], request: gr.Request | None
    ) -> tuple[dict[str, Any], str, str]:
        """(state, plan id, owner): the browser's plan if it belongs to the caller, else the
        caller's latest plan, else a new one. A plan id from the browser is never trusted."""
        owner = self.owner_of(request)
        sent = state if isinstance(state, dict) else {}
        lang = sent.get("lang") if sent.get("lang") in ("ko", "en") else self.default_lang
        section = sent.get("section") if isinstance(sent.get("section"), str) else None
        sid = sent.get("session_id") if isinstance(sent.get("session_id"), str) else None
        if not self.service.owns(sid, owner):
            mine = [s for s in self.service.sessions(owner) if not s.damaged]
            try:
                sid = mine[0].id if mine else self.create_plan(owner, str(lang), request)
            except AssistantError as exc:  # e.g. the new-plan limit: say so, not a blank error
                raise gr.Error(exc.message(str(lang)), duration=None) from exc
        # only the keys the app uses go back to the browser (nothing else it sent is echoed)
        state = {"session_id": sid, "lang": lang, "section": section}
        return state, str(sid), owner

    def create_plan(self, owner: str, lang: str, request: gr.Request | None) -> str:
        """A new plan, limited per owner (in the service) and per client address (here), so
        throwing the cookie away is not a way round the limit."""
        address = getattr(getattr(request, "client", None), "host", "") or ""
        if not self.new_plans_by_address.allow(address):
            raise RateLimited(
                "Too many new plans from this address in the last hour. Try again later.",
                "이 주소에서 지난 한 시간 동안 새 계획을 너무 많이 만들었습니다. 잠시 후 다시 시도하세요.",
            )
        return self.service.new_session("", lang, owner=owner)[0]

    # ----- what the page shows ----------------------------------------------------------------
    def history(self, session_id: str) -> list[dict[str, str]]:
        turns = self.service.store.turns(session_id)[-MAX_HISTORY:]
        return [
            {"role": "user" if t.role == "user" else "assistant", "content": safe_markdown(t.text)}
            for t in turns
            if not t.text.startswith("[")
        ]

    def unchanged(self, page: str, name: str, content: object) -> bool:
        """True when this page already shows `content` for `name` (then nothing is re-sent:
        gradio rebuilds a component for every property update, the main cost of a turn)."""
        digest = hashlib.sha1(
            json.dumps(content, default=str, ensure_ascii=False).encode()
        ).hexdigest()
        key = (page, name)
        same = bool(page) and self.sent.get(key) == digest
        self.sent[key] = digest
        self.sent.move_to_end(key)
        while len(self.sent) > _MAX_SENT:
            self.sent.popitem(last=False)
        return same

    def choices(self, page: str, name: str, options: list[Any], value: Any) -> Any:
        if self.unchanged(page, name, options):
            return value
        return gr.update(choices=options, value=value)

    def charts(self, sid: str, owner: str, lang: str) -> list[Any]:
        """The Forecast tab's charts in the interface language, built when the tab is opened or
        data is uploaded (not on every turn: plotly figures are the most expensive output)."""
        plan = self.service.plan(sid, owner)
        return [forecast_figure(plan, lang), budget_figure(plan, lang), calendar_figure(plan, lang)]

    def panels(
        self, sid: str, lang: str, owner: str, request: gr.Request | None = None
    ) -> list[Any]:
        """Every caller has just checked `sid` against `owner` (ensure_session); the values
        follow Layout.panel_outputs. Every refresh is remembered for the caller's page (its
        session hash), so an unchanged panel is skipped only when that page already shows it."""
        page = tab_of(request)
        state, version = self.service.store.load_versioned(sid)  # one load per refresh
        plan = state.plan
        building = getattr(self.service.qa, "building", lambda: "")()
        note = f" · {ui('index_building', lang, done=building)}" if building else ""
        return [
            self.fresh(page, "progress", progress_text(plan, lang) + note),
            self.fresh(page, "plan", self.plan_view(sid, version, plan)),
            self.choices(page, "checklist", checklist_choices(plan), state.cursor),
            self.fresh(page, "scorecard", scorecard_html(plan, lang)),
            self.choices(page, "goals", goal_choices(plan), None),
            self.fresh(page, "measurement", measurement_html(plan, lang)),
            self.fresh(page, "personas", safe_markdown(personas_view(plan, lang))),
            self.facts_value(page, plan, lang),
            self.fresh(page, "question", current_question(state, lang)),
            self.choices(page, "plans", self.session_choices(owner, sid), sid),
            f"{sid}:{self.service.store.turn_count(sid)}",
        ]  # fmt: skip

    def fresh(self, page: str, name: str, value: str) -> Any:
        """The panel's value, or gr.skip() when this page already shows it."""
        return gr.skip() if self.unchanged(page, name, value) else value

    def plan_view(self, sid: str, version: int, plan: Plan) -> str:
        """The plan as the Plan tab shows it, rendered once per saved version of the plan."""
        key = (sid, version)
        view = self.rendered.get(key)
        if view is None:
            from assistant.interview.render import plan_markdown

            view = safe_markdown(plan_markdown(plan))
            self.rendered[key] = view
            while len(self.rendered) > _MAX_RENDERED:
                self.rendered.popitem(last=False)
        return view

    def facts_value(self, page: str, plan: Plan, lang: str) -> Any:
        rows = fact_rows(plan, lang)
        if self.unchanged(page, "facts", rows):
            return gr.skip()
        return gr.update(value=rows, headers=FACT_HEADERS["ko" if lang == "ko" else "en"])

    def session_choices(self, owner: str, current: str) -> list[tuple[str, str]]:
        """This owner's plans by company and date; untouched welcome-only plans are left out."""
        return [
            (
                f"{s.company or ui('untitled', self.default_lang)} · {s.created[:10]}"
                + (" ⚠" if s.damaged else ""),
                s.id,
            )
            for s in self.service.sessions(owner)
            if s.id == current or s.done or s.company or s.user_turns
        ]

    def download_link(self, sid: str, fmt: str) -> str:
        """A link to the owner-checked download route (exports are not public files)."""
        name = self.service.export_path(sid, fmt).name
        return _link(f"/download/{sid}/{name}", name)

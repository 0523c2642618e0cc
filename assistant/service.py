"""The application service both front ends call: sessions, turns, exports. No UI code here."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from assistant.analysis.tracking import Tracking
from assistant.core.errors import AssistantError
from assistant.core.plan import Plan
from assistant.core.settings import Settings
from assistant.core.ui_text import t
from assistant.export import write_export
from assistant.interview.engine import (
    InterviewEngine,
    InterviewState,
    LLMHelper,
    QAAnswer,
    QuestionAnswerer,
    Reply,
)
from assistant.store import SessionInfo, SessionStore, Turn

log = logging.getLogger(__name__)


class PlanService:
    def __init__(
        self, settings: Settings, qa: QuestionAnswerer | None = None, llm: LLMHelper | None = None
    ) -> None:
        self.settings = settings
        self.store = SessionStore(settings.sessions_db)
        self.qa = qa
        self.llm = llm

    def mode_label(self, lang: str = "en") -> str:
        return self.settings.mode_label(lang)

    def _engine(self, state: InterviewState, session_id: str | None = None) -> InterviewEngine:
        engine = InterviewEngine(
            state,
            qa=self.qa,
            mode_label=self.settings.short_mode_label(state.plan.language),
            llm=self.llm,
        )
        if session_id and self.llm is not None:
            engine.turns = [(t.role, t.text) for t in self.store.turns(session_id)[-8:]]
        return engine

    # ----- sessions -------------------------------------------------------------------------
    def new_session(
        self, company: str = "", language: str = "en", plan_type: str = "integrated"
    ) -> tuple[str, Reply]:
        state = InterviewState(plan=Plan.new(company, language, plan_type))
        engine = self._engine(state)
        reply = engine.start()
        session_id = self.store.create(state)
        self.store.save(session_id, state, reply.text)
        return session_id, reply

    def resume(self, session_id: str) -> Reply:
        state = self.store.load(session_id)
        reply = self._engine(state).start()
        self.store.save(session_id, state)
        return reply

    def sessions(self) -> list[SessionInfo]:
        return self.store.list()

    def delete(self, session_id: str) -> None:
        self.store.delete(session_id)

    def history(self, session_id: str) -> list[Turn]:
        return self.store.turns(session_id)

    def plan(self, session_id: str) -> Plan:
        return self.store.load(session_id).plan

    def state(self, session_id: str) -> InterviewState:
        return self.store.load(session_id)

    # ----- one turn ---------------------------------------------------------------------------
    def turn(
        self, session_id: str, text: str, on_token: Callable[[str], None] | None = None
    ) -> Reply:
        """Save what the user typed first, then handle it, then save state + reply together.
        A message over the size limit is refused before it is stored; only its first part is kept."""
        from assistant.interview.engine import MAX_ANSWER_CHARS

        if len(text) > MAX_ANSWER_CHARS:
            self.store.add_turn(session_id, "user", text[:MAX_ANSWER_CHARS] + " […]")
            state = self.store.load(session_id)
            lang = state.plan.language
            reply = Reply(
                text=t("too_long", lang, n=len(text), limit=MAX_ANSWER_CHARS),
                kind="error",
                section=state.cursor,
            )
            self.store.save(session_id, state, reply.text)
            return reply
        self.store.add_turn(session_id, "user", text)
        state = self.store.load(session_id)
        lang = state.plan.language
        try:
            engine = self._engine(state, session_id)
            engine.on_token = on_token
            reply = engine.handle(text)
        except AssistantError as exc:
            reply = Reply(text=exc.message(lang), kind="error", section=state.cursor)
        except Exception as exc:  # a bug must not lose the user's work or show a traceback
            log.exception("turn failed")
            reply = Reply(
                text=t("error", lang, detail=type(exc).__name__), kind="error", section=state.cursor
            )
            self.store.save(session_id, self.store.load(session_id), reply.text)
            return reply
        self.store.save(session_id, state, reply.text)
        return reply

    # ----- exports ----------------------------------------------------------------------------
    def export_path(self, session_id: str, fmt: str) -> Path:
        plan = self.plan(session_id)
        # safe on every file system: word characters only, at most 40 of them
        stem = re.sub(r"[^\w\-]+", "-", plan.company).strip("-").lower()[:40].strip("-") or "plan"
        return (
            self.settings.data_dir / "exports" / f"{stem}-{session_id}-{date.today():%Y%m%d}.{fmt}"
        )

    def export(self, session_id: str, fmt: str, path: Path | None = None) -> Path:
        return write_export(self.plan(session_id), fmt, path or self.export_path(session_id, fmt))

    # ----- actions from the web app's plan panel ----------------------------------------------
    def apply_rewrite(self, session_id: str, goal_index: int) -> Reply:
        """Replace a goal with its suggested rewrite (the scorecard's accept action)."""
        from assistant.interview.plan_update import replace_goal
        from assistant.interview.render import smart_marks

        state = self.store.load(session_id)
        lang = state.plan.language
        if not 0 <= goal_index < len(state.plan.goals):
            return Reply(text=t("nothing_pending", lang), kind="error", section=state.cursor)
        self.store.add_turn(session_id, "user", f"[accept rewrite of goal {goal_index + 1}]")
        goal = replace_goal(state.plan, goal_index, state.plan.goals[goal_index].suggestion)
        if goal_index in state.pending:
            state.pending.remove(goal_index)
        reply = Reply(
            text=f"{t('accepted', lang, n=goal_index + 1)} **{smart_marks(goal)}**",
            section=state.cursor,
        )
        self.store.save(session_id, state, reply.text)
        return reply

    def attach_history(self, session_id: str, path: Path, column: str | None = None) -> str:
        """Forecast from an uploaded sales history; returns the chosen model's name."""
        from assistant.interview.forecast_attach import attach_forecast

        state = self.store.load(session_id)
        self.store.add_turn(session_id, "user", f"[uploaded sales history {path.name}]")
        result = attach_forecast(state.plan, path, column)
        self.store.save(session_id, state, f"[forecast: {result.model}]")
        return result.model

    def track(self, session_id: str, path: Path) -> Tracking:
        """Actuals against this plan's goals (nothing in the plan changes)."""
        from assistant.analysis.tracking import track
        from assistant.retrieval.knowledge import guidance

        self.store.add_turn(session_id, "user", f"[uploaded actuals {path.name}]")
        return track(self.plan(session_id), path, guidance(self.settings.knowledge_dir))


MAX_QUESTION_CHARS = 2_000


def ask(service: PlanService, question: str, lang: str) -> QAAnswer:
    """Answer one question exactly as the chat would, on a throwaway plan: nothing is stored."""
    if service.qa is None:
        return QAAnswer(text=t("qa_none", lang))
    plan = Plan.new(language=lang)
    answer = service.qa(question, lang, plan=plan)
    return answer if answer is not None else QAAnswer(text=t("qa_none", lang))


def build_service(settings: Settings) -> PlanService:
    """The service for this configuration: offline, or with the model when one is configured."""
    from assistant.retrieval.qa import build_answerer

    llm = build_llm(settings) if settings.llm_enabled else None
    return PlanService(settings, qa=build_answerer(settings, llm), llm=llm)


def build_llm(settings: Settings) -> LLMHelper:
    from assistant.llm.assist import LLMAssist
    from assistant.llm.context import Passage
    from assistant.llm.tasks import PlanLLM
    from assistant.retrieval.index import KnowledgeIndex

    holder: dict[str, KnowledgeIndex] = {}

    def retrieve(query: str, lang: str) -> list[Passage]:
        if "index" not in holder:
            holder["index"] = KnowledgeIndex(settings)
        return [
            Passage(source=r.source, heading=r.heading, text=r.text)
            for r in holder["index"].search(query, k=3, lang=lang)
        ]

    return LLMAssist(PlanLLM(settings, retrieve=retrieve))

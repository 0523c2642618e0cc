"""The application service both front ends call: sessions, turns, exports. No UI code here."""

from __future__ import annotations

import contextlib
import logging
import random
import re
import threading
import time
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from assistant.analysis.tracking import Tracking
from assistant.core.errors import AssistantError, RateLimited, SessionNotFound
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
from assistant.store import Conflict, SessionInfo, SessionStore, Turn, open_store
from assistant.store.base import VersionInfo

log = logging.getLogger(__name__)


_LOCKS = [threading.Lock() for _ in range(64)]  # per-plan turn locks, striped (bounded memory)
MAX_TURN_ATTEMPTS = 10


def _lock(session_id: str) -> threading.Lock:
    return _LOCKS[zlib.crc32(session_id.encode()) % len(_LOCKS)]


class PlanService:
    """Sessions, turns and exports. `owner` (None = the local CLI user, who sees every plan) is
    checked on every call that names a plan: another owner's plan is 'not found'."""

    def __init__(
        self, settings: Settings, qa: QuestionAnswerer | None = None, llm: LLMHelper | None = None
    ) -> None:
        self.settings = settings
        self.store: SessionStore = open_store(settings)
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

    # ----- ownership --------------------------------------------------------------------------
    def owns(self, session_id: str | None, owner: str | None) -> bool:
        if not session_id:
            return False
        info = self.store.info(session_id)
        return info is not None and (owner is None or info.owner == owner)

    def _check(self, session_id: str, owner: str | None) -> None:
        if owner is not None and not self.owns(session_id, owner):
            raise SessionNotFound(
                f"No saved plan with id '{session_id}'.", f"'{session_id}' 계획을 찾을 수 없습니다."
            )

    # ----- sessions -------------------------------------------------------------------------
    def new_session(
        self,
        company: str = "",
        language: str = "en",
        plan_type: str = "integrated",
        owner: str | None = None,
    ) -> tuple[str, Reply]:
        if owner is not None:
            since = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
            if self.store.created_since(owner, since) >= self.settings.max_new_plans_per_hour:
                raise RateLimited(
                    "Too many new plans in the last hour. Open one of your saved plans, or try again later.",
                    "지난 한 시간 동안 새 계획을 너무 많이 만들었습니다. 저장된 계획을 열거나 잠시 후 다시 시도하세요.",
                )
        state = InterviewState(plan=Plan.new(company, language, plan_type))
        engine = self._engine(state)
        reply = engine.start()
        session_id = self.store.create(state, owner or "")
        self.store.save(session_id, state, reply.text)
        return session_id, reply

    def resume(self, session_id: str, owner: str | None = None) -> Reply:
        self._check(session_id, owner)
        with _lock(session_id):
            state, version = self.store.load_versioned(session_id)
            reply = self._engine(state).start()
            with contextlib.suppress(Conflict):  # someone saved first: theirs is the newer state
                self.store.save(session_id, state, expected_version=version)
        return reply

    def set_language(self, session_id: str, lang: str, owner: str | None = None) -> None:
        """Switch an untouched plan (nothing answered yet) to `lang` and re-write its welcome, with
        no chat message the user did not type; a plan with answers keeps its language."""
        self._check(session_id, owner)
        with _lock(session_id):
            state, version = self.store.load_versioned(session_id)
            if state.plan.language == lang or state.plan.progress()[0] > 0:
                return
            if any(t.role == "user" for t in self.store.turns(session_id)):
                return
            state.plan.language = "ko" if lang == "ko" else "en"
            state.started = False  # an untouched plan gets the welcome again, not "welcome back"
            reply = self._engine(state).start()
            self.store.clear_turns(session_id)
            self.store.save(session_id, state, reply.text, expected_version=version)

    def sessions(self, owner: str | None = None) -> list[SessionInfo]:
        return self.store.list(owner)

    def delete(self, session_id: str, owner: str | None = None) -> None:
        """Delete a plan, its turns and every export written for it."""
        self._check(session_id, owner)
        with contextlib.suppress(Exception):  # the plan goes even if its index can't be opened
            from assistant.service.documents import drop_documents

            drop_documents(self.settings, self.store.load(session_id).plan)
        self.store.delete(session_id)
        exports = self.settings.data_dir / "exports"
        if exports.is_dir():
            for path in exports.glob(f"*-{session_id}-*"):
                path.unlink(missing_ok=True)

    def history(self, session_id: str, owner: str | None = None) -> list[Turn]:
        self._check(session_id, owner)
        return self.store.turns(session_id)

    def plan(self, session_id: str, owner: str | None = None) -> Plan:
        self._check(session_id, owner)
        return self.store.load(session_id).plan

    def state(self, session_id: str, owner: str | None = None) -> InterviewState:
        self._check(session_id, owner)
        return self.store.load(session_id)

    # ----- one turn ---------------------------------------------------------------------------
    def turn(
        self,
        session_id: str,
        text: str,
        on_token: Callable[[str], None] | None = None,
        owner: str | None = None,
        section: str | None = None,
    ) -> Reply:
        """Save what the user typed first, then handle it, then save state + reply together.
        A message over the size limit is refused before it is stored; only its first part is kept.
        `section` is the question the user was looking at: the answer lands there even when
        another tab moved the plan on. Concurrent turns on one plan are serialised in this
        process and compare-and-swap across processes (the loser re-runs on the newer plan)."""
        from assistant.interview.engine import MAX_ANSWER_CHARS

        self._check(session_id, owner)
        if len(text) > MAX_ANSWER_CHARS:
            self.store.add_turn(session_id, "user", text[:MAX_ANSWER_CHARS] + " […]")
            state = self.store.load(session_id)
            reply = Reply(
                text=t("too_long", state.plan.language, n=len(text), limit=MAX_ANSWER_CHARS),
                kind="error",
                section=state.cursor,
            )
            self.store.add_turn(session_id, "assistant", reply.text)
            return reply
        self.store.add_turn(session_id, "user", text)
        with _lock(session_id):
            for attempt in range(MAX_TURN_ATTEMPTS):
                state, version = self.store.load_versioned(session_id)
                if section and section in state.plan.sections and section != state.cursor:
                    state.cursor = section
                reply, state = self._handle(
                    state, session_id, text, on_token if attempt == 0 else None
                )
                try:
                    self.store.save(session_id, state, reply.text, expected_version=version)
                    return reply
                except Conflict as exc:
                    if attempt == MAX_TURN_ATTEMPTS - 1:
                        lang = state.plan.language
                        return Reply(text=exc.message(lang), kind="error", section=state.cursor)
                    # another process saved first: wait a little (jittered) and re-run on its plan
                    time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise AssertionError("unreachable")

    def _handle(
        self,
        state: InterviewState,
        session_id: str,
        text: str,
        on_token: Callable[[str], None] | None,
    ) -> tuple[Reply, InterviewState]:
        """The reply and the state to save (the state as loaded when a bug stopped the turn)."""
        lang = state.plan.language
        try:
            from assistant.interview.versions import parse_version_command

            command = parse_version_command(text)
            if command is not None:  # versions, diff N M, restore N: the store keeps them
                from assistant.service.versions import version_command

                return version_command(self.store, state, session_id, *command), state
            engine = self._engine(state, session_id)
            engine.on_token = on_token
            return engine.handle(text), state
        except AssistantError as exc:
            return Reply(text=exc.message(lang), kind="error", section=state.cursor), state
        except Exception as exc:  # a bug must not lose the user's work or show a traceback
            log.exception("turn failed")
            fresh = self.store.load(session_id)
            reply = Reply(
                text=t("error", lang, detail=type(exc).__name__), kind="error", section=fresh.cursor
            )
            return reply, fresh

    # ----- versions ---------------------------------------------------------------------------
    def versions(self, session_id: str, owner: str | None = None) -> list[VersionInfo]:
        self._check(session_id, owner)
        return self.store.versions(session_id)

    # ----- documents --------------------------------------------------------------------------
    def upload_documents(
        self, session_id: str, files: list[tuple[Path, str]], owner: str | None = None
    ) -> Reply:
        """The user's own documents (path, file name as uploaded): read, indexed in the plan's
        private collection, facts put on the sheet and proposals made; the reply says what."""
        from assistant.service.documents import upload_documents

        self._check(session_id, owner)
        with _lock(session_id):
            return upload_documents(self, session_id, files)

    # ----- exports ----------------------------------------------------------------------------
    def export_path(self, session_id: str, fmt: str) -> Path:
        plan = self.store.load(session_id).plan
        # safe on every file system: word characters only, at most 40 of them
        stem = re.sub(r"[^\w\-]+", "-", plan.company).strip("-").lower()[:40].strip("-") or "plan"
        return (
            self.settings.data_dir / "exports" / f"{stem}-{session_id}-{date.today():%Y%m%d}.{fmt}"
        )

    def export(
        self, session_id: str, fmt: str, path: Path | None = None, owner: str | None = None
    ) -> Path:
        self._check(session_id, owner)
        return write_export(
            self.store.load(session_id).plan,
            fmt,
            path or self.export_path(session_id, fmt),
            self.settings.pdf_page_size,
        )

    # ----- actions from the web app's plan panel ----------------------------------------------
    def apply_rewrite(self, session_id: str, goal_index: int, owner: str | None = None) -> Reply:
        """Replace a goal with its suggested rewrite (the scorecard's accept action)."""
        from assistant.goals.smart_rewrite import blanks
        from assistant.interview.plan_update import replace_goal
        from assistant.interview.render import smart_marks

        self._check(session_id, owner)
        with _lock(session_id):
            state, version = self.store.load_versioned(session_id)
            lang = state.plan.language
            if not 0 <= goal_index < len(state.plan.goals):
                return Reply(text=t("nothing_pending", lang), kind="error", section=state.cursor)
            self.store.add_turn(session_id, "user", f"[accept rewrite of goal {goal_index + 1}]")
            current = state.plan.goals[goal_index]
            n = state.plan.goal_number(current)
            missing = blanks(current.suggestion)
            if missing:
                # a rewrite with blanks is not accepted: the next typed goal replaces only this one
                state.pending = [goal_index, *(i for i in state.pending if i != goal_index)]
                reply = Reply(
                    text=t("needs_blanks", lang, n=n, names=", ".join(missing)),
                    section=state.cursor,
                )
            else:
                goal = replace_goal(state.plan, goal_index, current.suggestion)
                if goal_index in state.pending:
                    state.pending.remove(goal_index)
                reply = Reply(
                    text=f"{t('accepted', lang, n=n)} **{smart_marks(goal, lang=lang)}**",
                    section=state.cursor,
                )
            self.store.save(session_id, state, reply.text, expected_version=version)
        return reply

    def edit_fact(self, session_id: str, fact_id: str, raw: str, owner: str | None = None) -> Reply:
        """A value typed in the Facts tab: saved as a user fact (the analysis is recomputed), or a
        message saying what kind of value the fact takes. The edit is kept in the chat."""
        from assistant.core.fact_sheet import fact_label
        from assistant.interview.fact_fix import apply_fact_fix, value_fix

        self._check(session_id, owner)
        raw = raw.strip()[:200]
        with _lock(session_id):
            state, version = self.store.load_versioned(session_id)
            lang = state.plan.language
            label = fact_label(fact_id, lang)
            self.store.add_turn(session_id, "user", f"{label}: {raw}")
            fix = value_fix(state.plan, fact_id, raw, f"{label}: {raw}")
            if fix is None:
                reply = Reply(text=t("fact_not_read", lang, label=label, value=raw), kind="error",
                              section=state.cursor)  # fmt: skip
            else:
                reply = Reply(text=apply_fact_fix(state.plan, fix), section=state.cursor)
            self.store.save(session_id, state, reply.text, expected_version=version)
        return reply

    def attach_history(
        self, session_id: str, path: Path, column: str | None = None, owner: str | None = None
    ) -> Reply:
        """Forecast from an uploaded sales history. The reply (saved in the chat) says what was
        read, the model chosen and the next step; the forecast section counts as filled."""
        from assistant.interview.forecast_attach import attach_forecast

        self._check(session_id, owner)
        with _lock(session_id):
            state, version = self.store.load_versioned(session_id)
            self.store.add_turn(session_id, "user", f"[uploaded sales history {path.name}]")
            result = attach_forecast(state.plan, path, column)
            lang = state.plan.language
            f = state.plan.forecast
            periods = (
                len(next((s.values for s in f.series if s.column == f.column), [])) if f else 0
            )
            mae = f"{result.holdout_mae:,.0f}" if result.holdout_mae is not None else "-"
            from assistant.analysis.forecast_plan import frequency_label, model_label

            note = t("upload_read", lang, name=path.name, n=periods, column=result.column,
                     frequency=frequency_label(result.frequency, lang),
                     model=model_label(result.model, lang), mae=mae,
                     horizon=len(result.forecast))  # fmt: skip
            reply = self._engine(state).data_filled("sales_forecast", note)
            self.store.save(session_id, state, reply.text, expected_version=version)
        return reply

    def track(self, session_id: str, path: Path, owner: str | None = None) -> Tracking:
        """Actuals against this plan's goals (nothing in the plan changes)."""
        from assistant.analysis.tracking import track
        from assistant.retrieval.knowledge import guidance

        self._check(session_id, owner)
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

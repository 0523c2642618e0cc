"""The interview engine: a state machine over the plan's sections, one question at a time.

Pure core: it reads and changes an `InterviewState` and returns a `Reply`; front ends (CLI, web)
persist the state and perform side effects such as exports.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from assistant.catalogue import find_section, get_section, interview_order
from assistant.commands import Command, help_lines, parse_command, parse_request
from assistant.errors import AssistantError
from assistant.lang import detect_language
from assistant.plan import CRITERIA, Plan, Source
from assistant.plan_update import (
    GOAL_SECTIONS,
    SUMMARY_SECTIONS,
    GoalChecker,
    apply_answer,
    default_checker,
    replace_goal,
    start_summary,
)
from assistant.render import (
    labels,
    messaging_markdown,
    personas_markdown,
    plan_markdown,
    smart_marks,
)
from assistant.ui_text import t

MAX_ANSWER_CHARS = 20_000


class QAAnswer(BaseModel):
    text: str
    sources: list[Source] = Field(default_factory=list)
    notice: str = ""  # e.g. the model failed and the offline answer is shown


class QuestionAnswerer(Protocol):
    def __call__(
        self,
        question: str,
        lang: str,
        plan: Plan | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> QAAnswer | None: ...


class LLMHelper(Protocol):
    """The LLM path (assistant.llm_assist.LLMAssist); every method may raise LLMError."""

    def enrich(
        self,
        plan: Plan,
        section_id: str,
        answer: str,
        lang: str,
        turns: list[tuple[str, str]] | None = None,
    ) -> list[int] | None: ...
    def followup(self, plan: Plan, section_id: str, answer: str, lang: str) -> str: ...
    def summary(self, plan: Plan, section_id: str, lang: str) -> None: ...
    def personas(self, plan: Plan, lang: str, focus: str = "") -> None: ...
    def messaging(self, plan: Plan, lang: str, focus: str = "") -> None: ...
    def checker(self, plan: Plan) -> GoalChecker: ...


class InterviewState(BaseModel):
    """Everything needed to resume an interview: the plan plus where we are in it."""

    plan: Plan
    cursor: str | None = None
    pending: list[int] = Field(default_factory=list)
    started: bool = False
    followed_up: list[str] = Field(default_factory=list)  # sections that had their one follow-up
    awaiting_followup: str | None = None


class Reply(BaseModel):
    text: str
    kind: Literal["question", "info", "error", "answer", "done"] = "info"
    section: str | None = None
    sources: list[Source] = Field(default_factory=list)
    export: str | None = None  # "md" | "docx" | "json" when the user asked for an export
    new_plan: bool = False
    mode: Literal["offline", "llm"] = "offline"


_QUESTION_START_EN = re.compile(
    r"^(?:how|what|what's|why|which|when|where|who|can|could|should|do|does|is|are|explain|tell me|define)\b",
    re.I,
)
_QUESTION_END_KO = re.compile(
    r"(?:나요|까요|가요|뭐예요|뭔가요|뭐야|무엇인가요|인가요|어떻게 해요|알려\s*줘|알려\s*주세요|설명해\s*줘|설명해\s*주세요|궁금해요|궁금합니다)[.!]?$"
)


def is_question(text: str) -> bool:
    """A short message that asks something, rather than answers the current question."""
    s = text.strip()
    if len(s) > 300 or "\n" in s:
        return False
    if s.endswith(("?", "？")):
        return True
    return bool(_QUESTION_END_KO.search(s)) or (
        bool(_QUESTION_START_EN.match(s))
        and len(s.split()) <= 12
        and s.lower().startswith(("how do", "how to", "what is", "what are", "explain", "tell me"))
    )


class InterviewEngine:
    def __init__(
        self,
        state: InterviewState,
        qa: QuestionAnswerer | None = None,
        checker: GoalChecker = default_checker,
        mode_label: str = "offline guided mode",
        llm: LLMHelper | None = None,
    ) -> None:
        self.state = state
        self.qa = qa
        self.llm = llm
        self.rule_checker = checker  # the offline baseline of every answer: no model calls
        self.checker = llm.checker(state.plan) if llm is not None else checker
        self.mode_label = mode_label
        self.on_token: Callable[[str], None] | None = None
        self.turns: list[tuple[str, str]] = []

    @property
    def plan(self) -> Plan:
        return self.state.plan

    @property
    def order(self) -> list[str]:
        return interview_order(self.plan.plan_type)

    # ----- entry points -------------------------------------------------------------------
    def start(self) -> Reply:
        """The greeting (new or resumed) and the current question."""
        lang = self.plan.language
        if not self.state.started:
            self.state.started = True
            self.state.cursor = self._next_open(None)
            kind = t(f"kind_{self.plan.plan_type}", lang)
            intro = t("welcome", lang, mode=self.mode_label, kind=kind)
        else:
            done, total = self.plan.progress()
            company = f" ({self.plan.company})" if self.plan.company else ""
            intro = t("resume", lang, company=company, done=done, total=total)
        return self._with_question(intro, lang)

    def handle(self, text: str) -> Reply:
        """One user message -> one reply. Never raises for bad input."""
        if not self.state.started:
            self.start()
        lang = detect_language(text, self.plan.language)
        stripped = text.strip()
        if not stripped:
            return Reply(text=t("empty", lang), kind="error", section=self.state.cursor)
        if len(stripped) > MAX_ANSWER_CHARS:
            return Reply(
                text=t("too_long", lang, n=len(stripped), limit=MAX_ANSWER_CHARS),
                kind="error",
                section=self.state.cursor,
            )
        command = parse_command(stripped)
        if command is not None:
            return self._command(command, lang)
        request = parse_request(stripped)
        if request is not None:
            return self._request(request[0], request[1], lang)
        if is_question(stripped) and self.qa is not None:
            return self._question(stripped, lang)
        if self.state.pending:
            return self._edit_pending(stripped, lang)
        return self._answer(stripped, lang)

    def answer_section(self, section_id: str, text: str) -> list[int]:
        """Non-interactive: record `text` as the answer to `section_id` (used by `draft`)."""
        if section_id in SUMMARY_SECTIONS:
            self.start_summary(section_id)
        new_goals = apply_answer(self.plan, section_id, text, checker=self.rule_checker)
        if self.llm is not None:
            try:
                enriched = self.llm.enrich(
                    self.plan, section_id, text, self.plan.language, self.turns
                )
            except AssistantError:
                self.plan.section(section_id).author = "offline"  # the offline result stands
            else:
                new_goals = enriched if enriched is not None else new_goals
        return new_goals

    # ----- answers ------------------------------------------------------------------------
    def _answer(self, text: str, lang: str) -> Reply:
        sid = self.state.cursor
        if sid is None:
            if self.qa is not None:
                return self._question(text, lang)
            return Reply(text=t("finished", lang), kind="done")
        if self.state.awaiting_followup == sid and self.plan.section(sid).answers:
            text = f"{self.plan.section(sid).answers[-1]}\n{text}"
        self.state.awaiting_followup = None
        new_goals = apply_answer(self.plan, sid, text, checker=self.rule_checker)
        parts = [t("saved", lang, title=self.plan.title(sid))]
        mode: Literal["offline", "llm"] = "offline"
        if self.llm is not None:
            try:
                enriched = self.llm.enrich(self.plan, sid, text, lang, self.turns)
                new_goals = enriched if enriched is not None else new_goals
                mode = "llm"
            except AssistantError:
                parts.append(t("llm_fallback", lang))
            else:
                question = self._followup(sid, text, lang)
                if question:
                    return Reply(
                        text="\n\n".join([*parts, question]),
                        kind="question",
                        section=sid,
                        mode=mode,
                    )
        if sid in GOAL_SECTIONS and new_goals:
            parts.append(self._goal_report(new_goals, lang))
            self.state.pending = [i for i in new_goals if not self.plan.goals[i].smart]
            if self.state.pending:
                parts.append(self._offer(lang))
                return Reply(text="\n\n".join(parts), kind="answer", section=sid, mode=mode)
        self.state.cursor = self._next_open(sid)
        reply = self._with_question("\n\n".join(parts), lang)
        reply.mode = mode
        return reply

    def _followup(self, sid: str, text: str, lang: str) -> str:
        """At most one follow-up per section, and only when the model finds a real gap."""
        if self.llm is None or sid in self.state.followed_up:
            return ""
        try:
            question = self.llm.followup(self.plan, sid, text, lang)
        except AssistantError:
            return ""
        if question:
            self.state.followed_up.append(sid)
            self.state.awaiting_followup = sid
        return question

    def _goal_report(self, indexes: list[int], lang: str) -> str:
        L = labels(lang)
        lines = [t("goal_checked", lang)]
        for n, i in enumerate(indexes, 1):
            goal = self.plan.goals[i]
            lines.append(f"{n}. {goal.text}\n   **{smart_marks(goal)}**")
            for name in CRITERIA:
                c = goal.criteria[name]
                mark = "✓" if c.ok else ("?" if c.ok is None else "✗")
                lines.append(f"   - {mark} {L['criteria'][name]}: {c.reason}")
            if goal.measurement:
                m = goal.measurement
                lines.append(f"   - {L['kpi']}: {m.kpi_name} - {m.formula}")
        return "\n".join(lines)

    def _offer(self, lang: str) -> str:
        index = self.state.pending[0]
        goal = self.plan.goals[index]
        n = self.plan.goals_in(goal.section).index(goal) + 1
        return t("offer", lang, n=n, suggestion=goal.suggestion)

    def _resolve_pending(self, lang: str, message: str) -> Reply:
        self.state.pending.pop(0)
        if self.state.pending:
            return Reply(
                text=f"{message}\n\n{self._offer(lang)}", kind="answer", section=self.state.cursor
            )
        self.state.cursor = self._next_open(self.state.cursor)
        return self._with_question(message, lang)

    def _edit_pending(self, text: str, lang: str) -> Reply:
        index = self.state.pending[0]
        goal = replace_goal(self.plan, index, text, self.checker)
        n = self.plan.goals_in(goal.section).index(goal) + 1
        report = f"{t('accepted', lang, n=n)} **{smart_marks(goal)}**"
        return self._resolve_pending(lang, report)

    # ----- questions ----------------------------------------------------------------------
    def _question(self, text: str, lang: str) -> Reply:
        assert self.qa is not None
        answer = self.qa(text, lang, plan=self.plan, on_token=self.on_token)
        body = answer.text if answer else t("qa_none", lang)
        if answer is not None and answer.notice:
            body = f"{answer.notice}\n\n{body}"
        tail = self._offer(lang) if self.state.pending else self._question_text(lang)
        return Reply(
            text=f"{body}\n\n---\n{t('back_to', lang)}\n\n{tail}",
            kind="answer",
            section=self.state.cursor,
            sources=answer.sources if answer else [],
        )

    # ----- commands -----------------------------------------------------------------------
    def _command(self, cmd: Command, lang: str) -> Reply:
        handler = getattr(self, f"_cmd_{cmd.name}")
        reply: Reply = handler(cmd.arg, lang)
        return reply

    def _cmd_help(self, _arg: str, lang: str) -> Reply:
        lines = [t("help_title", lang)] + [
            f"- **{how}** - {what}" for how, what in help_lines(lang)
        ]
        return Reply(text="\n".join(lines), section=self.state.cursor)

    def _cmd_skip(self, _arg: str, lang: str) -> Reply:
        if self.state.pending:
            return self._cmd_keep("", lang)
        sid = self.state.cursor
        if sid is None:
            return Reply(text=t("finished", lang), kind="done")
        section = self.plan.section(sid)
        if section.is_done:
            message = t("kept", lang, title=self.plan.title(sid))
        else:
            section.status = "skipped"
            message = t("skipped", lang, title=self.plan.title(sid))
        self.state.cursor = self._next_open(sid)
        return self._with_question(message, lang)

    def _cmd_back(self, _arg: str, lang: str) -> Reply:
        self.state.pending = []
        order = self.order
        pos = order.index(self.state.cursor) if self.state.cursor in order else len(order)
        self.state.cursor = order[max(0, pos - 1)]
        return self._with_question("", lang)

    def _cmd_goto(self, arg: str, lang: str) -> Reply:
        target = self._find(arg)
        if target is None:
            return Reply(
                text=t("unknown_section", lang, arg=arg), kind="error", section=self.state.cursor
            )
        self.state.pending = []
        self.state.cursor = target
        if target in SUMMARY_SECTIONS:
            self.start_summary(target)
        return self._with_question("", lang)

    def _find(self, arg: str) -> str | None:
        arg = arg.strip()
        if arg.isdigit() and 1 <= int(arg) <= len(self.order):
            return self.order[int(arg) - 1]
        found = find_section(arg, self.plan.language)
        if found in self.order:
            return found
        # prefer the section of this plan type when a title is shared (e.g. "summary")
        for sid in self.order:
            spec = get_section(sid)
            if arg.lower() in (spec.title.en.lower(), spec.title.ko):
                return sid
        return None

    def _cmd_show(self, _arg: str, lang: str) -> Reply:
        return Reply(text=plan_markdown(self.plan), section=self.state.cursor)

    def _cmd_progress(self, _arg: str, lang: str) -> Reply:
        done, total = self.plan.progress()
        lines = [t("progress_title", lang, done=done, total=total)]
        for n, sid in enumerate(self.order, 1):
            status = self.plan.section(sid).status
            box = {"answered": "[x]", "drafted": "[x]", "skipped": "[-]"}.get(status, "[ ]")
            here = " ←" if sid == self.state.cursor else ""
            lines.append(f"{n:>2}. {box} {self.plan.title(sid)} (`{sid}`){here}")
        return Reply(text="\n".join(lines), section=self.state.cursor)

    def _cmd_export(self, arg: str, lang: str) -> Reply:
        fmt = (arg or "md").lower().lstrip(".")
        fmt = {"markdown": "md", "word": "docx"}.get(fmt, fmt)
        if fmt not in ("md", "docx", "json"):
            return Reply(text=t("bad_format", lang), kind="error", section=self.state.cursor)
        return Reply(text=t("export_ready", lang, fmt=fmt), export=fmt, section=self.state.cursor)

    def _cmd_example(self, _arg: str, lang: str) -> Reply:
        sid = self.state.cursor
        if sid is None:
            return Reply(text=t("no_current", lang), section=None)
        spec = get_section(sid)
        return Reply(
            text=t("example", lang, title=spec.title.get(lang), example=spec.example.get(lang)),
            section=sid,
        )

    def _cmd_accept(self, _arg: str, lang: str) -> Reply:
        if not self.state.pending:
            return Reply(text=t("nothing_pending", lang), section=self.state.cursor)
        index = self.state.pending[0]
        goal = replace_goal(self.plan, index, self.plan.goals[index].suggestion, self.checker)
        n = self.plan.goals_in(goal.section).index(goal) + 1
        return self._resolve_pending(lang, f"{t('accepted', lang, n=n)} **{smart_marks(goal)}**")

    def _cmd_keep(self, _arg: str, lang: str) -> Reply:
        if not self.state.pending:
            return Reply(text=t("nothing_pending", lang), section=self.state.cursor)
        goal = self.plan.goals[self.state.pending[0]]
        n = self.plan.goals_in(goal.section).index(goal) + 1
        return self._resolve_pending(lang, t("kept_goal", lang, n=n))

    def _cmd_new(self, _arg: str, lang: str) -> Reply:
        return Reply(text=t("new_plan", lang), new_plan=True)

    def _cmd_language(self, arg: str, lang: str) -> Reply:
        choice = {
            "en": "en",
            "english": "en",
            "영어": "en",
            "ko": "ko",
            "korean": "ko",
            "한국어": "ko",
        }.get(arg.strip().lower())
        if choice is None:
            return Reply(text=t("bad_language", lang), kind="error", section=self.state.cursor)
        self.plan.language = choice  # type: ignore[assignment]
        return self._with_question(t("language_set", choice), choice)

    def _cmd_company(self, arg: str, lang: str) -> Reply:
        if not arg.strip():
            return Reply(text=t("empty", lang), kind="error", section=self.state.cursor)
        self.plan.company = arg.strip()[:200]
        return Reply(text=t("company_set", lang, name=self.plan.company), section=self.state.cursor)

    def _cmd_question(self, arg: str, lang: str) -> Reply:
        if self.qa is None or not arg:
            return Reply(text=t("qa_none", lang), section=self.state.cursor)
        return self._question(arg, lang)

    def _cmd_review(self, _arg: str, lang: str) -> Reply:
        from assistant.review import format_findings, review_plan

        return Reply(
            text=format_findings(review_plan(self.plan), self.plan.language),
            section=self.state.cursor,
        )

    def _cmd_persona(self, arg: str, lang: str) -> Reply:
        return self._request("persona", arg, lang)

    def _cmd_messaging(self, arg: str, lang: str) -> Reply:
        return self._request("messaging", arg, lang)

    def _request(self, kind: str, focus: str, lang: str) -> Reply:
        """Persona or messaging drafts on request: the model when configured, else templates."""
        from assistant.drafts import offline_messaging, offline_personas

        notice = ""
        mode: Literal["offline", "llm"] = "offline"
        if self.llm is not None:
            try:
                (self.llm.personas if kind == "persona" else self.llm.messaging)(
                    self.plan, lang, focus
                )
                mode = "llm"
            except AssistantError:
                notice = t("llm_fallback", lang)
        if mode == "offline":
            if kind == "persona":
                self.plan.personas = offline_personas(self.plan, lang) or self.plan.personas
            else:
                self.plan.messaging = offline_messaging(self.plan, lang, focus)
        self.plan.touch()
        text = personas_markdown(self.plan) if kind == "persona" else messaging_markdown(self.plan)
        empty = t("no_personas" if kind == "persona" else "no_messaging", lang)
        body = "\n\n".join(x for x in (notice, text or empty) if x)
        return Reply(text=body, section=self.state.cursor, mode=mode)

    # ----- navigation ---------------------------------------------------------------------
    def _next_open(self, after: str | None) -> str | None:
        """The next section that still needs an answer, after `after` in interview order."""
        order = self.order
        start = order.index(after) + 1 if after in order else 0
        for sid in order[start:] + order[:start]:
            if self.plan.section(sid).status == "open":
                if sid in SUMMARY_SECTIONS:
                    self.start_summary(sid)
                return sid
        return None

    def start_summary(self, sid: str) -> None:
        start_summary(self.plan, sid)
        if self.llm is not None:
            with contextlib.suppress(AssistantError):  # on failure the offline draft stays
                self.llm.summary(self.plan, sid, self.plan.language)

    def _question_text(self, lang: str) -> str:
        sid = self.state.cursor
        if sid is None:
            text = t("finished", lang)
            skipped = [
                self.plan.title(s) for s in self.order if self.plan.section(s).status == "skipped"
            ]
            if skipped:
                text += "\n\n" + t("finished_skipped", lang, items=", ".join(skipped))
            return text
        spec = get_section(sid)
        n = self.order.index(sid) + 1
        questions = spec.questions.get(lang)
        lines = [f"**[{n}/{len(self.order)}] {spec.title.get(lang)}**", questions[0]]
        if len(questions) > 1:
            lines.append(f"{t('also', lang)} " + " ".join(questions[1:]))
        section = self.plan.section(sid)
        if section.content and (section.status == "answered" or sid in SUMMARY_SECTIONS):
            quoted = "\n".join(
                f"> {line}" if line else ">" for line in section.content.splitlines()
            )
            lines.append(f"{t('current_answer', lang)}\n{quoted}")
        lines.append(t("hint", lang))
        return "\n\n".join(lines)

    def _with_question(self, prefix: str, lang: str) -> Reply:
        body = self._question_text(lang)
        kind: Literal["question", "done"] = "question" if self.state.cursor else "done"
        return Reply(
            text=f"{prefix}\n\n{body}" if prefix else body, kind=kind, section=self.state.cursor
        )

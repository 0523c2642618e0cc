"""The interview engine: a state machine over the plan's sections, one question at a time.

Pure core: it reads and changes an `InterviewState` and returns a `Reply`; front ends (CLI, web)
persist the state and perform side effects such as exports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from assistant.analysis.fact_reader import refresh_facts
from assistant.core.catalogue import get_section, interview_order
from assistant.core.commands import parse_command, parse_request
from assistant.core.errors import AssistantError
from assistant.core.lang import detect_language
from assistant.core.plan import CRITERIA
from assistant.core.ui_text import t
from assistant.goals.readback import (
    Correction,
    apply_correction,
    corrected_text,
    parse_correction,
    read_back_line,
)
from assistant.goals.smart_rewrite import blanks
from assistant.interview.commands import CommandHandlers
from assistant.interview.fact_fix import apply_fact_fix, parse_fact_fix
from assistant.interview.misplaced import reads_as_budget, reads_as_goal
from assistant.interview.plan_update import (
    GOAL_SECTIONS,
    SUMMARY_SECTIONS,
    GoalChecker,
    apply_answer,
    default_checker,
    evaluate_goal,
    plan_start,
    read_frame,
    replace_goal,
    start_summary,
)
from assistant.interview.read_line import read_line
from assistant.interview.render import labels, smart_marks
from assistant.interview.types import (
    InterviewState,
    LLMHelper,
    QAAnswer,
    QuestionAnswerer,
    Reply,
    is_question,
)

MAX_ANSWER_CHARS = 20_000
MAX_GOAL_LINES = 50
__all__ = [
    "InterviewEngine",
    "InterviewState",
    "LLMHelper",
    "QAAnswer",
    "QuestionAnswerer",
    "Reply",
    "is_question",
]


class InterviewEngine(CommandHandlers):
    def __init__(
        self,
        state: InterviewState,
        qa: QuestionAnswerer | None = None,
        checker: GoalChecker = default_checker,
        mode_label: str | None = None,
        llm: LLMHelper | None = None,
    ) -> None:
        self.state = state
        self.qa = qa
        self.llm = llm
        self.rule_checker = checker  # the offline baseline of every answer: no model calls
        self.checker = llm.checker(state.plan) if llm is not None else checker
        offline = "오프라인 안내 모드" if state.plan.language == "ko" else "offline guided mode"
        self.mode_label = mode_label or offline
        self.on_token: Callable[[str], None] | None = None
        self.turns: list[tuple[str, str]] = []
        self.notices: list[str] = []  # notices from non-interactive answers (the `draft` command)

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

    def data_filled(self, section_id: str, note: str) -> Reply:
        """A section was filled from data (an upload): say what was read and, when that section
        was the question on screen, move on to the next one."""
        lang = self.plan.language
        if self.state.cursor == section_id:
            self.state.cursor = self._next_open(section_id)
        return self._with_question(note, lang)

    def handle(self, text: str) -> Reply:
        """One user message -> one reply. Never raises for bad input."""
        if not self.state.started:
            self.start()
        if self.llm is not None:
            self.llm.begin_turn()
        reply = self._handle(text)
        if self.notices and self.llm is not None:
            reply.text = "\n\n".join([*self.notices, reply.text])
            self.notices = []
        return reply

    def _handle(self, text: str) -> Reply:
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
        from assistant.interview.doc_proposals import parse_proposal_command

        asked = parse_proposal_command(stripped, self.plan)
        if asked is not None:  # proposals, accept N, edit N: …, discard N (documents, model drafts)
            return self._proposal(*asked)
        command = parse_command(stripped)
        if command is not None:
            return self._command(command, lang)
        fact_fix = parse_fact_fix(stripped, self.plan, self.state.cursor)
        if fact_fix is not None:  # 'win rate is 20%': the fact sheet, then the open question
            return self._with_question(apply_fact_fix(self.plan, fact_fix), lang)
        if self.plan.goals:
            fix = parse_correction(stripped, plan_start(self.plan))
            if fix is not None:
                return self._correct(fix, lang)
        request = parse_request(stripped)
        if request is not None:
            return self._request(request[0], request[1], lang)
        if is_question(stripped) and self.qa is not None:
            return self._question(stripped, lang)
        if self._pending_here():
            return self._edit_pending(stripped, lang)
        return self._answer(stripped, lang)

    def _proposal(self, kind: str, number: int, text: str) -> Reply:
        from assistant.interview.doc_replies import apply_proposal_command, proposals_reply

        if kind == "list":
            return Reply(text=proposals_reply(self.plan), section=self.state.cursor)
        proposal = self.plan.shelf.proposal(number)
        said, changed = apply_proposal_command(self.plan, kind, number, text)
        if changed and proposal is not None and proposal.status == "accepted":
            return self.data_filled(proposal.section, said)  # and the next open question
        return Reply(text=said, section=self.state.cursor)

    def answer_section(self, section_id: str, text: str) -> list[int]:
        """Non-interactive: record `text` as the answer to `section_id` (used by `draft`)."""
        if section_id in SUMMARY_SECTIONS:
            self.start_summary(section_id)
        new_goals = apply_answer(self.plan, section_id, text, checker=self.rule_checker)
        if self.llm is not None:
            self.llm.begin_turn()
            try:
                enriched = self.llm.enrich(
                    self.plan, section_id, text, self.plan.language, self.turns
                )
            except AssistantError as exc:  # the offline result stands, and the reason is noted
                lang = self.plan.language
                why = exc.message(lang)
                self.notices.append(
                    f"{self.plan.title(section_id)}: " + t("llm_fallback_why", lang, why=why)
                )
            else:
                new_goals = enriched if enriched is not None else new_goals
            self.notices.extend(self.llm.take_notices())
        return new_goals

    # ----- answers ------------------------------------------------------------------------
    def _answer(self, text: str, lang: str) -> Reply:
        sid = self.state.cursor
        if sid is None:
            if self.qa is not None:
                return self._question(text, lang)
            return Reply(text=t("finished", lang), kind="done")
        if sid in GOAL_SECTIONS:
            lines = [line for line in text.splitlines() if line.strip()]
            if len(lines) > MAX_GOAL_LINES:
                return Reply(
                    text=t("too_many_goals", lang, n=len(lines), limit=MAX_GOAL_LINES),
                    kind="error",
                    section=sid,
                )
        if self.state.awaiting_followup == sid and self.plan.section(sid).answers:
            text = f"{self.plan.section(sid).answers[-1]}\n{text}"
        self.state.awaiting_followup = None
        company = self.plan.company
        new_goals = apply_answer(self.plan, sid, text, checker=self.rule_checker)
        # the section's title in the reply's language, whatever the plan's (a Korean answer
        # under an English plan is told '… 시장 분석에 저장했습니다', not 'Market Analysis에')
        parts = [t("saved", lang, title=get_section(sid).title.get(lang))]
        if self.plan.company != company:  # read from 'We are …, a …': seen, and fixed by 'company'
            parts.append(t("company_read", lang, name=self.plan.company))
        if sid not in GOAL_SECTIONS and (read := read_line(self.plan, sid, lang)):
            parts.append(read)  # what the plan took from the answer, to be seen and corrected
        if sid not in GOAL_SECTIONS and reads_as_goal(text, self.plan.language):
            # kept where it was given, and the user told where a goal is checked
            goals = ", ".join(get_section(g).title.get(lang) for g in GOAL_SECTIONS)
            parts.append(t("goal_here", lang, title=get_section(sid).title.get(lang), goals=goals))
        elif sid not in ("mkt_budget", "sales_strategy") and reads_as_budget(text):
            # a budget given at another question: kept, and the user told where it is read
            budget = get_section("mkt_budget").title.get(lang)
            parts.append(
                t("budget_here", lang, title=get_section(sid).title.get(lang), budget=budget)
            )
        if sid == "mkt_audience_personas":
            from assistant.interview.persona_card import committee_roles

            if roles := committee_roles(self.plan):  # the buying committee the answer implies
                parts.append(t("committee", lang, roles=", ".join(roles)))
        if (
            sid in ("sales_offering", "mkt_mix_4p")
            and self.plan.fact("revenue_model") is None
            and "revenue_model" not in self.state.asked
        ):
            self.state.asked.append("revenue_model")  # asked once: the analysis follows the model
            parts.append(t("ask_revenue_model", self.plan.language))
        mode: Literal["offline", "llm"] = "offline"
        if self.llm is not None:
            first = self.plan.shelf.next_id()
            try:
                enriched = self.llm.enrich(self.plan, sid, text, self.plan.language, self.turns)
                new_goals = enriched if enriched is not None else new_goals
                from assistant.interview.doc_replies import proposal_line

                # the model's draft waits beside the answer until the user accepts it
                drafted = [p for p in self.plan.shelf.proposals[-3:]
                           if p.id >= first and p.author == "llm" and p.status == "open"]  # fmt: skip
                parts += [proposal_line(self.plan, p) for p in drafted]
                by_model = enriched is not None or drafted or self.plan.section(sid).author == "llm"
                mode = "llm" if by_model else "offline"
            except AssistantError as exc:
                parts.append(t("llm_fallback_why", lang, why=exc.message(lang)))
            else:
                parts.extend(self.llm.take_notices())
                question = self._followup(sid, text, self.plan.language)
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
            self.notices.append(t("llm_followup_fallback", self.plan.language))
            return ""
        if question:
            self.state.followed_up.append(sid)
            self.state.awaiting_followup = sid
        return question

    def _goal_report(self, indexes: list[int], lang: str) -> str:
        L = labels(lang)
        lines = [t("goal_checked", lang)]
        from assistant.analysis.plan_analysis import analyse
        from assistant.interview.goal_checks import achievable_doubt, goal_checks

        # the same verdict the plan shows: a goal the plan's own numbers fall short of is A?
        # here too, with the check that says why, not the wording's ✓
        analysis = analyse(self.plan)
        for i in indexes:
            goal = self.plan.goals[i]
            n = i + 1  # the goal's number everywhere
            doubt = achievable_doubt(self.plan, goal, analysis)
            lines.append(f"{n}. {goal.text}\n   **{smart_marks(goal, doubt, lang=lang)}**")
            for name in CRITERIA:
                c = goal.criteria[name]
                mark = "✓" if c.ok else ("?" if c.ok is None else "✗")
                reason = c.reason
                if doubt and name == "achievable" and c.ok:
                    mark, reason = "?", next(iter(goal_checks(self.plan, goal, analysis)), reason)
                lines.append(f"   - {mark} {L['criteria'][name]}: {reason}")
            if goal.measurement:
                m = goal.measurement
                lines.append(f"   - {L['kpi']}: {m.kpi_name} - {m.formula}")
            if goal.frame is not None:
                lines.append(
                    f"   - {t('read_back', lang, line=read_back_line(goal.frame, self.plan.language))}"
                )
        self.state.read_back = list(indexes)
        lines.append(t("read_back_hint", lang))
        return "\n".join(lines)

    def _correct(self, fix: Correction, lang: str) -> Reply:
        """Apply a plain-word correction ('target is 45') to a goal's reading, then re-check it."""
        if fix.goal is not None:  # the number the SMART tab and every view give the goal
            if not 1 <= fix.goal <= len(self.plan.goals):
                return Reply(
                    text=t("no_goal_to_correct", lang, n=fix.goal),
                    kind="error",
                    section=self.state.cursor,
                )
            index = fix.goal - 1
        elif self.state.pending:
            index = self.state.pending[0]
        elif self.state.read_back:
            index = self.state.read_back[-1]
        else:
            index = len(self.plan.goals) - 1
        goal = self.plan.goals[index]
        before = goal.frame or read_frame(self.plan, goal, lang)
        goal.frame = apply_correction(before, fix)
        # the text says what the reading says: 'from 12 to 60' becomes 'from 12 to 50'
        goal.text = corrected_text(goal.text, before, fix, self.plan.language)
        evaluate_goal(self.plan, goal, self.rule_checker)
        refresh_facts(self.plan)
        self.plan.touch()
        if goal.smart and index in self.state.pending:
            self.state.pending.remove(index)
        n = self.plan.goal_number(goal)
        assert goal.frame is not None
        message = t("corrected", lang, n=n, line=read_back_line(goal.frame, self.plan.language))
        message += f"\n   **{smart_marks(goal, lang=lang)}**"
        if self.state.pending:
            return Reply(
                text=f"{message}\n\n{self._offer(lang)}", kind="answer", section=self.state.cursor
            )
        return self._with_question(message, lang)

    def _offer(self, lang: str) -> str:
        index = self.state.pending[0]
        goal = self.plan.goals[index]
        n = self.plan.goal_number(goal)
        missing = blanks(goal.suggestion)
        if missing:  # a shape to fill in, not a goal to accept
            return t(
                "offer_blanks", lang, n=n, suggestion=goal.suggestion, names=", ".join(missing)
            )
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
        n = self.plan.goal_number(goal)
        report = f"{t('accepted', lang, n=n)} **{smart_marks(goal, lang=lang)}**"
        return self._resolve_pending(lang, report)

    # ----- questions ----------------------------------------------------------------------
    def _question(self, text: str, lang: str) -> Reply:
        assert self.qa is not None
        answer = self.qa(text, lang, plan=self.plan, on_token=self.on_token)
        body = answer.text if answer else t("qa_none", lang)
        if answer is not None and answer.notice:
            body = f"{answer.notice}\n\n{body}"
        tail = self._offer(lang) if self._pending_here() else self._question_text(lang)
        return Reply(
            text=f"{body}\n\n---\n{t('back_to', lang)}\n\n{tail}",
            kind="answer",
            section=self.state.cursor,
            sources=answer.sources if answer else [],
        )

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
            first = self.plan.shelf.next_id()
            try:
                self.llm.summary(self.plan, sid, self.plan.language)
                from assistant.interview.doc_replies import proposal_line

                self.notices += [proposal_line(self.plan, p) for p in self.plan.shelf.proposals[-2:]
                                 if p.id >= first and p.author == "llm"]  # fmt: skip
            except AssistantError as exc:  # the offline draft stays, and the user is told
                lang = self.plan.language
                self.notices.append(t("llm_summary_fallback", lang, why=exc.message(lang)))

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

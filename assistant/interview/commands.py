"""The interview's commands (help, skip, back, goto, progress, show, export, example, accept, keep,
new, language, company, review, persona and messaging requests), mixed into the engine."""

from __future__ import annotations

from typing import Literal

from assistant.core.catalogue import find_section, get_section
from assistant.core.commands import Command, help_lines
from assistant.core.errors import AssistantError
from assistant.core.plan import Plan
from assistant.core.ui_text import t
from assistant.goals.smart_rewrite import blanks
from assistant.interview.plan_update import SUMMARY_SECTIONS, GoalChecker, replace_goal
from assistant.interview.render import (
    messaging_markdown,
    personas_markdown,
    plan_markdown,
    smart_marks,
)
from assistant.interview.types import InterviewState, LLMHelper, QAAnswer, QuestionAnswerer, Reply


class CommandHandlers:
    """`_cmd_<name>` for each command; the engine provides state, navigation and questions."""

    state: InterviewState
    qa: QuestionAnswerer | None
    llm: LLMHelper | None
    checker: GoalChecker

    @property
    def plan(self) -> Plan:
        return self.state.plan

    @property
    def order(self) -> list[str]:
        raise NotImplementedError

    def _pending_here(self) -> bool:
        """A goal rewrite is waiting and this answer was given at its question. An answer typed
        in another window, at another section's question, is that section's answer."""
        if not self.state.pending:
            return False
        index = self.state.pending[0]
        if index >= len(self.plan.goals):
            self.state.pending = []
            return False
        return self.plan.goals[index].section == self.state.cursor

    def _with_question(self, prefix: str, lang: str) -> Reply:
        raise NotImplementedError

    def _next_open(self, after: str | None) -> str | None:
        raise NotImplementedError

    def start_summary(self, sid: str) -> None:
        raise NotImplementedError

    def _offer(self, lang: str) -> str:
        raise NotImplementedError

    def _resolve_pending(self, lang: str, message: str) -> Reply:
        raise NotImplementedError

    def _question(self, text: str, lang: str) -> Reply:
        raise NotImplementedError

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
        if self._pending_here():
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
        return Reply(text=plan_markdown(self.plan, compact=True), section=self.state.cursor)

    def _cmd_progress(self, _arg: str, lang: str) -> Reply:
        done, total = self.plan.progress()
        lines = [t("progress_title", lang, done=done, total=total)]
        for n, sid in enumerate(self.order, 1):
            status = self.plan.section(sid).status
            box = {"answered": "[x]", "drafted": "[x]", "skipped": "[-]"}.get(status, "[ ]")
            here = " ←" if sid == self.state.cursor else ""
            lines.append(f"{n:>2}. {box} {self.plan.title(sid)}{here}")
        return Reply(text="\n".join(lines), section=self.state.cursor)

    def _cmd_export(self, arg: str, lang: str) -> Reply:
        fmt = (arg or "md").lower().lstrip(".")
        fmt = {"markdown": "md", "word": "docx", "powerpoint": "pptx", "slides": "pptx",
               "deck": "pptx", "슬라이드": "pptx", "발표자료": "pptx"}.get(fmt, fmt)  # fmt: skip
        if fmt not in ("md", "docx", "pdf", "pptx", "hwpx", "json"):
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
        if not self._pending_here():
            return Reply(text=t("nothing_pending", lang), section=self.state.cursor)
        index = self.state.pending[0]
        current = self.plan.goals[index]
        missing = blanks(current.suggestion)
        if missing:  # never store '[deadline, e.g. …]' as a goal: ask for the missing parts
            n = self.plan.goal_number(current)
            return Reply(
                text=t("needs_blanks", lang, n=n, names=", ".join(missing)),
                kind="answer",
                section=self.state.cursor,
            )
        goal = replace_goal(self.plan, index, current.suggestion, self.checker)
        n = self.plan.goal_number(goal)
        return self._resolve_pending(
            lang, f"{t('accepted', lang, n=n)} **{smart_marks(goal, lang=lang)}**"
        )

    def _cmd_keep(self, _arg: str, lang: str) -> Reply:
        if not self._pending_here():
            return Reply(text=t("nothing_pending", lang), section=self.state.cursor)
        goal = self.plan.goals[self.state.pending[0]]
        n = self.plan.goal_number(goal)
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
        reply = self._with_question(t("language_set", choice), choice)
        return reply.model_copy(update={"language": choice})

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
        from assistant.analysis.review import format_findings, review_plan

        return Reply(
            text=format_findings(review_plan(self.plan), self.plan.language),
            section=self.state.cursor,
        )

    def _cmd_persona(self, arg: str, lang: str) -> Reply:
        return self._request("persona", arg, lang)

    def _add_persona(self, description: str, lang: str) -> Reply:
        """Another persona card (a buying-committee role, a second segment), filled like the
        first: the user's words, then typical entries marked as such. At most five."""
        from assistant.interview.extract_offline import persona_from_answer
        from assistant.interview.message_house import build_house
        from assistant.interview.persona_card import complete_persona

        plan = self.plan
        if len(plan.personas) >= 5:
            return Reply(text=t("too_many_personas", lang), kind="error", section=self.state.cursor)
        card = complete_persona(persona_from_answer(description, plan.language), plan, description)
        n = len(plan.personas) + 1
        from assistant.interview.persona_names import short_name

        taken = {p.name for p in plan.personas}
        card.name = next(
            name
            for k in range(n - 1, n + 20)
            if (name := short_name(card.role, plan.language, k)) not in taken
        )
        plan.personas.append(card)
        if not plan.messaging.is_empty:
            build_house(plan, plan.messaging, offline=plan.messaging.author != "llm")
        plan.touch()
        return Reply(text=t("persona_added", lang, n=len(plan.personas)) + "\n\n" + _persona_reply(plan, lang),
                     section=self.state.cursor)  # fmt: skip

    def _cmd_copy(self, arg: str, lang: str) -> Reply:
        """`copy [CHANNEL]` / `카피 [채널]`: the channel copy with each line's length and limit."""
        from assistant.interview.channel_copy import copy_markdown

        return Reply(text=copy_markdown(self.plan, arg.strip()), section=self.state.cursor)

    def _cmd_messaging(self, arg: str, lang: str) -> Reply:
        return self._request("messaging", arg, lang)

    def _draft_proposal(self, kind: str, work: Plan, lang: str) -> Reply:
        text = _draft_reply(self.plan, kind, work, lang)
        return Reply(text=text, section=self.state.cursor, mode="llm")

    def _request(self, kind: str, focus: str, lang: str) -> Reply:
        """Persona or messaging drafts on request: the model when configured, else templates."""
        from assistant.interview.drafts import offline_messaging, offline_personas

        if kind == "add_persona":
            return self._add_persona(focus, lang)
        if kind == "restyle":
            if self.llm is None or self.plan.messaging.is_empty:  # restyling is the model's work
                return Reply(text=t("restyle_offline" if self.llm is None else "no_messaging", lang),
                             section=self.state.cursor)  # fmt: skip
            work = self.plan.model_copy(deep=True)
            try:
                self.llm.messaging(work, lang, f"rewrite the messaging and copy: {focus}")
            except AssistantError:  # the plan keeps its messaging; nothing is replaced offline
                return Reply(text=t("llm_fallback", lang), section=self.state.cursor)
            return self._draft_proposal("messaging", work, lang)

        notice = ""
        mode: Literal["offline", "llm"] = "offline"
        if self.llm is not None:
            work = self.plan.model_copy(deep=True)
            try:
                (self.llm.personas if kind == "persona" else self.llm.messaging)(work, lang, focus)
            except AssistantError:
                notice = t("llm_fallback", lang)
            else:  # the model's cards or message house wait as a proposal; the plan is unchanged
                return self._draft_proposal(kind, work, lang)
        if mode == "offline":
            if kind == "persona":
                self.plan.personas = offline_personas(self.plan, lang) or self.plan.personas
            else:
                self.plan.messaging = offline_messaging(self.plan, lang, focus)
        self.plan.touch()
        text = (
            personas_markdown(self.plan, options=True)
            if kind == "persona"
            else messaging_markdown(self.plan)
        )
        empty = t("no_personas" if kind == "persona" else "no_messaging", lang)
        body = "\n\n".join(x for x in (notice, text or empty) if x)
        return Reply(text=body, section=self.state.cursor, mode=mode)


def _draft_reply(engine_plan: Plan, kind: str, work: Plan, lang: str) -> str:
    """The model's persona cards or message house as a proposal the user accepts or discards."""
    from assistant.interview.doc_replies import proposal_line

    if kind == "persona":
        shown = personas_markdown(work)
        payload: dict[str, object] = {"personas": [p.model_dump() for p in work.personas]}
        sid = "mkt_audience_personas"
    else:
        shown = messaging_markdown(work)
        payload = {"messaging": work.messaging.model_dump()}
        sid = "mkt_positioning_messaging"
    proposal = engine_plan.shelf.propose_draft(sid, shown, [], payload)
    engine_plan.touch()
    ask = proposal_line(engine_plan, proposal).split("\n")[-1]
    head = (
        f"**제안 {proposal.id}** · 모델 초안"
        if lang == "ko"
        else f"**Proposal {proposal.id}** · Drafted by the model"
    )
    return f"{head}\n\n{shown}\n\n{ask}"


def _persona_reply(plan: Plan, lang: str) -> str:
    from assistant.interview.render import personas_markdown

    return personas_markdown(plan)


_ = QAAnswer  # re-exported type used by callers of the mixin

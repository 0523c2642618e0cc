"""The LLM path behind the interview: same plan model, richer content. Every method either
changes the plan or raises LLMError, and the engine then keeps the offline result."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from assistant.core.errors import LLMError
from assistant.core.plan import (
    Budget,
    BudgetLine,
    CalendarEntry,
    Persona,
    Plan,
    SmartResult,
    Source,
    TeamRole,
)
from assistant.goals.grounding import invented, invented_values
from assistant.goals.numbers import normalise_numbers
from assistant.goals.smart import SmartContext, check_goal
from assistant.interview.engine import QAAnswer
from assistant.interview.extract_offline import split_goals
from assistant.interview.plan_update import GOAL_SECTIONS, GoalChecker, recheck_goals, set_goals
from assistant.llm.client import clean_model_text
from assistant.llm.context import Passage
from assistant.llm.tasks import PlanLLM, Ungrounded, invented_numbers, merge_opinion, user_facts

NO_DRAFT = {*GOAL_SECTIONS, "mkt_executive_summary", "sales_executive_summary", "sales_forecast"}


class LLMAssist:
    def __init__(self, llm: PlanLLM, plan_getter: Callable[[], Plan] | None = None) -> None:
        self.llm = llm
        self._plan = plan_getter
        self.notices: list[str] = []
        self._pending: list[str] = []  # notices from a turn's work that has not landed yet

    # ----- answers ------------------------------------------------------------------------
    def begin_turn(self) -> None:
        """A new user turn: its model time starts (bounded; see LLMClient)."""
        self.llm.client.begin_turn()

    def enrich(
        self,
        plan: Plan,
        section_id: str,
        answer: str,
        lang: str,
        turns: list[tuple[str, str]] | None = None,
    ) -> list[int] | None:
        """Extract structured fields and draft the section, all or nothing: the work happens on a
        copy of the plan and lands only if every model result is usable and grounded in the user's
        own text (numbers, years and names); otherwise LLMError and the offline result stands.
        Drafts are written in the plan's language whatever language the answer is in."""
        lang = plan.language
        self._pending = []
        work = plan.model_copy(deep=True)
        data = self.llm.extract(work, section_id, answer, lang)
        user_text = "\n".join([work.company, *work.section(section_id).answers, answer])
        used = False
        new_goals: list[int] | None = None
        if section_id in GOAL_SECTIONS and data.goals:
            goals = [g.strip() for g in data.goals if g.strip()]
            _ground(goals, user_text)
            lines, _objectives = split_goals(answer)
            given = set().union(set(), *(normalise_numbers(line) for line in lines))
            dropped = given - set().union(set(), *(normalise_numbers(g) for g in goals))
            if dropped:
                shown = ", ".join(f"{v:g}" for v in sorted(dropped))
                raise LLMError(
                    f"The model's goals dropped numbers you gave ({shown}).",
                    f"모델이 읽은 목표에서 입력하신 수치({shown})가 빠졌습니다.",
                )
            new_goals = set_goals(work, section_id, "\n".join(goals), self.checker(work))
            for i in new_goals:
                work.goals[i].author = "llm"
            work.section(section_id).content = "\n".join(g.text for g in work.goals_in(section_id))
            used = True
        if section_id == "mkt_audience_personas" and data.personas:
            _ground([_text_of(p) for p in data.personas], user_text)
            work.personas = [Persona(**p.model_dump(), author="llm") for p in data.personas]
            used = True
        if section_id == "mkt_budget" and (data.budget_lines or data.budget_total):
            values = [data.budget_total, data.expected_roi] + [
                v
                for line in data.budget_lines
                for v in (line.amount, line.share, line.expected_roi)
            ]
            _ground(
                [line.item for line in data.budget_lines],
                user_text,
                invented_values(values, user_text),
            )
            work.budget = Budget(
                total=data.budget_total,
                currency=data.currency or work.budget.currency,
                lines=[BudgetLine(**line.model_dump(), author="llm") for line in data.budget_lines],
                expected_roi=data.expected_roi,
                author="llm",
            )
            used = True
        if section_id == "mkt_calendar" and data.calendar:
            _ground([_text_of(e) for e in data.calendar], user_text)
            work.calendar = [CalendarEntry(**e.model_dump(), author="llm") for e in data.calendar]
            used = True
        if section_id == "mkt_channels" and data.channels:
            _ground(list(data.channels), user_text)
            work.channels = list(data.channels)
            work.channels_author = "llm"
            used = True
        if section_id == "sales_team_structure" and data.team_roles:
            _ground([_text_of(r) for r in data.team_roles], user_text)
            work.team = [TeamRole(**r.model_dump(), author="llm") for r in data.team_roles]
            used = True
        if section_id not in NO_DRAFT:
            # the model's draft is a proposal beside the user's answer; it lands only if accepted
            text, passages = self.llm.draft_section(work, section_id, answer, lang, turns)
            work.shelf.propose_draft(section_id, text, [p.source for p in passages])
            used = True
        if used and section_id in NO_DRAFT:
            work.section(section_id).author = "llm"
        if not used:
            self._pending = []
            return None  # the model found nothing to add: the offline result stands, no author=llm
        for name in type(plan).model_fields:
            setattr(plan, name, getattr(work, name))
        self.notices.extend(self._pending)
        self._pending = []
        return new_goals

    def take_notices(self) -> list[str]:
        """Notices about discarded model output since the last call (shown once, then cleared)."""
        out, self.notices = self.notices, []
        return out

    def followup(self, plan: Plan, section_id: str, answer: str, lang: str) -> str:
        if section_id in NO_DRAFT:
            return ""
        return self.llm.followup(plan, section_id, answer, lang)

    def summary(self, plan: Plan, section_id: str, lang: str) -> None:
        """The model's summary is a proposal; the summary composed from the facts stays until the
        user accepts it."""
        plan.shelf.propose_draft(section_id, self.llm.draft_summary(plan, section_id, lang), [])

    def personas(self, plan: Plan, lang: str, focus: str = "") -> None:
        drafts = self.llm.personas(plan, lang, focus)
        if not drafts:
            raise LLMError("The model drafted no persona.", "모델이 페르소나를 만들지 못했습니다.")
        plan.personas = drafts

    def messaging(self, plan: Plan, lang: str, focus: str = "") -> None:
        from assistant.interview.message_house import build_house

        plan.messaging = self.llm.messaging(plan, lang, focus)
        plan.messaging.author = "llm"
        build_house(plan, plan.messaging, offline=False)  # objection answers and copy from facts

    # ----- SMART second opinion -------------------------------------------------------------
    def checker(self, plan: Plan) -> GoalChecker:
        def check(text: str, ctx: SmartContext, lang: str) -> SmartResult:
            result = check_goal(text, ctx, lang)
            try:
                opinion = self.llm.smart_opinion(plan, text, result, lang)
            except LLMError:
                self._pending.append(
                    "_(모델의 SMART 의견을 받지 못해 규칙 기반 점검만 표시합니다.)_"
                    if plan.language == "ko"
                    else "_(The model's SMART second opinion was not usable; the rule-based check is shown.)_"
                )
                return result
            return merge_opinion(
                result, opinion, lang, lambda rewrite: check_goal(rewrite, ctx, lang)
            )

        return check

    def recheck(self, plan: Plan) -> None:
        recheck_goals(plan, self.checker(plan))

    # ----- questions -----------------------------------------------------------------------
    def answer(
        self,
        plan: Plan,
        question: str,
        lang: str,
        passages: list[Passage],
        on_token: Callable[[str], None] | None = None,
    ) -> QAAnswer:
        chunks: list[str] = []
        for chunk in self.llm.answer_stream(plan, question, lang, passages):
            chunks.append(chunk)
            if on_token:
                on_token(chunk)
        # each chunk was cleaned as it arrived; a tag split across chunks ('<scr' + 'ipt>') is only
        # whole here, so the whole answer is cleaned again before it is stored or returned
        text = clean_model_text("".join(chunks)).strip()
        if not text:
            raise LLMError("The model returned an empty answer.", "모델이 빈 답을 보냈습니다.")
        # a figure in neither the question, the plan's facts nor a cited passage: the offline
        # answer (from the same passages) is shown instead, with a notice
        allowed = "\n".join(
            [question, user_facts(plan), *(f"{p.source}\n{p.heading}\n{p.text}" for p in passages)]
        )
        bad = invented_numbers(text, allowed)
        if bad:
            raise Ungrounded(bad)
        cites = "\n".join(f"_[{p.source} › {p.heading}]_" for p in passages[:3])
        return QAAnswer(
            text=f"{text}\n\n{cites}".strip(),
            sources=[Source(source=p.source, heading=p.heading) for p in passages[:3]],
        )


def _text_of(model: BaseModel) -> str:
    """Every string field of a fact, joined, for the grounding check (the author field aside)."""
    parts: list[str] = []
    for name, value in model.model_dump().items():
        if name == "author":
            continue
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(str(v) for v in value)
        elif isinstance(value, int | float):
            parts.append(str(value))
    return "\n".join(parts)


def _ground(texts: list[str], user_text: str, bad: list[str] | None = None) -> None:
    """Raise Ungrounded when any text carries a number, year or name the user never wrote."""
    found = list(bad or []) + [x for text in texts for x in invented(text, user_text)]
    if found:
        raise Ungrounded(found)

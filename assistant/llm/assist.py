"""The LLM path behind the interview: same plan model, richer content. Every method either
changes the plan or raises LLMError, and the engine then keeps the offline result."""

from __future__ import annotations

from collections.abc import Callable

from assistant.core.errors import LLMError
from assistant.core.plan import Budget, Plan, SmartResult, Source
from assistant.goals.smart import SmartContext, check_goal
from assistant.interview.engine import QAAnswer
from assistant.interview.plan_update import GOAL_SECTIONS, GoalChecker, recheck_goals, set_goals
from assistant.llm.context import Passage
from assistant.llm.tasks import PlanLLM, merge_opinion

NO_DRAFT = {*GOAL_SECTIONS, "mkt_executive_summary", "sales_executive_summary", "sales_forecast"}


class LLMAssist:
    def __init__(self, llm: PlanLLM, plan_getter: Callable[[], Plan] | None = None) -> None:
        self.llm = llm
        self._plan = plan_getter

    # ----- answers ------------------------------------------------------------------------
    def enrich(
        self,
        plan: Plan,
        section_id: str,
        answer: str,
        lang: str,
        turns: list[tuple[str, str]] | None = None,
    ) -> list[int] | None:
        """Extract structured fields and draft the section; returns new goal indexes if any."""
        data = self.llm.extract(plan, section_id, answer, lang)
        new_goals: list[int] | None = None
        if section_id in GOAL_SECTIONS and data.goals:
            new_goals = set_goals(
                plan,
                section_id,
                "\n".join(g.strip() for g in data.goals if g.strip()),
                self.checker(plan),
            )
            plan.section(section_id).content = "\n".join(g.text for g in plan.goals_in(section_id))
        if section_id == "mkt_audience_personas" and data.personas:
            plan.personas = data.personas
        if section_id == "mkt_budget" and (data.budget_lines or data.budget_total):
            plan.budget = Budget(
                total=data.budget_total,
                currency=data.currency,
                lines=data.budget_lines,
                expected_roi=data.expected_roi,
            )
        if section_id == "mkt_calendar" and data.calendar:
            plan.calendar = data.calendar
        if section_id == "mkt_channels" and data.channels:
            plan.channels = data.channels
        if section_id == "sales_team_structure" and data.team_roles:
            plan.team = data.team_roles
        if section_id not in NO_DRAFT:
            text, passages = self.llm.draft_section(plan, section_id, answer, lang, turns)
            section = plan.section(section_id)
            section.content = text
            section.author = "llm"
            section.sources = [Source(source=p.source, heading=p.heading) for p in passages]
        else:
            plan.section(section_id).author = "llm"
        return new_goals

    def followup(self, plan: Plan, section_id: str, answer: str, lang: str) -> str:
        if section_id in NO_DRAFT:
            return ""
        return self.llm.followup(plan, section_id, answer, lang)

    def summary(self, plan: Plan, section_id: str, lang: str) -> None:
        section = plan.section(section_id)
        notes = "\n\n".join(a for a in section.answers if a)
        section.content = self.llm.draft_summary(plan, section_id, lang) + (
            f"\n\n{notes}" if notes else ""
        )
        section.author = "llm"

    def personas(self, plan: Plan, lang: str, focus: str = "") -> None:
        drafts = self.llm.personas(plan, lang, focus)
        if not drafts:
            raise LLMError("The model drafted no persona.", "모델이 페르소나를 만들지 못했습니다.")
        plan.personas = drafts

    def messaging(self, plan: Plan, lang: str, focus: str = "") -> None:
        plan.messaging = self.llm.messaging(plan, lang, focus)

    # ----- SMART second opinion -------------------------------------------------------------
    def checker(self, plan: Plan) -> GoalChecker:
        def check(text: str, ctx: SmartContext, lang: str) -> SmartResult:
            result = check_goal(text, ctx, lang)
            try:
                opinion = self.llm.smart_opinion(plan, text, result, lang)
            except LLMError:
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
        text = "".join(chunks).strip()
        if not text:
            raise LLMError("The model returned an empty answer.", "모델이 빈 답을 보냈습니다.")
        cites = "\n".join(f"_[{p.source} › {p.heading}]_" for p in passages[:3])
        return QAAnswer(
            text=f"{text}\n\n{cites}".strip(),
            sources=[Source(source=p.source, heading=p.heading) for p in passages[:3]],
        )

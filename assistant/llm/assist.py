"""The LLM path behind the interview: same plan model, richer content. Every method either
changes the plan or raises LLMError, and the engine then keeps the offline result."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from assistant.core.errors import LLMError
from assistant.core.plan import Budget, Plan, SmartResult, Source
from assistant.goals.grounding import invented, invented_values
from assistant.goals.numbers import normalise_numbers
from assistant.goals.smart import SmartContext, check_goal
from assistant.interview.engine import QAAnswer
from assistant.interview.extract_offline import split_goals
from assistant.interview.plan_update import GOAL_SECTIONS, GoalChecker, recheck_goals, set_goals
from assistant.llm.context import Passage
from assistant.llm.tasks import PlanLLM, merge_opinion

NO_DRAFT = {*GOAL_SECTIONS, "mkt_executive_summary", "sales_executive_summary", "sales_forecast"}


class LLMAssist:
    def __init__(self, llm: PlanLLM, plan_getter: Callable[[], Plan] | None = None) -> None:
        self.llm = llm
        self._plan = plan_getter
        self.notices: list[str] = []

    # ----- answers ------------------------------------------------------------------------
    def enrich(
        self,
        plan: Plan,
        section_id: str,
        answer: str,
        lang: str,
        turns: list[tuple[str, str]] | None = None,
    ) -> list[int] | None:
        """Extract structured fields and draft the section; returns new goal indexes if any.

        Every extracted fact must be grounded in the user's own text (numbers, years and names);
        one that is not is discarded with a notice and the user's version stays."""
        data = self.llm.extract(plan, section_id, answer, lang)
        user_text = "\n".join([plan.company, *plan.section(section_id).answers, answer])
        new_goals: list[int] | None = None
        if section_id in GOAL_SECTIONS and data.goals:
            goals = [g.strip() for g in data.goals if g.strip()]
            bad = [x for g in goals for x in invented(g, user_text)]
            lines, _objectives = split_goals(answer)
            given = set().union(set(), *(normalise_numbers(line) for line in lines))
            dropped = sorted(given - set().union(set(), *(normalise_numbers(g) for g in goals)))
            if bad or dropped:
                self._discard(lang, "goals", bad or [f"{v:g}" for v in dropped], dropped=not bad)
            else:
                new_goals = set_goals(plan, section_id, "\n".join(goals), self.checker(plan))
                for i in new_goals:
                    plan.goals[i].author = "llm"
                plan.section(section_id).content = "\n".join(
                    g.text for g in plan.goals_in(section_id)
                )
        if section_id == "mkt_audience_personas" and data.personas:
            bad = [x for p in data.personas for x in invented(_text_of(p), user_text)]
            if bad:
                self._discard(lang, "personas", bad)
            else:
                plan.personas = [p.model_copy(update={"author": "llm"}) for p in data.personas]
        if section_id == "mkt_budget" and (data.budget_lines or data.budget_total):
            values = [data.budget_total, data.expected_roi] + [
                v
                for line in data.budget_lines
                for v in (line.amount, line.share, line.expected_roi)
            ]
            bad = invented_values(values, user_text) + [
                x for line in data.budget_lines for x in invented(line.item, user_text)
            ]
            if bad:
                self._discard(lang, "budget", bad)
            else:
                plan.budget = Budget(
                    total=data.budget_total,
                    currency=data.currency,
                    lines=[line.model_copy(update={"author": "llm"}) for line in data.budget_lines],
                    expected_roi=data.expected_roi,
                    author="llm",
                )
        if section_id == "mkt_calendar" and data.calendar:
            bad = [x for e in data.calendar for x in invented(_text_of(e), user_text)]
            if bad:
                self._discard(lang, "calendar", bad)
            else:
                plan.calendar = [e.model_copy(update={"author": "llm"}) for e in data.calendar]
        if section_id == "mkt_channels" and data.channels:
            bad = [x for c in data.channels for x in invented(c, user_text)]
            if bad:
                self._discard(lang, "channels", bad)
            else:
                plan.channels = data.channels
                plan.channels_author = "llm"
        if section_id == "sales_team_structure" and data.team_roles:
            bad = [x for r in data.team_roles for x in invented(_text_of(r), user_text)]
            if bad:
                self._discard(lang, "team", bad)
            else:
                plan.team = [r.model_copy(update={"author": "llm"}) for r in data.team_roles]
        if section_id not in NO_DRAFT:
            text, passages = self.llm.draft_section(plan, section_id, answer, lang, turns)
            section = plan.section(section_id)
            section.content = text
            section.author = "llm"
            section.sources = [Source(source=p.source, heading=p.heading) for p in passages]
        else:
            plan.section(section_id).author = "llm"
        return new_goals

    def _discard(self, lang: str, what: str, bad: list[str], dropped: bool = False) -> None:
        names = {
            "goals": ("goals", "목표"), "personas": ("personas", "페르소나"),
            "budget": ("budget", "예산"), "calendar": ("calendar", "캘린더"),
            "channels": ("channels", "채널"), "team": ("team", "팀 구성"),
        }[what]  # fmt: skip
        shown = ", ".join(dict.fromkeys(bad))[:120]
        if lang == "ko":
            why = (
                f"답변의 수치를 빠뜨려서({shown})"
                if dropped
                else f"답변에 없는 값({shown})이 있어서"
            )
            self.notices.append(
                f"_(모델이 읽은 {names[1]}에 {why} 버리고, 입력하신 내용을 그대로 두었습니다.)_"
            )
        else:
            why = (
                f"dropped numbers you gave ({shown})"
                if dropped
                else f"contained values you never wrote ({shown})"
            )
            self.notices.append(
                f"_(The model's reading of your {names[0]} {why}, so it was discarded and your version stays.)_"
            )

    def take_notices(self) -> list[str]:
        """Notices about discarded model output since the last call (shown once, then cleared)."""
        out, self.notices = self.notices, []
        return out

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

"""The data the interview engine works with: its saved state, its replies, and the interfaces of
the question answerer and the LLM path."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, Protocol

from pydantic import BaseModel, Field, model_validator

from assistant.core.plan import Plan, Source
from assistant.goals.measure_question import parse_measure_question
from assistant.interview.plan_update import GoalChecker


class QAAnswer(BaseModel):
    text: str
    sources: list[Source] = Field(default_factory=list)
    notice: str = ""  # e.g. the model failed and the offline answer is shown
    kpis: list[str] = Field(default_factory=list)  # for a measuring question: KPI ids, best first


class QuestionAnswerer(Protocol):
    def __call__(
        self,
        question: str,
        lang: str,
        plan: Plan | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> QAAnswer | None: ...


class LLMHelper(Protocol):
    """The LLM path (assistant.llm.assist.LLMAssist); every method may raise LLMError."""

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
    def take_notices(self) -> list[str]: ...
    def begin_turn(self) -> None: ...


class InterviewState(BaseModel):
    """Everything needed to resume an interview: the plan plus where we are in it."""

    plan: Plan
    cursor: str | None = None
    pending: list[int] = Field(default_factory=list)
    started: bool = False
    followed_up: list[str] = Field(default_factory=list)  # sections that had their one follow-up
    awaiting_followup: str | None = None
    read_back: list[int] = Field(default_factory=list)  # goals whose reading was shown last
    asked: list[str] = Field(
        default_factory=list
    )  # one-time questions already asked ("revenue_model")

    @model_validator(mode="after")
    def _fact_sheet(self) -> InterviewState:
        """A plan saved before the fact sheet existed gets one when it is loaded."""
        if not self.plan.facts and any(s.content for s in self.plan.sections.values()):
            from assistant.analysis.fact_reader import refresh_facts

            refresh_facts(self.plan)
        return self


class Reply(BaseModel):
    text: str
    kind: Literal["question", "info", "error", "answer", "done"] = "info"
    section: str | None = None
    sources: list[Source] = Field(default_factory=list)
    export: str | None = (
        None  # "md" | "docx" | "pdf" | "pptx" | "json" when the user asked for an export
    )
    new_plan: bool = False
    mode: Literal["offline", "llm"] = "offline"
    language: str | None = None  # the plan's language, when this turn's command switched it


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
    if parse_measure_question(s) is not None:
        return True
    return bool(_QUESTION_END_KO.search(s)) or (
        bool(_QUESTION_START_EN.match(s))
        and len(s.split()) <= 12
        and s.lower().startswith(("how do", "how to", "what is", "what are", "explain", "tell me"))
    )

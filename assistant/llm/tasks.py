"""What the model does for the plan: extraction, one follow-up, section drafts, summaries,
persona and messaging drafts, grounded answers and a SMART second opinion. Each returns the same
types as its offline equivalent; every failure raises LLMError so the caller can fall back."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from assistant.core.catalogue import get_section
from assistant.core.errors import LLMError
from assistant.core.plan import (
    BudgetLine,
    CalendarEntry,
    Criterion,
    Messaging,
    Persona,
    Plan,
    SmartResult,
    TeamRole,
)
from assistant.core.settings import Settings
from assistant.llm.client import LLMClient
from assistant.llm.context import Passage, build_messages, plan_state, references, trim_passages
from assistant.llm.prompts import render_prompt

LANGUAGE_NAME = {"en": "English", "ko": "Korean (한국어)"}
Turns = list[tuple[str, str]]
Retrieve = Callable[[str, str], list[Passage]]


class SectionExtraction(BaseModel):
    """Structured fields of one answer; empty lists where the answer gives nothing."""

    goals: list[str] = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)
    budget_total: float | None = None
    currency: str = ""
    budget_lines: list[BudgetLine] = Field(default_factory=list)
    expected_roi: float | None = None
    calendar: list[CalendarEntry] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    team_roles: list[TeamRole] = Field(default_factory=list)


class FollowUp(BaseModel):
    question: str = ""


class Draft(BaseModel):
    markdown: str


class Opinion(BaseModel):
    ok: bool | None
    reason: str


class SmartOpinion(BaseModel):
    specific: Opinion
    achievable: Opinion
    relevant: Opinion
    rewrite: str = ""


class PersonaDrafts(BaseModel):
    personas: list[Persona]


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def invented_numbers(draft: str, allowed: str) -> set[str]:
    """Numbers in a draft that appear nowhere in the facts it was given (small counts excepted)."""
    ok = numbers_in(allowed)
    return {n for n in numbers_in(draft) if n not in ok and not (n.isdigit() and int(n) <= 12)}


class PlanLLM:
    def __init__(
        self, settings: Settings, client: LLMClient | None = None, retrieve: Retrieve | None = None
    ) -> None:
        self.settings = settings
        self.client = client or LLMClient(settings)
        self.retrieve = retrieve

    # ----- prompt helpers -----------------------------------------------------------------
    def _system(self, plan: Plan, lang: str) -> str:
        kind = {"integrated": "sales & marketing", "marketing": "marketing", "sales": "sales"}[
            plan.plan_type
        ]
        if lang == "ko":
            kind = {"integrated": "판매 및 마케팅", "marketing": "마케팅", "sales": "판매"}[
                plan.plan_type
            ]
        return render_prompt(
            self.settings.prompts_dir,
            "system",
            lang,
            company=plan.company or ("고객사" if lang == "ko" else "the user's company"),
            plan_kind=kind,
        )

    def _prompt(self, name: str, lang: str, **values: Any) -> str:
        return render_prompt(
            self.settings.prompts_dir, name, lang, language_name=LANGUAGE_NAME[lang], **values
        )

    def _messages(
        self, plan: Plan, lang: str, task: str, turns: Turns | None = None
    ) -> list[dict[str, str]]:
        return build_messages(
            self._system(plan, lang), task, turns or [], self.settings.prompt_token_budget
        )

    def _passages(self, query: str, lang: str, room: int = 900) -> list[Passage]:
        if self.retrieve is None:
            return []
        try:
            return trim_passages(self.retrieve(query, lang), room)
        except Exception:
            return []

    # ----- tasks --------------------------------------------------------------------------
    def extract(self, plan: Plan, section_id: str, answer: str, lang: str) -> SectionExtraction:
        spec = get_section(section_id)
        task = self._prompt(
            "extract",
            lang,
            section_title=spec.title.get(lang),
            section_id=section_id,
            section_needs="; ".join(spec.contains.get(lang)),
            answer=answer,
        )
        return self.client.structured(
            self._messages(plan, lang, task),
            SectionExtraction,
            attempts=self.settings.llm_max_retries + 1,
        )

    def followup(self, plan: Plan, section_id: str, answer: str, lang: str) -> str:
        spec = get_section(section_id)
        task = self._prompt(
            "followup",
            lang,
            section_title=spec.title.get(lang),
            section_needs="; ".join(spec.contains.get(lang)),
            answer=answer,
        )
        return self.client.structured(
            self._messages(plan, lang, task), FollowUp, attempts=2
        ).question.strip()

    def draft_section(
        self, plan: Plan, section_id: str, answer: str, lang: str, turns: Turns | None = None
    ) -> tuple[str, list[Passage]]:
        """A drafted section and the passages it may cite; numbers not in the facts are rejected."""
        spec = get_section(section_id)
        passages = self._passages(f"{spec.title.get(lang)} {answer[:200]}", lang)
        state = plan_state(plan, section_id)
        task = self._prompt(
            "draft_section",
            lang,
            section_title=spec.title.get(lang),
            section_needs="; ".join(spec.contains.get(lang)),
            plan_state=state,
            answer=answer,
            references=references(passages),
        )
        messages = self._messages(plan, lang, task, turns)
        facts = (
            f"{answer}\n{state}\n"
            + "\n".join(p.text for p in passages)
            + "\n"
            + "\n".join(plan.section(s).content for s in plan.sections)
        )
        for _ in range(2):
            text = self.client.complete(messages)
            bad = invented_numbers(text, facts)
            if not bad:
                return text, passages
            messages = [
                *messages,
                {"role": "assistant", "content": text},
                {
                    "role": "user",
                    "content": f"These numbers are not in the user's facts: {', '.join(sorted(bad))}. Rewrite without them (use placeholders).",
                },
            ]
        raise LLMError(
            "The model kept adding numbers the user never gave.",
            "모델이 사용자가 주지 않은 숫자를 계속 넣었습니다.",
        )

    def draft_summary(self, plan: Plan, summary_id: str, lang: str) -> str:
        from assistant.interview.summary import _SOURCES

        parts = [
            f"## {plan.title(s)}\n{plan.section(s).content[:600]}"
            for s in _SOURCES[summary_id]
            if s in plan.sections and plan.section(s).content
        ]
        goals = [
            g.text
            for g in plan.goals
            if g.section
            in ("mkt_objectives" if summary_id.startswith("mkt") else "sales_objectives",)
        ]
        sections = "\n\n".join(
            parts + (["## Goals\n" + "\n".join(f"- {g}" for g in goals)] if goals else [])
        )
        kind = get_section(summary_id).plan
        text = self.client.complete(
            self._messages(
                plan, lang, self._prompt("summary", lang, plan_kind=kind, sections=sections)
            )
        )
        if invented_numbers(text, sections + plan_state(plan)):
            raise LLMError(
                "The summary added numbers not in the plan.",
                "요약에 계획에 없는 숫자가 들어갔습니다.",
            )
        return text

    def personas(self, plan: Plan, lang: str, focus: str = "", count: int = 2) -> list[Persona]:
        answer = "\n".join(
            plan.section(s).content
            for s in ("mkt_audience_personas", "sales_target_market", "mkt_market_analysis")
            if s in plan.sections
        )
        task = self._prompt(
            "persona",
            lang,
            count=count,
            focus=f" (focus: {focus})" if focus else "",
            plan_state=plan_state(plan, "mkt_audience_personas"),
            answer=answer,
        )
        return self.client.structured(
            self._messages(plan, lang, task),
            PersonaDrafts,
            attempts=self.settings.llm_max_retries + 1,
        ).personas

    def messaging(self, plan: Plan, lang: str, focus: str = "") -> Messaging:
        answer = (
            plan.section("mkt_positioning_messaging").content
            if "mkt_positioning_messaging" in plan.sections
            else ""
        )
        personas = "; ".join(f"{p.name} ({p.role})" for p in plan.personas) or "-"
        task = self._prompt(
            "messaging",
            lang,
            focus=f" (focus: {focus})" if focus else "",
            personas=personas,
            plan_state=plan_state(plan, "mkt_positioning_messaging"),
            answer=answer,
        )
        return self.client.structured(
            self._messages(plan, lang, task), Messaging, attempts=self.settings.llm_max_retries + 1
        )

    def answer_stream(
        self,
        plan: Plan,
        question: str,
        lang: str,
        passages: list[Passage],
        turns: Turns | None = None,
    ) -> Any:
        task = self._prompt("qa", lang, question=question, references=references(passages))
        return self.client.stream(self._messages(plan, lang, task, turns))

    def smart_opinion(self, plan: Plan, goal: str, result: SmartResult, lang: str) -> SmartOpinion:
        verdicts = "; ".join(
            f"{k}: {'pass' if c.ok else ('unknown' if c.ok is None else 'fail')} ({c.reason})"
            for k, c in result.criteria.items()
        )
        task = self._prompt(
            "smart_review",
            lang,
            objectives="; ".join(plan.business_objectives) or "-",
            verdicts=verdicts,
            goal=goal,
        )
        return self.client.structured(self._messages(plan, lang, task), SmartOpinion, attempts=2)


def merge_opinion(
    result: SmartResult, opinion: SmartOpinion, lang: str, recheck: Callable[[str], SmartResult]
) -> SmartResult:
    """S, A and R take the model's view; M and T stay rule-based. The model's rewrite is shown
    only if the rules pass it at least as well as the rule-based suggestion."""
    from assistant.core.plan import CRITERIA

    prefix = "모델 의견: " if lang == "ko" else "Model: "
    criteria = dict(result.criteria)
    for name in ("specific", "achievable", "relevant"):
        op: Opinion = getattr(opinion, name)
        if op.reason.strip():
            criteria[name] = Criterion(ok=op.ok, reason=prefix + op.reason.strip())
    suggestion = result.suggestion
    if opinion.rewrite.strip():
        checked = recheck(opinion.rewrite.strip())
        if all(checked.criteria[c].ok is not False for c in ("measurable", "time_bound")):
            suggestion = opinion.rewrite.strip()
    smart = all(criteria[c].ok is not False for c in CRITERIA) and all(
        criteria[c].ok for c in ("specific", "measurable", "achievable", "time_bound")
    )
    return SmartResult(
        goal=result.goal,
        criteria=criteria,
        smart=smart,
        suggestion=suggestion if not smart else result.goal,
    )

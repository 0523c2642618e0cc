"""What the model does for the plan: extraction, one follow-up, section drafts, summaries,
persona and messaging drafts, grounded answers and a SMART second opinion. Each returns the same
types as its offline equivalent; every failure raises LLMError so the caller can fall back."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.core.catalogue import get_section
from assistant.core.errors import LLMError
from assistant.core.plan import (
    Criterion,
    KeyMessage,
    Messaging,
    Persona,
    Plan,
    SmartResult,
)
from assistant.core.settings import Settings
from assistant.goals.grounding import invented
from assistant.llm.client import LLMClient
from assistant.llm.context import (
    Passage,
    build_messages,
    conversation,
    escape_data,
    plan_state,
    references,
    trim_passages,
)
from assistant.llm.prompts import render_prompt
from assistant.llm.results import BudgetLineOut as BudgetLineOut
from assistant.llm.results import CalendarOut as CalendarOut
from assistant.llm.results import FollowUp as FollowUp
from assistant.llm.results import KeyMessageOut as KeyMessageOut
from assistant.llm.results import MessagingDraft as MessagingDraft
from assistant.llm.results import Opinion as Opinion
from assistant.llm.results import PersonaDrafts as PersonaDrafts
from assistant.llm.results import PersonaOut as PersonaOut
from assistant.llm.results import SectionExtraction as SectionExtraction
from assistant.llm.results import SmartOpinion as SmartOpinion
from assistant.llm.results import TeamRoleOut as TeamRoleOut

LANGUAGE_NAME = {"en": "English", "ko": "Korean (한국어)"}
Turns = list[tuple[str, str]]
Retrieve = Callable[[str, str], list[Passage]]


def user_facts(plan: Plan, *extra: str) -> str:
    """What a model's numbers and names may come from: the user's own answers, the plan's computed
    numbers (budget lines, goal frames, forecast) - never reference passages or earlier model output."""
    parts = [plan.company, *plan.business_objectives, *extra]
    for section in plan.sections.values():
        parts.extend(section.answers)
        if section.author != "llm":  # the user's words as the offline path kept them
            parts.append(section.content)
    b = plan.budget
    parts += [f"{v:g}" for v in (b.total, b.expected_roi) if v is not None]
    parts += [f"{v:g}" for line in b.lines for v in (line.amount, line.share) if v is not None]
    for goal in plan.goals:
        if goal.author == "user":
            parts.append(goal.text)
        frame = goal.frame
        if frame is not None:
            parts += [f"{a.value:g}" for a in (frame.baseline, frame.target) if a is not None]
            parts += [frame.deadline or ""]
    from assistant.llm.context import analysis_line

    parts.append(analysis_line(plan))
    if plan.forecast is not None:
        f = plan.forecast
        parts += [p.period for p in f.points]
        parts += [f"{v:.0f}" for p in f.points for v in (p.value, p.lower, p.upper)]
        parts += [f"{v:.0f}" for v in (f.total, f.conservative_total, f.optimistic_total)]
        parts += [f"{f.history_last_total:.0f}"] if f.history_last_total else []
    return "\n".join(x for x in parts if x)


def check_grounded(text: str, facts: str, names: bool = False) -> None:
    """Raise Ungrounded when `text` carries a number or year (and, for facts, a name) not in `facts`."""
    bad = invented(text, facts) if names else invented_numbers(text, facts)
    if bad:
        raise Ungrounded(bad)


class WrongLanguage(LLMError):
    """The model wrote in the other language even after being asked again."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            "The model answered in the wrong language, so its draft was not used.",
            "모델이 다른 언어로 답해 초안을 쓰지 않았습니다.",
        )


def in_plan_language(text: str, lang: str) -> bool:
    """Prose in the plan's language, judged by the share of Hangul among the letters (product
    names and acronyms in Latin letters are fine in a Korean text)."""
    from assistant.core.lang import detect_language

    return detect_language(text, lang) == lang


def _ask_language(lang: str) -> dict[str, str]:
    return {
        "role": "user",
        "content": "Write it again in Korean (한국어로 다시 써 주세요)."
        if lang == "ko"
        else "Write it again in English.",
    }


class Ungrounded(LLMError):
    """A model result carried values the user never gave; it is discarded as a whole."""

    def __init__(self, values: list[str]) -> None:
        shown = ", ".join(list(dict.fromkeys(values))[:6])
        super().__init__(
            f"The model's result contained values you never gave ({shown}), so it was discarded.",
            f"모델 결과에 입력하지 않은 값({shown})이 있어 버렸습니다.",
        )
        self.values = values


def invented_numbers(draft: str, allowed: str) -> list[str]:
    """Numbers and years in a draft that appear nowhere in the facts (no small-number exemption;
    numbers in words count, and format differences such as 1.2k / 1,200 do not)."""
    return [x for x in invented(draft, allowed) if re.fullmatch(r"[-\d.,]+", x)]


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
            kind = {"integrated": "영업 및 마케팅", "marketing": "마케팅", "sales": "영업"}[
                plan.plan_type
            ]
        return render_prompt(
            self.settings.prompts_dir,
            "system",
            lang,
            company=escape_data(
                plan.company or ("고객사" if lang == "ko" else "the user's company")
            ),
            plan_kind=kind,
        )

    def _prompt(self, name: str, lang: str, **values: Any) -> str:
        """A task prompt; every value is data, escaped so it cannot close its tag (passages and
        the conversation arrive already wrapped)."""
        safe = {
            k: (
                v
                if k in ("references", "conversation") or not isinstance(v, str)
                else escape_data(v)
            )
            for k, v in values.items()
        }
        return render_prompt(
            self.settings.prompts_dir, name, lang, language_name=LANGUAGE_NAME[lang], **safe
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
            conversation=conversation(turns or []),
            references=references(passages),
        )
        messages = self._messages(plan, lang, task)
        facts = user_facts(plan, answer)
        bad: list[str] = []
        asked_language, number_tries = False, 0
        for _ in range(3):
            text = self.client.complete(messages)
            if not in_plan_language(text, lang):
                if asked_language:
                    raise WrongLanguage(lang)
                asked_language = True  # once: then the offline draft stands
                messages = [*messages, {"role": "assistant", "content": text}, _ask_language(lang)]
                continue
            bad = invented_numbers(text, facts)
            if not bad:
                return text, passages
            number_tries += 1
            if number_tries >= 2:  # asked once to drop invented numbers, as before
                break
            messages = [
                *messages,
                {"role": "assistant", "content": text},
                {
                    "role": "user",
                    "content": f"These numbers are not in the user's facts: {', '.join(sorted(bad))}. Rewrite without them (use placeholders).",
                },
            ]
        raise Ungrounded(bad)

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
        from assistant.llm.context import analysis_line

        sections += f"\n\n## Analysis\n{analysis_line(plan)}"
        kind = get_section(summary_id).plan
        messages = self._messages(
            plan, lang, self._prompt("summary", lang, plan_kind=kind, sections=sections)
        )
        text = self.client.complete(messages)
        if not in_plan_language(text, lang):  # asked once, then the offline summary stands
            text = self.client.complete(
                [*messages, {"role": "assistant", "content": text}, _ask_language(lang)]
            )
            if not in_plan_language(text, lang):
                raise WrongLanguage(lang)
        check_grounded(text, user_facts(plan))
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
            focus=focus or "-",
            plan_state=plan_state(plan, "mkt_audience_personas"),
            answer=answer,
        )
        drafts = self.client.structured(
            self._messages(plan, lang, task),
            PersonaDrafts,
            attempts=self.settings.llm_max_retries + 1,
        ).personas
        facts = user_facts(plan, answer, focus)
        for d in drafts:
            check_grounded("\n".join(str(v) for v in d.model_dump().values()), facts, names=True)
        return [Persona(**d.model_dump(), author="llm") for d in drafts]

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
            focus=focus or "-",
            personas=personas,
            plan_state=plan_state(plan, "mkt_positioning_messaging"),
            answer=answer,
        )
        draft = self.client.structured(
            self._messages(plan, lang, task),
            MessagingDraft,
            attempts=self.settings.llm_max_retries + 1,
        )
        check_grounded(
            "\n".join(str(v) for v in draft.model_dump().values()),
            user_facts(plan, answer, personas, focus),
            names=True,
        )
        return Messaging(
            positioning=draft.positioning,
            value_proposition=draft.value_proposition,
            key_messages=[KeyMessage(**k.model_dump()) for k in draft.key_messages],
            call_to_action=draft.call_to_action,
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
        return self.client.stream(self._messages(plan, lang, task))

    def smart_opinion(self, plan: Plan, goal: str, result: SmartResult, lang: str) -> SmartOpinion:
        verdicts = "; ".join(
            f"{k.replace('_', '-')}: {'pass' if c.ok else ('unknown' if c.ok is None else 'fail')} ({c.reason})"
            for k, c in result.criteria.items()
        )
        task = self._prompt(
            "smart_review",
            lang,
            objectives="; ".join(plan.business_objectives) or "-",
            verdicts=verdicts,
            goal=goal,
        )
        opinion = self.client.structured(self._messages(plan, lang, task), SmartOpinion, attempts=2)
        check_grounded(
            "\n".join(
                [
                    opinion.rewrite,
                    *(o.reason for o in (opinion.specific, opinion.achievable, opinion.relevant)),
                ]
            ),
            user_facts(plan, goal),
        )
        return opinion


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

"""Offline persona and messaging drafts: templates filled from the user's answers, with
placeholders where the plan does not say (the LLM path writes richer drafts)."""

from __future__ import annotations

from assistant.core.plan import KeyMessage, Messaging, Persona, Plan
from assistant.interview.extract_offline import messaging_from_answer, persona_from_answer


def offline_personas(plan: Plan, lang: str) -> list[Persona]:
    answer = (
        plan.section("mkt_audience_personas").content
        if "mkt_audience_personas" in plan.sections
        else ""
    )
    answer = answer or (
        plan.section("sales_target_market").content
        if "sales_target_market" in plan.sections
        else ""
    )
    if not answer.strip():
        return []
    persona = persona_from_answer(answer, lang)
    todo = "[인터뷰로 확인]" if lang == "ko" else "[confirm in customer interviews]"
    persona.objections = persona.objections or [todo]
    persona.buying_triggers = persona.buying_triggers or [todo]
    persona.goals = persona.goals or [todo]
    persona.pains = persona.pains or [todo]
    persona.channels = persona.channels or [todo]
    persona.quote = persona.quote or (
        "[고객이 실제로 한 말]" if lang == "ko" else "[a sentence a real customer said]"
    )
    return [persona]


def offline_messaging(plan: Plan, lang: str, focus: str = "") -> Messaging:
    answer = (
        plan.section("mkt_positioning_messaging").content
        if "mkt_positioning_messaging" in plan.sections
        else ""
    )
    if not answer.strip():
        return plan.messaging
    personas = plan.personas or offline_personas(plan, lang)
    messaging = messaging_from_answer(answer, personas, lang)
    proof = (
        "[근거: 고객 성과 수치나 사례]" if lang == "ko" else "[proof: a customer result or figure]"
    )
    targets = (
        [p for p in personas if focus.lower() in (p.name + p.role).lower()] if focus else personas
    )
    if focus and not targets:
        targets = [Persona(name=focus)]
    messaging.key_messages = [
        KeyMessage(
            persona=p.name,
            message=_message_for(p, messaging.value_proposition, lang),
            proof_points=[proof],
        )
        for p in targets
    ]
    return messaging


def _message_for(persona: Persona, value: str, lang: str) -> str:
    pain = persona.pains[0] if persona.pains and not persona.pains[0].startswith("[") else ""
    if not pain:
        return value
    return f"{pain} - {value}" if lang == "en" else f"{pain}: {value}"

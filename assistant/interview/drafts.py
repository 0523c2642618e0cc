"""Offline persona and messaging drafts: templates filled from the user's answers, with
segment-typical entries from the knowledge base (marked as typical) where the plan does not say."""

from __future__ import annotations

from assistant.core.plan import Messaging, Persona, Plan
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
    from assistant.interview.persona_card import complete_persona

    return [complete_persona(persona_from_answer(answer, lang), plan, answer)]


def offline_messaging(plan: Plan, lang: str, focus: str = "") -> Messaging:
    """The same message house the plan shows (key messages, objection answers, channel copy),
    optionally for one persona."""
    from assistant.interview.message_house import build_house, key_messages
    from assistant.interview.plan_update import offer_call_to_action

    answer = (
        plan.section("mkt_positioning_messaging").content
        if "mkt_positioning_messaging" in plan.sections
        else ""
    )
    if not answer.strip():
        return plan.messaging
    if not plan.personas:
        plan.personas = offline_personas(plan, lang)
    messaging = messaging_from_answer(answer, plan.personas, lang)
    messaging.call_to_action = offer_call_to_action(plan)
    build_house(plan, messaging)
    if focus:
        mine = [k for k in messaging.key_messages if focus.lower() in k.persona.lower()]
        messaging.key_messages = mine or key_messages(
            plan, Persona(name=focus), messaging.value_proposition
        )
    return messaging

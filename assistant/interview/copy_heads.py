"""Headlines in the buyer's words rather than feature labels: the persona's pains as the questions
they answer 'yes' to, a webinar's session (the switching effort shown live), and the decision
stage's trial on the buyer's own data."""

from __future__ import annotations

import re

from assistant.core.plan import Persona, Plan


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def switching_theme(claims: list[str], ko: bool) -> str:
    """The live session that answers the effort of switching, with the claim that says how quick
    it is ('What switching takes, shown live: one-day setup', '도입 과정을 그대로 보여 주기: 2주 도입')."""
    from assistant.analysis.objection_kinds import EFFORT

    quick = next((d for d in claims if EFFORT.search(d) or re.search(r"\d+\s*-?\s*(?:day|week|일|주)", d, re.I)), "")  # fmt: skip
    if ko:
        return f"도입 과정을 그대로 보여 주기: {quick}" if quick else "도입 과정을 처음부터 끝까지 보여 주기"  # fmt: skip
    return f"What switching takes, shown live: {quick[:1].lower() + quick[1:]}" if quick else "What switching takes, shown live from sign-up to first result"  # fmt: skip


def live_head(plan: Plan, channel: str, claims: list[str], ko: bool) -> str:
    """A webinar's headline is its session, not a feature: the switching session when buyers
    object to the effort of switching."""
    from assistant.analysis.objection_kinds import EFFORT

    if not re.search(r"webinar|웨비나|live|라이브", channel, re.I):
        return ""
    if any(EFFORT.search(o.objection) for o in plan.messaging.objections):
        return switching_theme(claims, ko)
    return ""


def trial_head(plan: Plan, ko: bool, channel: str = "") -> str:
    """The decision stage's headline from the trial the strategy converts with ('convert with a
    14-day guided trial on the buyer's own POS data' -> 'A 14-day guided trial on your own POS
    data'); '' when it names none (English: the Korean trial is the button)."""
    if ko:
        return ""
    said = " ".join(plan.user_text(s) for s in ("mkt_strategy", "sales_strategy"))
    m = re.search(r"\b(?:an?\s+)?(?P<t>\d+[- ]day\s+(?:[\w-]+\s+){0,2}?trial(?:\s+on\s+(?:the\s+)?(?:buyer|customer|prospect)'?s?'?\s+own\s+[^.;,]{2,30})?)", said, re.I)  # fmt: skip
    if m is None:
        return ""
    text = re.sub(r"\bon\s+(?:the\s+)?(?:buyer|customer|prospect)'?s?'?\s+own\b", "on your own", m.group("t"), flags=re.I)  # fmt: skip
    if "on your own" not in text:
        return ""
    from assistant.interview.territory_notes import self_serve_channel

    serve = self_serve_channel(plan)
    if serve and channel and serve[0].lower() in channel.lower():
        # a self-serve channel has no seller to guide a trial: the buyer tries it alone
        return "Try it " + text[text.index("on your own") :]
    return f"A {text}"


def _familiar(pain: str) -> str:
    """An English pain the buyer recognises: a question stays one; a statement is not made a
    question by a question mark ('Reports arrive a week late?') but asked about ('Reports arrive a
    week late. Sound familiar?'), cut to its first clause when the whole would not fit a headline."""
    if not pain or pain.endswith("?"):
        return pain
    whole = f"{_cap(pain)}. Sound familiar?"
    if len(whole) <= 60:
        return whole
    first = re.split(r",\s+|;\s+|\s+and\s+|\s+but\s+", pain)[0]
    return f"{_cap(first)}. Sound familiar?"


def pain_questions(persona: Persona, ko: bool) -> list[str]:
    """The pains the user stated for the persona as questions a buyer answers 'yes' to ('Reports
    arrive a week late. Sound familiar?', '급여 마감에 매달 3일이 걸리나요?'); typical pains are never used."""
    if "pains" in persona.typical:
        return []
    out = []
    for pain in persona.pains:
        pain = " ".join(pain.split()).rstrip(" .")
        if ko:
            from assistant.core.korean import question_ending

            q = question_ending(pain)
            out.append(f"{q}?" if q else "")
        else:
            out.append(_familiar(pain))
    return [q for q in out if q]

"""Copy bodies written for the channel's format and the buyer's stage, not the same claims listed
in every row: a webinar says what the session shows, a booth what it demonstrates, a newsletter
what the issue walks through, a search ad its two strongest claims and the free first step, and
the decision stage asks the buyer to check the claims for themselves. Each body carries one or
two claims, led by the one the channel's headline calls for, so no two channels read alike.

Only the plan's own claims, steps and offers appear: nothing here adds a fact (no invented
durations, discounts or guarantees)."""

from __future__ import annotations

import re

from assistant.core.lang import fix_particles
from assistant.core.plan import Plan

_BOOTH = re.compile(r"trade\s*show|booth|expo|fair|박람회|전시|부스", re.I)
_SESSION = re.compile(r"webinar|웨비나|세미나|live|라이브|online", re.I)


def _low(text: str) -> str:
    """A claim inside a sentence: 'One-day setup' -> 'one-day setup' (an acronym stays)."""
    text = text.strip(" .")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _pair(lead: str, second: str, ko: bool) -> str:
    """'one-day setup and retail KPIs' / '주 52시간 자동 경고와 노무법인 검수 템플릿'."""
    if not second:
        return lead if ko else _low(lead)
    if ko:
        return fix_particles(f"{lead.strip(' .')}과(와) {second.strip(' .')}")
    return f"{_low(lead)} and {_low(second)}"


_DECISION = ("계약 전에 {x}을(를) 직접 확인하세요.", "see {x} for yourself before you decide.")
_BOOTH_SAYS = ("부스에서 {x}을(를) 직접 시연합니다.", "see {x} demonstrated live at our booth.")
_SESSION_SAYS = ("{x}을(를) 실제 화면으로 보여 드리고 질문에 답합니다.", "{x}, shown live on screen, with time for your questions.")  # fmt: skip


def format_bodies(
    kind: str, channel: str, stage: str, claims: list[str], ko: bool, step: str = ""
) -> list[str]:
    """Bodies for one channel at one stage, best first ([] when the format has no pattern: the
    caller's general bodies stay). `claims` are the channel's claims in the order it leads with
    them; `step` is the plan's free first step or trial, said as a noun ('무료 급여 진단',
    'the free store-data review')."""
    items = [c.strip(" .") for c in claims if c.strip(" .")]
    if not items:
        return []
    lead, second = items[0], (items[1] if len(items) > 1 else "")
    both, one = _pair(lead, second, ko), _pair(lead, "", ko)
    out: list[str] = []
    # one sentence per format, said with both lead claims and then with the first alone (the
    # shorter fallback a tight limit takes): (Korean, English) with {x} for the claims
    pattern = (
        _DECISION if stage == "decision"
        else _BOOTH_SAYS if kind == "event" and _BOOTH.search(channel)
        else _SESSION_SAYS if kind == "event" and _SESSION.search(channel)
        else None
    )  # fmt: skip
    if pattern is not None:
        out += [fix_particles(pattern[0].format(x=x)) if ko else _cap(pattern[1].format(x=x)) for x in (both, one)]  # fmt: skip
    elif kind == "email":
        out += (
            [fix_particles(f"이번 호에서는 {one}이(가) 실제 업무에서 어떻게 돌아가는지 단계별로 보여 드립니다."), fix_particles(f"이번 호: {one}의 실제 작동 방식.")]
            if ko
            else [f"This issue shows {one} at work in a real week, step by step.", f"This issue: {one}, step by step."]
        )  # fmt: skip
    elif kind == "search ad":
        start = (fix_particles(f"{step}부터 시작하세요.") if ko else f"Start with {step}.") if step else ""  # fmt: skip
        out += [
            *(
                [f"{lead}, {second}. {start}" if ko else f"{_cap(both)}. {start}"]
                if second and start
                else []
            ),
            *([f"{lead}. {start}" if ko else f"{_cap(one)}. {start}"] if start else []),
            f"{lead}, {second}." if ko and second else f"{_cap(both)}.",
        ]
    return [b for b in out if b]


def for_whom(role: str, claims: list[str], ko: bool, said: str = "") -> str:
    """'For the operations director of a 20-200 store retail chain: one-day setup and …' /
    '… 인사총무팀장을 위한 주 52시간 자동 경고와 노무법인 검수 급여 템플릿.'; '' without a role.
    A claim's first word is lowered only when the user's own text (`said`) writes it so: 'Shopify'
    and 'NetSuite sync' keep their capitals."""
    role = " ".join(role.split()).strip(" .")
    role = re.sub(r"\s*\([^()]*\)", "", role)  # its note ('(40대, 재무·인사 겸직)') is no audience
    items = [c.strip(" .") for c in claims if c.strip(" .")]
    if not role or len(items) < 2:
        return ""
    if ko:
        from assistant.core.lang import fix_particles

        listed = ", ".join(items[:-1]) + f"와(과) {items[-1]}"
        return fix_particles(f"{role}을(를) 위한 {listed}.")

    def lowered(item: str) -> str:
        first = item.split()[0] if item.split() else item
        plain = first[:1].lower() + first[1:]
        if first[1:2].isupper() or plain == first or not re.search(rf"(?<![\w-]){re.escape(plain)}\b", said):  # fmt: skip
            return item
        return item[:1].lower() + item[1:]

    low = [lowered(i) for i in items]
    article = "" if re.match(r"(?:the|a|an|our|your)\b", role, re.I) else "the "
    return f"For {article}{role}: " + ", ".join(low[:-1]) + f" and {low[-1]}."


def answering(plan: Plan, claims: list[str], pain: str) -> list[str]:
    """The claims, the one that answers the pain first: what the key messages table says each
    answers ('Ready-made retail dashboards' -> reports built by hand), then the words it shares
    with the pain ('52시간 위반' -> '52시간 경고'); a stable order otherwise."""
    from assistant.interview.message_answers import message_answers

    words = set(re.findall(r"\w{2,}", pain.lower()))

    def shared(text: str) -> int:
        return len(words & set(re.findall(r"\w{2,}", text.lower())))

    return sorted(claims, key=lambda c: (-shared(message_answers(plan, c)), -shared(c)))

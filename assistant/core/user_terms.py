"""The user's own word for a term the plan also writes: when the answers call reference calls
'레퍼런스 통화' and never '레퍼런스 콜', the composed text says '레퍼런스 통화' too, so one
document never names one thing two ways. Only fixed pairs of the same meaning are swapped."""

from __future__ import annotations

import re
from functools import partial

from assistant.core.lang import josa
from assistant.core.plan import Plan

# (the plan's word, the user's words for the same thing), by language
_SAME: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "ko": [("레퍼런스 콜", ("레퍼런스 통화", "레퍼런스 체크"))],
    "en": [("reference call", ("reference check",))],
}


def own_terms(plan: Plan) -> list[tuple[str, str]]:
    """(the plan's word, the user's word) for each term the answers say only the user's way."""
    said = "\n".join(plan.user_text(sid) for sid in plan.sections).lower()
    out = []
    for ours, theirs in _SAME.get(plan.language, []):
        if ours.lower() in said:
            continue
        if used := next((t for t in theirs if t.lower() in said), None):
            out.append((ours, used))
    return out


def in_users_words(plan: Plan, text: str) -> str:
    """The composed text with each term in the user's word (its case kept at a sentence's start,
    a Korean particle after it in the form the new word takes)."""
    for ours, theirs in own_terms(plan):
        if plan.language == "ko":
            text = re.sub(rf"{re.escape(ours)}((?:이나|나|은|는|이|가|을|를|과|와|으로|로)(?![가-힣]))?", partial(_swapped, theirs), text)  # fmt: skip
            continue
        text = text.replace(ours, theirs).replace(ours[:1].upper() + ours[1:], theirs[:1].upper() + theirs[1:])  # fmt: skip
    return text


def _swapped(word: str, m: re.Match[str]) -> str:
    return _with_particle(word, m.group(1))


def _with_particle(word: str, particle: str | None) -> str:
    if not particle:
        return word
    if particle in ("이나", "나"):  # '레퍼런스 콜이나' -> '레퍼런스 통화나'
        return word + ("이나" if josa(word, "이").endswith("이") else "나")
    base = {"는": "은", "가": "이", "를": "을", "와": "과", "로": "으로"}.get(particle, particle)
    return josa(word, base)

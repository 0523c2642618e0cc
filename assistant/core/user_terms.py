"""The user's own word for a term the plan also writes: when the answers call reference calls
'레퍼런스 통화' and never '레퍼런스 콜', the composed text says '레퍼런스 통화' too, so one
document never names one thing two ways. Only fixed pairs of the same meaning are swapped."""

from __future__ import annotations

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
    """The composed text with each term in the user's word (its case kept at a sentence's start)."""
    for ours, theirs in own_terms(plan):
        text = text.replace(ours, theirs).replace(ours[:1].upper() + ours[1:], theirs[:1].upper() + theirs[1:])  # fmt: skip
    return text

"""The revenue bridge a user writes themselves: signed amounts from last year's revenue to the goal
('contract churn -$0.9M, escalator +$0.3M, new contracts +$1.5M …', '해지로 -6억, 신규 … = +12억 …').
It is the plan's bridge when its terms take the stated base to the revenue goal; its labels are the
user's words before each amount."""

from __future__ import annotations

import re

from assistant.goals.numbers import read_quantities

_TERM = re.compile(
    r"(?<![\w.,%)])([+\-−–])\s?"
    r"((?:[$₩€£]\s?)?\d[\d,]*(?:\.\d+)?\s*(?:[KkMmBb]\b|억|천만|만)?(?:\s?\d[\d,]*\s?(?:천만|만|천))?"
    r"\s*(?:원|won\b|dollars?\b)?)"
)
_HAS_UNIT = re.compile(r"[$₩€£]|\d\s*[KkMmBb]\b|억|만|원|won|dollar", re.I)
_BOUNDARY = re.compile(r"[;:\n]|(?<!\d),|,(?!\d)|\.\s|\(|\)")
_SEP = ": "


def _value(term: str, currency: str) -> float | None:
    found = read_quantities(term)
    if not found:
        return None
    return found[0].value if found[0].is_money_in(currency) else None


def _label(text: str, start: int, floor: int) -> str:
    """The words before a term, back to the previous term or a separator."""
    head = text[floor:start]
    cuts = [m.end() for m in _BOUNDARY.finditer(head)]
    label = head[cuts[-1] :] if cuts else head
    return re.sub(r"\s+", " ", label).strip(" =≈~-")


def read_stated_bridge(
    text: str, base: float, goal: float, currency: str
) -> list[tuple[str, str, float]] | None:
    """(label, the amount as written with its sign, signed value) for each term, when base plus
    the terms comes to the goal (within 1%); None otherwise."""
    terms: list[tuple[str, str, float]] = []
    floor = 0
    for m in _TERM.finditer(text):
        written = m.group(2).strip()
        if not _HAS_UNIT.search(written):
            continue  # '36 - 6 + 12 = 48억': the sum, not a term
        value = _value(written, currency)
        if value is None:
            continue
        sign = -1.0 if m.group(1) != "+" else 1.0
        label = _label(text, m.start(), floor)
        floor = m.end()
        if label:
            terms.append((label, ("-" if sign < 0 else "+") + written, sign * value))
    if len(terms) < 2 or abs(base + sum(t[2] for t in terms) - goal) > goal * 0.01:
        return None
    return terms


def as_fact(terms: list[tuple[str, str, float]]) -> list[str]:
    """Fact-sheet entries: 'contract churn: -$0.9M'."""
    return [f"{label}{_SEP}{written}" for label, written, _ in terms]


def parse_fact(entries: list[str], currency: str) -> list[tuple[str, float]]:
    """(label, signed value) back from the fact sheet (as the user may have corrected it)."""
    out = []
    for entry in entries:
        label, _, written = entry.rpartition(_SEP)
        written = written.strip()
        sign = -1.0 if written[:1] in "-−–" else 1.0
        value = _value(written.lstrip("+-−– "), currency)
        if label and value is not None:
            out.append((label, sign * value))
    return out

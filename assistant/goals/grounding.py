"""Is a model's fact grounded in what the user wrote? Numbers and names must come from the user's text.

A model may add structure to the user's words (split a paragraph into goals, put budget lines in a
table) but may not bring in a number, a year or a proper noun of its own: anything that does not
occur in the user's text (after normalising number formats: '1.2k' = '1,200' = '천이백'-free digits)
is invented, and the fact that carries it is discarded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.goals.numbers import normalise_numbers

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9&'.-]*[A-Za-z0-9]\b|\b[A-Z]{2,}\b")
_COMMON = {
    "I", "A", "An", "The", "We", "Our", "Us", "It", "This", "That", "These", "Those", "And", "Or",
    "For", "With", "By", "In", "On", "At", "To", "From", "Of", "Per", "Via", "Through", "Each",
    "Every", "All", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY", "KPI", "KPIs", "ROI", "CAC", "LTV",
    "NPS", "CTR", "CPL", "MQL", "MQLs", "SQL", "SQLs", "SMART", "B2B", "B2C", "USD", "KRW", "EUR",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Target", "Goal", "Budget", "Channel", "Owner", "Role", "Team",
    "Increase", "Grow", "Generate", "Reach", "Reduce", "Close", "Sign", "Win", "Launch", "Run",
    "Host", "Publish", "Add", "Keep", "Improve", "Lower", "Raise", "Book", "Hire", "Build",
}  # fmt: skip


def _years(text: str) -> set[str]:
    return set(_YEAR.findall(text))


def names_in(text: str) -> set[str]:
    """Capitalised words that are not the first word of a sentence and not common planning terms."""
    found: set[str] = set()
    for sentence in re.split(r"(?<=[.!?:;\n])\s+|\n", text):
        for i, m in enumerate(_NAME.finditer(sentence)):
            word = m.group(0).rstrip(".")
            if word in _COMMON or (i == 0 and m.start() < 2):
                continue
            found.add(word)
    return found


def _percents(text: str) -> set[float]:
    """Values written as percentages ('35%', '35 퍼센트')."""
    from assistant.goals.numbers import read_quantities

    return {round(q.value, 6) for q in read_quantities(text) if q.unit == "%"}


def _has_name(name: str, low: str) -> bool:
    """The name as a whole token of the user's text ('Ace' is not in 'space'; 'Acme의' has Acme)."""
    return re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", low) is not None


def invented(candidate: str, user_text: str) -> list[str]:
    """Numbers, years and names in `candidate` that the user never wrote (empty when grounded).
    Numbers match by value; a share matches across percent and fraction only when one side is
    written as a percentage (35% = 0.35), never a bare x100 or /100."""
    known_numbers = normalise_numbers(user_text)
    known_percents = _percents(user_text)
    candidate_percents = _percents(candidate)
    known_years = _years(user_text)
    low = user_text.lower()
    out: list[str] = []
    for value in sorted(normalise_numbers(candidate)):
        if value in known_numbers:
            continue
        as_fraction = 0 < abs(value) <= 1 and _close(value, known_percents)
        as_percent = value in candidate_percents and _close(
            value, {k for k in known_numbers if 0 < abs(k) <= 1}
        )
        if not (as_fraction or as_percent):
            out.append(_fmt(value))
    out += sorted(y for y in _years(candidate) - known_years)
    out += sorted(
        n
        for n in names_in(candidate)
        if not _has_name(n.lower(), low) and not _has_name(re.sub(r"(?:'s|s)$", "", n.lower()), low)
    )
    return out


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _close(value: float, known: Iterable[float]) -> bool:
    """A share written as 0.35 and as 35% is the same fact."""
    return any(abs(value * 100 - k) < 1e-6 or abs(value - k * 100) < 1e-6 for k in known)


def invented_values(values: Iterable[float | None], user_text: str) -> list[str]:
    """Numbers in structured fields (budget amounts, shares) that the user never wrote."""
    known = normalise_numbers(user_text)
    percents = _percents(user_text)
    out = []
    for v in values:
        if v is None:
            continue
        r = round(float(v), 6)
        # a structured share may be a fraction of a percentage the user wrote (0.3 for 30%)
        if r not in known and not (0 < abs(r) <= 1 and _close(r, percents)):
            out.append(_fmt(r))
    return out

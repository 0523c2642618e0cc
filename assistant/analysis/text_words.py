"""Distinctive words of a phrase, the unit every linking step compares: English words by their
first five letters (webinar/webinars), short acronyms (SEO, SMS), Korean nouns read with Kiwi.
Common verbs, period words and months are left out."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.core.korean import content_nouns, re_hangul, trim_endings

_STOP = {
    "with", "through", "from", "into", "every", "each", "monthly", "month", "months", "year",
    "years", "annual", "annually", "weekly", "quarter", "quarterly", "program", "programme",
    "series", "plan", "goal", "goals", "increase", "generate", "close", "grow", "reach", "more",
    "than", "their", "that", "this", "which", "using", "publish", "publishing", "launch",
    "목표", "확보", "달성", "증가", "통해", "이상", "매월", "매달", "분기", "연간", "진행", "운영",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "spring", "summer", "autumn", "fall", "winter", "holiday",
}  # fmt: skip


_CONCEPTS = (
    (re.compile(r"\bexpos?\b|trade\s*-?\s*shows?|\bbooths?\b"), "§tradeshow"),
    (re.compile(r"박람회|전시회|엑스포|페어\b"), "§tradeshow"),
)


@lru_cache(maxsize=4096)
def words(text: str) -> frozenset[str]:
    """Distinctive words: English words by their first five letters (webinar/webinars), Korean
    nouns read with Kiwi; common verbs and period words left out."""
    low = text.lower()
    out = {w[:5] for w in re.findall(r"[a-z][a-z0-9-]{3,}", low) if w not in _STOP}
    # short acronyms carry meaning too: SEO, PPC, SMS, B2B (not 'the', 'and')
    out |= {
        a.lower()
        for a in re.findall(r"(?<![A-Za-z])[A-Z][A-Z0-9]{1,4}(?![A-Za-z])", text)
        if not a.isdigit()
    }
    # one thing said several ways: an expo, a trade show and a booth are one kind of channel
    out |= {token for rx, token in _CONCEPTS if rx.search(low)}
    if re_hangul(text):
        out |= {n for n in content_nouns(text) if len(n) > 1 and n not in _STOP}
        # each word as written, without its particle: '맘카페' read alone is '맘' + '카페'
        out |= {w for c in text.split() if re_hangul(c) and len(w := _stem(c)) > 1 and w not in _STOP}  # fmt: skip
    return frozenset(out)


def _stem(word: str) -> str:
    """A word as written without the particles and endings at its edges (`trim_endings`), and
    without the 하다 suffix before them ('부족합니다' and '부족함' both read '부족')."""
    from assistant.core.korean import tokens

    toks = [t for t in tokens(word) if t.form.strip()]
    edge = ("J", "E", "VCP", "XSV", "XSA", "SF", "SP", "SO")
    while len(toks) > 1 and toks[-1].tag.startswith(edge):
        toks.pop()
    if toks and toks[-1].tag.startswith(edge):
        return ""
    return trim_endings(word[: toks[-1].start + toks[-1].len]) if toks else ""

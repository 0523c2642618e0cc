"""A sales process's own stages and rates, read from the answer: 'lead-to-walk-through rate 30%,
walk-through-to-proposal rate 60%, proposal win rate 28%' or '상담→방문 전환율 40%, 방문→계약
전환율 25%'. The funnel runs through these stages instead of the default MQL→SQL→won."""

from __future__ import annotations

import re

_EN = re.compile(
    r"(?P<a>[a-z][a-z]*(?:[ -][a-z]+)?)[\s-]+to[\s-]+(?P<b>[a-z][a-z]*(?:-[a-z]+)?(?:\s(?!rate|conversion)[a-z]+)?)"
    r"\s+(?:conversion\s+)?(?:rate|conversion)\s*(?:is|of|at|:|=)?\s*(?:about\s+|around\s+)?"
    r"(?P<r>\d+(?:\.\d+)?)\s*%",
    re.I,
)
_KO = re.compile(
    r"(?P<a>[가-힣A-Za-z]{1,12}(?:\s[가-힣A-Za-z]{1,6})?)\s*(?:→|->|에서)\s*(?P<b>[가-힣A-Za-z]{1,12}(?:\s[가-힣A-Za-z]{1,6})?)\s*(?:으로의\s*|로의\s*)?"
    r"(?:전환율|전환)\s*(?:은|는|이|가|:)?\s*(?:약\s*)?(?P<r>\d+(?:\.\d+)?)\s*%"
)
# the standard stages have their own facts (MQL→SQL, SQL→won, lead→customer)
_STANDARD = re.compile(r"^(?:mqls?|sqls?)$", re.I)
_WON = re.compile(
    r"won|win|close|closed|customers?|clients?|contracts?|deals?|signed|계약|고객|수주|거래|가입"
)
_SEP = "→"


def read_stage_links(text: str) -> list[tuple[str, str, float, int, int]]:
    """(from, to, rate %, start, end) for each 'A-to-B rate X%' / 'A→B 전환율 X%' in the text."""
    out = []
    for pattern in (_EN, _KO):
        for m in pattern.finditer(text):
            a, b = m.group("a").strip(), m.group("b").strip()
            if _STANDARD.match(a) and _STANDARD.match(b):
                continue
            out.append((a, b, float(m.group("r")), m.start(), m.end()))
    return sorted(out, key=lambda x: x[3])


def as_fact(links: list[tuple[str, str, float, int, int]]) -> list[str]:
    """The links as fact-sheet entries: 'lead→walk-through 30%'."""
    return [f"{a}{_SEP}{b} {r:g}%" for a, b, r, _, _ in links]


def parse_fact(entries: list[str]) -> list[tuple[str, str, float]]:
    out = []
    for entry in entries:
        m = re.match(rf"(.+?){_SEP}(.+)\s(\d+(?:\.\d+)?)%$", entry)
        if m:
            out.append((m.group(1), m.group(2), float(m.group(3))))
    return out


def is_customer_stage(name: str) -> bool:
    return bool(_WON.search(name.lower()))


def stage_name(name: str, ko: bool) -> str:
    """'walk-through' -> 'Walk-throughs'; Korean names stay as written."""
    if ko or not name:
        return name
    word = name[:1].upper() + name[1:]
    if word.endswith("s"):
        return word
    if re.search(r"[^aeiou]y$", word):  # 'opportunity' -> 'Opportunities'
        return word[:-1] + "ies"
    return word + "s"


def usable_chain(links: list[tuple[str, str, float]], has_win_rate: bool) -> bool:
    """Two or more links, or one that ends at customers or is followed by a win rate."""
    if not links:
        return False
    return len(links) >= 2 or is_customer_stage(links[-1][1]) or has_win_rate

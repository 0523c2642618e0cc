"""A sales process's own stages and rates, read from the answer: 'lead-to-walk-through rate 30%,
walk-through-to-proposal rate 60%, proposal win rate 28%' or '상담→방문 전환율 40%, 방문→계약
전환율 25%'. The funnel runs through these stages instead of the default MQL→SQL→won."""

from __future__ import annotations

import re
from functools import lru_cache

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
    r"won|win|close|closed|customers?|clients?|contracts?|deals?|signed|subscri|계약|고객|수주|거래|가입|구독"
)
_SEP = "→"


# a funnel written as a chain of counts: '2,000 leads -> 500 site surveys (25%) -> 140 wins'
_NAME = r"[A-Za-z가-힣](?:[A-Za-z가-힣 /]|-(?!>)){0,30}"
_STEP = (
    rf"(?:({_NAME})\s+)?(\d[\d,.]*\s*(?:만|천)?)\s*(?:건|명|곳|개)?\s*({_NAME})?"
    r"\s*(?:\(\s*(?:약|about|around|~|≈)?\s*(\d+(?:\.\d+)?)\s*%\s*\))?"
)
_ARROW = r"\s*(?:->|→|=>|⇒)\s*"
# '40 active clients at 1,500+ hrs/month': the name ends before its qualifier's preposition
_TRAILING = re.compile(r"\s+(?:at|with|of|for|in|on|per|from|by)$", re.I)
_CHAIN = re.compile(rf"{_STEP}(?:{_ARROW}{_STEP})+")
_ONE = re.compile(rf"(?:^|{_ARROW}){_STEP}")


def _count(text: str) -> float | None:
    from assistant.goals.numbers import read_quantities

    found = read_quantities(text)
    return found[0].value if found else None


def read_chain_links(text: str) -> list[tuple[str, str, float, int, int]]:
    """(from, to, rate %, start, end) for each step of a counted chain; a step's rate is the one
    written beside it, or its count over the step before."""
    out: list[tuple[str, str, float, int, int]] = []
    if not re.search(r"->|→|=>|⇒", text):  # no arrow, no chain (and no costly search)
        return out
    for chain in _CHAIN.finditer(text):
        steps = [
            (
                _TRAILING.sub("", (m.group(1) or m.group(3) or "").strip()),
                _count(m.group(2)),
                m.group(4),
            )
            for m in _ONE.finditer(chain.group(0))
        ]
        if not all(name for name, _, _ in steps):
            continue
        for (a, before, _), (b, after, rate) in zip(steps, steps[1:], strict=False):
            if rate is not None:
                value = float(rate)
            elif before and after and after <= before:
                value = round(after / before * 100, 1)
            else:
                continue
            out.append((a, b, value, chain.start(), chain.end()))
    return out


def read_stage_links(text: str) -> list[tuple[str, str, float, int, int]]:
    """(from, to, rate %, start, end) for each stage link the text states (remembered by text:
    the fact sheet is re-read on every turn)."""
    return list(_stage_links(text))


@lru_cache(maxsize=2048)
def _stage_links(text: str) -> tuple[tuple[str, str, float, int, int], ...]:
    """(from, to, rate %, start, end) for each 'A-to-B rate X%' / 'A→B 전환율 X%' in the text,
    or each step of a counted chain ('2,000 leads -> 500 surveys (25%) -> 140 wins')."""
    out = list(read_chain_links(text))
    for pattern in (_EN, _KO):
        for m in pattern.finditer(text):
            a, b = m.group("a").strip(), m.group("b").strip()
            if _STANDARD.match(a) and _STANDARD.match(b):
                continue
            out.append((a, b, float(m.group("r")), m.start(), m.end()))
    # a trial's conversion said without its end stage ('trial conversion of 30%', '체험 후 유료
    # 전환율 25%'): the trial to a paying customer
    for m in _TRIAL_RATE.finditer(text):
        if not any(s <= m.start() < e for _, _, _, s, e in out):
            ko = bool(re.match(r"체험", m.group(0)))
            rate = m.group("r") or m.group("r2")
            out.append(("체험" if ko else "trial", "유료" if ko else "paid", float(rate), m.start(), m.end()))  # fmt: skip
    return tuple(sorted(out, key=lambda x: x[3]))


_TRIAL_RATE = re.compile(
    r"\btrial(?:-to-paid|\s+to\s+paid)?\s+conversion(?:\s+rate)?\s*(?:is|of|at|:|=)?\s*(?:about\s+)?(?P<r>\d{1,2}(?:\.\d)?)\s*%"
    r"|체험\s*(?:후|고객의?|고객)?\s*(?:유료\s*)?전환율?\s*(?:은|는|이|가|:)?\s*(?:약\s*)?(?P<r2>\d{1,2}(?:\.\d)?)\s*%",
    re.I,
)


def as_fact(links: list[tuple[str, str, float, int, int]]) -> list[str]:
    """The links as fact-sheet entries: 'lead→walk-through 30%'."""
    return [f"{a}{_SEP}{b} {r:g}%" for a, b, r, _, _ in links]


def parse_fact(entries: list[str]) -> list[tuple[str, str, float]]:
    """'trial→paid 30%' (or as a user corrects it: 'trial -> paid 30%', 'trial-to-paid 30%')."""
    out = []
    for entry in entries:
        entry = re.sub(r"\s*(?:->|=>|→)\s*|(?<=[A-Za-z])-to-(?=[A-Za-z])|(?<=[A-Za-z])\s+to\s+(?=[A-Za-z])", _SEP, entry.strip())  # fmt: skip
        m = re.match(rf"(.+?){_SEP}(.+)\s(\d+(?:\.\d+)?)\s*%$", entry)
        if m:
            out.append((m.group(1), m.group(2), float(m.group(3))))
    return _in_order(out)


def _in_order(links: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """The links as one chain, each starting where the last ended, whatever order the answer gave
    them in ('체험→등록 40%, 상담→체험 60%' is 상담 → 체험 → 등록); as given when they make no chain."""
    if len(links) < 2:
        return links
    ends = {b for _, b, _ in links}
    starts = [link for link in links if link[0] not in ends]
    if len(starts) != 1:
        return links
    chain, rest = [starts[0]], [link for link in links if link is not starts[0]]
    while rest:
        nxt = next((link for link in rest if link[0] == chain[-1][1]), None)
        if nxt is None:
            return links
        chain.append(nxt)
        rest.remove(nxt)
    return chain


def is_customer_stage(name: str) -> bool:
    return bool(_WON.search(name.lower()))


def stage_name(name: str, ko: bool) -> str:
    """'walk-through' -> 'Walk-throughs'; Korean names stay as written."""
    if ko or not name:
        return name
    word = name[:1].upper() + name[1:]
    first = word.split()[0].lower()
    if word.endswith("s") or (
        len(word.split()) > 2 and first.endswith("s") and not first.endswith("ss")
    ):
        return word  # 'shippers tendering a first load': the counted noun is already plural
    if re.search(r"[^aeiou]y$", word):  # 'opportunity' -> 'Opportunities'
        return word[:-1] + "ies"
    return word + "s"


def usable_chain(links: list[tuple[str, str, float]], has_win_rate: bool) -> bool:
    """Two or more links, or one that ends at customers or is followed by a win rate."""
    if not links:
        return False
    return len(links) >= 2 or is_customer_stage(links[-1][1]) or has_win_rate

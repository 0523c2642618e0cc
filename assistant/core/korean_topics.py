"""Labels written as a sentence's topic rather than with a colon, read with Kiwi: '경쟁사는 플렉스와
시프티이며, 우리 강점은 2주 도입입니다' names its competitors and a strength as plainly as
'경쟁사: 플렉스, 시프티. 강점: 2주 도입.' A label counts only where a clause begins (the answer's
start, after a sentence or a clause ending, or after a modifier such as '우리', '주요'), so
'성장 기회는 크다' is a sentence about growth, not an opportunity label."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.core.korean import tokens

_TOPIC = {"은", "는"}
_MODIFIERS = {"우리", "저희", "주요", "핵심", "대표", "가장", "최대", "큰"}
_CLAUSE_END = {"SF", "SP", "EC", "EF", "SSC"}


def _clause_starts(toks: list[Any], i: int) -> int | None:
    """Where the label phrase at token `i` begins, when a clause begins there (None otherwise):
    the label itself or the modifiers just before it ('우리 강점', '주요 경쟁사')."""
    j = i
    while j > 0 and toks[j - 1].form in _MODIFIERS:
        j -= 1
    if j > 0 and toks[j - 1].tag in ("JKG", "MM"):  # '우리의 강점', '이 회사의'
        j -= 1
        while j > 0 and toks[j - 1].tag in ("NP", "NNG", "MM"):
            j -= 1
    if j == 0 or toks[j - 1].tag in _CLAUSE_END:
        return int(toks[j].start)
    return None


def topic_labels(text: str, label_of: Callable[[str], str | None]) -> list[tuple[int, int, str]]:
    """(start, end, key) for each label noun followed by a topic particle ('강점은', '경쟁사로는')
    where a clause begins; `label_of` maps a noun ('강점', '경쟁 업체') to its key or None. The
    part a label names runs to the end of its own sentence (see `topic_part`)."""
    if not re.search(r"[가-힣]", text):
        return []
    toks = tokens(text)
    marks: list[tuple[int, int, str]] = []
    for i, tok in enumerate(toks):
        if tok.tag not in ("NNG", "NNP"):
            continue
        key, last = label_of(tok.form), i
        if key is None and i + 1 < len(toks) and toks[i + 1].tag == "NNG":
            key, last = label_of(f"{tok.form} {toks[i + 1].form}"), i + 1  # '경쟁 업체는'
        if key is None:
            continue
        k = last + 1
        if k < len(toks) and toks[k].tag == "JKB" and toks[k].form in ("로", "으로"):
            k += 1  # '경쟁사로는'
        if k >= len(toks) or toks[k].tag != "JX" or toks[k].form not in _TOPIC:
            continue
        start = _clause_starts(toks, i)
        if start is not None:
            marks.append((start, toks[k].start + toks[k].len, key))
    return marks


def topic_part(text: str) -> tuple[str, str]:
    """A topic label's part and what follows its sentence: '플렉스와 시프티이며, ' ->
    ('플렉스와 시프티.', ''); '2주 도입입니다. 시장은 …' -> ('2주 도입.', '시장은 …'). The
    copula that closes it ('입니다', '이며', '이고') goes, so the part reads like a labelled list."""
    toks = tokens(text)
    stop = len(text)
    for tok in toks:
        if tok.tag == "SF":
            stop = tok.start + tok.len
            break
    part, after = text[:stop], text[stop:]
    ptoks = [t for t in toks if t.start < stop and t.tag not in ("SF", "SP")]
    cut = len(part.rstrip(" .,;"))
    for n, tok in enumerate(ptoks):  # the closing copula and its ending
        if tok.tag == "VCP" and all(t.tag[0] == "E" for t in ptoks[n + 1 :]):
            cut = tok.start  # ('… 낮고,': a clause ending after a predicate stays)
            break
    body = part[:cut].strip(" ,;")
    return (body + "." if body else ""), after.strip()

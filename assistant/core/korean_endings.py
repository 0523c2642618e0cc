"""Korean list items in the report style (개조식): a bullet's polite sentence endings become noun
endings ('정해야 합니다' -> '정해야 함', '없습니다' -> '없음', '원입니다' -> '원임'), read and rebuilt
with Kiwi (the predicate's morphemes joined with the nominal ending '음'), never by string rules.

Quoted text (the user's own words in '...' or "...") is left as written, and so is any ending Kiwi
cannot rebuild into whole syllables."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.core.korean import _LOCK, _kiwi, tokens

# declarative polite endings (Kiwi reads one before a bracket as a connective); questions stay
_POLITE = {"ᆸ니다", "습니다"}
_BULLET = re.compile(r"^(\s*[-*]\s+)(.*)$")
_NUMBERED = re.compile(r"^\s*\d+\.\s")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”")
_JAMO = re.compile("[\u1100-\u11ff\u3131-\u318e]")


def _join(morphs: list[tuple[str, str]]) -> str:
    with _LOCK:
        return str(_kiwi().join(morphs))


_SENTENCE_END = re.compile(r"[.!?]\s+")


def _advice(text: str) -> str:
    """'…를 정하는 것을 권합니다.' -> '…를 정함.': a recommendation stated in the plan's own voice
    (개조식: what the plan does), not as an auditor's '권고:' or the same '~것을 권함' closing
    every advice line; a sentence under a decision label ('결정: …') ends '(권고)'.
    Read with Kiwi: a predicate stem, an adnominal ending, 것, an object particle, then 권하-
    (or 권 + 하-) with a polite ending."""
    if "것을 권" not in text:
        return text
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    toks: list[Any] = tokens(text)
    edits: list[tuple[int, int, str, int]] = []
    for i, tok in enumerate(toks):
        if tok.tag not in ("EF", "EC") or tok.form not in _POLITE or i < 5:
            continue
        k = i - 1
        if toks[k].form == "권하" and toks[k].tag.startswith("VV"):
            k -= 1
        elif toks[k].form == "하" and toks[k].tag == "XSV" and toks[k - 1].form == "권":
            k -= 2
        else:
            continue
        if k < 3 or toks[k].tag != "JKO" or toks[k - 1].form != "것" or toks[k - 2].tag != "ETM":
            continue
        stem = toks[k - 3]
        if not stem.tag.startswith(("VV", "VA", "XSV", "XSA")):
            continue
        start, end = stem.start, tok.start + tok.len
        if any(a <= start < b for a, b in quoted):
            continue
        rebuilt = _join([(stem.form, stem.tag), ("음", "ETN")])
        if not rebuilt or _JAMO.search(rebuilt):
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
        edits.append((start, end, rebuilt, ends[-1] if ends else 0))
    for start, end, rebuilt, head in reversed(edits):
        text = text[:start] + rebuilt + text[end:]
        if _LABEL.match(text, head) and not text[head:].lstrip().startswith("권고:"):
            # a decision to make before sign-off ('결정: …') says it is the plan's recommendation
            at = start + len(rebuilt)
            text = text[:at] + "(권고)" + text[at:]
    return text


# a short label that opens a sentence ('결정: ', '다음 단계: ')
_LABEL = re.compile(r"\s*[가-힣A-Za-z][가-힣A-Za-z ]{0,10}:\s")


@lru_cache(maxsize=4096)
def noun_endings(text: str) -> str:
    """`text` with each polite declarative ending outside quotes turned into a noun ending, and a
    recommendation ('…하는 것을 권합니다') stated as the plan's action ('…함')."""
    if "니다" not in text:
        return text
    text = _advice(text)
    if "니다" not in text:
        return text
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    toks: list[Any] = tokens(text)
    edits: list[tuple[int, int, str]] = []
    for i, tok in enumerate(toks):
        if tok.tag not in ("EF", "EC") or tok.form not in _POLITE or i == 0:
            continue
        first = i - 1  # the predicate's last stem, with a past-tense marker's stem before it
        past = toks[first].tag == "EP" and toks[first].form in ("었", "았", "였") and first > 0
        if past:
            first -= 1
        if not toks[first].tag.startswith(("V", "XSV", "XSA")):
            continue
        start, end = toks[first].start, tok.start + tok.len
        if any(a <= start < b for a, b in quoted):
            continue
        # a report states what was done in the plain noun form: '나눴습니다' -> '나눔', not '나눴음'
        kept = [(t.form, t.tag) for t in toks[first:i] if not (past and t.tag == "EP")]
        rebuilt = _join(kept + [("음", "ETN")])
        if not rebuilt or _JAMO.search(rebuilt):
            continue
        edits.append((start, end, rebuilt))
    for start, end, rebuilt in reversed(edits):
        text = text[:start] + rebuilt + text[end:]
    return text


def report_bullets(markdown: str, paragraphs: bool = False) -> str:
    """Markdown whose '- ' list items and table cells (and its notes, with `paragraphs`) are in the
    report style; numbered items (the user's goals) and headings are left as written."""
    if "니다" not in markdown:
        return markdown
    out = []
    for line in markdown.split("\n"):
        m = _BULLET.match(line)
        if "니다" not in line or _NUMBERED.match(line) or line.startswith("#"):
            out.append(line)
        elif m:
            out.append(m.group(1) + noun_endings(m.group(2)))
        elif line.lstrip().startswith("|") or paragraphs:
            out.append(noun_endings(line))
        else:
            out.append(line)
    return "\n".join(out)

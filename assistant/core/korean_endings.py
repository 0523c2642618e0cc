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


def _advice(text: str) -> str:
    """'…를 정하는 것을 권합니다.' -> '…를 정함(제안).': a recommendation in the plan's own voice
    (개조식: what the plan does), marked as a proposal the user decides on, not as an auditor's
    '권고:' or the same '~것을 권함' closing every advice line.
    Read with Kiwi: a predicate stem, an adnominal ending, 것, an object particle, then 권하-
    (or 권 + 하-) with a polite ending."""
    if "것을 권" not in text:
        return text
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    toks: list[Any] = tokens(text)
    edits: list[tuple[int, int, str]] = []
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
        edits.append((start, end, rebuilt))
    for start, end, rebuilt in reversed(edits):
        text = text[:start] + rebuilt + text[end:]
        # a proposal, not a decision already taken: the user decides ('…올림(제안).')
        at = start + len(rebuilt)
        if text[at:].startswith("(제안"):
            continue
        if text[at:].startswith("("):  # '정함(요약의 …)' -> '정함(제안, 요약의 …)'
            text = text[: at + 1] + "제안, " + text[at + 1 :]
        else:
            text = text[:at] + "(제안)" + text[at:]
    return text


@lru_cache(maxsize=4096)
def noun_endings(text: str) -> str:
    """`text` with each polite declarative ending outside quotes turned into a noun ending, and a
    recommendation ('…하는 것을 권합니다') stated as the plan's proposed action ('…함(제안)')."""
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
    report style, without English semicolons; numbered items (the user's goals) and headings are
    left as written."""
    if "니다" not in markdown:
        return ko_semicolons(markdown)
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
    return ko_semicolons("\n".join(out))


def ko_semicolons(markdown: str) -> str:
    """Korean prose and cells without the English semicolon (a native reader flags it): the
    parts of a cell (or a line) joined by a comma when none has a comma of its own ('목표 2; 목표
    1' -> '목표 2, 목표 1'), else all by a slash, so groups and numbers stay apart ('1,200; 1,500'
    -> '1,200 / 1,500'); a numbered line (the user's goals) is left as written."""
    if ";" not in markdown:
        return markdown
    out = []
    for line in markdown.split("\n"):
        if ";" not in line or re.match(r"\s*\d+\.\s", line):
            out.append(line)
            continue
        cells = []
        for cell in line.split("|"):
            parts = re.split(r";\s+", cell)
            sep = " / " if any("," in p for p in parts) else ", "
            cells.append(sep.join(parts))
        out.append("|".join(cells))
    return "\n".join(out)

"""What the value proposition promises the buyer, and the buyer's time before and after it
('급여 마감 3일 → 하루'): read once here for the channel copy, the personas and the content topics."""

from __future__ import annotations

import re

_GIVES = re.compile(
    r"\b(?:gives|delivers|provides|offers|brings|means)\s+(?:you\s+|them\s+|teams?\s+)?(?P<b>[^;]{12,90}?)\.?$",
    re.I,
)


def benefit(value_proposition: str, ko: bool) -> str:
    """What the value proposition promises the buyer ('Brightloom gives store-level answers by 9
    a.m. every day, without an analyst' -> 'store-level answers by 9 a.m. every day, without an
    analyst'); '' when it does not say it in that form (Korean copy keeps the claims alone)."""
    if ko:
        return ""
    # sentence by sentence ('by 9 a.m. every day' keeps its abbreviation)
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(value_proposition.split())):
        m = _GIVES.search(sentence)
        if m:
            return m.group("b").strip(" ,")
    return ""


_KO_SPAN = {"하루", "이틀", "사흘", "나흘", "닷새", "엿새", "일주일", "보름", "한나절"}
_KO_UNIT = {"일", "시간", "분", "주", "개월", "달"}
_TAKES = {"걸리", "쓰", "들", "소요", "잡아먹"}
_DONE = {"끝내", "마치", "끝나", "처리", "완료", "마감", "줄이"}


def _durations(toks: list) -> list[tuple[int, int]]:
    """(first, last) token of each duration ('3일', '사흘', '2시간')."""
    out = []
    for i, t in enumerate(toks):
        if t.form in _KO_SPAN:
            out.append((i, i))
        elif t.tag == "SN" and i + 1 < len(toks) and toks[i + 1].form in _KO_UNIT:
            out.append((i, i + 1))
    return out


def before_after(pains: list[str], value_proposition: str) -> str:
    """'급여 마감 3일 → 하루' when a stated pain says how long a task takes ('급여 마감에 매달 3일이
    걸림') and the value proposition how long it takes with us ('하루에 끝내고'); else ''."""
    found = time_change(pains, value_proposition)
    return f"{found[0]} {found[1]} → {found[2]}" if found else ""


def time_change(pains: list[str], value_proposition: str) -> tuple[str, str, str] | None:
    """(the task, its time today, its time with us): ('급여 마감', '3일', '하루'), or None."""
    from assistant.core.korean import tokens

    after = ""
    vt = tokens(value_proposition)
    for a, b in _durations(vt):
        nxt = [t.form for t in vt[b + 1 : b + 4]]
        if nxt[:1] in (["에"], ["만"], ["안"]) and _DONE & set(nxt):
            after = value_proposition[vt[a].start : vt[b].start + vt[b].len]
            break
    if not after:
        return None
    for pain in pains:
        pt = tokens(pain)
        for a, b in _durations(pt):
            if not _TAKES & {t.form for t in pt[b + 1 : b + 3]}:
                continue
            # the task: the nouns before the '에' just ahead of the duration ('급여 마감에 매달 3일')
            j = a - 1
            while j >= 0 and pt[j].tag in ("MAG", "NNB", "XSN", "MM"):
                j -= 1
            if j < 1 or pt[j].form != "에":
                continue
            k = j - 1
            while k >= 0 and pt[k].tag in ("NNG", "NNP", "SL"):
                k -= 1
            if k + 1 > j - 1:
                continue
            task = pain[pt[k + 1].start : pt[j - 1].start + pt[j - 1].len]
            before = pain[pt[a].start : pt[b].start + pt[b].len]
            if before != after:
                return task, before, after
    return None

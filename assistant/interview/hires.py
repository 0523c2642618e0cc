"""Whether the plan says the team grows this year: the team, goals and territories answers read
clause by clause (never the training's own, whose 'new-hire bootcamp' names a programme, nor the
strategy's, which describes customers). English clauses are read with word patterns whose 'no'
must be about hiring ('no new hires', 'not hiring', a hiring freeze not lifted); Korean clauses
are cut at connective endings and read with Kiwi ('AE는 채용하지 않고 SDR 2명을 새로 뽑습니다'
hires in its second clause; '경력이 없는 신입 AE' is no negation)."""

from __future__ import annotations

import re
from typing import Any

from assistant.core.plan import Plan

_ROLE = r"(?:AEs?|SDRs?|BDRs?|CSMs?|reps?|sellers?|account\s+(?:executives?|managers?)|people|heads?|salespeople)"  # fmt: skip
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|an?|one)"
_HIRED_EN = re.compile(rf"\bhir(?:e|es|ed|ing)\b|\brecruit\w*|\bnew\s+{_ROLE}\b", re.I)
# people joining the team: 'two account executives join in Q2', '2 AEs start in March', 'add 2 AEs'
_JOINS_EN = re.compile(
    rf"\b{_COUNT}\s+(?:new\s+|more\s+)?[\w-]+(?:\s+[\w-]+){{0,2}}\s+(?:join|start)s?\s+(?:in|on|from|by|the\s+team|us)\b"
    rf"|\badd(?:s|ing)?\s+{_COUNT}\s+(?:more\s+|new\s+)?{_ROLE}\b|\bjoin(?:s|ing)?\s+(?:the\s+team|us)\b",
    re.I,
)
# an English clause whose 'no' is about hiring
_NO_HIRE_EN = re.compile(
    r"\bno\s+(?:new\s+|more\s+|additional\s+)?(?:hires?|hiring|headcount|additions?|recruit\w*)\b"
    r"|\bno\s+plans?\s+to\s+(?:hire|add|recruit)|\b(?:not|n't|never)\s+(?:be\s+)?(?:hir|recruit|add)"
    r"|\bnobody\b|\bnone\b|\bzero\b|hiring\s+(?:is\s+)?(?:frozen|paused|on\s+hold)"
    r"|(?:freeze|hold|pause)\s+on\s+hiring|hiring\s+freeze(?!\s+(?:is\s+|was\s+)?(?:lifted|ends?|ended|over))",
    re.I,
)
_CLAUSES_EN = re.compile(r"\s*[;,()]\s*|\s+but\s+", re.I)
_BEFORE = re.compile(r"\bhired\s+(?:in\s+)?(?:[A-Za-z]+\s+)?(20\d\d)\b", re.I)

_HIRED_KO = re.compile(r"채용|충원|입사|뽑|합류|신규\s*(?:지점|점포)\s*포함")
# connective endings that close a Korean clause ('않고', '못 뽑았지만', '없으면', '예정이며')
_JOINT_KO = {"고", "지만", "는데", "은데", "ㄴ데", "며", "으며", "면", "으면", "어서", "아서", "서", "니까", "으니까", "므로", "으므로"}  # fmt: skip
_NO_NOUNS = {"동결", "보류", "중단", "취소", "제로"}


def _en_hires(sentence: str, year: int) -> bool:
    for clause in _CLAUSES_EN.split(sentence):
        if not (_HIRED_EN.search(clause) or _JOINS_EN.search(clause)) or _NO_HIRE_EN.search(clause):
            continue
        past = _BEFORE.search(clause)  # 'One AE, hired in 2025, covers the west' is today's team
        if past and int(past.group(1)) < year and not _JOINS_EN.search(clause):
            continue
        return True
    return False


def _ko_clauses(sentence: str) -> list[list[Any]]:
    """Kiwi's tokens of a Korean sentence, cut after each connective ending, comma or bracket."""
    from assistant.core.korean import tokens

    out: list[list[Any]] = [[]]
    for t in tokens(sentence):
        if t.tag in ("SP", "SS") or t.form in (",", "(", ")"):
            out.append([])
            continue
        out[-1].append(t)
        if t.tag == "EC" and t.form in _JOINT_KO:
            out.append([])
    return [c for c in out if c]


def _ko_negated(toks: list[Any]) -> bool:
    """A clause that says no: 없다 (not one that describes a noun: '경력이 없는 신입'), 않다, 안/못,
    '동결·보류·중단·취소·제로' (a freeze that is lifted, '동결이 해제', is none)."""
    forms = {t.form for t in toks}
    for i, t in enumerate(toks):
        tag = t.tag.split("-")[0]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (t.form, tag) == ("없", "VA") and not (nxt is not None and nxt.tag == "ETM"):
            return True
        if (t.form, tag) in (("않", "VX"), ("안", "MAG"), ("못", "MAG")):
            return True
        if t.form in _NO_NOUNS and "해제" not in forms:
            return True
    return False


def _ko_hires(sentence: str) -> bool:
    for toks in _ko_clauses(sentence):
        text = sentence[toks[0].start : toks[-1].start + toks[-1].len]
        if _HIRED_KO.search(text) and not _ko_negated(toks):
            return True
    return False


def hires_stated(plan: Plan) -> bool:
    """Whether the team, goals or territories answers say the team grows this year, in a clause
    that does not say the opposite."""
    from assistant.analysis.plan_goals import plan_year

    year = plan_year(plan)
    # each answer apart: one's 'no SDRs' never vetoes the next answer's 'Hire 2 AEs'
    said = "\n".join(plan.user_text(sid) for sid in ("sales_team_structure", "sales_objectives", "sales_territories_channels"))  # fmt: skip
    for sentence in re.split(r"(?<=[.!?;。])\s+|\n+", said):
        if re.search(r"[가-힣]", sentence):
            if _ko_hires(sentence):
                return True
        elif _en_hires(sentence, year):
            return True
    return False

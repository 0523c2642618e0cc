"""An answer that belongs to another question: a goal (a dated target with a goal's verb:
'2027년 12월 31일까지 … 2,400건을 확보한다', 'Generate 900 leads by September 30, 2027') or a
budget (a total split into shares) given at a question that is neither. It is saved where it was
given; the reply says where it belongs, so nothing typed is lost and nothing is read silently."""

from __future__ import annotations

import re

from assistant.goals.frame import read_goal_frame
from assistant.interview.extract_offline import budget_from_answer

_GOAL_VERB = re.compile(
    r"(?:한다|늘린다|높인다|낮춘다|줄인다|달성한다|확보한다|만든다|올린다)\s*(?:\([^()]*\))?\s*[.!]?\s*$"
    r"|^(?:generate|increase|grow|reach|close|win|achieve|acquire|raise|reduce|cut|double|sign|book)\b",
    re.I | re.M,
)


def reads_as_goal(text: str, lang: str) -> bool:
    """True when every line of `text` is a dated, numbered target with a goal's verb."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or len(lines) > 5 or len(text) > 600:
        return False
    for line in lines:
        if not _GOAL_VERB.search(line):
            return False
        frame = read_goal_frame(line, lang)
        if frame.target is None or not frame.deadline:
            return False
    return True


_MONEY = re.compile(
    r"[$€£¥₩]\s?\d|\d\s*(?:만|억|천)?\s*원|\d\s*(?:k|m)?\s*(?:dollars|usd|krw|won)\b", re.I
)


def reads_as_budget(text: str) -> bool:
    """True when `text` is a budget: a stated total split into at least two shares or amounts
    ('Annual marketing budget $480,000: LinkedIn 30%, events 25%, …'), and little else."""
    if len(text) > 600:
        return False
    # a quick look first (the full budget reader is the slow part of a turn): two shares, or
    # three amounts of money, before the answer is read as a budget
    if text.count("%") < 2 and len(_MONEY.findall(text)) < 3:
        return False
    budget = budget_from_answer(text)
    return bool(budget.total) and len(budget.lines) >= 2

"""An answer that reads as a goal given to a question that is not a goals question: a dated
target with a goal's verb ('2027년 12월 31일까지 … 2,400건을 확보한다', 'Generate 900 leads by
September 30, 2027'). It is saved where it was given; the reply says where a goal belongs."""

from __future__ import annotations

import re

from assistant.goals.frame import read_goal_frame

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

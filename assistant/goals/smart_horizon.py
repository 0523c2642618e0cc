"""Numbers behind the achievability check: how big a change a goal asks for, and how soon."""

from __future__ import annotations

import re
from datetime import date

from assistant.core.facts import GoalFrame
from assistant.goals.dates import read_deadline
from assistant.goals.frame import read_goal_frame


def horizon_days(text: str, today: date) -> int | None:
    """Days from `today` to the goal's deadline (the end of the period it names), if it gives one."""
    deadline = read_deadline(text, today)
    return (deadline - today).days if deadline else None


_RATIO_METRIC = re.compile(r"(?<![a-z])(?:roi|roas)(?![a-z])|수익률|투자\s*대비", re.I)


def growth_multiplier(text: str, frame: GoalFrame | None = None) -> float | None:
    """How many times larger the goal wants something to become (None when not a growth goal),
    from the goal's frame: a multiple, a % change, or a level against its baseline."""
    if _RATIO_METRIC.search(text):
        return None
    frame = frame or read_goal_frame(text)
    t = frame.target
    if t is None:
        return None
    if t.unit == "x":
        return t.value if t.value > 1 else None
    if t.kind == "change" and t.unit == "%":
        return 1 + t.value / 100
    b = frame.baseline
    if t.kind == "level" and b is not None and b.value > 0 and t.value > b.value:
        same_unit = b.unit == t.unit or not b.unit or not t.unit
        return t.value / b.value if same_unit else None
    return None

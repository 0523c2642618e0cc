"""Suggested rewrites that fix a goal's SMART failures, with placeholders the user decides."""

from __future__ import annotations

import re

from assistant.core.plan import Criterion

_ABSOLUTES_EN = [
    (re.compile(r"\b100\s*%", re.I), "[realistic %, e.g. 90%]"),
    (re.compile(r"\bevery\s+single\b|\bevery\b|\ball\b", re.I), "[X%] of"),
    (re.compile(r"\bzero\b", re.I), "[lower level, e.g. under 3%]"),
]
_ABSOLUTES_KO = [
    (re.compile(r"100\s*%"), "[현실적인 수준, 예: 90%]"),
    (re.compile(r"모든"), "[X%]의"),
]


def _tidy(text: str) -> str:
    return text.strip().rstrip(".。!").strip()


def suggest_rewrite(
    goal: str, criteria: dict[str, Criterion], lang: str, deadline_hint: str = ""
) -> str:
    """The goal rewritten so that every failing criterion is addressed (`deadline_hint`: the plan's own deadline)."""
    failing = {name for name, c in criteria.items() if c.ok is False}
    if not failing:
        return goal
    base = _tidy(goal)
    if "achievable" in failing:
        for pattern, repl in _ABSOLUTES_KO if lang == "ko" else _ABSOLUTES_EN:
            base = pattern.sub(repl, base, count=1)
    deadline = deadline_hint
    if lang == "ko":
        return _rewrite_ko(base, failing, deadline)
    return _rewrite_en(base, failing, deadline)


def _rewrite_en(base: str, failing: set[str], deadline: str) -> str:
    parts = [base]
    if "measurable" in failing:
        parts.append("from [baseline] to [target value] ([metric])")
    if "achievable" in failing:
        parts.append("(a target set from last period's [baseline] and the team's capacity)")
    if "time_bound" in failing:
        parts.append(
            f"by [deadline, e.g. {deadline}]"
            if deadline
            else "by [deadline, e.g. 31 December 2027]"
        )
    if "specific" in failing:
        parts.append("by [how: channel, programme or segment, e.g. launching a referral programme]")
    text = " ".join(parts)
    if "relevant" in failing:
        text += ", in support of [business objective]"
    return text + "."


def _rewrite_ko(base: str, failing: set[str], deadline: str) -> str:
    prefix: list[str] = []
    if "time_bound" in failing:
        prefix.append(
            f"[기한, 예: {deadline}]까지" if deadline else "[기한, 예: 2027년 12월 31일]까지"
        )
    if "specific" in failing:
        prefix.append("[방법: 채널·프로그램·세그먼트, 예: 추천 프로그램 도입]을 통해")
    if "relevant" in failing:
        prefix.append("[사업 목표]를 뒷받침하도록")
    suffix: list[str] = []
    if "measurable" in failing:
        suffix.append("([지표]를 [기준값]에서 [목표값]으로)")
    if "achievable" in failing:
        suffix.append("(지난 기간 [기준값]과 팀 역량에 맞춘 목표)")
    return " ".join([*prefix, base, *suffix]) + "."


_BLANK = re.compile(r"\[([^\[\]]{1,120})\]")


def blanks(text: str) -> list[str]:
    """The unfilled parts of a suggested rewrite, by name: '[deadline, e.g. …]' -> 'deadline',
    '[방법: …]' -> '방법'. A rewrite with blanks is a prompt for the user, never plan text."""
    names: list[str] = []
    for m in _BLANK.finditer(text):
        name = re.split(r"[,:：]", m.group(1), maxsplit=1)[0].strip()
        if name and name not in names:
            names.append(name)
    return names

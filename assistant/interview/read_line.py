"""The read-back line after an answer: what the plan took from it (readout.read_items), and how
to correct it, with one of those items as the example when it can be typed back as a fix."""

from __future__ import annotations

import re

from assistant.core.plan import Plan
from assistant.interview.fact_fix import parse_fact_fix
from assistant.interview.read_lists import list_items
from assistant.interview.readout import read_items


def read_line(plan: Plan, section_id: str, lang: str = "") -> str:
    """One line, or '' when the answer gave no facts or lists the plan reads (a list is changed
    by answering again). The hint's example is one
    of the items just read, when it can be typed back as a correction ('예산 4억 8,000만 원'), so a
    budget answer is not told to fix a win rate."""
    facts = read_items(plan, section_id, lang)
    lists = list_items(plan, section_id, lang)
    items = facts + lists
    if not items:
        return ""
    ko = (lang or plan.language) == "ko"
    example = fix_example(plan, facts)
    if ko:
        hint = (
            f"틀린 값은 '{example}'처럼 바로 고쳐 쓰세요"
            if example
            else "틀린 값은 이름과 새 값을 함께 바로 고쳐 쓰세요"
            if facts
            else "고치려면 '이전'으로 돌아가 다시 답해 주세요"
        )
        return "읽은 내용: " + " · ".join(items) + f" _({hint})_"
    hint = (
        f"to fix one, type it plainly, e.g. '{example}'"
        if example
        else "to fix one, type its name and the new value"
        if facts
        else "to change it, type 'back' and answer again"
    )
    return "I read: " + " · ".join(items) + f" _({hint})_"


def fix_example(plan: Plan, items: list[str]) -> str:
    """The first item read that the correction reader takes back as that fact, without its
    aside ('예산 4억 8,000만 원(항목 5개)' -> '예산 4억 8,000만 원'), a number before a word;
    '' when none does."""
    for item in sorted(items, key=lambda i: not re.search(r"\d", i)):
        plain = re.sub(r"\s*\([^()]*\)\s*$|\s+in \d+ lines$", "", item).strip()
        if plain and parse_fact_fix(plain, plan, None) is not None:
            return plain
    return ""

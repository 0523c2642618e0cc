"""What a key message answers for the buyer: the pain or objection it meets ('One-day setup' ->
the effort of switching; 'Ready-made retail dashboards' -> reports built by hand in Excel), so a
message reads as the reason to buy it is, not a feature label."""

from __future__ import annotations

import re

from assistant.core.plan import Plan

_MANUAL = re.compile(
    r"by\s+hand|manual|excel|spreadsheet|copy|paste|엑셀|수작업|수기|집계|일일이|손으로", re.I
)
_RISK = re.compile(
    r"violat|error|mistake|fine|penalt|miss|risk|worr|compliance|위반|오류|실수|과태료|벌금|누락|걱정|위험",
    re.I,
)
_SLOW = re.compile(r"late|slow|wait|delay|days?|weeks?|hours?|늦|기다|걸림|걸리|지연|시간", re.I)
_KINDS: list[tuple[re.Pattern[str], str]] = [
    # a message about measures answers what the buyer is measured on ('retail KPIs out of the box'
    # -> inventory turns and margin), before any pain its other words point to
    (re.compile(r"\bkpis?\b|metric|scorecard|지표|성과\s*관리", re.I), "measured"),
    (re.compile(r"set\s*-?up|onboard|implement|go[\s-]*live|install|migrat|도입|설치|이전|온보딩", re.I), "effort"),
    (re.compile(r"alert|warn|notif|flag|check|audit|review|검수|경고|알림|점검|감지", re.I), "risk"),
    (re.compile(r"ready[\s-]*made|out\s+of\s+the\s+box|built[\s-]*in|template|automat|pre-?built|auto|자동|템플릿|기본\s*제공", re.I), "manual"),
    (re.compile(r"real[\s-]*time|daily|instant|fast|minutes|by\s+\d|same[\s-]*day|실시간|매일|즉시|하루|빠른", re.I), "slow"),
    (re.compile(r"price|free|cost|saving|afford|가격|무료|비용|절감", re.I), "price"),
]  # fmt: skip
_PAIN_FOR = {"manual": _MANUAL, "risk": _RISK, "slow": _SLOW}


def message_answers(plan: Plan, message: str, taken: frozenset[str] = frozenset()) -> str:
    """The buyer's pain (their words) or the objection a key message answers; '' when none fits.
    Of the pains its kinds point to, the one sharing a word with the message comes first
    ('노무법인 검수 급여 템플릿' -> the payroll pain, not the overtime one)."""
    ko = plan.language == "ko"
    # the buyers' pains, then what they are measured on (their own stated goals, never typical
    # ones): a reviewed template answers 'payroll errors: zero' better than an overtime worry
    measured = [_measure(g, ko) for p in plan.personas if "goals" not in p.typical for g in p.goals]
    pains = [x for p in plan.personas for x in p.pains] + [g for g in measured if g]
    words = set(re.findall(r"\w{2,}", message.lower()))
    found: list[str] = []
    for rx, kind in _KINDS:
        if not rx.search(message):
            continue
        if kind == "effort" and not found:
            return "전환 부담(도입, 교육)" if ko else "the effort of switching"
        if kind == "price" and not found:
            return "가격 부담" if ko else "price against this year's budget"
        if kind == "measured":
            found += [g for g in measured if g and g not in found]
            continue
        cue = _PAIN_FOR.get(kind)
        found += [p for p in pains if cue is not None and cue.search(p) and p not in found]
    # a pain an earlier row already answers gives way to another the message meets, if any
    fresh = [p for p in found if _clean(p) not in taken]
    found = fresh or found
    if not found:
        return ""
    best = max(
        found, key=lambda p: (len(words & set(re.findall(r"\w{2,}", p.lower()))), -found.index(p))
    )
    return _clean(best)


def measured_on(goal: str) -> str:
    """'평가 기준은 급여 오류 0건과 월 마감 소요 시간임' -> '급여 오류 0건과 월 마감 소요 시간(평가 기준)'."""
    m = re.match(
        r"^\s*(?:평가\s*기준은|평가받는\s*기준은|성과\s*기준은)\s*(.+?)\s*(?:입니다|이다|임)?\.?$",
        goal,
    )
    return f"{m.group(1)}(평가 기준)" if m else goal


def _measure(goal: str, ko: bool) -> str:
    """What a buyer is measured on, as a candidate answer; '' for a goal that is not one."""
    if ko:
        said = measured_on(goal)
        return said if said != goal else ""
    m = re.match(r"^\s*(?:is\s+)?(?:measured|judged|evaluated)\s+on\s+(.+?)\.?$", goal, re.I)
    return f"{m.group(1)} (what they are measured on)" if m else ""


def _clean(pain: str) -> str:
    return " ".join(pain.split()).rstrip(" .")

"""'How do I measure …?' questions: recognise them and answer from the KPI catalogue and goal frames.

A question about measuring names a subject ('leads', 'win rate') or a goal ('this goal: …',
'goal 2'). The answer names the best KPI (and the runner-up when close) with its formula, data
source, cadence and what good looks like; for a goal it is the goal's measurement line - KPI,
formula, baseline and target from the frame, data source, cadence - plus how to read progress.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel

from assistant.core.facts import GoalFrame
from assistant.core.lang import detect_language
from assistant.goals.frame import goal_kpis, read_goal_frame
from assistant.goals.kpi import KPI, KPIAdvice, advise, get_kpi
from assistant.goals.numbers import format_amount
from assistant.goals.readback import date_text

_VERB_EN = (
    r"(?:measure|track|calculate|compute|monitor|quantify|evaluate|assess|report\s+on|"
    r"(?:know|tell|see|check|find\s+out)\s+(?:whether|if|how\s+well))"
)
# "What KPI should track this goal: …", "이 목표는 어떤 지표로 봐야 하나요: …": the goal follows the colon
_GOAL_AFTER_COLON = [
    re.compile(
        r"^\s*(?:what|which|how)\b[^:：]{0,80}\b(?:kpis?|metrics?|measure\w*|track\w*)\b[^:：]{0,60}\bgoals?\b[^:：]{0,20}[:：]\s*(?P<subject>.+?)\s*[?.!]*$",
        re.I,
    ),
    re.compile(
        r"^\s*(?:(?:이|다음|아래)\s*)?목표(?:는|를|의|에|가)?\s[^:：]{0,60}?(?:측정|지표|KPI|kpi|추적|봐야|계산)[^:：]{0,30}[:：]\s*(?P<subject>.+?)\s*[?？.]*$"
    ),
]
_PATTERNS_EN = [
    rf"^\s*how\s+(?:do|should|can|could|would|will|does)\s+(?:i|we|you|one|a\s+team|our\s+team)\s+(?:best\s+)?{_VERB_EN}\s+(?P<subject>.+?)\s*[?.!]*$",
    r"^\s*how\s+(?:is|are|should|would)\s+(?P<subject>.+?)\s+(?:be\s+)?(?:measured|tracked|calculated|computed|monitored)\s*[?.!]*$",
    rf"^\s*(?:what(?:'s| is)\s+the\s+(?:best\s+)?way\s+to|how\s+to)\s+{_VERB_EN}\s+(?P<subject>.+?)\s*[?.!]*$",
    r"^\s*(?:what|which)(?:'s|\s+is|\s+are)?\s+(?:the\s+)?(?:best\s+|right\s+|main\s+)?(?:kpis?|metrics?)\s+(?:should\s+(?:i|we)\s+(?:use|track)\s+|do\s+(?:i|we)\s+use\s+)?(?:for|to\s+(?:measure|track))\s+(?P<subject>.+?)\s*[?.!]*$",
    r"^\s*(?:what|which)\s+(?:kpis?|metrics?|measures?|numbers?)\s+(?:should\s+|would\s+|can\s+|best\s+|will\s+)?(?:tracks?|measures?|shows?|captures?|tells?\s+(?:us|me))\s+(?P<subject>.+?)\s*[?.!]*$",
]
_VERB_KO = r"(?:측정|계산|추적|집계|평가|확인|관리|산출|모니터링)"
_ENDING_KO = r"(?:하나요|해요|하죠|합니까|하면\s*되나요|하면\s*돼요|할까요|하는지|해야\s*하나요|해야\s*해요|하는\s*게\s*좋을까요|하는\s*법|하는\s*방법은?|하나|해|하지|하는\s*거예요)"
_PATTERNS_KO = [
    rf"^\s*(?:이\s*)?목표(?:는|를|의)?\s*(?:어떻게|어떤\s*방법으로)\s*{_VERB_KO}\S*\s*[?？]?\s*[:：]\s*(?P<subject>.+?)\s*[?？.]*$",
    rf"^\s*(?P<subject>.+?)\s*(?:은|는|을|를|이|가)?\s*(?:어떻게|어떤\s*방법으로|뭘로|무엇으로|무엇을\s*기준으로)\s*{_VERB_KO}\s*{_ENDING_KO}?\s*[?？.]*$",
    r"^\s*(?P<subject>.+?)\s*(?:의|에\s*대한|에\s*맞는)?\s*(?:kpi|KPI|지표|측정\s*지표)(?:는|가|로는)?\s*(?:뭐|무엇|어떤\s*것|어떤\s*게)\S*\s*[?？.]*$",
    r"^\s*(?P<subject>.+?)\s*(?:은|는|을|를|이|가)?\s*(?:어떤|무슨)\s*(?:지표|KPI|kpi|숫자)(?:로|를|을)\s*(?:봐야|측정해야|추적해야|보면|써야|쓰면|봐|확인해야)\S*(?:\s*\S+)?\s*[?？.]*$",
    r"^\s*(?P<subject>.+?)\s*(?:어떻게|어떤\s*방법으로|뭘\s*보고)\s*(?:알\s*수\s*있|판단|확인할\s*수\s*있)\S*\s*[?？.]*$",
]
_COMPILED = [re.compile(p, re.I) for p in _PATTERNS_EN + _PATTERNS_KO]
_GOAL_PREFIX = re.compile(
    r"^(?:this|my|our|the\s+following|a)\s+goal\s*[:：-]\s*|^(?:이|다음)\s*목표\s*[:：-]?\s*", re.I
)
_GOAL_REF = re.compile(
    r"^(?:(?:our|my|the)\s+)?goal\s*#?\s*(\d{1,2})$|^목표\s*(\d{1,2})\s*(?:번)?$", re.I
)


class MeasureQuestion(BaseModel):
    """What a measuring question asks about: a subject, a goal's text, or goal N of the plan."""

    subject: str
    goal_text: str | None = None
    goal_ref: int | None = None


def parse_measure_question(text: str) -> MeasureQuestion | None:
    """The measuring question in `text`, or None when it asks something else."""
    s = " ".join(text.split())
    if len(s) > 400:
        return None
    for pattern in _GOAL_AFTER_COLON:
        m = pattern.match(s)
        if m and m.group("subject").strip(" :：?？."):
            goal = m.group("subject").strip(" :：?？.")
            return MeasureQuestion(subject=goal, goal_text=goal)
    for pattern in _COMPILED:
        m = pattern.match(s)
        if not m:
            continue
        subject = m.group("subject").strip(" :：?？.")
        if not subject:
            return None
        ref = _GOAL_REF.match(subject)
        if ref:
            return MeasureQuestion(subject=subject, goal_ref=int(ref.group(1) or ref.group(2)))
        stripped = _GOAL_PREFIX.sub("", subject)
        explicit = stripped != subject
        if explicit or read_goal_frame(stripped).target is not None:
            return MeasureQuestion(subject=stripped, goal_text=stripped)
        return MeasureQuestion(subject=subject)
    return None


class MeasureAnswer(BaseModel):
    text: str
    kpis: list[str]  # best first
    headings: list[str]  # the KPI page's headings the answer draws on


def _pick_kpis(subject: str, lang: str, hints: Sequence[str] = ()) -> list[KPIAdvice]:
    """The advisor's ranking, nudged by the KPI pages retrieval found for the same words
    (`hints`, best first); nothing when neither has a real match."""
    found = advise(subject, k=6, lang=lang)
    by_id = {a.id: a for a in found}
    scores = {a.id: a.score for a in found}
    for i, kpi_id in enumerate(hints[:3]):
        if kpi_id not in by_id:
            try:
                kpi = get_kpi(kpi_id)
            except KeyError:
                continue
            by_id[kpi_id] = KPIAdvice(
                id=kpi.id, name=kpi.name.get(lang), category=kpi.category,
                formula=kpi.formula.get(lang), why="", score=0.0,
            )  # fmt: skip
        scores[kpi_id] = scores.get(kpi_id, 0.0) + (1.5 if i == 0 else 0.75)
    ranked = sorted(scores, key=lambda k: scores[k], reverse=True)
    if not ranked or scores[ranked[0]] < 0.5:
        return []  # only a faint, fuzzy match: let the general answer handle it
    best = scores[ranked[0]]
    close = len(ranked) > 1 and scores[ranked[1]] >= 0.8 * best
    return [by_id[k] for k in ranked[: 2 if close else 1]]


def _kpi_lines(kpi: KPI, lang: str) -> list[str]:
    ko = lang == "ko"
    lines = [
        f"- {'공식' if ko else 'Formula'}: {kpi.formula.get(lang)}",
        f"- {'데이터 출처' if ko else 'Data source'}: {kpi.data_source.get(lang)} · "
        f"{'검토 주기' if ko else 'Review'}: {kpi.cadence.get(lang)}",
    ]
    if kpi.good is not None:
        lines.append(f"- {'좋은 수준' if ko else 'What good looks like'}: {kpi.good.get(lang)}")
    return lines


def kpi_answer(subject: str, lang: str, hints: Sequence[str] = ()) -> MeasureAnswer | None:
    """Best KPI (and a close runner-up) for measuring `subject`, or None when nothing fits."""
    picks = _pick_kpis(subject, lang, hints)
    if not picks:
        return None
    ko = lang == "ko"
    best = get_kpi(picks[0].id)
    parts = [
        (
            f"추천 지표: **{best.name.get(lang)}**."
            if ko
            else f"Measure it with **{best.name.get(lang)}**."
        )
        + f" {best.definition.get(lang)}",
        *_kpi_lines(best, lang),
    ]
    if len(picks) > 1:
        other = get_kpi(picks[1].id)
        parts.append(
            (f"\n함께 볼 만한 지표: **{other.name.get(lang)}** - {other.formula.get(lang)}")
            if ko
            else f"\nA close runner-up: **{other.name.get(lang)}** - {other.formula.get(lang)}"
        )
    headings = (
        ["공식", "데이터 출처와 검토 주기", "좋은 수준"]
        if ko
        else ["Formula", "Data source and review", "What good looks like"]
    )
    return MeasureAnswer(text="\n".join(parts), kpis=[p.id for p in picks], headings=headings)


def _amount_text(value: float, unit: str, lang: str) -> str:
    shown = format_amount(value, unit, lang)
    if lang == "ko" and value >= 10_000:
        digits = f"{value:,.0f}" + (
            "원" if unit == "KRW" else unit if re.match(r"[가-힣]", unit) else ""
        )
        if digits not in shown:
            shown += f" ({digits})"
    return shown


def goal_answer(
    goal: str, lang: str, frame: GoalFrame | None = None, today: date | None = None
) -> MeasureAnswer:
    """The measurement line of one goal, from its frame, and how to read progress against it."""
    frame = frame or read_goal_frame(goal, detect_language(goal), today)
    picks = _pick_kpis(goal, lang)
    ranked = goal_kpis(goal, frame, lang)
    kpi_id = frame.kpi or (ranked[0] if ranked else (picks[0].id if picks else "new_customers"))
    kpi = get_kpi(kpi_id)
    ko = lang == "ko"
    t = frame.target
    b = frame.baseline
    target = (
        _amount_text(t.value, t.unit, lang)
        if t
        else ("목표 수치 없음" if ko else "no target number")
    )
    if t is not None and t.kind == "change":
        target = f"{target} 증감" if ko else f"a change of {target}"
    baseline = (
        _amount_text(b.value, b.unit, lang)
        if b
        else (
            "기준값 없음: 첫 측정치를 기준값으로 기록합니다"
            if ko
            else "not stated: record the first measurement as the baseline"
        )
    )
    deadline = (
        date_text(frame.deadline, lang)
        if frame.deadline
        else ("기한 없음" if ko else "no deadline")
    )
    lines = [
        (
            f"이 목표의 측정 지표: **{kpi.name.get(lang)}**."
            if ko
            else f"Measure this goal with **{kpi.name.get(lang)}**."
        ),
        f"- {'공식' if ko else 'Formula'}: {kpi.formula.get(lang)}",
        f"- {'기준값' if ko else 'Baseline'}: {baseline}",
        f"- {'목표' if ko else 'Target'}: {target} · {'기한' if ko else 'deadline'}: {deadline}",
        f"- {'데이터 출처' if ko else 'Data source'}: {kpi.data_source.get(lang)} · {'검토 주기' if ko else 'Review'}: {kpi.cadence.get(lang)}",
    ]
    lines.append(_progress_rule(frame, lang, goal))
    if kpi.good is not None:
        lines.append(f"- {'좋은 수준' if ko else 'What good looks like'}: {kpi.good.get(lang)}")
    kpis = [kpi.id] + [p.id for p in picks if p.id != kpi.id][:1]
    headings = ["공식", "데이터 출처와 검토 주기"] if ko else ["Formula", "Data source and review"]
    return MeasureAnswer(text="\n".join(lines), kpis=kpis, headings=headings)


def _progress_rule(frame: GoalFrame, lang: str, goal: str = "") -> str:
    """How to read progress: the expected value by now on a straight line from baseline to target,
    read in the goal's direction (lower is better for cost, churn and cycle time)."""
    ko = lang == "ko"
    t, b = frame.target, frame.baseline
    if t is None:
        return (
            "- 진행 판단: 목표 수치를 정하면 기간 대비 예상치와 실적을 비교할 수 있습니다."
            if ko
            else "- Reading progress: set a target number first, then compare actuals with the expected pace."
        )
    lower = (b is not None and t.kind == "level" and t.value < b.value) or (
        t.kind == "change" and bool(_REDUCE.search(goal))
    )
    base = (
        format_amount(b.value, b.unit, lang)
        if b is not None
        else ("기준값" if ko else "the baseline")
    )
    if ko:
        pace = (
            "실적이 예상치 이하이면 순조, 예상치보다 5-20% 높으면 주의, 20% 넘게 높으면 지연입니다."
            if lower
            else "실적이 예상치의 95% 이상이면 순조, 80-95%면 주의, 80% 미만이면 지연입니다."
        )
        return f"- 진행 판단: 지금까지 예상치 = {base} + (목표 - {base}) × 경과한 기간 비율. {pace}"
    pace = (
        "Lower is better here: at or below that value is on track, up to 20% above it at risk, more than 20% above off track."
        if lower
        else "At or above 95% of that pace is on track, 80-95% at risk, below 80% off track."
    )
    return f"- Reading progress: expected by now = {base} + (target - {base}) x the share of the period elapsed. {pace}"


_REDUCE = re.compile(
    r"\b(?:reduc|cut|lower|decreas|shrink|slash|drop)\w*|줄|낮추|낮춘|감소|절감|인하", re.I
)

"""What the content plan's pieces are about, proposed from the plan itself: the buyer's stated
pains (awareness pieces), the objections buyers raise (pieces that answer them), the seasonal and
industry moments of the plan's market (a piece the month before) and the key messages still
without proof (a customer result). Themes, not titles: the writer turns each into a piece."""

from __future__ import annotations

import re

from assistant.analysis.cadence import Recurring
from assistant.analysis.months import _MONTHS_EN
from assistant.analysis.plan_links import stages_of
from assistant.core.plan import Plan
from assistant.interview.compose_moves import _cap, _t, _table

_CASE = re.compile(r"case stud|customer stor|사례|후기|레퍼런스", re.I)
_LIVE = re.compile(r"webinar|event|seminar|웨비나|세미나|설명회", re.I)


def _piece(pieces: list[Recurring], stage: str, prefer: re.Pattern[str] | None = None) -> str:
    """The plan's own piece for a stage (one the pattern names first), else ''."""
    if prefer is not None:
        named = next((p.name for p in pieces if prefer.search(p.name)), "")
        if named:
            return named
    return next((p.name for p in pieces if stage in stages_of(p.name)), "")


def topics_markdown(plan: Plan, pieces: list[Recurring]) -> str:
    """A table of proposed themes, each with where the plan says it and the piece that carries it;
    '' when the plan gives no pain, objection, moment or unproven message to build on."""
    from assistant.analysis.market import seasonal_events

    ko = plan.language == "ko"
    if not pieces:
        return ""
    aware = _piece(pieces, "awareness") or pieces[0].name
    consider = _piece(pieces, "consideration", _LIVE) or aware
    rows: list[list[str]] = []
    persona = plan.personas[0] if plan.personas else None
    if persona is not None and "pains" not in persona.typical:
        for pain in persona.pains[:2]:
            rows.append([_cap(pain.strip(" .")), _t(ko, f"{persona.name}'s pain", f"{persona.name}의 불편"), _cap(aware), _t(ko, "through the year", "연중")])  # fmt: skip
    for o in list(dict.fromkeys(o.objection for o in plan.messaging.objections))[:3]:
        proof = _piece(pieces, "consideration", _CASE) if re.search(r"risk|doubt|work|위험|효과|의심", o, re.I) else consider  # fmt: skip
        theme = f"'{o}'에 답하기" if ko else f"Answering '{o}'"
        rows.append([theme, _t(ko, "an objection buyers raise", "구매자의 반론"), _cap(proof or consider), _t(ko, "through the year", "연중")])  # fmt: skip
    for month, name in seasonal_events(plan)[:4]:
        before = (month - 2) % 12 + 1
        when = f"{before}월({month}월을 앞두고)" if ko else f"{_MONTHS_EN[before - 1].capitalize()} (ahead of {_MONTHS_EN[month - 1].capitalize()})"  # fmt: skip
        rows.append([name, _t(ko, "a moment in the market's year", "시장의 계절·업계 시점"), _cap(aware), when])  # fmt: skip
    case = _piece(pieces, "consideration", _CASE)
    unproven = [km.message for km in plan.messaging.key_messages if not km.proof_points and km.message != plan.messaging.value_proposition]  # fmt: skip
    if case and unproven:
        said = ", ".join(dict.fromkeys(m.strip(" .") for m in unproven[:3]))
        rows.append([_t(ko, f"A customer's result for: {said}", f"고객 성과 사례: {said}"), _t(ko, "key messages without proof yet", "아직 근거가 없는 핵심 메시지"), _cap(case), _t(ko, "first quarter", "1분기")])  # fmt: skip
    if len(rows) < 2:
        return ""
    head = ["주제", "계획의 근거", "콘텐츠", "시기"] if ko else ["Theme", "From the plan", "Piece", "When"]  # fmt: skip
    title = _t(ko, "Topics (proposed, from the plan's buyer, objections and calendar)", "주제(제안: 계획의 구매자·반론·시점에서)")  # fmt: skip
    return f"**{title}**\n\n" + _table(head, rows)

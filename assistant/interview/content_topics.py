"""What the content plan's pieces are about, proposed from the plan itself: the buyer's stated
pains (awareness pieces), the objections buyers raise (pieces that answer them), the seasonal and
industry moments of the plan's market (a piece the month before) and the key messages still
without proof (a customer result). Themes, not titles: the writer turns each into a piece."""

from __future__ import annotations

import re

from assistant.analysis.cadence import Recurring
from assistant.analysis.months import _MONTHS_EN
from assistant.analysis.plan_links import stages_of
from assistant.core.lang import fix_particles
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
    from assistant.analysis.market import topical_events

    ko = plan.language == "ko"
    if not pieces:
        return ""
    aware = _piece(pieces, "awareness") or pieces[0].name
    consider = _piece(pieces, "consideration", _LIVE) or aware
    rows: list[list[str]] = []
    persona = plan.personas[0] if plan.personas else None
    if persona is not None and "pains" not in persona.typical:
        from assistant.interview.copy_promise import time_change

        for pain in persona.pains[:2]:
            # a pain that says how long a task takes, against the promise: a how-to title
            change = time_change([pain], plan.messaging.value_proposition) if ko else None
            # else the buyer's question ('주 52시간 위반이 늘 걱정인가요?'): a Korean pain as a
            # statement would read as a report line ('… 걱정임'), not a piece's theme
            from assistant.core.korean import question_ending

            asked = question_ending(" ".join(pain.split()).rstrip(" .")) if ko else ""
            theme = (
                f"{change[0]} {change[1]}을(를) {change[2]}(으)로 줄이는 법"
                if change
                else f"{asked}?" if asked
                else _cap(pain.strip(" ."))
            )  # fmt: skip
            rows.append([fix_particles(theme) if change else theme, _t(ko, f"{persona.name}'s pain", f"{persona.name}의 불편"), _cap(aware), _t(ko, "through the year", "연중")])  # fmt: skip
    case = _piece(pieces, "consideration", _CASE)
    for o in list(dict.fromkeys(o.objection for o in plan.messaging.objections))[:3]:
        theme, piece = _objection_theme(plan, o, case or consider, consider)
        said = f"구매자의 반론: '{o}'" if ko else f"an objection buyers raise: '{o}'"
        rows.append([theme, said, _cap(piece), _t(ko, "through the year", "연중")])
    for month, name in topical_events(plan, 4):
        before = (month - 2) % 12 + 1
        when = f"{before}월({month}월을 앞두고)" if ko else f"{_MONTHS_EN[before - 1].capitalize()} (ahead of {_MONTHS_EN[month - 1].capitalize()})"  # fmt: skip
        rows.append([name, _t(ko, "a moment in the market's year", "시장의 계절·업계 시점"), _cap(aware), when])  # fmt: skip
    unproven = [km.message for km in plan.messaging.key_messages if not km.proof_points and km.message != plan.messaging.value_proposition]  # fmt: skip
    if case and unproven:
        said = ", ".join(dict.fromkeys(m.strip(" .") for m in unproven[:3]))
        rows.append([_t(ko, f"A customer's result for: {said}", f"고객 성과 사례: {said}"), _t(ko, "key messages without proof yet", "아직 근거가 없는 핵심 메시지"), _cap(case), _t(ko, "first quarter", "1분기")])  # fmt: skip
    if len(rows) < 2:
        return ""
    head = ["주제", "선정 이유", "콘텐츠", "시기"] if ko else ["Theme", "From the plan", "Piece", "When"]  # fmt: skip
    title = _t(ko, "Topics (from the plan's buyer, objections and calendar)", "주제(구매자의 불편·반론과 시즌에서)")  # fmt: skip
    return f"**{title}**\n\n" + _table(head, rows)


def _objection_theme(plan: Plan, objection: str, case: str, live: str) -> tuple[str, str]:
    """(the piece's theme, the piece) that answers one objection with the plan's own answer: a
    price doubt with the payback the plan's value tool shows, set against the price (a customer's
    case); doubt that it works, or the risk of changing, with a customer's before and after (a
    case); switching effort with the set-up shown as it happens (a live session)."""
    from assistant.analysis.objection_kinds import DOUBT, EFFORT, PRICE, tactics_for
    from assistant.interview.message_house import differentiators

    ko = plan.language == "ko"
    if PRICE.search(objection):
        tool = next(iter(tactics_for(plan, "price")), "")
        if ko:
            return (f"가격 대비 회수 기간: {tool}로 계산한 한 고객의 실제 수치" if tool else "가격 대비 회수 기간: 한 고객이 아낀 시간과 비용"), case  # fmt: skip
        return (f"Payback against the price: one customer's numbers, worked through with the {tool[:1].lower() + tool[1:]}" if tool else "Payback against the price: what one customer saved"), case  # fmt: skip
    if DOUBT.search(objection):
        return _t(ko, "A customer who switched: before and after, in their numbers", "바꾼 고객의 전후 비교(고객의 수치로)"), case  # fmt: skip
    if EFFORT.search(objection):
        from assistant.interview.copy_heads import switching_theme

        return switching_theme(differentiators(plan), ko), live
    return (f"'{objection}'에 답하기" if ko else f"Answering '{objection}'"), live

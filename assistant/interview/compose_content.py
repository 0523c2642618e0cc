"""The content strategy composed from the plan: content counted per year by funnel stage and
checked against the goals that count on it (a goal that counts on N pieces by its deadline, the
traffic each piece must bring). The user's words are the cells."""

from __future__ import annotations

import re

from assistant.analysis.cadence import Recurring, content_shortfalls, recurring_items
from assistant.analysis.plan_links import STAGE_NAMES, Linker, PlanPage, fits, linker, stages_of
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose_moves import _cadence, _cap, _goal_list, _t, _table, per_period


def _serves(page: PlanPage, text: str, link: Linker) -> list[int]:
    named = [r.goal for r in page.rows if link.shared(text, r.text) and fits(text, r.stages)]
    if named:
        return named
    stages = set(stages_of(text))
    return [r.goal for r in page.rows if stages & set(r.stages[:1])]


def content_markdown(plan: Plan, page: PlanPage) -> str:
    """Each piece with its cadence, count a year, funnel stage and the goals it serves; the
    review routine; and a check when a goal counts on more pieces than the plan publishes."""
    text = plan.user_text("mkt_content_strategy")
    if not text.strip() or plan.section("mkt_content_strategy").author == "llm":
        return ""
    items = recurring_items(text)
    pieces = [i for i in items if not i.routine]
    if not pieces:
        return ""
    ko = plan.language == "ko"
    sites = int(plan.number("territory_count") or 0)
    link = linker(plan, [i.name for i in pieces] + [r.text for r in page.rows])
    lead_row = next((r.goal for r in page.rows if r.kpi == "leads"), None)
    rows = []
    for p in pieces:
        stages = stages_of(p.name)
        cadence = _cadence(p.count, p.period, ko, name=p.name)
        if sites > 1 and p.period and _PER_SITE.search(p.name):  # '2 a week per branch city' x 3
            cadence += _t(ko, f" in each of {sites} territories", f", {sites}개 지역 각각")
            p.count *= sites
        serves = _goal_list(_serves(page, p.name, link), ko)
        if lead_row is not None and GATED.search(p.name) and str(lead_row) not in serves:
            # a report or guide readers download is the lead goal's form fill as well
            gated = _t(
                ko, f"goal {lead_row} (gated download)", f"목표 {lead_row}(다운로드 시 리드 수집)"
            )
            serves = gated if serves == "-" else f"{serves}; {gated}"
        rows.append([
            _cap(p.name), cadence, str(p.per_year or "-"),
            " → ".join(STAGE_NAMES[s][ko] for s in stages) or "-", serves,
        ])  # fmt: skip
    head = (["콘텐츠", "주기", "연간 개수", "퍼널 단계", "지원 목표"] if ko
            else ["Content", "Cadence", "A year", "Funnel stage", "Serves"])  # fmt: skip
    counted = [p for p in pieces if p.per_year]
    total = sum(p.per_year or 0 for p in counted)
    parts = []
    if counted:
        parts.append(
            _t(
                ko, f"{total} pieces a year.", f"연간 {total}개의 콘텐츠를 발행합니다."
            )  # counted, not estimated
        )
    parts.append(_table(head, rows))
    routines = [i for i in items if i.routine]
    if routines:
        parts.append(f"**{_t(ko, 'Review routine', '점검 주기')}:** " + "; ".join(
            f"{r.name} ({_cadence(r.count, r.period, ko)})" for r in routines))  # fmt: skip
    parts += content_pace(plan, pieces)
    parts += _traffic_per_piece(plan, page, pieces, [r[4] for r in rows])
    from assistant.interview.content_topics import topics_markdown

    if topics := topics_markdown(plan, pieces):
        parts.append(topics)
    return "\n\n".join(parts)


def _and(items: list[str]) -> str:
    """'a, b and c'."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


_A_MONTH = re.compile(
    r"monthly|a\s+month|per\s+month|/\s*mo\b|월간|매월|(?<![\d])월\s*(?:평균\s*)?(?:방문|순방문|트래픽|유입|조회)",
    re.I,
)


def _traffic_per_piece(plan: Plan, page: PlanPage, pieces: list[Recurring], serves: list[str]) -> list[str]:  # fmt: skip
    """A traffic goal that grows a level ('from 40,000 to 60,000 monthly visits by June') against
    the pieces serving it that are published by its deadline: the visits a month each must bring."""
    from assistant.analysis.plan_analysis import plan_year

    ko, lang = plan.language == "ko", plan.language
    year = plan_year(plan)
    out = []
    for row in page.rows:
        goal = plan.goals[row.goal - 1] if 0 < row.goal <= len(plan.goals) else None
        f = goal.frame if goal is not None else None
        if row.kpi != "website_traffic" or f is None or f.target is None or f.baseline is None or not f.deadline:  # fmt: skip
            continue
        if goal is None or not _A_MONTH.search(goal.text):
            continue  # a year's count ('evaluations from 24,000 to 28,500 in 2027') is no monthly level
        added = f.target.value - f.baseline.value
        months = 12 * (int(f.deadline[:4]) - year) + int(f.deadline[5:7])
        if added <= 0 or not 0 < months <= 12:
            continue
        mine = [
            (p, (p.per_year or 0) * months // 12) for p, cell in zip(pieces, serves, strict=True)
            if re.search(rf"\b{row.goal}\b", cell.split(";")[0]) and p.per_year
        ]  # fmt: skip
        mine = [(p, n) for p, n in mine if n > 0]
        count = sum(n for _, n in mine)
        if not count:
            continue
        unit = f.target.unit or ""
        names = (", ".join(f"{p.name} {n}개" for p, n in mine) if ko
                 else _and([f"{n} {p.name.lower()}" + ("s" if n > 1 and not p.name.endswith("s") else "") for p, n in mine]))  # fmt: skip
        when = f"{f.deadline[:4]}년 {int(f.deadline[5:7])}월" if ko else f"{_month_name(int(f.deadline[5:7]))} {f.deadline[:4]}"  # fmt: skip
        # no visits 'per piece' (a page published in the last months has had no time to rank):
        # the goal's own path at its midpoint is the check, growing at the goal's monthly rate
        half = max(months // 2, 1)
        check = format_amount(about(f.baseline.value * (f.target.value / f.baseline.value) ** (half / months)), unit, lang)  # fmt: skip
        at = f"{half}월 말" if ko else f"the end of {_month_name(half)}"
        out.append(_t(
            ko, f"Goal {row.goal} adds {format_amount(added, unit, lang)} a month by {when}, from the {names} published by then. Pages published in the last two months have little time to rank in search, so the lift rests on the first months' pieces and on updating pages that already rank. Check organic visits at {at}: about {check} a month is on the goal's path; below it, refresh the best-ranking pages before adding new pieces.",
            fix_particles(f"목표 {row.goal}번은 {when}까지 월 {format_amount(added, unit, lang)}을(를) 더해야 하며, 그때까지 발행하는 콘텐츠는 {names}입니다. 마지막 두 달에 발행한 글은 검색에 오를 시간이 부족하므로, 증가분은 처음 몇 달의 글과 이미 검색에 걸리는 기존 글 보강에서 나와야 합니다. {at} 방문자가 월 약 {check}이면 목표 경로에 있고, 그보다 적으면 새 글보다 상위 기존 글 보강을 먼저 합니다."),
        ))  # fmt: skip
    return out


GATED = re.compile(r"report|guide|e-?book|white\s*paper|checklist|template|보고서|리포트|가이드북|백서|체크리스트|템플릿", re.I)  # fmt: skip
_PER_SITE = re.compile(
    r"\b(?:per|each|every|for\s+each)\s+(?:branch|city|region|territory|market|office|location)\b|(?:지역|권역|지점)(?:별|마다)",
    re.I,
)


def content_pace(plan: Plan, pieces: list[Recurring]) -> list[str]:
    """Goals that count on N pieces by their deadline, against what the cadence publishes."""
    ko = plan.language == "ko"
    out = []
    for s in content_shortfalls(plan, pieces):
        when = f"{s.year}년 {s.month}월" if ko else f"{_month_name(s.month)} {s.year}"
        rate = per_period(s.piece.count, s.piece.period or "year", ko)
        out.append(_t(
            ko, f"Check: goal {s.goal} counts on {s.need} {s.name} by {when}, but at {rate} the plan publishes {s.by_then} by then. Publish more early in the year or move the goal's date.",
            f"확인: 목표 {s.goal}번은 {when}까지 {s.name} {s.need}개를 전제로 하지만, {rate} 주기로는 그때까지 {s.by_then}개입니다. 연초 발행을 늘리거나 목표 시점을 조정해야 합니다.",
        ))  # fmt: skip
    return out


def _month_name(m: int) -> str:
    return ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"][m - 1]  # fmt: skip

"""The sections of a chain that opens its own outlets, said of outlets: the territories (each
region's outlets today and its share of the new ones: the goal's own split when it states one,
'수도권 10·충청 4·영남 4', else in proportion to the outlets each region has, never the regions'
outlets read as customers) and the proposed forecast (new outlets a quarter and their sales)."""

from __future__ import annotations

import re

from assistant.analysis.market import shaped
from assistant.analysis.outlets import outlet_bridge, outlet_goal
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.plan_goals import plan_year, revenue_goal
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose import _table

_ITEM = re.compile(
    r"^\s*(?P<name>[^\d(]+?)\s*(?P<n>\d[\d,]*)\s*(?:개|곳|stores?|locations?|outlets?|branches)?\b",
    re.I,
)


def outlet_territories_markdown(plan: Plan) -> str:
    """The table and its basis; '' when the plan opens no outlets or names no counted regions."""
    opened = outlet_goal(plan)
    fact = plan.fact("territories")
    if opened is None or fact is None or not isinstance(fact.value, list):
        return ""
    regions: list[tuple[str, int]] = []
    for item in fact.value:
        m = _ITEM.match(str(item))
        if m is None:
            return ""
        regions.append((m.group("name").strip(" :"), int(m.group("n").replace(",", ""))))
    if len(regions) < 2:
        return ""
    ko = plan.language == "ko"
    added = round(opened[1])
    said = opened[0].text
    split = [re.search(rf"{re.escape(name)}\s*(\d+)", said) for name, _ in regions]
    stated = all(split) and sum(int(s.group(1)) for s in split if s) == added
    new = (
        [int(s.group(1)) for s in split if s]
        if stated
        else shaped(added, [float(n) for _, n in regions])
    )
    total = sum(n for _, n in regions)
    c = "개" if ko else ""
    rows = [[name, f"{n:,}{c}", f"{k:,}{c} ({k / added * 100:.0f}%)" if added else "-"] for (name, n), k in zip(regions, new, strict=True)]  # fmt: skip
    rows.append(["합계" if ko else "Total", f"{total:,}{c}", f"{added:,}{c}"])
    head = (
        ["지역", "현재 매장", "새 매장 목표(비중)"]
        if ko
        else ["Territory", "Outlets today", "New outlets (share)"]
    )
    basis = (
        ("지역별 새 매장은 목표에 적힌 배분을 따름." if stated else "지역별 새 매장은 목표에 배분이 없어 지역별 현재 매장 수에 비례해 나눈 제안임. 상권 분석으로 지역별 후보지를 세면 그 수로 바꿈.")
        if ko
        else ("Each region's new outlets follow the split the goal states." if stated else "The goal gives no split by region, so the new outlets are proposed in proportion to each region's outlets today; replace it with the sites each region's site survey finds.")
    )  # fmt: skip
    return _table(head, rows) + f"\n\n_{basis}_"


def outlet_forecast_markdown(plan: Plan, analysis: PlanAnalysis) -> str:
    """With no forecast given, the new outlets by quarter (evenly) with their sales a year, and
    what they add to the plan year opening evenly (half a year's sales: the summary's and the
    bridge's in-year figure); '' when the plan opens no outlets."""
    rev = revenue_goal(plan)
    if rev is None or plan.forecast is not None:
        return ""
    opened = outlet_bridge(plan, rev[2], analysis.revenue.new_business_from_goals)
    if opened is None or opened[0] < 4:
        return ""
    ko, lang, year = plan.language == "ko", plan.language, plan_year(plan)
    added, each, word = round(opened[0]), opened[1], opened[2]
    counts = shaped(added, [1.0, 1.0, 1.0, 1.0])
    money = lambda v: format_amount(v, rev[2], lang)  # noqa: E731
    c = "개" if ko else ""
    rows = [[f"{year}년 {q + 1}분기" if ko else f"Q{q + 1} {year}", f"{n:,}{c}", money(n * each)] for q, n in enumerate(counts)]  # fmt: skip
    rows.append(["합계" if ko else "Total", f"{added:,}{c}", money(added * each)])
    head = ["분기", f"새 {word}", f"새 {word}의 연간 매출"] if ko else ["Quarter", f"New {word}", "Their sales a year"]  # fmt: skip
    lead = (
        f"제안: 분기별 예측이 아직 없어 계획의 목표로 계산함. 새 {word} {added:,}{c}를 네 분기에 고르게 나누고 {word}당 연 매출 {money(each)}을 곱함. 출점 일정이 정해지면 분기별 수치를 그 일정으로 바꿈."
        if ko
        else f"Proposed: with no quarterly forecast yet, this is the plan's own goal: {added:,} new {word} spread evenly over the four quarters at {money(each)} a year each. Replace it with the opening schedule once the sites are signed."
    )  # fmt: skip
    base = analysis.revenue.base
    note = (
        (f"- 새 {word}이 한 해 동안 고르게 문을 열면 {year}년에 더해지는 매출은 약 {money(about(added * each / 2))}(으)로, 연간 매출 {money(added * each)}은 {year}년 말의 규모임. 기존 매장 매출 {money(base)}에 더해 목표 {money(rev[1])}까지 남는 몫은 기존 매장의 매출 증가(객수·객단가·재구매)가 채움." if base else "")
        if ko
        else (f"- Opening evenly through the year, the new {word} add about {money(about(added * each / 2))} of {year} sales; the {money(added * each)} a year is their size at year end. On top of existing outlets' {money(base)}, the rest of the {money(rev[1])} goal is for existing outlets' growth (visits, basket, repeat purchases)." if base else "")
    )  # fmt: skip
    text = "\n\n".join(p for p in (lead, _table(head, rows), note) if p)
    return fix_particles(text) if ko else text

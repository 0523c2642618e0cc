"""The budget section's lines by quarter and the goals each line serves: a reader of the budget
sees when each line's money goes out and what it is for, not only the answer's shares times the
total (directors scored a budget of shares alone 'only multiplies the percentages'; spend by
quarter was only in the analysis).

One rule with the Plan analysis' budget by quarter (`months.quarter_amounts`): a dated calendar
cost falls in its quarter on the line that pays for it (`compose.paying_lines`); an events line's
undated events take their proposed shares (`months.event_shares`) in their quarters; each line's
rest is spread over the quarters, evenly or, when the plan recommends it, weighted to the peak
quarters. A dated cost no line is found to pay for comes out of every line's rest in proportion,
so the columns add up to the analysis' quarters."""

from __future__ import annotations

import re

from assistant.analysis.months import PEAK_WEIGHT, event_shares, month_of, steady
from assistant.core.lang import fix_particles
from assistant.core.plan import CalendarEntry, Plan
from assistant.goals.numbers import format_amount

# a split by quarter the answer states: '1분기 40%(…), 2분기 20%', 'Q1 40%, Q2 20%'
_DISCOUNT = re.compile(r"할인|프로모션|\boff\b|discount|promo", re.I)
_STATED_SPLIT = re.compile(r"(?:[1-4]\s*분기|\bQ[1-4]\b)\s*[:：]?\s*\d{1,2}\s*%.{0,40}?(?:[1-4]\s*분기|\bQ[1-4]\b)\s*[:：]?\s*\d{1,2}\s*%", re.I | re.S)  # fmt: skip


def _unit(total: float, currency: str, ko: bool) -> float:
    """The rounding step of a cell: 10,000 won in a Korean table of millions (shown in 만 원),
    else one unit, so the columns can match the analysis' quarters to the unit."""
    return 10_000.0 if ko and total >= 1e7 and currency in ("KRW", "원", "₩") else 1.0


def _sums(values: list[float], whole: int) -> list[int]:
    """Values rounded to whole numbers that add up to `whole` (largest remainders first)."""
    down = [int(v // 1) for v in values]
    order = sorted(range(len(values)), key=lambda i: -(values[i] - down[i]))
    for i in order[: max(0, whole - sum(down))]:
        down[i] += 1
    return down


def _controlled(rows: list[list[float]], step: float) -> list[list[float]]:
    """Cells rounded to `step` so every row adds up to its line's rounded amount (the rows' totals
    rounded together to the budget's) and, where a small flow can place the leftover steps, every
    column to its quarter's rounded total (the analysis' figure): each cell is its floor or one
    step more, largest remainders first. A row the flow cannot place takes its leftover steps at
    its own largest remainders (rounding each cell alone left columns a few units off)."""
    units = [[round(x / step, 6) for x in r] for r in rows]
    totals = _sums([sum(r) for r in units], round(sum(sum(r) for r in units)))
    floors = [[int(x // 1) for x in r] for r in units]
    row_need = [t - sum(f) for t, f in zip(totals, floors, strict=True)]
    cols = _sums([sum(r[q] for r in units) for q in range(4)], sum(totals))
    col_need = [cols[q] - sum(f[q] for f in floors) for q in range(4)]
    up = [[False] * 4 for _ in rows]

    def order(i: int) -> list[int]:
        return sorted(range(4), key=lambda q: -(units[i][q] - floors[i][q]))

    def augment(i: int, seen: set[int]) -> bool:
        """One more step for row i: a column that needs one, or one reached by moving another
        row's step along (a path of the flow); each column is visited once, so it ends."""
        for q in order(i):
            if up[i][q] or q in seen:
                continue
            seen.add(q)
            if col_need[q] > 0:
                col_need[q] -= 1
                up[i][q] = True
                return True
            for k in range(len(rows)):  # a row holding a step in q may take it elsewhere
                if up[k][q] and k != i and augment(k, seen):
                    up[k][q] = False
                    up[i][q] = True
                    return True
        return False

    for i in range(len(rows)):
        for _ in range(max(0, row_need[i])):
            if not augment(i, set()):  # no column needs it: the row's own largest remainder
                q = next((q for q in order(i) if not up[i][q]), None)
                if q is not None:
                    up[i][q] = True
    return [[step * (f + u) for f, u in zip(fl, ups, strict=True)] for fl, ups in zip(floors, up, strict=True)]  # fmt: skip


def unplaced_costs(plan: Plan) -> list[CalendarEntry]:
    """The dated calendar costs no budget line is found to pay for."""
    from assistant.interview.compose import paying_lines

    pays = paying_lines(plan, [e.activity for e in plan.calendar])
    return [e for e in plan.calendar if e.cost and month_of(e.when) is not None and pays.get(e.activity) is None]  # fmt: skip


def line_quarters(plan: Plan, peaks: tuple[int, ...] = ()) -> list[tuple[str, list[float]]] | None:
    """Each budget line with its four quarters' amounts; None when the lines do not add up to
    the budget, a line's amount is unknown, or dated costs outrun what their line holds (the
    review names those, and the analysis keeps its one column)."""
    from assistant.interview.compose import paying_lines

    total = plan.number("marketing_budget") or plan.budget.total
    lines = plan.budget.lines
    if not total or not lines:
        return None
    amounts = [
        ln.amount if ln.amount is not None else (total * ln.share / 100 if ln.share is not None else None)
        for ln in lines
    ]  # fmt: skip
    if any(a is None for a in amounts) or abs(sum(a or 0 for a in amounts) - total) > total * 0.005:
        return None
    dated = [(e, m) for e in plan.calendar if e.cost and (m := month_of(e.when)) is not None]
    if sum(e.cost or 0 for e, _ in dated) > total * 1.0001:
        return None
    pays = paying_lines(plan, [e.activity for e in plan.calendar])
    shares, placed = event_shares(plan, total)
    fixed = [[0.0] * 4 for _ in lines]
    loose = [0.0] * 4  # dated costs no line is found to pay for
    ids = {id(ln): i for i, ln in enumerate(lines)}
    for e, m in dated:
        paid = pays.get(e.activity)
        i = ids.get(id(paid)) if paid is not None else None
        (fixed[i] if i is not None else loose)[(m - 1) // 3] += e.cost or 0.0
    if shares:
        i = next(k for k, ln in enumerate(lines) if ln.item == placed[0])
        for e in plan.calendar:
            if id(e) in shares and (m := month_of(e.when)) is not None:
                fixed[i][(m - 1) // 3] += shares[id(e)]
    rests = [(a or 0.0) - sum(f) for a, f in zip(amounts, fixed, strict=True)]
    if any(r < -total * 0.0001 for r in rests):
        return None
    rests = [max(r, 0.0) for r in rests]
    # a running-cost line (tools, partner fees) is paid every month: it stays even with peaks,
    # and the unplaced dated costs come out of the other lines (the analysis' quarters agree)
    even_line = [bool(peaks) and steady(ln.item) for ln in lines]
    pool = sum(r for r, st in zip(rests, even_line, strict=True) if not st)
    if sum(loose) > pool:  # the dated costs outrun the seasonal lines: no table says it right
        return None
    cut = sum(loose) / pool if pool > 0 else 0.0  # the unplaced dated costs, from every rest
    weights = [PEAK_WEIGHT if q in peaks else 1.0 for q in (1, 2, 3, 4)]
    out: list[tuple[str, list[float]]] = []
    for ln, f, r, st in zip(lines, fixed, rests, even_line, strict=True):
        if st:
            out.append((ln.item, [f[q] + r / 4 for q in range(4)]))
            continue
        part = r / pool if pool > 0 else 0.0  # the line's share of the unplaced dated costs
        cells = [f[q] + r * (1 - cut) * weights[q] / sum(weights) + loose[q] * part for q in range(4)]  # fmt: skip
        out.append((ln.item, cells))
    return _reconciled(plan, total, peaks, out, rests, even_line) if any(even_line) else out


def _reconciled(
    plan: Plan,
    total: float,
    peaks: tuple[int, ...],
    out: list[tuple[str, list[float]]],
    rests: list[float],
    even_line: list[bool],
) -> list[tuple[str, list[float]]]:
    """The columns made equal to the analysis' quarters (the summary's recommendation): a running
    line that also pays a dated cost leaves the two apart by that cost's spread, which the seasonal
    lines take back in proportion to their rests (each line's year unchanged)."""
    from assistant.analysis.months import quarter_amounts

    target = quarter_amounts(plan, total, peaks)[0]
    cols = [sum(cells[q] for _, cells in out) for q in range(4)]
    diff = [t - c for t, c in zip(target, cols, strict=True)]
    seasonal = sum(r for r, st in zip(rests, even_line, strict=True) if not st)
    if seasonal <= 0 or all(abs(d) < 0.5 for d in diff):
        return out
    fixed = [
        (item, cells if st else [c + d * r / seasonal for c, d in zip(cells, diff, strict=True)])
        for (item, cells), r, st in zip(out, rests, even_line, strict=True)
    ]
    return out if any(c < 0 for _, cells in fixed for c in cells) else fixed


def served_goals(plan: Plan) -> dict[str, str]:
    """Each budget line -> the goals it serves, as the plan on a page ties them ('Goals 1, 2',
    '목표 1, 2'); a supporting line (tools, people) serves every goal."""
    from assistant.analysis.plan_links import plan_page

    ko = plan.language == "ko"
    from assistant.interview.compose import paying_lines

    page = plan_page(plan)
    pays = paying_lines(plan, [e.activity for e in plan.calendar])
    out: dict[str, str] = {}
    for ln in plan.budget.lines:
        goals = {r.goal for r in page.rows if ln.item in r.budget}
        # and the goals of the dated activities it pays (the events line's customer conference
        # keeps customers: the churn goal's money too)
        for e in plan.calendar:
            if pays.get(e.activity) is ln:
                goals |= {r.goal for r in page.rows if f"{e.when}: {e.activity}" in r.activities}
        ordered = sorted(goals)
        if ln.item in page.supporting_budget:
            out[ln.item] = "모든 목표(지원)" if ko else "all goals (supporting)"
        elif ordered:
            nums = ", ".join(str(g) for g in ordered)
            out[ln.item] = f"목표 {nums}" if ko else f"Goal{'s' if len(ordered) > 1 else ''} {nums}"
        else:
            out[ln.item] = "-"
    return out


def _on(when: str) -> str:
    """'in January', 'on February 10' (a day is 'on')."""
    day = re.search(r"[A-Za-z]+\.?\s+\d{1,2}\b|\b\d{1,2}\s+[A-Za-z]", when)
    return f"{'on' if day else 'in'} {when}"


def _proposed_events_note(plan: Plan, total: float) -> str:
    """Under the table, when an events line sits in the quarters of calendar events that state no
    cost of their own (their proposed shares, as the calendar shows them): the reader sees why a
    quarter holds the line ('the whole events line in Q1 with the NRF show') and what to confirm."""
    shares, placed = event_shares(plan, total)
    if not shares:
        return ""
    ko = plan.language == "ko"
    cur = plan.budget.currency
    entries = [e for e in plan.calendar if id(e) in shares]
    said = ", ".join(
        (f"{e.when} {e.activity} {format_amount(shares[id(e)], cur, plan.language)}" if ko
         else f"{e.activity} {_on(e.when)}: {format_amount(shares[id(e)], cur, plan.language)}")
        for e in entries
    )  # fmt: skip
    line = placed[0]
    if ko:
        return "\n\n" + fix_particles(f"_'{line}'에서 비용이 따로 적힌 행사를 뺀 나머지는 비용이 적히지 않은 캘린더 행사의 분기에 제안 비용으로 둠({said}). 행사별 비용을 확정하고, 이 예산으로 열 다른 행사가 있으면 날짜를 정해 그 분기로 옮김._")  # fmt: skip
    amount = next((ln.amount if ln.amount is not None else total * (ln.share or 0) / 100 for ln in plan.budget.lines if ln.item == line), 0.0)  # fmt: skip
    if len(entries) == 1:
        e = entries[0]
        month = month_of(e.when)
        q = f"Q{(month - 1) // 3 + 1}" if month else "its quarter"
        money = format_amount(shares[id(e)], cur, plan.language)
        if abs(shares[id(e)] - amount) < 1:  # the only event the line pays for
            lead = f"{q} holds the whole '{line}' line ({money}): the {e.activity} {_on(e.when)}, the only dated event the line is found to pay for, states no cost, so it takes the line as its proposed cost"  # fmt: skip
        else:
            lead = f"{q} holds the '{line}' line's {money} left after the events that state their cost: the {e.activity} {_on(e.when)} states none, so it takes the rest as its proposed cost"  # fmt: skip
        return f"\n\n_{lead}. Confirm what it costs, and date any other event the line pays for, so its share moves to its quarter._"  # fmt: skip
    return f"\n\n_The '{line}' line, less the events that state their cost, sits with the calendar's events that state none, as proposed costs ({said}): confirm what each costs, and date any other event the line pays for, so its share moves to its quarter._"  # fmt: skip


def quarters_markdown(plan: Plan) -> str:
    """'**By quarter**' with a row per line and a total row; '' when the lines cannot be
    placed. The quarters are the ones the plan recommends (weighted to its peak quarters) when
    it recommends any, said in the title."""
    from assistant.analysis.peaks import dated_note, recommended_quarters, stated_peaks
    from assistant.analysis.plan_analysis import analyse, plan_year
    from assistant.interview.analysis_render import quarter_label

    ko = plan.language == "ko"
    peaks: tuple[int, ...] = ()
    if recommended_quarters(plan, analyse(plan)) is not None:
        peaks = tuple(stated_peaks(plan)[0])
    if (m := _STATED_SPLIT.search(plan.user_text("mkt_budget"))) and not _DISCOUNT.search(
        m.group(0)
    ):
        return ""  # the answer's own split by quarter stands (said under the table), not ours
    rows = line_quarters(plan, peaks)
    if rows is None or not plan.calendar:
        return ""  # with no calendar every line is the same even spread: nothing to see
    cur = plan.budget.currency
    total = plan.number("marketing_budget") or plan.budget.total or 0.0
    step = _unit(total, cur, ko)
    shown = list(zip([item for item, _ in rows], _controlled([qs for _, qs in rows], step), strict=True))  # fmt: skip
    cols = [sum(qs[q] for _, qs in shown) for q in range(4)]
    year = plan_year(plan)
    # a Korean table of won in the millions counts in 만 원, said once in its title, as Korean
    # reports do ('5,760'): six columns of '1억 9,200만 원' do not fit a page
    manwon = ko and step == 10_000.0
    heads = [f"{q}분기" if manwon else quarter_label(f"{year}-Q{q}", plan.language) for q in (1, 2, 3, 4)]  # fmt: skip

    def money(v: float) -> str:
        if not v:
            return "-"
        return f"{v / 10_000:,.0f}" if manwon else format_amount(v, cur, plan.language)

    lines = [
        "| " + " | ".join(["항목" if ko else "Line", *heads, "연간" if ko else "Year"]) + " |",
        "|" + "---|" * 6,
    ]
    for item, qs in shown:
        lines.append("| " + " | ".join([item, *(money(v) for v in qs), money(sum(qs))]) + " |")
    lines.append("| " + " | ".join(f"**{c}**" for c in ["합계" if ko else "Total", *(money(v) for v in cols), money(sum(cols))]) + " |")  # fmt: skip
    note = ""
    if loose := unplaced_costs(plan):
        said = ", ".join(f"{e.when} {e.activity}" if ko else f"{e.activity} {_on(e.when)}" for e in loose[:3])  # fmt: skip
        more = (
            (f" 외 {len(loose) - 3}건" if ko else f" and {len(loose) - 3} more")
            if len(loose) > 3
            else ""
        )
        cost = format_amount(sum(e.cost or 0 for e in loose), cur, plan.language)
        every = len(loose) > 1
        note = ("\n\n" + fix_particles(f"_캘린더에 비용이 적힌 {said}{more}({'모두 ' if every else ''}{cost})은 낼 예산 항목이 정해지지 않아, 이 표는 각 항목의 남은 예산에서 비율대로 뺐음. 활동마다 낼 항목을 정하면 표를 다시 나눔._") if ko
                else f"\n\n_No budget line is named for the calendar's {said}{more} ({cost}{' in all' if every else ''}), so this table takes {'them' if every else 'it'} from every line in proportion to what the line has left; name the line that pays {'each' if every else 'it'} and the split follows it._")  # fmt: skip
    unit = f"{year}년, 단위: 만 원; " if manwon else ""
    if not peaks:
        note += _proposed_events_note(plan, total)
    if peaks and (why := dated_note(plan, cols, list(peaks), ko)):
        # a quiet quarter above a peak one: the dated events in it are why, said under the
        # table so the proposal never reads as undoing its own aim
        note += f"\n\n_{why.strip()}_"
    if peaks:
        names = (
            ("·".join(f"{q}분기" for q in peaks)) if ko else " and ".join(f"Q{q}" for q in peaks)
        )
        even = [item for item, _ in rows if steady(item)]
        even_ko = f", 매달 나가는 {'·'.join(even)}은(는) 고르게" if even else ""
        even_en = f"; {', '.join(even)}, paid every month, spread evenly" if even else ""
        title = (fix_particles(f"**분기별 집행**({unit}제안: 시기가 정해지지 않은 예산을 {names}에 {PEAK_WEIGHT:g}배로 두고, 날짜가 있는 행사는 그 분기에{even_ko} 둠)") if ko
                 else f"**By quarter** (proposed: the undated spend weighted {PEAK_WEIGHT:g}× toward {names}; dated events stay in their quarters{even_en})")  # fmt: skip
    else:
        title = (
            f"**분기별 집행**({unit}날짜가 있는 활동은 그 분기에, 나머지는 고르게)"
            if ko
            else "**By quarter** (dated activities in their quarter, the rest spread evenly)"
        )
    return title + "\n\n" + "\n".join(lines) + note

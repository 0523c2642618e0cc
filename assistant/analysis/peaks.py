"""The quarters the user says new business peaks in ('연말정산이 있는 1분기와 … 3분기에 신규 계약이
몰립니다', 'orders peak in Q4'), read from their own sentence, and a check of the budget's timing
against them: spend that makes leads should run ahead of the peaks, not evenly beside them."""

from __future__ import annotations

import re

from assistant.analysis.analysis_model import PlanAnalysis
from assistant.analysis.review_types import Finding
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount

_PEAK = re.compile(
    r"\bpeaks?\b|\bbusiest\b|\bspikes?\b|\bsurges?\b|most\s+of\s+(?:our|the)\s+(?:sales|orders|deals|revenue|contracts)|"
    r"성수기|몰립|몰린|몰려|집중됩|집중된|가장\s*많",
    re.I,
)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER = re.compile(
    r"\bQ([1-4])\b|([1-4])\s*분기|\b((?:(?:first|second|third|fourth)(?:\s*,\s*|\s+(?:and|or)\s+))*(?:first|second|third|fourth))\s+quarters?",
    re.I,
)
_SECTIONS = (
    "sales_forecast",
    "mkt_market_analysis",
    "mkt_calendar",
    "sales_strategy",
    "mkt_budget",
)


def stated_peaks(plan: Plan) -> tuple[list[int], str]:
    """(the quarters new business peaks in, the section that says so); ([], '') when none."""
    for sid in _SECTIONS:
        for sentence in re.split(r"(?<=[.!?。])\s+|\n+", plan.user_text(sid)):
            if not _PEAK.search(sentence):
                continue
            found: set[int] = set()
            for m in _QUARTER.finditer(sentence):  # 'Q4', '3분기', 'the second and fourth quarter'
                if m.group(1) or m.group(2):
                    found.add(int(m.group(1) or m.group(2)))
                else:
                    found |= {_ORDINAL[w.lower()] for w in re.findall(r"first|second|third|fourth", m.group(3), re.I)}  # fmt: skip
            quarters = sorted(found)
            if quarters and len(quarters) < 4:
                return quarters, sid
    return [], ""


def peak_budget_finding(plan: Plan, a: PlanAnalysis) -> Finding | None:
    """A tip when the stated peak quarters get no more budget than the others."""
    quarters, sid = stated_peaks(plan)
    if not quarters or len(a.budget_by_quarter) != 4:
        return None
    amounts = [q.amount for q in a.budget_by_quarter]
    others = [x for n, x in enumerate(amounts, 1) if n not in quarters]
    if not others or any(amounts[q - 1] > 1.1 * sum(others) / len(others) for q in quarters):
        return None
    ko, lang = plan.language == "ko", plan.language
    cur = plan.budget.currency
    year = a.budget_by_quarter[0].quarter[:4]
    from assistant.core.catalogue import get_section

    said = get_section(sid).title.get(lang)
    each = [f"{q}분기" if ko else f"Q{q}" for q in quarters]
    names = (
        each[0]
        if len(each) == 1
        else (", ".join(each[:-1]) + ("와 " if ko else " and ") + each[-1])
    )
    cycle = plan.fact("sales_cycle_days")
    lead = (
        (f" 영업 주기 {cycle.value:g}일이면 리드는 약 {cycle.value / 7:.0f}주 앞서 만들어야 하므로, 그 분기의 몫은 분기 초에 먼저 씁니다." if ko
         else f" With a {cycle.value:g}-day sales cycle the leads must come about {cycle.value / 7:.0f} weeks ahead, so spend each peak quarter's share early in the quarter.")
        if cycle is not None and isinstance(cycle.value, (int, float)) and 0 < cycle.value < 365
        else ""
    )  # fmt: skip
    # the owner's default, computed: the undated spend weighted to the peaks, dated costs kept
    from assistant.analysis.months import PEAK_WEIGHT, steady

    proposed = _weighted(plan, a, quarters)
    # the lines paid every month (tools, partner fees) stay even: named, so the split is read right
    even = [ln.item for ln in plan.budget.lines if steady(ln.item)]
    even_ko = f", 매달 나가는 {'·'.join(even)}은(는) 고르게" if even else ""
    even_en = f"; {', '.join(even)}, paid every month, stay even" if even else ""
    split = ", ".join(f"{f'{q}분기' if ko else f'Q{q}'} {format_amount(x, cur, lang)}" for q, x in enumerate(proposed, 1))  # fmt: skip
    lead += dated_note(plan, proposed, quarters, ko)
    return Finding(
        severity="tip",
        sections=["mkt_budget", "sales_forecast"],
        # the even split is the analysis's own default, not the user's: said as that, and the
        # quarterly split is the user's decision
        message=(
            fix_particles(
                f"{said}은(는) {year}년 {names}에 신규 계약이 몰린다고 보는데, 계획에는 아직 분기별 예산이 없습니다. 시기가 정해지지 않은 예산을 네 분기에 고르게 나누면 몰리는 분기에 쓸 몫이 다른 분기와 같습니다."
            )
            if ko
            else f"The {said.lower() if said[1:2].islower() else said} says new business peaks in {names}, but the plan has no quarterly budget yet: spread evenly, the undated spend gives the peak quarters no more than the others."
        ),
        fix=(
            fix_particles(
                f"시기가 정해지지 않은 예산을 {names}에 다른 분기의 {PEAK_WEIGHT:g}배씩 두는 분기별 예산을 권합니다: {split}(행사 비용은 열리는 분기에 그대로{even_ko} 둠).{lead}"
            )
            if ko
            else f"Recommended: the undated spend weighted {PEAK_WEIGHT:g} times to {names}: {split} (dated events stay in their own quarters{even_en}).{lead}"
        ),
    )


def peak_summary_fix(plan: Plan, a: PlanAnalysis | None = None) -> str:
    """The peak finding's fix as a summary says it: the rule, with the quarters' amounts left to
    the budget's table (a director found four amounts and their reasons too much for a summary);
    when dated events still leave a quiet quarter above a peak one, the summary says so too (a
    director read the rule as a promise the table breaks)."""
    from assistant.analysis.months import PEAK_WEIGHT

    quarters, _ = stated_peaks(plan)
    ko = plan.language == "ko"
    each = [f"{q}분기" if ko else f"Q{q}" for q in quarters]
    names = each[0] if len(each) == 1 else ", ".join(each[:-1]) + ("와 " if ko else " and ") + each[-1]  # fmt: skip
    above: list[int] = []
    low_q = 0
    if a is not None and a.budget_by_quarter and quarters:
        proposed = _weighted(plan, a, quarters)
        above = [] if min(proposed) < 0 else _above(proposed, quarters)
        low_q = min(quarters, key=lambda q: proposed[q - 1])
    if ko:
        still = ""
        if above:
            quiet = "·".join(f"{q}분기" for q in above)
            still = (
                f" 다만 날짜가 정해진 행사 비용 때문에 {quiet}은(는) 여전히 {low_q}분기보다 큽니다."
            )
        return fix_particles(f"시기가 정해지지 않은 예산을 {names}에 다른 분기의 {PEAK_WEIGHT:g}배{'씩' if len(each) > 1 else ''} 두는 분기별 예산을 권합니다(분기별 금액과 근거는 마케팅 예산의 분기별 집행 참고).{still}")  # fmt: skip
    still = ""
    if above:
        quiet = " and ".join(f"Q{q}" for q in above)
        still = f" The costs of dated events still keep {quiet} above Q{low_q}."
    return f"Recommended: the undated spend weighted {PEAK_WEIGHT:g} times to {names} (the quarters' amounts and why are under the Marketing Budget, by quarter).{still}"  # fmt: skip


def _above(proposed: list[float], peaks: list[int]) -> list[int]:
    """The quarters outside the peaks that still come out above the lowest peak quarter (by more
    than rounding: a quarter the rounding remainder lifted is no dated event's)."""
    low = min(proposed[q - 1] for q in peaks)
    return [q for q in (1, 2, 3, 4) if q not in peaks and proposed[q - 1] > low * 1.001]


def dated_note(plan: Plan, proposed: list[float], peaks: list[int], ko: bool) -> str:
    """When a quiet quarter still comes out above a peak one, the dated events in it are why
    (a customer conference in October): said, so the split never reads as undoing its own aim."""
    from assistant.analysis.months import event_shares, month_of

    if not peaks or min(proposed) < 0:  # a negative rest (lines over the budget): no claim
        return ""
    above = _above(proposed, peaks)
    if not above:
        return ""
    shares, _ = event_shares(plan, sum(proposed))
    cur, lang = plan.budget.currency, plan.language
    costs = [
        (e.activity, e.cost or shares.get(id(e), 0.0))
        for e in plan.calendar
        if (m := month_of(e.when)) is not None and (m - 1) // 3 + 1 in above
    ]
    costs = [(name, x) for name, x in costs if x]
    if not costs:
        return ""
    named = ", ".join(f"{name} {format_amount(x, cur, lang)}" for name, x in costs[:3])
    names = "·".join(f"{q}분기" for q in above) if ko else " and ".join(f"Q{q}" for q in above)
    # named against the peak quarter they exceed (Q2 is above Q3, not above Q1)
    low_q = min(peaks, key=lambda q: proposed[q - 1])
    if ko:
        peak_ko = "·".join(f"{q}분기" for q in peaks)
        return fix_particles(f" {names}이(가) {low_q}분기보다 큰 것은 날짜가 있는 행사에 둔 금액({named}) 때문이며, 날짜 없는 나머지 예산은 {peak_ko}에 더 많이 둡니다.")  # fmt: skip
    verb, their = ("comes", "its") if len(above) == 1 else ("come", "their")
    peak_en = " and ".join(f"Q{q}" for q in peaks)
    return f" {names} still {verb} out above Q{low_q} because of the amounts set on {their} dated events ({named}); the undated rest is larger in {peak_en}."


def _weighted(plan: Plan, a: PlanAnalysis, quarters: list[int]) -> list[float]:
    """The quarters' budget with the undated spend weighted to the peak quarters, dated costs
    kept in their quarters (rounded to 10,000 as the decision says them)."""
    from assistant.analysis.months import quarter_amounts

    total = plan.number("marketing_budget") or plan.budget.total or sum(q.amount for q in a.budget_by_quarter)  # fmt: skip
    exact = quarter_amounts(plan, total, tuple(quarters))[0]
    out = [round(x, -4) if x >= 1e6 else x for x in exact]
    # the rounded quarters still add up to the budget: the largest takes what rounding left
    top = max(range(4), key=lambda i: out[i])
    out[top] += round(sum(exact) - sum(out), 2)
    return out


def recommended_quarters(plan: Plan, a: PlanAnalysis) -> list[float] | None:
    """The budget by quarter the peak decision recommends, beside the table's even split; None
    when there is no such decision."""
    if peak_budget_finding(plan, a) is None:
        return None
    return _weighted(plan, a, stated_peaks(plan)[0])

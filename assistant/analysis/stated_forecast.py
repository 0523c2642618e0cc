"""The sales forecast the user states, read from the answer: the figure for each quarter, whether
the quarters add up to the revenue goal (then the goal is this year's revenue, not a year-end
run-rate), and quarters the answer calls the busiest that the figures do not make the busiest.
Plain Python over the plan's text; no I/O."""

from __future__ import annotations

import re

from assistant.analysis.plan_goals import revenue_goal
from assistant.core.plan import Plan
from assistant.goals.numbers import read_quantities

_MONEY = r"[$€£₩]\s?\d[\d,.]*\s*(?:k|m|mn|million|b|bn|billion)?|\d[\d,.]*\s*(?:조|억|만)(?:\s*\d[\d,.]*\s*(?:억|만))?\s*원?"  # fmt: skip
QUARTER_EN = re.compile(rf"(?P<amt>{_MONEY})\s+(?:in|for)\s+(?P<q>Q[1-4])\b|\b(?P<q2>Q[1-4])\s*[:=-]?\s*(?P<amt2>{_MONEY})", re.I)  # fmt: skip
QUARTER_KO = re.compile(
    rf"(?P<q>[1-4])\s*(?:분기|Q)\s*(?:에는|는|은|:)?\s*(?:약\s*)?(?P<amt>{_MONEY})"
)


def stated_quarters(text: str, currency: str = "") -> list[tuple[int, float, str]]:
    """(quarter, amount, currency) for each quarter the answer gives a figure for, in order
    ('Q1 $4.6M', '1분기 13억 원', '1Q 10.5억' in a won plan)."""
    out: dict[int, tuple[float, str]] = {}
    for m in [*QUARTER_EN.finditer(text), *QUARTER_KO.finditer(text)]:
        q = m.groupdict().get("q") or m.groupdict().get("q2") or ""
        amount = m.groupdict().get("amt") or m.groupdict().get("amt2") or ""
        money = [
            x if x.kind == "money" else x.model_copy(update={"kind": "money", "unit": "KRW"})
            for x in read_quantities(amount)
            if x.is_money_in(currency)
        ]
        if money and q:
            out.setdefault(int(q[-1]), (money[0].value, money[0].unit))
    return [(q, v, u) for q, (v, u) in sorted(out.items())]


def quarters_make_the_goal(plan: Plan) -> bool:
    """Four stated quarters that add up to the revenue goal: the goal is the year's revenue."""
    rev = revenue_goal(plan)
    if rev is None:
        return False
    quarters = stated_quarters(plan.user_text("sales_forecast"), rev[2])
    total = sum(v for _, v, u in quarters if u == rev[2])
    return len(quarters) == 4 and abs(total - rev[1]) <= rev[1] * 0.02


_PEAK = re.compile(r"peak|busiest|strongest|most\s+(?:new\s+)?(?:deals|contracts|sales|customers)|몰립|몰려|집중|성수기|가장\s*많", re.I)  # fmt: skip
_NAMED_Q = re.compile(r"\bQ([1-4])\b|([1-4])\s*분기|([1-4])Q\b", re.I)


_SIGNED = re.compile(
    r"contract|deal|signed|sign-?ups?|new\s+customers|계약|가입|신규\s*(?:고객|거래)", re.I
)


def peak_mismatch(
    text: str, quarters: list[tuple[int, float, str]], subscription: bool = False
) -> list[int]:
    """Quarters a sentence of the answer calls the peak ('1분기와 3분기에 신규 계약이 몰립니다')
    whose figure is not above the average of the other quarters."""
    if len(quarters) < 4:
        return []
    values = {q: v for q, v, _ in quarters}
    named: list[int] = []
    for sentence in re.split(r"(?<=[.!?。])\s+|\n+", text):
        if not _PEAK.search(sentence) or re.search(r"[$₩]|\d\s*(?:억|만)\s*원", sentence):
            continue  # a sentence with the figures is the forecast itself, not its shape
        if subscription and _SIGNED.search(sentence):
            continue  # contracts signed in a peak quarter are revenue in the quarters after it
        named += [int(next(g for g in m.groups() if g)) for m in _NAMED_Q.finditer(sentence)]
    out = []
    for q in dict.fromkeys(named):
        others = [v for k, v in values.items() if k != q]
        if q in values and others and values[q] <= sum(others) / len(others):
            out.append(q)
    return out


def step_mismatch(text: str, quarters: list[tuple[int, float, str]]) -> list[int]:
    """For subscription revenue: quarters the answer says most contracts are signed in whose
    step into the next quarter is no bigger than a step between two quiet quarters (contracts
    signed in a peak quarter lift the quarters after it; with no such step, nothing is said)."""
    if len(quarters) < 4:
        return []
    values = {q: v for q, v, _ in quarters}
    if sorted(values) != [1, 2, 3, 4]:
        return []
    steps = {q: values[q + 1] - values[q] for q in (1, 2, 3)}
    named: list[int] = []
    for sentence in re.split(r"(?<=[.!?。])\s+|\n+", text):
        if _PEAK.search(sentence) and _SIGNED.search(sentence) and not re.search(r"[$₩]|\d\s*(?:억|만)\s*원", sentence):  # fmt: skip
            named += [int(next(g for g in m.groups() if g)) for m in _NAMED_Q.finditer(sentence)]
    # a contract signed mid-quarter lifts both the step into the next quarter and the one after,
    # so a step is (this quarter's signings + the next one's) / 8 of a year's value: only a step
    # between two quiet quarters can show that a peak is missing (peaks in Q1 and Q3 make every
    # step alike, as even steps do)
    quiet = [v for k, v in steps.items() if k not in named and k + 1 not in named]
    out = []
    for q in dict.fromkeys(named):
        if q in steps and quiet and steps[q] <= max(quiet) * 1.05:
            out.append(q)
    return out


def peaks_in_even_steps(text: str, quarters: list[tuple[int, float, str]]) -> list[int]:
    """For subscription revenue: the quarters the answer says most contracts are signed in, when
    every step of the forecast touches one of them and the steps are alike (Q1 and Q3 peaks
    with 13/14/15/16). Mid-quarter signings lift a quarter and the next, so alternating peaks
    make even steps: the shape fits its premise, and a reader who expects jumps is told why."""
    if len(quarters) < 4 or sorted(q for q, _, _ in quarters) != [1, 2, 3, 4]:
        return []
    values = {q: v for q, v, _ in quarters}
    steps = [values[q + 1] - values[q] for q in (1, 2, 3)]
    named: list[int] = []
    for sentence in re.split(r"(?<=[.!?。])\s+|\n+", text):
        if _PEAK.search(sentence) and _SIGNED.search(sentence) and not re.search(r"[$₩]|\d\s*(?:억|만)\s*원", sentence):  # fmt: skip
            named += [int(next(g for g in m.groups() if g)) for m in _NAMED_Q.finditer(sentence)]
    named = list(dict.fromkeys(named))
    # only alternating peaks (Q1 and Q3, Q2 and Q4) make even steps; three busy quarters do not
    alternating = set(named) in ({1, 3}, {2, 4})
    if not alternating or min(steps) <= 0 or max(steps) > min(steps) * 1.1:
        return []
    return sorted(named)


def opening_above_base(plan: Plan, base: float | None) -> tuple[float, float] | None:
    """(first quarter, its pace a year) when the stated first quarter already runs above last
    year's revenue by more than 10%: the year opens higher than the base, so a figure resting on
    the base as the opening run-rate would be wrong."""
    rev = revenue_goal(plan)
    if rev is None or not base:
        return None
    quarters = stated_quarters(plan.user_text("sales_forecast"), rev[2])
    if len(quarters) < 4 or quarters[0][0] != 1 or quarters[0][2] != rev[2]:
        return None
    pace = quarters[0][1] * 4
    return (quarters[0][1], pace) if pace > base * 1.1 else None

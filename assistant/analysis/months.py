"""Months and quarters: the month a calendar entry names, and the budget spread by quarter."""

from __future__ import annotations

import re

from assistant.core.plan import CalendarEntry, Plan

_MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_ABBR = [m[:3] for m in _MONTHS_EN]


def month_of(when: str) -> int | None:
    """1-12 for 'March', 'Mar', '3월', '2027-03'; quarters map to their first month."""
    w = when.strip().lower()
    m = re.search(r"(\d{1,2})\s*(?:[~～–-]\s*\d{1,2}\s*)?월", w) or re.search(r"\d{4}-(\d{1,2})", w)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1))
    q = re.search(r"q([1-4])|([1-4])\s*분기", w)
    if q:
        return (int(q.group(1) or q.group(2)) - 1) * 3 + 1
    for i, (full, abbr) in enumerate(zip(_MONTHS_EN, _ABBR, strict=True)):
        if w.startswith(abbr) or w == full:
            return i + 1
    return None


# a line spent on dated one-off events (a booth, a show, a conference): it falls when they happen
EVENT_WORDS = re.compile(
    r"event|\bshows?\b|booth|expo|conference|\bfair\b|summit|trade\s*show|seminar|박람회|전시|행사|컨퍼런스|페어|부스|설명회|세미나",
    re.I,
)


def event_shares(plan: Plan, total: float) -> tuple[dict[int, float], list[str]]:
    """Each dated calendar event an events line pays for, with no cost of its own, mapped (by the
    entry's id) to its share of what the line has left after the costs stated on its events, by
    the event's scale (`event_scale`: 'events' $120,000 for the one NRF show; 1억 2,000만 원 less a
    booth's 4,000만 원 over a co-hosted seminar and a customer conference, 0.5 : 3); and the lines
    placed so. Two event lines sharing the calendar's
    events cannot be told apart: then none is placed. The calendar shows these shares as
    proposed costs, and the budget by quarter puts them in their quarters: one rule for both."""
    placed: list[tuple[str, list[CalendarEntry], float]] = []
    for line in plan.budget.lines:
        amount = line.amount if line.amount is not None else (total * line.share / 100 if line.share else None)  # fmt: skip
        if not amount or not EVENT_WORDS.search(line.item):
            continue
        events = [
            e for e in plan.calendar
            if month_of(e.when) is not None and EVENT_WORDS.search(f"{e.activity} {e.channel}")
        ]  # fmt: skip
        open_ = [e for e in events if not e.cost]
        rest = amount - sum(e.cost or 0.0 for e in events)
        if open_ and rest > 0:
            placed.append((line.item, list(open_), rest))
    if len(placed) != 1:
        return {}, []
    item, open_, rest = placed[0]
    from assistant.goals.numbers import about

    weights = {id(e): event_scale(e.activity) for e in open_}
    whole = sum(weights.values())
    # shown as round figures, the largest taking what rounding leaves so they add up to the rest
    shares = {key: about(rest * w / whole) for key, w in weights.items()}
    largest = max(weights, key=lambda key: weights[key])
    shares[largest] = rest - sum(v for key, v in shares.items() if key != largest)
    return shares, [item]


_BIG = re.compile(r"conference|summit|expo|trade\s*show|\bfair\b|booth|컨퍼런스|서밋|박람회|전시|페어|부스|\S+\s*데이\b|'[^']*데이'", re.I)  # fmt: skip
_SMALL = re.compile(r"seminar|workshop|meetup|round-?table|breakfast|dinner|설명회|세미나|워크숍|간담회|조찬", re.I)  # fmt: skip
_SHARED = re.compile(
    r"co-?host|jointly|with\s+(?:our\s+)?partners?|공동|함께\s*개최|파트너와", re.I
)


def event_scale(activity: str) -> float:
    """An event's weight in its line's rest: a conference or a show 3, a seminar or workshop 1,
    any other event 2; halved when a partner co-hosts it (the partner shares the cost)."""
    weight = 3.0 if _BIG.search(activity) else 1.0 if _SMALL.search(activity) else 2.0
    return weight / 2 if _SHARED.search(activity) else weight


PEAK_WEIGHT = 1.5  # a peak quarter's share of the undated spend against a quiet quarter's


def quarter_amounts(
    plan: Plan, total: float, peaks: tuple[int, ...] = ()
) -> tuple[list[float], int, list[str]]:
    """The annual budget by quarter: each dated calendar cost in its quarter (a February trade
    show in Q1); what an events line has left after those costs falls in the quarters of the
    dated events it pays for (`event_shares`); the rest spread evenly, or, with `peaks`, each
    peak quarter given PEAK_WEIGHT times a quiet quarter's share (the proposal for a plan whose
    business peaks there; the running-cost lines stay even). Returns the four amounts, how many costs were dated and the lines
    placed by their events."""
    dated = [(m, e.cost) for e in plan.calendar if e.cost and (m := month_of(e.when)) is not None]
    placed = sum(c for _, c in dated)
    if placed > total * 1.0001:  # costs beyond the budget: the review says so
        return [round(total / 4, 2)] * 4, 0, []
    shares, lines = event_shares(plan, total)
    weights = [PEAK_WEIGHT if q in peaks else 1.0 for q in (1, 2, 3, 4)]
    rest = total - placed - sum(shares.values())
    # running costs (tools, partner fees) go out every month: only the rest follows the peaks
    steady = min(steady_amount(plan, total), rest) if peaks else 0.0
    fixed = dated_by_quarter(plan, total, shares)
    out = [(rest - steady) * w / sum(weights) + steady / 4 + f for w, f in zip(weights, fixed, strict=True)]  # fmt: skip
    return [round(x, 2) for x in out], len(dated), lines


# a line that is paid every month whatever the season (a tool's subscription, a partner's fee
# on the deals it brings): a peak quarter does not raise it
STEADY = re.compile(
    r"\btools?\b|software|subscription|licen[cs]e|\bcrm\b|martech|retainer|salar|payroll|"
    r"partner|referral|commission|affiliate|"
    r"도구|툴|소프트웨어|구독|라이선스|인건비|급여|수수료|제휴|파트너|추천",
    re.I,
)


# ... but a campaign, content or a creator's work paid from such a line follows the season
_SEASONAL = re.compile(
    r"campaign|promo|\bads?\b|advertis|content|creator|influencer|event|"
    r"캠페인|프로모션|광고|콘텐츠|크리에이터|인플루언서|행사",
    re.I,
)
_TOOL = re.compile(
    r"\btools?\b|software|subscription|licen[cs]e|도구|툴|소프트웨어|구독|라이선스", re.I
)


def steady(item: str) -> bool:
    """A budget line paid every month whatever the season: a tool, a licence, a partner's fee
    ('노무법인 파트너 제휴'), never a campaign or co-marketing ('CRM 캠페인', '제휴 마케팅')."""
    if not STEADY.search(item) or _SEASONAL.search(item):
        return False
    # 'marketing tools' is a tool; 'partner marketing' is a campaign with a partner
    return bool(_TOOL.search(item)) or not re.search(r"marketing|마케팅", item, re.I)


def steady_amount(plan: Plan, total: float) -> float:
    """What the budget's running-cost lines (`STEADY`) hold a year: the part of the budget the
    quarters spread evenly whatever the peaks."""
    out = 0.0
    for ln in plan.budget.lines:
        if steady(ln.item):
            amount = ln.amount if ln.amount is not None else total * (ln.share or 0) / 100
            out += amount
    return out


def dated_by_quarter(
    plan: Plan, total: float, shares: dict[int, float] | None = None
) -> list[float]:
    """The dated part of each quarter's budget: the calendar's stated costs and the events line's
    shares of its dated events (what no weighting of the rest moves); `shares` when the caller
    already has them from `event_shares`."""
    out = [0.0] * 4
    for e in plan.calendar:
        if e.cost and (m := month_of(e.when)) is not None:
            out[(m - 1) // 3] += e.cost
    if shares is None:
        shares = event_shares(plan, total)[0]
    for e in plan.calendar:
        if id(e) in shares and (m := month_of(e.when)) is not None:
            out[(m - 1) // 3] += shares[id(e)]
    return out

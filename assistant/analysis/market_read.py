"""The market's figures as the market answer states them, and what they mean for the plan: the
market's size and growth (each with the clause that says it), the share of that market the
revenue goal is, and the plan's growth against the market's. Plain Python over the plan's text
and goals; no I/O."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, Field

from assistant.analysis.lists import SWOT_LABELS, labelled
from assistant.analysis.plan_goals import plan_year, revenue_goal
from assistant.core.plan import Plan
from assistant.goals.numbers import Quantity, read_quantities

_GROW = re.compile(r"grow|growth|cagr|expand|성장|커지|커지고|늘|증가", re.I)
_MARKET = re.compile(
    r"market|spend|worth|industry|segment|category|sector|\btam\b|시장|규모|카테고리", re.I
)
# a clause ends at a comma or semicolon, 'and'/'but' before a verb, or a Korean connective ending
_CLAUSE = re.compile(
    r"(?<=[.!?])\s+|;\s*|,\s+(?=(?:but|while|the|it)\b)"
    r"|(?<=이며)\s+|(?<=이고)\s+|(?<=지만)\s*,?\s*|(?<=으로)\s+(?=연\s*\d)|(?<=로)\s+(?=연\s*\d)"
)


_PART = re.compile(r"그중|그 중|세그먼트|부문|segment|of which|of it|\bonline\b|among", re.I)


class MarketFigures(BaseModel):
    size: float | None = None
    currency: str = ""
    size_clause: str = ""
    growth: list[tuple[float, str]] = Field(default_factory=list)  # (% a year, its clause)
    segment_only: bool = False  # every growth figure is a part's ('그중 프리미엄 신선식은 연 18%')
    plan_share: float | None = None  # the revenue goal as % of the market's size in its year
    size_then: float | None = None  # the market grown to the goal's year at its stated rate
    year: int | None = None  # the goal's year, when the market is grown to it
    rate: float | None = None  # the whole market's growth a year that grew it
    plan_growth: float | None = None  # % the revenue goal grows from its base
    plan_base: float | None = None  # the revenue base that growth is from, in the goal's unit
    used: list[str] = Field(default_factory=list)  # clauses read as size or growth


def market_text(plan: Plan) -> str:
    """The market answer without its SWOT and competitor parts."""
    _, rest = labelled(plan.user_text("mkt_market_analysis"), SWOT_LABELS)
    return rest.strip()


def clauses(text: str) -> list[str]:
    masked = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00"), text)
    out = [c.replace("\x00", ",").strip(" .") for c in _CLAUSE.split(masked)]
    return [c for c in out if c]


# a rate said as a growth: 'grows 7% a year', '연 7%', '11% CAGR', '7% 증가' (a copay's '본인부담
# 30%' or 'the 20-30% of a plant's power bill' in the same clause is no growth)
_AS_GROWTH = re.compile(
    r"(?:연간?|매년|해마다|annual(?:ly)?|a\s+year|per\s+year|yearly|cagr|y/y|yoy|성장\w*|증가\w*|늘\w*|grow\w*|growth|ris\w+|up)",
    re.I,
)


_SHRINK = re.compile(r"줄|감소|하락|축소|떨어|declin|shrink|fall|drop|down\b|contract", re.I)


def _growth_rate(clause: str) -> Quantity | None:
    """The clause's growth rate: the first percentage outside brackets with a growth or yearly
    word right before or after it."""
    bare = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), clause)
    for q in read_quantities(bare):
        if q.unit != "%":
            continue
        near = bare[max(0, q.start - 14) : q.start] + " " + bare[q.end : q.end + 14]
        if _SHRINK.search(bare[q.end : q.end + 10]) or _SHRINK.search(
            bare[max(0, q.start - 12) : q.start]
        ):
            continue  # '학생 수가 해마다 4~5%씩 줄고', 'declining 3% a year': no growth
        if _AS_GROWTH.search(near):
            return q
    return None


def read_market(plan: Plan) -> MarketFigures:
    """The market's size and growth as the market answer states them (the fact sheet reads these
    once; `market_figures` then works from the sheet)."""
    return _read_text(market_text(plan)).model_copy(deep=True)


@lru_cache(maxsize=64)
def _read_text(text: str) -> MarketFigures:
    """The figures one market answer states (read once per text: every turn re-reads the sheet)."""
    out = MarketFigures()
    for clause in clauses(text):
        # '($100M-$1B revenue)' describes the buyers; the market's size stands outside brackets
        bare = read_quantities(re.sub(r"\([^()]*\)", " ", clause))
        money = next((q for q in bare if q.kind == "money"), None)
        if money is not None and out.size is None and _MARKET.search(clause):
            out.size, out.currency, out.size_clause = money.value, money.unit, clause
            out.used.append(clause)
        rate = _growth_rate(clause)
        if rate is not None and _GROW.search(clause) and 0 < rate.value < 200:
            out.growth.append((rate.value, clause))
            if clause not in out.used:
                out.used.append(clause)
    # a growth figure for a part of the market ('그중 …', 'the segment', 'online is …') does not
    # grow the whole market's size
    whole = [g for g in out.growth if g[1] == out.size_clause or not _PART.search(g[1])]
    out.segment_only = bool(out.growth) and not whole
    return out


def market_growth_read(out: MarketFigures) -> tuple[float, str] | None:
    """The growth the plan works with: the whole market's, else the segment's it names."""
    whole = [g for g in out.growth if g[1] == out.size_clause or not _PART.search(g[1])]
    found = whole or out.growth
    return found[0] if found else None


def market_figures(plan: Plan) -> MarketFigures:
    """The market's figures from the fact sheet (as read, or as the user corrected them), and
    what they mean for the plan's revenue goal."""
    out = read_market(plan)
    size_fact, growth_fact = plan.fact("market_size"), plan.fact("market_growth")
    if size_fact is not None and isinstance(size_fact.value, (int, float)):
        out.size, out.currency = float(size_fact.value), size_fact.unit
        out.size_clause = out.size_clause or size_fact.quote
    if growth_fact is not None and isinstance(growth_fact.value, (int, float)):
        first, rate = market_growth_read(out), float(growth_fact.value)
        if first is None:
            out.growth = [(rate, growth_fact.quote)]
        else:  # the sheet's value replaces the one read from the same clause
            out.growth = [(rate, c) if (r, c) == first else (r, c) for r, c in out.growth]
    whole = [g for g in out.growth if g[1] == out.size_clause or not _PART.search(g[1])]
    goal = revenue_goal(plan)
    if goal is not None and out.size and goal[2] == out.currency:
        # like for like: the goal's year against the market in that year, not today's size
        size = out.size
        try:
            now = int(plan.created[:4])
        except ValueError:
            now = 0
        year = plan_year(plan)
        if whole and now and 0 < year - now <= 5:
            size = out.size * (1 + whole[0][0] / 100) ** (year - now)
            out.size_then, out.year, out.rate = size, year, whole[0][0]
        out.plan_share = goal[1] / size * 100
    if goal is not None:
        frame = goal[0].frame
        base = frame.baseline if frame is not None else None
        value = base.value if base is not None and base.unit == goal[2] else None
        if value is None and (fact := plan.fact("revenue_base")) is not None:
            value = float(fact.value) if isinstance(fact.value, (int, float)) and fact.unit == goal[2] else None  # fmt: skip
        if value:
            out.plan_growth = (goal[1] / value - 1) * 100
            out.plan_base = value
            out.currency = out.currency or goal[2]  # the base is money in the goal's currency
    return out

"""A chain's own outlets as its growth unit: a consumer business whose goal opens stores ('매장 수를
72개에서 90개로', 'open 6 new locations') grows revenue by the new outlets' sales, not by counting
each store as a customer (which had made a bakery's new business 18 stores x one consumer's
spend). Each new outlet brings the sales an outlet makes: the plan's stated figure per outlet
('예상 월 매출 3,500만 원', 'each store does $1.2M a year'), else last year's revenue over today's
outlets."""

from __future__ import annotations

import re

from assistant.analysis.revenue_models import model_of
from assistant.core.plan import Goal, Plan
from assistant.goals.frame import read_goal_frame

_OUTLET = re.compile(
    r"매장|점포|지점|가맹점|직영점|\bstores?\b|\blocations?\b|\boutlets?\b|\bbranch(?:es)?\b"
    r"|\brestaurants?\b|\bstudios?\b|\bclinics?\b|\bcaf[eé]s?\b|\bshops?\b",
    re.I,
)
# the business's own outlets: opened, counted as its own ('매장 수', 'new locations')
_OPENS = re.compile(
    r"\bopen(?:s|ing)?\b|출점|오픈|개점|신규\s*가맹(?!점)|가맹\s*계약|(?:매장|점포|지점)\s*수"
    r"|number\s+of\s+(?:stores|locations|outlets|branches|restaurants)"
    r"|new\s+(?:stores|locations|outlets|branches|restaurants|studios|clinics|caf[eé]s|shops)"
    r"|\b\d+\s+(?:stores|locations|outlets|branches|restaurants|studios|clinics)\b|(?:매장|점포|지점)(?:을|를)\s*\d",
    re.I,
)
# outlets that are someone else's: the customers a supplier sells to, a processor's merchants
_THEIRS = re.compile(
    r"고객|거래|납품|입점|활성|유치|account|customer|client|retailer|dealer|stockist|wholesale|merchant|active",
    re.I,
)


def is_outlet_goal(plan: Plan, goal: Goal) -> bool:
    """A consumer business's goal to open outlets of its own, with a count to reach or add."""
    if model_of(plan) != "transactional":
        return False
    f = goal.frame or read_goal_frame(goal.text)
    t = f.target
    if (
        t is None
        or t.kind != "level"
        or t.per_period
        or t.unit in ("%", "pp", "x")
        or t.unit.isupper()
    ):
        return False
    said = f"{f.metric} {t.unit}"
    return bool(_OUTLET.search(said) and _OPENS.search(goal.text) and not _THEIRS.search(f"{f.metric} {goal.text}"))  # fmt: skip


def outlet_goal(plan: Plan) -> tuple[Goal, float, float | None] | None:
    """(the goal, the outlets it adds, today's outlets when stated) for a goal opening outlets."""
    for goal in plan.goals:
        if not is_outlet_goal(plan, goal):
            continue
        f = goal.frame or read_goal_frame(goal.text)
        assert f.target is not None
        b = f.baseline
        if b is not None and b.unit == f.target.unit and 0 < b.value < f.target.value:
            return goal, f.target.value - b.value, b.value
        if b is None:  # 'open 6 new locations': the count is what it adds
            return goal, f.target.value, None
    return None


def outlet_sales(plan: Plan, currency: str) -> tuple[float, str] | None:
    """(a year's sales of one new outlet, where it comes from): 'stated' from the fact sheet's
    sales per outlet, 'average' from last year's revenue over today's outlets; None when neither
    is known in the goal's currency."""
    stated = plan.fact("outlet_sales")
    if stated is not None and isinstance(stated.value, (int, float)) and stated.unit == currency:
        per = {"month": 12, "quarter": 4}.get(stated.period, 1)
        return float(stated.value) * per, "stated"
    found = outlet_goal(plan)
    base = plan.fact("revenue_base")
    if (
        found is not None
        and found[2]
        and base is not None
        and isinstance(base.value, (int, float))
        and base.unit == currency
    ):
        return float(base.value) / found[2], "average"
    return None


def outlet_bridge(
    plan: Plan, currency: str, new_business: float | None
) -> tuple[float, float, str] | None:
    """(new outlets, a year's sales of each, the word for them) when the bridge's new business is
    the new outlets' sales alone, so the bridge, the KPI table and the summary name it so."""
    opened, each = outlet_goal(plan), outlet_sales(plan, currency)
    if opened is None or each is None or not new_business:
        return None
    if abs(opened[1] * each[0] - new_business) > 1:
        return None
    if plan.language == "ko":
        word = "매장"
    else:
        unit = (opened[0].frame or read_goal_frame(opened[0].text)).target or None
        said = unit.unit if unit is not None else ""
        word = said if re.fullmatch(r"[a-z]+s", said or "") and _OUTLET.search(said) else "outlets"
    return opened[1], each[0], word

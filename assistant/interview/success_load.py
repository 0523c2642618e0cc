"""The customer success team's year-end book: today's customers less churn plus the new ones,
and whether it is far over what one customer success manager usually looks after (the planning
guide's range). Read by the team structure and by a retention goal's check."""

from __future__ import annotations

import math
import re

from assistant.analysis.lists import team_roles
from assistant.analysis.plan_analysis import PlanAnalysis, customer_goal
from assistant.analysis.seller_workload import Workload, csm_accounts, load_against, usual_workload
from assistant.core.plan import Plan

SUCCESS = re.compile(r"customer\s+success|\bcsms?\b|고객\s*성공", re.I)


def customer_book(plan: Plan, analysis: PlanAnalysis) -> tuple[float, float]:
    """(the customers at year end, today's customers): today's (at today's revenue each) less
    churn, plus the new ones the customer goal (else the funnel) brings."""
    from assistant.analysis.plan_goals import customers_churned, deal_size, installed_base

    size = deal_size(plan)
    base = analysis.revenue.base
    new = analysis.funnel[-1].volume if len(analysis.funnel) > 1 else None
    won = customer_goal(plan)
    new = won[1] if won else new
    counted = installed_base(plan, base)
    existing = counted[0] if counted else (base / size[0] if base and size and size[0] > 0 else 0)
    lost = customers_churned(plan, existing) or 0.0
    return existing - lost + (new or 0), existing


def success_overload(
    plan: Plan, a: PlanAnalysis
) -> tuple[str, float, tuple[float, float], int] | None:
    """(the customer success role, accounts each at year end, the guide's usual range, the
    headcount that range needs) when the book is far over the usual range; else None."""
    from assistant.core.settings import get_settings

    usual = usual_workload(str(get_settings().knowledge_dir), plan.language)
    role = next((r for r in team_roles(plan) if SUCCESS.search(str(r["role"])) and int(str(r["count"] or 0)) > 0), None)  # fmt: skip
    found = usual_accounts(plan, usual) if usual is not None else None
    if found is None or role is None:
        return None
    usual_range = found[0]
    accounts, existing = customer_book(plan, a)
    count = int(str(role["count"]))
    if not existing or not accounts or load_against(accounts / count, usual_range) != "over":
        return None
    return str(role["role"]), accounts / count, usual_range, math.ceil(accounts / usual_range[1])


def usual_accounts(plan: Plan, usual: Workload) -> tuple[tuple[float, float], bool] | None:
    """The accounts one customer success manager usually looks after at this plan's deal size
    (the guide's count, or its book of money over the deal), and whether it is the money's."""
    from assistant.analysis.plan_goals import deal_size

    size = deal_size(plan)
    return csm_accounts(usual, (size[0], size[1]) if size else None)

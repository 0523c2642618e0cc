"""The money a lead channel's budget line spends on other goals: the dated activities it pays
that serve no lead-making goal (the events line's customer conference keeps customers). The
channels' starting lead targets split only what the lines have left."""

from __future__ import annotations

from assistant.core.plan import BudgetLine, Goal, Plan


def other_goals_cost(plan: Plan, lead: Goal, lines: list[BudgetLine], pays: dict[str, BudgetLine | None]) -> dict[int, float]:  # fmt: skip
    """Each line's money (by id) that pays dated activities serving no lead-making goal (the
    events line's customer conference keeps customers, it brings no leads): its stated cost or
    the calendar's proposed one. The channels' lead split counts only what is left, as the
    marketing strategy's moves do. `pays`: each calendar activity's paying line (compose's
    `paying_lines`)."""
    from assistant.analysis.months import event_shares
    from assistant.analysis.plan_links import plan_page

    page = plan_page(plan)
    lead_no = next((r.goal for r in page.rows if r.text == lead.text), None)
    if lead_no is None:
        return {}
    feeds = {lead_no} | {r.goal for r in page.rows if r.fed_by == lead_no}
    total = plan.number("marketing_budget") or plan.budget.total or 0.0
    proposed = event_shares(plan, total)[0] if total else {}
    ids = {id(ln): ln for ln in lines}
    out: dict[int, float] = {}
    for e in plan.calendar:
        line = pays.get(e.activity)
        goals = {r.goal for r in page.rows if f"{e.when}: {e.activity}" in r.activities}
        if line is None or id(line) not in ids or not goals or goals & feeds:
            continue
        cost = e.cost if e.cost is not None else proposed.get(id(e))
        if cost:
            out[id(line)] = out.get(id(line), 0.0) + cost
    return out

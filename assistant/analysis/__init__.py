"""Analysis: forecast, budget and calendar checks, plan review and tracking; pure functions of the plan."""

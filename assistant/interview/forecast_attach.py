"""Attach a sales history to the plan: fill the forecast section, then re-check goals against it."""

from __future__ import annotations

from pathlib import Path

from assistant.analysis.fact_reader import refresh_facts
from assistant.analysis.forecast import ForecastResult
from assistant.analysis.forecast_data import load_all_series
from assistant.analysis.forecast_plan import forecast_section_text, run_forecast
from assistant.core.plan import Forecast, ForecastPoint, HistorySeries, Plan
from assistant.interview.plan_update import recheck_goals, refresh_summaries


def attach_forecast(
    plan: Plan, path: Path, column: str | None = None, horizon: int | None = None
) -> ForecastResult:
    """Fill `sales_forecast` with numbers from the history and re-check goals against it."""
    from assistant.analysis.plan_analysis import plan_year

    # the forecast covers the plan's year, not simply the next twelve months of the history
    result, last_total = run_forecast(path, column, horizon, plan.language, plan_year(plan))
    series = [
        HistorySeries(column=h.column, frequency=h.frequency, periods=h.labels(), values=h.values)
        for h in load_all_series(path)
    ]
    plan.forecast = Forecast(
        column=result.column, frequency=result.frequency, model=result.model, holdout_mae=result.holdout_mae,
        points=[ForecastPoint(**p.model_dump()) for p in result.forecast], insights=result.insights,
        history_last_total=last_total, series=series,
    )  # fmt: skip
    section = plan.section("sales_forecast")
    user_text = [a for a in section.answers if a]
    section.content = forecast_section_text(result, plan.language) + (
        "\n\n" + "\n\n".join(user_text) if user_text else ""
    )
    section.status = "answered"
    section.author = "offline"
    recheck_goals(plan)
    refresh_facts(plan)
    refresh_summaries(plan)
    plan.touch()
    return result

"""Plotly figures for the web app: forecast, budget split, calendar timeline."""

from __future__ import annotations

from typing import Any

from assistant.analysis.budget import month_of
from assistant.core.plan import Plan
from assistant.interview.render import labels


def forecast_figure(plan: Plan, history: list[tuple[str, float]] | None = None) -> Any:
    import plotly.graph_objects as go

    f = plan.forecast
    if f is None:
        return None
    L = labels(plan.language)
    fig = go.Figure()
    if history:
        fig.add_trace(
            go.Scatter(
                x=[p for p, _ in history], y=[v for _, v in history], name=f.column, mode="lines"
            )
        )
    xs = [p.period for p in f.points]
    fig.add_trace(
        go.Scatter(
            x=xs + xs[::-1],
            y=[p.upper for p in f.points] + [p.lower for p in f.points][::-1],
            fill="toself",
            line={"width": 0},
            opacity=0.25,
            name="80%",
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(x=xs, y=[p.value for p in f.points], name=L["value_col"], mode="lines+markers")
    )
    fig.update_layout(
        title=f"{L['forecast']} - {f.model}",
        height=320,
        margin={"l": 40, "r": 10, "t": 40, "b": 30},
    )
    return fig


def budget_figure(plan: Plan) -> Any:
    import plotly.graph_objects as go

    lines = [ln for ln in plan.budget.lines if ln.share is not None or ln.amount is not None]
    if not lines:
        return None
    L = labels(plan.language)
    values = [ln.amount if ln.amount is not None else ln.share for ln in lines]
    fig = go.Figure(go.Pie(labels=[ln.item for ln in lines], values=values, hole=0.4))
    fig.update_layout(title=L["budget"], height=320, margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return fig


def calendar_figure(plan: Plan) -> Any:
    import plotly.graph_objects as go

    entries = [(month_of(e.when), e) for e in plan.calendar]
    entries = [(m, e) for m, e in entries if m]
    if not entries:
        return None
    L = labels(plan.language)
    fig = go.Figure(
        go.Scatter(
            x=[m for m, _ in entries],
            y=[1] * len(entries),
            mode="markers+text",
            text=[e.activity for _, e in entries],
            textposition="top center",
            marker={"size": 14},
        )
    )
    fig.update_layout(
        title=L["calendar"],
        height=260,
        xaxis={"tickmode": "array", "tickvals": list(range(1, 13)), "range": [0.5, 12.5]},
        yaxis={"visible": False},
        margin={"l": 10, "r": 10, "t": 40, "b": 30},
    )
    return fig


def tracking_figure(tracking: Any, lang: str) -> Any:
    """Actual vs expected-by-now vs target, one group of bars per goal."""
    import plotly.graph_objects as go

    rows = [g for g in tracking.goals if g.actual is not None]
    if not rows:
        return None
    names = [f"{i + 1}. {g.kpi}" for i, g in enumerate(rows)]
    ko = lang == "ko"
    fig = go.Figure()
    fig.add_trace(go.Bar(name="실적" if ko else "Actual", x=names, y=[g.actual for g in rows]))
    fig.add_trace(
        go.Bar(
            name="현재 예상치" if ko else "Expected now", x=names, y=[g.expected_now for g in rows]
        )
    )
    fig.add_trace(go.Bar(name="목표" if ko else "Target", x=names, y=[g.target for g in rows]))
    fig.update_layout(
        barmode="group",
        title="목표 대비 실적" if ko else "Actuals vs targets",
        height=320,
        margin={"l": 40, "r": 10, "t": 40, "b": 30},
    )
    return fig

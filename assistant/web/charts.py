"""Plotly figures for the web app: forecast, budget split, calendar timeline."""

from __future__ import annotations

from typing import Any

from assistant.analysis.budget import month_of
from assistant.core.plan import Plan, forecast_currency
from assistant.interview.render import labels

_AXES = {
    "en": {"period": "Period", "history": "History", "forecast": "Forecast", "band": "80% range",
           "month": "Month", "share": "Share of budget", "title": "Sales forecast"},
    "ko": {"period": "기간", "history": "실적", "forecast": "예측", "band": "80% 범위",
           "month": "월", "share": "예산 비중", "title": "매출 예측"},
}  # fmt: skip


def forecast_figure(plan: Plan, lang: str | None = None) -> Any:
    """The uploaded history (its last stretch), the forecast and its 80% band, labelled axes."""
    import plotly.graph_objects as go

    f = plan.forecast
    if f is None:
        return None
    A = _AXES["ko" if (lang or plan.language) == "ko" else "en"]
    fig = go.Figure()
    series = next((s for s in f.series if s.column == f.column), None)
    if series:
        keep = max(len(f.points) * 3, 8)
        fig.add_trace(
            go.Scatter(x=series.periods[-keep:], y=series.values[-keep:], name=A["history"],
                       mode="lines+markers", line={"color": "#9d9d9d"})
        )  # fmt: skip
    xs = [p.period for p in f.points]
    fig.add_trace(
        go.Scatter(
            x=xs + xs[::-1],
            y=[p.upper for p in f.points] + [p.lower for p in f.points][::-1],
            fill="toself", line={"width": 0}, opacity=0.25, name=A["band"], hoverinfo="skip",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(x=xs, y=[p.value for p in f.points], name=A["forecast"], mode="lines+markers")
    )
    fig.update_layout(
        title={"text": A["title"], "font": {"size": 14}},
        height=340,
        margin={"l": 60, "r": 10, "t": 50, "b": 60},
        xaxis_title=A["period"],
        yaxis_title=forecast_currency(plan) or f.column,
        legend={"orientation": "h", "y": -0.3},
    )
    return fig


def budget_figure(plan: Plan, lang: str | None = None) -> Any:
    import plotly.graph_objects as go

    lines = [ln for ln in plan.budget.lines if ln.share is not None or ln.amount is not None]
    if not lines:
        return None
    L = labels(lang or plan.language)
    values = [ln.amount if ln.amount is not None else ln.share for ln in lines]
    fig = go.Figure(go.Pie(labels=[ln.item for ln in lines], values=values, hole=0.4))
    fig.update_layout(title=L["budget"], height=320, margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return fig


def calendar_figure(plan: Plan, lang: str | None = None) -> Any:
    """One row per activity against the months, so labels never overlap."""
    import plotly.graph_objects as go

    entries = [(m, e) for e in plan.calendar if (m := month_of(e.when))]
    if not entries:
        return None
    L = labels(lang or plan.language)
    A = _AXES["ko" if (lang or plan.language) == "ko" else "en"]
    from assistant.core.lang import clip_words

    # a label cut between words; the hover shows the whole activity
    names = [f"{i + 1}. {clip_words(e.activity, 44)}" for i, (_, e) in enumerate(entries)]
    fig = go.Figure(
        go.Bar(x=[0.8] * len(entries), base=[m - 0.4 for m, _ in entries], y=names,
               orientation="h", marker={"color": "#f58518"},
               hovertext=[f"{e.when}: {e.activity}" for _, e in entries])
    )  # fmt: skip
    months = [f"{m}월" for m in range(1, 13)] if (lang or plan.language) == "ko" else [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]  # fmt: skip
    fig.update_layout(
        title=L["calendar"],
        height=120 + 32 * len(entries),
        xaxis={"tickmode": "array", "tickvals": list(range(1, 13)), "ticktext": months,
               "range": [0.5, 12.5], "title": A["month"]},
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
    )  # fmt: skip
    return fig


def tracking_figure(tracking: Any, lang: str) -> Any:
    """Actual vs expected-by-now vs target, one group of bars per goal."""
    import plotly.graph_objects as go

    rows = [g for g in tracking.goals if g.actual is not None]
    if not rows:
        return None
    from assistant.goals.kpi import kpi_label

    names = [f"{i + 1}. {kpi_label(g.kpi, lang)}" for i, g in enumerate(rows)]
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

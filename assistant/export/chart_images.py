"""PNG charts for the DOCX, PDF and slides (matplotlib, no display). Labels and axes are in the
plan's language with the shipped NanumGothic font, so Korean renders on any machine."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.core.plan import Plan, forecast_currency
from assistant.export.fonts import use_in_matplotlib

_BLUE, _GREY, _ORANGE = "#4c78a8", "#9d9d9d", "#f58518"

_TEXT = {
    "en": {
        "share": "Share of the budget (%)",
        "amount": "Amount",
        "budget": "Budget by line",
        "quarter_budget": "Budget by quarter",
        "history": "History",
        "forecast": "Forecast",
        "band": "80% range",
        "forecast_title": "Sales forecast: history and the next {n} periods",
        "period": "Period",
        "calendar": "Marketing calendar",
        "month": "Month",
        "funnel": "Funnel volumes",
        "funnel_pace": "Funnel volumes over {months} months at the lead goal's pace",
        "volume": "Volume",
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "thousands": "thousands",
        "millions": "millions",
    },
    "ko": {
        "share": "예산 비중 (%)",
        "amount": "금액",
        "budget": "항목별 예산",
        "quarter_budget": "분기별 예산",
        "history": "실적",
        "forecast": "예측",
        "band": "80% 범위",
        "forecast_title": "매출 예측: 실적과 향후 {n}개 기간",
        "period": "기간",
        "calendar": "마케팅 캘린더",
        "month": "월",
        "funnel": "퍼널 단계별 규모",
        "funnel_pace": "퍼널 단계별 규모(리드 목표 속도로 {months}개월)",
        "volume": "규모",
        "months": [f"{m}월" for m in range(1, 13)],
        "thousands": "천",
        "millions": "백만",
    },
}  # fmt: skip


def _t(plan: Plan) -> dict[str, Any]:
    return _TEXT["ko" if plan.language == "ko" else "en"]


def _scale(values: list[float], currency: str, plan: Plan) -> tuple[float, str]:
    """(divisor, axis unit) so tick labels stay short: '금액 (백만 원)', 'Amount (USD millions)'."""
    t = _t(plan)
    top = max((abs(v) for v in values), default=0)
    divisor, word = (
        (1e6, t["millions"]) if top >= 1e7 else (1e3, t["thousands"]) if top >= 1e5 else (1, "")
    )
    if plan.language == "ko":
        unit = {"KRW": "원", "USD": "달러", "": ""}.get(currency, currency)
        inner = f"{word} {unit}".strip()
    else:
        inner = f"{currency} {word}".strip()
    return divisor, f"{t['amount']} ({inner})" if inner else t["amount"]


def _wrap(text: str, width: int = 22) -> str:
    """Two lines at most, broken between words; a longer label ends with '…', never mid-word."""
    lines = textwrap.wrap(text, width=width, break_long_words=False)
    if len(lines) > 2:
        lines = [lines[0], lines[1].rstrip(" ,.;:") + " …"]
    return "\n".join(lines) or text


def _short(text: str, limit: int = 40) -> str:
    from assistant.core.lang import clip_words

    return clip_words(text, limit)


def _png(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _figure(width: float, height: float) -> tuple[Any, Any]:
    use_in_matplotlib()
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height))
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def budget_png(plan: Plan) -> bytes | None:
    lines = [ln for ln in plan.budget.lines if ln.share is not None or ln.amount is not None]
    if not lines:
        return None
    t = _t(plan)
    by_share = all(ln.share is not None for ln in lines)
    values = [float((ln.share if by_share else ln.amount) or 0) for ln in lines]
    divisor, unit = (1.0, t["share"]) if by_share else _scale(values, plan.budget.currency, plan)
    fig, ax = _figure(6.4, 0.45 * len(lines) + 1.2)
    names = [_wrap(ln.item, 26) for ln in lines][::-1]
    shown = [v / divisor for v in values][::-1]
    bars = ax.barh(names, shown, color=_BLUE)
    ax.bar_label(
        bars,
        labels=[f"{v:,.0f}" if not by_share else f"{v:g}%" for v in shown],
        padding=3,
        fontsize=8,
    )
    ax.set_xlabel(unit)
    ax.set_title(t["budget"], fontsize=10, loc="left")
    ax.margins(x=0.15)
    return _png(fig)


def quarter_budget_png(plan: Plan, analysis: PlanAnalysis) -> bytes | None:
    quarters = analysis.budget_by_quarter
    if not quarters:
        return None
    t = _t(plan)
    values = [q.amount for q in quarters]
    divisor, unit = _scale(values, analysis.unit_economics.currency or plan.budget.currency, plan)
    fig, ax = _figure(6.4, 2.6)
    bars = ax.bar([q.quarter for q in quarters], [v / divisor for v in values], color=_BLUE)
    ax.bar_label(bars, labels=[f"{v / divisor:,.0f}" for v in values], padding=2, fontsize=8)
    ax.set_ylabel(unit)
    ax.set_title(t["quarter_budget"], fontsize=10, loc="left")
    ax.margins(y=0.15)
    return _png(fig)


def forecast_png(plan: Plan) -> bytes | None:
    """History (the last stretch of the uploaded column), the forecast and its 80% band."""
    f = plan.forecast
    if f is None or not f.points:
        return None
    t = _t(plan)
    series = next((s for s in f.series if s.column == f.column), None)
    keep = max(len(f.points) * 3, 8)
    hist_p = series.periods[-keep:] if series else []
    hist_v = series.values[-keep:] if series else []
    periods = hist_p + [p.period for p in f.points]
    xs_h = list(range(len(hist_p)))
    xs_f = list(range(len(hist_p), len(periods)))
    fig, ax = _figure(6.4, 3.0)
    if hist_v:
        ax.plot(xs_h, hist_v, color=_GREY, marker=".", label=t["history"])
        # join the last actual to the first forecast point so the line reads as one series
        xs_f_line, ys_f = [xs_h[-1], *xs_f], [hist_v[-1], *[p.value for p in f.points]]
    else:
        xs_f_line, ys_f = xs_f, [p.value for p in f.points]
    ax.fill_between(
        xs_f,
        [p.lower for p in f.points],
        [p.upper for p in f.points],
        alpha=0.22,
        color=_BLUE,
        label=t["band"],
    )
    ax.plot(xs_f_line, ys_f, color=_BLUE, marker="o", markersize=3, label=t["forecast"])
    step = max(1, len(periods) // 10)
    ticks = list(range(0, len(periods), step))
    ax.set_xticks(ticks, [periods[i] for i in ticks], rotation=40, ha="right", fontsize=7)
    ax.set_xlabel(t["period"])
    cur = forecast_currency(plan)
    ax.set_ylabel(f"{t['amount']} ({cur})" if cur else f.column)
    ax.set_title(
        _wrap(t["forecast_title"].format(n=len(f.points)), 70),
        fontsize=10,
        loc="left",
    )
    ax.legend(fontsize=7, frameon=False, loc="upper left")
    ax.yaxis.set_major_formatter(_thousands())
    return _png(fig)


def _thousands() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v:,.0f}")


def calendar_png(plan: Plan) -> bytes | None:
    """One row per activity against the months, so labels never overlap."""
    from assistant.analysis.budget import month_of

    entries = [(m, e.activity) for e in plan.calendar if (m := month_of(e.when)) is not None]
    if not entries:
        return None
    t = _t(plan)
    fig, ax = _figure(6.4, 0.42 * len(entries) + 1.1)
    rows = list(range(len(entries)))[::-1]
    ax.barh(
        rows, [0.8] * len(entries), left=[m - 0.4 for m, _ in entries], color=_ORANGE, height=0.5
    )
    ax.set_yticks(rows, [_short(a, 44) for _, a in entries], fontsize=8)
    ax.set_xlim(0.5, 12.5)
    ax.set_xticks(range(1, 13), t["months"], fontsize=8)
    ax.set_xlabel(t["month"])
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(t["calendar"], fontsize=10, loc="left")
    return _png(fig)


def funnel_series(plan: Plan, analysis: PlanAnalysis) -> tuple[str, list[float]]:
    """The funnel chart's title and volumes: a lead goal over fewer months than the customer goal
    is drawn at its pace over the customer goal's months, the basis the CAC, capacity and forecast
    beside it use."""
    from assistant.analysis.plan_goals import lead_pace

    t = _t(plan)
    pace = lead_pace(plan)
    scale = pace[1] / pace[0] if pace else 1.0
    volumes = [s.volume * scale for s in analysis.funnel if s.volume > 0]
    return (t["funnel_pace"].format(months=pace[1]) if pace else t["funnel"]), volumes


def funnel_png(plan: Plan, analysis: PlanAnalysis) -> bytes | None:
    stages = [s for s in analysis.funnel if s.volume > 0]
    if len(stages) < 2:
        return None
    title, volumes = funnel_series(plan, analysis)
    t = _t(plan)
    fig, ax = _figure(6.4, 0.45 * len(stages) + 1.1)
    rows = list(range(len(stages)))[::-1]
    bars = ax.barh(rows, volumes, color=_BLUE)
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in volumes], padding=3, fontsize=8)
    ax.set_yticks(rows, [_wrap(s.stage, 24) for s in stages], fontsize=8)
    ax.set_xlabel(t["volume"])
    ax.xaxis.set_major_formatter(_thousands())
    ax.set_title(title, fontsize=10, loc="left")
    ax.margins(x=0.15)
    return _png(fig)

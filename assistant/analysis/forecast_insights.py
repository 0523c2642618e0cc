"""Plain-language insights from a sales history (for the data-trends step and the forecast)."""

from __future__ import annotations

import numpy as np

from assistant.analysis.forecast_data import ForecastPointOut, History, period_label

_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _pct(a: float, b: float) -> float | None:
    return (a - b) / abs(b) * 100 if b else None


def _slot_name(history: History, slot: int, lang: str) -> str:
    if history.frequency == "quarterly":
        return f"Q{slot + 1}" if lang != "ko" else f"{slot + 1}분기"
    if history.frequency == "monthly":
        return _MONTHS_EN[slot] if lang != "ko" else f"{slot + 1}월"
    return f"week {slot + 1}" if lang != "ko" else f"{slot + 1}주차"


def insights(history: History, forecast: list[ForecastPointOut], lang: str = "en") -> list[str]:
    y = np.asarray(history.values, dtype=float)
    m = history.season
    ko = lang == "ko"
    out: list[str] = []
    last = period_label(history.periods[-1])
    step = _pct(y[-1], y[-2])
    if step is not None:
        unit = {"monthly": "month", "quarterly": "quarter", "weekly": "week"}[history.frequency]
        out.append(
            f"{last}: 직전 기간 대비 {step:+.1f}%"
            if ko
            else f"{last}: {step:+.1f}% versus the previous {unit}"
        )
    if len(y) > m:
        yoy = _pct(y[-1], y[-1 - m])
        if yoy is not None:
            out.append(
                f"{last}: 전년 같은 기간 대비 {yoy:+.1f}%"
                if ko
                else f"{last}: {yoy:+.1f}% year over year"
            )
    if len(y) >= 2 * m and m > 1:
        slots = np.array(
            [
                p.month - 1
                if history.frequency == "monthly"
                else (p.quarter - 1 if history.frequency == "quarterly" else p.week - 1)
                for p in history.periods
            ]
        )
        means = {s: float(y[slots == s].mean()) for s in set(slots.tolist())}
        overall = float(np.mean(list(means.values())))
        peak = max(means, key=means.__getitem__)
        trough = min(means, key=means.__getitem__)
        pk, tr = _pct(means[peak], overall) or 0.0, _pct(means[trough], overall) or 0.0
        out.append(
            f"계절성: 가장 높은 시기는 {_slot_name(history, peak, lang)}(평균 대비 {pk:+.0f}%), 가장 낮은 시기는 {_slot_name(history, trough, lang)}({tr:+.0f}%)"
            if ko else f"Seasonality: {_slot_name(history, peak, lang)} is the peak ({pk:+.0f}% vs average) and {_slot_name(history, trough, lang)} the trough ({tr:+.0f}%)"
        )  # fmt: skip
    k = max(3, m // 2) if m > 1 else 3
    if len(y) >= 2 * k + 1:
        recent = float(np.polyfit(np.arange(k), y[-k:], 1)[0])
        before = float(np.polyfit(np.arange(k), y[-2 * k : -k], 1)[0])
        level = float(np.mean(np.abs(y[-2 * k :]))) or 1.0
        if abs(recent - before) / level > 0.02:
            direction = (
                ("가속" if recent > before else "둔화")
                if ko
                else ("accelerating" if recent > before else "slowing")
            )
            out.append(
                f"최근 {k}개 기간 추세: {direction}"
                if ko
                else f"Trend over the last {k} periods: {direction}"
            )
    if forecast:
        total = sum(p.value for p in forecast)
        low = sum(p.lower for p in forecast)
        high = sum(p.upper for p in forecast)
        span = f"{forecast[0].period}–{forecast[-1].period}"
        from assistant.core.plan import column_currency
        from assistant.goals.numbers import format_amount

        cur = column_currency(history.column)
        t, lo, hi = (format_amount(v, cur, lang) for v in (total, low, high))
        out.append(
            f"{span} 예측 합계 {t} (보수 {lo} / 낙관 {hi})" if ko
            else f"Forecast {span}: {t} in total (conservative {lo}, optimistic {hi})"
        )  # fmt: skip
    return out

"""Sales forecast from history: candidate models chosen by rolling-origin holdout error, with
prediction intervals and plain-language insights. No UI imports."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
from pydantic import BaseModel

from assistant.analysis.forecast_data import ForecastPointOut, History, period_label

Model = Callable[[np.ndarray, int, int], np.ndarray]  # (train, season, horizon) -> forecast

# Model selection costs grow with periods, never rows: the fit sees at most this many recent
# seasons, and at most MAX_ORIGINS cut points are tried per candidate.
WINDOW_SEASONS = {52: 4, 12: 8, 4: 12, 1: 60}
MAX_ORIGINS = 6


def seasonal_naive(y: np.ndarray, m: int, h: int) -> np.ndarray:
    if len(y) < m:
        return np.repeat(y[-1], h)
    last = y[-m:]
    return np.array([last[i % m] for i in range(h)], dtype=float)


def drift(y: np.ndarray, m: int, h: int) -> np.ndarray:
    slope = (y[-1] - y[0]) / max(1, len(y) - 1)
    return y[-1] + slope * np.arange(1, h + 1)


def linear_trend(y: np.ndarray, m: int, h: int) -> np.ndarray:
    """Least-squares trend on the recent window (at most three seasons)."""
    window = y[-max(6, 3 * m) :]
    x = np.arange(len(window))
    slope, intercept = np.polyfit(x, window, 1)
    return intercept + slope * (len(window) + np.arange(h))


def trend_season(y: np.ndarray, m: int, h: int) -> np.ndarray:
    """Linear trend plus additive seasonal means of the detrended series."""
    x = np.arange(len(y))
    slope, intercept = np.polyfit(x, y, 1)
    resid = y - (intercept + slope * x)
    idx = np.array([i % m for i in range(len(y))])
    seasonal = np.array([resid[idx == k].mean() if np.any(idx == k) else 0.0 for k in range(m)])
    fx = np.arange(len(y), len(y) + h)
    return intercept + slope * fx + seasonal[fx % m]


def _ets(trend: str | None, seasonal: str | None, damped: bool) -> Model:
    def fit(y: np.ndarray, m: int, h: int) -> np.ndarray:
        from statsmodels.tsa.holtwinters import ExponentialSmoothing

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = ExponentialSmoothing(
                y, trend=trend, damped_trend=damped if trend else False,
                seasonal=seasonal, seasonal_periods=m if seasonal else None,
                # With 52 weekly states to estimate, the optimiser's numeric gradient dominates the
                # cost; the heuristic start (two full seasons) leaves it only the smoothing weights.
                initialization_method="heuristic" if seasonal and m > 12 else "estimated",
            ).fit(optimized=True, use_brute=False)  # fmt: skip
            out = np.asarray(model.forecast(h), dtype=float)
        if not np.all(np.isfinite(out)):
            raise ValueError("non-finite forecast")
        return out

    return fit


def candidates(n: int, m: int, positive: bool) -> dict[str, Model]:
    """Models that can be fitted on `n` points with season `m`."""
    models: dict[str, Model] = {"linear trend": linear_trend, "drift": drift}
    if n >= 2 * m:
        models["seasonal naive"] = seasonal_naive
        models["trend + seasonal means"] = trend_season
        models["Holt-Winters additive"] = _ets("add", "add", False)
        models["Holt-Winters damped additive"] = _ets("add", "add", True)
        models["seasonal ETS (no trend)"] = _ets(None, "add", False)
        if positive:
            models["Holt-Winters multiplicative"] = _ets("add", "mul", False)
            models["Holt-Winters damped multiplicative"] = _ets("add", "mul", True)
    else:
        models["Holt linear"] = _ets("add", None, False)
        models["Holt damped"] = _ets("add", None, True)
    return models


def cut_points(n: int, m: int, h: int, origins: int) -> list[int]:
    """Up to MAX_ORIGINS training lengths, spread evenly over the last `origins` cut points."""
    min_train = max(4, 2 * m if m > 1 else 4)
    cuts = [n - h - (k - 1) for k in range(origins, 0, -1)]
    cuts = [c for c in cuts if c >= min_train]
    if len(cuts) > MAX_ORIGINS:
        step = (len(cuts) - 1) / (MAX_ORIGINS - 1)
        cuts = sorted({cuts[round(i * step)] for i in range(MAX_ORIGINS)})
    return cuts


def rolling_origin_errors(y: np.ndarray, m: int, model: Model, h: int, origins: int) -> np.ndarray:
    """Absolute errors (cut points x h) forecasting from up to MAX_ORIGINS cut points."""
    rows = [
        np.abs(y[cut : cut + h] - model(y[:cut], m, h)) for cut in cut_points(len(y), m, h, origins)
    ]
    return np.array(rows)


class ForecastResult(BaseModel):
    """The `forecast --json` contract plus what the plan needs (scenarios, notes, runners-up)."""

    column: str
    frequency: str
    model: str
    holdout_mae: float | None
    forecast: list[ForecastPointOut]
    insights: list[str]
    notes: list[str] = []
    scores: dict[str, float] = {}

    def contract(self) -> dict[str, object]:
        return {
            "column": self.column, "frequency": self.frequency, "model": self.model,
            "holdout_mae": self.holdout_mae, "forecast": [p.model_dump() for p in self.forecast],
            "insights": self.insights,
        }  # fmt: skip


def choose_model(
    y: np.ndarray, m: int, h: int
) -> tuple[str, Model, dict[str, float], np.ndarray | None]:
    """Pick the candidate with the lowest rolling-origin MAE; ties favour the simpler model.
    The three best are combined when their average beats each of them (scored from the same
    cut-point forecasts, so the combination costs no extra fits)."""
    models = candidates(len(y), m, bool(np.all(y > 0)))
    # Test at the requested horizon from up to two seasons of cut points, as data allows.
    min_train = max(4, 2 * m if m > 1 else 4)
    test_h = max(1, min(h, len(y) - min_train - 1))
    origins = max(1, min(2 * m if m > 1 else 8, len(y) - min_train - test_h + 1))
    cuts = cut_points(len(y), m, test_h, origins)
    preds: dict[str, list[np.ndarray]] = {}
    for name, model in models.items():
        try:
            preds[name] = [model(y[:cut], m, test_h) for cut in cuts]
        except Exception:
            continue
    actual = [y[cut : cut + test_h] for cut in cuts]
    errors: dict[str, np.ndarray] = {
        name: np.array([np.abs(a - p) for a, p in zip(actual, ps, strict=True)])
        for name, ps in preds.items()
        if ps
    }
    if not errors:
        return "drift", drift, {}, None
    scores = {name: float(e.mean()) for name, e in errors.items()}
    ranked = sorted(scores, key=scores.__getitem__)
    top = ranked[:3]
    if len(top) == 3:
        name = "combination of " + ", ".join(top)
        combo_err = np.array(
            [np.abs(a - np.mean([preds[t][i] for t in top], axis=0)) for i, a in enumerate(actual)]
        )
        scores[name] = float(combo_err.mean())
        errors[name] = combo_err
        models[name] = _combine([models[t] for t in top])
    best = min(scores, key=scores.__getitem__)
    return best, models[best], scores, errors[best]


def _combine(models: list[Model]) -> Model:
    def fit(y: np.ndarray, m: int, h: int) -> np.ndarray:
        return np.mean([mod(y, m, h) for mod in models], axis=0)

    return fit


def forecast_history(
    history: History, horizon: int | None = None, lang: str = "en", keep_last: int | None = None
) -> ForecastResult:
    """The forecast `horizon` periods ahead; with `keep_last`, only the last that many periods are
    reported (the plan's year when the history ends before it; the spread still grows with every
    step from the last actual)."""
    from assistant.analysis.forecast_insights import insights

    y = np.asarray(history.values, dtype=float)
    m = history.season
    h = horizon or m
    notes = list(history.notes)
    window = WINDOW_SEASONS.get(m, 8) * m
    if len(y) > window:
        y = y[-window:]
        notes.append(
            f"fitted on the most recent {window} periods of {len(history.values):,}"
            if lang != "ko" else f"전체 {len(history.values):,}개 기간 중 최근 {window}개로 적합했습니다"
        )  # fmt: skip
    if len(y) < 2 * m:
        notes.append(
            f"fewer than two seasons of data ({len(y)} points): using a trend model without seasonality"
            if lang != "ko" else f"데이터가 두 시즌보다 적어({len(y)}개) 계절성 없이 추세 모델을 사용했습니다"
        )  # fmt: skip
    name, model, scores, errors = choose_model(y, m if len(y) >= 2 * m else 1, h)
    point = model(y, m if len(y) >= 2 * m else 1, h)
    sigma = _step_sigma(y, errors, h)
    z = 1.2816  # 80% interval
    last = history.periods[-1]
    periods = [period_label(last + i) for i in range(1, h + 1)]
    out = [
        ForecastPointOut(
            period=p,
            value=round(float(v), 2),
            lower=round(float(v - z * s), 2),
            upper=round(float(v + z * s), 2),
        )
        for p, v, s in zip(periods, point, sigma, strict=True)
    ]
    if keep_last is not None and 0 < keep_last < len(out):
        out = out[-keep_last:]
    mae = round(scores[name], 2) if scores else None
    return ForecastResult(
        column=history.column, frequency=history.frequency, model=name, holdout_mae=mae,
        forecast=out, insights=insights(history, out, lang) + notes, notes=notes,
        scores={k: round(v, 2) for k, v in sorted(scores.items(), key=lambda kv: kv[1])},
    )  # fmt: skip


def _step_sigma(y: np.ndarray, errors: np.ndarray | None, h: int) -> np.ndarray:
    """Spread for each step ahead: holdout errors where we have them, growing with sqrt(step)."""
    if errors is not None and errors.size:
        base = float(np.sqrt(np.mean(errors[:, 0] ** 2))) * 1.25
    else:
        base = float(np.std(np.diff(y))) if len(y) > 2 else float(abs(y[-1]) * 0.1)
    base = max(base, 1e-9)
    return base * np.sqrt(np.arange(1, h + 1))

"""Forecast benchmark: hold out the last 8 quarters of the real Australian beer series and compare
our model selection with seasonal naive and a plain statsmodels Holt-Winters (additive trend and
season) fitted on the same data. Other real series from statsmodels are scored the same way."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from _common import SHARED

from assistant.analysis.forecast import forecast_history, seasonal_naive
from assistant.analysis.forecast_data import History, load_history


def plain_holt_winters(y: np.ndarray, m: int, h: int) -> np.ndarray:
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = ExponentialSmoothing(
            y, trend="add", seasonal="add", seasonal_periods=m, initialization_method="estimated"
        ).fit()
    return np.asarray(fit.forecast(h))


def score(name: str, history: History, h: int) -> tuple[float, float, float]:
    y = np.asarray(history.values)
    train = History(
        column=history.column,
        frequency=history.frequency,
        periods=history.periods[:-h],
        values=list(y[:-h]),
    )
    actual = y[-h:]
    ours = np.array([p.value for p in forecast_history(train, h).forecast])
    m = history.season
    rows = (
        float(np.mean(np.abs(actual - ours))),
        float(np.mean(np.abs(actual - seasonal_naive(y[:-h], m, h)))),
        float(np.mean(np.abs(actual - plain_holt_winters(y[:-h], m, h)))),
    )
    print(
        f"{name:<28} ours {rows[0]:>10.2f}   seasonal naive {rows[1]:>10.2f}   Holt-Winters {rows[2]:>10.2f}"
    )
    return rows


def _statsmodels_series() -> list[tuple[str, History, int]]:
    from statsmodels.datasets import co2, macrodata

    out = []
    macro = macrodata.load_pandas().data
    periods = [
        pd.Period(year=int(y), quarter=int(q), freq="Q")
        for y, q in zip(macro["year"], macro["quarter"], strict=True)
    ]
    out.append(
        (
            "US real consumption (Q)",
            History(
                column="realcons",
                frequency="quarterly",
                periods=periods,
                values=list(macro["realcons"]),
            ),
            8,
        )
    )
    weekly = co2.load_pandas().data["co2"].interpolate().resample("MS").mean().dropna()
    periods = [pd.Period(ts, freq="M") for ts in weekly.index]
    out.append(
        (
            "Mauna Loa CO2 (M)",
            History(
                column="co2",
                frequency="monthly",
                periods=periods[-240:],
                values=list(weekly.to_numpy()[-240:]),
            ),
            12,
        )
    )
    return out


def main() -> None:
    beer = load_history(SHARED / "ausbeer_quarterly.csv")
    ours, snaive, hw = score("ausbeer (last 8 quarters)", beer, 8)
    print(
        f"  beats seasonal naive: {ours < snaive}; no worse than Holt-Winters: {ours <= hw + 1e-9}"
    )
    for name, history, h in _statsmodels_series():
        score(name, history, h)


if __name__ == "__main__":
    main()

"""Forecast cost on large sales histories: `forecast --json` in a fresh process (as a user runs it)
on 50,000 rows of daily sales, 50,000 deal-level rows (many per month) and 20,000 monthly rows.
Model selection must cost periods, not rows (target: < 5 s each on 2 cores)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from _common import REPO


def write_cases(folder: Path) -> dict[str, Path]:
    rng = np.random.default_rng(7)
    cases: dict[str, Path] = {}
    days = pd.date_range("1890-01-01", periods=50_000, freq="D")
    path = folder / "daily_50k.csv"
    values = 1000 + rng.normal(0, 80, len(days)).round()
    path.write_text(
        "date,sales\n" + "\n".join(f"{d.date()},{v:.0f}" for d, v in zip(days, values, strict=True))
    )
    cases["50,000 daily rows"] = path
    months = pd.period_range("2020-01", periods=72, freq="M")
    path = folder / "deals_50k.csv"
    picks = rng.integers(0, len(months), 50_000)
    path.write_text(
        "month,revenue\n" + "\n".join(f"{months[i]},{rng.integers(100, 5000)}" for i in picks)
    )
    cases["50,000 deal rows (72 months)"] = path
    months = pd.period_range("1000-01", periods=20_000, freq="M")
    path = folder / "monthly_20k.csv"
    path.write_text(
        "month,sales\n"
        + "\n".join(f"{p},{1000 + i * 0.1 + rng.normal(0, 50):.0f}" for i, p in enumerate(months))
    )
    cases["20,000 monthly rows"] = path
    return cases


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in write_cases(Path(tmp)).items():
            start = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-m", "assistant", "forecast", str(path), "--json"],
                capture_output=True, text=True, cwd=REPO, timeout=300,
                env={"PLAN_DATA_DIR": str(Path(tmp) / "data"), "PATH": "/usr/bin:/bin"},
            )  # fmt: skip
            took = time.perf_counter() - start
            status = "ok" if run.returncode == 0 else f"exit {run.returncode}"
            print(f"forecast, {label}: {took:.2f} s ({status})")


if __name__ == "__main__":
    main()

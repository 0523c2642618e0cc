import json
from pathlib import Path

import pandas as pd
import pytest

from assistant.analysis.forecast import forecast_history
from assistant.analysis.forecast_data import load_history
from assistant.core.errors import DataError
from tests.conftest import run_cli


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def monthly_rows(n: int = 30) -> list[tuple[str, float]]:
    return [
        (f"{2023 + i // 12}-{i % 12 + 1:02d}", 1000 + 20 * i + (300 if i % 12 == 10 else 0))
        for i in range(n)
    ]


def test_loads_the_sample_history_and_picks_the_sales_column(shared_data: Path) -> None:
    h = load_history(shared_data / "sample_sales_history.csv")
    assert (h.column, h.frequency, len(h.values)) == ("revenue_usd", "monthly", 30)
    assert h.labels()[0] == "2024-01"
    assert (
        load_history(shared_data / "sample_sales_history.csv", "new_contracts").column
        == "new_contracts"
    )


def test_korean_headers_currency_and_thousand_separators_in_cp949(tmp_path: Path) -> None:
    lines = ["월,매출액,비고"] + [f'{p},"{v:,.0f}원",메모' for p, v in monthly_rows(26)]
    h = load_history(write(tmp_path, "ko.csv", "\n".join(lines), "cp949"))
    assert h.column == "매출액" and h.frequency == "monthly" and h.values[0] == 1000


def test_quarters_dates_and_excel(tmp_path: Path) -> None:
    q = load_history(
        write(
            tmp_path,
            "q.csv",
            "quarter,sales\n"
            + "\n".join(f"{2020 + i // 4}-Q{i % 4 + 1},{100 + i}" for i in range(12)),
        )
    )
    assert q.frequency == "quarterly" and q.labels()[-1] == "2022-Q4"
    d = load_history(
        write(
            tmp_path,
            "d.csv",
            "date,revenue\n" + "\n".join(f"2024-{m:02d}-28,{m * 10}" for m in range(1, 13)),
        )
    )
    assert d.frequency == "monthly" and d.labels()[0] == "2024-01"
    w = load_history(
        write(
            tmp_path,
            "w.csv",
            "week,orders\n"
            + "\n".join(
                f"{(pd.Timestamp('2024-01-01') + pd.Timedelta(weeks=i)).date()},{50 + i}"
                for i in range(20)
            ),
        )
    )
    assert w.frequency == "weekly"
    xlsx = tmp_path / "h.xlsx"
    pd.DataFrame(
        {"기간": [p for p, _ in monthly_rows(24)], "매출": [v for _, v in monthly_rows(24)]}
    ).to_excel(xlsx, index=False)
    assert load_history(xlsx).column == "매출"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("month,revenue\n", "no rows"),
        ("name,revenue\nalpha,10\nbeta,20\ngamma,30\n", "No date or period column"),
        (
            "month,revenue\n2024-01,10\n2024-02,abc\n2024-03,30\n2024-04,40\n2024-05,50\n",
            "text where numbers should be",
        ),
        (
            "month,revenue\n2024-01,10\n2024-01,12\n2024-02,30\n2024-03,40\n",
            "Duplicate periods: 2024-01",
        ),
    ],
)
def test_bad_data_gets_a_clear_message(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(DataError) as info:
        load_history(write(tmp_path, "bad.csv", content))
    assert message in info.value.message("en")


def test_wrong_encoding_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\xff\xfe\x00\x81\x8d" * 50)
    with pytest.raises(DataError):
        load_history(path)


def test_gaps_are_filled_and_said(tmp_path: Path) -> None:
    rows = [r for i, r in enumerate(monthly_rows(28)) if i != 5]
    h = load_history(
        write(tmp_path, "gap.csv", "month,revenue\n" + "\n".join(f"{p},{v}" for p, v in rows))
    )
    assert len(h.values) == 28 and "2023-06" in h.notes[0]
    result = forecast_history(h, 3)
    assert any("gaps filled" in line for line in result.insights)


def test_short_history_falls_back_to_a_trend_model_and_says_so(tmp_path: Path) -> None:
    h = load_history(
        write(
            tmp_path,
            "short.csv",
            "month,revenue\n" + "\n".join(f"{p},{v}" for p, v in monthly_rows(10)),
        )
    )
    result = forecast_history(h, 4)
    assert "seasonal" not in result.model.lower() and "Holt-Winters" not in result.model
    assert any("fewer than two seasons" in line for line in result.insights)


def test_forecast_has_intervals_scenarios_and_insights(shared_data: Path) -> None:
    result = forecast_history(load_history(shared_data / "ausbeer_quarterly.csv"), 8)
    assert len(result.forecast) == 8 and result.forecast[0].period == "2008-Q4"
    assert all(p.lower < p.value < p.upper for p in result.forecast)
    widths = [p.upper - p.lower for p in result.forecast]
    assert widths[-1] > widths[0]
    text = " ".join(result.insights)
    assert (
        "year over year" in text
        and "Seasonality: Q4 is the peak" in text
        and "conservative" in text
    )
    assert result.holdout_mae is not None and result.scores[result.model] == result.holdout_mae
    ko = forecast_history(load_history(shared_data / "ausbeer_quarterly.csv"), 4, "ko")
    assert any("전년 같은 기간 대비" in line for line in ko.insights)


def test_forecast_cli_contract(shared_data: Path, isolated_env: Path, tmp_path: Path) -> None:
    run = run_cli(
        isolated_env,
        "forecast",
        str(shared_data / "sample_sales_history.csv"),
        "--horizon",
        "6",
        "--json",
    )
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert list(doc) == ["column", "frequency", "model", "holdout_mae", "forecast", "insights"]
    assert (
        doc["column"] == "revenue_usd"
        and doc["frequency"] == "monthly"
        and len(doc["forecast"]) == 6
    )
    assert (
        list(doc["forecast"][0]) == ["period", "value", "lower", "upper"]
        and doc["forecast"][0]["period"] == "2026-07"
    )
    assert isinstance(doc["holdout_mae"], float) and doc["insights"]
    bad = write(tmp_path, "bad.csv", "name,value\na,1\nb,2\nc,3\n")
    run = run_cli(isolated_env, "forecast", str(bad))
    assert (
        run.returncode == 2
        and "No date or period column" in run.stderr
        and "Traceback" not in run.stderr
    )


def test_daily_rows_are_summed_per_month_and_said(tmp_path: Path) -> None:
    days = pd.date_range("2022-01-01", periods=900, freq="D")
    path = write(tmp_path, "d.csv", "date,sales\n" + "\n".join(f"{d.date()},10" for d in days))
    h = load_history(path)
    assert h.frequency == "monthly" and h.labels()[0] == "2022-01"
    assert h.values[0] == 310  # 31 days x 10
    assert any("900 rows summed" in n for n in h.notes)


def test_deal_level_rows_are_summed_per_period(tmp_path: Path) -> None:
    rows = [f"2024-{m:02d},{v}" for m in range(1, 13) for v in (100, 200, 300)]
    h = load_history(write(tmp_path, "deals.csv", "month,revenue\n" + "\n".join(rows)))
    assert len(h.values) == 12 and h.values[0] == 600


def test_a_long_history_is_fitted_on_a_recent_window(tmp_path: Path) -> None:
    months = pd.period_range("1000-01", periods=20_000, freq="M")
    body = "\n".join(f"{p},{1000 + (i % 12) * 10 + i * 0.01:.2f}" for i, p in enumerate(months))
    h = load_history(write(tmp_path, "long.csv", "month,sales\n" + body))
    assert h.frequency == "monthly" and len(h.values) <= 5_000
    assert any("left out" in n for n in h.notes)
    result = forecast_history(h, 12)
    assert len(result.forecast) == 12
    assert any("most recent" in n for n in result.notes)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    from assistant.analysis import forecast_data

    path = tmp_path / "big.csv"
    with path.open("wb") as f:
        f.truncate(forecast_data.MAX_FILE_BYTES + 1)
    with pytest.raises(DataError) as info:
        load_history(path)
    assert "limit" in info.value.message("en")

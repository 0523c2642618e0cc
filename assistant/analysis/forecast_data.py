"""Loading sales history from CSV/XLSX: find the period column and the sales column, parse
periods (dates, YYYY-MM, 2024-Q1, Korean headers), clean numbers, detect the frequency."""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from assistant.core.errors import DataError

_PERIOD_NAMES = re.compile(
    r"^(date|day|week|month|period|quarter|year|time|yyyymm|ds|날짜|일자|월|년월|연월|기간|분기|주|주차|연도|년도)$",
    re.I,
)
_SALES_NAMES = re.compile(
    r"revenue|sales|amount|turnover|income|bookings|value|매출|판매|금액|실적|수익", re.I
)
_QUARTER = re.compile(
    r"^\s*(\d{4})\s*[-/ ]?\s*(?:q|Q|분기\s*)([1-4])\s*$|^\s*(\d{4})\s*년\s*([1-4])\s*분기\s*$|^\s*[qQ]([1-4])\s*[-/ ]?\s*(\d{4})\s*$"
)
_KO_MONTH = re.compile(r"^\s*(\d{4})\s*년\s*(\d{1,2})\s*월\s*$")
_NUMBER_JUNK = re.compile(r"[,\s$€£₩￦¥원]|krw|usd|won", re.I)


MAX_VALUE = 1e15  # larger values are data errors (and overflow sums), not sales
MAX_ROWS = 50_000
MAX_COLUMNS = 60
MAX_FILE_BYTES = 20 * 1024 * 1024  # checked before a byte is read
MAX_PERIODS = 5_000  # distinct periods from the first to the last (about 400 years of months)


class History(BaseModel):
    """A clean series: one value per period, oldest first."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    column: str
    frequency: str  # weekly | monthly | quarterly
    periods: list[pd.Period]
    values: list[float]
    notes: list[str] = []

    @property
    def season(self) -> int:
        return {"weekly": 52, "monthly": 12, "quarterly": 4}[self.frequency]

    def labels(self) -> list[str]:
        return [period_label(p) for p in self.periods]


def period_label(p: pd.Period) -> str:
    if p.freqstr.startswith("Q"):
        return f"{p.year}-Q{p.quarter}"
    if p.freqstr.startswith("M"):
        return f"{p.year}-{p.month:02d}"
    return str(p.start_time.date())


def _too_big(path: Path, rows: int, cols: int) -> DataError:
    return DataError(
        f"{path.name} has {rows:,} rows x {cols:,} columns; the limit is {MAX_ROWS:,} rows and {MAX_COLUMNS} columns.",
        f"{path.name}은(는) {rows:,}행 × {cols:,}열입니다. 최대 {MAX_ROWS:,}행, {MAX_COLUMNS}열까지 읽습니다.",
    )


MAX_SHEET_XML_BYTES = 400 * 1024 * 1024
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


def _count_sheet_rows(path: Path, member: str | None) -> int:
    """Row elements in the sheet's XML, counted while streaming it (stops past the limit). openpyxl
    skips rows that reuse a row number without counting them, so its own count cannot bound work."""
    with zipfile.ZipFile(path) as archive:
        names = [member] if member else [
            n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")
        ]  # fmt: skip
        count = 0
        for name in names:
            seen = tail = b""
            total = 0
            with archive.open(name.lstrip("/")) as stream:
                while chunk := stream.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_SHEET_XML_BYTES:
                        return MAX_SHEET_XML_BYTES  # far past any row limit
                    seen = tail + chunk
                    count += len(_ROW_TAG.findall(seen)) - len(_ROW_TAG.findall(tail))
                    tail = seen[-64:]
                    if count > MAX_ROWS + 1:
                        return count
    return count


def _read_xlsx(path: Path) -> pd.DataFrame:
    """The first sheet, streamed in read-only mode; absurd declared dimensions are refused before
    anything is allocated (a 5 KB file can declare a million rows x 16,384 columns)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise DataError(
            f"{path.name} is not a readable Excel file ({type(exc).__name__}).",
            f"{path.name}은(는) 읽을 수 있는 엑셀 파일이 아닙니다.",
        ) from exc
    try:
        sheet = book.worksheets[0]
        rows, cols = sheet.max_row or 0, sheet.max_column or 0
        if rows > MAX_ROWS + 1 or cols > MAX_COLUMNS:
            raise _too_big(path, rows, cols)
        try:
            stored = _count_sheet_rows(path, getattr(sheet, "_worksheet_path", None))
        except (KeyError, OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise DataError(
                f"{path.name} is not a readable Excel file ({type(exc).__name__}).",
                f"{path.name}은(는) 읽을 수 있는 엑셀 파일이 아닙니다.",
            ) from exc
        if stored > MAX_ROWS + 1:
            raise DataError(
                f"{path.name} has more than {MAX_ROWS:,} rows; the limit is {MAX_ROWS:,} rows.",
                f"{path.name}은(는) {MAX_ROWS:,}행을 넘습니다. 최대 {MAX_ROWS:,}행까지 읽습니다.",
            )
        data: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            data.append(["" if v is None else str(v) for v in row])
            if len(data) > MAX_ROWS + 1:
                raise _too_big(path, len(data), cols)
    finally:
        book.close()
    while data and not any(c.strip() for c in data[-1]):
        data.pop()
    if len(data) < 2:
        raise DataError(
            f"{path.name} has a header but no rows.", f"{path.name}에 데이터 행이 없습니다."
        )
    header = [h.strip() or f"column {i + 1}" for i, h in enumerate(data[0])]
    return pd.DataFrame(
        [r + [""] * (len(header) - len(r)) for r in data[1:]], columns=header, dtype=str
    )


def _read(path: Path) -> pd.DataFrame:
    if path.is_dir():
        raise DataError(
            f"{path} is a folder, not a file.", f"{path}은(는) 파일이 아니라 폴더입니다."
        )
    if not path.exists():
        raise DataError(f"File not found: {path}", f"파일이 없습니다: {path}")
    if not path.is_file():
        raise DataError(f"{path} is not a regular file.", f"{path}은(는) 일반 파일이 아닙니다.")
    size = path.stat().st_size
    if size == 0:
        raise DataError(f"{path.name} is empty.", f"{path.name} 파일이 비어 있습니다.")
    if size > MAX_FILE_BYTES:
        mb = MAX_FILE_BYTES // (1024 * 1024)
        raise DataError(
            f"{path.name} is {size / 1_048_576:.1f} MB; the limit is {mb} MB.",
            f"{path.name}은(는) {size / 1_048_576:.1f}MB입니다. {mb}MB까지 읽습니다.",
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    from assistant.core.lang import decode_text

    text = decode_text(path.read_bytes())
    if text is None:
        raise DataError(
            f"{path.name} is not UTF-8 or Korean (CP949) text; save it as UTF-8 CSV.",
            f"{path.name}의 인코딩을 읽을 수 없습니다. UTF-8 CSV로 저장해 주세요.",
        )
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, sep=None, engine="python", nrows=MAX_ROWS + 1
        )
    except Exception as exc:
        raise DataError(
            f"{path.name} is not a readable CSV ({exc}).",
            f"{path.name}은(는) 읽을 수 있는 CSV가 아닙니다.",
        ) from exc
    if frame.empty:
        raise DataError(
            f"{path.name} has a header but no rows.", f"{path.name}에 데이터 행이 없습니다."
        )
    if len(frame) > MAX_ROWS or len(frame.columns) > MAX_COLUMNS:
        raise _too_big(path, len(frame), len(frame.columns))
    return frame


def parse_period(value: str) -> pd.Period | None:
    s = str(value).strip()
    if not s or s.lower() == "nan":
        return None
    m = _QUARTER.match(s)
    if m:
        year, q = (
            (m.group(1), m.group(2))
            if m.group(1)
            else ((m.group(3), m.group(4)) if m.group(3) else (m.group(6), m.group(5)))
        )
        return pd.Period(year=int(year), quarter=int(q), freq="Q")
    m = _KO_MONTH.match(s)
    if m:
        return pd.Period(year=int(m.group(1)), month=int(m.group(2)), freq="M")
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}", s) or re.fullmatch(r"\d{6}", s):
        s = s[:4] + "-" + s[4:] if len(s) == 6 else s.replace("/", "-").replace(".", "-")
        try:
            return pd.Period(s, freq="M")
        except ValueError:
            return None
    try:
        ts = pd.Timestamp(s)
    except (ValueError, TypeError):
        return None
    return pd.Period(ts, freq="D")


def _period_column(frame: pd.DataFrame) -> str:
    named = [c for c in frame.columns if _PERIOD_NAMES.match(str(c).strip())]
    for col in named + [c for c in frame.columns if c not in named]:
        parsed = frame[col].map(parse_period)
        if parsed.notna().mean() >= 0.9:
            return str(col)
    raise DataError(
        "No date or period column found. Add a column such as 'month' with values like 2024-01, 2024-Q1 or 2024-01-31.",
        "날짜나 기간 열이 없습니다. '월' 같은 열에 2024-01, 2024-Q1, 2024-01-31 형태로 넣어 주세요.",
    )


def clean_number(value: object) -> float | None:
    s = str(value).strip()
    if not s or s.lower() in ("nan", "none", "-"):
        return None
    negative = s.startswith("(") and s.endswith(")")
    s = _NUMBER_JUNK.sub("", s.strip("()"))
    try:
        number = float(s)
    except ValueError:
        return float("nan")
    if not math.isfinite(number) or abs(number) > MAX_VALUE:
        return float("nan")  # 'inf', '1e308': reported as not a usable number, never stored
    return -number if negative else number


def _sales_column(frame: pd.DataFrame, period_col: str, wanted: str | None) -> str:
    candidates = [str(c) for c in frame.columns if str(c) != period_col]
    if wanted:
        if wanted not in candidates:
            raise DataError(
                f"Column '{wanted}' not found. Columns: {', '.join(candidates)}.",
                f"'{wanted}' 열이 없습니다. 열 목록: {', '.join(candidates)}.",
            )
        return wanted
    numeric = [
        c
        for c in candidates
        if frame[c].map(clean_number).map(lambda v: v is not None and not np.isnan(v)).mean() >= 0.8
    ]
    if not numeric:
        raise DataError(
            "No numeric sales column found (text in the numbers?). Use --column to pick one.",
            "숫자로 된 매출 열이 없습니다(숫자 칸에 글자가 있나요?). --column으로 열을 지정해 주세요.",
        )
    named = [c for c in numeric if _SALES_NAMES.search(c)]
    pool = named or numeric
    return max(
        pool,
        key=lambda c: float(np.nansum([v for v in frame[c].map(clean_number) if v is not None])),
    )


def _frequency(periods: list[pd.Period]) -> str:
    if periods[0].freqstr.startswith("Q"):
        return "quarterly"
    if periods[0].freqstr.startswith("M"):
        return "monthly"
    starts = sorted({p.asfreq("D", how="start").ordinal for p in periods})  # days, any era
    gaps = np.diff(starts)
    median = float(np.median(gaps)) if len(gaps) else 30.0
    span_days = float(starts[-1] - starts[0]) if starts else 0.0
    if median < 5:  # daily rows: months when there are at least two years of them, else weeks
        return "monthly" if span_days >= 730 else "weekly"
    if median <= 10:
        return "weekly"
    return "monthly" if median <= 45 else "quarterly"


def load_history(path: Path, column: str | None = None) -> History:
    frame = _read(Path(path))
    period_col = _period_column(frame)
    return _history(frame, period_col, _sales_column(frame, period_col, column))


def load_all_series(path: Path) -> list[History]:
    """Every numeric column of a history file as its own series (columns that fail are skipped)."""
    frame = _read(Path(path))
    period_col = _period_column(frame)
    out: list[History] = []
    for col in [str(c) for c in frame.columns if str(c) != period_col]:
        try:
            out.append(_history(frame, period_col, col))
        except DataError:
            continue
    return out


def _history(frame: pd.DataFrame, period_col: str, sales_col: str) -> History:
    rows = [
        (parse_period(p), clean_number(v), i + 2)
        for i, (p, v) in enumerate(zip(frame[period_col], frame[sales_col], strict=True))
    ]
    bad = [line for p, v, line in rows if p is not None and v is not None and np.isnan(v)]
    if bad:
        raise DataError(
            f"Column '{sales_col}' has text where numbers should be (rows {', '.join(map(str, bad[:5]))}).",
            f"'{sales_col}' 열의 {', '.join(map(str, bad[:5]))}행에 숫자 대신 글자가 있습니다.",
        )
    clean: list[tuple[pd.Period, float]] = [
        (p, float(v)) for p, v, _ in rows if p is not None and v is not None
    ]
    if len(clean) < 3:
        raise DataError(
            "Need at least 3 periods of history to forecast.",
            "예측하려면 최소 3개 기간의 데이터가 필요합니다.",
        )
    notes: list[str] = []
    periods = [p for p, _ in clean]
    freq = _frequency(periods)
    code = {"weekly": "W", "monthly": "M", "quarterly": "Q"}[freq]
    periods = [p.asfreq(code) for p in periods]
    counts = Counter(periods)
    repeated = [p for p, n in counts.items() if n > 1]
    if repeated and len(repeated) * 2 <= len(counts):
        dupes = sorted(period_label(p) for p in repeated)
        raise DataError(
            f"Duplicate periods: {', '.join(dupes[:5])}. Keep one row per period.",
            f"중복된 기간이 있습니다: {', '.join(dupes[:5])}. 기간마다 한 행만 남겨 주세요.",
        )
    totals: dict[pd.Period, float] = {}
    for p, (_, v) in zip(periods, clean, strict=True):
        totals[p] = totals.get(p, 0.0) + v
    if repeated:  # day- or deal-level rows: summed per period, and said so
        notes.append(f"{len(clean):,} rows summed into {len(totals):,} {freq} periods")
    periods = sorted(totals)
    if (periods[-1] - periods[0]).n + 1 > MAX_PERIODS:  # only the recent stretch is ever used
        first = periods[-1] - (MAX_PERIODS - 1)
        dropped = sum(1 for p in periods if p < first)
        periods = [p for p in periods if p >= first]
        notes.append(
            f"{dropped:,} periods before {period_label(first)} left out (at most {MAX_PERIODS:,} are read)"
        )
    values = [totals[p] for p in periods]
    full = list(pd.period_range(periods[0], periods[-1], freq=code))
    if len(full) != len(periods):
        present = set(periods)
        missing = [period_label(p) for p in full if p not in present]
        series = (
            pd.Series(values, index=pd.PeriodIndex(periods))
            .reindex(pd.PeriodIndex(full))
            .interpolate()
        )
        periods, values = full, [float(v) for v in series.to_numpy()]
        notes.append(f"gaps filled by interpolation: {', '.join(missing[:6])}")
    return History(column=sales_col, frequency=freq, periods=periods, values=values, notes=notes)


class ForecastPointOut(BaseModel):
    """One forecast period with its 80% interval."""

    period: str
    value: float
    lower: float
    upper: float

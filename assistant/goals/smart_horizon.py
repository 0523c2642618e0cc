"""Numbers behind the achievability check: how big a change a goal asks for, and how soon."""

from __future__ import annotations

import calendar
import re
from datetime import date

from assistant.goals.smart_patterns import MULTIPLIER_WORDS

_NUMWORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
    "아홉": 9, "열": 10,
}  # fmt: skip
_UNIT_DAYS = {
    "day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365, "yr": 365,
    "일": 1, "주": 7, "주일": 7, "개월": 30, "달": 30, "분기": 91, "년": 365, "해": 365,
}  # fmt: skip
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9

_REL_EN = re.compile(
    r"\b(?:in|within|over|during|for)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?"
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
    r"\s*-?\s*(day|week|month|quarter|year|yr)s?\b",
    re.I,
)
_REL_KO = re.compile(
    r"(\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(일|주일|주|개월|달|분기|년|해)\s*(?:안에|만에|이내|내에|내|동안)"
)
_SPECIAL = [
    (re.compile(r"열흘"), 10), (re.compile(r"보름"), 15), (re.compile(r"일주일"), 7),
    (re.compile(r"\b(?:by|before|until|in)\s+(?:the\s+end\s+of\s+)?next\s+week\b", re.I), 14),
    (re.compile(r"\b(?:by|before|until|in|within)\s+(?:the\s+end\s+of\s+)?(?:next|this)\s+month\b|다음\s*달|이번\s*달", re.I), 45),
    (re.compile(r"\b(?:by|before|until|in|within)\s+(?:the\s+end\s+of\s+)?this\s+quarter\b|이번\s*분기", re.I), 91),
    (re.compile(r"\bnext\s+quarter\b|다음\s*분기", re.I), 182),
    (re.compile(r"\b(?:this|the whole|the entire|the full)\s+year\b|올해|올 한 해|연내|금년", re.I), 365),
    (re.compile(r"\bnext\s+year\b|내년", re.I), 540),
]  # fmt: skip
_Q_EN = re.compile(r"\bq([1-4])\s*(?:of\s+)?'?((?:19|20)?\d{2})\b", re.I)
_Q_KO = re.compile(r"((?:19|20)\d{2})\s*년\s*([1-4])\s*분기")
_MONTH_EN = re.compile(
    r"\b("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?:of\s+)?((?:19|20)\d{2})\b",
    re.I,
)
_DAY_MONTH_EN = re.compile(
    r"\b(\d{1,2})\s+("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?,?\s+((?:19|20)\d{2})\b",
    re.I,
)
_MONTH_KO = re.compile(r"((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월")
_YEAR_END = re.compile(
    r"(?:end of|by|in|during|for|fy)\s*((?:19|20)\d{2})\b|((?:19|20)\d{2})\s*(?:년|회계)", re.I
)
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})(?:-(\d{1,2}))?\b")


def _num(token: str) -> int:
    return int(token) if token.isdigit() else _NUMWORDS.get(token.lower(), 1)


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(token: str) -> int:
    y = int(token)
    return y + 2000 if y < 100 else y


def horizon_days(text: str, today: date) -> int | None:
    """Days from `today` to the goal's deadline, if the text gives one; the nearest wins."""
    found: list[int] = []
    for m in _REL_EN.finditer(text):
        found.append(_num(m.group(1)) * _UNIT_DAYS[m.group(2).lower()])
    for m in _REL_KO.finditer(text):
        found.append(_num(m.group(1)) * _UNIT_DAYS[m.group(2)])
    for pattern, days in _SPECIAL:
        if pattern.search(text):
            found.append(days)
    dates: list[date] = []
    for m in _Q_EN.finditer(text):
        dates.append(_end_of_month(_year(m.group(2)), int(m.group(1)) * 3))
    for m in _Q_KO.finditer(text):
        dates.append(_end_of_month(int(m.group(1)), int(m.group(2)) * 3))
    for m in _MONTH_EN.finditer(text):
        month, day, year = _MONTHS[m.group(1).lower()], m.group(2), int(m.group(3))
        dates.append(date(year, month, min(int(day), 28)) if day else _end_of_month(year, month))
    for m in _DAY_MONTH_EN.finditer(text):
        dates.append(date(int(m.group(3)), _MONTHS[m.group(2).lower()], min(int(m.group(1)), 28)))
    for m in _MONTH_KO.finditer(text):
        if 1 <= int(m.group(2)) <= 12:
            dates.append(_end_of_month(int(m.group(1)), int(m.group(2))))
    for m in _ISO.finditer(text):
        if 1 <= int(m.group(2)) <= 12:
            dates.append(_end_of_month(int(m.group(1)), int(m.group(2))))
    if not dates:
        for m in _YEAR_END.finditer(text):
            dates.append(date(int(m.group(1) or m.group(2)), 12, 31))
    found.extend((d - today).days for d in dates)
    return min(found) if found else None


_PCT_GROWTH = re.compile(
    r"(?:increase|grow|boost|raise|lift|expand|scale|improve)\w*\s+(?:\w+\s+){0,5}?by\s+(\d[\d,]*(?:\.\d+)?)\s*%"
    r"|(\d[\d,]*(?:\.\d+)?)\s*%\s*(?:성장|증가|늘|향상|확대|높)",
    re.I,
)
_FROM_TO = re.compile(
    r"(?:from|에서)?\s*[$₩€£]?(\d[\d,]*(?:\.\d+)?)\s*(%|k|만|천|명|건|곳)?\s*(?:to|에서)\s*[$₩€£]?(\d[\d,]*(?:\.\d+)?)\s*(%|k|만|천|명|건|곳)?(?:으로|로)?",
    re.I,
)
_FOLD = re.compile(
    r"\b(\d+)\s*-?\s*fold\b|\bby\s+(\d+(?:\.\d+)?)\s*x\b|(\d+)\s*배\s*(?:로)?\s*(?:늘|증가|성장|확대)",
    re.I,
)
_RATIO_METRIC = re.compile(r"\b(?:roi|roas)\b|수익률|투자\s*대비", re.I)


def growth_multiplier(text: str) -> float | None:
    """How many times larger the goal wants something to become (None when not a growth goal)."""
    if _RATIO_METRIC.search(text):
        return None
    low = text.lower()
    candidates: list[float] = []
    for word, mult in MULTIPLIER_WORDS.items():
        if word in low:
            candidates.append(mult)
    for m in _FOLD.finditer(text):
        candidates.append(float(next(g for g in m.groups() if g)))
    for m in _PCT_GROWTH.finditer(text):
        pct = float((m.group(1) or m.group(2)).replace(",", ""))
        candidates.append(1 + pct / 100)
    for m in _FROM_TO.finditer(text):
        a, b = float(m.group(1).replace(",", "")), float(m.group(3).replace(",", ""))
        if m.group(2) == m.group(4) and a > 0 and b > a:
            candidates.append(b / a)
    return max(candidates) if candidates else None

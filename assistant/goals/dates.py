"""Deadlines read from a goal: the last day of the period it names, in both languages.

"by June 2027" → 2027-06-30; "end of Q2 2027", "2027년 2분기까지", "H1 2027", "2027년 상반기" →
2027-06-30; "in 2027", "2027년 말까지", "through 2027" → 2027-12-31; "FY2027" → the end of that fiscal
year; relative periods ("next quarter", "within 6 months", "내년") resolve against the plan's start.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YY = r"(?P<yy>'?\d{2}|(?:19|20)\d{2})"
_NUMWORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
    "a": 1, "an": 1, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
    "여덟": 8, "아홉": 9, "열": 10,
}  # fmt: skip

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?\b"),
    ("us", r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)?\d{2})\b"),
    ("mdy", rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}\b"),
    ("my", rf"\b{_MONTH}\s+(?:of\s+)?{_YY}\b"),
    ("ko_ymd", r"(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?"),
    ("ko_q", r"(?P<y>(?:19|20)\d{2})\s*년\s*(?:도\s*)?(?:제\s*)?(?P<q>[1-4])\s*분기"),
    ("ko_h", r"(?P<y>(?:19|20)\d{2})\s*년\s*(?:도\s*)?(?P<h>상|하)\s*반기"),
    (
        "q",
        r"\b(?:q(?P<q>[1-4])|(?P<q2>[1-4])q)\s*(?:of\s+)?(?:fy\s*)?(?P<y>'?\d{2}|(?:19|20)\d{2})\b",
    ),
    ("yq", r"\b(?P<y>(?:19|20)\d{2})\s*[- ]?\s*q(?P<q>[1-4])\b"),
    (
        "q_words",
        r"\b(?P<ord>first|second|third|fourth|last)\s+quarter\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b",
    ),
    (
        "h",
        r"\b(?:h(?P<h>[12])|(?P<h2>[12])h)\s*(?:of\s+)?(?:fy\s*)?(?P<y>'?\d{2}|(?:19|20)\d{2})\b",
    ),
    ("h_words", r"\b(?P<ord>first|second)\s+half\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b"),
    ("fy", r"\b(?:fy|fiscal(?:\s+year)?)\s*'?(?P<y>(?:19|20)?\d{2})\b"),
    ("ko_fy", r"(?P<y>(?:19|20)\d{2})\s*(?:회계\s*연도|회계연도|사업\s*연도)"),
    (
        "m_only",
        rf"\b(?:by|before|until|till|in|through|end\s+of)\s+(?:the\s+end\s+of\s+)?{_MONTH}(?![\w.]*\s*,?\s*'?\d)",
    ),
    ("ko_m_only", r"(?<![\d년]\s)(?<![\d년])(?P<m>\d{1,2})\s*월\s*(?:말\s*)?(?:까지|안에|내|중)"),
    ("ko_y", r"(?P<y>(?:19|20)\d{2})\s*년(?:도)?"),
    ("year", r"(?<![\d,.$€£₩])\b(?P<y>(?:19|20)\d{2})\b(?!\s*(?:%|원|명|건|곳|개))"),
    (
        "ko_rel_m",
        r"(?P<n>\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?P<u>개월|달|주|주일|일|년|해|분기)\s*(?:안에|만에|이내|내에|내|동안|간|후|뒤)",
    ),
    (
        "rel_n",
        r"\b(?:within|in|over|during|for|after)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|a|an)\s*-?\s*(?P<u>days?|weeks?|months?|quarters?|years?)\b",
    ),
    (
        "rel_next",
        r"\b(?P<which>next|this|the\s+coming|the\s+current|coming)\s+(?P<u>month|quarter|half|year|fiscal\s+year)\b",
    ),
    (
        "ko_days",
        r"(?P<word>열흘|보름|하루|이틀|사흘|나흘|일주일|한\s*달)\s*(?:만에|안에|이내|내에|내|동안)",
    ),
    (
        "ko_rel",
        r"(?P<word>내년|올해|금년|다음\s*달|이번\s*달|다음\s*분기|이번\s*분기|연말|연내|올\s*연말|내년\s*상반기|내년\s*하반기|올해\s*상반기|올해\s*하반기)",
    ),
]
_COMPILED = [(name, re.compile(p, re.I)) for name, p in _PATTERNS]


def _year(text: str | None, start: date) -> int:
    if not text:
        return start.year
    digits = text.lstrip("'")
    y = int(digits)
    return y + 2000 if y < 100 else y


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, q: int) -> date:
    return _month_end(year, q * 3)


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _fiscal_end(fy: int, fiscal_start_month: int) -> date:
    """FY2027 with a January start ends 2027-12-31; with an April start it ends 2027-03-31."""
    if fiscal_start_month == 1:
        return date(fy, 12, 31)
    return _month_end(fy, fiscal_start_month - 1)


def _resolve(name: str, m: re.Match[str], start: date, fiscal_start_month: int) -> date | None:
    g = m.groupdict()
    try:
        if name in ("iso", "us", "ko_ymd"):
            y, mo = _year(g["y"], start), int(g["m"])
            return date(y, mo, int(g["d"])) if g.get("d") else _month_end(y, mo)
        if name in ("mdy", "dmy"):
            return date(int(g["year"]), _MONTHS[g["mon"][:3].lower()], int(g["d"]))
        if name == "my":
            return _month_end(_year(g["yy"], start), _MONTHS[g["mon"][:3].lower()])
        if name in ("ko_q", "q", "yq"):
            return _quarter_end(_year(g["y"], start), int(g.get("q") or g.get("q2") or 4))
        if name == "q_words":
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[g["ord"].lower()]
            return _quarter_end(int(g["y"]), q)
        if name == "ko_h":
            return date(int(g["y"]), 6 if g["h"] == "상" else 12, 30 if g["h"] == "상" else 31)
        if name in ("h", "h_words"):
            half = (
                g.get("h")
                or g.get("h2")
                or ("1" if (g.get("ord") or "").lower() == "first" else "2")
            )
            y = _year(g["y"], start)
            return date(y, 6, 30) if half == "1" else date(y, 12, 31)
        if name in ("fy", "ko_fy"):
            return _fiscal_end(_year(g["y"], start), fiscal_start_month)
        if name in ("m_only", "ko_m_only"):
            month = _MONTHS[g["mon"][:3].lower()] if g.get("mon") else int(g["m"])
            year = start.year if month >= start.month else start.year + 1
            return _month_end(year, month)
        if name in ("ko_y", "year"):
            return date(int(g["y"]), 12, 31)
        if name in ("ko_rel_m", "rel_n"):
            n = int(g["n"]) if g["n"].isdigit() else _NUMWORDS[g["n"].lower()]
            unit = g["u"].lower()
            if unit.startswith("day") or unit == "일":
                return start + timedelta(days=n)
            if unit.startswith("week") or unit in ("주", "주일"):
                return start + timedelta(weeks=n)
            if unit.startswith("quarter") or unit == "분기":
                return _add_months(start, 3 * n)
            if unit.startswith("year") or unit in ("년", "해"):
                return _add_months(start, 12 * n)
            return _add_months(start, n)
        if name == "rel_next":
            which, unit = g["which"].lower(), g["u"].lower()
            nxt = which == "next"
            if unit == "month":
                base = _add_months(start, 1) if nxt else start
                return _month_end(base.year, base.month)
            if unit == "quarter":
                q = (start.month - 1) // 3 + 1 + (1 if nxt else 0)
                return _quarter_end(start.year + (q - 1) // 4, (q - 1) % 4 + 1)
            if unit == "half":
                h = 1 if start.month <= 6 else 2
                h += 1 if nxt else 0
                y = start.year + (h - 1) // 2
                return date(y, 6, 30) if (h - 1) % 2 == 0 else date(y, 12, 31)
            if "fiscal" in unit:
                return _fiscal_end(start.year + (1 if nxt else 0), fiscal_start_month)
            return date(start.year + (1 if nxt else 0), 12, 31)
        if name == "ko_days":
            word = re.sub(r"\s+", "", g["word"])
            days = {"열흘": 10, "보름": 15, "하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "일주일": 7}
            return _add_months(start, 1) if word == "한달" else start + timedelta(days=days[word])
        if name == "ko_rel":
            word = re.sub(r"\s+", "", g["word"])
            year = start.year + (1 if word.startswith("내년") else 0)
            if word.endswith("상반기"):
                return date(year, 6, 30)
            if word in ("다음달", "이번달"):
                base = _add_months(start, 1) if word == "다음달" else start
                return _month_end(base.year, base.month)
            if word in ("다음분기", "이번분기"):
                q = (start.month - 1) // 3 + 1 + (1 if word == "다음분기" else 0)
                return _quarter_end(start.year + (q - 1) // 4, (q - 1) % 4 + 1)
            return date(year, 12, 31)
    except (ValueError, KeyError):
        return None
    return None


def read_deadline(text: str, start: date | None = None, fiscal_start_month: int = 1) -> date | None:
    """The goal's deadline: the end of the latest period the text names (None when it names none)."""
    if not text:
        return None
    start = start or date.today()
    taken: list[tuple[int, int]] = []
    found: list[date] = []
    for name, pattern in _COMPILED:
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < tb and ta < b for ta, tb in taken):
                continue  # a longer, more specific reading already covers this text
            when = _resolve(name, m, start, fiscal_start_month)
            if when is None:
                continue
            taken.append((a, b))
            found.append(when)
    return max(found) if found else None


_FISCAL_START = re.compile(
    rf"(?:fiscal\s+year|fy)\s+(?:starts?|begins?|runs?\s+from)\s+(?:in\s+|on\s+)?{_MONTH}"
    r"|회계\s*연도(?:는|가)?\s*(?P<kstart>\d{1,2})\s*월(?:에)?\s*시작",
    re.I,
)
_FISCAL_END = re.compile(
    rf"(?:fiscal\s+year|fy)\s+(?:ends?)\s+(?:in\s+|on\s+)?{_MONTH}|(?P<kend>\d{{1,2}})\s*월\s*결산",
    re.I,
)


def fiscal_start_month(text: str) -> int:
    """The month a fiscal year starts in, when the plan says so ('fiscal year starts in April',
    '회계연도는 4월 시작', '3월 결산'); January otherwise."""
    m = _FISCAL_START.search(text or "")
    if m:
        return int(m.group("kstart")) if m.group("kstart") else _MONTHS[m.group("mon")[:3].lower()]
    m = _FISCAL_END.search(text or "")
    if m:
        end = int(m.group("kend")) if m.group("kend") else _MONTHS[m.group("mon")[:3].lower()]
        return end % 12 + 1
    return 1

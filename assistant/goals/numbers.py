"""The one bilingual number reader: amounts, counts, percents, points, multiples and ranges in free text.

Every module that needs a number from what a person wrote reads it here, so `1.2k`, `$2.4M`,
`1억 2,000만 원` and `4만 5천 명` mean the same thing everywhere. Codes and dates that contain digits
(`B2B`, `Q3`, `FY2027`, `24/7`, `GPT-4`, `14-day trial`, years) are never quantities, and a cadence
(`2 webinars per month`, `주 2회`) is marked as one so that it is not mistaken for a goal's target.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from pydantic import BaseModel

Kind = Literal["count", "money", "percent", "points", "multiple"]

_CURRENCY_SYMBOL = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "¥": "JPY"}
_CURRENCY_WORD = {
    "usd": "USD", "dollar": "USD", "dollars": "USD", "krw": "KRW", "won": "KRW", "원": "KRW",
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP", "pounds": "GBP", "jpy": "JPY",
    "yen": "JPY", "달러": "USD", "유로": "EUR", "엔": "JPY",
}  # fmt: skip
_SCALE_EN = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9,
    "bn": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12,
}  # fmt: skip
_KO_SCALE = {"조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3, "백": 1e2}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_KO_WORDS = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5,
    "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스무": 20, "스물": 20, "서른": 30,
    "마흔": 40, "쉰": 50,
}  # fmt: skip
_MULTIPLE_WORDS = {
    "double": 2.0, "doubles": 2.0, "doubling": 2.0, "twofold": 2.0, "triple": 3.0, "triples": 3.0,
    "tripling": 3.0, "threefold": 3.0, "quadruple": 4.0, "fourfold": 4.0, "tenfold": 10.0,
    "halve": 0.5, "halving": 0.5,
}  # fmt: skip

_NUM = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# A Korean compound such as 1억 2,000만, 4만 5천, 3천만, 12억, 150만 (digits with 조/억/만/천/백).
_KO_NUM = rf"(?:(?:{_NUM})\s*(?:조|억|천만|백만|만|천|백)\s*)+(?:{_NUM}(?![\d,.]))?"

# --- things with digits that are never a goal's quantity -----------------------------------
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NOT_QUANTITY = [
    # dates and periods
    r"\b(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\b",
    r"\b\d{1,2}/\d{1,2}/(?:19|20)?\d{2}\b",
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{{2}})?",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b(?:,?\s+(?:19|20)\d{{2}})?",
    rf"\b{_MONTHS}\s+(?:of\s+)?'?(?:19|20)?\d{{2}}\b",
    r"(?:19|20)\d{2}\s*년(?:\s*\d{1,2}\s*월)?(?:\s*\d{1,2}\s*일)?(?:\s*[1-4]\s*분기)?",
    r"\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?(?!\s*(?:간|동안))",
    r"[1-4]\s*분기",
    r"\b(?:q[1-4]|[1-4]q|h[12]|[12]h)\b(?:\s*'?(?:fy)?\s*(?:19|20)?\d{2}\b)?",
    r"\bfy\s*'?(?:19|20)?\d{2}\b",
    r"\b(?:19|20)\d{2}s\b",
    # codes and names
    r"\b(?:b2b2c|b2b|b2c|b2g|d2c|c2c|p2p|24/7|24x7|365)\b",
    r"\b[a-z]+-\d+(?:\.\d+)?[a-z]?\b(?![\d,])",  # GPT-4, ISO-9001, covid-19
    r"\b\d+(?:st|nd|rd|th)\b",
    r"\bseries\s+[a-f]\b",
    r"\btop[- ]?\d+\b",
    r"상위\s*\d+\s*(?:대|개|위|곳|%)?",
    r"24\s*시간(?:\s*365\s*일)?(?=\s*(?:고객|상담|응대|운영|서비스|지원|대응|챗봇|콜센터))",
    r"\b\d+\s*(?:p|ps|c|cs)\b(?![\w%])",  # 4P, 4Ps, 3C
    r"\b\d+g\b",  # 5G
    r"(?:no\.|#)\s*\d+\b",
    r"\bnumber\s+one\b|\bone\s+of\b",
    r"\b\d+[- ](?:day|week|month|year|hour|minute)s?[- ](?:free\s+)?(?:trial|pilot|onboarding|bootcamp|setup|sprint|program(?:me)?|guarantee|warranty|contract|plan|cycle|period|window|rule|sla|response)\b",
    r"\b\d+-(?:day|week|month|year|hour|minute|step|point|stage|page|person|seat|store|part)\b",
    r"\d+\s*(?:일|주|개월)\s*(?:무료\s*)?(?:체험|평가판|트라이얼)",
    # a time span is when, not how much: "in 10 days", "within 6 months", "6개월 안에"
    r"\b(?:in|within|over|during|after|for\s+the\s+next|in\s+the\s+next|over\s+the\s+next)\s+"
    r"(?:the\s+)?(?:next\s+|first\s+|coming\s+)?\d+\s*-?\s*(?:days?|weeks?|months?|quarters?|years?)\b",
    r"\d+\s*(?:일|주|주일|개월|달|년|분기)\s*(?:만에|안에|이내|내에|내|동안|간)",
    r"\d+\s*(?:차|세대)\b",
]
_NOT_QUANTITY_RE = re.compile("|".join(f"(?:{p})" for p in _NOT_QUANTITY), re.I)
# A bare 4-digit year: 19xx/20xx not written with a thousands comma, a currency or a unit.
_YEAR_RE = re.compile(
    r"(?<![\d,.$€£₩¥])\b(?:19[5-9]\d|20\d{2})\b(?!\s*(?:%|[kmb]\b|원|만|억|천|명|건|곳|개|회|달러|"
    r"percent|dollars?|won|usd|krw|(?:new\s+)?(?:customers?|clients?|users?|leads?|visits?|visitors?|"
    r"units?|orders?|stores?|contracts?|deals?|accounts?|subscribers?|sign-?ups?|downloads?|members?)\b))",
    re.I,
)
_CADENCE_EN = re.compile(
    r"\b(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?"
    r"(?P<what>(?:[a-z-]+\s+){0,2}?(?:webinars?|posts?|blog\s+posts?|articles?|videos?|emails?|newsletters?|"
    r"events?|meetings?|calls?|reports?|case\s+studies|campaigns?|episodes?|podcasts?|workshops?|"
    r"demos?|visits?|reviews?|sessions?|releases?|updates?|touches|touchpoints?))\s+"
    r"(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year)\b",
    re.I,
)
_CADENCE_KO = re.compile(
    r"(?:주|월|연|분기|하루|매주|매월|매달|일)\s*(?P<n>\d+)\s*(?:회|번|건|편|차례)"
    r"|(?:매주|매월|매달|매일|분기마다|매분기)\s*(?P<n2>\d+)\s*(?:회|번|건|편|개|차례)",
)

# --- the quantity patterns -------------------------------------------------------------------
_CUR_PREFIX = r"(?P<cur>US\$|\$|€|£|₩|¥|(?:USD|KRW|EUR|GBP|JPY)\s?)"
_KCUR_PREFIX = r"(?P<kcur>US\$|\$|€|£|₩|¥)"
_EN_SCALE = r"(?P<scale>k|m|mn|mm|bn|b|t|thousand|million|billion|trillion)\b"
_PATTERN = re.compile(
    rf"(?P<ko>(?:{_KCUR_PREFIX}\s*)?(?P<kon>{_KO_NUM}))"
    rf"|(?P<en>(?:{_CUR_PREFIX}\s*)?(?P<num>{_NUM})(?:\s*{_EN_SCALE})?)"
    r"|(?P<word>\b(?:a\s+hundred|a\s+dozen|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred)\b(?:[\s-]+(?P<word2>one|two|three|four|five|six|seven|eight|"
    r"nine))?(?:\s+(?P<wscale>hundred|thousand|million|billion))?)"
    r"|(?P<koword>(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰)(?=\s*(?:명|곳|개|건|배|번|회|가지|팀)))"
    r"|(?P<mult>\b(?:double|doubles|doubling|twofold|triple|triples|tripling|threefold|quadruple|fourfold|"
    r"tenfold|halve|halving)\b)",
    re.I,
)
_SUFFIX = re.compile(
    r"\s*(?:(?P<pp>%\s*p\b|%p|%\s*포인트|p\.?p\.?(?![a-z])|percentage\s+points?|퍼센트\s*포인트|포인트)"
    r"|(?P<pct>%|percent\b|per\s+cent\b|pct\b|퍼센트|프로(?![a-z가-힣]))"
    r"|(?P<x>x(?![a-z])|×|times\b|-?fold\b|배)"
    r"|(?P<curw>usd\b|krw\b|eur\b|gbp\b|jpy\b|dollars?\b|euros?\b|won\b|pounds\b|yen\b|원|달러|유로|엔(?![가-힣])))",
    re.I,
)
_KO_COUNTER = re.compile(
    r"\s*(명|건|곳|개사|개|회|곳의|점|장|편|팀|사|대|권|시간|분|일|주|개월|년|배|가지|호점|매장|계정|개국|가구|동|채)"
)
_EN_STOP = {
    "by", "through", "in", "per", "from", "to", "with", "for", "and", "or", "of", "at", "via",
    "using", "within", "before", "until", "over", "across", "on", "a", "an", "the", "each",
    "every", "while", "than", "our", "their", "this", "that", "into", "among",
}  # fmt: skip


class Quantity(BaseModel):
    """One number as written: its value in base units, its unit, and where it stands in the text."""

    value: float
    unit: str = ""  # "%", "pp", "x", a currency code (USD, KRW ...), or the counted noun
    kind: Kind = "count"
    high: float | None = None  # the upper end when the text gave a range
    cadence: bool = False  # "2 webinars per month": how often, not how much
    text: str = ""
    start: int = 0
    end: int = 0

    @property
    def is_range(self) -> bool:
        return self.high is not None

    def is_money_in(self, currency: str) -> bool:
        """Money, or in a won plan a Korean amount written without 원 ('2억 5,200만', '+12억')."""
        if self.kind == "money":
            return True
        return (
            currency == "KRW"
            and self.kind == "count"
            and self.value >= 10_000
            and bool(re.search(r"[만억]", self.text))
        )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    return "".join(chars)


def masked(text: str) -> str:
    """`text` with dates, years and codes blanked out (same length, so offsets still match)."""
    spans = [m.span() for m in _NOT_QUANTITY_RE.finditer(text)]
    spans += [m.span() for m in _YEAR_RE.finditer(text)]
    return _blank(text, spans)


def _to_float(num: str) -> float:
    return float(num.replace(",", ""))


def _ko_value(compound: str) -> float:
    """1억 2,000만 → 120000000; 4만 5천 → 45000; 3천만 → 30000000."""
    total = 0.0
    rest = compound.replace(" ", "")
    for m in re.finditer(rf"({_NUM})(천만|백만|조|억|만|천|백)?", rest):
        value = _to_float(m.group(1))
        unit = m.group(2) or ""
        if unit == "천만":
            value *= 1e7
        elif unit == "백만":
            value *= 1e6
        elif unit:
            value *= _KO_SCALE[unit]
        total += value
    return total


def _next_words(text: str, pos: int, limit: int = 4) -> str:
    """The counted noun after a number: 'leads' in '900 marketing-qualified leads by ...'."""
    words: list[str] = []
    for m in re.finditer(r"\S+", text[pos : pos + 80]):
        token = m.group(0)
        word = re.match(r"[A-Za-z][A-Za-z'-]*", token)
        if not word or word.group(0).lower() in _EN_STOP:
            break
        if words and words[-1].lower().endswith("s") and word.group(0).lower().endswith("ing"):
            break  # '40 new clients billing at least …': the counted noun is 'clients'
        words.append(word.group(0))
        if len(word.group(0)) < len(token) or len(words) >= limit:
            break  # punctuation ends the phrase
    return words[-1].strip("'-") if words else ""


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order. Ranges come back as one quantity with `high` set."""
    if not text:
        return []
    clean = masked(text)
    cadence_spans = [m.span() for m in _CADENCE_EN.finditer(clean)] + [
        m.span() for m in _CADENCE_KO.finditer(clean)
    ]
    found: list[Quantity] = []
    for m in _PATTERN.finditer(clean):
        q = _quantity(clean, m)
        if q is None:
            continue
        q.text = text[q.start : q.end].strip()
        q.cadence = any(a <= q.start < b for a, b in cadence_spans)
        found.append(q)
    return _merge_ranges(clean, found)


def _quantity(text: str, m: re.Match[str]) -> Quantity | None:
    start, end = m.span()
    kind: Kind = "count"
    unit = ""
    if m.group("mult"):
        return Quantity(
            value=_MULTIPLE_WORDS[m.group("mult").lower()],
            unit="x",
            kind="multiple",
            start=start,
            end=end,
        )
    if m.group("koword"):
        value = float(_KO_WORDS[m.group("koword")])
    elif m.group("word"):
        words = m.group("word").lower()
        head = re.match(r"a\s+hundred|a\s+dozen|\w+", words)
        value = float(_WORDS[" ".join(head.group(0).split())]) if head else 0.0
        if m.group("word2"):
            value += _WORDS[m.group("word2").lower()]
        if m.group("wscale"):
            value *= _SCALE_EN[m.group("wscale").lower()]
    elif m.group("ko"):
        value = _ko_value(m.group("kon"))
    else:
        value = _to_float(m.group("num"))
        scale = m.group("scale")
        if scale:
            low = scale.lower()
            # "m"/"b" alone are a scale only after a currency or right after the digits ("2.4M")
            if (
                low in ("m", "b", "t") and not m.group("cur") and " " in m.group("en").strip()
            ):  # "900 m"
                end = m.start("scale")
            else:
                value *= _SCALE_EN[low]
    cur = m.group("cur") or m.group("kcur")
    if cur:
        kind, unit = "money", _CURRENCY_SYMBOL.get(cur.strip(), cur.strip().upper())
    suffix = _SUFFIX.match(text, end)
    if suffix:
        if suffix.group("pp"):
            kind, unit = "points", "pp"
        elif suffix.group("pct"):
            kind, unit = "percent", "%"
        elif suffix.group("x"):
            kind, unit = "multiple", "x"
        elif suffix.group("curw"):
            kind, unit = "money", _CURRENCY_WORD[suffix.group("curw").lower()]
        end = suffix.end()
    if kind == "count":
        counter = _KO_COUNTER.match(text, end)
        if counter:
            unit = counter.group(1)
            if unit == "배":
                kind, unit = "multiple", "x"
            end = counter.end()
        else:
            unit = _next_words(text, end)
    if not math.isfinite(value):
        return None
    if (m.group("word") or m.group("koword")) and kind == "count" and not unit:
        return None  # "one of", "number one": a word number counts only with what it counts
    return Quantity(value=value, unit=unit, kind=kind, start=start, end=end)


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """'20~40대', '10-50명', '20-200 stores', '$50M-$1B', 'between 5 and 10' are one range each."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        q = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            gap = text[q.end : nxt.start]
            between = re.search(r"between\s*$", text[max(0, q.start - 9) : q.start], re.I)
            is_dash = re.fullmatch(r"\s*(?:~|–|—|-|〜)\s*", gap) is not None
            is_and = between is not None and re.fullmatch(r"\s*and\s*", gap, re.I) is not None
            compatible = (q.kind == nxt.kind or q.kind == "count") and not q.cadence
            digits = re.search(_NUM, nxt.text)
            scaled = (  # '$260-300M', '$40-60K': the scale written once after the second figure
                q.kind == "money" and nxt.kind == "count" and digits is not None
                and re.fullmatch(r"\D?\d[\d,.]*", q.text.strip()) is not None
                and (re.search(r"\d\s*(?:[kKmMbB]\b|million|billion|thousand|mn|bn)", nxt.text) is not None or not nxt.unit)
                and float(digits.group(0).replace(",", "") or 0) > 0
            )  # fmt: skip
            if (is_dash or is_and) and scaled and digits is not None:
                factor = nxt.value / float(digits.group(0).replace(",", ""))
                out.append(
                    Quantity(
                        value=q.value * factor, high=nxt.value, unit=q.unit, kind="money",
                        text=text[q.start : nxt.end].strip(),
                        start=q.start, end=nxt.end, cadence=nxt.cadence,
                    )
                )  # fmt: skip
                i += 2
                continue
            if (is_dash or is_and) and compatible:
                kind = nxt.kind
                low = q.value
                # "20~40만 원": the scale and unit written once apply to both ends
                digits = re.search(_NUM, nxt.text)
                if (
                    q.kind == "count"
                    and not q.unit
                    and not re.search(r"[만억천]", q.text)  # "2만 5,000~3만 8,000원" has its own
                    and digits
                    and re.search(r"[만억천]", nxt.text)
                    and float(digits.group(0).replace(",", "")) > 0
                ):
                    low *= nxt.value / float(digits.group(0).replace(",", ""))
                out.append(
                    Quantity(
                        value=low, high=nxt.value, unit=nxt.unit or q.unit, kind=kind,
                        text=text[q.start : nxt.end].strip(), start=q.start, end=nxt.end,
                        cadence=nxt.cadence,
                    )
                )  # fmt: skip
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def read_number(text: str) -> float | None:
    """The first number in `text` in base units (None when there is none): '1.2k' → 1200."""
    found = read_quantities(text)
    return found[0].value if found else None


def normalise_numbers(text: str) -> set[float]:
    """Every value (and both ends of a range) in `text`, rounded: for comparing numbers across texts."""
    values: set[float] = set()
    for q in read_quantities(text):
        values.add(round(q.value, 6))
        if q.high is not None:
            values.add(round(q.high, 6))
    return values


def format_amount(value: float, unit: str, lang: str) -> str:
    """A value with its unit for a reader: '$2.4M', '1억 2,000만 원', '5만 4,000원', '40 contracts', '25%'."""
    if unit == "%":
        return f"{value:g}%"
    if unit == "pp":
        return f"{value:g}%p" if lang == "ko" else f"{value:g} pp"
    if unit == "x":
        return f"{value:g}배" if lang == "ko" else f"{value:g}x"
    if unit == "KRW" or (lang == "ko" and unit in ("원",)):
        if lang != "ko":  # '₩400B', '₩12M' as English readers write won; '₩5,000' in full
            return f"₩{_compact(round(value))}"
        # '5,000원', '5만 4,000원' after a digit; '4억 8,000만 원' after a unit word
        number = korean_amount(round(value))
        return number + ("원" if number[-1:].isdigit() else " 원")
    if unit in ("USD", "EUR", "GBP", "JPY"):
        symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}[unit]
        if lang == "ko" and value >= 1e4:
            return f"{korean_amount(value)} {dict(USD='달러', EUR='유로', GBP='파운드', JPY='엔')[unit]}"
        if abs(value) < 100 and not float(value).is_integer():  # cents: '$1.80', not '$1.8'
            return f"{symbol}{value:,.2f}"
        return f"{symbol}{_compact(round(value) if abs(value) >= 100 else value)}"
    number = korean_amount(value) if lang == "ko" and value >= 1e4 else _plain(value)
    if not unit:
        return number
    if re.match(r"[가-힣]", unit):  # '40건', but '2만 명' after a 만/억 number
        return f"{number} {unit}" if re.search(r"[가-힣]$", number) else f"{number}{unit}"
    return f"{number} {unit}"


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _compact(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:g}B"
    if value >= 1e6 and value % 1e5 == 0:
        return f"{value / 1e6:g}M"
    return _plain(value)


def korean_amount(value: float) -> str:
    """Korean 만/억/조 units: 120000000 → '1억 2,000만'; 45000 → '4만 5,000'; 300 → '300'."""
    sign = "-" if value < 0 else ""
    n = int(round(abs(value)))
    if n < 10_000:
        return sign + (_plain(abs(value)) if not float(value).is_integer() else f"{n:,}")
    parts = []
    for unit, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        if n >= size:
            parts.append(f"{n // size:,}{unit}")
            n %= size
    if n:
        parts.append(f"{n:,}")
    return sign + " ".join(parts)


def about(value: float) -> float:
    """A figure said with 'about' / '약': three significant digits (3,333,333 -> 3,330,000)."""
    if value < 1000:
        return round(value, 1)
    digits = len(str(int(value))) - 3
    return float(round(value, -digits))

"""Calendar entries read from an answer: a month, quarter or date (or a span of them) followed by
what happens then. A date inside brackets is a note on its entry ('(설 연휴 2월 6~8일)'), a month
after 'for' or right after another entry's label is part of the activity ('renewal push for Q1
expirations', 'Dec: Jan 1 renewals'), and 'Jan 18~Feb 4' or 'Oct-Nov' is one entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.core.plan import CalendarEntry
from assistant.goals.numbers import read_quantities

_MONTH_EN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|q[1-4])"
_WHEN = re.compile(
    # "7~8월" is one entry spanning two months, not "7~" and "8월"
    rf"\b({_MONTH_EN})\b\.?\s*[:：-]?\s*|(\d{{1,2}}\s*(?:[~～–-]\s*\d{{1,2}}\s*)?월|[1-4]\s*분기)\s*[:：-]?\s*",
    re.I,
)
_RANGE = re.compile(r"\s*[~～–-]\s*$")
_KO_DAY = re.compile(r"\s*\d{1,2}\s*일")
_EN_DAY = re.compile(r"\s*\d{1,2}(?:st|nd|rd|th)?\b")
# a month after these words belongs to the activity ('push for Q1 expirations')
_INSIDE = re.compile(r"\b(?:for|of|before|after|until|till|from|through|ahead of)\s*$", re.I)


_NOT_COST = re.compile(
    r"price|\bto\s+[$€£₩]|\boff\b|gift\s*card|discount|credit|coupon|voucher|\boffer\b|first[- ]month|first[- ]order|"
    r"가격|할인|상품권|쿠폰|적립|인하|인상|첫\s*달|첫\s*구매|특가|체험가",
    re.I,
)


@dataclass
class _Marker:
    start: int
    end: int  # where the activity starts
    when: str
    english: bool
    span: bool = False  # a span of two dates: its days are part of `when` already


def _depths(text: str) -> list[int]:
    """Bracket depth before each character."""
    out, depth = [], 0
    for ch in text:
        out.append(depth)
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
    return out


# a name in quotes ("'Dry January' hydration reset") is the activity's, not a date
_QUOTED = re.compile(r"(?<!\w)['‘\"“][^'’\"”\n]{1,60}?['’\"”](?!\w)")


def _markers(text: str) -> list[_Marker]:
    depth = _depths(text)
    quoted = [q.span() for q in _QUOTED.finditer(text)]
    found: list[_Marker] = []
    for m in _WHEN.finditer(text):
        english = bool(m.group(1))
        when = (m.group(1) or m.group(2)).strip()
        if depth[m.start()] > 0 or (english and _INSIDE.search(text[: m.start()])):
            continue
        if any(a < m.start() < b for a, b in quoted):
            continue
        # a date inside an activity ('Roadcheck week / July 4 capacity crunch') starts no entry
        # ('March, July and September: …' are three entries: a month with its colon is one)
        if english and not re.search(r"[:：]\s*$", m.group(0)) and re.search(r"[/&]\s*$|\b(?:the|a|an|by|on|at|to|in|with)\s+$", text[: m.start()], re.I):  # fmt: skip
            continue
        if found:
            prev = found[-1]
            gap = text[prev.end : m.start()]
            if prev.english and re.fullmatch(r"\s*\d{1,2}(?:st|nd|rd|th)?\s*[:：]\s*", gap):
                continue  # 'February 10: Q1 freight outlook webinar' - the quarter is the activity's
            day = (_EN_DAY if prev.english else _KO_DAY).match(gap)
            tail = gap[day.end() :] if day else gap
            prev_raw = text[prev.start : prev.end]
            if not tail.strip() and re.search(r"[~～–-]\s*$", prev_raw) or _RANGE.fullmatch(tail):
                # 'Oct-Nov', '1월 18일~2월 4일': one entry from the first date to the second
                end_day = (_EN_DAY if english else _KO_DAY).match(text, m.end())
                stop = end_day.end() if end_day else m.start() + len(m.group(0).rstrip(" :：-"))
                joined = re.sub(r"\s*([~～–-])\s*", r"\1", text[prev.start : stop].strip(" :："))
                after = re.match(r"\s*[:：]?\s*", text[stop:])
                found[-1] = _Marker(
                    prev.start, stop + (after.end() if after else 0), joined, prev.english, True
                )
                continue
            if not gap.strip() and re.search(r"[:：]\s*$", prev_raw):
                continue  # 'Dec: Jan 1 contract renewals' - the date is the activity's
        found.append(_Marker(m.start(), m.end(), when, english))
    return found


def _cap(when: str) -> str:
    """'jan' -> 'Jan', 'oct-Nov' -> 'Oct-Nov' (the rest as written)."""
    return when[:1].upper() + when[1:]


def calendar_from_answer(text: str) -> list[CalendarEntry]:
    """Calendar entries: a month or quarter followed by the activity planned for it."""
    entries: list[CalendarEntry] = []
    extra: list[str] = []  # lines of a recurring activity with no date of their own
    markers = _markers(text)
    waiting: list[str] = []  # 'March, July and September: always-on' - months that share the next
    for i, m in enumerate(markers):
        end = markers[i + 1].start if i + 1 < len(markers) else len(text)
        activity = text[m.end : end].strip(" ,.;:\n")
        # '3월 11~14일 박람회(3,500만 원)\n매월 둘째 토요일 설명회': the next line is its own entry
        first, _, rest = activity.partition("\n")
        if rest and _CADENCE_LINE.match(rest.strip()):
            activity = first.strip(" ,.;:")
            extra.extend(x.strip() for x in rest.split("\n") if _CADENCE_LINE.match(x.strip()))
        when = m.when
        if re.fullmatch(r"(?:and|&|및|그리고|,|/)?", activity, re.I) and i + 1 < len(markers):
            waiting.append(_cap(when) if m.english else when)
            continue
        year = None
        # 'January 12, 2027:', 'Apr 10 (2nd Saturday):', 'Sept 30 review deadline': the day stays
        # with the month; 'May 5 webinars' is a count of the activity's
        day = None if m.span or not m.english else re.match(r"(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)(?:st|nd|rd|th)?\b\s*,?\s*(?:(\([^()]*\))\s*)?(?=(?:19|20)\d{2}|[:：]|[A-Za-z'’]+\b(?<!s)(?!\s*%))", activity)  # fmt: skip
        if day and int(re.match(r"\d+", day.group(1)).group(0)) <= 31:  # type: ignore[union-attr]
            when = f"{when} {day.group(1).replace(' ', '')}"
            activity = activity[day.end() :].lstrip(" :：")
            # 'July 4 weekend: 25% off …': the words before the colon still name the date
            if named := re.match(r"(weekend|week|holiday\s+weekend|long\s+weekend)\s*[:：]\s*", activity, re.I):  # fmt: skip
                when, activity = f"{when} {named.group(1)}", activity[named.end() :]
            if day.group(2):  # '(2nd Saturday)' is a note on the date: it ends the activity
                activity = f"{activity} {day.group(2)}"
        # '1월 11일 봄 시즌 캠페인' - '11일' is the day; '3월 18일~21일', '2월 18~21일' a span;
        # '10월 16일·23일' two days of one activity
        ko_day = None if m.span or m.english else re.match(r"(\d{1,2}(?:\s*일)?(?:\s*[~～–·,-]\s*\d{1,2}\s*일)+|\d{1,2}\s*일)\s*[:：,]?\s*", activity)  # fmt: skip
        if ko_day:
            when, activity = f"{when} {ko_day.group(1).replace(' ', '')}", activity[ko_day.end() :]
        # a year right after an English month is its year ('March 2027:'); after a Korean month it
        # belongs to the activity ('8월 2028년 최저임금 확정': next year's minimum wage)
        # ... unless a colon comes first ('December: 2028 bid prep' is next year's bids)
        colon = re.search(r"[:：]\s*$", text[m.start : m.end])
        y = re.match(r",?\s*(?:of\s+)?((?:19|20)\d{2})\s*(?:년)?\s*[:：,-]?\s*", activity) if m.english and not colon else None  # fmt: skip
        if y:
            year, activity = int(y.group(1)), activity[y.end() :].strip(" ,.;:")
        before = re.search(r"((?:19|20)\d{2})\s*년\s*$", text[: m.start])
        if year is None and before:
            year = int(before.group(1))
        owner, cost = "", None
        for paren in list(re.finditer(r"\(([^()]*)\)", activity))[::-1]:
            inside = paren.group(1)
            o = re.search(r"\b(?:owner|lead|담당자?|책임)\s*[:：]?\s*([^,;]+)", inside, re.I)
            money = [q for q in read_quantities(inside) if q.kind == "money" and not _NOT_COST.search(inside)]  # fmt: skip
            if o or money:
                owner = o.group(1).strip(" .") if o else owner
                cost = money[0].value if money else cost
                activity = (activity[: paren.start()] + activity[paren.end() :]).strip(" ,.;:")
                activity = re.sub(r"\s{2,}", " ", activity)
        if cost is None:  # outside brackets only a figure said as the spend ('booth $8K'), never
            # a price or a give-away in the activity ('price change to $195', 'get a $50 gift card')
            money = [q for q in read_quantities(activity) if q.kind == "money" and not _NOT_COST.search(activity[max(0, q.start - 14) : q.end + 12])]  # fmt: skip
            cost = money[0].value if money else None
        # '… gift bundles ($75,000). Everything else is always-on.': the entry is its own sentence
        activity = re.split(r"\s*(?:(?<=[a-z]{3})|(?<=\s)|(?<=\)))[.!?]\s+(?=[A-Z])", activity, maxsplit=1)[0].strip(" ,.;:")  # fmt: skip
        if activity:
            for month in [*waiting, _cap(when) if m.english else when]:
                entries.append(
                    CalendarEntry(when=month, activity=activity, owner=owner, year=year, cost=cost)
                )  # fmt: skip
        waiting = []
    for line in extra:  # '매월 둘째 토요일 양평 모델하우스 설명회(회당 250만 원)'
        c = _CADENCE_LINE.match(line)
        assert c is not None
        entries.append(
            CalendarEntry(when=c.group(0).strip(), activity=line[c.end() :].strip(" ,.;:"))
        )
    return entries


# a line that starts with its cadence ('매월 둘째 토요일 …', 'Every Tuesday: …'), not a date
_CADENCE_LINE = re.compile(
    r"(?:매월|매주|매달|매일|격주)(?:\s*(?:첫째|둘째|셋째|넷째|마지막)\s*[월화수목금토일]요일)?\s*"
    r"|(?:every|each)\s+(?:month|week|(?:first|second|third|fourth|last)\s+\w+day|\w+day)\s*[:：,]?\s*",
    re.I,
)

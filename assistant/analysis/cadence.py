"""Recurring work read from an answer: 'Two webinars and four blog posts a month, one benchmark
report a quarter' or '릴스 주 3편과 레시피 블로그 글 주 2편' become items with a count per period
and a count per year, so a content or training plan can be counted and checked against a goal.
Korean is read with Kiwi (counters, '매달', '분기마다'); a duration ('two-week bootcamp', '1주 입문
교육') is not a cadence."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from assistant.analysis.linking import linker
from assistant.analysis.lists import split_items
from assistant.analysis.plan_analysis import plan_year
from assistant.core.korean import re_hangul, tokens, trim_endings
from assistant.core.plan import Plan

PER_YEAR = {"week": 52, "fortnight": 26, "month": 12, "quarter": 4, "half": 2, "year": 1}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_PERIOD_EN = [
    (r"\bbi-?weekly\b|\bfortnightly\b|\bevery\s+(?:two|2|other)\s+weeks?\b", "fortnight"),
    (r"\b(?:a|per|each|every)\s+week\b|\bweekly\b", "week"),
    (r"\b(?:a|per|each|every)\s+month\b|\bmonthly\b", "month"),
    (r"\b(?:a|per|each|every)\s+quarter\b|\bquarterly\b", "quarter"),
    (
        r"\bsemi-?annual(?:ly)?\b|\bhalf-?yearly\b|\bevery\s+six\s+months\b|\btwice\s+a\s+year\b",
        "half",
    ),
    (r"\b(?:a|per|each|every)\s+year\b|\bannual(?:ly)?\b|\byearly\b", "year"),
]
_ROUTINE = re.compile(r"\baudit|\breview|retro|check-?in|점검|리뷰|회고|감사|분석", re.I)
_COUNTERS = {"편", "회", "건", "개", "번", "권", "차례", "종"}
_KO_PERIOD_NOUN = {
    "주": "week",
    "월": "month",
    "분기": "quarter",
    "반기": "half",
    "연": "year",
    "년": "year",
}
_KO_PERIOD_ADV = {"매주": "week", "격주": "fortnight", "매달": "month", "매월": "month", "매년": "year", "매일": None}  # fmt: skip
_KO_PERIOD_LEAD = {"분기": "quarter", "월간": "month", "주간": "week", "연간": "year", "분기별": "quarter", "월별": "month", "반기": "half", "반기별": "half"}  # fmt: skip
_KO_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}


class Recurring(BaseModel):
    name: str
    count: int = 1  # per period
    period: str | None = None  # week, month, quarter, year; None: once (or as needed)
    routine: bool = False  # a review of the work (an audit), not a piece of it
    counted: bool = False  # the answer gave a number ('two webinars'), not just a name

    @property
    def per_year(self) -> int | None:
        return self.count * PER_YEAR[self.period] if self.period else None


def recurring_items(text: str) -> list[Recurring]:
    """Each item of the answer with its count and period (a fresh copy of the remembered read)."""
    return [i.model_copy() for i in _recurring(text)]


@lru_cache(maxsize=1024)
def _recurring(text: str) -> tuple[Recurring, ...]:
    return tuple(_read_recurring(text))


_CLAUSE_END = re.compile(
    r"(?<!\bincl\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\betc\.)(?<!\bapprox\.)(?<!\bw/o\.)"
    r"(?<=[.!?。])\s+|\n+|;\s*",
    re.I,
)


def _read_recurring(text: str) -> list[Recurring]:
    """Each item of the answer with its count and period; a counted item without a period takes
    the next one's in the same clause ('two webinars and four blog posts a month'), else the one
    before ('매달 웨비나 2회와 사례 연구 1편')."""
    out: list[Recurring] = []
    # a sentence ends at '. ' but not after an abbreviation ('2-wk onboarding incl. ride-alongs')
    for clause in re.split(_CLAUSE_END, text):
        clause = clause.strip(" .")
        if not clause:
            continue
        items = (
            _items_ko(clause) if re_hangul(clause) else [_item_en(i) for i in split_items(clause)]
        )
        items = [i for i in items if i.name]
        for n, item in enumerate(items):
            if item.period is None and item.counted:
                later = next((i for i in items[n + 1 :] if i.period), None)
                earlier = next((i for i in reversed(items[:n]) if i.period), None)
                item.period = (later or earlier or item).period
        out += items
    return out


def _item_en(text: str) -> Recurring:
    t = text.strip(" .")
    period = None
    count, counted = 1, False
    for pattern, name in _PERIOD_EN:
        m = re.search(pattern, t, re.I)
        if m:
            period = name
            # 'Instagram Reels 4 a week featuring new brands': the count right before its period
            before = re.search(r"\s(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:x\s*)?$", t[: m.start()], re.I)  # fmt: skip
            if before and not re.match(r"\s*\d", t[: before.start()][-1:] or "x"):
                said = before.group(1).lower()
                count, counted = (int(said) if said.isdigit() else _NUMBER_WORDS[said]), True
                t = (t[: before.start()] + " " + t[m.end() :]).strip(" ,")
            else:
                t = (t[: m.start()] + t[m.end() :]).strip(" ,")
            break
    m = None if counted else re.match(r"(\d+|[a-z]+)\s+(?!-)", t, re.I)
    if m and (m.group(1).isdigit() or m.group(1).lower() in _NUMBER_WORDS):
        count = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
        counted = m.group(1).lower() not in ("a", "an")
        t = t[m.end() :]
    name = re.sub(r"\s{2,}", " ", t).strip(" ,")
    return Recurring(name=name[:1].upper() + name[1:], count=count, period=period,
                     routine=bool(_ROUTINE.search(name)), counted=counted)  # fmt: skip


def _items_ko(clause: str) -> list[Recurring]:
    """Split at commas, '및' and a joining particle after a counter ('3편과'), then read each
    part's period ('주 3편', '매달', '분기마다') and count from Kiwi's tokens."""
    toks = tokens(clause)
    parts: list[list[Any]] = [[]]
    depth = 0  # a comma inside brackets is the item's own note ('(임플란트 과정, 교정 전후)')
    for i, tok in enumerate(toks):
        depth += tok.form in ("(", "[", "（")
        depth = max(0, depth - (tok.form in (")", "]", "）")))
        after_counter = i > 0 and toks[i - 1].form in _COUNTERS and tok.tag in ("JKB", "JC")
        if depth == 0 and (tok.form in (",", "및") or after_counter or tok.tag == "JC"):
            parts.append([])
            continue
        parts[-1].append(tok)
    return [r for p in parts if p and (r := _item_ko(clause, p)) is not None]


def _item_ko(clause: str, toks: list[Any]) -> Recurring | None:
    period, count, counted = None, 1, False
    by_period: str | None = None  # a period said with 별, used when no other is stated
    drop: set[int] = set()
    particles: set[int] = set()
    depth = 0  # a note in brackets keeps its own counts ('주 3회(공부법 2회, 창업 정보 1회)')
    for i, tok in enumerate(toks):
        form, tag = tok.form, tok.tag
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        depth += form in ("(", "[", "（")
        depth = max(0, depth - (form in (")", "]", "）")))
        if depth or form in (")", "]", "）"):
            continue
        if nxt is not None and nxt.form == "별" and (form in _KO_PERIOD_LEAD or form == "월"):
            # '반기별', '월별' anywhere ('슈퍼바이저 반기별 워크숍'): the cadence unless the item
            # states its own count ('연 2회 분기별 목표 점검 워크숍' runs twice a year)
            by_period = _KO_PERIOD_LEAD.get(form, "month")
            drop |= {i, i + 1}
        elif form in _KO_PERIOD_LEAD and nxt is not None and i == 0 and nxt.tag in ("NNG", "NNP", "SL"):  # fmt: skip
            period = _KO_PERIOD_LEAD[form]  # '분기 리포트', '월간 뉴스레터'
            drop |= {i}
        elif form in _KO_PERIOD_ADV and (tag == "MAG" or form == "격주"):
            period = _KO_PERIOD_ADV[form] or period
            drop.add(i)
        elif (
            form in _KO_PERIOD_NOUN
            and nxt is not None
            and (nxt.tag == "SN" or nxt.form == "마다")
            and not (i > 0 and toks[i - 1].tag == "SN")  # '2027년 3월' is a date, not 'a year'
        ):
            period = _KO_PERIOD_NOUN[form]
            drop |= {i} | ({i + 1} if nxt.form == "마다" else set())
        elif (tag == "SN" or form in _KO_NATIVE) and nxt is not None and nxt.form in _COUNTERS:
            count = int(form) if form.isdigit() else _KO_NATIVE.get(form, 1)
            counted = True
            drop |= {i, i + 1}
        elif tag.startswith("J"):
            particles.add(i)  # '뉴스레터를 발행' -> '뉴스레터 발행'; endings stay ('같은 업종')
    period = period or by_period
    inner_ending = any(
        t.tag.startswith("E") and any(u.tag.startswith(("N", "V", "SL")) for u in toks[i + 1 :])
        for i, t in enumerate(toks)
    )
    if not inner_ending:  # a clause ('콘텐츠가 리드를 만드는지') keeps its particles
        drop |= particles
    keep = [t for i, t in enumerate(toks) if i not in drop]
    # the edges lose their particles and verb endings as a whole ('검증하고' -> '검증'), never
    # a syllable from the middle of a word; a closing verb goes too ('사례를 만듭니다' -> '사례')
    name = _noun_end(_without(clause, toks, drop)) if keep else ""
    # the piece, not the act of making it ("'급여 실태 보고서' 발행" -> "'급여 실태 보고서'")
    name = re.sub(r"(?<=\S)\s+(?:발행|제작|운영|진행|개최|게시|작성|연재|배포)$", "", name)
    name = re.sub(r"(?<=[가-힣A-Za-z])\s+(?=\()", "", name)  # '블로그 주 3회(…)' -> '블로그(…)'
    if not name:
        return None
    return Recurring(name=name, count=count, period=period, routine=bool(_ROUTINE.search(name)),
                     counted=counted)  # fmt: skip


def _without(text: str, toks: list[Any], drop: set[int]) -> str:
    """The item's text as written, minus the dropped tokens (period, count, inner particles)."""
    first, last = toks[0].start, toks[-1].start + toks[-1].len
    cut = sorted((toks[i].start, toks[i].start + toks[i].len) for i in drop)
    out, pos = "", first
    for a, b in cut:
        if a >= pos:
            out += text[pos:a]
            pos = b
    out += text[pos:last]
    return " ".join(out.split())


def _noun_end(text: str) -> str:
    """The name without its closing verb and endings: '고객 사례를 만듭니다' -> '고객 사례',
    '자격을 검증하고' -> '자격을 검증'; a name that is only a verb phrase keeps its verb stem."""
    toks = [t for t in tokens(text) if t.form.strip()]
    edge = ("J", "E", "VCP", "XSV", "SF", "SP", "SO")
    while toks and toks[-1].tag.startswith(edge):
        toks.pop()
    if len(toks) > 1 and toks[-1].tag in ("VV", "VA"):
        nouns = [t for t in toks[:-1] if t.tag in ("NNG", "NNP", "SL", "SN", "XSN")]
        if nouns:
            return trim_endings(text[: nouns[-1].start + nouns[-1].len])
    return trim_endings(text[: toks[-1].start + toks[-1].len]) if toks else ""


_NUMBER = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def counted_means(means: str) -> tuple[int, str] | None:
    """'by publishing four benchmark reports' -> (4, 'benchmark reports'); '보고서 4편으로' ->
    (4, '보고서'): the count of a piece a goal relies on."""
    if re_hangul(means):
        hit = next((i for i in recurring_items(means) if i.counted), None)
        return (hit.count, hit.name) if hit else None
    m = re.search(rf"\b{_NUMBER}\s+([a-z][a-z -]*[a-z])", means, re.I)
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
    return n, m.group(2)


class Shortfall(BaseModel):
    goal: int
    need: int
    name: str
    year: int
    month: int
    by_then: int
    piece: Recurring


def content_shortfalls(plan: Plan, pieces: list[Recurring] | None = None) -> list[Shortfall]:
    """Goals that count on N pieces ('by publishing four benchmark reports') by their deadline,
    when the content plan's cadence publishes fewer by then (counted from January of the plan
    year)."""
    if pieces is None:
        pieces = [
            i for i in recurring_items(plan.user_text("mkt_content_strategy")) if not i.routine
        ]
    year = plan_year(plan)
    link = linker(plan, [p.name for p in pieces])
    out = []
    for n, goal in enumerate(plan.goals, 1):
        f = goal.frame
        need = counted_means(f.means or "") if f is not None else None
        if f is None or need is None or not f.deadline:
            continue
        piece = next((p for p in pieces if p.per_year and link.shared(p.name, need[1])), None)
        if piece is None or piece.per_year is None:
            continue
        d_year, d_month = int(f.deadline[:4]), int(f.deadline[5:7])
        months = 12 * (d_year - year) + d_month
        by_then = piece.per_year * months // 12
        if 0 < months <= 12 and by_then < need[0]:
            out.append(Shortfall(goal=n, need=need[0], name=need[1], year=d_year, month=d_month,
                                 by_then=by_then, piece=piece))  # fmt: skip
    return out


def _say(ko: bool, en: str, kr: str) -> str:
    return kr if ko else en


# a piece the team publishes is counted in 건 ('분기마다 고객 사례 2건'); a session it runs in 회
_KO_DOCUMENT = re.compile(
    r"(?:사례|보고서|리포트|백서|가이드북|케이스\s*스터디|뉴스레터|e북|전자책|기사|영상|자료)['\"’”]?$"
)


def ko_counter(name: str) -> str:
    return "건" if _KO_DOCUMENT.search(name.strip()) else "회"


def cadence_text(
    count: int, period: str | None, ko: bool, per_hire: bool = False, name: str = ""
) -> str:
    """'2 a month' / '월 2회' ('분기 2건' for a piece published, named by `name`)."""
    if period is None:
        return (
            _say(ko, "once per hire", "입사 시 1회")
            if per_hire
            else _say(ko, "as needed", "필요할 때")
        )
    kr = {"week": "주", "month": "월", "quarter": "분기", "half": "반기", "year": "연"}.get(
        period, ""
    )
    unit = ko_counter(name) if name else "회"
    if period == "fortnight":
        return _say(ko, f"{count} every two weeks" if count > 1 else "every two weeks", "격주")
    if period == "half":
        return _say(
            ko,
            f"{count} every six months" if count > 1 else "every six months",
            f"반기 {count}{unit}",
        )
    return _say(
        ko, f"{count} a {period}" if count > 1 else f"every {period}", f"{kr} {count}{unit}"
    )

"""Lists and labelled parts read from the user's answers, once, for every view: competitors, the
4P decisions, team roles with headcount, territories with sellers and share. The plan's tables
(compose) and the JSON contract both read these, so they never disagree."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis.team_roles import team_roles, with_count
from assistant.core.plan import Plan

__all__ = [
    "team_roles",
    "with_count",
]  # the team is read in team_roles; its readers import it here too

_SEPARATOR = re.compile(r",|;|、|\band\b|및|그리고")
_IN_NUMBER = re.compile(r"\d,\d{3}(?!\d)")
_IN_PHRASE = re.compile(
    r"\b(?:on|in|at|for|with|from|of|to|across|between)\s+(?:\w+\s+){0,2}\w+\s*$", re.I
)


# a comma inside an English date ('September 30, 2027', 'Sep 30, 2027') is no separator
_IN_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*\d{4}\b$",
    re.I,
)


def split_items(text: str) -> list[str]:
    """A list's items: split at commas, semicolons and 'and'/'및' outside brackets, so
    'Acme (enterprise, expensive), Beta' is two items and the note stays with Acme."""
    items, depth, start = [], 0, 0
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char in "([{（":
            depth += 1
        elif char in ")]}）":
            depth = max(0, depth - 1)
        elif (
            depth == 0
            and (m := _SEPARATOR.match(text, pos))
            and m.end() > pos
            and not _IN_NUMBER.match(text, max(0, pos - 1))  # '$600,000' is one number
            and not _IN_DATE.search(text[max(0, pos - 16) : pos + 6])  # 'September 30, 2027'
            # 'players on big campuses and hospitals': an 'and' inside a phrase joins its nouns
            and not (m.group(0) == "and" and _IN_PHRASE.search(text[start:pos]))
        ):
            items.append(text[start:pos])
            start = pos = m.end()
            continue
        pos += 1
    items.append(text[start:])
    return [i.strip() for i in items if i.strip()]


def labelled(text: str, labels: dict[str, str]) -> tuple[dict[str, str], str]:
    """Split 'Strengths: a. Weaknesses: b.' into {key: text}; returns the unlabelled rest too. A
    label may also be a sentence's topic ('우리 강점은 2주 도입입니다', 'Our main weakness is
    brand awareness.'): its part is that sentence, and what follows the sentence stays in the
    rest. Remembered: every view of a render reads the same answers."""
    found, rest = _labelled(text, tuple(labels.items()))
    return dict(found), rest


@lru_cache(maxsize=512)
def _labelled(text: str, items: tuple[tuple[str, str], ...]) -> tuple[tuple[tuple[str, str], ...], str]:  # fmt: skip
    labels = dict(items)
    pattern = re.compile(
        # a modifier before a label belongs to it: "주요 경쟁사:", "Main competitors:"
        r"(?:^|(?<=[\s.;,(]))(?:(?:main|key|major|top|our|주요|핵심|대표|우리|저희)\s*)?(?P<label>"
        + "|".join(f"(?P<{k}>{v})" for k, v in labels.items())
        + r")\s*[:：]",
        re.I,
    )
    marks = [
        (m.start(), m.end(), next(k for k in labels if m.group(k)), False)
        for m in pattern.finditer(text)
    ]
    marks += [(a, b, k, True) for a, b, k in _topic_marks(text, labels)]
    marks = sorted(m for m in marks if not any(o[0] <= m[0] < o[1] for o in marks if o != m))
    found: dict[str, str] = {}
    rest = [text[: marks[0][0]] if marks else text]
    for i, (_start, end, key, topic) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        part = text[end:stop]
        if topic:
            part, after = _topic_part(part)
            rest.append(after)
        found[key] = (found.get(key, "") + " " + part).strip()
    return tuple(found.items()), " ".join(r.strip() for r in rest if r.strip())


def _topic_marks(text: str, labels: dict[str, str]) -> list[tuple[int, int, str]]:
    """Labels written as a sentence's topic, in Korean (read by Kiwi) or English ('Our
    strengths are', 'The biggest threat is')."""
    rules = {k: re.compile(rf"(?:{v})", re.I) for k, v in labels.items()}
    # as a topic, only a word for the rivals themselves names them ('Competition is fierce' does not)
    if "c" in rules:
        rules["c"] = re.compile(r"competitors?|경쟁\s*(?:사|업체|자)", re.I)
    label_of = lambda noun: next((k for k, r in rules.items() if r.fullmatch(noun)), None)  # noqa: E731
    if re.search(r"[가-힣]", text):
        from assistant.core.korean_topics import topic_labels

        return topic_labels(text, label_of)
    english = re.compile(
        r"(?:^|(?<=[.;!?]\s))(?:(?:the|our)\s+)?(?:(?:main|key|biggest|major|top|chief|greatest|only)\s+)?"
        r"(?P<label>" + "|".join(f"(?:{v})" for v in labels.values()) + r")"
        r"\s+(?:is|are|include|includes|lies\s+in|lie\s+in)\s+",
        re.I,
    )
    return [
        (m.start(), m.end(), key)
        for m in english.finditer(text)
        if (key := label_of(m.group("label")))
    ]


def _topic_part(text: str) -> tuple[str, str]:
    """A topic label's sentence, and the text after it."""
    if re.search(r"[가-힣]", text):
        from assistant.core.korean_topics import topic_part

        return topic_part(text)
    m = re.search(r"(?<=[\w)%])\.(?=\s|$)", text)
    return (text[: m.end()], text[m.end() :].strip()) if m else (text.strip(), "")


SWOT_LABELS = {
    "s": r"strengths?|강점", "w": r"weakness(?:es)?|약점", "o": r"opportunit(?:y|ies)|기회",
    "t": r"threats?|위협", "c": r"competitors?|competition|competitive\s+landscape|경쟁사|경쟁\s*업체|경쟁\s*환경|경쟁\s*현황|경쟁",
}  # fmt: skip


FOUR_P = {"product": r"products?|제품|상품", "price": r"price|pricing|가격", "place": r"place|distribution|유통|장소|판매\s*채널", "promotion": r"promotion|판촉|프로모션|촉진|홍보"}  # fmt: skip


_RIVALS_EN = re.compile(
    r"(?:(?:competitors?|competition|rivals?|alternatives)\s+(?:include|includes|are|is|such\s+as)|compete\s+(?:with|against)|up\s+against)"
    r"\s+(?P<names>[^;\n]+?)(?=\s+(?:in|on|for|when|because|across|today|most|every)\s|\.(?:\s|$)|[;\n]|$)",
    re.I,
)
_RIVALS_KO = re.compile(
    r"경쟁(?:사|업체|자|브랜드)(?:로는|는|은|로|에는)\s*(?P<names>[^.\n]+?)\s*(?:등이|등|가|이)?\s*(?:있습니다|있다|있음|있어요|입니다|이다|꼽힙니다)"
    r"|(?P<names2>[^.\n]+?)(?:와|과)\s*(?:주로\s*)?경쟁(?:합니다|한다|하고)"
)


def competitor_list(plan: Plan) -> list[str]:
    """The competitors the market answer names (a bracketed note stays with its item), or the
    list the user gave as a correction."""
    fixed = plan.fact("competitors")
    if fixed is not None and fixed.corrected and isinstance(fixed.value, list):
        return list(fixed.value)
    text = plan.user_text("mkt_market_analysis")
    parts, _ = labelled(text, SWOT_LABELS)
    if not parts.get("c") and (said := _RIVALS_EN.search(text) or _RIVALS_KO.search(text)):
        found = said.groupdict()
        parts = {
            "c": found.get("names") or found.get("names2") or ""
        }  # 'Key competitors include A, B and C.'
    c = parts.get("c", "")
    lines = c.split("\n")
    if lines[0].strip() and not re.match(r"\s*[-*•·▪]\s", lines[0]):
        c = lines[0]  # 'Competitors: A, B' ends with its line
    else:  # 'Competitors:' then one per line: the list ends where the lines stop being items
        items: list[str] = []
        for line in lines:
            bare = line.strip()
            if not bare:
                if items:
                    break
                continue
            if not (
                re.match(r"[-*•·▪]\s", bare)
                or (len(bare) <= 40 and not re.search(r"[.!?]$|다\.?$", bare))
            ):
                break
            items.append(bare)
        c = "\n".join(items)
    parts = {**parts, "c": c}
    if numbered := _numbered_items(c):  # '① A — note, ② B …', '(1) A - note; (2) B, the …'
        return numbered
    # the list ends with its sentence: 'Competitors: A and B. Monthly churn is 2%.' names two
    # ... but an abbreviation's full stop is no sentence end ('C.H. Robinson', 'Acme Inc. and …')
    named = re.split(
        r"(?<=[\w)])(?<!\b[A-Z]\.[A-Z])(?<!\bvs)(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bSt)\.\s+(?=[A-Z가-힣])|(?<=다)\.\s*|;\s*",
        parts.get("c", "").strip(),
        maxsplit=1,
    )[0]
    if plan.language != "ko":  # 'Motion Industries on bearings and power transmission': a note
        named = re.sub(
            r"\b([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)\s+(?:on|for|in)\s+([^,;()]+?)(?=,|;|$|\s+and\s+[A-Z])",
            r"\1 (\2)",
            named.strip().rstrip("."),
        )
    return [c for c in list_items(named, plan.language) if c]


_ENUM = re.compile(r"(?:^|(?<=[\s,;:]))(?:[①-⑩]|\(\d{1,2}\)|\d{1,2}\))\s*")


def _numbered_items(text: str) -> list[str]:
    """A numbered list of rivals, each with its note after a dash: the names only ('대형 건설사
    모듈러 브랜드(자이가이스트 등)', 'Spiffy'); [] when the text is not numbered."""
    marks = list(_ENUM.finditer(text))
    if len(marks) < 2:
        return []
    out: list[str] = []
    for i, m in enumerate(marks):
        seg = text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)]
        if i == len(marks) - 1:  # the list ends with its sentence
            seg = re.split(r"(?<=[\w)'’])\.\s+(?=[A-Z가-힣])|(?<=다)\.\s*|\n", seg, maxsplit=1)[0]
        name = re.split(r"\s+[—–-]\s+|\s*[:：]\s+|,\s+(?=(?:the|a|an)\s)", seg, maxsplit=1)[0]
        if name := name.strip(" ,;.·"):
            out.append(name)
    return out


def list_items(text: str, lang: str) -> list[str]:
    """A list's items; Korean is split and cleaned of particles by Kiwi ('스타벅스와 이디야입니다'
    -> ['스타벅스', '이디야']), English at commas and 'and' outside brackets; a bulleted list at
    its lines."""
    lines = [ln.strip(" -*•·\t") for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if len(lines) > 1:
        return [item for ln in lines for item in list_items(ln, lang)]
    text = lines[0] if lines else ""
    hangul = len(re.findall(r"[가-힣]", text))
    # Korean words are read as Korean whatever the plan's language (a Korean answer in an English chat)
    if hangul and (lang == "ko" or hangul >= len(re.findall(r"[A-Za-z]", text))):
        from assistant.core.korean import split_list, strip_particles

        return [strip_particles(i).strip(" .") for i in split_list(text)]
    return [c.strip(" .") for c in split_items(text) if c.strip(" .")]


def mix_4p(plan: Plan) -> dict[str, str]:
    """The 4P decisions as stated ('' for a P the answer does not give)."""
    parts, _ = labelled(plan.user_text("mkt_mix_4p"), FOUR_P)
    return {k: parts.get(k, "").strip().rstrip(" .") for k in FOUR_P}


# the words that name a partner or referral channel, and a first-touch (SDR) role: one pattern
# each, used wherever the plan asks who refers buyers or who qualifies leads
REFERRAL = re.compile(
    r"partner|referr|agenc|reseller|affiliate|파트너|추천|제휴|대리점|대행사", re.I
)
FIRST_TOUCH = re.compile(
    r"\bsdrs?\b|\bbdrs?\b|development|inside\s*sales|인사이드\s*세일즈|인사이드", re.I
)

_PRIORITY_EN = re.compile(r"(?:starting|beginning|first|initially|led)\s+(?:with|by|in)\s+(?P<p>[^.;]+)", re.I)  # fmt: skip


def first_segment(text: str, ko: bool) -> str:
    """The segment a target market starts with ('starting with apparel and specialty food',
    '교대 근무가 있는 제조업과 유통업부터'); '' when it names none."""
    from assistant.core.korean import tokens, trim_endings

    if not ko:
        m = _PRIORITY_EN.search(text)
        return m.group("p").strip(" .") if m else ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        toks = tokens(sentence)
        for i, t in enumerate(toks):
            # '우선 공략은 경남 창원 산업단지': the priority named after its topic marker
            if t.form in ("우선", "먼저") and i + 2 < len(toks) and toks[i + 1].form in ("공략", "대상", "타깃", "목표") and toks[i + 2].tag == "JX":  # fmt: skip
                after = sentence[toks[i + 2].start + toks[i + 2].len :]
                return trim_endings(re.split(r"[,.;]", after, maxsplit=1)[0].strip())
            if t.form == "부터" and t.tag.startswith("J") or (t.form in ("우선", "먼저") and t.tag == "MAG" and i > 0):  # fmt: skip
                start = max((x.start + x.len for x in toks[:i] if x.form == ","), default=0)
                return trim_endings(sentence[start : t.start])
    return ""


def sales_lead(plan: Plan, ko: bool) -> str:
    """The role the others report to ('VP Sales'), else the sales team."""
    roles = team_roles(plan)
    named = [str(r.get("reports_to") or "") for r in roles]
    top = max((r for r in roles if not r.get("quota_carrying")), key=lambda r: named.count(str(r["role"])), default=None)  # fmt: skip
    if top is not None and named.count(str(top["role"])):
        return str(top["role"])
    return "영업팀" if ko else "the sales team"

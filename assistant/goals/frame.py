"""Read a goal once into its frame: metric, KPI, baseline, target (level or change), deadline, means."""

from __future__ import annotations

import functools
import re
from datetime import date

from assistant.core.facts import Amount, GoalFrame, Target
from assistant.core.lang import detect_language
from assistant.goals.dates import read_deadline
from assistant.goals.numbers import Quantity, masked, read_quantities

_FROM_TO_GAP_EN = re.compile(
    r"^\s*(?:[A-Za-z][\w/-]*\s+){0,2}?(?:a\s+(?:month|week|year|quarter)\s+|per\s+\w+\s+)?(?:(?:in|for)\s+(?:fy\s*|fiscal\s+)?(?:19|20)\d{2}\s+)?(?:to|→|->|–>|up\s+to|down\s+to)\s*$",
    re.I,
)
_FROM_BEFORE_EN = re.compile(
    r"(?:\bfrom|\bup from|\bdown from)\s*(?:about|around|roughly|approximately|an?\s+average\s+of|the\s+current)?\s*$",
    re.I,
)
_FROM_TO_GAP_KO = re.compile(
    r"^\s*(?:에서|부터|→|->)\s*"
    # '87.5%에서 2027년 4분기 90%로': the target's date may stand before it
    r"(?:(?:19|20)\d{2}\s*년\s*(?:(?:상|하)반기|\d{1,2}\s*(?:월|분기))?\s*(?:말\s*)?(?:까지\s*)?(?:에\s*)?)?"
    r"(?:약\s*)?(?:(?:월|연|주|일|매월|매달|매주|하루|일평균)\s*)?$"
)  # '월 120건에서 월 200건으로': the second figure keeps its period word
_KO_TO_AFTER = re.compile(r"^\s*(?:으로|로|까지)")
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:currently|today|now|baseline(?:\s+(?:of|is))?|this\s+year'?s?|last\s+year'?s?|vs\.?|versus|"
    r"compared\s+(?:to|with)|up\s+from|down\s+from)\s*:?\s*(?:at\s+|about\s+|around\s+)?$)"
    r"|(?:\b(?:currently|today|right\s+now|at\s+present|at\s+the\s+moment)\b[^;.!?\d]{0,40}$)"
    r"|(?:(?:현재|기준값|기존|작년|지난해|올해)\s*(?:은|는|이|가)?\s*(?:[^\s\d]+\s+){0,2}(?:약\s*)?$)"
    # last year's figure in brackets after the goal: '(2026년 1,500건)', '(2026: 520)'
    r"|(?:[(（]\s*(?:in\s+)?(?:19|20)\d{2}\s*(?:년(?:에는|은|는)?|실적|:)?\s*(?:실적\s*)?$)",
    re.I,
)
# last year's figure in brackets, year after it: '(1,400 in 2026)', '(1,400 last year)'
_BASELINE_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:in|for|during)\s+(?:19|20)\d{2}\s*[)）]|\s*(?:[a-z]+\s+)?(?:last|this)\s+year\s*[)）]",
    re.I,
)
_CHANGE_VERB_EN = re.compile(
    r"\b(?:increas|grow|rais|boost|lift|improv|reduc|cut|lower|decreas|drop|expand|shrink|slash|"
    r"accelerat|add|gain)\w*\b",
    re.I,
)
_NOT_A_NOUN = {
    "by", "in", "on", "at", "for", "to", "from", "through", "with", "and", "or", "of", "before",
    "until", "till", "via", "within", "during", "per", "each", "every", "up", "down", "is", "are",
}  # fmt: skip
_BY_BEFORE = re.compile(r"\bby\s+(?:about|around|roughly|at\s+least|over|more\s+than)?\s*$", re.I)
_LEVEL_BEFORE_EN = re.compile(
    r"\b(?:to|at|reach(?:ing)?|hit(?:ting)?|below|under|above|over|at\s+least|at\s+most|of|"
    r"maintain|keep|stay|total(?:ling)?|achieve|exceed|than)\s*(?:about|around|roughly)?\s*$",
    re.I,
)
_ADD_BEFORE_EN = re.compile(
    r"\b(?:add(?:ing)?|gain(?:ing)?|another|an\s+additional|an\s+extra)\s+(?:about\s+|around\s+)?$",
    re.I,
)
_MORE_AFTER_EN = re.compile(r"^\s*(?:more|additional|extra|net\s+new)\b", re.I)
_CHANGE_AFTER_KO = re.compile(
    r"^\s*(?:을|를|만큼|이상|가량|정도|\s)*\s*(?:더\s|추가|늘|높|올리|올린|증가|성장|줄|낮추|낮춘|감소|개선|향상|확대|추가|끌어올)"
)
_CHANGE_BEFORE_KO = re.compile(r"(?:대비|보다|추가로|추가\s*)\s*$")
_EN_VERB_START = re.compile(
    r"^(?:increase|grow|raise|boost|lift|improve|reduce|cut|lower|decrease|drop|expand|generate|"
    r"sign|close|win|reach|achieve|hit|get|acquire|add|gain|keep|maintain|make|book|secure|attract|"
    r"deliver|double|triple|halve|sell|land|convert|launch|recruit|hire|onboard|retain|bring|drive|"
    r"earn|capture|build|publish|host|run|hold|create)\w*\s+",
    re.I,
)
_MEANS_EN = re.compile(
    r"\b(?:through(?!\s+(?:(?:19|20)\d{2}|the\s+end|end|q[1-4]|h[12]|fy|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|via|using|leveraging|thanks\s+to|by\s+means\s+of|with\s+(?:a|an|the|our|two|three|"
    r"four|five|\d+|new|dedicated)\b|by\s+(?!the\s+end\b)[a-z]+ing\b)",
    re.I,
)


_ACTIVITY_START_EN = re.compile(
    r"^(?:run|host|hold|publish|post|send|email|hire|recruit|launch|attend|create|produce|write|"
    r"make|open|train|organi[sz]e|sponsor|exhibit|call|visit|ship|release|onboard|assign)\b",
    re.I,
)
_OUTCOME_START_EN = re.compile(
    r"^(?:book|generate|reach|get|achieve|hit|secure|win|close|sign|acquire|attract|deliver|drive|"
    r"add|gain|convert|land|earn|capture|bring\s+in|source|collect)\b",
    re.I,
)
_PURPOSE_EN = re.compile(
    r"\b(?:to|in\s+order\s+to|so\s+that\s+we\s+can|so\s+as\s+to)\s+(?:increase|grow|boost|improve|drive|"
    r"raise|reduce|lower|cut|generate|get|build|win|lift|add|expand|attract|retain|capture|create|"
    r"support|accelerate|reach|hit|secure|book|close|sign|convert|land|earn|deliver|achieve)\b",
    re.I,
)


def _paren_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\([^)]*\)|（[^）]*）", text)]


def _inside(q: Quantity, spans: list[tuple[int, int]]) -> bool:
    return any(a <= q.start < b for a, b in spans)


def _amount(q: Quantity, source: str = "goal") -> Amount:
    return Amount(value=q.value, unit=q.unit, source=source)


def _means(text: str, lang: str) -> tuple[str | None, int]:
    """The means clause ('through a partner portal', '웨비나를 통해') and where it starts."""
    paren = re.search(r"\(([^)]+)\)|（([^）]+)）", text)
    if lang == "ko":
        return _means_ko(text)
    m = _MEANS_EN.search(text)
    if m:
        clause = re.split(r"[.;]", text[m.start() :])[0].strip()
        return clause, m.start()
    if paren:
        return (paren.group(1) or paren.group(2)).strip(), len(text)
    return None, len(text)


def _kind(text: str, q: Quantity, lang: str) -> str:
    before, after = text[: q.start], text[q.end :]
    if q.kind == "multiple":
        return "change"
    if lang == "ko":
        if _KO_TO_AFTER.match(after):
            return "level"
        if _CHANGE_BEFORE_KO.search(before) or _CHANGE_AFTER_KO.match(after):
            return "change"
        return "level"
    if _BY_BEFORE.search(before) and _CHANGE_VERB_EN.search(before):
        return "change"
    if _ADD_BEFORE_EN.search(before) or _MORE_AFTER_EN.match(after):
        return "change"
    if re.match(
        r"^\s*(?:growth|increase|more|higher|lower|less|decrease|reduction|uplift|up|down)\b",
        after,
        re.I,
    ):
        return "change"
    if (
        q.kind in ("percent", "points")
        and _CHANGE_VERB_EN.search(before)
        and not _LEVEL_BEFORE_EN.search(before)
    ):
        return "change"
    return "level"


def _from_to(text: str, found: list[Quantity], lang: str) -> tuple[Quantity, Quantity] | None:
    for a, b in zip(found, found[1:], strict=False):
        gap = text[a.end : b.start]
        if (lang == "ko" or re.search(r"[가-힣]", gap)) and _FROM_TO_GAP_KO.match(gap):
            return a, b
        if _FROM_TO_GAP_EN.match(gap) and (
            _FROM_BEFORE_EN.search(text[: a.start]) or a.kind == b.kind
        ):
            return a, b
    return None


def _words_after(clean: str, q: Quantity) -> str:
    words = re.match(r"\s*((?:[A-Za-z][\w'/-]*\s*){1,5})", clean[q.end :])
    phrase = words.group(1) if words else ""
    phrase = re.split(r"(?<=[a-z]s)\s+(?=[a-z]+ing\b)", phrase, maxsplit=1)[
        0
    ]  # 'clients billing …'
    cut = re.split(
        r"\b(?:by|through|in|per|from|to|with|for|via|using|within|before|until|across|on|at|we|and)\b",
        phrase,
        flags=re.I,
    )[0]
    return " ".join(cut.split())


def _metric_en(
    text: str, target: Quantity | None, base: Quantity | None, loose_base: Quantity | None = None
) -> str:
    clean = masked(text)
    if target is not None and not target.unit and loose_base is not None:
        # "Currently at 9,000 monthly active users, we want to hit 15,000"
        after = _words_after(clean, loose_base)
        if after:
            return after
    if base is not None:  # "Increase organic website traffic from 40,000 to 60,000"
        head = clean[: base.start]
        head = re.sub(
            r"\b(?:up\s+|down\s+)?from(?:\s+(?:about|around|roughly|approximately|nearly))?\s*~?\s*$",
            "",
            head.rstrip(),
            flags=re.I,
        )
    elif target is not None and target.unit and target.kind == "count":
        # "Generate 900 marketing-qualified leads": the words after the number
        tail = clean[target.end :]
        words = re.match(r"\s*((?:[A-Za-z][\w'/-]*\s*){1,5})", tail)
        phrase = words.group(1) if words else ""
        phrase = re.split(r"(?<=[a-z]s)\s+(?=[a-z]+ing\b)", phrase, maxsplit=1)[
            0
        ]  # 'clients billing …'
        cut = re.split(
            r"\b(?:by|through|in|per|from|to|with|for|via|using|within|before|until|across|on|at)\b",
            phrase,
            flags=re.I,
        )[0]
        if cut.strip():
            return " ".join(cut.split())
        head = clean[: target.start]
    elif target is not None:
        head = clean[: target.start]
        after = clean[target.end :]
        in_what = re.match(r"\s*(?:in|of)\s+((?:[A-Za-z][\w'-]*\s*){1,4})", after)
        if in_what and not re.search(r"\b(?:by|to)\s*$", head):
            return " ".join(
                re.split(r"\b(?:by|through|with|via|from)\b", in_what.group(1))[0].split()
            )
        head = re.sub(
            r"\b(?:by|to|at|below|under|above|over|reach(?:ing)?|of|at\s+least|at\s+most|at\s+or\s+(?:below|under|above|over)|no\s+(?:more|higher|less|lower)\s+than)\s*$",
            "",
            head.rstrip(),
            flags=re.I,
        )
    else:
        head = re.split(r"\b(?:by|through|in|with|via|before|until)\b", clean, flags=re.I)[0]
    head = " ".join(w for w in head.split() if not re.search(r"\d", w))
    head = _EN_VERB_START.sub("", head.strip())
    head = re.sub(r"^(?:the|our|an?)\s+", "", head.strip(), flags=re.I)
    return " ".join(head.split()).strip(" ,.;:")


_KO_BREAK_END = re.compile(
    r"(?:까지|에|에서|통해|하여|해서|해|려|로|으로|대비|보다|부터|위해|위한|한다|합니다|[.。])$"
)
_KO_DATE_WORD = re.compile(
    r"^(?:상반기|하반기|연말|연내|올해|내년|금년|분기|말|초|현재|기존|작년|지난해)(?:에|의|까지|는|은)?$"
)


def _ko_tokens(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in re.finditer(r"[^\s()（）]+", text)]


def _is_break_ko(tok: str) -> bool:
    bare = tok.rstrip(".,")
    return bool(
        re.match(r"^(?:원|명|건|곳|개|%)(?:인|이|의|을|를|에서|으로|로)?$", bare)
        or (re.search(r"\d", bare) and not re.search(r"[A-Za-z]", bare))
        or _KO_BREAK_END.search(bare)
        or _KO_DATE_WORD.match(bare)
    )


_KO_BOUND = frozenset({"중", "내", "가운데", "대비"})  # a metric never starts with one of these


def _metric_ko(text: str, anchor: Quantity | None) -> str:
    """The object before the number: '월 방문자' in '월 방문자를 2만 명에서 …'."""
    head = text[: anchor.start] if anchor else text
    # '(로고 기준)' qualifies the metric; its particle stays with the word ('이탈률(…)을' -> '이탈률을')
    head = re.sub(r"[(（][^()（）]*[)）]", "", head)
    tokens = [t for t, _ in _ko_tokens(head)]
    # '가입을 월 120건', '참석 가구를 월 평균 25가구에서': the period words belong to the figure
    while tokens and tokens[-1] in (
        "월",
        "주",
        "연",
        "일",
        "매월",
        "매달",
        "매주",
        "하루",
        "일평균",
        "평균",
        "월평균",
        "연평균",
        "주평균",
        "연간",
        "월간",
    ):
        tokens = tokens[:-1]
    picked: list[str] = []
    back = list(reversed(tokens if anchor else []))
    for i, tok in enumerate(back):
        if _is_break_ko(tok) or (i > 0 and re.search(r"(?:을|를)$", tok)):
            break
        picked.insert(0, tok)
        # '월 견적 요청 중 온라인 비중': a phrase joined by a bound noun ('중', '내') reaches back
        # to what it is part of, never cut at or just after '중'
        joined = _KO_BOUND.intersection(picked) or (i + 1 < len(back) and back[i + 1] in _KO_BOUND)
        if len(picked) >= 3 and not (joined and len(picked) < 6):
            break
    if not picked:  # '매출을 전년 대비 30% 늘린다': fall back to the object marked with 을/를
        for j in range(len(tokens) - 1, -1, -1):
            if re.search(r"(?:을|를)$", tokens[j]) and not re.search(r"\d", tokens[j]):
                picked = [tokens[j]]
                for tok in reversed(tokens[max(0, j - 2) : j]):
                    if _is_break_ko(tok):
                        break
                    picked.insert(0, tok)
                break
    if picked:  # Kiwi drops the particle ('방문자를' -> '방문자') and keeps '문의' whole
        from assistant.core.korean import trim_endings

        picked[-1] = trim_endings(picked[-1].rstrip(".,")) or picked[-1].rstrip(".,")
    return " ".join(p for p in picked if p).strip()


def _means_ko(text: str) -> tuple[str | None, int]:
    """'웨비나를 통해', '블로그 콘텐츠를 늘려', '대리점 확대로', or a parenthesised '(세미나 개최)'."""
    tokens = _ko_tokens(text)
    for i, (tok, _at) in enumerate(tokens):
        bare = tok.rstrip(".,")
        means_end = re.search(r"(?:통해|통하여|하여|해서|함으로써|해|려|하고|으로써)$", bare) or (
            re.search(r"(?:로|으로)$", bare)
            and not re.search(r"\d|(?:원|명|건|곳|개|배|%)(?:으로|로)$", bare)
            and i + 1 < len(tokens)
        )
        if not means_end or bare in ("해",):
            continue
        begin = i
        limit = 1 if re.search(r"(?:통해|통하여)$", bare) else 3
        for j in range(i - 1, max(-1, i - 1 - limit), -1):
            prev = tokens[j][0]
            if _is_break_ko(prev) and not re.search(r"\d+\s*(?:명|곳|개|건)(?:을|를)$", prev):
                break
            if re.search(r"(?:다|요)[.]?$", prev):
                break
            begin = j
        if begin == i and re.search(r"(?:해|려|하고)$", bare):
            continue  # a bare verb ending is not a means
        return " ".join(t for t, _ in tokens[begin : i + 1]), tokens[begin][1]
    paren = re.search(r"\(([^)]+)\)|（([^）]+)）", text)
    if paren:
        return (paren.group(1) or paren.group(2)).strip(), len(text)
    return None, len(text)


def read_goal_frame(
    text: str,
    lang: str | None = None,
    start: date | None = None,
    fiscal_start_month: int = 1,
    kpi: str | None = None,
) -> GoalFrame:
    """The goal's frame. `start` is the plan's start (for 'next quarter'); `kpi` the chosen KPI.
    Every goal is re-read after each answer, so frames are remembered per input (and per day, for
    relative dates); callers get their own copy to change."""
    found = _read_goal_frame(text, lang, start, fiscal_start_month, kpi, date.today())
    return found.model_copy(deep=True)


@functools.lru_cache(maxsize=4096)
def _read_goal_frame(
    text: str,
    lang: str | None,
    start: date | None,
    fiscal_start_month: int,
    kpi: str | None,
    _today: date,
) -> GoalFrame:
    goal = " ".join(text.split())
    goal = re.sub(r"\[[^\]]+\]", " ", goal)  # placeholders are not values
    language = lang or detect_language(goal)
    found = read_quantities(goal)
    parens = _paren_spans(goal)
    means, means_at = _means(goal, language)
    deadline = read_deadline(goal, start, fiscal_start_month)
    base_q: Quantity | None = None
    target_q: Quantity | None = None
    pair = _from_to(goal, [q for q in found if not q.cadence and not q.is_range], language)
    if (
        pair is None
    ):  # a rate per period moved from one level to another ('월 120건에서 월 200건으로')
        pair = _from_to(goal, [q for q in found if q.cadence and not q.is_range], language)
    if pair is None:  # '월 25건에서 45건으로': the rate's period said once, before the first
        pair = _from_to(goal, [q for q in found if not q.is_range], language)
        pair = pair if pair and pair[0].cadence and _a_month(goal, pair[0]) else None
    kind = "level"
    if pair:
        base_q, target_q = pair
        if not target_q.unit or (target_q.kind == "count" and base_q.kind != "count"):
            target_q = target_q.model_copy(update={"unit": base_q.unit, "kind": base_q.kind})
        if not base_q.unit:
            base_q = base_q.model_copy(update={"unit": target_q.unit, "kind": target_q.kind})
    else:
        for q in found:
            if not q.cadence and (
                _BASELINE_BEFORE.search(goal[: q.start])
                or _BASELINE_AFTER.match(goal[q.end :])
                and re.search(r"[(（]\s*$", goal[: q.start])
            ):
                base_q = q
                break
        candidates = [
            q
            for q in found
            if q is not base_q
            and not q.cadence
            and not q.is_range
            and not _inside(q, parens)
            and (language == "ko" or q.start < means_at)
        ]
        if not candidates:
            candidates = [q for q in found if q is not base_q and not q.cadence and not q.is_range]
        if not candidates and language != "ko" and _OUTCOME_START_EN.match(goal):
            # "Book 40 demos per month": a rate is the target when it is what the goal is after
            candidates = [q for q in found if q is not base_q and not q.is_range]
        activity = language != "ko" and _ACTIVITY_START_EN.match(goal)
        purpose = _PURPOSE_EN.search(goal) if activity else None
        if purpose is not None:
            # "Run 2 webinars per month to add €300k": the activity's numbers are the means
            candidates = [q for q in candidates if q.start > purpose.start()]
        if len(candidates) > 1 and any(q.kind != "multiple" for q in candidates):
            # "Double our pipeline to €3.6M": the stated level wins over the multiplier word
            words = [q for q in candidates if q.kind == "multiple" and not re.search(r"\d", q.text)]
            candidates = [q for q in candidates if q not in words] or candidates
        if candidates:
            target_q = candidates[-1] if language == "ko" else candidates[0]
            kind = _kind(goal, target_q, language)
    anchor = base_q if pair else (target_q or base_q)
    metric = (
        _metric_ko(goal, anchor)
        if language == "ko"
        else _metric_en(goal, target_q, base_q if pair else None, None if pair else base_q)
    )
    if (
        target_q is not None
        and base_q is not None
        and not target_q.unit
        and base_q.kind == target_q.kind
    ):
        target_q = target_q.model_copy(update={"unit": base_q.unit})
    if (  # last year's count in brackets is of the same thing as the target ('(62 last year)')
        target_q is not None
        and base_q is not None
        and base_q.kind == target_q.kind == "count"
        and base_q.unit in ("", "year", "years")
    ):
        base_q = base_q.model_copy(update={"unit": target_q.unit})
    bracketed = re.search(re.escape(metric) + r"\s*\([^)]*\)\s+([a-z][a-z-]+)", goal) if metric and language != "ko" else None  # fmt: skip
    if bracketed and bracketed.group(1).lower() in _NOT_A_NOUN:
        bracketed = None
    if bracketed and target_q is not None and target_q.kind == "count":
        # 'vendor-managed inventory (VMI) programs': the count is of programs, not 'inventory'
        metric = f"{metric} {bracketed.group(1)}"
        if target_q.unit in ("", metric.split()[-2]):
            target_q = target_q.model_copy(update={"unit": bracketed.group(1)})
    if target_q is not None and target_q.kind == "count" and not target_q.unit and metric:
        noun = metric.split()[-1] if language != "ko" else ""  # "trial sign-ups from 300 to 500"

        target_q = target_q.model_copy(update={"unit": noun})
        if base_q is not None and not base_q.unit:
            base_q = base_q.model_copy(update={"unit": noun})
    return GoalFrame(
        metric=metric,
        kpi=kpi,
        baseline=_amount(base_q) if base_q else None,
        target=(
            Target(
                value=target_q.value,
                unit=target_q.unit,
                kind=kind,  # type: ignore[arg-type]
                per_period=target_q.cadence
                or any(_a_month(goal, q) for q in (base_q, target_q) if q is not None)
                or bool(_MONTHLY_METRIC.search(metric)),
            )
            if target_q
            else None
        ),
        deadline=deadline.isoformat() if deadline else None,
        means=means,
    )


_MONTH_BEFORE = re.compile(r"(?:(?<![가-힣\d])월|매월|매달|한\s*달에?)\s*(?:평균\s*)?$")
_MONTH_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+)?(?:a|per|each)\s+month\b|^\s*/\s*mo(?:nth)?\b", re.I)


# '월평균 신규 환자를 3,200명에서 4,100명으로': the metric is a month's average
_MONTHLY_METRIC = re.compile(
    r"월\s*평균|월간\s*평균|(?:average\s+monthly|monthly\s+average)\b", re.I
)


def _a_month(goal: str, q: Quantity) -> bool:
    """'월 1,200건에서 2,000건으로', 'from 120 a month to 200': a count stated a month is a monthly
    rate, not a count over the goal's period."""
    return bool(
        _MONTH_BEFORE.search(goal[max(0, q.start - 8) : q.start])
        or _MONTH_AFTER.match(goal[q.end : q.end + 24])
    )


def goal_kpis(text: str, frame: GoalFrame, lang: str, k: int = 2) -> list[str]:
    """KPIs for a goal: what the goal measures (its metric) first, then what the whole text suggests,
    so '월 방문자를 … 늘린다' by '블로그 콘텐츠' is measured by traffic, not content engagement."""
    from assistant.goals.kpi import advise

    # the means ('with Indeed sponsored jobs') say how, not what is measured; a closest match by
    # spelling alone (no cue found, score under 0.5: 'fill rate' ~ upsell rate) is no fit
    said = text.replace(frame.means, " ") if frame.means and frame.metric else text
    if frame.metric and lang != "ko":
        said = re.sub(r"\s(?:with|through|via|using)\s.*$", "", said, flags=re.I | re.S)
    # a vague goal still gets its nearest measure, and so does an amount of money (revenue, cost)
    floor = 0.5 if frame.target is not None and not frame.target.unit.isupper() else 0.0
    whole = _fitting(frame, [a.id for a in advise(said, k=k + 4, lang=lang) if a.score >= floor])
    if whole and not _fits_unit(frame, whole[0]):  # look further for a KPI of the target's unit
        # a near miss of the words ('매장당 일평균 객수' ~ reviews at 0.05) is no fit either
        wider = _fitting(frame, [a.id for a in advise(text, k=12, lang=lang) if a.score >= 0.5])
        # none fits ('제휴 대행사 40곳 -> 100곳' is no rate): no KPI beats a wrong one
        whole = [i for i in wider if _fits_unit(frame, i)]
    whole = whole[:k]
    if not frame.metric:
        return whole
    unit = frame.target.unit if frame.target is not None else ""
    by_metric = _fitting(frame, [a.id for a in advise(f"{frame.metric} {unit}".strip(), k=3, lang=lang) if a.score >= 2.0])  # fmt: skip
    if not by_metric and _new_buyers(frame):  # 'Add 45 new active shippers (10+ loads a month …)'
        by_metric = ["new_customers"]
    if by_metric:
        return list(dict.fromkeys([by_metric[0], *whole]))[:k]
    return whole


def _new_buyers(frame: GoalFrame) -> bool:
    """A count of 'new' somethings that are not leads or sign-ups ('new active shippers',
    '신규 가맹 병원'): new customers, whatever the business calls them."""
    t = frame.target
    if t is None or t.unit in ("%", "pp", "x") or t.unit.isupper():
        return False
    if re.search(r"(?:지점|매장|점포|가맹점|병원|클리닉)\s*수$|^(?:stores|locations|outlets|branches|clinics|franchises)$", frame.metric.strip(), re.I):  # fmt: skip
        return True  # '지점 수를 14개에서 19개로': outlets opened, counted as the measurement says
    return bool(
        re.search(r"(?:^|\s)(?:new|신규)\s", frame.metric, re.I)  # '월평균 신규 환자'
        and not re.search(
            r"lead|mql|sql|inquir|sign-?up|request|registr|visitor|follower|리드|문의|신청|가입|방문자|팔로워",
            frame.metric,
            re.I,
        )
    )


def _fits_unit(frame: GoalFrame, kpi_id: str) -> bool:
    from assistant.goals.kpi import kpi_catalogue

    t = frame.target
    kpi = kpi_catalogue().get(kpi_id)
    if t is None or kpi is None or not t.unit or t.kind != "level":
        return True
    if t.unit in ("%", "pp"):
        return kpi.unit == "percent"
    if t.unit == "x":
        return kpi.unit == "ratio"
    return kpi.unit == ("currency" if t.unit.isupper() else "count")


def _fitting(frame: GoalFrame, ids: list[str]) -> list[str]:
    """KPIs whose unit fits the target: a count of subscribers is not measured by a conversion
    rate ('구독자를 8,000명에서 1만 5,000명으로 … (무료 체험 전환으로)'). Unfiltered when none fit."""
    from assistant.goals.kpi import kpi_catalogue

    t = frame.target
    if t is None or not t.unit or t.kind != "level":
        return ids
    kpis = kpi_catalogue()
    if t.unit in ("%", "pp", "x") or t.unit.isupper():  # a rate level or an amount of money
        want = {"%": {"percent"}, "pp": {"percent"}, "x": {"ratio"}}.get(t.unit, {"currency"})
        money = [i for i in ids if i in kpis and kpis[i].unit in want]
        return money + [i for i in ids if i not in money] if money else ids
    fit = [i for i in ids if i in kpis and kpis[i].unit == "count"]
    if re.search(r"e-?mail|newsletter|뉴스레터|이메일|inquir|enquir|\bleads?\b|\bmqls?\b|문의|리드|신청", f"{frame.metric} {t.unit}", re.I):  # fmt: skip
        return ["leads", *[i for i in ids if i != "leads"]]  # inquiries and mailing lists are leads
    if "leads" in fit and not re.search(r"lead|mql|inquir|sign-?up|request|demo|meeting|survey|check|appointment|consult|walk-?through|assessment|리드|문의|신청|상담|미팅|데모|진단", f"{frame.metric} {t.unit}", re.I):  # fmt: skip
        fit = [i for i in fit if i != "leads"] + ["leads"]  # subscribers are customers, not leads
    return fit + [i for i in ids if i not in fit] if fit else ids

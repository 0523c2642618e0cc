"""Lists and labelled parts read from the user's answers, once, for every view: competitors, the
4P decisions, team roles with headcount, territories with sellers and share. The plan's tables
(compose) and the JSON contract both read these, so they never disagree."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.core.plan import Plan

_SEPARATOR = re.compile(r",|;|、|\band\b|및|그리고")
_IN_NUMBER = re.compile(r"\d,\d{3}(?!\d)")
_IN_PHRASE = re.compile(
    r"\b(?:on|in|at|for|with|from|of|to|across|between)\s+(?:\w+\s+){0,2}\w+\s*$", re.I
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

_ROLE_COUNT_EN = re.compile(
    r"(?:(?:about|around|roughly|approximately|some|~)\s*)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<role>(?:[A-Za-z-]+\s){0,3}?(?:sdrs?|bdrs?|account executives?|aes?|sales reps?|reps|managers?|leads?|engineers?|specialists?|directors?|analysts?|csms?|associates?|consultants?|partners?|agents?|advisors?|representatives?|designers?|marketers?|coordinators?|dispatchers?|technicians?|estimators?|installers?))\b"
    # '1 partner manager' is a manager, not a partner: a role noun followed by another is no end
    r"(?!\s+(?:managers?|leads?|directors?|specialists?|coordinators?|engineers?|representatives?)\b)",
    re.I,
)
_LEADER = re.compile(
    r"^(?:(?:a|an|the|our)\s+)?(?P<lead>(?:(?:sales|regional|commercial|national)\s+)?(?:vp|head|director|chief|cro|cso)[\w\s]{0,20}?)\s+(?:leads|manages|runs|heads|oversees)\b"
    r"|^(?P<lead2>(?:vp|svp|evp|head\s+of|director\s+of|chief)\b[\w\s&]{0,30}?)\s*[.:;]"
    r"|(?P<kolead>영업\s*총괄|영업\s*본부장|영업\s*팀장|세일즈\s*리더)",
    re.I,
)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def team_roles(plan: Plan) -> list[dict[str, object]]:
    """The team as stated: [{"role", "count", "quota_carrying", "reports_to"}], the leader first."""
    text = plan.user_text("sales_team_structure")
    ko = plan.language == "ko"
    lead_m = _LEADER.search(text.strip())
    leader = (
        (lead_m.group("lead") or lead_m.group("lead2") or lead_m.group("kolead")).strip()
        if lead_m
        else ""
    )
    roles: list[dict[str, object]] = []
    if ko:  # Kiwi: the noun phrase before each 'N명', without particles ('이 영업 담당자' is wrong)
        from assistant.core.korean import counted

        # 'AE 6명(수도권 4명, 영남 1명)': the brackets split the AEs by region, they are no roles
        found = counted(
            _without_breakdowns(re.sub(r"(\d+\s*명)\s*[(（][^)）]*[)）]", r"\1", text)), ("명",)
        )
    else:
        found = [
            (
                m.group("role").strip(),
                int(n) if (n := m.group("n").lower()).isdigit() else _WORDS.get(n, 0),
            )
            for m in _ROLE_COUNT_EN.finditer(text)
            # 'hiring 2 more AEs in Q2' is next quarter's team, not today's
            if not re.match(r"(?:more|new|additional|extra)\s", m.group("role"), re.I)
            and not re.search(
                r"(?:hir(?:e|ing)|recruit\w*|add(?:ing)?|open\s+\w+\s+for)\s+(?:another\s+|up\s+to\s+)?$",
                text[max(0, m.start() - 30) : m.start()],
                re.I,
            )
        ]
        found = _one_per_role(found, text)
    for role, count in found:
        if role == leader:
            continue
        seller = bool(
            re.search(r"account exec|\baes?\b|sales rep|reps\b|영업\s*담당|영업사원", role, re.I)
            or _own_target(text, role)
        ) and not _books_meetings(text, role) and not _books_meetings(plan.user_text("sales_strategy"), role) and not _outside_sales(text, role)  # fmt: skip
        boss = _reports_to(text, role) or leader
        roles.append({"role": role, "count": count, "quota_carrying": seller, "reports_to": boss})
    if leader:
        roles.insert(0, {"role": leader, "count": 1, "quota_carrying": False, "reports_to": ""})
    return _with_corrected_sellers(plan, roles, leader)


def with_count(role: dict[str, object], ko: bool) -> str:
    """'account executives (5)'; in Korean the counter a reader expects: 'AE 6명'."""
    if not role.get("count"):
        return str(role["role"])
    return f"{role['role']} {role['count']}명" if ko else f"{role['role']} ({role['count']})"


def _own_target(text: str, role: str) -> bool:
    """'건축상담 매니저 5명 … 매니저 1인당 연 목표 5~6동': a role given its own sales target per
    person carries a quota (customer success with a retention target does not)."""
    if re.search(r"success|csm|고객\s*성공|\bcs\b|지원|support", role, re.I):
        return False
    head = role.split()[-1]
    return bool(
        re.search(
            rf"{re.escape(head)}\s*1인당\s*(?:연\s*|연간\s*|월\s*)?(?:신규\s*)?(?:목표|할당)", text
        )
    )


_BREAKDOWN = re.compile(r"(\d+)\s*명\s*[:：]\s*((?:[^.:;\n\d]{1,20}\d+\s*명\s*,?\s*)+)")


def _without_breakdowns(text: str) -> str:
    """'매니저 5명: 서울·경기 3명, 강원 1명, 충청 1명' - the places after the colon split the five;
    they are no roles of their own (the counts add up to the role's)."""

    def drop(m: re.Match[str]) -> str:
        parts = [int(n) for n in re.findall(r"(\d+)\s*명", m.group(2))]
        return (
            f"{m.group(1)}명. " if len(parts) > 1 and sum(parts) == int(m.group(1)) else m.group(0)
        )

    return _BREAKDOWN.sub(drop, text)


def _one_per_role(found: list[tuple[str, int]], text: str) -> list[tuple[str, int]]:
    """'1 fleet account executive today …, a 2nd from April, so 2 fleet AEs by Q2; the owner
    manages the 2 fleet AEs': a role said again after 'the', 'so' or 'total' is its whole count,
    not more people; other mentions of one role (in either spelling) add up."""

    def key(role: str) -> str:
        words = re.sub(r"account\s+executives?|\baes?\b", "ae", role.lower())
        return re.sub(r"s\b", "", words).strip()

    said: dict[str, list[object]] = {}  # key -> [first spelling, sum of mentions, largest total]
    at = 0
    for role, count in found:
        spot = text.find(role, at)
        at = spot + len(role) if spot >= 0 else at
        head = text[max(0, spot - 40) : spot] if spot >= 0 else ""
        again = bool(
            re.search(r"(?:\bthe|\bso|\btotal(?:ling)?|\bi\.e\.|=)\s+(?:\w+\s+)?$", head, re.I)
        )
        row = said.setdefault(key(role), [role, 0, 0])
        if again:
            row[2] = max(int(str(row[2])), count)
        else:
            row[1] = int(str(row[1])) + count
    return [(str(r[0]), max(int(str(r[1])), int(str(r[2])))) for r in said.values()]


def _books_meetings(text: str, role: str) -> bool:
    """'2 inside sales reps who book walk-throughs', '미팅을 잡는 영업 담당자': they set meetings
    for the closers and carry no quota of their own."""
    at = text.find(role)
    if at < 0:  # the strategy may name the team, not the people ('Inside sales qualifies …')
        team = re.sub(r"\s+(?:reps?|representatives?|team)$", "", role, flags=re.I)
        at = text.lower().find(team.lower()) if len(team) >= 5 else -1
        role = text[at : at + len(team)] if at >= 0 else role
    if at < 0:
        return False
    after = text[at + len(role) : at + len(role) + 50]
    before = text[max(0, at - 20) : at]
    return bool(
        re.match(
            r"\s*(?:(?:who|that)\s+)?(?:books?|sets?|schedules?|qualif(?:y|ies)|generates?|sources?)\b",
            after,
            re.I,
        )
        or re.search(r"(?:미팅|약속|방문|데모)\S*\s*(?:을|를)?\s*잡는\s*$", before)
    )


_NO_QUOTA = re.compile(
    r"\bnot?\s+(?:on\s+|a\s+)?(?:sales\s+)?quota|non-?quota|without\s+(?:a\s+)?quota|\boperations\b"
    r"|할당\s*(?:없|제외|미부여)|쿼터\s*(?:없|제외)|비영업|운영\s*(?:팀|조직|인력|부문)",
    re.I,
)


def _outside_sales(text: str, role: str) -> bool:
    """'Operations (not sales quota): 38 carrier sales reps …', '운영팀(할당 없음): 배차 영업
    담당 20명': the sentence puts the role outside the quota-carrying team."""
    at = text.find(role)
    if at < 0:
        return False
    starts = [m.end() for m in re.finditer(r"[.;\n]\s|\n", text[:at])]
    return bool(_NO_QUOTA.search(text[starts[-1] if starts else 0 : at]))


def _reports_to(text: str, role: str) -> str:
    """Who a role reports to when the answer says so: '… account managers … report to the
    operations VP, not to sales' -> 'operations VP'; 'SDR은 인사이드세일즈 파트장에게 보고합니다'."""
    for m in re.finditer(re.escape(role), text):  # 'SDRs report to a team lead' may come later
        clause = re.split(r"[;.]\s", text[m.start() :], maxsplit=1)[0]
        if r := re.search(r"\breports?\s+(?:directly\s+)?to\s+(?:the\s+|our\s+|an?\s+)?([\w -]+?)(?=,|\s+not\b|$|\s+and\b|\.)", clause, re.I):  # fmt: skip
            return r.group(1).strip()
    if ko := re.search(re.escape(role) + r"\s*(?:은|는|이|가)\s+(.+?)에게\s*보고", text):
        return ko.group(1).strip()
    return ""


def _with_corrected_sellers(plan: Plan, roles: list[dict[str, object]], leader: str) -> list[dict[str, object]]:  # fmt: skip
    """The team table agrees with a corrected seller count ('team: 3 account executives')."""
    fixed = plan.fact("quota_carrying_sellers")
    if fixed is None or not fixed.corrected or not isinstance(fixed.value, (int, float)):
        return roles
    sellers = [r for r in roles if r["quota_carrying"]]
    if len(sellers) == 1:
        sellers[0]["count"] = int(fixed.value)
    elif not sellers:
        name = "영업 담당자" if plan.language == "ko" else "account executives"
        roles.append({"role": name, "count": int(fixed.value), "quota_carrying": True, "reports_to": leader})  # fmt: skip
    return roles


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

"""Lists and labelled parts read from the user's answers, once, for every view: competitors, the
4P decisions, team roles with headcount, territories with sellers and share. The plan's tables
(compose) and the JSON contract both read these, so they never disagree."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import customer_goal, quota_sellers
from assistant.core.plan import Plan

_SEPARATOR = re.compile(r",|;|、|\band\b|및|그리고")
_IN_NUMBER = re.compile(r"\d,\d{3}(?!\d)")


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
        ):
            items.append(text[start:pos])
            start = pos = m.end()
            continue
        pos += 1
    items.append(text[start:])
    return [i.strip() for i in items if i.strip()]


def labelled(text: str, labels: dict[str, str]) -> tuple[dict[str, str], str]:
    """Split 'Strengths: a. Weaknesses: b.' into {key: text}; returns the unlabelled rest too."""
    pattern = re.compile(
        # a modifier before a label belongs to it: "주요 경쟁사:", "Main competitors:"
        r"(?:^|(?<=[\s.;,(]))(?:(?:main|key|major|top|주요|핵심|대표)\s*)?(?P<label>"
        + "|".join(f"(?P<{k}>{v})" for k, v in labels.items())
        + r")\s*[:：]",
        re.I,
    )
    marks = [
        (m.start(), m.end(), next(k for k in labels if m.group(k))) for m in pattern.finditer(text)
    ]
    found: dict[str, str] = {}
    rest = text[: marks[0][0]] if marks else text
    for i, (_start, end, key) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        found[key] = (found.get(key, "") + " " + text[end:stop]).strip()
    return found, rest.strip()


SWOT_LABELS = {
    "s": r"strengths?|강점", "w": r"weakness(?:es)?|약점", "o": r"opportunit(?:y|ies)|기회",
    "t": r"threats?|위협", "c": r"competitors?|competition|competitive\s+landscape|경쟁사|경쟁\s*업체|경쟁\s*환경|경쟁\s*현황",
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
    # the list ends with its sentence: 'Competitors: A and B. Monthly churn is 2%.' names two
    named = re.split(
        r"(?<=[\w)])\.\s+(?=[A-Z가-힣])|(?<=다)\.\s*|;\s*", parts.get("c", "").strip(), maxsplit=1
    )[0]
    return [c for c in list_items(named, plan.language) if c]


def list_items(text: str, lang: str) -> list[str]:
    """A list's items; Korean is split and cleaned of particles by Kiwi ('스타벅스와 이디야입니다'
    -> ['스타벅스', '이디야']), English at commas and 'and' outside brackets; a bulleted list at
    its lines."""
    lines = [ln.strip(" -*•·\t") for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if len(lines) > 1:
        return [item for ln in lines for item in list_items(ln, lang)]
    text = lines[0] if lines else ""
    if lang == "ko" and re.search(r"[가-힣]", text):
        from assistant.core.korean import split_list, strip_particles

        return [strip_particles(i).strip(" .") for i in split_list(text)]
    return [c.strip(" .") for c in split_items(text) if c.strip(" .")]


def mix_4p(plan: Plan) -> dict[str, str]:
    """The 4P decisions as stated ('' for a P the answer does not give)."""
    parts, _ = labelled(plan.user_text("mkt_mix_4p"), FOUR_P)
    return {k: parts.get(k, "").strip().rstrip(" .") for k in FOUR_P}


_ROLE_COUNT_EN = re.compile(
    r"(?:(?:about|around|roughly|approximately|some|~)\s*)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<role>(?:[A-Za-z-]+\s){0,3}?(?:sdrs?|bdrs?|account executives?|aes?|sales reps?|reps|managers?|leads?|engineers?|specialists?|directors?|analysts?|csms?|associates?|consultants?|partners?|agents?|advisors?|representatives?|designers?|marketers?))\b",
    re.I,
)
_LEADER = re.compile(
    r"^(?P<lead>(?:vp|head|director|chief|cro|cso)[\w\s]{0,20}?)\s+(?:leads|manages|runs|heads)\b|(?P<kolead>영업\s*총괄|영업\s*본부장|영업\s*팀장|세일즈\s*리더)",
    re.I,
)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def team_roles(plan: Plan) -> list[dict[str, object]]:
    """The team as stated: [{"role", "count", "quota_carrying", "reports_to"}], the leader first."""
    text = plan.user_text("sales_team_structure")
    ko = plan.language == "ko"
    lead_m = _LEADER.search(text.strip())
    leader = (lead_m.group("lead") or lead_m.group("kolead")).strip() if lead_m else ""
    roles: list[dict[str, object]] = []
    if ko:  # Kiwi: the noun phrase before each 'N명', without particles ('이 영업 담당자' is wrong)
        from assistant.core.korean import counted

        found = counted(text, ("명",))
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
    for role, count in found:
        if role == leader:
            continue
        seller = bool(
            re.search(r"account exec|\baes?\b|sales rep|reps\b|영업\s*담당|영업사원", role, re.I)
        )
        roles.append({"role": role, "count": count, "quota_carrying": seller, "reports_to": leader})
    if leader:
        roles.insert(0, {"role": leader, "count": 1, "quota_carrying": False, "reports_to": ""})
    return _with_corrected_sellers(plan, roles, leader)


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


def _split_evenly(total: int, parts: int) -> list[int]:
    """70 over 3 -> [24, 23, 23]: whole numbers as even as possible, summing to the total."""
    base, extra = divmod(int(total), parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


_STAFFED = re.compile(
    r"^(?P<name>.+?)\s*[(（:]?\s*(?:(?:AEs?|SDRs?|reps?|영업\s*담당자?|담당자)\s*)?(?P<n>\d+)\s*(?:reps?|sellers?|aes?|account\s+executives?|people|명)\s*(?:[,，][^)）]*)?[)）]?$",
    re.I,
)


def _split_by(total: int, weights: list[int]) -> list[int]:
    """70 by sellers [3, 1] -> [53, 17]: whole numbers in proportion, summing to the total."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    out = [int(x) for x in exact]
    for i in sorted(range(len(weights)), key=lambda i: exact[i] - out[i], reverse=True)[
        : total - sum(out)
    ]:
        out[i] += 1
    return out


def territories(plan: Plan) -> list[dict[str, object]]:
    """The territories as stated, with whole sellers and whole new-customer targets (they add up to
    the totals): split by the sellers each territory has when the answer says so ('Seoul (3
    reps), Busan (1 rep)', '서울 3명, 부산 1명'), else evenly: [{"name", "sellers", "share",
    "new_customers"}]."""
    text = plan.user_text("sales_territories_channels")
    first = re.split(r"[;\n]|(?<=\.)\s", text, maxsplit=1)[0]
    items = [t for t in list_items(first, plan.language) if t]
    staffed = [_STAFFED.match(t) for t in items]
    names = [m.group("name").strip(" (") if m else t for t, m in zip(items, staffed, strict=True)]
    counts = [int(m.group("n")) if m else 0 for m in staffed]
    fixed = plan.fact("territories")
    if fixed is not None and fixed.corrected and isinstance(fixed.value, list):
        names, counts = list(fixed.value), []
    if len(names) < 2 or any(len(t) > 40 for t in names):
        return []
    goal = customer_goal(plan)
    weighted = bool(counts) and all(counts)
    reps = sum(counts) if weighted else quota_sellers(plan)
    sellers = counts if weighted else (_split_evenly(reps, len(names)) if reps else [])
    # each territory's target follows its sellers (stated, or spread as evenly as whole people
    # allow), so one seller never carries what two carry elsewhere
    weights = counts if weighted else (sellers if sellers and all(sellers) else [])
    targets = (_split_by(round(goal[1]), weights) if weights else _split_evenly(round(goal[1]), len(names))) if goal else []  # fmt: skip
    share = (
        [round(100 * c / sum(weights), 1) for c in weights]
        if weights
        else [round(100 / len(names), 1)] * len(names)
    )
    return [
        {"name": name, "sellers": sellers[i] if sellers else None,
         "share": share[i], "new_customers": targets[i] if goal else None}
        for i, name in enumerate(names)
    ]  # fmt: skip

"""The sales team as the answer states it: each role with its headcount, whether it carries a
quota, and whom it reports to. Operations staff, roles said again ('the 2 fleet AEs'), a role's
split by place ('매니저 5명: 서울·경기 3명, …') and meeting-setters are read as such; a role with
its own per-person target carries a quota."""

from __future__ import annotations

import re

from assistant.core.plan import Plan

_ROLE_COUNT_EN = re.compile(
    r"(?:(?:about|around|roughly|approximately|some|~)\s*)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<role>(?:[A-Za-z-]+\s){0,3}?(?:sdrs?|bdrs?|account executives?|aes?|sales reps?|reps|managers?|leads?|engineers?|specialists?|directors?|analysts?|csms?|associates?|consultants?|partners?|agents?|advisors?|representatives?|designers?|marketers?|coordinators?|dispatchers?|technicians?|estimators?|installers?))\b"
    # '1 partner manager' is a manager, not a partner: a role noun followed by another is no end
    r"(?!\s+(?:managers?|leads?|directors?|specialists?|coordinators?|engineers?|representatives?)\b)",
    re.I,
)
_LEADER = re.compile(
    r"^(?:(?:a|an|the|our)\s+)?(?P<lead>(?:(?:sales|regional|commercial|national)\s+)?(?:vp|head|director|chief|cro|cso)[\w\s]{0,20}?)\s+(?:leads|manages|runs|heads|oversees)\b"
    r"|^(?:(?:the|our)\s+)?(?P<lead2>(?:vp|svp|evp|head\s+of|director\s+of|chief)\b[\w\s&]{0,30}?)(?:,?\s+report(?:s|ing)?\s+(?:directly\s+)?to\b|\s*[.:;])"
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
        found = list(dict.fromkeys(found))  # 'AE 24명은 …에게 보고' restates the AEs listed before
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


# the title ends the phrase ('under the VP Operations.'), never a noun's first word ('under a
# lead scoring model', 'under the leadership of', 'a manager-approved plan')
_UNDER = re.compile(
    r"\b(?:under|led\s+by|managed\s+by)\s+(?:the\s+|our\s+|an?\s+)?"
    r"((?:(?!(?:of|the|an?)\b)[\w&]+\s+){0,3}?\b(?:vp|svp|evp|head|director|manager|lead|chief|coo|cfo|cro|ceo|president)"
    r"(?:\s+(?:of\s+)?(?-i:[A-Z])[\w&]*){0,2})"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|who|with|in|at|for|to)\b)",
    re.I,
)


def _reports_to(text: str, role: str) -> str:
    """Who a role reports to when the answer says so: '… account managers … report to the
    operations VP, not to sales' -> 'operations VP'; 'SDR은 인사이드세일즈 파트장에게 보고합니다'."""
    for m in re.finditer(re.escape(role), text):  # 'SDRs report to a team lead' may come later
        clause = re.split(r"[;.]\s", text[m.start() :], maxsplit=1)[0]
        if r := re.search(r"\breports?\s+(?:directly\s+)?to\s+(?:the\s+|our\s+|an?\s+)?([\w -]+?)(?=,|\s+not\b|$|\s+and\b|\.)", clause, re.I):  # fmt: skip
            return r.group(1).strip()
        # '38 carrier sales reps and 10 coordinators under the VP Operations' (a comma starts
        # another role's clause: '6 AEs, and 3 CSMs under the VP Customer Success')
        if r := _UNDER.search(re.split(r",\s+", clause, maxsplit=1)[0]):
            return r.group(1).strip()
    for m in re.finditer(re.escape(role), text):
        if boss := _ko_reports_to(re.split(r"[.\n]", text[m.start() :], maxsplit=1)[0], len(role)):
            return boss
    return ""


def _ko_reports_to(sentence: str, role_end: int) -> str:
    """The manager a Korean sentence that opens with a role names, read with Kiwi: after the role's
    topic or subject particle ('SDR은', 'SDR들은', 'AE 24명은'), the noun phrase right before the first '에게'
    that comes before the next role's topic ('SDR은 영업 본부장이 아닌 인사이드세일즈 파트장에게
    보고' -> '인사이드세일즈 파트장'; 'SDR은 X에게, AE는 Y에게 보고' -> 'X')."""
    if "보고" not in sentence:
        return ""
    from assistant.core.korean import tokens

    toks = [t for t in tokens(sentence) if t.start >= role_end]
    # 'SDR들은', 'AE 24명은': the plural suffix or the head count between role and particle
    if toks and toks[0].tag == "XSN" and toks[0].start == role_end:
        role_end, toks = toks[0].start + toks[0].len, toks[1:]
    if (
        len(toks) > 1
        and toks[0].tag == "SN"
        and toks[0].start <= role_end + 1
        and toks[1].form == "명"
    ):
        role_end, toks = toks[1].start + toks[1].len, toks[2:]  # one head count, never '4명 중 2명'

    if not toks or toks[0].tag not in ("JX", "JKS") or toks[0].start != role_end:
        return ""
    for i, t in enumerate(toks[1:], start=1):
        if t.tag == "JX":
            return ""  # the next role's topic ('AE는 …') before any '에게'
        if t.form in ("에게", "께") and t.tag == "JKB":
            j = i
            while j > 1 and (toks[j - 1].tag.startswith("N") or toks[j - 1].tag in ("SL", "SN", "XSN", "XPN")):  # fmt: skip
                j -= 1
            return sentence[toks[j].start : t.start].strip() if j < i else ""
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

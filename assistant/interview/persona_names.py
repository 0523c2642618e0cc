"""A persona's short name, as marketers write them: the role's head and a first name ("Office
Manager Dana", "Head of RevOps Alex") or, in Korean, a title with a surname ("김 운영팀장") or a
given name with 씨 ("맞벌이 부모 지연 씨"). The role itself stays on the card in full."""

from __future__ import annotations

import re
import zlib

_EN_NAMES = ("Dana", "Alex", "Sam", "Jordan", "Casey", "Morgan", "Riley", "Taylor")
_KO_GIVEN = ("지연", "민준", "서연", "현우", "수진", "도윤", "하은", "준호")
# no surname that reads as a word before a title (이 = "this", 한 = "one")
_KO_SURNAMES = ("김", "박", "최", "정", "강", "윤", "조", "서")
# titles within an organisation, joined to the department before them ('인사총무팀장'); a
# business's own head ('카페 김 사장', '치과 박 원장') keeps its place before the surname
_ORG_TITLES = ("팀장", "실장", "과장", "부장", "이사", "본부장")
_KO_TITLES = ("팀장", "대표", "실장", "과장", "부장", "이사", "매니저", "원장", "사장", "점장", "본부장", "책임자", "담당자")  # fmt: skip
_EN_LEAD = re.compile(
    r"^(?:(?:our|the)\s+)?(?:main|primary|key|typical|ideal)?\s*(?:buyer|customer|user|persona)s?\s+(?:is|are)\s+"
    r"|^we\s+(?:sell|market)\s+(?:mostly\s+|mainly\s+)?to\s+|^(?:usually|typically|mostly|mainly|often)\s+|^(?:an?|the)\s+",
    re.I,
)
_KEEP_S = {
    "sales",
    "operations",
    "ops",
    "services",
    "logistics",
    "analytics",
    "business",
    "hr",
    "it",
    "ads",
}
_EN_CUT = re.compile(
    r"\s+(?:at|in|from|who|with|for|that|which|working|running|based)\s+|[,;(]|\s+[-/]\s+", re.I
)
_PLACE = re.compile(r"\d|에$|에서$|사는$|있는$|다니는$|하는$")  # '서울에 사는 30대' is not the role
_SMALL = {"of", "and", "the", "for", "a", "an"}
# capitalised words that close a role without naming a person ('Office Manager', 'Head of IT')
_EN_ROLE_WORDS = {
    "Manager",
    "Director",
    "Owner",
    "Founder",
    "Buyer",
    "Lead",
    "Head",
    "Officer",
    "Planner",
    "Administrator",
    "Coordinator",
    "Specialist",
    "Engineer",
    "Analyst",
    "Executive",
    "President",
    "Operator",
    "Partner",
    "Parent",
    "Shopper",
    "Consultant",
    "Supervisor",
    "Superintendent",
    "Controller",
    "Assistant",
    "Agent",
    "Broker",
    "Chef",
    "Teacher",
    "Student",
}


def _pick(options: tuple[str, ...], role: str, n: int) -> str:
    return options[(zlib.crc32(role.encode()) + n) % len(options)]


def short_name(role: str, lang: str, n: int = 0) -> str:
    """A short, stable name for the n-th persona (the same role always gets the same name)."""
    role = role.strip().rstrip(".")
    if lang == "ko":
        return _korean(role, n)
    if _EN_FIRST_NAME.match(role) and role.split()[-1] not in _EN_ROLE_WORDS:
        return role  # the user named the persona ('Owner-buyer Olivia'): kept as written
    lead = _EN_LEAD.sub(
        "", _EN_LEAD.sub("", _EN_LEAD.sub("", role))
    )  # 'Our main buyer is an office manager …'
    # 'Owner of an independent café' -> 'Café Owner'; 'Head of RevOps' stays
    if m := re.match(r"(.+?)\s+of\s+(?:a|an|the)\s+(.+)", lead, re.I):
        obj = _EN_CUT.split(m.group(2), maxsplit=1)[0].split()
        lead = f"{obj[-1]} {m.group(1)}" if obj and obj[-1].isalpha() else m.group(1)
    head = _EN_CUT.split(lead, maxsplit=1)[0].strip()
    words = head.split()[:4]
    if (
        words
        and words[-1].lower().endswith("s")
        and not words[-1].lower().endswith("ss")
        and words[-1].lower() not in _KEEP_S
        and not any(c.isupper() for c in words[-1][1:])  # 'RevOps' is a name, not a plural
        and len(words[-1]) > 3
    ):
        words[-1] = words[-1][:-1]  # 'operations managers' -> one of them: 'Operations Manager'

    if not words:
        return _pick(_EN_NAMES, role, n)
    titled = " ".join(
        w if (w.isupper() or any(c.isupper() for c in w[1:]) or (i and w.lower() in _SMALL)) else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )  # fmt: skip
    return f"{titled} {_pick(_EN_NAMES, role, n)}"


# a person's own name closing the role ("퇴근 후 공부하는 40대 직장인 김지현"), as Kiwi reads it
# (a proper noun of three syllables), never a job word or a verb ('정비사', '구매함')
_KO_FULL_NAME = re.compile(r"(?<=\s)([가-힣]{3})$")
# an English role that already ends with a first name ('Owner-buyer Olivia', 'Founder Fiona')
_EN_FIRST_NAME = re.compile(r"^[A-Z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,2}\s+[A-Z][a-z]{2,}$")


def _korean(role: str, n: int) -> str:
    bare = re.split(r"\s+[-–—]\s+", re.sub(r"\([^)]*\)", "", role).strip(), maxsplit=1)[0]
    if (m := _KO_FULL_NAME.search(bare)) and len(bare.split()) >= 3:
        from assistant.core.korean import tokens

        last = tokens(bare)[-1:]
        if last and last[0].tag == "NNP" and last[0].form == m.group(1):
            return f"{m.group(1)} 씨"  # the user named the person: that name, not one of ours
    # a note after a dash is not the role ('노령견 보호자 - 동물병원 추천 받고 구매함')
    text = re.split(r"\s+[-–—]\s+", re.sub(r"\([^)]*\)", "", role).strip(), maxsplit=1)[0]
    for title in _KO_TITLES:
        at = text.find(title)
        if at >= 0:
            before = [w for w in text[:at].split() if not _PLACE.search(w)]
            from assistant.core.korean import strip_particles

            lead = strip_particles(before[-1]) if before else ""  # '음식점을' -> '음식점'
            if title in ("책임자", "담당자"):
                return f"{lead} {title} {_pick(_KO_SURNAMES, role, n)} 님".strip()
            if title in _ORG_TITLES and lead:
                # a department's title is one word after the surname ('박 인사총무팀장',
                # '최 재무이사'), as Korean offices write it, not '박 인사총무팀장'
                return f"{_pick(_KO_SURNAMES, role, n)} {lead}{title}"
            return f"{lead} {_pick(_KO_SURNAMES, role, n)} {title}".strip()
    # '1인/2인 가구' is a kind of household, not a place or a figure
    from assistant.core.korean import tokens

    # a verb's modifier ('자녀를 둔', '분당에 사는') is no part of a name: read with Kiwi in the
    # whole role, each word by where it stands
    # (only nouns name a person: no particle, ending, verb or adverb: '자녀를', '둔', '혼자')
    ends = {t.start for t in tokens(text) if t.tag[:1] in ("J", "E", "V", "M")}
    spans = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", text)]
    # the nouns that run up to the role's last word, no further than a word that is none
    # ('강아지 간식을 사는 반려인' -> '반려인'; a place or a figure is passed over)
    words: list[str] = []
    for a, b, w in reversed(spans):
        if _PLACE.search(w) and not re.fullmatch(r"\d+인(?:[/·]\d+인)*", w):
            continue
        if any(a <= e < b for e in ends):
            break
        words.insert(0, w)
    head = " ".join(words[-3:] if len(words) >= 3 and re.match(r"\d+인", words[-3]) else words[-2:])
    return f"{head} {_pick(_KO_GIVEN, role, n)} 씨".strip()


def clean_role(role: str) -> str:
    """'Our main buyer is an office manager at …' -> 'office manager at …'."""
    return _EN_LEAD.sub("", _EN_LEAD.sub("", role.strip())).strip() or role.strip()

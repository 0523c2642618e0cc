"""Offline extraction: the user's free answers -> goals, persona cards, messaging, budget, calendar.

Deterministic rules; the LLM layer adds richer extraction behind the same return types.
"""

from __future__ import annotations

import re

from assistant.core.plan import Budget, KeyMessage, Messaging, Persona
from assistant.goals.numbers import read_quantities
from assistant.interview.budget_lines import budget_lines

_OBJECTIVE_PREFIX = re.compile(
    r"^\s*(?:business objectives?|company objectives?|사업\s*목표|회사\s*목표|경영\s*목표)\s*[:：]\s*",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)]|[①-⑩])\s*")


def tidy_markdown(text: str) -> str:
    """Keep the user's words; normalise whitespace, keep line breaks and list markers."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    return "\n".join(out).strip()


def split_goals(text: str) -> tuple[list[str], list[str]]:
    """(goals, business objectives): each non-empty line is one goal, bullets stripped."""
    goals: list[str] = []
    objectives: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        if _OBJECTIVE_PREFIX.match(line):
            objective = _OBJECTIVE_PREFIX.sub("", line).strip()
            if objective:
                objectives.append(objective)
            continue
        line = _BULLET.sub("", line).strip()
        if line:
            goals.append(line)
    return goals, objectives


_ABBREVIATIONS = re.compile(
    r"\b(?:a\.m|p\.m|e\.g|i\.e|etc|vs|inc|ltd|co|mr|ms|dr|no|approx)\.", re.I
)


def _sentences(text: str) -> list[str]:
    """Sentences, never split inside '9 a.m.' or 'e.g.'."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\u2024"), text)
    parts = re.split(r"(?<=[.!?。])\s+|\n+", protected)
    return [p.replace("\u2024", ".").strip() for p in parts if p.strip()]


_PAIN = re.compile(
    r"\b(?:pain|pains|problem|struggle|frustrat|challenge)\w*|불편|문제|고민|고충|애로|어려움|어렵|힘들|불만",
    re.I,
)
_GOAL = re.compile(
    r"\b(?:wants?|goals?|measured on|judged on|evaluated on|needs?|aims?)\b|원함|원한다|목표|필요|바람|평가\s*기준|평가받",
    re.I,
)
_CHANNEL = re.compile(
    r"\b(?:reads?|attends?|follows?|asks?|uses?|watches?|listens?)\b|참고|읽|구독|참석|이용|본다|봄"
    r"|정보\S*\s.{0,40}?(?:에서|으로|로|을\s*통해|를\s*통해)\s*(?:얻|찾|확인|접하|봅|본)|information\s+(?:from|on|in)",
    re.I,
)
_MEDIA_VERBS_KO = frozenset({"보", "읽", "가", "듣", "찾"})  # '보고', '갑니다': read with Kiwi
_MEDIA_NOUNS_KO = frozenset({"참석", "구독", "방문", "참고", "이용", "시청"})  # '… 하다'


def _media_verb_ko(sentence: str) -> bool:
    """A Korean sentence that says where the buyer looks by its verb ('전문지를 보고', '전시회에
    갑니다', '모임에 참석합니다'), read with Kiwi rather than by the verb's written endings."""
    if not re.search(r"[가-힣]", sentence):
        return False
    from assistant.core.korean import tokens

    toks = tokens(sentence)
    for i, t in enumerate(toks):
        if t.tag.startswith("VV") and t.form in _MEDIA_VERBS_KO:
            return True
        if (
            t.tag == "NNG"
            and t.form in _MEDIA_NOUNS_KO
            and i + 1 < len(toks)
            and toks[i + 1].tag == "XSV"
        ):
            return True
    return False


_MEDIA_KO = re.compile(
    r"인스타|유튜브|블로그|카페|커뮤니티|뉴스|잡지|매거진|박람회|세미나|웨비나|네이버|카카오|카톡|sns|채널|검색|후기|리뷰|"
    r"추천|방송|앱|사이트|포털|밴드|틱톡|링크드인|페이스북|전시|행사|협회|동료|지인|모임|신문|라디오|광고|메일|유튜버|인플루언서",
    re.I,
)
_ROLE = re.compile(
    r"^(?:(?:primary|main|key|secondary)(?:\s+(?:buyer|persona|customer|audience|segment))?|buyer|persona|ideal (?:buyer|customer)|target|"
    r"(?:주요|핵심|대표|주|보조)?\s*(?:구매자|고객|페르소나|타깃|타겟)\s*\d?|메인|서브)\s*[:：]\s*",
    re.I,
)
# a numbered card with its name in quotes: "주 고객 1 '퇴근 후 공부하는 직장인': …", "Persona 2 'Founder Fiona': …"
_ROLE_QUOTED = re.compile(
    r"^\s*(?:(?:주요?|핵심|보조)?\s*(?:고객|구매자|페르소나|타깃|타겟)|(?:[A-Za-z-]+\s+)?(?:primary|secondary|persona|buyer|customer|audience))\s*\d?\s*"
    r"['‘\"“](?P<name>[^'’\"”\n]{2,50})['’\"”]\s*[:：]",
    re.I,
)
# '주요 고객은 부산에 사는 40대 자영업자로, …' -> '부산에 사는 40대 자영업자'
_ROLE_KO = re.compile(
    r"^(?:(?:주요|핵심|대표|우리)\s*)?(?:고객|구매자|타깃|타겟)(?:은|는|이|가)\s+(?P<role>.+?)"
    r"(?:\s*(?:으로|로|이며|이고|입니다|이다|예요|이에요)(?=[\s,.]|$))"
)
_AGE = re.compile(
    r"\b\d{2}\s*[-–~]\s*\d{2}\b(?!\s*[대세])|\d{2}\s*[~-]\s*\d{2}\s*(?:세|대)|\d{2}대"
)


_PERSONA_LABELS = {
    "goals": r"goals?|wants?|needs?|목표|원하는\s*것|바라는\s*점",
    "pains": r"pains?(?:\s*points?)?|problems?|challenges?|frustrations?|고민|고충|애로\s*(?:사항|점)?|불편(?:한\s*점)?|문제(?:점)?|어려움|페인\s*포인트",
    "objections": r"objections?|concerns?|hesitations?|반대\s*(?:의견|이유)|우려|망설이는\s*이유",
    "triggers": r"(?:buying\s+)?triggers?|buys?\s+when|구매\s*(?:계기|시점)|도입\s*계기",
    "channels": r"(?:information\s+)?channels?|where\s+they\s+look|sources?|media|(?:정보\s*)?채널|정보\s*(?:출처|원천)|매체",
    "age": r"age|ages|나이|연령(?:대)?",
}  # fmt: skip


# how people say it in a chat -> the label the reader knows ('Their pain is …' -> 'Pains: …')
_NATURAL = [
    (re.compile(r"\b(?:their|the|her|his)\s+(?:main\s+|biggest\s+)?pains?(?:\s+points?)?\s+(?:is|are)\s+", re.I), "Pains: "),
    (re.compile(r"\bobjections?\s+(?:we\s+hear|they\s+raise|we\s+get|they\s+have)\s*(?:are|is)?\s*[:：]?\s*", re.I), "Objections: "),
    (re.compile(r"\bwhat\s+triggers\s+(?:a\s+)?(?:purchase|buying|a\s+buy|them\s+to\s+buy)\s*(?:is|are)?\s*[:：]?\s*", re.I), "Triggers: "),
    (re.compile(r"\bwhat\s+(?:they|she|he)\s+wants?\s*(?:is)?\s*[:：]\s*", re.I), "Goals: "),
    (re.compile(r"\b(?:they|she|he)\s+(?:get|gets|find|finds)\s+(?:their\s+|her\s+|his\s+)?(?:info(?:rmation)?|news|ideas|advice)\s+(?:from|on|in)\s+", re.I), "Channels: "),
    (re.compile(r"반대\s*(?:이유|의견)(?:로는|는|은)\s*"), "반대 이유: "),
    (re.compile(r"(?:^|(?<=[.\s]))고민(?:은|이라면)\s+"), "고민: "),
    (re.compile(r"구매\s*(?:계기|시점)(?:는|은)\s*"), "구매 계기: "),
    (re.compile(r"정보(?:는|를)\s*(?:주로\s*)?(?P<src>[^.\n]+?)에서\s*(?:얻|찾|보|확인|접)\w*"), "정보 채널: \\g<src>"),
]  # fmt: skip


def _natural_labels(text: str) -> str:
    for pattern, label in _NATURAL:
        text = pattern.sub(label, text)
    return text


def _persona_items(part: str, lang: str) -> list[str]:
    """A labelled part's items: a noun list is split ('LinkedIn, Pavilion, podcasts'); a Korean
    sentence ('가격이 비싸다고 느낍니다') stays one item, without its full stop."""
    from assistant.analysis.lists import list_items

    part = part.strip().rstrip(".。 ")
    if not part:
        return []
    if lang == "ko":
        pieces = [p.strip() for p in re.split(r"[,，、;]", part) if p.strip()]
        if all(len(p) <= 20 and not _KO_PREDICATE.search(p) for p in pieces):
            out: list[str] = []
            for piece in pieces:  # nouns lose only their particles to Kiwi; a phrase stays whole
                items = [i for i in list_items(piece, lang) if i]
                kept = sum(len(i.replace(" ", "")) for i in items)
                whole = kept >= len(piece.replace(" ", "")) - 2 * max(len(items), 1)
                out.extend(items if items and whole else [piece])
            return out
        return pieces if len(pieces) > 1 and all(len(p) <= 40 for p in pieces) else [part]
    if not re.search(r"[,;]", part):
        return [part]  # 'reports arrive late and are built by hand' is one pain
    items = [
        i.strip(" .")
        for i in re.split(r"(?:;|,(?!\d{3}(?!\d)))\s*(?:and\s+|or\s+)?", part)
        if i.strip(" .")
    ]
    # a list of names ends 'Facebook groups and YouTube': two items (a clause stays whole)
    last = re.fullmatch(r"(.{2,40}?)\s+(?:and|or)\s+(.{2,40})", items[-1]) if items else None
    short = all(len(i.split()) <= 4 for i in items[:-1])
    if last and short and all(len(g.split()) <= 4 for g in last.groups()):
        items[-1:] = [last.group(1), last.group(2)]
    return items


def _outside_brackets(text: str) -> str:
    """The text with each comma inside brackets masked ('·'), same length, so a split at a comma
    never cuts a bracketed note."""
    out, depth = [], 0
    for ch in text:
        depth += ch in "(（[" and 1 or 0
        depth -= ch in ")）]" and depth > 0 and 1 or 0
        out.append("·" if depth and ch in ",，" else ch)
    return "".join(out)


_KO_PREDICATE = re.compile(r"(?:다|요|음|함|때|면|고|며|게|[아어해]서)$")


def persona_from_answer(text: str, lang: str) -> Persona:
    """A first persona card from the audience answer: role, demographics, goals, pains,
    objections, buying triggers and information channels. Labelled parts ('Pains: …',
    '정보 채널: …') are read as lists; unlabelled sentences are classified by their words."""
    from assistant.analysis.lists import labelled

    parts, rest = labelled(_natural_labels(text), _PERSONA_LABELS)
    extra: list[str] = []
    for key, part in list(parts.items()):  # a label holds its own sentence; the rest is free text
        own, *after = _sentences(part) or [part]
        parts[key] = own
        extra.extend(after)
    sentences = [*_sentences(rest), *extra] if parts else _sentences(text)
    named = _ROLE_QUOTED.match(sentences[0]) if sentences else None
    first = _ROLE.sub("", sentences[0]) if sentences else rest or text
    if named:  # "주 고객 1 '퇴근 후 공부하는 40대 직장인 김지현': 45세 회사원 …": the quoted name
        first = named.group("name")
    if m := _ROLE_KO.match(first):
        first = m.group("role")
    # the role ends at its first comma outside brackets ('경영지원팀장(40대, 재무 겸직), …')
    role = re.split(r"[,，]\s|(?<=[가-힣])[,，]", _outside_brackets(first), maxsplit=1)[0]
    role = first[: len(role)].strip().rstrip(".")
    role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I)  # 'the weekend hiker'
    # "'home barista' aged 28-45": the quotes and the age belong to the card, not the name
    role = re.sub(r"\s*,?\s*(?:aged\s+)?\d{2}\s*[-–~]\s*\d{2}\b.*$", "", role, flags=re.I)
    role = role.strip(" '\"‘’“”") or role
    if lang == "ko":  # '…본사의 구매팀장으로, …': the role ends before its particle
        role = re.sub(
            r"(?<=[가-힣])(?:으로|로|이며|이고|입니다|이다|예요|이에요)$", "", role
        ).strip()
    # 'purchasing manager who approves contracts … and is measured on cost savings': the role ends
    # at 'who'; what follows describes them (a goal, a decision right)
    described: list[str] = []
    if lang != "ko" and (w := re.search(r"\s+(?:who|that)\s+", role)):
        described = [re.sub(r"^(?:is|are)\s+", "", c.strip()) for c in re.split(r",\s+|\s+and\s+(?=(?:is|are)\b)", role[w.end() :]) if c.strip()]  # fmt: skip
        role = role[: w.start()].strip()
    free = sentences[1:] if parts else sentences
    clauses = [c.strip() for s in free for c in re.split(r",\s+", s) if c.strip()]
    if parts and sentences:  # the role's sentence: what follows the role ('…, measured on margin')
        clauses = [c.strip() for c in re.split(r",\s+", sentences[0])[1:] if c.strip()] + clauses
    if not parts:  # the role's own sentence may carry a pain ('…자영업자로, 매출 관리가 어렵다고')
        clauses = [c.strip() for s in sentences for c in re.split(r",\s+", s) if c.strip()]
    if described:  # 'is measured on cost savings' is a goal, never the whole sentence again
        clauses = [c for c in clauses if not c.startswith(sentences[0][:20])] + described if not parts else clauses + described  # fmt: skip

    def pick(key: str, found: list[str]) -> list[str]:
        return _persona_items(parts[key], lang) if key in parts else found

    pains = pick("pains", [_clean_label(s) for s in (clauses if lang == "ko" else free) if _PAIN.search(s)])  # fmt: skip
    goals = pick("goals", [_clean_label(c) for c in clauses if _GOAL.search(c) and not _PAIN.search(c)])  # fmt: skip
    objections = pick("objections", [_clean_label(s) for s in free if _OBJECTION.search(s) and not _PAIN.search(s)])  # fmt: skip
    triggers = pick("triggers", [_clean_label(s) for s in free if _TRIGGER.search(s) and not _OBJECTION.search(s)])  # fmt: skip
    # a Korean '…봄' is a channel only when it names a medium ('성분표를 꼼꼼히 봄' is a habit)
    channels = pick("channels", [_clean_label(s) for s in free if (_CHANNEL.search(s) or _media_verb_ko(s)) and not _PAIN.search(s) and not _OBJECTION.search(s)
                                 and (not re.search(r"[가-힣]", s) or _MEDIA_KO.search(s))])  # fmt: skip
    if lang == "ko":  # bullets end in the noun form, never mid-clause ('…3일이 걸리고' -> '…걸림')
        from assistant.core.korean import bullet_form

        pains, goals = [bullet_form(p) for p in pains], [bullet_form(g) for g in goals]
    ages = [m.group(0) for m in _AGE.finditer(parts.get("age", "") or text)]
    demographics = ", ".join(dict.fromkeys(ages))
    from assistant.interview.persona_names import clean_role, short_name

    role = clean_role(role) if lang != "ko" else role
    name = short_name(role, lang)
    return Persona(
        name=name,
        role=role,
        demographics=demographics,
        goals=goals,
        pains=pains,
        objections=objections,
        channels=channels,
        buying_triggers=triggers,
        summary=tidy_markdown(text),
    )


_OBJECTION = re.compile(
    r"\b(?:objections?|hesitat\w*|worr\w*|concerns?|pushback)\b|반대\s*의견|우려|망설|걱정", re.I
)
_TRIGGER = re.compile(
    r"\b(?:triggers?|buys?\s+when|switch(?:es)?\s+when|because\s+of)\b|구매\s*계기|도입\s*계기|계기|구매\s*시점",
    re.I,
)
_OFFERS = [
    (
        re.compile(r"(\d+)[- ]day\s+((?:[a-z]+\s+)?)(?:free\s+)?trial", re.I),
        lambda m: f"Start your {m.group(1)}-day {m.group(2)}trial",
        None,
    ),
    (
        re.compile(
            r"(\d+)\s*일\s*(가이드\s*)?(?:무료\s*)?(?:체험|평가판|트라이얼)|무료\s*체험\s*(\d+)\s*일",
            re.I,
        ),
        None,  # '14일 가이드 체험' is the offer, whatever discount the answer also names
        lambda m: (
            f"{m.group(1) or m.group(3)}일 {'가이드 ' if m.group(2) else '무료 '}체험 시작하기"
        ),
    ),
    (
        re.compile(r"free\s+trial|무료\s*체험", re.I),
        lambda m: "Start a free trial",
        lambda m: "무료 체험 시작하기",
    ),
    (
        re.compile(
            r"free\s+samples?|sample\s+(?:box|kit|pack)|무료\s*샘플|샘플\s*(?:박스|키트)|체험\s*키트",
            re.I,
        ),
        lambda m: "Get your free sample",
        lambda m: "무료 샘플 받아보기",
    ),
    (
        re.compile(
            r"first\s+(box|month|order|kit|class|lesson|session)\s+(?:is\s+)?free|첫\s*(달|박스|상자|주문|구매|수업)\s*(?:은|는)?\s*무료",
            re.I,
        ),
        lambda m: f"Get your first {(m.group(1) or 'month').lower()} free",
        lambda m: f"첫 {m.group(2) or '달'} 무료로 시작하기",
    ),
    (
        re.compile(r"(\d+)\s*months?\s+free|(\d+)\s*개월\s*(?:이용료\s*|사용료\s*)?무료", re.I),
        lambda m: f"Get {m.group(1) or m.group(2)} months free",
        lambda m: f"{m.group(1) or m.group(2)}개월 무료로 시작하기",
    ),
    (  # a free assessment a service firm offers: 'a free building health check', '무료 급여 진단'
        re.compile(
            r"free\s+((?:[a-z-]+\s+){0,3}?(?:health\s+check|assessment|audit|diagnos\w*|site\s+survey|"
            r"inspection|estimate|quote|evaluation|consultation))|무료\s*((?:\S+\s+)?(?:진단|점검|견적|상담|컨설팅))",
            re.I,
        ),
        lambda m: f"Book your free {(m.group(1) or m.group(2)).lower()}",
        lambda m: f"무료 {m.group(2) or m.group(1)} 신청하기",
    ),
    (  # a paid trial pack: '체험팩(7일분, 9,900원)', '9,900원 체험팩', 'a $9 trial pack'
        re.compile(
            r"(?:([\d,]+\s*원)\s*)?체험\s*(팩|키트|박스)(?:\([^)]{0,15}?([\d,]+\s*원)[^)]*\)|\s+([\d,]+\s*원))?"
            r"|(?:(\$[\d.]+)\s+)?(trial|starter|sample)\s+(pack|kit|box)",
            re.I,
        ),
        lambda m: (
            f"Get your {(m.group(6) or 'trial').lower()} {(m.group(7) or 'pack').lower()}"
            + (f" for {m.group(5)}" if m.group(5) else "")
        ),
        lambda m: (
            (
                f"{price.replace(' ', '')} "
                if (price := m.group(1) or m.group(3) or m.group(4))
                else ""
            )
            + f"체험{m.group(2) or '팩'} 신청하기"
        ),
    ),
    (
        re.compile(r"(\d+)\s*%\s*(?:off|discount)|(\d+)\s*%\s*할인", re.I),
        lambda m: f"Get {m.group(1) or m.group(2)}% off",
        lambda m: f"{m.group(1) or m.group(2)}% 할인 받기",
    ),
    (re.compile(r"\bdemos?\b|데모", re.I), lambda m: "Book a demo", lambda m: "데모 신청하기"),
    (
        re.compile(r"consultation|\bcall\b|상담", re.I),
        lambda m: "Book a consultation",
        lambda m: "상담 신청하기",
    ),
    (
        re.compile(r"free\s+(?:plan|tier|version)|freemium|무료\s*(?:요금제|버전)", re.I),
        lambda m: "Sign up free",
        lambda m: "무료로 가입하기",
    ),
]


_PERK = re.compile(
    r"(?:customers?|clients?|members?|subscribers?)\s+(?:get|receive|save)\b[^.;\n]{0,20}$"
    r"|(?:for|to)\s+(?:existing|contract|current|returning)\s+\w+[^.;\n]{0,10}$|구독\s*시|대비\s*$|회원\s*",
    re.I,
)


def _perk(text: str, m: re.Match[str]) -> bool:
    """A discount that rewards existing customers or compares prices, not an offer."""
    if "%" not in m.group(0):
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    after = text[m.end() : m.end() + 25]
    return bool(
        _PERK.search(before)
        or re.match(r"\s*(?:on\s+)?(?:repair|labor|labour|renewal|parts)", after, re.I)
    )


def offer_cta(text: str, lang: str) -> str:
    """The call to action from what the user actually offers (a 14-day trial, a demo, a free plan)."""
    for pattern, en, ko in _OFFERS:
        # a perk for customers one already has ('contract customers get 15% off repair labor',
        # '구독 시 단품 대비 15% 할인') is no offer to a new buyer
        m = next((f for f in pattern.finditer(text) if not _perk(text, f)), None)
        if not m:
            continue
        make = ko if lang == "ko" else en
        if make is None:  # a Korean-only or English-only phrasing: say it in the plan's language
            make = en or ko
            if lang == "ko" and pattern.pattern.startswith("(\\d+)[- ]day"):
                return f"{m.group(1)}일 {('가이드 ' if 'guided' in m.group(2).lower() else '')}체험 시작하기"
        assert make is not None
        return make(m)
    return "상담 문의하기" if lang == "ko" else "Talk to our team"


def _clean_label(sentence: str) -> str:
    sentence = _ROLE.sub("", sentence)  # 'Primary: …' names the card, not a goal
    return re.sub(
        r"^(?:pains?|goals?|channels?|objections?|triggers?|불편(?:한\s*점)?|고민|고충|애로\s*(?:사항|점)?|어려움|목표|채널|"
        r"반대\s*의견|구매\s*계기)\s*[:：]\s*",
        "",
        sentence,
        flags=re.I,
    ).rstrip(".")


def messaging_from_answer(
    text: str, personas: list[Persona], lang: str, offer_text: str = ""
) -> Messaging:
    """Offline messaging: the positioning answer, its first sentence as the value proposition."""
    sentences = _sentences(text)
    positioning = tidy_markdown(text)
    value = sentences[0] if sentences else positioning
    key_messages = [
        KeyMessage(persona=p.name, message=value, proof_points=[]) for p in personas[:3]
    ]
    cta = offer_cta(f"{offer_text}\n{text}", lang)
    return Messaging(
        positioning=positioning,
        value_proposition=value,
        key_messages=key_messages,
        call_to_action=cta,
    )


_MONEY = r"(?:[$€£₩]\s*)?\d[\d,]*(?:\.\d+)?\s*(?:million(?:\s+dollars)?|thousand(?:\s+dollars)?|k\b|m\b|(?:(?:천만|억|만|천)\s*(?:\d[\d,]*\s*(?:천만|만|천)?\s*)?)?원|천만|억|만|krw|usd|won)?"
_TOTAL = re.compile(
    rf"(?:total|budget|annual|총|전체|예산)(?:[^:\d$€£₩\n]|(?<!\d)20\d\d(?:/\d\d|년)?(?!\d)){{0,40}}?[:：]?\s*(?!20\d\d(?:\b|년|/))({_MONEY})"
    # 'We plan to spend $450K on marketing', '마케팅에 4억 5,000만 원을 쓸 계획'
    rf"|(?:spend|invest)\w*\s+(?:about\s+|around\s+|roughly\s+|up\s+to\s+)?({_MONEY})\s+(?:on|in)\s+marketing"
    rf"|(?:this|next|coming)\s+year\s*[:：]\s*({_MONEY})"
    rf"|마케팅(?:에|비로|비용으로|에만)?\s*(?:약\s*)?({_MONEY})\s*(?:을|를)?\s*(?:쓸|쓰|씁|사용|투자|집행)",
    re.I,
)
# an item may carry a bracketed list of its own ('paid social (Meta, TikTok) 55%')
_ROI = re.compile(r"(?:roi|return|수익률)[^\d]{0,20}(\d+(?:\.\d+)?)\s*(x|배|%)?", re.I)


def parse_money(token: str) -> float | None:
    """'$480,000' -> 480000; '6,000만 원' -> 60000000; '1억 2,000만 원' -> 120000000; '1.2m' -> 1200000."""
    found = [q for q in read_quantities(token) if q.kind in ("money", "count") and not q.is_range]
    return found[0].value if found else None


def _currency(token: str) -> str:
    found = [q for q in read_quantities(token) if q.kind == "money"]
    return found[0].unit if found else ""


_PAST = re.compile(
    r"last\s+year|previous|prior|\bwas\b|\bwere\b|\bspent\b|\bhad\b|작년|지난해|전년|이었|였습니다|였고|썼",
    re.I,
)
_AHEAD = re.compile(
    r"this\s+year|next\s+year|\bplan|\bwill\b|\bis\b|올해|내년|금년|계획|입니다|이며", re.I
)
_YEAR = re.compile(r"\b(20\d\d)\b|(20\d\d)년")
_CLAUSE_START = re.compile(r"[.;!?\n/|]\s|다\.|(?:고|며),?\s|[;\n/|]")


def _budget_total(text: str) -> str:
    """The plan's budget among the amounts the text states: this year's or the plan's, never
    last year's ('Last year's budget: $900,000. This year: $1,200,000.' -> $1,200,000), and
    never a bare number that is part of a year ('Budget 2025/26: $500k' -> $500k)."""
    best: tuple[float, str] | None = None
    for n, m in enumerate(_TOTAL.finditer(text)):
        said = next(g for g in m.groups() if g)
        value = parse_money(said)
        if value is None or (
            value < 1000
            and not re.search(r"[$€£₩원만억]|[kKmM]\b|million|thousand|usd|krw|won", said, re.I)
        ):
            continue
        starts = [c.end() for c in _CLAUSE_START.finditer(text, 0, m.start())]
        after = _CLAUSE_START.search(text, m.end())
        clause = text[starts[-1] if starts else 0 : after.start() if after else len(text)]
        years = [int(a or b) for a, b in _YEAR.findall(clause)]
        score = (-2.0 if _PAST.search(clause) else 0.0) + (1.0 if _AHEAD.search(clause) else 0.0)
        score += (max(years) - 2000) / 100 if years else 0.0
        score -= n * 0.001  # the first of equals
        if best is None or score > best[0]:
            best = (score, said)
    return best[1] if best else ""


def budget_from_answer(text: str) -> Budget:
    """Budget lines (item, share) and the total and expected ROI when the answer states them."""
    budget = Budget()
    said = _budget_total(text)
    if said:
        budget.total = parse_money(said)
        budget.currency = _currency(said)
    roi = _ROI.search(text)
    if roi:
        value = float(roi.group(1))
        budget.expected_roi = value / 100 if roi.group(2) == "%" else value
    budget.lines = budget_lines(text, budget.total, budget.currency)
    return budget


def channels_from_answer(text: str) -> list[str]:
    """The channels as listed; a bracketed note stays with its channel ('Meta (Instagram,
    Facebook)')."""
    from assistant.analysis.lists import split_items

    parts = [p for line in re.split(r"[\n;]", text) for p in split_items(line)]
    return [p.strip(" .") for p in parts if 1 < len(p.strip(" .")) <= 80]

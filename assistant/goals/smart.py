"""Deterministic, bilingual SMART checks on one goal, with reasons and a suggested rewrite."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, Field

from assistant.core.facts import GoalFrame
from assistant.core.lang import detect_language, fix_particles
from assistant.core.plan import CRITERIA, Criterion, SmartResult
from assistant.goals.frame import read_goal_frame
from assistant.goals.numbers import format_amount
from assistant.goals.smart_horizon import growth_multiplier, horizon_days
from assistant.goals.smart_patterns import (
    ABSOLUTE,
    ACTION_MAIN_KO,
    CADENCE_EN,
    CADENCE_KO,
    DEADLINE_EN,
    DEADLINE_KO,
    MEANS_EN,
    MEANS_KO,
    QUANTITY,
    RANK_WITHOUT_NUMBER,
    VAGUE_AMOUNT,
    VAGUE_TIME,
    YEAR_LEFTOVER,
    compile_all,
    first_match,
    longest_match,
    strip_all,
)

_DEADLINE = compile_all(DEADLINE_EN + DEADLINE_KO)
_CADENCE = compile_all(CADENCE_EN + CADENCE_KO)
_VAGUE_TIME = compile_all(VAGUE_TIME)
_YEAR_LEFTOVER = compile_all(YEAR_LEFTOVER)
# Quantities written without digits ("every customer", "zero churn"); numbers come from the reader.
_QUANTITY_WORDS = compile_all([p for p in QUANTITY if "\\d" not in p])
_VAGUE_AMOUNT = compile_all(VAGUE_AMOUNT)
_MEANS = compile_all(MEANS_EN + MEANS_KO)
_ABSOLUTE = compile_all(ABSOLUTE)
_RANK = compile_all(RANK_WITHOUT_NUMBER)
_ACTION_MAIN_KO = re.compile(ACTION_MAIN_KO)
_SEGMENT_EN = re.compile(
    r"\b(?:among|across)\s+\w+|\bin\s+(?:the\s+)?(?!(?:Q[1-4]|FY|H[12])\b)[A-Z][a-z]{3,}"
)
_MONTH_WORD = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)$"
)
_EXCLUDED_ING = {"spring", "morning", "evening", "thanksgiving", "beginning", "string", "thing"}


class SmartContext(BaseModel):
    """What the plan knows that the checks can use."""

    business_objectives: list[str] = Field(default_factory=list)
    deadline_hint: str = ""
    today: date = Field(default_factory=date.today)
    forecast_note: str = ""  # a sentence about the forecast, set when a goal exceeds it
    frame: GoalFrame | None = None  # the goal as read (with the user's corrections), when known
    frame_for: str = ""  # the goal text `frame` was read from (another text is read afresh)
    # the plan's revenue goals: what other goals serve when no business objective is stated
    top_goals: list[str] = Field(default_factory=list)


def _ok(ok: bool | None, en: str, ko: str, lang: str) -> Criterion:
    return Criterion(ok=ok, reason=fix_particles(ko) if lang == "ko" else en)


def check_specific(text: str, lang: str) -> Criterion:
    means = _find_means(text)
    if means:
        return _ok(True, f'Says how: "{means}".', f'방법이 드러나 있습니다: "{means}".', lang)
    if lang == "ko" and _ACTION_MAIN_KO.search(text):
        return _ok(True, "Names a concrete action.", "구체적인 실행 활동이 있습니다.", lang)
    if found := _bracketed_action(text):
        return _ok(True, f'Says how: "{found}".', f'방법이 드러나 있습니다: "{found}".', lang)
    return _ok(
        False,
        "Says what should change but not how - add the means (channel, programme, "
        "segment or approach), e.g. '... by launching a referral programme'.",
        "무엇을 바꿀지는 적혀 있지만 어떻게 할지는 없습니다. 방법(채널, 프로그램, 세그먼트, 접근 방식)을 "
        "넣어야 합니다. 예: '추천 프로그램을 도입하여 ...'.",
        lang,
    )


_ACTION_NOUN = re.compile(
    r"도입|증정|개최|운영|진행|출시|제공|실시|강화|확대|캠페인|프로그램|교육|설명회|판매|업셀|추천|제휴|광고|웨비나|세미나|"
    r"리뷰|프로모션|할인|이벤트|파트너|launch|programme|program|campaign|offer|training|cross-sell|upsell|referral|partner",
    re.I,
)


def _bracketed_action(text: str) -> str | None:
    """A means written in brackets after the goal: '(온보딩 30일 프로그램 도입)', '(신규 가입 시
    식빵 증정)'; a bracket holding only a date or a qualifier ('(로고 기준)') is not one."""
    for inner in re.findall(r"[(（]([^()（）]+)[)）]", text):
        for part in re.split(r"[,，;]\s*", inner):
            if _ACTION_NOUN.search(part) and not re.fullmatch(r"[\d\s년월일분기까지말초]+", part):
                return part.strip()
    return None


def _find_means(text: str) -> str | None:
    if re.search(r"[\uac00-\ud7a3]", text):  # Korean: an instrumental 로/으로 read by Kiwi
        from assistant.core.korean import means_phrase

        if found := means_phrase(text):
            return found
    for pattern in _MEANS:
        for m in pattern.finditer(text):
            words = m.group(0).lower().split()
            if words and words[-1] in _EXCLUDED_ING:
                continue
            return _phrase(text, m)
    for m in _SEGMENT_EN.finditer(text):
        last = m.group(0).split()[-1]
        if not _MONTH_WORD.match(last):
            return _phrase(text, m)
    return None


def _phrase(text: str, m: re.Match[str], words: int = 6) -> str:
    """The means as the user wrote it: in English the clause that starts at the marker ("through
    a webinar series"); in Korean the words that end with the marker ("월간 시음 웨비나를 통해")."""
    if re.search(r"[\uac00-\ud7a3]", m.group(0)):
        tail = text[m.end() :].split(" ", 1)[0] if m.group(0)[-1:] != " " else ""
        marker = (m.group(0).strip() + tail).strip()
        if re.match(r"[A-Za-z]", marker) or not re.match(
            r"(?:을|를|으로|로)?\s*통|하여|해서|함으로써|기\s*위해|위하여|위한", marker
        ):
            head = text[: m.start()]
            lead = "" if head.endswith(" ") or not head else head.split()[-1]
            return f"{lead}{marker}".strip()
        before = " ".join(re.split(r"[.,;:!?]", text[: m.start()])[-1].split()[-3:])
        glue = " " if text[m.start() - 1 : m.start()] == " " else ""
        return f"{before}{glue}{marker}".strip()
    clause = re.split(r"[.,;:!?]", text[m.start() :], maxsplit=1)[0]
    return " ".join(clause.split()[:words])


def without_time(text: str) -> str:
    """The text with deadlines, periods and cadences removed (what is left holds the target)."""
    return strip_all(_YEAR_LEFTOVER, strip_all(_CADENCE, strip_all(_DEADLINE, text)))


def target_text(frame: GoalFrame, lang: str) -> str:
    """The frame's target for a reader: '40 contracts', '+25%', '3만 5,000원'."""
    if frame.target is None:
        return ""
    amount = a_month(format_amount(frame.target.value, frame.target.unit, lang), frame, lang)
    return f"+{amount}" if frame.target.kind == "change" and frame.target.unit != "x" else amount


def a_month(amount: str, frame: GoalFrame, lang: str) -> str:
    """A monthly rate's amount said as one: '월 2,000건', '200 a month'."""
    if frame.target is None or not frame.target.per_period or frame.target.unit == "%":
        return amount
    if re.search(r"월\s*평균|월간|monthly|a\s+month", frame.metric, re.I):
        return amount  # '월평균 신규 환자 4,100명': the metric says the month already
    return f"월 {amount}" if lang == "ko" else f"{amount} a month"


def check_measurable(text: str, lang: str, frame: GoalFrame | None = None) -> Criterion:
    frame = frame or read_goal_frame(text, lang)
    if frame.target is not None:
        shown = target_text(frame, lang)
        if frame.baseline is not None:
            base = a_month(
                format_amount(frame.baseline.value, frame.baseline.unit, lang), frame, lang
            )
            return _ok(
                True,
                f"Has a quantitative target: {shown} (from {base}).",
                f"정량 목표가 있습니다: {base}에서 {shown}.",
                lang,
            )
        return _ok(
            True, f"Has a quantitative target: {shown}.", f"정량 목표가 있습니다: {shown}.", lang
        )
    rest = without_time(text)
    quantity = first_match(_QUANTITY_WORDS, rest)
    if quantity:
        return _ok(
            True,
            f'Has a quantitative target: "{quantity}".',
            f'정량 목표가 있습니다: "{quantity}".',
            lang,
        )
    vague = first_match(_VAGUE_AMOUNT, rest)
    if vague:
        return _ok(
            False,
            f'"{vague}" is not a number - name the metric and a target value (e.g. from 40,000 to 60,000 visits).',
            f'"{vague}"은(는) 수치가 아닙니다. 지표와 목표 값을 적어야 합니다(예: 방문 4만에서 6만으로).',
            lang,
        )
    return _ok(
        False,
        "No quantitative target - name the metric and a number, percentage or amount to reach.",
        "정량 목표가 없습니다. 지표와 도달할 수치·비율·금액을 적어야 합니다.",
        lang,
    )


def check_time_bound(text: str, lang: str) -> Criterion:
    deadline = longest_match(_DEADLINE, text)
    if deadline:
        return _ok(
            True,
            f'Has a deadline or period: "{deadline}".',
            f'기한이 있습니다: "{deadline}".',
            lang,
        )
    cadence = first_match(_CADENCE, text)
    if cadence:
        return _ok(
            False,
            f'"{cadence}" is a cadence, not a deadline - add when the goal must be reached.',
            f'"{cadence}"은(는) 주기일 뿐 기한이 아닙니다. 언제까지 달성할지 적어야 합니다.',
            lang,
        )
    vague = first_match(_VAGUE_TIME, text)
    if vague:
        return _ok(
            False,
            f'"{vague}" is not a deadline - give a date, quarter or period.',
            f'"{vague}"은(는) 기한이 아닙니다. 날짜, 분기 또는 기간을 적어야 합니다.',
            lang,
        )
    return _ok(
        False,
        "No deadline - add a date, a quarter or a period such as 'within 6 months'.",
        "기한이 없습니다. 날짜, 분기 또는 '6개월 안에' 같은 기간을 넣어야 합니다.",
        lang,
    )


def deadline_of(text: str) -> str:
    """The goal's deadline phrase without its preposition ('December 31, 2027', 'Q2 2027')."""
    found = longest_match(_DEADLINE, text)
    if not found:
        return ""
    cleaned = re.sub(
        r"^(?:by|before|until|till|in|during|through|for|within|no later than)\s+(?:the\s+)?",
        "",
        found,
        flags=re.I,
    )
    return cleaned if re.search(r"\d", cleaned) else ""


_HOW_EN = re.compile(r"(?<![\w-])(?:by\s+\w+ing|through|via|using|with|thanks\s+to)\b", re.I)


def _in_the_means(text: str, phrase: str) -> bool:
    """'… from 4.1 to 4.6 stars by asking every client for a review': 'every client' is how, after
    a numeric target, not the target itself."""
    at = text.lower().find(phrase.lower())
    how = next((m for m in _HOW_EN.finditer(text) if m.start() < at), None)
    return at > 0 and how is not None and bool(re.search(r"\d", text[: how.start()]))


def check_achievable(text: str, lang: str, ctx: SmartContext) -> Criterion:
    absolute = first_match(_ABSOLUTE, text)
    if absolute and _in_the_means(text, absolute):
        absolute = ""
    if not absolute and not re.search(
        r"\d", re.sub(r"1\s*(?:위|등)|no\.\s*1|#1", "", text, flags=re.I)
    ):
        absolute = first_match(_RANK, text) or ""
    if absolute:
        return _ok(
            False,
            f'"{absolute}" is an absolute target that is almost never reached - set a realistic '
            "level from your baseline and the resources you have.",
            f'"{absolute}"은(는) 사실상 달성하기 어려운 절대 목표입니다. 현재 기준값과 가용 자원에 '
            "맞는 현실적인 수준으로 정해야 합니다.",
            lang,
        )
    if ctx.forecast_note:
        return _ok(False, ctx.forecast_note, ctx.forecast_note, lang)
    mult = growth_multiplier(text, ctx.frame if ctx.frame_for == text else None)
    days = horizon_days(text, ctx.today)
    if days is not None and days < 0:
        return _ok(
            False,
            f"The deadline passed {-days} days ago - set a date that is still ahead.",
            f"기한이 {-days}일 전에 이미 지났습니다. 앞으로 남은 날짜로 정해야 합니다.",
            lang,
        )
    if mult is not None and days is not None and _implausible(mult, days):
        shown = f"{mult:.1f}".rstrip("0").rstrip(".")
        return _ok(
            False,
            f"A {shown}x change in about {days} days is rarely achievable - give the baseline, "
            "the resources behind it, or a longer period.",
            f"약 {days}일 만에 {shown}배 변화는 달성하기 어렵습니다. 기준값과 투입 자원을 밝히거나 "
            "기간을 늘려야 합니다.",
            lang,
        )
    return _ok(
        True,
        "No red flags; confirm it against your baseline, budget and team capacity.",
        "무리한 부분은 보이지 않습니다. 현재 기준값, 예산, 팀 역량과 비교해 확인해야 합니다.",
        lang,
    )


def _implausible(mult: float, days: int) -> bool:
    return (mult >= 2 and days <= 100) or (mult >= 3 and days <= 370) or mult >= 6


_FAMILIES: dict[str, tuple[str, ...]] = {
    "revenue": ("revenue", "sales", "sell", "arr", "mrr", "deal", "contract", "price", "매출", "판매", "거래", "계약", "수익", "가격"),
    "leads": ("lead", "demo", "sign-up", "signup", "trial", "traffic", "visit", "meeting", "pipeline", "survey", "assessment", "consultation", "health check", "리드", "데모", "가입", "체험", "방문", "트래픽", "미팅", "문의", "상담", "진단"),
    "customers": ("customer", "client", "account", "retention", "churn", "renewal", "repeat", "loyal", "satisf", "nps", "subscriber", "고객", "거래처", "유지", "이탈", "해지", "갱신", "재구매", "충성", "만족", "구독", "친구"),
    "brand": ("brand", "awareness", "engagement", "social", "follower", "reputation", "브랜드", "인지도", "참여", "소셜", "팔로워"),
    "market": ("market", "share", "expan", "partner", "region", "international", "시장", "점유율", "진출", "파트너", "제휴", "입점", "지역", "해외"),
    "efficiency": ("cost", "cac", "cpl", "roi", "margin", "cycle", "efficien", "비용", "효율", "마진", "주기", "수익률"),
}  # fmt: skip
# Which goal families serve an objective of each family (the funnel feeds revenue).
_SERVES: dict[str, set[str]] = {
    "revenue": {"revenue", "leads", "customers", "market", "efficiency"},
    "leads": {"leads", "brand", "efficiency"},
    "customers": {"customers", "revenue"},
    "brand": {"brand", "leads"},
    "market": {"market", "revenue", "leads", "brand"},
    "efficiency": {"efficiency", "revenue"},
}


def _families(text: str) -> set[str]:
    low = text.lower()
    return {fam for fam, words in _FAMILIES.items() if any(w in low for w in words)}


def check_relevant(text: str, lang: str, ctx: SmartContext) -> Criterion:
    objectives = [o for o in ctx.business_objectives if o.strip()]
    if not objectives and ctx.top_goals:
        return _serves_top_goal(text, lang, ctx.top_goals)
    if not objectives:
        return _ok(
            None,
            "Can't judge yet: no business objective is stated. Add one (a line starting "
            "'Business objective:') to check that goals serve it.",
            "아직 판단할 수 없습니다: 사업 목표가 없습니다. '사업 목표:'로 시작하는 줄을 추가하면 "
            "목표가 이를 뒷받침하는지 확인합니다.",
            lang,
        )
    goal_fams = _families(text)
    for objective in objectives:
        served = (
            set().union(*(_SERVES[f] for f in _families(objective)))
            if _families(objective)
            else set()
        )
        if goal_fams & served:
            return _ok(
                True,
                f'Supports the business objective "{objective}".',
                f'사업 목표 "{objective}"을(를) 뒷받침합니다.',
                lang,
            )
    joined = "; ".join(objectives)
    return _ok(
        False,
        f'No clear link to the business objectives ("{joined}") - say how this goal moves them.',
        f'사업 목표("{joined}")와의 연결이 분명하지 않습니다. 이 목표가 어떻게 기여하는지 적어야 합니다.',
        lang,
    )


def _serves_top_goal(text: str, lang: str, top_goals: list[str]) -> Criterion:
    """Relevance against the plan's own revenue goal when no business objective is stated."""
    own = " ".join(text.split())
    if any(" ".join(t.split()) == own for t in top_goals):
        return _ok(
            True,
            "This is the plan's top-line goal; the other goals are checked against it.",
            "계획의 최상위 목표입니다. 다른 목표는 이 목표를 뒷받침하는지로 확인합니다.",
            lang,
        )
    top = top_goals[0]
    if _families(text) & _SERVES["revenue"]:
        return _ok(
            True,
            f'Serves the plan\'s top-line goal "{top}".',
            f'계획의 최상위 목표 "{top}"을(를) 뒷받침합니다.',
            lang,
        )
    return _ok(
        None,
        f'The link to the top-line goal "{top}" is not stated - say how this goal moves it.',
        f'최상위 목표 "{top}"와(과)의 연결이 드러나지 않습니다. 이 목표가 그 목표에 어떻게 '
        "기여하는지 적어야 합니다.",
        lang,
    )


def check_goal(
    text: str, context: SmartContext | None = None, lang: str | None = None
) -> SmartResult:
    """Check one goal against all five SMART criteria."""
    from assistant.goals.smart_rewrite import suggest_rewrite

    ctx = context or SmartContext()
    goal = " ".join(text.split())
    language = lang or detect_language(goal)
    placeholders = re.findall(r"\[[^\]]+\]", goal)
    checked = re.sub(r"\[[^\]]+\]", " … ", goal)  # examples inside placeholders don't count
    criteria = {
        "specific": check_specific(checked, language),
        "measurable": check_measurable(
            checked, language, ctx.frame if ctx.frame_for == text else None
        ),
        "achievable": check_achievable(checked, language, ctx),
        "relevant": check_relevant(checked, language, ctx),
        "time_bound": check_time_bound(checked, language),
    }
    if placeholders:
        for name, c in criteria.items():
            if c.ok is False:
                criteria[name] = _ok(
                    None,
                    f"Fill in the placeholders ({', '.join(placeholders[:3])}) and check again.",
                    f"자리 표시자({', '.join(placeholders[:3])})를 채운 뒤 다시 점검해야 합니다.",
                    language,
                )
    smart = all(criteria[c].ok is not False for c in CRITERIA) and all(
        criteria[c].ok for c in ("specific", "measurable", "achievable", "time_bound")
    )
    suggestion = suggest_rewrite(goal, criteria, language, ctx.deadline_hint)
    return SmartResult(goal=goal, criteria=criteria, smart=smart, suggestion=suggestion)

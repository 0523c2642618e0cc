"""Plan review: findings where the plan's parts disagree or are missing, each with a severity,
the sections involved, a message in the plan's language and a suggested fix. Pure functions."""

from __future__ import annotations

import functools
import re

from pydantic import BaseModel

from assistant.analysis.budget import budget_issues, month_of
from assistant.analysis.review_types import Finding
from assistant.core.catalogue import document_order, get_section, measurement_section_for
from assistant.core.lang import fix_particles
from assistant.core.plan import CRITERIA, Goal, Plan, criterion_name
from assistant.goals.frame import read_goal_frame
from assistant.goals.kpi import KPI, kpi_catalogue


class Review(BaseModel):
    findings: list[Finding]
    summary: dict[str, int]

    def contract(self) -> dict[str, object]:
        return {"findings": [f.model_dump() for f in self.findings], "summary": self.summary}


def _say(plan: Plan, en: str, ko: str) -> str:
    return fix_particles(ko) if plan.language == "ko" else en


def _letters(goal: Goal, lang: str = "en") -> str:
    """The failing criteria, named in the reader's language (never the internal ids)."""
    names = (
        criterion_name(n, lang)
        for n in CRITERIA
        if goal.criteria.get(n) and goal.criteria[n].ok is False
    )
    return ", ".join(n if lang == "ko" else n.lower() for n in names)


def check_goals(plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    for goal in plan.goals:
        failing = _letters(goal, plan.language)
        if failing:
            if not goal.suggestion:  # exports carry verdicts, not rewrites
                from assistant.goals.smart import check_goal

                goal.suggestion = check_goal(goal.text).suggestion
            tracked = ("measurable", "time_bound")
            untrackable = any(goal.criteria[n].ok is False for n in tracked if n in goal.criteria)
            out.append(Finding(
                severity="error" if untrackable else "warning", sections=[goal.section],
                message=_say(plan, f'Goal "{goal.text}" fails SMART ({failing}).', f'목표 "{goal.text}"이(가) SMART 기준을 통과하지 못했습니다({failing}).'),
                fix=_say(plan, f"Suggested rewrite: {goal.suggestion}", f"수정 제안: {goal.suggestion}"),
            ))  # fmt: skip
        measure = measurement_section_for(plan.plan_type, goal.section)
        if not goal.kpis or goal.measurement is None:
            out.append(Finding(
                severity="warning", sections=[goal.section, measure],
                message=_say(plan, f'Goal "{goal.text}" has no KPI or measurement line.', f'목표 "{goal.text}"에 KPI나 측정 계획이 없습니다.'),
                fix=_say(plan, "Pick a KPI (python -m assistant kpi) and add baseline, target, data source and review cadence.", "KPI를 고르고(python -m assistant kpi) 기준값, 목표값, 데이터 출처, 검토 주기를 적어야 합니다."),
            ))  # fmt: skip
        elif not plan.section(measure).content.strip() or plan.section(measure).status not in (
            "answered",
            "drafted",
        ):
            out.append(Finding(
                severity="tip", sections=[measure],
                message=_say(plan, f'The data source for "{goal.measurement.kpi_name}" is only the default suggestion ({goal.measurement.data_source}).', f'"{goal.measurement.kpi_name}"의 데이터 출처가 기본 제안({goal.measurement.data_source})뿐입니다.'),
                fix=_say(plan, "Name the tool or report the numbers will come from in the measurement section.", "측정 섹션에 수치를 가져올 도구나 보고서를 적어야 합니다."),
            ))  # fmt: skip
        if plan.forecast is not None:
            from assistant.analysis.forecast_plan import forecast_note

            note = forecast_note(goal.text, plan.forecast, plan.language)
            if note:
                out.append(Finding(severity="error", sections=[goal.section, "sales_forecast"], message=note,
                                   fix=_say(plan, "Lower the target to the forecast range or add the resources (people, budget, channels) that justify it.", "목표를 예측 범위로 낮추거나 이를 뒷받침할 자원(인력, 예산, 채널)을 적어야 합니다.")))  # fmt: skip
    return out


_LEADS = re.compile(
    r"\b(\d[\d,]*)\s+(?:\w+[- ]){0,2}(?:leads?|mqls?|sqls?|sign-?ups?|demo requests?)\b|(\d[\d,]*)\s*(?:건|개)?의?\s*(?:\S+\s*)?리드",
    re.I,
)
_CUSTOMERS = re.compile(
    r"\b(\d[\d,]*)\s+(?:\w+[- ]){0,3}(?:contracts?|customers?|clients?|accounts?|deals?)\b|(\d[\d,]*)\s*(?:건|곳|명)?\s*(?:의\s*)?(?:신규\s*)?(?:계약|고객|거래처|거래)",
    re.I,
)
_RATE = re.compile(
    r"(?:lead|리드)[^.\n%]{0,40}?(?:conversion|convert|전환)[^.\n%]{0,25}?(\d+(?:\.\d+)?)\s*%|(?:conversion|전환율)[^.\n%]{0,25}?(\d+(?:\.\d+)?)\s*%",
    re.I,
)


def _count_target(goal: Goal) -> int | None:
    """The goal's target as a count (from its frame), or None when it is a rate, money or change."""
    frame = goal.frame or read_goal_frame(goal.text)
    t = frame.target
    if t is None or t.kind != "level" or t.unit in ("%", "pp", "x") or t.unit.isupper():
        return None
    return int(t.value)


def check_funnel(plan: Plan) -> list[Finding]:
    """Marketing lead goals against sales customer goals, given a stated conversion rate."""
    leads = [
        (g, n)
        for g in plan.goals
        if g.section == "mkt_objectives"
        and _LEADS.search(g.text)
        and (n := _count_target(g)) is not None
    ]
    wins = [
        (g, n)
        for g in plan.goals
        if g.section == "sales_objectives"
        and _CUSTOMERS.search(g.text)
        and (n := _count_target(g)) is not None
    ]
    if not leads or not wins:
        return []
    lead_goal, lead_count = max(leads, key=lambda x: x[1])
    win_goal, win_count = max(wins, key=lambda x: x[1])
    text = "\n".join(plan.section(s).content for s in plan.sections)
    rate_match = _RATE.search(text)
    needed = win_count / lead_count * 100 if lead_count else 0
    if rate_match is None:
        from assistant.analysis.plan_analysis import analyse

        funnel = analyse(plan).funnel
        if len(funnel) > 1 and funnel[-1].volume < win_count * 0.95:
            return []  # the consistency check says it with the default rates and the fix
        return [Finding(
            severity="tip", sections=["mkt_objectives", "sales_objectives"],
            message=_say(plan, f"{win_count:,} sales wins from {lead_count:,} leads needs a lead-to-customer conversion of {needed:.1f}%; the plan states no conversion rate to check it.", f"리드 {lead_count:,}건에서 {win_count:,}건을 수주하려면 리드→고객 전환율 {needed:.1f}%가 필요하지만, 계획에 전환율이 없어 확인할 수 없습니다."),
            fix=_say(plan, "State your lead-to-customer conversion rate (e.g. in the measurement or sales KPI section).", "측정이나 판매 KPI 섹션에 리드→고객 전환율을 적어야 합니다."),
        )]  # fmt: skip
    rate = float(next(g for g in rate_match.groups() if g))
    reachable = lead_count * rate / 100
    if reachable + 1e-9 < win_count * 0.95:
        return [Finding(
            severity="warning", sections=["mkt_objectives", "sales_objectives"],
            message=_say(plan, f'Lead and sales goals disagree: {lead_count:,} leads x {rate:g}% conversion = about {reachable:,.0f} customers, but the sales goal is {win_count:,} ("{win_goal.text}").', f'리드 목표와 영업 목표가 맞지 않습니다: 리드 {lead_count:,}건 x 전환율 {rate:g}% = 약 {reachable:,.0f}건인데 영업 목표는 {win_count:,}건입니다("{win_goal.text}").'),
            fix=_say(plan, f"Raise the lead goal to about {win_count / rate * 100:,.0f}, improve conversion to {needed:.1f}%, or lower the sales goal.", f"리드 목표를 약 {win_count / rate * 100:,.0f}건으로 올리거나, 전환율을 {needed:.1f}%로 높이거나, 영업 목표를 낮춰야 합니다."),
        )]  # fmt: skip
    return []


_NOT_CHANNELS = re.compile(
    r"\b(?:tools?|software|salar\w*|staff|team|agency fees?|reserve|contingency|misc\w*|other|research|overhead)\b|도구|인건비|예비비|기타|조사",
    re.I,
)
_SYNONYMS = [
    {
        "event",
        "events",
        "trade",
        "show",
        "conference",
        "expo",
        "booth",
        "행사",
        "전시회",
        "박람회",
        "컨퍼런스",
    },
    {"ads", "ad", "advertising", "paid", "ppc", "광고"},
    {"content", "blog", "webinar", "webinars", "report", "reports", "콘텐츠", "웨비나", "블로그"},
    {"email", "newsletter", "이메일", "뉴스레터"},
    {
        "social",
        "instagram",
        "linkedin",
        "facebook",
        "tiktok",
        "youtube",
        "소셜",
        "인스타그램",
        "링크드인",
    },
    {"search", "seo", "sem", "google", "naver", "검색", "네이버"},
    {"partner", "partners", "agencies", "reseller", "resellers", "파트너", "리셀러"},
]


def _words(text: str) -> set[str]:
    words = {w for w in re.findall(r"[a-z0-9]{3,}|[\uac00-\ud7a3]{2,}", text.lower())}
    expanded = set(words)
    for group in _SYNONYMS:
        if words & group:
            expanded |= {f"#{id(group)}"}
    return expanded


def check_channels(plan: Plan) -> list[Finding]:
    if not plan.budget.lines or not plan.channels:
        return []
    out: list[Finding] = []
    channel_words = [(_words(c), c) for c in plan.channels]
    budget_words = [
        (_words(ln.item), ln.item) for ln in plan.budget.lines if not _NOT_CHANNELS.search(ln.item)
    ]
    for words, item in budget_words:
        if not any(words & cw for cw, _ in channel_words):
            out.append(Finding(severity="warning", sections=["mkt_budget", "mkt_channels"],
                message=_say(plan, f'Budget line "{item}" is not in the channel list.', f'예산 항목 "{item}"이(가) 채널 목록에 없습니다.'),
                fix=_say(plan, f'Add "{item}" to the channels with its role, or move its money to a listed channel.', f'"{item}"을(를) 역할과 함께 채널 목록에 넣거나, 그 예산을 목록의 채널로 옮겨야 합니다.')))  # fmt: skip
    all_budget = [w for w, _ in budget_words]
    for words, channel in channel_words:
        if not any(words & bw for bw in all_budget):
            out.append(Finding(severity="tip", sections=["mkt_channels", "mkt_budget"],
                message=_say(plan, f'Channel "{channel}" has no budget line.', f'채널 "{channel}"에 배정된 예산이 없습니다.'),
                fix=_say(plan, "Give it a budget line, or note that it runs on existing resources.", "예산을 배정하거나 기존 자원으로 운영한다고 적어야 합니다.")))  # fmt: skip
    return out


def check_budget(plan: Plan) -> list[Finding]:
    return [Finding(severity="error", sections=["mkt_budget"], message=issue,
                    fix=_say(plan, "Make the shares add up to 100% and the line amounts to the total.", "비중 합계를 100%로, 항목 금액 합계를 총액과 같게 맞춰야 합니다."))
            for issue in budget_issues(plan)]  # fmt: skip


def check_personas(plan: Plan) -> list[Finding]:
    if plan.messaging.is_empty:
        return []
    out: list[Finding] = []
    names = {p.name.lower(): p for p in plan.personas}
    addressed = {km.persona.lower() for km in plan.messaging.key_messages}
    for key, persona in names.items():
        if not any(key in a or a in key for a in addressed):
            out.append(Finding(severity="warning", sections=["mkt_audience_personas", "mkt_positioning_messaging"],
                message=_say(plan, f'Persona "{persona.name}" is not addressed by any message.', f'페르소나 "{persona.name}"에게 향하는 메시지가 없습니다.'),
                fix=_say(plan, "Write a key message with proof points for this persona (try 'draft messaging').", "이 페르소나를 위한 핵심 메시지와 근거를 써야 합니다('메시지 초안 만들어줘').")))  # fmt: skip
    for km in plan.messaging.key_messages:
        a = km.persona.lower()
        if names and not any(a in key or key in a for key in names):
            out.append(Finding(severity="warning", sections=["mkt_positioning_messaging", "mkt_audience_personas"],
                message=_say(plan, f'A message targets "{km.persona}", which is not one of the personas.', f'메시지 대상 "{km.persona}"이(가) 페르소나 목록에 없습니다.'),
                fix=_say(plan, "Add that persona or point the message at an existing one.", "그 페르소나를 추가하거나 기존 페르소나로 대상을 바꿔야 합니다.")))  # fmt: skip
    return out


_PEAK = re.compile(
    r"(?:peak|busiest|high season|성수기)[^.\n]{0,30}?\b(january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])\b|(\d{1,2})\s*월[^.\n]{0,10}?성수기|성수기[^.\n]{0,10}?(\d{1,2})\s*월",
    re.I,
)
_YEAR_WHEN = re.compile(r"((?:19|20)\d{2})")


def plan_years(plan: Plan) -> tuple[int, int] | None:
    """The plan period in years: the forecast's span, else the years the goals name."""
    if plan.forecast and plan.forecast.points:
        years = [int(p.period[:4]) for p in plan.forecast.points]
        return min(years), max(years)
    years = [int(y) for g in plan.goals for y in _YEAR_WHEN.findall(g.text)]
    return (min(years), max(years)) if years else None


def check_calendar(plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    span = plan_years(plan)
    if span:
        for entry in plan.calendar:
            m = _YEAR_WHEN.search(entry.when)
            if m and not span[0] <= int(m.group(1)) <= span[1]:
                out.append(Finding(severity="warning", sections=["mkt_calendar"],
                    message=_say(plan, f'"{entry.activity}" ({entry.when}) falls outside the plan period {span[0]}-{span[1]}.', f'"{entry.activity}"({entry.when})이(가) 계획 기간 {span[0]}-{span[1]} 밖에 있습니다.'),
                    fix=_say(plan, "Move it into the plan period or drop it.", "계획 기간 안으로 옮기거나 빼야 합니다.")))  # fmt: skip
    peaks: set[int] = set()
    text = "\n".join(
        plan.section(s).content
        for s in ("mkt_market_analysis", "mkt_calendar", "sales_forecast")
        if s in plan.sections
    )
    for m in _PEAK.finditer(text):
        month = month_of(m.group(1)) if m.group(1) else int(m.group(2) or m.group(3))
        if month and 1 <= month <= 12:
            peaks.add(month)
    if plan.forecast and plan.forecast.frequency == "monthly" and plan.forecast.points:
        best = max(plan.forecast.points, key=lambda p: p.value)
        if (month := month_of(best.period)) is not None:
            peaks.add(month)
    if plan.calendar or peaks:
        planned = {mo for e in plan.calendar if (mo := month_of(e.when)) is not None}
        for peak in sorted(peaks):
            if not {peak, (peak - 2) % 12 + 1} & planned:
                out.append(Finding(severity="warning", sections=["mkt_calendar"],
                    message=_say(plan, f"Nothing is planned in or just before the seasonal peak (month {peak}).", f"성수기({peak}월)나 그 직전 달에 계획된 활동이 없습니다."),
                    fix=_say(plan, "Schedule a campaign that starts a month before the peak.", "성수기 한 달 전에 시작하는 캠페인을 넣어야 합니다.")))  # fmt: skip
    return out


# Standard health metrics are worth tracking whether or not a goal names them: never "drop this".
HEALTH_METRICS = {
    "cac", "win_rate", "net_revenue_retention", "churn_rate", "retention_rate", "clv",
    "sales_cycle_length", "average_deal_size", "pipeline_coverage", "nps", "csat",
}  # fmt: skip


def check_kpis(plan: Plan) -> list[Finding]:
    used = {k for g in plan.goals for k in g.kpis}
    out: list[Finding] = []
    told: set[str] = set()  # a KPI named in both measurement sections is one finding
    for sid in ("mkt_measurement", "sales_kpis"):
        if sid not in plan.sections or plan.section(sid).status not in ("answered", "drafted"):
            continue
        text = (
            plan.section(sid).answers[-1]
            if plan.section(sid).answers
            else plan.section(sid).content
        )
        for kpi in kpis_named_in(text):
            if kpi.id not in used and kpi.id not in HEALTH_METRICS and kpi.id not in told:
                told.add(kpi.id)
                out.append(Finding(severity="tip", sections=[sid],
                    message=_say(plan, f'"{kpi.name.en}" is measured but no goal uses it.', f'"{kpi.name.ko}"을(를) 측정하지만 이를 쓰는 목표가 없습니다.'),
                    fix=_say(plan, "Tie it to a goal, or drop it to keep the dashboard focused.", "목표와 연결하거나, 대시보드를 단순하게 하려면 빼야 합니다.")))  # fmt: skip
    return out


@functools.cache
def _cue_patterns() -> tuple[tuple[re.Pattern[str], KPI], ...]:
    """Every KPI name cue as a pattern, longest first (the catalogue is read once per process)."""
    cues = sorted(
        (
            (cue, k)
            for k in kpi_catalogue().values()
            for cue in k.name_cues
            if len(cue) > 2 or re.search("[\uac00-\ud7a3]", cue)
        ),
        key=lambda ck: -len(ck[0]),
    )
    return tuple((re.compile(r"(?<![a-z])" + re.escape(cue) + r"(?![a-z])"), k) for cue, k in cues)


@functools.lru_cache(maxsize=4096)
def _named_in(text: str) -> tuple[KPI, ...]:
    low = text.lower()
    found: list[KPI] = []
    for pattern, kpi in _cue_patterns():
        if pattern.search(low):
            low = pattern.sub(" ", low)
            if kpi not in found:
                found.append(kpi)
    return tuple(found)


def kpis_named_in(text: str) -> list[KPI]:
    """KPIs a text names, longest names first so "net revenue retention" is not also "revenue"
    (remembered by text: every render of the plan asks about the same answers)."""
    return list(_named_in(text))


def check_empty(plan: Plan) -> list[Finding]:
    empty = [
        s
        for s in document_order(plan.plan_type)
        if plan.section(s).status in ("open", "skipped") and not get_section(s).is_summary
    ]
    if not empty:
        return []
    names = ", ".join(plan.title(s) for s in empty)
    return [Finding(severity="error", sections=empty,
                    message=_say(plan, f"{len(empty)} required section(s) are still empty: {names}.", f"필수 섹션 {len(empty)}개가 비어 있습니다: {names}."),
                    fix=_say(plan, "Answer them in the interview ('goto <section>').", "인터뷰에서 답해야 합니다('이동 <섹션>')."))]  # fmt: skip


def review_plan(plan: Plan) -> Review:
    from assistant.analysis.consistency import check_consistency
    from assistant.analysis.plan_review import check_plan_page

    findings = [
        *check_empty(plan),
        *check_goals(plan),
        *check_funnel(plan),
        *check_budget(plan),
        *check_channels(plan),
        *check_personas(plan),
        *check_calendar(plan),
        *check_kpis(plan),
        *check_consistency(plan),
        *check_plan_page(plan),
    ]
    order = {"error": 0, "warning": 1, "tip": 2}
    findings.sort(key=lambda f: order[f.severity])
    summary = {
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "tips": sum(f.severity == "tip" for f in findings),
    }
    return Review(findings=findings, summary=summary)


def _section_title(section_id: str, lang: str) -> str:
    from assistant.core.catalogue import get_section

    try:
        return get_section(section_id).title.get(lang)
    except KeyError:
        return section_id


def format_findings(review: Review, lang: str) -> str:
    """Markdown for chat and the web app."""
    icon = {"error": "❌", "warning": "⚠️", "tip": "💡"}
    s = review.summary
    head = (
        f"**검토 결과:** 오류 {s['errors']} · 경고 {s['warnings']} · 팁 {s['tips']}"
        if lang == "ko"
        else f"**Review:** {s['errors']} error(s) · {s['warnings']} warning(s) · {s['tips']} tip(s)"
    )
    lines = [head]
    for f in review.findings:
        where = ", ".join(_section_title(sid, lang) for sid in f.sections)
        lines.append(f"- {icon[f.severity]} {f.message}  \n  → {f.fix} _({where})_")
    if not review.findings:
        lines.append("문제가 없습니다." if lang == "ko" else "No problems found.")
    return "\n".join(lines)

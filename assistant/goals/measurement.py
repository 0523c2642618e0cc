"""Measurement lines: for each goal, the KPI, formula, baseline, target, data source and cadence."""

from __future__ import annotations

import re

from assistant.core.facts import GoalFrame
from assistant.core.plan import Goal, MeasurementLine
from assistant.goals.kpi import advise, get_kpi
from assistant.goals.numbers import format_amount
from assistant.goals.smart import a_month, target_text

_TOOLS = re.compile(
    r"\b(?:hubspot|salesforce|google analytics|ga4|looker|tableau|power bi|mixpanel|amplitude|"
    r"pipedrive|zoho|excel|crm|dashboard|marketo|mailchimp|stripe|metabase)\b|대시보드|엑셀|구글\s*애널리틱스|"
    r"허브스팟|세일즈포스|파이프드라이브|네이버\s*애널리틱스|구글\s*스프레드시트|루커\s*스튜디오|채널톡|스티비",
    re.I,
)
_CADENCE = re.compile(
    r"\b(?:daily|weekly|monthly|quarterly|every (?:day|week|month|quarter|monday|friday))\b|매일|매주|매월|매달|분기마다|매분기",
    re.I,
)


_REDUCE = re.compile(
    r"\b(?:reduc|cut|lower|decreas|shrink|slash|drop)\w*|줄|낮추|낮춘|감소|절감|인하", re.I
)


def baseline_text(frame: GoalFrame | None, lang: str) -> str:
    """The baseline with its unit and where it came from, or a sentence saying how to set it."""
    if frame is None or frame.baseline is None:
        return "첫 측정치로 정함" if lang == "ko" else "set from the first measurement"
    b = frame.baseline
    shown = a_month(format_amount(b.value, b.unit, lang), frame, lang)
    if b.source == "sales history":
        return f"{shown} (판매 이력)" if lang == "ko" else f"{shown} (from sales history)"
    return shown


# the month belongs to the counted thing ('monthly visits', '월 방문자'), not to the means
# ('a monthly webinar series', '월간 웨비나')
_PER_MONTH_KO = re.compile(
    r"(?<![가-힣])월\s*(?:간\s*)?(?:방문|매출|활성|구독자|주문|리드|이용자|사용자)"
)


def with_period(goal_text: str, frame: GoalFrame, shown: str, lang: str) -> str:
    """A level counted per month says so ('60,000 visits a month', '월 5만 명'): a target without
    its period reads as a total."""
    if frame.target is None or frame.target.kind != "level":
        return shown
    unit = re.escape(frame.target.unit or "")
    monthly = (
        _PER_MONTH_KO.search(goal_text)
        if lang == "ko"
        else unit
        and re.search(
            rf"\bmonthly\s+(?:[a-z-]+\s+)?{unit}|{unit}\s+(?:a|per)\s+month\b", goal_text, re.I
        )
    )
    if not monthly:
        return shown
    if lang == "ko":
        return shown if shown.startswith("월 ") else f"월 {shown}"
    return shown if shown.endswith(" a month") else f"{shown} a month"


def goal_target_text(goal_text: str, frame: GoalFrame | None, lang: str) -> str:
    """The target with its unit: '40 contracts', '+25%', '−2 pp', '3만 5,000원'."""
    if frame is None or frame.target is None:
        return "미정(목표에 수치 없음)" if lang == "ko" else "to be set (the goal states no number)"
    shown = with_period(goal_text, frame, target_text(frame, lang), lang)
    if frame.target.kind == "change" and _REDUCE.search(goal_text) and shown.startswith("+"):
        shown = "−" + shown[1:]
    if frame.target.kind == "change" and lang == "ko":
        return f"{shown} (증감)"
    return shown


_STUDIES = {"brand_awareness", "brand_equity", "market_share", "nps", "clv"}


_OWN_UNIT = [
    ("leads", re.compile(r"\bmqls?\b|marketing[- ]qualified|마케팅\s*적격", re.I), (
        ("Marketing-qualified leads (MQL)", "New leads that meet the MQL criteria in the period"),
        ("마케팅 적격 리드(MQL) 수", "기간 내 MQL 기준을 충족한 신규 리드 수"),
    )),
    ("website_traffic", re.compile(r"\borganic\b|자연\s*유입|검색\s*유입|오가닉", re.I), (
        ("Organic website traffic", "Sessions that arrive from unpaid search in the period"),
        ("자연 유입 트래픽", "기간 내 유료 광고가 아닌 검색으로 들어온 방문 수"),
    )),
]  # fmt: skip
_ORGANIC = _OWN_UNIT[1][1]
_OWN_OUTLETS = re.compile(
    r"(?:매장|점포|지점)\s*수|출점|신규\s*가맹(?!점)|\bopen\w*\s+(?:\d+\s+)?(?:new\s+)?(?:stores|locations|outlets|branches|restaurants|studios|clinics)\b"
    r"|number\s+of\s+(?:stores|locations|outlets|branches|restaurants)",
    re.I,
)
_THEIR_OUTLETS = re.compile(
    r"거래|고객|유치|납품|입점|활성|account|customer|client|merchant|retailer|dealer|active", re.I
)
_VISITORS = re.compile(r"visitors|visits|방문자|방문 수", re.I)
_BLOG = re.compile(r"\bblog|블로그", re.I)
_MONTHLY = re.compile(
    r"\bmonthly|a\s+month|per\s+month|(?<![가-힣])월\s*(?:간\s*)?방문|매월|한\s*달", re.I
)


def _visitors(goal_text: str, ko: bool) -> tuple[str, str]:
    """The visitors a goal counts, where it counts them: a blog's monthly visitors are the blog's
    unique visitors in a month, not the website's traffic over the period."""
    blog = bool(_BLOG.search(goal_text))
    month = bool(_MONTHLY.search(goal_text))
    if ko:
        where = "블로그" if blog else "웹사이트"
        return f"{where} {'월 ' if month else ''}방문자 수", f"{'한 달' if month else '기간'} 동안 {where}에 들어온 순 방문자 수"  # fmt: skip
    where = "Blog" if blog else "Website"
    return f"{'Monthly ' + where.lower() if month else where} visitors", f"Unique visitors to the {where.lower()} in {'a month' if month else 'the period'}"  # fmt: skip


_GENERIC_TOOLS = {"dashboard", "대시보드"}


def _tools_text(tools: list[str], lang: str) -> str:
    """The tools the measurement answer names, a bare 'dashboard' joined to the one tool that
    holds it ('HubSpot dashboard', '허브스팟 대시보드'), never listed as a second source."""
    named = [t for t in tools if t.lower() not in _GENERIC_TOOLS]
    generic = [t for t in tools if t.lower() in _GENERIC_TOOLS]
    if generic and len(named) == 1:
        return f"{named[0]} {'대시보드' if lang == 'ko' else 'dashboard'}"
    return ", ".join(named or tools)


# how revenue is counted for each way of earning: revenue earned in the period, never the value
# of contracts signed (bookings), so the figure compares with a revenue goal like for like
_REVENUE_BY_MODEL = {
    "subscription": (("Revenue earned in the period: the subscription months served in it (a year paid up front counts a twelfth a month), not the value of contracts signed or invoiced", "Billing system (revenue by service month)"),
                     ("기간에 인식한 매출: 체결·청구한 계약 금액이 아니라 그 기간에 제공한 구독분의 합(연 선납은 달마다 12분의 1씩)", "청구 시스템(제공 월별 매출)")),
    "take_rate": (("Payment volume in the period × take rate, plus fixed fees", "Settlement and billing system"),
                  ("기간 내 결제 거래액 × 수수료율 + 고정 이용료", "정산·청구 시스템")),
    "transactional": (("Orders in the period × average order value, net of returns and discounts", "Order system or shop platform"),
                      ("기간 내 주문 수 × 평균 주문 금액(반품·할인 제외)", "주문 시스템 또는 쇼핑몰 관리자")),
    "services": (("Value of the work delivered and invoiced in the period", "Invoicing and project records"),
                 ("기간에 수행하고 청구한 프로젝트 금액의 합", "청구·프로젝트 기록")),
}  # fmt: skip
_VOLUME = re.compile(
    r"\b(?:tpv|gmv)\b|(?:payment|transaction|processing|merchandise|card)\s+volume|volume\s+processed|거래액|결제액|취급액",
    re.I,
)
_RECURRING_LEVEL = re.compile(
    r"\b(?:arr|mrr)\b|annual\s+recurring|monthly\s+recurring|연간\s*반복\s*매출|월\s*반복\s*매출",
    re.I,
)


def _own_measure(goal: Goal, lang: str) -> tuple[str, str, str] | None:
    """(name, formula, source) of a goal no catalogue KPI measures, from its own metric: a
    spelling-alike KPI ('fill rate' as upsell rate) would measure something else."""
    f = goal.frame
    if goal.kpis or f is None or f.kpi or f.target is None or not f.metric.strip():
        return None
    metric = f.metric.strip()
    ko = lang == "ko"
    pct = f.target.unit in ("%", "pp")
    name = metric[:1].upper() + metric[1:]
    formula = (
        (f"목표가 정한 방식으로 잰 {metric}{'' if re.search('[율률]$', metric) else ' 비율'}(기간별)" if pct else f"목표가 정한 방식으로 센 {metric}(기간 말 기준)")
        if ko
        else (f"{name} as the goal defines it, per period" if pct else f"{name} as the goal counts it, at the end of each period")
    )  # fmt: skip
    source = "이 수치를 기록하는 시스템(1월에 담당자와 함께 정함)" if ko else "the system that records it (named with its owner in January)"  # fmt: skip
    return name, formula, source


def measurement_for(goal: Goal, lang: str, measurement_answer: str = "", revenue_model: str = "") -> MeasurementLine:  # fmt: skip
    """The measurement line for a goal; tools and cadence the user named take precedence; a
    revenue goal is counted the way the business earns (`revenue_model`)."""
    kpi_id = (goal.frame.kpi if goal.frame and goal.frame.kpi else None) or (
        goal.kpis[0] if goal.kpis else advise(goal.text, k=1, lang=lang)[0].id
    )
    kpi = get_kpi(kpi_id)
    tools = sorted({m.group(0) for m in _TOOLS.finditer(measurement_answer)}, key=str.lower)
    cadence = _CADENCE.search(measurement_answer)
    name, formula = kpi.name.get(lang), kpi.formula.get(lang)
    custom = _own_measure(goal, lang)
    if custom is not None:  # no catalogue KPI fits ('fill rate', '원생 수'): the goal's own measure
        name, formula, source = custom
        return MeasurementLine(
            goal=goal.text, kpi=kpi.id, kpi_name=name, formula=formula,
            baseline=with_period(goal.text, goal.frame, baseline_text(goal.frame, lang), lang) if goal.frame and goal.frame.baseline else baseline_text(goal.frame, lang),
            target=goal_target_text(goal.text, goal.frame, lang),
            data_source=_tools_text(tools, lang) if tools else source,
            cadence=cadence.group(0) if cadence else ("매달" if lang == "ko" else "monthly"),
        )  # fmt: skip
    for kid, said, own in _OWN_UNIT:  # the unit the goal counts ('MQLs', '방문자'), not a kin
        if kpi.id == kid and said.search(goal.text):
            name, formula = own[lang == "ko"][0] or name, own[lang == "ko"][1]
            break
    if (
        kpi.id == "website_traffic"
        and _VISITORS.search(goal.text)
        and not _ORGANIC.search(goal.text)
    ):
        name, formula = _visitors(goal.text, lang == "ko")
    source = kpi.data_source.get(lang)
    if (
        kpi.id == "new_customers"
        and _OWN_OUTLETS.search(goal.text)
        and not _THEIR_OUTLETS.search(goal.text)
    ):
        # a chain's own outlets ('매장 수를 72개에서 90개로'): counted open, not as customers won
        name, formula = (("영업 중인 매장 수", "기간 말 영업 중인 매장 수(새로 연 매장 - 문을 닫은 매장)") if lang == "ko"
                         else ("Outlets open", "Outlets open at the end of the period (opened less closed)"))  # fmt: skip
        source = "출점·폐점 기록" if lang == "ko" else "Store opening and closing records"
    if kpi.id == "revenue" and _VOLUME.search(goal.text):  # the volume itself, not what it earns
        formula = (
            "기간 내 처리한 거래액의 합(취소·환불 제외)"
            if lang == "ko"
            else "Total volume processed in the period, net of cancellations and refunds"
        )
        source = "정산 시스템" if lang == "ko" else "Settlement system"
    elif kpi.id == "revenue" and _RECURRING_LEVEL.search(goal.text):  # a level at a date
        formula = (
            "그 시점의 월 반복 매출 × 12(연환산, 일회성 매출 제외)"
            if lang == "ko"
            else "Recurring revenue in the month of the date × 12 (one-off fees excluded)"
        )
        source = (
            "청구 시스템(기간별 청구액)"
            if lang == "ko"
            else "Billing system (invoices for the period)"
        )
    elif kpi.id == "revenue" and revenue_model in _REVENUE_BY_MODEL:
        formula, source = _REVENUE_BY_MODEL[revenue_model][lang == "ko"]
    # a study is read from the study, not from the dashboard that shows the weekly numbers
    data_source = _tools_text(tools, lang) if tools and kpi.id not in _STUDIES else source
    if goal.frame is not None and goal.frame.baseline is not None:
        baseline = with_period(goal.text, goal.frame, baseline_text(goal.frame, lang), lang)
    elif kpi.id not in _STUDIES and data_source:
        # the company's own systems already hold last year's figure: it is pulled, not waited for
        # a dated task, not a placeholder: pulled in the plan year's first week
        baseline = (f"작년 실적({data_source}에서 1월 첫 주에 가져옴)" if lang == "ko"
                    else f"last year's total, pulled from {data_source} in the first week of January")  # fmt: skip
    else:
        baseline = baseline_text(goal.frame, lang)
    return MeasurementLine(
        goal=goal.text,
        kpi=kpi.id,
        kpi_name=name,
        formula=formula,
        baseline=baseline,
        target=goal_target_text(goal.text, goal.frame, lang),
        data_source=data_source,
        # a study measured quarterly or yearly (brand, NPS, market share) keeps its own cadence:
        # a weekly dashboard cannot review it
        cadence=cadence.group(0) if cadence and kpi.id not in _STUDIES else kpi.cadence.get(lang),
    )

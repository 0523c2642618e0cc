"""The plan's market (country or region, and industry) read from its answers, and the seasonal moments
that belong to that market only - a North American retailer never gets Seollal suggested."""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.core.plan import Plan

_COUNTRIES: list[tuple[str, re.Pattern[str]]] = [
    ("KR", re.compile(r"\bkorea|\bseoul|\bbusan|국내|한국|서울|부산|대한민국|전국", re.I)),
    ("US", re.compile(r"north\s+america|\bunited\s+states|\bu\.?s\.?a?\b|\bamerican|\bcanad|\bnew\s+york|\bcalifornia|\btexas|\bflorida|\billinois|\bchicago|\bdallas|\bhouston|\batlanta|\bboston|\bseattle|\bmidwest|\balabama|\balaska|\barizona|\barkansas|\bcolorado|\bconnecticut|\bdelaware|\bgeorgia|\bhawaii|\bidaho|\bindiana|\biowa|\bkansas|\bkentucky|\blouisiana|\bmaine|\bmaryland|\bmassachusetts|\bmichigan|\bminnesota|\bmississippi|\bmissouri|\bmontana|\bnebraska|\bnevada|\bnew\s+hampshire|\bnew\s+jersey|\bnew\s+mexico|\bnorth\s+carolina|\bnorth\s+dakota|\bohio|\boklahoma|\boregon|\bpennsylvania|\brhode\s+island|\bsouth\s+carolina|\bsouth\s+dakota|\btennessee|\butah|\bvermont|\bvirginia|\bwashington\s+state|\bwisconsin|\bwyoming|\bphiladelphia|\bpittsburgh|\bdetroit|\bdenver|\bphoenix|\bportland|\bpacific\s+northwest|\bnew\s+england|\btri-?state|북미|미국", re.I)),
    ("EU", re.compile(r"\beurope|\beu\b|\bu\.?k\.?\b|\bgerman|\bfrance|\bdach\b|유럽|영국|독일", re.I)),
    ("JP", re.compile(r"\bjapan|\btokyo|일본|도쿄", re.I)),
]  # fmt: skip
COUNTRIES = _COUNTRIES  # the markets a text can name (a weakness about another one is not ours)
_INDUSTRIES: list[tuple[str, re.Pattern[str]]] = [
    # care for patients: no retail or business calendar, and no fee per patient referred
    ("healthcare", re.compile(r"dental|dentist|orthodont|physical\s+therap|physiotherap|chiropract|outpatient|rehab(?:ilitation)?\b|orthopedic|\bpatients?\b|medical\s+practice|치과|(?<!동물)의원|(?<!동물)병원|환자|진료|한의원|물리\s*치료|임플란트", re.I)),
    ("home_services", re.compile(r"plumb|hvac|heating\s+and\s+cooling|furnace|boiler|roofing|electrician|handyman|home\s+services|배관|설비\s*(?:공사|시공|업체)|냉난방|보일러|에어컨\s*설치|집수리|시공", re.I)),
    ("tax", re.compile(r"\btax\b|accounting\s+software|bookkeeping|세무(?!사)|부가세|종합소득세|회계\s*소프트웨어|세금", re.I)),
    # 'HR' the department, never 'hr' the hour ('4-hr response', '$145/hr')
    ("hr", re.compile(r"(?-i:\bHR\b)(?![-/])|payroll|human\s+resources|timekeeping|근태|급여\s*(?:계산|관리)|노무\s*관리|인사\s*관리|전자\s*근로계약|연차\s*관리", re.I)),
    ("b2b", re.compile(r"\bb2b\b|saas|software|platform|dashboard|analytics|\bapi\b|integration|consult|engagements?\b|retainers?\b|enterprise|mid-?market|janitorial|facility|(?:card|payment)\s+processing|merchant\s+services|point[-\s]of[-\s]sale|기업용|솔루션|소프트웨어|플랫폼|대시보드|콘솔|결제\s*대행|정산|컨설팅|전자결재", re.I)),
    # parts, machinery and supplies sold to plants: maintenance budgets and shutdowns, not gifting
    ("industrial", re.compile(r"industrial|manufactur|\bmro\b|machine\s+tools?|machining|spare\s+parts|replacement\s+parts|bearings?|fasteners?|factory|plant\s+maintenance|공작기계|산업용|부품|베어링|볼스크류|금형|공구|공장|설비\s*보전|제조사|제조업", re.I)),
    ("food", re.compile(r"food|caf[eé]|coffee|restaurant|bakery|식품|카페|커피|음식|베이커리|빵", re.I)),
    ("education", re.compile(r"education|school|student|course|tutoring|\blessons?\b|\bclasses\b|학원|교육|학생|강의|정규반|특강|수업|수강|과외", re.I)),
    ("retail", re.compile(r"retail|store|shop|e-?commerce|consumer|apparel|fashion|소매|매장|쇼핑|이커머스|유통|리테일|의류", re.I)),
]  # fmt: skip
_OFFER = ("sales_offering", "mkt_mix_4p")  # what the company sells decides its industry
_P_LABELS = re.compile(
    r"(?:^|(?<=[\s.;]))(?:product|price|place|promotion|제품|가격|유통|판촉)\s*[:：]", re.I
)

# (month, market, industry or "*", English, Korean)
_EVENTS: list[tuple[int, str, str, str, str]] = [
    (1, "*", "b2b", "New year planning: budgets reset", "새해 예산 편성: 기업 예산이 새로 열림"),
    (1, "US", "retail_trade", "NRF Retail's Big Show (New York)", "NRF 리테일 빅쇼(뉴욕)"),
    (2, "US", "retail", "Valentine's Day", "밸런타인데이"),
    (5, "US", "retail", "Memorial Day sales", "메모리얼데이 세일"),
    (
        7,
        "US",
        "retail",
        "Amazon Prime Day and Fourth of July sales",
        "아마존 프라임데이·독립기념일 세일",
    ),
    (8, "US", "retail", "Back-to-school season", "신학기(back-to-school) 시즌"),
    (8, "US", "education", "Back-to-school season", "신학기(back-to-school) 시즌"),
    (
        11,
        "US",
        "retail",
        "Black Friday and Cyber Monday (after Thanksgiving)",
        "블랙프라이데이·사이버먼데이(추수감사절 직후)",
    ),
    (12, "US", "retail", "Holiday season", "연말 홀리데이 시즌"),
    (
        4,
        "US",
        "tax",
        "Federal tax filing deadline (mid-April)",
        "미국 연방 세금 신고 마감(4월 중순)",
    ),
    (
        1,
        "KR",
        "tax",
        "VAT filing (second-half return, January 25)",
        "부가세 확정 신고(1월 25일까지)",
    ),
    (7, "KR", "tax", "VAT filing (first-half return, July 25)", "부가세 확정 신고(7월 25일까지)"),
    (5, "KR", "tax", "Comprehensive income tax filing (May)", "종합소득세 신고(5월)"),
    (3, "KR", "tax", "Corporate tax filing (March)", "법인세 신고(3월)"),
    (2, "KR", "retail", "Seollal (Lunar New Year) gifting", "설날 선물 시즌"),
    (2, "KR", "food", "Seollal (Lunar New Year) gifting", "설날 선물 시즌"),
    (3, "KR", "education", "New school year", "신학기"),
    (
        6,
        "KR",
        "education",
        "Summer vacation programmes: families enrol in June",
        "여름 방학 특강 모집(6월)",
    ),
    (
        11,
        "KR",
        "education",
        "Winter vacation programmes: families enrol in November",
        "겨울 방학 특강 모집(11월)",
    ),
    (5, "US", "education", "Summer programs: families enroll in May", "여름 프로그램 등록(5월)"),
    (
        5,
        "KR",
        "retail",
        "Family month (Children's and Parents' Day)",
        "가정의 달(어린이날·어버이날)",
    ),
    (9, "KR", "retail", "Chuseok gifting (September/October)", "추석 선물 시즌(9~10월)"),
    (9, "KR", "food", "Chuseok gifting (September/October)", "추석 선물 시즌(9~10월)"),
    (
        11,
        "KR",
        "retail",
        "Korea Sale Festa and Pepero Day (11.11)",
        "코리아세일페스타·빼빼로데이(11.11)",
    ),
    # the year's end closes a business's budget; for families it is the holiday season
    (12, "KR", "b2b", "Year-end season and budget close", "연말 시즌·예산 마감"),
    (12, "KR", "industrial", "Year-end season and budget close", "연말 시즌·예산 마감"),
    (12, "KR", "consumer", "Year-end and Christmas season", "연말·크리스마스 시즌"),
    (11, "EU", "retail", "Black Friday", "블랙프라이데이"),
    (12, "EU", "retail", "Christmas season", "크리스마스 시즌"),
    (
        1,
        "US",
        "home_services",
        "AHR Expo, the HVAC and plumbing trade show (late January or early February)",
        "AHR 엑스포(냉난방·배관 전시회, 1월 말~2월 초)",
    ),
    (
        3,
        "US",
        "home_services",
        "Spring maintenance season: AC tune-ups before summer",
        "봄 점검 시즌: 여름 전 에어컨 점검",
    ),
    (6, "US", "home_services", "Cooling season peak (June to August)", "냉방 성수기(6~8월)"),
    (
        10,
        "US",
        "home_services",
        "Heating season start: furnace and boiler tune-ups",
        "난방 시즌 시작: 보일러·난방기 점검",
    ),
    (3, "KR", "home_services", "Spring moving season", "봄 이사철"),
    (
        6,
        "KR",
        "home_services",
        "Monsoon preparation: leak and drainage checks",
        "장마 대비 누수·배수 점검",
    ),
    (9, "KR", "home_services", "Autumn moving season", "가을 이사철"),
    (
        10,
        "KR",
        "home_services",
        "Heating season start: boiler checks",
        "난방 시즌 시작: 보일러 점검",
    ),
    (12, "EU", "home_services", "Winter heating peak", "겨울 난방 성수기"),
    (1, "KR", "hr", "Year-end tax settlement season (January-February)", "연말정산 시즌(1~2월)"),
    (
        7,
        "KR",
        "hr",
        "Annual-leave use reminders (again in October)",
        "연차 사용 촉진 통지(10월에 한 번 더)",
    ),
    (
        8,
        "KR",
        "hr",
        "Next year's minimum wage announced (early August)",
        "다음 해 최저임금 고시(8월 초)",
    ),
    (1, "US", "hr", "W-2 and year-end payroll season (January)", "W-2·연말 급여 정산 시즌(1월)"),
    (
        10,
        "US",
        "hr",
        "Benefits open enrollment (October-November)",
        "복리후생 오픈 인롤먼트(10~11월)",
    ),
    (
        4,
        "KR",
        "hr",
        "Health insurance annual settlement in April's payroll",
        "건강보험료 연말정산(4월 급여 반영)",
    ),
    *(
        (
            11,
            where,
            "retail_buyers",
            "Retail buyers' peak season (November-December): new systems wait until January",
            "유통 고객의 성수기(11~12월): 새 시스템 도입은 1월 이후로 미룸",
        )
        for where in ("US", "EU")
    ),
    (6, "*", "b2b", "Mid-year and H1 close", "상반기 마감"),
    (1, "*", "industrial", "New year: plant maintenance budgets open", "새해 설비 정비 예산 편성"),
    (
        7,
        "KR",
        "industrial",
        "Summer shutdown: plants service their lines in the late-July holiday week",
        "하계 휴가 집중 정비(7월 말~8월 초 공장 휴무 기간)",
    ),
    (
        7,
        "US",
        "industrial",
        "Summer shutdown week around July 4: planned line maintenance",
        "7월 4일 전후 하계 셧다운 정비",
    ),
    (
        10,
        "*",
        "industrial",
        "Next-year maintenance and spare-parts budgets set (Q4)",
        "내년 정비·예비 부품 예산 결정(4분기)",
    ),
    (
        10,
        "*",
        "b2b",
        "Next-year budget planning (Q4 budget decisions)",
        "내년 예산 계획(4분기 예산 결정)",
    ),
]


class Market(BaseModel):
    country: str | None = None  # KR, US, EU, JP
    industry: str | None = None  # home_services, tax, hr, b2b, industrial, education, food, retail


def infer_market(plan: Plan) -> Market:
    """Where and in what industry the plan sells, from its market and audience answers."""
    text = _P_LABELS.sub(" ", "\n".join(
        plan.section(s).content
        for s in ("mkt_market_analysis", "sales_target_market", "mkt_audience_personas",
                  "sales_territories_channels", "mkt_mix_4p", "sales_offering")
        if s in plan.sections
    ))  # fmt: skip
    country = next((c for c, p in _COUNTRIES if p.search(text)), None)
    # what the competitors are ('온라인 인강 플랫폼') says nothing of the plan's own industry
    text = re.sub(r"(?:경쟁사|경쟁\s*업체|competitors?)\s*[:：][^.\n]*", " ", text, flags=re.I)
    if country is None and plan.language == "ko":
        country = "KR"
    # what it sells first: a retail-analytics SaaS sells software to stores, it is not a store
    # the 4P answer's own labels ('유통:' is Place, not retail) say nothing of the industry
    offer = _P_LABELS.sub(
        " ", "\n".join(plan.section(s).content for s in _OFFER if s in plan.sections)
    )
    industry = next((i for i, p in _INDUSTRIES if p.search(offer)), None) or next(
        (i for i, p in _INDUSTRIES if p.search(text)), None
    )
    # one passing word ('B2B 단체 수강') does not outweigh an offer made of another industry's
    # words (강의, 수강, 특강 … nine times): an industry said four times as often decides
    counts = {i: len(p.findall(offer)) for i, p in _INDUSTRIES}
    if industry in counts and counts[industry]:
        top = max(counts, key=lambda i: counts[i])
        if counts[top] >= 3 and counts[top] >= 4 * counts[industry]:
            industry = top
    return Market(country=country, industry=industry)


_BUYERS = ("sales_target_market", "mkt_audience_personas")
_RETAIL_BUYER = re.compile(
    r"retail(?:ers?|\s+chains?)|store\s+chains?|\d+\s*-\s*\d+\s+stores?|merchants?|소매(?:업|점)|유통(?:업|사)|리테일|매장을\s*\S*\s*운영|체인",
    re.I,
)
_PEAK_MONTHS = {"retail_buyers": (11, 12)}


def sells_to_retailers(plan: Plan, market: Market | None = None) -> bool:
    """A business that sells to stores (a retail-analytics SaaS, a POS vendor), not a store: its
    buyers' peak season is when they take on nothing new."""
    market = market or infer_market(plan)
    # the holiday change freeze of North American and European chains
    if market.industry not in ("b2b", "hr", "tax") or market.country not in ("US", "EU"):
        return False
    text = "\n".join(plan.section(s).content for s in _BUYERS if s in plan.sections)
    return bool(_RETAIL_BUYER.search(text))


def buyer_freeze_months(plan: Plan) -> tuple[int, ...]:
    """The months the buyers put off new systems (a retailer's November-December peak), or ()."""
    return _PEAK_MONTHS["retail_buyers"] if sells_to_retailers(plan) else ()


def freeze_notes(plan: Plan, year: int, pipeline: bool = False) -> list[str]:
    """Dated activities that court new buyers in the months those buyers take on nothing new (a
    holiday campaign to retail chains in November), with when to run them instead (`pipeline`:
    the calendar counts them as next year's pipeline, which is said too)."""
    months = buyer_freeze_months(plan)
    if not months:
        return []
    from assistant.analysis.months import _MONTHS_EN, month_of

    ko = plan.language == "ko"
    hit = [e for e in plan.calendar if month_of(e.when) in months and (e.year or year) == year]
    if not hit:
        return []
    names = ", ".join(f"{e.activity}({e.when})" if ko else f"{e.activity} ({e.when})" for e in hit)
    names = names[:1].upper() + names[1:]
    first, last = _MONTHS_EN[months[0] - 1].capitalize(), _MONTHS_EN[months[-1] - 1].capitalize()
    if ko:
        return [
            f"{names}: {months[0]}~{months[-1]}월은 유통 고객의 성수기라 새 시스템 도입을 1월 이후로 미룹니다. 시즌을 준비하는 8~9월에 결정하므로, {year}년 거래를 얻으려면 그때 진행해야 합니다."
            + (
                " 지금 날짜로는 다음 해 파이프라인을 채우는 활동으로 잡았습니다."
                if pipeline
                else ""
            )
        ]
    return [
        f"{names} {'runs' if len(hit) == 1 else 'run'} in the retail buyers' peak season ({first}-{last}), when stores put off new systems until January. They decide while preparing for the season, in August and September: run {'it' if len(hit) == 1 else 'them'} then to win {year} deals."
        + (
            f" Where {'it stands' if len(hit) == 1 else 'they stand'}, {'it is' if len(hit) == 1 else 'they are'} counted as building next year's pipeline."
            if pipeline
            else ""
        )
    ]


def quarter_weights(plan: Plan) -> list[float]:
    """Months of signing in each quarter: 3 each, except around the buyers' freeze, where deals
    that would sign from mid-November wait until January (Q4 holds 1.5, and Q1 carries last
    year's slipped 1.5 on top of its own 3, the year's total unchanged)."""
    if buyer_freeze_months(plan) != (11, 12):
        return [3.0, 3.0, 3.0, 3.0]
    return [4.5, 3.0, 3.0, 1.5]


def shaped(total: int, weights: list[float]) -> list[int]:
    """Whole customers a quarter in proportion to the weights, summing to the total (the largest
    remainders take the spare ones, the earlier quarter first on a tie)."""
    raw = [total * w / sum(weights) for w in weights]
    out = [int(r) for r in raw]
    for q in sorted(range(len(raw)), key=lambda q: (-(raw[q] - out[q]), q))[: total - sum(out)]:
        out[q] += 1
    return out


def freeze_forecast_note(plan: Plan, year: int) -> str:
    """Why the quarters are shaped around the buyers' freeze, said once under the forecast."""
    if quarter_weights(plan) == [3.0, 3.0, 3.0, 3.0]:
        return ""
    if plan.language == "ko":
        return " 분기는 유통 고객의 11~12월 성수기에 맞췄습니다. 그때는 새 시스템 도입을 미루므로 11월 중순 이후 계약될 거래는 1월로 넘어가, 4분기는 한 달 반 치만 담고 1분기에는 작년에 넘어온 거래가 더해집니다(합계는 같음)."
    return " The quarters follow the retail buyers' November-December peak, when they put off new systems: deals that would sign after mid-November wait until January, so Q4 holds a month and a half's worth and Q1 adds last year's slipped deals (the year's total is unchanged)."


def topical_events(plan: Plan, n: int) -> list[tuple[int, str]]:
    """Up to n of the market's moments for content, the industry's own first (the minimum wage
    announcement for a payroll seller before the general budget season), in month order."""
    events = seasonal_events(plan)
    general = {
        (m, kr if plan.language == "ko" else en) for m, _, i, en, kr in _EVENTS if i in ("*", "b2b")
    }
    chosen = [e for e in events if e not in general][:n]
    chosen += [e for e in events if e in general][: n - len(chosen)]
    return sorted(chosen)


def seasonal_events(plan: Plan) -> list[tuple[int, str]]:
    """(month, name in the plan's language) for this market only; nothing when the market is unknown."""
    market = infer_market(plan)
    ko = plan.language == "ko"
    industries = {market.industry, "*"} if market.industry else {"*"}
    if market.industry in ("tax", "hr"):
        industries.add("b2b")  # their buyers are businesses
    if market.industry == "food":
        industries.add("retail")  # a food seller meets the consumer calendar
    if market.industry in ("food", "retail", "education"):
        industries.add("consumer")  # families' and shoppers' year, not a budget's
    if market.industry == "retail":
        industries.add("retail_trade")  # a retailer's own trade show
    if sells_to_retailers(plan, market):
        industries.add("retail_buyers")  # software for stores: their peak season is a freeze
    seen: set[tuple[int, str]] = set()
    out: list[tuple[int, str]] = []
    for month, where, industry, en, kr in _EVENTS:
        if where not in ("*", market.country) or industry not in industries:
            continue
        if where == "*" and market.country is None and industry == "*":
            continue
        key = (month, kr)
        if key not in seen:
            seen.add(key)
            out.append((month, kr if ko else en))
    return sorted(out)

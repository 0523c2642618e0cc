"""The target market as criteria (region, segment, size, age, revenue, where to start), tied to
the buyer persona, the customer goal and the deal size; for a subscription business, the
customers it starts from and ends the year with, computed from its revenue."""

from __future__ import annotations

import re

from assistant.analysis.lists import first_segment as _priority
from assistant.analysis.plan_analysis import customer_goal, deal_size
from assistant.analysis.plan_links import PlanPage
from assistant.core.korean import tokens
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose_moves import _goal_list, _t, _table
from assistant.interview.compose_offer import deal_label, deal_text

_REGION = re.compile(
    r"north(?:ern)?\s+americ\w*|latin\s+americ\w*|south\s+americ\w*|\bU\.?S\.?A?\b|united\s+states|\bcanad\w*|"
    r"europe\w*|\bEU\b|\bUK\b|united\s+kingdom|\basia\w*|\bAPAC\b|\bjapan\w*|\bkorea\w*|\bgerman\w*|\bfrench|\bfrance|"
    r"australia\w*|\bglobal\b|nationwide|(?:east|west)\s+coast|midwest|"
    r"\b(?:alabama|arizona|california|colorado|florida|georgia|illinois|indiana|iowa|kentucky|michigan|minnesota|missouri|"
    r"new\s+jersey|new\s+york|north\s+carolina|ohio|oregon|pennsylvania|tennessee|texas|virginia|washington|wisconsin)\b|"
    # '영남권', '충청 지역': the suffix is the region's own word
    r"(?:국내|전국|수도권|서울|경기|인천|부산|대구|광주|대전|울산|세종|강원|충청|충남|충북|전라|전남|전북|경상|경남|경북|제주|영남|호남|해외|북미|미국|캐나다|유럽|일본|중국|동남아|아시아|글로벌)(?:권|\s?지역)?",
    re.I,
)
_SIZE = re.compile(
    r"\d[\d,.]*k?\s*(?:-|–|~|to)\s*\d[\d,.]*k?\+?\s*(?:stores|locations|employees|staff|seats|users|branches|outlets|people|beds|clinics|sites|sq\.?\s*ft|square\s+feet|m2|㎡|평|명|개|곳|개점|호점)"
    r"|(?:직원|종업원|임직원|매장|지점)\s*\d[\d,]*\s*[~∼-]\s*\d[\d,]*\s*(?:명|개|곳)?"
    r"|\b(?:small|mid-?sized?|mid-market|large|enterprise|smb)\b(?:\s+businesses)?|(?:중소|중견)(?:\s*[·ㆍ,]\s*(?:중소|중견))?\s*기업|중소|중견|대기업|소상공인|스타트업",
    re.I,
)
_AGE = re.compile(r"\d{2}\s*[~-]\s*\d{2}\s*대|\d{2}대|(?:aged\s+)?\d{2}\s*[-–]\s*\d{2}(?=\s*(?:year|,|$))|\b\d0s\b", re.I)  # fmt: skip
_REVENUE = re.compile(
    r"\$\s?\d[\d.,]*\s*[kmb]?\s*(?:-|–|to)\s*\$?\s?\d[\d.,]*\s*[kmb]?(?:\s+(?:in\s+)?(?:annual\s+)?revenue)?"
    r"|(?:(?:연|월)\s*)?(?:매출|거래액)\s*\d[\d,.]*\s*(?:천만|백만|억|만|천)?\s*[~-]\s*\d[\d,.]*\s*(?:천만|억|조|만)\s*원?(?:\s*규모)?",
    re.I,
)
_LATER = re.compile(
    r"(?:\bthen|\blater|\bnext)\s*,?\s+(?:we\s+)?(?:expand|move|extend|grow|widen)\w*\s+(?:in)?to\s+(?P<p>[^.;]+)"
    r"|(?:이후|그다음|다음으로|그\s*뒤)\s*(?:에는\s*)?(?P<k>[^.;]+?)(?:으로|로)\s*(?:넓|확장|확대|진출)",
    re.I,
)


def target_market_markdown(plan: Plan, page: PlanPage) -> str:
    """The target market as criteria (region, segment, size, age, revenue, where to start), tied
    to the buyer persona, the goal and the deal size."""
    text = plan.user_text("sales_target_market")
    if not text.strip() or plan.section("sales_target_market").author == "llm":
        return ""
    ko = plan.language == "ko"
    lang = plan.language
    rows = market_criteria(plan)
    later = _LATER.search(text)
    if later:  # where the plan goes next ('이후 IT 서비스 기업으로 넓힙니다')
        rows.append(
            [_t(ko, "Then", "이후 확장"), (later.group("p") or later.group("k")).strip(" .")]
        )
    if len(rows) < 2:
        return ""
    # where to start is a sequence, not a label: what starts there, and when the plan widens
    start = next((r for r in rows if r[0] in ("Start with", "우선 공략")), None)
    if start is not None:
        from assistant.analysis.plan_goals import quota_sellers

        b2b = bool(quota_sellers(plan))  # sellers close deals: case studies and references
        start[1] += (
            ("(제안: 1분기 캠페인·고객 사례·레퍼런스 콜을 여기서 먼저 만듦)" if b2b else "(제안: 1분기 캠페인과 첫 후기를 여기서 먼저 모음)")
            if ko
            else (" (proposed: the first quarter's campaigns, case studies and reference calls come from here)" if b2b else " (proposed: the first quarter's campaigns and first reviews come from here)")
        )  # fmt: skip
    then = next((r for r in rows if r[0] in ("Then", "이후 확장")), None)
    if then is not None and start is not None:
        from assistant.analysis.plan_analysis import analyse

        funnel = analyse(plan).funnel
        rate = funnel[-1].rate if funnel else None
        if rate:
            then[1] += (
                f"(제안: 우선 공략 세그먼트의 수주율이 계획상 {rate:g}%에 이른 뒤)"
                if ko
                else f" (proposed: once the first segment's win rate reaches the plan's {rate:g}%)"
            )
    if plan.personas:
        p = plan.personas[0]
        # the role without its own note: no brackets inside the brackets
        role = re.sub(r"\s*\([^()]*\)", "", p.role).strip()
        rows.append([_t(ko, "Buyer", "구매자"), f"{p.name}" + (f" ({role})" if role and role not in p.name else "")])  # fmt: skip
        rows += _fit_signs(plan, ko)
    won = customer_goal(plan)
    if won is not None and not (won[0].frame and won[0].frame.baseline):
        n = plan.goals.index(won[0]) + 1
        # the goal's own counter ('6,000명', '80곳'); English counts stand alone
        unit = won[0].frame.target.unit if won[0].frame and won[0].frame.target else ""
        counter = unit if ko and re.fullmatch(r"[가-힣]{1,2}", unit or "") else ("곳" if ko else "")
        rows.append([_t(ko, "New customers to win", "확보할 신규 고객"),
                     f"{format_amount(won[1], counter, lang)} ({_goal_list([n], ko)})"])  # fmt: skip
    else:  # a customer count goal the reader names in other words ('구독자를 8,000명에서 1만 5,000명으로')
        row = next((r for r in page.rows if r.stages[:1] == ["conversion"] and _count_goal(plan, r.goal)), None)  # fmt: skip
        if row is not None:
            rows.append([_t(ko, "Customers to reach", "목표 고객 수"), f"{_count_goal(plan, row.goal)} ({_goal_list([row.goal], ko)})"])  # fmt: skip
    if won is not None:
        rows += _reach_row(plan, won[1], ko)
    size = deal_size(plan)
    if size is not None:
        rows.append([deal_label(plan), deal_text(plan, size)])
    rows += _base_rows(plan)
    from assistant.interview.target_scope import scope_rows

    rows += scope_rows(plan, rows, won[1] if won is not None else None)
    head = ["기준", "내용"] if ko else ["Criterion", "Choice"]
    return _table(head, rows)


_EXCLUDED = re.compile(
    r"(?:제외(?:\s*대상)?|not\s+targeting|exclud(?:e|ed|ing)|out\s+of\s+scope)\s*[:：]", re.I
)


def _fit_signs(plan: Plan, ko: bool) -> list[list[str]]:
    """The signs an account fits, for sellers to qualify on: the first buyer's own pains and what
    they are measured on (their words, not typical entries); B2B plans only (a seller qualifies)."""
    from assistant.analysis.plan_goals import quota_sellers
    from assistant.interview.compose import sells_to_consumers
    from assistant.interview.message_answers import _measure

    p = plan.personas[0]
    if not quota_sellers(plan) or sells_to_consumers(plan):  # a consumer is no account to qualify
        return []
    signs = [" ".join(x.split()).rstrip(" .") for x in p.pains[:2]] if "pains" not in p.typical else []  # fmt: skip
    measured = next((m for g in p.goals[:1] if "goals" not in p.typical and (m := _measure(g, ko))), "")  # fmt: skip
    measured = re.sub(r"\s*\((?:what they are measured on|평가 기준)\)$", "", measured)
    if measured:
        signs.append(f"평가 기준: {measured}" if ko else f"the buyer is measured on {measured}")
    if not signs:
        return []
    if ko:
        return [["적합 신호", " · ".join(signs) + "(첫 통화에서 이 신호로 고객사를 선별함)"]]
    return [
        ["Signs of fit", "; ".join(signs) + " (qualify each account on these in the first call)"]
    ]


def market_criteria(plan: Plan) -> list[list[str]]:
    """The target market's criteria as [label, choice] rows: region, segment, size, age, revenue,
    the answer's labelled lists, and where to start (the target market table's first rows and the
    fit half of a proposed MQL definition)."""
    # what the market leaves out ('제외: 중고생, 해외 거주자', 'Not targeting: big-box chains') is
    # no criterion: its places and sizes are read only before it
    text = _EXCLUDED.split(plan.user_text("sales_target_market"), maxsplit=1)[0]
    ko = plan.language == "ko"
    rows: list[list[str]] = []
    rest = text
    for label, pattern in ((("Region", "지역"), _REGION), (("Size", "규모"), _SIZE),
                           (("Age", "연령"), _AGE), (("Company revenue", "매출·거래액 규모"), _REVENUE)):  # fmt: skip
        found = [m.group(0).strip() for m in pattern.finditer(text)]
        if found:
            shown = [_as_place(f) if label[0] == "Region" else f for f in found]
            rows.append([label[ko], ", ".join(dict.fromkeys(shown))])
            for f in found:
                rest = rest.replace(f, " ")
    # labelled lists the answer gives: 'Verticals: office, medical office', '업종: 제조, 유통',
    # 'new in 2027: Lehigh Valley'
    for m in _LABELLED.finditer(text):
        said = m.group("label").strip()
        items = m.group("items").strip(" .")
        key = (_t(ko, "Industries", "업종") if re.match(r"vertical|industr|sector|업종|산업", said, re.I)
               else said[:1].upper() + said[1:])  # fmt: skip
        rows.append([key, items])
        rest = rest.replace(m.group(0), " ")
    if not ko and not any(r[0] == "Region" for r in rows):
        # 'Commercial buildings … in Philadelphia, Montgomery, Bucks … and New Castle County DE;'
        first = re.split(r"[;\n]|\.\s", rest.strip(), maxsplit=1)[0]
        place = re.search(r"\bin\s+(?P<where>[A-Z][^;]{2,200})$", first)
        if place and sum(w[:1].isupper() for w in place.group("where").split()) >= 2:
            rows.insert(0, ["Region", place.group("where").strip(" .,")])
            rest = rest.replace(place.group(0), " ")
    priority = _priority(text, ko)
    if priority:
        rest = rest.replace(priority, " ")
    segment = _segment(rest, ko)
    if segment:
        rows.insert(1 if rows and rows[0][0] in ("Region", "지역") else 0, [_t(ko, "Segment", "세그먼트"), segment])  # fmt: skip
    if priority:
        rows.append([_t(ko, "Start with", "우선 공략"), priority])
    return rows


def _reach_row(plan: Plan, customers: float, ko: bool) -> list[list[str]]:
    """How much of the market the customer goal must reach a year: the funnel's first stage the
    goal needs at the plan's rates (70 ÷ 25% ÷ 20% = 1,400 MQLs), the size the account list must
    support."""
    from assistant.analysis.plan_analysis import analyse
    from assistant.analysis.rate_words import rates_short

    a = analyse(plan)
    funnel = a.funnel
    rates = [s.rate for s in funnel[1:]]
    if len(funnel) < 2 or any(not r for r in rates):
        return []
    # partner customers the sellers take straight from the partners are not the funnel's to
    # bring: the funnel needs only the rest (180 - 45 = 135), as the summary's decision says
    from assistant.analysis.plan_goals import partner_share, partners_bypass_funnel

    share = partner_share(plan) if partners_bypass_funnel(plan) else None
    through = customers * (1 - share / 100) if share else customers
    needed = through
    for r in rates:
        needed /= (r or 100) / 100
    steps = " ÷ ".join(f"{r:g}%" for r in reversed(rates))
    said = (
        _t(ko, f"{through:,.0f} after the partners' {share:g}%", f"파트너 몫 {share:g}%를 뺀 {through:,.0f}곳")
        if share
        else f"{customers:,.0f}"
    )  # fmt: skip
    stage = funnel[0].stage
    shown = format_amount(round(needed), "", plan.language)
    # a lead goal shorter than a year says the same need over its own months, so the summary's
    # 'raise the lead goal to about 1,050' and this row read as one figure
    from assistant.analysis.plan_goals import lead_pace

    pace = lead_pace(plan)
    part = ""
    if pace and pace[0] < pace[1]:
        over = format_amount(round(needed * pace[0] / pace[1]), "", plan.language)
        part = _t(ko, f" That is {over} over the lead goal's {pace[0]} months.", f" 리드 목표 기간 {pace[0]}개월로는 {over}건.")  # fmt: skip
    # when the summary recommends keeping the stated lead goal (the revenue needs the customers it
    # makes on top of the partners'), the row says so, so it never reads as a smaller lead goal
    from assistant.analysis.lead_buffer import kept_for_revenue
    from assistant.analysis.plan_goals import customers_at_pace, lead_goal

    stated = lead_goal(plan)
    if share and stated and kept_for_revenue(plan, a) is not None:
        made = customers_at_pace(plan, funnel[-1].volume) or 0.0
        beside = round(made) + round(customers * share / 100)
        n = format_amount(stated[1], "", plan.language)
        part += _t(ko, f" The summary recommends keeping the lead goal of {n}, which makes about {beside:,.0f} customers with the partners' customers.",
                   f" 요약의 권고대로 리드 목표 {n}건을 유지하면 파트너 고객을 더해 약 {beside:,.0f}곳이 됨.")  # fmt: skip
    return [[
        _t(ko, f"{stage}s a year the goal needs" if stage.isupper() else f"{stage} a year the goal needs", f"목표에 필요한 연간 {stage}"),
        # the working in one bracket, each further point its own sentence (no ';' inside brackets)
        _t(ko, f"about {shown} ({said} ÷ {steps}, at {rates_short(a, False)}).{part}", f"약 {shown}건({said} ÷ {steps}, {rates_short(a, True)} 기준).{part}"),
    ]]  # fmt: skip


def _base_rows(plan: Plan) -> list[list[str]]:
    """The customers the plan starts from, computed ('about 467: 42억 원 ÷ 900만 원'), and where
    they end the year (base - churned + new), so the target market has its size in accounts."""
    from assistant.analysis.plan_analysis import analyse
    from assistant.analysis.plan_goals import customers_churned, installed_base
    from assistant.interview.compose import sells_to_consumers

    br = analyse(plan).revenue
    found = installed_base(plan, br.base)
    if found is None or br.base is None:
        return []
    ko, lang = plan.language == "ko", plan.language
    count, today = found
    size = deal_size(plan)
    cur = size[1] if size else ""
    counter = "" if not ko else ("명" if sells_to_consumers(plan) else "곳")
    base = br.base
    rows = [[_t(ko, "Customers today (computed)", "현재 고객 수(계산)"),
             _t(ko, f"about {count:,.0f} ({format_amount(base, cur, lang)} last year ÷ {format_amount(today, cur, lang)} a customer)",
                f"약 {count:,.0f}{counter}(작년 매출 {format_amount(base, cur, lang)} ÷ 고객당 {format_amount(today, cur, lang)})")]]  # fmt: skip
    won = customer_goal(plan)
    lost = customers_churned(plan, count)
    if won is not None and lost is not None:
        # the terms are shown rounded, so the sum is of the rounded terms (467 - 37 + 180 = 610)
        count, lost = round(count), round(lost)
        end = count - lost + won[1]
        rows.append([_t(ko, "Customers at year end", "연말 고객 수"),
                     _t(ko, f"about {end:,.0f} ({count:,.0f} - {lost:,.0f} churned + {won[1]:,.0f} new)",
                        f"약 {end:,.0f}{counter}({count:,.0f} - 이탈 {lost:,.0f} + 신규 {won[1]:,.0f})")])  # fmt: skip
    if br.expansion and br.expansion > 0:
        each = br.expansion / count
        rows.append([_t(ko, "Expansion per existing customer", "기존 고객당 확장 매출"),
                     _t(ko, f"about {format_amount(about(each), cur, lang)} a year ({format_amount(br.expansion, cur, lang)} ÷ {count:,.0f})",
                        f"연 약 {format_amount(about(each), cur, lang)}(확장 {format_amount(br.expansion, cur, lang)} ÷ {count:,.0f}{counter})")])  # fmt: skip
    return rows


_LABELLED = re.compile(
    r"(?:^|(?<=[.;\n]\s)|(?<=[.;\n]))\s*(?P<label>verticals?|industries|sectors?|new\s+in\s+20\d\d|업종|산업|신규\s*지역)"
    r"\s*[:：]\s*(?P<items>[^.;\n]+)",
    re.I,
)


def _count_goal(plan: Plan, n: int) -> str:
    """'8,000명 → 1만 5,000명' for a goal whose target is a count (not money or a rate)."""
    f = plan.goals[n - 1].frame
    t = f.target if f is not None else None
    if f is None or t is None or t.unit in ("%", "pp", "x") or t.unit.isupper():
        return ""
    end = format_amount(t.value, t.unit, plan.language)
    base = f.baseline
    return (
        f"{format_amount(base.value, base.unit, plan.language)} → {end}"
        if base and t.kind == "level"
        else end
    )


def _as_place(region: str) -> str:
    """'North American' -> 'North America', 'European' -> 'Europe': a region, not an adjective."""
    for adjective, place in (("americans?$", "America"), ("europeans?$", "Europe"), ("asians?$", "Asia"), ("canadians?$", "Canada")):  # fmt: skip
        if re.search(adjective, region, re.I):
            return re.sub(adjective, place, region, flags=re.I)
    return region


_ORPHANS = frozenset({"의", "과", "와", "및", "등"})


def _segment(rest: str, ko: bool) -> str:
    """What is left of the first clause once region, size, age and revenue are taken out."""
    first = re.split(r"[,.;]", rest, maxsplit=1)[0]
    if ko:
        toks = [t for t in tokens(first) if t.form.strip()]
        run: list[object] = []
        for t in toks:  # the last noun phrase of the clause ('맞벌이 가구', '제조 기업')
            run = run + [t] if t.tag in ("NNG", "NNP", "SL", "XSN", "XPN") else []
        # a particle left behind by a removed region ('경남의' -> '의') is read as a lone noun
        while run and run[0].form in _ORPHANS:  # type: ignore[attr-defined]
            run = run[1:]
        if not run:
            return ""
        found = first[run[0].start : run[-1].start + run[-1].len].strip()  # type: ignore[attr-defined]
        return found if len(found) >= 2 else ""  # a lone '과' left by the regions is no segment
    words = re.sub(
        r"\b(?:with|and|of|in|that|who|have|having)\b(?=\s*(?:and|with|of|in)?\s*$)", " ", first
    )
    words = re.sub(
        r"\s+(?:with|and|of|in)(?:\s+(?:with|and|of|in))*\s*$", "", " ".join(words.split())
    )
    return words.strip(" ,")

"""How the plan's parts serve its goals (the plan on a page): each goal tied to the strategy moves,
channels, budget lines, calendar activities, owner and KPI that carry it.

Two ways a part serves a goal, in this order:
- by name: it shares a distinctive word with the goal ('through a monthly webinar series' and the
  'webinars' channel); words most parts share ('retail', 'customers') do not count;
- by funnel stage: the goal's KPI sits at a stage (leads: consideration; new customers:
  conversion; deal size with an add-on: retention) and the part works at that stage.
A goal nothing carries and a budget line that serves no goal are review findings. Plain Python
over the plan's facts and lists; no I/O."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict

from pydantic import BaseModel, Field

from assistant.analysis.cadence import cadence_text, recurring_items
from assistant.analysis.linking import Linker, linker
from assistant.analysis.lists import team_roles, with_count
from assistant.analysis.months import month_of
from assistant.analysis.plan_analysis import plan_year
from assistant.core.korean import close_clause
from assistant.core.plan import CalendarEntry, Goal, Plan

STAGES = ("awareness", "consideration", "conversion", "retention")
STAGE_NAMES = {
    "awareness": ("Awareness", "인지"),
    "consideration": ("Leads and consideration", "리드·검토"),
    "conversion": ("Conversion", "전환"),
    "retention": ("Retention and expansion", "유지·확장"),
}
_CUES = {
    "awareness": r"aware|brand|\bseo\b|organic|traffic|blog|content|report|press|\bpr\b|social|linkedin|instagram|facebook|tiktok|youtube|\bads?\b|advertis|search|campaign|sponsor|podcast|influenc|creator|인플루언서|크리에이터|협업|인지|브랜드|검색|블로그|콘텐츠|보고서|리포트|광고|sns|인스타|유튜브|링크드인|페이스북|틱톡|유입|방문|캠페인|홍보|릴스",
    "consideration": r"webinar|event|clinic|workshop|class(?:es)?\b|kickoff|클리닉|워크숍|클래스|\bshows?\b|booth|conference|\bleads?\b|\bmqls?\b|demo|newsletter|e-?mail|nurtur|case stud|sample|testimonial|웨비나|이벤트|후기|세미나|설명회|컨퍼런스|행사|전시|박람회|리드|데모|뉴스레터|이메일|사례|샘플|상담",
    "conversion": r"trial|convert|\borders?\b|\bpurchases?\b|주문|\bsales?\s+event|\bsale\b|black\s+friday|cyber\s+monday|clearance|promo\b|세일|기획전|특가|\bclos|contract|\bdeals?\b|proposal|quote|scope|walk-?through|app store|marketplace|\bshop\b|discount|\boffer|\bsqls?\b|partner|agenc|resell|체험|전환|계약|수주|제안|할인|구매|(?<!추가\s)(?<!추가)판매|가입|파트너|대리점|스토어|입점|세무사",
    "retention": r"upsell|up-sell|cross-?sell|renew|retention|retain|churn|expan|add-?on|bundl|customer success|loyal|\bnrr\b|referral|community|e-?mail|newsletter|kakao|\bpush\b|\bsms\b|업셀|카카오|푸시|문자|뉴스레터|이메일|추가\s*판매|추가\s*옵션|갱신|유지|재구매|이탈|해지|확장|부가|번들|충성|재계약|추천|커뮤니티|멤버십",
}
_KPI_STAGE = {
    **dict.fromkeys(("website_traffic", "brand_awareness", "social_engagement", "content_engagement", "ctr", "market_share", "brand_equity"), "awareness"),
    **dict.fromkeys(("leads", "cpl", "mql_to_sql_rate", "email_open_click_rate", "event_attendance"), "consideration"),
    **dict.fromkeys(("new_customers", "revenue", "revenue_growth", "sales_conversion_rate", "marketing_conversion_rate", "win_rate", "cac", "sales_cycle_length", "roas", "marketing_roi", "pipeline_coverage", "quota_attainment", "average_deal_size", "units_delivered", "proposals_bids", "revenue_share"), "conversion"),
    **dict.fromkeys(("clv", "churn_rate", "upsell_cross_sell_rate", "csat", "nps", "retention_rate", "net_revenue_retention", "online_reviews"), "retention"),
}  # fmt: skip
_PUBLISH = re.compile(
    r"publish|blog|post|article|report|guide|content|발행|블로그|콘텐츠|가이드|보고서|글", re.I
)
_ORGANIC = re.compile(r"\borganic|\bseo\b|unpaid|자연\s*(?:유입|검색)|오가닉|비유료", re.I)
_PAID = re.compile(r"\bads?\b|advertis|\bpaid\b|\bppc\b|\bsem\b|sponsor|광고|유료|스폰서", re.I)
# budget lines that enable every goal rather than one (tools, people, reserve): never a gap
SUPPORTING = re.compile(
    r"\btools?\b|software|platform|\bcrm\b|martech|analytics|staff|salar|overhead|contingen|reserve|"
    r"도구|툴|소프트웨어|플랫폼|인건비|예비비|운영비",
    re.I,
)


def stages_of(text: str) -> list[str]:
    """The funnel stages a phrase works at, in funnel order."""
    return [s for s in STAGES if re.search(_CUES[s], text, re.I)]


def goal_stages(goal: Goal) -> list[str]:
    """The goal's KPI stage first, then any stage its means names ('by bundling the add-on')."""
    f = goal.frame
    out = [_KPI_STAGE[f.kpi]] if f is not None and f.kpi in _KPI_STAGE else []
    means = stages_of((f.means if f is not None else None) or "")
    if f is not None and f.kpi == "average_deal_size" and means:
        out = []  # deal size grows where its means says: bundling an add-on is expansion work
    for s in means:
        if s not in out:
            out.append(s)
    return out or stages_of(goal.text)[:1]


class PageRow(BaseModel):
    goal: int  # its number in the plan (1-based)
    text: str
    section: str
    kpi: str | None = None
    stages: list[str] = Field(default_factory=list)
    strategy: list[str] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    budget: list[str] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)
    owner: str = ""
    fed_by: int | None = None  # a lead goal whose channels, budget and activities feed this one
    organic: bool = Field(
        default=False, exclude=True
    )  # earned, not bought: no paid media (not in the JSON contract)


class PlanPage(BaseModel):
    rows: list[PageRow] = Field(default_factory=list)
    unserved_budget: list[str] = Field(default_factory=list)  # lines that serve no goal
    supporting_budget: list[str] = Field(default_factory=list)  # tools, people: every goal
    unmeasured: list[int] = Field(default_factory=list)  # goals without a target (not on the page)
    # a dated activity after the sales-cycle cutoff -> the closing goals it feeds next year instead
    next_year: dict[str, list[int]] = Field(default_factory=dict)


def strategy_moves(plan: Plan) -> list[tuple[str, str]]:
    """(section, move) for each clause of the marketing and sales strategy answers."""
    out: list[tuple[str, str]] = []
    for sid in ("mkt_strategy", "sales_strategy"):
        out += [(sid, c) for c in clauses(plan.user_text(sid)) if not _figure(c)]
    return out


def _figure(clause: str) -> bool:
    """A sum, an amount of money or a rate is a figure the analysis shows, not a move
    ('36 - 6 + 12 + 3 + 3 = 48억', '4% escalator on renewals +$0.3M', '매출총이익률 50%')."""
    from assistant.goals.numbers import read_quantities

    if re.search(r"=|\d\s*(?:→|->)\s*\d|(?:^|\s)[+\-−]\s?(?:[$₩€£]|\d)", clause):
        return True
    if re.search(r"(?:gross\s+)?margin|sales\s+cycle|매출총이익률|마진|영업\s*주기", clause, re.I):
        return True
    # a large amount is a total ('2026 revenue $18.0M …'); a small one is an offer in a move
    # ('9,900원 체험팩으로 첫 구매 장벽을 낮추고')
    return any(
        (q.kind == "money" and q.value >= (1e8 if q.unit == "KRW" else 1e6))
        or (q.kind == "count" and q.value >= 1e8 and re.search(r"억", q.text))
        for q in read_quantities(re.sub(r"\([^)]*\)", " ", clause))
    )


def clauses(text: str) -> list[str]:
    """Sentences and the parts of a sentence joined by ';' or by a comma between two moves
    ('Lead with content, convert with a trial'); short list items stay together."""
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?。])\s+|\n+|;\s*", text):
        sentence = sentence.strip(" .")
        if not sentence:
            continue
        parts = [p.strip() for p in re.split(r",\s+(?![^()]*\))", sentence)]
        # 'Acquire with video, and turn buyers into subscribers': the second move is 'Turn …'
        parts = [
            re.sub(r"^(?:and|but|then|also|plus|그리고|또한)\s+", "", p, flags=re.I) for p in parts
        ]
        parts = _with_predicates(parts)
        if all(len(p.split()) >= 3 for p in parts):
            out += [close_clause(p) for p in parts]
        else:
            out.append(sentence)
    return [o for o in out if o]


def _with_predicates(parts: list[str]) -> list[str]:
    """A Korean part with no verb of its own ('AE가 진단 결과 발표와 데모') lists the objects of the
    next part's verb ('14일 체험을 진행합니다'): it is joined to it, never a move on its own."""
    from assistant.core.korean import re_hangul, tokens

    out: list[str] = []
    carry = ""
    for part in parts:
        part = f"{carry}, {part}" if carry else part
        carry = ""
        toks = [t for t in tokens(part) if t.form.strip()] if re_hangul(part) else []
        verbless = bool(toks) and not any(t.tag.split("-")[0] in ("VV", "VA", "XSV", "XSA", "VCP", "EF", "EC") for t in toks)  # fmt: skip
        if verbless and part is not parts[-1]:
            carry = part
            continue
        out.append(part)
    if carry:
        out.append(carry)
    return out


def fits(part: str, goal_stages: list[str]) -> bool:
    """A part can serve a goal unless all its work lies beyond the goal's stages (an upsell move
    for a new-customer goal); work upstream feeds it (ads bring the leads a lead goal counts)."""
    own = stages_of(part)
    if not own or not goal_stages:
        return True
    if set(goal_stages) == {"retention"} and "retention" not in own:
        return False  # winning new accounts does not keep the ones we have
    return min(STAGES.index(s) for s in own) <= max(STAGES.index(s) for s in goal_stages)


def _pick(
    goal_text: str,
    stages: list[str],
    items: list[str],
    link: Linker,
    limit: int = 3,
    first_stage: bool = False,
) -> list[str]:
    """Items named by the goal, then items at its stage (a move by its first stage: 'trial
    sign-ups get a KakaoTalk call' is conversion work, not retention). A named item whose stages
    all lie beyond the goal's (an upsell move for a new-customer goal) does not serve it."""
    named = [i for i in items if link.shared(goal_text, i) and fits(i, stages)]
    for stage in stages:  # the goal's own stage first; its means' stage when that finds nothing
        staged = [
            i for i in items
            if i not in named and (stages_of(i)[:1] == [stage] if first_stage else stage in stages_of(i))
        ]  # fmt: skip
        if staged:
            return (named + staged)[:limit]
    return named[:limit]


def before_deadline(goal: Goal, entry: CalendarEntry, year: int) -> bool:
    """A dated activity can serve a goal only if it happens by the goal's deadline."""
    f = goal.frame
    month = month_of(entry.when)
    if f is None or not f.deadline or month is None:
        return True
    return ((entry.year or year), month) <= (int(f.deadline[:4]), int(f.deadline[5:7]))


def owner(plan: Plan, goal: Goal, stages: list[str]) -> str:
    """The team role that carries the goal (and who it reports to), from the team answer."""
    ko = plan.language == "ko"
    roles = team_roles(plan)
    if goal.section.startswith("mkt_"):
        mkt = next((str(r["role"]) for r in roles if re.search(r"market|마케팅", str(r["role"]), re.I)), "")  # fmt: skip
        return mkt or ("마케팅팀" if ko else "Marketing team")
    leader = next((str(r["role"]) for r in roles if not r["reports_to"] and not r["quota_carrying"] and r["count"] == 1), "")  # fmt: skip
    if stages and stages[0] == "retention" or (len(stages) > 1 and stages[1] == "retention"):
        doer = next((r for r in roles if re.search(r"success|account manag|\bcs\b|고객\s*(?:성공|관리)|CS", str(r["role"]), re.I)), None)  # fmt: skip
    else:
        doer = next((r for r in roles if r["quota_carrying"]), None)
    parts = [with_count(doer, ko) if doer else "", leader]
    return " · ".join(p for p in parts if p) or ("영업팀" if ko else "Sales team")


_CUSTOMER_CHANNEL = re.compile(
    r"customer|client|member|loyal|community|user|in-?app|portal|\bcrm\b|kakao|\bpush\b|\bsms\b|"
    r"고객|회원|멤버십|커뮤니티|사용자|앱|카카오|푸시|문자",
    re.I,
)


def _for_customers(channels: list[str], stages: list[str], text: str, link: Linker) -> list[str]:
    """A goal about existing customers (churn, upsell, renewal) is carried by the channels that
    reach them (a customer newsletter, KakaoTalk, the app) or that it names, not by any
    newsletter or blog that happens to sit at the retention stage."""
    if stages[:1] != ["retention"]:
        return channels
    return [c for c in channels if _CUSTOMER_CHANNEL.search(c) or link.shared(text, c)]


def _feed_the_nearest_goal(page: PlanPage, field: str, items: list[str], paid: list[str], link: Linker) -> None:  # fmt: skip
    """A channel or budget line no goal picked works upstream of one (LinkedIn ads bring the leads
    a lead goal counts): it is shown under the first goal of the nearest stage at or after its own, so
    every line the plan pays for sits in the table. Paid media never carry an organic goal."""
    taken = {x for r in page.rows for x in getattr(r, field)}
    for item in items:
        own = stages_of(item)
        if item in taken or not own or SUPPORTING.search(item):
            continue
        is_paid = bool(_PAID.search(item)) or any(link.shared(item, b) for b in paid)
        start = min(STAGES.index(s) for s in own)
        rows = [
            r for r in page.rows
            if r.stages and STAGES.index(r.stages[0]) >= start and not (is_paid and r.organic)
        ]  # fmt: skip
        if rows:  # the first goal of that stage (two lead goals do not both list it)
            nearest = min(rows, key=lambda r: STAGES.index(r.stages[0]))
            getattr(nearest, field).append(item)


_FED = {"new_customers", "revenue", "revenue_growth", "sales_conversion_rate", "marketing_conversion_rate"}  # fmt: skip


def _feed_from_the_funnel(page: PlanPage) -> None:
    """A customer goal nothing names is carried by the lead goal that feeds it: the leads the
    webinars and events bring in are the customers the sellers close. Retention goals need their
    own channels, money and dates."""
    upstream = [r for r in page.rows if r.stages[:1] in (["consideration"], ["awareness"])]
    for row in page.rows:
        if row.kpi not in _FED or (row.channels and row.budget and row.activities):
            continue
        feeder = next((u for u in upstream if u.stages[:1] == ["consideration"]), None) or next(
            iter(upstream), None
        )
        if feeder is None:
            continue
        row.fed_by = feeder.goal  # its empty cells read 'via goal N' (nothing copied)


_PAGES: OrderedDict[str, PlanPage] = OrderedDict()


def plan_page(plan: Plan) -> PlanPage:
    """Every goal with a target, tied to what carries it; budget lines that serve no goal.
    Remembered by the plan's content (each section and the analysis read it on every render)."""
    key = _content_key(plan)
    found = _PAGES.get(key)
    if found is None:
        found = _plan_page(plan)
        _PAGES[key] = found
        while len(_PAGES) > 64:
            _PAGES.popitem(last=False)
    return found.model_copy(deep=True)


def _content_key(plan: Plan) -> str:
    parts = [plan.language, plan.created]
    parts += [plan.user_text(s) for s in _READ]
    parts += [g.model_dump_json(include={"text", "section", "frame"}) for g in plan.goals]
    parts += [plan.budget.model_dump_json(), *(e.model_dump_json() for e in plan.calendar)]
    parts += [*plan.channels, *(f.model_dump_json() for f in plan.facts if f.corrected)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


_READ = ("mkt_strategy", "sales_strategy", "sales_team_structure", "sales_target_market", "mkt_market_analysis", "mkt_content_strategy")  # fmt: skip


def _plan_page(plan: Plan) -> PlanPage:
    page = PlanPage()
    moves = [m for _, m in strategy_moves(plan)]
    budget = [b.item for b in plan.budget.lines]
    supporting = [b for b in budget if SUPPORTING.search(b)]
    page.supporting_budget = supporting
    spend = [b for b in budget if b not in supporting]
    activities = [f"{e.when}: {e.activity}" for e in plan.calendar]
    ko = plan.language == "ko"
    recurring = [
        f"{cadence_text(i.count, i.period, ko, name=i.name)}: {i.name}"
        for i in recurring_items(plan.user_text("mkt_content_strategy"))
        if i.period and not i.routine
    ]
    link = linker(
        plan,
        [g.text for g in plan.goals] + moves + list(plan.channels) + spend + activities + recurring,
    )
    served: set[str] = set()
    year = plan_year(plan)
    for n, goal in enumerate(plan.goals, 1):
        f = goal.frame
        if f is None or f.target is None:
            page.unmeasured.append(n)
            continue
        stages = goal_stages(goal)
        text = f"{goal.text} {f.means or ''}"
        dated = [a for a, e in zip(activities, plan.calendar, strict=True) if before_deadline(goal, e, year)]  # fmt: skip
        # the goal's own means is its strategy when no move of the strategy answers carries it
        # ('이탈률 8% -> 6% (분기별 고객 리뷰를 도입해)')
        picked = _pick(text, stages, moves, link, 2, first_stage=True)
        words_only = re.sub(
            r"[\d,.]+\s*(?:일분|일|원|개월|건|명|곳|%|[kmb]\b)?", " ", f.means or "", flags=re.I
        )
        own = (
            [close_clause(f.means.strip(" .()"))]  # '리뷰를 도입해' reads '리뷰를 도입하기'
            if f.means and len(re.sub(r"[\W_]", "", words_only)) >= 4
            else []
        )
        # an organic goal is not carried by paid media (organic traffic is no LinkedIn ads' work)
        # ... nor is a traffic goal its own means says content brings ('주 2회 노무 가이드를
        # 발행해 블로그 방문자를 늘린다'): publishing earns the visits, ads would buy other ones
        organic = bool(_ORGANIC.search(text)) or (
            f.kpi == "website_traffic" and bool(_PUBLISH.search(f.means or ""))
        )

        def unpaid(items: list[str], organic: bool = organic) -> list[str]:
            # a channel paid by an ads line is paid media too ('LinkedIn' <- 'LinkedIn ads')
            paid = [b for b in spend if _PAID.search(b)]
            if not organic:
                return items
            return [i for i in items if not _PAID.search(i) and not any(link.shared(i, b) for b in paid)]  # fmt: skip

        row = PageRow(
            goal=n, text=goal.text, section=goal.section, kpi=f.kpi, stages=stages,
            strategy=picked or own,
            channels=_pick(text, stages, _for_customers(unpaid(list(plan.channels)), stages, " ".join([text, *(picked or own)]), link), link),
            budget=_pick(text, stages, unpaid(spend), link),
            # every dated activity that serves the goal, as the calendar lists it (a cap of three
            # left out a May trade show the calendar ties to the lead goal)
            activities=sorted(_pick(text, stages, dated, link, len(dated)), key=dated.index),
            owner=owner(plan, goal, stages),
            organic=organic,
        )  # fmt: skip
        if not row.activities:  # no dated activity: the recurring content that carries the goal
            row.activities = _pick(text, stages, recurring, link, 2)
        served.update(row.budget)
        page.rows.append(row)
    _customer_events_keep_customers(page, activities)
    _late_activities_feed_next_year(plan, page, activities, year)
    paid = [b for b in spend if _PAID.search(b)]
    _feed_the_nearest_goal(page, "budget", spend, paid, link)
    _feed_the_nearest_goal(page, "channels", list(plan.channels), paid, link)
    served = {b for r in page.rows for b in r.budget}
    _feed_from_the_funnel(page)
    # a line no goal picked still serves one downstream of its stage (ads bring the leads a lead
    # goal counts); it serves none when every goal sits upstream of it (a loyalty programme in a
    # plan without a retention goal). A line whose stage is unknown is not judged.
    deepest = max((STAGES.index(r.stages[0]) for r in page.rows if r.stages), default=None)
    for item in spend:
        stages = stages_of(item)
        if item in served or not stages or deepest is None:
            continue
        if min(STAGES.index(x) for x in stages) > deepest:
            page.unserved_budget.append(item)
    return page


_CUSTOMER_EVENT = re.compile(
    r"customer\s+(?:conference|day|summit|event|forum)|user\s+(?:conference|group|day|summit)|"
    r"고객\s*(?:컨퍼런스|콘퍼런스|데이|행사|초청|포럼)|사용자\s*(?:모임|컨퍼런스)",
    re.I,
)
_KEEPING = ("churn_rate", "retention_rate", "net_revenue_retention")


def _late_activities_feed_next_year(plan: Plan, page: PlanPage, activities: list[str], year: int) -> None:  # fmt: skip
    """A dated activity after the sales-cycle cutoff cannot close a deal this year: it leaves the
    customer and revenue goals and is recorded as next year's pipeline for them."""
    from assistant.analysis.sales_cutoff import CLOSING_KPIS, after_cutoff

    for key, entry in zip(activities, plan.calendar, strict=True):
        if not after_cutoff(plan, entry, year):
            continue
        for r in page.rows:
            if r.kpi in CLOSING_KPIS and key in r.activities:
                r.activities.remove(key)
                page.next_year.setdefault(key, []).append(r.goal)


def _customer_events_keep_customers(page: PlanPage, activities: list[str]) -> None:
    """An event for existing customers (a customer conference, a user day) serves the goal that
    keeps them (churn, retention), when the plan has one, rather than the new-customer goals."""
    keeping = [r for r in page.rows if r.kpi in _KEEPING]
    if not keeping:
        return
    for activity in activities:
        if not _CUSTOMER_EVENT.search(activity):
            continue
        for r in page.rows:
            if r not in keeping and activity in r.activities:
                r.activities.remove(activity)
        for r in keeping:
            if activity not in r.activities:
                r.activities.append(activity)

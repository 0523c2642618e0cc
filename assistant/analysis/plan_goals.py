"""The plan's goals by what they measure (leads, customers, revenue) and the fact-sheet numbers
the analysis starts from (rates, sellers, quota, deal size, churn, the plan year)."""

from __future__ import annotations

import re
from datetime import date

from assistant.analysis.outlets import is_outlet_goal
from assistant.analysis.revenue_models import (
    model_of,
    order_revenue,
    orders_per_customer,
    take_rate_revenue,
)
from assistant.core.facts import GoalFrame
from assistant.core.plan import Goal, Plan
from assistant.goals.frame import read_goal_frame

# ----- facts, from the fact sheet only -----------------------------------------------------------
_RATE_IDS = {"mql_to_sql": "mql_to_sql_rate", "win_rate": "sql_to_won_rate",
             "lead_to_customer": "lead_to_customer_rate", "gross_margin": "gross_margin"}  # fmt: skip


def stated_rates(plan: Plan) -> dict[str, float]:
    """Conversion rates and gross margin on the fact sheet (percent values)."""
    return {k: v for k, fid in _RATE_IDS.items() if (v := plan.number(fid)) is not None}


def quota_sellers(plan: Plan) -> int | None:
    """Quota-carrying sellers (account executives, not SDRs or managers) on the fact sheet."""
    n = plan.number("quota_carrying_sellers")
    return int(n) if n else None


def stated_quota(plan: Plan) -> int | None:
    """New deals per seller per year that the plan itself sets as quota, when it says so."""
    n = plan.number("quota_per_seller")
    return int(n) if n else None


# ----- goals by what they measure --------------------------------------------------------------
def _frame(goal: Goal) -> GoalFrame:
    return goal.frame or read_goal_frame(goal.text)


def _is_count(frame: GoalFrame) -> bool:
    t = frame.target
    if t is not None and t.per_period:
        return False  # '월 45건' is a monthly rate, not a count over the plan's period
    return (
        t is not None
        # 'Add 40 new clients': a change in a count with no base is the count it adds
        and (t.kind == "level" or (t.kind == "change" and frame.baseline is None))
        and t.unit not in ("%", "pp", "x")
        and not t.unit.isupper()
    )


def lead_goal(plan: Plan) -> tuple[Goal, float] | None:
    """The goal that counts the sales funnel's leads: an email or SMS list ('grow the list from
    62,000 to 110,000 contacts') is an audience to nurture, not leads, unless it says so."""
    for goal in plan.goals:
        f = _frame(goal)
        words = f"{f.metric} {f.target.unit if f.target else ''} {goal.text}"
        if audience_list(f):
            continue
        if _is_count(f) and (f.kpi == "leads" or re.search(r"\blead|\bmql|리드", words, re.I)):
            assert f.target is not None
            return goal, _added(f, goal.text)
    return None


def audience_list(f: GoalFrame) -> bool:
    """Whether a goal counts an audience list ('email/SMS list … contacts', '구독자'), a level to
    nurture, and not leads (unless its metric says leads)."""
    said = f"{f.metric} {f.target.unit if f.target else ''}"
    return bool(AUDIENCE_LIST.search(said)) and not re.search(r"\blead|\bmql|리드", said, re.I)


AUDIENCE_LIST = re.compile(
    r"\b(?:e-?mail|sms|newsletter|mailing)\b|\bcontacts\b|\bsubscribers?\b|뉴스레터|이메일|문자\s*수신|주소록|구독자",
    re.I,
)


# a count said a year ('연 4만 1,000명에서 5만 5,000명으로', 'from 14,000 a year to 25,000')
_A_YEAR_FROM = re.compile(
    r"(?:(?<![가-힣])연간?|매년|한\s*해)\s*(?:약\s*)?\d[\d,.]*\s*(?:만|천)?\s*[\d,]*\s*[가-힣]{0,2}\s*에서"
    r"|\bfrom\s+(?:about\s+)?[\d,.]+[kKmM]?\s+(?:[a-z-]+\s+){0,2}(?:a|per)\s+year\b",
    re.I,
)
_LEVEL_WORDS = re.compile(
    r"list|subscri|member|follower|user|store|location|account\s+base|installed|회원(?!\s*가입)|구독|팔로워|가입자|매장|점포|사용자",
    re.I,
)


def _added(f: GoalFrame, text: str = "", elsewhere: str = "") -> float:
    """What a count goal adds: 'grow the list from 48,000 to 75,000' adds 27,000 (a level from
    its stated base); '900 leads' is a flow of 900, and so is '2,400 MQLs (2026: 1,500)': a base
    tied to an earlier year is last year's flow, a comparison, unless the goal counts a level
    (a list, members, stores)."""
    assert f.target is not None
    b = f.baseline
    if (
        b is not None
        and b.source == "goal"
        and b.unit == f.target.unit
        and b.value < f.target.value
    ):
        if (said := _new_ones_said(f, text) or _new_ones_said(f, elsewhere)) is not None:
            # '신규 가맹점 35개를 열고 … 112개에서 140개로': 35 open, 7 close; the plan's own
            # arithmetic elsewhere ('= 12,100 new subscribers; churn … loses ~7,500')
            return said
        if _A_YEAR_FROM.search(text):  # '연 16만 명에서 24만 명으로': a year's count, a flow
            return f.target.value
        end_year = int(f.deadline[:4]) if f.deadline else None
        past = end_year is not None and any(int(y) < end_year for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text))  # fmt: skip
        if past and not _LEVEL_WORDS.search(f"{f.metric} {f.target.unit}"):
            return f.target.value
        return f.target.value - b.value
    return f.target.value


def _new_ones_said(f: GoalFrame, text: str) -> float | None:
    """The new ones a level goal states beside its move ('open 35 new franchises … from 112 to
    140', '신규 가맹점 35개를 열고'): the level's change is net of those lost."""
    from assistant.goals.numbers import read_quantities

    assert f.target is not None and f.baseline is not None
    for q in read_quantities(text):
        if (
            q.kind != "count"
            or q.value in (f.target.value, f.baseline.value)
            # '… plus 9,000 new = ~15,000 active': the new ones named by 'new' alone
            or (q.unit != f.target.unit and q.unit.lower() != "new")
        ):
            continue
        before, after = text[max(0, q.start - 14) : q.start], text[q.end : q.end + 8]
        if re.search(r"신규\s*(?:[가-힣]+\s*){0,2}$|\bnew\s+$", before, re.I) or re.match(
            r"\s*new\b", after, re.I
        ):
            return q.value if q.value > f.target.value - f.baseline.value else None
    return None


_REACH = re.compile(
    r"\b(?:reach|grow\s+to|get\s+to|hit|a\s+total\s+of|total)\b|누적|총\s|전체\s|달성", re.I
)
_NEW = re.compile(r"\bnew\b|\bwin\b|\bsign\b|\bacquire|\badd\b|신규|새로|확보", re.I)


def unbased_level(goal: Goal) -> bool:
    """A count goal that names a total at a date with no base to count the new ones from ('Reach
    60,000 paying subscribers'): the customers it takes are that total less today's plus those
    lost during the year, which the plan cannot know without today's count."""
    f = _frame(goal)
    if f.target is None or f.baseline is not None or not _is_count(f):
        return False
    said = f"{f.metric} {f.target.unit}"
    # a list, members, stores, or customers said as a total ('유료 고객 누적 1,200곳 달성')
    counted = _LEVEL_WORDS.search(said) or re.search(r"customer|client|고객|거래처", said, re.I)
    return bool(counted and _REACH.search(goal.text) and not _NEW.search(goal.text))


def customer_goal(plan: Plan) -> tuple[Goal, float] | None:
    """The goal counting new customers: one that names customers or accounts in its metric
    before one merely measured as such ('Win 90 new plant accounts' before 'Sign 25 VMI
    programs'); the sales objectives before the marketing ones."""
    named = re.compile(
        r"customer|client|account|merchant|logo|store|retailer|shopper|student|고객|거래처|가맹점|매장|수강생|원생",
        re.I,
    )
    order = sorted(
        plan.goals,
        key=lambda g: (not named.search(_frame(g).metric), g.section != "sales_objectives"),
    )
    for goal in order:
        f = _frame(goal)
        words = f"{f.metric} {f.target.unit if f.target else ''}"
        if re.search(
            r"e-?mail|newsletter|뉴스레터|이메일|inquir|enquir|\bleads?\b|\bmqls?\b|sign-?ups?|loyalty|members?\b|문의|리드|신청|상담|멤버십|회원\s*가입",
            f"{f.metric} {goal.text}",
            re.I,
        ):
            continue  # inquiries, sign-ups and mailing lists are not customers
        if unbased_level(goal):
            continue  # 'Reach 60,000 paying subscribers': a total at a date, not new customers
        if is_outlet_goal(plan, goal):
            continue  # a chain's own new stores bring sales; their shoppers are the customers
        if _is_count(f) and (
            f.kpi == "new_customers"
            or re.search(
                r"customer|client|contract|deal|account|merchant|logo|retailer|shopper|buyer|student|계약|고객|거래처|가맹점|수주|수강생|학생|원생",
                words,
                re.I,
            )
        ):
            assert f.target is not None
            # 'subscribers from 8,000 to 15,000' is a level: the customers to add are the
            # difference (a flow), never the whole ending level, unless the plan counts the
            # new ones it wins (the rest replace those lost)
            return goal, _added(f, goal.text, plan.user_text("sales_strategy"))
    return None


def revenue_goal(plan: Plan) -> tuple[Goal, float, str] | None:
    for goal in plan.goals:
        f = _frame(goal)
        t = f.target
        if (
            t is not None
            and t.kind == "level"
            and t.unit.isupper()
            and re.search(
                r"revenue|sales|bookings|arr|매출|판매액", f"{f.metric} {goal.text}", re.I
            )
            and not re.search(
                r"deal\s*size|per\s+customer|객단가|거래\s*규모", f"{f.metric} {goal.text}", re.I
            )
        ):
            return goal, t.value, t.unit
    return None


def deal_size(plan: Plan) -> tuple[float, str, str] | None:
    """(annual revenue per customer, currency, where it came from): the average deal size on the
    fact sheet, else the price (a monthly price x 12)."""
    take = take_rate_revenue(plan) or order_revenue(plan)
    if take is not None:
        return take
    f = plan.fact("average_deal_size")
    if f is not None and isinstance(f.value, (int, float)):
        return float(f.value), f.unit, "goal" if f.section.endswith("objectives") else "deal size"
    p = plan.fact("price")
    if p is not None and isinstance(p.value, (int, float)):
        if p.period in ("order", "unit"):  # '$2,000 per load', '$110 per visit': no year
            return _per_unit_revenue(plan, float(p.value), p.unit)
        return float(p.value) * (12 if p.period == "month" else 1), p.unit, "price"
    return None


def _per_unit_revenue(plan: Plan, price: float, unit: str) -> tuple[float, str, str] | None:
    """A price per purchase or per unit is a customer's revenue only when the plan says how
    often a customer buys: a stated repeat rate (1 / (1 - r) purchases) or a one-off project
    (services: one purchase); otherwise the plan does not say, and no LTV is built on it."""
    if plan.number("repeat_rate") is not None or model_of(plan) == "services":
        return round(price * orders_per_customer(plan), 2), unit, "price"
    return None


def _monthly_churn(plan: Plan) -> float | None:
    """Monthly churn in % from the fact sheet (an annual rate / 12)."""
    f = plan.fact("churn_rate")
    if f is None or not isinstance(f.value, (int, float)):
        return None
    return float(f.value) / 12 if f.period == "year" else float(f.value)


def lead_pace(plan: Plan) -> tuple[int, int] | None:
    """(months the lead goal counts, months the customer goal counts) when the lead goal ends
    earlier in the same year ('900 MQLs by September 30' against '70 customers by December'):
    leads over 9 months do not feed a year of customers; compared at the same pace, 1,200."""
    leads, customers = lead_goal(plan), customer_goal(plan)
    if leads is None or customers is None:
        return None
    a, b = _frame(leads[0]).deadline, _frame(customers[0]).deadline
    if not a or not b or a[:4] != b[:4]:
        return None
    lead_m, cust_m = int(a[5:7]), int(b[5:7])
    return (lead_m, cust_m) if 3 <= lead_m < cust_m else None


_PARTNER_SHARE = (
    re.compile(
        r"(?:partner|reseller|agenc|referral|channel)[^.;]{0,80}?(\d{1,2}(?:\.\d)?)\s*%\s*of\s+(?:our\s+|all\s+)?(?:new\s+)?(?:deals|contracts|customers|accounts|wins|sales)",
        re.I,
    ),
    re.compile(
        r"(?:파트너|대리점|리셀러|대행사|추천|제휴)[^.;]{0,60}?신규\s*(?:계약|고객|거래)[의은는]?\s*(?:약\s*)?(\d{1,2}(?:\.\d)?)\s*%"
    ),
)


def partner_share(plan: Plan) -> float | None:
    """The share of new customers partners bring outside the lead funnel ('partners, about 25%
    of new contracts', '노무법인 파트너 12곳(신규 계약의 약 25%)'), in %."""
    for sid in (
        "sales_territories_channels",
        "sales_strategy",
        "mkt_channels",
        "sales_team_structure",
    ):
        text = plan.user_text(sid)
        for rx in _PARTNER_SHARE:
            m = rx.search(text)
            if m and 0 < float(m.group(1)) < 90:
                return float(m.group(1))
    return None


_STRAIGHT_TO_SELLERS = (
    re.compile(
        r"(?:partner|referr|agenc|reseller)[^.;]{0,80}?\b(?:straight|directly|direct\s+to)\b", re.I
    ),
    re.compile(
        r"(?:파트너|추천|제휴|대리점)[^.;]{0,40}?(?:AE|영업\s*담당자?|영업\s*사원|세일즈)[가-힣]{0,2}\s*(?:바로|직접)"
    ),
)


def partners_bypass_funnel(plan: Plan) -> bool:
    """The sales strategy hands partner referrals straight to the sellers ('노무법인 추천 리드는
    AE가 바로 맡습니다', 'partner referrals go straight to the AEs'): partner deals are won
    outside the marketing lead funnel."""
    text = plan.user_text("sales_strategy")
    return any(rx.search(text) for rx in _STRAIGHT_TO_SELLERS)


def partner_customers(plan: Plan) -> tuple[float, float] | None:
    """(new customers a year the partners hand straight to the sellers, their share in %) when the
    sales strategy says so and the plan has a customer goal; None otherwise."""
    won = customer_goal(plan)
    share = partner_share(plan) if partners_bypass_funnel(plan) else None
    return (won[1] * share / 100, share) if won is not None and share else None


def recommended_leads(plan: Plan, funnel_end: float) -> float | None:
    """The lead goal that makes the customer goal at the plan's rates when the funnel falls short
    of it (the lead goal x customers wanted / customers made: 900 x 70 / 60 = 1,050); None when
    the funnel makes the goal or either goal is missing. The summaries, the risks and the sales
    decision all recommend this one figure."""
    leads, won = lead_goal(plan), customer_goal(plan)
    if leads is None or won is None:
        return None
    made = customers_at_pace(plan, funnel_end)
    if not made or made >= won[1] * 0.95:
        return None
    return leads[1] * won[1] / made


def leads_besides_partners(plan: Plan, funnel_end: float) -> float | None:
    """The lead goal enough for the customers the partners do not bring, when partner referrals
    go straight to the sellers and the lead funnel alone already makes the customer goal (2,400
    x (180 - 45) / 180 = 1,800); None otherwise. The sales decision recommends this figure."""
    leads, won, partners = lead_goal(plan), customer_goal(plan), partner_customers(plan)
    if leads is None or won is None or partners is None:
        return None
    made = customers_at_pace(plan, funnel_end)
    if not made or made < won[1] * 0.95:
        return None
    return leads[1] * (won[1] - partners[0]) / made


def customers_at_pace(plan: Plan, funnel_end: float) -> float:
    """The funnel's customers over the customer goal's months, at the lead goal's pace."""
    pace = lead_pace(plan)
    return funnel_end * pace[1] / pace[0] if pace else funnel_end


def plan_year(plan: Plan) -> int:
    years = [int(f.deadline[:4]) for g in plan.goals if (f := _frame(g)).deadline]
    if years:
        return max(set(years), key=years.count)
    try:
        return date.fromisoformat(plan.created[:10]).year + 1
    except ValueError:
        return date.today().year + 1


def deal_base(plan: Plan, target: float, currency: str) -> float | None:
    """Where a deal-size goal starts ('from $14,000 to $17,000'), when the deal size is its target."""
    for goal in plan.goals:
        f = goal.frame
        if (
            f is not None
            and f.kpi == "average_deal_size"
            and f.target is not None
            and f.baseline is not None
            and f.target.value == target
            and f.baseline.unit in (currency, "")
            and 0 < f.baseline.value < target
        ):
            return float(f.baseline.value)
    return None


def installed_base(plan: Plan, base: float | None) -> tuple[float, float] | None:
    """(customers today, revenue per customer today): last year's revenue over today's revenue
    per customer (not the deal-size goal), only where revenue is the subscriptions themselves (a
    services firm's revenue also holds repairs and projects: it counts no customers)."""
    from assistant.analysis.revenue_models import model_of

    if model_of(plan) != "subscription":
        return None
    size = deal_size(plan)
    if size is None or not base or size[0] <= 0 or size[2] == "take rate":
        return None
    today = (deal_base(plan, size[0], size[1]) or size[0]) if size[2] == "goal" else size[0]
    count = base / today
    return (count, today) if count >= 2 else None


def customers_churned(plan: Plan, count: float) -> float | None:
    """Customers of `count` lost in a year at the stated churn (a monthly rate x 12, capped)."""
    churn = plan.fact("churn_rate")
    if churn is None or not isinstance(churn.value, (int, float)):
        return None
    yearly = float(churn.value) * (12 if churn.period == "month" else 1)
    return count * min(yearly, 100) / 100


def cost_per_lead(plan: Plan, funnel_top: float) -> float | None:
    """A year's marketing budget over a year's leads at the lead goal's pace (900 in 9 months
    counts 1,200): the one cost per lead the KPI table, the channels and the goal checks use."""
    budget = plan.number("marketing_budget")
    if not budget or not funnel_top:
        return None
    pace = lead_pace(plan)
    return budget / (funnel_top * (pace[1] / pace[0] if pace else 1))

"""The plan's load on its SDRs and sellers read both ways against the planning guide's usual
monthly load: far under it, the team has time to spare (for outbound, not for more hires); far
over it, leads and deals wait. A sentence for the sales strategy's capacity lines."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.seller_workload import Workload, load_against, usual_workload
from assistant.core.lang import fix_particles, kb_guide
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.forecast_proposal import MID_MARKET_DEAL
from assistant.interview.pipeline_feed import feed_numbers, quota_role

WORKING_DAYS_A_MONTH = 21
# the roles and stage the guide's ranges are for: an SDR (or BDR) qualifying leads, and new
# sales-qualified opportunities reaching a seller
SDR = re.compile(r"\bsdrs?\b|\bbdrs?\b|sales development", re.I)
OPPORTUNITY = re.compile(r"\bsql\b|opportunit|영업 기회", re.I)


def _usual(plan: Plan) -> Workload | None:
    from assistant.core.settings import get_settings

    return usual_workload(str(get_settings().knowledge_dir), plan.language)


def sdr_load(plan: Plan, per_month: float, role: str) -> str:
    """' About 1.2 a working day each, well under …: the time left belongs in outbound.' for the
    SDRs' line, when what they qualify a month is far from an SDR's usual load; '' otherwise."""
    usual = _usual(plan)
    if usual is None or per_month <= 0 or not SDR.search(role):
        return ""
    side = load_against(per_month, usual.sdr)
    lo, hi = (f"{x:g}" for x in usual.sdr)
    day = per_month / WORKING_DAYS_A_MONTH
    return _side(plan.language == "ko", side, under=(
        f" That is about {day:.1f} a working day each, well under the {lo}-{hi} a month an SDR usually qualifies ({kb_guide(usual.title, 'en')}): the time left belongs in outbound prospecting of target accounts.",
        f" 하루 약 {day:.1f}건으로, SDR이 보통 한 달에 검토하는 {lo}~{hi}건에 크게 못 미칩니다({kb_guide(usual.title, 'ko')}). 남는 시간은 목표 고객사 아웃바운드 발굴에 씁니다.",
    ), over=(
        f" That is well over the {lo}-{hi} a month an SDR usually qualifies ({kb_guide(usual.title, 'en')}): leads will wait and go cold; add {role} or raise the bar for an MQL.",
        f" SDR이 보통 한 달에 검토하는 {lo}~{hi}건보다 크게 많아({kb_guide(usual.title, 'ko')}) 리드가 기다리다 식을 수 있습니다. SDR을 늘리거나 MQL 기준을 높입니다.",
    ))  # fmt: skip


def _side(ko: bool, side: str, under: tuple[str, str], over: tuple[str, str]) -> str:
    """The (English, Korean) sentence for the side of the usual range a load falls on; '' when
    it falls within it."""
    pair = {"under": under, "over": over}.get(side)
    return "" if pair is None else pair[ko]


def seller_load(plan: Plan, a: PlanAnalysis) -> str:
    """The opportunities the funnel gives each quota seller a month against the usual load of an
    account executive on mid-market deals (the guide's range is for those; a smaller sale is
    worked faster, so no range is applied to it); '' when within it or not applicable."""
    usual = _usual(plan)
    sellers = quota_role(plan)
    fed = feed_numbers(plan, sellers, a)
    cap = a.capacity
    cur = a.unit_economics.currency
    if usual is None or fed is None or sellers is None or not cap.revenue_per_rep or not cap.deals_per_rep:  # fmt: skip
        return ""
    if cap.revenue_per_rep / cap.deals_per_rep < MID_MARKET_DEAL.get(cur, float("inf")):
        return ""
    if not OPPORTUNITY.search(a.funnel[-2].stage):
        return ""  # the range counts new opportunities, not a later stage (proposals, trials)
    per_month = fed[0] / 12
    side = load_against(per_month, usual.seller)
    stage = a.funnel[-2].stage
    lo, hi = (f"{x:g}" for x in usual.seller)
    plural = stage + "s" if stage.isupper() else stage.lower()
    return _side(plan.language == "ko", side, under=(
        f"That is about {per_month:.0f} new {plural} a month each, under the {lo}-{hi} an account executive usually takes on ({kb_guide(usual.title, 'en')}): seller time is not what limits the deals, {plural} are; add {plural} before sellers.",
        f"1인당 새 {stage}은 월 약 {per_month:.0f}건으로, AE가 보통 맡는 월 {lo}~{hi}건에 못 미칩니다({kb_guide(usual.title, 'ko')}). 거래를 묶는 것은 담당자의 시간이 아니라 {stage} 수이므로, 담당자를 늘리기 전에 {stage}을 늘립니다.",
    ), over=(
        f"That is about {per_month:.0f} new {plural} a month each, well over the {lo}-{hi} an account executive usually takes on ({kb_guide(usual.title, 'en')}): deals will wait and go cold; add sellers or raise the bar for an {stage}.",
        f"1인당 새 {stage}은 월 약 {per_month:.0f}건으로, AE가 보통 맡는 월 {lo}~{hi}건보다 훨씬 많습니다({kb_guide(usual.title, 'ko')}). 거래가 기다리다 식지 않게 담당자를 늘리거나 {stage} 기준을 높입니다.",
    ))  # fmt: skip


def book_note(plan: Plan, role: str, count: int, accounts: float) -> str:
    """The customer success managers' book at year end against the accounts one usually looks
    after: far over it, how many more it takes, or the lighter touch for the smaller accounts;
    far under it, time for expansion. '' within the range or without one."""
    import math

    from assistant.interview.success_load import usual_accounts

    usual = _usual(plan)
    found = usual_accounts(plan, usual) if usual is not None else None
    if usual is None or found is None or count <= 0 or not accounts:
        return ""
    (low, high), by_money = found
    each = accounts / count
    side = load_against(each, (low, high))
    lo, hi = (f"{x:,.0f}" for x in (low, high))
    need = math.ceil(accounts / high)
    if by_money and usual.csm_book is not None:  # the range is the book's money at this deal size
        b_lo, b_hi = (
            format_amount(x, usual.csm_book[2], plan.language) for x in usual.csm_book[:2]
        )
        if plan.language == "ko":
            b_lo = b_lo.replace(" 원", "")
        lo_hi_en = (
            f"{lo}-{hi} (a book of {b_lo}-{b_hi} of yearly recurring revenue at this deal size)"
        )
        lo_hi_ko = f"{lo}~{hi}곳(이 계획의 계약 규모에서 연 반복 매출 {b_lo}~{b_hi} 범위)"
    else:
        lo_hi_en, lo_hi_ko = f"{lo}-{hi}", f"{lo}~{hi}곳"
    said = _side(plan.language == "ko", side, under=(
        f"About {each:,.0f} accounts each at year end is under the {lo_hi_en} a customer success manager usually looks after ({kb_guide(usual.title, 'en')}): the time left goes to renewals and expansion.",
        f"{role} 1인당 연말 고객 약 {each:,.0f}곳은 보통 맡는 {lo_hi_ko}보다 적어({kb_guide(usual.title, 'ko')}), 남는 시간은 갱신과 확장 영업에 씁니다.",
    ), over=(
        f"About {each:,.0f} accounts each at year end is well over the {lo_hi_en} a customer success manager usually looks after ({kb_guide(usual.title, 'en')}): to keep what the plan promises every customer, grow the {role} to about {need}, or serve the smaller accounts with group webinars and automated check-ins.",
        f"{role} 1인당 연말 고객 약 {each:,.0f}곳은 보통 맡는 {lo_hi_ko}보다 훨씬 많습니다({kb_guide(usual.title, 'ko')}). 모든 고객에게 약속한 관리를 지키려면 {role}을(를) 약 {need}명으로 늘리거나, 작은 고객은 그룹 웨비나와 자동 점검으로 관리합니다.",
    ))  # fmt: skip
    if not said and by_money and usual.csm_book is not None and low <= each <= high:
        # within the book's money, but the work follows the count: said with the tiered coverage
        # that many small accounts need
        from assistant.analysis.plan_goals import deal_size

        size = deal_size(plan)
        # the book in money is the year-end recurring revenue the revenue bridge reaches
        # (base - churn + new + expansion) over the managers, when it has one; else each
        # account at the plan's deal size
        from assistant.analysis.plan_analysis import analyse

        br = analyse(plan).revenue
        ending = (
            br.base - br.churned + (br.new_business_from_goals or 0) + (br.expansion or 0)
            if br.base is not None and br.churned is not None and br.churn_rate_annual is not None
            else None
        )
        money = ending / count if ending and ending > 0 else each * size[0] if size else 0.0
        # said as within the usual book only when the money is (a large expansion can lift it
        # past the range while the count stays inside)
        within = usual.csm_book[0] <= money <= usual.csm_book[1]
        book = format_amount(about(money), size[1], plan.language) if size and within else ""
        said = (
            (
                f"{role} 1인당 연말 고객 약 {each:,.0f}곳(연 반복 매출 약 {book})은 매출로는 한 명이 보통 맡는 {b_lo}~{b_hi} 범위 안입니다. 다만 일은 고객 수만큼 늘어나므로, 1:1 정기 관리는 큰 고객에 두고 작은 고객은 그룹 웨비나와 자동 점검으로 관리합니다."
                if plan.language == "ko"
                else f"About {each:,.0f} accounts each at year end (about {book} of yearly recurring revenue) is within the {b_lo}-{b_hi} book a customer success manager usually carries, counted in money. The work grows with the count, though: keep one-to-one reviews for the largest accounts and serve the rest with group webinars and automated check-ins."
            )
            if book
            else ""
        )
    return "\n\n" + fix_particles(said) if said else ""


# a trial the sellers run, with its length: '14-day guided trial', '14일 무료 체험', '30일 파일럿'
_TRIAL = re.compile(
    r"(?P<en>\d{1,3})[- ]day\s+(?:[a-z-]+\s+){0,2}?(?P<what>trial|pilot|proof of concept|poc)\b"
    r"|(?<!월\s)(?<!월)(?<![\d~-])(?P<ko>\d{1,3})\s*일\s*(?:간\s*)?(?:무료\s*)?(?P<kwhat>체험|파일럿|시범\s*운영|PoC)",
    re.I,
)


def trial_days(plan: Plan) -> tuple[int, str] | None:
    """(the trial's days, what it is called) from the strategy answers; None when none is named."""
    for sid in ("sales_strategy", "mkt_strategy", "sales_objectives", "sales_offering"):
        text = plan.user_text(sid)
        for m in _TRIAL.finditer(text):
            days = int(m.group("en") or m.group("ko"))
            if not 1 < days <= 120 or _SELF_SERVE.search(
                text[max(0, m.start() - 60) : m.end() + 60]
            ):
                continue  # a date, or a trial the buyer runs alone: no seller's load
            what = m.group("what") or m.group("kwhat")
            return days, what if what.isupper() or what == "PoC" else what.lower()
    return None


# a trial nobody from sales runs: 'self-serve free trial with no sales touch', '셀프 체험'
_SELF_SERVE = re.compile(
    r"self-?serve|no\s+sales|without\s+(?:a\s+)?sales|셀프|영업\s*(?:없이|개입\s*없)", re.I
)


def trial_load(plan: Plan, a: PlanAnalysis) -> str:
    """How many of the sellers' timed trials run at once: the opportunities the funnel feeds each
    seller a month (the capacity line just before says the same figure) × the trial's days, so
    the trial is staffed, not only named ('about 2 run at once'); when the deals each must close
    need more trials than the funnel feeds, the need is said beside it. '' when the sellers run
    no timed trial or the feed is unknown."""
    found, sellers = trial_days(plan), quota_role(plan)
    fed = feed_numbers(plan, sellers, a)
    if found is None or fed is None or sellers is None or not a.funnel[-1].rate:
        return ""
    days, what = found
    fed_month = fed[0] / 12  # the opportunities the funnel gives each seller, all in a trial
    need_month = fed[2] / (a.funnel[-1].rate / 100) / 12  # what the deals each must close need
    running, needed = fed_month * days / 30.4, need_month * days / 30.4
    if running < 1:
        return ""
    role, stage = str(sellers["role"]), a.funnel[-2].stage
    more = round(needed) > round(running)
    if plan.language == "ko":
        beside = f"(1인당 수주 목표를 채우려면 약 {needed:.0f}건)" if more else ""
        return (f"{days}일 {what}: 퍼널이 1인당 매달 주는 {stage} 약 {fed_month:.0f}건이 모두 {what}을 시작하면 {role} 한 명이 동시에 진행하는 {what}은 약 {running:.0f}건입니다{beside}. "
                f"{what}을 시작할 때 착수 미팅과 중간 점검 일정을 함께 잡습니다.")  # fmt: skip
    beside = f" (about {needed:.0f} for the deals each must close)" if more else ""
    plural = stage + "s" if stage.isupper() else stage.lower()
    return (f"The {days}-day {what}: if each of the {plural} a seller gets from the funnel a month (about {fed_month:.0f}) starts a {what}, about {running:.0f} run at once per seller{beside}; "
            f"book the kickoff and a mid-{what} check-in when each starts.")  # fmt: skip

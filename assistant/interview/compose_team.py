"""The sales team as a plan: each role with its headcount, manager and computed load (deals per
seller, MQLs per SDR a month, accounts per CSM from the year-end book) and what a capacity check
still needs (territories: compose_territories)."""

from __future__ import annotations

import re

from assistant.analysis.lists import FIRST_TOUCH, team_roles
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose import _table
from assistant.interview.compose_territories import quota_by_territory, quota_of
from assistant.interview.hires import hires_stated
from assistant.interview.success_load import SUCCESS as _SUCCESS
from assistant.interview.success_load import customer_book
from assistant.interview.team_span import span_note
from assistant.interview.workload_check import book_note


def _load(plan: Plan, role: str, count: int, analysis: PlanAnalysis) -> str:
    """What one person in a supporting role handles: the leads an SDR works a month, the
    accounts a customer success manager looks after (the base's customers and the new ones)."""
    from assistant.analysis.plan_goals import lead_pace

    ko = plan.language == "ko"
    if count <= 0:
        return "-"
    if FIRST_TOUCH.search(role) and analysis.funnel:
        pace = lead_pace(plan)
        months = pace[0] if pace else 12
        per = analysis.funnel[0].volume / count / months
        stage = analysis.funnel[0].stage
        return f"1인당 월 {stage} 약 {per:,.0f}건" if ko else f"about {per:,.0f} {stage + 's' if stage.isupper() else stage.lower()} a month each"  # fmt: skip
    if _SUCCESS.search(role):
        accounts, existing = customer_book(plan, analysis)
        if accounts:
            each = accounts / count
            if not existing:  # no base stated: the new accounts of the year, and the book they
                # join said as unknown, not as none
                return f"1인당 연 신규 고객 약 {each:,.0f}곳과 기존 고객(수 미기재)" if ko else f"about {each:,.0f} new accounts a year each, on top of today's accounts (not stated)"  # fmt: skip
            touches = _review_load(plan, each)
            return (f"1인당 고객 약 {each:,.0f}곳{touches}" if ko else f"about {each:,.0f} accounts each{touches}")  # fmt: skip
    return "-"


_REVIEW = re.compile(
    r"reviews?\b|\bqbrs?\b|check-?ins?|health\s+checks?|리뷰|점검|정기\s*방문|정기\s*미팅", re.I
)
_EVERY = {"week": 52, "month": 12, "quarter": 4, "half": 2, "year": 1}


def _review_load(plan: Plan, accounts: float) -> str:
    """A recurring review the plan promises every customer ('분기별 고객 리뷰를 도입해',
    'quarterly business reviews'): the reviews each customer success manager must hold a week."""
    from assistant.analysis.cadence import recurring_items

    texts = [g.frame.means or "" for g in plan.goals if g.frame] + [
        plan.user_text("sales_strategy")
    ]
    for text in texts:
        for item in recurring_items(text):
            if item.period in _EVERY and _REVIEW.search(item.name):
                a_week = accounts * item.count * _EVERY[item.period] / 52
                ko = plan.language == "ko"
                return (
                    f"(분기별 리뷰면 주 약 {a_week:,.0f}회)"
                    if ko and item.period == "quarter"
                    else f"(고객 리뷰 주 약 {a_week:,.0f}회)"
                    if ko
                    else f" (about {a_week:,.0f} customer reviews a week)"
                )
    return ""


def unnamed_managers(plan: Plan) -> list[str]:
    """Managers the answer names only as someone others report to ('SDRs report to a team
    lead'): the team table counts each as one person."""
    roles = team_roles(plan)
    # 'sales managers' listed and 'report to a sales manager': one role, singular or plural
    named = {str(r["role"]).lower().removesuffix("s") for r in roles}
    bosses = dict.fromkeys(str(r["reports_to"]) for r in roles if r["reports_to"])
    # an executive beside the leader ('… coordinators under the VP Operations') runs another
    # function: no one the sales team counts, nor someone reporting to its leader
    leader = any(not r["reports_to"] for r in roles)
    return [b for b in bosses if b.lower().removesuffix("s") not in named and not (leader and _EXECUTIVE.search(b))]  # fmt: skip


# an executive of another function (operations, finance, product …), not of sales or customers
_EXECUTIVE = re.compile(
    r"^(?:the\s+)?c[ofti]o$|"
    r"^(?=.*\b(?:s?vp|evp|chief|head|director)\b|.*(?:부사장|상무|전무|본부장|이사))"
    r".*(?:operation|\bops\b|finance|engineering|product|\bhr\b|people|legal|technology|\bit\b|"
    r"manufactur|supply|logistic|운영|재무|개발|생산|물류|인사|기술)",
    re.I,
)


def _ko_and(names: list[str]) -> str:
    """'영업팀장과 인사이드세일즈 파트장' (the particle set by the name before it)."""
    return ", ".join(names[:-1]) + "과(와) " + names[-1] if len(names) > 1 else names[0]


def headcount_assumptions(plan: Plan) -> list[str]:
    """The Assumptions entry for the managers counted as one person each (the team table's
    note), so every figure the plan supplies is listed where a reader checks them."""
    counted = unnamed_managers(plan)
    if not counted:
        return []
    if plan.language == "ko":
        each = "각 1명" if len(counted) > 1 else "1명"
        return [fix_particles(f"관리자 인원(영업팀 구조): {_ko_and(counted)}은(는) 팀 구성에 인원이 적혀 있지 않아 {each}으로 셌습니다.")]  # fmt: skip
    if len(counted) > 1:
        who = ", ".join(counted[:-1]) + " and " + counted[-1]
        return [f"Manager headcount (Sales Team Structure): the {who} are named only as the ones others report to, so each is counted as one person."]  # fmt: skip
    return [f"Manager headcount (Sales Team Structure): the {counted[0]} is named only as the one others report to, so it is counted as one person."]  # fmt: skip


def team_markdown(plan: Plan, analysis: PlanAnalysis) -> str:
    ko = plan.language == "ko"
    rows: list[list[str]] = []
    roles = team_roles(plan)
    for r in roles:
        capacity = (
            (
                f"1인당 신규 거래 약 {analysis.capacity.deals_per_rep:g}건"
                if ko
                else f"about {analysis.capacity.deals_per_rep:g} new deals each"
            )
            if r["quota_carrying"] and analysis.capacity.deals_per_rep
            else _load(plan, str(r["role"]), int(str(r["count"] or 0)), analysis)
        )
        quota = _role_quota(plan.user_text("sales_team_structure"), str(r["role"]))
        if quota:
            capacity = quota if capacity == "-" else f"{quota}; {capacity}"
        rows.append([str(r["role"]), str(r["count"]), str(r["reports_to"] or "-"), capacity])
    leader = next((str(r["role"]) for r in roles if not r["reports_to"]), "")
    counted = unnamed_managers(plan)
    for boss in counted:  # named, not counted: one person, said once under the table
        team = [r for r in roles if r["reports_to"] == boss]
        load = ", ".join(
            (f"{r['role']} {r['count']}명 관리" if ko else f"leads the {r['count']} {r['role']}")
            if r["count"] else (f"{r['role']} 관리" if ko else f"leads the {r['role']}")
            for r in team
        )  # fmt: skip
        rows.append([boss, "1", leader or "-", load or "-"])
    if len(rows) < 2:
        return ""
    note = ""
    if counted:
        boss = leader or ("팀장" if ko else "head of sales")
        if ko:
            each = "각 1명이" if len(counted) > 1 else "1명이"
            said = fix_particles(f"{_ko_and(counted)}은(는) 인원이 정해지지 않아 {each} {boss}에게 보고하는 것으로 가정했습니다.")  # fmt: skip
        elif len(counted) > 1:
            who = ", ".join(counted[:-1]) + " and " + counted[-1]
            said = f"The headcounts of the {who} are not stated: each is counted as one person reporting to the {boss}."  # fmt: skip
        else:
            said = f"The {counted[0]}'s headcount is not stated: counted as one person reporting to the {boss}."  # fmt: skip
        note = "\n\n" + said
    head = (
        ["역할", "인원", "보고 대상", "계획상 업무량"]
        if ko
        else ["Role", "Headcount", "Reports to", "Load in the plan"]
    )
    book = next(((r, customer_book(plan, analysis)) for r in roles if _SUCCESS.search(str(r["role"])) and int(str(r["count"] or 0)) > 0), None)  # fmt: skip
    if book is not None and book[1][1]:  # today's customers are known: the whole book each
        role, (accounts, _) = book
        note += book_note(plan, str(role["role"]), int(str(role["count"])), accounts)
    note += span_note(plan, roles, counted)
    return _table(head, rows) + note + _team_unknowns(plan, roles, analysis)


_RAMP = re.compile(
    r"ramp|온보딩\s*기간|적응\s*기간|정착|\d+\s*(?:months?|개월)\s*(?:to\s+)?(?:full|quota|ramp)",
    re.I,
)


def _sellers_at_usual(plan: Plan, new_business: float, reps: int, currency: str) -> str:
    """How many quota-carrying sellers the goals' new business carries at the usual quota
    multiple of a seller's cost, when that is fewer than the team has: the headcount conclusion
    a quota far below the usual multiple leads to ('' when it is not fewer)."""
    import math

    from assistant.analysis.sales_cost import estimate_sales_cost, quota_multiple
    from assistant.core.settings import get_settings

    est = estimate_sales_cost(plan, currency)
    usual = quota_multiple(str(get_settings().knowledge_dir), plan.language)
    if est is None or usual is None or not est.per_seller:
        return ""
    # on-target earnings are half to all of the cost: the quota at the usual multiple
    # of them, and so the sellers the goals' new business carries, is a range
    # said to one decimal (1.4 to 3.4), never rounded into a range the figures do not give
    # the top of the usual multiple on all of the cost gives the fewest sellers, the bottom on
    # half of it the most (the range the text cites, not its bottom alone)
    low = new_business / (usual[1] * est.per_seller)
    high = new_business / (usual[0] * est.per_seller * 0.5)
    if math.ceil(high) >= reps or high < 1:
        return ""  # not fewer than the team, or under one seller's worth (no headcount to say)
    total = format_amount(about(new_business), currency, plan.language)
    cost = format_amount(est.per_seller, currency, plan.language)
    lo, hi = f"{low:.1f}".removesuffix(".0"), f"{high:.1f}".removesuffix(".0")
    n = lo if lo == hi else f"{lo}~{hi}" if plan.language == "ko" else f"{lo} to {hi}"
    if plan.language == "ko":
        from assistant.core.lang import fix_particles

        return fix_particles(f"할당량을 목표 보상의 {usual[0]:g}~{usual[1]:g}배로 잡으면(목표 보상은 1인당 비용 {cost}의 절반~전부) 목표의 신규 매출 약 {total}은(는) 할당 담당자 약 {n}명 몫입니다. "
                f"{reps}명을 유지한다면 각자 더 많은 목표를 맡기거나(목표를 올림), 시간의 일부를 기존 고객·파트너 업무에 쓰고 할당량에 그 업무를 넣습니다. ")  # fmt: skip
    return (f"At the usual {usual[0]:g} to {usual[1]:g} times on-target earnings (half to all of the {cost} cost), the goals' {total} of new business is about {n} quota-carrying sellers' worth, not {reps}: "
            f"with {reps}, either each carries more (the goals rise), or part of their time goes to existing accounts or partners and the quota counts that work. ")  # fmt: skip


def _team_unknowns(plan: Plan, roles: list[dict[str, object]], analysis: PlanAnalysis | None = None) -> str:  # fmt: skip
    """What a capacity check needs that the answers do not say: each seller's quota (proposed
    from the plan's own load when it has one), how long a new seller takes to ramp, and when
    planned hires start (said once, with why it matters)."""
    if not any(r["quota_carrying"] for r in roles):
        return ""
    ko = plan.language == "ko"
    said = " ".join(plan.user_text(sid) for sid in ("sales_team_structure", "sales_strategy", "sales_training", "sales_objectives"))  # fmt: skip
    missing = []
    proposed = ""
    if plan.fact("quota_per_seller") is None and not re.search(r"quota|할당", said, re.I):
        cap = analysis.capacity if analysis is not None else None
        if analysis is not None and cap is not None and cap.deals_per_rep and cap.revenue_per_rep:
            from assistant.interview.pipeline_feed import quota_against_cost

            cur = analysis.unit_economics.currency
            money = format_amount(about(cap.revenue_per_rep), cur, plan.language)
            deals = format_amount(cap.deals_per_rep, "", plan.language)
            # quotas are set above the plan's share (about 110%): the room that leaves is said
            over = format_amount(quota_of(cap.deals_per_rep), "", plan.language)
            # the quota is the money (110% of the share); the deals are its rounded count ('about
            # 15'), so no reader multiplies a rounded count back into a different sum
            over_money = format_amount(about(cap.revenue_per_rep * 1.1), cur, plan.language)
            by_region = quota_by_territory(plan)
            # the room the 10% leaves: the team's shortfall the goal absorbs, in one quota's terms
            reps_n = cap.reps or 0
            room = format_amount(about(cap.revenue_per_rep * 0.1 * reps_n), cur, plan.language)
            share = f"{0.1 * reps_n / 1.1:.1f}".removesuffix(".0")
            room_ko = (
                f"담당자 전체의 미달이 약 {room}(할당량 약 {share}명분)까지면 팀 목표를 채웁니다"
            )
            room_en = f"the team still reaches its goal if all sellers together fall short by up to about {room} (about {share} of one seller's quota)"
            proposed = (
                f"담당자별 목표 몫: 1인당 연 신규 거래 약 {deals}건, 신규 매출 약 {money}(계획의 목표를 담당자 수로 나눈 값). "
                if ko
                else f"Each seller's share of the goals: about {deals} new deals and {money} of new business a year (the plan's goals over its sellers). "
            ) + quota_against_cost(plan, cap.revenue_per_rep, cur)
            reps = cap.reps or 0
            usual = _sellers_at_usual(plan, cap.revenue_per_rep * reps, reps, cur) if reps else ""
            proposed += usual
            proposed = (
                proposed.rstrip()
                + " "
                + (
                    f"제안 할당량: 그 몫의 110%인 신규 매출 약 {over_money}(약 {over}건{', 지역별 수치는 영업 지역 참고' if by_region else ''}). 몫보다 높게 잡아 {room_ko}{'(위의 선택 전까지는 보통 배수보다 낮음)' if usual else ''}. "
                    if ko
                    else f"Proposed quota: 110% of that share, about {over_money} of new business (about {over} deals{'; per territory in the territories section' if by_region else ''}): {room_en}{'; it stays below the usual multiple until that choice is made' if usual else ''}. "
                )
            )
        else:
            missing.append("1인당 할당량" if ko else "each seller's quota")
    if not _RAMP.search(said):
        missing.append("신규 담당자의 적응 기간" if ko else "how long a new seller takes to ramp")
    if not hires_stated(plan):
        missing.append(
            "채용 계획과 입사 시점" if ko else "hires planned this year and when they start"
        )
    if not missing:
        return "\n\n" + proposed.strip() if proposed else ""
    names = ", ".join(missing)
    return (
        "\n\n"
        + proposed
        + (
            f"아직 정하지 않은 것: {names}. 위 업무량은 모든 담당자가 1년 내내 같은 속도로 일한다고 가정합니다."
            if ko
            else f"Not stated yet: {names}. The load above assumes every seller works a full year at full pace."
        )
    )


def _role_quota(text: str, role: str) -> str:
    """A role's quota as written in its own sentence ('each with a $1.2M annual quota',
    '1인당 연 매출 쿼터 1억 5천만 원'), else ''."""
    at = text.find(role)
    if at < 0:
        return ""
    clause = re.split(r"(?<=[.!?])\s+|\n", text[at:], maxsplit=1)[0]
    m = re.search(
        r"(?:\$[\d.,]+\s*[kmb]?|[\d.,]+\s*(?:억|만)[\d.,\s천백만]*원?)[^.;]{0,40}?\bquota"
        r"|quota\s+(?:of\s+)?\$[\d.,]+\s*[kmb]?"
        r"|(?:쿼터|할당량?)\s*[^.;,]{0,12}?[\d.,]+\s*(?:억|만)[\d.,\s천백만]*원?",
        clause,
        re.I,
    )
    return " ".join(m.group(0).split()) if m else ""

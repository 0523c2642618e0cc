"""The sales strategy composed from the plan: each step with who does it, its sales stage, the
goals it serves and the KPIs that measure it (a promised time, a trial's conversion first), then
the capacity each role needs for the plan's numbers. The user's words are the table's cells."""

from __future__ import annotations

import re

from assistant.analysis.lists import REFERRAL, team_roles, with_count
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.plan_goals import customer_goal, partners_bypass_funnel
from assistant.analysis.plan_links import PlanPage, clauses, linker
from assistant.analysis.text_words import words
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount
from assistant.interview.compose_moves import (
    _FIGURE,
    _SALES_STAGES,
    _as_step,
    _cap,
    _goal_list,
    _sales_stage,
    _served,
    _t,
    _table,
    _who,
    states_figure,
    states_money,
)
from assistant.interview.kpi_rates import stated_in_goal, stated_trial_rate
from assistant.interview.measure_names import measure_label
from assistant.interview.offer_words import TRIAL
from assistant.interview.pipeline_feed import feed_sentence
from assistant.interview.workload_check import OPPORTUNITY, sdr_load, seller_load, trial_load


def sales_strategy_markdown(plan: Plan, page: PlanPage, analysis: PlanAnalysis) -> str:
    """The sales motion step by step: who does it, at which stage, for which goals; then the
    capacity each role needs for the plan's numbers."""
    text = plan.user_text("sales_strategy")
    if not text.strip() or plan.section("sales_strategy").author == "llm":
        return ""
    # (step, sentence): a budget or a figure is no step; a step with no actor continues the
    # actor of the step before it in the same sentence ('AE가 데모와 14일 체험을 진행합니다')
    steps: list[tuple[str, int]] = [
        (_as_step(c), n)
        for n, sentence in enumerate(re.split(r"(?<=[.!?。])\s+|\n+", text))
        if not (re.search(r"budget|spend|예산", sentence, re.I) and states_money(sentence))
        and not _FIGURE.search(sentence)
        for c in clauses(sentence)
        if not states_figure(c)
    ]
    ko = plan.language == "ko"
    roles = team_roles(plan)
    if not steps:  # every sentence is a figure: the motion is the user's own funnel
        return _motion(plan, roles, analysis)
    link = linker(plan, [s for s, _ in steps] + [r.text for r in page.rows])
    rows = []
    last: tuple[int, list[dict[str, object]]] = (-1, [])
    for step, sentence in steps:
        who = _who(step, roles) or (last[1] if last[0] == sentence else [])
        last = (sentence, who)
        stage = _sales_stage(step)
        stage_name = next((n[1] if ko else n[0] for k, n, _, _ in _SALES_STAGES if stage and k == stage[0]), "-")  # fmt: skip
        served = _served(page, step, link)
        kpis = [r.kpi for r in page.rows if r.goal in served and r.kpi] or (
            [stage[2]] if stage else []
        )
        if stage and stage[0] == "retention":  # an upsell after the sale moves revenue per
            # account, not the size of the deal signed (the goal's own check says so)
            # ... and customer success grows revenue by expansion, measured as such
            kpis = list(
                dict.fromkeys(
                    "upsell_cross_sell_rate" if k in ("average_deal_size", "revenue") else k
                    for k in kpis
                )
            )
        if who:  # sellers work the leads marketing brings: their measure is what they qualify
            kpis = list(dict.fromkeys("mql_to_sql_rate" if k == "leads" else k for k in kpis))
        names = [measure_label(plan, k) for k in kpis]
        if REFERRAL.search(step) and partners_bypass_funnel(plan) and (won := customer_goal(plan)):
            # partner referrals the sellers take straight: outside the lead funnel, they serve
            # the customer goal and are counted as partner deals, not as MQLs qualified
            served = [plan.goal_number(won[0])]
            names = ["파트너 소개 계약 수" if ko else "Deals from partner referrals"]
        if (
            TRIAL.search(step) and stage and stage[0] in ("proposal", "closing")
        ):  # a trial step: its conversion
            names.insert(0, "체험→고객 전환율" if ko else "Trial-to-customer rate")
        if m := _PROMISE.search(step):  # a step that promises a time is measured by it first
            n, unit = m.group(1) or m.group(3), m.group(2) or m.group(4)
            reach = re.search(r"연락|전화|응답|contact|call|respond|reply", step, re.I)
            names.insert(0, (f"{n}{unit} 안에 {'연락한' if reach else '처리한'} 비율") if ko
                         else f"Share {'contacted' if reach else 'handled'} within {n} {unit}")  # fmt: skip
        rows.append([
            _cap(step), ", ".join(with_count(r, ko) for r in who) or "-", stage_name,
            _goal_list(served, ko), ", ".join(dict.fromkeys(names)) or "-",
        ])  # fmt: skip
    from assistant.interview.pipeline_feed import outbound_step

    if extra := outbound_step(plan, analysis):  # the summary's bridge, as a step someone owns
        rows.append(extra)
    head = (["단계", "담당", "영업 단계", "지원 목표", "KPI"] if ko
            else ["Step", "Who", "Sales stage", "Serves", "KPI"])  # fmt: skip
    from assistant.interview.offer_volume import offer_volume_note

    volume = offer_volume_note(plan, "sales_strategy", analysis)  # said here unless a move names it
    return "\n\n".join(
        p
        for p in (
            _table(head, rows),
            volume,
            _capacity(plan, roles, analysis),
            sales_budget_use(plan),
        )
        if p
    )


_PROMISE = re.compile(
    r"within\s+(\d+)\s+((?:business\s+)?(?:hours?|minutes?|days?))\b|(\d+)\s*(시간|분|영업일|일)\s*(?:안에|이내|내)",
    re.I,
)


def _motion(plan: Plan, roles: list[dict[str, object]], a: PlanAnalysis) -> str:
    """The sales motion through the user's own stages (three or more), each with its volume,
    its rate and the roles the team answer gives it ('1 coordinator books site surveys')."""
    if len(a.funnel) < 3:
        return ""
    ko = plan.language == "ko"
    team = plan.user_text("sales_team_structure")
    rows = []
    for n, stage in enumerate(a.funnel):
        last = n == len(a.funnel) - 1
        who = [r for r in roles if r["quota_carrying"]] if last else [
            r for r in roles
            if any(words(stage.stage) & words(c) for c in clauses(team) if str(r["role"]) in c)
        ]  # fmt: skip
        rows.append([
            stage.stage, format_amount(stage.volume, "", plan.language),
            f"{stage.rate:g}%" if stage.rate is not None else "-",
            ", ".join(with_count(r, ko) for r in who) or "-",
        ])  # fmt: skip
    head = ["단계", "규모", "전환율", "담당"] if ko else ["Stage", "Volume", "Converted", "Who"]
    lead = _t(
        ko,
        "The sales motion runs through your own stages:",
        "영업은 아래 단계를 따라 진행합니다.",
    )
    return "\n\n".join(
        p
        for p in (lead, _table(head, rows), _capacity(plan, roles, a), sales_budget_use(plan))
        if p
    )


def _capacity(plan: Plan, roles: list[dict[str, object]], a: PlanAnalysis) -> str:
    """What each role must handle for the plan's numbers (computed, not stated)."""
    ko = plan.language == "ko"
    lang = plan.language
    lines = []
    sellers = next((r for r in roles if r["quota_carrying"]), None)
    if sellers and a.capacity.deals_per_rep:
        each = a.capacity.deals_per_rep
        total = format_amount(round(each * int(str(sellers["count"]))), "", lang)
        lines.append(_t(
            ko, f"{sellers['count']} {sellers['role']} close {total} new deals: about {each:g} each, {each / 12:.1f} a month.",
            f"{sellers['role']} {sellers['count']}명이 신규 거래 {total}건을 맡습니다. 1인당 약 {each:g}건, 월 {each / 12:.1f}건입니다.",
        ))  # fmt: skip
    qualifiers = next((r for r in roles if re.search(r"\bsdrs?\b|\bbdrs?\b|development|inside|인사이드", str(r["role"]), re.I)), None)  # fmt: skip
    if qualifiers and a.funnel and int(str(qualifiers["count"])) > 0:
        # the stage their own sentence names ('1 coordinator books site surveys'), else the top
        team = plan.user_text("sales_team_structure")
        said = next((c for c in clauses(team) if str(qualifiers["role"]) in c), "")
        top = next((s for s in a.funnel[1:] if words(s.stage) & words(said)), a.funnel[0])
        booked = top is not a.funnel[0]
        each = top.volume / int(str(qualifiers["count"]))
        months = _lead_months(plan)
        one = int(str(qualifiers["count"])) == 1
        verb = (_t(ko, "books" if one else "book", "예약합니다") if booked
                else _t(ko, "works" if one else "work", "검토합니다"))  # fmt: skip
        lines.append(_t(
            ko, f"{qualifiers['count']} {qualifiers['role']} {verb} {format_amount(top.volume, '', lang)} {top.stage.lower() if booked else (top.stage + 's' if top.stage.isupper() and top.volume != 1 else top.stage)} over {months} months: about {each:,.0f} each, {each / months:,.0f} a month.",
            f"{qualifiers['role']} {qualifiers['count']}명이 {months}개월 동안 {top.stage} {format_amount(top.volume, '', lang)}건을 {verb}. 1인당 약 {each:,.0f}건, 월 {each / months:,.0f}건입니다.",
        ) + ("" if booked else sdr_load(plan, each / months, str(qualifiers["role"]))))  # fmt: skip
    feed = " ".join(x for x in (feed_sentence(plan, sellers, a), seller_load(plan, a), trial_load(plan, a)) if x)  # fmt: skip
    if feed:  # right after the sellers' line: it is about them
        lines.insert(1 if lines and sellers and a.capacity.deals_per_rep else 0, feed)
    if not lines:
        return ""
    return f"**{_t(ko, 'Capacity', '역량')}**\n\n" + "\n".join(f"- {x}" for x in lines)


def _lead_months(plan: Plan) -> int:
    """Months the lead goal runs: from January of the plan year to its deadline (12 without one)."""
    from assistant.analysis.plan_analysis import lead_goal, plan_year

    found = lead_goal(plan)
    f = found[0].frame if found else None
    if f is None or not f.deadline:
        return 12
    months = 12 * (int(f.deadline[:4]) - plan_year(plan)) + int(f.deadline[5:7])
    return months if 1 <= months <= 24 else 12


_OWN_MEASURE = re.compile(r"trial-to-customer|within \d|체험→고객|안에 (?:연락|처리)한 비율", re.I)


def strategy_measures(plan: Plan, page: PlanPage, analysis: PlanAnalysis, shown: str) -> str:
    """The measures the sales strategy's own steps promise (a trial's conversion, a reply within
    hours), as a line under the KPI table when the table (`shown`) does not carry them: a KPI
    set the plan relies on is tracked where the KPIs are."""
    table = sales_strategy_markdown(plan, page, analysis).split("\n\n")[0]
    rows = [r.strip("| ").split(" | ") for r in table.splitlines() if r.startswith("| ") and "---" not in r]  # fmt: skip
    seen: dict[str, str] = {}
    for row in rows[1:]:  # the header first
        if len(row) < 5:
            continue
        for kpi in row[4].split(", "):
            if _OWN_MEASURE.search(kpi) and kpi.lower() not in shown.lower():
                seen.setdefault(kpi, row[1])
    if not seen:
        return ""
    ko = plan.language == "ko"
    role = lambda who: re.sub(r"\s*\(\d+\)$|\s+\d+명$", "", who)  # noqa: E731 - "SDRs (4)", "SDR 3명" -> the role
    # a step that converts by a trial: the trial's own rate when the funnel runs through trials,
    # else measured in the first quarter (a trial can start before qualification)
    trials = any(re.search(r"trial|체험", st.stage, re.I) for st in analysis.funnel)
    opened = len(analysis.funnel) > 1 and bool(OPPORTUNITY.search(analysis.funnel[-2].stage))
    rate = analysis.funnel[-1].rate if len(analysis.funnel) > 1 and (trials or opened) else None

    def target(kpi: str) -> str:
        # a promised response time is kept for nearly every lead; a trial converts at least at
        # the rate the funnel counts on
        if re.search(r"within \d|안에 (?:연락|처리)한 비율", kpi, re.I):
            return " 95% 이상(제안)" if ko else ": 95% or more (proposed)"
        if re.search(r"trial-to-customer|체험→고객", kpi, re.I) and (said := stated_trial_rate(plan)) is not None:  # fmt: skip
            if stated_in_goal(plan):
                return (
                    f" {said:g}% 이상(목표에 적힌 값)"
                    if ko
                    else f": at least {said:g}%, the goal's"
                )
            return (
                f" {said:g}% 이상(계획에 적힌 값)"
                if ko
                else f": at least {said:g}%, as the plan states"
            )
        if rate and re.search(r"trial-to-customer|체험→고객", kpi, re.I):
            if trials:
                return f" {rate:g}% 이상(퍼널이 전제한 값)" if ko else f": at least {rate:g}%, the rate the funnel counts on"  # fmt: skip
            # a trial can start before the lead is qualified: measured, as the KPI table sets it
            # (the funnel's last rate is no floor under it)
            return " 1분기에 잰 값으로 정함(계약 ÷ 체험 시작)" if ko else ": set from Q1's customers won ÷ trials started"  # fmt: skip
        return ""

    items = (" · " if ko else "; ").join(
        f"{k}({role(w)}){target(k)}" if ko else f"{k} ({role(w)}){target(k)}"
        for k, w in seen.items()
    )
    # a target set from the first quarter is not also set from the first month: the closing
    # sentence speaks for the others only
    q1 = "1분기에 잰 값" in items or "set from Q1's" in items
    if ko:
        close = (
            "나머지 목표는 첫 달 실측으로 확인합니다."
            if q1
            else "첫 달 실측으로 목표를 정하거나 확인합니다."
        )
        return f"**영업 전략에서 함께 볼 지표:** {items}. {close}"
    close = (
        "The first month's measure confirms the other targets."
        if q1
        else "The first month's measure sets or confirms each target."
    )
    return f"**Also tracked, from the sales strategy:** {items}. {close}"


# what a sales budget pays for, when the answers name it: then they split it themselves
_SALES_SPEND = re.compile(
    r"travel|visits?|incentives?|commissions?|bonus|spiff|tools?|software|demo\s+environment|"
    r"출장|방문|성과급|인센티브|수수료|커미션|도구|솔루션\s*비용|데모\s*환경",
    re.I,
)


_TEAM_PAY = re.compile(
    r"fully[- ]loaded|salar|payroll|compensation|\bOTE\b|인건비|급여|연봉|보상", re.I
)


def sales_budget_use(plan: Plan) -> str:
    """A stated sales budget the answers do not split: what it is for is a task with an owner
    and a date (CAC counts all of it meanwhile), never a figure left unallocated."""
    from assistant.analysis.lists import sales_lead
    from assistant.analysis.plan_goals import plan_year

    budget = plan.number("sales_budget")
    if not budget:
        return ""
    said = " ".join(plan.user_text(sid) for sid in ("sales_strategy", "sales_team_structure", "sales_tactics", "sales_training", "mkt_budget", "sales_forecast"))  # fmt: skip
    # the sentences that state it say what it is: split by item, or the team's own pay ('fully
    # loaded sales cost $1.1M/yr', '$2.1M (SDRs + AEs fully loaded)')
    stated = [x for x in re.split(r"(?<=[.!?。])\s+|\n+", said) if re.search(r"sales(?:\s+and\s+marketing)?\s+(?:budget|cost|spend)|영업\s*(?:예산|비용)", x, re.I)]  # fmt: skip
    if any(_SALES_SPEND.search(x) or _TEAM_PAY.search(x) for x in stated):
        return ""
    ko, lang = plan.language == "ko", plan.language
    money = format_amount(budget, plan.budget.currency, lang)
    lead, year = sales_lead(plan, ko), plan_year(plan)
    if ko:
        from assistant.core.lang import fix_particles

        return fix_particles(f"**영업 예산**: 연 {money}. 어디에 쓰는지(출장·고객 방문, 체험·데모 지원, 파트너 수수료, 성과급)는 아직 계획에 없음. {lead}이(가) {year}년 1월 말까지 항목별로 나눔. 그때까지 CAC에는 전액이 들어감.")  # fmt: skip
    return f"**Sales budget**: {money} a year. What it pays for (travel and visits, trial and demo support, partner fees, incentives) is not split yet: the {lead} splits it by item by the end of January {year}; until then CAC counts all of it."  # fmt: skip

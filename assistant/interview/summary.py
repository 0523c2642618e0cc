"""Offline executive summaries, drafted from the plan's other sections."""

from __future__ import annotations

import re
from typing import Any

from assistant.core.catalogue import get_section
from assistant.core.korean_endings import report_bullets
from assistant.core.lang import fix_particles
from assistant.core.plan import Goal, Plan, forecast_currency
from assistant.goals.numbers import format_amount
from assistant.goals.readback import period_text
from assistant.goals.smart import a_month
from assistant.interview.summary_bridge import _about, bridge_sentence
from assistant.interview.summary_numbers import key_numbers
from assistant.interview.summary_parts import (
    _decisions,
    _join,
    _plan_line,
    _whole_first_sentence,
    full_cac_sentence,
    more_risks,
    recommended_figures,
    with_action,
)

_SOURCES = {
    "mkt_executive_summary": [
        "mkt_market_analysis", "mkt_audience_personas", "mkt_positioning_messaging",
        "mkt_strategy", "mkt_channels", "mkt_budget",
    ],
    "sales_executive_summary": [
        "sales_target_market", "sales_offering", "sales_strategy", "sales_team_structure",
        "sales_forecast",
    ],
}  # fmt: skip
_GOALS = {"mkt_executive_summary": "mkt_objectives", "sales_executive_summary": "sales_objectives"}


def long_date(iso: str, lang: str) -> str:
    """'September 30, 2027' / '2027년 9월 30일'."""
    import calendar
    from datetime import date

    d = date.fromisoformat(iso)
    return (
        f"{d.year}년 {d.month}월 {d.day}일"
        if lang == "ko"
        else f"{calendar.month_name[d.month]} {d.day}, {d.year}"
    )


def _kept_unit(unit: str) -> bool:
    """A currency or a percentage is written on both ends ('from $14,000 to $17,000'); a counted
    noun only on the target ('from 40,000 to 60,000 visits')."""
    return unit in ("%", "pp", "x") or (len(unit) == 3 and unit.isupper())


def _goal_phrase(goal: Goal, lang: str) -> str:
    """'900 marketing-qualified leads by September 30, 2027' from the goal's frame."""
    f = goal.frame
    if f is None or f.target is None:
        return goal.text.rstrip(".")
    unit = f.target.unit
    # '60,000 monthly visits' stays monthly: a level per month is not a count over the period
    cadence = re.search(rf"\b(monthly|weekly|daily)\s+{re.escape(unit)}", goal.text, re.I) if unit else None  # fmt: skip
    if cadence:
        unit = f"{cadence.group(1).lower()} {unit}"
    amount = a_month(format_amount(f.target.value, unit, lang), f, lang) if not cadence else format_amount(f.target.value, unit, lang)  # fmt: skip
    metric = f.metric.strip()
    b = f.baseline
    # a level goal with its base reads as the move it is: 'from 40,000 to 60,000 monthly visits'
    base = (
        a_month(format_amount(b.value, "" if lang == "en" and not _kept_unit(b.unit) else b.unit, lang), f, lang)
        if b is not None and f.target.kind == "level" and b.unit == f.target.unit and b.value != f.target.value
        else ""
    )  # fmt: skip
    if lang == "ko":
        # '직원 50~300명 기업 신규 고객' leaves the metric '기업 신규 고객': the new customers
        metric = re.sub(r"^(?:기업|업체|회사|법인)\s+(?=신규\s*고객)", "", metric)
        # prose, not an arrow: '마케팅 적격 리드 2,400건(기존 1,500건, 2027년 12월 31일까지)'
        what = f"{metric} {'+' if f.target.kind == 'change' else ''}{amount}".strip()
        notes = [f"기존 {base}"] if base else []
        notes += [f"{long_date(f.deadline, lang)}까지"] if f.deadline else []
        return f"{what}({', '.join(notes)})" if notes else what
    if (
        f.target.kind == "change"
        and re.match(r"new\s", metric, re.I)
        and f.target.unit not in ("%", "pp", "x")
    ):
        what = f"{format_amount(f.target.value, '', lang)} {metric}"  # 'Add 40 new clients': 40 new clients
    elif f.target.kind == "change":
        what = f"{metric} up {amount}" if metric else f"+{amount}"
    elif base:
        if f.target.unit and f.target.unit.lower() in metric.lower().split():  # 'leads … leads'
            amount = a_month(format_amount(f.target.value, "", lang), f, lang)
        # a move, said with its verb: 'organic website traffic up from 40,000 to 60,000 …'
        rise = "up" if b is not None and f.target.value > b.value else "down"
        what = f"{metric} {rise} from {base} to {amount}" if metric else f"from {base} to {amount}"
    elif f.target.unit and f.target.unit.lower() in metric.lower().split():
        what = f"{format_amount(f.target.value, '', lang)} {metric}"
    else:
        what = f"{metric}: {amount}" if metric else amount
    return f"{what} by {long_date(f.deadline, lang)}" if f.deadline else what


def draft_summary(plan: Plan, summary_id: str) -> str:
    """The summary a CEO reads first, in prose: the period, the headline goals with their targets
    (goals that fail SMART are listed to fix), the budget, the forecast with its range, the funnel
    to won deals, CAC and payback, and the top risks. Every number comes from the facts or the
    analysis; nothing is cut off."""
    from assistant.analysis.plan_analysis import analyse

    lang = plan.language
    ko = lang == "ko"
    who = plan.company or ("우리 회사" if ko else "The company")
    kind = get_section(summary_id).plan
    a = analyse(plan)
    goals = plan.goals_in(_GOALS[summary_id])
    smart = [g for g in goals if g.smart]
    to_fix = [g for g in goals if not g.smart]
    years = sorted({fr.deadline[:4] for g in goals if (fr := g.frame) and fr.deadline})
    period = (years[0] if len(years) == 1 else f"{years[0]}-{years[-1]}") if years else ""
    paras: list[str] = []
    if ko:
        # '핏플로우 2027년 마케팅 계획의 …': one 의, not '핏플로우의 마케팅 계획(2027)의'
        span = (
            (f"{period}년 " if "-" not in period else f"{period.replace('-', '~')}년 ")
            if period
            else ""
        )
        head = f"{who} {span}{'마케팅' if kind == 'marketing' else '영업'} 계획"
        if smart:
            paras.append(
                f"{head}의 핵심 목표는 {_join([_goal_phrase(g, lang) for g in smart[:4]], lang)}입니다."
            )
        else:
            paras.append(f"{head}은 아직 SMART 기준을 통과한 목표가 없습니다.")
    else:
        head = f"{who}'s {kind} plan" if not who.endswith("s") else f"{who}' {kind} plan"
        head += f" for {period}" if period else ""
        if smart:
            paras.append(
                f"{head} sets these headline goals: {_join([_goal_phrase(g, lang) for g in smart[:4]], lang)}."
            )
        else:
            paras.append(f"{head} has no goal that passes SMART yet.")
    market_id = "mkt_market_analysis" if summary_id.startswith("mkt") else "sales_target_market"
    situation = (
        _whole_first_sentence(plan.section(market_id).content) if market_id in plan.sections else ""
    )
    if market_id == "mkt_market_analysis":
        from assistant.interview.compose_market import market_headline

        # what the market means for the plan in one sentence, not the answer's first sentence
        # again nor the section's bullets word for word
        situation = market_headline(plan) or situation
    elif smart:  # the target market is its own section, as a table: with goals to headline, the
        situation = ""  # summary does not paste it
    if situation:
        paras.append(f"**{'시장' if ko else 'Market'}:** {situation}")
    if summary_id.startswith("mkt") and (how := _plan_line(plan)):
        paras.append(how)
    numbers: list[str] = []
    cur = a.unit_economics.currency or plan.budget.currency
    sales = summary_id.startswith("sales")
    key = key_numbers(plan, a, cur, lang, with_forecast=not sales, sales=sales)
    if key:
        numbers.append(
            f"핵심 수치: {', '.join(key)}." if ko else f"In numbers: {_join(key, lang)}."
        )
    # marketing says what the budget buys (funnel, CAC); sales says where revenue lands
    if len(a.funnel) > 1 and not sales:  # one stage (leads, trials) converts at no stated rate
        top, end = a.funnel[0], a.funnel[-1]
        stage = top.stage if top.stage.isupper() else top.stage.lower()
        from assistant.analysis.plan_goals import customer_goal

        won = customer_goal(plan)  # the customer goal's own counter ('6,000명'), else 곳
        unit = won[0].frame.target.unit if won and won[0].frame and won[0].frame.target else ""
        from assistant.interview.compose import sells_to_consumers

        # the goal's own counter; else households and students are people (명), businesses 곳
        counter = (
            unit
            if re.fullmatch(r"[가-힣]{1,2}", unit or "")
            else ("명" if sells_to_consumers(plan) else "곳")
        )
        from assistant.analysis.plan_goals import customers_at_pace, lead_pace
        from assistant.analysis.rate_words import rates_words

        pace = lead_pace(plan)
        made = round(customers_at_pace(plan, end.volume)) if pace else round(end.volume)
        got = format_amount(made, "", lang)  # whole customers
        yields_ko, yields_en, goal_ko = f"{got}{counter}", f"{got} new customers", ""
        if won and won[1] and made != round(won[1]):  # beside the goal's count said just before:
            # the funnel's yield is not read as a second customer goal (in Korean after the
            # verb, so the particle follows the count, not a bracket)
            goal_n = format_amount(round(won[1]), "", lang)
            goal_ko = f"(목표 {goal_n}{counter})"
            yields_en += f" (the goal: {goal_n})"
        s = "s" if top.stage.isupper() else ""
        if pace:  # the lead goal ends before the customer goal: compared at its pace
            year_top = format_amount(round(top.volume * pace[1] / pace[0]), "", lang)
            numbers.append(
                fix_particles(f"{top.stage} {_count(top.volume, lang)}건은 {pace[0]}개월 목표로, 같은 속도면 {pace[1]}개월에 {year_top}건, {rates_words(a, True)}로 신규 고객 약 {yields_ko}이(가) 됩니다{goal_ko}.")
                if ko
                else f"The {format_amount(top.volume, '', lang)} {stage}{s} are a {pace[0]}-month goal; at that pace, {year_top} over {pace[1]} months become about {yields_en} at {rates_words(a, False)}."
            )  # fmt: skip
        else:
            numbers.append(
                fix_particles(
                    f"{rates_words(a, True)}로 {top.stage} {_count(top.volume, lang)}건은 신규 고객 약 {yields_ko}이(가) 됩니다{goal_ko}."
                )
                if ko
                else f"At {rates_words(a, False)}, {format_amount(top.volume, '', lang)} {stage}{s} become about {yields_en}."
            )
    ue = a.unit_economics
    if ue.cac is not None and not sales:
        from assistant.analysis.plan_goals import deal_size

        cac = format_amount(_about(ue.cac), cur, lang)
        pay = f"{ue.payback_months:g}" if ue.payback_months is not None else None
        # the caveats a reader needs beside the figure: what CAC counts, and a deal size that is
        # still a goal
        only = plan.number("sales_budget") is None
        from assistant.analysis.sales_cost import sales_budget_per_head

        no_pay = not only and sales_budget_per_head(plan, ue.currency or cur) is not None
        size = deal_size(plan)
        goal_size = format_amount(size[0], size[1], lang) if size and size[2] == "goal" else ""
        # the CAC at the customers the funnel really yields, when that falls short of the goal
        at_funnel = (
            format_amount(_about(ue.cac_at_funnel), cur, lang)
            if ue.cac_at_funnel is not None and ue.funnel_customers and ue.cac_at_funnel > ue.cac * 1.02
            else ""
        )  # fmt: skip
        n = f"{ue.funnel_customers or 0:,.0f}"
        # the other end of the range: today's deal size and the funnel's CAC (payback scales
        # with CAC and inversely with revenue per customer)
        worst = ""
        if goal_size and size and ue.payback_months:
            from assistant.analysis.plan_goals import deal_base

            today = deal_base(plan, size[0], size[1])
            cac_worst = ue.cac_at_funnel if at_funnel and ue.cac_at_funnel else ue.cac
            if today and today < size[0] and ue.cac:
                from assistant.analysis.plan_analysis import BENCHMARKS

                margin = plan.number("gross_margin") or BENCHMARKS["gross_margin"][0]
                months = cac_worst / (today / 12 * margin / 100)
                t = format_amount(today, size[1], lang)
                worst = (f"; 현재 거래 규모 {t}" + ("와 퍼널 기준 CAC" if at_funnel else "") + f"로는 약 {months:.1f}개월") if ko else (f" ({months:.1f} months at today's {t}" + (" and the funnel's CAC" if at_funnel else "") + ")")  # fmt: skip
        # a CAC that counts the sales budget too: the marketing budget's own share beside it
        from assistant.analysis.plan_goals import customer_goal as _customer_goal

        mkt_budget, won = plan.number("marketing_budget"), _customer_goal(plan)
        mkt_only = (
            format_amount(_about(mkt_budget / won[1]), cur, lang)
            if not only and mkt_budget and won and won[1] and mkt_budget / won[1] < ue.cac * 0.98
            else ""
        )
        from assistant.analysis.sales_cost_finding import full_cac_figures, full_cac_low_case

        full = full_cac_figures(ue)
        if full is not None:  # the stated budgets' figure, then the fully loaded one
            from assistant.analysis.sales_cost_finding import funded_case

            low_case = full_cac_low_case(plan, ue)
            # the goals' case with what its extra leads cost beside today's budget's (the unit
            # economics table shows both); only beside a base case
            funded = funded_case(plan, a) if low_case is not None else None
            with_leads = (
                funded if funded is not None and _about(funded.cac) != _about(full[0]) else None
            )
            paid = bool(plan.number("sales_budget"))
            if ue.sales_cost_estimate:
                # the figure from the budgets stated comes first; the estimate's case follows
                numbers.append(_stated_cac(ue, low_case, paid, cur, lang))
            numbers.append(full_cac_sentence(full, cur, lang, low_case, ue.sales_cost_estimate, with_leads))  # fmt: skip
        elif ko:
            what = "(CAC, 마케팅비만 포함)" if only else "(CAC, 인건비 제외)" if no_pay else "(CAC)"
            value = f"고객 목표 기준 약 {cac}, 퍼널이 만드는 {n}곳 기준 약 {at_funnel}" if at_funnel else f"약 {cac}"  # fmt: skip
            tail = (f", 회수 기간은 {pay}개월" + (f"(목표 거래 규모 {goal_size} 기준{worst})" if goal_size else "") + "입니다.") if pay else "입니다."  # fmt: skip
            value += f"(마케팅 예산만으로는 약 {mkt_only})" if mkt_only and not at_funnel else ""
            said = f"고객 확보 비용{what}은 {value}"
            numbers.append(f"{said}{'이고' if pay else ''}{tail}")
        else:
            what = (
                " (marketing spend only)" if only else " (salaries not included)" if no_pay else ""
            )
            value = f"about {cac} at the customer goal and {at_funnel} at the {n} customers the funnel yields" if at_funnel else f"about {cac}"  # fmt: skip
            tail = (f", paid back in {pay} months" + (f" at the {goal_size} deal-size goal{worst}" if goal_size else "") + ".") if pay else "."  # fmt: skip
            value += (
                f" (marketing budget alone: about {mkt_only})" if mkt_only and not at_funnel else ""
            )
            said = f"Customer acquisition cost{what} is {value}"
            numbers.append(f"{said}{tail}")
        from assistant.interview.stated_cac import stated_cac_note

        if note := stated_cac_note(plan, ue.cac):  # the plan's own CAC beside the budget's
            numbers.append(fix_particles(note) if ko else note)
    if sales and (bridge := bridge_sentence(plan, a, cur, lang)) is not None:
        numbers.append(bridge)
    f = plan.forecast
    if summary_id.startswith("sales") and f is not None and f.points:
        span = f"{period_text(f.points[0].period, lang)}–{period_text(f.points[-1].period, lang)}"
        base, low, high = (
            format_amount(v, forecast_currency(plan), lang)
            for v in (f.total, f.conservative_total, f.optimistic_total)
        )
        numbers.append(
            f"영업 예측은 {span} 합계 {base}(80% 범위 {low}~{high})입니다."
            if ko
            else f"The sales forecast totals {base} for {span} (80% range {low} to {high})."
        )
    elif summary_id.startswith("sales") and not plan.user_text("sales_forecast").strip():
        from assistant.interview.forecast_proposal import proposal

        p = proposal(plan, a)
        if p is not None and p.from_funnel:  # the goal and the forecast, each named as what it is
            n, money = (
                format_amount(p.total, "", lang),
                format_amount(p.new_business, p.currency, lang),
            )
            from assistant.analysis.plan_goals import plan_year

            year = plan_year(plan)
            numbers.append(
                # a year's value of the contracts signed, not the revenue they earn in the year
                f"계획의 퍼널로 본 {year}년 예측은 신규 고객 약 {n}곳, 신규 계약의 연간 가치 {money}입니다(영업 예측 참고)."
                if ko
                else f"The forecast from the plan's funnel is about {n} new customers in {year}, on contracts worth {money} a year (see the sales forecast)."
            )
    if summary_id.startswith("sales") and a.capacity.reps and a.capacity.deals_per_rep:
        numbers.append(
            f"영업 담당자 {a.capacity.reps}명이 각각 신규 거래 약 {a.capacity.deals_per_rep:g}건을 맡습니다."
            if ko
            else f"{a.capacity.reps} quota-carrying sellers each need about {a.capacity.deals_per_rep:g} new deals."
        )
    if numbers:
        paras.append(" ".join(numbers))
    per_seller_said = summary_id.startswith("sales") and bool(a.capacity.deals_per_rep)
    # each summary names the risks of the plan's own numbers first, then the market's threats
    ordered = sorted(a.risks, key=lambda r: _is_threat(plan, r.risk))
    said = " ".join(numbers)
    if re.search(r"industry defaults?|업계 일반", said):
        # the defaults are named beside the numbers they make: a modelling caveat, not a
        # business risk, is not said again among the top risks (Assumptions lists each)
        ordered = [r for r in ordered if not re.search(r"industry defaults?, not your data|업계 일반값을 썼", r.risk)]  # fmt: skip
    items = [  # each risk as its own sentence; the per-seller load is not said twice; a market
        # threat comes with the plan's answer to it, so the summary never just repeats the SWOT
        with_action(r.risk, r.action, ko)
        for r in ordered[:3]
        if not (per_seller_said and r.risk.startswith(("할당 영업 담당자", "Each of the")))
    ]
    if not summary_id.startswith("sales"):
        # a lead goal far above last year with nothing named to bring it: among the plan's own
        # risks, before the market's threats
        from assistant.interview.lead_rise import steep_lead_risk

        if steep := steep_lead_risk(plan, a):
            own_first = [i for r, i in zip(ordered[:3], items, strict=False) if not _is_threat(plan, r.risk)]  # fmt: skip
            items = (own_first + [steep] + [i for i in items if i not in own_first])[:3]
    from assistant.interview.pipeline_feed import pipeline_decision, pipeline_risk, quota_risk

    market_items = [i for r, i in zip(ordered[:3], items, strict=False) if _is_threat(plan, r.risk)]  # fmt: skip
    if summary_id.startswith("sales"):
        # the sales summary says the funnel's shortfall as the sellers feel it, and leaves the
        # market's threats to the marketing summary (the register at the end lists them all)
        from assistant.analysis.risk_register import revenue_risks
        from assistant.interview.forecast_proposal import opening_risk

        own = [x for x in [pipeline_risk(plan, a), *revenue_risks(plan, a), quota_risk(plan, a), opening_risk(plan, a)] if x]  # fmt: skip
        if own:  # the plan's own numbers first; the market's threats stay in the marketing summary
            kept = [r.risk for r in ordered[:3] if not _is_threat(plan, r.risk)]
            items = own + [i for i in items if i in kept and "lead goal" not in i and "리드 목표" not in i]  # fmt: skip
            items = items[:3]
    decisions = _decisions(plan, a, summary_id.startswith("sales"))
    if summary_id.startswith("sales"):
        items = [i for i in items if not _opening_decided(plan, a, i, decisions)]
        if not items:  # the plan's own dependence on partners, else the market's threats
            from assistant.analysis.risk_register import partner_risks

            items = partner_risks(plan)[:1] or market_items[:2]
    # a risk whose fix is already a decision below is that decision's finding: said once
    items = [i for i in items if not _decided(i, ordered, decisions)]
    if summary_id.startswith("sales") and decisions and decisions[0] == pipeline_decision(plan, a):
        items = [i for i in items if i != pipeline_risk(plan, a)]
    if not summary_id.startswith("sales") and len(items) < 3:
        items += more_risks(plan, a, items, " ".join([*decisions, *numbers]), 3 - len(items))
    if items:
        paras.append(
            ("**주요 위험**" if ko else "**Top risks**") + "\n" + "\n".join(f"- {i}" for i in items)
        )
    if decisions:  # what the CEO must decide, from the plan's own consistency checks
        label = "승인 전에 정할 것" if ko else "Decisions before sign-off"
        paras.append(f"**{label}**\n" + "\n".join(f"- {d}" for d in decisions))
    if to_fix:
        from assistant.interview.goal_rewrite import measurable_version

        label = "승인 전에 보완할 목표" if ko else "Goals to fix before sign-off"
        fixes: list[str] = []
        for g in to_fix:  # the goal as a pointer, what is wrong, and the proposal's first step
            version = measurable_version(plan, g)
            first = (
                re.split(r"(?<=[.다])\s+", version, maxsplit=1)[0].rstrip(".") if version else ""
            )
            num, text = plan.goal_number(g), g.text.strip().rstrip(".")
            if first and ko:
                fixes.append(f"목표 {num}('{text}'): 잴 수 있는 값이 없음. 제안: {first}")
            elif first:
                fixes.append(
                    f"goal {num} ('{text}') has no measure; proposed: {first[:1].lower() + first[1:]}"
                )
            else:
                fixes.append(text)
        joined = "; ".join(fixes)
        paras.append(f"**{label}:** " + (joined if ko else joined[:1].upper() + joined[1:]) + ".")
    if not goals and not numbers:
        paras.append(
            "다른 섹션을 채우면 요약이 자동으로 갱신됩니다."
            if ko
            else "The summary fills in as the other sections are answered."
        )
    # the report style (개조식) throughout, as in every other composed section: one register
    return report_bullets("\n\n".join(paras), paragraphs=True) if ko else "\n\n".join(paras)


def _count(value: float, lang: str) -> str:
    """A count before a Korean counter: '2,400' + '건', '3만 ' + '건' (a space after 만/억)."""
    n = format_amount(value, "", lang)
    return f"{n} " if lang == "ko" and re.search(r"[가-힣]$", n) else n


def _decided(item: str, risks: list[Any], decisions: list[str]) -> bool:
    """Whether the summary's risk `item` is a decision's finding: its mitigation recommends a
    figure ('about 1,050 leads') that a decision states."""

    said = recommended_figures(" ".join(decisions))
    return any(item.startswith(r.risk.rstrip(".")) and bool(recommended_figures(r.mitigation) & said) for r in risks)  # fmt: skip


def _opening_decided(plan: Plan, a: Any, item: str, decisions: list[str]) -> bool:
    """Whether the risk `item` is the year's opening run-rate that a decision below already
    states with its figure (the decision says the same gap and what to do): said once."""
    from assistant.analysis.revenue_bridge import opening_needed
    from assistant.goals.numbers import about, format_amount

    need = opening_needed(plan, a.revenue)
    cur = a.unit_economics.currency or plan.budget.currency
    if not need or not cur:
        return False
    shown = format_amount(about(need), cur, plan.language)
    opening = "연초 연환산 매출" in item if plan.language == "ko" else "open at a run-rate" in item
    return opening and shown in item and any(shown in d for d in decisions)


def _is_threat(plan: Plan, risk: str) -> bool:
    """A risk read from the market analysis's threats, not computed from the plan's numbers."""
    return not re.search(r"\d", risk)


def _stated_cac(ue: Any, low: Any, paid: bool, cur: str, lang: str) -> str:
    """'On the marketing budget alone, a new customer costs about $8,000 at the 60 customers the
    funnel yields.': the CAC from the budgets the user stated, before the case that adds an
    estimated sales payroll (a director will not headline a figure built on a guess)."""
    ko = lang == "ko"
    at_funnel = bool(low is not None and low.customers and ue.cac_at_funnel)
    cac = ue.cac_at_funnel if at_funnel else ue.cac
    money = format_amount(_about(cac), cur, lang)
    n = format_amount(round(low.customers), "", lang) if at_funnel else ""
    # (the funnel's customers were just said: 'each' is one of them)
    if ko:
        what = "마케팅·영업 예산" if paid else "마케팅 예산"
        if at_funnel:
            return f"{what}만으로 나누면 그 고객 한 곳당 약 {money}입니다."
        return f"{what}만으로 본 고객 확보 비용(CAC)은 약 {money}입니다."
    what = "marketing and sales budgets" if paid else "marketing budget"
    if at_funnel:
        return f"On the {what} alone, each of those {n} costs about {money}."
    return f"On the {what} alone, a new customer costs about {money}."

"""The numbers that tie a plan together, computed from its facts: funnel, unit economics, capacity,
revenue bridge and budget by quarter, with every default listed as an assumption.

Definitions (the document states them too):
- funnel: the lead/MQL goal through the conversion rates the user gave; a missing rate uses the
  midpoint of the knowledge base's typical range and is listed under assumptions;
- CAC = acquisition spend (marketing budget, plus sales spend if given) / new customers targeted;
- LTV = annual revenue per customer x gross margin / annual churn (monthly churn x 12, the same as
  monthly revenue x margin x lifetime in months);
- payback months = CAC / (monthly revenue per customer x gross margin);
- ROI % = (attributed revenue - cost) / cost x 100 ("3x" means revenue of 3 x cost, so 200%);
- deals per rep = new customers targeted / quota-carrying sellers (account executives, not SDRs);
- revenue bridge: last 12 months of history, next 12 months of forecast, the revenue goal, and new
  customers x average deal size.
"""

from __future__ import annotations

import re

from assistant.analysis.analysis_model import (
    Capacity,
    FunnelStage,
    PlanAnalysis,
    QuarterBudget,
    RevenueBridge,
    Risk,
    UnitEconomics,
)
from assistant.analysis.ltv_lifetime import subscription_lifetime
from assistant.analysis.plan_goals import (
    customer_goal,
    customers_at_pace,
    deal_size,
    lead_goal,
    plan_year,
    quota_sellers,
    revenue_goal,
    stated_quota,
    stated_rates,
)
from assistant.analysis.plan_risks import plan_risks
from assistant.analysis.revenue_bridge import fill_bridge
from assistant.analysis.revenue_models import (
    break_even_roas,
    model_of,
    one_off,
    one_off_words,
    orders_per_customer,
)
from assistant.analysis.sales_cost import add_estimated_full_cac
from assistant.analysis.stage_rates import is_customer_stage, parse_fact, stage_name, usable_chain
from assistant.core.lang import fix_particles
from assistant.core.plan import Goal, Plan
from assistant.goals.kpi import get_kpi

__all__ = [  # the analysis' numbers and the goal readers other layers import from here
    "BENCHMARKS", "Capacity", "FunnelStage", "PlanAnalysis", "QuarterBudget", "RevenueBridge",
    "Risk", "UnitEconomics", "analyse", "customer_goal", "deal_size", "lead_goal", "plan_year",
    "quota_sellers", "revenue_goal", "roi_percent", "roi_text", "stated_quota", "stated_rates",
]  # fmt: skip

# Typical ranges from the knowledge base's KPI pages ("what good looks like"); midpoints are used
# only when the plan gives no rate, and always listed as assumptions with their source.
BENCHMARKS: dict[str, tuple[float, str]] = {
    "mql_to_sql": (20.0, "mql_to_sql_rate"),  # 10-30%
    "win_rate": (25.0, "win_rate"),  # 20-30% of qualified opportunities
    "gross_margin": (75.0, "clv"),
    "annual_churn": (10.0, "churn_rate"),  # 5-10% a year for mid-market B2B
}
# how each default sits in the knowledge base's range (en, ko, where): said in the assumption line
_RANGES: dict[str, tuple[str, str, str]] = {
    "mql_to_sql": ("10-30%", "10~30%", "mid"),
    "win_rate": ("20-30% of qualified opportunities", "검증된 기회의 20~30%", "mid"),
    "annual_churn": ("5-10% a year for mid-market B2B", "중견 B2B 연 5~10%", "top"),
}


# ----- the analysis ----------------------------------------------------------------------------
def chain_from_goal(
    chain: list[tuple[str, str, float]], goal: Goal
) -> list[tuple[str, str, float]]:
    """The user's stages from the one the lead goal counts: a goal of '600 qualified client leads'
    against '1,800 target sites -> 600 qualified leads -> 240 walk-throughs' starts at the
    qualified leads (the sites before them are not a step the goal's leads still take)."""
    from assistant.analysis.plan_goals import _frame
    from assistant.analysis.text_words import words

    f = _frame(goal)
    counted = words(f"{f.metric} {f.target.unit if f.target else ''}")
    for i, (_, to, _) in enumerate(chain[:-1]):
        named = words(to)
        if named and len(named & counted) >= min(2, len(named)):
            return chain[i + 1 :]
    return chain


def _chain_top(plan: Plan, chain: list[tuple[str, str, float]]) -> tuple[Goal, float] | None:
    """A count goal named like the first of the user's stages ('Opportunity-to-audit rate' and
    'Generate 1,200 qualified sales opportunities'): the funnel starts there."""
    if not chain:
        return None
    from assistant.analysis.plan_goals import _added, _frame, _is_count
    from assistant.analysis.text_words import words

    first = words(chain[0][0])
    for goal in plan.goals:
        f = _frame(goal)
        if (
            _is_count(f)
            and first
            and first & words(f"{f.metric} {f.target.unit if f.target else ''}")
        ):
            return goal, _added(f, goal.text)
    return None


_CONSUMER_UNITS = re.compile(
    r"subscri|member|user|shopper|household|consumer|명|회원|구독|가입자|사용자", re.I
)


def _consumers(customers: tuple[Goal, float] | None) -> bool:
    """A customer goal counted in people or subscriptions, not accounts or contracts."""
    f = customers[0].frame if customers else None
    return bool(f and f.target and _CONSUMER_UNITS.search(f"{f.target.unit} {f.metric}"))


def analyse(plan: Plan) -> PlanAnalysis:
    """Every derived number of the plan, recomputed from its facts (call it whenever a fact changes)."""

    ko = plan.language == "ko"
    out = PlanAnalysis()
    rates = stated_rates(plan)
    assume = out.assumptions

    def benchmark(name: str, label_en: str, label_ko: str) -> float:
        value, kpi_id = BENCHMARKS[name]
        page = get_kpi(kpi_id).name.get("ko" if ko else "en")  # cited by the KPI page's name
        span_en, span_ko, where = _RANGES.get(name, ("", "", ""))
        if where == "mid":  # the range is said, so the reader sees what the figure sits in
            line = (f"{label_ko}: 계획에 없어 업계 일반 범위({span_ko})의 중간값 {value:g}%를 썼습니다." if ko
                    else f"{label_en}: not stated, so {value:g}%, the midpoint of the typical {span_en}, is used.")  # fmt: skip
        elif where == "top":
            line = (f"{label_ko}: 계획에 없어 업계 일반 범위({span_ko})의 상단 {value:g}%를 보수적으로 썼습니다." if ko
                    else f"{label_en}: not stated, so {value:g}%, the top of the typical {span_en}, is used to stay on the safe side.")  # fmt: skip
        else:  # no typical figure in the knowledge base: a planning default, said as one
            line = (f"{label_ko}: 계획에 없어 {value:g}%를 가정했습니다. 업계 기준이 아닌 계획용 가정이니 실제 값을 적어야 합니다('{page}' 계산에 쓰임)." if ko
                    else f"{label_en}: not stated, so {value:g}% is assumed, a planning figure rather than a benchmark: state your own (it enters the {page[:1].lower() + page[1:]} calculation).")  # fmt: skip
        if line not in assume:
            assume.append(line)
        return value

    # funnel
    sr = plan.fact("stage_rates")
    chain = parse_fact(list(sr.value)) if sr is not None and isinstance(sr.value, list) else []
    # the top of the user's own stages may be a goal of theirs ('1,200 qualified opportunities')
    top_of_chain = _chain_top(plan, chain)
    leads = lead_goal(plan) or top_of_chain
    if leads is not None and top_of_chain is None:  # '1,800 target sites -> 600 qualified leads ->'
        chain = chain_from_goal(chain, leads[0])
    # the top stage keeps the user's name when their first stage is that goal ('Opportunities')
    named_top = leads is not None and top_of_chain is not None and top_of_chain[0] is leads[0]
    shop = model_of(plan) == "transactional"
    trials = leads is not None and re.search(
        r"\btrials?\b|sign-?ups?|e-?mail|newsletter|subscribers|체험|가입|신청|뉴스레터|이메일", _counted(leads[0]), re.I
    )  # fmt: skip
    if (
        leads is not None
        and (shop or trials)
        and not {"lead_to_customer", "mql_to_sql"} & set(rates)
        and not usable_chain(chain, "win_rate" in rates)  # '체험→구독 20%': their own stages
    ):
        # shoppers and trial sign-ups buy directly: the B2B MQL->SQL->won stages do not apply, and
        # no default rate stands in for the share who buy
        out.funnel.append(
            FunnelStage(stage=_signup_top(leads[0], ko) if trials else ("리드" if ko else "Leads"), volume=leads[1])
        )  # fmt: skip
        assume.append(
            (
                "퍼널: 체험 신청자와 이메일 구독자는 바로 구매하므로 B2B 단계(MQL→SQL→계약)를 쓰지 않았습니다. 구매 전환율(리드→고객 전환율)을 알려 주면 이 목표와 고객 목표를 잇습니다."
                if ko
                else "Funnel: trial sign-ups and email subscribers buy directly, so the B2B stages (MQL→SQL→won) are not used. State the share who buy (lead-to-customer rate) to connect this goal with the customer goal."
            )
            if trials
            else (
                "퍼널: 상점은 구독자·방문자가 바로 구매하므로 B2B 단계(MQL→SQL→계약)를 쓰지 않았습니다. 리드 중 구매하는 비율(리드→고객 전환율)을 알려 주면 리드 목표와 고객 목표를 잇습니다."
                if ko
                else "Funnel: a shop's subscribers and visitors buy directly, so the B2B stages (MQL→SQL→won) are not used. State the share who buy (lead-to-customer rate) to connect the lead goal with the customer goal."
            )
        )
        leads = None
    if leads is not None:
        goal, volume = leads
        top = (
            "MQL"
            if re.search(r"mql|marketing[- ]qualified|마케팅\s*적격", goal.text, re.I)
            else _named_top(goal, chain[0][0], ko)
            if named_top
            else ("리드" if ko else "Leads")
        )
        out.funnel.append(FunnelStage(stage=top, volume=volume))
        if not {"lead_to_customer", "mql_to_sql"} & set(rates) and usable_chain(
            chain, "win_rate" in rates
        ):  # the user's own stages: leads -> walk-throughs -> proposals -> won
            for _, to, rate in chain:
                volume = volume * rate / 100
                name = ("신규 고객" if ko else "New customers") if is_customer_stage(to) else stage_name(to, ko)  # fmt: skip
                out.funnel.append(FunnelStage(stage=name, volume=round(volume, 1), rate=rate))
            if not is_customer_stage(chain[-1][1]) and "win_rate" in rates:
                volume = volume * rates["win_rate"] / 100
                out.funnel.append(
                    FunnelStage(
                        stage="신규 고객" if ko else "New customers",
                        volume=round(volume, 1),
                        rate=rates["win_rate"],
                    )  # fmt: skip
                )
        elif "lead_to_customer" in rates and "mql_to_sql" not in rates:
            rate = rates["lead_to_customer"]
            out.funnel.append(
                FunnelStage(
                    stage="신규 고객" if ko else "New customers",
                    volume=round(volume * rate / 100, 1),
                    rate=rate,
                )
            )
        else:
            m2s = rates.get("mql_to_sql") or benchmark(
                "mql_to_sql", "MQL-to-SQL rate", "MQL→SQL 전환율"
            )
            win = rates.get("win_rate") or benchmark("win_rate", "Win rate", "수주율")
            sqls = volume * m2s / 100
            out.funnel.append(FunnelStage(stage="SQL", volume=round(sqls, 1), rate=m2s))
            out.funnel.append(
                FunnelStage(
                    stage="신규 고객" if ko else "New customers",
                    volume=round(sqls * win / 100, 1),
                    rate=win,
                )
            )

    # unit economics
    ue = out.unit_economics
    customers = customer_goal(plan)
    funnel_end = out.funnel[-1].volume if len(out.funnel) > 1 else None  # leads are not customers
    new_customers = customers[1] if customers else funnel_end
    budget_fact = plan.fact("marketing_budget")
    ue.currency = (
        (budget_fact.unit if budget_fact else "") or (revenue_goal(plan) or (None, 0, ""))[2] or ""
    )
    spend = plan.number("marketing_budget")
    sales_spend = plan.number("sales_budget")
    if spend is not None and sales_spend:
        spend += sales_spend
    if spend and new_customers:
        ue.cac = round(spend / new_customers, 2)
        # a year's spend over a year's customers: a lead goal that ends early counts at its pace
        yearly_end = customers_at_pace(plan, funnel_end) if funnel_end else funnel_end
        if customers and yearly_end and yearly_end < customers[1] * 0.95:
            # the goal's CAC holds only if the goal is met: at the funnel's yield it is higher
            ue.funnel_customers = round(yearly_end)
            ue.cac_at_funnel = round(spend / max(yearly_end, 1), 2)
        marketing = plan.number("marketing_budget")
        if marketing and sales_spend:
            ue.cac_marketing = round(marketing / new_customers, 2)
    size = deal_size(plan)
    if size is not None:
        annual, currency, origin = size
        ue.currency = ue.currency or currency
        if origin == "take rate":
            assume.append(
                "고객당 연 매출: 수수료 사업이므로 고객당 거래액 × 수수료율(+ 고정 이용료)로 계산했습니다."
                if ko
                else "Annual revenue per customer: a take-rate business, so transaction volume per customer x take rate (+ any fixed fee)."
            )
        margin = rates.get("gross_margin") or benchmark(
            "gross_margin", "Gross margin", "매출총이익률"
        )
        if one_off(plan):  # bought once: one purchase's gross profit, no churn or lifetime
            ue.ltv = round(annual * margin / 100, 2)
            ue.orders_per_customer = 1.0
            said = plan.fact("repeat_rate")
            quote = one_off_words(said.quote if said is not None else "")
            quote = f" ('{quote}')" if quote else ""
            out.assumptions.append(
                f"고객당 매출: 고객이 한 번 구매하므로{quote} 거래 한 건의 금액으로 LTV를 계산했습니다(이탈률과 유지 기간 없음)."
                if ko
                else f"Revenue per customer: customers buy once{quote}, so LTV is one purchase's gross profit (no churn or lifetime)."
            )
        elif origin in ("order value", "project value"):  # orders or projects make the lifetime
            _orders(plan, out, annual, margin, projects=origin == "project value")
        else:
            subscription_lifetime(plan, out, annual, margin, benchmark)
        if ue.cac and ue.ltv is not None:
            ue.ltv_to_cac = round(ue.ltv / ue.cac, 1)
    add_estimated_full_cac(plan, ue, new_customers, assume)
    if plan.budget.expected_roi is not None and plan.number("marketing_budget"):
        ue.roi_pct = round(roi_percent(plan.budget.expected_roi, roi_text(plan)), 1)
        if not re.search(r"\d\s*%|퍼센트", roi_text(plan)):  # '3x' is a multiple, not a percent
            x = plan.budget.expected_roi
            assume.append(
                f"마케팅 ROI: '{x:g}배'는 비용의 {x:g}배 매출이므로 (매출 - 비용) / 비용 기준 {ue.roi_pct:g}%입니다."
                if ko
                else f"Marketing ROI: '{x:g}x' means revenue of {x:g} x the cost, so {ue.roi_pct:g}% by (revenue - cost) / cost."
            )

    # capacity
    reps = quota_sellers(plan)
    out.capacity.reps = reps
    # a shop's customers and consumer subscribers buy online or in store: the sellers (wholesale,
    # partnerships) do not close them one by one
    if reps and new_customers and model_of(plan) != "transactional" and not _consumers(customers):
        out.capacity.deals_per_rep = round(new_customers / reps, 1)

    # revenue bridge
    fill_bridge(plan, out, size, new_customers, reps, benchmark)

    # budget by quarter
    if total := plan.number("marketing_budget"):
        from assistant.analysis.months import quarter_amounts

        year = plan_year(plan)
        amounts, dated, lines = quarter_amounts(plan, total)
        out.budget_by_quarter = [
            QuarterBudget(quarter=f"{year}-Q{q}", amount=amounts[q - 1]) for q in range(1, 5)
        ]
        from assistant.analysis.peaks import peak_budget_finding

        weighted = peak_budget_finding(plan, out) is not None
        assume.append(_quarter_note(dated, lines, ko, weighted))
    from assistant.analysis.model_assumptions import model_assumptions

    assume += model_assumptions(plan, out)
    out.risks = plan_risks(plan, out, ko)
    return out


def _quarter_note(dated: int, lines: list[str], ko: bool, weighted: bool = False) -> str:
    """How the budget by quarter was made: the dated calendar costs in their quarters, an events
    line (or its rest) in its dated events' quarters by their scale (the calendar's proposed
    costs), the rest evenly; `weighted` when the review proposes more in the peak quarters (said
    here as a pointer to the summary's decision, so an even table never reads as contradicting it)."""
    names = ", ".join(f"'{x}'" for x in lines)
    also = (
        (" 신규 계약이 몰리는 분기에 더 두는 제안은 요약의 결정에 따로 있습니다." if ko
         else " A proposal to weight the peak quarters is among the summary's decisions.")
        if weighted else ""
    )  # fmt: skip
    if ko:  # one step a sentence
        parts = ([f"비용이 적힌 캘린더 활동 {dated}건은 그 달의 분기에 넣었습니다."] if dated else []) + (
            [fix_particles(f"{names} 예산에서 남은 금액은 비용이 적히지 않은 행사에 행사 규모에 따라 나눠(캘린더의 제안 비용) 각 행사의 분기에 넣었습니다.") if dated
             else fix_particles(f"{names} 예산은 캘린더에 날짜가 있는 행사의 분기에 넣었습니다.")] if lines else []
        )  # fmt: skip
        if not parts:
            return (
                "분기별 예산: 캘린더에 날짜와 비용이 있는 활동이 없어 연간 예산을 네 분기에 똑같이 나눴습니다."
                + also
            )
        return (
            "분기별 예산: " + " ".join(parts) + " 나머지 예산은 네 분기에 똑같이 나눴습니다." + also
        )
    costs = ("the dated calendar cost falls in its quarter" if dated == 1 else f"the {dated} dated calendar costs fall in their quarters") if dated else ""  # fmt: skip
    line = (f"the rest of the {names} line in the quarters of its other dated events, by each event's scale (the calendar's proposed costs)" if dated else f"the {names} line falls in the quarters of the dated events on the calendar") if lines else ""  # fmt: skip
    if not costs and not line:
        return (
            "Budget by quarter: the calendar names no dated activity with a cost, so the annual budget is spread evenly."
            + also
        )
    return (
        f"Budget by quarter: {', '.join(x for x in (costs, line) if x)}; the rest of the budget is spread evenly."
        + also
    )


def _orders(
    plan: Plan, out: PlanAnalysis, per_customer: float, margin: float, projects: bool = False
) -> None:
    """A shop's customer is worth their expected orders x order value x margin (no churn); ads
    break even at 1 / margin of revenue per unit spent. A services client is worth their expected
    projects x project value x margin."""
    ko = plan.language == "ko"
    ue = out.unit_economics
    orders = orders_per_customer(plan)
    ue.orders_per_customer = orders
    ue.ltv = round(per_customer * margin / 100, 2)
    repeat = plan.number("repeat_rate")
    if projects:
        out.assumptions.append(
            (f"고객당 매출: 프로젝트 금액 × 고객당 예상 프로젝트 {orders:g}건(재의뢰율 {repeat:g}%일 때 1 / (1 - 재의뢰율))입니다. 구독 이탈률 대신 프로젝트 수로 LTV를 계산했습니다."
             if ko else f"Revenue per client: project value x {orders:g} expected projects (1 / (1 - repeat-client rate) at {repeat:g}%); LTV counts projects, not churn.")
            if repeat is not None
            else ("고객당 매출: 재의뢰율이 없어 고객당 프로젝트 1건으로 계산했습니다(재의뢰율을 알려 주면 다시 계산합니다)."
                  if ko else "Revenue per client: no repeat-client rate stated, so one project per client (state it to recompute).")
        )  # fmt: skip
        return
    ue.roas_break_even = break_even_roas(margin)
    out.assumptions.append(
        (f"고객당 매출: 평균 주문 금액 × 고객당 예상 주문 {orders:g}건(재구매율 {repeat:g}%일 때 1 / (1 - 재구매율))입니다. 구독 이탈률 대신 주문 수로 LTV를 계산했습니다."
         if ko else f"Revenue per customer: average order value x {orders:g} expected orders (1 / (1 - repeat rate) at a {repeat:g}% repeat rate); LTV counts orders, not churn.")
        if repeat is not None
        else ("고객당 매출: 재구매율이 없어 고객당 주문 1건으로 계산했습니다(재구매율을 알려 주면 다시 계산합니다)."
              if ko else "Revenue per customer: no repeat-purchase rate stated, so one order per customer (state it to recompute).")
    )  # fmt: skip


def _named_top(goal: Goal, first: str, ko: bool) -> str:
    """The top stage as the goal counts it ('체험 신청') when that holds the stage's name ('체험')."""
    counted = _top_stage(goal, ko)
    return counted if first.lower() in counted.lower() else stage_name(first, ko)


def _top_stage(goal: Goal, ko: bool) -> str:
    if re.search(r"e-?mail|newsletter|subscribers|뉴스레터|이메일", _counted(goal), re.I):
        return "새 이메일 구독자" if ko else "New email subscribers"
    return "체험 신청" if ko else "Trial sign-ups"


def _signup_top(goal: Goal, ko: bool) -> str:
    """The top of a sign-up funnel with no stages of its own: the goal's own sign-ups ('상담 신청')
    when they are no trial's, never renamed one; else as `_top_stage` names it."""
    metric = goal.frame.metric.strip() if goal.frame is not None else ""
    if metric and len(metric) <= 30 and not re.search(r"trial|체험|e-?mail|newsletter|subscri|뉴스레터|이메일|구독", metric, re.I):  # fmt: skip
        return metric if ko else metric[:1].upper() + metric[1:]
    return _top_stage(goal, ko)


def _counted(goal: Goal) -> str:
    """What a goal counts: its metric and unit ('무료 체험 신청 건')."""
    f = goal.frame
    return f"{f.metric} {f.target.unit if f.target else ''}" if f is not None else goal.text


def roi_percent(stated: float, text: str) -> float:
    """ROI % by the guide's definition, (return - cost) / cost x 100, from what the user wrote:
    '3x' means revenue of 3 x cost, so 200%; 'ROI 250%' is 250% (stored as 2.5)."""
    if re.search(r"\d\s*%|퍼센트", text):
        return stated * 100 if stated < 100 else stated
    return (stated - 1) * 100


def roi_text(plan: Plan) -> str:
    m = re.search(r"(?:roi|return|수익률)[^.\n]{0,30}", plan.user_text("mkt_budget"), re.I)
    return m.group(0) if m else ""

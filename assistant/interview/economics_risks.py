"""Risks of the plan's economics for the register: a fully loaded CAC below the usual health bar
(LTV:CAC under 3:1 or payback past 18 months, with the sales team at typical cost), a
subscription year whose new contracts earn less in the year than the marketing budget (revenue
that comes later than the spend), buyers whose peak season stops new purchases, and expansion
revenue resting on add-ons with no price."""

from __future__ import annotations

from typing import Any

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.plan_goals import plan_year
from assistant.analysis.sales_cost_finding import bars, full_cac_figures, misses
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def economics_rows(plan: Plan, a: PlanAnalysis, owners: tuple[str, str]) -> list[Any]:
    from assistant.analysis.risk_register import RegisterRow
    from assistant.interview.forecast_proposal import earned_in_year

    ko, lang = plan.language == "ko", plan.language
    cur = a.unit_economics.currency or plan.budget.currency
    money = lambda v: format_amount(about(v), cur, lang)  # noqa: E731
    mkt, sales = owners
    rows = []
    full = full_cac_figures(a.unit_economics)
    if full is not None:
        cac, ratio, payback = full
        from assistant.analysis.sales_cost_finding import full_cac_low_case

        low = full_cac_low_case(plan, a.unit_economics)  # the base case, as the summary leads
        if low is not None and low.ratio is not None and low.payback is not None:
            cac, ratio, payback = low.cac, low.ratio, low.payback
        missed = misses(ratio, payback)
        if any(missed):  # only the figures that miss their bar, each against it
            said = [x for x, m in zip((f"LTV:CAC {ratio or 0:g}:1", f"회수 기간 약 {payback or 0:g}개월" if ko else f"payback about {payback or 0:g} months"), missed, strict=True) if m]  # fmt: skip
            rows.append(RegisterRow(
                risk=(f"영업 인건비를 업계 평균으로 추정해 넣으면 {'기준안 ' if low is not None else ''}CAC 약 {money(cac)}, {', '.join(said)}로 보통의 기준({bars(missed, True)})에 못 미침." if ko
                      else f"With the sales team at typical cost, CAC is about {money(cac)}{' in the base case' if low is not None else ''}: {', '.join(said)}, short of the usual {bars(missed, False)}."),
                watch=("분기마다 영업·마케팅 비용 합계 ÷ 신규 고객" if ko else "sales and marketing cost together per new customer, each quarter"),
                response=("영업 인력을 늘리기 전에 거래 규모(단계별 제안)와 수주율을 높이고, 영업팀의 실제 비용으로 다시 계산함." if ko
                          else "Raise deal size (tiered proposals) and win rate before adding sellers; recompute with the team's actual cost."),
                owner=sales,
            ))  # fmt: skip
    earned, budget = earned_in_year(plan, a), plan.budget.total
    if earned is not None and budget and earned < budget:
        year = plan_year(plan)
        rows.append(RegisterRow(
            risk=(f"{year}년 신규 계약이 그해 인식되는 매출(약 {money(earned)})이 마케팅 예산 {format_amount(budget, cur, lang)}보다 적어, 투자 회수는 {year + 1}년 이후임." if ko
                  else f"The {year} contracts earn about {money(earned)} within {year}, less than the {format_amount(budget, cur, lang)} marketing budget: the return comes in {year + 1} and after."),
            watch=("월별 신규 계약 매출과 마케팅 지출 누계" if ko else "new contracts' revenue against marketing spend, month by month"),
            response=("연간 선불 계약을 우선해 현금을 계약 시점에 받고, 매출 인식 시차에 맞춰 지출 속도를 정함." if ko
                      else "Favour annual contracts paid up front, so cash comes at signing; pace the spend to the lag in revenue."),
            owner=f"{mkt}, {sales}",
        ))  # fmt: skip
    rows += _freeze_rows(plan, a, sales)
    rows += _expansion_rows(plan, cur, sales)
    from assistant.interview.event_risk import one_event_rows

    rows += one_event_rows(plan, mkt)
    from assistant.interview.access_risk import data_access_rows

    rows += data_access_rows(plan, sales)
    return rows


def _freeze_rows(plan: Plan, a: PlanAnalysis, owner: str) -> list[Any]:
    """Buyers who take on nothing new in their peak season (retail chains in November and
    December): the deals that slip past it wait until January, so the year's last quarter and the
    pipeline carried into the next one are the risk."""
    from assistant.analysis.market import quarter_weights
    from assistant.analysis.risk_register import RegisterRow
    from assistant.interview.forecast_proposal import proposal

    if quarter_weights(plan) == [3.0, 3.0, 3.0, 3.0]:
        return []
    p = proposal(plan, a)
    if p is None:
        return []
    q4, year = p.counts[3], plan_year(plan)
    ko = plan.language == "ko"
    return [RegisterRow(
        risk=(f"유통 고객은 11~12월 성수기에 새 시스템 도입을 미룸. 4분기 예측 {q4}곳은 11월 중순까지 계약해야 하고, 늦어진 거래는 {year + 1}년 1월로 넘어감." if ko
              else f"Retail buyers put off new systems in their November-December peak: Q4's {q4} forecast deals must sign by mid-November, and a deal that slips waits until January {year + 1}."),
        watch=("10월 말 기준 계약 직전 단계의 거래 수" if ko else "deals in the last stage by the end of October"),
        response=("시즌을 준비하는 8~9월에 캠페인과 체험을 몰고, 4분기 거래는 10월 안에 제안까지 마침." if ko
                  else "Run the campaign and trials in August and September, when buyers prepare for the season; have Q4's deals at proposal stage by October."),
        owner=owner,
    )]  # fmt: skip


def _expansion_rows(plan: Plan, cur: str, owner: str) -> list[Any]:
    """Expansion revenue the plan counts on from add-ons that have no price yet: the revenue
    rests on a decision not made (and, when the SWOT names the add-on's function as a weakness,
    on something not built)."""
    from assistant.analysis.risk_register import RegisterRow
    from assistant.interview.compose_offer import unpriced_addons

    fact = plan.fact("expansion_revenue")
    if fact is None or not isinstance(fact.value, (int, float)) or fact.value <= 0:
        return []
    addons = unpriced_addons(plan)
    if not addons:
        return []
    ko = plan.language == "ko"
    value = format_amount(float(fact.value), fact.unit or cur, plan.language)
    many = len(addons) > 1
    names = ", ".join(addons) if ko or not many else ", ".join(addons[:-1]) + " and " + addons[-1]
    from assistant.core.lang import fix_particles

    return [RegisterRow(
        risk=(fix_particles(f"확장 매출 {value}이(가) 아직 가격이 없는 {names}에 기댐.") if ko
              else f"The {value} of expansion revenue rests on {names}, which {'have' if many else 'has'} no price yet."),
        watch=("가격·출시일 확정 여부와 분기별 추가 구매 고객 수" if ko else "price and launch date set, and existing customers buying it each quarter"),
        # the bridge and the forecast count it: the response says what stands in if it slips,
        # not an exclusion the plan's own tables do not make
        response=(fix_particles(f"1분기 안에 연 가격과 제공 시점을 정함. 정하지 못하면 브리지의 확장 매출 {value}만큼을 신규 고객이나 다른 확장으로 채울 방법을 그때 정함.") if ko
                  else f"Set {'their' if many else 'its'} yearly price and launch date within Q1. If that slips, decide then what replaces the bridge's {value} of expansion: more new customers or other upsells."),
        owner=owner,
    )]  # fmt: skip


def plan_register(plan: Plan, a: PlanAnalysis) -> list[Any]:
    """The risk register the document ends with and the deck shows: the analysis's register, and
    a lead goal far above last year with nothing named to bring it (the summary's risk) first."""
    from assistant.analysis.risk_register import RegisterRow, owners, risk_register
    from assistant.interview.economics_risks import economics_rows
    from assistant.interview.lead_rise import steep_lead_row

    register = risk_register(plan, a)
    register += [
        r for r in economics_rows(plan, a, owners(plan)) if all(x.risk != r.risk for x in register)
    ]
    steep = steep_lead_row(plan, a)
    if steep and all(r.risk != steep[0] for r in register):
        row = RegisterRow(risk=steep[0], watch=steep[1], response=steep[2], owner=owners(plan)[0])
        register.insert(0, row)
    # every risk the sales summary names has its row: what to watch, the response, an owner
    register += [
        r for r in summary_rows(plan, a, owners(plan)[1]) if all(x.risk != r.risk for x in register)
    ]
    return register


def summary_rows(plan: Plan, a: PlanAnalysis, owner: str) -> list[Any]:
    """The sales summary's own risks as register rows: the uncounted opening pipeline the
    proposed forecast's first quarter rests on, and a seller's share that barely covers their
    cost."""
    from assistant.analysis.risk_register import RegisterRow
    from assistant.interview.forecast_proposal import opening_pipeline, opening_risk, proposal
    from assistant.interview.pipeline_feed import quota_risk

    ko = plan.language == "ko"
    rows = []
    if said := opening_risk(plan, a):
        p = proposal(plan, a)
        o = opening_pipeline(plan, a, p) if p is not None else None
        deals = o.deals if o is not None else 0
        rows.append(RegisterRow(
            risk=said,
            watch=(f"1월 첫 주에 단계별로 센 열린 파이프라인(1분기 계약 약 {deals:,}곳 분)" if ko
                   else f"the pipeline open on 1 January, counted by stage in the first week (about {deals:,} deals to close in Q1)"),
            response=("1월 첫 주에 열린 거래를 단계별로 세고, 모자라면 1분기 예측을 낮추고 그만큼을 상반기 리드·아웃바운드 계획에 더함." if ko
                      else "Count the open deals by stage in the first week of January; if they fall short, lower Q1 and add the shortfall to the first half's lead and outbound plan."),
            owner=owner,
        ))  # fmt: skip
    if said := quota_risk(plan, a):
        rows.append(RegisterRow(
            risk=said,
            watch=("담당자 1인당 분기 신규 매출과 평균 거래 규모" if ko else "new business per seller and the average deal size, each quarter"),
            # not the CAC row's response again (deal size and win rate): the sellers' own lever
            response=("1인당 신규 매출이 할당량 기준에 이를 때까지 영업 인력 충원을 미루고, 담당자별 할당량을 목표 몫(영업팀 구조)으로 정하며 남는 시간은 목표 고객사 아웃바운드에 씀. 팀의 실제 연간 비용으로 다시 계산함." if ko
                      else "Hold new seller hires until new business per seller nears the usual quota; set each seller's quota from their share (Sales Team Structure) and put spare time into outbound to target accounts; recompute with the team's actual yearly cost."),
            owner=owner,
        ))  # fmt: skip
    return rows

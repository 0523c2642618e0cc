"""Consistency findings from the plan analysis: numbers in one part that another part cannot deliver."""

from __future__ import annotations

from assistant.analysis.budget import goals_revenue, goals_revenue_words, month_of, roi_supported
from assistant.analysis.lead_buffer import kept_for_revenue, rate_levers
from assistant.analysis.plan_analysis import (
    PlanAnalysis,
    analyse,
    customer_goal,
    deal_size,
    revenue_goal,
    stated_quota,
    stated_rates,
)
from assistant.analysis.plan_goals import (
    cost_per_lead,
    customers_at_pace,
    lead_goal,
    lead_pace,
    partner_share,
    partners_bypass_funnel,
)
from assistant.analysis.plan_goals import plan_year as _yr
from assistant.analysis.revenue_bridge import in_year_landing, opening_needed
from assistant.analysis.revenue_models import gross_rate_note
from assistant.analysis.review_types import Finding
from assistant.analysis.sales_cost import sales_budget_per_head
from assistant.analysis.sales_cost_finding import full_cac_finding
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def _say(plan: Plan, en: str, ko: str) -> str:
    return fix_particles(ko) if plan.language == "ko" else en


def _versus_last_year(goal: object, need: float, ko: bool) -> str:
    """' (20% above last year's 1,500)' for a lead goal that states last year's level."""
    f = getattr(goal, "frame", None)
    base = f.baseline.value if f is not None and f.baseline is not None else None
    if not base or base <= 0:
        return ""
    rise = (need / base - 1) * 100
    if ko:
        return f"(작년 {format_amount(base, '', 'ko')}건보다 {abs(rise):.0f}% {'많음' if rise >= 0 else '적음'})"
    return f" ({abs(rise):.0f}% {'above' if rise >= 0 else 'below'} last year's {base:,.0f})"


def check_consistency(plan: Plan, analysis: PlanAnalysis | None = None) -> list[Finding]:
    a = analysis or analyse(plan)
    lang = plan.language
    from assistant.analysis.level_goals import unbased_level_findings

    out: list[Finding] = unbased_level_findings(plan)  # a total to reach, with no base
    rev = revenue_goal(plan)
    customers = customer_goal(plan)
    size = deal_size(plan)

    # a revenue goal the customer goal x deal size cannot reach; a goal that grows from a stated
    # base ('ARR from $2.0M to $3.0M') needs only the difference as new business (level to level)
    br = a.revenue
    if rev is not None and customers is not None and size is not None:
        goal, revenue, currency = rev
        count = customers[1]
        reachable = count * size[0]
        f = lambda v: format_amount(v, currency, lang)  # noqa: E731
        if br.base is not None and br.churned is not None and br.gap is not None:
            # like for like: base - churned + new business against the goal (level to level)
            needed = revenue - br.base + br.churned
            if br.gap > revenue * 0.01 and br.churn_rate_annual is None:  # a shop: repeat buyers
                more = int(-(-br.gap // size[0]))
                message = _say(
                    plan,
                    f"The revenue goal ({f(revenue)}) grows from last year's {f(br.base)}: {count:,.0f} new customers x {f(size[0])} revenue per customer = {f(reachable)}, leaving {f(br.gap)} for existing customers to add.",
                    f"매출 목표({f(revenue)})는 작년 매출 {f(br.base)}에서 출발합니다. 신규 고객 {format_amount(count, '명', lang)} × 고객당 매출 {f(size[0])} = {f(reachable)}이므로 {f(br.gap)}은 기존 고객의 구매 증가로 메워야 합니다.",
                )
                fix = _say(
                    plan,
                    f"Plan repeat-purchase work (email, loyalty) worth {f(br.gap)}, win about {more:,} more customers, or raise revenue per customer to {f((needed) / count)}.",
                    f"{f(br.gap)} 규모의 재구매 활동(이메일, 멤버십)을 계획하거나, 고객을 약 {format_amount(more, '명', lang)} 더 확보하거나, 고객당 매출을 {f(needed / count)}(으)로 올려야 합니다.",
                )
                out.append(Finding(severity="warning", sections=["sales_objectives"],
                                   message=message, fix=fix))  # fmt: skip
            elif br.gap > revenue * 0.01 and br.expansion:
                more = int(-(-br.gap // size[0]))
                e = br.expansion
                message = _say(
                    plan,
                    f"The revenue goal ({f(revenue)}) grows from a base of {f(br.base)}: after {f(br.churned)} of churn ({br.churn_rate_annual:g}% a year) it needs {f(needed)} of new and expansion revenue; {count:,.0f} new customers x {f(size[0])} average deal size = {f(reachable)} and the expansion you expect ({f(e)}) leave {f(br.gap)} uncovered.",
                    f"매출 목표({f(revenue)})는 기존 {f(br.base)}에서 출발합니다. 이탈 {f(br.churned)}(연 {br.churn_rate_annual:g}%)을 빼면 신규·확장 매출 {f(needed)}이 필요합니다. 신규 고객 {count:,.0f}곳 × 평균 거래 규모 {f(size[0])} = {f(reachable)}과 기대 확장 매출 {f(e)}을 더해도 {f(br.gap)}이 남습니다.",
                )
                fix = _say(
                    plan,
                    f"Raise the expansion plan by {f(br.gap)}, win about {more:,} more customers, lower churn, or raise the average deal size to {f((needed - e) / count)}.",
                    f"확장 매출 계획을 {f(br.gap)} 늘리거나, 고객을 약 {more:,}곳 더 확보하거나, 이탈을 줄이거나, 평균 거래 규모를 {f((needed - e) / count)}(으)로 올려야 합니다.",
                )
                out.append(Finding(severity="warning", sections=["sales_objectives"],
                                   message=message, fix=fix))  # fmt: skip
            elif br.gap > revenue * 0.01:
                more = int(-(-br.gap // size[0]))
                message = _say(
                    plan,
                    f"The revenue goal ({f(revenue)}) grows from a base of {f(br.base)}: after {f(br.churned)} of churn ({br.churn_rate_annual:g}% a year) it needs {f(needed)} of new and expansion revenue; {count:,.0f} new customers x {f(size[0])} average deal size = {f(reachable)}, leaving {f(br.gap)} for expansion to close.",
                    f"매출 목표({f(revenue)})는 기존 {f(br.base)}에서 출발합니다. 이탈 {f(br.churned)}(연 {br.churn_rate_annual:g}%)을 빼면 신규·확장 매출 {f(needed)}이 필요합니다. 신규 고객 {count:,.0f}곳 × 평균 거래 규모 {f(size[0])} = {f(reachable)}이므로 {f(br.gap)}은 확장 매출로 메워야 합니다.",
                )
                fix = _say(
                    plan,
                    f"Plan expansion (upsell, price) worth {f(br.gap)}, win about {more:,} more customers, or raise the average deal size to {f((needed) / count)}.",
                    f"{f(br.gap)} 규모의 확장 매출(업셀, 가격)을 계획하거나, 고객을 약 {more:,}곳 더 확보하거나, 평균 거래 규모를 {f(needed / count)}(으)로 올려야 합니다.",
                )
                out.append(Finding(severity="warning", sections=["sales_objectives"],
                                   message=message, fix=fix))  # fmt: skip
        elif reachable < revenue * 0.95:
            gap = revenue - reachable
            more = int(-(-gap // size[0]))
            message = _say(
                plan,
                f"The revenue goal ({f(revenue)}) is out of reach of the customer goal: {count:,.0f} new customers x {f(size[0])} average deal size = {f(reachable)}, short by {f(gap)}.",
                f"매출 목표({f(revenue)})를 고객 목표로 채울 수 없습니다: 신규 고객 {count:,.0f}곳 × 평균 거래 규모 {f(size[0])} = {f(reachable)}, {f(gap)} 부족합니다.",
            )
            fix = _say(
                plan,
                f"Win about {more:,} more customers, raise the average deal size to {f(revenue / count)}, or lower the revenue goal.",
                f"고객을 약 {more:,}곳 더 확보하거나, 평균 거래 규모를 {f(revenue / count)}(으)로 올리거나, 매출 목표를 낮춰야 합니다.",
            )
            out.append(Finding(severity="warning", sections=["sales_objectives"],
                               message=message, fix=fix))  # fmt: skip

    # a funnel (with default rates) that cannot produce the won-deal goal; stated rates are
    # checked by check_funnel in the review
    rates = stated_rates(plan)
    if (
        len(a.funnel) > 1
        and customers is not None
        and "mql_to_sql" not in rates
        and "lead_to_customer" not in rates
    ):
        won = customers_at_pace(plan, a.funnel[-1].volume)
        pace = lead_pace(plan)
        if won < customers[1] * 0.95:
            per_lead = a.funnel[-1].volume / a.funnel[0].volume if a.funnel[0].volume else 0
            needed = customers[1] / per_lead if per_lead else 0
            if pace:  # the lead goal's own months: what it must reach by its deadline
                needed = needed * pace[0] / pace[1]
            own = plan.fact("stage_rates") is not None  # the user's own stages, not defaults
            # what the recommendation costs: the extra leads a year at the plan's one cost per lead
            cost_en = cost_ko = ""
            each = cost_per_lead(plan, a.funnel[0].volume)
            extra = (needed - a.funnel[0].volume) * (pace[1] / pace[0] if pace else 1.0)
            if each and extra > 0:
                cur = plan.budget.currency
                money = format_amount(about(extra * each), cur, plan.language)
                per = format_amount(about(each), cur, plan.language)
                # the same budget over the year's recommended leads: the cost per lead at which it
                # stays as it is (the KPI table's 'recommended' figure), else the extra money at
                # today's cost per lead
                year_leads = a.funnel[0].volume * (pace[1] / pace[0] if pace else 1.0)
                within = format_amount(about(each * year_leads / (year_leads + extra)), cur, plan.language)  # fmt: skip
                # the basis said as it is computed: a lead goal of fewer months is a year's budget
                # over its pace for a year (900 in 9 months: 1,200), not budget ÷ the goal
                basis_en = f"the year's budget ÷ {year_leads:,.0f}, the lead goal's pace for a year" if pace else "budget ÷ lead goal"  # fmt: skip
                basis_ko = f"연 예산 ÷ 리드 목표의 연간 속도 {year_leads:,.0f}건" if pace else "예산 ÷ 리드 목표"  # fmt: skip
                # a lead goal of fewer months than a year: the goal's own extra first, the year's beside it
                over_en = f"about {needed - a.funnel[0].volume:,.0f} more leads over its {pace[0]} months ({extra:,.0f} a year)" if pace and pace[0] != pace[1] else f"about {extra:,.0f} more leads a year"  # fmt: skip
                over_ko = f"{pace[0]}개월 동안 약 {needed - a.funnel[0].volume:,.0f}건(연 약 {extra:,.0f}건)이 더 필요하며" if pace and pace[0] != pace[1] else f"연 약 {extra:,.0f}건이 더 필요하며"  # fmt: skip
                cost_en = f" That is {over_en}: within today's budget only if a lead costs at most about {within}; at the plan's {per} a lead ({basis_en}), about {money} more."
                cost_ko = f". {over_ko}, 리드당 약 {within}이면 예산은 그대로이고 계획의 리드당 비용({per}, {basis_ko})이면 약 {money}이 더 듭니다"
            # the other levers, each alone: the stage rate that reaches the customer goal from
            # the same leads (a rate above 100% is no lever)
            levers_en, levers_ko = rate_levers(a, customers[1] / won if won else 0.0, own)
            paced_en = (
                f"The lead goal counts {pace[0]} months; at its pace, {a.funnel[0].volume * pace[1] / pace[0]:,.0f} leads over the customer goal's {pace[1]} months yield about {won:,.0f} customers at {'your stated' if own else 'typical'} conversion rates, below the customer goal of {customers[1]:,.0f}."
                if pace
                else f"At {'your stated' if own else 'typical'} conversion rates the lead goal yields about {won:,.0f} customers, below the customer goal of {customers[1]:,.0f}."
            )
            paced_ko = (
                f"리드 목표는 {pace[0]}개월 기준입니다. 같은 속도면 고객 목표 기간 {pace[1]}개월 동안 리드 {a.funnel[0].volume * pace[1] / pace[0]:,.0f}건, {'계획상' if own else '일반적인'} 전환율로 고객 약 {won:,.0f}곳이 나와 고객 목표 {customers[1]:,.0f}곳에 못 미칩니다."
                if pace
                else f"{'계획상' if own else '일반적인'} 전환율로는 리드 목표에서 약 {won:,.0f}곳의 고객이 나와 고객 목표 {customers[1]:,.0f}곳에 못 미칩니다."
            )
            out.append(Finding(
                severity="warning", sections=["mkt_objectives", "sales_objectives"],
                message=_say(plan, paced_en, paced_ko),
                # a recommendation, not an either-or: the lead goal that makes the customer goal
                # at the rates in use, unless better rates are measured or planned
                fix=_say(plan,
                    f"Raise the lead goal to about {needed:,.0f} (recommended){', unless a plan lifts a stage rate' if own else ', unless your own measured conversion rates are higher'}{levers_en}.{cost_en}",
                    fix_particles(f"리드 목표를 약 {needed:,.0f}건으로 올리는 것을 권합니다{cost_ko}({'단계별 전환율을 높일 계획이 있다면 그 계획으로 대신합니다' if own else '실제 측정한 전환율이 더 높다면 그 값으로 다시 계산합니다'}).{levers_ko}")),
            ))  # fmt: skip

    # partners' stated share of new customers against the lead funnel: the plan must say whether
    # partner deals come through the funnel or on top of it
    share = partner_share(plan)
    if share and customers is not None and len(a.funnel) > 1:
        funnel = customers_at_pace(plan, a.funnel[-1].volume)
        goal_n = customers[1]
        partners = goal_n * share / 100
        beside = funnel + partners  # the figures shown add up: 180 + 45
        leads = lead_goal(plan)
        if (
            funnel >= goal_n * 0.95
            and partners_bypass_funnel(plan)
            and leads is not None
            and funnel
        ):
            # the strategy hands partner referrals straight to the sellers: they are outside the
            # funnel, so the funnel needs to bring only the rest - said as the decision it is
            rest = goal_n - partners
            need = leads[1] * rest / funnel
            rev_goal = revenue_goal(plan)
            br_cur = rev_goal[2] if rev_goal is not None else ""
            # what the extra customers bring within the year, joining evenly: half a year each
            each = (br.new_business_from_goals or 0.0) / goal_n if goal_n else 0.0
            added = round(partners) * each / 2  # the customers as said ('약 45곳'), exact
            n_l = format_amount(about(need), "", lang)
            en = f"Partner referrals go straight to the sellers (sales strategy), so the partner customers (about {partners:,.0f}, {share:g}% of {goal_n:,.0f}) come on top of the lead funnel, which needs to bring only the other {rest:,.0f}: about {n_l} leads at the plan's rates, not {leads[1]:,.0f}. At {leads[1]:,.0f} leads the plan makes about {beside:,.0f} customers ({funnel:,.0f} + {partners:,.0f})."
            ko = f"파트너 추천 리드는 영업 담당자가 바로 맡으므로(영업 전략) 파트너 고객 약 {partners:,.0f}곳(목표 {goal_n:,.0f}곳의 {share:g}%)은 리드 퍼널 밖에서 더해집니다. 퍼널이 채울 몫은 나머지 {rest:,.0f}곳이고, 계획상 전환율로 리드 약 {n_l}건이면 됩니다(목표 {format_amount(leads[1], '', lang)}건). 리드 {format_amount(leads[1], '', lang)}건을 지키면 신규 고객은 약 {beside:,.0f}곳({funnel:,.0f} + {partners:,.0f})입니다."
            out.append(Finding(
                severity="warning", sections=["mkt_objectives", "sales_objectives"],
                message=_say(plan, en, ko),
                # a recommendation: the lead goal the customer goal needs (against last year's
                # leads when stated), the customer goal the stated leads make as the alternative
                fix=_say(plan,
                    f"Recommended: keep {leads[1]:,.0f} leads and raise the customer goal to about {beside:,.0f}. The about {partners:,.0f} more customers add about {format_amount(added, br_cur, lang)} of revenue in {_yr(plan)}, narrowing the gap to the revenue goal (the gap and the opening run-rate decision are in the sales summary). The other choice: keep the {goal_n:,.0f} customers and set the lead goal at about {n_l}.",
                    f"리드 {format_amount(leads[1], '', lang)}건을 유지하고 고객 목표를 약 {beside:,.0f}곳으로 올리는 것을 권합니다. 늘어나는 약 {partners:,.0f}곳은 {_yr(plan)}년 매출을 약 {format_amount(added, br_cur, lang)} 늘려 매출 목표와의 차이를 줄입니다(차이와 연초 연환산 매출 결정은 영업 요약 참고). 다른 선택은 고객 {goal_n:,.0f}곳을 유지하고 리드 목표를 약 {n_l}건으로 낮추는 것입니다.")
                if kept_for_revenue(plan, a) else _say(plan,
                    f"Recommended: set the lead goal at about {n_l}{_versus_last_year(leads[0], need, False)}, enough for the {goal_n:,.0f} customers; or keep {leads[1]:,.0f} leads and raise the customer goal to about {beside:,.0f}.",
                    f"고객 {goal_n:,.0f}곳을 얻는 데 충분한 리드 약 {n_l}건{_versus_last_year(leads[0], need, True)}으로 리드 목표를 정하는 것을 권합니다. 리드 {format_amount(leads[1], '', lang)}건을 유지한다면 고객 목표를 약 {beside:,.0f}곳으로 올려야 합니다."),
            ))  # fmt: skip
            share = None  # said
        elif funnel >= goal_n * 0.95:
            en = f"Partners bring about {share:g}% of new customers (about {partners:,.0f} of {goal_n:,.0f}), yet the lead funnel alone yields about {funnel:,.0f}. If partner deals come on top of the funnel, the plan gets about {beside:,.0f} ({funnel:,.0f} + {partners:,.0f}): raise the customer goal, or lower the lead goal to what the other {goal_n - partners:,.0f} need."
            ko = f"파트너가 신규 고객의 약 {share:g}%(목표 {goal_n:,.0f}곳 중 약 {partners:,.0f}곳)를 가져오는데, 리드 퍼널만으로도 약 {funnel:,.0f}곳이 나옵니다. 파트너 거래가 퍼널 밖에서 더해진다면 약 {beside:,.0f}곳({funnel:,.0f} + {partners:,.0f})이 되므로 고객 목표를 올리거나, 리드 목표를 나머지 {goal_n - partners:,.0f}곳에 맞게 낮춰야 합니다."
        elif beside < goal_n * 0.95:
            en = f"Partners bring about {share:g}% of new customers; even on top of the lead funnel's {funnel:,.0f}, the plan gets about {beside:,.0f} of the {goal_n:,.0f}."
            ko = f"파트너가 신규 고객의 약 {share:g}%를 가져오지만, 리드 퍼널의 {funnel:,.0f}곳에 더해도 약 {beside:,.0f}곳으로 목표 {goal_n:,.0f}곳에 못 미칩니다."
        else:
            en = f"Partners bring about {share:g}% of new customers. If their deals come on top of the lead funnel's {funnel:,.0f}, the plan gets about {beside:,.0f} of the {goal_n:,.0f}; if they are inside it, the funnel falls short."
            ko = f"파트너가 신규 고객의 약 {share:g}%를 가져옵니다. 파트너 거래가 리드 퍼널의 {funnel:,.0f}곳 밖에서 더해진다면 목표 {goal_n:,.0f}곳 중 약 {beside:,.0f}곳이 되고, 퍼널 안에 있다면 퍼널이 부족합니다."
        if share is not None:
            out.append(Finding(
            severity="tip", sections=["sales_strategy", "sales_territories_channels"],
            message=_say(plan, en, ko),
            fix=_say(plan, "Say whether partner-sourced deals pass through the lead funnel, and set the lead and customer goals to match.",
                     "파트너 거래가 리드 퍼널을 거치는지 밝히고, 리드·고객 목표를 그에 맞춰야 합니다."),
        ))  # fmt: skip

    # a stated NRR against the bridge: base x NRR is what existing customers bring; the bridge
    # has base - churn + expansion
    nrr = plan.number("net_revenue_retention")
    if nrr and br.base and br.churned is not None and br.gap is not None:
        cur = a.unit_economics.currency
        fm = lambda v: format_amount(v, cur, lang)  # noqa: E731
        implied, bridged = br.base * nrr / 100, br.base - br.churned + (br.expansion or 0.0)
        if abs(implied - bridged) > br.base * 0.02:
            out.append(Finding(
                severity="tip", sections=["sales_kpis", "sales_objectives"],
                message=_say(plan,
                    f"Your NRR of {nrr:g}% means existing customers bring {fm(implied)} next year; the revenue bridge has {fm(bridged)} (base - churn + expansion).",
                    fix_particles(f"순매출 유지율 {nrr:g}%는 기존 고객 매출 {fm(implied)}을(를) 뜻하지만, 매출 브리지는 {fm(bridged)}(기준 - 이탈 + 확장)입니다.")),
                fix=_say(plan,
                    "Align the churn and expansion figures with the NRR target (or the target with them).",
                    "이탈률·확장 매출을 NRR 목표에 맞추거나, NRR 목표를 두 수치에 맞춰야 합니다."),
            ))  # fmt: skip

    # the plan's own figures far above its revenue goal: a full year from every new customer is
    # rarely true, or the goal is set too low. A year's revenue goal is read against the year's
    # own revenue (customers joining evenly), the year-end run-rate beside it: never the
    # run-rate called the year's revenue
    year_rev = in_year_landing(plan, br) if br.base is not None and br.gap is not None else None
    cur = a.unit_economics.currency
    f = lambda v: format_amount(v, cur, lang)  # noqa: E731
    said: tuple[str, str, str, str] | None = None
    if year_rev is not None and br.goal and br.gap is not None and year_rev > br.goal * 1.1:
        got, over, rate = about(year_rev), about(year_rev) - about(br.goal), br.goal - br.gap
        said = (
            f"The plan's own figures bring {_yr(plan)} revenue to about {f(got)} with customers joining evenly, about {f(over)} above the {f(br.goal)} revenue goal (the year-end run-rate is {f(rate)}).",
            f"계획의 수치로는 고객이 고르게 들어오면 {_yr(plan)}년 매출이 약 {f(got)}으로 목표 {f(br.goal)}보다 약 {f(over)} 많습니다(연말 기준 연간 매출은 {f(rate)}).",
            "Raise the goal to what the plan's figures make, or check the new customers' first-year revenue and the churn behind them.",
            "목표를 계획의 수치에 맞춰 올리거나, 신규 고객의 첫해 매출과 이탈률을 확인해야 합니다.",
        )  # fmt: skip
    elif year_rev is None and br.base is not None and br.gap is not None and br.goal and -br.gap > br.goal * 0.1:  # fmt: skip
        said = (
            f"The plan's own figures land at {f(br.goal - br.gap)}, {f(-br.gap)} above the {f(br.goal)} revenue goal: new customers are counted at a full year each.",
            f"계획의 수치로는 매출이 {f(br.goal - br.gap)}으로 목표 {f(br.goal)}보다 {f(-br.gap)} 많습니다. 신규 고객을 모두 1년 치 매출로 셌기 때문입니다.",
            "Check first-year revenue per new customer (most are won through the year), or raise the goal.",
            "신규 고객의 첫해 매출(연중에 확보)을 확인하거나 목표를 올려야 합니다.",
        )  # fmt: skip
    if said is not None:
        out.append(Finding(
            severity="tip", sections=["sales_objectives"],
            message=_say(plan, said[0], said[1]),
            fix=(gross_rate_note(plan, lang == "ko") + " ").lstrip() + _say(plan, said[2], said[3]),
        ))  # fmt: skip

    # a goal below what the history already delivers
    for goal in plan.goals:
        frame = goal.frame
        if frame is None or frame.target is None or frame.baseline is None:
            continue
        if frame.baseline.source == "sales history" and frame.target.value < frame.baseline.value:
            unit = frame.target.unit
            out.append(Finding(
                severity="warning", sections=[goal.section],
                message=_say(plan,
                    f'"{goal.text}" is below the current run-rate: the sales history shows {format_amount(frame.baseline.value, unit, lang)} in the comparable period.',
                    f'"{goal.text}"은(는) 현재 실적보다 낮습니다: 판매 이력상 같은 기간 실적은 {format_amount(frame.baseline.value, unit, lang)}입니다.'),
                fix=_say(plan, "Set the target above the run-rate, or say why it will fall.", "목표를 현재 실적보다 높게 잡거나, 줄어드는 이유를 적어야 합니다."),
            ))  # fmt: skip

    # deals per seller far from the plan's own quota
    quota = stated_quota(plan)
    dpr = a.capacity.deals_per_rep
    if quota and dpr and a.capacity.reps and not 0.6 * quota <= dpr <= 1.15 * quota:
        need = int(-(-(dpr * a.capacity.reps) // quota))
        over = dpr > quota
        out.append(Finding(
            severity="warning" if over else "tip", sections=["sales_team_structure", "sales_objectives"],
            message=_say(plan,
                f"Each of the {a.capacity.reps} sellers must close about {dpr:g} new deals, against the plan's own quota of {quota}.",
                f"영업 담당자 {a.capacity.reps}명이 각각 신규 거래 약 {dpr:g}건을 맡아야 하는데, 계획의 할당량은 {quota}건입니다."),
            fix=_say(plan,
                f"Plan {need} quota-carrying sellers, or change the goal or the quota." if over else "Raise the goal or lower the quota so they agree.",
                f"할당량을 가진 담당자를 {need}명으로 계획하거나, 목표나 할당량을 조정해야 합니다." if over else "목표를 올리거나 할당량을 낮춰 서로 맞춰야 합니다."),
        ))  # fmt: skip

    # a year's revenue goal: customers won during the year pay for part of it only
    landed_in_year = in_year_landing(plan, br)
    if rev is not None and landed_in_year is not None and br.new_business_from_goals:
        half_new = br.new_business_from_goals / 2
        landed = about(landed_in_year)  # said as the summary and the forecast say it
        fm = lambda v: format_amount(v, rev[2], lang)  # noqa: E731
        # every half-year figure said, and the starting point: last year's revenue as January's
        exp = br.expansion or 0.0
        also_en = f"; expansion {fm(exp / 2)}, not {fm(exp)}" if exp else ""
        also_ko = f" 확장 매출도 {fm(exp)}이 아니라 {fm(exp / 2)}입니다." if exp else ""
        short = about(rev[1] - landed) if rev[1] > landed else 0.0  # as the summary says it
        end = (br.base or 0.0) - (br.churned or 0.0) + br.new_business_from_goals + exp
        to_open = opening_needed(plan, br)  # the opening the goal needs, above last year's average
        opens = to_open if to_open and br.base and to_open > br.base * 1.005 else None
        out.append(Finding(
            severity="tip", sections=["sales_objectives", "sales_forecast"],
            message=_say(plan,
                f"The bridge counts a full year for every new and lost customer{' and all expansion' if exp else ''} (the run-rate at year end). Starting from last year's {fm(br.base or 0)} as January's run-rate, with customers joining, leaving{' and expanding' if exp else ''} evenly through the year, {_yr(plan)} revenue is about {fm(landed)}: new customers bring {fm(half_new)}, not {fm(br.new_business_from_goals)}{also_en}.",
                f"매출 브리지는 신규·이탈 고객{'과 확장 매출' if exp else ''}을 모두 1년 치로 산정합니다(연말 기준 연간 매출). 작년 매출 {fm(br.base or 0)}을 연초의 연환산 매출로 보고, 고객이 한 해 동안 고르게 들어오고 나간다면{'(확장도 고르게)' if exp else ''} {_yr(plan)}년 매출은 약 {fm(landed)}입니다. 신규 고객 매출은 {fm(br.new_business_from_goals)}이 아니라 {fm(half_new)} 정도입니다.{also_ko}"),
            # a recommendation on the goal as written (a year's revenue, as its KPI counts it),
            # with the other reading as the alternative, not an either-or question
            fix=_say(plan,
                f"Recommended: read as {_yr(plan)} revenue, the goal needs the year to open at about {fm(about(opens))} a year; estimate it before sign-off from the latest month's revenue × 12 (January confirms it), and if it is less, win new customers early in the year or close the rest from expansion or price ({fm(short)} at last year's level). If it means the year-end run-rate ({fm(end)}), restate it so." if short > 0 and opens else f"Recommended: read as {_yr(plan)} revenue, the goal needs new customers won early in the year, or the {fm(short)} from expansion or price; if it means the year-end run-rate ({fm(end)}), restate it so." if short > 0 else f"If the goal means the year-end run-rate ({fm(end)}), restate it so.",
                f"목표를 {_yr(plan)}년 한 해의 매출로 본다면 연초 연환산 매출이 약 {fm(about(opens))}이어야 합니다. 승인 전에 최근 월 매출 × 12로 추정해(1월에 확정) 부족하면 신규 고객을 연초에 앞당기거나 확장·가격으로 메우는 것을 권합니다(작년 매출 수준이면 부족분 {fm(short)}). 연말 기준 연간 매출({fm(end)})을 뜻한다면 목표를 그렇게 고칩니다." if short > 0 and opens else f"목표를 {_yr(plan)}년 한 해의 매출로 본다면 신규 고객을 연초에 앞당겨 확보하거나 부족분 {fm(short)}을 확장·가격으로 메우는 것을 권합니다. 연말 기준 연간 매출({fm(end)})을 뜻한다면 목표를 그렇게 고칩니다." if short > 0 else f"연말 기준 연간 매출({fm(end)})을 뜻한다면 목표를 그렇게 고칩니다."),
        ))  # fmt: skip

    # ROI claims the forecast cannot support
    ue, bridge = a.unit_economics, a.revenue
    if ue.roi_pct is not None and plan.budget.total and bridge.forecast_next_12:
        claimed = plan.budget.total * (1 + ue.roi_pct / 100)
        if claimed > bridge.forecast_next_12:
            cur = ue.currency
            out.append(Finding(
                severity="warning", sections=["mkt_budget", "sales_forecast"],
                message=_say(plan,
                    f"The expected ROI of {ue.roi_pct:g}% means {format_amount(claimed, cur, lang)} of attributed revenue from a {format_amount(plan.budget.total, cur, lang)} budget, more than the 12-month forecast of {format_amount(bridge.forecast_next_12, cur, lang)}.",
                    f"기대 ROI {ue.roi_pct:g}%는 예산 {format_amount(plan.budget.total, cur, lang)}으로 {format_amount(claimed, cur, lang)}의 기여 매출을 뜻하며, 12개월 예측 {format_amount(bridge.forecast_next_12, cur, lang)}보다 큽니다."),
                fix=_say(plan, "Lower the ROI claim or show where the extra revenue comes from (ROI = (return - cost) / cost).", "ROI 기대치를 낮추거나 추가 매출의 근거를 적어야 합니다(ROI = (수익 - 비용) / 비용)."),
            ))  # fmt: skip

    elif ue.roi_pct is not None and plan.budget.total and bridge.new_business_from_goals:
        claimed = plan.budget.total * (1 + ue.roi_pct / 100)
        # one rule with the budget and KPI notes that give the ROI the goals support
        brought = goals_revenue(bridge) or 0.0  # new business and any stated expansion
        ceiling = roi_supported(plan.budget.total, ue.roi_pct, brought)
        if ceiling is not None:
            cur = ue.currency
            fm = lambda v: format_amount(v, cur, lang)  # noqa: E731
            words_en, words_ko = (
                goals_revenue_words(bridge, False),
                goals_revenue_words(bridge, True),
            )
            # with the extra leads the lead decision recommends paid for, the same revenue
            # costs more: the ceiling on that spend too
            from assistant.analysis.sales_cost_finding import funded_case

            funded = funded_case(plan, a)
            spend = plan.budget.total + funded.money if funded is not None else 0.0
            # (never a negative 'at most': below zero the extra leads' case is not said here)
            paid = funded is not None and spend and brought > spend
            paid_en = f"; about {(brought - spend) / spend * 100:.0f}% with the extra leads' {fm(funded.money)}" if paid and funded else ""  # fmt: skip
            paid_ko = f"(추가 리드 비용 {fm(funded.money)}을(를) 더하면 약 {(brought - spend) / spend * 100:.0f}%)" if paid and funded else ""  # fmt: skip
            out.append(Finding(
                severity="tip", sections=["mkt_budget", "sales_objectives"],
                message=_say(plan,
                    f"The expected ROI of {ue.roi_pct:g}% means {fm(claimed)} of revenue attributed to marketing, more than {words_en} ({fm(brought)}).",
                    f"기대 ROI {ue.roi_pct:g}%는 마케팅 기여 매출 {fm(claimed)}을 뜻하는데, {words_ko}({fm(brought)})보다 큽니다."),
                fix=_say(plan,
                    f"Within the year the goals' new business does not cover the budget (an ROI of about {ceiling:.0f}%): the {ue.roi_pct:g}% can only count lifetime value, so say it as an ROI on lifetime value and track the year's return on the revenue the goals bring.",
                    f"한 해 안에는 목표의 신규 매출이 예산을 채우지 못함(ROI 약 {ceiling:.0f}%). {ue.roi_pct:g}%는 고객 생애 가치까지 센 값일 수밖에 없으므로, 생애 가치 기준 ROI라고 밝히고 한 해의 수익은 목표가 가져오는 매출로 따로 추적합니다.")
                if ceiling < 0 else _say(plan,
                    f"Plan on an ROI of at most about {ceiling:.0f}% (all the goals' new business{' and expansion' if bridge.expansion else ''}{paid_en}), unless the {ue.roi_pct:g}% counts lifetime value or other revenue from existing customers: then say so.",
                    f"{words_ko}로 계산한 최대 약 {ceiling:.0f}%{fix_particles(paid_ko)}를 ROI 목표로 잡아야 합니다. {ue.roi_pct:g}%가 고객 생애 가치나 다른 기존 고객 매출까지 센 값이라면 그렇게 밝혀야 합니다."),
            ))  # fmt: skip

    # a marketing-only CAC beside one with the sales team at typical cost (an assumption)
    if ue.cac_estimated_full and ue.sales_cost_estimate and ue.cac:
        out.append(full_cac_finding(plan, a))
    # an LTV:CAC far above the usual 3-5:1 when CAC counts marketing spend only
    elif ue.ltv_to_cac and ue.ltv_to_cac > 5 and plan.number("sales_budget") is None:
        out.append(Finding(
            severity="tip", sections=["mkt_budget", "sales_team_structure"],
            message=_say(plan,
                f"LTV:CAC of {ue.ltv_to_cac:g}:1 is far above the usual 3-5:1 because CAC counts marketing spend only.",
                f"LTV:CAC {ue.ltv_to_cac:g}:1은 보통의 3~5:1보다 훨씬 높습니다. CAC에 마케팅 비용만 들어 있기 때문입니다."),
            fix=_say(plan,
                "State the sales team's yearly cost (salaries, commissions) for a fully loaded CAC.",
                "영업팀의 연간 비용(급여, 인센티브)을 적으면 영업비를 포함한 CAC를 계산합니다."),
        ))  # fmt: skip

    # a sales budget too small to pay the team it names: it leaves salaries out, so CAC and
    # LTV:CAC look better than they are
    sales_budget = plan.number("sales_budget")
    found_head = sales_budget_per_head(plan, ue.currency)
    if sales_budget and ue.cac and found_head is not None and not ue.cac_estimated_full:
        per_head, heads = found_head
        fm = lambda v: format_amount(about(v), ue.currency, lang)  # noqa: E731
        ratio = f", LTV:CAC {ue.ltv_to_cac:g}:1" if ue.ltv_to_cac else ""
        out.append(Finding(
            severity="tip", sections=["sales_team_structure", "sales_kpis"],
            message=_say(plan,
                f"The sales budget ({fm(sales_budget)}) comes to about {fm(per_head)} a person for a team of {heads}: it cannot include salaries, so CAC (about {fm(ue.cac)}{ratio}) leaves them out.",
                f"영업 예산 {fm(sales_budget)}은(는) 영업 조직 {heads}명에게 1인당 약 {fm(per_head)}(으)로 급여를 담을 수 없습니다. CAC(약 {fm(ue.cac)}{ratio})에는 인건비가 빠져 있습니다."),
            fix=_say(plan,
                "State the team's yearly cost (salaries, commissions) for a fully loaded CAC, or say the CAC is programme spend only.",
                "영업팀의 연간 비용(급여, 인센티브)을 적어 인건비를 포함한 CAC를 계산하거나, CAC가 활동비만의 값임을 밝혀야 합니다."),
        ))  # fmt: skip

    # the quarters the plan says business peaks in, against an even budget
    from assistant.analysis.peaks import peak_budget_finding

    if (peak := peak_budget_finding(plan, a)) is not None:
        out.append(peak)

    # budget quarters with nothing on the calendar
    if a.budget_by_quarter and plan.calendar:
        busy = {(m - 1) // 3 + 1 for e in plan.calendar if (m := month_of(e.when))}
        for q in a.budget_by_quarter:
            n = int(q.quarter[-1])
            if n not in busy:
                out.append(Finding(
                    severity="tip", sections=["mkt_budget", "mkt_calendar"],
                    # '2027-Q1' as a reader says it: 'Q1 2027', '2027년 1분기'
                    message=_say(plan, f"Q{n} {q.quarter[:4]} has budget but nothing on the calendar.", f"{q.quarter[:4]}년 {n}분기에 예산은 있지만 캘린더에 활동이 없습니다."),
                    fix=_say(plan, "Plan activities for that quarter or move its budget.", "그 분기 활동을 계획하거나 예산을 옮겨야 합니다."),
                ))  # fmt: skip
    return out

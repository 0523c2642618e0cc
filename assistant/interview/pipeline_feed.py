"""Whether the funnel feeds the quota sellers the deals they must close: the opportunities each
gets a year at the lead goal's pace, the deals those make at the final rate, and, when they fall
short, the close rate or the extra opportunities that would close the gap (the sales summary's
risk and decision, the capacity line and the tactics' target)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.analysis.lists import FIRST_TOUCH, team_roles, with_count
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount


def _t(ko: bool, en: str, kr: str) -> str:
    return kr if ko else en


def quota_role(plan: Plan) -> dict[str, object] | None:
    """The team answer's quota-carrying role (its name and headcount), e.g. 5 account executives."""
    return next((r for r in team_roles(plan) if r["quota_carrying"]), None)


def feed_numbers(plan: Plan, sellers: dict[str, object] | None, a: PlanAnalysis) -> tuple[float, float, float] | None:  # fmt: skip
    """(opportunities each seller gets a year at the lead goal's pace, the deals they make at
    the final rate, the deals each must close)."""
    from assistant.analysis.plan_goals import lead_pace

    if not sellers or not a.capacity.deals_per_rep or len(a.funnel) < 3:
        return None
    count = int(str(sellers["count"]))
    last, won = a.funnel[-2], a.funnel[-1]
    if not won.rate or count <= 0:
        return None
    pace = lead_pace(plan)
    scale = pace[1] / pace[0] if pace else 1.0
    per_seller = last.volume * scale / count
    return per_seller, per_seller * won.rate / 100, a.capacity.deals_per_rep


def pipeline_risk(plan: Plan, a: PlanAnalysis) -> str:
    """The sales summary's own risk: the deals the funnel feeds each seller against their share."""
    sellers = quota_role(plan)
    fed = feed_numbers(plan, sellers, a)
    if fed is None or sellers is None or fed[1] >= fed[2] * 0.95:
        return ""
    _, makes, need = fed
    return _t(
        plan.language == "ko",
        f"At the plan's lead pace and rates the funnel feeds each of the {sellers['count']} {sellers['role']} about {makes:,.0f} deals a year, short of the {need:g} each must close.",
        f"계획의 리드 속도와 전환율로는 {sellers['role']} {sellers['count']}명이 1인당 연 약 {makes:,.0f}건을 성사해, 1인당 맡은 {need:g}건에 못 미칩니다.",
    )  # fmt: skip


def feed_sentence(plan: Plan, sellers: dict[str, object] | None, a: PlanAnalysis) -> str:
    """Whether the funnel feeds the sellers what their deals need: the opportunities each gets
    a year (at the lead goal's pace) and the deals those make at the final rate, against the deals
    each must close."""
    fed = feed_numbers(plan, sellers, a)
    if fed is None:
        return ""
    ko = plan.language == "ko"
    per_seller, makes, need = fed
    last, won = a.funnel[-2], a.funnel[-1]
    assert won.rate is not None and sellers is not None
    stage = last.stage + "s" if last.stage.isupper() else last.stage.lower()
    one = str(sellers["role"])  # 'Each of the account executives', as the team answer names them
    if makes >= need * 0.95:
        return _t(
            ko, f"Each of the {one} gets about {per_seller:,.0f} {stage} a year from the funnel; at {won.rate:g}% that is about {makes:,.0f} deals, enough for the {need:g} each must close.",
            f"퍼널에서 1인당 연 {last.stage} 약 {per_seller:,.0f}건이 들어오고, {won.rate:g}% 수주율로 약 {makes:,.0f}건이 되어 1인당 필요한 {need:g}건을 채웁니다.",
        ) + _partner_deals(plan, sellers, makes, need)  # fmt: skip
    # the fix is the sales summary's decision: pointed to, not argued again here
    decided = bool(pipeline_decision(plan, a))
    return _t(
        ko, f"Each of the {one} gets about {per_seller:,.0f} {stage} a year from the funnel; at {won.rate:g}% that is about {makes:,.0f} deals, not the {need:g} each must close" + (": the sales summary's decision before sign-off closes the gap." if decided else ": more pipeline per seller (outbound, partners) or a higher close rate is needed."),
        f"퍼널에서 1인당 연 {last.stage} 약 {per_seller:,.0f}건이 들어오고, {won.rate:g}% 수주율로 약 {makes:,.0f}건이 되어 1인당 필요한 {need:g}건에 못 미칩니다. " + ("차이는 영업 요약의 '승인 전에 정할 것'에서 메웁니다." if decided else "1인당 파이프라인(아웃바운드, 파트너)을 늘리거나 수주율을 높여야 합니다."),
    )  # fmt: skip


def partner_deals_each(plan: Plan, sellers: dict[str, object] | None) -> float:
    """Partner referrals each quota seller closes a year besides the funnel's deals, when the
    sales strategy hands them straight to the sellers; 0 otherwise."""
    from assistant.analysis.plan_goals import partner_customers

    found = partner_customers(plan)
    count = int(str(sellers["count"])) if sellers else 0
    return found[0] / count if found and count > 0 else 0.0


def _partner_deals(plan: Plan, sellers: dict[str, object], makes: float, need: float) -> str:
    """The partner referrals the sellers close besides the funnel's deals, when the sales strategy
    hands them straight to the sellers: each seller's whole load, and what it says of the goal."""
    from assistant.analysis.plan_goals import partner_customers

    found = partner_customers(plan)
    each = partner_deals_each(plan, sellers)
    if found is None or not each:
        return ""
    deals, share = found
    total = makes + each
    role = str(sellers["role"])
    # above the load only because the lead goal counts the partners' customers again: the
    # recommended lead goal (the funnel's part alone) is what makes the two add up
    from assistant.analysis.lead_buffer import advised_lead_goal
    from assistant.analysis.plan_analysis import analyse

    a = analyse(plan)
    fewer = advised_lead_goal(plan, a)
    from assistant.analysis.lead_buffer import kept_for_revenue

    # the leads kept for the year's revenue: the customer goal is raised to what they make, and
    # each seller's share with it
    kept = not fewer and kept_for_revenue(plan, a) is not None
    fits_ko = (f" 리드 목표를 제안대로 약 {fewer:,.0f}건으로 정하면 퍼널과 파트너 거래를 합쳐 1인당 {need:g}건에 맞습니다." if fewer
               else f" 요약의 제안대로 고객 목표를 올리면 1인당 몫도 약 {said_each(total)}건이 됩니다." if kept else "")  # fmt: skip
    return _t(
        plan.language == "ko",
        f" Partner referrals, about {deals:,.0f} deals a year ({share:g}% of new customers), go to the {role} as well: about {said_each(each)} more each, {said_each(total)} in all against the {need:g} each must close."
        + (f" At the recommended lead goal of about {fewer:,.0f}, the funnel and the partners together make the {need:g} each." if fewer and total > need * 1.05
           else f" With the customer goal raised as the summary recommends, each seller's share is about {said_each(total)} too." if kept and total > need * 1.05 else ""),
        fix_particles(f" 파트너 추천 거래 연 약 {deals:,.0f}건(신규 고객의 {share:g}%)도 {role}이(가) 맡아 1인당 약 {said_each(each)}건이 더해지므로, 1인당 수주는 모두 약 {said_each(total)}건으로 필요한 {need:g}건보다 많습니다.{fits_ko}")
        if total > need * 1.05
        else fix_particles(f" 파트너 추천 거래 연 약 {deals:,.0f}건(신규 고객의 {share:g}%)도 {role}이(가) 맡아 1인당 약 {said_each(each)}건이 더해지므로, 1인당 수주는 모두 약 {said_each(total)}건입니다."),
    )  # fmt: skip


def said_each(x: float) -> str:
    """A per-seller count as every section says it: one decimal under 100 (37.5, not 38 here and
    37.5 in the territories), whole above it."""
    if 0 < x < 0.1:  # a rate below one a tenth is no 'about 0'
        return f"{x:.2f}"
    return (f"{x:,.1f}".removesuffix(".0") if x < 100 else f"{x:,.0f}") if x else "0"


def close_rate_needed(plan: Plan, a: PlanAnalysis) -> tuple[float, float, float, str] | None:
    """(the close rate used, the rate each seller's opportunities need, the opportunities a year
    the team needs beyond the funnel's at that rate, the stage they sit at) when the funnel feeds
    the sellers too few deals; None when it feeds enough."""
    sellers = quota_role(plan)
    fed = feed_numbers(plan, sellers, a)
    rate = a.funnel[-1].rate if a.funnel else None
    if fed is None or sellers is None or not rate or fed[1] >= fed[2] * 0.95:
        return None
    per_seller, makes, need = fed
    if not per_seller:  # no opportunities reach the sellers: no close rate can make the deals
        return None
    count = int(str(sellers["count"]))
    extra = (need - makes) * count / (rate / 100)
    return rate, min(100.0, need / per_seller * 100), extra, a.funnel[-2].stage


def rate_target(plan: Plan, a: PlanAnalysis) -> tuple[float, float, float, str] | None:
    """The close rate the plan must reach, when that is its fix: `close_rate_needed`, unless the
    plan's recommended fix is the lead goal that makes the customer goal (then the close rate
    stays what the plan uses, and no KPI or tactic asks for a higher one)."""
    if _lead_goal_recommended(plan, a):
        return None
    return close_rate_needed(plan, a)


def own_close_rate(plan: Plan) -> bool:
    """Whether the funnel's last rate is the user's own (else an industry default, said so)."""
    return any(
        plan.fact(f) is not None
        for f in ("sql_to_won_rate", "stage_rates", "lead_to_customer_rate")
    )


def rate_name(plan: Plan, rate: float) -> str:
    """'your 25%' or 'the assumed typical 25%' (Korean '계획상 25%' / '가정한 업계 일반값 25%')."""
    ko, own = plan.language == "ko", own_close_rate(plan)
    if ko:
        return f"계획상 {rate:g}%" if own else f"가정한 업계 일반값 {rate:g}%"
    return f"your {rate:g}%" if own else f"the assumed typical {rate:g}%"


def pipeline_decision(plan: Plan, a: PlanAnalysis) -> str:
    """The sales summary's decision when the funnel feeds the sellers too few deals: the close
    rate their opportunities need, or the opportunities to add from outside the funnel, by the
    SDRs the team names when it has them."""
    found = close_rate_needed(plan, a)
    if found is None:
        return ""
    rate, needed, extra, stage = found
    ko = plan.language == "ko"
    plural = stage + "s" if stage.isupper() else stage.lower()
    who = _outbound_room(plan, extra)
    if needed > 60:  # no close rate a sales team reaches makes it: more pipeline is the only lever
        return _t(
            ko,
            f"Add about {extra:,.0f} {plural} a year from outside the funnel{who[0] or ' (outbound, partners; say who brings them)'}: the funnel alone would need a close rate of about {min(needed, 100):.0f}%, which no sales team reaches.",
            fix_particles(f"퍼널 밖에서 {stage}을(를) 연 약 {extra:,.0f}건 더 확보해야 합니다{who[1] or '(아웃바운드, 파트너). 누가 가져올지도 정해야 합니다'}. 퍼널만으로는 수주율이 약 {min(needed, 100):.0f}%여야 해서 현실적이지 않습니다."),
        )  # fmt: skip
    raise_to = _lead_goal_recommended(plan, a)
    if raise_to:  # one fix through the plan: the marketing summary's lead goal, outbound meanwhile
        return _t(
            ko,
            f"Recommended: raise the lead goal to about {raise_to}, which feeds the sellers their deals at the plan's rates. Until the extra leads run at that pace, bring about {extra:,.0f} {plural} a year from outside the funnel{who[0] or ' (outbound, partners; say who brings them)'}. This is a stopgap until the extra leads arrive, not an addition to them.",
            fix_particles(f"리드 목표를 약 {raise_to}건으로 올리면 계획상 전환율로 담당자별 거래가 채워지므로 이를 권합니다. 늘어난 리드가 그 속도로 들어오기 전까지는 퍼널 밖에서 {stage}을(를) 연 약 {extra:,.0f}건의 속도로 채웁니다{who[1] or '(아웃바운드, 파트너). 누가 가져올지도 정해야 합니다'}. 늘어난 리드가 들어오기 전까지의 임시 보충이며, 리드에 더하는 것이 아닙니다."),
        )  # fmt: skip
    return _t(
        ko,
        f"Add about {extra:,.0f} {plural} a year from outside the funnel{who[0] or ' (outbound, partners; say who brings them)'}; or plan for a close rate of about {needed:.0f}% instead of {rate_name(plan, rate)}, carried by the tactics that move the win rate.",
        fix_particles(f"퍼널 밖에서 {stage}을(를) 연 약 {extra:,.0f}건 더 확보해야 합니다{who[1] or '(아웃바운드, 파트너). 누가 가져올지도 정해야 합니다'}. 아니면 수주율을 {rate_name(plan, rate)} 대신 약 {needed:.0f}%로 잡고, 이를 끌어올릴 전술로 뒷받침해야 합니다."),
    )  # fmt: skip


def _lead_goal_recommended(plan: Plan, a: PlanAnalysis) -> str:
    """The lead goal the marketing summary recommends when the funnel falls short of the customer
    goal (the lead goal x customers wanted / customers made: 900 x 70 / 60 = 1,050), formatted."""
    from assistant.analysis.plan_goals import recommended_leads
    from assistant.goals.numbers import format_amount

    need = recommended_leads(plan, a.funnel[-1].volume) if len(a.funnel) > 1 else None
    return format_amount(round(need), "", plan.language) if need else ""


def _outbound_room(plan: Plan, extra: float) -> tuple[str, str]:
    """Who could bring the extra opportunities: the SDRs (or BDRs) the team names, with what that
    asks of each a month."""

    sdr = next((r for r in team_roles(plan) if FIRST_TOUCH.search(str(r["role"]))), None)  # fmt: skip
    if sdr is None or int(str(sdr["count"])) <= 0:
        return "", ""
    each = extra / int(str(sdr["count"])) / 12
    return (
        f" (outbound by the {sdr['count']} {sdr['role']}, about {each:,.1f} more a month each)",
        f". {sdr['role']} {sdr['count']}명이 아웃바운드로 1인당 월 약 {each:,.1f}건씩 더 만들면 됩니다",
    )


def outbound_step(plan: Plan, a: PlanAnalysis) -> list[str] | None:
    """The sales strategy's proposed row for the summary's bridge when it falls to the SDRs and no
    step of the strategy prospects outbound yet: [step, who, stage, serves, KPI]."""
    from assistant.analysis.plan_goals import customer_goal

    found = close_rate_needed(plan, a)
    won = customer_goal(plan)
    if found is None or won is None:
        return None
    if re.search(
        r"outbound|cold|prospect|아웃바운드|콜드|발굴", plan.user_text("sales_strategy"), re.I
    ):
        return None
    _, _, extra, stage = found
    sdr = next((r for r in team_roles(plan) if FIRST_TOUCH.search(str(r["role"]))), None)
    if sdr is None or int(str(sdr["count"])) <= 0 or extra < 1:
        return None
    ko = plan.language == "ko"
    n = plan.goal_number(won[0])
    plural = stage + "s" if stage.isupper() else stage.lower()
    return [
        _t(ko, "Outbound to target accounts (proposed, to close the sellers' SQL gap)", "목표 고객사 아웃바운드(제안: 담당자별 SQL 부족분 보완)"),
        with_count(sdr, ko),
        _t(ko, "Prospecting", "발굴"),
        _t(ko, f"Goal {n}", f"목표 {n}"),
        _t(ko, f"{plural} from outbound: about {extra:,.0f} a year", f"아웃바운드 {stage}: 연 약 {extra:,.0f}건"),
    ]  # fmt: skip


def _quota_ratio(plan: Plan, quota: float, currency: str) -> tuple[float, str, str, str] | None:
    """(quota ÷ a seller's estimated yearly cost, that cost formatted, the usual multiple's low and
    high) when the quota is under half the usual multiple of it; None otherwise."""
    from assistant.analysis.sales_cost import estimate_sales_cost, quota_multiple
    from assistant.core.settings import get_settings

    est = estimate_sales_cost(plan, currency)
    usual = quota_multiple(str(get_settings().knowledge_dir), plan.language)
    if est is None or usual is None or not est.per_seller or quota / est.per_seller >= usual[0] / 2:
        return None
    low, high = (f"{x:g}" for x in usual)
    return quota / est.per_seller, format_amount(est.per_seller, currency, plan.language), low, high


def _base_case(plan: Plan, currency: str, a: PlanAnalysis) -> tuple[str, float] | None:
    """(a seller's new business at the funnel's yield and today's deal size, formatted; that
    over a seller's estimated yearly cost) when the plan has that lower case (the unit
    economics' base case), so the cover is said on both bases; None otherwise."""
    from assistant.analysis.plan_goals import deal_size
    from assistant.analysis.sales_cost import estimate_sales_cost
    from assistant.analysis.sales_cost_finding import full_cac_figures, full_cac_low_case
    from assistant.goals.numbers import about

    ue, cap = a.unit_economics, a.capacity
    est = estimate_sales_cost(plan, currency)
    size = deal_size(plan)
    if not cap.reps or est is None or not est.per_seller or size is None or full_cac_figures(ue) is None:  # fmt: skip
        return None
    low = full_cac_low_case(plan, ue)
    if low is None or not low.customers:
        return None
    each = about(low.customers / cap.reps * (low.today or size[0]))
    return format_amount(each, currency, plan.language), each / est.per_seller


def _verdict(ratio: float, base: float | None) -> tuple[str, str]:
    """Whether a seller's first-year new business covers their cost, said for the case each
    figure is (the goals' share; the funnel's yield at today's deal size when lower)."""
    if base is not None and base < 1 <= ratio:
        return (
            "a seller's first-year new business barely covers their cost at the goals, and does not at the funnel's yield and today's deal size",
            "목표대로면 담당자의 첫해 신규 매출이 비용을 겨우 넘고, 퍼널의 고객 수와 현재 거래 규모로는 비용에도 못 미칩니다",
        )
    if min(ratio, base if base is not None else ratio) < 1:
        return "at this deal size a seller's first-year new business does not cover their cost", "이 거래 규모로는 담당자의 첫해 신규 매출이 비용에도 못 미칩니다"  # fmt: skip
    return "at this deal size a seller's first-year new business barely covers their cost", "이 거래 규모로는 담당자의 첫해 신규 매출이 비용을 겨우 넘습니다"  # fmt: skip


def times(x: float) -> str:
    """A multiple as read against 1: '0.96' where one decimal would round it to 1.0, else '1.4'."""
    return f"{x:.2f}" if abs(x - 1) < 0.05 else f"{x:.1f}"


@dataclass(frozen=True)
class _Cover:
    """A seller's new business against their estimated yearly cost, on the goals' basis and, when
    lower, at the funnel's yield and today's deal size (`base`: that figure formatted, its ratio)."""

    ratio: float
    cost: str
    low: str
    high: str
    base: tuple[str, float] | None

    def verdict(self) -> tuple[str, str]:
        return _verdict(self.ratio, self.base[1] if self.base else None)


def _cover(plan: Plan, quota: float, currency: str, a: PlanAnalysis) -> _Cover | None:
    found = _quota_ratio(plan, quota, currency)
    if found is None:
        return None
    ratio, cost, low, high = found
    base = _base_case(plan, currency, a)
    return _Cover(
        ratio, cost, low, high, base if base is not None and base[1] < ratio - 0.05 else None
    )


def quota_risk(plan: Plan, a: PlanAnalysis) -> str:
    """The sales summary's risk when a seller's share of the goals' new business barely covers
    (or does not cover) the seller's estimated cost: far below the usual quota multiple. Said in
    one sentence; the team's structure gives the reasoning and the proposed quota."""
    from assistant.goals.numbers import about

    cap = a.capacity
    cur = a.unit_economics.currency
    if not cap.revenue_per_rep or not cur:
        return ""
    c = _cover(plan, cap.revenue_per_rep, cur, a)
    if c is None:
        return ""
    share = format_amount(about(cap.revenue_per_rep), cur, plan.language)
    short = c.ratio < 1  # the goals' share itself below the seller's own cost (the base case's
    # shortfall is said by its own figure: 'only about 0.96 times')
    if plan.language == "ko":
        ko_base = f", 퍼널의 고객 수와 현재 거래 규모로는 약 {times(c.base[1])}배(1인당 약 {c.base[0]})" if c.base else ""  # fmt: skip
        below = " 자기 비용도 채우지 못하며" if short else ""
        return f"목표 기준 담당자 1인의 연 신규 매출(약 {share})은 추정 연간 비용({c.cost})의 약 {c.ratio:.1f}배{ko_base}로{below}, 보통 할당량(목표 보상의 {c.low}~{c.high}배, 목표 보상은 이 비용의 절반~전부)과는 거리가 멉니다."  # fmt: skip
    en_base = f", and {'only ' if c.base[1] < 1 else ''}about {times(c.base[1])} times at the funnel's yield and today's deal size ({c.base[0]} each)" if c.base else ""  # fmt: skip
    below = ", short of their own cost" if short else ""
    both = "Both are" if c.base else "That is"
    return f"At the goals each seller would bring about {share} of new business a year, about {c.ratio:.1f} times their estimated yearly cost ({c.cost}){below}{en_base}. {both} far below what quotas usually ask: {c.low} to {c.high} times on-target earnings, which are half to all of that cost."  # fmt: skip


def quota_against_cost(plan: Plan, quota: float, currency: str) -> str:
    """A quota far below what quotas usually are against a seller's pay: with the seller's
    estimated yearly cost (pay and more) at the knowledge base's midpoint, new business under half
    the usual multiple of it is below the usual multiple of pay too (pay is half to all of the
    cost)."""
    from assistant.analysis.plan_analysis import analyse

    c = _cover(plan, quota, currency, analyse(plan))
    if c is None:
        return ""
    verdict_en, verdict_ko = c.verdict()
    if plan.language == "ko":
        said_ko = f"(퍼널의 고객 수와 현재 거래 규모로는 1인당 약 {c.base[0]}, 약 {times(c.base[1])}배)" if c.base else ""  # fmt: skip
        return (f"이는 담당자 1인의 추정 연간 비용({c.cost}, 보상과 그 밖의 비용)의 약 {c.ratio:.1f}배입니다{said_ko}. 할당량은 보통 목표 보상(이 비용의 절반~전부)의 {c.low}~{c.high}배이므로 그에 크게 못 미칩니다. "
                f"{verdict_ko}. 담당자를 늘리기 전에 1인당 거래 수나 거래 규모를 높여야 합니다. ")  # fmt: skip
    said = f", and about {times(c.base[1])} times at the funnel's yield and today's deal size ({c.base[0]} each)" if c.base else ""  # fmt: skip
    return (f"That is about {c.ratio:.1f} times a seller's estimated yearly cost ({c.cost}, pay and more){said}. Quotas usually run at {c.low} to {c.high} times on-target earnings (half to all of that cost), so this is far below: "
            f"{verdict_en}; raise deals per seller or the deal size before adding sellers. ")  # fmt: skip


def fed_per_seller(plan: Plan) -> float | None:
    """The deals one quota seller gets a year at the plan's rates: the funnel's, and the partner
    referrals the sales strategy hands straight to the sellers (as the capacity line counts)."""
    from assistant.analysis.plan_analysis import analyse

    sellers = quota_role(plan)
    fed = feed_numbers(plan, sellers, analyse(plan))
    return fed[1] + partner_deals_each(plan, sellers) if fed else None

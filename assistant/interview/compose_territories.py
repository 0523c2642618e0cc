"""Territories as a plan: sellers and new-customer targets per territory in proportion to what
was stated (with nothing stated, a pooled team until each territory's accounts are counted),
the load per seller against the team's and the funnel's, and the quota per territory."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.analysis.plan_analysis import customer_goal
from assistant.analysis.territory_list import territories
from assistant.core.lang import fix_particles, josa
from assistant.core.plan import Plan
from assistant.goals.numbers import format_amount
from assistant.interview.compose import _table
from assistant.interview.pipeline_feed import said_each
from assistant.interview.territory_abroad import abroad_note
from assistant.interview.territory_notes import (
    _partner_note,
    _self_serve_note,
    _territory_basis,
    population_basis,
)


def territories_markdown(plan: Plan) -> str:
    """Territories with sellers, new-customer targets and the load per seller; a stated target is
    kept and checked against the goal, a seller split nobody stated is marked as a proposal."""
    from assistant.interview.outlet_sections import outlet_territories_markdown

    if chain := outlet_territories_markdown(plan):  # a chain's regions hold its own outlets
        return chain
    found = territories(plan)
    if not found:
        return ""
    ko, lang = plan.language == "ko", plan.language
    sellers_stated = bool(found[0]["sellers_stated"])
    targets_stated = bool(found[0]["targets_stated"])
    has_targets = all(t["new_customers"] is not None for t in found)
    by_share = bool(found[0].get("shares_stated"))
    # the customer goal's own counter ('6,000명'); shoppers have no territory sellers
    goal = customer_goal(plan)
    unit = goal[0].frame.target.unit if goal and goal[0].frame and goal[0].frame.target else ""
    from assistant.interview.compose import sells_to_consumers

    counter = (unit if re.fullmatch(r"[가-힣]{1,2}", unit or "") else ("명" if sells_to_consumers(plan) else "곳")) if ko else ""  # fmt: skip
    no_sellers = all(t["sellers"] is None for t in found)
    population = found[0].get("population")
    if population is not None and not by_share and not no_sellers:
        return _provisional_markdown(plan, found, counter)
    rows, loads = [], []
    total_new = sum(float(str(t["new_customers"])) for t in found if t["new_customers"] is not None)
    for t in found:
        seller = t["sellers"]
        customers = t["new_customers"]
        # the share of the customers when the row has them (7 of 70 is 10%), else its basis'
        share = (
            f"{float(str(customers)) / total_new * 100:.0f}%"
            if customers is not None and total_new and not by_share
            else f"{float(str(t['share'])):.0f}%"
        )
        count = format_amount(float(str(customers)), counter, lang) if customers is not None else ""  # fmt: skip
        per = ""
        if isinstance(seller, int) and seller and isinstance(customers, int):
            loads.append((str(t["name"]), customers / seller))
            each = customers / seller
            per = (  # '30곳', as its row; '1,395' with its thousands
                (f"{each:,.0f}" if each >= 100 else f"{each:.1f}".rstrip("0").rstrip(".")) + counter
            )
        rows.append([str(t["name"]), str(seller) if seller is not None else "-",
                     f"{count} ({share})" if customers is not None else share] + ([per or "-"] if loads else []))  # fmt: skip
    tag = "(제안)" if ko else " (proposed)"
    head = (["지역", "영업 담당자" + ("" if sellers_stated else tag), "신규 고객 목표(비중)"]
            if ko else ["Territory", "Sellers" + ("" if sellers_stated else tag), "New customers (share)"])  # fmt: skip
    if loads:
        head.append("1인당" if ko else "Per seller")
        rows = [r + ["-"] if len(r) < len(head) else r for r in rows]
    if no_sellers:  # no quota sellers to place: the regions and their targets only
        head = [head[0], head[2]]
        rows = [[r[0], r[2]] for r in rows]
    basis = (
        ("지역별 목표는 지역별 매출 비중을 따릅니다." if ko
         else "Each region's target follows the share of revenue you stated.")
        if by_share
        else population_basis(plan)
        if population is not None
        else _territory_basis(ko, sellers_stated, targets_stated)
    )  # fmt: skip
    notes = [basis] if basis else []
    if targets_stated and has_targets and (goal := customer_goal(plan)):
        total, want = sum(int(str(t["new_customers"])) for t in found), round(goal[1])
        if total != want:
            notes.append(
                fix_particles(f"지역 목표 합계 {total:,}{counter or '곳'}이(가) 신규 고객 목표 {want:,}{counter or '곳'}과(와) {abs(total - want):,}{counter or '곳'} 차이 납니다.")
                if ko else f"The territory targets add up to {total:,}, {abs(total - want):,} {'short of' if total < want else 'above'} the goal of {want:,}."
            )  # fmt: skip
    notes += _partner_note(plan, ko)
    notes += _self_serve_note(plan, ko)
    notes += abroad_note(plan, [str(t["name"]) for t in found])
    if len(loads) > 1:
        # per seller across the whole team (180 customers over 6 sellers), not the mean of rows
        tl = territory_loads(plan)
        assert tl is not None  # two staffed territories or more, as `loads` has
        average, feeds, heavy, over = tl.average, tl.feeds, tl.heavy, tl.over
        light = min(loads, key=lambda x: x[1])
        c = counter or "곳"  # the rows' own counter ('7동' for a builder's houses)
        from assistant.interview.pipeline_feed import partner_deals_each, quota_role

        partnered = partner_deals_each(plan, quota_role(plan)) > 0
        partners_ko, partners_en = (
            ("에 파트너 추천까지 더하면", " and partner referrals") if partnered else ("로", "")
        )
        for name, load in over:  # more than the funnel feeds one seller at the plan's rates
            notes.append(
                fix_particles(f"{name}: 담당자 1인당 {load:,.0f}{c}(으)로, 계획의 리드·전환율{partners_ko} 담당자 1명에게 들어오는 약 {feeds:,.0f}{c}보다 많습니다. 이 지역의 파이프라인(파트너, 아웃바운드)을 따로 정해야 합니다.")
                if ko else f"{name}: {load:,.0f} new customers per seller, more than the plan's leads and rates{partners_en} feed one seller (about {feeds:,.0f}); give this territory its own pipeline (partners, outbound)."
            )  # fmt: skip

        # the team's one quota (110% of the plan's share) set per territory instead
        # a quota is never above what the pipeline feeds one seller: capped there (never below
        # the territory's own target), said so
        def capped(load: float) -> tuple[int, bool]:
            q, fed = quota_of(load), math.floor(feeds or 0)  # 37.5 fed: a quota of 37, not 38
            # never below the territory's own target (a load of 37.5 fed 37.9 keeps 38)
            return (
                (max(fed, math.ceil(load)), True)
                if feeds and load <= feeds and fed < q
                else (q, False)
            )

        # a capped quota says its 110% beside it, so the rule reads true for every figure
        by_region_ko = ", ".join(f"{n} {capped(c)[0]:,}{counter or '건'}" + (f"(110%면 {quota_of(c):,}{counter or '건'})" if capped(c)[1] else "") for n, c in loads)  # fmt: skip
        by_region_en = ", ".join(f"{n} {capped(c)[0]:,}" + (f" ({quota_of(c):,} at 110%)" if capped(c)[1] else "") for n, c in loads)  # fmt: skip
        any_cut = any(capped(c)[1] for _, c in loads)
        # the quotas' sum against the goal they over-assign (197 against 180: about 109%)
        heads_of = {str(t["name"]): t["sellers"] for t in found if isinstance(t["sellers"], int)}
        quota_sum = sum(capped(c)[0] * int(heads_of.get(n, 0) or 0) for n, c in loads)
        goal_sum = average * sum(int(heads_of.get(n, 0) or 0) for n, _ in loads)
        # the sum is the quotas' against the territories' targets they over-assign (the table's
        # sum, which the section checks against the goal apart), said as a sentence of its own
        sum_ko = sum_en = ""
        if quota_sum and goal_sum:
            pct = f"{quota_sum / goal_sum * 100:.0f}%"
            sum_ko = f" 할당량 합계는 {quota_sum:,}{counter or '건'}으로 지역 목표 합계 {goal_sum:,.0f}{counter or '건'}의 약 {pct}입니다."
            sum_en = f" The quotas add up to {quota_sum:,}, about {pct} of the territories' {goal_sum:,.0f}."
        # a feed of 37.5 is said as it is beside a quota capped at 37 ('약 38' read as above it)
        fed_said = said_each(feeds) if feeds else ""
        # with partner referrals on top of the funnel's customers, the feed says its sum, so the
        # targets that include partners and a feed that adds them read as one arithmetic
        fed_sum = ""
        sellers = quota_role(plan)
        heads = int(str(sellers["count"])) if sellers else 0
        if partnered and feeds and heads:
            from assistant.analysis.plan_goals import partner_customers

            brought = partner_customers(plan)
            if brought:
                funnel_n = feeds * heads - brought[0]
                both = funnel_n + brought[0]
                # a supply above the goal (whose targets count the partners' customers) is said
                # as one, so the two sums never read as two readings of the goal
                won = customer_goal(plan)
                goal_n = (
                    won[1] if won else average * heads
                )  # the customer goal, not the table's sum
                more_ko = (
                    f", 목표 {goal_n:,.0f}{c}보다 {both - goal_n:,.0f}{c} 많음"
                    if both > goal_n * 1.02
                    else ""
                )
                more_en = (
                    f", {both - goal_n:,.0f} more than the goal's {goal_n:,.0f}"
                    if both > goal_n * 1.02
                    else ""
                )
                fed_sum = (f"(들어오는 양: 퍼널이 만드는 {funnel_n:,.0f}{c} + 퍼널 밖 파트너 추천 {brought[0]:,.0f}{c} = {both:,.0f}{c}{more_ko}, {heads}명)" if ko
                           else f" ({funnel_n:,.0f} from the funnel + {brought[0]:,.0f} partner referrals outside it = {both:,.0f}{more_en}, over {heads} sellers)")  # fmt: skip
        for name, load in [h for h in heavy if h not in over]:
            above = f"{load / average * 100 - 100:.0f}%"
            if feeds:  # the pipeline can fill it: a quota question
                quota_ko = (f"110%로 잡되, 1인당 들어오는 양(약 {fed_said}{c})을 넘는 지역은 그 양까지로 낮추는 것을 권합니다: {by_region_ko}." if any_cut else f"110%({by_region_ko})로 잡는 것을 권합니다.") + sum_ko  # fmt: skip
                quota_en = (f", capped at what the pipeline feeds one seller: {by_region_en}." if any_cut else f" ({by_region_en}).") + sum_en  # fmt: skip
                notes.append(
                    fix_particles(f"{name}: 담당자 1인당 {load:,.0f}{c}(으)로 팀 평균 {average:,.0f}{c}보다 {above} 많습니다. 계획의 리드·전환율{partners_ko} 1인당 약 {fed_said}{c}{fed_sum}{josa(c, '이')[len(c):]} 들어오므로 채울 수는 있지만, 모두 같은 할당량이라면 이 지역 담당자의 부담이 가장 큽니다. 할당량은 위 표의 지역별 1인당 목표의 {quota_ko}")
                    if ko else f"{name}: {load:,.0f} new customers per seller, {above} above the team's {average:,.0f}. The plan's leads and rates{partners_en} feed about {fed_said} per seller{fed_sum}, so it can be filled, but on one quota for all this seller carries the most. Recommended: quotas at 110% of each territory's per-seller target in the table{quota_en}"
                )  # fmt: skip
                continue
            # the lightest territory's seller is who could share it
            nearby = light[1] < average * 0.95 and light[0] != name
            notes.append(
                fix_particles(f"{name}: 담당자 1인당 {load:,.0f}{c}(으)로 팀 평균 {average:,.0f}{c}보다 {above} 많습니다. 담당자를 늘리거나 목표 일부를 옮겨야 합니다"
                + (f"(1인당 {light[1]:,.0f}{c}인 {light[0]} 담당자가 인접 고객을 나눠 맡는 방법도 있음)." if nearby else "."))
                if ko else f"{name}: {load:,.0f} new customers per seller, {above} above the team's {average:,.0f}; add a seller or move part of the target"
                + (f" ({light[0]}, at {light[1]:.0f} per seller, could take the accounts nearest it)." if nearby else ".")
            )  # fmt: skip
    # the basis (how the targets were set) in italics first; targets the plan states need none
    said = "\n".join(f"_{n}_" if i == 0 and basis else f"- {n}" for i, n in enumerate(notes))
    return _table(head, rows) + ("\n\n" + said if said else "")


@dataclass(frozen=True)
class TerritoryLoads:
    """Each staffed territory's new customers per seller against the team's and what the funnel
    feeds one seller: `over` needs its own pipeline, `heavy` (well above the team) a quota of its
    own when the pipeline can fill it."""

    loads: list[tuple[str, float]]
    average: float  # the whole team's per seller (180 customers over 6), not the rows' mean
    feeds: float | None  # the deals one seller gets a year at the plan's rates
    heavy: list[tuple[str, float]]
    over: list[tuple[str, float]]


def territory_loads(plan: Plan) -> TerritoryLoads | None:
    """The territories' loads, or None with fewer than two staffed territories."""
    from assistant.interview.pipeline_feed import fed_per_seller

    found = territories(plan)
    if found and found[0].get("population") is not None and not found[0].get("shares_stated"):
        return None  # a population stand-in sets no territory's load or quota
    staffed = [t for t in found if isinstance(t["sellers"], int) and t["sellers"] and isinstance(t["new_customers"], int)]  # fmt: skip
    if len(staffed) < 2:
        return None
    loads = [(str(t["name"]), int(str(t["new_customers"])) / int(str(t["sellers"]))) for t in staffed]  # fmt: skip
    average = sum(int(str(t["new_customers"])) for t in staffed) / sum(int(str(t["sellers"])) for t in staffed)  # fmt: skip
    feeds = fed_per_seller(plan)
    # a territory above the others and above what the funnel feeds one seller (when every
    # territory is, the plan's shortfall per seller is said once, in the sales strategy)
    # (when the funnel feeds every seller less than the team's load, that shortfall is said
    # once; a territory is named only when it is well above the team: rounding is no load)
    margin = 1.15 if feeds and feeds < average else 1.05
    over = [(n, c) for n, c in loads if feeds and c > feeds * 1.05 and c > average * margin]
    heavy = [(n, c) for n, c in loads if c > average * 1.15]
    return TerritoryLoads(loads, average, feeds, heavy, over)


def quota_by_territory(plan: Plan) -> bool:
    """Whether the territories recommend a quota per territory (a territory well above the team's
    load that the pipeline can still fill): the team's one proposed quota then points to it."""
    tl = territory_loads(plan)
    return tl is not None and bool(tl.feeds) and any(h not in tl.over for h in tl.heavy)


def quota_of(share: float) -> int:
    """A seller's quota at 110% of their share of the goal, rounded half up the same way for every
    figure (38.5 -> 39, 27.5 -> 28), so a reader's own 110% gives the same numbers."""
    return int(share * 1.1 + 0.5)


def _provisional_markdown(plan: Plan, found: list[dict[str, object]], counter: str) -> str:
    """Territories with nothing stated per territory: no split is guessed (a population share is
    no B2B territory's potential). Each territory's sellers and target follow its count of
    target accounts, by a date and an owner; until then the sellers work as one pooled team,
    each carrying the same share of the goal."""
    from assistant.analysis.lists import sales_lead
    from assistant.analysis.plan_goals import plan_year

    ko, lang = plan.language == "ko", plan.language
    names = [str(t["name"]) for t in found]
    year, lead = plan_year(plan), sales_lead(plan, ko)
    goal = customer_goal(plan)
    reps = sum(int(str(t["sellers"])) for t in found if isinstance(t["sellers"], int))
    share = (f" 신규 고객 목표 {format_amount(goal[1], counter, lang)}의 지역별 몫은" if ko else f" and share of the {goal[1]:,.0f} new customers") if goal else ""  # fmt: skip
    notes = [
        f"지역별 담당자와 목표가 정해지지 않았으므로 임의로 나누지 않음: 지역별 담당자 수와{share} 그 지역의 목표 고객사 수에 비례해 정함. {year}년 1월 말까지 {lead}이(가) 지역별 목표 고객사 수(CRM이나 기업 DB)를 셈."
        if ko
        else f"Sellers and targets per territory are not stated, so none is guessed here: each territory's sellers{share} follow its count of target accounts, which the {lead} takes by the end of January {year} (CRM or a company database)."
    ]  # fmt: skip
    if goal and reps:
        each = goal[1] / reps
        joined = ", ".join(names) if ko or len(names) < 2 else ", ".join(names[:-1]) + " and " + names[-1]  # fmt: skip
        notes.append(
            f"그때까지 담당자 {reps}명은 {joined}을(를) 한 팀으로 맡아 새 리드를 차례로 배정받고, 1인당 같은 몫을 맡음: 신규 고객 {format_amount(goal[1], counter, lang)} ÷ {reps}명 = 약 {each:.0f}{counter}(할당량은 영업팀 구조 참고)."
            if ko
            else f"Until then the {reps} sellers work {joined} as one pooled team, new leads assigned in turn, each carrying the same share of the {goal[1]:,.0f} new customers, about {each:.0f} (the quota is in the team structure)."
        )  # fmt: skip
        notes.append(
            f"고객사 수를 센 뒤, 담당자 1인당 몫(약 {each:.0f}{counter})을 채우기에 고객사가 적은 지역은 따로 담당자를 두지 않고 인접 지역 담당자가 함께 맡음."
            if ko
            else f"After the count, a territory whose target accounts are too few to yield one seller's share of new customers (about {each:.0f}) gets no seller of its own: the nearest territory's sellers cover it."
        )  # fmt: skip
    notes += _self_serve_note(plan, ko)
    notes += abroad_note(plan, names)
    said = "\n".join(f"_{n}_" if i == 0 else f"- {n}" for i, n in enumerate(notes))
    return fix_particles(said) if ko else said

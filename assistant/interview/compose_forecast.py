"""The sales forecast the user states ('$4.9M in Q1, … $20.8M in total', '1분기 13억 원 …') as a
table by quarter, its sum checked against the stated total, and set against the revenue goal
and the revenue bridge's landing (like for like: a year's revenue against a year's goal)."""

from __future__ import annotations

import re

from assistant.analysis.market import freeze_forecast_note, quarter_weights
from assistant.analysis.plan_analysis import PlanAnalysis, plan_year, revenue_goal
from assistant.analysis.plan_goals import plan_year as _yr
from assistant.analysis.revenue_bridge import (
    in_year_landing,
    in_year_parts,
    in_year_quarters,
    opening_from_q1,
    opening_needed,
)
from assistant.analysis.stated_forecast import (
    QUARTER_EN,
    QUARTER_KO,
    opening_above_base,
    peak_mismatch,
    peaks_in_even_steps,
    stated_quarters,
    step_mismatch,
)
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose import _table
from assistant.interview.forecast_proposal import (
    Proposal,
    _earned,
    earned_in_year,
    opening_pipeline,
    proposal,
    upsell_only,
)


def stated_forecast_markdown(plan: Plan, analysis: PlanAnalysis) -> str:
    text = plan.user_text("sales_forecast")
    rev = revenue_goal(plan)
    quarters = stated_quarters(text, rev[2] if rev is not None else "")
    if len(quarters) < 2:
        return proposed_forecast_markdown(plan, analysis) if not text.strip() else ""
    ko, lang = plan.language == "ko", plan.language
    cur = quarters[0][2]
    total = sum(v for _, v, _ in quarters)
    money = lambda v: format_amount(v, cur, lang)  # noqa: E731
    year = plan_year(plan)
    rows = [[f"{year}년 {q}분기" if ko else f"Q{q} {year}", money(v)] for q, v, _ in quarters]
    rows.append(["합계" if ko else "Total", money(total)])
    head = ["분기", "예상 매출"] if ko else ["Quarter", "Expected revenue"]
    # beside the stated quarters, the plan's own arithmetic by quarter: the revenue bridge's
    # year with customers joining evenly (a corrected forecast to set against the stated one)
    bridged = in_year_quarters(plan, analysis.revenue) if len(quarters) == 4 and (rev is None or rev[2] == cur) else None  # fmt: skip
    if bridged is not None:
        head.append(
            # a comparison, not a second forecast: named for the opening it assumes
            "비교: 작년 매출에서 출발한 브리지(고르게 계약)"
            if ko
            else "For comparison: the bridge from last year's revenue (even signing)"
        )
        for row, v in zip(rows, [*bridged, sum(bridged)], strict=True):
            row.append(money(about(v)))
    parts = [_table(head, rows)]
    if bridged is not None:
        parts.append(_bridge_parts_table(plan, analysis, money))
    checks: list[str] = []
    if rev is not None and rev[2] == cur and len(quarters) == 4:
        gap = rev[1] - total
        if abs(gap) > rev[1] * 0.005:
            checks.append(
                (f"예상 매출 합계 {money(total)}는 매출 목표 {money(rev[1])}보다 {money(abs(gap))} "
                 + ("적습니다. 목표를 조정하거나 차이를 메울 활동을 계획해야 합니다." if gap > 0 else "많습니다."))
                if ko else
                (f"The forecast totals {money(total)}, {money(abs(gap))} "
                 + (f"short of the {money(rev[1])} revenue goal: close the gap or restate the goal." if gap > 0
                    else f"above the {money(rev[1])} revenue goal."))
            )  # fmt: skip
        br = analysis.revenue
        in_year = in_year_landing(plan, br)
        opened = opening_above_base(plan, br.base)
        if in_year is not None and opened and br.base:
            opening = opened[1]
            # the bridge's in-year figure is the table's own column when shown: not said again
            said_ko = (
                ""
                if bridged
                else f" 작년 매출에서 출발해 고객이 고르게 들어오면 {_yr(plan)}년 매출은 약 {money(about(in_year))}입니다."
            )
            said_en = (
                ""
                if bridged
                else f" Starting from last year's revenue with customers joining evenly, {_yr(plan)} revenue is about {money(about(in_year))}."
            )
            # the first quarter already runs above last year's revenue: the year opens higher than
            # the base, so the in-year figure would rest on a wrong opening; ask for it instead
            # the opening the goal needs is the figure to confirm: last year's revenue is its
            # average, so budget and hiring follow the measured opening, not last year's level
            need = opening_needed(plan, br)
            if need is not None and rev is not None:
                goal_ko = f"분기 예측 합계 {money(total)}은(는) 목표와 같고, " if abs(gap) <= rev[1] * 0.005 else f"매출 목표 {money(rev[1])}은(는) "  # fmt: skip
                goal_en = f"The quarters' {money(total)} meets the goal" if abs(gap) <= rev[1] * 0.005 else f"The {money(rev[1])} goal is met"  # fmt: skip
                checks.append(
                    fix_particles(f"{goal_ko}연초 연환산 매출(12월 월 매출 × 12)이 약 {money(about(need))}일 때 달성됩니다. 1분기 {money(quarters[0][1])}(연환산 {money(opening)})도 작년 매출 {money(br.base)}보다 높게 시작한다는 같은 전제입니다. 권장: 예산과 채용은 작년 매출에서 출발한 약 {money(about(in_year))}에 맞추고, 승인 전에 최근 월 매출 × 12로 추정한 연초 연환산 매출이 약 {money(about(need))} 이상이면(1월에 12월 실적으로 확정) {money(total)} 기준으로 올립니다.")
                    if ko else f"{goal_en} if the year opens at about {money(about(need))} a year (December's revenue × 12); Q1 at {money(quarters[0][1])} ({money(opening)} a year) assumes the same, above last year's {money(br.base)}. Recommended: budget and hiring follow the about {money(about(in_year))} that starts from last year's revenue, and move to the quarters' {money(total)} once the opening run-rate, estimated before sign-off from the latest month's revenue × 12 (confirmed in January), reaches about {money(about(need))}."
                )  # fmt: skip
            else:
                checks.append(
                    fix_particles(f"예산과 채용은 작년 매출 {money(br.base)}에서 출발한 {money(about(in_year))}에 맞춥니다.{said_ko} 분기 예측 {money(total)}은(는) 1분기 {money(quarters[0][1])}(연환산 {money(opening)})처럼 작년보다 높게 시작한다는 전제의 목표로, 1월에 12월 월 매출 × 12로 연초 규모를 확인한 뒤 확정합니다.")
                    if ko else f"Budget and hiring follow the {money(about(in_year))} that starts from last year's {money(br.base)}.{said_en} The quarters' {money(total)} is the target if the year opens as Q1 assumes ({money(quarters[0][1])}, {money(opening)} a year); December's revenue × 12, measured in January, confirms it."
                )  # fmt: skip
        elif in_year is not None and abs(in_year - total) > total * 0.02:
            # the quarters are this year's revenue: the bridge's like-for-like figure is what the
            # year brings when customers join, leave and expand evenly through it
            checks.append(
                fix_particles(f"연초 연환산 매출을 작년 매출 {money(br.base)}(으)로 보고 고객이 한 해 동안 고르게 들어오고 나가면 {_yr(plan)}년 매출은 약 {money(about(in_year))}(으)로, 분기 예측 합계보다 {money(abs(total - about(in_year)))} {'적습니다' if in_year < total else '많습니다'}. 신규 계약 시점을 앞당기거나 분기 예측을 고쳐야 합니다.")
                if ko else f"Taking last year's {money(br.base)} as the year's opening run-rate, and customers joining, leaving and expanding evenly through the year, {_yr(plan)} revenue comes to about {money(about(in_year))}, {money(abs(total - about(in_year)))} {'below' if in_year < total else 'above'} the quarters' total: win deals earlier or restate the quarters."
            )  # fmt: skip
        elif br.base is not None and br.gap is not None and br.goal is not None:
            landed = br.goal - br.gap
            if abs(landed - total) > total * 0.02:
                checks.append(
                    f"매출 브리지(기준 - 이탈 + 신규 + 확장)로는 {money(landed)}입니다. 두 수치를 맞춰야 합니다."
                    if ko else f"The revenue bridge (base - churn + new + expansion) lands at {money(landed)}; reconcile the two."
                )  # fmt: skip
    from assistant.analysis.revenue_models import model_of

    br = analysis.revenue
    # a season the user states ('Q4 peak season is ~30% of the year') makes no quarter a run-rate
    seasonal = _SEASON.search(plan.user_text("sales_forecast")) is not None
    if model_of(plan) == "subscription" and len(quarters) == 4 and br.goal and br.gap is not None and (rev is None or rev[2] == cur) and not seasonal:  # fmt: skip
        # like for like: the last quarter's run-rate (x 4) is a year-end level, as the bridge's is
        run_rate, landed = quarters[-1][1] * 4, br.goal - br.gap
        opened = opening_above_base(plan, br.base) if br.base else None
        if opened and br.base:
            # the year opens above last year's revenue (Q1 says so): the bridge from that opening
            # ends higher too, and a Q4 between the two is no error, only the opening to confirm
            rate = (br.churn_rate_annual or 0.0) / 100
            # the opening Q1 implies (Q1 x 4 less Q1's own share of the year's new business)
            start = opening_from_q1(opened[0], br) or opened[1]
            from_open = landed + (start - br.base) * (1 - rate)
            if landed * 0.95 <= run_rate <= from_open * 1.05:
                table = in_year_quarters(plan, br)
                # the bridge's own Q4 from that opening (its churn grows with the base): the
                # figure set beside the forecast's Q4, a quarter against a quarter
                lost = (br.churned or 0.0) * start / br.base
                opened_parts = in_year_parts(
                    plan, br.model_copy(update={"base": start, "churned": lost})
                )
                oq4 = sum(opened_parts[-1]) if opened_parts else None
                checks.append(_opening_check(plan, quarters[-1][1], landed, (start, start - br.base, rate), money, about(table[-1]) if table else None, oq4))  # fmt: skip
            elif abs(run_rate - landed) > landed * 0.05:
                checks.append(_run_rate_check(plan, quarters[-1][1], landed, money, total))
        elif abs(run_rate - landed) > landed * 0.05:
            checks.append(_run_rate_check(plan, quarters[-1][1], landed, money, total))
    flat = peak_mismatch(text, quarters, model_of(plan) == "subscription")
    if flat:
        names = ", ".join((f"{q}분기" if ko else f"Q{q}") for q in flat)
        checks.append(
            f"계획은 {names}에 계약이 몰린다고 보지만 예측에서는 {names} 매출이 다른 분기 평균보다 높지 않습니다. 분기 예측을 그 흐름에 맞춰야 합니다."
            if ko else f"The plan expects deals to peak in {names}, but the forecast does not put {names} above the other quarters' average: shape the quarters to the peaks."
        )  # fmt: skip
    if model_of(plan) == "subscription":
        even = step_mismatch(text, quarters)
        if even:
            qs = [f"{q}분기" if ko else f"Q{q}" for q in even]
            names = ("와 ".join(qs) if ko else " and ".join(qs)) if len(qs) == 2 else ", ".join(qs)
            checks.append(
                f"계획은 {names}에 계약이 몰린다고 보지만, 예측에서 그 다음 분기로 늘어나는 매출이 다른 분기보다 크지 않습니다. 구독 매출은 계약이 몰린 분기 뒤에 더 크게 늘어야 하니 분기 예측을 그 흐름에 맞춰야 합니다."
                if ko else f"The plan expects most contracts to be signed in {names}, but the forecast's step into the following quarter is no bigger than the others: subscription revenue should rise most after the quarters that sign the most. Shape the quarters to that."
            )  # fmt: skip
        elif peaks := peaks_in_even_steps(text, quarters):
            qs = [f"{q}분기" if ko else f"Q{q}" for q in peaks]
            names = ("와 ".join(qs) if ko else " and ".join(qs)) if len(qs) == 2 else ", ".join(qs)
            checks.append(fix_particles(
                f"분기 매출이 고르게 늘어도 {names}에 계약이 몰린다는 전제와 맞습니다. 분기 중간에 맺은 계약은 늘어나는 매출의 절반이 그 분기에, 나머지 절반이 다음 분기에 잡히므로, 한 분기에 늘어나는 매출은 그 분기와 전 분기 신규 계약의 절반씩입니다. 계약이 많은 분기와 적은 분기가 번갈아 오면 그 합은 분기마다 같습니다."
                if ko else f"Even quarterly rises fit the peaks in {names}. A contract signed mid-quarter adds half its revenue in its own quarter and the other half in the next, so each quarter's rise is half of its own new contracts plus half of the quarter before's; when busy and quiet quarters alternate, that sum is the same every quarter."
            ))  # fmt: skip
    if checks:
        parts.append("\n".join(f"- {c}" for c in checks))
    notes = [
        s.strip()
        for s in re.split(r"(?<=[.!?。])\s+|\n+", text)
        if s.strip() and not (QUARTER_EN.search(s) or QUARTER_KO.search(s))
    ]
    if notes:
        parts.append(
            f"**{'예측의 전제' if ko else 'What the forecast assumes'}:** " + " ".join(notes)
        )
    return "\n\n".join(parts)


def proposed_forecast_markdown(plan: Plan, analysis: PlanAnalysis) -> str:
    """The proposal as a table, marked as proposed, with the gap to the goal said once."""
    from assistant.analysis.rate_words import rates_short

    p = proposal(plan, analysis)
    if p is None:  # a chain that opens outlets: its new outlets by quarter
        from assistant.interview.outlet_sections import outlet_forecast_markdown

        return outlet_forecast_markdown(plan, analysis)
    ko, lang = plan.language == "ko", plan.language
    year = plan_year(plan)
    money = lambda v: format_amount(v, p.currency, lang)  # noqa: E731
    count = lambda v: format_amount(v, "", lang)  # noqa: E731
    funnel, start, per, goal, total = p.from_funnel, p.start, p.per, p.goal, p.total
    even = quarter_weights(plan) == [3.0, 3.0, 3.0, 3.0]
    placed = "spread evenly over the four quarters" if even else "placed around the buyers' year-end freeze"  # fmt: skip
    quarter = lambda q: f"{year}년 {q + 1}분기" if ko else f"Q{q + 1} {year}"  # noqa: E731
    # a rising deal size is shown per quarter, so each row's product can be checked
    rows = [
        [quarter(q), count(n), *([count(p.path[q])] if funnel else []),
         *([money(p.sizes[q])] if start and not p.flat else []), money(n * p.sizes[q])]
        for q, n in enumerate(p.counts)
    ]  # fmt: skip
    new_total = p.new_business
    rows.append(["합계" if ko else "Total", count(total), *([count(goal)] if funnel else []), *([money(round(new_total / total))] if start and not p.flat else []), money(new_total)])  # fmt: skip
    head = ["분기", "신규 고객(예측)" if funnel else "신규 고객"] if ko else ["Quarter", "New customers (forecast)" if funnel else "New customers"]  # fmt: skip
    if funnel:
        head.append("목표 경로" if ko else "Goal path")
    if start and not p.flat:  # a deal size that changes by quarter is shown per quarter
        head.append("거래 규모" if ko else "Deal size")
    # the contracts' value for a year (bookings), not the revenue they earn in the plan's year
    head.append("신규 계약의 연간 가치" if ko else "New contracts' value a year")
    upsell = upsell_only(plan) if p.flat else None
    rising = (
        (f"계약은 현재 거래 규모 {money(start)}로 잡았습니다(계획대로 목표 {upsell}번의 추가 옵션을 계약 뒤에 팔면 고객당 매출은 오르지만 계약 금액은 그대로이고, 목표 섹션의 권고대로 제안서에 넣으면 계약 금액에 들어갑니다). " if ko
         else f"signed at today's {money(start)} a deal (goal {upsell}'s upsell comes after the sale as the plan runs it: it raises revenue per account, not the deals signed; offered in the proposal, as the goals section recommends, it counts in the deals signed). ")
        if start and p.flat else
        (f"고객당 연 매출을 {money(start)}에서 {money(per)}까지 분기마다 올려 곱했습니다. " if ko
         else f"with the deal size rising from {money(start)} to {money(per)} by the last quarter. ")
        if start else
        (fix_particles(f"고객당 연 매출 {money(per)}을(를) 곱했습니다. ") if ko else f"at {money(per)} a year each. ")
    )  # fmt: skip
    if funnel:
        lead = (
            f"제안: 분기별 예측이 아직 없어 계획의 퍼널로 계산했습니다. 리드 목표의 속도와 {rates_short(analysis, True)}로 나오는 신규 고객 약 {count(total)}곳을 네 분기에 {'고르게 ' if even else '고객의 연말 도입 중단 시기에 맞춰 '}나누고 "
            + rising + f"목표 {count(goal)}곳의 경로를 옆에 두었습니다. 파이프라인을 보고 분기별 수치로 바꿔야 합니다."
            if ko else
            f"Proposed: with no quarterly forecast yet, this is what the plan's funnel makes: the lead goal's pace at {rates_short(analysis, False)} gives about {total:,} new customers, {placed}, "
            + rising + f"The goal's path to {goal:,} is shown beside it. Replace it with your pipeline's view by quarter."
        )  # fmt: skip
    else:
        lead = (
            f"제안: 분기별 예측이 아직 없어 계획의 목표로 계산했습니다. 신규 고객 {count(total)}곳을 네 분기에 {'고르게 ' if even else '고객의 연말 도입 중단 시기에 맞춰 '}나누고 "
            + rising + "파이프라인을 보고 분기별 수치로 바꿔야 합니다."
            if ko else
            f"Proposed: with no quarterly forecast yet, this is the plan's own goal: {total:,} new customers {placed}, "
            + rising + "Replace it with your pipeline's view by quarter."
        )  # fmt: skip
    lead += freeze_forecast_note(plan, year)
    parts = [lead, _table(head, rows)]
    # the quarters are an assumption with a reason: say it, what it takes and when it fails
    parts.append("-" + _opening_pipeline_note(plan, analysis, p, year))
    full = goal * per
    if funnel:  # the gap said once: customers and money against the goals' new business
        why = (
            ("고객 수가 적고 계약이 현재 거래 규모이기 때문" if p.flat else "고객 수가 적고 거래 규모가 한 해 동안 오르기 때문" if start else "고객 수가 적기 때문")
            if ko else
            ("fewer customers, signed at today's deal size" if p.flat else "fewer customers, and a deal size that rises through the year" if start else "fewer customers")
        )  # fmt: skip
        if p.flat and start and goal > total and per > start:
            # the gap in its two parts, each with what closes it: fewer customers (the lead
            # decision) and today's deal size (the deal-size goal, sold after the sale)
            volume, price = (goal - total) * start, goal * (per - start)
            by = f"목표 {upsell}번" if ko else f"goal {upsell}"
            parts.append(
                f"- 목표 대비: 신규 고객 {count(goal)}곳 중 {count(total)}곳, 신규 매출 {money(new_total)}(으)로 목표의 신규 매출 {money(full)}({count(goal)}곳 × {money(per)})보다 {money(full - new_total)} 적습니다. "
                f"고객이 {count(goal - total)}곳 적은 몫이 {money(volume)}(현재 거래 규모 {money(start)} 기준), 계약이 {money(per)}가 아니라 현재 거래 규모인 몫이 {money(price)}({count(goal)}곳 × {money(per - start)})입니다. "
                f"앞의 것은 영업 요약의 '승인 전에 정할 것'(리드 목표)이 메웁니다. 뒤의 것은 {f'{by}의 추가 옵션' if upsell else '거래 규모 목표의 추가 판매'}을(를) 계획대로 계약 뒤에 팔면 확장 매출로 들어오고, 목표 섹션의 권고대로 제안서에 넣으면 계약 금액에 들어옵니다."
                if ko
                else f"- Against the goal: {total:,} of the {goal:,} customers, and {money(new_total)} of new business against the goals' {money(full)} ({goal:,} × {money(per)}), {money(full - new_total)} less. "
                f"Of that, {money(volume)} is the {goal - total:,} fewer customers (at today's {money(start)}) and {money(price)} is signing at today's size instead of {money(per)} ({goal:,} × {money(per - start)}). "
                f"The lead decision before sign-off in the sales summary closes the first. The second is {by if upsell else 'the deal-size goal'}'s upsell: sold after the sale as the plan runs it, it comes in as expansion revenue; offered in the proposal, as the goals section recommends, it counts in the deals signed."
            )  # fmt: skip
        else:
            parts.append(
                f"- 목표 대비: 신규 고객 {count(goal)}곳 중 {count(total)}곳, 신규 매출 {money(new_total)}(으)로 목표의 신규 매출 {money(full)}({count(goal)}곳 × {money(per)})보다 {money(full - new_total)} 적습니다({why}). 영업 요약의 '승인 전에 정할 것'이 이 차이를 메울 방법입니다."
                if ko
                else f"- Against the goal: {total:,} of the {goal:,} customers, and {money(new_total)} of new business against the goals' {money(full)} ({goal:,} × {money(per)}), {money(full - new_total)} less ({why}). The decisions before sign-off in the sales summary are the ways to close this gap."
            )  # fmt: skip
    elif start:  # one figure per concept: say why this total differs from the revenue bridge's
        parts.append(
            f"- 매출 브리지는 신규 고객 {count(total)}곳을 모두 목표 거래 규모 {money(per)}로 산정합니다({money(full)}). 이 예측은 " + ("계약을 현재 거래 규모로 잡아" if p.flat else "거래 규모가 한 해 동안 오르는 것을 반영해") + f" {money(new_total)}입니다."
            if ko
            else f"- The revenue bridge counts all {total:,} at the {money(per)} deal-size goal ({money(full)}); this forecast " + ("signs them at today's deal size" if p.flat else "lets the deal size rise through the year") + f", so it totals {money(new_total)}."
        )  # fmt: skip
    # a subscription's contracts signed through the year earn part of their year's value in it:
    # each quarter's signed mid-quarter (10.5, 7.5, 4.5 and 1.5 months of the year left)
    from assistant.analysis.revenue_models import model_of

    if model_of(plan) == "subscription" and len(p.counts) == 4:
        earned = _earned(p)
        parts.append(
            f"- 이 계약이 {year}년에 인식되는 매출은 약 {money(about(earned))}입니다(분기 중간에 계약한다고 보고 남은 개월만큼). 연간 가치 {money(new_total)}은(는) 계약 금액이지 {year}년 매출이 아닙니다."
            if ko
            else f"- These contracts earn about {money(about(earned))} of revenue in {year} (each quarter's signed mid-quarter, counted for the months left); the {money(new_total)} is their value a year, not {year} revenue."
        )
    return fix_particles("\n\n".join(parts)) if ko else "\n\n".join(parts)


def roi_in_year_note(plan: Plan, analysis: PlanAnalysis) -> str:
    """A subscription's return comes over the contracts' years: the revenue the expected ROI
    means, against what the year's new contracts earn within the plan year (and against the
    budget itself when they earn less)."""
    from assistant.analysis.plan_analysis import roi_percent, roi_text

    b = plan.budget
    earned = earned_in_year(plan, analysis)
    if not b.total or not b.expected_roi or earned is None:
        return ""
    returned = b.total * (1 + roi_percent(b.expected_roi, roi_text(plan)) / 100)
    if earned >= returned * 0.9:
        return ""
    ko, lang, year = plan.language == "ko", plan.language, plan_year(plan)
    money = lambda v: format_amount(v, b.currency, lang)  # noqa: E731
    got, back, cost = money(about(earned)), money(about(returned)), money(b.total)
    # the year's own return on the same budget: what a CFO compares with the stated ROI
    in_year = (about(earned) - b.total) / b.total * 100
    # like for like: the share of the same contracts' first year that falls after the plan year
    # (not the in-year revenue against the ROI's revenue, which rest on different bases)
    from assistant.interview.forecast_proposal import value_a_year

    whole = value_a_year(plan, analysis)
    later = max(0.0, (whole - earned) / whole * 100) if whole else 0.0
    if ko:
        below = f" 마케팅 예산 {cost}보다도 적습니다." if earned < b.total else ""
        roi = (
            f" {year}년 안의 ROI는 약 {in_year:.0f}%입니다(({got} - {cost}) / {cost})."
            if earned >= b.total
            else ""
        )
        return fix_particles(
            f"{year}년 안의 매출은 훨씬 적습니다. 신규 계약(영업 예측의 고객)은 한 해 동안 나뉘어 들어오므로 {year}년 안에 인식되는 매출은 약 {got}입니다.{below}{roi} 이 계약들의 첫 1년 매출 중 약 {later:.0f}%는 {year + 1}년에 들어오고, 기대 ROI의 기여 매출 {back}은(는) 계약 기간 전체에 걸쳐 들어옵니다. 연간 선불 계약을 우선해 현금을 계약 시점에 받는 것을 권합니다."
        )
    below = f", less than the {cost} marketing budget itself" if earned < b.total else ""
    roi = (
        f" The {year} ROI on its own is about {in_year:.0f}% (({got} - {cost}) / {cost})."
        if earned >= b.total
        else ""
    )
    return (
        f"In {year} itself revenue is far smaller: signed through the year (the sales forecast's customers), "
        f"the new contracts earn about {got} within {year}{below}.{roi} About {later:.0f}% of these contracts' first year falls in {year + 1}, "
        f"and the {back} of revenue the expected ROI means comes in over the contracts' years. Recommended: bill annually up front, so the cash comes at signing."
    )


_SEASON = re.compile(
    r"\bpeak\b|\bseason|\bslow\s+(?:quarter|months?|season)|성수기|비수기|계절", re.I
)


def _run_rate_check(plan: Plan, q4: float, landed: float, money: object, total: float = 0.0) -> str:  # fmt: skip
    """The stated Q4's run-rate against the revenue bridge's year-end (both levels), with what the
    difference means in customers at the plan's deal size and the recommended way to settle it:
    the bridge is the plan's own arithmetic, so the quarters follow it unless the pipeline names
    the deals (or, below it, the goals come down to what the quarters expect)."""
    from assistant.analysis.plan_goals import deal_size

    fm = money if callable(money) else str
    ko = plan.language == "ko"
    run_rate, diff = q4 * 4, q4 * 4 - landed
    size = deal_size(plan)
    n = round(abs(diff) / size[0]) if size and size[0] > 0 else 0
    quarter = fm(about(landed / 4))
    after = fm(about(total - q4 + about(landed / 4))) if total > q4 else ""  # the year with it
    if ko:
        head = f"4분기 {fm(q4)}은(는) 연환산 {fm(run_rate)}(으)로 한 해를 마치는데, 계획의 고객·이탈·확장(매출 브리지)으로는 연말 기준 연간 매출이 {fm(landed)}입니다."
        gap = f" 차이 {fm(abs(diff))}은(는) " + (f"목표보다 고객이 약 {n:,}곳 {'더' if diff > 0 else '덜'} 있어야 나오는 금액입니다." if n else "계획의 계산과 맞지 않습니다.")  # fmt: skip
        if diff > 0:
            tail = (
                gap
                + f" 파이프라인에 그 거래가 보이지 않으면 4분기를 약 {quarter}(으)로 낮추는 것을 권합니다."
                + (f" 그러면 한 해 합계는 약 {after}입니다." if after else "")
            )
        else:
            tail = (
                gap
                + f" 분기 예측이 실제 기대라면 고객 목표를 그만큼 낮추고, 아니면 4분기를 약 {quarter}(으)로 올리는 것을 권합니다."
            )
        return fix_particles(head + tail)
    cust = (
        f", about {n:,} {'more' if diff > 0 else 'fewer'} customers than the goals bring"
        if n
        else ""
    )
    head = f"Q4 at {fm(q4)} ends the year at {fm(run_rate)} a year, while the plan's own customers, churn and expansion (the revenue bridge) end it at {fm(landed)}: {fm(abs(diff))} {'more' if diff > 0 else 'less'}{cust}."
    if diff > 0:
        return (
            head
            + f" Recommended: keep Q4 at about {quarter} unless the pipeline names those deals."
            + (f" The year then totals about {after}." if after else "")
        )
    return (
        head
        + f" Recommended: if the quarters are the real expectation, lower the customer goal to match; otherwise raise Q4 to about {quarter}."
    )


def _opening_pipeline_note(plan: Plan, analysis: PlanAnalysis, p: Proposal, year: int) -> str:
    """What Q1 rests on from before the year, counted: the deals one sales cycle (and a freeze's
    slip) bring from the pipeline open on 1 January, the open opportunities that takes at the
    funnel's last rate, and Q1 and the year without it, so the assumption is checked in the CRM."""

    o = opening_pipeline(plan, analysis, p)
    ko = plan.language == "ko"
    if o is None:
        return (
            f" {year}년 1분기에 작년부터 이어진 파이프라인이 같은 속도로 계약된다고 보았습니다. 파이프라인이 얇으면 첫 분기를 낮춰야 합니다."
            if ko
            else f" The quarters assume the pipeline carried into {year} closes in Q1 at the same pace; with a thin pipeline, move wins to later quarters."
        )
    days, q1 = f"{o.cycle_days:g}", p.counts[0]
    cycle_deals = o.deals - o.slipped
    opps = o.open_opportunities
    if ko:
        cycle = f"계획의 영업 주기 {days}일" if o.stated else f"영업 주기를 약 {days}일(중견 B2B 업계 일반 범위 1~3개월)로 보면"  # fmt: skip
        came = f"첫 {days}일의 계약 약 {cycle_deals}곳은 {year - 1}년 말 리드에서 {'오고' if o.slipped else '옵니다'}" + (f", 약 {o.slipped}곳은 고객의 연말 도입 중단으로 {_freeze_said(plan, True)}에서 1월로 넘어올 것으로 본 거래입니다(가정 참고)" if o.slipped else "")  # fmt: skip
        need = f" {o.stage}에서 고객으로의 전환율 {o.rate:g}%로는 1월 1일에 열린 {o.stage} 약 {opps:,}건이 필요합니다." if opps and o.stage else ""  # fmt: skip
        return fix_particles(
            f" 1분기 {q1}곳 중 약 {o.deals}곳은 {year}년 1월 1일에 열려 있는 파이프라인에서 나옵니다. {cycle}{'에서는' if o.stated else ''} {came}.{need}"
            f" 1월 1일에 CRM에서 세어 보고, 적으면 계약을 뒤 분기로 옮겨야 합니다(파이프라인이 없으면 1분기 약 {o.q1_without}곳, 한 해 약 {o.year_without}곳)."
        )
    cycle = f"with the plan's {days}-day sales cycle" if o.stated else f"with a sales cycle of about {days} days (typical for mid-market B2B, one to three months)"  # fmt: skip
    came = f"about {cycle_deals} deals signed in its first {days} days come from leads of late {year - 1}" + (f", and about {o.slipped} are deals the buyers' year-end freeze ({_freeze_said(plan, False)}) is expected to push into January (see Assumptions)" if o.slipped else "")  # fmt: skip
    need = f" At the {o.rate:g}% rate from {o.stage} to customer, that takes about {opps:,} open {o.stage}s on 1 January." if opps and o.stage else ""  # fmt: skip
    return (
        f" Q1's {q1} rest on about {o.deals} deals from the pipeline open on 1 January {year}: {cycle}, {came}.{need}"
        f" Count them in the CRM that day; with fewer, move wins to later quarters (with none, Q1 holds about {o.q1_without} and the year about {o.year_without})."
    )


def _freeze_said(plan: Plan, ko: bool) -> str:
    """The buyers' freeze months: 'November and December' / '11~12월' ('the year's end' if none)."""
    from assistant.analysis.market import buyer_freeze_months
    from assistant.analysis.months import _MONTHS_EN

    months = list(buyer_freeze_months(plan))
    if not months:
        return "연말" if ko else "the year's end"
    # the freeze starts mid-way through its first month (the forecast's note says the same)
    if ko:
        return (
            f"{months[0]}월 중순~{months[-1]}월" if len(months) > 1 else f"{months[0]}월 중순 이후"
        )
    names = [_MONTHS_EN[m - 1].capitalize() for m in months]
    return (
        f"mid-{names[0]} to the end of {names[-1]}"
        if len(names) > 1
        else f"the second half of {names[0]}"
    )


def _opening_check(plan: Plan, q4: float, landed: float, opening: tuple[float, float, float], money: object, bq4: float | None = None, oq4: float | None = None) -> str:  # fmt: skip
    """Q4 against the bridge's own Q4 in the table above (the figure a reader compares it with
    first), then why they differ: the year's opening. Q4's run-rate sits between the bridge from
    last year's revenue and the bridge from Q1's higher opening (`opening`: that opening, how far it
    is above the base, the annual churn the extra base loses too), so the opening is what to
    confirm. `bq4`: the bridge's Q4 as the table shows it."""
    fm = money if callable(money) else str
    start, extra, churn = opening
    from_open = landed + extra * (1 - churn)
    ko = plan.language == "ko"
    gap = q4 - bq4 if bq4 else 0.0
    if bq4 and oq4 and abs(gap) > q4 * 0.02:
        # a quarter against a quarter: the bridge's Q4 from last year's revenue, then from the
        # opening Q1 implies; no year-end levels beside them (one basis, the quarter's revenue)
        near = abs(oq4 - q4) <= q4 * 0.05
        if ko:
            close = "예측과 비슷합니다" if near else f"예측보다 {fm(about(abs(oq4 - q4)))} {'많습니다' if oq4 > q4 else '적습니다'}"  # fmt: skip
            return fix_particles(
                f"4분기 {fm(q4)}은(는) 위 표의 매출 브리지 기준 4분기 {fm(bq4)}보다 {fm(about(abs(gap)))} {'많습니다' if gap > 0 else '적습니다'}. 차이는 연초 연환산 매출에서 나옵니다. "
                f"1분기 예측이 뜻하는 연초 연환산 매출 약 {fm(about(start))}(1분기 매출에는 1분기 신규 계약 몫이 들어 있음)에서 출발하면 브리지의 4분기는 약 {fm(about(oq4))}(으)로 {close}."
            )
        close = "close to the forecast" if near else f"{fm(about(abs(oq4 - q4)))} {'above' if oq4 > q4 else 'below'} the forecast"  # fmt: skip
        return (
            f"Q4 at {fm(q4)} is {fm(about(abs(gap)))} {'above' if gap > 0 else 'below'} the revenue bridge's Q4 in the table ({fm(bq4)}); the difference is the year's opening. "
            f"From the opening Q1 implies, about {fm(about(start))} a year (Q1 already holds its own new deals), the bridge's Q4 is about {fm(about(oq4))}, {close}."
        )
    if ko:
        lead = (
            f"4분기 {fm(q4)}은(는) 위 표의 매출 브리지 기준 4분기 {fm(bq4)}보다 {fm(about(abs(gap)))} {'많습니다' if gap > 0 else '적습니다'}. 차이는 연초 연환산 매출에서 나옵니다. "
            if bq4 and abs(gap) > q4 * 0.02
            else ""
        )
        # one figure per clause: the two year-ends, then where Q4's run-rate sits between them
        return fix_particles(
            lead
            + f"1분기 예측이 뜻하는 연초 규모 약 {fm(about(start))}(1분기 매출에는 1분기 신규 계약 몫이 들어 있음)에서 출발하면 연말 연간 매출은 약 {fm(about(from_open))}, 작년 매출에서 출발하면 {fm(landed)}입니다. "
            f"4분기의 연환산 {fm(q4 * 4)}은(는) 그 사이에 있습니다."
            + (f" 두 추정 모두 이탈률 {churn * 100:g}%를 적용합니다." if churn else "")
        )
    kept = (
        f" (the extra {fm(about(extra))} it opens with loses {churn * 100:g}% to churn too)"
        if churn
        else ""
    )
    lead = (
        f"Q4 at {fm(q4)} is {fm(about(abs(gap)))} {'above' if gap > 0 else 'below'} the revenue bridge's Q4 in the table ({fm(bq4)}); the difference is the year's opening. "
        if bq4 and abs(gap) > q4 * 0.02
        else f"Q4 at {fm(q4)} ends the year at {fm(q4 * 4)} a year. "
    )
    return (
        lead
        + f"From the opening Q1 implies, about {fm(about(start))} (Q1 already holds its own new deals), the bridge ends the year at about {fm(about(from_open))}{kept}, from last year's revenue at {fm(landed)}; "
        f"Q4's {fm(q4 * 4)} a year sits between the two. December's revenue × 12 (the year's real opening) settles which it is closer to."
    )


def _bridge_parts_table(plan: Plan, analysis: PlanAnalysis, money: object) -> str:
    """The bridge's column split by what makes each quarter: on top of last year's run-rate (the
    same every quarter, so said once above the table), new business, expansion and churn joining
    evenly; each row adds up to the column's figure."""
    parts = in_year_parts(plan, analysis.revenue)
    if not parts or not callable(money):
        return ""
    ko, year = plan.language == "ko", plan_year(plan)
    # the total includes last year's run-rate, said in its header so a row reads as it adds up
    head = (["분기", "신규", "확장", "이탈", "합계(작년 매출 포함)"] if ko else ["Quarter", "New business", "Expansion", "Churn", "Total (with last year's run-rate)"])  # fmt: skip
    keep = [i for i in (1, 2, 3) if any(abs(p[i]) > 0 for p in parts)]  # no column of zeros
    signed = lambda v: ("-" if v < 0 else "") + money(about(abs(v)))  # noqa: E731  ('-$69,000')
    rows = []
    for q, p in enumerate(parts, 1):
        rows.append([f"{year}년 {q}분기" if ko else f"Q{q} {year}"] + [signed(p[i]) for i in keep] + [money(about(sum(p)))])  # fmt: skip
    totals = [sum(p[i] for p in parts) for i in keep]
    rows.append(["합계" if ko else "Total"] + [signed(t) for t in totals] + [money(about(sum(sum(p) for p in parts)))])  # fmt: skip
    base, each = money(about(parts[0][0] * 4)), money(about(parts[0][0]))
    title = (f"**매출 브리지 기준의 분기별 구성:** 작년 매출 {base}(분기마다 {each})에 더하고 뺀 금액" if ko
             else f"**What the revenue bridge's quarters are made of:** last year's {base} ({each} a quarter) plus and minus")  # fmt: skip
    return title + "\n\n" + _table([head[0], *[head[i] for i in keep], head[-1]], rows)

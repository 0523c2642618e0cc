"""What each marketing move must deliver, in the plan's own numbers: a move that makes leads, the
leads a year the customer goal needs and what each may cost from the move's channel lines; a move
that converts, the opportunities it turns into the customer goal and the rate that takes."""

from __future__ import annotations

import re

from assistant.analysis.lists import REFERRAL
from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.core.korean import as_heading
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def move_targets(plan: Plan, a: PlanAnalysis, moves: list[tuple[str, list[str], float]]) -> str:
    """(move, its funnel stages, its channel lines' money) -> a short list under the strategy
    table; '' when the funnel has no volumes to work from."""
    from assistant.analysis.plan_goals import (
        customer_goal,
        lead_pace,
        partner_customers,
        recommended_leads,
    )

    if len(a.funnel) < 2 or not a.funnel[0].volume:
        return ""
    ko, lang = plan.language == "ko", plan.language
    pace = lead_pace(plan)
    scale = pace[1] / pace[0] if pace else 1.0
    top, end = a.funnel[0], a.funnel[-1]
    leads_year = top.volume * scale  # the lead goal at a year's pace (900 in 9 months: 1,200)
    won = customer_goal(plan)
    need = recommended_leads(plan, end.volume)
    need_year = need * scale if need else None
    cur = plan.budget.currency

    # '3만 건', '1,500곳': a Korean count ending in 만/억 takes a space before its counter
    def n(v: float) -> str:
        said = format_amount(round(v), "", lang)
        return said + (" " if ko and said[-1:] in "만억" else "")

    unit = won[0].frame.target.unit if won and won[0].frame and won[0].frame.target else ""
    from assistant.interview.compose import sells_to_consumers

    # the goal's own counter; else households and students are people (명), businesses 곳
    counter = (
        unit
        if re.fullmatch(r"[가-힣]{1,2}", unit or "")
        else ("명" if sells_to_consumers(plan) else "곳")
    )
    out: list[str] = []
    partners = partner_customers(plan)
    plural = top.stage + "s" if top.stage.isupper() else top.stage.lower()
    # the leads are one volume for all the moves that make them: said once, against all their money
    lead_moves = [m for m in moves if _makes_leads(m[1]) and not _existing(m[0])]
    said_leads = said_conversion = False
    for move, stages, money in moves:
        # the strategy table's own name for the move ('…잡기', '…전환하기'), so the two read alike
        name = move[:1].upper() + move[1:] if not ko else as_heading(move)
        if _existing(move):  # repeat orders, upsells: the customers it works are already won
            continue
        if partners and REFERRAL.search(move):
            # the partners' own customers, handed straight to the sellers
            out.append(f"{name}: 신규 고객 약 {n(partners[0])}{counter}(목표의 {partners[1]:g}%)." if ko else f"{name}: about {n(partners[0])} new customers ({partners[1]:g}% of the goal).")  # fmt: skip
        elif _makes_leads(stages):
            if said_leads:
                continue
            said_leads = True
            count = need_year or leads_year
            money = sum(m[2] for m in lead_moves)
            if len(lead_moves) > 1:
                name = " · ".join(as_heading(m[0]) for m in lead_moves) if ko else "; ".join(m[0][:1].upper() + m[0][1:] for m in lead_moves)  # fmt: skip
            each = f"{format_amount(about(money / count), cur, lang)}" if money and cur else ""
            # more leads than the goal: one cost per lead for the one decision, the whole
            # budget's over them (the summary's and the KPI table's figure), not the lines' own
            whole = plan.number("marketing_budget")
            one = bool(need_year and need_year > leads_year and whole and cur and each)
            if one:
                each = format_amount(about(float(whole or 0) / count), cur, lang)
            # one cost per lead in the plan, the KPI table's (the whole budget over the leads):
            # the move's channel lines are not said beside it (the strategy table gives them), so
            # no reader divides them into a second cost per lead
            lines_money = format_amount(money, cur, lang) if money and cur else ""
            # ... a plan that sells to consumers has no cost per lead in its KPI table (it counts
            # sign-ups and first orders): the lines' own ceiling is the one figure there
            overall = format_amount(about(float(whole) / count), cur, lang) if whole and cur and count and not sells_to_consumers(plan) else ""  # fmt: skip
            if ko:
                text = f"{name}: {top.stage} 연 약 {n(count)}건(월 약 {n(count / 12)}건)"
                text += (
                    f". 고객 목표에 필요한 수로, 리드 목표의 연 {n(leads_year)}건보다 많음"
                    if need_year
                    else ""
                )
                text += (
                    f". 예산을 늘리지 않으려면 리드당 약 {each} 이하여야 함(KPI 표의 제안 단가)." if one
                    else f". 리드당 비용은 측정 지표와 같은 기준(예산 전체 ÷ 리드)으로 약 {overall}임." if overall and lines_money
                    else f". 이 실행 방향의 채널 예산({lines_money})으로 이만큼 모으려면 건당 약 {each} 이하여야 함." if each else "."
                )  # fmt: skip
                text += _budget_or_more(plan, a, need_year, leads_year, each, ko)
                text += _by_channel(plan, count, money, ko)
            else:
                text = f"{name}: about {n(count)} {plural} a year (about {n(count / 12)} a month)"
                text += (
                    f": what the customer goal needs, above the lead goal's {n(leads_year)} at its pace"
                    if need_year
                    else ""
                )
                text += (
                    f"; the budget covers them only if a lead costs at most about {each} (the KPI table's recommended cost per lead)." if one
                    else f"; a lead costs about {overall} on the KPI table's basis (the whole budget over the leads)." if overall and lines_money
                    else f"; from its channel lines ({lines_money}), at most about {each} a lead." if each else "."
                )  # fmt: skip
                text += _budget_or_more(plan, a, need_year, leads_year, each, ko)
                text += _by_channel(plan, count, money, ko)
            out.append(text)
        elif "conversion" in stages and won is not None and end.rate and not said_conversion:
            said_conversion = True
            before = a.funnel[-2]
            opp_plural = before.stage + "s" if before.stage.isupper() else before.stage.lower()
            opps = before.volume * scale * (need / top.volume if need else 1.0)
            target = won[1] - (partners[0] if partners else 0)
            made = opps * end.rate / 100
            aside = (f"(파트너 고객 {n(partners[0])}{counter} 별도)" if ko else f" (partners bring {n(partners[0])} more)") if partners else ""  # fmt: skip
            if made >= target * 1.05 and not partners:
                # more than the goal needs with no partner decision to point to: what it can mean
                out.append(f"{name}: {before.stage} 연 약 {n(opps)}건이 계획상 전환율 {end.rate:g}%로 신규 고객 약 {n(made)}{counter}이 되어, 목표에 필요한 {n(target)}{counter}보다 많음. 고객 목표를 올릴 수 있거나, 전환율 {end.rate:g}%가 기존 고객의 주문까지 센 값일 수 있으므로 신규 고객의 {before.stage}을(를) 따로 세어 확인함." if ko else f"{name}: about {n(opps)} {opp_plural} a year become about {n(made)} new customers at the plan's {end.rate:g}%, more than the {n(target)} the goal needs: either the customer goal can rise, or the {end.rate:g}% counts existing customers' orders too; count new customers' {opp_plural} apart to check.")  # fmt: skip
            elif made >= target * 1.05:  # more than the goal needs: the summary's decision says so
                out.append(f"{name}: {before.stage} 연 약 {n(opps)}건이 계획상 전환율 {end.rate:g}%로 신규 고객 약 {n(made)}{counter}이 되어, 퍼널에서 필요한 {n(target)}{counter}{aside}보다 많음(마케팅 요약의 결정 참고)." if ko else f"{name}: about {n(opps)} {opp_plural} a year become about {n(made)} new customers at the plan's {end.rate:g}%, more than the {n(target)} the goal needs from the funnel{aside} (see the marketing summary's decision).")  # fmt: skip
            elif made >= target * 0.95:
                out.append(f"{name}: {before.stage} 연 약 {n(opps)}건을 계획상 전환율 {end.rate:g}%로 신규 고객 {n(target)}{counter}(으)로 바꿈{aside}." if ko else f"{name}: about {n(opps)} {opp_plural} a year into {n(target)} new customers at the plan's {end.rate:g}%{aside}.")  # fmt: skip
            else:
                rate = min(100.0, target / opps * 100) if opps else 0.0
                out.append(f"{name}: {before.stage} 연 약 {n(opps)}건을 신규 고객 {n(target)}{counter}(으)로 바꾸려면 전환율이 약 {rate:.0f}%여야 함(계획의 가정은 {end.rate:g}%){aside}." if ko else f"{name}: about {n(opps)} {opp_plural} a year into {n(target)} new customers takes a conversion of about {rate:.0f}% (the plan assumes {end.rate:g}%){aside}.")  # fmt: skip
    if not out:
        return ""
    head = "**실행 방향별로 만들어야 할 결과**" if ko else "**What each move must deliver**"
    body = "\n".join(f"- {t}" for t in out)
    return head + "\n\n" + (fix_particles(body) if ko else body)


def _budget_or_more(plan: Plan, a: PlanAnalysis, need_year: float | None, leads_year: float, each: str, ko: bool) -> str:  # fmt: skip
    """The two ways to the extra leads the customer goal needs, as one decision with its default:
    within today's budget at the move's cost per lead, else the money the lead decision before
    sign-off prices (the extra leads at the plan's cost per lead)."""
    from assistant.analysis.plan_goals import cost_per_lead

    if not need_year or not each or need_year <= leads_year:
        return ""
    per = cost_per_lead(plan, a.funnel[0].volume) if a.funnel else None
    if not per:
        return ""
    cur, lang = plan.budget.currency, plan.language
    m = lambda v: format_amount(about(v), cur, lang)  # noqa: E731
    more = m((need_year - leads_year) * per)
    # the extra is the year's leads at the measured cost less today's spend: said at the plan's
    # cost per lead and at a quarter above it, so no reader takes one figure for every cost
    import math

    raw = per * 1.25
    step = 10 ** max(0, math.floor(math.log10(raw)) - 1)  # two significant figures: $500, 33만
    dearer = round(raw / step) * step
    more_dearer = m(need_year * dearer - leads_year * per)
    count = format_amount(round(need_year), "", lang)  # as the line above counts them
    # the plan's own cost per lead is above that ceiling whenever more leads are needed: the
    # extra money at it and at a dearer lead, the first quarter's measure saying which holds
    if ko:
        return fix_particles(f" 필요한 예산은 연 리드 약 {count}건 × 리드당 비용으로, 계획의 리드당 {m(per)}이면 지금 예산보다 약 {more}(승인 전 결정), {m(dearer)}이면 약 {more_dearer} 더 듦. 1분기에 잰 리드당 비용으로 어느 쪽인지 확인함.")  # fmt: skip
    return f" The year's leads (about {count}) cost {count} × the cost per lead: at the plan's {m(per)} a lead, about {more} more than today's budget (the lead decision before sign-off); at {m(dearer)}, about {more_dearer} more. The first quarter's measured cost per lead says which holds."


def _by_channel(plan: Plan, count: float, money: float, ko: bool) -> str:
    """How the lead move reaches its volume: the channels' starting targets (Marketing Channels'
    split of the same leads by each channel's spend), said when they add up to `count` and split
    the move's own `money` (a split that also counts another move's channels is not its path)."""
    from assistant.interview.compose_channels import channel_lead_targets

    split = channel_lead_targets(plan)
    if split is None or not split.starts or round(split.target) != round(count):
        return ""
    if not money or abs(split.spent - money) > money * 0.01:
        return ""
    lang = plan.language
    if ko:
        parts = ", ".join(f"{'·'.join(names)} 약 {format_amount(n, '', lang)}건" for names, n in split.starts)  # fmt: skip
        return f" 채널별 시작 목표(마케팅 채널 참고): {parts}."
    parts = "; ".join(f"{' and '.join(names)} about {n:,.0f}" for names, n in split.starts)
    return f" By channel (starting targets, see Marketing Channels): {parts}."


def _makes_leads(stages: list[str]) -> bool:
    return "leads" in stages or stages[:1] == ["awareness"]


_EXISTING = re.compile(
    r"retention|repeat|re-?order|upsell|cross-?sell|add-?on|existing|contract customers|renewal"
    r"|재구매|객단가|추가\s*(?:제안|판매)|기존\s*고객|정기\s*발주|갱신|구독\s*\d+\s*개월\s*차",
    re.I,
)


def _existing(move: str) -> bool:
    """A move that works customers already won (repeat orders, upsells) delivers no new ones."""
    return bool(_EXISTING.search(move))

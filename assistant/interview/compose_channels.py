"""The channels section: each channel's role, KPI and budget share, what a lead costs on the KPI
table's basis and each lead channel's starting target (the year's leads split by its spend),
partners paid by a referral fee, and channels no budget line pays for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.analysis.lists import REFERRAL
from assistant.analysis.text_words import words as distinctive
from assistant.core.lang import fix_particles, kb_guide
from assistant.core.plan import BudgetLine, Plan
from assistant.goals.kpi import advise
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose import (
    _CONSUMER_ROLE,
    _GENERIC,
    _LEAD_KPIS,
    _ROLES,
    _SEVERAL,
    MARKETPLACE,
    _table,
    paying_lines,
    sells_to_consumers,
)
from assistant.interview.measure_names import measure_label
from assistant.interview.persona_reach import persona_places, unseen_line


def _channel_rows(plan: Plan) -> tuple[list[list[str]], dict[str, BudgetLine | None], bool]:
    """Each channel's row (channel, role, KPI, budget share), the line that pays for each, and
    whether the plan sells to consumers."""
    ko = plan.language == "ko"
    rows = []
    consumers = sells_to_consumers(plan)
    lines = paying_lines(plan, list(plan.channels))
    for channel in plan.channels:
        line = lines[channel]
        # a name no rule knows ('BOMA') is read with the budget line that pays for it ('events')
        match = next((m for name in (channel, f"{channel} {line.item if line else ''}")
                      if (m := next(((r, k) for p, r, k in _ROLES if re.search(p, name, re.I)), None))), None)  # fmt: skip
        role = (match[0][1] if ko else match[0][0]) if match else ("지원" if ko else "Support")
        if consumers:  # shoppers buy; they are not leads
            role = _CONSUMER_ROLE.get(role, role)
        advice = advise(channel, k=1, lang=plan.language)
        kpi_id = (
            match[1] if match else (advice[0].id if advice and advice[0].score >= 1.0 else None)
        )
        if consumers and kpi_id in _LEAD_KPIS:  # shoppers are not leads: acquisition costs a sale
            kpi_id = {"cpl": "roas", "leads": "new_customers"}.get(kpi_id, "retention_rate")
        kpi = measure_label(plan, kpi_id) if kpi_id else "-"
        share = "-" if line is None or line.share is None else f"{line.share:g}%"
        if line is None and plan.budget.lines:  # said, not a dash: the notes below decide it
            share = "예산 항목 없음" if ko else "no budget line"
        together = [c for c, ln in lines.items() if ln is line and c != channel] if line else []
        first = next((c for c, ln in lines.items() if ln is line), channel) if line else channel
        if together and first != channel:  # the share once, on the group's first row
            share = f"{first} 행의 {share}에 포함" if ko else f"in the {share} with {first}"
        elif together:  # one line pays for several channels: its share is theirs together
            names = ", ".join(together)
            if ko:  # the channels it pays for besides this one, summed
                both = "·".join(together)  # in the plan's order
                share += fix_particles(f"({both}와(과) 합계)") if "(" not in both else fix_particles(f", {both}와(과) 합계")  # fmt: skip
            elif "(" in names:  # a name with its own brackets: no brackets inside brackets
                share += fix_particles(f", {names}와(과) 합산") if ko else f", with {names}"
            else:
                share += fix_particles(f"({names}와(과) 합산)") if ko else f" (with {names})"
        elif line is not None and line.share is not None and (_SEVERAL.search(line.item) or not distinctive(line.item) & distinctive(channel)) and distinctive(line.item) - distinctive(channel) - _GENERIC:  # fmt: skip
            # a line that pays for more than the channel ('content and webinars' for webinars,
            # 'events' for a trade show): the share is that line's, said with its name
            share += f"('{line.item}')" if ko else f" ('{line.item}' line)"
        rows.append([channel, role, kpi, share])
    return rows, lines, consumers


def channels_markdown(plan: Plan) -> str:
    if not plan.channels:
        return ""
    ko = plan.language == "ko"
    rows, lines, consumers = _channel_rows(plan)
    head = (
        ["채널", "역할(퍼널 단계)", "KPI", "예산 비중"]
        if ko
        else ["Channel", "Role (funnel stage)", "KPI", "Budget share"]
    )
    note = _lead_cost_note(plan, lines, rows, consumers)
    out = _table(head, rows)
    if note:  # the split's basis and assumption, and how to replace it
        out += "\n\n" + note
    # owned media (a newsletter, a blog, a Kakao channel) cost little beyond the tools or content
    # lines: not a gap when the budget has one
    support = any(re.search(r"tool|software|platform|crm|content|influenc|creator|도구|툴|콘텐츠|인플루언서|크리에이터|협업", ln.item, re.I) for ln in plan.budget.lines)  # fmt: skip
    unpaid = [
        c
        for c in plan.channels
        if lines.get(c) is None and not (support and _OWNED.search(c)) and not MARKETPLACE.search(c)
    ]
    out += persona_places(plan) + ("" if consumers else unseen_line(plan, unpaid))
    if not consumers:  # a channel the buyers do not name and no line pays for: one decision above
        from assistant.interview.persona_reach import unseen_channels

        unpaid = [c for c in unpaid if c not in unseen_channels(plan)]
    # partners are paid by a referral fee on the deals they bring, not from a marketing line
    referrers = [c for c in unpaid if REFERRAL.search(c)]
    unpaid = [c for c in unpaid if c not in referrers]
    from assistant.analysis.market import infer_market

    if referrers and plan.budget.lines and infer_market(plan).industry == "healthcare":
        # a fee per patient referred can break patient-inducement rules: never recommended
        names = ", ".join(referrers)
        out += "\n\n" + (
            fix_particles(
                f"{names}에는 소개한 환자 수에 따른 수수료를 주지 않는 것을 권합니다. 환자 소개·알선에 금품을 주는 것은 의료법 제27조 제3항에 어긋날 수 있으므로, 공동 건강 강좌나 정액 제휴처럼 환자 수와 무관한 방식으로 정하고 법률 검토를 받습니다."
            )
            if ko
            else f"{names[:1].upper() + names[1:]}: recommended not to be paid per patient referred. A fee per referral can break patient-inducement rules (the federal Anti-Kickback Statute where federal programs pay, and state fee-splitting laws), so reward partners in ways that do not depend on patients sent, such as co-hosted education, and have counsel review the terms."
        )
    elif referrers and plan.budget.lines:
        names = ", ".join(referrers)
        out += "\n\n" + (
            fix_particles(
                f"{names}은(는) 마케팅 예산이 아니라 소개한 계약에 대한 수수료로 보상하는 것을 권합니다. 수수료율은 첫해 계약 금액의 일정 비율로 정합니다."
            )
            if ko
            else f"{names[:1].upper() + names[1:]}: recommended to be paid a referral fee on the deals they bring, not from a marketing line, as a share of the first year's contract."
        )
        out += _fee_ceiling(plan, ko)
    if unpaid and plan.budget.lines:  # a channel no line pays for is said once, with the fix
        names = ", ".join(unpaid)
        out += "\n\n" + (
            fix_particles(
                f"예산 항목이 없는 채널: {names}. 각 채널의 비용을 어느 항목에서 쓰는지 정하거나 채널에서 빼야 합니다."
            )
            if ko
            else f"Channels no budget line pays for: {names}. Say which line pays for each, or drop it."
        )
    return out


_OWNED = re.compile(
    r"e-?mail|newsletter|blog|\bsms\b|kakao|instagram|youtube|tiktok|뉴스레터|이메일|블로그|카카오톡?\s*채널|문자|인스타그램|유튜브|틱톡",
    re.I,
)
_LEAD_ROLES = ("Acquisition (awareness and leads)", "Acquisition (leads from existing demand)", "Consideration (leads and demos)", "Awareness and organic leads")  # fmt: skip


@dataclass
class LeadSplit:
    """The year's leads split over the lead-making channels by their spend: `leads` the lead goal
    at a year's pace, `target` what the split adds up to (the recommended lead goal when the
    stated one falls short of the customer goal), `spent` the channels' money for it, `starts`
    each line's channels with their whole count."""

    leads: float
    target: float
    recommended: bool
    spent: float
    starts: list[tuple[list[str], int]]


def _lead_split(plan: Plan, lines: dict[str, BudgetLine | None], rows: list[list[str]], consumers: bool) -> LeadSplit | None:  # fmt: skip
    """The split behind the channels' starting targets; None for a plan that sells to consumers,
    has no lead goal or fewer than two paid lead channels."""
    from assistant.analysis.plan_goals import lead_goal, lead_pace

    found = lead_goal(plan)
    if found is None or consumers:
        return None
    lead_roles = {r for p, r, k in _ROLES if r[0] in _LEAD_ROLES}
    makers = [
        c for i, c in enumerate(plan.channels)
        if (ln := lines.get(c)) is not None and ln.share and any(rows[i][1] in r for r in lead_roles)
    ]  # fmt: skip
    if len(makers) < 2:
        return None
    pace = lead_pace(plan)
    leads = found[1] * (pace[1] / pace[0] if pace else 1)
    if not leads:
        return None
    budget = plan.number("marketing_budget")
    # a starting target per channel: the year's leads in proportion to its line's spend (a
    # line two channels share is one target), until each channel's cost per lead is measured
    by_line: dict[int, tuple[BudgetLine, list[str]]] = {}
    for c in makers:
        ln = lines[c]
        assert ln is not None
        by_line.setdefault(id(ln), (ln, []))[1].append(c)
    money = {
        k: (ln.amount or (ln.share or 0) / 100 * (budget or 0)) for k, (ln, _) in by_line.items()
    }
    from assistant.interview.lead_money import other_goals_cost

    pays = paying_lines(plan, [e.activity for e in plan.calendar])
    for k, spent_elsewhere in other_goals_cost(plan, found[0], [ln for ln, _ in by_line.values()], pays).items():  # fmt: skip
        money[k] = max(0.0, money[k] - spent_elsewhere)
    spent = sum(money.values())
    # the targets add up to the lead goal the plan recommends when the stated one falls short of
    # the customer goal (the risk register watches that pace): one lead figure per plan
    target = leads
    from assistant.analysis.plan_analysis import analyse
    from assistant.analysis.plan_goals import recommended_leads

    funnel = analyse(plan).funnel
    rec = recommended_leads(plan, funnel[-1].volume) if len(funnel) > 1 else None
    if rec:  # as the summary and the target market say it (1,286, 1만 2,000)
        target = round(rec * (pace[1] / pace[0] if pace else 1))
    paid = [(k, names) for k, (_ln, names) in by_line.items() if spent and money[k]]
    counts = _split_whole(target, [money[k] for k, _ in paid])
    starts = [(names, n) for (_k, names), n in zip(paid, counts, strict=True)]
    return LeadSplit(leads, target, target != leads, spent, starts)


def channel_lead_targets(plan: Plan) -> LeadSplit | None:
    """The channels' starting lead targets as the channels section gives them (the marketing
    strategy says them as the lead move's path to its volume)."""
    if not plan.channels:
        return None
    rows, lines, consumers = _channel_rows(plan)
    return _lead_split(plan, lines, rows, consumers)


def _lead_cost_note(plan: Plan, lines: dict[str, BudgetLine | None], rows: list[list[str]], consumers: bool) -> str | None:  # fmt: skip
    """What a lead costs across the lead-making channels, on the KPI table's basis (a lead goal
    shorter than the customer goal's year taken at its pace over the year), and each channel's
    starting target: the year's leads split in proportion to its line's spend, reset after the
    first quarter from each channel's measured cost per lead (directors asked for a working
    target per channel, not none); when the lead channels spend less than the whole budget, their
    own cost per lead is said beside the KPI table's, with what the difference is."""
    from assistant.analysis.plan_goals import lead_pace

    split = _lead_split(plan, lines, rows, consumers)
    if split is None:
        return None
    ko = plan.language == "ko"
    leads, target, recommended = split.leads, split.target, split.recommended
    pace = lead_pace(plan)
    basis = ""
    if pace:
        n = f"{leads:,.0f}"
        basis = (
            f"1년 치 리드 기준입니다: {pace[0]}개월 리드 목표를 같은 속도로 {pace[1]}개월에 맞추면 {n}건입니다. "
            if ko
            else f"A year's leads: the {pace[0]}-month lead goal at its pace over {pace[1]} months, {n}. "
        )
    # one cost per lead in the plan: the KPI table's, the whole budget over these leads
    budget = plan.number("marketing_budget")
    cost = ""
    if budget:
        all_in = format_amount(about(budget / leads), plan.budget.currency, plan.language)
        cost = (
            f"측정 지표의 리드당 비용 약 {all_in}은 예산 전체를 {'이' if pace else '리드 목표'} {leads:,.0f}건으로 나눈 값입니다. "
            if ko
            else f"The KPI table's cost per lead, about {all_in}, is the whole budget over {'these' if pace else 'the lead goal of'} {leads:,.0f} leads. "
        )
        if not recommended and 0 < split.spent < budget * 0.98:  # the split's own basis, said
            # beside the KPI's, so the two costs per lead are not read as one figure twice
            own = format_amount(about(split.spent / leads), plan.budget.currency, plan.language)
            spent = format_amount(about(split.spent), plan.budget.currency, plan.language)
            cost += (
                f"아래 채널별 목표의 기준인 리드 채널 예산({spent})만 나누면 리드당 약 {own}이며, 그 차이는 이 나눔에 넣지 않은 나머지 예산임. "
                if ko
                else f"The lead channels' own spend ({spent}), the basis of the targets below, is about {own} a lead; the difference is the rest of the budget, which the split does not count. "
            )
    starts = [
        (
            f"{'·'.join(names)} 약 {format_amount(n, '', plan.language)}건"
            if ko
            else f"{' and '.join(names)} about {n:,.0f}"
        )  # fmt: skip
        for names, n in split.starts
    ]
    if not starts:
        return basis + cost
    lang = plan.language
    return (
        basis
        + cost
        + (
            fix_particles(
                f"채널별 시작 목표(연간, {'고객 목표에 필요한 리드로 제안한' if recommended else '리드'} {format_amount(round(target), '', lang)}건을 리드 채널별 예산에 비례해 나눔. 채널마다 리드 단가가 같다고 보는 출발점): {', '.join(starts)}. "
            )
            + "1분기가 끝나면 채널마다 실제 리드당 비용으로 목표를 다시 정하고, 고객이 되는 리드를 가장 적은 비용으로 가져오는 채널로 예산을 옮깁니다."
            if ko
            else f"Starting lead targets per channel, a year (the {target:,.0f} leads {'the customer goal needs, as recommended, ' if recommended else ''}split in proportion to each lead channel's spend, as if a lead cost the same in every channel): {'; '.join(starts)}. "
            "After the first quarter each channel's measured cost per lead resets its target, and spend moves to the channels whose leads become customers most cheaply."
        )
    )


def _split_whole(total: float, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights` as whole counts that add up to it: in tens when
    the total is a round ten and every share is a hundred or more, else in units; the largest
    remainders take what rounding down leaves (480 + 180 + 240 never says 900 of 893)."""
    whole = sum(weights)
    if not weights or not whole:
        return []
    raw = [total * w / whole for w in weights]
    step = 10 if round(total) % 10 == 0 and min(raw) >= 100 else 1
    units = [int(x // step) for x in raw]
    left = round(total / step) - sum(units)
    for i in sorted(range(len(raw)), key=lambda i: raw[i] / step - units[i], reverse=True)[: max(left, 0)]:  # fmt: skip
        units[i] += 1
    return [u * step for u in units]


def _fee_ceiling(plan: Plan, ko: bool) -> str:
    """The most a referral fee can be before a partner's customer costs more than one marketing
    wins: the marketing-only CAC, and its share of a first year's contract."""
    from assistant.analysis.plan_analysis import analyse
    from assistant.analysis.plan_goals import deal_size
    from assistant.analysis.sales_cost_finding import funded_case

    a = analyse(plan)
    ue = a.unit_economics
    size = deal_size(plan)
    # marketing spend only (a stated sales budget is no partner's cost), in the goals' case: the
    # same case as the goal's deal size the fee is a share of (one basis, said when the funnel's
    # own yield differs), with the extra leads they need paid for when the plan recommends them
    # (the unit economics' goals-met column)
    funded = funded_case(plan, a)
    cac = funded.cac_mkt if funded is not None else ue.cac_marketing or ue.cac
    if not cac or size is None or size[1] != ue.currency or not size[0]:
        return ""
    m = lambda v: format_amount(v, ue.currency, plan.language)  # noqa: E731
    share = cac / size[0] * 100
    at = " if the goals are met" if ue.funnel_customers else ""
    at_ko = "목표를 이룰 때 " if ue.funnel_customers else ""
    if funded is not None:
        at, at_ko = " if the goals are met with the extra leads", "목표를 추가 리드로 이룰 때 "
    if share > 100:  # a customer costing more than its first year: no fee ceiling to draw from it
        return ""
    from assistant.analysis.referral_fee import referral_range
    from assistant.core.settings import get_settings

    usual = referral_range(str(get_settings().knowledge_dir), plan.language)
    if usual is not None and usual[1] < share:
        # the usual fee first (cited), with the marketing-only CAC as the ceiling it stays under
        lo, hi, page = usual
        span = f"{m(about(size[0] * lo / 100))}~{m(about(size[0] * hi / 100))}" if ko else f"{m(about(size[0] * lo / 100))}-{m(about(size[0] * hi / 100))}"  # fmt: skip
        if ko:
            return fix_particles(f" 수수료는 첫해 계약 금액의 {lo:g}~{hi:g}%(계약 {m(size[0])} 기준 {span}, {kb_guide(page, 'ko')})를 권합니다. 상한은 {at_ko}마케팅이 고객 한 곳을 얻는 데 쓰는 예산(약 {m(about(cac))}, 첫해 계약의 {share:.0f}%)으로, 파트너 고객이 마케팅으로 확보한 고객보다 비싸지 않게 합니다.")  # fmt: skip
        return f" Recommended fee: {lo:g}-{hi:g}% of the first year's contract ({span} at {m(size[0])}; {kb_guide(page, 'en')}), {'well ' if hi * 1.5 <= share else ''}under the marketing budget the plan spends to win a customer{at} (about {m(about(cac))}, {share:.0f}% of a first-year contract), so in marketing spend a partner's customer costs less than one marketing brings in."
    if ko:
        return fix_particles(f" 수수료는 {at_ko}마케팅만으로 얻는 고객 한 곳의 비용(CAC, 약 {m(about(cac))}, 첫해 계약 {m(size[0])}의 {share:.0f}%)을 넘지 않게 잡는 것을 권합니다.")  # fmt: skip
    return f" Recommended ceiling: the marketing-only CAC{at}, about {m(about(cac))} ({share:.0f}% of a first year's {m(size[0])}), so a partner's customer never costs more than one marketing wins."

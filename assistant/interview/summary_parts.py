"""Parts of the executive summaries: how the marketing plan gets there (its moves and where
the budget goes first), and the decisions before sign-off each summary draws from the plan's own
consistency checks."""

from __future__ import annotations

import re
from typing import Any

from assistant.analysis.sales_cost_finding import FundedCase, LowCase
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    if lang == "ko":
        return ", ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _whole_first_sentence(text: str, limit: int = 240) -> str:
    """The first sentence when it is short enough to quote whole; never a cut-off fragment."""
    text = " ".join(text.split())
    first = re.split(r"(?<![ap]\.m\.)(?<=[.!?。])\s(?=[A-Z가-힣])", text, maxsplit=1)[0]
    return first if 0 < len(first) <= limit else ""


def _plan_line(plan: Plan) -> str:
    """How the marketing plan gets there, in one line: its moves, then where the budget goes
    (its largest lines with their shares)."""
    from assistant.analysis.plan_links import clauses
    from assistant.core.korean import as_heading

    ko = plan.language == "ko"
    if plan.section("mkt_strategy").author == "llm":
        return ""
    moves = [m.strip(" .") for m in clauses(plan.user_text("mkt_strategy")) if m.strip(" .")][:3]
    if ko:
        moves = [as_heading(m) for m in moves]
    else:
        moves = [m[:1].lower() + m[1:] if m[1:2].islower() else m for m in moves]
    lines = sorted((ln for ln in plan.budget.lines if ln.share), key=lambda ln: -(ln.share or 0))[
        :3
    ]
    spend = [f"{ln.item}({ln.share:g}%)" if ko else f"{ln.item} ({ln.share:g}%)" for ln in lines]
    if not moves:
        return ""
    if ko:
        from assistant.core.korean import joined_moves

        text = "**실행:** " + (joined_moves(moves) or "; ".join(moves) + ".")
        return text + (f" 예산은 {', '.join(spend)} 순으로 집행합니다." if spend else "")
    text = "**How:** " + _cap("; ".join(moves)) + "."  # moves hold their own 'and's
    return text + (f" The budget goes first to {_join(spend, 'en')}." if spend else "")


def decisions_shown(plan: Plan, a: Any) -> set[str]:
    """The decisions both summaries show, as written, and the whole findings they come from: the
    analysis does not repeat a finding a summary shows in short."""
    items = [*_decision_items(plan, a, False), *_decision_items(plan, a, True)]
    return {text for text, _ in items} | {whole for _, whole in items}


def recommended_figures(text: str) -> set[str]:
    """The figures a text recommends ('about 1,050', '약 1,800건'): what tells two statements of
    one recommendation apart from two different ones."""
    return set(re.findall(r"(?:about|약)\s*(\d[\d,]*\d|\d)", text))


def next_decisions(plan: Plan, a: Any, limit: int = 4) -> list[str]:
    """The decisions before sign-off as actions, for the deck's next steps: each summary's fixes
    (the sellers' own decision's first sentence first in the sales ones), a fix whose figure an
    earlier one already recommends ('about 1,050') left out."""
    from assistant.analysis.consistency import check_consistency
    from assistant.interview.pipeline_feed import pipeline_decision

    findings = check_consistency(plan, a)
    fixes = [f.fix for f in findings if f.sections and not f.sections[0].startswith("sales")][:3]
    if d := pipeline_decision(plan, a):
        fixes.append(re.split(r"(?<=[.])\s", d, maxsplit=1)[0])
    fixes += [f.fix for f in findings if f.sections and f.sections[0].startswith("sales")][:2]
    out: list[str] = []
    for fix in fixes:
        if fix and not any(recommended_figures(fix) & recommended_figures(o) for o in out):
            out.append(fix)
    return out[:limit]


def _decisions(plan: Plan, a: Any, sales: bool) -> list[str]:
    return [text for text, _ in _decision_items(plan, a, sales)]


def _decision_items(plan: Plan, a: Any, sales: bool) -> list[tuple[str, str]]:
    """Up to three decisions the plan's consistency checks leave to the reader of this summary
    (the marketing ones in the marketing summary, the sales ones in the sales summary): the
    finding's first sentence when it is short enough to stand whole, then its fix; each with the
    whole finding it shortens."""
    from assistant.analysis.consistency import check_consistency
    from assistant.analysis.sales_cost_finding import full_cac_figures, full_cac_finding, misses

    # the fully loaded CAC's figures lead the summary's numbers: its decision is the fix alone
    full = full_cac_finding(plan, a).message if full_cac_figures(a.unit_economics) else None

    from assistant.analysis.peaks import peak_budget_finding, peak_summary_fix

    peak = peak_budget_finding(plan, a)
    out: list[tuple[str, str]] = []
    if sales:  # the sellers' own decision first: the close rate, or pipeline from outside
        from assistant.interview.pipeline_feed import pipeline_decision

        out += [(d, d) for d in [pipeline_decision(plan, a)] if d]
    for f in check_consistency(plan, a):
        if not f.sections or f.sections[0].startswith("sales") != sales:
            continue
        first = _whole_first_sentence(f.message, 170)
        first = first if first.endswith((".", "다.", "다")) else ""
        if f.message == full:
            figures = full_cac_figures(a.unit_economics)
            if figures and not any(misses(figures[1], figures[2])):
                continue  # an estimate that meets the bars is an assumption, not a decision
            first = ""
        fix = peak_summary_fix(plan, a) if peak is not None and f.message == peak.message else f.fix
        out.append((f"{first} {fix}".strip() if first else fix, f"{f.message} {f.fix}".strip()))
    return out[:3]


def full_cac_sentence(
    full: tuple[float, float | None, float | None],
    cur: str,
    lang: str,
    low: LowCase | None = None,
    estimate: float | None = None,
    paid: FundedCase | None = None,
) -> str:
    """'Customer acquisition cost, with the sales team at typical cost, is about $24,800:
    LTV:CAC 2.1:1, paid back in about 23.5 months'; when the funnel's customers and today's deal
    size are below the goals, that base case leads ('At the 60 customers … about $28,900 …') and
    the goals' figures follow ('If the goals are met, this CAC is about $24,800 …')."""
    from assistant.interview.economics_table import low_case_basis

    cac, ratio, payback = full
    if not (low and low.ratio and low.payback):
        paid = None  # the extra leads are said beside a base case only
    # `paid`: the goals met with the recommended extra leads paid for; their figures replace the
    # goals' figures at today's budget (the unit economics table shows both)
    extra = format_amount(about(paid.money), cur, lang) if paid else ""
    n = f"{paid.extra:,.0f}" if paid else ""
    if paid:
        cac, ratio, payback = paid.cac, paid.ratio, paid.payback
    money = format_amount(about(cac), cur, lang)
    with_ko = f"(승인 전에 정할 추가 리드 연 약 {n}건, 약 {extra} 포함)" if paid else ""
    with_en = f", with the extra leads the decisions before sign-off recommend (about {n} a year, {extra} more)," if paid else ""  # fmt: skip
    # the estimate a headline figure rests on is said with it, with what replaces it
    team = (
        format_amount(round(estimate), cur, lang) if estimate else ""
    )  # as the assumptions say it
    # the estimate in a sentence of its own before the figures that rest on it (no run-on)
    lead_ko = f"영업팀 비용은 업계 평균 인건비로 연 {team}으로 추정했으며, 실제 인건비가 나오면 그 값으로 바꿉니다. " if team else ""  # fmt: skip
    lead_en = f"The sales team's cost is estimated at typical pay, {team} a year, until your payroll replaces it. " if team else ""  # fmt: skip
    said_ko = "이 비용을 넣은" if team else "영업 인건비(추정)를 포함한"
    said_en = "including it" if team else "including an estimated sales team cost"
    low_money = format_amount(about(low.cac), cur, lang) if low else ""
    if lang == "ko":
        parts = [f"LTV:CAC {ratio:g}:1"] if ratio else []
        parts += [f"회수 기간 약 {payback:g}개월"] if payback else []
        if low and low.ratio and low.payback:
            # the base case leads (what the plan has today), the goals' case follows as upside
            return lead_ko + (
                f"{low_case_basis(low, cur, lang)}으로는 {said_ko} 고객 확보 비용(CAC)이 약 {low_money}으로, "
                f"LTV:CAC {low.ratio:g}:1, 회수 기간 약 {low.payback:g}개월입니다. 목표를 모두 이루면{with_ko} 약 {money}"
                + (f", {', '.join(parts)}입니다." if parts else "입니다.")
            )
        return lead_ko + f"{said_ko} 고객 확보 비용(CAC)은 약 {money}" + (f"으로, {', '.join(parts)}입니다." if parts else "입니다.")  # fmt: skip
    parts = [f"LTV:CAC {ratio:g}:1"] if ratio else []
    parts += [f"paid back in about {payback:g} months"] if payback else []
    if low and low.ratio and low.payback:
        # the base case leads (what the plan has today), the goals' case follows as upside
        basis = low_case_basis(low, cur, lang)
        return lead_en + (
            f"{basis[:1].upper()}{basis[1:]}, customer acquisition cost {said_en} is about {low_money}: "
            f"LTV:CAC {low.ratio:g}:1, paid back in about {low.payback:g} months. If the goals are met{with_en} this CAC is about {money}"
            + (f": {', '.join(parts)}." if parts else ".")
        )
    return lead_en + f"Customer acquisition cost {said_en} is about {money}" + (f": {', '.join(parts)}." if parts else ".")  # fmt: skip


def with_action(risk: str, action: str, ko: bool) -> str:
    """'Bundled analytics from commerce platforms: lead with what a bundle does not give (...)'."""
    if not action:
        return risk
    if ko:
        return f"{risk.rstrip('.')}: {action}"
    first = action if action[1:2].isupper() else action[:1].lower() + action[1:]
    return f"{risk.rstrip('.')}: {first}"


def more_risks(plan: Plan, a: Any, items: list[str], said: str, room: int) -> list[str]:
    """The risk register's own rows the summary has not said yet (neither as a risk nor in its
    figures and decisions), the plan's numbers before the SWOT's weaknesses it already lists."""
    from assistant.interview.economics_risks import plan_register, summary_rows

    swot = plan.user_text("mkt_market_analysis").lower()
    # the sales summary's own risks (its pipeline, a seller's cost) are its to say, not another's
    theirs = {r.risk for r in summary_rows(plan, a, "")}
    figures = set(re.findall(r"\d[\d,.:]*\d", said))
    out: list[str] = []
    for row in plan_register(plan, a):
        head = row.risk.rstrip(".")
        if (
            any(i.startswith(head[:40]) for i in [*items, *out])
            or (row.item or head).lower() in swot
            or row.risk in theirs
        ):
            continue
        own = set(re.findall(r"\d[\d,.:]*\d", row.risk))
        if own and own <= figures:  # every figure of it is said above already
            continue
        if re.search(r"industry defaults?|업계 일반", said) and re.search(r"industry defaults?, not your data|업계 일반값을 썼", row.risk):  # fmt: skip
            continue  # the defaults are named beside the numbers: a caveat, not a business risk
        ko = plan.language == "ko"
        if ":" in row.risk:  # a risk with its own colon takes its response as a sentence
            out.append(f"{head}. {row.response}" if ko else f"{head}. {row.response[:1].upper()}{row.response[1:]}")  # fmt: skip
        else:
            out.append(with_action(row.risk, row.response, ko))
    return out[:room]

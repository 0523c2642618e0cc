"""The plan's closing parts as Markdown: the analysis (funnel, unit economics, capacity, revenue
bridge, budget by quarter) with its definitions, then Assumptions, Risks and Sources."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import PlanAnalysis, UnitEconomics
from assistant.core.korean_endings import report_bullets
from assistant.core.plan import Plan, forecast_currency
from assistant.goals.numbers import about as rounded
from assistant.goals.numbers import format_amount
from assistant.goals.smart import a_month
from assistant.interview.measure_names import measure_label

_T = {
    "en": {
        "analysis": "Plan analysis", "funnel": "Funnel", "stage": "Stage", "volume": "Volume",
        "rate": "Converted from the stage above", "ue": "Unit economics", "cac": "CAC", "ltv": "LTV",
        "payback": "CAC payback", "cac_m": "CAC, marketing only", "cac_full": "CAC, marketing + sales budgets", "cac_funnel": "CAC at the funnel's {n} customers", "ltv_cac": "LTV:CAC", "cac_est": "CAC with an estimated sales team cost", "ltv_cac_est": "LTV:CAC with the estimated sales team cost", "roi": "Marketing ROI", "months": "months", "capacity": "Sales capacity",
        "reps": "Quota-carrying sellers", "dpr": "New deals per seller", "rpr": "New business per seller",
        "bridge": "Revenue bridge", "hist": "Last 12 months (history)", "fc": "Next 12 months (forecast)", "fc_of": "Forecast",
        "goal": "Revenue goal", "newbiz": "New customers x average deal size",
        "base": "Starting base", "churned": "Churned ({rate:g}% a year)", "gap": "Gap for expansion revenue to close", "expansion": "Expansion revenue you expect", "gap_left": "Gap still to close", "surplus": "Surplus over the goal", "surplus_rate": "Surplus at the year-end run-rate", "sum": "Comes to", "sum_rate": "Year-end run-rate", "in_year": "{year} revenue, customers joining evenly", "year_short": "Short of the {year} revenue goal", "at_rate": " (at the year-end run-rate)", "year_over": "Above the {year} revenue goal", "bq": "Budget by quarter",
        "quarter": "Quarter", "amount": "Amount", "assumptions": "Assumptions", "risks": "Risks and mitigations", "watch": "What to watch", "owner": "Owner",
        "risk": "Risk", "mitigation": "Mitigation", "sources": "Sources", "metric": "Metric", "value": "Value",
        "defs": "CAC = acquisition spend / new customers · LTV = annual revenue per customer x gross margin x years kept (the years a customer stays within a 5-year horizon, losing the annual churn each year; shorter than 1 / annual churn) · payback = CAC / (monthly revenue per customer x gross margin) · ROI = (attributed revenue - cost) / cost x 100.",
        "none": "None: every number comes from your answers.",
        "defs_shop": "CAC = acquisition spend / new customers · LTV = average order value x expected orders per customer (1 / (1 - repeat rate)) x gross margin · break-even ROAS = 1 / gross margin · ROI = (attributed revenue - cost) / cost x 100.",
        "base_sales": "Last year's sales (base)", "gap_orders": "Gap to close", "lapsed": "Last year's buyers who do not return ({rate:g}%)", "newbiz_shop": "New customers x revenue per customer",
        "orders": "Expected orders per customer", "projects": "Expected projects per client",
        "defs_projects": "CAC = acquisition spend / new clients targeted · LTV = project value x expected projects per client (1 / (1 - repeat-client rate)) x gross margin · ROI = (attributed revenue - cost) / cost x 100.", "roas_be": "Break-even ROAS (1 / gross margin)",
        "roas_plan": "Planned ROAS (new-customer revenue / marketing budget)", "orders_needed": "Orders the revenue goal takes",
        "stated_note": "Your own bridge from the base to the goal, as you wrote it.", "adds_up": "Your bridge comes to", "newbiz_full": "For comparison: new customers x average deal size, a full year",
    },
    "ko": {
        "analysis": "계획 분석", "funnel": "퍼널", "stage": "단계", "volume": "규모",
        "rate": "앞 단계 대비 전환율", "ue": "단위 경제성", "cac": "고객 확보 비용(CAC)", "ltv": "고객 생애 가치(LTV)",
        "payback": "CAC 회수 기간", "cac_m": "CAC(마케팅만)", "cac_full": "CAC(마케팅+영업 예산)", "cac_funnel": "퍼널이 만드는 신규 고객({n}) 기준 CAC", "ltv_cac": "LTV:CAC", "cac_est": "CAC(영업팀 추정 비용 포함)", "ltv_cac_est": "LTV:CAC(영업팀 추정 비용 포함)", "roi": "마케팅 ROI", "months": "개월", "capacity": "영업 역량",
        "reps": "할당량을 가진 영업 담당자", "dpr": "담당자 1인당 신규 거래", "rpr": "담당자 1인당 신규 매출",
        "bridge": "매출 브리지", "hist": "최근 12개월(실적)", "fc": "향후 12개월(예측)", "fc_of": "예측", "goal": "매출 목표",
        "newbiz": "신규 고객 × 평균 거래 규모", "bq": "분기별 예산",
        "base": "출발 기준값", "churned": "이탈 (연 {rate:g}%)", "gap": "확장 매출로 메울 차이", "expansion": "기대하는 확장 매출", "gap_left": "남은 차이", "surplus": "목표 대비 초과분", "surplus_rate": "연말 기준 연간 매출 초과분", "sum": "합계", "sum_rate": "연말 연간 매출 규모(연환산)", "in_year": "{year}년 매출(고객이 고르게 들어올 때)", "year_short": "{year}년 매출 목표 대비 부족분", "at_rate": "(연말 기준)", "year_over": "{year}년 매출 목표 대비 초과분", "quarter": "분기", "amount": "금액",
        "assumptions": "가정", "risks": "위험과 대응", "watch": "점검 지표", "owner": "담당", "risk": "위험", "mitigation": "대응", "sources": "출처",
        "metric": "지표", "value": "값",
        "defs": "CAC = 고객 확보 지출 / 신규 고객 수 · LTV = 고객당 연 매출 × 매출총이익률 × 유지 기간(5년 안에서 매년 이탈을 반영한 연수로, 1 / 연간 이탈률보다 짧음) · 회수 기간 = CAC / (고객당 월 매출 × 매출총이익률) · ROI = (기여 매출 - 비용) / 비용 × 100.",
        "none": "없음: 모든 수치가 답변에서 나왔습니다.",
        "defs_shop": "CAC = 고객 확보 지출 / 신규 고객 수 · LTV = 평균 주문 금액 × 고객당 예상 주문 수(1 / (1 - 재구매율)) × 매출총이익률 · 손익분기 ROAS = 1 / 매출총이익률 · ROI = (기여 매출 - 비용) / 비용 × 100.",
        "base_sales": "작년 매출(기준값)", "gap_orders": "메워야 할 차이", "lapsed": "다시 구매하지 않는 작년 고객 ({rate:g}%)", "newbiz_shop": "신규 고객 × 고객당 매출",
        "orders": "고객당 예상 주문 수", "projects": "고객당 예상 프로젝트 수",
        "defs_projects": "CAC = 고객 확보 지출 / 신규 고객 수 · LTV = 프로젝트 금액 × 고객당 예상 프로젝트 수(1 / (1 - 재의뢰율)) × 매출총이익률 · ROI = (기여 매출 - 비용) / 비용 × 100.", "roas_be": "손익분기 ROAS(1 / 매출총이익률)",
        "roas_plan": "계획 ROAS(신규 고객 매출 / 마케팅 예산)", "orders_needed": "매출 목표에 필요한 주문 수",
        "stated_note": "계획에 직접 쓴 기준값에서 목표까지의 매출 브리지입니다.", "adds_up": "직접 쓴 브리지의 합계", "newbiz_full": "비교: 신규 고객 × 평균 거래 규모(1년 전체)",
    },
}  # fmt: skip


def quarter_label(quarter: str, lang: str) -> str:
    """'2027-Q1' as the reader says it: '2027년 1분기' in Korean, 'Q1 2027' in English."""
    year, _, q = quarter.partition("-Q")
    if not q:
        return quarter
    return f"{year}년 {q}분기" if lang == "ko" else f"Q{q} {year}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def analysis_markdown(plan: Plan, a: PlanAnalysis) -> str:
    lang = "ko" if plan.language == "ko" else "en"
    T = _T[lang]
    cur = a.unit_economics.currency
    money = lambda v: format_amount(v, cur, lang) if v is not None else "-"  # noqa: E731
    count = lambda v: format_amount(v, "", lang)  # noqa: E731
    parts = [f"## {T['analysis']}"]
    page = page_markdown(plan)
    if page:
        parts.append(page)
    if a.funnel:
        rows = [
            # people and deals are whole: 37.8 customers reads as about 38
            [
                s.stage,
                count(round(s.volume) if s.volume >= 10 else s.volume),
                f"{s.rate:g}%" if s.rate is not None else "-",
            ]  # fmt: skip
            for s in a.funnel
        ]
        head = [T["stage"], T["volume"], T["rate"]]
        from assistant.analysis.plan_goals import lead_pace

        pace = lead_pace(plan)
        if pace and len(a.funnel) > 1:
            # the lead goal's months beside the same pace over the customer goal's year: the
            # figures the summary, the capacity and the KPIs use are in the table, not in a note
            ko = plan.language == "ko"
            scale = pace[1] / pace[0]
            head = [T["stage"], f"{pace[0]}개월(리드 목표)" if ko else f"{pace[0]} months (the lead goal)",
                    f"{pace[1]}개월(같은 속도)" if ko else f"{pace[1]} months at that pace", T["rate"]]  # fmt: skip
            rows = [[r[0], r[1], count(round(s.volume * scale) if s.volume * scale >= 10 else s.volume * scale), r[2]] for r, s in zip(rows, a.funnel, strict=True)]  # fmt: skip
        funnel_md = f"**{T['funnel']}**\n\n" + _table(head, rows)
        parts.append(funnel_md)
    ue = a.unit_economics
    if any(v is not None for v in (ue.cac, ue.ltv, ue.payback_months, ue.roi_pct)):
        from assistant.interview.economics_table import two_case_table, unit_economics_rows

        roi = roi_cell(plan, a, lang)
        both = two_case_table(plan, a, T)
        head, rows = both or ([T["metric"], T["value"]], unit_economics_rows(plan, a, T, roi))
        roi_line = f"\n\n{T['roi']}: {roi}" if both and roi != "-" else ""
        from assistant.interview.economics_table import goals_met_spend

        if both and (extra := goals_met_spend(plan, a)):
            roi_line += "\n\n" + extra
        parts.append(f"**{T['ue']}**\n\n" + _table(head, rows) + roi_line + f"\n\n_{T[_defs_key(ue)]}_")  # fmt: skip
    from assistant.interview.economics_table import capacity_table

    if (capacity := capacity_table(plan, a, T)) is not None:
        parts.append(f"**{T['capacity']}**\n\n" + _table(*capacity))
    br = a.revenue
    f = plan.forecast
    sales = lambda v: format_amount(round(v), forecast_currency(plan), lang)  # noqa: E731
    fc_label = T["fc"]
    if f is not None and f.points and br.forecast_next_12 is not None:
        shown = f.points[: {"weekly": 52, "quarterly": 4}.get(f.frequency, 12)]
        fc_label = f"{T['fc_of']} ({shown[0].period} – {shown[-1].period})"
    bridge_rows = [
        [label, show(value)]
        for label, value, show in ((T["hist"], br.history_last_12, sales),
                                   (fc_label, br.forecast_next_12, sales),
                                   (T["goal"], br.goal, money),
                                   (T["newbiz"], rounded(br.new_business_from_goals) if br.new_business_from_goals else None, money),
                                   (T["orders_needed"], br.orders_needed, count))
        if value is not None
    ]  # fmt: skip
    if br.stated and br.base is not None and br.gap is not None and br.goal is not None:
        # the user's own bridge, term by term, then what it comes to against the goal
        signed = lambda v: ("+" if v >= 0 else "-") + money(abs(v))  # noqa: E731
        rows = [[T["base"], money(br.base)],
                *[[t.label, signed(t.amount)] for t in br.stated],
                [T["adds_up"], money(br.goal - br.gap)],
                *([[T["gap_left"] if br.gap > 0 else T["surplus"], money(abs(br.gap))]] if abs(br.gap) >= 1 else []),
                [T["goal"], money(br.goal)],
                *([[T["newbiz_full"], money(rounded(br.new_business_from_goals))]] if br.new_business_from_goals else [])]  # fmt: skip
        keep = (T["goal"], T["newbiz"], T["orders_needed"])
        bridge_rows = [r for r in bridge_rows if r[0] not in keep] + rows
    elif br.base is not None and br.churned is not None and br.gap is not None:
        # base -> churn -> new -> goal: like for like, a level from its stated level
        from assistant.analysis.outlets import outlet_bridge

        # a chain's new business is its new outlets' sales, named so
        opened = outlet_bridge(plan, cur, br.new_business_from_goals)
        outlets_label = (
            (f"새 {opened[2]} {opened[0]:,.0f}곳 × {opened[2]}당 연 매출 {money(opened[1])}" if lang == "ko"
             else f"{opened[0]:,.0f} new {opened[2]} x {money(opened[1])} a year each")
            if opened else ""
        )  # fmt: skip
        shop = (
            br.churn_rate_annual is None
        )  # last year's sales: no churn, repeat orders close the gap
        rows = [[T["base_sales"] if shop else T["base"], money(br.base)],
                *([[T["lapsed"].format(rate=round(br.churned / br.base * 100)), "-" + money(br.churned)]] if shop and br.churned and br.base
                  else [] if shop else [[T["churned"].format(rate=br.churn_rate_annual or 0), "-" + money(br.churned)]]),
                [outlets_label or (T["newbiz_shop"] if shop else T["newbiz"]), "+" + money(rounded(br.new_business_from_goals or 0))],
                *([[T["expansion"], "+" + money(br.expansion)]] if br.expansion else []),
                # a surplus is read against the sum it comes from: base - churn + new + expansion
                *([[T["sum"] if shop else T["sum_rate"], money(br.goal - br.gap)]] if br.gap < 0 and br.goal is not None else []),
                [(T["gap_left"] if br.expansion else T["gap_orders"] if shop else T["gap"]) if br.gap >= 0 else T["surplus"], money(abs(br.gap))],
                [T["goal"], money(br.goal)]]  # fmt: skip
        from assistant.analysis.plan_goals import plan_year
        from assistant.analysis.revenue_bridge import in_year_landing
        from assistant.goals.numbers import about

        # a year's revenue goal: the bridge's year-end run-rate beside what the year itself brings
        # (customers joining evenly), so a surplus here and a shortfall in the year both read right
        if (landed := in_year_landing(plan, br)) is not None and br.goal is not None:
            year = plan_year(plan)
            # the goal is the year's revenue: its gap is the year's, said last; a surplus at the
            # year-end run-rate beside a shortfall in the year would read as the goal met
            rows = [r for r in rows if r[0] != T["surplus"]]
            # a gap at the run-rate says so, beside the year's own gap below it
            gaps = (T["gap"], T["gap_orders"], T["gap_left"])
            rows = [[f"{r[0]}{T['at_rate']}" if r[0] in gaps else r[0], r[1]] for r in rows]
            rows.append([T["in_year"].format(year=year), money(about(landed))])
            short = br.goal - about(landed)  # the goal as the row above shows it
            if abs(short) >= 1:
                label = T["year_short"] if short > 0 else T["year_over"]
                rows.append([label.format(year=year), money(abs(short))])
        orders = [r for r in bridge_rows if r[0] == T["orders_needed"]]
        bridge_rows = [r for r in bridge_rows if r[0] not in (T["goal"], T["newbiz"], T["orders_needed"])] + rows + orders  # fmt: skip
    if bridge_rows and all(r[0] in (T["newbiz"], T["orders_needed"]) for r in bridge_rows):
        # no base, history or revenue goal: new business alone is no bridge, and is not called one
        title, note = ("목표의 신규 매출", "작년 매출이나 매출 목표가 없어 작년 매출에서 목표까지의 매출 브리지는 만들 수 없습니다.") if lang == "ko" else (
            "New business from the goals", "No revenue base or revenue goal is stated, so there is no bridge from last year's revenue to a goal.")  # fmt: skip
        parts.append(
            f"**{title}**\n\n" + _table([T["metric"], T["value"]], bridge_rows) + f"\n\n{note}"
        )
    elif bridge_rows:
        parts.append(f"**{T['bridge']}**\n\n" + _table([T["metric"], T["value"]], bridge_rows))
    if a.budget_by_quarter:
        rows = [[quarter_label(q.quarter, lang), money(q.amount)] for q in a.budget_by_quarter]
        head = [T["quarter"], T["amount"]]
        from assistant.analysis.peaks import recommended_quarters

        if (weighted := recommended_quarters(plan, a)) is not None:
            # the decision's split beside the even one, so the table shows what is recommended
            # dated costs sit in their quarters in both columns: only the rest is even or weighted
            head = [T["quarter"], "나머지를 고르게" if lang == "ko" else "Rest spread evenly", "제안(성수기 반영)" if lang == "ko" else "Recommended (peak quarters)"]  # fmt: skip
            rows = [r + [money(x)] for r, x in zip(rows, weighted, strict=True)]
        # the columns add up to the budget: said in a total row a reader can check
        totals = [sum(q.amount for q in a.budget_by_quarter), *([sum(weighted)] if weighted is not None else [])]  # fmt: skip
        rows.append(["합계" if lang == "ko" else "Total", *(money(x) for x in totals)])
        parts.append(f"**{T['bq']}**\n\n" + _table(head, rows))
    from assistant.interview.roi_table import roi_rows

    if bases := roi_rows(plan, a):  # every basis side by side here; the budget says the tracked one
        parts.append(
            ("**기준별 ROI**" if lang == "ko" else "**ROI on each basis**")
            + "\n\n"
            + _table(*bases)
        )
    from assistant.analysis.consistency import check_consistency
    from assistant.interview.summary_parts import decisions_shown

    findings = check_consistency(plan, a)
    # a check the summaries already state whole, as a decision before sign-off, is not said twice
    said = decisions_shown(plan, a)
    rest = [f for f in findings if f"{f.message} {f.fix}".strip() not in said]
    if rest:
        title = "일관성 점검" if lang == "ko" else "Consistency checks"
        lines = [f"- {f.message} {f.fix}" for f in rest]
        if len(rest) < len(findings):
            more = len(findings) - len(rest)
            lines.append(
                f"- 나머지 {more}건은 요약의 '승인 전에 정할 것'에 있습니다."
                if lang == "ko"
                else f"- {more} more {'is' if more == 1 else 'are'} among the summaries' decisions before sign-off."
            )
        parts.append(f"**{title}**\n\n" + "\n".join(lines))
    # every check already among the summaries' decisions: no heading over an empty list
    if len(parts) == 1:
        return ""
    from assistant.interview.plan_words import in_plan_words

    text = (
        report_bullets("\n\n".join(parts), paragraphs=True) if lang == "ko" else "\n\n".join(parts)
    )
    return in_plan_words(plan, text)


def roi_cell(plan: Plan, a: PlanAnalysis, lang: str) -> str:
    """The ROI claimed, with the ROI the goals' new business supports when the claim is above it
    (the same figure the KPI table and the budget note give)."""
    from assistant.analysis.budget import goals_revenue, roi_supported

    ue = a.unit_economics
    if ue.roi_pct is None:
        return "-"
    ceiling = roi_supported(plan.budget.total or 0, ue.roi_pct, goals_revenue(a.revenue))
    if ceiling is None:
        from assistant.interview.roi_table import marketing_roi_below

        if (at := marketing_roi_below(plan, a, ue.roi_pct)) is not None:
            # the KPI table's figure: the claim counts partner and expansion revenue
            return (
                f"{ue.roi_pct:g}%(마케팅이 확보하는 고객만으로는 약 {at:.0f}%)"
                if lang == "ko"
                else f"{ue.roi_pct:g}% (about {at:.0f}% on the customers marketing brings)"
            )
        return f"{ue.roi_pct:g}%"
    if ceiling < 0:  # the year's new business is less than the budget: no 'at most' a loss
        return (
            f"{ue.roi_pct:g}%(생애 가치 기준; 한 해의 목표 매출로는 약 {ceiling:.0f}%)"
            if lang == "ko"
            else f"{ue.roi_pct:g}% (on lifetime value; about {ceiling:.0f}% on the year's goals)"
        )
    return (
        f"{ue.roi_pct:g}%(목표만으로는 최대 약 {ceiling:.0f}%)"
        if lang == "ko"
        else f"{ue.roi_pct:g}% (at most about {ceiling:.0f}% on the goals alone)"
    )


def _defs_key(ue: UnitEconomics) -> str:
    if ue.orders_per_customer is None:
        return "defs"
    return "defs_shop" if ue.roas_break_even is not None else "defs_projects"


def page_markdown(plan: Plan) -> str:
    """The plan on a page: each goal with the strategy, channels, budget lines, dated activities,
    owner and KPI that carry it ('none yet' is a gap the review names)."""
    from assistant.analysis.plan_links import plan_page

    page = plan_page(plan)
    if not page.rows:
        return ""
    ko = plan.language == "ko"
    lang = "ko" if ko else "en"
    gap = "없음(보완 필요)" if ko else "none yet (to add)"

    def cell(items: list[str], fed_by: int | None = None, when: bool = False, what: str = "channels") -> str:  # fmt: skip
        shown = (" ".join((i[:1].upper() + i[1:]).split()).replace("|", "/") for i in items)
        # a goal the lead goal feeds runs on its channels, budget and, in time, its schedule:
        # each cell names what it shares ('goal 1's budget lines'), never 'leads' under Budget
        # (the Channels cell keeps 'goal 1's leads': the leads are what reach the goal there)
        own = {"channels": (" 리드로", "leads"), "budget": ("의 예산 항목", "budget lines")}[what]
        via = ((f"목표 {fed_by}번 일정을 따름" if ko else f"follows goal {fed_by}'s schedule") if when
               else (f"목표 {fed_by}번{own[0]}" if ko else f"goal {fed_by}'s {own[1]}")) if fed_by else gap  # fmt: skip
        return (" · " if ko else "; ").join(shown) or via

    from assistant.analysis.lists import team_roles
    from assistant.core.korean import as_heading

    sellers = next((str(t["role"]) for t in team_roles(plan) if t["quota_carrying"]), "")
    direct = (f"{sellers}(직접 영업)" if ko else f"{sellers} (direct sales)") if sellers else ""
    from assistant.interview.compose import paying_lines

    # each dated activity -> the budget line that pays it, as the calendar's 'Paid from' says
    pays = paying_lines(plan, [e.activity for e in plan.calendar]) if plan.budget.lines else {}
    paid_by = {f"{e.when}: {e.activity}": pays.get(e.activity) for e in plan.calendar}
    rows = []
    for r in page.rows:
        f = plan.goals[r.goal - 1].frame
        # a goal won at the conversion stage is closed by the sellers before any partner or store
        channels = [direct, *r.channels] if direct and r.stages[:1] == ["conversion"] and r.section.startswith("sales") else r.channels  # fmt: skip
        if direct and channels and channels[0] == direct:
            # a self-serve channel outside the target market is counted apart from the goal the
            # sellers close (the territories say so): not one of that goal's channels
            from assistant.interview.territory_notes import self_serve_below, self_serve_channel

            serve = self_serve_channel(plan) if self_serve_below(plan) else None
            channels = [c for c in channels if not (serve and c == serve[0])]
        target = format_amount(f.target.value, f.target.unit, lang) if f and f.target else ""
        if (
            f
            and f.target
            and f.baseline
            and f.baseline.source == "goal"
            and f.target.kind == "level"
        ):
            target = f"{a_month(format_amount(f.baseline.value, f.baseline.unit, lang), f, lang)} → {a_month(target, f, lang)}"
        # the goal's measure by the name the measurement plan gives it ('마케팅 적격 리드(MQL) 수',
        # '블로그 월 방문자 수'): one name per measure across the document
        line = plan.goals[r.goal - 1].measurement
        kpi = (
            line.kpi_name
            if line and line.kpi_name
            else measure_label(plan, r.kpi)
            if r.kpi
            else "-"
        )
        head = f"{r.goal}. {kpi}: {target}" + (
            f" ({_deadline(f.deadline, ko)})" if f and f.deadline else ""
        )
        if r.fed_by and r.kpi in ("revenue", "revenue_growth") and _expansion(plan):
            # revenue grows by new business and by selling more to today's customers
            head += (f", 신규는 목표 {r.fed_by}번의 리드로, 확장은 기존 고객 판매로 채움" if ko
                     else f", new business fed by goal {r.fed_by}'s leads, expansion by selling to today's customers")  # fmt: skip
        elif r.fed_by:  # carried by the lead goal that feeds it
            head += (
                f", 목표 {r.fed_by}번의 리드로 채움" if ko else f", fed by goal {r.fed_by}'s leads"
            )
        fed = r.fed_by
        team_run = False  # carried by the owning team's own work: no budget line is a gap
        if not channels and not fed:  # the content plan's pieces are the channel of a goal no
            # channel reaches (blog posts and reports bring the traffic a traffic goal counts)
            from assistant.analysis.cadence import recurring_items
            from assistant.analysis.plan_links import stages_of

            pieces = [p.name for p in recurring_items(plan.user_text("mkt_content_strategy")) if p.period and not p.routine and r.stages[:1] and stages_of(p.name)[:1] == r.stages[:1]]  # fmt: skip
            if pieces:
                channels = [("콘텐츠: " if ko else "Content: ") + ", ".join(dict.fromkeys(pieces))]
            elif r.section.startswith("sales") and r.owner and r.owner != "-":
                # a sales goal no channel names is carried by the team that owns it
                role = re.split(r"\s*\(|\s*·", r.owner)[0].strip()
                kept = r.stages[:1] == ["retention"]
                team_run = True
                channels = [
                    f"{role}({'기존 고객' if kept else '직접 영업'})"
                    if ko
                    else f"{role} ({'existing accounts' if kept else 'direct sales'})"
                ]
        moves = [as_heading(m) for m in r.strategy] if ko else r.strategy  # a column reads alike
        # a row's activities are paid from its budget lines: the line paying a customer event
        # is the churn goal's budget, not 'no budget line'
        lines = list(dict.fromkeys([*r.budget, *(ln.item for a in r.activities if (ln := paid_by.get(a)))]))  # fmt: skip
        budget = cell(lines, fed, what="budget") if lines or not team_run else ("팀 업무(별도 예산 없음)" if ko else "the team's own time (no budget line)")  # fmt: skip
        rows.append([head, cell(moves), cell(channels, fed), budget, cell(r.activities, fed, when=True), r.owner or "-"])  # fmt: skip
    header = (
        ["목표", "전략", "채널", "예산", "일정", "담당"]
        if ko
        else ["Goal", "Strategy", "Channels", "Budget", "Activities", "Owner"]
    )
    notes = []
    if page.supporting_budget:  # a shared line (tools, people) with its share, said as a sentence
        from assistant.core.lang import fix_particles

        shares = {ln.item: ln.share for ln in plan.budget.lines}
        named = ", ".join(f"'{i}'" + (f"({shares[i]:g}%)" if ko and shares.get(i) else f" ({shares[i]:g}%)" if shares.get(i) else "") for i in page.supporting_budget)  # fmt: skip
        many = len(page.supporting_budget) > 1
        notes.append(fix_particles(f"예산 {named}은(는) 모든 목표에 함께 쓰입니다.") if ko else f"The budget line{'s' if many else ''} {named} {'are' if many else 'is'} shared by every goal.")  # fmt: skip
    if page.unmeasured:
        nums = ", ".join(map(str, page.unmeasured))
        notes.append(
            f"목표 {nums}번은 추적할 수치가 아직 없어 표에서 뺐습니다."
            if ko
            else f"Goal {nums} is left out of the table: it has no number to track yet."
        )
    title = "한 장 요약" if ko else "Plan on a page"
    body = f"**{title}**\n\n" + _table(header, rows)
    return body + ("\n\n" + " ".join(notes) if notes else "")


def _deadline(iso: str, ko: bool) -> str:
    year, month = iso[:4], int(iso[5:7])
    if ko:
        return f"{year}년 {month}월"
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{names[month - 1]} {year}"


def closing_markdown(plan: Plan, a: PlanAnalysis) -> str:
    """Assumptions, Risks and mitigations, Sources: the parts a reader checks last."""
    lang = "ko" if plan.language == "ko" else "en"
    T = _T[lang]
    from assistant.interview.compose_offer import addon_price_assumption
    from assistant.interview.compose_team import headcount_assumptions
    from assistant.interview.economics_risks import plan_register
    from assistant.interview.forecast_proposal import freeze_assumption, proposed_cycle_assumption

    assumed = [
        *a.assumptions,
        *proposed_cycle_assumption(plan, a),
        *freeze_assumption(plan, a),
        *headcount_assumptions(plan),
        *addon_price_assumption(plan),
    ]
    out = [f"## {T['assumptions']}", "\n".join(f"- {x}" for x in assumed) or T["none"]]
    register = plan_register(plan, a)
    if register:  # the whole register: each risk with what to watch, the response and its owner
        head = [T["risk"], T["watch"], T["mitigation"], T["owner"]]
        out += [f"## {T['risks']}", _table(head, [[r.risk, r.watch, r.response, r.owner] for r in register])]  # fmt: skip
    elif a.risks:
        out += [
            f"## {T['risks']}",
            _table([T["risk"], T["mitigation"]], [[r.risk, r.mitigation] for r in a.risks]),
        ]
    sources = sorted({s.source for sec in plan.sections.values() for s in sec.sources})
    if sources:
        out += [f"## {T['sources']}", "\n".join(f"- {s}" for s in sources)]
    from assistant.interview.plan_words import in_plan_words

    text = report_bullets("\n\n".join(out), paragraphs=True) if lang == "ko" else "\n\n".join(out)
    return in_plan_words(plan, text)


def _expansion(plan: Plan) -> bool:
    """The plan states expansion revenue from today's customers (the fact the revenue bridge
    counts), read from the fact sheet rather than a second whole analysis per render."""
    stated = plan.fact("expansion_revenue")
    return stated is not None and isinstance(stated.value, (int, float)) and stated.value > 0

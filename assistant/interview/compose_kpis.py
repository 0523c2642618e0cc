"""The sales KPI section as a table: every KPI the user listed, in their words and order, with the
target the plan gives it (a number written next to it, a goal's target, the funnel's rate, the
computed CAC, or what the revenue bridge needs) and where that figure comes from. A KPI with no
value anywhere says how to set one, with the catalogue's healthy range."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.analysis.plan_analysis import PlanAnalysis
from assistant.analysis.review import kpis_named_in
from assistant.analysis.sales_cost_finding import goals_full_figures
from assistant.analysis.text_words import words
from assistant.core.korean import re_hangul, split_list
from assistant.core.lang import fix_particles
from assistant.core.plan import Goal, Plan
from assistant.goals.kpi import KPI
from assistant.goals.numbers import about, format_amount, read_quantities
from assistant.goals.smart import target_text
from assistant.interview.compose import _table
from assistant.interview.kpi_money import _cac, _cpl, _roi, cac_note, low_cac
from assistant.interview.kpi_rates import assumed_cycle, nrr_target, trial_measure, win_rate_target
from assistant.interview.kpi_use import kpi_use
from assistant.interview.readout import value_text


def open_target(plan: Plan) -> str:
    """A KPI with no value yet gets a dated milestone, not an open promise: its baseline is
    measured in the plan year's first quarter and the target set from it."""
    from assistant.analysis.plan_goals import plan_year

    year = plan_year(plan)
    # a company with last year's revenue has last year's records: the baseline is pulled in
    # January, not measured anew over the first quarter
    if plan.fact("revenue_base") is not None:
        if plan.language == "ko":
            return f"작년 기록에서 1월에 기준값을 뽑아 설정(기록이 없으면 {year}년 1분기에 측정)"
        return f"set from last year's records, pulled in January (measured in Q1 {year} where there are none)"  # fmt: skip
    if plan.language == "ko":
        return f"{year}년 1분기에 기준값을 측정해 설정"
    return f"set from its baseline, measured in Q1 {year}"


# measures the catalogue does not hold as KPIs, read by their name
_NAMED = {
    "gross_margin": re.compile(r"gross\s+margin|매출\s*총\s*이익률|마진율", re.I),
    "sales_cycle_length": re.compile(r"\bcycle\b|주기", re.I),
    "retention_rate": re.compile(r"renewal|retention|갱신|재계약|유지율", re.I),
    "average_deal_size": re.compile(
        r"평균\s*(?:계약|거래)\s*(?:금액|규모)|deal\s+size|\bACV\b", re.I
    ),
}
_MAX_ITEM = 60  # longer than this, the answer is prose, not a list of KPIs


def kpi_items(text: str) -> list[str]:
    """The KPIs a list answer names, as written: 'Win rate, average deal size, and CAC.' ->
    ['Win rate', 'average deal size', 'CAC']; [] when the answer is prose."""
    text = " ".join(text.split()).strip(" .")
    if re_hangul(text):
        # 'GA4 + 대시보드. 매주 월요일 A, B, C 확인.': the sentence that lists, without its schedule
        sentences = [x for x in re.split(r"(?<=[.!?。])\s+", text) if x.strip()]
        text = max(sentences, key=lambda x: x.count(","), default=text).strip(" .")
        text = re.sub(r"^(?:매주|매월|매일|주간|월간)(?:\s*[월화수목금토일]요일)?\s+", "", text)
        # '…, 마케팅 ROI를 허브스팟 대시보드에서 매주 확인합니다': the list ends at its object
        text = re.sub(
            r"(?<=\S)[을를]\s+[^,]*(?:확인|추적|측정|관리|점검|봅니다|합니다|한다)[^,]*$", "", text
        )
        text = re.sub(r"\s+(?:확인|점검|추적|측정|모니터링)(?:합니다|한다|함)?$", "", text)
        items = split_list(text)
    else:
        # 'Track a, b and c in a weekly HubSpot dashboard': the list without its verb and tool
        text = re.sub(
            r"^(?:we\s+)?(?:track|monitor|measure|report|review|watch)\s+", "", text, flags=re.I
        )
        text = re.sub(r"\s+(?:in|on|via|through|using)\s+(?:an?\s+|the\s+|our\s+)?[^,;]*(?:dashboard|report|tool|crm|sheet)\b[^,;]*$", "", text, flags=re.I)  # fmt: skip
        items = [i for i in re.split(r"[,;](?![^()]*\))(?!\d)|(?<=[%\w])\.\s+(?=[A-Z])", text)]
        items = [re.sub(r"^(?:and|or|&)\s+", "", i.strip(" .")) for i in items]
        # the last pair joined by 'and' ('trial conversion and marketing ROI') is two items
        if items and re.search(r"\s+and\s+", items[-1]) and len(items[-1].split()) <= 7:
            items = items[:-1] + [x.strip() for x in re.split(r"\s+and\s+", items[-1], maxsplit=1)]
    items = [i for i in items if i]
    if len(items) < 2 or any(len(i) > _MAX_ITEM for i in items):
        return []
    return items


_PER_UNIT = re.compile(
    r"\bper\b|/|별|당|\bratio\b|payback|회수|기간|margin|마진|이익률|share|비중|utili|가동률|%\s*of\b"
)


# '40 new clients', '150+ active clients': the value written before the name
_LEADING = re.compile(
    r"^\s*(?P<num>[~≈]?\s*[$₩€£]?\d[\d,.]*\s*[kKmM%]?\+?)\s+(?P<name>[A-Za-z].*)$"
)
_BOUND = re.compile(
    r"\s+(?:under|over|below|above|at\s+least|at\s+most|of|at|is|:)$|\s*[~≈<>≤≥]$", re.I
)
_ARROW = re.compile(r"->|→|⇒|=>|\bto\b")


def _label(item: str) -> str:
    """The KPI's name without the value written after it ('수주율 30%' -> '수주율', 'time-to-fill
    under 48 hrs' -> 'Time-to-fill') or before it ('40 new clients' -> 'New clients'); 'sign-ups
    per 100 transactions' keeps its number."""
    if lead := _LEADING.match(item):
        cut = lead.group("name").strip()
        return cut[:1].upper() + cut[1:]
    m = re.search(r"\s+(?=[~≈<>]?\s*[$₩€£]?\d)", item)
    # '% of searches with 20+ results', 'first-order rate within 60 days (48% of approved)': a
    # number after 'with' (or after 'within' when a value follows) defines the measure
    if m and (near := re.search(r"\b(within|with)$", item[: m.start()], re.I)):
        found = list(re.finditer(r"\d[\d,.]*", item))
        if near.group(1).lower() == "with" or len(found) > 1:
            cut = (item[: found[1].start()] if len(found) > 1 else item).rstrip(" (:~≈$₩€£")
            return cut[:1].upper() + cut[1:]
    cut = item
    if m and m.start() and not re.search(r"(?:\bper|\bevery|\bfor|당|/)$", item[: m.start()]):
        cut = _BOUND.sub("", item[: m.start()]).strip(" :")
    return cut[:1].upper() + cut[1:]


def _own_value(item: str, lang: str) -> str | None:
    """The value written with the KPI: after its name, the target after an arrow ('58% -> 65%'
    is 65%), or before its name ('40 new clients')."""
    if lead := _LEADING.match(item):
        rest = lead.group("num")
    else:
        label = _label(item)
        at = item.lower().find(label.lower())
        rest = item[at + len(label) :] if at == 0 else ""
    values = [q for q in read_quantities(rest) if not q.cadence]
    if not values:
        return None
    q = values[-1] if _ARROW.search(rest) else values[0]
    return format_amount(q.value, q.unit, lang)


def catalogue_kpi(item: str) -> KPI | None:
    """The catalogue KPI a listed item is, when it is that KPI and not a measure built on it
    ('revenue per consultant', '매장별 일매출', 'CAC 회수 기간' are other measures)."""
    kpis = kpis_named_in(item)
    if len(kpis) != 1:
        return None
    rest = item.lower()
    for cue in sorted(kpis[0].name_cues, key=len, reverse=True):
        rest = rest.replace(cue.lower(), " ")
    return None if _PER_UNIT.search(rest) else kpis[0]


def _goal_for(plan: Plan, item: str, kpi: KPI | None) -> Goal | None:
    """The goal whose target this KPI is: among the goals measured by the KPI, the one whose
    metric shares most of the item's words; without a catalogue KPI, the one goal whose metric
    holds all of the item's words ('객수' -> '매장당 일평균 객수')."""
    mine = words(item)
    with_target = [g for g in plan.goals if g.frame is not None and g.frame.target is not None]
    metric = lambda g: words(g.frame.metric if g.frame else "")  # noqa: E731
    if kpi is not None:
        by_kpi = [g for g in with_target if g.frame is not None and g.frame.kpi == kpi.id]
        if by_kpi:
            return max(by_kpi, key=lambda g: len(mine & metric(g)))
    if not mine:
        return None
    holding = [g for g in with_target if mine <= metric(g)]
    return holding[0] if len(holding) == 1 else None


def _months(value: float, ko: bool) -> str:
    return f"{value:g}개월" if ko else f"{value:g} months"


def _computed(plan: Plan, analysis: PlanAnalysis, item: str) -> tuple[str, str] | None:
    """The figure the plan's facts or arithmetic give a listed measure, by what the item says:
    payback and LTV:CAC before CAC, the funnel's closing rate, the stated margin, take rate,
    churn, repeat rate, order value and deal size, the sales cycle, and the net revenue retention
    the revenue bridge needs."""
    ko, lang = plan.language == "ko", plan.language
    ue, cur = analysis.unit_economics, analysis.unit_economics.currency
    by_analysis = "분석" if ko else "analysis"
    by_estimate = "분석(영업팀 비용은 추정)" if ko else "analysis (sales team cost estimated)"
    goals = goals_full_figures(plan, analysis)  # the goals' case, funded when leads are added
    full = goals[:3] if goals else None
    stated = "계획(현재 값)" if ko else "stated (today)"

    def money(value: float | None) -> tuple[str, str] | None:
        # computed money to three significant digits, as the analysis shows it: one value a metric
        return None if value is None else (format_amount(about(value), cur, lang), by_analysis)

    def fact(fact_id: str, as_money: bool = False) -> tuple[str, str] | None:
        # as the fact sheet reads it back, with its period ('월 2%', '7%/year', '40일')
        found = plan.fact(fact_id)
        if found is None or not isinstance(found.value, (int, float)):
            return None
        if found.period == "unit":  # the measure names its unit ('Average project value')
            found = found.model_copy(update={"period": ""})
        return value_text(found, lang), stated

    def _project_value() -> tuple[str, str] | None:  # a services firm's price is a project
        return (
            fact("price", True)
            if (m := plan.fact("revenue_model")) and m.value == "services"
            else None
        )

    checks: list[tuple[str, Callable[[], tuple[str, str] | None]]] = [
        # with the sales team's cost estimated, payback and LTV:CAC on the same basis as the CAC
        # row (fully loaded), not the marketing-only figures beside it
        (r"payback|회수", lambda: (_months(full[2], ko), by_estimate) if full and full[2] else None if ue.payback_months is None else (_months(ue.payback_months, ko), by_analysis)),
        (r"ltv\s*[:/]\s*cac", lambda: (f"{full[1]:g} : 1", by_estimate) if full and full[1] else None if ue.ltv_to_cac is None else (f"{ue.ltv_to_cac:g} : 1", by_analysis)),
        (r"\bcac\b|acquisition cost|획득 비용|확보 비용", lambda: _cac(plan, ue.cac, money, ue.cac_estimated_full, ue.ltv, low_cac(plan, ue), goals)),
        (r"cost per (?:lead|inquiry|enquiry)|\bcpl\b|리드당 비용|리드 단가|문의당 비용", lambda: _cpl(plan, analysis, ko)),
        (r"marketing roi|\broi\b|마케팅\s*roi", lambda: _roi(plan, analysis, ko)),
        (r"\bltv\b|\bclv\b|lifetime value|생애 가치", lambda: money(ue.ltv)),
        (r"win rate|수주율|성공률|close rate", lambda: win_rate_target(plan, analysis)),
        # a trial's conversion is the funnel's last rate only when the funnel runs through trials
        (r"trial.{0,12}conver|체험.{0,6}(?:구독|구매|전환)", lambda: win_rate_target(plan, analysis) if any(re.search(r"trial|체험", s.stage, re.I) for s in analysis.funnel) else trial_measure(plan, analysis)),
        (r"gross margin|매출\s*총이익률", lambda: fact("gross_margin")),
        (r"take rate|테이크\s*레이트|수수료율", lambda: fact("take_rate")),
        (r"churn|이탈률|해지율", lambda: fact("churn_rate")),
        (r"repeat|재구매율", lambda: fact("repeat_rate")),
        (r"\baov\b|order value|객단가|주문 금액", lambda: fact("average_order_value", True)),
        (r"deal size|contract value|project value|\bacv\b|거래 규모|계약 금액|프로젝트 금액", lambda: fact("average_deal_size", True) or _project_value()),
        (r"sales cycle|영업 주기|판매 주기", lambda: fact("sales_cycle_days") or assumed_cycle(plan, analysis)),
        (r"net revenue retention|\bnrr\b|\bndr\b|순매출\s*유지율", lambda: nrr_target(analysis, ko)),
    ]  # fmt: skip
    low = item.lower()
    for pattern, get in checks:
        if re.search(pattern, low):
            return get()
    return None


_FACT_OF = {
    "win_rate": "sql_to_won_rate", "mql_to_sql_rate": "mql_to_sql_rate", "churn_rate": "churn_rate",
    "average_deal_size": "average_deal_size", "sales_cycle_length": "sales_cycle_days",
    "net_revenue_retention": "net_revenue_retention", "gross_margin": "gross_margin",
}  # fmt: skip


def _corrected(plan: Plan, item: str, kpi: KPI | None) -> str | None:
    """The corrected fact a listed KPI is ('SQL to won' after 'win rate is 25%'), as read back."""
    kid = (
        kpi.id if kpi is not None else next((k for k, r in _NAMED.items() if r.search(item)), None)
    )
    if kid is None and re.search(r"sql\s*(?:to|→|->)\s*won|won\s*rate", item, re.I):
        kid = "win_rate"
    if kid is None and re.search(r"mql\s*(?:to|→|->)\s*sql", item, re.I):
        kid = "mql_to_sql_rate"
    fact = plan.fact(_FACT_OF.get(kid or "", ""))
    return value_text(fact, plan.language) if fact is not None and fact.corrected else None


def _row(plan: Plan, analysis: PlanAnalysis, item: str, kpi: KPI | None) -> tuple[list[str], bool]:
    ko, lang = plan.language == "ko", plan.language
    own = _own_value(item, lang)
    fixed = _corrected(plan, item, kpi)
    if fixed is not None:  # the fact sheet, once the user corrected it, wins over the answer
        return [_label(item), fixed, "팩트 시트(수정됨)" if ko else "fact sheet (corrected)"], True
    if own is not None:
        return [_label(item), own, "계획에 적은 값" if ko else "stated in the plan"], True
    goal = _goal_for(plan, item, kpi)
    if goal is not None and goal.frame is not None:
        n = plan.goal_number(goal)
        from assistant.goals.measurement import with_period
        from assistant.interview.goal_checks import recommended_suffix

        shown = with_period(goal.text, goal.frame, target_text(goal.frame, lang), lang)
        return [
            _label(item),
            shown + recommended_suffix(plan, goal),
            f"목표 {n}번" if ko else f"goal {n}",
        ], True
    found = _computed(plan, analysis, item)
    if found is not None:
        return [_label(item), *found], True
    # no value anywhere: where today's value is measured, before the target is set
    src = kpi.data_source.get(lang) if kpi is not None and kpi.data_source else ""
    where = (
        (f"측정 출처: {src}" if ko else f"measure first; source: {_lower_first(src)}")
        if src
        else "-"
    )
    return [_label(item), open_target(plan), where], False


def kpi_targets_markdown(plan: Plan, analysis: PlanAnalysis, section_id: str = "sales_kpis") -> str:  # fmt: skip
    """A target value for every KPI the user named in the sales KPI (or measurement) answer."""
    text = plan.section(section_id).content
    ko, lang = plan.language == "ko", plan.language
    items = kpi_items(text)
    pairs: list[tuple[str, KPI | None]] = [(item, catalogue_kpi(item)) for item in items] or [
        (k.name.get(lang), k) for k in kpis_named_in(text)
    ]
    if not pairs:
        return ""
    stated = {} if items else _stated_values(text, [k for _, k in pairs if k], lang)
    rows, open_kpis = [], []
    for item, kpi in pairs:
        if kpi is not None and kpi.id in stated:
            rows.append([item, stated[kpi.id], "계획에 적은 값" if ko else "stated in the plan"])
        else:
            row, has_value = _row(plan, analysis, item, kpi)
            rows.append(row)
            if not has_value and kpi is not None:
                open_kpis.append((row[0], kpi))
        kpi_id = (
            kpi.id
            if kpi is not None
            else next((k for k, r in _NAMED.items() if r.search(item)), None)
        )
        # the value beside the name is read only when it is the user's ('Cost per lead $270'),
        # never one the table computed from the same budget
        said = (
            f"{item} {rows[-1][1]}"
            if rows[-1][2] in ("계획에 적은 값", "stated in the plan")
            else item
        )
        rows[-1].append(kpi_use(plan, analysis, kpi_id, said) or "-")
    head = (
        ["KPI", "목표값", "근거", "계획에서의 쓰임"]
        if ko
        else ["KPI", "Target", "From", "Used in the plan"]
    )
    if len({r[2] for r in rows}) == 1 and rows[0][2] in ("계획에 적은 값", "stated in the plan"):
        # a column that says 'your answer' in every row says nothing: the table is the answer's
        head, rows = head[:2] + head[3:], [r[:2] + r[3:] for r in rows]
    if all(r[-1] == "-" for r in rows):
        head, rows = head[:-1], [r[:-1] for r in rows]
    note = cac_note(plan, analysis) if any(r[0] == "CAC" or "(CAC)" in r[0] for r in rows) else ""
    out = _table(head, rows) + ("\n" if open_kpis or note else "")
    if note:  # the CAC target's one figure in the cell; the plan's own figures against it here
        out += "\n" + note
    for name, kpi in open_kpis:  # no value anywhere: how to set one, with the healthy range
        good = f" {kpi.good.get(lang)}" if kpi.good else ""
        if kpi.id in ("conversion_rate", "sales_conversion_rate") and good:  # beside the funnel
            good += _funnel_beside(analysis, ko, kpi.good.get(lang) if kpi.good else "")
        source = kpi.data_source.get(lang)
        out += (
            f"\n- **{name}**: {source}에서 현재 값을 먼저 측정하고 목표를 정해야 합니다.{good}"
            if ko
            else f"\n- **{name}**: measure today's value first (source: {_lower_first(source)}),"
            f" then set the target.{good}"
        )
    return out


def _funnel_beside(analysis: PlanAnalysis, ko: bool, good: str = "") -> str:
    """The lead-to-customer rate the plan's funnel uses, so the typical range is read against it
    ('the plan's funnel uses 7.5%: 30% × 25%'), and what it means when it sits outside the first
    range the guidance gives (lead to customer)."""
    rates = [s.rate for s in analysis.funnel[1:]]
    if len(rates) < 2 or any(not r for r in rates):
        return ""
    total = 100.0
    for r in rates:
        total *= (r or 0) / 100
    steps = " × ".join(f"{r:g}%" for r in rates)
    shown = f"{total:.1f}".rstrip("0").rstrip(".")
    stage = analysis.funnel[0].stage
    said = f" 이 계획의 퍼널은 {stage}→고객 {shown}%({steps})를 적용합니다." if ko else f" The plan's funnel uses {shown}% from {stage} to customer ({steps})."  # fmt: skip
    m = re.search(r"(\d+(?:\.\d+)?)\s*[~-]\s*(\d+(?:\.\d+)?)%", good)
    if m is None:
        return said
    lo, hi = float(m.group(1)), float(m.group(2))
    qualified = stage.upper() in ("MQL", "SQL")  # a qualified lead converts better than a raw one
    if total > hi:
        said += (
            (fix_particles(f" 리드 전체 기준 {m.group(0)}보다 높은데, {stage}은(는) 걸러진 리드라 높을 수 있습니다. 첫 분기 실측으로 확인해야 합니다.") if qualified
             else f" 흔한 기준 {m.group(0)}보다 높아, 첫 분기 실측으로 확인하기 전까지는 낙관적인 가정입니다.")
            if ko else
            (f" That is above the {m.group(0)} typical from a raw lead, as qualified leads ({stage}s) can be; confirm it with the first quarter's figures." if qualified
             else f" That is above the typical {m.group(0)}: an optimistic assumption until the first quarter's figures confirm it.")
        )  # fmt: skip
    elif total < lo:
        said += (
            f" 흔한 기준 {m.group(0)}보다 낮아 보수적인 가정입니다."
            if ko
            else f" That is below the typical {m.group(0)}: a cautious assumption."
        )
    return said


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _stated_values(text: str, kpis: list[KPI], lang: str) -> dict[str, str]:
    """Numbers the user wrote right after a KPI's name in prose: '재구매율 35% 이상' -> '35%',
    '평균 객단가 4만 2,000원' -> '4만 2,000원'. Longer names claim their words first, and a name
    inside a longer word ('매출' in '매출총이익률') does not count."""
    low = text.lower()
    found: list[tuple[int, int, str]] = []
    for kpi in kpis:
        for cue in {*kpi.name_cues, kpi.name.en.lower(), kpi.name.ko.lower()}:
            for m in re.finditer(re.escape(cue.lower()), low) if cue else ():
                after = low[m.end() : m.end() + 1]
                if after and (after.isalnum() and not after.isdigit()):
                    continue  # part of a longer word
                found.append((m.start(), m.end(), kpi.id))
    claimed: list[tuple[int, int]] = []
    out: dict[str, str] = {}
    for start, end, kpi_id in sorted(found, key=lambda f: f[0] - f[1]):  # longest first
        if kpi_id in out or any(start < e and s < end for s, e in claimed):
            continue
        claimed.append((start, end))
        tail = re.split(r",(?!\d)|[;\n]|(?<=\.)\s", text[end : end + 40], maxsplit=1)[0]
        values = [q for q in read_quantities(tail) if not q.cadence]
        if values:  # '58% -> 65%': the target after the arrow
            q = values[-1] if _ARROW.search(tail) else values[0]
            out[kpi_id] = format_amount(q.value, q.unit, lang)
    return out

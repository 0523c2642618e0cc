"""Plan -> markdown: each section's content (the user's words plus generated tables) and the
whole document. Headings follow the plan's language."""

from __future__ import annotations

import re

from assistant.core.catalogue import document_order, get_section
from assistant.core.korean_endings import report_bullets
from assistant.core.plan import CRITERIA, Goal, Plan, forecast_currency
from assistant.goals.numbers import format_amount
from assistant.goals.readback import period_text
from assistant.goals.smart_rewrite import blanks
from assistant.interview.render_base import _in_card, _sentences_of, labels, table
from assistant.interview.render_people import messaging_markdown, personas_markdown


def smart_marks(goal: Goal, doubt: bool = False, lang: str = "en") -> str:
    """'S✓ M✓ A✓ R✓ T✓'; `doubt`: the plan's own numbers fall short of the goal, so its
    achievability is a question (A?), whatever its wording. A Korean plan says it in words
    ('달성 가능성 확인 필요, 나머지 기준은 충족'): a letter code is English shorthand a Korean reader
    has to decode."""
    marks = []
    for name in CRITERIA:
        c = goal.criteria.get(name)
        mark = "?" if c is None or c.ok is None else ("✓" if c.ok else "✗")
        if doubt and name == "achievable" and mark == "✓":
            mark = "?"
        marks.append((name, mark))
    if lang == "ko":
        return _ko_verdict(marks)
    return " ".join(f"{letter}{mark}" for letter, (_, mark) in zip("SMART", marks, strict=True))


def _ko_verdict(marks: list[tuple[str, str]]) -> str:
    names = labels("ko")["criteria"]
    fails = "·".join(names[n] for n, m in marks if m == "✗")
    unclear = "·".join(names[n] for n, m in marks if m == "?")
    if not fails and not unclear:
        return "다섯 기준 모두 충족"
    parts = [f"{fails} 부족" if fails else "", f"{unclear} 확인 필요" if unclear else ""]
    rest = "나머지 기준은 충족" if any(m == "✓" for _, m in marks) else ""
    return ", ".join(x for x in (*parts, rest) if x)


def goals_markdown(plan: Plan, section_id: str) -> str:
    L = labels(plan.language)
    parts = []
    if plan.business_objectives:
        parts.append(f"**{L['objectives']}:** " + "; ".join(plan.business_objectives) + "\n")
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.goal_checks import achievable_doubt, goal_checks

    analysis = analyse(plan) if plan.goals_in(section_id) else None
    for goal in plan.goals_in(section_id):
        i = plan.goal_number(goal)  # one numbering for the whole plan
        doubt = analysis is not None and achievable_doubt(plan, goal, analysis)
        check = "SMART 점검" if plan.language == "ko" else L["smart"]
        parts.append(f"{i}. {goal.text}  \n   {check}: {smart_marks(goal, doubt, plan.language)}")
        if analysis is not None:  # what the rest of the plan says about reaching it
            # the check behind an A? says so: the mark never stands unexplained
            parts += [f"   - {L['plan_check_a' if doubt and n == 0 else 'plan_check']}: {c}" for n, c in enumerate(goal_checks(plan, goal, analysis))]  # fmt: skip
        from assistant.interview.goal_rewrite import measurable_version

        proposal = measurable_version(plan, goal)
        failing = [
            n for n in CRITERIA if (c := goal.criteria.get(n)) is not None and c.ok is not True
        ]
        if (
            proposal
        ):  # a number-less brand goal: what it lacks in one line, then a measurable version
            ko = plan.language == "ko"
            # what fails (✗) and what is only unclear (?), as the marks above show them
            fails = ", ".join(L["criteria"][n] for n in failing if goal.criteria[n].ok is False)
            unclear = ", ".join(L["criteria"][n] for n in failing if goal.criteria[n].ok is None)
            names = "; ".join(x for x in (
                (f"부족: {fails}" if ko else f"missing: {fails}") if fails else "",
                (f"확인 필요: {unclear}" if ko else f"to confirm: {unclear}") if unclear else "",
            ) if x)  # fmt: skip
            absolute = goal.criteria.get("achievable")
            why = f" {absolute.reason}" if absolute is not None and absolute.ok is False and re.search(r"absolute|절대", absolute.reason) else ""  # fmt: skip
            # the Korean check line already names what fails in words
            parts.append(f"   - 이대로는 목표로 쓸 수 없습니다.{why}" if ko else f"   - Not usable as a goal as written ({names}).{why}")  # fmt: skip
            parts.append(f"   - {L['measurable']}: {proposal}")
        for name in failing if not proposal else []:
            c = goal.criteria[name]
            parts.append(f"   - {L['criteria'][name]}: {c.reason}")
        if not proposal and not goal.smart and goal.suggestion and goal.suggestion != goal.text:
            missing = blanks(goal.suggestion)  # a shape with [blanks] is never plan text
            if missing:
                parts.append(f"   - {L['to_complete']}: {', '.join(missing)}")
            else:
                parts.append(f"   - {L['suggestion']}: {goal.suggestion}")
    if (
        plan.goals_in(section_id)
        and section_id == first_goal_section(plan)
        and plan.language != "ko"
    ):
        parts.append(f"\n_{smart_legend(plan.language)}_")  # the marks read once, where they start
    if note := goal_numbering_note(plan, section_id):
        parts.append(f"\n_{note}_")
    return "\n".join(parts)


def goal_numbering_note(plan: Plan, section_id: str) -> str:
    """A goal list starting past 1 says why: one numbering, so 'goal 4' means one goal (which
    section holds the earlier numbers depends on the order goals were answered in); '' else."""
    goals = plan.goals_in(section_id)
    if not goals or plan.goal_number(goals[0]) <= 1:
        return ""
    return (
        "목표 번호는 계획 전체에 걸쳐 하나로 이어짐."
        if plan.language == "ko"
        else "Goals are numbered once across the whole plan."
    )


def first_goal_section(plan: Plan) -> str | None:
    """The first section (in document order) that lists goals: where the SMART legend goes."""
    return next((sid for sid in document_order(plan.plan_type) if sid in ("mkt_objectives", "sales_objectives") and plan.goals_in(sid)), None)  # fmt: skip


def smart_legend(lang: str) -> str:
    text = (
        "SMART: ✓ 충족 · ? 확인 필요 · ✗ 부족 (S 구체성, M 측정 가능성, A 달성 가능성, R 관련성, T 기한)"
        if lang == "ko"
        else "SMART: ✓ met · ? to confirm · ✗ missing (S specific, M measurable, A achievable, R relevant, T time-bound)"
    )  # a letter never ends a line apart from its meaning
    return re.sub(r"\b([SMART]) (?=\w)", "\\1\u00a0", text)


def measurement_markdown(plan: Plan, goal_section_ids: list[str]) -> str:
    L = labels(plan.language)
    # a goal with no number has nothing to measure yet: it is named once, not given a KPI
    goals = [g for g in plan.goals if g.section in goal_section_ids and g.measurement]
    measured = [g for g in goals if g.frame is not None and g.frame.target is not None]
    ko = plan.language == "ko"
    # the goal by its number: its sentence stands in the goals section above, not again here
    from assistant.interview.goal_checks import recommended_suffix

    rows = [
        [f"목표 {plan.goal_number(g)}" if ko else f"Goal {plan.goal_number(g)}", g.measurement.kpi_name, g.measurement.formula,
         g.measurement.baseline, g.measurement.target + recommended_suffix(plan, g), g.measurement.data_source, g.measurement.cadence]
        for g in measured if g.measurement
    ]  # fmt: skip
    if not rows:
        return ""
    header = [L[k] for k in ("goal", "kpi", "formula", "baseline", "target", "source", "cadence")]
    out = f"**{L['measurement']}**\n\n" + table(header, rows)
    unmeasured = [g for g in goals if g not in measured]
    if unmeasured:
        from assistant.interview.goal_rewrite import measurable_version

        n = ", ".join(str(plan.goal_number(g)) for g in unmeasured)
        rewritten = all(measurable_version(plan, g) for g in unmeasured)
        out += "\n\n" + (f"목표 {n}번은 수치가 없어 아직 측정 계획에 없습니다." + (" 목표 섹션에서 제안한 측정 방식(먼저 기준값을 측정하고 목표를 정함)을 받아들이면 그 방식이 측정 계획이 됩니다." if rewritten else "")
                          if plan.language == "ko"
                          else f"Goal {n} has no number yet, so it is not in the measurement plan" + ("; its proposed measurable version (under the goals: measure the baseline first, then set the target) becomes its measurement once accepted." if rewritten else "."))  # fmt: skip
    # the plan's other goals are measured in the other part's section: said, so no reader takes
    # a measurement plan of two goals for the plan's whole measurement
    others = [g for g in plan.goals if g.section not in goal_section_ids and g.measurement and g.frame is not None and g.frame.target is not None]  # fmt: skip
    there = "sales_kpis" if "mkt_objectives" in goal_section_ids else "mkt_measurement"
    if others and there in plan.sections:
        nums = [str(plan.goal_number(g)) for g in others]
        listed = (
            ", ".join(nums)
            if ko
            else (", ".join(nums[:-1]) + " and " + nums[-1] if len(nums) > 1 else nums[0])
        )
        title = plan.title(there)
        out += "\n\n" + (f"목표 {listed}번의 측정 계획은 '{title}'에 있습니다." if ko else f"Goal{'s' if len(nums) > 1 else ''} {listed} {'are' if len(nums) > 1 else 'is'} measured in {title}.")  # fmt: skip
    if any(_MQL.search(g.text) for g in measured) and not any(_MQL_DEFINED.search(plan.user_text(sid)) for sid in plan.sections if not sid.endswith("executive_summary")):  # fmt: skip
        # a lead goal counted in MQLs cannot be audited until what counts as one is agreed: the
        # plan proposes one from its own target market and lead steps when it can
        from assistant.interview.mql_definition import proposed_mql_definition

        out += "\n\n" + (
            proposed
            if (proposed := proposed_mql_definition(plan))
            else "MQL 기준이 정해져 있지 않습니다. 첫 달 집계 전에 영업과 함께 기준(적합도: 업종·규모, 관심 행동: 웨비나 참석·체험 신청 등)을 합의해야 합니다."
            if ko
            else "What counts as an MQL is not defined: agree the criteria with sales (fit: segment and size; intent: a webinar attended, a trial requested) before the first month is counted."
        )
    return out


_MQL = re.compile(r"\bmqls?\b|marketing[- ]qualified|마케팅\s*적격", re.I)
_MQL_DEFINED = re.compile(
    r"(?:\bmqls?\b|marketing[- ]qualified\s+leads?)\s*(?:is|are|means|=|:|\(|criteria)|mql\s*기준|(?:mql|마케팅\s*적격\s*리드)\s*(?:은|는|이란|정의)",
    re.I,
)


_SYMBOL_CODES = {"$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "원": "KRW", "won": "KRW"}


def _money(value: float | None, currency: str, lang: str = "en") -> str:
    """An amount for the reader: '$480,000', '4억 원' (plans saved with a symbol read the same)."""
    if value is None:
        return ""
    code = _SYMBOL_CODES.get(currency.lower() if currency.isalpha() else currency, currency.upper())
    if code in ("USD", "EUR", "GBP", "JPY", "KRW"):
        return format_amount(round(value, 2), code, lang)
    return f"{value:,.0f} {currency}".strip()


def budget_markdown(plan: Plan) -> str:
    L = labels(plan.language)
    b = plan.budget
    if not b.lines:
        return ""
    from assistant.interview.budget_quarters import quarters_markdown, served_goals

    serves = served_goals(plan)  # what each line's money is for, as the plan on a page ties it
    rows = [
        [
            ln.item,
            f"{ln.share:g}%" if ln.share is not None else "",
            _money(ln.amount, b.currency, plan.language),
            serves.get(ln.item, "-"),
        ]
        for ln in b.lines
    ]
    serve = "관련 목표" if plan.language == "ko" else "Serves"
    out = f"**{L['budget']}**\n\n" + table([L["item"], L["share"], L["amount"], serve], rows)
    from assistant.analysis.budget import budget_issues

    extra = []
    if b.total is not None:
        extra.append(f"{L['total']}: {_money(b.total, b.currency, plan.language)}")
    if b.expected_roi is not None:
        from assistant.analysis.plan_analysis import roi_percent, roi_text

        said = roi_text(plan)
        pct = roi_percent(b.expected_roi, said)
        if re.search(r"\d\s*%|퍼센트", said):  # shown as written: 'ROI 300%' is not '3x'
            extra.append(f"{L['roi']}: {pct:g}%")
        else:  # '3x' is revenue of three times the cost: 200% by (revenue - cost) / cost
            times = f"{b.expected_roi:g}" + ("배" if plan.language == "ko" else "x")
            # how '3x' is read is said where it is shown, in the document's voice (the chat's
            # read-back is where the user corrects it)
            extra.append(
                f"{L['roi']}: {times}(비용의 {b.expected_roi:g}배 매출로 읽어, 매출에서 비용을 뺀 기준 ROI {pct:g}%)"
                if plan.language == "ko"
                else f"{L['roi']}: {times}, read as revenue of {b.expected_roi:g} × the cost: an ROI of {pct:g}% on revenue less cost"
            )
    out += "\n\n" + " · ".join(extra) if extra else ""
    if by_quarter := quarters_markdown(plan):
        out += "\n\n" + by_quarter
    notes = [f"- ⚠ {issue}" for issue in budget_issues(plan)]
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.budget_roi import budget_roi_notes

    notes += [f"- {x}" for x in budget_roi_notes(plan, analyse(plan))]
    return out + ("\n\n" + "\n".join(notes) if notes else "")


def calendar_markdown(plan: Plan) -> str:
    from assistant.interview.compose_calendar import calendar_markdown as composed

    return composed(plan)


def forecast_markdown(plan: Plan) -> str:
    L = labels(plan.language)
    f = plan.forecast
    if f is None:
        return ""
    cur = forecast_currency(plan)
    rows = [
        [
            period_text(p.period, plan.language),
            *(
                _money(v, cur, plan.language) if cur else format_amount(v, "", plan.language)
                for v in (p.value, p.lower, p.upper)
            ),
        ]
        for p in f.points
    ]
    # the method and its accuracy are in the section's own text; the table gets a plain title
    head = f"**{L['forecast']}**"
    body = table([L["period"], L["value_col"], L["low"], L["high"]], rows)
    insights = "\n".join(f"- {i}" for i in f.insights)
    return "\n\n".join(x for x in (head, body, insights) if x)


def has_proposal(plan: Plan, section_id: str) -> bool:
    """An open section the plan fills with a proposal of its own (a forecast from the funnel,
    composed cards): what is left is to confirm or replace it, not to write it."""
    return not plan.section(section_id).is_done and bool(_generated(plan, section_id).strip())


def _generated(plan: Plan, section_id: str) -> str:
    goal_sections = {"mkt_measurement": ["mkt_objectives"], "sales_kpis": ["sales_objectives"]}
    if plan.plan_type == "marketing":
        goal_sections["mkt_measurement"] = ["mkt_objectives", "sales_objectives"]
    if plan.plan_type == "sales":
        goal_sections["sales_kpis"] = ["sales_objectives", "mkt_objectives"]
    if section_id in ("mkt_objectives", "sales_objectives"):
        return goals_markdown(plan, section_id)
    if section_id in goal_sections:
        measured = measurement_markdown(plan, goal_sections[section_id])
        if section_id in ("sales_kpis", "mkt_measurement"):
            from assistant.analysis.plan_analysis import analyse
            from assistant.interview.compose_kpis import kpi_targets_markdown

            targets = kpi_targets_markdown(plan, analyse(plan), section_id)
            own = ""
            if section_id == "sales_kpis":  # the strategy's own promised measures, when missing
                from assistant.analysis.plan_links import plan_page
                from assistant.interview.compose_sales_steps import strategy_measures

                own = strategy_measures(plan, plan_page(plan), analyse(plan), targets + measured)
            return "\n\n".join(p for p in (targets, own, measured) if p)
        return measured
    composed = _composed(plan, section_id)
    if composed:
        return composed
    return {
        "mkt_audience_personas": personas_markdown,
        "mkt_positioning_messaging": messaging_markdown,
        "mkt_budget": budget_markdown,
        "mkt_calendar": calendar_markdown,
        "sales_forecast": lambda p: forecast_markdown(p) or _stated_forecast(p),
    }.get(section_id, lambda _p: "")(plan)


def _stated_forecast(plan: Plan) -> str:
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.compose_forecast import stated_forecast_markdown

    return stated_forecast_markdown(plan, analyse(plan))


def _composed(plan: Plan, section_id: str) -> str:
    """Tables built from the answer (and the analysis) for the sections that should not be pasted."""
    from assistant.interview import compose

    if section_id == "mkt_market_analysis":
        from assistant.interview.compose_market import market_markdown

        return market_markdown(plan)
    if section_id == "mkt_mix_4p":
        from assistant.interview.compose_mix import mix_markdown

        return mix_markdown(plan)
    if section_id == "mkt_channels":
        from assistant.interview.compose_channels import channels_markdown

        return channels_markdown(plan)
    if section_id == "sales_territories_channels":
        from assistant.interview.compose_territories import territories_markdown

        return territories_markdown(plan)
    if section_id == "sales_team_structure":
        from assistant.analysis.plan_analysis import analyse
        from assistant.interview.compose_team import team_markdown

        return team_markdown(plan, analyse(plan))
    if section_id in _PLANNED:
        from assistant.analysis.plan_analysis import analyse
        from assistant.analysis.plan_links import plan_page
        from assistant.interview import compose_content as content
        from assistant.interview import compose_moves as moves
        from assistant.interview import compose_offer as offer
        from assistant.interview import compose_sales_steps as sales_steps
        from assistant.interview import compose_target as target
        from assistant.interview import compose_training as training

        page = plan_page(plan)
        built = {
            "mkt_strategy": lambda: moves.strategy_markdown(plan, page, _choices(plan)),
            "sales_strategy": lambda: sales_steps.sales_strategy_markdown(
                plan, page, analyse(plan)
            ),
            "sales_tactics": lambda: training.tactics_markdown(plan),
            "sales_training": lambda: training.training_markdown(plan),
            "mkt_content_strategy": lambda: content.content_markdown(plan, page),
            "sales_target_market": lambda: target.target_market_markdown(plan, page),
            "sales_offering": lambda: offer.offering_markdown(plan, page),
        }[section_id]()
        if built:
            return built
    return compose.bullets_markdown(plan, section_id)


_PLANNED = {
    "mkt_strategy",
    "sales_strategy",
    "sales_tactics",
    "sales_training",
    "mkt_content_strategy",
    "sales_target_market",
    "sales_offering",
}  # composed from the plan's goals, channels and team (compose_moves, compose_offer)


_REPLACED_BY_TABLE = {
    "mkt_market_analysis",
    "mkt_mix_4p",
    "mkt_channels",
    "mkt_strategy",
    "mkt_content_strategy",
    "sales_target_market",
    "sales_offering",
    "sales_strategy",
    "sales_tactics",
    "sales_training",
    "mkt_audience_personas",
    "mkt_positioning_messaging",
}  # the table (or card) carries every word of the answer


# sections whose table may hold every sentence of the answer; then the answer is not pasted above it
_TABLE_HOLDS_ALL = (
    "sales_kpis",
    "mkt_measurement",
    "sales_forecast",
    "mkt_budget",
    "mkt_calendar",
    "sales_team_structure",
    "sales_territories_channels",
)


def guide_report_style(messaging: str) -> str:
    """A Korean messaging section whose objection answers, the sellers' guidance, are in the
    report style up to the channel copy, which stays copy a customer reads."""
    if "**예상 반론과 대응**" not in messaging:
        return messaging
    head, _, after = messaging.partition("**예상 반론과 대응**")
    guide, cut, copy = after.partition("**채널별 문구**")
    return head + "**예상 반론과 대응**" + report_bullets(guide, paragraphs=True) + cut + copy


def _states_total(sentence: str, plan: Plan) -> bool:
    """A sentence whose every amount is the budget's total or its month: the total row holds it."""
    from assistant.goals.numbers import read_quantities

    total, currency = plan.budget.total, plan.budget.currency
    amounts = [q.value for q in read_quantities(sentence) if q.is_money_in(currency)]
    return bool(total and amounts) and all(
        any(abs(a - t) <= 0.02 * t for t in (total, total / 12)) for a in amounts if total
    )


def section_markdown(plan: Plan, section_id: str, compact: bool = False) -> str:
    """A section's content: never empty; an open section says what it still needs (in one line
    when `compact`, as `show plan` in the chat does)."""
    section = plan.section(section_id)
    generated = _generated(plan, section_id)
    if plan.language == "ko" and section_id != "mkt_positioning_messaging":
        # the composed lists and tables in the report style (개조식); the messaging is copy a
        # customer reads, and stays in full sentences
        generated = report_bullets(generated, paragraphs=True)
    elif plan.language == "ko":
        generated = guide_report_style(generated)
    if section.content.strip() or generated:
        keep_text = section_id not in ("mkt_objectives", "sales_objectives") and not (
            section_id in _REPLACED_BY_TABLE and generated and section.author != "llm"
        )
        rest: list[str] = []
        if keep_text and generated and section_id in _TABLE_HOLDS_ALL:
            # the table holds every sentence of the answer: the answer is not pasted above it;
            # when it holds most, only the sentences it does not hold follow it as a note
            table = generated.lower()
            if section_id == "mkt_budget":  # the quarters' table is computed, not the answer's
                table = re.sub(r"\*\*(?:by quarter|분기별 집행)\*\*[^\n]*\n\n(?:\|[^\n]*\n?)+(?:\n_[^\n]*_)?", "", table)  # fmt: skip
            said = _sentences_of(section.content)
            # a KPI's value the fact sheet corrected is in the table with its new number
            bare = section_id in ("sales_kpis", "mkt_measurement")
            rest = [x for x in said if not _in_card(re.sub(r"\d+", "", x) if bare else x, table)]
            if (
                section_id == "mkt_budget"
            ):  # the total, restated a month ('총 9억 원(월 7,500만 원 꼴)')
                rest = [x for x in rest if not _states_total(x, plan)]
            keep_text = bool(rest) and (
                len(rest) == len(said) or section_id == "sales_forecast" or section.author == "llm"
            )
            rest = [] if keep_text else rest
        parts = [section.content.strip()] if keep_text or not generated else []
        if generated:
            parts.append(generated)
        if rest:
            L = labels(plan.language)
            parts.append(f"**{L['also_said']}:** " + " ".join(rest))
        if section.author == "llm":  # model-written text is always marked as such
            parts.append(f"_{labels(plan.language)['model_draft']}_")
        if section.sources:
            L = labels(plan.language)
            parts.append(f"_{L['sources']}: " + "; ".join(s.source for s in section.sources) + "_")
        text = "\n\n".join(p for p in parts if p)
        if text:
            from assistant.interview.plan_words import in_plan_words

            return in_plan_words(plan, text)  # one thing named one way: the user's
    L = labels(plan.language)
    spec = get_section(section_id)
    needs = "\n".join(f"- {item}" for item in spec.contains.get(plan.language))
    lead = L["skipped"] if section.status == "skipped" else L["not_answered"]
    if compact:
        return f"{lead} " + " · ".join(spec.contains.get(plan.language))
    return f"{lead}\n{needs}"


def plan_markdown(plan: Plan, compact: bool = False) -> str:
    L = labels(plan.language)
    title = f"# {plan.company} - {L['plan_title']}" if plan.company else f"# {L['plan_title']}"
    out = [title]
    current = None
    for sid in document_order(plan.plan_type):
        group = "mkt" if sid.startswith("mkt_") else "sales"
        if group != current and plan.plan_type == "integrated":
            out.append(f"## {L[group]}")
            current = group
        level = "###" if plan.plan_type == "integrated" else "##"
        out.append(f"{level} {plan.title(sid)}\n\n{section_markdown(plan, sid, compact)}")
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.analysis_render import analysis_markdown, closing_markdown

    analysis = analyse(plan)
    out += [p for p in (analysis_markdown(plan, analysis), closing_markdown(plan, analysis)) if p]
    from assistant.interview.glossary import glossary_markdown

    if terms := glossary_markdown("\n".join(out), plan.language):  # the acronyms the plan uses
        out.append(terms)
    return "\n\n".join(out) + "\n"


def _choices(plan: Plan) -> str:
    """The marketing strategy's choices block (where to win, why us, outside the target)."""
    from assistant.interview.message_house import differentiators
    from assistant.interview.strategy_choices import strategy_choices

    return strategy_choices(plan, differentiators(plan))

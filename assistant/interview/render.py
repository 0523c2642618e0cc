"""Plan -> markdown: each section's content (the user's words plus generated tables) and the
whole document. Headings follow the plan's language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.core.catalogue import document_order, get_section
from assistant.core.plan import CRITERIA, Goal, Persona, Plan, forecast_currency
from assistant.goals.numbers import format_amount
from assistant.goals.readback import period_text
from assistant.goals.smart_rewrite import blanks

LABELS = {
    "en": {
        "not_answered": "_Not answered yet._ This section should cover:",
        "skipped": "_Skipped for now._ This section should cover:",
        "goals": "Goals", "objectives": "Business objectives",
        "smart": "SMART check",
        "suggestion": "Suggested rewrite", "to_complete": "To complete",
        "measurement": "Measurement plan",
        "goal": "Goal", "kpi": "KPI", "formula": "Formula", "baseline": "Baseline",
        "target": "Target", "source": "Data source", "cadence": "Review",
        "personas": "Buyer personas", "role": "Role", "demographics": "Demographics",
        "persona_goals": "Goals", "pains": "Pains", "channels": "Where they look",
        "objections": "Objections", "triggers": "Buying triggers", "decision_role": "Decision role",
        "typical": "typical - confirm in interviews", "typical_from": "planning guide:", "typical_group": "Typical for this role - confirm in interviews", "quote_mark": "drafted from your answer - confirm in interviews", "plan_check": "Plan check", "believe": "Reason to believe", "notes": "Also said", "also_said": "Also noted",
        "model_draft": "Drafted by the model from your answers - check it before you share the plan.",
        "messaging": "Messaging", "positioning": "Positioning", "value": "Value proposition",
        "key_messages": "Key messages", "cta": "Call to action", "persona": "Persona", "message": "Message",
        "proof": "Proof points", "value_above": "The value proposition (above)", "proof_todo": "Proof to collect (a customer result or a before/after number) for:", "objection": "Objection", "answer": "Answer", "objections_h": "Objection handling",
        "copy_h": "Channel copy", "channel": "Channel", "stage": "Stage", "headline": "Headline", "body": "Body",
        "stages": {"awareness": "Awareness", "consideration": "Consideration", "decision": "Decision"},
        "budget": "Budget", "item": "Channel or activity", "share": "Share", "amount": "Amount",
        "total": "Total", "roi": "Expected ROI",
        "calendar": "Calendar", "when": "When", "activity": "Activity",
        "forecast": "Forecast", "period": "Period", "value_col": "Forecast", "low": "Low", "high": "High",
        "method": "Method", "mae": "Holdout MAE",
        "criteria": {"specific": "Specific", "measurable": "Measurable", "achievable": "Achievable",
                     "relevant": "Relevant", "time_bound": "Time-bound"},
        "plan_title": "Sales & Marketing Plan", "mkt": "Marketing Plan", "sales": "Sales Plan",
        "sources": "Sources", "chart": "Chart",
    },
    "ko": {
        "not_answered": "_아직 답하지 않았습니다._ 이 섹션에 들어갈 내용:",
        "skipped": "_일단 건너뛰었습니다._ 이 섹션에 들어갈 내용:",
        "goals": "목표", "objectives": "사업 목표",
        "smart": "SMART 점검",
        "suggestion": "수정 제안", "to_complete": "보완할 부분",
        "measurement": "측정 계획",
        "goal": "목표", "kpi": "KPI", "formula": "공식", "baseline": "기준값",
        "target": "목표값", "source": "데이터 출처", "cadence": "검토 주기",
        "personas": "구매자 페르소나", "role": "역할", "demographics": "인구 통계",
        "persona_goals": "목표", "pains": "불편한 점", "channels": "정보 채널",
        "objections": "예상 반론", "triggers": "구매 계기", "decision_role": "의사결정 역할",
        "typical": "일반적인 예 - 인터뷰로 확인", "typical_from": "계획 가이드:", "typical_group": "이 역할의 일반적인 예 - 인터뷰로 확인", "quote_mark": "답변으로 만든 문장 - 인터뷰로 확인", "plan_check": "계획 점검", "believe": "믿을 근거", "notes": "추가로 말한 내용", "also_said": "그 밖의 내용",
        "model_draft": "모델 초안: 답변을 바탕으로 모델이 쓴 글입니다. 계획을 공유하기 전에 확인하세요.",
        "messaging": "메시지", "positioning": "포지셔닝", "value": "가치 제안",
        "key_messages": "핵심 메시지", "cta": "행동 유도", "persona": "페르소나", "message": "메시지",
        "proof": "근거", "value_above": "가치 제안(위 문장)", "proof_todo": "근거로 모을 고객 성과(도입 전후 수치, 고객 사례)가 필요한 메시지:", "objection": "예상 반론", "answer": "대응", "objections_h": "예상 반론과 대응",
        "copy_h": "채널별 문구", "channel": "채널", "stage": "단계", "headline": "제목", "body": "본문",
        "stages": {"awareness": "인지", "consideration": "고려", "decision": "결정"},
        "budget": "예산", "item": "채널 또는 활동", "share": "비중", "amount": "금액",
        "total": "총액", "roi": "기대 ROI",
        "calendar": "캘린더", "when": "시기", "activity": "활동",
        "forecast": "예측", "period": "기간", "value_col": "예측값", "low": "하한", "high": "상한",
        "method": "방법", "mae": "검증 MAE",
        "criteria": {"specific": "구체성", "measurable": "측정 가능성", "achievable": "달성 가능성",
                     "relevant": "관련성", "time_bound": "기한"},
        "plan_title": "영업 및 마케팅 계획", "mkt": "마케팅 계획", "sales": "영업 계획",
        "sources": "출처", "chart": "차트",
    },
}  # fmt: skip


def labels(lang: str) -> dict[str, Any]:
    return LABELS["ko" if lang == "ko" else "en"]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def smart_marks(goal: Goal, doubt: bool = False) -> str:
    """'S✓ M✓ A✓ R✓ T✓'; `doubt`: the plan's own numbers fall short of the goal, so its
    achievability is a question (A?), whatever its wording."""
    marks = []
    for name, letter in zip(CRITERIA, "SMART", strict=True):
        c = goal.criteria.get(name)
        mark = "?" if c is None or c.ok is None else ("✓" if c.ok else "✗")
        if doubt and name == "achievable" and mark == "✓":
            mark = "?"
        marks.append(f"{letter}{mark}")
    return " ".join(marks)


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
        parts.append(f"{i}. {goal.text}  \n   {L['smart']}: {smart_marks(goal, doubt)}")
        if analysis is not None:  # what the rest of the plan says about reaching it
            parts += [f"   - {L['plan_check']}: {c}" for c in goal_checks(plan, goal, analysis)]
        for name in CRITERIA:
            c = goal.criteria.get(name)
            if c is not None and c.ok is not True:
                parts.append(f"   - {L['criteria'][name]}: {c.reason}")
        if not goal.smart and goal.suggestion and goal.suggestion != goal.text:
            missing = blanks(goal.suggestion)  # a shape with [blanks] is never plan text
            if missing:
                parts.append(f"   - {L['to_complete']}: {', '.join(missing)}")
            else:
                parts.append(f"   - {L['suggestion']}: {goal.suggestion}")
    return "\n".join(parts)


def measurement_markdown(plan: Plan, goal_section_ids: list[str]) -> str:
    L = labels(plan.language)
    # a goal with no number has nothing to measure yet: it is named once, not given a KPI
    goals = [g for g in plan.goals if g.section in goal_section_ids and g.measurement]
    measured = [g for g in goals if g.frame is not None and g.frame.target is not None]
    ko = plan.language == "ko"
    # the goal by its number: its sentence stands in the goals section above, not again here
    rows = [
        [f"목표 {plan.goal_number(g)}" if ko else f"Goal {plan.goal_number(g)}", g.measurement.kpi_name, g.measurement.formula,
         g.measurement.baseline, g.measurement.target, g.measurement.data_source, g.measurement.cadence]
        for g in measured if g.measurement
    ]  # fmt: skip
    if not rows:
        return ""
    header = [L[k] for k in ("goal", "kpi", "formula", "baseline", "target", "source", "cadence")]
    out = f"**{L['measurement']}**\n\n" + table(header, rows)
    unmeasured = [str(plan.goal_number(g)) for g in goals if g not in measured]
    if unmeasured:
        n = ", ".join(unmeasured)
        out += "\n\n" + (f"목표 {n}번은 수치가 없어 측정 계획에서 뺐습니다." if plan.language == "ko"
                          else f"Goal {n} has no number yet, so it is not in the measurement plan.")  # fmt: skip
    if any(_MQL.search(g.text) for g in measured) and not any(_MQL_DEFINED.search(plan.user_text(sid)) for sid in plan.sections if not sid.endswith("executive_summary")):  # fmt: skip
        # a lead goal counted in MQLs cannot be audited until what counts as one is agreed
        out += "\n\n" + (
            "MQL 기준이 정해져 있지 않습니다. 첫 달 집계 전에 영업과 함께 기준(적합도: 업종·규모, 관심 행동: 웨비나 참석·체험 신청 등)을 합의하세요."
            if ko
            else "What counts as an MQL is not defined: agree the criteria with sales (fit: segment and size; intent: a webinar attended, a trial requested) before the first month is counted."
        )
    return out


_MQL = re.compile(r"\bmqls?\b|marketing[- ]qualified|마케팅\s*적격", re.I)
_MQL_DEFINED = re.compile(
    r"(?:\bmqls?\b|marketing[- ]qualified\s+leads?)\s*(?:is|are|means|=|:|\(|criteria)|mql\s*기준|(?:mql|마케팅\s*적격\s*리드)\s*(?:은|는|이란|정의)",
    re.I,
)


def personas_markdown(plan: Plan) -> str:
    L = labels(plan.language)
    return "\n\n".join(
        f"**{p.name}**"
        + (f" _({L['model_draft']})_" if p.author == "llm" else "")
        + "\n"
        + persona_lines(plan, p)
        for p in plan.personas
    )


def persona_lines(plan: Plan, p: Persona) -> str:
    """One persona card as bullets: the fields the user gave, then one line with the typical
    entries for the role (from the planning guide) to confirm in interviews. A quote is kept only
    when it speaks the user's own pain."""
    L = labels(plan.language)
    lines = []
    typical: list[str] = []
    for key, value in (("role", p.role), ("demographics", p.demographics)):
        if value:
            lines.append(f"- {L[key]}: {value}")
    for key, field, values in (
        ("persona_goals", "goals", p.goals),
        ("pains", "pains", p.pains),
        ("objections", "objections", p.objections),
        ("triggers", "buying_triggers", p.buying_triggers),
        ("channels", "channels", p.channels),
        ("decision_role", "decision_role", [p.decision_role] if p.decision_role else []),
    ):
        if values and field in p.typical:
            typical.append(f"{L[key]}: " + " · ".join(values))
        elif values:
            lines.append(f"- {L[key]}: " + " · ".join(values))
    if p.quote and not ("quote" in p.typical and "pains" in p.typical):
        lines.append(f'- "{p.quote}"' + (f" _({L['quote_mark']})_" if "quote" in p.typical else ""))
    card = " ".join(lines).lower()
    # a card label ('메인:', 'Primary:') is no note; the rest of the sentence may be
    notes = [
        re.sub(r"^(?:메인|서브|주요?\s*고객|primary|secondary|main)\s*[:：]\s*", "", x, flags=re.I)
        for x in _sentences_of(p.summary)
        if not _in_card(x, card)
    ]
    if notes:  # what the answer says that no field holds stays in the card, in the user's words
        lines.append(f"- {L['notes']}: " + " ".join(notes))
    if typical:
        source = re.sub(r"^(?:knowledge base|지식 베이스)\s*:\s*", "", p.typical_source)
        where = f" ({L['typical_from']} {source})" if source else ""
        lines.append(f"- _{L['typical_group']}{where}_: " + "; ".join(typical))
    return "\n".join(lines)


def _sentences_of(text: str) -> list[str]:
    return [x.strip() for x in re.split(r"(?<=[.!?。])\s+|\n+", text or "") if x.strip()]


def _in_card(sentence: str, card: str) -> bool:
    """A sentence is in the card when most of its words are (labels and particles aside)."""
    words = [w for w in re.findall(r"[a-z]{4,}|[가-힣]{2,}|\d+", sentence.lower())]
    if not words:
        return True

    def found(w: str) -> bool:  # a Korean word is found without its particle ('카페와' -> '카페')
        return w in card or (
            bool(re.match("[가-힣]", w))
            and any(len(w) - k >= 2 and w[: len(w) - k] in card for k in (1, 2, 3))
        )

    share = sum(1 for w in words if found(w)) / len(words)
    # a sentence whose every figure the card already shows ('partners 12, about 25% of new
    # contracts') needs fewer of its words there: the figures are what it says
    numbers = [w for w in words if w.isdigit()]
    return share >= 0.6 or (bool(numbers) and all(found(n) for n in numbers) and share >= 0.5)


def _merged(rows: list[list[str]]) -> list[list[str]]:
    """Rows that say the same to several personas are one row naming them all."""
    out: dict[tuple[str, ...], list[str]] = {}
    for persona, *rest in rows:
        key = tuple(rest)
        if key in out:
            if persona not in out[key][0].split(", "):
                out[key][0] += f", {persona}"
        else:
            out[key] = [persona, *rest]
    return list(out.values())


_PARTNER_CHANNEL = re.compile(r"partner|agenc|reseller|affiliate|파트너|대리점|리셀러|제휴", re.I)


def _one_audience(head: list[str], rows: list[list[str]], lang: str) -> tuple[str, list[str], list[list[str]]]:  # fmt: skip
    """A table whose every row speaks to the same persona(s) names them once, above the table,
    instead of in every row."""
    if len(rows) < 2 or len({r[0] for r in rows}) != 1:
        return "", head, rows
    who = rows[0][0]
    return (f" (대상: {who})" if lang == "ko" else f" (for {who})"), head[1:], [r[1:] for r in rows]


def _copy_rows(matrix: list[Any]) -> list[Any]:
    from assistant.analysis.plan_links import stages_of

    stage_of = {"awareness": "awareness", "consideration": "consideration", "conversion": "decision", "retention": "consideration"}  # fmt: skip
    out = []
    for channel in dict.fromkeys(r.channel for r in matrix):
        if _PARTNER_CHANNEL.search(channel):
            continue
        mine = [r for r in matrix if r.channel == channel]
        want = stage_of.get((stages_of(channel) or ["awareness"])[0], "awareness")
        out += [r for r in mine if r.stage == want][:1] or mine[:1]
    return out or matrix


def messaging_markdown(plan: Plan) -> str:
    """The message house: value proposition and CTA, key messages with proof points per persona,
    objection handling and channel-ready copy (tables)."""
    L = labels(plan.language)
    m = plan.messaging
    if m.is_empty:
        return ""
    lines = [f"**{L['messaging']}**" + (f" _({L['model_draft']})_" if m.author == "llm" else "")]
    value = m.value_proposition.strip()
    positioning = m.positioning.strip()
    if positioning and value and value.rstrip(" .") in positioning:
        # the value proposition is the positioning's first part: the rest is why to believe it
        rest = positioning.replace(value.rstrip(" ."), "", 1).strip(" .")
        lines.append(f"- {L['value']}: {value}")
        if len(rest) > 8:
            lines.append(f"- {L['believe']}: {rest}.")
    else:
        if positioning and positioning != value:
            lines.append(f"- {L['positioning']}: {positioning}")
        lines.append(f"- {L['value']}: {value}")
    if m.call_to_action:
        lines.append(f"- {L['cta']}: {m.call_to_action}")
    out = ["\n".join(lines)]
    if m.key_messages:
        proven = any(km.proof_points for km in m.key_messages)
        # the value proposition is written out above: its row names it and carries its proof
        said = L["value_above"]
        rows = _merged(
            [
                [
                    km.persona,
                    said if km.message == value else km.message,
                    "; ".join(km.proof_points) or "-",
                ][: 2 + proven]
                for km in m.key_messages
            ]  # fmt: skip
        )
        head = [L["persona"], L["message"], L["proof"]][: 2 + proven]
        who, head, rows = _one_audience(head, rows, plan.language)
        block = f"**{L['key_messages']}{who}**\n\n" + (
            table(head, rows)
            if len(head) > 1
            else "\n".join(f"- {r[0]}" for r in rows if r[0] != said)  # a list of the pillars
        )
        unproven = list(dict.fromkeys(km.message for km in m.key_messages if not km.proof_points))
        if unproven:  # one to-do, not a placeholder in every row
            named = [L["value"] if x == m.value_proposition else x.strip(" .") for x in unproven]
            block += "\n\n" + L["proof_todo"] + " " + "; ".join(named) + "."
        out.append(block)
    if m.objections:
        rows = _merged([[o.persona, o.objection, o.answer] for o in m.objections])
        who, head, rows = _one_audience([L["persona"], L["objection"], L["answer"]], rows, plan.language)  # fmt: skip
        out.append(f"**{L['objections_h']}{who}**\n\n" + table(head, rows))
    if m.matrix:
        # the plan shows each channel's copy at the stage the channel works (an ad that finds
        # buyers, a store page that closes them); partners get briefs, not buyer copy. All three
        # stages stay in the JSON and the CLI.
        shown = _copy_rows(m.matrix)
        rows = [[r.channel, L["stages"][r.stage], r.headline, r.body, r.cta] for r in shown]
        head = [L["channel"], L["stage"], L["headline"], L["body"], L["cta"]]
        out.append(f"**{L['copy_h']}**\n\n" + table(head, rows))
    return "\n\n".join(out)


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
    rows = [
        [
            ln.item,
            f"{ln.share:g}%" if ln.share is not None else "",
            _money(ln.amount, b.currency, plan.language),
        ]
        for ln in b.lines
    ]
    out = f"**{L['budget']}**\n\n" + table([L["item"], L["share"], L["amount"]], rows)
    from assistant.analysis.budget import budget_issues, roi_projection

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
            extra.append(
                f"{L['roi']}: {times} ({'ROI' if plan.language == 'ko' else 'ROI of'} {pct:g}%)"
            )
    out += "\n\n" + " · ".join(extra) if extra else ""
    notes = [f"- ⚠ {issue}" for issue in budget_issues(plan)]
    from assistant.analysis.plan_analysis import analyse

    projection = roi_projection(plan, analyse(plan).revenue.new_business_from_goals)
    if projection:
        notes.append(f"- {projection}")
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
            return "\n\n".join(p for p in (targets, measured) if p)
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
        return compose.channels_markdown(plan)
    if section_id == "sales_territories_channels":
        from assistant.interview.compose_team import territories_markdown

        return territories_markdown(plan)
    if section_id == "sales_team_structure":
        from assistant.analysis.plan_analysis import analyse
        from assistant.interview.compose_team import team_markdown

        return team_markdown(plan, analyse(plan))
    if section_id in _PLANNED:
        from assistant.analysis.plan_analysis import analyse
        from assistant.analysis.plan_links import plan_page
        from assistant.interview import compose_moves as moves
        from assistant.interview import compose_offer as offer
        from assistant.interview import compose_target as target
        from assistant.interview import compose_training as training

        page = plan_page(plan)
        built = {
            "mkt_strategy": lambda: moves.strategy_markdown(plan, page),
            "sales_strategy": lambda: moves.sales_strategy_markdown(plan, page, analyse(plan)),
            "sales_tactics": lambda: training.tactics_markdown(plan),
            "sales_training": lambda: training.training_markdown(plan),
            "mkt_content_strategy": lambda: offer.content_markdown(plan, page),
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


def section_markdown(plan: Plan, section_id: str, compact: bool = False) -> str:
    """A section's content: never empty; an open section says what it still needs (in one line
    when `compact`, as `show plan` in the chat does)."""
    section = plan.section(section_id)
    generated = _generated(plan, section_id)
    if section.content.strip() or generated:
        keep_text = section_id not in ("mkt_objectives", "sales_objectives") and not (
            section_id in _REPLACED_BY_TABLE and generated and section.author != "llm"
        )
        rest: list[str] = []
        if keep_text and generated and section_id in _TABLE_HOLDS_ALL:
            # the table holds every sentence of the answer: the answer is not pasted above it;
            # when it holds most, only the sentences it does not hold follow it as a note
            table = generated.lower()
            said = _sentences_of(section.content)
            # a KPI's value the fact sheet corrected is in the table with its new number
            bare = section_id in ("sales_kpis", "mkt_measurement")
            rest = [x for x in said if not _in_card(re.sub(r"\d+", "", x) if bare else x, table)]
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
            return text
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
    return "\n\n".join(out) + "\n"

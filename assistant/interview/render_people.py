"""Persona cards and the message house as markdown: each card's fields with the typical entries to
confirm in one line; value proposition, key messages with proof, objection answers and channel
copy, each table naming its audience once."""

from __future__ import annotations

import math
import re
from typing import Any

from assistant.core.plan import CopyRow, Persona, Plan
from assistant.goals.numbers import format_amount
from assistant.interview.message_answers import measured_on
from assistant.interview.render_base import _in_card, _sentences_of, labels, table


def personas_markdown(plan: Plan, options: bool = False) -> str:
    """The persona cards; `options` (a draft the user asked for) lists the role's typical answers
    under each open question, the plan itself names only what is left to find out."""
    L = labels(plan.language)
    cards = [
        f"**{p.name}**"
        + (f" _({L['model_draft']})_" if p.author == "llm" else "")
        + "\n"
        + persona_lines(plan, p, options)
        for p in plan.personas
    ]
    proposed = committee_cards(plan) if cards else []
    return "\n\n".join(
        [*cards, *proposed, *([gap] if (gap := committee_note(plan, options)) and cards else [])]
    )


def committee_cards(plan: Plan) -> list[str]:
    """A proposed card for each committee role the plan brings in without a card, when the
    knowledge base has typical entries for its function (finance, IT, the owner): why they are in
    the decision (the plan's words), their part, concerns and objections, marked as typical."""
    from assistant.core.typical import typical_entries
    from assistant.interview.offer_words import INTEGRATION
    from assistant.interview.persona_card import _COMMITTEE, committee_gap_functions

    ko = plan.language == "ko"
    out = []
    for role, why, function in committee_gap_functions(plan):
        if not function:
            continue
        entries, _ = typical_entries(plan.language, "b2b", function)
        if not entries.get("objections"):
            continue
        head = f"**{role[:1].upper() + role[1:]}** _(" + ("제안: 이 역할의 일반적인 예, 고객 인터뷰로 확인" if ko else "proposed: typical for the role, to confirm in customer interviews") + ")_"  # fmt: skip
        # implied, not named: the offer uses the buyer's own systems or data, so their IT grants access
        implied = function == "it" and not _COMMITTEE[1][0].search(why) and INTEGRATION.search(why)
        because = (
            (f"제안이 고객사의 시스템·데이터를 쓰므로 그 접근 권한을 내줌('{why}')" if ko
             else f"the offer uses the buyer's own systems or data, so IT grants the access to them ('{why}')")
            if implied
            else f"'{why}'"
        )  # fmt: skip
        lines = [
            head,
            f"- {'결정에 들어오는 이유' if ko else 'In the decision because'}: {because}",
        ]
        for field, en, kr in (("decision_role", "Part in the decision", "결정에서의 역할"),
                              ("goals", "Cares about", "관심사"),
                              ("objections", "Objections to prepare for", "대비할 반론")):  # fmt: skip
            if entries.get(field):
                said = [_named_systems(e, why, ko) for e in entries[field]] if field == "objections" else entries[field]  # fmt: skip
                lines.append(f"- {kr if ko else en}: " + " · ".join(said))
        out.append("\n".join(lines))
    if signer := _unnamed_signer(plan):
        out.append(signer)
    return out


def _unnamed_signer(plan: Plan) -> str:
    """A business buyer's plan whose cards name nobody who signs (no economic buyer, no finance or
    owner card): the budget holder proposed from the typical finance entries, with why."""
    from assistant.analysis.plan_goals import deal_size
    from assistant.core.typical import typical_entries
    from assistant.interview.persona_card import function_of, segment_of

    ko = plan.language == "ko"
    if not plan.personas or segment_of(plan.personas[0], plan.personas[0].summary) != "b2b":
        return ""
    if any(re.search(r"economic buyer|결재권자", p.decision_role, re.I) or function_of(p) in ("finance", "owner") for p in plan.personas):  # fmt: skip
        return ""
    from assistant.interview.persona_card import committee_gap_functions

    if any(f in ("finance", "owner") for _, _, f in committee_gap_functions(plan)):
        return ""  # a finance or owner card is already proposed from the plan's own words
    entries, _ = typical_entries(plan.language, "b2b", "finance")
    if not entries.get("objections"):
        return ""
    size = deal_size(plan)
    deal = format_amount(size[0], size[1], plan.language) if size is not None else ""
    role = plan.personas[0].role or plan.personas[0].name
    head = f"**{'예산 책임자(재무 담당, CFO)' if ko else 'Budget holder (finance, CFO)'}** _(" + ("제안: 이 역할의 일반적인 예, 고객 인터뷰로 확인" if ko else "proposed: typical for the role, to confirm in customer interviews") + ")_"  # fmt: skip
    because = (
        f"{'연 ' + deal + ' ' if deal else ''}계약에 누가 결재하는지 어느 카드에도 없음. 보통 {role} 위의 예산 책임자가 결재하므로 첫 거래에서 확인함"
        if ko
        else f"no card says who signs {'a ' + deal + ' a year' if deal else 'the'} contract; above the {role} it is usually the budget holder (to confirm in the first deals)"
    )
    lines = [head, f"- {'결정에 들어오는 이유' if ko else 'In the decision because'}: {because}"]
    for field, en, kr in (("decision_role", "Part in the decision", "결정에서의 역할"),
                          ("goals", "Cares about", "관심사"),
                          ("objections", "Objections to prepare for", "대비할 반론")):  # fmt: skip
        if entries.get(field):
            lines.append(f"- {kr if ko else en}: " + " · ".join(entries[field]))
    return "\n".join(lines)


_OWN_DATA_EN = re.compile(
    r"\b(?:own|their|existing|current)\s+((?:[A-Z][\w-]*|[a-z][\w-]*)(?:\s+[A-Z][\w-]*)?)\s+data\b"
)
_OWN_DATA_KO = re.compile(r"(?:자사|고객사?의?|자체|기존)\s*([가-힣A-Za-z]+)\s*데이터")
_TRIAL = re.compile(r"trial|pilot|체험|시범|파일럿", re.I)


def _named_systems(objection: str, why: str, ko: bool) -> str:
    """A typical objection's example systems ('(single sign-on, ERP, HR or sales data)') replaced
    by the data the plan itself names ('… on the buyer's own POS data' -> '(their POS data, which
    the trial runs on)'); unchanged when the plan names none."""
    m = (_OWN_DATA_KO if ko else _OWN_DATA_EN).search(why)
    if not m or not re.search(r"\(([^()]*)\)", objection) or not re.search(r"integrat|connect|연결|연동", objection, re.I):  # fmt: skip
        return objection
    data = m.group(1)
    trial = bool(_TRIAL.search(why))
    named = (f"({data} 데이터" + (", 체험에 쓰는 데이터" if trial else "") + ")") if ko else (f"(their {data} data" + (", which the trial runs on" if trial else "") + ")")  # fmt: skip
    return re.sub(r"\([^()]*\)", named, objection, count=1)


def committee_note(plan: Plan, chat: bool = False) -> str:
    """The people the plan's own words bring into the decision who have no card yet: the plan
    check with the words that bring each in; in chat (`chat`) also how to add a card."""
    from assistant.interview.persona_card import committee_gaps

    # the document's proposed cards say the rest; the chat still says how to make one's own
    carded = {c.split("**")[1].lower() for c in committee_cards(plan)} if not chat else set()
    gaps = [(role, why) for role, why in committee_gaps(plan) if role.lower() not in carded]
    if not gaps:
        return ""
    ko = plan.language == "ko"
    said = "; ".join(f"{role}('{why}')" if ko else f"{role} ('{why}')" for role, why in gaps)
    check = labels(plan.language)["plan_check"]
    if chat:
        return (
            f"{check}: 계획에 구매 결정에 함께할 사람이 보이지만 카드가 없습니다: {said}. '페르소나 추가:' 뒤에 역할을 적어 카드를 더하거나, 결정에 관여하지 않는 이유를 적어 주세요."
            if ko
            else f"{check}: the plan brings others into the buying decision who have no card yet: {said}. Add a card for each (type 'another persona:' and the role), or say why they stay out of it."
        )
    return (
        f"{check}: 계획에 구매 결정에 함께할 사람이 보이지만 아직 카드가 없습니다: {said}. 이들의 관심사와 반론을 카드로 정리하거나, 결정에 관여하지 않는 이유를 밝혀야 합니다."
        if ko
        else f"{check}: the plan brings others into the buying decision who have no card yet: {said}. Each needs a card with their concerns and objections, or a reason they stay out of the decision."
    )


def persona_lines(plan: Plan, p: Persona, options: bool = False) -> str:
    """One persona card as bullets: the fields the user gave, then one line with the typical
    entries for the role (from the planning guide) to confirm in interviews. A quote is kept only
    when it speaks the user's own pain."""
    L = labels(plan.language)
    lines = []
    typical: list[str] = []
    derived = role_below_threshold(plan, p)  # read from the plan's numbers, not typical
    from assistant.interview.persona_card import function_of
    from assistant.interview.persona_reach import reach_line
    from assistant.interview.persona_triggers import trigger_line

    function = function_of(p)
    for key, value in (("role", p.role), ("demographics", p.demographics)):
        if value:
            label = L[key]
            if key == "demographics" and re.fullmatch(
                r"\s*\d{2}\s*[-~–]\s*\d{2}\s*(?:세|years?(?:\s+old)?)?\s*", value
            ):
                label = "나이" if plan.language == "ko" else "Age"  # a bare age range is an age
            lines.append(f"- {label}: {value}")
    first_objection = ""
    for key, field, values in (
        ("persona_goals", "goals", p.goals),
        ("pains", "pains", p.pains),
        ("objections", "objections", p.objections),
        ("triggers", "buying_triggers", p.buying_triggers),
        ("channels", "channels", p.channels),
        ("decision_role", "decision_role", [derived or p.decision_role] if p.decision_role else []),
    ):
        if field == "goals" and plan.language == "ko":  # '평가 기준은 X임' reads 'X(평가 기준)'
            values = [measured_on(v) for v in values]
            # every goal is what they are judged by: the field says so, not a tag on each value
            if values and field not in p.typical and all(v.endswith("(평가 기준)") for v in values):
                lines.append("- 평가 기준: " + " · ".join(v[: -len("(평가 기준)")] for v in values))
                continue
        # 'measured on inventory turns and margin' is what they are judged by: said so
        measured = values and all(re.match(r"(?:is\s+)?measured\s+on\s", v, re.I) for v in values)
        if field == "goals" and plan.language != "ko" and measured and field not in p.typical:
            lines.append("- Measured on: " + " · ".join(re.sub(r"^(?:is\s+)?measured\s+on\s+", "", v, flags=re.I) for v in values))  # fmt: skip
            continue
        if (
            values
            and field == "decision_role"
            and field in p.typical
            and not derived
            and not options
        ):
            # the role's usual part is the plan's working assumption, shown as one to confirm:
            # a card with no part in the decision reads as if nobody signs
            ko = plan.language == "ko"
            lines.append(f"- {L[key]}({'제안, 확인 필요' if ko else ''}): {values[0]}" if ko else f"- {L[key]} (proposed, to confirm): {values[0]}")  # fmt: skip
        elif (
            values and field in p.typical and field in _FUNCTION_SHOWN and not options and function
        ):
            # a finance, IT or owner card: its function's typical concerns and triggers are the
            # plan's working assumption, shown as proposals (an unknowns list reads as no card)
            ko = plan.language == "ko"
            en, kr = _FUNCTION_SHOWN[field]
            if not any(
                x.startswith("- _") and x.endswith("_:") for x in lines
            ):  # one label for all
                lines.append(f"- _{TYPICAL_SHOWN[ko]}_:")
            lines.append(f"  - {kr if ko else en}: " + " · ".join(values))
        elif field == "buying_triggers" and field in p.typical and not options and (said := trigger_line(plan, p)):  # fmt: skip
            lines.append(said)  # the market's opportunity, the plan's own hypothesis to confirm
        elif field == "objections" and field in p.typical and not options and (first := next((o.objection for o in plan.messaging.objections if o.persona == p.name), "")):  # fmt: skip
            # the objection table's first answer for this buyer: a hypothesis to prepare for,
            # not only a question for the interviews
            # (after the fields: inside them it would split the typical entries' sub-list)
            first_objection = (f"- 먼저 대비할 반론(제안, 인터뷰로 확인): {first}. 대응은 '예상 반론과 대응'에 있음" if plan.language == "ko"
                               else f"- Objection to prepare for first (proposed, to confirm in interviews): {first}; the answer is under objection handling")  # fmt: skip
        elif values and field in p.typical and not (field == "decision_role" and derived):
            ko = plan.language == "ko"
            typical.append(_question(field, values, ko) if options else _TOPICS[field][ko])
        elif values:
            lines.append(f"- {L[key]}: " + " · ".join(values))
    if first_objection:
        lines.append(first_objection)
    # a quote is shown only when it is the user's own: a sentence drafted from their answer would
    # read as something a buyer said (the JSON keeps it, marked typical, to confirm in interviews)
    if p.quote and "quote" not in p.typical:
        lines.append(f'- "{p.quote}"')
    card = " ".join(lines).lower()
    # a card label ('메인:', 'Primary:') is no note; the rest of the sentence may be
    notes = [
        re.sub(r"^(?:메인|서브|주요?\s*고객|primary|secondary|main)\s*[:：]\s*", "", x, flags=re.I)
        for x in _sentences_of(p.summary)
        if not _in_card(x, card)
    ]
    if notes:  # what the answer says that no field holds stays in the card, in the user's words
        lines.append(f"- {L['notes']}: " + " ".join(notes))
    # what the user did not say is what to ask buyers, in one line: the role's typical answers
    # stay in the JSON (typical, typical_source) - on the card they read as generic filler
    if typical and options:  # a draft: each question with the role's typical answers as options
        lines.append(f"- _{L['typical_group']}_:")
        lines += [f"  - {q}" for q in typical]
    elif typical and plan.language == "ko":  # a sentence, not a label over a fragment
        from assistant.core.lang import josa

        lines.append(f"- _{josa('·'.join(typical), '은')} 고객 인터뷰에서 확인함_")
    elif typical:
        lines.append(f"- _{L['typical_group']}_: " + " · ".join(typical))
    if not options and (reached := reach_line(plan, p)):
        # right under where they look: which of the plan's channels meets them there
        at = next(
            (i + 1 for i, x in enumerate(lines) if x.startswith(f"- {L['channels']}:")), len(lines)
        )
        lines.insert(at, reached)
    if check := approval_check(plan, p):
        lines.append(f"- {L['approves']}: {check}" + _owner_signs(plan, function))
    return "\n".join(lines)


_SME = re.compile(
    r"중소기업|중소\s*규모|\bSMEs?\b|small\s+(?:and\s+mid(?:-sized)?\s+)?(?:business|compan|firm)",
    re.I,
)


def _owner_signs(plan: Plan, function: str) -> str:
    """A finance card's approval at a small or mid-sized buyer: the chain usually ends with the
    chief executive, so the first deals confirm it (' 중소기업은 …'); '' otherwise."""
    said = " ".join([plan.user_text("sales_target_market"), *(f"{q.role} {q.summary}" for q in plan.personas)])  # fmt: skip
    if function != "finance" or not _SME.search(said):
        return ""
    if plan.language == "ko":
        # the contracts above the approval bar only: below it the team lead decides, as the card says
        return " 중소기업은 승인 기준을 넘는 계약의 품의가 재무 이사 다음 대표이사 결재로 끝나는 경우가 많아, 첫 거래에서 결재 라인(담당 팀장 → 재무 이사 → 대표이사)을 확인합니다."  # fmt: skip
    return " At a small or mid-sized firm, a contract above the approval bar often goes on from finance to the chief executive: confirm the chain (team lead, finance, CEO) in the first deals."  # fmt: skip


# the label over a committee card's typical entries, one for all of them (English, Korean)
TYPICAL_SHOWN = ("Typical for the role (proposed, to confirm in customer interviews)", "이 역할의 일반적인 예(제안, 고객 인터뷰로 확인)")  # fmt: skip
# a committee function's typical entries shown on its card as proposals (English, Korean)
_FUNCTION_SHOWN = {
    "goals": ("Cares about", "관심사"),
    "pains": ("Pains", "불편한 점"),
    "buying_triggers": ("Buying triggers", "구매 계기"),
}

_TOPICS = {  # field -> (English, Korean): what to find out about a buyer the user did not describe
    "goals": ("what they are measured on", "평가 기준"),
    "pains": ("what costs them the most time or money", "가장 많은 시간이나 돈이 드는 일"),
    "objections": ("the objection that comes first", "가장 먼저 나오는 반론"),
    "buying_triggers": ("what makes them start looking", "알아보기 시작하는 계기"),
    "channels": ("where they look for advice", "정보를 얻는 곳"),
    "decision_role": ("their part in the decision", "구매 결정에서의 역할"),
}  # fmt: skip


_QUESTIONS = {  # field -> (English, Korean) question; the typical answers follow as options
    "goals": ("What are they measured on?", "무엇으로 평가받나요?"),
    "pains": ("What costs them the most time or money today?", "지금 가장 많은 시간이나 돈이 드는 일은 무엇인가요?"),
    "objections": ("Which objection comes first?", "가장 먼저 나오는 반론은 무엇인가요?"),
    "buying_triggers": ("What makes them start looking?", "무엇을 계기로 알아보기 시작하나요?"),
    "channels": ("Where do they look for advice?", "어디서 정보를 얻나요?"),
    "decision_role": ("What is their part in the decision?", "구매 결정에서 어떤 역할을 하나요?"),
}  # fmt: skip


def _question(field: str, values: list[str], ko: bool) -> str:
    """A field the user did not give, as the question to ask buyers with the role's typical
    answers as options: 'Which objection comes first? Typically: price · the effort …'."""
    question = _QUESTIONS[field][ko]
    return f"{question} " + ("보통: " if ko else "Typically: ") + " · ".join(values)


def role_below_threshold(plan: Plan, p: Persona) -> str:
    """A champion whose economic buyer approves only above an amount the average deal sits below
    decides most deals: their role says so ('decides deals below 1,000만 원, recommends above')."""
    if "decision_role" not in p.typical or not re.search(r"champion|추천자", p.decision_role):
        return ""
    from assistant.goals.numbers import format_amount, read_quantities

    for other in plan.personas:
        if other is p or not approval_check(plan, other):
            continue
        limit = next((q for q in read_quantities(f"{other.role} {other.summary}") if q.kind == "money"), None)  # fmt: skip
        if limit is None:
            continue
        bar = format_amount(limit.value, limit.unit, plan.language)
        # what the threshold says (above it, the approver signs); who signs below it is not
        # said anywhere, so it is the interview's question, not an inference (a director read
        # 'decides alone' as unlikely for a team lead in a small company)
        return (f"도입을 추천하고 실무 검토를 맡음. {bar} 이상 계약은 {other.name}에게 품의해 승인받고, 그 미만 계약을 직접 결정하는지 대표 결재까지 가는지는 인터뷰로 확인" if plan.language == "ko"
                else f"recommends and runs the evaluation; deals of {bar} or more go to {other.name} for approval, and who signs below that (this buyer alone, or a director) is to be confirmed in interviews")  # fmt: skip
    return ""


_APPROVES = re.compile(r"approv|signs?\b|sign-?off|승인|결재", re.I)


def approval_check(plan: Plan, p: Persona) -> str:
    """A buyer who approves contracts above an amount ('연 1,000만 원 이상 계약을 승인') while the
    plan's average deal sits below it: most deals never reach them, so who signs is to confirm."""
    from assistant.analysis.plan_goals import deal_size
    from assistant.goals.numbers import format_amount, read_quantities

    said = f"{p.role} {p.summary}"
    if not _APPROVES.search(said):
        return ""
    size = deal_size(plan)
    limit = next((q for q in read_quantities(said) if q.kind == "money"), None)
    if size is None or limit is None or limit.unit != size[1] or size[0] >= limit.value:
        return ""
    ko, lang = plan.language == "ko", plan.language
    deal, bar = format_amount(size[0], size[1], lang), format_amount(limit.value, limit.unit, lang)
    from assistant.core.lang import fix_particles

    # an average says little about the spread: a per-unit price says which customers cross it
    units = _units_at(plan, limit.value)
    if units:
        n, noun = units
        return (
            fix_particles(
                f"평균 계약 금액 {deal}은(는) 승인 기준({bar})보다 낮아, 연간 계약가로 {noun} {n:,.0f}명 이상인 고객의 계약만 {p.name}의 승인을 거칩니다. 그 고객의 제안에는 {p.name}을(를) 위한 총비용과 회수 기간 자료를 함께 준비합니다."
            )
            if ko
            else f"The average deal ({deal}) is below this approval threshold ({bar}): at the annual-contract price only customers with {n:,.0f} or more {noun} reach {p.name}. Their proposals carry a finance case (total cost, payback) for {p.name}."
        )
    return (
        fix_particles(
            f"평균 계약 금액 {deal}은(는) 이 승인 기준({bar})보다 낮아, 평균 규모의 계약은 {p.name}의 승인 없이 진행될 수 있습니다. 실제로 누가 결재하는지 확인해야 합니다."
        )
        if ko
        else f"The average deal ({deal}) is below this approval threshold ({bar}), so an average-sized deal may never reach {p.name}: confirm who signs them."
    )


def _units_at(plan: Plan, amount: float) -> tuple[float, str] | None:
    """(units, their noun) a customer buys to reach `amount` a year at the plan's per-unit price
    (monthly x 12, less a stated annual-contract discount): 1,000만 원 at 5,000원 a person a
    month, 10% off -> 186 people (the first whole count that reaches it); None for a price that is not per unit."""
    from assistant.analysis.lists import mix_4p
    from assistant.interview.compose_price import PER_UNIT, annual_discount, unit_noun

    price = plan.fact("price")
    text = mix_4p(plan).get("price", "")
    unit = PER_UNIT.search(text)
    if (
        price is None
        or unit is None
        or not isinstance(price.value, (int, float))
        or price.value <= 0
    ):
        return None
    yearly = (
        float(price.value)
        * (12 if price.period == "month" else 1)
        * (1 - (annual_discount(text) or 0) / 100)
    )
    ko = plan.language == "ko"
    noun = unit_noun(unit.group(0), ko)
    if ko:  # '명분' counts people: the headcount the price is per ('직원')
        noun = "직원" if noun == "명분" else noun
    # the smallest whole count whose contract reaches the amount (185.2 people -> 186)
    return float(math.ceil(amount / yearly - 1e-9)), noun


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
    from assistant.interview.channel_copy import shown_stage

    out = []
    for channel in dict.fromkeys(r.channel for r in matrix):
        if _PARTNER_CHANNEL.search(channel):
            continue
        mine = [r for r in matrix if r.channel == channel]
        want = shown_stage(channel)
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
            # an absolute promise ('오류 걱정이 없습니다') is no reason to believe: what is
            # checkable before it stands, the promise left to the note below the key messages
            from assistant.interview.claim_checks import sound_part

            if m.key_messages and (kept := sound_part(rest, plan.language)):  # the note is there
                rest = kept  # the promise is the note's below, not an editor's aside here
            lines.append(f"- {L['believe']}: {rest}.")
    else:
        if positioning and positioning != value:
            lines.append(f"- {L['positioning']}: {positioning}")
        lines.append(f"- {L['value']}: {value}")
    from assistant.interview.positioning_line import against_alternatives

    if against := against_alternatives(plan):  # the positioning's other half: the alternatives
        lines.append(f"- {'대안 대비' if plan.language == 'ko' else 'Against the alternatives'}: {against}")  # fmt: skip
    if m.call_to_action:
        from assistant.interview.channel_copy import _free_step
        from assistant.interview.offer_volume import free_offer

        # the strategy's free first step comes before the trial it leads to ('무료 급여 진단 신청하기
        # → 14일 무료 체험 시작하기'): the buyer is asked for the small step first, unless the
        # call to action already asks for a free step
        step = _free_step(plan, plan.language == "ko")
        first = f"{step} → " if step and not free_offer(m.call_to_action) else ""
        lines.append(f"- {L['cta']}: {first}{m.call_to_action}")
    out = ["\n".join(lines)]
    if m.key_messages:
        from assistant.interview.copy_promise import time_change

        # the value proposition's own promise ('급여 마감 … 하루에') is what its proof must show
        change = time_change([p for x in plan.personas[:1] for p in x.pains], value) if plan.language == "ko" else None  # fmt: skip
        collect = f"확보할 근거: 고객사의 도입 전후 {change[0]} 소요 시간" if change else ""
        # the value proposition is written out above: its row says its promise in a few words
        # ('Store-level answers by 9 a.m. every day …', '급여 마감 3일 → 하루'), else names it
        from assistant.interview.copy_promise import before_after, benefit

        promise = before_after([p for x in plan.personas[:1] for p in x.pains], value) if plan.language == "ko" else benefit(value, False)  # fmt: skip
        said = (
            (promise[:1].upper() + promise[1:])
            if promise and len(promise) <= 80
            else L["value_above"]
        )
        from assistant.interview.message_answers import message_answers
        from assistant.interview.proof_collect import proof_to_collect

        # each message with what it answers for the buyer (their pain or objection) and its proof:
        # a pillar reads as a reason to buy, and every row says the evidence it needs
        ko = plan.language == "ko"
        first_pain = next((" ".join(x.split()).rstrip(" .") for p in plan.personas[:1] for x in p.pains[:1]), "")  # fmt: skip
        taken: set[str] = set()  # the pains earlier rows answer: a later row finds another

        def answers(message: str) -> str:
            found = first_pain if message == value else message_answers(plan, message, frozenset(taken))  # fmt: skip
            taken.add(found)
            return found

        listed: list[list[str]] = []
        for km in m.key_messages:
            answer = answers(km.message)
            proof = "; ".join([*km.proof_points, *([collect] if collect and km.message == value else [])])  # fmt: skip
            if not proof:
                # the evidence to collect, by what the message claims; a message that answers what
                # the buyer is measured on is proved on that measure, and no two rows ask for the
                # same evidence
                same = next((r[3] for r in listed if r[1] == (said if km.message == value else km.message) and r[2] == (answer or "-")), "")  # fmt: skip
                proof = same or proof_to_collect(km.message if km.message != value else "", ko, answer, [r[3] for r in listed])  # fmt: skip
            listed.append([km.persona, said if km.message == value else km.message, answer or "-", proof])  # fmt: skip
        rows = _merged(listed)
        answered = any(r[2] != "-" for r in rows)
        if not answered:
            rows = [[r[0], r[1], r[3]] for r in rows]
        head = [L["persona"], L["message"], *([L["answers"]] if answered else []), L["proof"]]
        who, head, rows = _one_audience(head, rows, plan.language)
        block = f"**{L['key_messages']}{who}**\n\n" + (
            table(head, rows)
            if len(head) > 1
            else "\n".join(f"- {r[0]}" for r in rows if r[0] != said)  # a list of the pillars
        )
        from assistant.core.lang import fix_particles
        from assistant.interview.claim_checks import absolute_claim_note, proof_owner_note

        if any(("확보할 근거" if ko else "to collect") in r[-1] for r in rows):
            block += "\n\n" + (
                fix_particles(proof_owner_note(plan)) if ko else proof_owner_note(plan)
            )
        if note := absolute_claim_note(plan):
            block += f"\n\n- {note}"
        out.append(block)
    if m.objections:
        rows = _merged([[o.persona, o.objection, o.answer] for o in m.objections])
        who, head, rows = _one_audience([L["persona"], L["objection"], L["answer"]], rows, plan.language)  # fmt: skip
        block = f"**{L['objections_h']}{who}**\n\n" + table(head, rows)
        # objections nobody stated are the role's typical ones: a proposal to confirm, said once
        typical = [p.name for p in plan.personas if "objections" in p.typical and any(o.persona == p.name for o in m.objections)]  # fmt: skip
        if typical:
            names = ", ".join(typical)
            block += "\n\n" + (
                f"_{names}의 반론은 각 역할에서 흔히 나오는 것을 제안한 것으로, 첫 고객 인터뷰에서 확인합니다._"
                if plan.language == "ko"
                else f"_The objections for {names} are the ones typical for the role (proposed): confirm them in the first customer interviews._"
            )
        out.append(block)
    if m.matrix:
        # the plan shows each channel's copy at the stage the channel works (an ad that finds
        # buyers, a store page that closes them); partners get briefs, not buyer copy. All three
        # stages stay in the JSON and the CLI.
        shown = _copy_rows(m.matrix)
        # a self-serve channel for buyers below the target market speaks to them, not to the
        # personas above: its stage says whom it is for
        from assistant.interview.territory_notes import self_serve_below, self_serve_channel

        serve = self_serve_channel(plan) if self_serve_below(plan) else None
        ko = plan.language == "ko"

        def stage(r: CopyRow) -> str:
            said = L["stages"][r.stage]
            if serve is None or r.channel.strip().lower() != serve[0].strip().lower():
                return said
            return f"{said}(셀프 구매: {serve[1]})" if ko else f"{said} (self-serve: {serve[1]})"

        rows = [[r.channel, stage(r), r.headline, r.body, r.cta] for r in shown]
        head = [L["channel"], L["stage"], L["headline"], L["body"], L["cta"]]
        out.append(f"**{L['copy_h']}**\n\n" + table(head, rows))
    return "\n\n".join(out)

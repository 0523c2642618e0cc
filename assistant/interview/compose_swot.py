"""The SWOT put to work: each opportunity with the parts of the plan that pursue it (a channel, a
move, a calendar activity, the target market), each strength with the message that leads with
it; an opportunity nothing pursues, or a strength no message uses, is said so with its fix.
Weaknesses and threats are met in the risk register, so they are not repeated here."""

from __future__ import annotations

import re

from assistant.analysis.linking import Linker
from assistant.analysis.lists import SWOT_LABELS, labelled, split_items
from assistant.analysis.plan_links import clauses, strategy_moves
from assistant.analysis.text_words import words
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan

_KIND_NAMES = {
    "goal": ("goal", "목표"),
    "channel": ("channel", "채널"),
    "move": ("strategy", "전략"),
    "activity": ("calendar", "캘린더"),
    "market": ("target market", "목표 시장"),
    "offer": ("offering", "제품"),
}


def _items(text: str, ko: bool, whole: bool = False) -> list[str]:
    """The items of a SWOT part's first sentence; `whole` splits at commas and semicolons only
    (an opportunity is one phrase: '최저임금 인상과 노동법 개정으로 … 기업')."""
    first = text.strip().split(". ")[0].strip(" .")
    if not first:
        return []
    if whole:
        items = [re.sub(r"^(?:and|or|plus)\s+", "", i, flags=re.I) for i in re.split(r"[;,]\s+(?![^()]*\))", first)]  # fmt: skip
    elif ko:
        from assistant.core.korean import split_list

        items = split_list(first)
    else:
        items = split_items(first)
    return [i.strip(" .") for i in items if len(i.strip(" .")) > 3]


def _tied(link: Linker, item: str, text: str) -> int:
    """How strongly two phrases are tied: the distinctive words they share, a shared name (a
    capitalised word: 'Shopify') counting as two; one shared common noun is no tie."""
    # 'buy-online-pick-up-in-store' and 'store pickup' are read word by word
    item, text = item.replace("-", " "), text.replace("-", " ")
    shared = link.shared(item, text)
    names = words(" ".join(re.findall(r"\b[A-Z][A-Za-z]+", item)))
    strength = len(shared) + len(shared & names)
    return strength if strength >= 2 else 0


def _candidates(plan: Plan) -> list[tuple[str, str]]:
    """(kind, text) for the parts of the plan that can pursue an opportunity."""
    out = [("goal", str(n)) for n, _ in enumerate(plan.goals, 1)]
    out += [("channel", c) for c in plan.channels]
    out += [("move", m) for _, m in strategy_moves(plan)]
    out += [("activity", e.activity) for e in plan.calendar]
    out += [("market", c) for c in clauses(plan.user_text("sales_target_market"))]
    out += [("offer", c) for c in clauses(plan.user_text("sales_offering"))]
    return [(k, " ".join(t.split())) for k, t in out if t.strip()]


def swot_rows(plan: Plan) -> list[tuple[str, str, str]]:
    """(kind, item, where the plan acts on it) for the opportunities and strengths; the last
    cell is '' when nothing in the plan acts on the item."""
    ko = plan.language == "ko"
    parts, _ = labelled(plan.user_text("mkt_market_analysis"), SWOT_LABELS)
    opportunities = _items(parts.get("o", ""), ko, whole=True)[:3]
    strengths = _items(parts.get("s", ""), ko)[:3]
    if not opportunities and not strengths:
        return []
    found = _candidates(plan)
    goal_text = {str(n): g.text for n, g in enumerate(plan.goals, 1)}
    said = lambda k, t: goal_text[t] if k == "goal" else t  # noqa: E731
    # the claims before the value proposition: a strength is led with by its own claim
    value = plan.messaging.value_proposition
    messages = [km.message for km in plan.messaging.key_messages if km.message != value] + ([value] if value else [])  # fmt: skip
    # the market's own words are fair links here (an opportunity is written in them); words most
    # of the plan's parts share ('retail' for a retailer) are not
    link = Linker([said(k, t).replace("-", " ") for k, t in found] + messages + opportunities + strengths)  # fmt: skip
    rows: list[tuple[str, str, str]] = []
    from assistant.interview.territory_notes import self_serve_channel

    serve = self_serve_channel(plan)
    for item in opportunities:
        hits = sorted(((k, t) for k, t in found if _tied(link, item, said(k, t))), key=lambda h: -_tied(link, item, said(*h)))  # fmt: skip
        seen: dict[str, list[str]] = {}
        for k, t in hits:  # up to two of each kind, in the plan's own words
            if len(seen.setdefault(k, [])) < 2 and t not in seen[k]:
                seen[k].append(t)
        if serve and serve[0] in seen.get("channel", []):
            # the self-serve channel serves its own buyers ('chains under 20 stores'): said
            # beside it, so an opportunity placed there is read against who it serves; when they
            # sit below the target market, the listing finds the opportunity and sales takes the
            # buyers of the market's size
            from assistant.interview.territory_notes import self_serve_below

            if size := self_serve_below(plan):
                scope = (f"(목록에서 찾고, 목표 시장 규모({size})의 고객은 셀프 서비스가 아니라 영업팀이 맡음)" if ko
                         else f" (its listing finds them; buyers of the target market's {size} go to the sales team, not self-serve)")  # fmt: skip
            else:
                scope = f"(셀프 서비스: {serve[1]})" if ko else f" (self-serve, for {serve[1]})"
            seen["channel"] = [c + scope if c == serve[0] and serve[1] else c for c in seen["channel"]]  # fmt: skip
        cell = (" · " if ko else "; ").join(
            (f"목표 {', '.join(ts)}" if ko else f"goal{'s' if len(ts) > 1 else ''} {', '.join(ts)}")
            if k == "goal"
            else f"{_KIND_NAMES[k][ko]}: {', '.join(ts)}"
            for k, ts in list(seen.items())[:3]
        )
        rows.append(("o", item, cell))
    if not plan.messaging.key_messages:  # no messaging yet: nothing to say about strengths
        strengths = []
    for item in strengths:
        ties = [
            (_tied(link, item, m) or len(link.shared(item, m)), -n, m)
            for n, m in enumerate(messages)
        ]
        best = max(ties, default=(0, 0, ""))
        lead = best[2] if best[0] else ""
        cell = (f"핵심 메시지: {lead}" if ko else f"key message: {lead}") if lead else ""
        generic = False
        if lead == value:  # a sentence in a cell: named, not repeated
            cell = "핵심 메시지: 가치 제안" if ko else "key message: the value proposition"
        elif lead and (words(lead) <= words(item) or words(item) <= words(lead)):
            # the message says the strength itself: not said twice, and not by a number the
            # messages table does not show
            cell = "포지셔닝·메시지에서 핵심 메시지로 씀" if ko else "used as a key message (Positioning and Messaging)"  # fmt: skip
            generic = True
        against = _led_against(plan, item) if generic else ""
        if against:  # where it is led with: the competitor rows, so no two cells match (a cell
            # naming its own message keeps it)
            cell = fix_particles(f"핵심 메시지 · {against}에 맞서 앞세움(경쟁 현황)") if ko else f"key message; the claim against {against} (Competitors)"  # fmt: skip
        rows.append(("s", item, cell))
    return rows


def _led_against(plan: Plan, strength: str) -> str:
    """The competitor rows that lead with `strength` ('엑셀 수작업, 대형 경쟁사의 무료 요금제'),
    their labels without the kind in brackets; '' when none does."""
    from assistant.analysis.lists import competitor_list
    from assistant.analysis.text_words import words
    from assistant.interview.compose_rivals import rival_pairings
    from assistant.interview.message_house import differentiators

    rivals, claims = competitor_list(plan), differentiators(plan)
    if not rivals or not claims:
        return ""
    mine = words(strength)
    merged, _ = rival_pairings(plan, [r.strip(" .") for r in rivals[:8] if r.strip(" .")], claims)
    hits = []
    for label, claim, _ in merged:
        theirs = words(claim)
        if mine and theirs and (theirs <= mine or mine <= theirs or len(mine & theirs) >= 2):
            hits.append(re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", label))
    return ", ".join(hits[:3])


def swot_covered(plan: Plan) -> bool:
    """Whether the table below holds every SWOT item the answer gave, in all four parts: then it
    is the SWOT, and a 2x2 of the same words above it would only repeat the answer."""
    parts, _ = labelled(plan.user_text("mkt_market_analysis"), SWOT_LABELS)
    rows = [*swot_rows(plan), *_guarded_rows(plan)]
    for kind in "swot":
        said = words(parts.get(kind, ""))
        shown = words(" ".join(item for k, item, _ in rows if k == kind))
        if not said or not said <= shown:
            return False
    return True


def swot_markdown(plan: Plan, whole: bool = False) -> str:
    """The opportunities and strengths with where the plan acts on them, and one line for the
    ones nothing uses; `whole` when it stands for the SWOT (every item in it)."""
    rows = swot_rows(plan)
    if not rows:
        return ""
    ko = plan.language == "ko"
    label = {"o": ("Opportunity", "기회"), "s": ("Strength", "강점")}
    table = ["| | " + (" | ".join(["항목", "계획 반영"] if ko else ["Item", "Where the plan uses it"])) + " |", "|---|---|---|"]  # fmt: skip
    label |= {"w": ("Weakness", "약점"), "t": ("Threat", "위협")}
    listed = [*rows, *_guarded_rows(plan)]
    if whole:  # read as a SWOT: strengths, weaknesses, opportunities, threats
        listed.sort(key=lambda r: "swot".index(r[0]))
    for kind, item, cell in listed:
        shown = cell or ("아직 없음" if ko else "not yet")
        table.append(f"| {label[kind][ko]} | {item[:1].upper() + item[1:] if not ko else item} | {shown} |")  # fmt: skip
    notes = [note for kind in ("o", "s") if (note := _idle_note(kind, [i for k, i, c in rows if k == kind and not c], ko))]  # fmt: skip
    title = (
        ("**SWOT과 계획 반영**" if ko else "**SWOT, and where the plan acts on it**")
        if whole
        else ("**SWOT의 계획 반영**" if ko else "**The SWOT in the plan**")
    )
    return "\n\n".join([title, "\n".join(table), *notes])


def _guarded_rows(plan: Plan) -> list[tuple[str, str, str]]:
    """(kind, item, where the plan meets it) for the weaknesses and threats the risk register
    answers: each with the register's response, and a competing kind's threat with the
    competitor table too."""
    from assistant.analysis.risk_register import swot_risk_rows
    from assistant.interview.compose_rivals import _rival_threats

    ko = plan.language == "ko"
    rivals = {t.lower() for t, _ in _rival_threats(plan)}
    out = []
    for kind, row in swot_risk_rows(plan):
        risk = (row.item or row.risk).strip(" .")
        where = ["경쟁 현황" if ko else "competitor table"] if risk.lower() in rivals else []
        # the response is the register's to say (once): the cell says where it is
        where.append("'위험과 대응'에서 대응함" if ko else "answered in Risks and mitigations")
        out.append((kind, risk, (" · " if ko else "; ").join(where)))
    return out


def _idle_note(kind: str, idle: list[str], ko: bool) -> str:
    """One line for the opportunities nothing pursues, or the strengths no message leads with."""
    if not idle:
        return ""
    names = ", ".join(f"'{i}'" for i in idle)
    them = "them" if len(idle) > 1 else "it"
    if kind == "o":
        return (
            f"{names}: 이 기회를 언급하는 목표, 채널, 전략, 활동이 없습니다. 이미 쫓고 있다면 해당 부분에 적고, 아니면 하나를 정하거나 올해는 쫓지 않는다고 적어야 합니다."
            if ko
            else f"No goal, channel, move or activity names {names}: if one pursues {them}, say so there; otherwise give {them} one, or say the plan leaves {them} for later."
        )
    return (
        f"{names}: 어느 핵심 메시지도 이 강점을 앞세우지 않습니다. 메시지에 넣거나, 고객에게 중요하지 않다면 빼야 합니다."
        if ko
        else f"No key message leads with {names}: put {them} in the messaging, or drop {them} if buyers do not care."
    )

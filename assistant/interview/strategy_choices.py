"""The marketing strategy's choices before its moves: where the plan means to win (the target
market and the segment it starts with), why buyers choose it over the named rivals (the user's
differentiators), and whom the sellers leave out (a self-serve channel's buyers below the target
market, what the target market excludes). Composed from the fact sheet's lists; the user's words
appear as items, never as the paragraph (directors scored a strategy of moves alone as 'no choice
of where to win')."""

from __future__ import annotations

import re

from assistant.analysis.lists import competitor_list, first_segment
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan

_EXCLUDED = re.compile(
    r"(?:제외(?:\s*대상)?|not\s+targeting|exclud(?:e|ed|ing)|out\s+of\s+scope)\s*[:：]\s*(?P<what>[^.\n]+)",
    re.I,
)
# where the answer turns from the market to its priority ('…, starting with apparel', '… 먼저')
_PRIORITY_TAIL = re.compile(r",?\s*(?:starting\s+with|beginning\s+with|first\s+with|especially)\b.*$", re.I)  # fmt: skip
_PARTNER_FACING = re.compile(r"referral|reseller|affiliate|partner\s+program|리퍼럴|대행사|파트너\s*(?:프로그램|제도)|제휴\s*프로그램", re.I)  # fmt: skip
_LONGEST = 140  # a market said at more length than this is the target market section's to show


def _market(plan: Plan, ko: bool, segment: str) -> str:
    """The target market's first clause, without its priority ('North American retail chains
    with 20-200 stores and $50M-$1B revenue', '월 거래액 5천만~5억 원의 국내 온라인 쇼핑몰');
    '' when it is long or labelled lists."""
    text = _EXCLUDED.split(plan.user_text("sales_target_market"), maxsplit=1)[0]
    first = re.split(r"(?<=[.;])\s+|\n", text.strip(), maxsplit=1)[0].strip(" .;")
    first = _PRIORITY_TAIL.sub("", first).strip(" ,.;")
    if ko and segment and segment in first:  # '…쇼핑몰, 패션·뷰티·식품 카테고리부터 시작하며 …'
        first = first.split(segment, 1)[0].strip(" ,.;")
    if not first or len(first) > _LONGEST or re.search(r"[:：]|\d차\b", first):
        return ""
    if ko and re.search(r"(?:합니다|습니다|한다|하고|하며)$", first):
        return ""  # a sentence of its own, not a market's name
    return first


def _names(items: list[str], ko: bool) -> str:
    items = [i.strip(" .") for i in items if i.strip(" .")]
    if ko or len(items) < 2:
        return ", ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def strategy_choices(plan: Plan, differentiators: list[str]) -> str:
    """'**Choices**' with up to three bullets (where to win, why buyers choose us, whom the sellers
    leave out); '' when the fact sheet gives fewer than two of them."""
    from assistant.interview.territory_notes import self_serve_below, self_serve_channel

    ko = plan.language == "ko"
    bullets: list[str] = []
    first = first_segment(plan.user_text("sales_target_market"), ko)
    market = _market(plan, ko, first)
    if market and first and first not in market:
        bullets.append(
            f"공략 대상: {market}, 그중 {first}부터 공략합니다."
            if ko
            else f"Where to win: {market}; {first} first."
        )
    elif market:
        bullets.append(f"공략 대상: {market}." if ko else f"Where to win: {market}.")
    rivals = [re.sub(r"\s*\([^()]*\)", "", c).strip(" .") for c in competitor_list(plan)[:3]]
    # a claim made to partners (a referral programme) is not the buyer's reason to choose
    differentiators = [d for d in differentiators if not _PARTNER_FACING.search(d)]
    if differentiators:
        claims = _names(differentiators[:3], ko)
        against = _names([r for r in rivals if r], ko)
        if len(against) > 80:  # rivals described at length are the competitor table's to show
            against = ""
        if ko:
            vs = f"{against} 대비 " if against else ""
            bullets.append(fix_particles(f"고객이 우리를 고르는 이유: {vs}{claims}."))
        else:
            vs = f" over {against}" if against else ""
            bullets.append(f"Why buyers choose us{vs}: {claims}.")
    # outside the target: the size range's ends (a self-serve channel's smaller buyers said with
    # it, as the target market's table does), then what the answer excludes
    from assistant.interview.compose_target import market_criteria
    from assistant.interview.target_scope import scope_rows

    left: list[str] = [r[1] for r in scope_rows(plan, market_criteria(plan), None) if r[0] in ("Out of scope", "제외 대상")]  # fmt: skip
    if not left and self_serve_below(plan) and (found := self_serve_channel(plan)) is not None:
        channel, who = found
        left.append(f"{who}({channel} 셀프 서비스, 영업 담당 없음)" if ko else f"{who} (self-serve through {channel}, no seller)")  # fmt: skip
    if left:
        bullets.append(f"공략 대상 밖: {', '.join(left)}." if ko else f"Outside the target market: {'; '.join(left)}.")  # fmt: skip
    # what the answer excludes by behaviour or kind ('rideshare drivers asking for sub-$100 deals')
    if m := _EXCLUDED.search(plan.user_text("sales_target_market")):
        said = m.group("what").strip(" ,;")
        bullets.append(f"공략하지 않는 고객: {said}." if ko else f"Not pursued: {said}.")
    if len(bullets) < 2:
        return ""
    head = "**선택과 집중**" if ko else "**Choices**"
    return head + "\n\n" + "\n".join(f"- {b}" for b in bullets)

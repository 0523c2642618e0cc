"""The notes under the territories table: how the split was made (stated, by sellers, evenly, or
by population as a stand-in for potential), the partners' and a self-serve channel's share of
the customer goal, and a territory whose seller has too little to carry."""

from __future__ import annotations

import re

from assistant.analysis.plan_analysis import customer_goal
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan

_SELF_SERVE = re.compile(
    r"(?P<channel>[^.;,]{3,60}?)\s+(?:is\s+|as\s+)?(?:a|our)?\s*self-?serve\s+channel\s+for\s+(?P<who>[^.;]+)",
    re.I,
)
# the Korean sentence up to '…을 위한 셀프 구매 채널'; its channel and buyers are read with Kiwi
_SELF_SERVE_KO = re.compile(r"(?P<pre>[^.;]*?)\s*위한\s*셀프\s*(?:서비스|구매)\s*채널")
_UNDER = re.compile(
    r"(?:under|below|fewer than|less than)\s+(\d[\d,]*)|(\d[\d,]*)\s*\S*\s*(?:미만|이하)", re.I
)
_RANGE = re.compile(r"(\d[\d,]*)\s*(?:-|–|~|to)\s*(\d[\d,]*)(?:\s*[A-Za-z]+\b|[가-힣])?")


def self_serve_channel(plan: Plan) -> tuple[str, str] | None:
    """(channel, the buyers it serves) for a self-serve channel the territories answer names
    ('Shopify App Store as a self-serve channel for chains under 20 stores')."""
    text = plan.user_text("sales_territories_channels")
    if (ko := _self_serve_ko(text)) is not None:
        return ko
    m = _SELF_SERVE.search(text)
    if m is None:
        return None
    channel = m.group("channel").strip(" ;,.")
    channel = re.sub(r"^(?:and|plus|with|the)\s+|^[^;]*;\s*", "", channel, flags=re.I)
    return channel, m.group("who").strip(" .")


def _self_serve_ko(text: str) -> tuple[str, str] | None:
    """'자사 홈페이지는 직원 50명 미만 사업장을 위한 셀프 구매 채널' -> ('자사 홈페이지', '직원 50명
    미만 사업장'): the channel before its topic (or object) particle, the buyers after it."""
    from assistant.core.korean import tokens

    m = _SELF_SERVE_KO.search(text)
    if m is None:
        return None
    pre = m.group("pre").strip(" ,")
    toks = tokens(pre)
    if toks and toks[-1].tag == "JKO":  # '… 기업을 위한'
        pre = pre[: toks[-1].start].strip()
        toks = tokens(pre)
    top = next((t for t in toks if t.tag in ("JX", "JKO") and t.form in ("은", "는", "을", "를")), None)  # fmt: skip
    if top is None:
        return None
    channel = re.split(r"[,:·]\s*", pre[: top.start].strip())[-1].strip()
    who = pre[top.start + top.len :].strip()
    return (channel, who) if len(channel) >= 2 and who else None


def self_serve_below(plan: Plan) -> str:
    """The target market's size range ('20-200 stores') when the self-serve channel serves buyers
    below it ('chains under 20 stores'), else ''."""
    found = self_serve_channel(plan)
    if found is None:
        return ""
    under = _UNDER.search(found[1])
    size = _RANGE.search(plan.user_text("sales_target_market"))
    if under and size and int((under.group(1) or under.group(2)).replace(",", "")) <= int(size.group(1).replace(",", "")):  # fmt: skip
        return size.group(0)
    return ""


def _self_serve_note(plan: Plan, ko: bool) -> list[str]:
    """A self-serve channel the territories answer names ('Shopify App Store as a self-serve
    channel for chains under 20 stores'): it needs its own target; one that serves buyers below
    the target market's size range says so, and asks whether they count toward the goal."""
    found = self_serve_channel(plan)
    if found is None:
        return []
    channel, who = found
    under = _UNDER.search(who)
    size = _RANGE.search(" ".join(plan.user_text(x) for x in ("sales_target_market",)))
    below = bool(under and size and int((under.group(1) or under.group(2)).replace(",", "")) <= int(size.group(1).replace(",", "")))  # fmt: skip
    won = customer_goal(plan)
    goal = f" {won[1]:,.0f}" if won else ""
    if ko:
        tail = (f" 목표 시장({size.group(0)})보다 작은 고객이라, 신규 고객 목표{goal}곳과 따로 세고 1분기 설치 수를 보고 이 채널의 목표를 따로 정하는 것을 권합니다." if below and size
                else " 1분기 실적을 보고 이 채널의 목표를 따로 정하는 것을 권합니다.")  # fmt: skip
        return [fix_particles(f"셀프 서비스 채널: {channel}({who}).{tail}")]
    tail = (f" They sit below the target market's {size.group(0)}. Recommended: count them apart from the{goal}, and set the channel's own target from its first quarter's installs." if below and size
            else " Recommended: set its own target from its first quarter's results.")  # fmt: skip
    return [f"Self-serve channel: {channel}, for {who}.{tail}"]


_PARTNER_FIRMS = re.compile(
    r"(?:partner|파트너)\w*\s*(?:firms?|agencies)?\s*(\d+)\s*(?:곳|개|firms?|agencies)|(\d+)\s*(?:partner\s+)?(?:partner\s*firms?|partners|partner\s+agencies)",
    re.I,
)


def _partner_note(plan: Plan, ko: bool) -> list[str]:
    """The customers partners bring (their stated share of the customer goal) and, with the
    number of partner firms, what each must refer a year; whether the regions count them."""
    from assistant.analysis.plan_goals import partner_share
    from assistant.interview.pipeline_feed import said_each

    share, goal = partner_share(plan), customer_goal(plan)
    if share is None or goal is None:
        return []
    deals = goal[1] * share / 100
    text = " ".join(plan.user_text(sid) for sid in ("sales_territories_channels", "sales_strategy", "mkt_channels"))  # fmt: skip
    m = _PARTNER_FIRMS.search(text)
    firms = int(m.group(1) or m.group(2)) if m else 0
    if ko:
        inner = f"{share:g}%" + (
            f", 파트너 {firms}곳에서 1곳당 연 약 {said_each(deals / firms)}곳" if firms else ""
        )
        return [f"파트너가 신규 고객 {goal[1]:,.0f}곳 중 약 {deals:,.0f}곳({inner})을 가져옵니다. 위 표의 지역별 목표는 이 파트너 고객을 포함한 수이며, 파트너 거래도 지역 담당자가 마무리하므로 고객이 있는 지역의 목표에 넣는 것을 권합니다."]  # fmt: skip
    each = (
        f", about {said_each(deals / firms)} a year from each of the {firms} partner firms"
        if firms
        else ""
    )
    return [f"Partners bring about {deals:,.0f} of the {goal[1]:,.0f} new customers ({share:g}%){each}. The territory targets above include them: count each in the territory where the customer is, since that territory's sellers close it (recommended)."]  # fmt: skip


def population_basis(plan: Plan) -> str:
    """How a consumer business's regions were split by people (the people are its buyers): a
    provisional split until the first quarter's sign-ups by region replace it."""
    from assistant.analysis.plan_goals import plan_year

    year = plan_year(plan)
    return (f"잠정 배분: 지역별 목표가 정해지지 않아 인구 비중(2023년 주민등록인구)으로 나눈 제안입니다. {year}년 1분기의 지역별 신규 고객 비중이 나오면 그 비중으로 바꿉니다."
            if plan.language == "ko" else f"Provisional split: targets per region are not stated, so they follow each region's share of the population (2023 estimates). Replace the split with each region's share of new customers once Q1 {year}'s are in.")  # fmt: skip


def _territory_basis(ko: bool, sellers_stated: bool, targets_stated: bool) -> str:
    if targets_stated:  # the plan's own targets: nothing to explain
        return ""
    if sellers_stated:
        return ("지역별 목표는 그 지역의 영업 담당자 수에 비례합니다." if ko
                else "Each territory's target follows its sellers.")  # fmt: skip
    return ("지역별 담당자 수가 정해지지 않아 할당 영업 인원을 고르게 나눈 제안입니다. 지역별 잠재 수요에 맞춰 조정해야 합니다."
            if ko else "Sellers per territory are not stated. As a starting point the quota sellers are split as evenly as whole people allow, and each territory's target follows its sellers; adjust both to each territory's potential.")  # fmt: skip

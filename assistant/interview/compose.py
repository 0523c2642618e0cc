"""Shared pieces of the sections composed from the user's answer plus the analysis (instead of
the answer pasted back): tables, each channel's role and KPI, the budget line that pays for a
channel or a dated activity, whether the plan sells to consumers, and the bulleted sections
built from the answer's own clauses. The user's words stay in the cells."""

from __future__ import annotations

import re

from assistant.analysis.text_words import words as distinctive
from assistant.core.plan import BudgetLine, Plan

# what a table cell says when the user has not given it: the plan is read by others, so it states
# the decision as open (the review and the chat's read-back tell the user what to add)
_ASK = {"en": "to be decided", "ko": "미정"}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "/").strip(" .;,") or "-"


def _table(header: list[str], rows: list[list[str]]) -> str:
    return "\n".join(
        ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        + ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    )


_ROLES = [
    (r"선물하기|gifting|gift\s+(?:shop|card|box)", ("Acquisition through gifts", "선물 구매로 신규 유입"), "new_customers"),
    (r"sms|kakao|카카오|push\b|푸시|문자|loyalty|멤버십|로열티", ("Retention and repeat purchase", "유지·재구매"), "retention_rate"),
    (r"referral|추천", ("Acquisition through referrals", "추천 획득"), "new_customers"),
    (r"content|blog|seo|report|콘텐츠|블로그|보고서", ("Awareness and organic leads", "인지·자연 유입 리드"), "website_traffic"),
    (r"community|reddit|forum|discord|커뮤니티|카페|맘카페", ("Awareness and word of mouth", "인지·입소문"), "social_engagement"),
    # a search ad answers a buyer already looking: it captures demand, it does not create it
    (r"search\s*ads?\b|검색\s*광고|\bppc\b|\bsem\b|paid\s+search|google\s+ads", ("Acquisition (leads from existing demand)", "획득(이미 찾는 수요의 리드)"), "cpl"),
    (r"linkedin|google|search|ads?\b|광고|검색|sns|instagram|facebook|meta|tiktok|youtube|creator|influencer|인스타|유튜브|인플루언서|링크드인|페이스북|틱톡|네이버|구글", ("Acquisition (awareness and leads)", "획득(인지·리드)"), "cpl"),
    (r"webinar|event|show|conference|booth|expo|fair|summit|chapter|lunch|sponsor|nrf|세미나|웨비나|행사|전시|박람회|페어|컨퍼런스|포럼|설명회", ("Consideration (leads and demos)", "검토(리드·데모)"), "leads"),
    (r"direct\s+mail|mailer|postcard|우편|dm\b", ("Acquisition (direct response)", "획득(직접 반응)"), "leads"),
    (r"email|newsletter|뉴스레터|이메일|crm", ("Nurture (MQL to SQL)", "육성(MQL→SQL)"), "mql_to_sql_rate"),
    (r"app\s*store|marketplace|amazon|self-?serve|web\s*(?:shop|store)|online\s*store|e-?commerce|자사몰|쇼핑몰|온라인\s*몰|스토어|마켓|쿠팡", ("Conversion (self-serve sales)", "전환(셀프서브 판매)"), "marketing_conversion_rate"),
    (r"partner|agenc|reseller|파트너|대리점|리셀러", ("Acquisition through partner referrals", "파트너 추천을 통한 고객 확보"), "new_customers"),
]  # fmt: skip


def _role_index(name: str) -> int | None:
    return next((i for i, (p, _, _) in enumerate(_ROLES) if re.search(p, name, re.I)), None)


def _roles(name: str) -> set[int]:
    """Every role a budget line serves ('콘텐츠·웨비나' pays for content and events)."""
    return {i for i, (p, _, _) in enumerate(_ROLES) if re.search(p, name, re.I)}


_LEAD_KPIS = ("cpl", "leads", "mql_to_sql_rate")
_CONSUMER_ROLE = {
    "Acquisition (awareness and leads)": "Acquisition (awareness and first purchase)",
    "획득(인지·리드)": "획득(인지·첫 구매)",
    "Acquisition (leads from existing demand)": "Acquisition (search demand and first purchase)",
    "획득(이미 찾는 수요의 리드)": "획득(검색 수요·첫 구매)",
    "Awareness and organic leads": "Awareness and organic visits",
    "인지·자연 유입 리드": "인지·자연 유입",
    "Consideration (leads and demos)": "Consideration (trial and first purchase)",
    "검토(리드·데모)": "검토(체험·첫 구매)",
    "Nurture (MQL to SQL)": "Nurture (repeat purchase)",
    "육성(MQL→SQL)": "육성(재구매)",
}
# the kinds of line that pay for a place customers buy in: a store or a partner programme
PLACE_KINDS = {i for i, (_, r, _) in enumerate(_ROLES) if r[0] in ("Conversion (self-serve sales)", "Acquisition through partner referrals")}  # fmt: skip
# the broad paid-acquisition rule: too wide to pair a channel with a budget line by role alone
_ACQUISITION = next(
    i for i, (_, r, _) in enumerate(_ROLES) if r[0] == "Acquisition (awareness and leads)"
)


_SEVERAL = re.compile(r"\band\b|&|\+|/|·|,|[가-힣](?:와|과)\s")  # a line named for several things
_GENERIC = {"광고", "마케팅", "캠페인", "운영", "협업", "adver", "marke", "campa", "paid", "media", "colla"}  # fmt: skip


def paying_lines(
    plan: Plan, names: list[str], kinds: set[int] | None = None
) -> dict[str, BudgetLine | None]:
    """Each channel or promotion -> the budget line that pays for it: the one sharing most of its
    distinctive words ('구글 검색 광고' -> '네이버·구글 검색 광고'); generic words ('ads', '광고')
    tie nothing, and a shared platform name ('네이버') does not make a blog the search ads' line.
    A name with no shared word takes the one line of its own kind ('NRF trade show' -> 'events').
    `kinds` limits the lines to those of these roles (a place is paid by a store or partner line,
    never by the search ads that share its platform's name)."""
    lines: dict[str, BudgetLine | None] = {}
    for channel in names:
        mine = distinctive(channel) - _GENERIC
        own = _role_index(channel)
        scored = [
            (len(mine & (distinctive(ln.item) - _GENERIC)), i)
            for i, ln in enumerate(plan.budget.lines)
            if ln.share is not None
            and (kinds is not None or own is None or not _roles(ln.item) or own in _roles(ln.item))
            and (kinds is None or _role_index(ln.item) in kinds)
        ]
        best = max(scored, default=(0, -1))
        if best[0] == 0 and own is not None and own != _ACQUISITION:
            paid = [(i, ln) for i, ln in enumerate(plan.budget.lines)
                    if ln.share is not None and (kinds is None or _role_index(ln.item) in kinds)]  # fmt: skip
            same = [i for i, ln in paid if _role_index(ln.item) == own] or [i for i, ln in paid if own in _roles(ln.item)]  # fmt: skip
            if len(same) > 1:  # 'expo booth' -> 'events & trade shows', not 'sponsorships'
                same = _closest_kind(channel, own, same, plan)
            best = (1, same[0]) if len(same) == 1 else best
        lines[channel] = plan.budget.lines[best[1]] if best[0] > 0 else None
    return lines


_SUBKINDS = (r"show|expo|fair|booth|박람회|전시|페어|부스", r"webinar|웨비나|세미나|설명회",
             r"sponsor|후원", r"conference|summit|컨퍼런스|포럼")  # fmt: skip


def _closest_kind(channel: str, role: int, lines: list[int], plan: Plan) -> list[int]:
    """Of several lines of one role, those of the channel's own kind within it (a trade-show
    booth and a sponsorship are both events; the booth is paid by the trade-show line)."""
    kinds = [k for k in _SUBKINDS if re.search(k, channel, re.I)]
    if not kinds or role != _role_index("event"):
        return lines
    scored = [(sum(bool(re.search(k, plan.budget.lines[i].item, re.I)) for k in kinds), i) for i in lines]  # fmt: skip
    top = max(n for n, _ in scored)
    return [i for n, i in scored if n == top] if top > 0 else lines


def sells_to_consumers(plan: Plan) -> bool:
    """A shop, or a business whose every persona is a consumer: shoppers buy, they are no leads."""
    from assistant.analysis.revenue_models import model_of
    from assistant.interview.persona_card import segment_of

    return model_of(plan) == "transactional" or (
        bool(plan.personas) and all(segment_of(p, p.summary) == "consumer" for p in plan.personas)
    )


# a marketplace or gifting platform sells on commission: no role or budget line is owed
MARKETPLACE = re.compile(
    r"amazon|marketplace|app\s*store|앱\s*스토어|앱\s*마켓|etsy|ebay|smart\s*store|스마트스토어|쿠팡|선물하기|gifting|11번가|지마켓|오픈마켓",
    re.I,
)


_BULLET_SECTIONS = {
    "mkt_strategy", "mkt_content_strategy", "sales_target_market", "sales_offering",
    "sales_strategy", "sales_tactics", "sales_training",
}  # fmt: skip
_STOP = {"the", "and", "for", "with", "our", "from", "that", "this", "into", "their", "your", "per"}


def _clauses(text: str) -> list[str]:
    from assistant.interview.extract_offline import _sentences

    out: list[str] = []
    for sentence in _sentences(text):
        parts = [p.strip() for p in re.split(r";\s+", sentence) if p.strip()]
        for part in parts:
            items = [i.strip() for i in re.split(r",\s+(?![^()]*\))", part) if i.strip()]
            # a list of short items becomes one bullet each; a sentence with commas stays whole
            if len(items) >= 3 and all(len(i.split()) <= 8 for i in items):
                out.extend(items)
            else:
                out.append(part)
    return [c.rstrip(".") for c in out if c.strip(" .")]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}|[가-힣]{2,}", text.lower()) if w not in _STOP}


def bullets_markdown(plan: Plan, section_id: str) -> str:
    """The answer as structured bullets, each tied to the goals it serves (by shared words)."""
    text = plan.section(section_id).content
    if (
        section_id not in _BULLET_SECTIONS
        or not text.strip()
        or plan.section(section_id).author == "llm"
    ):
        return ""
    clauses = _clauses(text)
    if len(clauses) < 2:
        return ""
    ko = plan.language == "ko"
    goals = [(n, g) for n, g in enumerate(plan.goals, 1)]
    lines = []
    for clause in clauses:
        cw = _words(clause)
        served = []
        for n, g in goals:
            focus = _words(g.frame.metric) if g.frame else set()
            if cw & focus or len(cw & _words(g.text)) >= 2:
                served.append(n)
        tail = (
            (
                f" _(목표 {', '.join(map(str, served[:3]))}번 지원)_"
                if ko
                else f" _(serves goal{'s' if len(served) > 1 else ''} {', '.join(map(str, served[:3]))})_"
            )
            if served
            else ""
        )
        lines.append(
            f"- {clause[0].upper() + clause[1:] if clause[:1].isalpha() else clause}{tail}"
        )
    return "\n".join(lines)

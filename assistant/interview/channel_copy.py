"""Channel-ready copy: for each of the plan's channels and each funnel stage, a headline, a body
and a call to action within the channel's length limits (nothing is ever cut mid-word; a line that
cannot fit is not written), built from the key messages and the user's own claims and proof."""

from __future__ import annotations

import re
from typing import Literal

from assistant.analysis.text_words import words
from assistant.core.plan import CopyRow, Messaging, Plan
from assistant.interview.copy_bodies import answering, for_whom, format_bodies
from assistant.interview.copy_heads import live_head, pain_questions, trial_head
from assistant.interview.copy_promise import before_after, benefit


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


_KINDS: list[tuple[str, re.Pattern[str], tuple[int, int], tuple[int, int]]] = [
    ("search ad", re.compile(r"search|google\s*ads|sem\b|ppc|검색|네이버\s*광고|파워링크", re.I), (30, 15), (90, 45)),
    ("email", re.compile(r"e-?mail|newsletter|뉴스레터|이메일|메일", re.I), (60, 40), (200, 150)),
    ("kakao", re.compile(r"kakao|카카오", re.I), (30, 20), (200, 150)),
    ("social", re.compile(r"linkedin|링크드인|instagram|facebook|youtube|tiktok|twitter|social|influencer|creator|인스타|유튜브|페이스북|블로그|sns|틱톡|인플루언서|크리에이터", re.I), (60, 30), (220, 150)),
    ("landing page", re.compile(r"website|web\s*site|landing|seo|홈페이지|웹사이트|랜딩", re.I), (60, 30), (160, 100)),
    ("sales call", re.compile(r"outbound|cold\s*call|sdr|phone|call|전화|아웃바운드|방문\s*영업", re.I), (60, 40), (220, 150)),
    ("event", re.compile(r"webinar|event|trade\s*show|conference|booth|expo|세미나|웨비나|행사|박람회|전시", re.I), (60, 40), (200, 150)),
]  # fmt: skip
_OTHER = ("other", (60, 30), (200, 120))
_STAGES: tuple[Literal["awareness", "consideration", "decision"], ...] = (
    "awareness",
    "consideration",
    "decision",
)


def _rotate(items: list[str], k: int) -> list[str]:
    if not items:
        return items
    k %= len(items)
    return items[k:] + items[:k]


def _joined(claims: list[str], ko: bool) -> str:
    """Two or three claims as one sentence: 'A, b and c.' / 'A, B, C.'"""
    items = [c.strip(" .") for c in claims if c.strip(" .")]
    if len(items) < 2:
        return ""
    if ko:
        return ", ".join(items) + "."
    low = [items[0][:1].upper() + items[0][1:]] + [i[:1].lower() + i[1:] if i[1:2].islower() else i for i in items[1:]]  # fmt: skip
    return (", ".join(low[:-1]) + " and " + low[-1]) + "."


def _fit(options: list[str], limit: int) -> str:
    """The first whole option within the limit (never a cut sentence)."""
    return next((o for o in options if o and len(o) <= limit), "")


def copy_matrix(
    plan: Plan, m: Messaging, claims_said: list[str], proofs_said: list[str]
) -> list[CopyRow]:
    """Persona x channel x stage copy for up to six of the plan's own channels, from the key
    messages, the user's claims (`claims_said`) and their proof phrases (`proofs_said`)."""
    ko = plan.language == "ko"
    rows: list[CopyRow] = []
    from assistant.core.korean import ko_phrase, re_hangul
    from assistant.interview.territory_notes import self_serve_channel

    serve = self_serve_channel(plan)  # the channel buyers use with no seller, if the plan has one
    # the user's own words, where a claim's first word shows whether it is a name ('Shopify')
    plan_said = " ".join(plan.user_text(s) for s in ("sales_offering", "mkt_positioning_messaging", "mkt_market_analysis", "mkt_mix_4p"))  # fmt: skip

    claims = [km.message for km in m.key_messages]
    # proofs read as phrases, so a body never repeats its headline ('2주 도입' / '2주 도입입니다')
    # a piece of the value proposition is no proof of it, nor a body under it
    value = " ".join(m.value_proposition.split())
    proofs = list(dict.fromkeys(
        ko_phrase(p) if re_hangul(p) else p
        for p in proofs_said
        if " ".join(p.split())[:24] not in value
    ))  # fmt: skip
    channels: list[tuple[str, str, int, int]] = []
    for name in plan.channels:
        # every channel the plan names gets its copy; one no rule knows gets the general limits
        kind = next(((k, h, b) for k, rx, h, b in _KINDS if rx.search(name)), _OTHER)
        if all(c[0] != name for c in channels):
            channels.append((name, kind[0], kind[1][ko], kind[2][ko]))
    generic = ("자세히 보기", "살펴보기") if ko else ("Learn more", "See how it works")
    free_noun = _free_noun(plan, ko)
    # short lines a search-ad title can hold: the offer, the user's short claims, the product
    short = [
        m.call_to_action,
        *sorted((c for c in claims[1:] if len(c) <= 30), key=len),
        *claims_said,
    ]
    # a positioning statement ('For retail leaders who …, Brightloom is …'; '… 담당자를 위해,
    # 핏플로우는 … 솔루션입니다') is the plan's own line for the team, never an ad's copy
    vp = [] if _STATEMENT.search(m.value_proposition) else [m.value_proposition]
    for persona in plan.personas[:3]:
        value_used = False  # the value proposition is one channel's body, never every channel's
        gain_used = False  # ... and its promise closes one feature list, not every one
        whom_used = False  # ... and one feed ad says whom it is for
        pains = pain_questions(persona, ko)  # each stated pain leads one channel's copy
        # the task's time before and after, one channel's headline (a second would read as filler)
        change = before_after(persona.pains, m.value_proposition) if ko else ""
        change_used = False
        shown_heads: set[str] = set()
        for k, (name, _kind, h_max, b_max) in enumerate(channels[:6]):
            # every channel asks for the plan's one next step when its button can hold it
            fits_cta = bool(m.call_to_action) and len(m.call_to_action) <= max(h_max, 20)
            more = (m.call_to_action, m.call_to_action) if fits_cta else generic
            # a buyer who has just heard of us is asked for a small step: the plan's report or
            # webinar, when it has one; the trial comes at the decision stage
            small = _entry_offer(plan, ko)
            if small and len(small) <= max(h_max, 20):
                more = (small, more[1])
            # a buyer weighing it up is offered the plan's own free step before the trial
            # ('무료 급여 진단', 'a free store-data review'), when the strategy names one
            free = _free_step(plan, ko)
            if free and len(free) <= max(h_max, 20):
                more = (more[0], free)
            # each channel leads with a different claim and proof, so no two read the same
            own = _rotate(claims[1:], k)
            promise = [_cap(b)] if (b := benefit(m.value_proposition, ko)) else []
            if change and not change_used:
                promise = [change]  # '급여 마감 3일 → 하루': the buyer's time, before and after
            shown = _rotate(proofs, k)
            texts = {
                # a buyer who has just heard of us reads what they get first (the promise)
                "awareness": ([*promise, *vp, *own], [*vp, *(f"{c}." for c in own)], more[0]),
                "consideration": ([*own[1:], *own], [*(f"{_cap(p)}." for p in shown), *(f"{c}." for c in own)], more[1]),
                # the button says the next step: the headline gives a reason to take it
                "decision": ([*own[2:], *own, m.call_to_action], [*(f"{_cap(p)}." for p in shown[1:]), *(f"{c}." for c in own[1:]), *(f"{c}." for c in own)], m.call_to_action or more[1]),
            }  # fmt: skip
            used: set[str] = set()  # each stage of a channel gets its own headline when it can
            for stage in _STAGES:
                heads, bodies, cta = texts[stage]
                n = _STAGES.index(stage)
                options = [*heads, *_rotate(short, k + n)]  # a short line when no sentence fits
                # the buyer's own pain, as the question they answer 'yes' to, heads the copy the
                # plan shows when it fits: the buyer's words, not a feature label
                pain_head = bool(pains) and stage == shown_stage(name) and (value_used or stage != "awareness") and len(pains[0]) <= h_max  # fmt: skip
                if pain_head:
                    options = [pains[0], *options]
                elif stage == shown_stage(name) and (live := live_head(plan, name, claims, ko)):
                    options = [live, *options]
                elif stage == "decision" and (trial := trial_head(plan, ko, name)):
                    options = [trial, *options]
                # the row the plan shows for a channel never repeats another channel's headline
                taken = used | (shown_heads if stage == shown_stage(name) else set())
                head = _fit([o for o in options if o not in taken], h_max) or _fit([o for o in options if o not in used], h_max) or _fit(options, h_max)  # fmt: skip
                used.add(head)
                if stage == shown_stage(name):
                    shown_heads.add(head)
                change_used = change_used or (bool(change) and head == change)
                # a body is a sentence: the other claims together ('One-day setup and retail KPIs
                # out of the box.'), or one proof or claim when the channel's limit is short
                others = list(dict.fromkeys(
                    c for c in own
                    if c.strip(" .").lower() not in head.strip(" .").lower() and c != m.value_proposition
                ))  # fmt: skip
                # one claim said twice ('영양사 식단' inside '영양사가 짠 주간 식단') is said once
                others = [c for c in others if not any(c != o and words(c) and words(c) <= words(o) for o in [*others, head])]  # fmt: skip
                joined = _joined(others[:3], ko)
                # a list of features reads as copy once it says what the buyer gets: the value
                # proposition's promise after them ('…: store-level answers by 9 a.m. every day')
                # (once per persona: the same promise under every channel would read as filler)
                gained = whom = ""
                said_gain = bool(promise) and head == promise[0]  # the headline is the promise
                if joined and not (gain_used or value_used or said_gain) and stage == shown_stage(name) and (gain := benefit(m.value_proposition, ko)):  # fmt: skip
                    joined = gained = f"{joined[:-1]}: {gain}."
                elif joined and not whom_used and _kind == "social" and stage == shown_stage(name) and (aud := for_whom(persona.role, others[:3], ko, plan_said)):  # fmt: skip
                    # a feed ad with no promise to close its list says whom it is for: the
                    # persona's role, as targeted copy calls out its audience (once a persona)
                    joined = whom = aud
                if stage == "awareness" and vp:
                    ordered = [joined, *bodies[1:], bodies[0]] if value_used else [bodies[0], joined, *bodies[1:]]  # fmt: skip
                else:
                    ordered = [joined, *bodies]
                if pains and stage == shown_stage(name) and (value_used or stage != "awareness"):
                    # the buyer's own pain, answered by the claims, leads the copy the plan shows
                    # the claim that speaks to the pain comes first ('52시간 위반' -> '52시간 경고')
                    fit = answering(plan, others, pains[0])
                    answer = _joined(fit[:3], ko) or next((f"{c}." for c in fit), "")
                    if pain_head and head == pains[0]:
                        # under the pain: the claims that answer it, with the promise when unsaid
                        gain = benefit(m.value_proposition, ko)
                        promised = f"{answer[:-1]}: {gain}." if answer and gain and not (gain_used or value_used) else ""  # fmt: skip
                        ordered = [promised, answer, *ordered]
                    else:
                        ordered = [f"{pains[0]} {answer}" if answer else "", *ordered]
                # the channel's own format first: what a webinar shows, a booth demonstrates, an
                # issue walks through, led by the claim that answers the headline's pain
                lead_by = others
                if pain_head and head == pains[0]:
                    lead_by = answering(plan, others, pains[0])
                # a headline that is one of the claims is what the issue walks through, the
                # session shows or the booth demonstrates: the format's body leads with it (a
                # body about another claim under it reads as a mismatch)
                own_head = next((c for c in own if c.strip(" .").lower() == head.strip(" .").lower()), "")  # fmt: skip
                # (an issue or a booth; a session's 'X, shown live on screen' under the headline X
                # would only repeat it)
                shows = format_bodies(_kind, name, stage, [own_head, *lead_by], ko, free_noun) if own_head and (_kind == "email" or _kind == "event" and _BOOTH.search(name)) else []  # fmt: skip
                ordered = [*format_bodies(_kind, name, stage, lead_by, ko, free_noun), *ordered]
                body = _fit(
                    # a body that says the headline again (the promise inside the value
                    # proposition) is no body under it, unless it shows the headline's claim
                    [
                        *shows,
                        *(
                            b
                            for b in ordered
                            if b
                            and head.strip(" .").lower() not in b.lower()
                            and not (words(b) and words(b) <= words(head))
                        ),
                    ],
                    b_max,
                )
                if (
                    _kind == "search ad"
                    and stage == "awareness"
                    and free
                    and len(free) <= max(h_max, 20)
                ):
                    # a searcher is already looking for a fix: the ad offers the step that
                    # starts a deal (the free diagnostic), not a report to read first
                    cta = free
                if _kind == "event" and stage != "decision":
                    # an event's button is the event's own step (a seat, a booth meeting), not
                    # the trial the decision stage asks for
                    cta = _event_step(name, ko)
                if serve and name == serve[0] and _SELLER_STEP.search(cta):
                    # a self-serve channel has no seller to guide a trial or take a meeting:
                    # its button is the store's own step
                    cta = _self_serve_step(name, ko)
                same = any(r.channel == name and r.stage == stage and r.headline == head and r.body == body for r in rows)  # fmt: skip
                if head and body and len(cta) <= max(h_max, 20) and not same:
                    value_used = value_used or body == m.value_proposition
                    gain_used = gain_used or bool(gained and body == gained)
                    whom_used = whom_used or bool(whom and body == whom)
                    if pains and (body.startswith(pains[0]) or head == pains[0]):
                        pains = pains[1:]
                    gain_used = (
                        gain_used
                        or bool(benefit(m.value_proposition, ko))
                        and benefit(m.value_proposition, ko) in body
                    )
                    rows.append(CopyRow(persona=persona.name, channel=name, stage=stage, headline=head, body=body, cta=cta))  # fmt: skip
    return rows


_STATEMENT = re.compile(r"^\s*for\s+\S|(?:을|를)\s*위(?:해|한)\s*,", re.I)


def shown_stage(channel: str) -> str:
    """The stage whose copy the plan shows for a channel (the stage the channel works)."""
    from assistant.analysis.plan_links import stages_of

    stage_of = {"awareness": "awareness", "consideration": "consideration", "conversion": "decision", "retention": "consideration"}  # fmt: skip
    return stage_of.get((stages_of(channel) or ["awareness"])[0], "awareness")


def _free_step(plan: Plan, ko: bool) -> str:
    """The free step the strategy offers before the sale, as a button ('무료 급여 진단 신청하기',
    'Book the free half-day diagnostic'); '' when it names none."""
    said = _free_noun(plan, ko)
    if not said:
        return ""
    return f"{said} 신청하기" if ko else f"Book {said}"


def _free_noun(plan: Plan, ko: bool) -> str:
    """The strategy's free first step as a noun inside a sentence ('무료 급여 진단', 'the free
    half-day diagnostic'); '' when it names none."""
    from assistant.interview.offer_volume import free_offer

    said = free_offer(" ".join(plan.user_text(s) for s in ("mkt_strategy", "sales_strategy", "sales_tactics")))  # fmt: skip
    if not said:
        return ""
    return said if ko else f"the {said[:1].lower() + said[1:]}"


def _entry_offer(plan: Plan, ko: bool) -> str:
    """The small first step the content plan offers: its report or guide to download, else its
    webinar to register for ('Get the benchmark report', '웨비나 신청하기')."""
    from assistant.analysis.cadence import recurring_items

    pieces = [p.name for p in recurring_items(plan.user_text("mkt_content_strategy")) if not p.routine]  # fmt: skip
    for rx, en, kr in (
        (
            r"report|guide|e-?book|checklist|보고서|리포트|가이드|체크리스트",
            "Get the {x}",
            "{x} 받기",
        ),
        (r"webinar|웨비나|세미나", "Register for the {x}", "{x} 신청하기"),
    ):
        found = next((p for p in pieces if re.search(rx, p, re.I) and not re.search(r"blog|post|블로그|글$", p, re.I)), "")  # fmt: skip
        if found:
            # the piece's name without its quotes and article ('The OEE benchmark report',
            # "'cost per square foot' pricing guide")
            name = re.sub(r"['\"‘’“”]", "", found.split(" 발행")[0])
            name = re.sub(r"^(?:the|a|an)\s+", "", " ".join(name.split()), flags=re.I)
            name = (
                name[:-1]
                if not ko and name.lower().endswith("s") and not name.lower().endswith("ss")
                else name
            )
            return (
                kr.format(x=name)
                if ko
                else en.format(x=name[:1].lower() + name[1:] if name[1:2].islower() else name)
            )
    return ""


_BOOTH = re.compile(r"trade\s*show|booth|expo|fair|박람회|전시|부스", re.I)
_SEAT = re.compile(r"webinar|웨비나|세미나|online", re.I)


_SELLER_STEP = re.compile(
    r"guided|demo|meeting|consult|call\b|가이드|데모|미팅|상담|통화|컨설팅", re.I
)
_STORE = re.compile(r"app\s*store|marketplace|앱|마켓", re.I)


def _self_serve_step(channel: str, ko: bool) -> str:
    """The button a self-serve channel carries: installing from an app store or marketplace,
    else starting on one's own."""
    if _STORE.search(channel):
        return "앱 설치하기" if ko else "Install the app"
    return "바로 시작하기" if ko else "Get started online"


def _event_step(channel: str, ko: bool) -> str:
    """The button an event's own copy carries: a booth meeting at a show, a seat at a webinar,
    a place at any other event."""
    if _BOOTH.search(channel):
        return "부스 미팅 예약하기" if ko else "Book a meeting at our booth"
    if _SEAT.search(channel):
        return "사전 등록하기" if ko else "Save your seat"
    return "참가 신청하기" if ko else "Reserve your place"


def channel_limits(channel: str, lang: str) -> tuple[int, int]:
    """(headline, body) character limits of a channel in the plan's language."""
    ko = lang == "ko"
    kind = next(((h, b) for _k, rx, h, b in _KINDS if rx.search(channel)), _OTHER[1:])
    return kind[0][ko], kind[1][ko]


def copy_markdown(plan: Plan, channel: str = "") -> str:
    """`copy [CHANNEL]`: the channel-ready copy, each line with its length against the limit."""
    ko = plan.language == "ko"
    rows = [r for r in plan.messaging.matrix if not channel or channel.lower() in r.channel.lower()]
    if not rows:
        names = ", ".join(dict.fromkeys(r.channel for r in plan.messaging.matrix))
        if names:
            return (f"'{channel}' 채널의 카피가 없습니다. 있는 채널: {names}." if ko
                    else f"No copy for '{channel}'. Channels with copy: {names}.")  # fmt: skip
        return ("카피를 만들려면 타깃 고객, 포지셔닝과 메시지, 마케팅 채널 답이 필요합니다." if ko
                else "Copy needs the audience, positioning and channels answers first.")  # fmt: skip
    stages = {"awareness": ("Awareness", "인지"), "consideration": ("Consideration", "고려"), "decision": ("Decision", "결정")}  # fmt: skip
    out: list[str] = []
    for name in dict.fromkeys(r.channel for r in rows):
        h_max, b_max = channel_limits(name, plan.language)
        out.append(f"**{name}** " + (f"(제목 ≤ {h_max}자, 본문 ≤ {b_max}자)" if ko else f"(headline ≤ {h_max}, body ≤ {b_max} characters)"))  # fmt: skip
        for r in (r for r in rows if r.channel == name):
            out.append(
                f"- _{stages[r.stage][ko]}_ · {r.persona}: **{r.headline}** ({len(r.headline)}/{h_max}) — "
                f"{r.body} ({len(r.body)}/{b_max}) → {r.cta}"
            )
        out.append("")
    return "\n".join(out).strip()

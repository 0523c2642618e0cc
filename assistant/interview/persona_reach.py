"""Where a persona looks for advice against what the plan reaches them with: each place they name
('Reads Retail Dive, attends NRF') is reached by a channel, a budget line (a sponsorship) or a
calendar activity whose words it shares, or it is a gap. The card says which channel reaches the
buyer; the channels section says where no channel does."""

from __future__ import annotations

import re

from assistant.core.lang import fix_particles
from assistant.core.plan import Persona, Plan

_PLACE_VERB = re.compile(
    r"^(?:and\s+)?(?:reads?|attends?|asks?\s+(?:peers|colleagues)\s+(?:on|in)|follows?|watches?|listens?\s+to|uses?|visits?|searches?(?:\s+on)?|is\s+on|are\s+on|goes\s+to)\s+",
    re.I,
)
_PEOPLE = re.compile(r"peer|colleague|friend|word of mouth|동료|담당자|지인|추천|입소문", re.I)
# a platform's name alone ('네이버' in '네이버 검색 광고') does not reach its cafe
_PLATFORM = re.compile(r"^(?:네이버|naver|구글|google|카카오|kakao|다음|daum|meta|메타)$", re.I)


def places(text: str, ko: bool) -> list[str]:
    """The media a persona's 'where they look' names ('Reads Retail Dive, attends NRF' ->
    Retail Dive, NRF; '인사노무 네이버 카페와 노무사 블로그를 읽고' -> 인사노무 네이버 카페, 노무사 블로그)."""
    out: list[str] = []
    for clause in re.split(r",\s*|;\s*", text):
        if ko:
            from assistant.core.korean import split_list, strip_particles

            out += [strip_particles(i).strip(" .") for i in split_list(clause)]
        else:
            bare = _PLACE_VERB.sub("", clause.strip(" ."))
            out += [p.strip(" .") for p in re.split(r"\s+and\s+", bare)]
    return [p for p in out if len(p) > 1 and not _PEOPLE.search(p)]


def _insta(text: str) -> str:
    return re.sub(r"(?<![가-힣])인스타(?!그램)", "인스타그램", text.lower())


def reach(plan: Plan, p: Persona) -> tuple[list[tuple[str, str]], list[str]]:
    """([(place, what reaches it: a channel, else a budget line or activity)], [places nothing
    reaches]) for a persona's stated places; ([], []) when the plan has no channels or the card's
    places are typical, not the user's."""
    ko = plan.language == "ko"
    if not plan.channels or "channels" in p.typical or not p.channels:
        return [], []
    # the plan reaches a place through a channel, a budget line (a sponsorship) or an activity
    means = [*plan.channels, *(b.item for b in plan.budget.lines), *(e.activity for e in plan.calendar)]  # fmt: skip
    from assistant.analysis.lists import list_items, mix_4p

    # the 4P's promotions too: '노무사 블로그 제휴' reaches the 노무사 blogs, our own blog does not
    means += list_items(mix_4p(plan).get("promotion", ""), plan.language)
    everything = _insta(" ".join(means))
    parts = [p.strip() for c in plan.channels for p in re.split(r"[·/,]|\s+and\s+|와\s|과\s", c) if p.strip()]  # fmt: skip
    heads = {w.lower() for p in parts for w in (p, p.split()[-1], re.sub(r"s$", "", p.split()[-1]))}
    # a channel's first word counts when it is a name ('LinkedIn groups', '당근마켓 광고'), not a
    # lower-case modifier it shares with the place ('restaurant podcasts')
    heads |= {p.split()[0].lower() for p in parts if ko or p[:1].isupper()}

    def by(place: str) -> str | None:
        low = _insta(place)
        # '공작기계 전시회(SIMTOS)': the name in brackets is a word of the place too ('4월 SIMTOS
        # 전시회' reaches it), and the brackets are no part of the last word
        inner = " ".join(re.findall(r"[(（]([^)）]*)[)）]", low))
        low = " ".join(re.sub(r"[(（][^)）]*[)）]", " ", low).split()) or low
        head = re.sub(r"s$", "", low.split()[-1])
        # a word of the place in a channel's name counts as reached ('네이버 블로그 리뷰' by
        # '네이버 플레이스·블로그'): a false gap costs more trust than a missed one
        # ... when it is a channel's own name or its head ('블로그'), not a modifier it shares
        # ('Restaurant Business' is not reached by 'restaurant podcasts')
        word = [w for w in low.split() if len(w) >= (2 if ko else 4) and w in heads and not _PLATFORM.search(w)]  # fmt: skip
        word += [w for w in inner.split() if len(w) >= 3 and w in everything]
        if not (low in everything or head in everything or word):
            return None
        # the means that names the whole place first ('노무사 블로그 제휴'), then its last word
        for key in (low, head, *word):
            if found := next((m for m in means if key in _insta(m)), None):
                return found
        return means[0]

    reached, missed = [], []
    for place in dict.fromkeys(places(" , ".join(p.channels), ko)):
        found = by(place)
        if found is None:
            missed.append(place)
        else:
            reached.append((place, found))
    return reached, missed


def reach_line(plan: Plan, p: Persona) -> str:
    """The card's line: 'Reached in the plan by: NRF trade show (NRF) · LinkedIn · not yet:
    Retail Dive (see the channels)'; '' when the plan has nothing to say."""
    ko = plan.language == "ko"
    reached, missed = reach(plan, p)
    if not reached and not missed:
        return ""
    # a place with its own brackets ('공작기계 전시회(SIMTOS)') is shown without nesting them
    flat = lambda place: re.sub(r"\s*[(（]([^)）]*)[)）]", r" \1", place).strip()  # noqa: E731
    shown = [m if place.lower() in m.lower() else (f"{m}({flat(place)})" if ko else f"{m} ({flat(place)})") for place, m in reached]  # fmt: skip
    said = " · ".join(dict.fromkeys(shown))
    gap = ", ".join(missed)
    if ko:
        rest = f"{' · ' if said else ''}아직 없음: {gap}(마케팅 채널 참고)" if gap else ""
        return f"- 계획상 접점 채널: {said}{rest}"
    rest = f"{' · ' if said else ''}not yet: {gap} (see the channels)" if gap else ""
    return f"- Reached in the plan by: {said}{rest}"


def persona_places(plan: Plan) -> str:
    """Where a persona says they look that no channel of the plan reaches (their head word, the
    kind of medium, is in no channel): the buyer is somewhere the plan is not."""
    ko = plan.language == "ko"
    lines = []
    for p in plan.personas[:2]:
        missed = reach(plan, p)[1]
        if missed:
            names = ", ".join(missed)
            lines.append(
                fix_particles(
                    f"{p.name}이(가) 정보를 얻는 곳 중 채널 계획에 없는 곳: {names}. 그곳에서 만날 방법(제휴 콘텐츠, 커뮤니티 활동)을 채널 계획에 더하는 것을 권합니다."
                )
                if ko
                else f"Where {p.name} looks that no channel reaches: {names}. Recommended: add a way to reach them there (sponsored content, PR, a guest column) to the channel plan."
            )
    return "".join("\n\n" + x for x in lines)


# a channel that reaches buyers only where they already spend time (a social or video platform):
# worth its budget only when the buyers are there. Search, events, content and partners are
# found by buyers looking for an answer, so no persona needs to name them.
_PRESENCE = re.compile(
    r"linkedin|facebook|instagram|youtube|tiktok|twitter|\bx\b|threads|pinterest|reddit|링크드인|페이스북|인스타|유튜브|틱톡|스레드",
    re.I,
)


def unseen_channels(plan: Plan) -> list[str]:
    """The plan's social or video channels that none of the personas names among the places they
    look (when the personas' places are the user's own): the plan pays to be where its buyers
    may not be. For a business buyer only (the caller's check): a consumer's list of places is
    never the whole of where they spend time."""
    stated = [p for p in plan.personas[:2] if p.channels and "channels" not in p.typical]
    if not stated or not plan.channels:
        return []
    said = _insta(" ".join(" ".join(p.channels) for p in stated))
    out = []
    for channel in plan.channels:
        m = _PRESENCE.search(_insta(channel))
        if m and m.group(0).lower() not in said:
            out.append(channel)
    return out


def unseen_line(plan: Plan, unpaid: list[str] | None = None) -> str:
    """The channels section's line for `unseen_channels`, with how to find out: a small test. A
    channel no budget line pays for either (`unpaid`) gets one decision: test it, then give it a
    line or drop it."""
    found = unseen_channels(plan)
    both = [c for c in found if c in (unpaid or [])]
    found = [c for c in found if c not in both]
    said = _unseen_unpaid(plan, both) if both else ""
    if not found:
        return said
    names = ", ".join(found)
    people = [p.name for p in plan.personas[:2] if p.channels and "channels" not in p.typical]
    who = ", ".join(people)
    if plan.language == "ko":
        return (
            "\n\n"
            + fix_particles(
                f"{names}은(는) {who}{' 모두' if len(people) > 1 else '이(가)'} 정보를 얻는 곳으로 꼽지 않은 채널입니다. 첫 달에 작은 예산으로 시험해 리드당 비용이 다른 리드 채널 수준일 때만 예산을 늘립니다."
            )
            + said
        )
    personas = f"the personas ({who}) say they look" if len(people) > 1 else f"{who} says they look"
    it = "each" if len(found) > 1 else "it"
    return (
        f"\n\n{names[:1].upper() + names[1:]}: not among the places {personas}. Test {it} with a small first-month budget and grow {it} only if its cost per lead is in line with the other lead channels."
        + said
    )


def _unseen_unpaid(plan: Plan, found: list[str]) -> str:
    """One decision for a channel the buyers do not name and no line pays for: a first-month
    test from the largest line, then a line of its own or out of the plan."""
    names = ", ".join(found)
    people = [p.name for p in plan.personas[:2] if p.channels and "channels" not in p.typical]
    who = ", ".join(people)
    total = plan.budget.total or 0
    largest = max(
        plan.budget.lines, key=lambda ln: ln.amount or (ln.share or 0) * total / 100, default=None
    )
    if plan.language == "ko":
        source = f"'{largest.item}' 항목의 일부로" if largest is not None else "작은 예산으로"
        return "\n\n" + fix_particles(
            f"{names}: {who}{' 모두' if len(people) > 1 else '이(가)'} 정보를 얻는 곳으로 꼽지 않았고 예산 항목도 없는 채널임. 첫 달에 {source} 시험해, 리드당 비용이 다른 리드 채널 수준이면 예산 항목을 만들고 아니면 채널에서 뺌."
        )
    personas = f"the personas ({who}) say they look" if len(people) > 1 else f"{who} says they look"
    source = f" from '{largest.item}'" if largest is not None else ""
    several = len(found) > 1
    return (f"\n\n{names[:1].upper() + names[1:]}: not among the places {personas}, and no budget line pays for {'any of them' if several else 'it'}. "
            f"Test {'each' if several else 'it'} with a small first-month budget{source}; give {'each' if several else 'it'} a line of {'its' if several else 'its'} own if "
            f"{'its' if several else 'the'} cost per lead is in line with the other lead channels, else drop {'it' if not several else 'the ones that are not'}.")  # fmt: skip

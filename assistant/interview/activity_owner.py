"""Who in a marketing team runs a calendar activity, by its kind, when the plan names only 'the
marketing team': the role a director would hand it to (events to the events lead, content to the
content lead, paid campaigns to the demand-generation lead), marked as proposed."""

from __future__ import annotations

import re

_ROLES: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(r"trade\s*show|\bshow\b|expo|fair|booth|conference|summit|meetup|roadshow|seminar|briefing|박람회|전시|부스|컨퍼런스|콘퍼런스|설명회|세미나|행사|포럼", re.I),
        "Events lead",
        "행사 담당",
    ),
    (
        re.compile(r"campaign|\bads?\b|advertis|promo|sale\b|캠페인|광고|프로모션|기획전", re.I),
        "Demand generation lead",
        "퍼포먼스 마케팅 담당",
    ),
    (
        re.compile(r"webinar|blog|post|report|guide|e-?book|case\s+stud|newsletter|video|podcast|article|웨비나|블로그|보고서|리포트|가이드|사례|뉴스레터|영상|콘텐츠|글", re.I),
        "Content lead",
        "콘텐츠 담당",
    ),
]  # fmt: skip

_TEAM = ("Marketing team", "마케팅팀")


def activity_owner(activity: str, owner: str, ko: bool) -> str:
    """`owner` as the plan derives it, or, when that is only the whole marketing team, the role
    the activity's kind calls for: 'Events lead (proposed)' / '행사 담당(제안)'."""
    if owner not in _TEAM:
        return owner
    for rx, en, kr in _ROLES:
        if rx.search(activity):
            return f"{kr}(제안)" if ko else f"{en} (proposed)"
    return owner


def proposed_role(owner: str, ko: bool) -> bool:
    """Whether `owner` is one of the roles `activity_owner` proposes (marked or not)."""
    name = owner.removesuffix("(제안)").removesuffix(" (proposed)").strip()
    return any(name == (kr if ko else en) for _, en, kr in _ROLES)

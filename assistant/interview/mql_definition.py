"""A proposed MQL definition for a lead goal counted in MQLs when the plan defines none: fit from
the target market's criteria, intent from the lead-capturing steps the plan itself runs (a
webinar, a report to download, the trial). Composed from the plan's words, to agree with sales."""

from __future__ import annotations

import re

from assistant.core.plan import Plan
from assistant.interview.compose_target import market_criteria

# a step the plan runs -> the action that shows intent (English, Korean)
_INTENT = (
    (r"webinar|웨비나|세미나|설명회", "attended a webinar", "웨비나·설명회 참석"),
    (r"report|white\s*paper|e-?book|guide|리포트|보고서|가이드|백서", "downloaded a report or guide", "리포트·가이드 다운로드"),
    (r"\btrial\b|체험", "requested the trial", "체험 신청"),
    (r"\bdemo\b|데모|시연", "asked for a demo", "데모 요청"),
    (r"assessment|diagnos|진단", "asked for the assessment", "진단 신청"),
    (r"\bquote\b|consultation|상담|견적", "asked for a quote or a consultation", "상담·견적 요청"),
)  # fmt: skip
_WHERE = ("mkt_strategy", "mkt_content_strategy", "mkt_channels", "sales_strategy")
_FIT = {"Region", "Segment", "Size", "Industries", "Company revenue", "지역", "세그먼트", "규모", "업종", "매출·거래액 규모"}  # fmt: skip


def proposed_mql_definition(plan: Plan) -> str:
    """'Proposed MQL definition, to agree with sales before the first month is counted: fit …;
    intent …' or '' when the plan gives neither fit nor intent to build it from."""
    ko = plan.language == "ko"
    fit = [choice for label, choice in market_criteria(plan) if label in _FIT and not _everywhere(plan, label, choice)]  # fmt: skip
    said = " ".join([plan.user_text(s) for s in _WHERE] + [plan.messaging.call_to_action])
    intent = [kr if ko else en for rx, en, kr in _INTENT if re.search(rx, said, re.I)]
    if not fit or not intent:
        return ""
    if ko:
        return (
            "MQL 기준 제안(첫 달 집계 전에 영업과 합의): 적합도: "
            + " · ".join(fit)
            + "; 관심 행동: "
            + " · ".join(intent)
            + " 중 하나. 적합하지만 관심 행동이 없는 리드는 육성 대상으로 둠."
        )
    acts = intent[0] if len(intent) == 1 else ", ".join(intent[:-1]) + " or " + intent[-1]
    return (
        "Proposed MQL definition, to agree with sales before the first month is counted: fit: "
        + "; ".join(fit)
        + f"; intent: {acts}. A lead that fits but shows no intent stays in nurture."
    )


def _everywhere(plan: Plan, label: str, choice: str) -> bool:
    """A region criterion naming every territory the plan sells in ('수도권, 영남, 충청, 호남')
    filters no lead: it is no fit test."""
    if label not in ("Region", "지역"):
        return False
    from assistant.analysis.territory_list import territories

    names = [str(t["name"]) for t in territories(plan)]
    parts = [p for n in names for p in re.split(r"[·/&]|\band\b", n) if p.strip()]
    return len(parts) >= 2 and all(p.strip() in choice for p in parts)

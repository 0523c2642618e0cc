"""A trial or pilot that runs on the buyer's own systems or data: the buyer's IT must grant the
access and review its security first, which can hold up the trials the plan converts through. A
register row, from the same reading that brings the IT reviewer into the personas."""

from __future__ import annotations

import re
from typing import Any

from assistant.core.plan import Plan
from assistant.interview.offer_words import OWN_SYSTEMS, SAMPLE_DATA, TRIAL_OFFER

_DENIED = re.compile(
    rf"\bno\b|\bwithout\b|\bnot\b|없이|없는|필요\s*없|sandbox|샌드박스|{SAMPLE_DATA.pattern}", re.I
)


def data_access_rows(plan: Plan, owner: str) -> list[Any]:
    """One row when a sentence of the strategy or objectives offers a trial or pilot on the
    buyer's own systems or data ('a 14-day guided trial on the buyer's own POS data'), unless it
    says it needs none ('without integration', '연동 없이'); [] otherwise."""
    from assistant.analysis.risk_register import RegisterRow

    said = " ".join(plan.user_text(s) for s in ("mkt_strategy", "sales_strategy", "sales_objectives"))  # fmt: skip
    sentences = re.split(r"(?<=[.!?。])\s+|\n|(?<=다\.)", said)
    if not any(
        TRIAL_OFFER.search(x) and OWN_SYSTEMS.search(x) and not _DENIED.search(x) for x in sentences
    ):
        return []
    ko = plan.language == "ko"
    return [RegisterRow(
        risk=("체험이 고객사의 시스템·데이터로 진행되므로, 고객사 IT의 접근 승인과 보안 검토가 체험 시작을 늦출 수 있음." if ko
              else "The trial runs on the buyer's own systems or data: their IT must grant access and review its security first, which can hold trials up."),
        watch="체험 신청부터 데이터 접근까지 걸린 일수(매달)" if ko else "days from a trial request to data access, each month",
        response=("첫 체험 전에 보안 자료(다루는 데이터, 접근 범위, 개인정보 보호 답변)를 준비하고, 거래를 검증할 때 고객사 IT 담당자를 확인함." if ko
                  else "Have a security pack ready before the first trial (the data handled, the access scope, data-protection answers), and name the buyer's IT contact when the deal is qualified."),
        owner=owner,
    )]  # fmt: skip

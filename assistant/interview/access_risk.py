"""A trial or pilot that runs on the buyer's own systems or data: the buyer's IT must grant the
access and review its security first, which can hold up the trials the plan converts through. A
register row, from the same reading that brings the IT reviewer into the personas."""

from __future__ import annotations

from typing import Any

from assistant.core.plan import Plan


def data_access_rows(plan: Plan, owner: str) -> list[Any]:
    """One row when the offer uses the buyer's own systems or data (the IT reviewer's card says
    why) and the strategy converts through a trial or pilot; [] otherwise."""
    from assistant.analysis.risk_register import RegisterRow
    from assistant.interview.compose_moves import TRIAL
    from assistant.interview.persona_card import _OWN_SYSTEMS, committee_gap_functions

    said = " ".join(plan.user_text(s) for s in ("mkt_strategy", "sales_strategy", "sales_objectives"))  # fmt: skip
    if not TRIAL.search(said):
        return []
    # the trial itself runs on them ('a 14-day guided trial on the buyer's own POS data'), not a
    # missing integration named elsewhere
    if not any(f == "it" and _OWN_SYSTEMS.search(why) and TRIAL.search(why) for _, why, f in committee_gap_functions(plan)):  # fmt: skip
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

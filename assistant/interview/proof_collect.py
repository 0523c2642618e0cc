"""The evidence a key message without proof points still needs, by what it claims ('2주 도입' ->
the go-live time at recent customers) or by the measure it answers ('inventory turns and margin
(what they are measured on)' -> a customer's inventory turns and margin, before and after)."""

from __future__ import annotations

import re

_PROOF_KINDS = (  # a claim's kind -> the evidence that proves it (English, Korean)
    (r"set\s*-?\s*up|onboard|go[- ]live|\bdays?\b|\bweeks?\b|도입|하루|\d+\s*주|설치",
     "go-live time at recent customers", "최근 고객의 실제 도입 기간"),
    (r"alert|warn|monitor|경고|알림|감지", "the issues it caught at a customer, counted", "고객사에서 미리 잡아낸 건수"),
    (r"template|accura|error|audit|검수|오류|정확", "errors before and after, at a customer", "도입 전후 오류 건수"),
    (r"dashboard|report|kpi|analytics|대시보드|리포트|보고", "reporting hours saved at a customer", "보고에 드는 시간이 줄어든 고객 사례"),
    (r"price|cost|sav|cheap|가격|비용|절감", "the savings a customer measured", "고객이 잰 비용 절감액"),
    (r"deliver|ship|in\s+stock|inventory|납품|배송|배달|출고|재고",
     "the share of recent orders delivered on the promised time", "최근 주문 중 약속한 시간 안에 도착한 비율"),
)  # fmt: skip


def proof_to_collect(message: str, ko: bool, answers: str = "", taken: list[str] | None = None) -> str:  # fmt: skip
    """The evidence a key message without proof needs, by what it claims ('2주 도입' -> the go-live
    time at recent customers): a task for the row, never a dash. A message that answers what the
    buyer is measured on ('inventory turns and margin (what they are measured on)') is proved on
    that measure; evidence an earlier row (`taken`) already asks for is not asked for twice."""
    measured = re.match(r"(.+?)\s*\((?:what they are measured on|평가 기준)\)$", answers.strip())
    options = []
    if measured:
        # the measure, not its target: '급여 오류 0건' is measured as 급여 오류
        what = re.sub(r"\bzero\s+", "", measured.group(1))
        if ko:  # '급여 오류 0건과' -> '급여 오류와': the particle follows the word it now ends on
            from assistant.core.lang import fix_particles

            what = fix_particles(re.sub(r"\s*\b0\s*(?:건|개|회)(과|와)", r"과(와)", what))
            what = re.sub(r"\s*\b0\s*(?:건|개|회)", "", what)
        what = what.strip()
        options.append(
            f"고객사의 도입 전후 {what}" if ko else f"a customer's {what}, before and after"
        )
    options += [kr if ko else en for rx, en, kr in _PROOF_KINDS if re.search(rx, message, re.I)]
    options.append("고객 사례(도입 전후 수치)" if ko else "a customer result (before/after)")
    # a second message with nothing of its own to prove it still gets its own task
    options.append(
        "결과를 수치로 말한 고객 인터뷰 인용"
        if ko
        else "a customer quote naming the result in numbers"
    )
    said = [(f"확보할 근거: {o}" if ko else f"to collect: {o}") for o in options]
    return next((x for x in said if x not in (taken or [])), said[0])

"""The recurring part of a revenue base, when the user breaks the base into its lines ('2026
revenue $9.8M = DTC $6.1M (subscriptions $2.4M + one-time $2.3M + Amazon $1.4M) + wholesale
$3.7M', '2026년 매출 168억 원 = 유지보수 계약 72억 원 + 긴급 수리 38억 원 + …'): churn is lost
from that line only, never from one-time, retail or project sales."""

from __future__ import annotations

import re

from assistant.core.plan import Plan
from assistant.goals.numbers import read_quantities

# the label of a recurring line, right before its amount
_RECURRING = re.compile(
    r"(?:subscriptions?(?:\s+revenue)?|recurring(?:\s+revenue)?|memberships?|retainers?|"
    r"service\s+contracts?|maintenance\s+contracts?|구독(?:\s*매출)?|정기\s*구독|반복\s*매출|"
    r"(?:유지보수|관리|정기)\s*계약(?:\s*매출)?|멤버십|회원권)\s*(?:revenue\s*)?[:=]?\s*(?:약\s*|about\s+|~)?$",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+")
_WHERE = ("sales_strategy", "sales_objectives", "sales_forecast", "mkt_market_analysis")


def recurring_line(plan: Plan, base: float, currency: str) -> tuple[float, str, str] | None:
    """(the recurring line's amount, section, the sentence) from the sentence that composes the
    base ('$9.8M = …'); None when no such sentence names a recurring line below the base."""
    for sid in _WHERE:
        for sentence in _SENTENCE.split(plan.user_text(sid)):
            money = [
                q for q in read_quantities(sentence) if q.kind == "money" and q.unit == currency
            ]
            if not any(abs(q.value - base) <= base * 0.005 for q in money):
                continue  # not the base's own composition
            if not re.search(r"=|구성|made\s+up\s+of|consists?\s+of|split", sentence, re.I):
                continue
            for q in money:
                if q.value < base * 0.98 and _RECURRING.search(
                    sentence[max(0, q.start - 40) : q.start]
                ):
                    return q.value, sid, sentence.strip()
    return None

"""Word overlap between the plan's parts, the unit every linking step compares: two phrases are
linked by a distinctive word they share, never by words most of the plan's parts share (a
retailer's 'retail') or the market's own words."""

from __future__ import annotations

from assistant.analysis.text_words import words
from assistant.core.plan import Plan


class Linker:
    """Word overlap that ignores words most of the plan's parts share (a retailer's 'retail')."""

    def __init__(self, texts: list[str], domain: str = "") -> None:
        counts: dict[str, int] = {}
        for t in texts:
            for w in words(t):
                counts[w] = counts.get(w, 0) + 1
        limit = max(3, len(texts) // 3)
        self.common = {w for w, n in counts.items() if n > limit} | set(words(domain))

    def shared(self, a: str, b: str) -> set[str]:
        return set(words(a) & words(b)) - self.common


def linker(plan: Plan, texts: list[str]) -> Linker:
    """A Linker that also ignores the market's own words ('retail' for a retailer): they name the
    business, not a channel or a move."""
    domain = " ".join(plan.user_text(s) for s in ("sales_target_market", "mkt_market_analysis"))
    return Linker(texts, domain)

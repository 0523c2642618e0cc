"""The usual monthly load of an SDR and of an account executive, read from the planning guide's
sales-team page ('about 60 to 100 … a month', '8 to 12 new sales-qualified opportunities'), with
the page's title for the citation: the plan's load is read against it both ways."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PAGE = "sections/sales_team_structure.md"
_HEADINGS = {"en": "Seller workload", "ko": "영업 담당자 업무량"}


@dataclass(frozen=True)
class Workload:
    sdr: tuple[float, float]  # leads an SDR qualifies a month
    seller: tuple[float, float]  # new opportunities an account executive takes on a month
    csm: tuple[float, float] | None  # accounts a customer success manager looks after
    title: str  # the knowledge page's title
    # the yearly recurring revenue one carries (low, high, currency): with small accounts the
    # book is counted in money, so many small customers can be a normal book
    csm_book: tuple[float, float, str] | None = None


@lru_cache(maxsize=8)
def usual_workload(knowledge_dir: str, lang: str) -> Workload | None:
    """The ranges, in the page's order (the SDR's, the seller's, then the customer success
    manager's when given); None when the page or its part is missing or lacks the first two."""
    from assistant.analysis.guide_part import guide_part

    found = guide_part(knowledge_dir, lang, PAGE, _HEADINGS)
    if found is None:
        return None
    part, title = found
    ranges = re.findall(r"(\d+(?:\.\d+)?)\s*(?:to|~|-)\s*(\d+(?:\.\d+)?)", part)
    if len(ranges) < 2:
        return None
    (a, b), (c, d) = ranges[:2]
    csm = (float(ranges[2][0]), float(ranges[2][1])) if len(ranges) > 2 else None
    book: tuple[float, float, str] | None = None
    if m := re.search(r"(\d+(?:\.\d+)?)\s*to\s*(\d+(?:\.\d+)?)\s*million dollars", part):
        book = (float(m.group(1)) * 1e6, float(m.group(2)) * 1e6, "USD")
    elif m := re.search(r"(\d+(?:\.\d+)?)억\s*~\s*(\d+(?:\.\d+)?)억\s*원", part):
        book = (float(m.group(1)) * 1e8, float(m.group(2)) * 1e8, "KRW")
    return Workload((float(a), float(b)), (float(c), float(d)), csm, title, book)


def csm_accounts(usual: Workload, deal: tuple[float, str] | None) -> tuple[tuple[float, float], bool] | None:  # fmt: skip
    """The accounts a customer success manager usually looks after, and whether the range comes
    from the book's money: the guide's count, unless a yearly deal in the book's currency makes
    its money range more accounts ('13억~26억 원' over 900만 원 a customer: about 144-289)."""
    if usual.csm is None:
        return None
    if usual.csm_book is None or deal is None or deal[0] <= 0 or deal[1] != usual.csm_book[2]:
        return usual.csm, False
    lo, hi = usual.csm_book[0] / deal[0], usual.csm_book[1] / deal[0]
    if hi <= usual.csm[1]:
        return usual.csm, False
    return (max(usual.csm[0], round(lo)), float(round(hi))), True


def load_against(per_month: float, usual: tuple[float, float]) -> str:
    """'under' when well under the usual range (below 3/4 of its low end), 'over' when well over
    it (above 1.5 times its high end), '' within it."""
    if per_month < usual[0] * 0.75:
        return "under"
    if per_month > usual[1] * 1.5:
        return "over"
    return ""


_SPAN = {"en": "Span of control", "ko": "관리 범위"}


@lru_cache(maxsize=8)
def usual_span(knowledge_dir: str, lang: str) -> tuple[float, float] | None:
    """The people a front-line sales manager usually coaches directly ('about 6 to 10'), from
    the guide's sales-team page; None when the page or its part is missing."""
    from assistant.analysis.guide_part import guide_part

    found = guide_part(knowledge_dir, lang, PAGE, _SPAN)
    if found is None:
        return None
    m = re.search(r"(\d+)\s*(?:to|~|-)\s*(\d+)", found[0])
    return (float(m.group(1)), float(m.group(2))) if m else None

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
    return Workload((float(a), float(b)), (float(c), float(d)), csm, title)


def load_against(per_month: float, usual: tuple[float, float]) -> str:
    """'under' when well under the usual range (below 3/4 of its low end), 'over' when well over
    it (above 1.5 times its high end), '' within it."""
    if per_month < usual[0] * 0.75:
        return "under"
    if per_month > usual[1] * 1.5:
        return "over"
    return ""

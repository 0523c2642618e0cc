"""The usual referral fee for a partner who refers customers the sellers close, read from the
planning guide's territories-and-channels page ('10 to 20% of the customer's first-year
contract', '첫해 계약 금액의 10~20%'), with the page's title for the citation."""

from __future__ import annotations

import re
from functools import lru_cache

PAGE = "sections/sales_territories_channels.md"
_HEADINGS = {"en": "Partner referral fees", "ko": "파트너 소개 수수료"}


@lru_cache(maxsize=8)
def referral_range(knowledge_dir: str, lang: str) -> tuple[float, float, str] | None:
    """(low %, high %, the page's title) of a first-year contract, or None when the page or its
    part is missing."""
    from assistant.analysis.guide_part import guide_part

    found = guide_part(knowledge_dir, lang, PAGE, _HEADINGS)
    if found is None:
        return None
    part, title = found
    m = re.search(r"(\d+(?:\.\d+)?)\s*(?:to|~|-)\s*(\d+(?:\.\d+)?)\s*%", part)
    return (float(m.group(1)), float(m.group(2)), title) if m else None

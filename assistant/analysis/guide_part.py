"""One '## ' part of a knowledge page, read as text: where a planning figure the plan uses
(a quota multiple, a referral fee) is written in the knowledge base's own words."""

from __future__ import annotations

import re
from pathlib import Path


def guide_part(knowledge_dir: str, lang: str, page: str, heading: str) -> tuple[str, str] | None:
    """(the part under `heading`, the page's whole text), or None when the page is missing; the
    part is '' when the page has no such heading."""
    try:
        text = (Path(knowledge_dir) / lang / page).read_text(encoding="utf-8")
    except OSError:
        return None
    part = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return (part.group(1) if part else ""), text

"""One '## ' part of a knowledge page, read as text: where a planning figure the plan uses
(a quota multiple, a referral fee, a seller's usual load) is written in the knowledge base's own
words, with the page's title for the citation."""

from __future__ import annotations

import re
from pathlib import Path


def guide_part(knowledge_dir: str, lang: str, page: str, headings: dict[str, str]) -> tuple[str, str] | None:  # fmt: skip
    """(the part under the language's heading, the page's title) from the Korean page for 'ko'
    and the English one otherwise; None when the page is missing. The part is '' when the page
    has no such heading, the title '' when it has none."""
    lang = "ko" if lang == "ko" else "en"
    try:
        text = (Path(knowledge_dir) / lang / page).read_text(encoding="utf-8")
    except OSError:
        return None
    part = re.search(rf"^## {re.escape(headings[lang])}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    title = re.search(r'^title:\s*"?([^"\n]+)"?', text, re.M)
    return (part.group(1) if part else ""), (title.group(1).strip() if title else "")

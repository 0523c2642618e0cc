"""Markdown that cannot carry markup: the export holds answers, company names and uploaded column
names, and a standard renderer would turn any raw HTML among them into live elements. Every '<'
becomes an entity (it shows as '<'; no tag, comment or autolink can open), an '&' only when it
would start an entity, and link targets with
script-capable schemes are broken so they stay text."""

from __future__ import annotations

import re

_SCHEMES = r"(?:javascript|vbscript|data|file)\s*:"
_INLINE_LINK = re.compile(r"\]\(\s*<?\s*(?=" + _SCHEMES + ")", re.IGNORECASE)
_REFERENCE = re.compile(
    r"^(\s{0,3})\[([^\]\n]+)\]:\s*<?\s*(?=" + _SCHEMES + ")", re.IGNORECASE | re.MULTILINE
)


def inert_markdown(text: str) -> str:
    # '&' stays as written ('Harbor & Pine'); only one that starts an entity is escaped, so a
    # typed '&lt;' shows as typed and never decodes to '<'
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;")
    text = _INLINE_LINK.sub(r"]\\(", text)  # '[x](javascript:…)' is shown, not linked
    return _REFERENCE.sub(r"\1\\[\2]: ", text)

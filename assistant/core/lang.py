"""Language detection: Korean if the text is mostly Hangul, else English."""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str, default: str = "en") -> str:
    """'ko' or 'en'. Korean wins when Hangul letters are a fair share of the letters."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul == 0 and latin == 0:
        return default
    # Korean text often carries English product names or acronyms (SEO, ROI, LinkedIn).
    return "ko" if hangul * 2 >= latin * 0.5 and hangul > 0 else "en"


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))

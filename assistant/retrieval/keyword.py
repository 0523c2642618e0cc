"""Keyword (BM25) retrieval that handles Korean: Hangul runs become character bigrams, so a
particle attached to a word ("예산은", "예산을") still matches the word ("예산")."""

from __future__ import annotations

import re

from rank_bm25 import BM25Okapi

_TOKEN = re.compile(r"[a-z0-9]+|[\uac00-\ud7a3]+", re.I)
_STOP_EN = {
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "are", "be", "what", "how",
    "do", "does", "i", "we", "our", "my", "it", "its", "should", "which", "that", "this", "with",
    "by", "as", "at", "from", "can", "me", "you", "your", "they", "their", "them", "there", "into",
    "about", "when", "where", "why", "who", "will", "would", "belongs", "go", "goes",
}  # fmt: skip
_STOP_KO = {
    "무엇",
    "어떻게",
    "어떤",
    "나요",
    "하나요",
    "인가요",
    "있나요",
    "에는",
    "에서",
    "하는",
    "해야",
}


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "s", "ed", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    for tok in _TOKEN.findall(text.lower()):
        if tok[0] >= "\uac00":
            if tok in _STOP_KO:
                continue
            if len(tok) == 1:
                tokens.append(tok)
            tokens.extend(tok[i : i + 2] for i in range(len(tok) - 1))
        elif tok not in _STOP_EN:
            tokens.append(_stem(tok))
    return tokens


class KeywordIndex:
    def __init__(self, texts: list[str]) -> None:
        self._bm25 = BM25Okapi([tokenize(t) or ["_"] for t in texts])

    def scores(self, query: str) -> list[float]:
        tokens = tokenize(query)
        if not tokens:
            return [0.0] * self._bm25.corpus_size
        return [float(s) for s in self._bm25.get_scores(tokens)]

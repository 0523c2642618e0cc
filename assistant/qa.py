"""Grounded answers during the interview. Offline: extractive - the best passages, trimmed to the
sentences that match the question, each with its source file and heading."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from assistant.errors import AssistantError
from assistant.interview import QAAnswer, QuestionAnswerer
from assistant.keyword import tokenize
from assistant.plan import Source
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.index import KnowledgeIndex, SearchResult
    from assistant.knowledge import Chunk

log = logging.getLogger(__name__)
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+")


def _sentences(chunk: Chunk) -> list[tuple[str, Chunk]]:
    parts = [s.replace("**", "").strip(" -*") for s in _SENTENCE.split(chunk.text)]
    return [(s if s[-1] in ".!?。:" else s + ".", chunk) for s in parts if len(s) > 3]


def _pick(question: str, chunks: list[Chunk], limit: int = 4) -> list[tuple[str, Chunk]]:
    """The sentences of a topic that best match the question; the definition (intro) is favoured."""
    q = set(tokenize(question))
    candidates = [pair for c in chunks for pair in _sentences(c)]
    scored = []
    for i, (sentence, chunk) in enumerate(candidates):
        overlap = len(q & set(tokenize(sentence)))
        intro = 0.5 if chunk.heading == chunk.title else 0.0
        scored.append((overlap + intro - i * 0.01, i, sentence, chunk))
    keep = sorted(sorted(scored, reverse=True)[:limit], key=lambda item: item[1])
    return [(sentence, chunk) for _, _, sentence, chunk in keep]


def extractive_answer(
    question: str, results: list[SearchResult], lang: str, index: KnowledgeIndex
) -> QAAnswer | None:
    if not results:
        return None
    lead = "가이드에서 찾은 내용입니다:" if lang == "ko" else "Here is what the guidance says:"
    parts = [lead]
    sources: list[Source] = []
    top = results[0].score
    for r in [r for r in results[:2] if r.score >= 0.9 * top]:
        chunks = index.topic_chunks(r.topic, r.language) or []
        picked = _pick(question, chunks) if chunks else []
        text = " ".join(s for s, _ in picked) or r.text
        headings = list(dict.fromkeys(c.heading for _, c in picked)) or [r.heading]
        parts.append(f"**{r.title}**\n{text}\n_[{r.source} › {', '.join(headings)}]_")
        sources.extend(Source(source=r.source, heading=h, topic=r.topic) for h in headings)
    return QAAnswer(text="\n\n".join(parts), sources=sources)


class RetrievalAnswerer:
    """Answers from the knowledge index, in the asker's language when the guidance has it."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index

    def __call__(self, question: str, lang: str) -> QAAnswer | None:
        try:
            results = self.index.search(question, k=3, lang=lang) or self.index.search(
                question, k=3
            )
        except AssistantError:
            raise
        except Exception as exc:  # the interview goes on even if the index is broken
            log.warning("knowledge search failed: %s", exc)
            return None
        return extractive_answer(question, results, lang, self.index)


def build_answerer(settings: Settings) -> QuestionAnswerer | None:
    """The answerer for this configuration; the index is opened lazily on the first question."""
    from assistant.index import KnowledgeIndex

    holder: dict[str, RetrievalAnswerer] = {}

    def answer(question: str, lang: str) -> QAAnswer | None:
        if "qa" not in holder:
            holder["qa"] = RetrievalAnswerer(KnowledgeIndex(settings))
        return holder["qa"](question, lang)

    return answer

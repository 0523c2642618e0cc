"""Grounded answers during the interview. Offline: extractive - the best passages, trimmed to the
sentences that match the question, each with its source file and heading."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.core.errors import AssistantError
from assistant.core.plan import Source
from assistant.core.settings import Settings
from assistant.interview.engine import QAAnswer, QuestionAnswerer
from assistant.retrieval.keyword import tokenize

if TYPE_CHECKING:
    from assistant.core.plan import Plan
    from assistant.llm.assist import LLMAssist
    from assistant.retrieval.index import KnowledgeIndex, SearchResult
    from assistant.retrieval.knowledge import Chunk

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
    """Answers from the knowledge index, in the asker's language when the guidance has it.
    With a model configured, the model writes the answer from the same passages and cites them;
    if it fails, the extractive answer is shown with a notice."""

    def __init__(self, index: KnowledgeIndex, llm: LLMAssist | None = None) -> None:
        self.index = index
        self.llm = llm

    def __call__(
        self,
        question: str,
        lang: str,
        plan: Plan | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> QAAnswer | None:
        try:
            results = self.index.search(question, k=3, lang=lang) or self.index.search(
                question, k=3
            )
        except AssistantError:
            raise
        except Exception as exc:  # the interview goes on even if the index is broken
            log.warning("knowledge search failed: %s", exc)
            return None
        notice = ""
        if self.llm is not None and plan is not None and results:
            from assistant.llm.context import Passage

            passages = [Passage(source=r.source, heading=r.heading, text=r.text) for r in results]
            try:
                return self.llm.answer(plan, question, lang, passages, on_token)
            except AssistantError:
                from assistant.core.ui_text import t

                notice = t("llm_fallback", lang)
        answer = extractive_answer(question, results, lang, self.index)
        if answer is not None:
            answer.notice = notice
        return answer


class LazyAnswerer:
    """Opens the knowledge index on the first question, so start-up stays fast."""

    def __init__(self, settings: Settings, llm: Any = None) -> None:
        self.settings = settings
        self.llm = llm
        self._inner: RetrievalAnswerer | None = None

    def __call__(
        self,
        question: str,
        lang: str,
        plan: Plan | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> QAAnswer | None:
        if self._inner is None:
            from assistant.retrieval.index import KnowledgeIndex

            self._inner = RetrievalAnswerer(KnowledgeIndex(self.settings), self.llm)
        return self._inner(question, lang, plan, on_token)


def build_answerer(settings: Settings, llm: Any = None) -> QuestionAnswerer:
    """`llm` is an LLMAssist (or None offline)."""
    return LazyAnswerer(settings, llm)

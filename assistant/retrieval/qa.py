"""Grounded answers during the interview. Offline: extractive - the best passages, trimmed to the
sentences that match the question, each with its source file and heading."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.core.errors import AssistantError
from assistant.core.plan import Source
from assistant.core.settings import Settings
from assistant.goals.measure_question import goal_answer, kpi_answer, parse_measure_question
from assistant.interview.engine import QAAnswer, QuestionAnswerer
from assistant.retrieval.keyword import tokenize

if TYPE_CHECKING:
    from assistant.core.plan import Plan
    from assistant.llm.assist import LLMAssist
    from assistant.retrieval.index import KnowledgeIndex, SearchResult
    from assistant.retrieval.knowledge import Chunk
    from assistant.retrieval.plan_docs import PlanDocuments

log = logging.getLogger(__name__)
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+")


def _sentences(chunk: Chunk) -> list[tuple[str, Chunk]]:
    """A passage's sentences; a short passage (or a quoted example) stays whole, never cut mid-quote."""
    text = chunk.text.strip()
    is_list = sum(1 for line in text.splitlines() if line.lstrip().startswith(("-", "*"))) >= 2
    if not is_list and (len(text) <= 300 or text.count('"') >= 2):
        one = " ".join(text.replace("**", "").split())
        return [(one if one[-1] in '.!?。:"' else one + ".", chunk)] if len(one) > 3 else []
    parts = [s.replace("**", "").strip(" -*") for s in _SENTENCE.split(chunk.text)]
    return [(s if s[-1] in ".!?。:" else s + ".", chunk) for s in parts if len(s) > 3]


_ALL_PARTS = re.compile(
    r"\b(?:criteria|each|all|every|steps|parts|elements|components|what\s+goes\s+into|what\s+are\s+the|"
    r"list|4\s*ps?|smart|swot|four\s+ps)\b|기준|요소|구성|단계|각각|모두|전부|4\s*P|SMART|SWOT|무엇이\s*들어|뭐가\s*들어",
    re.I,
)


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
    picked = [(sentence, chunk) for _, _, sentence, chunk in keep]
    # a list is never cut: one matching item brings the whole list (the SMART test, the 4Ps)
    lists = {c.id for _, c in picked if _is_list(c)}
    out: list[tuple[str, Chunk]] = []
    for sentence, chunk in picked:
        if chunk.id in lists:
            if all(c.id != chunk.id for _, c in out):
                out.extend(_sentences(chunk))
        else:
            out.append((sentence, chunk))
    return out


def _is_list(chunk: Chunk) -> bool:
    return (
        sum(1 for line in chunk.text.splitlines() if line.lstrip().startswith(("-", "*", "1.")))
        >= 2
    )


def _every_part(chunks: list[Chunk]) -> list[tuple[str, Chunk]]:
    """For a question that asks for several things: every heading of the topic, each with its
    full list (a list is never cut) or its first two sentences."""
    out: list[tuple[str, Chunk]] = []
    for chunk in chunks:
        sentences = _sentences(chunk)
        whole = chunk.heading == chunk.title or len(chunk.text) <= 500
        is_list = (
            sum(1 for line in chunk.text.splitlines() if line.lstrip().startswith(("-", "*", "1.")))
            >= 2
        )
        out.extend(sentences if whole or is_list else sentences[:2])
    return out


def _render(picked: list[tuple[str, Chunk]]) -> tuple[str, list[str]]:
    """Sentences grouped under the heading that gives them their meaning ('Common mistakes: …')."""
    groups: dict[str, list[str]] = {}
    title = picked[0][1].title if picked else ""
    for sentence, chunk in picked:
        groups.setdefault(chunk.heading, []).append(sentence)
    lines = []
    for heading, sentences in groups.items():
        body = " ".join(sentences)
        lines.append(body if heading == title else f"_{heading}_: {body}")
    return "\n".join(lines), list(groups)


def extractive_answer(
    question: str, results: list[SearchResult], lang: str, index: KnowledgeIndex
) -> QAAnswer | None:
    """Composed from the top passages: every topic that fits (not just the first), each passage
    under its heading, and all the parts when the question asks for several things."""
    if not results:
        return None
    lead = "가이드에서 찾은 내용입니다:" if lang == "ko" else "Here is what the guidance says:"
    parts = [lead]
    sources: list[Source] = []
    top = results[0].score
    wants_all = bool(_ALL_PARTS.search(question))
    chosen = [results[0]] + [
        r for r in results[1:3] if r.score >= 0.85 * top and _title_fits(question, r.title)
    ]
    for r in chosen[:2]:
        chunks = index.topic_chunks(r.topic, r.language) or []
        if chunks:
            picked = (
                _every_part(chunks) if wants_all and r is results[0] else _pick(question, chunks)
            )
            text, headings = _render(picked)
        else:
            text, headings = r.text, [r.heading]
        parts.append(f"**{r.title}**\n{text}\n_[{r.source} › {', '.join(headings)}]_")
        sources.extend(Source(source=r.source, heading=h, topic=r.topic) for h in headings)
    return QAAnswer(text="\n\n".join(parts), sources=sources)


_STOP = {"what", "how", "the", "and", "for", "our", "with", "plan", "marketing", "sales", "step",
         "계획", "마케팅", "판매", "단계"}  # fmt: skip


def _title_fits(question: str, title: str) -> bool:
    """A second topic joins the answer only when its title shares a real word with the question."""
    words = {
        w for w in tokenize(question) if (len(w) > 2 or re.search("[가-힣]", w)) and w not in _STOP
    }
    return bool(words & set(tokenize(title)))


def measuring_answer(
    question: str, lang: str, index: KnowledgeIndex | None, plan: Plan | None = None
) -> QAAnswer | None:
    """A 'how do I measure …?' question answered by the KPI advisor, citing the KPI's page;
    None when the question is not about measuring (or no KPI fits)."""
    mq = parse_measure_question(question)
    if mq is None or _SMART_WORDS.search(mq.subject):
        return None
    if mq.goal_ref is not None:
        goals = plan.goals if plan is not None else []
        if not 1 <= mq.goal_ref <= len(goals):
            text = (
                f"계획에 {mq.goal_ref}번 목표가 없습니다. 목표 문장을 함께 적어 주세요."
                if lang == "ko"
                else f"There is no goal {mq.goal_ref} in this plan yet - paste the goal with the question."
            )
            return QAAnswer(text=text)
        goal = goals[mq.goal_ref - 1]
        found = goal_answer(goal.text, lang, goal.frame)
        found.text = f"{goal.text}\n\n{found.text}"
    elif mq.goal_text is not None:
        found = goal_answer(mq.goal_text, lang)
    else:
        hints: list[str] = []
        if index is not None:
            with contextlib.suppress(Exception):  # the advisor alone still answers
                hints = [
                    r.topic.removeprefix("kpi_")
                    for r in index.search(mq.subject, k=3, lang=lang)
                    if r.topic.startswith("kpi_")
                ]
        maybe = kpi_answer(mq.subject, lang, hints)
        if maybe is None:
            return None
        found = maybe
    sources: list[Source] = []
    cite = ""
    if index is not None:
        chunks = index.topic_chunks(f"kpi_{found.kpis[0]}", lang)
        if chunks:
            used = [c.heading for c in chunks if c.heading in found.headings] or [chunks[0].heading]
            sources = [
                Source(source=chunks[0].source, heading=h, topic=chunks[0].topic) for h in used
            ]
            cite = f"\n\n_[{chunks[0].source} › {', '.join(used)}]_"
    return QAAnswer(text=found.text + cite, sources=sources, kpis=found.kpis)


_SMART_WORDS = re.compile(r"\bsmart\b|스마트", re.I)


class RetrievalAnswerer:
    """Answers from the knowledge index, in the asker's language when the guidance has it.
    With a model configured, the model writes the answer from the same passages and cites them;
    if it fails, the extractive answer is shown with a notice."""

    def __init__(self, index: KnowledgeIndex, llm: LLMAssist | None = None) -> None:
        self.index = index
        self.llm = llm
        self._docs: PlanDocuments | None = None

    def documents(self) -> PlanDocuments:
        if self._docs is None:
            from assistant.retrieval.plan_docs import PlanDocuments

            self._docs = PlanDocuments(self.index.settings, self.index.embedder)
        return self._docs

    def __call__(
        self,
        question: str,
        lang: str,
        plan: Plan | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> QAAnswer | None:
        try:
            measured = measuring_answer(question, lang, self.index, plan)
        except AssistantError:
            measured = measuring_answer(question, lang, None, plan)
        if measured is not None:
            return self._with_model(question, lang, plan, measured, on_token)
        if plan is not None and plan.shelf.key and plan.shelf.documents:
            from assistant.retrieval.doc_answer import document_answer

            found = document_answer(self.documents(), self.llm, question, lang, plan, on_token)
            if found is not None:
                return found
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

    def _with_model(
        self,
        question: str,
        lang: str,
        plan: Plan | None,
        offline: QAAnswer,
        on_token: Callable[[str], None] | None,
    ) -> QAAnswer:
        """In LLM mode the model writes the answer from the same KPI facts and page, citing them."""
        if self.llm is None or plan is None or not offline.kpis:
            return offline
        from assistant.goals.kpi import get_kpi
        from assistant.llm.context import Passage

        name = get_kpi(offline.kpis[0]).name.get(lang)  # a reader sees the name, never the id
        passages = [Passage(source="KPI catalogue", heading=name, text=offline.text)]
        passages += [
            Passage(source=c.source, heading=c.heading, text=c.text)
            for c in self.index.topic_chunks(f"kpi_{offline.kpis[0]}", lang)
        ]
        try:
            answer = self.llm.answer(plan, question, lang, passages, on_token)
        except AssistantError:
            from assistant.core.ui_text import t

            offline.notice = t("llm_fallback", lang)
            return offline
        answer.kpis = offline.kpis
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
        return self._answerer()(question, lang, plan, on_token)

    def _answerer(self) -> RetrievalAnswerer:
        if self._inner is None:
            from assistant.retrieval.index import KnowledgeIndex

            self._inner = RetrievalAnswerer(KnowledgeIndex(self.settings), self.llm)
        return self._inner

    def documents(self) -> PlanDocuments:
        """The plans' private document indexes, with the knowledge index's embedder."""
        return self._answerer().documents()

    def warm_up(self) -> None:
        """Open the index and load the embedding model in the background (building the index
        first if it is missing); questions meanwhile use keyword search."""
        self._answerer().index.start_background()

    def building(self) -> str:
        """'' when the knowledge index is ready, else how far its build has got ('12/128')."""
        return self._inner.index.progress if self._inner is not None else ""


def build_answerer(settings: Settings, llm: Any = None) -> QuestionAnswerer:
    """`llm` is an LLMAssist (or None offline)."""
    return LazyAnswerer(settings, llm)

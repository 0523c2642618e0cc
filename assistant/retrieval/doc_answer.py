"""Questions answered from the user's own documents: the sentences of the plan's best passages
that match the question, each cited as "your document NAME, p. N". With a model, the model writes
the answer from the same passages (the same number check applies); if it fails, the extractive
answer is shown with a notice."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.core.documents import Passage, cite
from assistant.core.errors import AssistantError
from assistant.core.plan import Source
from assistant.interview.engine import QAAnswer
from assistant.retrieval.keyword import tokenize

if TYPE_CHECKING:
    from assistant.core.plan import Plan
    from assistant.llm.assist import LLMAssist
    from assistant.retrieval.plan_docs import PlanDocuments

_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+|(?<=다\.)\s*")
MIN_SHARE = 0.5
_DEFINITION = re.compile(
    r"^\s*what\s+(?:is|are)\s+(?:a|an)\s|^\s*what\s+is\s+\w+\s*\?|what\s+does\s+.+\s+mean|^\s*(?:define|explain)\b"
    r"|^\s*how\s+(?:do|should|can)\s+(?:i|you)\b|(?:이란|란)\s*(?:무엇|뭐)|(?:이|가)\s*(?:뭐|무엇)|뜻이?\s",
    re.I,
)
_SPECIFIC = re.compile(
    r"\b(?:who|which|how\s+many|how\s+much|what\s+(?:is|are|was|were)\s+the|when|cost|costs|price)\b"
    r"|누구|몇|얼마|어떻게\s*되|언제|어느|어떤\s*곳",
    re.I,
)
_ABOUT_US = re.compile(
    r"\b(?:we|our|us|my|last\s+year|this\s+year|in\s+20\d\d)\b|우리|저희|작년|올해|지난해|내\s*문서|문서에서|20\d\d년",
    re.I,
)  # the share of the question's words a passage must hold to answer it


def _best_sentences(question: str, passage: Passage, limit: int = 3) -> list[str]:
    q = set(tokenize(question))
    parts = [s.strip(" -*•") for s in _SENTENCE.split(passage.text) if len(s.strip()) > 3]
    scored = sorted(
        ((len(q & set(tokenize(s))), -i, s) for i, s in enumerate(parts)), reverse=True
    )[:limit]
    keep = sorted((s for s in scored if s[0] > 0), key=lambda x: -x[1])
    return [s for _, _, s in keep] or parts[:2]


def document_answer(
    docs: PlanDocuments,
    llm: LLMAssist | None,
    question: str,
    lang: str,
    plan: Plan,
    on_token: Callable[[str], None] | None = None,
) -> QAAnswer | None:
    """The answer from the plan's documents, or None when no passage holds enough of the
    question's words (the guidance answers then)."""
    try:
        hits = docs.search(plan.shelf.key, question, k=3)
    except Exception:  # noqa: BLE001 - a broken private index must not stop the interview
        return None
    # a question about the user's own business ('What did we spend on events?', 'Who are the
    # competitors?', '요금제는 어떻게 되나요?') may be answered by half its words; a definition
    # ('What is a marketing budget?', 'SWOT 분석이 뭐예요?') belongs to the guidance
    ours = _ABOUT_US.search(question) or _SPECIFIC.search(question)
    if _DEFINITION.search(question) and not _ABOUT_US.search(question):
        return None
    threshold = MIN_SHARE if ours else 0.8
    strong = [p for p, share in hits if share >= threshold]
    if not strong:
        return None
    strong = strong[:2]
    sources = [Source(source=cite(p.document, p.page, lang), heading=p.heading, topic="document") for p in strong]  # fmt: skip
    notice = ""
    if llm is not None:
        from assistant.llm.context import Passage as Cited

        cited = [Cited(source=cite(p.document, p.page, lang), heading=p.heading, text=p.text) for p in strong]  # fmt: skip
        try:
            answer = llm.answer(plan, question, lang, cited, on_token)
            answer.sources = sources + [s for s in answer.sources if s not in sources]
            return answer
        except AssistantError:
            from assistant.core.ui_text import t

            notice = t("llm_fallback", lang)
    lead = "올린 문서에서 찾은 내용입니다:" if lang == "ko" else "From your documents:"
    parts = [lead]
    for p in strong:
        body = " ".join(_best_sentences(question, p))
        head = f"**{p.heading}** · " if p.heading else ""
        parts.append(f"{head}{body}\n_[{cite(p.document, p.page, lang)}]_")
    return QAAnswer(text="\n\n".join(parts), sources=sources, notice=notice)

"""Each plan's private index of the user's own documents: one chromadb collection per plan (named
by the plan's random shelf key, embedded with the knowledge index's embedder), searched with the
same dense + keyword fusion, deleted with the plan and never mixed with another plan or the
shared guidance."""

from __future__ import annotations

import re
import secrets
from typing import Any

from assistant.core.documents import Passage
from assistant.core.errors import RetrievalError
from assistant.core.settings import Settings
from assistant.retrieval.keyword import KeywordIndex

_PREFIX = "plan_docs_"
_RRF_K = 20
EMBED_CHARS = 400


def new_key() -> str:
    return secrets.token_hex(12)


def _name(key: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{24}", key):
        raise ValueError("bad document key")
    return _PREFIX + key


class PlanDocuments:
    def __init__(self, settings: Settings, embedder: Any | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        # per plan key: (passage count, passages, keyword index), so a question does not re-read
        # and re-index every passage; a new count (an upload, here or in another process) refreshes
        self._read: dict[str, tuple[int, dict[str, Passage], KeywordIndex]] = {}

    @property
    def embedder(self) -> Any:
        """The knowledge index's embedder (loaded on first use: deleting needs none)."""
        if self._embedder is None:
            from assistant.retrieval.embeddings import build_embedder

            self._embedder = build_embedder(self.settings)
        return self._embedder

    def _client(self) -> Any:
        from assistant.retrieval.index import chroma_client

        return chroma_client(self.settings)

    def add(self, key: str, passages: list[Passage], start: int = 0) -> None:
        """Embed and store passages (ids continue from `start`)."""
        if not passages:
            return
        try:
            collection = self._client().get_or_create_collection(
                _name(key), metadata={"hnsw:space": "cosine"}
            )
            # the dense channel sees a passage's head (its heading and first lines: the cost of the
            # embedder grows with length); the keyword channel reads every word
            texts = [f"{p.heading}\n{p.text}".strip()[:EMBED_CHARS] for p in passages]
            for at in range(0, len(passages), 256):
                chunk = passages[at : at + 256]
                collection.add(
                    ids=[f"p{start + at + n}" for n in range(len(chunk))],
                    documents=[p.text for p in chunk],
                    embeddings=self.embedder.embed_documents(texts[at : at + 256]),
                    metadatas=[
                        {"document": p.document, "page": p.page, "heading": p.heading}
                        for p in chunk
                    ],
                )
        except Exception as exc:
            raise RetrievalError(
                f"Could not index your document: {exc}", f"문서를 색인하지 못했습니다: {exc}"
            ) from exc

    def count(self, key: str) -> int:
        try:
            return int(self._client().get_collection(_name(key)).count())
        except Exception:  # noqa: BLE001 - no collection yet
            return 0

    def delete(self, key: str) -> None:
        self._read.pop(key, None)
        try:
            self._client().delete_collection(_name(key))
        except Exception:  # noqa: BLE001 - nothing was indexed
            return

    def search(self, key: str, query: str, k: int = 3) -> list[tuple[Passage, float]]:
        """Best passages first with a keyword-overlap score in 0..1 (the share of the question's
        words the passage holds), fused from the dense and keyword channels."""
        if not key or not query.strip():
            return []
        try:
            collection = self._client().get_collection(_name(key))
        except Exception:  # noqa: BLE001 - the plan has no documents
            return []
        passages, keyword = self._passages(key, collection)
        if not passages:
            return []
        kw = keyword.scores(query)
        order = list(passages)
        kw_ids = [
            order[i]
            for i in sorted(range(len(order)), key=lambda i: kw[i], reverse=True)
            if kw[i] > 0
        ][:30]
        dense = collection.query(
            query_embeddings=[self.embedder.embed_query(query)], n_results=min(30, len(passages))
        )
        dense_ids = list((dense.get("ids") or [[]])[0])
        fused: dict[str, float] = {}
        for ranked in (dense_ids, kw_ids):
            for rank, pid in enumerate(ranked):
                fused[pid] = fused.get(pid, 0.0) + 1.0 / (_RRF_K + rank + 1)
        best = sorted(fused, key=lambda pid: fused[pid], reverse=True)[:k]
        return [
            (passages[pid], keyword_share(query, passages[pid])) for pid in best if pid in passages
        ]

    def _passages(self, key: str, collection: Any) -> tuple[dict[str, Passage], KeywordIndex]:
        count = int(collection.count())
        cached = self._read.get(key)
        if cached is not None and cached[0] == count:
            return cached[1], cached[2]
        got = collection.get(include=["documents", "metadatas"])
        passages = {
            i: Passage(document=str(m.get("document", "")), page=int(m.get("page", 1)),
                       heading=str(m.get("heading", "")), text=d)
            for i, d, m in zip(got.get("ids") or [], got.get("documents") or [], got.get("metadatas") or [], strict=False)
        }  # fmt: skip
        keyword = KeywordIndex([f"{p.heading}\n{p.text}" for p in passages.values()] or [""])
        if len(self._read) >= 32:  # a few recent plans, never every plan's passages
            self._read.pop(next(iter(self._read)))
        self._read[key] = (count, passages, keyword)
        return passages, keyword


def keyword_share(query: str, passage: Passage) -> float:
    from assistant.retrieval.keyword import tokenize

    if re.search("[가-힣]", query):  # Korean: the question's nouns, found with particles attached
        from assistant.core.korean import content_nouns

        nouns = content_nouns(query)
        body = f"{passage.heading} {passage.text}".lower()
        # '경쟁사' is found in '…와 경쟁합니다' by its stem
        hit = sum(1 for n in nouns if n in body or (len(n) >= 3 and n[:2] in body))
        return hit / len(nouns) if nouns else 0.0
    words = {w for w in tokenize(query) if len(w) > 2 or re.search("[가-힣]", w)} - _STOP
    if not words:
        return 0.0
    have = set(tokenize(f"{passage.heading} {passage.text}"))
    return len(words & have) / len(words)


_STOP = {"what", "how", "did", "does", "the", "and", "for", "our", "with", "was", "were", "last",
         "this", "that", "year", "much", "many", "무엇", "얼마", "어떻게", "작년", "우리"}  # fmt: skip

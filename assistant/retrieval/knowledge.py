"""The knowledge base on disk: markdown files with front matter, split into chunks by heading."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel

from assistant.core.errors import RetrievalError

_FRONT = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*$", re.M)


class Chunk(BaseModel):
    """One passage: a heading's text within a knowledge file."""

    id: str
    topic: str
    language: str
    source: str  # path relative to the repository (or knowledge dir's parent)
    title: str
    heading: str
    text: str
    file_hash: str

    @property
    def embed_text(self) -> str:
        """What the embedder and keyword index see: title and heading give the passage context."""
        head = self.title if self.heading == self.title else f"{self.title} - {self.heading}"
        return f"{head}\n{self.text}"


class KnowledgeFile(BaseModel):
    path: Path
    source: str
    topic: str
    language: str
    title: str
    hash: str
    chunks: list[Chunk]


def parse_file(path: Path, root: Path) -> KnowledgeFile:
    raw = path.read_text(encoding="utf-8")
    m = _FRONT.match(raw)
    if not m:
        raise RetrievalError(
            f"{path} has no front matter (---\\ntopic: ...\\n---).",
            f"{path}에 front matter가 없습니다.",
        )
    meta = yaml.safe_load(m.group(1)) or {}
    if "topic" not in meta or meta.get("language") not in ("ko", "en"):
        raise RetrievalError(
            f"{path}: front matter needs 'topic' and 'language: ko|en'.",
            f"{path}: front matter에 topic과 language가 필요합니다.",
        )
    body = raw[m.end() :]
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
    source = path.relative_to(root.parent).as_posix() if root.parent in path.parents else path.name
    title = str(meta.get("title") or meta["topic"])
    chunks = []
    for n, (heading, text) in enumerate(_split(body, title)):
        chunks.append(
            Chunk(
                id=f"{source}#{n}", topic=str(meta["topic"]), language=meta["language"], source=source,
                title=title, heading=heading, text=text, file_hash=digest,
            )
        )  # fmt: skip
    return KnowledgeFile(
        path=path,
        source=source,
        topic=str(meta["topic"]),
        language=meta["language"],
        title=title,
        hash=digest,
        chunks=chunks,
    )


def _split(body: str, title: str) -> list[tuple[str, str]]:
    """(heading, text) pairs: the intro under the H1 keeps the title as its heading."""
    parts: list[tuple[str, str]] = []
    heading = title
    pos = 0
    for m in _HEADING.finditer(body):
        text = body[pos : m.start()].strip()
        if text:
            parts.append((heading, text))
        heading = m.group(2).strip() if len(m.group(1)) > 1 else title
        pos = m.end()
    tail = body[pos:].strip()
    if tail:
        parts.append((heading, tail))
    return parts


def load_knowledge(root: Path) -> list[KnowledgeFile]:
    root = Path(root)
    if not root.is_dir():
        raise RetrievalError(
            f"Knowledge folder not found: {root} (set PLAN_KNOWLEDGE_DIR).",
            f"지식 폴더가 없습니다: {root} (PLAN_KNOWLEDGE_DIR를 설정하세요).",
        )
    return [parse_file(p, root) for p in sorted(root.rglob("*.md"))]


@lru_cache(maxsize=4)
def cached_chunks(root: str, stamp: float) -> tuple[Chunk, ...]:
    """All chunks of the knowledge folder, re-read when any file changes (stamp = newest mtime)."""
    return tuple(c for f in load_knowledge(Path(root)) for c in f.chunks)


def all_chunks(root: Path) -> tuple[Chunk, ...]:
    stamp = max((p.stat().st_mtime for p in Path(root).rglob("*.md")), default=0.0)
    return cached_chunks(str(root), stamp)


def guidance(root: Path) -> Callable[[str, str, tuple[str, ...]], tuple[str, str] | None]:
    """A lookup of the first passage of `topic` in `lang` under one of `headings`: (text, source)."""

    def find(topic: str, lang: str, headings: tuple[str, ...]) -> tuple[str, str] | None:
        for c in all_chunks(root):
            if c.topic == topic and c.language == lang and c.heading in headings:
                return c.text, c.source
        return None

    return find

"""Question answering during the interview: retrieval over the knowledge base, with citations."""

from __future__ import annotations

from assistant.interview import QuestionAnswerer
from assistant.settings import Settings


def build_answerer(settings: Settings) -> QuestionAnswerer | None:
    """The answerer for this configuration (None until a knowledge index is available)."""
    return None

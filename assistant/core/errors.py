"""Typed errors under one base class, each with a message for the user in Korean and English."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: every error the user may see. `message(lang)` is written for the user."""

    def __init__(self, en: str, ko: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.ko = ko or en

    def message(self, lang: str = "en") -> str:
        from assistant.core.lang import fix_particles

        return fix_particles(self.ko) if lang == "ko" else self.en


class ConfigError(AssistantError):
    """A setting is missing or invalid."""


class InputError(AssistantError):
    """The user's input (a file, an answer, an argument) cannot be used."""


class SessionNotFound(AssistantError):
    """No saved session with that id."""


class ExportError(AssistantError):
    """The plan could not be written."""


class DataError(AssistantError):
    """Uploaded data (sales history, actuals) cannot be read or used."""


class LLMError(AssistantError):
    """The language model failed after retries; callers fall back to the offline path."""


class RetrievalError(AssistantError):
    """The knowledge index cannot be built or queried."""


class StorageError(AssistantError):
    """The sessions database cannot be read or written."""


class RateLimited(AssistantError):
    """Too many attempts (new plans, logins) in a short time."""


class DamagedPlan(AssistantError):
    """A saved plan's state cannot be read; it stays isolated and deletable."""

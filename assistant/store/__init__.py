"""Session storage: SQLite by default, PostgreSQL when PLAN_DATABASE_URL names one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.store.base import Conflict, SessionInfo, SessionStore, Turn

if TYPE_CHECKING:
    from assistant.core.settings import Settings

__all__ = ["Conflict", "SessionInfo", "SessionStore", "Turn", "open_store"]


def open_store(settings: Settings) -> SessionStore:
    url = settings.database_url
    if url:
        from assistant.store.postgres import PostgresStore

        return PostgresStore(url)
    from assistant.store.sqlite import SqliteStore

    return SqliteStore(settings.sessions_db)

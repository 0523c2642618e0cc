"""Session storage: SQLite by default, PostgreSQL when PLAN_DATABASE_URL names one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.store.base import Conflict, SessionInfo, SessionStore, Turn

if TYPE_CHECKING:
    from assistant.core.settings import Settings

__all__ = ["Conflict", "SessionInfo", "SessionStore", "Turn", "check_data_dir", "open_store"]


def check_data_dir(path: Path) -> None:
    """The data folder exists (or can be made) and takes a file; else a clear StorageError."""
    import os
    import tempfile

    from assistant.core.errors import StorageError

    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-check-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StorageError(
            f"Can't write to the data folder {path}: {reason}. Set PLAN_DATA_DIR to a folder you "
            "can write to (or free some disk space).",
            f"데이터 폴더 {path}에 쓸 수 없습니다: {reason}. PLAN_DATA_DIR을 쓰기 가능한 폴더로 "
            "지정하세요(또는 디스크 공간을 확보하세요).",
        ) from exc


def open_store(settings: Settings) -> SessionStore:
    url = settings.database_url
    if url:
        from assistant.store.postgres import PostgresStore

        return PostgresStore(url)
    from assistant.store.sqlite import SqliteStore

    return SqliteStore(settings.sessions_db)

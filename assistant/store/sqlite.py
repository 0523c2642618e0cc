"""The embedded default: sessions in one SQLite file (WAL, so readers never block a writer)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.core.errors import StorageError
from assistant.store.base import (
    EVENTS_TABLE,
    INDEXES,
    SESSIONS_TABLE,
    VERSIONS_TABLE,
    SessionStore,
    turns_table,
)

_SCHEMA = [
    SESSIONS_TABLE,
    turns_table("INTEGER PRIMARY KEY AUTOINCREMENT"),
    EVENTS_TABLE,
    VERSIONS_TABLE,
]

# columns added after the first release, with their definitions (older files are upgraded)
_ADDED = {
    "owner": "TEXT NOT NULL DEFAULT ''",
    "done": "INTEGER NOT NULL DEFAULT 0",
    "total": "INTEGER NOT NULL DEFAULT 0",
    "damaged": "INTEGER NOT NULL DEFAULT 0",
    "version": "INTEGER NOT NULL DEFAULT 1",
    "user_turns": "INTEGER NOT NULL DEFAULT 0",
}


def _unusable(path: Path, exc: Exception) -> StorageError:
    reason = getattr(exc, "strerror", None) or str(exc)
    return StorageError(
        f"Can't use the sessions database {path}: {reason}. Set PLAN_DATA_DIR to a folder you can "
        "write to (or free some disk space).",
        f"세션 데이터베이스 {path}을(를) 쓸 수 없습니다: {reason}. PLAN_DATA_DIR을 쓰기 가능한 폴더로 "
        "지정하세요(또는 디스크 공간을 확보하세요).",
    )


class SqliteStore(SessionStore):
    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._serial = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _unusable(self.path, exc) from exc
        with self._connect() as db:
            with contextlib.suppress(OSError):  # plans are the owner's alone, whoever opens them
                os.chmod(self.path, 0o600)
            for statement in _SCHEMA:
                db.execute(statement)
            have = {r[1] for r in db.execute("PRAGMA table_info(sessions)")}
            for column, definition in _ADDED.items():
                if column not in have:
                    db.execute(f"ALTER TABLE sessions ADD COLUMN {column} {definition}")
            for statement in INDEXES:
                db.execute(statement)
        if _ADDED.keys() - have:
            self._backfill_index()

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection (opened once: WAL and pragmas are set when it opens)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("PRAGMA foreign_keys=ON")
            except sqlite3.Error as exc:
                raise _unusable(self.path, exc) from exc
            self._local.db = db
        return db

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        """Reads never wait for this process's writers (WAL gives each a consistent snapshot)."""
        db = self._connection()
        try:
            yield db
        except sqlite3.OperationalError as exc:
            self._local.db = None
            db.close()
            raise _unusable(self.path, exc) from exc

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        db = self._connection()
        try:
            # one transaction at a time in this process: threads queue here instead of in
            # SQLite's busy handler, which sleeps in growing steps (other processes still use it)
            with self._serial, db:
                yield db
        except sqlite3.OperationalError as exc:  # read-only folder, full disk, locked too long
            self._local.db = None
            db.close()
            raise _unusable(self.path, exc) from exc

    def describe(self) -> str:
        return str(self.path)

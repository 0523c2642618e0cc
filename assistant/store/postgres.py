"""Sessions in PostgreSQL (PLAN_DATABASE_URL=postgresql://…) so several app processes share
every plan; the same schema and compare-and-swap saves as SQLite. psycopg 3 with a pool."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from assistant.core.errors import ConfigError
from assistant.core.settings import safe_url
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
    turns_table("BIGSERIAL PRIMARY KEY"),
    EVENTS_TABLE,
    VERSIONS_TABLE,
    *INDEXES,
]
_SCHEMA_LOCK = 786001  # an advisory lock: app processes starting together create the schema once


class PostgresStore(SessionStore):
    backend = "postgresql"

    def __init__(self, url: str, pool_size: int = 10) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        try:
            self.pool = ConnectionPool(
                url, min_size=1, max_size=pool_size, open=True, timeout=15,
                kwargs={"connect_timeout": 10}, name="plan-assistant",
            )  # fmt: skip
            self.pool.wait(timeout=15)
            with self._connect() as db:
                # DDL on a schema in use takes table locks (CREATE INDEX IF NOT EXISTS locks the
                # table even when the index exists) and can deadlock with another process's
                # turn: a process that finds every table and index skips it
                names = [re.search(r"IF NOT EXISTS (\w+)", s).group(1) for s in _SCHEMA]  # type: ignore[union-attr]
                found = db.execute(
                    "SELECT count(*) FROM unnest(%s::text[]) AS n WHERE to_regclass(n) IS NOT NULL",
                    (names,),
                ).fetchone()
                if not found or int(found[0]) < len(names):
                    db.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                    for statement in _SCHEMA:
                        db.execute(statement)
        except (psycopg.Error, Exception) as exc:
            if isinstance(exc, ConfigError):
                raise
            raise ConfigError(
                f"Can't use the PostgreSQL database at {safe_url(url)}: {exc}. Check "
                "PLAN_DATABASE_URL (postgresql://user:password@host:5432/dbname) and that the server runs.",
                f"{safe_url(url)}의 PostgreSQL 데이터베이스를 쓸 수 없습니다: {exc}. PLAN_DATABASE_URL"
                "(postgresql://사용자:비밀번호@호스트:5432/DB이름)과 서버 실행 여부를 확인하세요.",
            ) from exc

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        with self.pool.connection() as conn, conn.transaction():
            yield conn

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def describe(self) -> str:
        return safe_url(self.url)

    def close(self) -> None:
        self.pool.close()

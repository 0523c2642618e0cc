"""What every session store does, in SQL both SQLite and PostgreSQL run: plans with their owner,
a version for compare-and-swap saves, a listing index (no plan is loaded to list plans), turns."""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from typing import Any, Protocol

from pydantic import BaseModel

from assistant.core.errors import AssistantError, DamagedPlan, SessionNotFound
from assistant.core.plan import Plan, now_iso
from assistant.interview.engine import InterviewState

# The schema both backends create; only the turns' id column differs (SQLite rowid / BIGSERIAL).
SESSIONS_TABLE = """CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    plan_type TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    damaged INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    user_turns INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL
)"""


def turns_table(id_column: str) -> str:
    return f"""CREATE TABLE IF NOT EXISTS turns (
    id {id_column},
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    ts TEXT NOT NULL
)"""


# Rate-limit events (failed logins, new plans) shared by every app process; rows leave by age only,
# so no volume of new keys can clear a lockout.
EVENTS_TABLE = """CREATE TABLE IF NOT EXISTS events (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    ts DOUBLE PRECISION NOT NULL
)"""

# Every accepted change is a plan version (who, when, what caused it), the last MAX_VERSIONS kept.
VERSIONS_TABLE = """CREATE TABLE IF NOT EXISTS plan_versions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    note TEXT NOT NULL,
    plan TEXT NOT NULL,
    PRIMARY KEY (session_id, revision)
)"""
MAX_VERSIONS = 200

INDEXES = [
    "CREATE INDEX IF NOT EXISTS events_by_key ON events(kind, key, ts)",
    "CREATE INDEX IF NOT EXISTS events_by_time ON events(kind, ts)",
    "CREATE INDEX IF NOT EXISTS turns_by_session ON turns(session_id, id)",
    "CREATE INDEX IF NOT EXISTS sessions_by_owner ON sessions(owner, updated)",
]

_INDEX = (
    "id, owner, company, language, plan_type, created, updated, done, total, damaged, user_turns"
)


class SessionInfo(BaseModel):
    id: str
    company: str
    language: str
    plan_type: str
    created: str
    updated: str
    done: int = 0
    total: int = 0
    owner: str = ""
    # the saved state cannot be read: it can be deleted, and hurts nobody else
    damaged: bool = False
    user_turns: int = 0  # messages the user sent (0: an untouched welcome-only plan)


class VersionInfo(BaseModel):
    revision: int
    at: str
    who: str  # who made the change ("user": every change is the user's answer, fix or accept)
    note: str  # what caused it: the user's message or action


class Turn(BaseModel):
    role: str
    text: str
    ts: str


class Conflict(AssistantError):
    """Another writer saved the plan between this turn's load and its save."""


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    def execute(self, sql: str, params: tuple[Any, ...] = ...) -> Cursor: ...


def _not_found(session_id: str) -> SessionNotFound:
    return SessionNotFound(
        f"No saved plan with id '{session_id}'.", f"'{session_id}' 계획을 찾을 수 없습니다."
    )


def _damaged(session_id: str) -> DamagedPlan:
    return DamagedPlan(
        f"The saved plan '{session_id}' cannot be read (it is damaged). Start a new plan, "
        f"or delete it with: python -m assistant sessions delete {session_id}",
        f"저장된 계획 '{session_id}'을(를) 읽을 수 없습니다(손상됨). 새 계획을 시작하거나 "
        f"다음 명령으로 지우세요: python -m assistant sessions delete {session_id}",
    )


class SessionStore(ABC):
    """Sessions, turns and plans. One short transaction per call; saves are compare-and-swap."""

    backend = ""

    @abstractmethod
    def _connect(self) -> AbstractContextManager[Connection]:
        """A connection inside one transaction (committed on success, rolled back on error)."""

    def _reading(self) -> AbstractContextManager[Connection]:
        """A connection for reads only (SQLite lets them run beside a writer)."""
        return self._connect()

    @abstractmethod
    def describe(self) -> str:
        """Where the sessions live, without credentials."""

    def _sql(self, sql: str) -> str:
        return sql

    def _run(self, db: Connection, sql: str, *params: Any) -> Cursor:
        return db.execute(self._sql(sql), params)

    # ----- plans --------------------------------------------------------------------------------
    def create(self, state: InterviewState, owner: str = "") -> str:
        session_id = uuid.uuid4().hex[:12]
        plan = state.plan
        done, total = plan.progress()
        with self._connect() as db:
            self._run(
                db,
                "INSERT INTO sessions (id, owner, company, language, plan_type, created, updated, "
                "done, total, damaged, version, state) VALUES (?,?,?,?,?,?,?,?,?,0,1,?)",
                session_id, owner, plan.company, plan.language, plan.plan_type, plan.created,
                now_iso(), done, total, state.model_dump_json(),
            )  # fmt: skip
            self._record_version(db, session_id, state)
        return session_id

    def load(self, session_id: str) -> InterviewState:
        return self.load_versioned(session_id)[0]

    def load_versioned(self, session_id: str) -> tuple[InterviewState, int]:
        with self._reading() as db:
            row = self._run(
                db, "SELECT state, version FROM sessions WHERE id = ?", session_id
            ).fetchone()
        if row is None:
            raise _not_found(session_id)
        try:
            return InterviewState.model_validate(json.loads(row[0])), int(row[1])
        except (ValueError, TypeError, RecursionError) as exc:
            self._mark_damaged(session_id)
            raise _damaged(session_id) from exc

    def _mark_damaged(self, session_id: str) -> None:
        with self._connect() as db:
            self._run(db, "UPDATE sessions SET damaged = 1 WHERE id = ?", session_id)

    def exists(self, session_id: str) -> bool:
        return self.info(session_id) is not None

    def info(self, session_id: str) -> SessionInfo | None:
        with self._reading() as db:
            row = self._run(
                db, f"SELECT {_INDEX} FROM sessions WHERE id = ?", session_id
            ).fetchone()
        return _info(row) if row else None

    def save(
        self,
        session_id: str,
        state: InterviewState,
        reply: str | None = None,
        expected_version: int | None = None,
    ) -> int:
        """Save the state (and the assistant's reply) in one transaction; returns the new version.
        With `expected_version`, the save happens only if nobody saved in between (else Conflict)."""
        plan = state.plan
        done, total = plan.progress()
        sql = (
            "UPDATE sessions SET company=?, language=?, plan_type=?, updated=?, done=?, total=?, "
            "damaged=0, version=version+1, state=? WHERE id=?"
        )
        params: list[Any] = [plan.company, plan.language, plan.plan_type, now_iso(), done, total,
                             state.model_dump_json(), session_id]  # fmt: skip
        if expected_version is not None:
            sql += " AND version=?"
            params.append(expected_version)
        with self._connect() as db:
            if self._run(db, sql, *params).rowcount == 0:
                row = self._run(db, "SELECT 1 FROM sessions WHERE id = ?", session_id).fetchone()
                if row is None:
                    raise _not_found(session_id)
                raise Conflict(
                    "This plan was changed in another tab or window at the same time. Your message "
                    "is saved; send it again to apply it to the latest plan.",
                    "다른 탭이나 창에서 같은 계획이 동시에 바뀌었습니다. 메시지는 저장되어 있으니 "
                    "최신 계획에 반영하려면 다시 보내 주세요.",
                )
            if reply is not None:
                self._add_turn(db, session_id, "assistant", reply)
            self._record_version(db, session_id, state)
            row = self._run(db, "SELECT version FROM sessions WHERE id = ?", session_id).fetchone()
        return int(row[0])

    # ----- versions -------------------------------------------------------------------------
    def _record_version(self, db: Connection, session_id: str, state: InterviewState) -> None:
        """A new plan revision is kept with who made it and the message that caused it."""
        plan = state.plan
        seen = self._run(
            db, "SELECT 1 FROM plan_versions WHERE session_id = ? AND revision = ?",
            session_id, plan.revision,
        ).fetchone()  # fmt: skip
        if seen:
            return
        last = self._run(
            db, "SELECT text FROM turns WHERE session_id = ? AND role = 'user' ORDER BY id DESC LIMIT 1",
            session_id,
        ).fetchone()  # fmt: skip
        note = (str(last[0]) if last else "")[:200]
        self._run(
            db, "INSERT INTO plan_versions (session_id, revision, at, who, note, plan) VALUES (?,?,?,?,?,?)",
            session_id, plan.revision, now_iso(), "user", note, plan.model_dump_json(),
        )  # fmt: skip
        self._run(
            db, "DELETE FROM plan_versions WHERE session_id = ? AND revision <= ?",
            session_id, plan.revision - MAX_VERSIONS,
        )  # fmt: skip

    def versions(self, session_id: str) -> list[VersionInfo]:
        with self._reading() as db:
            rows = self._run(
                db, "SELECT revision, at, who, note FROM plan_versions WHERE session_id = ? ORDER BY revision",
                session_id,
            ).fetchall()  # fmt: skip
        return [VersionInfo(revision=int(r[0]), at=str(r[1]), who=str(r[2]), note=str(r[3])) for r in rows]  # fmt: skip

    def version_plan(self, session_id: str, revision: int) -> Plan | None:
        with self._reading() as db:
            row = self._run(
                db, "SELECT plan FROM plan_versions WHERE session_id = ? AND revision = ?",
                session_id, revision,
            ).fetchone()  # fmt: skip
        return Plan.model_validate_json(row[0]) if row else None

    def created_since(self, owner: str, since_iso: str) -> int:
        with self._reading() as db:
            row = self._run(
                db,
                "SELECT COUNT(*) FROM sessions WHERE owner = ? AND created >= ?",
                owner,
                since_iso,
            ).fetchone()
        return int(row[0])

    def delete(self, session_id: str) -> None:
        with self._connect() as db:
            self._run(db, "DELETE FROM turns WHERE session_id = ?", session_id)
            self._run(db, "DELETE FROM plan_versions WHERE session_id = ?", session_id)
            if self._run(db, "DELETE FROM sessions WHERE id = ?", session_id).rowcount == 0:
                raise _not_found(session_id)

    # ----- rate-limit events ------------------------------------------------------------------
    def add_event(self, kind: str, key: str, ts: float, keep: float) -> None:
        """Record one event; events of this kind older than `keep` seconds are dropped."""
        with self._connect() as db:
            self._run(db, "DELETE FROM events WHERE kind = ? AND ts < ?", kind, ts - keep)
            self._run(db, "INSERT INTO events (kind, key, ts) VALUES (?,?,?)", kind, key, ts)

    def event_times(
        self, kind: str, key: str | None, since: float, limit: int = 100
    ) -> list[float]:
        """The newest `limit` event times since `since` for one key (any key when None), oldest
        first."""
        where, params = ("AND key = ? ", (key,)) if key is not None else ("", ())
        with self._reading() as db:
            rows = self._run(
                db,
                f"SELECT ts FROM events WHERE kind = ? {where}AND ts >= ? ORDER BY ts DESC LIMIT ?",
                kind, *params, since, limit,
            ).fetchall()  # fmt: skip
        return sorted(float(r[0]) for r in rows)

    def clear_events(self, kind: str, key: str) -> None:
        with self._connect() as db:
            self._run(db, "DELETE FROM events WHERE kind = ? AND key = ?", kind, key)

    # ----- turns ------------------------------------------------------------------------------
    def _add_turn(self, db: Connection, session_id: str, role: str, text: str) -> None:
        self._run(
            db,
            "INSERT INTO turns (session_id, role, text, ts) VALUES (?,?,?,?)",
            session_id, role, text, now_iso(),
        )  # fmt: skip
        if role == "user":
            self._run(
                db, "UPDATE sessions SET user_turns = user_turns + 1 WHERE id = ?", session_id
            )

    def add_turn(self, session_id: str, role: str, text: str) -> None:
        with self._connect() as db:
            self._add_turn(db, session_id, role, text)

    def clear_turns(self, session_id: str) -> None:
        with self._connect() as db:
            self._run(db, "DELETE FROM turns WHERE session_id = ?", session_id)
            self._run(db, "UPDATE sessions SET user_turns = 0 WHERE id = ?", session_id)

    def turns(self, session_id: str) -> list[Turn]:
        with self._reading() as db:
            rows = self._run(
                db, "SELECT role, text, ts FROM turns WHERE session_id = ? ORDER BY id", session_id
            ).fetchall()
        return [Turn(role=r[0], text=r[1], ts=r[2]) for r in rows]

    def turn_count(self, session_id: str) -> int:
        with self._reading() as db:
            row = self._run(
                db, "SELECT COUNT(*) FROM turns WHERE session_id = ?", session_id
            ).fetchone()
        return int(row[0])

    def list(  # noqa: A003 - last in the class so 'list' below means the builtin
        self, owner: str | None = None
    ) -> list[SessionInfo]:
        """Plans from the listing index, newest first: all of them, or one owner's."""
        sql = f"SELECT {_INDEX} FROM sessions"
        params: tuple[Any, ...] = ()
        if owner is not None:
            sql += " WHERE owner = ?"
            params = (owner,)
        with self._reading() as db:
            rows = self._run(db, sql + " ORDER BY updated DESC, id DESC", *params).fetchall()
        return [_info(r) for r in rows]

    def _backfill_index(self) -> None:
        """Fill the listing columns of rows saved before they existed (loads each plan once)."""
        with self._connect() as db:
            rows = self._run(db, "SELECT id, state FROM sessions WHERE total = 0").fetchall()
            for sid, raw in rows:
                try:
                    done, total = InterviewState.model_validate(json.loads(raw)).plan.progress()
                    self._run(
                        db, "UPDATE sessions SET done=?, total=? WHERE id=?", done, total, sid
                    )
                except (ValueError, TypeError, RecursionError):
                    self._run(db, "UPDATE sessions SET damaged=1 WHERE id=?", sid)


def _info(row: Any) -> SessionInfo:
    return SessionInfo(
        id=row[0], owner=row[1], company=row[2], language=row[3], plan_type=row[4], created=row[5],
        updated=row[6], done=row[7], total=row[8], damaged=bool(row[9]), user_turns=row[10],
    )  # fmt: skip

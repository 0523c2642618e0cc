"""Session storage in SQLite: every turn and the interview state, saved before the reply shows."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from assistant.core.errors import DamagedPlan, SessionNotFound
from assistant.core.plan import now_iso
from assistant.interview.engine import InterviewState

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    company TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    plan_type TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    ts TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_by_session ON turns(session_id, id);
"""


class SessionInfo(BaseModel):
    id: str
    company: str
    language: str
    plan_type: str
    created: str
    updated: str
    done: int = 0
    total: int = 0
    damaged: bool = (
        False  # the saved state cannot be read: it can be deleted, and hurts nobody else
    )


class Turn(BaseModel):
    role: str
    text: str
    ts: str


class SessionStore:
    """A small SQLite store; one short transaction per write, WAL so readers never block."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            with db:
                yield db
        finally:
            db.close()

    def create(self, state: InterviewState) -> str:
        session_id = uuid.uuid4().hex[:12]
        plan = state.plan
        with self._connect() as db:
            db.execute(
                "INSERT INTO sessions (id, company, language, plan_type, created, updated, state) VALUES (?,?,?,?,?,?,?)",
                (
                    session_id,
                    plan.company,
                    plan.language,
                    plan.plan_type,
                    plan.created,
                    now_iso(),
                    state.model_dump_json(),
                ),
            )
        return session_id

    def load(self, session_id: str) -> InterviewState:
        with self._connect() as db:
            row = db.execute("SELECT state FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise SessionNotFound(
                f"No saved plan with id '{session_id}'.", f"'{session_id}' 계획을 찾을 수 없습니다."
            )
        try:
            return InterviewState.model_validate(json.loads(row[0]))
        except (ValueError, TypeError, RecursionError) as exc:
            raise DamagedPlan(
                f"The saved plan '{session_id}' cannot be read (it is damaged). Start a new plan, "
                f"or delete it with: python -m assistant sessions delete {session_id}",
                f"저장된 계획 '{session_id}'을(를) 읽을 수 없습니다(손상됨). 새 계획을 시작하거나 "
                f"다음 명령으로 지우세요: python -m assistant sessions delete {session_id}",
            ) from exc

    def exists(self, session_id: str) -> bool:
        with self._connect() as db:
            return (
                db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
                is not None
            )

    def add_turn(self, session_id: str, role: str, text: str) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO turns (session_id, role, text, ts) VALUES (?,?,?,?)",
                (session_id, role, text, now_iso()),
            )

    def save(self, session_id: str, state: InterviewState, reply: str | None = None) -> None:
        """Save the state (and the assistant's reply) in one transaction."""
        plan = state.plan
        with self._connect() as db:
            cur = db.execute(
                "UPDATE sessions SET company=?, language=?, plan_type=?, updated=?, state=? WHERE id=?",
                (
                    plan.company,
                    plan.language,
                    plan.plan_type,
                    now_iso(),
                    state.model_dump_json(),
                    session_id,
                ),
            )
            if cur.rowcount == 0:
                raise SessionNotFound(
                    f"No saved plan with id '{session_id}'.",
                    f"'{session_id}' 계획을 찾을 수 없습니다.",
                )
            if reply is not None:
                db.execute(
                    "INSERT INTO turns (session_id, role, text, ts) VALUES (?,?,?,?)",
                    (session_id, "assistant", reply, now_iso()),
                )

    def turns(self, session_id: str) -> list[Turn]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT role, text, ts FROM turns WHERE session_id = ? ORDER BY id", (session_id,)
            ).fetchall()
        return [Turn(role=r[0], text=r[1], ts=r[2]) for r in rows]

    def turn_count(self, session_id: str) -> int:
        with self._connect() as db:
            return int(
                db.execute(
                    "SELECT COUNT(*) FROM turns WHERE session_id = ?", (session_id,)
                ).fetchone()[0]
            )

    def list(self) -> list[SessionInfo]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, company, language, plan_type, created, updated, state FROM sessions ORDER BY updated DESC, rowid DESC"
            ).fetchall()
        out = []
        for r in rows:
            damaged = False
            try:
                done, total = InterviewState.model_validate(json.loads(r[6])).plan.progress()
            except (
                ValueError,
                TypeError,
                RecursionError,
            ):  # one damaged plan must not hide the rest
                done, total, damaged = 0, 0, True
            out.append(
                SessionInfo(
                    id=r[0], company=r[1], language=r[2], plan_type=r[3], created=r[4],
                    updated=r[5], done=done, total=total, damaged=damaged,
                )
            )  # fmt: skip
        return out

    def delete(self, session_id: str) -> None:
        with self._connect() as db:
            cur = db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            db.execute("DELETE FROM turns WHERE session_id = ?", (session_id,))
        if cur.rowcount == 0:
            raise SessionNotFound(
                f"No saved plan with id '{session_id}'.", f"'{session_id}' 계획을 찾을 수 없습니다."
            )

import os
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from assistant.core.errors import SessionNotFound
from assistant.core.settings import Settings
from assistant.service import PlanService
from tests.conftest import PYTHON, REPO, cli_env


def test_every_turn_is_persisted_and_sessions_can_be_listed_resumed_deleted(
    settings: Settings,
) -> None:
    service = PlanService(settings)
    sid, _ = service.new_session("Acme", "en")
    service.turn(sid, "Cafés in Seoul.")
    service.turn(sid, "skip")
    other, _ = service.new_session("Beta", "ko", "sales")
    roles = [(t.role, t.text) for t in service.history(sid)]
    assert ("user", "Cafés in Seoul.") in roles and ("user", "skip") in roles
    assert roles[-1][0] == "assistant"
    listed = {s.id: s for s in service.sessions()}
    assert listed[sid].company == "Acme" and listed[sid].done == 1
    assert listed[other].plan_type == "sales" and listed[other].total == 11
    fresh = PlanService(settings)  # a restart
    assert fresh.plan(sid).section("mkt_market_analysis").content == "Cafés in Seoul."
    assert fresh.state(sid).cursor == "mkt_audience_personas"
    fresh.delete(other)
    with pytest.raises(SessionNotFound):
        fresh.plan(other)


def test_a_failing_turn_keeps_the_users_text(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = PlanService(settings)
    sid, _ = service.new_session()

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("assistant.interview.engine.apply_answer", boom)
    reply = service.turn(sid, "An answer that hits a bug")
    assert reply.kind == "error" and "saved" in reply.text
    assert any(t.text == "An answer that hits a bug" for t in service.history(sid))


class Output:
    """Reads a child's stdout without losing what arrives between waits."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.fd = proc.stdout.fileno()
        self.buf = b""
        self.pos = 0

    def wait_for(self, marker: bytes, timeout: float = 60) -> bytes:
        end = time.monotonic() + timeout
        while marker not in self.buf[self.pos :]:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {marker!r}; got {self.buf[-500:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    raise AssertionError(f"process ended; output {self.buf[-500:]!r}")
                self.buf += chunk
        found = self.buf.index(marker, self.pos) + len(marker)
        seen, self.pos = self.buf[self.pos : found], found
        return seen


def test_killed_chat_process_loses_nothing_already_answered(isolated_env: Path) -> None:
    env = cli_env(isolated_env)
    cmd = [PYTHON, "-m", "assistant", "chat", "--new", "--company", "KillCo"]
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=REPO,
    )
    assert proc.stdin is not None
    out = Output(proc)
    try:
        out.wait_for(b"[1/23]")
        out.wait_for(b"> ")
        for answer in (b"Retail chains in North America.\n", b"Chains with 20-200 stores.\n"):
            proc.stdin.write(answer)
            proc.stdin.flush()
            out.wait_for(b"> ")
        proc.stdin.write(b"Operations directors, 35-50. Pain: late reports.\n")
        proc.stdin.flush()
        out.wait_for(b"[4/23]")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    out = subprocess.run(
        [PYTHON, "-m", "assistant", "chat"],
        input=b"progress\n",
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr.decode()
    assert "3/23 sections done" in text
    assert "[4/23] Marketing Goals and Objectives" in text
    assert "[x] Target Audience and Buyer Personas" in text


def test_a_sessions_file_from_the_previous_release_is_upgraded(tmp_path: Path) -> None:
    import sqlite3

    from assistant.core.plan import Plan
    from assistant.interview.engine import InterviewState
    from assistant.store.sqlite import SqliteStore

    path = tmp_path / "sessions.sqlite3"
    state = InterviewState(plan=Plan.new("Old Co", "en"))
    state.plan.section("mkt_market_analysis").status = "answered"
    with sqlite3.connect(path) as db:  # the first release's schema: no owner, index or version
        db.executescript(
            "CREATE TABLE sessions (id TEXT PRIMARY KEY, company TEXT NOT NULL DEFAULT '', language TEXT NOT NULL,"
            " plan_type TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL, state TEXT NOT NULL);"
            "CREATE TABLE turns (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, role TEXT NOT NULL,"
            " text TEXT NOT NULL, ts TEXT NOT NULL);"
        )
        db.execute(
            "INSERT INTO sessions VALUES (?,?,?,?,?,?,?)",
            (
                "old1",
                "Old Co",
                "en",
                "integrated",
                "2026-01-01",
                "2026-01-02",
                state.model_dump_json(),
            ),
        )
    store = SqliteStore(path)
    [info] = store.list()
    assert info.id == "old1" and info.done == 1 and info.total == 23 and info.owner == ""
    loaded, version = store.load_versioned("old1")
    assert store.save("old1", loaded, expected_version=version) == version + 1


def test_switching_an_untouched_plan_to_korean_greets_with_the_welcome(settings: Settings) -> None:
    from assistant.core.ui_text import t

    service = PlanService(settings)
    sid, _ = service.new_session("", "en", owner="browser:k")
    service.set_language(sid, "ko", owner="browser:k")
    greeting = service.history(sid, "browser:k")[-1].text
    assert "다시 오셨네요" not in greeting
    assert t("welcome", "ko", mode="X", kind="Y").split("X")[0] in greeting

"""Login throttling: refusals are immediate (429 + Retry-After, nothing sleeps), counters live in
the store (shared by processes, cleared only by age) and a lockout holds against a flood of names."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.store.sqlite import SqliteStore
from assistant.web.login import LOCK_AFTER, WINDOW, LoginLimiter, delay_after
from tests.conftest import PYTHON, REPO, cli_env, free_port, stop_process, wait_for_port


def test_each_failure_makes_the_next_attempt_wait_longer(tmp_path: Path) -> None:
    limiter = LoginLimiter(SqliteStore(tmp_path / "s.db"))
    now = 1_000_000.0
    assert limiter.check("team", "10.0.0.1", now) is None
    limiter.failed("team", "10.0.0.1", now)
    refusal = limiter.check("team", "10.0.0.1", now + 0.1)
    assert refusal is not None and not refusal.locked and 0 < refusal.wait <= delay_after(1)
    assert limiter.check("team", "10.0.0.1", now + delay_after(1) + 0.01) is None
    assert [delay_after(n) for n in range(1, 5)] == [0.5, 1.0, 2.0, 4.0]
    assert delay_after(30) == 30.0
    assert limiter.check("someone-else", "10.0.0.1", now + 0.1) is None  # per name


def test_a_locked_name_stays_locked_through_a_flood_of_other_names(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.db")
    limiter = LoginLimiter(store)
    now = 2_000_000.0
    for n in range(LOCK_AFTER):
        now += delay_after(n) + 0.1  # each attempt just after its wait: all inside the window
        limiter.failed("team", "10.0.0.1", now)
    assert now - 2_000_000.0 < WINDOW
    locked = limiter.check("team", "10.0.0.9", now + 31)
    assert locked is not None and locked.locked and locked.wait > 60
    assert limiter.check("team", "10.0.0.9", now + 31) is not None  # the right password too
    assert "Try again in" in locked.message("en") and "분" in locked.message("ko")
    for n in range(10_050):  # random names from many addresses (the old table cleared at 10,000)
        limiter.failed(f"guess-{n}", f"192.0.{n // 250}.{n % 250}", now + 31 + n * 0.001)
    again = limiter.check("team", "10.0.0.9", now + 60)
    assert again is not None and again.locked
    # a second process (another limiter on the same database) sees the same lockout
    assert LoginLimiter(SqliteStore(tmp_path / "s.db")).check("team", "x", now + 60) is not None


def test_one_address_guessing_many_names_is_stopped(tmp_path: Path) -> None:
    limiter = LoginLimiter(SqliteStore(tmp_path / "s.db"))
    now = 3_000_000.0
    for n in range(60):
        limiter.failed(f"name-{n}", "203.0.113.5", now + n)
    refusal = limiter.check("a-fresh-name", "203.0.113.5", now + 61)
    assert refusal is not None and refusal.locked
    assert limiter.check("a-fresh-name", "198.51.100.7", now + 61) is None


def test_a_success_clears_the_names_failures(tmp_path: Path) -> None:
    limiter = LoginLimiter(SqliteStore(tmp_path / "s.db"))
    now = 4_000_000.0
    limiter.failed("team", "10.0.0.1", now)
    limiter.succeeded("team")
    assert limiter.check("team", "10.0.0.1", now + 0.1) is None


@pytest.fixture
def login_app(tmp_path: Path, built_index_dir: Path) -> Iterator[str]:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(built_index_dir, data)
    env = cli_env(data) | {"PLAN_AUTH_USER": "team", "PLAN_AUTH_PASSWORD": "correct horse 42"}
    port = free_port()
    log = (tmp_path / "app.log").open("w")
    proc = subprocess.Popen([PYTHON, "app.py", "--port", str(port)], cwd=REPO, env=env,
                            stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_for_port(port, 90, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(proc)


def test_a_throttled_login_never_holds_up_a_signed_in_user(login_app: str) -> None:
    good = {"username": "team", "password": "correct horse 42"}
    with (
        httpx.Client(base_url=login_app, timeout=60) as member,
        httpx.Client(base_url=login_app, timeout=60) as attacker,
    ):
        assert member.post("/login", data=good).status_code == 200
        assert member.get("/config").status_code == 200
        assert attacker.post("/login", data={**good, "password": "wrong"}).status_code == 400
        throttled: list[httpx.Response] = []

        def hammer() -> None:
            for _ in range(5):
                throttled.append(attacker.post("/login", data={**good, "password": "wrong"}))

        thread = threading.Thread(target=hammer)
        thread.start()
        served = member.get("/config")  # while the attacker is being refused
        thread.join(timeout=60)
        assert served.status_code == 200
        # how long the member waited depends on the machine; that the throttle never sleeps (the
        # old blocking sleep held every request for up to 30 s) is asserted without a clock in
        # test_a_refused_sign_in_is_answered_at_once_and_nothing_sleeps
        refused = [r for r in throttled if r.status_code == 429]
        assert refused, [r.status_code for r in throttled]
        assert int(refused[0].headers["retry-after"]) >= 1
        assert "Try again in" in refused[0].json()["detail"]
        # six recorded failures (each after its wait) make the next wait 16 s; inside it even the
        # right password is refused, with the time left (in Korean too)
        failures = 1
        while failures < 6:
            answer = attacker.post("/login", data={**good, "password": "wrong"})
            if answer.status_code == 429:
                time.sleep(float(answer.headers["retry-after"]))
            else:
                assert answer.status_code == 400
                failures += 1
        korean = attacker.post("/login", data=good, headers={"Accept-Language": "ko-KR"})
        assert korean.status_code == 429 and "뒤에 다시 시도하세요" in korean.json()["detail"]


def test_a_refused_sign_in_is_answered_at_once_and_nothing_sleeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The throttle answers a refused sign-in with 429 and Retry-After straight away: no sleep,
    blocking or not, so it can never hold up other requests (checked without a clock)."""
    import asyncio

    from assistant.web.login import LoginThrottle

    def no_sleep(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the login throttle slept")

    limiter = LoginLimiter(SqliteStore(tmp_path / "s.sqlite3"))
    now = time.time()
    for _ in range(LOCK_AFTER):
        limiter.failed("team", "10.0.0.9", now=now)
    reached: list[str] = []

    async def inner(scope: object, receive: object, send: object) -> None:
        reached.append("app")

    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"username=team&password=wrong", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    monkeypatch.setattr(time, "sleep", no_sleep)
    monkeypatch.setattr(asyncio, "sleep", no_sleep)
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/login",
        "headers": [],
        "client": ("10.0.0.9", 1),
    }
    asyncio.run(LoginThrottle(inner, limiter)(scope, receive, send))
    assert not reached  # refused before the password is checked
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 429
    assert any(k == b"retry-after" and int(v) >= 1 for k, v in start["headers"])  # type: ignore[union-attr, misc]

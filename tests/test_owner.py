"""Owner identity for the web app: signed cookies, login throttling, safe Markdown, settings."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.core.settings import Settings
from assistant.web.owner import owner_from, secret_key, sign, verify
from assistant.web.views import safe_markdown


def test_a_cookie_is_trusted_only_with_this_servers_signature(settings: Settings) -> None:
    key = secret_key(settings)
    assert secret_key(settings) == key and len(key) >= 32  # kept across restarts
    assert (settings.data_dir / "secret.key").stat().st_mode & 0o077 == 0
    token = sign("abc123", key)
    assert verify(token, key) == "abc123"
    assert verify(token, b"another-server-key-0000") is None
    assert verify("abc123.0000", key) is None and verify("victim-id", key) is None
    assert owner_from({"plan_owner": token}, None, key) == "browser:abc123"
    assert owner_from({"plan_owner": "forged.x"}, None, key) is None
    assert owner_from({"plan_owner": token}, "alice", key) == "user:alice"  # a login wins


def test_blank_credentials_count_as_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_AUTH_USER", "   ")
    monkeypatch.setenv("PLAN_AUTH_PASSWORD", "")
    s = Settings()
    assert s.auth_user is None and s.auth_password is None


def test_safe_markdown_shows_html_as_text_and_keeps_tildes() -> None:
    out = safe_markdown(
        '<form action="x"><input></form> <b style="position:fixed">hi</b> 20~40대 **bold**'
    )
    assert "<form" not in out and "<b " not in out and "&lt;form" in out
    assert "20\\~40대" in out and "<strong>bold</strong>" in out
    assert safe_markdown("goto <section name>") == "goto &lt;section name>"
    assert safe_markdown("> Current answer").startswith(">")  # a quote stays a quote


def test_upload_throttle_limits_each_key_and_forgets_the_idle_ones_first() -> None:
    from assistant.web.owner import MemoryThrottle

    throttle = MemoryThrottle(limit=3)
    assert [throttle.allow("a") for _ in range(4)] == [True, True, True, False]
    assert throttle.allow("b")  # another key has its own allowance
    for n in range(10_050):
        throttle.allow(f"k{n}")
    assert len(throttle.events) <= 10_001 and "a" not in throttle.events  # bounded memory


def test_the_new_plan_limit_is_shared_through_the_store(settings: Settings) -> None:
    """Two app processes (two throttles on one database) share one allowance per address."""
    from assistant.store.sqlite import SqliteStore
    from assistant.web.owner import Throttle

    first = Throttle(SqliteStore(settings.sessions_db), "new_plan_address", limit=3)
    second = Throttle(SqliteStore(settings.sessions_db), "new_plan_address", limit=3)
    assert [first.allow("10.0.0.1"), second.allow("10.0.0.1"), first.allow("10.0.0.1")] == [
        True
    ] * 3
    assert not second.allow("10.0.0.1") and second.allow("10.0.0.2")


def test_a_chunked_body_over_the_limit_gets_413() -> None:
    """No Content-Length (chunked): the body is counted as it arrives and refused with 413."""
    import asyncio

    from starlette.requests import Request
    from starlette.responses import PlainTextResponse

    from assistant.web.owner import BodyLimit

    async def app(scope: Any, receive: Any, send: Any) -> None:
        try:
            body = await Request(scope, receive).body()
            response = PlainTextResponse(f"read {len(body)}")
        except Exception:
            response = PlainTextResponse("bad request", status_code=400)
        await response(scope, receive, send)

    async def run(chunks: list[bytes]) -> list[dict[str, Any]]:
        sent: list[dict[str, Any]] = []
        queue = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
                 for i, c in enumerate(chunks)]  # fmt: skip

        async def receive() -> dict[str, Any]:
            return queue.pop(0) if queue else {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": "/gradio_api/queue/join", "headers": []}
        await BodyLimit(app, limit=1000, upload_limit=5000)(scope, receive, send)
        return sent

    refused = asyncio.run(run([b"x" * 600, b"x" * 600, b"x" * 600]))
    starts = [m for m in refused if m["type"] == "http.response.start"]
    assert [m["status"] for m in starts] == [413]
    fine = asyncio.run(run([b"x" * 400, b"x" * 400]))
    assert [m["status"] for m in fine if m["type"] == "http.response.start"] == [200]

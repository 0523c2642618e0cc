"""gradio's event stream is bound to the browser (owner cookie) that first used its session hash."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from assistant.web.owner import COOKIE, sign
from assistant.web.streams import EventStreamGuard, StreamOwners

KEY = b"k" * 32


async def _inner(scope: Any, receive: Any, send: Any) -> None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"seen " + body})


def _call(guard: EventStreamGuard, browser: str, method: str, path: str, query: str = "",
          body: bytes = b"") -> tuple[int, bytes]:  # fmt: skip
    sent: list[dict[str, Any]] = []
    chunks = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, Any]:
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    cookie = f"{COOKIE}={sign(browser, KEY)}".encode()
    scope = {"type": "http", "method": method, "path": path, "query_string": query.encode(),
             "headers": [(b"cookie", cookie)]}  # fmt: skip
    asyncio.run(guard(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_only_the_browser_that_joined_reads_its_stream() -> None:
    guard = EventStreamGuard(_inner, KEY)
    join = json.dumps({"session_hash": "abc123", "fn_index": 3, "data": []}).encode()
    status, body = _call(guard, "alice", "POST", "/gradio_api/queue/join", body=join)
    assert status == 200 and b"abc123" in body  # the app still gets the whole body
    assert _call(guard, "alice", "GET", "/gradio_api/queue/data", "session_hash=abc123")[0] == 200
    assert _call(guard, "mallory", "GET", "/gradio_api/queue/data", "session_hash=abc123")[0] == 403
    assert _call(guard, "mallory", "POST", "/gradio_api/heartbeat/abc123")[0] == 403
    assert _call(guard, "mallory", "POST", "/gradio_api/queue/join", body=join)[0] == 403
    # a hash first seen on the stream belongs to whoever opened it
    assert _call(guard, "bob", "GET", "/gradio_api/queue/data", "session_hash=zzz")[0] == 200
    assert _call(guard, "alice", "GET", "/gradio_api/queue/data", "session_hash=zzz")[0] == 403


def test_bindings_are_bounded() -> None:
    owners = StreamOwners(limit=100)
    for n in range(1_000):
        owners.claim(f"h{n}", "x")
    assert len(owners.owners) == 100

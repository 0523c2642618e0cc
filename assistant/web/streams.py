"""gradio's event stream is addressed by a session hash the browser makes up; whoever holds the
hash could read that browser's replies. This middleware binds each hash to the owner cookie that
first used it (joining the queue or opening the stream) and refuses it to any other browser."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qs

from assistant.web.owner import COOKIE, ASGIApp, Scope, _cookies, _refuse, verify

MAX_BINDINGS = 50_000
MAX_JOIN_BODY = 2_000_000


class StreamOwners:
    """session hash -> owner id, bounded (the longest-unused hashes are forgotten first)."""

    def __init__(self, limit: int = MAX_BINDINGS) -> None:
        self.limit = limit
        self.owners: OrderedDict[str, str] = OrderedDict()
        self.lock = threading.Lock()

    def claim(self, session_hash: str, owner: str) -> bool:
        """True when the hash is (now) this owner's; False when another owner holds it."""
        with self.lock:
            held = self.owners.get(session_hash)
            if held is not None and held != owner:
                return False
            self.owners[session_hash] = owner
            self.owners.move_to_end(session_hash)
            while len(self.owners) > self.limit:
                self.owners.popitem(last=False)
            return True


def _hash_in_path(path: str) -> str | None:
    """The session hash of /gradio_api/heartbeat/{hash}."""
    head, _, tail = path.rstrip("/").rpartition("/")
    return tail if head.endswith("/heartbeat") and tail else None


class EventStreamGuard:
    def __init__(self, app: ASGIApp, key: bytes, owners: StreamOwners | None = None) -> None:
        self.app, self.key = app, key
        self.owners = owners or StreamOwners()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        owner = verify(_cookies(scope).get(COOKIE), self.key) or ""
        session_hash: str | None = None
        if path.endswith("/queue/data"):
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            session_hash = (query.get("session_hash") or [None])[0]
        elif "/heartbeat/" in path:
            session_hash = _hash_in_path(path)
        elif path.endswith("/queue/join") and scope.get("method") == "POST":
            body, receive = await _buffered(receive)
            try:
                found = json.loads(body or b"{}").get("session_hash")
            except (ValueError, AttributeError):
                found = None
            session_hash = found if isinstance(found, str) else None
        if session_hash and not self.owners.claim(session_hash[:200], owner):
            await _refuse(send, 403, b"This event stream belongs to another browser.")
            return
        await self.app(scope, receive, send)


async def _buffered(receive: Any) -> tuple[bytes, Any]:
    """The request body (up to MAX_JOIN_BODY; more is passed on unread) and a receive that
    replays it to the app."""
    messages: list[dict[str, Any]] = []
    body = b""
    while True:
        message = await receive()
        messages.append(message)
        body += message.get("body", b"")
        if not message.get("more_body") or len(body) > MAX_JOIN_BODY:
            break

    async def replay() -> Any:
        return messages.pop(0) if messages else await receive()

    return body, replay

"""Who is asking: each browser gets a signed, HttpOnly owner cookie the server issues and checks;
with a login, plans belong to the user. Logins are throttled in assistant.web.login."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from assistant.core.settings import Settings
from assistant.store import SessionStore

COOKIE = "plan_owner"
_YEAR = 365 * 24 * 3600

Scope = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]
]


def secret_key(settings: Settings) -> bytes:
    """PLAN_SECRET_KEY, or a random key kept in the data dir (0600) so restarts keep cookies."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = Path(settings.data_dir) / "secret.key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    except FileExistsError:
        pass
    return path.read_text().strip().encode()


def sign(value: str, key: bytes) -> str:
    mac = hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{value}.{mac}"


def verify(token: str | None, key: bytes) -> str | None:
    """The owner id inside a signed token, or None when it was not issued by this server."""
    if not token or "." not in token or len(token) > 100:
        return None
    value, _, mac = token.rpartition(".")
    good = hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]
    return value if hmac.compare_digest(mac, good) else None


def _cookies(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, raw in scope.get("headers", []):
        if name == b"cookie":
            for part in raw.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                out[k] = v
    return out


class OwnerCookie:
    """ASGI middleware: a request without a valid owner cookie gets a new one (HttpOnly,
    SameSite=Lax), also visible to the handlers of that same request."""

    def __init__(self, app: ASGIApp, key: bytes, uploads_per_hour: int = 60) -> None:
        self.app = app
        self.key = key
        self.uploads = MemoryThrottle(uploads_per_hour)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        valid = verify(_cookies(scope).get(COOKIE), self.key)
        upload = scope["type"] == "http" and scope.get("path", "").endswith("/upload")
        # uploads only from a page this server has served, and a bounded number per browser
        if upload and (not valid or not self.uploads.allow(valid)):
            await _refuse(send, 403, b"Open the app page first; uploads are limited per browser.")
            return
        if scope["type"] != "http" or valid:
            await self.app(scope, receive, send)
            return
        token = sign(secrets.token_hex(16), self.key)
        scope = dict(scope)
        scope["headers"] = [*scope.get("headers", []), (b"cookie", f"{COOKIE}={token}".encode())]
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        cookie = f"{COOKIE}={token}; Path=/; Max-Age={_YEAR}; HttpOnly; SameSite=Lax{secure}"

        async def send_with_cookie(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def owner_from(cookies: dict[str, str], username: str | None, key: bytes) -> str | None:
    """'user:NAME' when logged in, 'browser:ID' from a valid cookie, else None (no access)."""
    if username:
        return f"user:{username}"
    browser = verify(cookies.get(COOKIE), key)
    return f"browser:{browser}" if browser else None


class MemoryThrottle:
    """At most `limit` events per `window` seconds for each key, in this process's memory
    (uploads per browser: cheap enough to check in the event loop). Bounded memory."""

    def __init__(self, limit: int, window: float = 3600.0) -> None:
        self.limit, self.window = limit, window
        self.events: OrderedDict[str, deque[float]] = OrderedDict()
        self.lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self.lock:
            while len(self.events) > 10_000:  # bounded: forget the longest-idle keys first
                self.events.popitem(last=False)
            recent = self.events.setdefault(key, deque())
            self.events.move_to_end(key)
            while recent and now - recent[0] > self.window:
                recent.popleft()
            if len(recent) >= self.limit:
                return False
            recent.append(now)
            return True


class Throttle:
    """At most `limit` events per `window` seconds for each key (e.g. new plans per client
    address, so dropping the cookie does not mean unlimited plans). Kept in the session store, so
    every app process behind a load balancer shares it and a restart does not clear it."""

    def __init__(self, store: SessionStore, kind: str, limit: int, window: float = 3600.0) -> None:
        self.store, self.kind, self.limit, self.window = store, kind, limit, window

    def allow(self, key: str) -> bool:
        now = time.time()
        recent = self.store.event_times(self.kind, key[:200], now - self.window, self.limit)
        if len(recent) >= self.limit:
            return False
        self.store.add_event(self.kind, key[:200], now, self.window)
        return True


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets 413 before it is read (uploads
    have their own, larger limit in gradio)."""

    def __init__(self, app: ASGIApp, limit: int, upload_limit: int) -> None:
        self.app, self.limit, self.upload_limit = app, limit, upload_limit

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_limit if "/upload" in scope.get("path", "") else self.limit
        declared = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(send)
            return
        seen, over, started = 0, False, False

        async def counted() -> Any:
            """The body as it arrives; past the limit (a chunked body declares no length) the
            client gets 413 at once and the app sees a disconnect."""
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                over = True
                if not started:
                    await _too_large(send)
                return {"type": "http.disconnect"}
            return message

        async def guarded(message: dict[str, Any]) -> None:
            nonlocal started
            if over:  # the 413 is already sent: whatever the app answers is dropped
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not over:
                raise


async def _too_large(send: Any) -> None:
    await _refuse(send, 413, b"Request too large.")


async def _refuse(send: Any, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})

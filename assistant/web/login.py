"""Login throttling that slows the attacker, never the server: a sign-in that comes too soon after
failures is answered at once with 429 and Retry-After (nothing sleeps). Failures are counted per
name, per client address and overall, in the session store, so every app process shares them and
only age (never a flood of new names) clears them."""

from __future__ import annotations

import asyncio
import hmac
import json
import math
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Scope

from assistant.store import SessionStore

WINDOW = 600.0  # failures older than this are forgotten
LOCK_AFTER = 20  # failures of one name within WINDOW lock it until the oldest ages out
ADDRESS_LIMIT = 60  # failures from one address within WINDOW (many names from one place)
GLOBAL_WINDOW = 60.0
GLOBAL_LIMIT = 300  # failures from everywhere within GLOBAL_WINDOW (a distributed guess)
MAX_LOGIN_BODY = 16_384


def delay_after(failures: int) -> float:
    """Seconds a name must wait after its last failure: 0.5 s doubling to 30 s."""
    return 0.0 if failures <= 0 else min(30.0, 0.5 * 2 ** (failures - 1))


def password_check(user: str, password: str) -> Any:
    """gradio's auth callable: a constant-time comparison and nothing else (no waiting)."""

    async def check(username: str, given: str) -> bool:
        ok = hmac.compare_digest(username.encode(), user.encode()) & hmac.compare_digest(
            given.encode(), password.encode()
        )
        return bool(ok)

    return check


@dataclass
class Refusal:
    wait: float
    locked: bool

    def message(self, lang: str) -> str:
        seconds = max(1, math.ceil(self.wait))
        if lang == "ko":
            left = f"{seconds // 60}분 {seconds % 60}초" if seconds >= 60 else f"{seconds}초"
            if self.locked:
                return f"로그인 실패가 너무 많아 잠시 잠겼습니다. {left} 뒤에 다시 시도하세요."
            return f"로그인 시도가 너무 잦습니다. {left} 뒤에 다시 시도하세요."
        left = f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"
        if self.locked:
            return f"Too many failed sign-ins: locked for now. Try again in {left}."
        return f"Too many sign-in attempts. Try again in {left}."


class LoginLimiter:
    """The rules, over the store's event table (times are wall-clock seconds, shared by
    processes)."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    def check(self, name: str, address: str, now: float | None = None) -> Refusal | None:
        now = time.time() if now is None else now
        name = name[:100]
        recent = self.store.event_times("login_name", name, now - WINDOW, LOCK_AFTER)
        if len(recent) >= LOCK_AFTER:
            return Refusal(recent[0] + WINDOW - now, locked=True)
        if recent:
            wait = recent[-1] + delay_after(len(recent)) - now
            if wait > 0:
                return Refusal(wait, locked=False)
        by_address = self.store.event_times("login_address", address, now - WINDOW, ADDRESS_LIMIT)
        if len(by_address) >= ADDRESS_LIMIT:
            return Refusal(by_address[0] + WINDOW - now, locked=True)
        everywhere = self.store.event_times("login_any", None, now - GLOBAL_WINDOW, GLOBAL_LIMIT)
        if len(everywhere) >= GLOBAL_LIMIT:
            return Refusal(everywhere[0] + GLOBAL_WINDOW - now, locked=False)
        return None

    def failed(self, name: str, address: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        self.store.add_event("login_name", name[:100], now, WINDOW)
        self.store.add_event("login_address", address, now, WINDOW)
        self.store.add_event("login_any", "", now, GLOBAL_WINDOW)

    def succeeded(self, name: str) -> None:
        self.store.clear_events("login_name", name[:100])


class LoginThrottle:
    """ASGI middleware in front of gradio's POST /login: refuses with 429 (and the time left)
    before the password is even checked, and records each outcome."""

    def __init__(self, app: ASGIApp, limiter: LoginLimiter) -> None:
        self.app, self.limiter = app, limiter
        self.in_flight: set[str] = set()  # names with a sign-in being checked right now

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        path = scope.get("path", "").rstrip("/")
        if scope["type"] != "http" or scope.get("method") != "POST" or path != "/login":
            await self.app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if len(body) > MAX_LOGIN_BODY:
                await _respond(send, 413, {"detail": "Request too large."})
                return
            if not message.get("more_body"):
                break
        form = parse_qs(body.decode("utf-8", "replace"))
        name = (form.get("username") or [""])[0].strip()
        address = (scope.get("client") or ("", 0))[0] or ""
        key = name[:100]
        refusal = (
            Refusal(1.0, locked=False)  # one sign-in per name at a time: no racing the counters
            if key in self.in_flight
            else await asyncio.to_thread(self.limiter.check, name, address)
        )
        if refusal is not None:
            headers = {b"accept-language": b""} | dict(scope.get("headers", []))
            lang = "ko" if headers[b"accept-language"].lower().startswith(b"ko") else "en"
            retry = str(max(1, math.ceil(refusal.wait))).encode()
            await _respond(send, 429, {"detail": refusal.message(lang)}, [(b"retry-after", retry)])
            return
        replayed = False

        async def replay() -> Any:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def watch(message: Any) -> None:
            # the outcome is recorded before the client hears it, so its next attempt is judged
            # with this one counted
            if message["type"] == "http.response.start":
                status = int(message["status"])
                if status == 200:
                    await asyncio.to_thread(self.limiter.succeeded, name)
                elif 400 <= status < 500:
                    await asyncio.to_thread(self.limiter.failed, name, address)
            await send(message)

        self.in_flight.add(key)
        try:
            await self.app(scope, replay, watch)
        finally:
            self.in_flight.discard(key)


async def _respond(
    send: Any, status: int, payload: dict[str, str], extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json; charset=utf-8")] + (extra or [])
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

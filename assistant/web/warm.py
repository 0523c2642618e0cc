"""Warming up after the port opens: the KPI catalogue and the Korean analyser are loaded once the
server has answered its first requests and gone quiet. Kiwi's model takes about two seconds and
holds the interpreter lock for much of it: loaded before the port opened it delayed the page by as
long, and loaded beside the first question it delayed the answer. A Korean turn that comes before
the load is done takes the analyser's lock and waits for it (or loads it itself)."""

from __future__ import annotations

import threading
import time
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send


class Activity:
    """How many requests are in flight and when the last one ended."""

    def __init__(self) -> None:
        self.active = 0
        self.last = time.monotonic()
        self._lock = threading.Lock()

    def begin(self) -> None:
        with self._lock:
            self.active += 1

    def end(self) -> None:
        with self._lock:
            self.active -= 1
            self.last = time.monotonic()

    def quiet_for(self) -> float:
        """Seconds since the last request ended (0 while one is in flight)."""
        with self._lock:
            return 0.0 if self.active else time.monotonic() - self.last


class ActivityMeter:
    """ASGI middleware that keeps `activity` up to date."""

    def __init__(self, app: ASGIApp, activity: Activity) -> None:
        self.app, self.activity = app, activity

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.activity.begin()
        try:
            await self.app(scope, receive, send)
        finally:
            self.activity.end()


def warm_up_when_quiet(
    server: Any, activity: Activity | None, quiet: float = 1.0, at_most: float = 15.0
) -> None:
    """Wait for the port to open, then for `quiet` seconds without a request (at most `at_most`
    seconds: a page holding an event stream open must not keep Korean cold), then load."""
    from assistant.core.korean import tokens
    from assistant.goals.kpi import kpi_catalogue

    while not server.started and not server.should_exit:
        time.sleep(0.05)
    opened = time.monotonic()
    time.sleep(quiet)
    while (
        activity is not None
        and activity.quiet_for() < quiet
        and time.monotonic() - opened < at_most
    ):
        time.sleep(0.1)
    if server.should_exit:
        return
    kpi_catalogue()
    tokens("준비")

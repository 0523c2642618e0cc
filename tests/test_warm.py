"""The warm-up after start: the Korean analyser loads once the port is open and requests have
gone quiet, never before the port opens nor beside a request in flight."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

import assistant.core.korean as korean
import assistant.goals.kpi as kpi
from assistant.web.warm import Activity, warm_up_when_quiet


def _wait(event: threading.Event, seconds: float = 30.0) -> bool:
    return event.wait(seconds)


def test_loads_only_after_the_port_opens_and_requests_go_quiet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = threading.Event()
    monkeypatch.setattr(korean, "tokens", lambda text: loaded.set() or [])
    monkeypatch.setattr(kpi, "kpi_catalogue", lambda: None)
    server = SimpleNamespace(started=False, should_exit=False)
    activity = Activity()
    activity.begin()  # a request in flight
    worker = threading.Thread(
        target=warm_up_when_quiet, args=(server, activity), kwargs={"quiet": 0.2}, daemon=True
    )
    worker.start()
    time.sleep(0.5)
    assert not loaded.is_set()  # the port is not open yet
    server.started = True
    time.sleep(0.6)
    assert not loaded.is_set()  # a request is still in flight
    activity.end()
    assert _wait(loaded)
    worker.join(30)


def test_a_request_that_never_ends_does_not_keep_korean_cold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = threading.Event()
    monkeypatch.setattr(korean, "tokens", lambda text: loaded.set() or [])
    monkeypatch.setattr(kpi, "kpi_catalogue", lambda: None)
    server = SimpleNamespace(started=True, should_exit=False)
    activity = Activity()
    activity.begin()  # an event stream held open by a page
    warm_up_when_quiet(server, activity, quiet=0.1, at_most=0.5)
    assert loaded.is_set()


def test_a_server_that_stops_before_starting_loads_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = threading.Event()
    monkeypatch.setattr(korean, "tokens", lambda text: loaded.set() or [])
    monkeypatch.setattr(kpi, "kpi_catalogue", lambda: None)
    warm_up_when_quiet(SimpleNamespace(started=False, should_exit=True), Activity(), quiet=0.05)
    assert not loaded.is_set()

"""Owner identity for the web app: signed cookies, login throttling, safe Markdown, settings."""

from __future__ import annotations

import time

import pytest

from assistant.core.settings import Settings
from assistant.web.owner import LoginGuard, owner_from, secret_key, sign, verify
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


def test_wrong_passwords_wait_longer_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    guard = LoginGuard("team", "s3cret-passphrase")
    assert guard("team", "s3cret-passphrase")
    for _ in range(5):
        assert not guard("team", "wrong")
    assert waits == [0.5, 1.0, 2.0, 4.0]
    for _ in range(20):
        guard("team", "wrong")
    assert not guard("team", "s3cret-passphrase")  # locked for now, even with the right password


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
    assert safe_markdown("goto <section name>") == "goto &lt;section name&gt;"


def test_throttle_limits_each_key_and_forgets_the_idle_ones_first() -> None:
    from assistant.web.owner import Throttle

    throttle = Throttle(limit=3)
    assert [throttle.allow("a") for _ in range(4)] == [True, True, True, False]
    assert throttle.allow("b")  # another key has its own allowance
    for n in range(10_050):
        throttle.allow(f"k{n}")
    assert len(throttle.events) <= 10_001 and "a" not in throttle.events  # bounded memory

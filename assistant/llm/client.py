"""The model provider: langchain-openai's ChatOpenAI against OpenAI or any OpenAI-compatible server.

Every structured result is a pydantic model; invalid output goes back to the model with the
validation error, capped, then a typed LLMError so callers fall back to the offline path.
`PLAN_LLM_TIMEOUT` is one deadline for a whole call (retries and streaming included), and a turn's
model time is bounded by `TURN_BUDGET_CALLS` x the timeout. Servers that reject JSON-schema output
(llama.cpp, some LM Studio / vLLM builds) fall back to tool calling, then to JSON mode with the
schema in the prompt; what works is remembered per endpoint.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, SecretStr, ValidationError

from assistant.core.errors import LLMError
from assistant.core.settings import Settings, safe_url

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
_KEY = re.compile(r"sk-[A-Za-z0-9_\-]{6,}")
_AUTH = re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9+/=._~\-]{4,}", re.I)
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/\s@]+@", re.I)
TURN_BUDGET_CALLS = 2  # a turn's model time is at most this many timeouts, then the offline path
MODES = ("json_schema", "tools", "json_object")
_ENDPOINT_MODE: dict[str, str] = {}  # what structured output each endpoint accepts
BREAKER_FAILURES = 2  # consecutive timeouts or connection errors that open the breaker
BREAKER_COOLDOWN = 60.0  # seconds the model is skipped after that
_BREAKER: dict[str, tuple[int, float]] = {}  # endpoint -> (consecutive failures, skip until)
_BREAKER_LOCK = threading.Lock()
_DEAD = re.compile(
    r"APIConnectionError|APITimeoutError|ConnectError|ConnectTimeout|ReadTimeout|RemoteProtocolError|Connection refused"
)


def redact(text: str, *secrets: str | None) -> str:
    """Remove API keys, URL credentials and any given secret from text bound for logs, errors or UI."""
    out = _USERINFO.sub(r"\g<scheme>***@", _AUTH.sub(r"\1 ***", _KEY.sub("sk-***", text)))
    for secret in secrets:
        if secret and len(secret) >= 3:
            out = out.replace(secret, "***")
    return out


def _url_secrets(url: str | None) -> list[str]:
    """A base URL's user name and password, and every form they travel in (percent-decoded,
    'user:password' and its base64, as in a Basic Authorization header)."""
    if not url:
        return []
    import base64
    from urllib.parse import unquote

    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    raw = parts.netloc.rsplit("@", 1)[0] if "@" in parts.netloc else ""
    found = [s for s in (parts.password, parts.username) if s]
    found += [unquote(s) for s in found]
    if raw:
        found += [raw, unquote(raw)]
        found += [base64.b64encode(unquote(raw).encode()).decode().rstrip("=")]
    return sorted({s for s in found if s}, key=len, reverse=True)


_TAG_BLOCK = re.compile(
    r"<(script|style|iframe|object|embed|form|template)\b.*?</\1\s*>", re.I | re.S
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")


def clean_model_text(text: str) -> str:
    """Model output as plain Markdown: script/style/form blocks removed, any other HTML tag dropped."""
    text = _TAG_BLOCK.sub("", text)
    text = _TAG.sub("", text)
    return (
        text.replace("<", "‹").replace(">", "›")
        if re.search(r"<\s*/?\s*[a-z]", text, re.I)
        else text
    )


class LLMClient:
    def __init__(self, settings: Settings, chat: Any | None = None) -> None:
        self.settings = settings
        self._injected = chat  # a LangChain fake in unit tests; real calls build a client per call
        self.calls = 0
        self.last_prompt_tokens = 0
        self.max_prompt_tokens = 0
        self.model_seconds = 0.0  # wall time spent waiting for the model (for the benchmark)
        self._turn_deadline: float | None = None
        self._secrets = [settings.openai_api_key, *_url_secrets(settings.openai_base_url)]
        self._endpoint = safe_url(settings.openai_base_url) or "openai"

    # ----- circuit breaker -----------------------------------------------------------------
    def _check_breaker(self) -> None:
        """After BREAKER_FAILURES timeouts or connection errors in a row the model is skipped for
        BREAKER_COOLDOWN seconds: a dead server costs two timeouts, not one per section."""
        with _BREAKER_LOCK:
            failures, until = _BREAKER.get(self._endpoint, (0, 0.0))
        if failures >= BREAKER_FAILURES and time.monotonic() < until:
            secs = int(until - time.monotonic()) + 1
            raise LLMError(
                f"The model server did not answer twice in a row; the offline path answers for the next {secs} s.",
                f"모델 서버가 두 번 연속 응답하지 않아 앞으로 {secs}초 동안 오프라인 방식으로 답합니다.",
            )

    def _record(self, ok: bool) -> None:
        with _BREAKER_LOCK:
            if ok:
                _BREAKER.pop(self._endpoint, None)
                return
            failures, _ = _BREAKER.get(self._endpoint, (0, 0.0))
            _BREAKER[self._endpoint] = (failures + 1, time.monotonic() + BREAKER_COOLDOWN)

    # ----- deadlines -----------------------------------------------------------------------
    def begin_turn(self) -> None:
        """Start a turn's model-time budget (TURN_BUDGET_CALLS x PLAN_LLM_TIMEOUT)."""
        self._turn_deadline = time.monotonic() + TURN_BUDGET_CALLS * self.settings.llm_timeout

    def _deadline(self) -> float:
        now = time.monotonic()
        deadline = now + self.settings.llm_timeout
        if self._turn_deadline is not None:
            deadline = min(deadline, self._turn_deadline)
        if deadline - now < 0.2:
            raise LLMError(
                "This turn's time for the model is used up; the offline path answers.",
                "이번 턴에 모델이 쓸 수 있는 시간이 끝나 오프라인 방식으로 답합니다.",
            )
        return deadline

    def _chat_for(self, remaining: float) -> tuple[Any, Any]:
        """A chat model and its HTTP client for one call (closing the client aborts the call)."""
        if self._injected is not None:
            return self._injected, None
        import httpx
        from langchain_openai import ChatOpenAI

        from assistant.llm.tokens import seed_tiktoken_cache

        seed_tiktoken_cache()
        http = httpx.Client(timeout=httpx.Timeout(remaining, connect=min(10.0, remaining)))
        chat = ChatOpenAI(
            model=self.settings.model,
            api_key=SecretStr(
                self.settings.openai_api_key or "not-needed"
            ),  # local servers need no key
            base_url=safe_url(self.settings.openai_base_url) or None,  # never sent as Basic auth
            temperature=self.settings.temperature,
            timeout=remaining,
            max_retries=self.settings.llm_max_retries,
            http_client=http,
        )
        return chat, http

    def _timeout_error(self) -> LLMError:
        secs = f"{self.settings.llm_timeout:g}"
        return LLMError(
            f"The model did not finish within PLAN_LLM_TIMEOUT ({secs} s).",
            f"모델이 PLAN_LLM_TIMEOUT({secs}초) 안에 끝내지 못했습니다.",
        )

    def _run(self, fn: Callable[[Any], R]) -> R:
        """Run one model call in a worker under a hard deadline (retries included)."""
        self._check_breaker()
        deadline = self._deadline()
        chat, http = self._chat_for(deadline - time.monotonic())
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["value"] = fn(chat)
            except BaseException as exc:  # handed to the caller's thread
                box["error"] = exc

        start = time.perf_counter()
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(max(0.0, deadline - time.monotonic()))
        self.model_seconds += time.perf_counter() - start
        if worker.is_alive():
            if http is not None:
                http.close()  # the worker's request fails and the thread ends on its own
            self._record(ok=False)
            raise self._timeout_error()
        if http is not None:
            http.close()
        if "error" in box:
            error = box["error"]
            self._record(ok=not _DEAD.search(f"{type(error).__name__}: {error}"))
            if isinstance(error, LLMError):
                raise error
            raise self._fail(error)
        self._record(ok=True)
        value: R = box["value"]
        return value

    # ----- calls ----------------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> LLMError:
        detail = redact(f"{type(exc).__name__}: {exc}", *self._secrets)[:300]
        log.warning("model call failed: %s", detail)
        return LLMError(
            f"The model did not answer ({detail}).", f"모델이 응답하지 않았습니다({detail})."
        )

    def _count(self, messages: list[dict[str, str]]) -> None:
        from assistant.llm.tokens import count_tokens

        self.calls += 1
        self.last_prompt_tokens = sum(count_tokens(m["content"]) + 4 for m in messages)
        self.max_prompt_tokens = max(self.max_prompt_tokens, self.last_prompt_tokens)

    def complete(self, messages: list[dict[str, str]]) -> str:
        self._count(messages)
        result = self._run(lambda chat: chat.invoke(messages))
        text = clean_model_text(str(result.content or "")).strip()
        if not text:
            raise LLMError("The model returned an empty answer.", "모델이 빈 답을 보냈습니다.")
        return text

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        """Chunks as they arrive; the whole stream shares one deadline."""
        self._count(messages)
        self._check_breaker()
        deadline = self._deadline()
        chat, http = self._chat_for(deadline - time.monotonic())
        chunks: queue.Queue[tuple[str, Any]] = queue.Queue()

        def work() -> None:
            try:
                for chunk in chat.stream(messages):
                    if chunk.content:
                        chunks.put(("chunk", str(chunk.content)))
                chunks.put(("done", None))
            except BaseException as exc:
                chunks.put(("error", exc))

        start = time.perf_counter()
        threading.Thread(target=work, daemon=True).start()
        try:
            while True:
                remaining = deadline - time.monotonic()
                try:
                    kind, value = chunks.get(timeout=max(0.0, remaining))
                except queue.Empty:
                    self._record(ok=False)
                    raise self._timeout_error() from None
                if kind == "done":
                    self._record(ok=True)
                    return
                if kind == "error":
                    self._record(ok=not _DEAD.search(f"{type(value).__name__}: {value}"))
                    raise value if isinstance(value, LLMError) else self._fail(value)
                yield clean_model_text(value)
        finally:
            self.model_seconds += time.perf_counter() - start
            if http is not None:
                http.close()

    def structured(self, messages: list[dict[str, str]], schema: type[T], attempts: int = 3) -> T:
        """A pydantic `schema` instance. Validation errors go back to the model (capped); a server
        that rejects a structured-output mode is asked the next way, and that is remembered."""
        endpoint = safe_url(self.settings.openai_base_url) or "openai"
        start = MODES.index(_ENDPOINT_MODE.get(endpoint, MODES[0]))
        last: LLMError | None = None
        for mode in MODES[start:]:
            try:
                result = self._structured(
                    messages, schema, attempts if mode != "json_object" else 2, mode
                )
            except _Unsupported as exc:
                log.info("endpoint %s rejects %s output: %s", endpoint, mode, exc)
                last = LLMError(str(exc), str(exc))
                continue
            _ENDPOINT_MODE[endpoint] = mode
            return result
        raise last or LLMError(
            "No structured output mode worked.", "구조화 출력을 받을 수 없습니다."
        )

    def _structured(
        self, messages: list[dict[str, str]], schema: type[T], attempts: int, mode: str
    ) -> T:
        schema_json = schema.model_json_schema()
        convo = list(messages)
        where = ""
        if mode == "json_object":
            convo = [
                *convo[:-1],
                {
                    "role": convo[-1]["role"],
                    "content": convo[-1]["content"]
                    + f"\n\nRespond with one JSON object for the schema named {schema.__name__}, and nothing else:\n"
                    + json.dumps(schema_json, ensure_ascii=False),
                },
            ]
        last_error = ""
        for _ in range(max(1, attempts)):
            self._count(convo)
            raw = self._ask(convo, schema, schema_json, mode)
            try:
                data = json.loads(_strip_fences(raw))
                return _clean_strings(schema.model_validate(data))
            except (json.JSONDecodeError, ValidationError) as exc:
                last_error = str(exc)[:800]
                where = (
                    ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:3])
                    if isinstance(exc, ValidationError)
                    else "not JSON"
                )
                convo = [
                    *convo,
                    {"role": "assistant", "content": raw[:2000]},
                    {
                        "role": "user",
                        "content": f"That output was not valid for the schema: {last_error}\nReturn only corrected JSON.",
                    },
                ]
        raise LLMError(
            f"The model's output did not fit the expected fields after {attempts} tries ({where}).",
            f"모델 출력이 {attempts}번 시도 후에도 필요한 형식에 맞지 않았습니다({where}).",
        )

    def _ask(
        self,
        convo: list[dict[str, str]],
        schema: type[BaseModel],
        schema_json: dict[str, Any],
        mode: str,
    ) -> str:
        name = schema.__name__
        kwargs: dict[str, Any]
        if mode == "json_schema":
            kwargs = {
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": name, "schema": schema_json, "strict": False},
                }
            }
        elif mode == "tools":
            kwargs = {
                "tools": [
                    {
                        "type": "function",
                        "function": {
                            "name": name,
                            "description": schema.__doc__ or name,
                            "parameters": schema_json,
                        },
                    }
                ],
                "tool_choice": {"type": "function", "function": {"name": name}},
            }
        else:
            kwargs = {"response_format": {"type": "json_object"}}
        try:
            result = self._run(lambda chat: chat.invoke(convo, **kwargs))
        except LLMError as exc:
            if _rejects(str(exc), mode):
                raise _Unsupported(f"{mode}: {exc.en[:200]}") from exc
            raise
        if getattr(result, "additional_kwargs", {}).get("refusal"):
            raise LLMError("The model refused this request.", "모델이 요청을 거절했습니다.")
        if mode == "tools":
            calls = getattr(result, "tool_calls", None) or []
            if not calls:
                return str(result.content or "")
            return json.dumps(calls[0].get("args") or {})
        return str(result.content or "")

    def ping(self) -> tuple[bool, str]:
        """Does the endpoint answer? Uses the models list, which costs no tokens."""
        try:
            import openai

            client = openai.OpenAI(
                api_key=self.settings.openai_api_key or "not-needed",
                base_url=safe_url(self.settings.openai_base_url) or None,
                timeout=min(10.0, self.settings.llm_timeout),
                max_retries=0,
            )
            models = [m.id for m in client.models.list().data]
        except Exception as exc:
            return False, redact(f"{type(exc).__name__}: {exc}", *self._secrets)[:300]
        return (
            True,
            f"{len(models)} model(s); {'configured model available' if self.settings.model in models else 'configured model not listed'}",
        )


class _Unsupported(Exception):
    """The server rejects this structured-output mode (not a model failure)."""


_REJECT = {
    "json_schema": re.compile(
        r"json_schema|response_format|grammar|schema.*not\s+supported|unsupported.*schema", re.I
    ),
    "tools": re.compile(r"tool|function", re.I),
    "json_object": re.compile(r"json_object|response_format", re.I),
}


def _rejects(message: str, mode: str) -> bool:
    """A 400-style refusal of the request shape (not a timeout, auth or server error)."""
    if not re.search(
        r"\b(?:400|422|BadRequest|UnprocessableEntity|not\s+supported|unsupported)\b", message, re.I
    ):
        return False
    return bool(_REJECT[mode].search(message))


def _strip_fences(text: str) -> str:
    text = text.strip()
    fenced = re.search(r"```(?:json)?\s*(.*?)\s*```", text, re.S)
    if fenced:
        return fenced.group(1)
    if not text.startswith(("{", "[")):
        start = text.find("{")
        end = text.rfind("}")
        if 0 <= start < end:
            return text[start : end + 1]
    return text


def _clean_strings(model: T) -> T:
    """Every string in a model result with HTML removed before anything stores it."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return clean_model_text(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return type(model).model_validate(clean(model.model_dump()))

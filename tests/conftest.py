"""Shared fixtures: temp data dirs for every store, offline settings, and a network guard."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core.settings import Settings

REPO = Path(__file__).resolve().parent.parent


def find_shared() -> Path:
    """The shared development data beside the repo (CI lays it there); for a scratch clone
    (git clone . /tmp/x), beside the repository it was cloned from; PLAN_SHARED_DIR overrides."""
    import subprocess

    candidates = [Path(os.environ["PLAN_SHARED_DIR"])] if os.environ.get("PLAN_SHARED_DIR") else []
    candidates.append(REPO.parent / "shared")
    try:
        origin = subprocess.run(
            ["git", "-C", str(REPO), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        if origin and Path(origin).is_dir():
            candidates.append(Path(origin).resolve().parent / "shared")
    except (OSError, subprocess.SubprocessError):
        pass
    for c in candidates:
        if (c / "data").is_dir():
            return c / "data"
    return candidates[0] / "data" if candidates else REPO.parent / "shared" / "data"


SHARED = find_shared()


def _is_local(address: object) -> bool:
    if not (isinstance(address, tuple) and address):
        return isinstance(address, str | bytes)  # unix sockets are local
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection beyond loopback fails the test: no real LLM provider, no downloads."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded(self: socket.socket, address: object) -> object:
        if not _is_local(address):
            pytest.fail(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    def guarded_ex(self: socket.socket, address: object) -> object:
        if not _is_local(address):
            pytest.fail(f"test tried to reach the network: {address!r}")
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_ex)


@pytest.fixture(autouse=True)
def closed_breaker() -> Iterator[None]:
    """Each test starts with the model circuit breaker closed (it is per process and endpoint)."""
    yield
    module = sys.modules.get("assistant.llm.client")
    if module is not None:
        module._BREAKER.clear()  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data dir and no LLM configuration (offline mode)."""
    data = tmp_path / "data"
    monkeypatch.setenv("PLAN_DATA_DIR", str(data))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST", "PLAN_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.chdir(tmp_path)  # no stray .env from the repo
    from assistant.core.settings import get_settings

    get_settings.cache_clear()
    return data


@pytest.fixture
def settings(isolated_env: Path) -> Settings:
    return Settings(data_dir=isolated_env)


@pytest.fixture
def sample_answers() -> Path:
    return SHARED / "sample_answers_en.json"


@pytest.fixture
def shared_data() -> Path:
    return SHARED


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(PLAN_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", GRADIO_ANALYTICS_ENABLED="False")
    return env


PYTHON = sys.executable


@pytest.fixture(scope="session")
def built_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the real knowledge base indexed once (real chromadb on disk)."""
    from assistant.retrieval.index import KnowledgeIndex

    data = tmp_path_factory.mktemp("indexed") / "data"
    # start from the index `make setup` built, when there is one: the build below re-embeds only
    # the files whose content differs from it (all of them when there is none)
    setup_index = REPO / "data" / "chroma"
    if (setup_index / "chroma.sqlite3").is_file():
        try:
            shutil.copytree(setup_index, data / "chroma")
        except OSError:
            shutil.rmtree(data / "chroma", ignore_errors=True)
    settings = Settings(data_dir=data, knowledge_dir=REPO / "knowledge")
    try:
        KnowledgeIndex(settings).build()
    except Exception:  # noqa: BLE001 - a copy this chromadb cannot open: build from nothing
        shutil.rmtree(data / "chroma", ignore_errors=True)
        KnowledgeIndex(settings).build()
    return data


@pytest.fixture
def fake_openai() -> Iterator[tuple[object, str]]:
    """A fake OpenAI-compatible server on 127.0.0.1; yields (server, base_url)."""
    from tests.fake_openai import FakeOpenAI

    server = FakeOpenAI()
    url = server.start()
    yield server, url
    server.stop()


@pytest.fixture
def llm_settings(
    isolated_env: Path, fake_openai: tuple[object, str], monkeypatch: pytest.MonkeyPatch
) -> Settings:
    _, url = fake_openai
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret-key-123456")
    return Settings(
        data_dir=isolated_env,
        openai_base_url=url,
        openai_api_key="sk-test-secret-key-123456",
        model="fake-model",
        llm_timeout=60,  # fakes answer at once; a deadline test sets its own and a server that never answers
        llm_max_retries=1,
        embedder="hashing",
    )


def free_port() -> int:
    import socket as _socket

    with _socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 90, proc: object | None = None) -> None:
    """Wait until a local server accepts connections (or its process dies)."""
    import socket as _socket
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if proc is not None and proc.poll() is not None:  # type: ignore[attr-defined]
                raise RuntimeError(f"server on port {port} exited early") from None
            time.sleep(0.3)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port} after {timeout:g}s")


def run_cli(
    data_dir: Path,
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """`python -m assistant ARGS` in a subprocess with the test's data dir."""
    return subprocess.run(
        [PYTHON, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env or cli_env(data_dir),
        cwd=REPO,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """One real PostgreSQL server on loopback for the whole run (each test gets its own database)."""
    from tests.pg_server import PostgresServer

    server = PostgresServer(Path(tempfile.mkdtemp(prefix="plan-pg-")), free_port())
    try:
        server.start()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        pytest.fail(f"Could not start PostgreSQL: {exc} {detail.decode(errors='replace')}")
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: object) -> str:
    return postgres_server.new_database()  # type: ignore[attr-defined, no-any-return]


def stop_process(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Stop a server the test started: politely first; a busy machine may need longer than a
    graceful shutdown allows, so then it is killed (a teardown must never fail the suite)."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)


def without_retail_buyers(answers: dict) -> dict:  # type: ignore[type-arg]
    """The sample interview sold to buyers with no year-end freeze (hospital groups, not store
    chains): its forecast quarters stay even, for tests of the even arithmetic."""
    a = answers["answers"]
    a["sales_target_market"] = (
        "North American hospital groups with 20-200 sites and $50M-$1B revenue."
    )
    a["mkt_audience_personas"] = a["mkt_audience_personas"].replace("store retail chain", "site hospital group")  # fmt: skip
    return answers


def ko_hr_without_revenue_goal() -> dict[str, object]:
    """The Korean HR interview with its revenue goal left out: no year's revenue to fall short,
    so the partners' customers let the plan recommend a lower lead goal (2,400 x 135 / 180)."""
    import json

    doc = json.loads((Path(__file__).parent / "data" / "ko_hr_answers.json").read_text(encoding="utf-8"))  # fmt: skip
    answers = doc["answers"]
    answers["sales_objectives"] = "\n".join(
        line for line in answers["sales_objectives"].splitlines() if "매출을" not in line
    )
    return doc

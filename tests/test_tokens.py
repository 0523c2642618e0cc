import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PYTHON, REPO

SCRIPT = """
import socket
def refuse(*a, **k):
    raise OSError("network is off in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
from assistant.llm.tokens import seed_tiktoken_cache
seed_tiktoken_cache()
import tiktoken
enc = tiktoken.get_encoding("o200k_base")
assert enc.decode(enc.encode("안녕하세요 plan")) == "안녕하세요 plan"
assert len(tiktoken.get_encoding("cl100k_base").encode("hello world")) == 2
from langchain_openai import ChatOpenAI
llm = ChatOpenAI(model="gpt-4o-mini", api_key="sk-test", base_url="http://127.0.0.1:9")
print(llm.get_num_tokens("hello world"))
"""


def test_tiktoken_works_with_the_network_off(tmp_path: Path) -> None:
    env = {
        "TIKTOKEN_CACHE_DIR": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [PYTHON, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"


def test_the_tiktoken_cache_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.llm import tokens

    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tokens.seed_tiktoken_cache()
    assert target == tmp_path / "cache" / "plan-assistant" / "tiktoken"
    assert target.stat().st_mode & 0o777 == 0o700 and any(target.iterdir())
    # a directory someone else could write to is never used
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    planted = tmp_path / "shared" / "plan-assistant" / "tiktoken"
    planted.mkdir(parents=True)
    planted.chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "shared"))
    monkeypatch.setattr(os, "chmod", lambda *a, **k: None)  # as if we could not fix it
    other = tokens.seed_tiktoken_cache()
    assert other != planted and other.stat().st_mode & 0o077 == 0

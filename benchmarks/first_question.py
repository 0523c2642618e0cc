"""First question after start: the app is started, a browser session opens the page as soon as the
port answers, and asks a question that needs retrieval. Prints the seconds to the answer with the
index already built (as after `make setup`) and with no index at all (answered by keyword search
while the index builds in the background)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from _common import REPO
from load import call

from tests.conftest import free_port, wait_for_port

QUESTION = "What does the Place part of the marketing mix cover?"


def first_answer(data: Path) -> tuple[float, float, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["PLAN_DATA_DIR"] = str(data)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for_port(port, 120, proc)
        up = time.perf_counter() - started
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300) as client:
            client.get("/")
            state = call(client, "on_load", [{"session_id": None, "lang": "en"}], "firstq")[0]
            asked = time.perf_counter()
            out = call(client, "respond", [QUESTION, [], state], "firstq")
            answer = time.perf_counter() - asked
        history = out[1] if isinstance(out[1], list) else []
        content = history[-1].get("content", "") if history else ""
        if isinstance(content, list):  # gradio's message parts
            content = " ".join(
                str(part.get("text", "")) for part in content if isinstance(part, dict)
            )
        text = str(content)
        return up, answer, text[:80].replace("\n", " ")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    built = REPO / "data" / "chroma"
    if not built.is_dir():
        raise SystemExit("Build the index first: make index")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "with-index"
        data.mkdir()
        shutil.copytree(built, data / "chroma")
        up, answer, text = first_answer(data)
        print(
            f"index built:  app up in {up:.1f} s, first question answered in {answer:.2f} s,"
            f" start to answer {up + answer:.1f} s (target < 3 s)  ({text}...)"
        )
        empty = Path(tmp) / "no-index"
        empty.mkdir()
        up, answer, text = first_answer(empty)
        print(
            f"no index yet: app up in {up:.1f} s, first question answered in {answer:.2f} s,"
            f" start to answer {up + answer:.1f} s (target < 3 s)  ({text}...)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

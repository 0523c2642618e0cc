"""Load benchmark: 5, 20 and 50 simulated browsers (each with its own owner cookie) against one app
process over loopback, offline mode. Each user loads the page and sends 4 answers; prints p50/p95
turn time and cross-plan contamination (an answer found in another user's plan; must be 0).
Bounded: at most 50 users, 4 turns each, 300 s per level."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from _common import REPO

from assistant.store.sqlite import SqliteStore
from tests.conftest import free_port, wait_for_port

LEVELS = (5, 20, 50)
TURNS = 4
LEVEL_TIMEOUT = 300.0


_FN: dict[str, int] = {}


def call(client: httpx.Client, api: str, data: list[object], session: str) -> list[object]:
    """One gradio event the way a browser page sends it: join the queue with the page's
    session hash, then read the page's event stream until the event completes."""
    if not _FN:
        config = client.get("/config").json()
        _FN.update({d["api_name"]: d["id"] for d in config["dependencies"] if d.get("api_name")})
    joined = client.post(
        "/gradio_api/queue/join",
        json={"data": data, "fn_index": _FN[api], "session_hash": session, "event_data": None,
              "trigger_id": None},
    )  # fmt: skip
    joined.raise_for_status()
    with client.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}) as stream:
        for line in stream.iter_lines():
            if not line.startswith("data:"):
                continue
            msg = json.loads(line[5:])
            if msg.get("msg") == "process_completed":
                if not msg.get("success"):
                    raise RuntimeError(str(msg)[:300])
                return list(msg["output"]["data"])
    raise RuntimeError("the event stream ended early")


def user(base: str, n: int, times: list[float], owners: dict[str, str], errors: list[str]) -> None:
    marker = f"user{n:03d}"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            client.get("/")  # the page: the server issues this browser's owner cookie
            session = f"bench{n:04d}{int(time.time() * 1000) % 100000}"
            loaded = call(client, "on_load", [{"session_id": None, "lang": "en"}], session)
            state = loaded[0]
            answers = [f"company {marker} Co", f"{marker} sells to cafés in Seoul.", "skip",
                       f"Generate {100 + n} leads by June 30, 2027 via {marker} webinars."]  # fmt: skip
            for text in answers[:TURNS]:
                start = time.perf_counter()
                out = call(client, "respond", [text, [], state], session)
                times.append(time.perf_counter() - start)
                state = out[2] if len(out) > 2 and isinstance(out[2], dict) else state
            owners[marker] = str(state.get("session_id") if isinstance(state, dict) else "")
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        errors.append(f"{marker}: {exc}")


def level(base: str, users: int, data: Path) -> None:
    times: list[float] = []
    owners: dict[str, str] = {}
    errors: list[str] = []
    threads = [
        threading.Thread(target=user, args=(base, n, times, owners, errors)) for n in range(users)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1.0, LEVEL_TIMEOUT - (time.perf_counter() - started)))
    wall = time.perf_counter() - started
    store = SqliteStore(data / "sessions.sqlite3")
    contamination = 0
    for marker, sid in owners.items():
        for turn in store.turns(sid):
            found = [m for m in owners if m != marker and m in turn.text]
            contamination += len(found)
    q = statistics.quantiles(times, n=20) if len(times) >= 2 else [0.0] * 19
    print(f"{users:>3} users: {len(times)} turns in {wall:.1f} s, p50 {statistics.median(times):.2f} s, "
          f"p95 {q[18]:.2f} s, errors {len(errors)}, cross-plan contamination {contamination}")  # fmt: skip
    for e in errors[:3]:
        print(f"     {e[:200]}")


def main() -> int:
    from tests.conftest import REPO as _  # noqa: F401 - the repo on sys.path

    data = Path(tempfile.mkdtemp(prefix="plan-load-"))
    index = REPO / "data"
    for name in ("chroma", "index-manifest.json", "bm25"):
        if (index / name).exists():
            (shutil.copytree if (index / name).is_dir() else shutil.copy)(index / name, data / name)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(PLAN_DATA_DIR=str(data), PLAN_MAX_NEW_PLANS_PER_HOUR="1000")
    log = (data / "app.log").open("w")
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=REPO, env=env,
                            stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_for_port(port, 120, proc)
        print(
            f"Load benchmark: one app process on 127.0.0.1:{port}, offline mode, {TURNS} turns per user, {os.cpu_count()} cores"
        )
        import resource

        for users in LEVELS:
            before = resource.getrusage(resource.RUSAGE_SELF)
            level(f"http://127.0.0.1:{port}", users, data)
            after = resource.getrusage(resource.RUSAGE_SELF)
            client = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            print(
                f"     (the simulated browsers themselves used {client:.1f} s of CPU on this machine)"
            )
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

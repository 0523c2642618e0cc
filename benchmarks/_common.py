"""Shared helpers for the benchmark scripts (run them with `make bench` or directly)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.conftest import find_shared  # noqa: E402

SHARED = find_shared()


def load_jsonl(name: str) -> list[dict]:  # type: ignore[type-arg]
    path = SHARED / name
    if not path.exists():
        raise SystemExit(
            f"{path} not found: the benchmarks read the shared development data beside the repo."
        )
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)

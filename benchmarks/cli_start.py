"""CLI start benchmark: wall time of `--help`, `smart --json GOAL`, `kpi TEXT` and `search QUERY`
(median of 5 runs each, fresh processes), so import costs show up where users feel them."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from _common import REPO

COMMANDS = [
    ["--help"],
    ["smart", "--json", "Increase qualified leads from 300 to 450 a month by June 30, 2027 via webinars"],
    ["kpi", "How do I measure leads?"],
    ["search", "how to measure leads"],
]  # fmt: skip


def main() -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    print(f"CLI start (median of 5 fresh runs, {os.cpu_count()} cores):")
    for args in COMMANDS:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "assistant", *args], cwd=REPO, env=env,
                           capture_output=True, check=True, timeout=120)  # fmt: skip
            times.append(time.perf_counter() - start)
        print(f"  {' '.join(args[:1]):<8} {statistics.median(times):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

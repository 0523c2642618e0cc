"""In-process offline turn time (target p95 < 15 ms): the sample interview answered through the
service (store save included), then the web panels' refresh for the same plan (analysis and
render), as the web app does after each turn."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from _common import SHARED, percentile


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PLAN_DATA_DIR"] = str(Path(tmp) / "data")
        for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
            os.environ.pop(var, None)
        from assistant.core.settings import get_settings
        from assistant.goals.kpi import kpi_catalogue
        from assistant.interview.render import plan_markdown
        from assistant.service import PlanService

        kpi_catalogue()  # the web app parses the catalogue at start
        service = PlanService(get_settings())
        doc = json.loads((SHARED / "sample_answers_en.json").read_text())
        turns: list[float] = []
        panels: list[float] = []
        first_round = 0
        for round_number in range(3):
            sid, reply = service.new_session(doc.get("company", ""), "en", owner="bench")
            for _ in range(40):
                section = reply.section
                if section is None:
                    break
                answer = doc["answers"].get(section, "skip")
                start = time.perf_counter()
                reply = service.turn(sid, answer, owner="bench", section=section)
                turns.append((time.perf_counter() - start) * 1000)
                first_round += round_number == 0
                start = time.perf_counter()
                plan = service.store.load(sid).plan
                plan_markdown(plan)
                panels.append((time.perf_counter() - start) * 1000)
        print(
            f"offline turn (service.turn): p50 {percentile(turns, 50):.1f} ms, p95 {percentile(turns, 95):.1f} ms over {len(turns)} turns"
        )
        fresh = turns[:first_round]
        print(
            f"  first interview only (no remembered goal readings): p50 {percentile(fresh, 50):.1f} ms, p95 {percentile(fresh, 95):.1f} ms"
        )
        from assistant.analysis.fact_reader import refresh_facts

        sheet: list[float] = []
        for _ in range(50):  # what the fact sheet adds to a turn (target < 5 ms)
            start = time.perf_counter()
            refresh_facts(plan)
            sheet.append((time.perf_counter() - start) * 1000)
        print(
            f"fact sheet re-read per turn (target < 5 ms): p50 {percentile(sheet, 50):.2f} ms, p95 {percentile(sheet, 95):.2f} ms"
        )
        print(
            f"panel refresh (load + plan render): p50 {percentile(panels, 50):.1f} ms, p95 {percentile(panels, 95):.1f} ms"
        )


if __name__ == "__main__":
    main()

"""Plan versions: every accepted change is a version (who, when, what caused it); `versions`,
`diff N M` and `restore N` in the chat and `versions PLAN_ID --json` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.core.settings import Settings
from assistant.service import PlanService
from tests.conftest import run_cli


def test_versions_diff_and_restore_in_the_chat(settings: Settings) -> None:
    service = PlanService(settings)
    pid, _ = service.new_session("Acme", "en", owner="o")
    service.turn(pid, "MQL to SQL 30%, win rate 25%.", owner="o", section="sales_kpis")
    service.turn(pid, "win rate is 20%", owner="o")
    listing = service.turn(pid, "versions", owner="o").text
    assert "v2" in listing and "v3" in listing and "win rate is 20%" in listing
    diff = service.turn(pid, "diff 2 3", owner="o").text
    assert "SQL→won rate (win rate): 25% → 20%" in diff
    reply = service.turn(pid, "restore 2", owner="o").text
    assert "Restored v2 as v4" in reply
    plan = service.plan(pid, owner="o")
    assert plan.revision == 4 and plan.number("sql_to_won_rate") == 25
    assert [v.revision for v in service.versions(pid, owner="o")] == [1, 2, 3, 4]
    assert "no version v9" in service.turn(pid, "restore 9", owner="o").text


def test_korean_version_commands(settings: Settings) -> None:
    service = PlanService(settings)
    pid, _ = service.new_session("", "ko", owner="o")
    service.turn(pid, "수주율 25%, MQL→SQL 전환율 30%.", owner="o", section="sales_kpis")
    service.turn(pid, "수주율 20%", owner="o")
    assert "계획 버전" in service.turn(pid, "버전", owner="o").text
    assert "25% → 20%" in service.turn(pid, "비교 2 3", owner="o").text
    assert "되살려" in service.turn(pid, "복원 2", owner="o").text


def test_versions_command_line(settings: Settings, isolated_env: Path) -> None:
    service = PlanService(settings)
    pid, _ = service.new_session("Acme", "en")
    service.turn(pid, "Annual budget $100,000: ads 60%, events 40%.", section="mkt_budget")
    run = run_cli(isolated_env, "versions", pid, "--json")
    assert run.returncode == 0, run.stderr
    items = json.loads(run.stdout)
    assert [set(v) for v in items][0] == {"revision", "at", "who", "note"}
    assert items[-1]["note"].startswith("Annual budget")

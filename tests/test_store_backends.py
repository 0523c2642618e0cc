"""The session store's guarantees, run against both backends: SQLite (embedded) and a real
PostgreSQL server the tests start themselves."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core.errors import DamagedPlan, SessionNotFound
from assistant.core.plan import Plan
from assistant.core.settings import Settings
from assistant.interview.engine import InterviewState
from assistant.service import PlanService
from assistant.store import Conflict, SessionStore, open_store
from tests.conftest import REPO, cli_env


@pytest.fixture(params=["sqlite", "postgres"])
def backend_settings(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Settings]:
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
        yield settings.model_copy(update={"database_url": url})
    else:
        yield settings


@pytest.fixture
def store(backend_settings: Settings) -> SessionStore:
    return open_store(backend_settings)


def _state(company: str = "Acme") -> InterviewState:
    return InterviewState(plan=Plan.new(company, "en"))


def test_create_load_save_list_delete(store: SessionStore) -> None:
    sid = store.create(_state("Acme"), owner="browser:a")
    other = store.create(_state("Beta"), owner="browser:b")
    state = store.load(sid)
    state.plan.section("mkt_market_analysis").content = "Cafés"
    state.plan.section("mkt_market_analysis").status = "answered"
    store.save(sid, state, "Thanks")
    assert store.load(sid).plan.section("mkt_market_analysis").content == "Cafés"
    assert [t.text for t in store.turns(sid)] == ["Thanks"]
    mine = store.list("browser:a")
    assert [s.id for s in mine] == [sid] and mine[0].done == 1 and mine[0].total == 23
    assert {s.id for s in store.list()} == {sid, other}
    store.delete(other)
    with pytest.raises(SessionNotFound):
        store.load(other)


def test_a_save_over_a_newer_version_is_a_conflict(store: SessionStore) -> None:
    sid = store.create(_state())
    first, v1 = store.load_versioned(sid)
    second, v2 = store.load_versioned(sid)
    assert v1 == v2
    store.save(sid, first, expected_version=v1)
    with pytest.raises(Conflict):
        store.save(sid, second, expected_version=v2)
    assert store.load_versioned(sid)[1] == v1 + 1


def test_a_damaged_plan_is_marked_and_isolated(store: SessionStore) -> None:
    good = store.create(_state("Good"))
    bad = store.create(_state("Bad"))
    with store._connect() as db:
        store._run(db, "UPDATE sessions SET state = ? WHERE id = ?", '{"plan": {"goals": 1}}', bad)
    with pytest.raises(DamagedPlan):
        store.load(bad)
    listed = {s.id: s for s in store.list()}
    assert listed[bad].damaged and not listed[good].damaged


def test_plan_creation_is_counted_per_owner(store: SessionStore) -> None:
    for _ in range(3):
        store.create(_state(), owner="browser:x")
    assert store.created_since("browser:x", "2000-01-01") == 3
    assert store.created_since("browser:y", "2000-01-01") == 0


def test_another_owner_sees_nothing_through_the_service(backend_settings: Settings) -> None:
    service = PlanService(backend_settings)
    sid, _ = service.new_session("Alpha", "en", owner="browser:a")
    for call in (
        lambda: service.plan(sid, "browser:b"),
        lambda: service.turn(sid, "Injected", owner="browser:b"),
        lambda: service.export(sid, "md", owner="browser:b"),
        lambda: service.delete(sid, "browser:b"),
        lambda: service.history(sid, "browser:b"),
    ):
        with pytest.raises(SessionNotFound):
            call()
    assert [s.id for s in service.sessions("browser:b")] == []
    assert "Injected" not in [t.text for t in service.history(sid)]


def test_new_plans_are_rate_limited_per_owner(backend_settings: Settings) -> None:
    service = PlanService(backend_settings.model_copy(update={"max_new_plans_per_hour": 3}))
    for _ in range(3):
        service.new_session(owner="browser:spam")
    with pytest.raises(Exception, match="Too many new plans"):
        service.new_session(owner="browser:spam")
    service.new_session(owner="browser:other")  # others are not affected


_WRITER = textwrap.dedent(
    """
    import sys
    from assistant.core.settings import Settings
    from assistant.service import PlanService
    sid, section, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    service = PlanService(Settings())
    for i in range(count):
        reply = service.turn(sid, f"{section} answer {i}", section=section)
        assert reply.kind != "error", reply.text
    """
)


def test_concurrent_writers_in_two_processes_lose_no_answer(
    backend_settings: Settings, isolated_env: Path
) -> None:
    """Two processes answer different sections of one plan at the same time; every confirmed
    answer lands in the section it was given for."""
    service = PlanService(backend_settings)
    sid, _ = service.new_session("Race", "en")
    env = cli_env(isolated_env)
    if backend_settings.database_url:
        env["PLAN_DATABASE_URL"] = backend_settings.database_url
    sections = ["mkt_content_strategy", "sales_training"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, sid, s, "8"], cwd=REPO, env=env, stderr=subprocess.PIPE
        )  # fmt: skip
        for s in sections
    ]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err.decode()
    plan = service.plan(sid)
    for s in sections:
        answers = plan.section(s).answers
        assert [f"{s} answer {i}" for i in range(8)] == [a for a in answers if a.startswith(s)], (
            answers
        )


def test_an_answer_from_another_window_never_replaces_a_pending_goal(
    backend_settings: Settings,
) -> None:
    """Window A has a SMART rewrite pending for goal 1; window B (another app process) still
    shows the positioning question. B's answer is the positioning answer, not 'Updated goal 1';
    A's next answer still edits the goal."""
    process_a, process_b = PlanService(backend_settings), PlanService(backend_settings)
    owner = "browser:a"
    sid, _ = process_a.new_session("Acme", "en", owner=owner)
    reply = process_a.turn(sid, "Get more leads.", owner=owner, section="mkt_objectives")
    plan_now = process_a.plan(sid, owner)
    assert plan_now.goals and not plan_now.goals[0].smart, reply.text
    positioning = "For clinic owners who want fewer no-shows: the only booking tool with reminders."
    answer_b = process_b.turn(sid, positioning, owner=owner, section="mkt_positioning_messaging")
    plan_now = process_a.plan(sid, owner)
    assert plan_now.goals[0].text == "Get more leads.", answer_b.text
    assert positioning in plan_now.section("mkt_positioning_messaging").content
    assert "Updated goal" not in answer_b.text
    better = "Grow monthly qualified leads from 120 to 200 by June 30, 2027 through LinkedIn ads."
    process_a.turn(sid, better, owner=owner, section="mkt_objectives")
    plan_now = process_b.plan(sid, owner)
    assert plan_now.goals[0].text == better
    assert positioning in plan_now.section("mkt_positioning_messaging").content
    texts = [t.text for t in process_b.history(sid, owner)]
    assert positioning in texts and better in texts  # every answer is in the turn log too

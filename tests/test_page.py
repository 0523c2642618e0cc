"""The page's panel refresh: an unchanged panel is skipped only when the same browser page already
shows it, whichever handler sent it there."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from assistant.core.settings import Settings
from assistant.service import PlanService
from assistant.web.page import Page

SKIP = {"__type__": "update"}


def test_a_panel_is_skipped_only_when_this_page_already_shows_it(isolated_env: Path) -> None:
    settings = Settings(data_dir=isolated_env, embedder="hashing")
    service = PlanService(settings)
    page = Page(settings, service)
    tab = SimpleNamespace(session_hash="tab-1")
    other = SimpleNamespace(session_hash="tab-2")
    a, _ = service.new_session("Alpha Co", "en", owner="me")
    b, _ = service.new_session("", "en", owner="me")
    service.turn(b, "company Beta Co", owner="me")
    question, plan_view = 8, 1  # positions in Layout.panel_outputs

    first = page.panels(a, "en", "me", tab)
    assert first[plan_view] != SKIP and first[question] != SKIP
    again = page.panels(a, "en", "me", tab)
    assert again[plan_view] == SKIP and again[question] == SKIP  # already on this page
    assert page.panels(a, "en", "me", other)[plan_view] != SKIP  # another page has not seen it
    # another handler (opening plan B) shows B on this page: going back to A sends A again
    shown_b = page.panels(b, "en", "me", tab)
    assert shown_b[plan_view] != SKIP
    back = page.panels(a, "en", "me", tab)
    assert back[plan_view] == first[plan_view]
    # the question B showed is A's too (both wait on the first section): the page shows it already
    assert shown_b[question] in (SKIP, first[question]) and back[question] == SKIP

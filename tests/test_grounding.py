"""A model's numbers and names must be the user's: by value and as whole names, no x100 loophole."""

from __future__ import annotations

from assistant.goals.grounding import invented, invented_values

USER = "We have 180 leads a month; win rate 35%. Competitors: Acme, Tableau. Budget $480,000."


def test_a_number_times_or_divided_by_a_hundred_is_not_the_users() -> None:
    assert "18000" in invented("We target 18,000 leads.", USER)
    assert "1.8" in invented("That is 1.8 leads.", USER)
    assert invented_values([1.8], USER) == ["1.8"]


def test_a_share_matches_across_percent_and_fraction() -> None:
    assert invented("A win rate of 0.35 holds.", USER) == []
    assert invented_values([0.35, 480000], USER) == []
    assert invented("Conversion is 35% today.", "Conversion rate 0.35 last year.") == []


def test_names_are_compared_as_whole_words() -> None:
    # 'art' and 'ace' occur only inside 'start' and 'space': not the user's names
    found = invented("We partner with Art and with Ace.", "We start in a new space in March.")
    assert "Art" in found and "Ace" in found
    assert invented("We beat Acme's dashboards.", USER) == []
    assert invented("Acme의 대시보드보다 빠릅니다.", USER) == []

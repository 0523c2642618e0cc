"""Recurring items read from a content or calendar answer: each with its count and period."""

from __future__ import annotations


def test_counts_in_a_bracketed_note_are_the_note_s_not_the_item_s() -> None:
    """'블로그 주 3회(학부모용 수학 공부법 2회, 창업 정보 1회)' is 3 posts a week (156 a year); the
    note's 2회 and 1회 had made it 1 a week and cut the counts out of the note."""
    from assistant.analysis.cadence import recurring_items

    items = recurring_items(
        "블로그 주 3회(학부모용 수학 공부법 2회, 창업 정보 1회), 유튜브 월 2회."
    )
    assert [(i.name, i.count, i.period) for i in items] == [
        ("블로그(학부모용 수학 공부법 2회, 창업 정보 1회)", 3, "week"),
        ("유튜브", 2, "month"),
    ]

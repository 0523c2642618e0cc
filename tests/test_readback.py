"""What the user sees read from a goal: the read-back line."""

from __future__ import annotations


def test_the_read_line_says_a_monthly_rate_as_one() -> None:
    """'from 120 a month to 200 a month' is read back as a rate a month, as the SMART check and the
    measurement table say it (the web app's read line had dropped 'a month')."""
    from assistant.goals.frame import read_goal_frame
    from assistant.goals.readback import read_back_line

    en = read_back_line(read_goal_frame("Grow demo requests from 120 a month to 200 a month by June 2027.", "en"), "en")  # fmt: skip
    assert "target 200 requests a month" in en and "baseline 120 requests a month" in en
    ko = read_back_line(read_goal_frame("2027년 12월 31일까지 마케팅 적격 리드를 월 150건에서 250건으로 늘린다.", "ko"), "ko")  # fmt: skip
    assert "목표 월 250건" in ko and "기준값 월 150건" in ko

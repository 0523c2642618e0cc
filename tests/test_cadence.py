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


def test_a_count_right_before_its_period_is_the_count() -> None:
    """'Instagram Reels 4 a week featuring new brands' is 4 a week (208 a year), not one; 'blog
    posts 3x a week' is 3; 'Top 10 list every month' is one list."""
    from assistant.analysis.cadence import recurring_items

    found = {r.name: (r.count, r.period) for r in recurring_items("Instagram Reels 4 a week featuring new brands; blog posts 3x a week; Top 10 list every month")}  # fmt: skip
    assert found == {
        "Instagram Reels featuring new brands": (4, "week"),
        "Blog posts": (3, "week"),
        "Top 10 list": (1, "month"),
    }


def test_a_korean_period_with_byeol_is_read_inside_the_name() -> None:
    """'매장 직원 분기별 서비스 교육' runs every quarter and '슈퍼바이저 반기별 워크숍' every half
    year: '-별' after a period is the cadence wherever it stands, not only at the start."""
    from assistant.analysis.cadence import recurring_items

    found = {r.name: (r.count, r.period) for r in recurring_items("매장 직원 분기별 서비스 교육, 슈퍼바이저 반기별 매출 코칭 워크숍, 분기별 리포트, 신제품 출시 전 레시피 교육.")}  # fmt: skip
    assert found == {
        "매장 직원 서비스 교육": (1, "quarter"),
        "슈퍼바이저 매출 코칭 워크숍": (1, "half"),
        "리포트": (1, "quarter"),
        "신제품 출시 전 레시피 교육": (1, None),
    }


def test_a_stated_count_wins_over_a_byeol_period_and_wolbyeol_is_monthly() -> None:
    """'연 2회 분기별 목표 점검 워크숍' runs twice a year and '월 1회 분기별 KPI 리뷰' monthly:
    the stated count is the cadence; '월별 실적 리뷰' (Kiwi reads 월 + 별) is monthly."""
    from assistant.analysis.cadence import recurring_items

    found = [(r.count, r.period) for t in ("연 2회 분기별 목표 점검 워크숍", "월 1회 분기별 KPI 리뷰", "월별 실적 리뷰") for r in recurring_items(t)]  # fmt: skip
    assert found == [(2, "year"), (1, "month"), (1, "month")]

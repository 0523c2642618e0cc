"""Who runs a calendar activity when the plan names only the marketing team."""

from assistant.interview.activity_owner import activity_owner, proposed_role


def test_a_whole_team_owner_becomes_the_role_the_activity_calls_for() -> None:
    assert (
        activity_owner("NRF trade show booth", "Marketing team", False) == "Events lead (proposed)"
    )
    assert activity_owner("spring benchmark report", "Marketing team", False) == "Content lead (proposed)"  # fmt: skip
    assert activity_owner("holiday readiness campaign", "Marketing team", False) == "Demand generation lead (proposed)"  # fmt: skip
    assert activity_owner("코엑스 HR 박람회 부스", "마케팅팀", True) == "행사 담당(제안)"
    assert activity_owner("노무 가이드 블로그 글", "마케팅팀", True) == "콘텐츠 담당(제안)"


def test_a_named_owner_or_an_activity_of_no_known_kind_is_kept() -> None:
    assert (
        activity_owner("customer conference", "CSMs (4) · VP Sales", False) == "CSMs (4) · VP Sales"
    )
    assert activity_owner("office move announcement", "Marketing team", False) == "Marketing team"


def test_undated_issues_take_the_same_month_of_each_open_period() -> None:
    from assistant.core.plan import CalendarEntry
    from assistant.interview.compose_calendar import _undated_months

    march, sept = CalendarEntry(when="March", activity="a"), CalendarEntry(when="September", activity="b")  # fmt: skip
    assert _undated_months([march, sept], 4) == [6, 12]
    assert _undated_months([march], 2) == [9]
    assert _undated_months([march], 5) == []  # a year that does not divide gets no proposal


def test_a_proposed_role_is_told_from_a_named_owner() -> None:
    assert proposed_role("Events lead (proposed)", False) and proposed_role("Content lead", False)
    assert proposed_role("행사 담당(제안)", True) and not proposed_role(
        "CSM 4명 · 영업 본부장", True
    )
    assert not proposed_role("Marketing team", False)

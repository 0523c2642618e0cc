"""Calendar entries as people write them: spans, dates in notes, months inside an activity."""

from __future__ import annotations

from assistant.interview.calendar_read import calendar_from_answer


def _rows(text: str) -> list[tuple[str, str]]:
    return [(e.when, e.activity) for e in calendar_from_answer(text)]


def test_a_korean_span_is_one_entry_and_dates_in_brackets_stay_in_the_note() -> None:
    rows = _rows(
        "1월 18일~2월 4일 설 선물세트 기획전(설 연휴 2월 6~8일 전 배송 마감 2월 3일), "
        "3월 킨텍스 부스(3,600만 원), 8월 30일~9월 10일 추석 기획전(추석 9월 14~16일)."
    )
    assert rows == [
        ("1월 18일~2월 4일", "설 선물세트 기획전(설 연휴 2월 6~8일 전 배송 마감 2월 3일)"),
        ("3월", "킨텍스 부스"),
        ("8월 30일~9월 10일", "추석 기획전(추석 9월 14~16일)"),
    ]


def test_english_months_inside_an_activity_and_a_month_span() -> None:
    rows = _rows(
        "Jan: renewal push for Q1 expirations. Apr 15: utility rebate webinar. "
        "Oct-Nov: capex plan offer. Dec: Jan 1 contract renewals."
    )
    assert rows == [
        ("Jan", "renewal push for Q1 expirations"),
        ("Apr 15", "utility rebate webinar"),
        ("Oct-Nov", "capex plan offer"),
        ("Dec", "Jan 1 contract renewals"),
    ]


def test_a_dated_event_keeps_its_day_year_and_cost() -> None:
    (entry,) = calendar_from_answer("Feb 23-24, 2027: Facilities Expo - booth ($38K) + live demo.")
    assert (entry.when, entry.year, entry.cost) == ("Feb 23-24", 2027, 38_000)
    assert entry.activity == "Facilities Expo - booth + live demo"


def test_a_published_piece_is_counted_in_geon_and_a_session_in_hoe() -> None:
    from assistant.analysis.cadence import cadence_text

    assert cadence_text(2, "quarter", True, name="고객 사례") == "분기 2건"
    assert cadence_text(1, "half", True, name="'중소기업 급여 실태 보고서'") == "반기 1건"
    assert cadence_text(1, "month", True, name="웨비나") == "월 1회"
    assert cadence_text(2, "quarter", False, name="case study") == "2 a quarter"


def test_a_date_inside_an_activity_starts_no_entry_and_a_year_after_a_colon_is_the_activitys() -> (
    None
):
    """'February 10: Q1 … webinar' is one entry on 10 February; 'Roadcheck week / July 4 …' is
    June's; 'December: 2028 bid prep' is December of the plan year, preparing 2028's bids."""
    from assistant.interview.calendar_read import calendar_from_answer

    text = (
        "February 10: Q1 freight-market outlook webinar ($6K). June: CVSA Roadcheck week / July 4 "
        "capacity crunch campaign ($20K). July 14: mid-year rate outlook webinar ($6K). "
        "December: 2028 bid prep - shipper scorecard mailers ($15K)."
    )
    got = [(e.when, e.year, e.activity) for e in calendar_from_answer(text)]
    assert got == [
        ("February 10", None, "Q1 freight-market outlook webinar"),
        ("June", None, "CVSA Roadcheck week / July 4 capacity crunch campaign"),
        ("July 14", None, "mid-year rate outlook webinar"),
        ("December", None, "2028 bid prep - shipper scorecard mailers"),
    ], got

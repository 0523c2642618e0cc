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


def test_dates_as_people_write_them_and_no_price_as_a_cost() -> None:
    """'Apr 10 (2nd Saturday):', 'Sept 30 review deadline', '2월 18~21일', '10월 16일·23일' keep
    their day; a recurring line under a dated one is its own entry; a price or a give-away in
    the activity is no cost ('price change to $195', '$50 gift card', '설계비 500만 원 할인')."""
    from assistant.interview.calendar_read import calendar_from_answer

    en = calendar_from_answer(
        "Mar 1, 2027: price change to $195 + 2 new vans.\nApr 10 (2nd Saturday): Cars & Coffee sponsorship ($1,500).\n"
        "Sept 30 review deadline (1,600 Google reviews).\nNov 26 - Dec 1: Black Friday - buy a 4-pack, get a $50 gift card.\n"
        "May 5 webinars on car care."
    )
    got = [(e.when, e.activity, e.cost) for e in en]
    assert got[0] == ("Mar 1", "price change to $195 + 2 new vans", None)
    assert got[1] == ("Apr 10", "Cars & Coffee sponsorship (2nd Saturday)", 1500.0)
    assert got[2][:2] == ("Sept 30", "review deadline (1,600 Google reviews)")
    assert got[3][2] is None  # the gift card is what the buyer gets, not what marketing spends
    assert got[4][:2] == ("May", "5 webinars on car care")  # a count, not a day
    ko = calendar_from_answer(
        "2027년 2월 18~21일 코엑스 경향하우징페어 참가(4,500만 원)\n3월 11~14일 킨텍스 건축박람회(3,500만 원)\n"
        "매월 둘째 토요일 양평 모델하우스 설명회(회당 250만 원)\n10월 16일·23일 준공 건축주 집들이 투어\n"
        "11월 1일~12월 15일 조기계약 프로모션(계약 시 설계비 500만 원 할인)"
    )
    got = [(e.when, e.activity, e.cost) for e in ko]
    assert got[0] == ("2월 18~21일", "코엑스 경향하우징페어 참가", 45_000_000)
    assert got[1] == ("3월 11~14일", "킨텍스 건축박람회", 35_000_000)
    assert ("10월 16일·23일", "준공 건축주 집들이 투어", None) in got
    assert got[-1] == ("매월 둘째 토요일", "양평 모델하우스 설명회(회당 250만 원)", None)
    promo = next(g for g in got if g[0].startswith("11월"))
    assert promo[2] is None  # a discount is no cost


def test_a_month_in_a_quoted_name_a_weekend_and_a_closing_sentence() -> None:
    """ "'Dry January' hydration reset" is one activity (the quoted month starts no entry), 'July 4
    weekend' is the date, and a closing sentence ('Everything else is always-on.') is no part of
    the last entry."""
    rows = _rows(
        "January 5-31: 'Dry January' hydration reset campaign ($140,000). July 4 weekend: 25% off "
        "first subscription box ($90,000). December: gift bundles ($75,000). Everything else is always-on."
    )
    assert rows == [
        ("January 5-31", "'Dry January' hydration reset campaign"),
        ("July 4 weekend", "25% off first subscription box"),
        ("December", "gift bundles"),
    ]


def test_an_offer_s_price_is_no_activity_cost() -> None:
    """'with C$100 first-order offer' and '(첫 달 9,900원)' are what the customer pays or saves, not
    what the activity costs."""
    en = calendar_from_answer("March 1: Canada launch (Ontario and BC first) with C$100 first-order offer.")  # fmt: skip
    ko = calendar_from_answer(
        "4월: 월 구독 '패스온 플러스' 봄 캠페인(첫 달 9,900원). 3~4월: 지하철 광고(2억 원)."
    )
    assert [e.cost for e in en] == [None]
    assert [e.cost for e in ko] == [None, 200_000_000.0]

"""The one bilingual number reader: every case the plan depends on, in both languages."""

from __future__ import annotations

import pytest

from assistant.goals.numbers import format_amount, korean_amount, read_number, read_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("1,200 leads", 1200, "leads", "count"),
        ("1.2k sign-ups", 1200, "sign-ups", "count"),
        ("$2.4M", 2_400_000, "USD", "money"),
        ("2.4 million visits", 2_400_000, "visits", "count"),
        ("€300", 300, "EUR", "money"),
        ("₩5,000", 5000, "KRW", "money"),
        ("3000원", 3000, "KRW", "money"),
        ("12 USD", 12, "USD", "money"),
        ("500,000 KRW", 500_000, "KRW", "money"),
        ("3만", 30_000, "", "count"),
        ("4만 5천 명", 45_000, "명", "count"),
        ("1,400만 원", 14_000_000, "KRW", "money"),
        ("12억 원", 1_200_000_000, "KRW", "money"),
        ("1억 2,000만 원", 120_000_000, "KRW", "money"),
        ("150만 건", 1_500_000, "건", "count"),
        ("2만 5천 명", 25_000, "명", "count"),
        ("25%", 25, "%", "percent"),
        ("25 percent", 25, "%", "percent"),
        ("3 percentage points", 3, "pp", "points"),
        ("3%p", 3, "pp", "points"),
        ("2x", 2, "x", "multiple"),
        ("두 배", 2, "x", "multiple"),
        ("3배", 3, "x", "multiple"),
        ("double", 2, "x", "multiple"),
        ("two new SDRs", 2, "SDRs", "count"),
    ],
)
def test_reads_amounts_counts_percents_and_multiples(
    text: str, value: float, unit: str, kind: str
) -> None:
    found = read_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.value, q.unit, q.kind) == (value, unit, kind)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("20~40대", 20, 40), ("10-50명", 10, 50), ("20-200 stores", 20, 200), ("$50M-$1B", 5e7, 1e9),
     ("between 5 and 10 deals", 5, 10), ("20~40만 원", 200_000, 400_000)],
)  # fmt: skip
def test_ranges_are_one_range_not_two_targets(text: str, low: float, high: float) -> None:
    found = read_quantities(text)
    assert len(found) == 1 and found[0].is_range
    assert (found[0].value, found[0].high) == (low, high)


@pytest.mark.parametrize(
    "text",
    ["B2B", "B2C", "Q3", "H1", "FY2027", "24/7", "GPT-4", "Series B", "top-100", "4P", "the 4Ps",
     "14-day trial", "in 2027", "by December 31, 2027", "2027-06-30", "2027년 6월 30일", "2027년 2분기",
     "Q3 2027", "1-day setup", "14일 무료 체험", "Be the number one brand"],
)  # fmt: skip
def test_codes_years_and_dates_are_never_quantities(text: str) -> None:
    assert read_quantities(text) == []


def test_cadences_are_marked_as_cadences() -> None:
    webinars = read_quantities("Host 2 webinars per month")
    assert webinars[0].value == 2 and webinars[0].cadence
    ko = read_quantities("주 2회 웨비나를 연다")
    assert ko[0].value == 2 and ko[0].cadence
    assert not read_quantities("Generate 900 leads")[0].cadence


def test_a_goal_sentence_yields_only_its_quantities() -> None:
    found = read_quantities("Sign 40 B2B office subscription contracts by December 31, 2027.")
    assert [(q.value, q.unit) for q in found] == [(40, "contracts")]
    found = read_quantities("B2B 사무실 구독 계약 40건을 2027년 12월 31일까지 체결한다.")
    assert [(q.value, q.unit) for q in found] == [(40, "건")]
    assert read_number("about 1.2k") == 1200


@pytest.mark.parametrize(
    ("value", "unit", "lang", "shown"),
    [(120_000_000, "KRW", "ko", "1억 2,000만 원"), (400_000_000, "KRW", "ko", "4억 원"),
     (2_400_000, "USD", "en", "$2.4M"), (40, "contracts", "en", "40 contracts"), (40, "건", "ko", "40건"),
     (25, "%", "en", "25%"), (3, "pp", "ko", "3%p"), (45_000, "명", "ko", "4만 5,000명"),
     (1_200_000_000, "KRW", "en", "₩1.2B"), (400_000_000_000, "KRW", "en", "₩400B"),
     (5_000, "KRW", "en", "₩5,000"), (1_234_567, "KRW", "en", "₩1,234,567")],
)  # fmt: skip
def test_amounts_are_formatted_for_the_readers_language(
    value: float, unit: str, lang: str, shown: str
) -> None:
    assert format_amount(value, unit, lang) == shown


def test_korean_amounts_use_man_and_eok() -> None:
    assert korean_amount(120_000_000) == "1억 2,000만"
    assert korean_amount(1_500_000) == "150만"
    assert korean_amount(999) == "999"


def test_non_finite_text_is_not_a_number() -> None:
    assert read_quantities("inf nan Infinity") == []


def test_korean_ranges_whose_ends_carry_their_own_scale() -> None:
    from assistant.goals.numbers import read_quantities

    for text, low, high in (
        ("가격 2만 5,000~3만 8,000원", 25_000, 38_000),
        ("2만~3만 원", 20_000, 30_000),
        ("1억~1억 5,000만 원", 100_000_000, 150_000_000),
        ("20~40만 원", 200_000, 400_000),
    ):
        [q] = read_quantities(text)
        assert (q.value, q.high, q.unit) == (low, high, "KRW"), text

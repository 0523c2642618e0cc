"""The user's own revenue bridge is read only when its terms take the base to the goal."""

from __future__ import annotations

from assistant.analysis.stated_bridge import as_fact, parse_fact, read_stated_bridge

EN = (
    "Bridge to $22.5M: contract churn -$0.9M (12% of 480), renewals +$0.3M, new contracts "
    "+$1.5M in-year, repair work +$1.6M, projects +$2.0M. 18.0 - 0.9 + 0.3 + 1.5 + 1.6 + 2.0 = 22.5."
)


def test_terms_with_labels_are_read_and_the_bare_sum_is_not_a_term() -> None:
    terms = read_stated_bridge(EN, 18e6, 22.5e6, "USD")
    assert terms is not None
    assert [(label, round(v)) for label, _, v in terms] == [
        ("contract churn", -900_000), ("renewals", 300_000), ("new contracts", 1_500_000),
        ("repair work", 1_600_000), ("projects", 2_000_000),
    ]  # fmt: skip
    assert parse_fact(as_fact(terms), "USD") == [(label, v) for label, _, v in terms]


def test_terms_that_do_not_reach_the_goal_are_no_bridge() -> None:
    assert read_stated_bridge(EN, 18e6, 25e6, "USD") is None
    assert read_stated_bridge("Price went from $10 - $12 per seat.", 18e6, 22.5e6, "USD") is None


def test_a_term_in_brackets_or_after_an_aside_keeps_its_label_and_later_sums_are_not_terms() -> (
    None
):
    """'+6% (+$1.85M)' is the same-clinic growth; 'price/mix (higher spot share) +$0.5M' is the
    price/mix; a CAC sum later in the answer ('$2.1M (SDRs + AEs) + $0.9M') is no term."""
    clinics = (
        "Bridge to $35.0M: same-clinic growth at the existing 22 clinics +6% (+$1.85M); 6 new clinics "
        "in-year +$2.4M (each ramps to about $1.1M a year); closing the Battleground clinic -$0.9M; "
        "pelvic health +$0.85M. 30.8 + 1.85 + 2.4 - 0.9 + 0.85 = 35.0."
    )
    terms = read_stated_bridge(clinics, 30.8e6, 35e6, "USD")
    assert terms is not None and [(label, round(v)) for label, _, v in terms] == [
        ("same-clinic growth at the existing 22 clinics +6%", 1_850_000), ("6 new clinics in-year", 2_400_000),
        ("closing the Battleground clinic", -900_000), ("pelvic health", 850_000),
    ]  # fmt: skip
    freight = (
        "Bridge: lost shippers -$1.4M; wallet share +$2.1M; price/mix (higher spot share, reefer) +$0.5M; "
        "new shippers +$2.6M. CAC: $2.1M (SDRs + AEs fully loaded) + $0.9M marketing over 45 shippers."
    )
    terms = read_stated_bridge(freight, 20.6e6, 24.4e6, "USD")
    assert terms is not None and [label for label, _, _ in terms] == ["lost shippers", "wallet share", "price/mix", "new shippers"]  # fmt: skip


def test_a_korean_bridge_of_parts_in_brackets_is_read() -> None:
    """A sum of labelled amounts, or each part's own step, in the goal's brackets."""
    summed = "매출을 2026년 312억 원에서 390억 원으로 늘린다(기존 14개 지점 성장 53억 원 + 신규 5개 지점 25억 원)."
    terms = read_stated_bridge(summed, 312e8, 390e8, "KRW")
    assert terms is not None and [(label, v) for label, _, v in terms] == [("기존 14개 지점 성장", 53e8), ("신규 5개 지점", 25e8)]  # fmt: skip
    stepped = "매출을 2026년 620억 원에서 700억 원으로 늘린다(장비 520억 원→565억 원, 유지보수·부품 100억 원→135억 원)."
    terms = read_stated_bridge(stepped, 620e8, 700e8, "KRW")
    assert terms is not None and [(label, v) for label, _, v in terms] == [
        ("장비 520억 원→565억 원", 45e8), ("유지보수·부품 100억 원→135억 원", 35e8),
    ]  # fmt: skip
    assert parse_fact(as_fact(terms), "KRW") == [(label, v) for label, _, v in terms]
    # parts that do not make up the base are no bridge
    assert read_stated_bridge(stepped.replace("520억", "500억"), 620e8, 700e8, "KRW") is None


def test_korean_amounts_without_won() -> None:
    text = "기존 매출 28억에서 해지로 -6억, 신규 구독 +12억, 객단가 인상 +3억, 단품 +3억."
    terms = read_stated_bridge(text, 36e8, 48e8, "KRW")
    assert terms is not None and [round(v / 1e8) for _, _, v in terms] == [-6, 12, 3, 3]
    assert terms[0][0] == "기존 매출 28억에서 해지로"


def test_a_subscription_s_signing_peaks_show_as_bigger_steps_after_them() -> None:
    from assistant.analysis.stated_forecast import step_mismatch

    even = [(1, 13.0, "KRW"), (2, 14.0, "KRW"), (3, 15.0, "KRW"), (4, 16.0, "KRW")]
    # a step is (this quarter's signings + the next one's) / 8 of a year's value: a Q1 peak lifts
    # the step into Q2 above the quiet steps after it; even steps say the peak is not there
    said = "Most new contracts are signed in Q1."
    assert step_mismatch(said, even) == [1]
    assert step_mismatch(said, [(1, 13.0, "KRW"), (2, 15.0, "KRW"), (3, 15.8, "KRW"), (4, 16.6, "KRW")]) == []  # fmt: skip
    # peaks in Q1 and Q3 (35/15/35/15 of the bookings) make every step alike: even steps fit them,
    # so no finding (a director had shown the old check wrong here)
    assert step_mismatch("Most new contracts are signed in Q1 and Q3.", even) == []
    assert step_mismatch("Revenue grows every quarter.", even) == []  # no peak named


def test_even_steps_under_alternating_signing_peaks_are_said_to_fit() -> None:
    from assistant.analysis.stated_forecast import peaks_in_even_steps

    even = [(1, 13.0, "KRW"), (2, 14.0, "KRW"), (3, 15.0, "KRW"), (4, 16.0, "KRW")]
    assert peaks_in_even_steps("Most new contracts are signed in Q1 and Q3.", even) == [1, 3]
    assert peaks_in_even_steps("1분기와 3분기에 신규 계약이 몰립니다.", even) == [1, 3]
    # one peak leaves quiet steps (that is step_mismatch's case); uneven steps need no word
    assert peaks_in_even_steps("Most new contracts are signed in Q1.", even) == []
    uneven = [(1, 13.0, "KRW"), (2, 15.0, "KRW"), (3, 15.5, "KRW"), (4, 18.0, "KRW")]
    assert peaks_in_even_steps("Most new contracts are signed in Q1 and Q3.", uneven) == []
    assert peaks_in_even_steps("Revenue grows every quarter.", even) == []
    # three busy quarters do not alternate: even steps do not follow from them
    assert peaks_in_even_steps("Most new contracts are signed in Q1, Q2 and Q3.", even) == []
    assert peaks_in_even_steps("Most new contracts are signed in Q2 and Q4.", even) == [2, 4]


def test_a_bare_equation_takes_its_labels_from_the_sentences_that_state_each_term() -> None:
    """'27.1 + 4.1 + 1.8 - 0.5 = 32.5' after '… add about $4.1M', '+$1.8M from rate increases',
    'minus ~$0.5M churn': the user's bridge (a default 10% churn had made a false $8.1M gap)."""
    text = (
        "An average new client runs about 2,200 hours a month. New clients take ~4 months to ramp, "
        "so the 40 new clients add about $4.1M revenue in 2027. Existing clients: +$1.8M from rate "
        "increases and wallet share, minus ~$0.5M churn. 27.1 + 4.1 + 1.8 - 0.5 = 32.5."
    )
    terms = read_stated_bridge(text, 27_100_000, 32_500_000, "USD")
    assert terms is not None
    assert [(label, round(value)) for label, _, value in terms] == [
        ("40 new clients", 4_100_000),
        ("rate increases and wallet share", 1_800_000),
        ("churn", -500_000),
    ]
    # an equation whose first number is not the base is no bridge
    assert (
        read_stated_bridge(text.replace("27.1 +", "25.1 +"), 27_100_000, 32_500_000, "USD") is None
    )

"""Copy bodies by channel format and stage: one or two claims, said as what the format does."""

from assistant.interview.copy_bodies import format_bodies

CLAIMS_EN = ["One-day setup", "Retail-specific KPIs out of the box", "Ready-made retail dashboards"]
CLAIMS_KO = ["주 52시간 자동 경고", "노무법인 검수 급여 템플릿", "2주 도입"]


def test_each_format_says_what_it_does_with_the_lead_claims() -> None:
    webinar = format_bodies("event", "webinars", "consideration", CLAIMS_EN, False)
    assert webinar[0] == "One-day setup and retail-specific KPIs out of the box, shown live on screen, with time for your questions."  # fmt: skip
    booth = format_bodies("event", "NRF trade show", "consideration", CLAIMS_EN, False)
    assert booth[0] == "See one-day setup and retail-specific KPIs out of the box demonstrated live at our booth."  # fmt: skip
    email = format_bodies("email", "newsletter", "consideration", CLAIMS_EN, False)
    assert email[0] == "This issue shows one-day setup at work in a real week, step by step."
    # the decision stage asks the buyer to check the claims, whatever the channel
    assert format_bodies("social", "LinkedIn", "decision", CLAIMS_EN, False)[0] == (
        "See one-day setup and retail-specific KPIs out of the box for yourself before you decide."
    )
    # a third claim is never listed: two at most, so channels led by other claims differ
    assert not any("dashboards" in b for b in webinar + booth + email)


def test_korean_bodies_take_the_particle_each_claim_needs() -> None:
    booth = format_bodies("event", "HR 박람회", "consideration", CLAIMS_KO, True)
    assert booth[0] == "부스에서 주 52시간 자동 경고와 노무법인 검수 급여 템플릿을 직접 시연합니다."
    decision = format_bodies("other", "앱 마켓", "decision", ["2주 도입"], True)
    assert decision[0] == "계약 전에 2주 도입을 직접 확인하세요."
    email = format_bodies("email", "뉴스레터", "awareness", ["2주 도입"], True)
    assert email[0].startswith("이번 호에서는 2주 도입이 실제 업무에서")


def test_a_search_ad_offers_the_plan_s_free_step_and_only_it() -> None:
    ad = format_bodies(
        "search ad", "네이버 검색 광고", "awareness", CLAIMS_KO, True, "무료 급여 진단"
    )
    assert ad[0] == "주 52시간 자동 경고, 노무법인 검수 급여 템플릿. 무료 급여 진단부터 시작하세요."
    assert ad[1] == "주 52시간 자동 경고. 무료 급여 진단부터 시작하세요."  # the shorter fallback
    # no free step in the plan: the claims alone, no step the plan does not offer
    assert format_bodies("search ad", "Google Ads", "awareness", CLAIMS_EN, False) == [
        "One-day setup and retail-specific KPIs out of the box."
    ]


def test_a_format_with_no_pattern_or_no_claim_leaves_the_general_bodies() -> None:
    assert format_bodies("social", "LinkedIn", "awareness", CLAIMS_EN, False) == []
    assert format_bodies("event", "webinars", "consideration", [], False) == []

"""The market analysis as analysis: size, growth and trends in a table, what they mean for the
plan (its share of the market, its growth against the market's and whom the share comes from),
in both languages; the summary says the meaning, not the answer's first sentence."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from assistant.analysis.market_read import market_figures
from assistant.cli.draft import build_plan
from assistant.core.plan import Plan
from assistant.interview.render import section_markdown


def _plan(language: str, answers: dict[str, str]) -> Plan:
    doc: dict[str, Any] = {"language": language, "company": "Acme", "plan_type": "integrated", "answers": answers}  # fmt: skip
    return build_plan(doc).plan


EN = {
    "mkt_market_analysis": "US veterinary practice software is a $2.0B market and grows about 6% a year. "
    "Clinics are consolidating into groups. Competitors: PetDesk, Vetspire and ezyVet. "
    "Strengths: two-way texting. Weaknesses: no Canadian data centre. Opportunities: group practices. Threats: bundled suites.",
    "sales_objectives": "Grow annual revenue from $10M in 2026 to $13M by December 31, 2027.",
}
KO = {
    "mkt_market_analysis": "국내 동물병원 소프트웨어 시장은 약 2,000억 원 규모로 연 6% 성장하고 있습니다. 병원이 네트워크로 묶이고 있습니다. "
    "경쟁사: 이지벳, 펫닥, 벳플러스. 강점: 양방향 문자. 약점: 작은 브랜드. 기회: 네트워크 병원. 위협: 대형 통합 솔루션.",
    "sales_objectives": "2027년 12월 31일까지 연 매출을 2026년 50억 원에서 60억 원으로 늘린다.",
}


def _years(plan: Plan) -> int:
    """Years from the plan's making to its 2027 goal: the market is grown to the goal's year."""
    return max(0, 2027 - int(plan.created[:4]))


def test_market_figures_are_read_with_the_plan_s_share_and_growth() -> None:
    plan = _plan("en", EN)
    m = market_figures(plan)
    assert m.size == 2.0e9 and m.currency == "USD" and [g for g, _ in m.growth] == [6.0]
    # $13M of the $2.0B market grown at 6% a year to 2027 (like for like: the same year)
    expected = 13e6 / (2.0e9 * 1.06 ** _years(plan)) * 100
    assert m.plan_share is not None and abs(m.plan_share - expected) < 0.001
    assert m.plan_growth is not None and abs(m.plan_growth - 30) < 0.01
    k = market_figures(_plan("ko", KO))
    expected = 6e9 / (2.0e11 * 1.06 ** _years(plan)) * 100
    assert k.size == 2.0e11 and k.currency == "KRW" and abs((k.plan_share or 0) - expected) < 0.001


def test_english_market_section_says_what_the_market_means() -> None:
    plan = _plan("en", EN)
    text = section_markdown(plan, "mkt_market_analysis")
    assert "| Size and growth | $2B, 6% a year |" in text
    assert "| Trend | Clinics are consolidating into groups |" not in text  # a 3-column table
    assert "Clinics are consolidating into groups" in text
    if _years(plan) == 1:  # made in 2026: the market grown one year to 2027
        assert "At 6% a year the $2B market reaches about $2.12B in 2027; the revenue goal is about 0.6% of it." in text  # fmt: skip
    assert (
        "growing with the market (6%, about $600,000) would only hold share, so the other 24 points ($2.4M) must come from gaining share (customers of PetDesk, Vetspire, ezyVet and buyers with no product yet)"
        in text
    )
    assert difflib.SequenceMatcher(None, text, EN["mkt_market_analysis"]).ratio() < 0.9
    summary = section_markdown(plan, "mkt_executive_summary")
    assert "the revenue goal is about" in summary.lower()
    assert "US veterinary practice software is a $2.0B market" not in summary
    # one sentence of its own: the share and where the growth must come from, never the
    # section's bullets word for word
    line = next(x for x in summary.splitlines() if x.startswith("**Market:**"))
    assert (
        "of a market worth about $2.12B in 2027 ($2B today, growing 6% a year)" in line
        and "must come from share gains" in line
    )
    assert not any(b[2:] in summary for b in text.splitlines() if b.startswith("- "))


def test_a_growth_row_that_restates_its_figure_takes_the_trend_and_a_missing_size_is_named(
    sample_answers: Path,
) -> None:
    from assistant.cli.draft import load_answers

    plan = build_plan(load_answers(sample_answers)).plan
    text = section_markdown(plan, "mkt_market_analysis")
    assert "| Growth | 11% a year | Mid-market retailers in North America are moving from spreadsheets to cloud BI |" in text  # fmt: skip
    assert "| Trend |" not in text
    assert "No market size is stated" in text
    # the owner's task with a date and a way to do it, not a request back to the reader
    # one task, one owner, one date: the target market's account count
    assert "Recommended: set the share, territories and quotas from the target market's account count (its 'Accounts to count' task, due by the end of January)." in text  # fmt: skip
    # the size row says how the count becomes a size: today's deal (not the deal-size goal's
    # $17,000) times the accounts, and the customer goal's share of each 1,000
    assert "| Size | not stated | Customers that fit the target market × today's $14,000 a customer a year. For scale: each 1,000 that fit are $14M a year, and the 70 new customers a year would be 7% of them |" in text  # fmt: skip


def test_a_missing_size_is_sized_per_unit_only_for_a_subscription() -> None:
    """A yearly deal is a subscription's: a consumer subscription counts people in a unit ten
    times its goal or more; a retailer's orders are no revenue a year per customer, so no row."""
    from assistant.cli.draft import load_answers

    data = Path(__file__).parent / "data"
    ko = section_markdown(build_plan(load_answers(data / "ko_subscription_answers.json")).plan, "mkt_market_analysis")  # fmt: skip
    row = next(r for r in ko.splitlines() if r.startswith("| 시장 규모 | 집계 전 |"))
    assert "규모 감각: 맞는 고객 10만 명마다 연 약 1,070억 원임. 신규 고객 목표 7,000명은 그 7%임" in row  # fmt: skip
    retail = section_markdown(build_plan(load_answers(data / "us_retail_answers.json")).plan, "mkt_market_analysis")  # fmt: skip
    assert "| Size | not stated |" not in retail


def test_korean_market_section_is_korean_and_keeps_unread_competitors() -> None:
    plan = _plan("ko", KO)
    text = section_markdown(plan, "mkt_market_analysis")
    assert "| 시장 규모 | 2,000억 원 | 국내 동물병원 소프트웨어 시장은 약 2,000억 원 규모 |" in text
    if _years(plan) == 1:
        assert (
            "2,000억 원 시장이 연 6% 성장하면 2027년 약 2,120억 원이 되고, 매출 목표는 그 약 2.8%임."
            in text
        )
    assert (
        "시장만큼 자라면(연 6%, 약 3억 원) 점유율을 지키는 데 그치므로, 나머지 약 14%p(7억 원)는 경쟁사(이지벳, 펫닥, 벳플러스)의 고객이나 아직 제품을 쓰지 않는 고객을 확보하거나 기존 고객을 확장해 채워야 함."
        in text
    )
    assert "| 내부 | 강점: 양방향 문자 | 약점: 작은 브랜드 |" in text
    # competitors in a sentence no list reads stay in the section as a row
    prose = dict(
        KO,
        mkt_market_analysis="국내 동물병원 소프트웨어 시장은 연 6% 성장합니다. 경쟁사는 대형 통합 솔루션 업체들과 지역 개발사입니다.",
    )
    shown = section_markdown(_plan("ko", prose), "mkt_market_analysis")
    assert (
        "경쟁사는 대형 통합 솔루션 업체들과 지역 개발사임" in shown
        or "대형 통합 솔루션 업체들" in shown
    )


def test_a_korean_competitor_keeps_the_part_its_genitive_names() -> None:
    from assistant.core.korean import strip_particles

    assert strip_particles("더존 ERP의 인사 모듈") == "더존 ERP의 인사 모듈"
    assert strip_particles("영남과") == "영남"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "서울과 부산의 개인 카페 약 9,000곳, 연 6% 성장. 경쟁사는 전국 로스터 두 곳."),
        ("en", "There are about 12,000 independent cafés in the region, growing 6% a year."),
    ],
)
def test_a_market_counted_in_businesses_has_a_size(lang: str, text: str) -> None:
    plan = build_plan({"language": lang, "company": "", "plan_type": "marketing", "answers": {"mkt_market_analysis": text}}).plan  # fmt: skip
    shown = section_markdown(plan, "mkt_market_analysis")
    assert "시장 규모가 없어" not in shown and "No market size" not in shown  # no false gap


def test_the_summary_says_which_years_market_the_share_is_of() -> None:
    """58억 is about 1.3% of the 2027 market (4,000억 grown 15% to about 4,600억), not of 4,000억."""
    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.compose_market import market_headline

    data = Path(__file__).parent / "data"
    ko = market_headline(build_plan(load_answers(data / "ko_hr_answers.json")).plan)
    assert (
        "매출 목표는 2027년 약 4,600억 원 규모가 될 시장(현재 4,000억 원, 연 15% 성장)의 약 1.3%"
        in ko
    )


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "Independent cafés in Seoul and Busan, about 9,000 outlets, growing 6% a year."),
        ("ko", "서울과 부산의 개인 카페 약 9,000개 매장, 연 6% 성장."),
    ],
)
def test_a_market_counted_in_outlets_is_a_size_not_a_gap(lang: str, answer: str) -> None:
    """'9,000 outlets' is the market's size in accounts: no 'no market size is stated' gap."""
    text = section_markdown(_plan(lang, {"mkt_market_analysis": answer}), "mkt_market_analysis")
    assert "No market size is stated" not in text and "시장 규모가 없어" not in text
    assert "9,000" in text


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        # a copay share in brackets is no growth; the yearly rise after it is
        ("65세 이상 임플란트 건강보험 적용(평생 2개, 본인부담 30%)으로 고령 환자 수요는 연 7%가량 늘고 있습니다.", 7.0),
        # a share of a plant's power bill is no growth, though demand 'rises' in the same clause
        ("시장은 연 4% 정도 성장합니다. 공장 전력비의 20~30%를 압축기가 쓰기 때문에 교체 수요가 빠르게 늘고 있습니다.", 4.0),
        # a share of sales is no growth: the segment's growth is the rate after it
        ("US outdoor retail is a $28B market growing about 4% a year; online is 35% of sales and growing 9%.", 4.0),
    ],
)  # fmt: skip
def test_a_percentage_is_growth_only_when_said_as_growth(text: str, rate: float) -> None:
    from assistant.analysis.market_read import _read_text

    growth = _read_text(text).growth
    assert growth and growth[0][0] == rate, growth
    assert all(g in (4.0, 7.0, 9.0) for g, _ in growth), growth


@pytest.mark.parametrize(
    "text",
    [
        "사교육 시장은 약 29조 원입니다. 다만 초등학생 수가 해마다 4~5%씩 줄고 있어서 학원 수는 늘지 않습니다.",
        "The US market is $4.2B, declining 3% a year as older buyers leave.",
    ],
)
def test_a_shrinking_count_is_no_market_growth(text: str) -> None:
    """'학생 수가 해마다 4~5%씩 줄고' or 'declining 3% a year' is no '시장은 연 4% 성장'."""
    from assistant.analysis.market_read import _read_text

    figures = _read_text(text)
    assert figures.size is not None and figures.growth == []


def test_a_growth_beside_an_older_rate_keeps_the_growth() -> None:
    from assistant.analysis.market_read import _read_text

    assert [
        g for g, _ in _read_text("The market is $2B and grows 8% a year, down from 12%.").growth
    ] == [8.0]


def test_a_category_s_size_is_the_market_size() -> None:
    """A consumer-goods market is a category ('the drink-mix category is about $1.9B at retail'):
    its size is read, so the plan's share is judged instead of 'no market size is stated'."""
    plan = _plan("en", {**EN, "mkt_market_analysis": "The US electrolyte drink-mix category is about $1.9B at retail and growing ~14% a year."})  # fmt: skip
    m = market_figures(plan)
    assert m.size == 1.9e9 and [g for g, _ in m.growth] == [14.0]
    assert "No market size is stated" not in section_markdown(plan, "mkt_market_analysis")


def test_one_passing_b2b_word_does_not_make_a_course_seller_b2b() -> None:
    """An online course business that also sells 'B2B 단체 수강' is in education: no '새해 예산
    편성: 기업 예산이 새로 열림' in its calendar."""
    from assistant.analysis.market import infer_market, seasonal_events

    plan = _plan("ko", {"sales_offering": "공인중개사·전기기사 인강: 평생 프리패스(합격 시까지), 1년 프리패스, 월 구독, 모의고사, 특강, 1:1 학습 코칭. 기업·기관에는 B2B 단체 수강 할인.", "mkt_mix_4p": "제품: 강의와 교재, 특강. 가격: 수강권 59만 원."})  # fmt: skip
    assert infer_market(plan).industry == "education"
    assert not any("기업 예산" in name for _, name in seasonal_events(plan))

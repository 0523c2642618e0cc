"""The 4Ps as a plan: the user's decision in one column and what the rest of the plan does with
it in the next (price a year and after the annual discount, the deal size, who runs each place,
the budget line and dates of each promotion); what nothing runs or pays for is a finding."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from assistant.cli.draft import build_plan
from assistant.interview.render import plan_markdown, section_markdown


def _mix(language: str, answers: dict[str, str]) -> str:
    doc: dict[str, Any] = {"language": language, "company": "", "plan_type": "integrated", "answers": answers}  # fmt: skip
    return section_markdown(build_plan(doc).plan, "mkt_mix_4p")


EN = {
    "mkt_mix_4p": "Product: scheduling software and a payroll add-on. Price: $900 per month for up to 40 clinics, annual contracts 10% off. "
    "Place: direct sales and the Shopify App Store. Promotion: webinars, a dental expo booth, Google search ads, radio ads.",
    "sales_target_market": "Dental groups with 10-120 clinics in the Midwest.",
    "sales_offering": "Average deal size is $10,800 a year.",
    "sales_team_structure": "Head of Sales. 3 account executives and 2 SDRs.",
    "mkt_budget": "Total $300,000: webinars and content 40%, events 35%, search ads 25%.",
    "mkt_calendar": "March: dental expo booth; June: summer webinar series.",
}


def test_english_4p_says_what_the_plan_does_with_each_decision() -> None:
    mix = _mix("en", EN)
    assert "| P | Decision | In the plan |" in mix
    price = next(line for line in mix.splitlines() if line.startswith("| Price"))
    assert "$10,800 a year at list ($900 x 12)" in price
    assert "$9,720 on an annual contract (10% off)" in price  # the discount the answer states
    assert "the plan counts on $10,800 a customer a year" in price
    place = next(line for line in mix.splitlines() if line.startswith("| Place"))
    assert "direct sales: 3 account executives" in place  # the quota carriers run direct sales
    promo = next(line for line in mix.splitlines() if line.startswith("| Promotion"))
    assert "a dental expo booth (March): budget 'events' $105,000 (35%)" in promo
    assert "webinars (June): budget 'webinars and content' $120,000 (40%)" in promo
    # findings: what nothing runs or pays for, and the customers the price does not cover
    # an app store sells on commission like a marketplace: no role or budget line is owed
    assert "Shopify App Store'" not in mix.split("| Promotion")[1]
    assert "No budget line pays for 'radio ads'" in mix
    assert "The price covers up to 40 clinics, but the target market reaches 120" in mix
    assert difflib.SequenceMatcher(None, mix, EN["mkt_mix_4p"]).ratio() < 0.9


def test_a_price_per_unit_counts_the_units_a_deal_buys() -> None:
    answers = {
        "mkt_mix_4p": "Product: nightly cleaning. Price: $0.15 per square foot per month. Place: our own crews. Promotion: direct mail.",
        "sales_offering": "Average contract $54,000 a year.",
    }
    mix = _mix("en", answers)
    assert "$1.80 a year per square foot at list" in mix
    assert "about 30,000 square feet a customer" in mix
    assert "list price comes to" not in mix  # $1.80 is no deal size: no false gap
    assert "No team role or budget line" not in mix  # no budget answered: nothing to check


KO = {
    "mkt_mix_4p": "제품: 근태관리와 급여 계산 클라우드. 가격: 직원 1인당 월 4,000원, 연간 계약 시 10% 할인. "
    "유통: 홈페이지 직접 판매, 세무법인 파트너 추천. 판촉: 검색 광고, 웨비나, HR 박람회, 라디오 광고.",
    "sales_offering": "평균 계약 금액은 연 960만 원입니다.",
    "sales_team_structure": "영업 본부장 1명 아래 AE 4명, SDR 2명.",
    "mkt_budget": "총 4억 원: 검색 광고 40%, 콘텐츠·웨비나 30%, 박람회와 행사 30%.",
    "mkt_calendar": "5월: HR 박람회 부스, 9월: 가을 웨비나",
}


def test_korean_4p_is_a_plan_in_korean() -> None:
    mix = _mix("ko", KO)
    assert "| 요소 | 결정 | 계획 반영 |" in mix
    price = next(line for line in mix.splitlines() if line.startswith("| 가격"))
    assert "정가 기준 1인당 연 4만 8,000" in price and "10% 할인" in price
    assert (
        "계획은 고객당 연 960만 원을 전제" in price and "고객당 약 222명분(연 계약가 기준)" in price
    )  # 960만 ÷ 4만 3,200원
    place = next(line for line in mix.splitlines() if line.startswith("| 유통"))
    assert "홈페이지 직접 판매: 온라인에서 시작한 구매를 AE 4명이 계약으로 마무리" in place
    promo = next(line for line in mix.splitlines() if line.startswith("| 판촉"))
    assert "HR 박람회(5월): 예산 '박람회와 행사' 1억 2,000만 원(30%)" in promo
    assert "'라디오 광고'에 배정된 예산 항목이 없음" in mix  # particle read for the word
    assert "'세무법인 파트너 추천'을 맡는 역할이나 예산 항목이 없음" in mix
    assert "(를)" not in mix and "Decision" not in mix


def test_a_promotion_s_line_that_pays_other_events_says_so() -> None:
    """The events line pays the May booth and also a March seminar: the 4P does not read as if
    the whole line went to the booth."""
    answers = dict(KO)
    answers["mkt_calendar"] = (
        "3월: 노동법 설명회(세무법인 공동), 5월: HR 박람회 부스, 9월: 가을 웨비나"
    )
    promo = next(line for line in _mix("ko", answers).splitlines() if line.startswith("| 판촉"))
    assert "HR 박람회(5월): 예산 '박람회와 행사' 1억 2,000만 원(30%) · 같은 항목으로 3월 노동법 설명회(세무법인 공동)도 부담" in promo  # fmt: skip


def test_korean_price_tier_is_checked_against_the_target_market() -> None:
    answers = dict(KO)
    answers["mkt_mix_4p"] = (
        "제품: 매장 관리 앱. 가격: 월 30만 원(매장 20개까지). 유통: 직접 판매. 판촉: 검색 광고."
    )
    answers["sales_target_market"] = "매장 5~80개를 운영하는 프랜차이즈 본사."
    mix = _mix("ko", answers)
    assert "가격은 매장 20개까지인데 목표 시장은 매장 80개까지" in mix, mix


def test_a_partner_place_is_run_by_the_role_and_paid_by_the_line_the_plan_names() -> None:
    """'노무법인 파트너 추천' is paid by '노무법인 파트너 제휴' and run by the AEs the strategy names
    ('노무법인 추천 리드는 AE가 바로 맡습니다'): no false 'nobody runs it' finding."""
    from pathlib import Path

    from assistant.cli.draft import load_answers

    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    mix = section_markdown(plan, "mkt_mix_4p")
    assert (
        "노무법인 파트너 추천: 추천받은 거래는 AE 6명이 마무리, 예산 '노무법인 파트너 제휴'" in mix
    )
    # the product row says which lines answer the buyer's pain and carry the pitch (the value
    # proposition names them too) and which are shown after them (not called 'support': the
    # offering lists them as core, and a payment processor's processing is no support)
    assert (
        "| 제품 | 근태관리, 급여 계산, 전자 근로계약, 연차 관리 클라우드 서비스 | 근태관리·급여 계산이 박 인사총무팀장의 불편(엑셀로 근태를 집계하느라 급여 마감에 매달 3일이 걸림)을 풀어 제안의 중심이고, 전자 근로계약·연차 관리는 데모와 제안서에서 그 뒤에 보여 줌 |"
        in mix
    )
    # the deal size in the price's units, against the target market's size range
    assert "고객당 약 167명분(연 계약가 기준)으로 목표 시장(50~300명) 안에 있음" in mix
    assert "(Product)" not in mix and "(Price)" not in mix
    # the list's head noun ('클라우드 서비스') is the whole list's, not part of its last item
    assert "연차 관리 클라우드 서비스는" not in mix and "보조 기능" not in mix
    # the SWOT's free and bundled rivals meet the price
    assert (
        "무료 요금제·번들(위협)과는 가격을 내리지 않고 담당자가 쓰는 시간과 차별점으로 비교(예상 반론과 대응 참고)"
        in mix
    )
    assert "맡는 역할이나 예산 항목이 없습니다" not in mix


def test_promotions_one_budget_line_pays_for_are_named_together(sample_answers: Path) -> None:
    from assistant.cli.draft import build_plan, load_answers

    plan = build_plan(load_answers(sample_answers)).plan
    row = next(
        x for x in section_markdown(plan, "mkt_mix_4p").splitlines() if x.startswith("| Promotion")
    )
    assert "webinars (2 a month) and benchmark reports (every quarter): budget 'content and webinars' $168,000 (35%)" in row  # fmt: skip
    assert row.count("$168,000") == 1  # the line's amount is said once, not per promotion


def test_where_a_persona_looks_that_no_channel_reaches_is_named(sample_answers: Path) -> None:
    from assistant.cli.draft import build_plan, load_answers

    data = Path(__file__).parent / "data"
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_channels")
    # 'Reads Retail Dive, attends NRF, asks peers on LinkedIn': NRF and LinkedIn are channels
    assert "looks that no channel reaches: Retail Dive." in en
    ko = section_markdown(build_plan(load_answers(data / "ko_bakery_answers.json")).plan, "mkt_channels")  # fmt: skip
    line = next(x for x in ko.splitlines() if "채널 계획에 없는 곳" in x)
    assert "맘카페" in line and "네이버 블로그" not in line and "당근마켓" not in line  # reached


def test_a_partners_piece_does_not_take_our_own_pieces_cadence() -> None:
    """'노무사 블로그 제휴' (a partner's blog) is not the company's own blog posts twice a week."""
    from assistant.cli.draft import load_answers

    data = Path(__file__).parent / "data"
    mix = section_markdown(build_plan(load_answers(data / "ko_hr_answers.json")).plan, "mkt_mix_4p")
    row = next(r for r in mix.splitlines() if r.startswith("| 판촉"))
    assert "웨비나(월 1회)" in row and "노무사 블로그 제휴(주 2회)" not in row


def test_sellers_on_a_web_channel_close_what_it_brings_in() -> None:
    from pathlib import Path

    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.render import section_markdown

    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    place = next(r for r in section_markdown(plan, "mkt_mix_4p").splitlines() if "유통" in r)
    assert (
        "자사 홈페이지 직접 판매: 온라인에서 시작한 구매를 AE 6명이 계약으로 마무리" in place
    )  # not the website's staff


def test_a_list_price_is_checked_against_today_s_deals_not_the_deal_size_goal() -> None:
    """$1,200 a month is $14,400 a year: a deal above it needs a reason, but a deal-size goal
    rising from today's $14,000 fits the price today (its rise is shown under the offering)."""
    base = {
        "mkt_mix_4p": "Product: dashboards. Price: $1,200 per month. Place: direct web sales. Promotion: webinars.",
        "sales_team_structure": "5 account executives.",
    }
    goal = {**base, "sales_objectives": "Increase average deal size from $14,000 to $17,000 by December 2027 by bundling the add-on."}  # fmt: skip
    assert "list price comes to" not in _mix("en", goal)
    stated = {**base, "sales_offering": "Average deal size is $20,000 a year."}
    mix = _mix("en", stated)
    assert "The list price comes to $14,400 a year ($1,200 x 12), below the $20,000 average deal" in mix  # fmt: skip
    place = next(line for line in mix.splitlines() if line.startswith("| Place"))
    assert "direct web sales: buyers start online, the 5 account executives close the deals" in place  # fmt: skip


def test_the_self_serve_store_is_placed_with_the_buyers_it_serves(sample_answers: Path) -> None:
    """'Shopify App Store as a self-serve channel for chains under 20 stores': the 4P's place
    says so, rather than leaving the store out of the plan column."""
    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.render import section_markdown

    mix = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_mix_4p")
    place = next(line for line in mix.splitlines() if line.startswith("| Place"))
    assert "the Shopify App Store: self-serve for chains under 20 stores, with no seller" in place


def test_a_deal_the_target_market_cannot_carry_is_said() -> None:
    """900만 원 a year at 5만 4,000원 a head is 167 employees: a segment of 10~50명 has no
    customer that large, so the deal size needs customers the segment does not have."""
    from pathlib import Path

    from assistant.cli.draft import load_answers

    doc = load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")
    doc["answers"]["sales_target_market"] = doc["answers"]["sales_target_market"].replace("50~300명", "10~50명")  # fmt: skip
    assert "10~50명" in doc["answers"]["sales_target_market"]
    mix = section_markdown(build_plan(doc).plan, "mkt_mix_4p")
    assert "고객당 약 167명분(연 계약가 기준)으로 목표 시장(10~50명)의 가장 큰 고객보다 많음" in mix


def test_a_bundled_rival_meets_the_price_without_a_cut(sample_answers: Path) -> None:
    """The SWOT's 'bundled analytics from commerce platforms' is answered at the price: hold it and
    compare on what sets us apart (no 'time' argument: the threat is a bundle, not a free tool)."""
    from assistant.cli.draft import load_answers

    mix = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_mix_4p")
    assert "against bundled rivals (a threat): hold the price and compare on what sets us apart (see objection handling)" in mix  # fmt: skip


def test_the_4p_price_ties_the_deal_goal_to_today_and_a_partner_channel_is_a_place(sample_answers: Path) -> None:  # fmt: skip
    from assistant.cli.draft import load_answers

    mix = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_mix_4p")
    # $17,000 = today's $14,000 (about the list price) + the $3,000 the deal-size goal adds
    assert "goal 5 aims at $17,000 a customer a year: today's $14,000 plus $3,000 (see the offering)" in mix  # fmt: skip
    assert "- Partner agencies (a channel) are missing from Place. Recommended: add them as a referral place" in mix  # fmt: skip


@pytest.mark.parametrize("name", ["us_freight_answers.json", "ko_dental_answers.json"])
def test_a_fee_ceiling_is_never_more_than_a_whole_first_year(name: str) -> None:
    """A customer costing more than its first year's contract (a per-load or per-visit price read
    as the year's) gives no ceiling to set a referral fee against: no '2000%' is printed."""
    import re

    from assistant.cli.draft import load_answers

    text = plan_markdown(build_plan(load_answers(Path(__file__).parent / "data" / name)).plan)
    shares = re.findall(
        r"([\d,]+)% of a first[- ]year|첫해 계약(?: 금액)?의 ([\d,]+)%|계약 [^()]{0,20}의 ([\d,]+)%\)",
        text,
    )
    assert all(float(x.replace(",", "")) <= 100 for s in shares for x in s if x), shares

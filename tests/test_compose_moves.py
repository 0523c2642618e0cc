"""Strategy, content, target market, offering, sales strategy, tactics and training are composed
from the plan (goals, channels, team, cadence), never the answer pasted back, in both languages."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from assistant.analysis.plan_links import plan_page
from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["sample", "ko_subscription_answers.json", "ko_saas_answers.json", "short_answers.json"])  # fmt: skip
def test_no_answered_section_is_pasted_back(name: str, sample_answers: Path) -> None:
    path = sample_answers if name == "sample" else DATA / name
    answers = json.loads(path.read_text())["answers"]
    plan = build_plan(load_answers(path)).plan
    for sid, answer in answers.items():
        shown = section_markdown(plan, sid)
        assert difflib.SequenceMatcher(None, shown, answer).ratio() < 0.9, (sid, shown)


def test_english_strategy_and_sales_sections_plan(sample_answers: Path) -> None:
    plan = build_plan(load_answers(sample_answers)).plan
    content = section_markdown(plan, "mkt_content_strategy")
    # a report readers download is the lead goal's form fill as well as the traffic goal's draw
    assert "| Benchmark report | every quarter | 4 | Awareness | Goal 2; goal 1 (gated download) |" in content  # fmt: skip
    strategy = section_markdown(plan, "mkt_strategy")
    # the channels no move names join the move of their stage, each move with the money of the
    # lines that pay its channels; what no move uses is said under the table
    assert "| Lead with data-rich content and peer webinars | Awareness → Leads and consideration | Goals 1, 2 | webinars, plus LinkedIn, email newsletter and NRF trade show at the same stages | $432,000 (90%): content and webinars $168,000, LinkedIn ads $144,000, events $120,000 |" in strategy  # fmt: skip
    # the app store is the sales plan's self-serve channel (its answer says so): no finding here
    # partner agencies refer buyers the AEs close: they join the sellers' move, no open question
    assert "| Convert with a 14-day guided trial on the buyer's own POS data | Conversion | Goal 4 | account executives (direct sales), partner agencies | sales team cost |" in strategy  # fmt: skip
    assert "Channels no move uses" not in strategy
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_strategy")  # fmt: skip
    assert "어느 실행 방향에도 쓰이지 않는 채널" not in ko  # 링크드인 is an awareness channel
    # the events line also pays the customer conference that keeps customers (goal 6): said, so
    # the lead move's 4억 800만 원 is not read as all lead money
    assert "| 4억 800만 원 (85%): 네이버·구글 검색 광고 1억 9,200만 원, HR 박람회와 행사 1억 2,000만 원, 콘텐츠·웨비나 9,600만 원 |" in ko  # fmt: skip
    assert "'HR 박람회와 행사' 예산 중 6,860만 원(제안)은 목표 6번을 돕는 10월 고객 컨퍼런스 '핏플로우 데이'에 쓰이므로" in ko  # fmt: skip
    assert (
        "| 네이버 검색 광고, 구글 검색 광고, 블로그와 뉴스레터, 월간 웨비나 · 같은 단계에서 함께 쓰는 채널: 링크드인, HR 박람회 |"
        in ko
    )  # every channel, none cut
    content = section_markdown(plan, "mkt_content_strategy")
    assert (
        "88 pieces a year." in content
        and "About 88" not in content
        and "| Webinars | 2 a month | 24 |" in content
    )
    assert "**Review routine:** Content audit (every quarter)" in content
    assert "Check: goal 2 counts on 4 benchmark reports by June 2027" in content
    market = section_markdown(plan, "sales_target_market")
    for row in ("| Size | 20-200 stores |", "| Start with | apparel and specialty food (proposed:",
                "| New customers to win | 70 (Goal 4) |", "| Segment | retail chains |"):  # fmt: skip
        assert row in market
    offer = section_markdown(plan, "sales_offering")
    assert (
        "| Add-on | Demand forecasting | a second purchase for customers on the core (Goal 5); which of the buyer's measures it moves is asked in the first customer interviews |"
        in offer
        and "| Differentiator | One-day setup | the effort of switching |" in offer
    )
    assert "**Serves the goals:** Demand forecasting → Goal 5" in offer
    sales = section_markdown(plan, "sales_strategy")
    assert "| AEs run a guided trial with a mutual action plan | account executives (5) |" in sales
    # capacity is computed: 70 deals over 5 sellers, 900 MQLs over 4 SDRs
    assert "5 account executives close 70 new deals: about 14 each, 1.2 a month." in sales
    assert (
        "4 SDRs work 900 MQLs over 9 months: about 225 each, 25 a month." in sales
    )  # to September
    strategy = section_markdown(plan, "mkt_strategy")
    # a guided trial is worked by the sellers, not by the app store or the partner agencies
    assert "| Convert with a 14-day guided trial on the buyer's own POS data | Conversion | Goal 4 | account executives (direct sales), partner agencies |" in strategy  # fmt: skip
    tactics = section_markdown(plan, "sales_tactics")
    # MEDDICC qualifies opportunities, so it moves the forecast's accuracy first (the knowledge
    # base's page) and is the sellers' own (the SDRs qualify leads, the AEs qualify opportunities)
    assert "| MEDDICC qualification | Qualification | account executives (5) | Forecast accuracy | - |" in tactics  # fmt: skip
    # one fix through the plan: the recommended lead goal, so no higher close rate is asked for
    assert "All of them move one KPI" not in tactics and "29%" not in tactics
    # each tactic names the persona objection it answers; none is taught, which the training
    # section says once instead of a column of 'not yet'
    assert "| Value calculator showing hours saved | Demo and proposal | account executives (5) | Win rate | price against this year's budget |" in tactics  # fmt: skip
    assert "| Reference calls with similar retailers | Closing | account executives (5) | Win rate | the risk of changing what works today |" in tactics  # fmt: skip
    assert "not yet" not in tactics and "Taught in" not in tactics
    training = section_markdown(plan, "sales_training")
    assert (
        "| Two-week onboarding bootcamp | once per hire | none planned (no hires stated); kept ready for a replacement hire | new hires |"
        in training
    )
    # the strategy's conversion step is a skill the sellers need too
    assert "**Tactics and conversion steps no programme teaches this year:** MEDDICC qualification, value calculator showing hours saved, running the 14-day guided trial:" in training  # fmt: skip
    assert (
        "Reference calls" not in training.split("no programme teaches")[1]
    )  # a customer asset is prepared, not taught
    # no hire joins the bootcamp this year: the current team learns the modules in a session
    assert "give each a session for the current team at the start of the year and practise it in the call reviews" in training  # fmt: skip
    assert "a session each for the current team at the start of the year, practised in the call reviews." in training  # fmt: skip
    answers = load_answers(sample_answers)
    answers["answers"]["sales_team_structure"] += " We hire two more account executives in Q2."
    answers["answers"]["sales_training"] += " A trial clinic every month."
    hiring = section_markdown(build_plan(answers).plan, "sales_training")
    # with hires the bootcamp carries the modules; a programme that names the trial teaches it
    assert "give each a session for the current team at the start of the year, a module in the two-week onboarding bootcamp for those who join later, and practise it in the call reviews" in hiring  # fmt: skip
    assert "**Tactics no programme teaches this year:** MEDDICC qualification, value calculator showing hours saved:" in hiring  # fmt: skip
    assert "| Call reviews | every week | 52 | whole team | conversion by person (" in training


def test_korean_sections_plan_in_korean() -> None:
    plan = build_plan(load_answers(DATA / "ko_subscription_answers.json")).plan
    strategy = section_markdown(plan, "mkt_strategy")
    # the choices lead (where to win, why buyers choose us): no count of moves above them
    assert strategy.startswith("**선택과 집중**") and "실행 방향 3가지가" not in strategy
    assert "| 인스타그램 릴스와 맘카페 후기로 인지도를 높이기 | 인지 → 리드·검토 | 목표 1, 2 |" in strategy  # fmt: skip
    assert (
        "| 3개월 차 구독자에게 간식 박스를 추가 판매하기 | 유지·확장 | 목표 4 |" in strategy
    )  # an upsell is not a new-customer move
    content = section_markdown(plan, "mkt_content_strategy")
    assert "| 릴스 | 주 3회 | 156 | 인지 |" in content and "**점검 주기:** 콘텐츠 성과 점검 (분기 1회)" in content  # fmt: skip
    market = section_markdown(plan, "sales_target_market")
    for row in ("| 지역 | 수도권 |", "| 세그먼트 | 맞벌이 가구 |", "| 연령 | 30~40대 |",
                "| 우선 공략 | 자녀가 있는 가정(제안: 1분기 캠페인과 첫 후기를 여기서 먼저 모음) |", "| 목표 고객 수 | 8,000명 → 1만 5,000명 (목표 3) |"):  # fmt: skip
        assert row in market
    offer = section_markdown(plan, "sales_offering")
    assert "| 차별점 | 영양사 식단 |" in offer and "| 추가 옵션 | 간식 박스 추가 옵션 |" in offer
    tactics = section_markdown(plan, "sales_tactics")
    assert "| 해지 신청 시 1개월 할인 제안 | 유지·확장 | 이탈률 |" in tactics
    training = section_markdown(plan, "sales_training")
    # no sellers or SDRs in a consumer service's team: no close rate for them, no 'AE'
    assert "| 상담 녹취 리뷰 | 주 1회 | 52 | 팀 전체 | 담당자별 전환율 |" in training
    assert "| 신메뉴 시식 교육 | 분기 1회 | 4 | 팀 전체 | 교육 후 짧은 제품 퀴즈 점수 |" in training
    assert "적응 기간(혼자 업무를 맡기까지 걸린 주)" in training and "AE" not in training
    for sid in ("mkt_strategy", "sales_strategy", "sales_training", "mkt_content_strategy"):
        text = section_markdown(plan, sid)
        assert not any(w in text for w in ("Goal", "Move", "Awareness", "a year")), (sid, text)


def test_a_tactic_is_covered_by_the_programme_that_names_it(sample_answers: Path, tmp_path: Path) -> None:  # fmt: skip
    doc = json.loads(sample_answers.read_text())
    doc["answers"]["sales_tactics"] = "Kit selling with a three-item checklist, BANT qualification."
    doc["answers"]["sales_training"] = "Kit-selling role-play certification every quarter, weekly call reviews."  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(doc))
    plan = build_plan(load_answers(path)).plan
    tactics = section_markdown(plan, "sales_tactics")
    assert "| Kit selling with a three-item checklist |" in tactics
    assert "| Kit-selling role-play certification |" in tactics  # covered: the programme names it
    assert (
        "| BANT qualification | Qualification | SDRs (4) | MQL-to-SQL rate | not yet |" in tactics
    )
    # ... with how it is run: the SDRs' hand-off rule for a qualification that moves MQL-to-SQL
    assert "| not yet | Every lead before it is passed to a seller as an SQL:" in tactics
    training = section_markdown(plan, "sales_training")
    assert (
        "**Tactics and conversion steps no programme teaches this year:** BANT qualification, running the 14-day guided trial:"
        in training
    )  # said once, where training is planned
    assert "Kit selling" not in training.split("no programme teaches")[1]
    doc["language"] = "ko"
    path.write_text(json.dumps(doc))
    ko = section_markdown(build_plan(load_answers(path)).plan, "sales_training")
    assert (
        "**올해 교육 프로그램에서 다루지 않는 전술과 전환 단계:** BANT qualification, 14-day guided trial 진행."
        in ko
        and "을(를)" not in ko
    )


def test_team_territories_and_channels_read_as_written() -> None:
    answers = {
        "sales_team_structure": "VP Retail leads 3 district managers, 14 store managers and about 210 sales associates.",
        "sales_territories_channels": "수도권(AE 3명), 영남권(AE 2명, 부산 거점); 파트너 채널.",
        "sales_objectives": "Win 100 new customers by December 2027 through partners.",
        "mkt_channels": "Google search and local inventory ads, Instagram",
        "mkt_budget": "Annual marketing budget $1M: Google search and local inventory ads 60%, Instagram ads 40%.",
    }  # fmt: skip
    plan = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip
    assert "| sales associates | 210 | VP Retail | - |" in section_markdown(plan, "sales_team_structure")  # fmt: skip
    territories = section_markdown(plan, "sales_territories_channels")
    assert "| 수도권 | 3 | 60 (60%) | 20 |" in territories and "| 영남권 | 2 | 40 (40%) | 20 |" in territories  # fmt: skip
    channels = section_markdown(plan, "mkt_channels")
    assert "60% (with local inventory ads)" in channels  # one line's share is not counted twice


def test_bracketed_lists_and_shared_months_are_read_whole() -> None:
    from assistant.interview.calendar_read import calendar_from_answer
    from assistant.interview.extract_offline import (
        budget_from_answer,
        channels_from_answer,
    )

    assert channels_from_answer("Meta (Instagram, Facebook), TikTok, email (Klaviyo).") == [
        "Meta (Instagram, Facebook)", "TikTok", "email (Klaviyo)"]  # fmt: skip
    lines = budget_from_answer("Budget $1M: paid social (Meta, TikTok) 55%, Amazon ads 45%.").lines
    assert [(b.item, b.share) for b in lines] == [("paid social (Meta, TikTok)", 55), ("Amazon ads", 45)]  # fmt: skip
    entries = calendar_from_answer("May: Mother's Day push ($85,000). March, July and September: always-on only ($70,000 each).")  # fmt: skip
    assert [(e.when, e.activity, e.cost) for e in entries] == [
        ("May", "Mother's Day push", 85_000), ("March", "always-on only", 70_000),
        ("July", "always-on only", 70_000), ("September", "always-on only", 70_000)]  # fmt: skip


def test_a_table_that_holds_the_whole_answer_is_not_preceded_by_it() -> None:
    answers = {
        "sales_team_structure": "VP Sales leads 4 SDRs and 5 account executives.",
        "sales_territories_channels": "US East (3 reps), US West (2 reps); Shopify App Store for small chains.",
        "sales_objectives": "Close 70 new contracts by December 2027 through trials.",
    }  # fmt: skip
    plan = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip
    assert section_markdown(plan, "sales_team_structure").startswith("| Role | Headcount |")
    # the self-serve channel is in no table cell, so the answer stays above the table
    assert section_markdown(plan, "sales_territories_channels").startswith("US East (3 reps)")


def _with_answer(path: Path, tmp_path: Path, section: str, text: str) -> Path:
    data = json.loads(path.read_text())
    data["answers"][section] = text
    out = tmp_path / "answers.json"
    out.write_text(json.dumps(data, ensure_ascii=False))
    return out


def test_offering_keeps_numbers_whole_and_reads_add_on_lists(sample_answers: Path, tmp_path: Path) -> None:  # fmt: skip
    text = (
        "Nightly janitorial and day porter service with add-ons: floor care programs, "
        "disinfection and window cleaning. Differentiators: same crew every night, 2-hour response. "
        "Add-on services brought $1.1 million in 2026 and we expect $600,000 of expansion revenue in 2027."
    )
    plan = build_plan(
        load_answers(_with_answer(sample_answers, tmp_path, "sales_offering", text))
    ).plan
    shown = section_markdown(plan, "sales_offering")
    assert "| Core | Nightly janitorial, day porter service |" in shown
    assert "| Add-on | Floor care programs |" in shown and "| Add-on | Window cleaning |" in shown
    assert "| Differentiator | Same crew every night |" in shown
    rows = [r for r in shown.splitlines() if r.startswith("| ")]
    assert not any("expansion" in r or "$600" in r for r in rows)  # a figure is no element
    # what the add-ons must bring together is asked for, not pinned on one of them
    assert "The $600,000 of expansion revenue rests on the add-ons (floor care programs, disinfection, window cleaning): state what each costs a year" in shown  # fmt: skip


def test_korean_offering_names_the_cross_sold_module(tmp_path: Path) -> None:
    text = (
        "근태관리, 급여 계산, 전자 근로계약. 차별화 요소는 주 52시간 자동 경고와 2주 도입입니다. "
        "평가·전자결재 모듈은 기존 고객 교차 판매용이며 2027년 확장 매출 4억 원을 기대합니다."
    )
    path = _with_answer(DATA / "ko_workflow_saas_answers.json", tmp_path, "sales_offering", text)
    shown = section_markdown(build_plan(load_answers(path)).plan, "sales_offering")
    # the core elements on one row; the cross-sold module its own
    assert (
        "| 추가 옵션 | 평가·전자결재 모듈 | 고객의 어떤 지표를 움직이고 얼마의 가치인지 첫 고객 인터뷰에서 확인함 |"
        in shown
        and "| 핵심 | 근태관리, 급여 계산, 전자 근로계약 | - |" in shown
    )
    assert "기대" not in shown.split("**가격")[0]  # the money sentence is not an element


def test_the_4p_and_the_offering_agree_on_the_lines_shown_after_the_pitch() -> None:
    """The 4P leads with the lines that answer the buyer's pain (근태관리·급여 계산) and shows the
    others after them, without calling them support: the offering lists every product line as
    core, and the two never contradict each other ('보조 기능' beside '핵심')."""
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    mix = section_markdown(plan, "mkt_mix_4p")
    assert (
        "전자 근로계약·연차 관리는 데모와 제안서에서 그 뒤에 보여 줌" in mix and "보조" not in mix
    )
    offer = section_markdown(plan, "sales_offering")
    assert "전자 근로계약, 연차 관리 |" in offer and "| 보조 |" not in offer
    pay = build_plan(load_answers(DATA / "ko_payments_answers.json")).plan
    assert "보조 기능" not in section_markdown(pay, "mkt_mix_4p")


def test_an_offer_answer_with_figures_only_says_what_is_missing(tmp_path: Path) -> None:
    shown = section_markdown(build_plan(load_answers(DATA / "us_retail_answers.json")).plan, "sales_offering")  # fmt: skip
    assert "**Figures stated:**" in shown and "$85" in shown
    assert "name the core product or service" in shown and "| Repeat purchase rate" not in shown


def test_stated_territory_targets_and_the_team_breakdown_are_kept(tmp_path: Path) -> None:
    ko = {
        "sales_team_structure": "영업 본부장 1명 아래 AE 6명(수도권 4명, 영남 1명, 충청·호남 1명), SDR 3명.",
        "sales_territories_channels": "수도권(신규 고객 목표 120곳), 영남(50곳), 충청·호남(25곳). 채널: 직접 영업.",
        "sales_objectives": "2027년 12월까지 신규 고객 180곳을 확보한다(파트너 추천 확대).",
    }  # fmt: skip
    shown = section_markdown(build_plan({"language": "ko", "company": "", "plan_type": "integrated", "answers": ko}).plan, "sales_territories_channels")  # fmt: skip
    assert (
        "| 수도권 | 4 | 120곳 (62%) | 30곳 |" in shown
        and "| 영남 | 1 | 50곳 (26%) | 50곳 |" in shown
    )
    assert "| 충청·호남 | 1 | 25곳 (13%) | 25곳 |" in shown  # '충청·호남' whole, not '호남'
    assert "지역 목표 합계 195곳이 신규 고객 목표 180곳과 15곳 차이 남." in shown
    assert "영남: 담당자 1인당 50곳으로 팀 평균 32곳보다 54% 많음. 담당자를 늘리거나 목표 일부를 옮겨야 함(1인당 25곳인 충청·호남 담당자가 인접 고객을 나눠 맡는 방법도 있음)." in shown  # fmt: skip
    en = {
        "sales_team_structure": "A sales director leads 6 account executives (3 in Dallas, 2 in Houston, 1 in Austin) and 2 SDRs.",
        "sales_territories_channels": "Three territories: Dallas (target 22 new contracts), Houston (15) and Austin (8). Channels: direct sales.",
        "sales_objectives": "Win 45 new contracts by December 2027 through referral partners.",
    }  # fmt: skip
    shown = section_markdown(build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": en}).plan, "sales_territories_channels")  # fmt: skip
    assert "| Dallas | 3 | 22 (49%) | 7.3 |" in shown and "| Austin | 1 | 8 (18%) | 8 |" in shown
    # the plan's own targets need no note saying so; nothing is marked proposed
    assert "the one the plan sets" not in shown and "(proposed)" not in shown


def test_team_reads_breakdowns_setters_and_reporting_lines() -> None:
    from assistant.analysis.lists import team_roles

    en = {"sales_team_structure": "A sales director leads 6 account executives (3 in Dallas, 2 in Houston, 1 in Austin) and 2 inside sales reps who book walk-throughs; 4 account managers handle retention and report to the operations VP, not to sales."}  # fmt: skip
    plan = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": en}).plan  # fmt: skip
    roles = {str(r["role"]): r for r in team_roles(plan)}
    assert list(roles) == ["sales director", "account executives", "inside sales reps", "account managers"]  # fmt: skip
    assert roles["account executives"]["quota_carrying"] and not roles["inside sales reps"]["quota_carrying"]  # fmt: skip
    assert roles["account managers"]["reports_to"] == "operations VP"
    assert plan.number("quota_carrying_sellers") == 6  # the setters carry no quota
    ko = {"sales_team_structure": "영업 본부장 1명 아래 AE 6명(수도권 4명, 영남 1명, 충청·호남 1명), SDR 3명, CSM 4명. SDR은 인사이드세일즈 파트장에게 보고합니다."}  # fmt: skip
    plan = build_plan({"language": "ko", "company": "", "plan_type": "integrated", "answers": ko}).plan  # fmt: skip
    roles = {str(r["role"]): r for r in team_roles(plan)}
    assert list(roles) == ["영업 본부장", "AE", "SDR", "CSM"]  # the regions are no roles
    assert roles["SDR"]["reports_to"] == "인사이드세일즈 파트장"
    assert plan.number("quota_carrying_sellers") == 6


def test_sales_steps_name_their_actor_and_leave_budgets_out() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_strategy")  # fmt: skip
    # 'AE가 진단 결과 발표와 데모, 14일 체험을 진행합니다': the objects stay with their verb
    assert "| AE가 진단 결과 발표와 데모, 14일 체험을 진행함 | AE 6명 |" in ko
    assert (
        "| SDR이 인바운드 리드에 2시간 안에 연락해 무료 급여 진단을 잡음 | SDR 3명 |" in ko
    )  # a cut clause too
    assert (
        "| 노무법인 추천 리드는 AE가 바로 맡음 | AE 6명 |" in ko
    )  # one ending (개조식) for every step
    # partner referrals the AEs take straight serve the customer goal, counted as partner deals
    assert (
        "| 노무법인 추천 리드는 AE가 바로 맡음 | AE 6명 | 발굴 | 목표 5 | 파트너 소개 계약 수 |"
        in ko
    )
    assert "| CSM은 도입 90일 후 평가·전자결재 모듈을 교차 판매함 | CSM 4명 |" in ko
    assert "영업 예산" not in ko.split("**역량")[0]  # a budget is no step
    en = section_markdown(build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan, "sales_strategy")  # fmt: skip
    row = next(r for r in en.splitlines() if r.startswith("| Account executives walk"))
    assert "| account executives (6) | Demo and proposal |" in row and "Churn" not in row
    assert "| account managers (4) | Retention and expansion |" in en
    assert "Sales budget" not in en


def test_channels_take_their_budget_line_and_a_fitting_role() -> None:
    ko = section_markdown(
        build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_channels"
    )
    # a search ad captures demand that already exists: not an awareness channel
    assert (
        "| 구글 검색 광고 | 획득(이미 찾는 수요의 리드) | 리드당 비용(CPL) | 네이버 검색 광고 행의 40%에 포함 |"
        in ko
    )
    en = section_markdown(build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert "| Google Ads | Acquisition (leads from existing demand) | Cost per lead (CPL) |" in en
    # not 'revenue', not '-'; the lead goal's own measure ('마케팅 적격 리드(MQL) 수'), not the
    # catalogue's '리드 확보 수': one name per measure across the document
    # the line also pays the seminar and the customer conference: its name says the share is its
    assert (
        "| HR 박람회 | 검토(리드·데모) | 마케팅 적격 리드(MQL) 수 | 25%('HR 박람회와 행사') |" in ko
    )
    assert "리드 확보 수" not in ko
    en = section_markdown(build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert (
        "| BOMA | Consideration (leads and demos) | Leads generated |" in en
    )  # read with its budget line
    assert "| property-manager referrals | Acquisition through referrals |" in en


def test_content_per_territory_counts_every_territory_and_moves_lose_their_and(sample_answers: Path) -> None:  # fmt: skip
    plan = build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan
    content = section_markdown(plan, "mkt_content_strategy")
    assert "| SEO articles per branch city | 2 a week in each of 3 territories | 312 |" in content
    assert (
        "| Goal 1 |" in content.split("SEO articles")[1].splitlines()[0]
    )  # 'SEO' links to the goal
    coffee = section_markdown(build_plan(load_answers(DATA / "dtc_coffee_answers.json")).plan, "mkt_strategy")  # fmt: skip
    assert "| And " not in coffee and "| Turn buyers into subscribers" in coffee
    team = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_team_structure")
    assert "| SDRs | 4 | team lead |" in team  # 'SDRs report to a team lead', said later


def test_a_stated_forecast_is_a_table_checked_against_the_goal_and_the_bridge() -> None:
    en = section_markdown(build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan, "sales_forecast")  # fmt: skip
    assert "| Q1 2027 | $4.9M |" in en and "| Total | $20.8M |" in en
    assert (
        "For comparison: the bridge from last year's revenue (even signing)" in en
    )  # the plan's own quarters beside them
    assert "$700,000 short of the $21.5M revenue goal" in en
    # the quarters are this year's revenue: set against what the year brings when customers join,
    # leave and expand evenly through it (the run-rate at year end is $19,582,000)
    assert "2027 revenue comes to about $19M, $1.8M below the quarters' total" in en
    assert "**What the forecast assumes:** Summer is slower for schools" in en
    assert "We expect revenue of" not in en  # the figures are the table, not pasted above it
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_forecast")  # fmt: skip
    assert "| 2027년 1분기 | 13억 원 |" in ko and "| 합계 | 58억 원 |" in ko
    # beside them, the plan's own arithmetic by quarter: 42억 run-rate with the year's net change
    # (16억 2,000만 new + 4억 expansion - 3억 3,600만 churn = 16억 8,400만) joining evenly:
    # (42억 + 16.84억 x 1/8) / 4 = 11억 in Q1 ... 50억 4,000만 in all, the bridge's landing
    assert "| 분기 | 예상 매출 | 비교: 작년 매출에서 출발한 브리지(고르게 계약) |" in ko
    assert "| 2027년 1분기 | 13억 원 | 11억 원 |" in ko and "| 합계 | 58억 원 | 50억 4,000만 원 |" in ko  # fmt: skip
    assert "약 50억 4,000만 원임" not in ko  # the column shows it: not said again below
    assert "매출 목표" not in ko  # the forecast meets the 58억 goal: no false gap
    # '1분기와 3분기에 신규 계약이 몰립니다' while Q1 is the smallest quarter
    # contracts that peak in Q1 are revenue in the quarters after it: no false gap for a
    # subscription; Q1 at 13억 runs above last year's 42억, so the opening run-rate is asked for
    assert "계약이 몰린다고 하지만 예측에서는" not in ko  # no 'Q1 is not above average' gap
    # contracts signed mid-quarter in Q1 and Q3 lift every step alike (each step holds one peak
    # quarter's signings), so even 1억 steps fit the stated peaks: no finding
    assert "그 다음 분기로 늘어나는 매출이 다른 분기보다 크지 않음" not in ko
    # the opening the goal needs is the figure to confirm, (58억 - (16억 2,000만 + 4억) / 2) /
    # (1 - 8% / 2) = 49억 9,000만: last year's 42억 is an average, so it is no commitment to
    # budget on as the target; one number is recommended to commit to (directors scored two
    # totals side by side 1): the bridge's 50억 4,000만 until the opening reaches 49억 9,000만
    assert "- 분기 예측 합계 58억 원은 목표와 같고, 연초 ARR(12월 월 매출 × 12)이 약 49억 9,000만 원일 때 달성됨. 1분기 13억 원(연환산 52억 원)도 작년 매출 42억 원보다 높게 시작한다는 같은 전제임." in ko  # fmt: skip
    assert "권장: 예산과 채용은 작년 매출에서 출발한 약 50억 4,000만 원에 맞추고, 승인 전에 최근 월 매출 × 12로 추정한 연초 ARR이 약 49억 9,000만 원 이상이면(1월에 12월 실적으로 확정) 58억 원 기준으로 올림." in ko  # fmt: skip


def test_target_market_names_places_and_never_a_lone_particle(sample_answers: Path) -> None:
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_target_market")
    assert "| Region | North America |" in en
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert "| 세그먼트 | 과 |" not in ko and "| 지역 | 수도권, 영남, 충청, 호남 |" in ko


def test_expected_roi_reads_as_written(sample_answers: Path) -> None:
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_budget")
    # '3x' is revenue of three times the cost: how it is read is said where it is shown
    assert "Expected ROI: 3x, read as revenue of 3 × the cost: an ROI of 200% on revenue less cost" in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_budget")
    assert "기대 ROI: 300%" in ko and "3배" not in ko


def test_a_competitors_focus_stays_with_it() -> None:
    from assistant.analysis.lists import competitor_list

    plan = build_plan(load_answers(DATA / "us_industrial_answers.json")).plan
    assert competitor_list(plan) == [
        "Grainger", "Fastenal (national accounts)",
        "Motion Industries (bearings and power transmission)", "Amazon Business (commodity items)",
    ]  # fmt: skip


def test_a_goal_with_its_own_means_is_no_strategy_gap() -> None:
    ko = section_markdown(
        build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_strategy"
    )
    assert (
        "실행 방향이 아직 없습니다" not in ko
    )  # '분기별 고객 리뷰를 도입해' says how goal 6 is reached


def test_inside_sales_who_book_audits_carry_no_quota_and_bracket_targets_may_say_more() -> None:
    from assistant.analysis.lists import team_roles

    plan = build_plan(load_answers(DATA / "us_industrial_answers.json")).plan
    quota = {str(r["role"]): r["quota_carrying"] for r in team_roles(plan)}
    assert (
        quota["field reps"] and not quota["inside sales reps"]
    )  # 'Inside sales qualifies … books'
    assert plan.number("quota_carrying_sellers") == 12
    shown = section_markdown(plan, "sales_territories_channels")
    assert "| Michigan | 3 | 20 (22%) |" in shown  # '(20, half through sub-distributors)'


def test_us_states_are_a_region_and_a_named_top_stage_is_kept_in_the_summary() -> None:
    plan = build_plan(load_answers(DATA / "us_industrial_answers.json")).plan
    market = section_markdown(plan, "sales_target_market")
    assert (
        "| Region | Ohio, Indiana, Michigan |" in market
        and "| Segment | Manufacturing plants |" in market
    )
    assert "1,200 opportunities" in section_markdown(plan, "mkt_executive_summary")


def test_figures_are_no_sales_steps_and_a_figures_only_strategy_follows_the_funnel() -> None:
    from assistant.cli.draft import build_plan, load_answers

    plan = build_plan(load_answers(DATA / "us_hvac_answers.json")).plan
    text = section_markdown(plan, "sales_strategy")
    assert "18.0 - 0.9" not in text and "Gross margin" not in text
    assert "| Site surveys | 500 | 25% |" in text
    ko = build_plan(load_answers(DATA / "ko_petfood_answers.json")).plan
    steps = section_markdown(ko, "sales_strategy")
    assert "36 - 6" not in steps and "매출총이익률" not in steps and "28억" not in steps
    assert "급여 가이드" in steps  # the real step stays


def test_a_word_with_a_digit_is_one_role_and_every_other_week_is_26_times() -> None:
    from assistant.analysis.cadence import recurring_items
    from assistant.core.korean import counted

    assert counted("B2B 제휴 매니저 2명") == [("B2B 제휴 매니저", 2)]
    (drill,) = recurring_items("해지 방어 스크립트 롤플레이 격주")
    assert drill.per_year == 26
    items = recurring_items("2-wk onboarding incl. ride-alongs w/ techs, biweekly call reviews.")
    assert items[0].name.startswith("2-wk onboarding incl. ride-alongs")
    assert items[1].per_year == 26


def test_team_table_reads_a_leading_title_quotas_and_joined_korean_roles() -> None:
    from assistant.cli.draft import build_plan, load_answers

    hvac = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "sales_team_structure")  # fmt: skip
    assert "| VP Sales & Service | 1 |" in hvac
    assert "$1.2M annual quota; about 28 new deals each" in hvac
    assert "| inside sales coordinator | 1 |" in hvac
    ko = section_markdown(build_plan(load_answers(DATA / "ko_petfood_answers.json")).plan, "sales_team_structure")  # fmt: skip
    assert "| 콘텐츠·인플루언서 담당 | 1 |" in ko and "쿼터 1억 5천만 원" in ko


def test_numbered_territories_one_seller_each_and_regions_by_stated_share() -> None:
    from assistant.cli.draft import build_plan, load_answers

    hvac = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "sales_territories_channels")  # fmt: skip
    assert "| Chester County + New Castle County DE | 1 | 28 (20%) | 28 |" in hvac
    assert "(proposed)" not in hvac  # 'one per territory' states the sellers
    ko = section_markdown(build_plan(load_answers(DATA / "ko_petfood_answers.json")).plan, "sales_territories_channels")  # fmt: skip
    assert "| 수도권 | 3,600명 (60%) |" in ko and "영업 담당자" not in ko


def test_channels_take_the_budget_line_of_their_kind() -> None:
    """A shared platform name does not make a blog the search ads' line, a gift shop is no
    retention channel, and a trade show is paid by the one events line."""
    from assistant.cli.draft import build_plan, load_answers

    ko = section_markdown(build_plan(load_answers(DATA / "ko_petfood_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert (
        "| 네이버 블로그/카페 | 인지·자연 유입 | 웹사이트 트래픽 | 예산 항목 없음 |" in ko
    )  # said, not a dash
    assert "| 카카오 선물하기 | 선물 구매로 신규 유입 |" in ko
    assert "| 케이펫페어 | 검토(체험·첫 구매) |" in ko
    assert (
        "| 메타 광고 | 획득(인지·첫 구매) | 광고 수익률(ROAS) | 35% |" in ko
    )  # shoppers are no leads
    answers = {
        "mkt_channels": "LinkedIn, webinars, NRF trade show",
        "mkt_budget": "Budget $480,000: content and webinars 35%, LinkedIn ads 30%, events 25%, tools 10%.",
    }
    en = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip
    assert "| NRF trade show | Consideration (leads and demos) | Leads generated | 25% ('events' line) |" in section_markdown(en, "mkt_channels")  # fmt: skip


def test_the_4p_price_is_set_against_the_deal_size(sample_answers: Path) -> None:
    from assistant.cli.draft import build_plan, load_answers

    mix = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_mix_4p")
    # $14,400 at list fits today's $14,000 deals; the rise to the $17,000 goal is the offering's
    assert "$14,400 a year at list ($1,200 x 12)" in mix and "list price comes to" not in mix
    per_seat = {"mkt_mix_4p": "Product: CRM. Price: $50 per user per month. Place: web. Promotion: ads.",
                "sales_offering": "Average deal size is $12,000."}  # fmt: skip
    plan = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": per_seat}).plan  # fmt: skip
    assert "list price comes to" not in section_markdown(plan, "mkt_mix_4p")  # a price per user


def test_an_element_the_goals_call_an_add_on_is_an_add_on(sample_answers: Path) -> None:
    from assistant.cli.draft import build_plan, load_answers

    offer = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_offering")
    assert (
        "| Add-on | Demand forecasting |" in offer
        and "| Core | Daily store-level dashboards, anomaly alerts |" in offer
    )


def test_a_target_market_keeps_every_place_it_names() -> None:
    from assistant.cli.draft import build_plan, load_answers

    market = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert "| Region | Philadelphia, Montgomery, Bucks, Chester and Delaware counties" in market
    assert (
        "| Segment | Commercial buildings |" in market
        and "| Industries | office, medical office" in market
    )


def test_a_booker_s_load_is_the_stage_their_sentence_names() -> None:
    from assistant.cli.draft import build_plan, load_answers

    sales = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "sales_strategy")  # fmt: skip
    assert "1 inside sales coordinator books 500 site surveys over 12 months" in sales


def test_a_table_that_holds_most_of_the_answer_is_followed_only_by_the_rest() -> None:
    from assistant.cli.draft import build_plan, load_answers

    budget = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "mkt_budget")  # fmt: skip
    assert budget.startswith("**Budget**") or budget.lstrip().startswith("**Budget**")
    assert "**Also noted:** Target 2,000 leads => ~$270 per lead." in budget
    # not pasted above the table (the quarters' table below it names the line again)
    assert budget.split("**By quarter**")[0].count("Google Search + Local Services Ads") == 1


def test_capacity_says_whether_the_funnel_feeds_the_sellers(sample_answers: Path) -> None:
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_strategy")
    # 180 SQLs over 9 months are 240 a year at that pace: 48 per AE, 12 deals at 25%, not 14
    assert "Each of the account executives gets about 48 SQLs a year from the funnel; at 25% that is about 12 deals, not the 14 each must close" in en  # fmt: skip
    # the fix is the sales summary's decision, pointed to rather than argued again
    assert (
        "not the 14 each must close: the sales summary's decision before sign-off closes the gap."
        in en
    )
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_strategy")  # fmt: skip
    assert (
        "퍼널에서 1인당 연 SQL 약 120건이 들어오고, 25% 수주율로 약 30건이 되어 1인당 필요한 30건을 채움."
        in ko
    )
    # partner referrals go straight to the AEs (the sales strategy says so): 25% of 180 = 45
    # deals, 7.5 more each, 37.5 in all: said as the territories say each seller's feed
    assert "파트너 추천 거래 연 약 45건(신규 고객의 25%)도 AE가 맡아 1인당 약 7.5건이 더해지므로, 1인당 수주는 모두 약 37.5건으로 필요한 30건보다 많음." in ko  # fmt: skip
    # the year's revenue falls short: the stated leads are kept and the customer goal raised, so
    # each seller's share rises with it (no lower lead goal is offered)
    assert "요약의 제안대로 고객 목표를 올리면 1인당 몫도 약 37.5건이 됨." in ko and "리드 목표를 제안대로" not in ko  # fmt: skip
    # ... with no revenue goal to miss, what reconciles the two: the recommended lead goal
    # counts the funnel's part alone
    from tests.conftest import ko_hr_without_revenue_goal

    lower = section_markdown(build_plan(ko_hr_without_revenue_goal()).plan, "sales_strategy")
    assert "리드 목표를 제안대로 약 1,800건으로 정하면 퍼널과 파트너 거래를 합쳐 1인당 30건에 맞음." in lower  # fmt: skip
    assert "Partner referrals" not in en  # the English partners are not handed straight to AEs


def test_team_rows_give_each_role_its_load_and_name_the_manager_others_report_to(sample_answers: Path) -> None:  # fmt: skip
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_team_structure")
    assert "| SDRs | 4 | team lead | about 25 MQLs a month each |" in en  # 900 MQLs over 9 months
    # no customer count stated: the new accounts, and the book they join said as unknown
    assert (
        "| customer success managers | 3 | VP Sales | about 23 new accounts a year each, on top of today's accounts (not stated) |"
        in en
    )
    # named, never counted: one person, said once under the table, with the team they lead
    assert "| team lead | 1 | VP Sales | leads the 4 SDRs |" in en and "(assumed)" not in en
    assert "The team lead's headcount is not stated: counted as one person reporting to the VP Sales" in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_team_structure")  # fmt: skip
    # 42억 of base at 900만 each is about 467 customers, less 8% churn (37), plus 180 new: the
    # 609 the target market ends the year with, over 4 CSMs
    assert "| CSM | 4 | 영업 본부장 | 1인당 고객 약 152곳(분기별 리뷰면 주 약 12회) |" in ko
    assert "| 인사이드세일즈 파트장 | 1 | 영업 본부장 | SDR 3명 관리 |" in ko and "(가정)" not in ko
    assert "인사이드세일즈 파트장은 인원이 정해지지 않아 1명이 영업 본부장에게 보고하는 것으로 가정함." in ko  # fmt: skip
    # two managers named only as bosses: both counted, said in the plural; a Korean boss is read
    # with Kiwi up to '에게', even when the next role shares the verb
    answers = load_answers(sample_answers)
    answers["answers"]["sales_team_structure"] = "VP Sales leads 4 SDRs, 5 account executives and 3 customer success managers; SDRs report to a team lead and account executives report to a sales director."  # fmt: skip
    two = section_markdown(build_plan(answers).plan, "sales_team_structure")
    assert "| sales director | 1 | VP Sales | leads the 5 account executives |" in two
    assert "The headcounts of the team lead and sales director are not stated: each is counted as one person reporting to the VP Sales." in two  # fmt: skip
    answers = load_answers(DATA / "ko_hr_answers.json")
    answers["answers"]["sales_team_structure"] = "영업 본부장 1명 아래 AE 6명, SDR 3명, CSM 4명. SDR은 인사이드세일즈 파트장에게, AE는 영업팀장에게 보고합니다."  # fmt: skip
    two = section_markdown(build_plan(answers).plan, "sales_team_structure")
    assert "| SDR | 3 | 인사이드세일즈 파트장 |" in two and "| AE | 6 | 영업팀장 |" in two
    assert "영업팀장과 인사이드세일즈 파트장은 인원이 정해지지 않아 각 1명이 영업 본부장에게 보고하는 것으로 가정함." in two  # fmt: skip
    # what a capacity check still needs is said once, with what the figures assume meanwhile
    # no quota stated: the plan's own load per seller is proposed as one (70 deals x $17,000 / 5)
    assert "Each seller's share of the goals: about 14 new deals and $238,000 of new business a year (the plan's goals over its sellers). That is about 1.4 times" in en  # fmt: skip
    # over-assigned, as quotas are: the room that leaves is said, not 'a seller or two'
    # far below the usual 4 to 5 times a seller's on-target earnings, which are half to all of the
    # $175,000 cost: 1,190,000 / (5 x 175,000) = 1.4 to 1,190,000 / (4 x 87,500) = 3.4 sellers'
    # worth (one decimal: never rounded into a range the figures do not give), not the team's 5
    assert "At the usual 4 to 5 times on-target earnings (half to all of the $175,000 cost), the goals' $1,190,000 of new business is about 1.4 to 3.4 quota-carrying sellers' worth, not 5: with 5, either each carries more (the goals rise), or part of their time goes to existing accounts or partners and the quota counts that work." in en  # fmt: skip
    assert "Proposed quota: 110% of that share, about $262,000 of new business (about 15 deals): the team still reaches its goal if all sellers together fall short by up to about $119,000 (about 0.5 of one seller's quota); it stays below the usual multiple until that choice is made." in en  # fmt: skip
    assert "Not stated yet: how long a new seller takes to ramp, hires planned this year and when they start." in en  # fmt: skip
    assert "담당자별 목표 몫: 1인당 연 신규 거래 약 30건, 신규 매출 약 2억 7,000만 원(계획의 목표를 담당자 수로 나눈 값). 제안 할당량: 그 몫의 110%인 신규 매출 약 2억 9,700만 원(약 33건, 지역별 수치는 영업 지역 참고). 몫보다 높게 잡아 담당자 전체의 미달이 약 1억 6,200만 원(할당량 약 0.5명분)까지면 팀 목표를 채움. 아직 정하지 않은 것: 신규 담당자의 적응 기간, 채용 계획과 입사 시점." in ko  # fmt: skip


def test_calendar_ties_each_activity_to_its_budget_line_and_goal_and_carries_the_content(sample_answers: Path) -> None:  # fmt: skip
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_calendar")
    assert "| When | Activity | Owner (proposed) | Cost | Paid from | Serves |" in en
    assert "| January 2027 | NRF show | Events lead | $120,000 (proposed) | events | Goal 1 |" in en
    assert (
        "| Ongoing, 2 a month | Webinars | Content lead | within its line | content and webinars | Goal 1 |"
        in en
    )  # the volume
    # a piece no line names (case studies) is paid by the content line, never '-'
    assert (
        "| Ongoing, every month | Case study | Content lead | within its line | content and webinars | Goal 1 |"
        in en
    )
    # roles nobody named are said to be proposals, once, with the task of naming people
    assert "- Events lead, Content lead and Demand generation lead are roles proposed by the kind of activity, not named people; name a person for each before the plan starts." in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_calendar")  # fmt: skip
    assert (
        "| 2027년 5월 | 코엑스 HR 박람회 부스 | 행사 담당 | 4,000만 원 | HR 박람회와 행사 | 목표 1 |"
        in ko
    )
    assert "- 담당 중 콘텐츠 담당, 행사 담당, 퍼포먼스 마케팅 담당은 정해진 담당자가 아니라 활동 종류에 맞춰 제안한 역할임. 시작 전에 역할마다 실제 담당자를 정함." in ko  # fmt: skip
    assert (
        "| 매주 2회 | 노무 가이드 블로그 글 | 콘텐츠 담당 | 항목 예산 내 | 콘텐츠·웨비나 | 목표 2 |"
        in ko
    )
    # nine of ten owners are the plan's proposals: the header says so once, no label per row
    assert (
        "| 시기 | 활동 | 담당(제안) | 비용 |" in ko and "담당(제안) |" not in ko.split("|---|")[-1]
    )


def test_territories_say_what_the_partners_bring_and_each_partner_firm_refers() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_territories_channels")  # fmt: skip
    # '노무법인 파트너 12곳(신규 계약의 약 25%)' of the 180 new customers
    assert "파트너가 신규 고객 180곳 중 약 45곳(25%, 파트너 12곳에서 1곳당 연 약 3.8곳)을 가져옴." in ko  # fmt: skip
    # 영남's one seller carries 35 against the team's 30 (180 over 6): the pipeline can fill it,
    # so the fix is a quota per territory
    assert "- 영남: 담당자 1인당 35곳으로 팀 평균 30곳보다 17% 많음. 계획의 리드·전환율에 파트너 추천까지 더하면 1인당 약 37.5곳(들어오는 양: 퍼널이 만드는 180곳 + 퍼널 밖 파트너 추천 45곳 = 225곳, 목표 180곳보다 45곳 많음, 6명)이 들어오므로 채울 수는 있지만, 모두 같은 할당량이라면 이 지역 담당자의 부담이 가장 큼. 할당량은 위 표의 지역별 1인당 목표의 110%로 잡되, 1인당 들어오는 양(약 37.5곳)을 넘는 지역은 그 양까지로 낮춤(제안): 수도권 33곳, 영남 37곳(110%면 39곳), 충청·호남 28곳. 할당량 합계는 197곳으로 지역 목표 합계 180곳의 약 109%임." in ko  # fmt: skip
    # a decision with a recommended default, not a question back to the reader
    # and which way the table counts them: the territory targets include the partners' customers
    assert "위 표의 지역별 목표는 이 파트너 고객을 포함한 수이며, 파트너 거래도 지역 담당자가 마무리하므로 고객이 있는 지역의 목표에 넣음(제안)." in ko  # fmt: skip
    assert "수도권:" not in ko  # at the team's average


def test_korean_moves_read_alike_in_the_noun_form() -> None:
    from assistant.core.korean import as_heading

    assert as_heading("14일 무료 체험으로 전환합니다") == "14일 무료 체험으로 전환하기"
    assert as_heading("고객사를 소개받습니다.") == "고객사를 소개받기"
    assert as_heading("구독 전환을 이끈다") == "구독 전환을 이끌기"
    assert as_heading("인지도를 높이고") == "인지도를 높이기"
    assert as_heading("Lead with content") == "Lead with content"


def test_a_korean_cross_sell_is_retention_work() -> None:
    from assistant.interview.compose_moves import _sales_stage

    found = _sales_stage("CSM은 도입 90일 후 평가 모듈을 교차 판매")
    assert found is not None and found[0] == "retention"


def test_channels_show_one_cost_per_lead_and_a_starting_target_per_channel(sample_answers: Path) -> None:  # fmt: skip
    """A 9-month lead goal is taken at its pace over the year, the basis of the KPI table's cost
    per lead. Each lead channel starts with its share of the year's leads in proportion to its
    spend ($432,000 in all), targets that add up to the year's leads and are reset
    from each channel's measured cost per lead after the first quarter (directors asked for a
    working target per channel)."""
    plan = build_plan(load_answers(sample_answers)).plan
    en = section_markdown(plan, "mkt_channels")
    assert "| Channel | Role (funnel stage) | KPI | Budget share |" in en
    kpis = section_markdown(plan, "mkt_measurement")
    all_in = re.search(r"\| Cost per lead \| about (\$[\d,]+)[ |(]", kpis)
    assert all_in and f"The KPI table's cost per lead, about {all_in.group(1)}, is the whole budget over these 1,200 leads." in en  # fmt: skip
    # split in proportion to spend, with no third cost per lead ($360) beside the KPI table's $400
    # the targets add up to the recommended lead goal the risk register watches (the stated 1,200
    # at its pace falls short of the 70 customers), not to the stated one
    assert "Starting lead targets per channel, a year (the 1,400 leads the customer goal needs, as recommended, split in proportion to each lead channel's spend, as if a lead cost the same in every channel): LinkedIn about 470; webinars about 540; NRF trade show about 390." in en  # fmt: skip
    assert "$360" not in en
    assert "After the first quarter each channel's measured cost per lead resets its target" in en
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert "| 채널 | 역할(퍼널 단계) | KPI | 예산 비중 |" in ko
    assert "측정 지표의 리드당 비용 약 20만 원은 예산 전체를 리드 목표 2,400건으로 나눈 값임." in ko  # fmt: skip
    # the split's own basis is said beside it, so the two are not read as one cost per lead
    # (3억 3,940만 of lead channels' spend / 2,400 = 14만 1,000; a director recomputed it)
    assert "아래 채널별 목표의 기준인 리드 채널 예산(3억 3,900만 원)만 나누면 리드당 약 14만 1,000원이며, 그 차이는 이 나눔에 넣지 않은 나머지 예산임." in ko  # fmt: skip
    starts = re.search(r"채널별 시작 목표\(연간, [^)]*\): ([^.]*)\.", ko)
    assert starts is not None
    counts = [int(x.replace(",", "")) for x in re.findall(r"약 ([\d,]+)건", starts.group(1))]
    assert (
        len(counts) == 3 and abs(sum(counts) - 2_400) <= 15
    )  # the year's leads, rounded per channel
    # the events line's customer conference (a retention goal's) brings no leads: the split is
    # of what the lead channels' lines have left after it, the strategy's own net money
    assert (
        "리드 채널별 예산에 비례해 나눔. 채널마다 리드 단가가 같다고 보는 출발점" in starts.group(0)
    )
    assert (
        "$432,000" not in en and "3억 3,940만 원에 비례" not in ko
    )  # no second base beside the one CPL
    assert counts[0] > 1_300 and counts[2] < 400  # search ads ~1,360, the fair ~360


def test_strategy_moves_count_each_budget_line_once_and_an_expo_is_a_trade_show() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_petfood_answers.json")).plan, "mkt_strategy")  # fmt: skip
    shares = [int(x) for x in re.findall(r"\((\d+)%\)", ko)]
    assert shares and sum(shares) <= 100  # no line counted under two moves
    assert "+ 1번 실행 방향의 항목" in ko
    en = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "mkt_strategy")  # fmt: skip
    row = next(r for r in en.splitlines() if r.startswith("| Build relationships through BOMA/IFMA and the Feb expo"))  # fmt: skip
    assert "trade shows" in row  # 'the Feb expo' is the trade-show channel
    assert "trade shows" not in en.split("Channels no move uses:")[-1]


def test_an_add_on_s_arithmetic_is_given_or_asked_for(sample_answers: Path) -> None:
    """The deal-size goal's rise per deal rests on the add-on: its price and take-up are the
    decision; with a stated price the share of deals that must take it is computed."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_offering")
    assert "The deal-size goal adds $3,000 a deal ($14,000 → $17,000) through the demand forecasting add-on, whose price is not stated" in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_offering")  # fmt: skip
    # ... with the owner's default: twice the rise, in half of new deals, within half of today's
    # deal ($6,000 <= $7,000), at a list price the plan's 15% annual discount still leaves $6,000
    # ($6,000 / 0.85 = $588 a month, up to $600: $7,200 less 15% = $6,120); the expansion's
    # lowest price a third of the base or less can carry
    # the price is the owner's decision: the trade-off it sets first, the default after it
    assert "Its price sets how many new deals must take it: at $3,000 a year, every new deal; at $6,120 after the discount, half. Decide it before the first proposal (the default: $7,200 a year at list ($600 a month; $6,120 on an annual contract, 15% off), the middle option of the tiered proposal, in half of new deals) and count its attach rate monthly in the CRM." in en  # fmt: skip
    assert "확장 매출 4억 원은 평가·전자결재 모듈에 기대는데 그 가격은 아직 계획에 없음." in ko
    assert "직원 1인당 월 1,500원(기본 요금의 30%, 평균 고객은 연간 계약 10% 할인 후 연 약 270만 원)으로 정하고 기존 고객 약 149곳에 판매함(제안)." in ko  # fmt: skip
    answers = json.loads(sample_answers.read_text())
    answers["answers"]["sales_offering"] += " The forecasting add-on costs $250 a month."
    priced = section_markdown(build_plan(answers).plan, "sales_offering")
    assert "at $3,000 a year, the demand forecasting add-on must be in about 100% of new deals" in priced  # fmt: skip
    # the default is a figure the plan supplies: listed under Assumptions too; a stated price
    # needs none
    from assistant.interview.compose_offer import addon_price_assumption

    assert addon_price_assumption(build_plan(load_answers(sample_answers)).plan) == ["Add-on price (Product or Service Offering, proposed): the demand forecasting add-on has no stated price, so it is assumed at $7,200 a year at list ($600 a month; $6,120 on an annual contract, 15% off), taken in half of new deals: about $3,060 a new deal on average, which covers the deal-size goal's $3,000 increase; set the price to replace this."]  # fmt: skip
    assert addon_price_assumption(build_plan(answers).plan) == []
    ko_answers = load_answers(DATA / "ko_hr_answers.json")
    ko_answers["answers"]["sales_objectives"] += "\n2027년 12월까지 평가·전자결재 모듈 추가 판매로 평균 계약 금액을 900만 원에서 1,000만 원으로 높인다."  # fmt: skip
    ko_plan = build_plan(ko_answers).plan
    assert "거래 규모 목표는 평가·전자결재 모듈로 거래당 100만 원을 더하는데(900만 원 → 1,000만 원)" in section_markdown(ko_plan, "sales_offering")  # fmt: skip
    assert addon_price_assumption(ko_plan) == ["추가 옵션 가격(제품 또는 서비스, 제안): 평가·전자결재 모듈의 가격이 적혀 있지 않아 정가를 연 240만 원으로 잡고(월 20만 원, 연간 계약 10% 할인 시 216만 원) 신규 거래의 절반에 넣는 것으로 두었습니다. 신규 거래당 평균 108만 원이 더해져 거래 규모 목표의 증가분 100만 원을 채웁니다. 가격을 정하면 바꿉니다."]  # fmt: skip


def test_the_target_market_says_what_the_goal_needs_from_it_and_where_it_goes_next(sample_answers: Path) -> None:  # fmt: skip
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_target_market")
    # 70 customers at a 25% win rate and a 20% MQL-to-SQL rate
    assert "| MQLs a year the goal needs | about 1,400 (70 ÷ 25% ÷ 20%, at typical rates). That is 1,050 over the lead goal's 9 months |" in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert (
        "| 이후 확장 | IT 서비스 기업(제안: 우선 공략 세그먼트의 수주율이 계획상 25%에 이른 뒤) |"
        in ko
        and "| 규모 | 직원 50~300명, 중소·중견기업 |" in ko
    )
    # partner referrals go straight to the AEs: the funnel brings the other 135 (the summary says so)
    # ... and, as the summary recommends keeping the 2,400 leads for the revenue, says what they
    # make, so the row never reads as a lead goal of 1,800 against goal 1's 2,400
    assert (
        "| 목표에 필요한 연간 MQL | 약 1,800건(파트너 몫 25%를 뺀 135곳 ÷ 25% ÷ 30%, 계획상 전환율 기준). "
        "요약의 권고대로 리드 목표 2,400건을 유지하면 파트너 고객을 더해 약 225곳이 됨 |" in ko
    )


def test_an_upsell_after_the_sale_moves_the_upsell_rate_and_loads_are_loads(sample_answers: Path) -> None:  # fmt: skip
    plan = build_plan(load_answers(sample_answers)).plan
    strategy = section_markdown(plan, "sales_strategy")
    assert "| Customer success upsells the forecasting add-on at 90 days | customer success managers (3) | Retention and expansion | Goal 5 | Upsell and cross-sell rate |" in strategy  # fmt: skip
    team = section_markdown(plan, "sales_team_structure")
    assert (
        "| Role | Headcount | Reports to | Load in the plan |" in team
    )  # what the plan asks of them


def test_a_traffic_goal_is_checked_on_its_path_not_per_piece(sample_answers: Path) -> None:
    """+20,000 monthly visits by June from the pieces serving the goal published by then: no
    visits 'per piece' (late pages have not ranked yet); the goal's path at its midpoint is the
    check, 40,000 x 1.5^(3/6) = about 49,000 at the end of March."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_content_strategy")
    assert "Goal 2 adds 20,000 visits a month by June 2027, from the 24 blog posts and 2 benchmark reports published by then." in en  # fmt: skip
    assert "Check organic visits at the end of March: about 49,000 visits a month is on the goal's path; below it, refresh the best-ranking pages before adding new pieces." in en  # fmt: skip
    assert "each" not in en.split("Goal 2 adds")[1].split("\n")[0]
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_content_strategy")  # fmt: skip
    # 30,000 x (5/3)^(3/6) = about 38,700
    assert "목표 2번은 2027년 6월까지 월 2만 명을 더해야 하며, 그때까지 발행하는 콘텐츠는 노무 가이드 블로그 글 52개, '중소기업 급여 실태 보고서' 1개임." in ko  # fmt: skip
    assert "3월 말 방문자가 월 약 3만 8,700명이면 목표 경로에 있고" in ko and "각각 월 약" not in ko


def test_a_move_no_goal_names_serves_the_goal_of_its_stage() -> None:
    """'노무법인 파트너를 통해 고객사를 소개받기' wins new customers: the customer goal, not '-'."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_strategy")  # fmt: skip
    row = next(
        r for r in ko.splitlines() if r.startswith("| 노무법인 파트너를 통해 고객사를 소개받기")
    )
    assert "| 전환 | 목표 5 |" in row and "| 신규 고객 확보 수 |" in row


def test_territories_name_the_self_serve_channel_and_a_territory_the_funnel_cannot_feed(sample_answers: Path) -> None:  # fmt: skip
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_territories_channels")  # fmt: skip
    assert "- Self-serve channel: Shopify App Store, for chains under 20 stores. They sit below the target market's 20-200 stores. Recommended: count them apart from the 70, and set the channel's own target from its first quarter's installs." in en  # fmt: skip
    assert not en.startswith("US East, US West, Canada;")  # the answer is read, not pasted
    assert "more than the about" not in en  # the team's shortfall: said once elsewhere
    # no sellers or targets per territory: no split is guessed (people are no B2B territory's
    # potential); the count that sets them, by whom and when, and a pooled team until then
    assert "|" not in en and "population" not in en and "68%" not in en and "110%" not in en
    assert en.startswith("_Sellers and targets per territory are not stated, so none is guessed here: each territory's sellers and share of the 70 new customers follow its count of target accounts, which the VP Sales takes by the end of January 2027 (CRM or a company database)._")  # fmt: skip
    assert "- Until then the 5 sellers work US East, US West and Canada as one pooled team, new leads assigned in turn, each carrying the same share of the 70 new customers, about 14" in en  # fmt: skip
    assert "- After the count, a territory whose target accounts are too few to yield one seller's share of new customers (about 14) gets no seller of its own" in en  # fmt: skip
    doc = load_answers(DATA / "ko_hr_answers.json")
    doc["answers"]["sales_territories_channels"] = "수도권, 영남, 충청·호남으로 나눠 영업합니다."
    doc["answers"]["sales_team_structure"] = "영업 본부장 1명 아래 AE 6명, SDR 3명, CSM 4명."
    pooled = section_markdown(build_plan(doc).plan, "sales_territories_channels")
    assert "|" not in pooled and "인구" not in pooled
    assert "2027년 1월 말까지 영업 본부장이 지역별 목표 고객사 수(CRM이나 기업 DB)를 셈." in pooled
    assert "- 그때까지 담당자 6명은 수도권, 영남, 충청·호남을 한 팀으로 맡아 새 리드를 차례로 배정받고, 1인당 같은 몫을 맡음: 신규 고객 180곳 ÷ 6명 = 약 30곳" in pooled  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_territories_channels")  # fmt: skip
    # each AE gets about 30 deals from the funnel and about 8 partner referrals (the capacity
    # line counts both): 영남's 35 is within what one seller gets, so it is a quota question
    assert "영남: 담당자 1인당 35곳으로 팀 평균 30곳보다 17% 많음. 계획의 리드·전환율에 파트너 추천까지 더하면 1인당 약 37.5곳(들어오는 양: 퍼널이 만드는 180곳 + 퍼널 밖 파트너 추천 45곳 = 225곳, 목표 180곳보다 45곳 많음, 6명)이 들어오므로 채울 수는 있지만" in ko  # fmt: skip
    assert "약 38곳보다 많음" not in ko
    doc = load_answers(DATA / "ko_hr_answers.json")
    text = doc["answers"]["sales_territories_channels"]
    doc["answers"]["sales_territories_channels"] = text.replace("120곳", "128곳").replace("영남(35곳)", "영남(40곳)")  # fmt: skip
    ko = section_markdown(build_plan(doc).plan, "sales_territories_channels")
    assert "- 영남: 담당자 1인당 40곳으로, 계획의 리드·전환율에 파트너 추천까지 더하면 담당자 1명에게 들어오는 약 38곳보다 많음." in ko  # fmt: skip


def test_a_step_that_promises_a_time_is_measured_by_it(sample_answers: Path) -> None:
    from assistant.interview.render import section_markdown

    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_strategy")
    assert "| Inbound trials are worked by SDRs within 4 hours | SDRs (4) | Prospecting | Goal 4 | Share handled within 4 hours, New customers won |" in en  # fmt: skip
    # the step that runs the trial is measured by the trial's conversion
    assert "| AEs run a guided trial with a mutual action plan | account executives (5) | Demo and proposal | Goal 4 | Trial-to-customer rate, New customers won |" in en  # fmt: skip
    ko_plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    # sellers work the leads: their measure is the MQL-to-SQL rate, not the marketing lead count
    assert "| 2시간 안에 연락한 비율, MQL→SQL 전환율, 신규 고객 확보 수 |" in section_markdown(ko_plan, "sales_strategy")  # fmt: skip


def test_a_calendar_activity_after_the_sales_cycle_cutoff_feeds_next_year() -> None:
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    shown = section_markdown(plan, "mkt_calendar")
    # a 40-day cycle: deals that close in 2027 are opportunities by November 21; the December
    # campaign tied to the customer goal fills 2028's pipeline
    assert "2027년 연말정산 사전 준비 캠페인(12월): 영업 주기 40일이면 2027년 안에 수주할 거래는 11월 21일까지 영업 기회가 되어야 하므로, 이 활동은 목표 5번이 아니라 다음 해 파이프라인을 채움." in shown  # fmt: skip
    assert (
        "핏플로우 데이" not in shown.split("영업 주기 40일")[0].splitlines()[-1]
    )  # October is in time
    # the calendar row and the plan on a page say the same: goal 1's leads, next year's pipeline
    row = next(r for r in shown.splitlines() if "| 2027년 12월 |" in r)
    assert row.endswith("| 목표 1, 다음 해 파이프라인 |")
    page = plan_page(plan)
    late = "12월: 2027년 연말정산 사전 준비 캠페인"
    assert page.next_year == {late: [5]}
    assert all(late not in r.activities for r in page.rows if r.goal == 5)


def test_a_platform_s_name_alone_does_not_reach_its_community() -> None:
    # '네이버 검색 광고' does not reach the HR lead's '인사노무 네이버 카페'
    shown = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert "박 인사총무팀장이 정보를 얻는 곳 중 채널 계획에 없는 곳: 인사노무 네이버 카페." in shown


def test_an_add_on_the_swot_calls_a_weakness_is_questioned_before_its_revenue_counts() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_offering")  # fmt: skip
    assert "평가·전자결재 모듈은 시장 분석이 약점으로 꼽은 부분('300명 이상 기업을 위한 결재·평가 기능이 부족함')과 겹침." in ko  # fmt: skip
    en = section_markdown(build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan, "sales_offering")  # fmt: skip
    assert "Window cleaning rests on what the market analysis names as a weakness ('no in-house window or pressure-washing crew')" in en  # fmt: skip


def test_a_review_promised_to_every_customer_is_a_weekly_load() -> None:
    shown = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_team_structure")  # fmt: skip
    # about 152 accounts each x 4 reviews a year / 52 weeks: about 12 a week
    assert "| CSM | 4 | 영업 본부장 | 1인당 고객 약 152곳(분기별 리뷰면 주 약 12회) |" in shown


def test_a_recurring_piece_shows_its_dated_issues_and_how_many_still_lack_a_month(sample_answers: Path) -> None:  # fmt: skip
    """The quarterly benchmark report has two dated issues (the spring report in March, the
    back-to-school report in September): the calendar says so beside it and asks for the other
    two; a twice-monthly series is never annotated."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_calendar")
    assert "| Ongoing, every quarter (dated: March, September) | Benchmark report |" in en
    # goal 2 counts on four reports by June: the even spacing (June, December) would leave it
    # short, so the goal's date leads (a director read the spacing as contradicting goal 2)
    assert "Benchmark report: the calendar dates 2 of the 4 a year (March, September). Goal 2 counts on 4 by June 2027: publish the others by then, or change the goal (see the goals)." in en  # fmt: skip
    assert "at the same spacing" not in en
    # with no goal counting on them, the owner's default: the same month of each quarter
    answers = json.loads(sample_answers.read_text())
    answers["answers"]["mkt_objectives"] = answers["answers"]["mkt_objectives"].replace(" by publishing four benchmark reports", "")  # fmt: skip
    spaced = section_markdown(build_plan(answers).plan, "mkt_calendar")
    assert "Recommended: the other 2 in June and December, at the same spacing." in spaced
    assert "| Ongoing, 2 a month | Webinars |" in en
    services = section_markdown(build_plan(load_answers(DATA / "services_answers.json")).plan, "mkt_calendar")  # fmt: skip
    assert "Ongoing, every year (dated: February)" in services and "the calendar dates" not in services  # fmt: skip


def test_a_move_that_converts_with_a_trial_is_measured_by_it_and_paid_by_the_sellers(sample_answers: Path) -> None:  # fmt: skip
    shown = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_strategy")
    row = next(
        r for r in shown.splitlines() if r.startswith("| Convert with a 14-day guided trial")
    )
    assert "| sales team cost | Trial-to-customer rate, New customers won |" in row


def test_channels_one_line_pays_for_together_share_its_share() -> None:
    """'네이버·구글 검색 광고' pays for both search channels: its 40% is theirs together, not an
    invented half each."""
    shown = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_channels")  # fmt: skip
    naver = next(r for r in shown.splitlines() if r.startswith("| 네이버 검색 광고 |"))
    google = next(r for r in shown.splitlines() if r.startswith("| 구글 검색 광고 |"))
    # the share once, on the group's first row; the others point to it (a director read the
    # same 40% twice as two lines)
    assert naver.endswith("| 40%(구글 검색 광고와 합계) |") and google.endswith("| 네이버 검색 광고 행의 40%에 포함 |")  # fmt: skip
    # a name with its own '와' takes no second one ('블로그와 뉴스레터와 합산')
    assert (
        "| 20%(월간 웨비나와 합계) |" in shown and "| 블로그와 뉴스레터 행의 20%에 포함 |" in shown
    )
    assert "뉴스레터와 합산" not in shown
    assert "까지 합친 비중" not in shown


def test_a_closing_tactic_that_names_customers_is_the_sellers_not_customer_success() -> None:
    """'동종 업계 고객 레퍼런스 통화' shares the word '고객' with '고객 성공 매니저', but a reference
    call closes a deal: the AEs use it."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_workflow_saas_answers.json")).plan, "sales_tactics")  # fmt: skip
    assert "| 동종 업계 고객 레퍼런스 통화 | 계약 체결 | AE 5명 |" in ko


def test_a_partner_channel_with_no_budget_line_is_paid_by_referral_fee(
    sample_answers: Path,
) -> None:
    """Partner agencies bring deals the sellers close: they are paid a fee on those deals, so the
    channel note recommends that instead of asking which marketing line pays them."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_channels")
    assert "Partner agencies: recommended to be paid a referral fee on the deals they bring, not from a marketing line, as a share of the first year's contract." in en  # fmt: skip
    # the usual fee from the planning guide (10-20% of a first year's $17,000), under the ceiling
    # from the plan's own numbers: the marketing-only CAC in the goals' case, the case of the
    # $17,000 deal the fee is a share of, with the extra leads it needs paid for (the unit
    # economics' goals-met column: ($480,000 + $80,000) / 70 = $8,000, 47%), said as that case
    assert "Recommended fee: 10-20% of the first year's contract ($1,700-$3,400 at $17,000; usual sales-planning practice), well under the marketing budget the plan spends to win a customer if the goals are met with the extra leads (about $8,000, 47% of a first-year contract), so in marketing spend a partner's customer costs less than one marketing brings in." in en  # fmt: skip
    assert "Channels no budget line pays for" not in en  # the app store sells on commission


def test_the_usual_referral_fee_is_read_from_the_guide_in_both_languages() -> None:
    from assistant.analysis.referral_fee import referral_range
    from assistant.core.settings import get_settings

    knowledge = str(get_settings().knowledge_dir)
    assert referral_range(knowledge, "en") == (10.0, 20.0, "Sales plan: sales territories and distribution channels")  # fmt: skip
    assert referral_range(knowledge, "ko") == (10.0, 20.0, "영업 계획: 영업 지역과 유통 채널")


def test_a_shared_share_never_puts_brackets_inside_brackets() -> None:
    """'Meta (Instagram, Facebook)' shares its line with TikTok: the share once on its row, and
    TikTok's row points to it; never '55% (with Meta (Instagram, Facebook))'."""
    en = section_markdown(build_plan(load_answers(DATA / "dtc_coffee_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert "| 55% (with TikTok) |" in en and "| in the 55% with Meta (Instagram, Facebook) |" in en
    assert "))" not in en


def test_every_calendar_row_names_who_runs_it(sample_answers: Path) -> None:
    """No owner stated in the calendar: each activity is run by the owner of the goal it serves,
    as the plan on a page names them; a customer event serving the churn goal is customer
    success's, not marketing's."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_calendar")
    assert "| When | Activity | Owner (proposed) | Cost | Paid from | Serves |" in en
    # a plan that names only 'the marketing team' gets the role each kind of activity calls for
    assert "| January 2027 | NRF show | Events lead | $120,000 (proposed) | events | Goal 1 |" in en  # fmt: skip
    assert "| November 2027 | holiday readiness campaign | Demand generation lead | to set | - | Next year's pipeline (proposed) |" in en  # fmt: skip
    assert "| Ongoing, 4 a month | Blog posts | Content lead |" in en
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_calendar")  # fmt: skip
    assert "| 2027년 10월 | 고객 컨퍼런스 '핏플로우 데이' | CSM 4명 · 영업 본부장 | 6,860만 원(제안) | HR 박람회와 행사 | 목표 6 |" in ko  # fmt: skip
    assert (
        "| 2027년 1월 | 연말정산 대비 웨비나 | 콘텐츠 담당 | 항목 예산 내 | 콘텐츠·웨비나 | 목표 1 |"
        in ko
    )
    assert "| 2027년 5월 | 코엑스 HR 박람회 부스 | 행사 담당 | 4,000만 원 |" in ko
    rows = [r for r in ko.split("\n") if r.startswith("| 20") or r.startswith("| 매") or r.startswith("| 분기") or r.startswith("| 반기")]  # fmt: skip
    assert rows and all(r.split(" | ")[2] not in ("", "-") for r in rows)


def test_an_objection_no_tactic_answers_gets_a_recommended_tactic(sample_answers: Path) -> None:
    """The buyers' objections whose kind (price, effort, doubt) none of the sales tactics meets
    are listed under the tactics with the tactic recommended for that kind; one a tactic already
    meets ('the risk of changing what works today': reference calls) is not."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_tactics")
    assert "**Objections the tactics above do not cover yet**" in en
    assert "- the effort of switching (set-up, training, existing suppliers or tools): recommended, a written implementation plan in every proposal" in en  # fmt: skip
    assert "risk of changing what works today:" not in en and "price against this year's budget:" not in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_tactics")  # fmt: skip
    note = ko.split("**위 전술이 다루지 않는 반론**")[1]
    assert "새 거래처 등록과 계약 절차의 번거로움" in note and "제안서마다 도입 계획표" in note
    assert "기존 방식을 바꾸는 위험" not in note  # the diagnosis report and reference calls meet it


def test_a_sales_goal_no_tactic_serves_gets_a_recommended_tactic(sample_answers: Path) -> None:
    """The close-rate tactics do not move a deal-size goal: the tactics section recommends one for
    it (a tiered proposal); a churn goal whose own words run quarterly reviews is served."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_tactics")
    assert (
        "**Goals no tactic serves yet**\n\n- Goal 5 (average deal size): recommended, a tiered proposal in every quote"
        in en
    )
    assert "Goal 4" not in en.split("**Goals no tactic serves yet**")[1].split("**Objections")[0]
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_tactics")  # fmt: skip
    assert "지원 전술이 없는 목표" not in ko  # 목표 6: '분기별 고객 리뷰를 도입해'
    doc = load_answers(DATA / "ko_hr_answers.json")
    doc["answers"]["sales_objectives"] = doc["answers"]["sales_objectives"].replace(
        "분기별 고객 리뷰를 도입해 ", ""
    )
    assert "분기별 고객 리뷰를 도입해" not in doc["answers"]["sales_objectives"]
    ko = section_markdown(build_plan(doc).plan, "sales_tactics")
    assert "**지원 전술이 없는 목표**" in ko
    assert (
        "분기마다 고객사별 사용 현황·성과·다음 단계를 점검하는 정기 리뷰를 전술로 더함(제안)." in ko
    )


def test_an_events_line_s_rest_is_a_proposed_cost_on_the_calendar_and_in_its_quarter() -> None:
    """1억 2,000만 원 for events, 4,000만 원 of it stated for the May booth: the 8,000만 원 left is
    split by each event's scale, a seminar co-hosted with the law firms 0.5 to the customer
    conference's 3 (1,140만 and 6,860만, round figures that add up), shown as proposed on the
    calendar with how they were split, and the budget by quarter puts those same amounts in
    March's and October's quarters (one rule for both)."""
    from assistant.analysis.months import event_scale, event_shares
    from assistant.analysis.plan_analysis import analyse

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    shown = section_markdown(plan, "mkt_calendar")
    assert "| 노동법 개정 설명회(노무법인 공동 개최) | 행사 담당 | 1,140만 원(제안) |" in shown
    assert "| 고객 컨퍼런스 '핏플로우 데이' | CSM 4명 · 영업 본부장 | 6,860만 원(제안) |" in shown
    # how the rest was split, in plain words (no weights a reader must decode)
    assert "- 제안 비용은 견적 전의 출발점임: 'HR 박람회와 행사' 예산 중 비용이 정해지지 않은 8,000만 원을 행사 규모에 맞춰 나눔(컨퍼런스·박람회에 많이, 설명회·세미나에 적게, 공동 개최는 절반). 행사별 견적이 나오면 그 금액으로 바꿈." in shown  # fmt: skip
    shares, lines = event_shares(plan, plan.number("marketing_budget") or 0)
    assert sorted(shares.values()) == [11_400_000, 68_600_000] and lines == ["HR 박람회와 행사"]
    q = [x.amount for x in analyse(plan).budget_by_quarter]
    rest = q[2]  # no event in Q3: the even share alone
    assert q == [rest + 11_400_000, rest + 40_000_000, rest, rest + 68_600_000]
    assert event_scale("Partner roundtable co-hosted with AWS") == 0.5
    assert event_scale("Customer summit") == 3 and event_scale("Regional roadshow event") == 2


def test_the_strategy_starts_where_the_target_market_starts(sample_answers: Path) -> None:
    """'Start with apparel and specialty food' in the target market is where the moves start."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_strategy")
    assert "Where to win: North American retail chains with 20-200 stores and $50M-$1B revenue; apparel and specialty food first." in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_strategy")  # fmt: skip
    assert "교대 근무가 있는 제조업과 유통업부터 공략함." in ko


def test_an_unfunded_calendar_activity_is_paid_from_the_largest_paid_media_line(
    sample_answers: Path,
) -> None:
    """A campaign no budget line pays for gets a recommendation, not a question: the budget's
    largest paid-media line (LinkedIn ads, 30%; the search ads line in Korean)."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_calendar")
    assert "- No budget line pays for: holiday readiness campaign (November). Recommended: pay it from 'LinkedIn ads', the largest paid-media line." in en  # fmt: skip
    assert "Recommended: an activity aimed at it in the month before (September)." in en
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_calendar")  # fmt: skip
    assert "가장 큰 광고 항목인 '네이버·구글 검색 광고'에서 씀" in ko
    assert "각 시점 한 달 전(3월, 5월, 6월)에 그 시점을 겨냥한 활동을 둠(제안)." in ko


def test_the_training_plan_teaches_the_tactics_the_tactics_section_recommends(
    sample_answers: Path,
) -> None:
    """A tactic recommended for a goal or objection no tactic serves is taught where the plan
    teaches: a module in the onboarding, practised in the call reviews."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_training")
    # no hires this year: the current team learns them (the onboarding runs when a hire joins)
    assert "**Also to teach, from the tactics recommended above:** tiered proposals, written implementation plans: a session each for the current team at the start of the year, practised in the call reviews." in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_training")  # fmt: skip
    assert "**추가로 가르칠 전술(영업 전술에서 권고한 것):** 도입 계획표. 연초에 기존 팀원을 대상으로 교육 시간을 잡고 통화 리뷰에서 연습함." in ko  # fmt: skip
    answers = load_answers(DATA / "ko_hr_answers.json")
    answers["answers"]["sales_team_structure"] += " 2027년 2분기에 AE 2명을 채용합니다."
    hiring = section_markdown(build_plan(answers).plan, "sales_training")
    assert "**추가로 가르칠 전술(영업 전술에서 권고한 것):** 도입 계획표. 연초에 기존 팀원을 대상으로 교육 시간을 잡고, 뒤에 합류하는 인원을 위해 신규 입사자 2주 온보딩에도 넣고, 통화 리뷰에서 연습함." in hiring  # fmt: skip


def test_the_content_plan_proposes_topics_from_the_plans_own_buyer_objections_and_calendar(
    sample_answers: Path,
) -> None:
    """Themes, each with where the plan says it: the buyer's stated pain for the awareness
    piece, each objection answered (a doubt by the case study), the market's moments the month
    before, and a customer result for the key messages still without proof."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_content_strategy")
    topics = en.split("**Topics (from the plan's buyer, objections and calendar)**")[1]
    assert "| Reports arrive a week late and are built by hand in Excel | Chain Operations Director Casey's pain | Blog posts | through the year |" in topics  # fmt: skip
    # each objection gets a piece that answers it, in the plan's own terms
    assert "| A customer who switched: before and after, in their numbers | an objection buyers raise: 'the risk of changing what works today' | Case study |" in topics  # fmt: skip
    assert "| Payback against the price: one customer's numbers, worked through with the value calculator showing hours saved | an objection buyers raise: 'price against this year's budget' | Case study |" in topics  # fmt: skip
    assert "| What switching takes, shown live: one-day setup | an objection buyers raise: 'the effort of switching" in topics  # fmt: skip
    assert "| Next-year budget planning (Q4 budget decisions) | a moment in the market's year | Blog posts | September (ahead of October) |" in topics  # fmt: skip
    assert "| A customer's result for: One-day setup" in topics
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_content_strategy")  # fmt: skip
    # a pain that says how long a task takes becomes a how-to title against the promise
    assert "| 급여 마감 3일을 하루로 줄이는 법 | 박 인사총무팀장의 불편 | 노무 가이드 블로그 글 | 연중 |" in ko  # fmt: skip
    # any other pain is the buyer's question, never a report line ('… 걱정임') as a theme
    assert "| 주 52시간 위반이 늘 걱정인가요? | 박 인사총무팀장의 불편 |" in ko
    assert "걱정임 |" not in ko
    assert "| 연말정산 시즌(1~2월) | 시장의 계절·업계 시점 | 노무 가이드 블로그 글 | 12월(1월을 앞두고) |" in ko  # fmt: skip
    # the payroll calendar's own moments come before the general budget season
    assert "| 다음 해 최저임금 고시(8월 초) | 시장의 계절·업계 시점 | 노무 가이드 블로그 글 | 7월(8월을 앞두고) |" in ko  # fmt: skip
    assert "새해 예산 편성" not in ko.split("**주제(")[1]
    assert "| 가격 대비 회수 기간: 급여 마감 시간 절감 ROI 계산기로 계산한 한 고객의 실제 수치 | 구매자의 반론: '올해 예산 대비 가격' | 고객 사례 |" in ko  # fmt: skip


def test_a_move_says_which_channels_it_names_and_which_join_it_by_stage() -> None:
    """'노무 이슈 콘텐츠와 웨비나로 검색 수요를 잡기' names the search ads, the blog and the webinars;
    LinkedIn and the HR fair join it because they work the same stage, and the row says so."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_strategy")  # fmt: skip
    assert "| 네이버 검색 광고, 구글 검색 광고, 블로그와 뉴스레터, 월간 웨비나 · 같은 단계에서 함께 쓰는 채널: 링크드인, HR 박람회 |" in ko  # fmt: skip


def test_the_summarys_outbound_bridge_is_a_step_of_the_sales_strategy(sample_answers: Path) -> None:
    """The sales summary bridges the sellers' SQL gap with outbound from the SDRs (about 40 a
    year): the strategy table carries it as a proposed step the SDRs own."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_strategy")
    assert "| Outbound to target accounts (proposed, to close the sellers' SQL gap) | SDRs (4) | Prospecting | Goal 4 | SQLs from outbound: about 40 a year |" in en  # fmt: skip
    doc = load_answers(sample_answers)
    doc["answers"]["sales_strategy"] += " SDRs also prospect outbound into named accounts."
    assert "(proposed, to close the sellers' SQL gap)" not in section_markdown(build_plan(doc).plan, "sales_strategy")  # fmt: skip


def test_a_customer_success_step_that_grows_revenue_is_measured_by_expansion() -> None:
    """'CSM은 도입 90일 후 … 모듈을 교차 판매' serves the revenue goal through expansion: its KPI is
    the upsell and cross-sell rate, not total revenue."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_strategy")  # fmt: skip
    row = next(r for r in ko.splitlines() if r.startswith("| CSM은 도입 90일 후"))
    assert row.endswith("| 유지·확장 | 목표 4 | 업셀·교차 판매율 |")


def test_an_unpriced_add_on_s_expansion_is_worked_through_at_a_few_prices() -> None:
    """4억 원 of expansion from a module with no price: today's 467 customers (42억 ÷ 900만) must
    take it in numbers the price decides, rounded up (at a tenth of 900만, 4억 ÷ 90만 = 444.4, so
    445, 95% of them; at three tenths, 148.1, so 149, 32%), so the price is set with the attach rate it asks for in view."""
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    offer = section_markdown(plan, "sales_offering")
    assert "가격에 따라 현재 고객 약 467곳 중 구매해야 하는 고객은 연 90만 원(현재 고객당 매출의 10%)이면 약 445곳(95%), 연 180만 원(현재 고객당 매출의 20%)이면 약 223곳(48%), 연 270만 원(현재 고객당 매출의 30%)이면 약 149곳(32%)임." in offer  # fmt: skip


def test_the_add_on_price_ladder_in_english_says_when_no_price_can_carry_it(sample_answers: Path) -> None:  # fmt: skip
    from assistant.interview.addon_price import price_ladder

    plan = build_plan(load_answers(sample_answers)).plan
    # $2.0M of revenue at today's $14,000 a customer: about 143 customers; $300,000 at $1,400
    # (a tenth) takes 214.3, so 215 of them, more than there are; at $4,200 (three tenths), 71.4,
    # so 72 (50%): a count of customers a sum needs is rounded up
    text = price_ladder(plan, 300_000, "USD", 2_000_000)
    assert text.startswith("Of today's about 143 customers, the ones who must take it are at $1,400 a year (10% of today's revenue per customer), about 215 (more than the customers there are);")  # fmt: skip
    assert "at $4,200 a year (30% of today's revenue per customer), about 72 (50%)." in text
    assert price_ladder(plan, 300_000, "USD", None) == ""  # no base: no customers to count


def test_a_quota_far_below_the_usual_multiple_of_a_seller_s_cost_is_said(sample_answers: Path) -> None:  # fmt: skip
    """$238,000 of new business a seller against a seller's estimated $175,000 a year (1.4 times)
    is far below the 4 to 5 times pay a quota usually is (the knowledge base's CAC page); the
    Korean plan's 2억 7,000만 원 against 7,500만 원 (3.6 times) is not flagged, since pay is less
    than the whole cost; 4,500만 원 against 7,500만 원 does not even cover it."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_team_structure")
    # the cover on both bases: the goals' share (1.4 times) and the funnel's yield at today's
    # deal size (12 deals x $14,000 = $168,000: 0.96 times, so it does not cover the cost)
    assert "That is about 1.4 times a seller's estimated yearly cost ($175,000, pay and more), and about 0.96 times at the funnel's yield and today's deal size ($168,000 each). Quotas usually run at 4 to 5 times on-target earnings (half to all of that cost), so this is far below: a seller's first-year new business barely covers their cost at the goals, and does not at the funnel's yield and today's deal size" in en  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_team_structure")  # fmt: skip
    assert "추정 연간 비용" not in ko
    small = section_markdown(build_plan(load_answers(DATA / "ko_saas_answers.json")).plan, "sales_team_structure")  # fmt: skip
    assert "담당자 1인의 추정 연간 비용(7,500만 원, 보상과 그 밖의 비용)의 약 0.6배임." in small
    assert "이 거래 규모로는 담당자의 첫해 신규 매출이 비용에도 못 미침." in small


def test_training_names_who_runs_each_programme_and_what_shows_it_worked(sample_answers: Path) -> None:  # fmt: skip
    """Not one manager for everything: call reviews by each group's own manager, product
    certification by the product team, an expert the programme invites runs it; each programme is
    measured by what it should change (ramp time, each role's conversion), as the knowledge base's
    training page asks."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_training")
    # no hires are stated this year: the bootcamp runs none until one is planned (a director read
    # 'as hires join' as hires the plan never mentions)
    assert "| Two-week onboarding bootcamp | once per hire | none planned (no hires stated); kept ready for a replacement hire | new hires | ramp time (weeks to a new seller's first deal, months to full quota) | VP Sales, with a senior account executive |" in en  # fmt: skip
    answers = load_answers(sample_answers)
    answers["answers"]["sales_team_structure"] += " We hire two more account executives in Q2."
    hiring = section_markdown(build_plan(answers).plan, "sales_training")
    assert "| Two-week onboarding bootcamp | once per hire | as hires join | new hires |" in hiring
    # a sentence that says no one is hired is no hire; people who join are
    for said, cell in (
        (
            " No new hires are planned in 2027.",
            "none planned (no hires stated); kept ready for a replacement hire",
        ),
        (" Two account executives join in Q2 2027.", "as hires join"),
        # the 'no' of one clause leaves the hire of the next
        (" No SDRs this year; we hire two account executives in Q2.", "as hires join"),
        (" We will not add SDRs, but we hire two account executives in Q2.", "as hires join"),
        (
            " We have no plan to hire in 2027.",
            "none planned (no hires stated); kept ready for a replacement hire",
        ),
    ):
        answers = load_answers(sample_answers)
        answers["answers"]["sales_team_structure"] += said
        shown = section_markdown(build_plan(answers).plan, "sales_training")
        assert f"| once per hire | {cell} |" in shown, said
    from assistant.interview.pipeline_feed import said_each

    assert said_each(0.04) == "0.04" and said_each(37.5) == "37.5" and said_each(3.75) == "3.8"
    # a hire said elsewhere ('rep hired Jan' in the territories) counts; a programme's own name
    # ('신규 입사자 2주 온보딩') does not; franchisees are newcomers, not hires
    hvac = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "sales_training")  # fmt: skip
    assert "| once per hire | as hires join |" in hvac
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_training")  # fmt: skip
    assert "| 신규 입사자 2주 온보딩 | 입사 시 1회 | 채용 계획 미정(결원 충원 시 운영) |" in ko
    # the free first step before the trial, as the funnel runs them
    assert "**올해 교육 프로그램에서 다루지 않는 전술과 전환 단계:** BANT 자격 검증, 급여 마감 시간 절감 ROI 계산기, 무료 급여 진단 진행, 14일 무료 체험 진행. 연초에 기존 팀원을 대상으로 각각 교육 시간을 잡고 통화 리뷰에서 연습함." in ko  # fmt: skip
    # a step a tactic already names is listed once ('Free plant diagnostic …'); a newcomer
    # programme trains the new ones, not the whole headcount; one nobody joins teaches nothing
    services = section_markdown(build_plan(load_answers(DATA / "services_answers.json")).plan, "sales_training")  # fmt: skip
    assert "**Tactics no programme teaches this year:** Free plant diagnostic with a written savings estimate, ROI calculator tied to OEE points, proposals with three options (good/better/best): give each a session for the current team at the start of the year" in services  # fmt: skip
    assert "| once per hire | none planned (no hires stated); kept ready for a replacement hire | new consultants |" in services  # fmt: skip
    # the trial and the free step said as one ('무료 체험과 도입 컨설팅') are the trial, once
    workflow = section_markdown(build_plan(load_answers(DATA / "ko_workflow_saas_answers.json")).plan, "sales_training")  # fmt: skip
    assert workflow.count("체험 진행") == 1 and "컨설팅 진행" not in workflow
    # a team of about 210 store associates replaces people all year: the newcomer course runs
    outfitter = section_markdown(build_plan(load_answers(DATA / "us_outfitter_answers.json")).plan, "sales_training")  # fmt: skip
    assert "| once per hire | as replacements join |" in outfitter
    # its current people learn the modules at the start of the year, newcomers in their course
    assert "give each a session for the current team at the start of the year, a module in the three-day new-hire product for those who join later, and practise it in the kit-selling role-play certification" in outfitter  # fmt: skip
    # a Korean newcomer's role is said as new ('지점 상담실장(신규)'), not as the new branches'
    dental = section_markdown(build_plan(load_answers(DATA / "ko_dental_answers.json")).plan, "sales_training")  # fmt: skip
    assert "| 지점 상담실장(신규) |" in dental
    # no programme to practise in: the Korean sentence ends at the session
    food = section_markdown(build_plan(load_answers(DATA / "ko_food_supplier_answers.json")).plan, "sales_training")  # fmt: skip
    assert "연초에 기존 팀원을 대상으로 각각 교육 시간을 잡음." in food and "연습" not in food
    # a Korean negation is read with Kiwi: '없습니다', '않습니다', '동결', '안 뽑습니다'
    for said, cell in (
        (" 2027년 2분기에 AE 2명을 채용합니다.", "입사 시기에 맞춰"),
        (" 2027년에는 채용 계획이 없습니다.", "채용 계획 미정(결원 충원 시 운영)"),
        (" 올해는 인원을 충원하지 않습니다.", "채용 계획 미정(결원 충원 시 운영)"),
        (" 2027년 채용은 동결합니다.", "채용 계획 미정(결원 충원 시 운영)"),
        (" 올해는 영업 인력을 안 뽑습니다.", "채용 계획 미정(결원 충원 시 운영)"),
    ):
        answers = load_answers(DATA / "ko_hr_answers.json")
        answers["answers"]["sales_team_structure"] += said
        shown = section_markdown(build_plan(answers).plan, "sales_training")
        assert f"| 입사 시 1회 | {cell} |" in shown, said
    bakery = section_markdown(build_plan(load_answers(DATA / "ko_bakery_answers.json")).plan, "sales_training")  # fmt: skip
    # customers' new stores ('신규 매장 900곳') are no hires of the company's own
    food = section_markdown(build_plan(load_answers(DATA / "ko_food_supplier_answers.json")).plan, "sales_training")  # fmt: skip
    assert "| 입사 시 1회 | 채용 계획 미정(결원 충원 시 운영) |" in food
    assert "| 합류 시 1회 | 합류 시기에 맞춰 |" in bakery and "입사" not in bakery.split("\n")[2]
    assert "| conversion by person (win rate for account executives, MQL-to-SQL rate for SDRs) | team lead (SDRs), VP Sales (" in en  # fmt: skip
    assert "| Product certification | every quarter | 4 | whole team | pass rate before selling alone, then the demo-to-proposal rate | the product team (sets and marks the test) |" in en  # fmt: skip
    assert "for every programme" not in en and "rarely gets used" not in en
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_training")  # fmt: skip
    assert "| 노무사를 초빙한 노동법 개정 교육 | 분기 1회 | 4 | 팀 전체 | 법·규정 질문으로 멈춘 거래 수(분기마다) | 초빙 전문가(준비: 영업 본부장) |" in ko  # fmt: skip
    assert "인사이드세일즈 파트장(SDR)" in ko and "제품팀(시험 출제·채점)" in ko
    assert "모든 프로그램을" not in ko


def test_a_free_offer_is_sized_as_work_once_in_the_section_that_names_it(
    sample_answers: Path,
) -> None:
    """One for each SQL the funnel yields, a year and a month, and a month for each seller."""
    from assistant.interview.offer_volume import free_offer

    assert (
        free_offer("convert with a free store health check, then a trial")
        == "free store health check"
    )
    assert free_offer("무료 급여 진단으로 신뢰를 얻은 뒤") == "무료 급여 진단"
    assert free_offer("a 14-day guided trial") == ""
    ko_plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    strategy = section_markdown(ko_plan, "mkt_strategy")
    # SQL 720 a year (2,400 MQLs x 30%), over 12 months and 6 AEs
    assert "무료 급여 진단: SQL마다 한 번이면 연 약 720건(월 약 60건), AE 6명이면 1인당 월 약 10건임." in strategy  # fmt: skip
    assert "SQL마다 한 번이면" not in section_markdown(ko_plan, "sales_strategy")  # said once
    # the owner's default for running it, not a list of things to decide
    assert "거래를 맡은 AE가 한 가지 표준 양식으로 결과를 만들어 5영업일 안에 전달하고, 결과를 받은 고객 중 체험·계약으로 넘어가는 비율을 CRM에서 매월 확인함(제안)." in strategy  # fmt: skip
    doc = load_answers(sample_answers)
    doc["answers"]["sales_strategy"] = "SDRs book a free store health check for every inbound trial; AEs present it."  # fmt: skip
    en = section_markdown(build_plan(doc).plan, "sales_strategy")
    # 900 MQLs by September read at a year's pace: 1,200 -> SQL 240, 20 a month, 4 for each of 5 AEs
    assert "Free store health check: one for each SQL is about 240 a year (about 20 a month), about 4 a month for each of the 5 account executives." in en  # fmt: skip
    assert "Recommended: the account executive who owns the deal prepares each from one standard template and sends it back within five working days" in en  # fmt: skip


def test_where_to_start_says_what_starts_there(sample_answers: Path) -> None:
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_target_market")
    assert "| Start with | apparel and specialty food (proposed: the first quarter's campaigns, case studies and reference calls come from here) |" in en  # fmt: skip


def test_the_sales_summary_names_a_quota_that_barely_covers_a_sellers_cost(
    sample_answers: Path,
) -> None:
    """$1,190,000 of the goals' new business over 5 sellers is $238,000 each, about 1.4 times a
    seller's estimated $175,000 a year: a sales risk the CEO reads in the sales summary, not only
    under the team's structure."""
    plan = build_plan(load_answers(sample_answers)).plan
    risks = section_markdown(plan, "sales_executive_summary").split("**Top risks**")[1]
    # one sentence, both cases: the team's structure gives the reasoning and the proposed quota
    assert "- At the goals each seller would bring about $238,000 of new business a year, about 1.4 times their estimated yearly cost ($175,000), and only about 0.96 times at the funnel's yield and today's deal size ($168,000 each). Both are far below what quotas usually ask: 4 to 5 times on-target earnings, which are half to all of that cost." in risks  # fmt: skip
    ko = build_plan(load_answers(DATA / "ko_saas_answers.json")).plan
    said = section_markdown(ko, "sales_executive_summary").split("**주요 위험**")[1]
    assert "- 목표 기준 담당자 1인의 연 신규 매출(약 4,500만 원)은 추정 연간 비용(7,500만 원)의 약 0.6배로 자기 비용도 채우지 못하며, 보통 할당량(목표 보상의 4~5배, 목표 보상은 이 비용의 절반~전부)과는 거리가 멂." in said  # fmt: skip


def test_a_consumer_region_split_by_population_keeps_its_targets() -> None:
    """No sellers (a consumer app): people are the buyers, so the regions' targets follow their
    population until the first quarter's sign-ups by region replace it; no account count."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_subscription_answers.json")).plan, "sales_territories_channels")  # fmt: skip
    assert "| 서울 | 2,527명 (36%) |" in ko and "| 인천 | 805명 (12%) |" in ko
    assert "_잠정 배분: 지역별 목표가 정해지지 않아 인구 비중(2023년 주민등록인구)으로 나눈 제안임. 2027년 1분기의 지역별 신규 고객 비중이 나오면 그 비중으로 바꿈._" in ko  # fmt: skip
    assert "담당자" not in ko and "고객사 수" not in ko


def test_a_years_count_is_not_checked_as_monthly_visits() -> None:
    """'Grow new patient evaluations from 24,000 in 2026 to 28,500 in 2027' is a year's count: the
    content plan never says it 'adds 4,500 evaluations a month' (the blog's monthly visitors are)."""
    answers = {
        "mkt_objectives": "Grow new patient evaluations from 24,000 in 2026 to 28,500 in 2027 (by December 31, 2027) through Google Ads and local SEO for every clinic.",
        "mkt_content_strategy": "2 blog posts a month targeting injury searches, 1 patient-story video a month, a monthly newsletter to past patients.",
        "mkt_channels": "Google Ads, Google Business Profile, website with online booking, email newsletter.",
    }
    plan = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip
    assert "a month by" not in section_markdown(plan, "mkt_content_strategy")
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_content_strategy")  # fmt: skip
    assert (
        "목표 2번은 2027년 6월까지 월 2만 명을 더해야 하며" in ko
    )  # '블로그 월 방문자' is monthly


def test_a_self_serve_channel_is_read_whole_in_both_languages(sample_answers: Path) -> None:
    """'자사 홈페이지는 … 사업장을 위한 셀프 구매 채널' names the channel before its topic particle
    (read with Kiwi, not cut to '자'); an English article is no part of the channel's name."""
    from assistant.interview.territory_notes import self_serve_channel

    answers = load_answers(DATA / "ko_hr_answers.json")
    answers["answers"]["sales_territories_channels"] += " 자사 홈페이지는 직원 50명 미만 사업장을 위한 셀프 구매 채널."  # fmt: skip
    assert self_serve_channel(build_plan(answers).plan) == (
        "자사 홈페이지",
        "직원 50명 미만 사업장",
    )
    answers = load_answers(sample_answers)
    answers["answers"]["sales_territories_channels"] = "US East, US West, Canada. The Shopify App Store is our self-serve channel for chains under 20 stores."  # fmt: skip
    assert self_serve_channel(build_plan(answers).plan) == ("Shopify App Store", "chains under 20 stores")  # fmt: skip


def test_a_head_of_sales_with_more_direct_reports_than_a_manager_can_coach_is_told(
    sample_answers: Path,
) -> None:
    """The guide's span of control (about 6 to 10): 6 AEs, 4 CSMs and the inside-sales lead under
    one head is 11; a lead for the two largest groups is the remedy. The sample's VP coaches 9
    (the SDRs report to their team lead): nothing to say. A frontline organisation of hundreds
    states no reporting line for everyone, so no span is read from the default."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_team_structure")  # fmt: skip
    assert "영업 본부장의 직속이 11명(AE 6명, CSM 4명, 인사이드세일즈 파트장 1명)으로, 관리자 한 명이 보통 직접 코칭하는 6~10명을 넘음. 1:1 면담과 거래 점검이 얕아지지 않도록 AE 리드·CSM 리드를 두는 것을 검토함." in ko  # fmt: skip
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_team_structure")
    assert "coaches" not in en
    industrial = section_markdown(build_plan(load_answers(DATA / "us_industrial_answers.json")).plan, "sales_team_structure")  # fmt: skip
    assert "The VP of Sales coaches 17 people directly (12 field reps, 3 inside sales reps, 2 VMI specialists), above the 6 to 10 a front-line manager usually can; to keep one-to-ones and deal reviews from thinning, consider a lead for each group (one for the field reps and one for the inside sales reps)." in industrial  # fmt: skip
    outfitter = section_markdown(build_plan(load_answers(DATA / "us_outfitter_answers.json")).plan, "sales_team_structure")  # fmt: skip
    assert "coaches" not in outfitter


def test_a_leader_who_reports_to_the_ceo_is_the_leader_and_a_programme_for_aes_trains_them() -> None:  # fmt: skip
    """'VP Sales reports to the CEO.' names the VP Sales, not 'VP Sales reports to the CEO'; a
    '4-week onboarding for AEs including 1 week on the carrier-sales floor' trains the shipper
    account executives it names, not the carrier sales reps its last words share a word with."""
    plan = build_plan(load_answers(DATA / "us_freight_answers.json")).plan
    team = section_markdown(plan, "sales_team_structure")
    assert "| VP Sales | 1 | - | - |" in team and "reports to the CEO |" not in team
    training = section_markdown(plan, "sales_training")
    assert "| 4-week onboarding for AEs including 1 week on the carrier-sales floor | once per hire | as hires join | new shipper account executives | ramp time (weeks to a new seller's first deal, months to full quota) | VP Sales, with a senior shipper account executive |" in training  # fmt: skip


def test_a_business_buyers_trigger_is_the_markets_opportunity_to_confirm(sample_answers: Path) -> None:  # fmt: skip
    """The primary buyer's card says what may start them looking when the user did not: the
    opportunity the market analysis names, as a hypothesis to confirm (not the role's typical
    list); a Korean segment is said as the change it names, read with Kiwi; a consumer plan's
    opportunity is the seller's, not one person's trigger, and stays a question."""
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_audience_personas")
    # another group's change is not this buyer's trigger: a chain's operations director is no
    # Shopify Plus merchant, so the card asks instead
    assert "Shopify Plus merchants outgrowing" not in en and "what makes them start looking" in en
    cleaning = section_markdown(build_plan(load_answers(DATA / "us_cleaning_answers.json")).plan, "mkt_audience_personas")  # fmt: skip
    assert "- What may start them looking (the market analysis' opportunity, to confirm in interviews): property managers consolidating vendors" in cleaning  # fmt: skip
    assert "- Objection to prepare for first (proposed, to confirm in interviews): price against this year's budget; the answer is under objection handling" in en  # fmt: skip
    assert "the objection that comes first" not in en
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_audience_personas")  # fmt: skip
    assert "- 알아보기 시작할 만한 계기(시장 분석의 기회, 인터뷰로 확인): 2027년 최저임금 인상과 노동법 개정으로 급여 오류 부담이 커짐" in ko  # fmt: skip
    consumer = section_markdown(build_plan(load_answers(DATA / "ko_subscription_answers.json")).plan, "mkt_audience_personas")  # fmt: skip
    assert "알아보기 시작할 만한" not in consumer
    from assistant.interview.persona_triggers import _ko_trigger

    # a list keeps its words ('광교·송도 같은 신도시 입주, …' is no one clause)
    listed = "광교·송도 같은 신도시 입주, 40~50대 투명교정 수요 증가"
    assert _ko_trigger(listed) == listed


def test_a_trigger_is_never_the_sellers_own_move_or_a_segment_clause() -> None:
    """'launch an EU data centre' and '일본 시장 진출' are the seller's plans; '경쟁사가 놓친 지방
    중견기업' describes a segment: none is what starts a buyer looking."""
    from assistant.interview.persona_triggers import _SELLER_MOVE, _ko_trigger

    assert _SELLER_MOVE.search("launch an EU data centre and expand into Europe in 2027")
    assert _SELLER_MOVE.search("2027년 일본 시장 진출과 대기업 고객 확보")
    assert not _SELLER_MOVE.search("Shopify Plus merchants outgrowing built-in reports")
    assert (
        _ko_trigger("경쟁사가 놓친 지방 중견기업") == ""
        and _ko_trigger("엑셀을 쓰는 중소기업") == ""
    )
    assert (
        _ko_trigger("2027년 중소기업 디지털 전환 바우처 확대")
        == "2027년 중소기업 디지털 전환 바우처 확대"
    )


def test_span_of_control_reads_plural_managers_and_bosses_in_any_case(sample_answers: Path) -> None:
    """Two sales managers share 12 AEs (6 each: within range), 24 (12 each: above it); 'Head of
    Sales' and 'the head of sales' are one boss (8 + 2 + 4 = 14); a group of two gets no lead of
    its own."""
    answers = load_answers(sample_answers)
    answers["answers"]["sales_team_structure"] = "Head of Sales leads 2 sales managers. 12 account executives report to the sales managers."  # fmt: skip
    assert "coaches" not in section_markdown(build_plan(answers).plan, "sales_team_structure")
    answers["answers"]["sales_team_structure"] = "Head of Sales leads 8 account executives and 2 sales engineers. 4 SDRs report to the head of sales."  # fmt: skip
    team = section_markdown(build_plan(answers).plan, "sales_team_structure")
    assert "The Head of Sales coaches 14 people directly (8 account executives, 2 sales engineers, 4 SDRs), above the 6 to 10 a front-line manager usually can; to keep one-to-ones and deal reviews from thinning, consider a lead for each group (one for the account executives and one for the SDRs)." in team  # fmt: skip
    # one rule per person: two managers of 24 AEs coach 12 each, so a third (or a lead per team)
    answers["answers"]["sales_team_structure"] = "Head of Sales leads 2 sales managers. 24 account executives report to the sales managers."  # fmt: skip
    team = section_markdown(build_plan(answers).plan, "sales_team_structure")
    assert "The 2 sales managers coach 24 people directly (24 account executives; about 12 each)" in team  # fmt: skip
    assert "consider 3 sales managers (about 8 each) or a lead in each team." in team
    ko = load_answers(DATA / "ko_hr_answers.json")
    ko["answers"]["sales_team_structure"] = "영업 본부장 아래 영업 팀장 2명이 있고, AE 24명은 영업 팀장에게 보고합니다."  # fmt: skip
    team = section_markdown(build_plan(ko).plan, "sales_team_structure")
    assert "| AE | 24 | 영업 팀장 |" in team  # the head count between role and particle
    assert "영업 팀장 2명의 직속이 24명(AE 24명, 1인당 약 12명)으로" in team
    assert "영업 팀장을 3명으로 늘리거나(1인당 약 8명) 팀마다 리드를 두는 것을 검토함." in team


def test_korean_reporting_lines_are_read_to_the_noun_before_egeh() -> None:
    """'SDR은 영업 본부장이 아닌 인사이드세일즈 파트장에게 보고' names the inside-sales lead (the
    span note then counts the head's 10, within range); 'SDR들은', '매주', '소속으로' in between."""
    from assistant.analysis.lists import team_roles

    for said, boss in (
        ("SDR은 영업 본부장이 아닌 인사이드세일즈 파트장에게 보고합니다.", "인사이드세일즈 파트장"),
        ("SDR들은 매주 인사이드세일즈 파트장에게 보고합니다.", "인사이드세일즈 파트장"),
        ("SDR은 마케팅팀 소속으로 마케팅 팀장에게 보고합니다.", "마케팅 팀장"),
    ):
        answers = load_answers(DATA / "ko_hr_answers.json")
        answers["answers"]["sales_team_structure"] = "영업 본부장 1명 아래 AE 6명, SDR 3명, CSM 4명. " + said  # fmt: skip
        roles = {str(r["role"]): r["reports_to"] for r in team_roles(build_plan(answers).plan)}
        assert roles["SDR"] == boss, said
    # the leader is named without 'reports to the CEO', with an article or 'directly'
    for said in ("Our VP Sales reports to the CEO. 6 AEs and 2 SDRs.", "VP Sales reports directly to the CEO. 6 AEs and 2 SDRs.", "VP Sales, reporting to the CEO: 6 AEs and 2 SDRs."):  # fmt: skip
        answers = load_answers(DATA / "us_freight_answers.json")
        answers["answers"]["sales_team_structure"] = said
        assert team_roles(build_plan(answers).plan)[0]["role"] == "VP Sales", said


def test_staff_under_another_executive_report_to_them_not_to_sales() -> None:
    """'38 carrier sales reps and 10 track-and-trace coordinators under the VP Operations' report
    to the VP Operations, a peer of the VP Sales: no row of the sales team counts that VP, and no
    note puts them under the VP Sales."""
    plan = build_plan(load_answers(DATA / "us_freight_answers.json")).plan
    team = section_markdown(plan, "sales_team_structure")
    assert "| carrier sales reps | 38 | VP Operations | - |" in team
    assert "| track-and-trace coordinators | 10 | VP Operations | - |" in team
    assert "\n| VP Operations | 1 |" not in team and "VP Operations's headcount" not in team
    assert "The SDR manager's headcount is not stated: counted as one person reporting to the VP Sales." in team  # fmt: skip


def test_under_a_title_is_a_manager_only_when_the_phrase_ends_with_it(sample_answers: Path) -> None:  # fmt: skip
    """'under a lead scoring model', 'under the leadership of the CEO' and 'a manager-approved
    plan' name no manager; a CRO's VP Sales and Head of Customer Success stay on the sales team
    (only an executive of another function, 'VP Operations', is left out); a Korean head count
    restated in the reporting line ('AE 24명은 영업 팀장에게') is the same 24 AEs."""
    from assistant.analysis.team_roles import _UNDER

    for prose in ("SDRs qualify inbound under a lead scoring model", "under the leadership of the CEO", "each under a manager-approved territory plan"):  # fmt: skip
        assert _UNDER.search(prose) is None
    answers = load_answers(sample_answers)
    answers["answers"]["sales_team_structure"] = "The CRO leads the revenue team: 8 account executives report to the VP Sales, 3 customer success managers report to the Head of Customer Success."  # fmt: skip
    team = section_markdown(build_plan(answers).plan, "sales_team_structure")
    assert "| VP Sales | 1 | CRO | leads the 8 account executives |" in team
    assert "| Head of Customer Success | 1 | CRO | leads the 3 customer success managers |" in team
    ko = load_answers(DATA / "ko_hr_answers.json")
    ko["answers"]["sales_team_structure"] = "영업 본부장 아래 영업 팀장 2명과 AE 24명이 있습니다. AE 24명은 영업 팀장에게 보고합니다."  # fmt: skip
    team = section_markdown(build_plan(ko).plan, "sales_team_structure")
    assert team.count("| AE | 24 |") == 1 and "영업 팀장 2명의 직속이 24명(AE 24명, 1인당 약 12명)" in team  # fmt: skip
    ko["answers"]["sales_team_structure"] = "영업 본부장 아래 AE 6명, SDR 4명이 있습니다. SDR 4명 중 2명은 마케팅 팀장에게 보고합니다."  # fmt: skip
    assert "| SDR | 4 | 영업 본부장 |" in section_markdown(build_plan(ko).plan, "sales_team_structure")  # fmt: skip


def test_the_headcount_the_goals_carry_at_the_usual_quota_is_said_in_korean() -> None:
    """The same conclusion in Korean: new business over the usual multiple of a seller's
    estimated cost, when that is fewer sellers than the team has; nothing when it is not."""
    from assistant.analysis.sales_cost import estimate_sales_cost
    from assistant.interview.compose_team import _sellers_at_usual

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    est = estimate_sales_cost(plan, "KRW")
    assert est is not None and est.per_seller
    said = _sellers_at_usual(plan, 4 * est.per_seller * 2.5, 6, "KRW")
    assert (
        "할당량을 목표 보상의 4~5배로 잡으면" in said
        and "할당 담당자 약 2~5명 몫입니다" in said
        and "6명을 유지한다면" in said
    )
    assert _sellers_at_usual(plan, 4 * est.per_seller * 6, 6, "KRW") == ""


def test_a_sales_budget_the_answers_do_not_split_gets_a_task_not_silence(tmp_path: Path) -> None:
    """'영업 예산은 연 1억 2,000만 원' with nothing on what it pays for: the sales strategy says
    who splits it and by when (CAC counts all of it meanwhile); named uses leave it to them."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_strategy")  # fmt: skip
    assert "**영업 예산**: 연 1억 2,000만 원. 어디에 쓰는지(출장·고객 방문, 체험·데모 지원, 파트너 수수료, 성과급)는 아직 계획에 없음. 영업 본부장이 2027년 1월 말까지 항목별로 나눔." in ko  # fmt: skip
    answers = load_answers(DATA / "ko_hr_answers.json")
    answers["answers"]["sales_strategy"] += " 영업 예산은 출장과 성과급에 씁니다."
    assert "**영업 예산**" not in section_markdown(build_plan(answers).plan, "sales_strategy")


def test_a_korean_step_with_an_irregular_verb_keeps_its_form() -> None:
    """'듣기' never becomes '듣음' (a ㄷ-irregular): it stays as it is; ㅂ and regular stems take
    the report style ('도움', '잡음')."""
    from assistant.interview.compose_moves import _as_step

    assert _as_step("점주 의견을 듣기") == "점주 의견을 듣기"
    assert _as_step("무료 진단을 잡기") == "무료 진단을 잡음"
    assert _as_step("14일 체험을 진행합니다") == "14일 체험을 진행함"

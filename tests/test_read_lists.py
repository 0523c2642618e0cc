"""A list answer (personas, target market, channels, calendar, content, training) is read back
like a fact answer, in the reader's language, with how to change it."""

from __future__ import annotations

import pytest

from assistant.core.plan import Plan
from assistant.interview.engine import InterviewEngine, InterviewState


def _answer(lang: str, section: str, text: str) -> str:
    engine = InterviewEngine(InterviewState(plan=Plan.new("A", lang)))
    engine.start()
    engine.handle(f"goto {section}")
    return engine.handle(text).text


@pytest.mark.parametrize(
    ("lang", "section", "text", "expect"),
    [
        ("en", "mkt_audience_personas",
         "Primary buyer: the finance manager of a 50-500 person clinic group, 30-45. Pains: month-end close takes five days. Reads CFO Brew and asks peers on Slack.",
         ["persona: finance manager of a 50-500 person clinic group, 30-45", "pains: month-end close takes five days", "where they look:"]),
        ("ko", "mkt_audience_personas",
         "주요 구매자: 직원 30~200명 병원의 원무과장, 40대. 고충: 월말 청구 정리에 나흘이 걸림. 병원 경영 카페를 읽고 동료에게 묻습니다.",
         ["페르소나: ", "원무과장", "불편한 점: 월말 청구 정리에 나흘이 걸림"]),
        ("en", "mkt_channels", "Google Ads, LinkedIn, a monthly newsletter and dental trade shows.",
         ["channels: Google Ads, LinkedIn"]),
        ("ko", "mkt_channels", "네이버 검색 광고, 인스타그램, 치과 박람회.", ["채널: 네이버 검색 광고, 인스타그램, 치과 박람회"]),
        ("en", "mkt_calendar", "February dental expo, May spring webinar, October renewal campaign.",
         ["calendar: February dental expo, May spring webinar, October renewal campaign"]),
        ("ko", "mkt_calendar", "3월 치과 박람회 부스(2,000만 원), 9월 추석 감사 캠페인.",
         ["캘린더: 3월 치과 박람회 부스(2,000만 원), 9월 추석 감사 캠페인"]),
        ("en", "mkt_content_strategy", "Three blog posts a week and one case study a quarter; a content audit every quarter.",
         ["content: blog posts (3 a week), case study (1 a quarter), content audit (each quarter)"]),
        ("ko", "mkt_content_strategy", "블로그 글 주 3편, 고객 사례 분기 1편을 발행합니다.", ["콘텐츠: 블로그 글(주 3회), 고객 사례(분기 1회)"]),
    ],
)  # fmt: skip
def test_a_list_answer_is_read_back_with_how_to_change_it(
    lang: str, section: str, text: str, expect: list[str]
) -> None:
    reply = _answer(lang, section, text)
    line = next(line for line in reply.splitlines() if line.startswith(("I read:", "읽은 내용:")))
    for part in expect:
        assert part in line
    assert (
        "'이전'으로 돌아가 다시 답해" if lang == "ko" else "type 'back' and answer again"
    ) in line


def test_the_target_market_s_criteria_are_read_back_as_the_plan_took_them() -> None:
    reply = _answer(
        "en",
        "sales_target_market",
        "Dental clinic groups in Texas with 5-40 clinics, starting with orthodontics.",
    )
    assert "I read: region: Texas" in reply and "size: 5-40 clinics" in reply


def test_a_fact_answer_keeps_its_plain_correction_example() -> None:
    reply = _answer("ko", "mkt_budget", "연간 마케팅 예산 2억 원: 검색 광고 50%, 박람회 50%.")
    assert "읽은 내용: 예산 2억 원" in reply and "처럼 바로 고쳐 쓰세요" in reply
    assert "'이전'으로 돌아가" not in reply


def test_a_numbered_list_of_rivals_gives_their_names_in_both_languages() -> None:
    from assistant.analysis.lists import competitor_list
    from assistant.cli.draft import build_plan

    def rivals(text: str, lang: str) -> list[str]:
        doc = {"language": lang, "company": "", "plan_type": "integrated", "answers": {"mkt_market_analysis": text}}  # fmt: skip
        return competitor_list(build_plan(doc).plan)

    ko = rivals(
        "시장은 커지고 있습니다. 경쟁: ① 대형 건설사 모듈러 브랜드(자이가이스트 등) — 브랜드 신뢰와 짧은 공기, "
        "② 지역 목조주택 시공사 — 평당 850만~1,000만 원으로 가격 경쟁, ③ 스틸하우스·ALC 업체. 강점: 12년 업력.",
        "ko",
    )
    assert ko == [
        "대형 건설사 모듈러 브랜드(자이가이스트 등)",
        "지역 목조주택 시공사",
        "스틸하우스·ALC 업체",
    ]
    en = rivals(
        "Competitors: (1) one-truck operators on Facebook - cheap but unreliable; (2) Spiffy, the app-based "
        "service, strong with fleets; (3) unlimited wash clubs - Mister Car Wash ($29.99/mo). Strengths: 6 years.",
        "en",
    )
    assert en == ["one-truck operators on Facebook", "Spiffy", "unlimited wash clubs"]


def test_a_korean_role_split_by_place_is_one_role_and_its_own_target_makes_it_a_seller() -> None:
    from assistant.analysis.lists import team_roles
    from assistant.cli.draft import build_plan

    team = (
        "대표 아래 건축상담 매니저 5명: 서울·경기 3명(양평 2명, 본사 1명), 강원 1명, 충청 1명. "
        "매니저 1인당 연 목표 5~6동. 설계팀 4명이 기본설계를 맡아 영업을 지원(영업 목표 없음)."
    )
    doc = {"language": "ko", "company": "", "plan_type": "integrated", "answers": {"sales_team_structure": team}}  # fmt: skip
    plan = build_plan(doc).plan
    roles = {str(r["role"]): (r["count"], r["quota_carrying"]) for r in team_roles(plan)}
    assert "서울·경기" not in roles and "강원" not in roles  # places, not roles
    assert roles["건축상담 매니저"] == (5, True)  # '1인당 연 목표 5~6동' is a quota
    assert roles["설계팀"] == (4, False)
    assert plan.number("quota_per_seller") == 5

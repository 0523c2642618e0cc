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

"""Korean list items and table cells in the report style (개조식), rebuilt with Kiwi."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.core.korean_endings import noun_endings, report_bullets


@pytest.mark.parametrize(
    ("polite", "report"),
    [
        ("어느 항목에서 비용을 쓰는지 정해야 합니다.", "어느 항목에서 비용을 쓰는지 정해야 함."),
        (
            "늘어나는 리드를 가져올 채널이 계획에 없습니다.",
            "늘어나는 리드를 가져올 채널이 계획에 없음.",
        ),
        ("2027년 매출은 약 50억 원입니다(예측 기준).", "2027년 매출은 약 50억 원임(예측 기준)."),
        (
            "예산을 목표 180곳으로 나눴습니다(인건비 제외).",
            "예산을 목표 180곳으로 나눔(인건비 제외).",
        ),
        (
            "비교 자료를 만듭니다. 파트너 고객은 퍼널 밖에서 더해집니다.",
            "비교 자료를 만듦. 파트너 고객은 퍼널 밖에서 더해짐.",
        ),
        # a recommendation is labelled as one at its sentence's start, not closed with '~것을 권함'
        ("리드 목표를 정하는 것을 권합니다.", "리드 목표를 정함(제안)."),
        (
            "예산을 봅니다. 현금을 계약 시점에 받는 것을 권합니다.",
            "예산을 봄. 현금을 계약 시점에 받음(제안).",
        ),
        ("'정하는 것을 권합니다'는 그대로 둡니다.", "'정하는 것을 권합니다'는 그대로 둠."),
    ],
)
def test_polite_endings_become_noun_endings(polite: str, report: str) -> None:
    assert noun_endings(polite) == report


def test_quoted_words_and_questions_stay_as_written() -> None:
    quoted = "'매일 아침 숫자를 드립니다'라는 메시지에 근거가 없습니다."
    assert noun_endings(quoted) == "'매일 아침 숫자를 드립니다'라는 메시지에 근거가 없음."
    assert noun_endings("어느 채널이 맡습니까?") == "어느 채널이 맡습니까?"
    assert noun_endings("No Korean here.") == "No Korean here."


def test_only_list_items_and_table_cells_change() -> None:
    md = "\n".join(
        [
            "핵심 수치: 예산은 4억 원입니다.",
            "1. 2027년 매출을 58억 원으로 늘립니다.",
            "- 계획에 없습니다.",
            "   - 밝혀야 합니다.",
            "| 위험 | 비교 자료를 만듭니다. |",
        ]
    )
    assert report_bullets(md).split("\n") == [
        "핵심 수치: 예산은 4억 원입니다.",  # a paragraph reads in full sentences
        "1. 2027년 매출을 58억 원으로 늘립니다.",  # a numbered item is the user's goal
        "- 계획에 없음.",
        "   - 밝혀야 함.",
        "| 위험 | 비교 자료를 만듦. |",
    ]


def test_a_korean_plan_lists_in_the_report_style_and_its_copy_in_sentences() -> None:
    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.render import plan_markdown, section_markdown

    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    text = plan_markdown(plan)
    copy = section_markdown(plan, "mkt_positioning_messaging")
    bullets = [x for x in text.split("\n") if re.match(r"\s*- ", x) and x not in copy]
    unquoted = [re.sub(r"'[^']*'|\"[^\"]*\"", "", x) for x in bullets]
    assert len(bullets) > 20
    assert not [x for x in unquoted if re.search(r"[습ㅂ]니다[.)]|[가-힣]니다\.", x)]
    assert "- 예산 항목이 정해지지 않은 활동:" in text
    # the value proposition and the channel copy are what a customer reads: full sentences
    assert "니다." in copy


def test_the_korean_budget_by_quarter_assumption_reads_one_step_a_sentence() -> None:
    from assistant.analysis.plan_analysis import analyse
    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.analysis_render import closing_markdown

    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    line = next(x for x in closing_markdown(plan, analyse(plan)).split("\n") if "분기별 예산" in x)
    assert line == (
        "- 분기별 예산: 비용이 적힌 캘린더 활동 1건은 그 달의 분기에 넣음. 'HR 박람회와 행사' 예산에서 "
        "남은 금액은 비용이 적히지 않은 행사에 행사 규모에 따라 나눠(캘린더의 제안 비용) 각 행사의 분기에 "
        "넣음. 나머지 예산은 네 분기에 똑같이 나눔. 신규 계약이 몰리는 분기에 더 두는 제안은 요약의 결정에 "
        "따로 있음."
    )


def test_a_labelled_recommendation_is_marked_at_its_end() -> None:
    """'결정: …을 권합니다' (the deck's next steps) reads '결정: …함(권고).', never '권고: 결정:'."""
    from assistant.core.korean_endings import report_bullets

    shown = report_bullets(
        "- 결정: 리드 2,400건을 유지하고 고객 목표를 약 225곳으로 올리는 것을 권합니다."
    )
    assert shown == "- 결정: 리드 2,400건을 유지하고 고객 목표를 약 225곳으로 올림(제안)."
    assert report_bullets("- 리드 목표를 정하는 것을 권합니다.") == "- 리드 목표를 정함(제안)."


@pytest.mark.parametrize(
    ("sentence", "heading"),
    [
        # a role's topic particle becomes the subject's: a topic does not sit with the -기 form
        (
            "CSM은 도입 90일 후 평가·전자결재 모듈을 교차 판매합니다",
            "CSM이 도입 90일 후 평가·전자결재 모듈을 교차 판매하기",
        ),
        ("영업팀은 분기마다 고객을 리뷰합니다", "영업팀이 분기마다 고객을 리뷰하기"),
        # a topic that is not the one acting, or with its own subject after it, stays
        ("노무법인 추천 리드는 AE가 바로 맡습니다", "노무법인 추천 리드는 AE가 바로 맡기"),
        ("이번 분기는 체험을 늘리고", "이번 분기는 체험을 늘리기"),
        # the topic as the object ('SEO는 매달 점검'), no role, or a contrast of two topics
        ("SEO는 매달 점검합니다", "SEO는 매달 점검하기"),
        ("신규 파트너는 분기마다 모집합니다", "신규 파트너는 분기마다 모집하기"),
        (
            "CSM은 기존 고객을, AE는 신규 고객을 맡습니다",
            "CSM은 기존 고객을, AE는 신규 고객을 맡기",
        ),
        ("체험으로 전환합니다", "체험으로 전환하기"),
    ],
)
def test_a_move_heading_takes_the_subject_particle_for_its_actor(sentence: str, heading: str) -> None:  # fmt: skip
    from assistant.core.korean import as_heading

    assert as_heading(sentence) == heading


def test_korean_report_text_has_no_english_semicolons() -> None:
    """A native reader flags ';' in Korean: a part with no comma of its own takes a comma, one
    with its own commas a slash, so the groups stay apart; text without one is untouched."""
    from assistant.core.korean_endings import ko_semicolons, report_bullets

    assert ko_semicolons("| 목표 2; 목표 1(다운로드 시 리드 수집) |") == "| 목표 2, 목표 1(다운로드 시 리드 수집) |"  # fmt: skip
    assert ko_semicolons("적합도: 직원 50~300명, 중소·중견기업; 관심 행동: 웨비나") == "적합도: 직원 50~300명, 중소·중견기업 / 관심 행동: 웨비나"  # fmt: skip
    assert (
        ko_semicolons("약 275%(고객 기준; 확장 매출 포함)") == "약 275%(고객 기준, 확장 매출 포함)"
    )
    assert ko_semicolons("쉼표 없는 줄") == "쉼표 없는 줄"
    # one separator for the whole cell: a comma of its own (or a number's) makes every one a slash
    assert ko_semicolons("목표 1, 2; 목표 3; 목표 4") == "목표 1, 2 / 목표 3 / 목표 4"
    assert ko_semicolons("매출 1,200; 1,500; 1,800") == "매출 1,200 / 1,500 / 1,800"
    assert ko_semicolons("1. 목표; 사용자 원문") == "1. 목표; 사용자 원문"  # the user's goal
    # the report style applies it, with or without a polite ending to change
    assert report_bullets("- 먼저 측정; 출처: CRM") == "- 먼저 측정, 출처: CRM"
    assert report_bullets("- 먼저 측정합니다; 출처: CRM") == "- 먼저 측정함, 출처: CRM"

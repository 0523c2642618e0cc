"""The quarters the plan says business peaks in, read from the user's sentence, against a budget
spread evenly beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analysis.peaks import peak_budget_finding, stated_peaks
from assistant.analysis.plan_analysis import analyse
from assistant.cli.draft import build_plan, load_answers

DATA = Path(__file__).parent / "data"


def test_stated_peak_quarters_against_an_even_budget_are_a_finding() -> None:
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    assert stated_peaks(plan) == ([1, 3], "sales_forecast")
    found = peak_budget_finding(plan, analyse(plan))
    assert found is not None
    # the even split is the analysis's default, said as that; the split is the user's decision
    assert found.message.startswith("계획에 분기별 예산이 없어 분석은 날짜가 있는 행사 밖의 예산을 네 분기에 고르게 나눴습니다(1분기 1억 1,000만 원, 3분기 1억 1,000만 원")  # fmt: skip
    assert "그런데 영업 예측은 2027년 1분기와 3분기에 신규 계약이 몰린다고 봅니다." in found.message
    assert found.fix.startswith("리드를 만드는 예산을 몰리는 분기와 그 직전에 더 둘지 정해")
    assert "영업 주기 40일이면 리드는 약 6주 앞서" in found.fix


@pytest.mark.parametrize(
    ("sentence", "quarters"),
    [
        ("Orders peak in Q4 with holiday gifting.", [4]),
        ("Most of our deals close in the second and fourth quarter.", [2, 4]),
        ("Most of our contracts are signed in the fourth quarter.", [4]),
        ("3분기가 성수기입니다.", [3]),
        ("매 분기 매출이 비슷합니다.", []),
    ],
)
def test_the_peak_is_read_from_a_sentence_that_says_so(sentence: str, quarters: list[int]) -> None:
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    plan.section("sales_forecast").content = sentence
    assert stated_peaks(plan)[0] == quarters

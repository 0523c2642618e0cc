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
    assert found.message.startswith("분기별 예산이 정해지지 않아 날짜가 있는 행사 비용은 그 분기에, 나머지는 네 분기에 고르게 잡았습니다(1분기 1억 3,000만 원, 2분기 1억 3,000만 원, 3분기 9,000만 원, 4분기 1억 3,000만 원)")  # fmt: skip
    assert "그런데 영업 예측은 2027년 1분기와 3분기에 신규 계약이 몰린다고 봅니다." in found.message
    assert found.fix.startswith("1분기와 3분기를 앞둔 시기와 그 분기에 리드를 만드는 예산을 더 두고, 분기별 예산을 그렇게 정하는 것을 권합니다.")  # fmt: skip
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

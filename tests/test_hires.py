"""Hires read clause by clause from the team, goals and territories answers, in both languages:
a 'no' counts only when it is about hiring, a Korean negation only in its own clause (Kiwi)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.hires import hires_stated

DATA = Path(__file__).parent / "data"

EN = [
    ("The hiring freeze is lifted: we hire two AEs in Q2.", True),
    ("Hiring freeze lifted; 2 AEs start in March.", True),
    ("We hire 2 AEs and no SDRs.", True),
    ("Hiring 2 AEs in Q2 (not SDRs).", True),
    ("We hire 2 AEs in Q3 so they ramp before the holiday code freeze.", True),
    ("We hire 2 AEs who have no prior SaaS experience.", True),
    ("No SDRs this year; we hire two account executives in Q2.", True),
    ("Two account executives join in Q2 2027.", True),
    ("We are not hiring this year, and CSMs join renewal calls from day 60.", False),
    ("Headcount is flat: no hires, and AEs join every QBR.", False),
    ("Hiring: none this year.", False),
    ("Hiring is on hold.", False),
    ("One AE, hired in 2025, covers the west.", False),
    ("We have no plan to hire in 2027.", False),
]
KO = [
    ("AE는 채용하지 않고 SDR 2명을 새로 뽑습니다.", True),
    ("올해 채용 동결이 해제되어 AE 2명을 채용합니다.", True),
    ("AE 2명을 채용할 예정이며, 예산이 없으면 1명만 뽑습니다.", True),
    ("경력이 없는 신입 AE 2명을 채용합니다.", True),
    ("올해 가격은 동결하고 AE 2명을 채용합니다.", True),
    ("AE 2명을 채용합니다(SDR은 채용 안 함).", True),
    ("AE는 못 뽑았지만 SDR 2명이 합류합니다.", True),
    ("채용은 보류합니다.", False),
    ("2027년에는 채용 계획이 없습니다.", False),
    ("올해는 인원을 충원하지 않습니다.", False),
    ("올해는 영업 인력을 안 뽑습니다.", False),
]


@pytest.mark.parametrize(("said", "hires"), EN)
def test_english_hires_are_read_clause_by_clause(sample_answers: Path, said: str, hires: bool) -> None:  # fmt: skip
    answers = load_answers(sample_answers)
    answers["answers"]["sales_team_structure"] += " " + said
    assert hires_stated(build_plan(answers).plan) is hires


@pytest.mark.parametrize(("said", "hires"), KO)
def test_korean_hires_are_read_with_kiwi_clause_by_clause(said: str, hires: bool) -> None:
    answers = load_answers(DATA / "ko_hr_answers.json")
    answers["answers"]["sales_team_structure"] += " " + said
    assert hires_stated(build_plan(answers).plan) is hires


def test_one_answers_no_never_vetoes_the_next_answers_hire(sample_answers: Path) -> None:
    answers = load_answers(sample_answers)
    answers["answers"]["sales_team_structure"] = "VP Sales leads 4 AEs, no SDRs"
    answers["answers"]["sales_objectives"] = "Hire 2 AEs by Q2 2027.\n" + answers["answers"]["sales_objectives"]  # fmt: skip
    assert hires_stated(build_plan(answers).plan)

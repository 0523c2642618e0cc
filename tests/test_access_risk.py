"""A trial that runs on the buyer's own systems or data is a register risk: the buyer's IT must
grant access and review its security first."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.access_risk import data_access_rows

DATA = Path(__file__).parent / "data"


def test_a_trial_on_the_buyer_s_own_data_is_a_register_risk(sample_answers: Path) -> None:
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.economics_risks import plan_register

    plan = build_plan(load_answers(sample_answers)).plan
    # 'convert with a 14-day guided trial on the buyer's own POS data'
    rows = data_access_rows(plan, "VP Sales")
    assert len(rows) == 1 and rows[0].risk.startswith("The trial runs on the buyer's own systems or data")  # fmt: skip
    assert "security pack" in rows[0].response and rows[0].watch.startswith(
        "days from a trial request"
    )
    assert sum(r.risk == rows[0].risk for r in plan_register(plan, analyse(plan))) == 1


def test_a_missing_integration_elsewhere_is_no_trial_risk_and_korean_reads_its_own() -> None:
    # the freight plan's IT reviewer comes from a weakness ('no TMS integration'), not its trial
    assert (
        data_access_rows(build_plan(load_answers(DATA / "us_freight_answers.json")).plan, "x") == []
    )
    doc = json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))
    assert data_access_rows(build_plan(doc).plan, "x") == []  # a plain free trial
    doc["answers"]["mkt_strategy"] = doc["answers"]["mkt_strategy"].replace(
        "14일 무료 체험으로 전환합니다",
        "고객사의 기존 시스템을 연동한 14일 무료 체험으로 전환합니다",
    )
    rows = data_access_rows(build_plan(doc).plan, "영업 본부장")
    assert [r.risk for r in rows] == ["체험이 고객사의 시스템·데이터로 진행되므로, 고객사 IT의 접근 승인과 보안 검토가 체험 시작을 늦출 수 있음."]  # fmt: skip


def test_a_trial_that_says_it_needs_no_access_or_a_customer_experience_is_no_risk() -> None:
    doc = json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))
    strategy = doc["answers"]["mkt_strategy"]
    for said, fires in (
        ("고객사 ERP를 연동한 14일 무료 체험으로 전환합니다", True),
        ("고객사의 기존 시스템 연동 없이 바로 쓰는 14일 무료 체험으로 전환합니다", False),
        ("고객 체험을 POS 시스템 연동으로 개선합니다", False),  # 체험 as experience, no trial
    ):
        doc["answers"]["mkt_strategy"] = strategy.replace("14일 무료 체험으로 전환합니다", said)
        assert bool(data_access_rows(build_plan(doc).plan, "x")) is fires, said


def test_the_it_reviewer_and_the_access_risk_read_the_same_words() -> None:
    """'고객사 ERP를 연동한 … 체험': the risk fires, and the personas' committee gap names the IT
    reviewer from the same words (one pattern, not two that drift apart)."""
    from assistant.interview.persona_card import committee_gaps

    doc = json.loads((DATA / "ko_hr_answers.json").read_text(encoding="utf-8"))
    doc["answers"]["mkt_strategy"] = doc["answers"]["mkt_strategy"].replace(
        "14일 무료 체험으로 전환합니다", "고객사 ERP를 연동한 14일 무료 체험으로 전환합니다"
    )
    plan = build_plan(doc).plan
    assert data_access_rows(plan, "x")
    assert any("ERP를 연동" in why for _, why in committee_gaps(plan))

"""A care provider's plan: no fee per patient referred, and no retail or business calendar."""

from __future__ import annotations

from pathlib import Path

from assistant.analysis.market import infer_market
from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import plan_markdown, section_markdown

DATA = Path(__file__).parent / "data"


def test_a_korean_dental_chain_never_pays_partners_per_patient() -> None:
    plan = build_plan(load_answers(DATA / "ko_dental_answers.json")).plan
    assert infer_market(plan).industry == "healthcare"
    channels = section_markdown(plan, "mkt_channels")
    assert (
        "소개한 환자 수에 따른 수수료를 주지 않는 것을 권함" in channels
        and "의료법 제27조 제3항" in channels
    )
    text = plan_markdown(plan)
    assert "첫해 계약 금액의 10~20%" not in text  # no referral fee at all


def test_an_english_clinic_group_gets_the_same_rule_and_a_pet_food_brand_is_no_clinic() -> None:
    answers = {
        "sales_offering": "Outpatient physical therapy: one-on-one sessions, post-operative rehab; about $110 per visit.",
        "mkt_budget": "Marketing budget $600,000: Google Ads 50%, events 50%.",
        "mkt_channels": "Google Ads, physician referral partners, community events.",
    }
    plan = build_plan({"language": "en", "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip
    assert infer_market(plan).industry == "healthcare"
    channels = section_markdown(plan, "mkt_channels")
    assert (
        "recommended not to be paid per patient referred" in channels
        and "Anti-Kickback Statute" in channels
    )
    pets = build_plan(
        load_answers(DATA / "ko_petfood_answers.json")
    ).plan  # '제휴 동물병원' sells pet food
    assert infer_market(pets).industry == "food"

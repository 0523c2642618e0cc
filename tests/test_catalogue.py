from assistant.core.catalogue import (
    SECTION_IDS,
    all_sections,
    document_order,
    find_section,
    interview_order,
)

MARKETING = [
    "mkt_executive_summary", "mkt_market_analysis", "mkt_audience_personas", "mkt_objectives",
    "mkt_positioning_messaging", "mkt_strategy", "mkt_mix_4p", "mkt_budget", "mkt_calendar",
    "mkt_channels", "mkt_content_strategy", "mkt_measurement",
]  # fmt: skip
SALES = [
    "sales_executive_summary", "sales_objectives", "sales_target_market", "sales_offering",
    "sales_strategy", "sales_team_structure", "sales_tactics", "sales_forecast",
    "sales_territories_channels", "sales_kpis", "sales_training",
]  # fmt: skip


def test_section_ids_are_the_contract() -> None:
    assert list(SECTION_IDS) == MARKETING + SALES
    assert document_order("marketing") == MARKETING
    assert document_order("sales") == SALES


def test_every_section_is_bilingual_with_one_to_three_questions() -> None:
    for spec in all_sections().values():
        for lang in ("ko", "en"):
            assert spec.title.get(lang).strip()
            assert spec.example.get(lang).strip()
            assert 1 <= len(spec.questions.get(lang)) <= 3
            assert spec.contains.get(lang)
        assert len(spec.questions.en) == len(spec.questions.ko)
        assert any("\uac00" <= ch <= "\ud7a3" for ch in spec.title.ko)


def test_interview_order_follows_the_guide_steps() -> None:
    order = interview_order("integrated")
    assert sorted(order) == sorted(SECTION_IDS)
    pos = {sid: i for i, sid in enumerate(order)}
    assert pos["mkt_market_analysis"] < pos["mkt_audience_personas"] < pos["mkt_objectives"]
    assert pos["mkt_objectives"] < pos["mkt_measurement"] < pos["mkt_strategy"]
    assert pos["mkt_strategy"] < pos["sales_team_structure"] < pos["sales_forecast"]
    assert order[-2:] == ["mkt_executive_summary", "sales_executive_summary"]


def test_find_section_by_english_or_korean_title() -> None:
    assert find_section("budget") == "mkt_budget"
    assert find_section("예산") == "mkt_budget"
    assert find_section("sales_kpis") == "sales_kpis"
    assert find_section("nothing like this") is None

"""The plan cites its default ranges by names its own glossary explains ('KPI ranges', 'sales
planning practice'), never by the tool's internals ('Plan Assistant KPI reference', '계획 가이드')."""

from __future__ import annotations

from assistant.core.lang import kb_guide, kb_source
from assistant.interview.glossary import glossary_markdown


def test_a_cited_range_names_a_source_the_glossary_explains() -> None:
    en = f"Win rate: not stated, so 25% is used ({kb_source('KPI: Win rate', 'en')})."
    assert "(benchmark: KPI ranges, 'Win rate')" in en and "Plan Assistant" not in en
    glossary = glossary_markdown(en, "en")
    assert "| KPI ranges | the usual ranges of common sales and marketing measures" in glossary


def test_a_korean_guide_citation_is_explained_in_korean_only() -> None:
    ko = f"CSM 1인당 고객 약 152곳은 보통 맡는 50~100곳보다 많음({kb_guide('영업 계획: 영업팀 구조', 'ko')})."
    assert "(기준: 영업 계획 실무 '영업 계획: 영업팀 구조')" in ko and "계획 가이드 '" not in ko
    glossary = glossary_markdown(ko, "ko")
    assert "| 영업 계획 실무 | 계획에 정한 값이 없을 때 쓴 팀 업무량" in glossary
    assert "sales planning practice" not in glossary


def test_a_plan_without_citations_has_no_source_rows() -> None:
    assert "KPI ranges" not in glossary_markdown("Close 70 new deals (SQL to won 25%).", "en")

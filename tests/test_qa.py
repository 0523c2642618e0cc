import json
import subprocess
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from assistant.goals.measure_question import parse_measure_question
from assistant.interview.types import is_question
from assistant.retrieval.index import KnowledgeIndex
from assistant.retrieval.qa import RetrievalAnswerer
from assistant.service import PlanService
from tests.conftest import PYTHON, REPO, cli_env


def test_questions_mid_interview_get_cited_answers_and_the_interview_resumes(
    built_index_dir: Path,
) -> None:
    settings = Settings(data_dir=built_index_dir, knowledge_dir=REPO / "knowledge")
    service = PlanService(settings, qa=RetrievalAnswerer(KnowledgeIndex(settings)))
    sid, _ = service.new_session("Acme", "ko")
    service.turn(sid, "서울 개인 카페 9,000곳.")
    reply = service.turn(sid, "4P가 뭐예요?")
    assert "제품" in reply.text and "유통" in reply.text
    assert reply.sources and reply.sources[0].source == "knowledge/ko/sections/mkt_mix_4p.md"
    assert "[2/23]" in reply.text  # the interview resumes at the same question
    assert service.state(sid).cursor == "sales_target_market"
    en = service.turn(sid, "How do I measure leads?")
    assert "knowledge/en/kpis/" in en.text and "lead" in en.text.lower()


def _answerer(built_index_dir: Path) -> RetrievalAnswerer:
    return RetrievalAnswerer(
        KnowledgeIndex(Settings(data_dir=built_index_dir, knowledge_dir=REPO / "knowledge"))
    )


@pytest.mark.parametrize(
    ("question", "subject", "goal"),
    [("How do I measure leads?", "leads", None), ("how should we track our win rate", "our win rate", None),
     ("What metric should we use for webinar attendance?", "webinar attendance", None),
     ("How is churn calculated?", "churn", None), ("수주율은 어떻게 계산해요?", "수주율", None),
     ("리드당 비용은 어떻게 추적하나요", "리드당 비용", None), ("NPS의 KPI는 뭐예요?", "NPS", None),
     ("How do I measure this goal: Grow ARR from $1.2M to $2M by Q4 2027?", None, "Grow ARR from $1.2M to $2M by Q4 2027"),
     ("이 목표는 어떻게 측정하나요: 2027년 6월까지 리드 600건을 확보한다", None, "2027년 6월까지 리드 600건을 확보한다")],
)  # fmt: skip
def test_measuring_questions_are_recognised(
    question: str, subject: str | None, goal: str | None
) -> None:
    mq = parse_measure_question(question)
    assert mq is not None and is_question(question)
    if goal:
        assert mq.goal_text == goal
    else:
        assert mq.subject == subject and mq.goal_text is None
    assert parse_measure_question("Generate 900 leads by September 2027 through webinars.") is None
    assert parse_measure_question("4P가 뭐예요?") is None


def test_how_do_i_measure_leads_names_the_leads_kpi_with_formula_source_and_good(
    built_index_dir: Path,
) -> None:
    answer = _answerer(built_index_dir)("How do I measure leads?", "en")
    assert answer is not None and answer.kpis[0] == "leads"
    for part in ("Leads generated", "Formula", "Data source", "Review", "What good looks like"):
        assert part in answer.text
    assert answer.sources[0].source == "knowledge/en/kpis/kpi_leads.md"
    ko = _answerer(built_index_dir)("수주율은 어떻게 계산해요?", "ko")
    assert (
        ko is not None and ko.kpis[0] == "win_rate" and "공식" in ko.text and "좋은 수준" in ko.text
    )
    assert ko.sources[0].source == "knowledge/ko/kpis/kpi_win_rate.md"


def test_a_goal_in_the_question_gets_its_measurement_line(built_index_dir: Path) -> None:
    answer = _answerer(built_index_dir)(
        "How do I measure this goal: Increase the email click-through rate from 2% to 3% by June 30, 2027?",
        "en",
    )
    assert answer is not None and answer.kpis[0] in ("ctr", "email_open_click_rate")
    assert (
        "Baseline: 2%" in answer.text
        and "Target: 3%" in answer.text
        and "2027-06-30" in answer.text
    )
    assert "on track" in answer.text  # how to read progress
    ko = _answerer(built_index_dir)(
        "이 목표는 어떻게 측정하나요: 2027년 9월까지 리드당 비용을 5만 원에서 3만 5천 원으로 낮춘다",
        "ko",
    )
    assert ko is not None and ko.kpis[0] == "cpl"
    assert "3만 5,000원" in ko.text and "35,000" in ko.text and "2027년 9월 30일" in ko.text


def test_goal_n_of_the_plan_is_measured_through_the_chat(built_index_dir: Path) -> None:
    settings = Settings(data_dir=built_index_dir, knowledge_dir=REPO / "knowledge")
    service = PlanService(settings, qa=RetrievalAnswerer(KnowledgeIndex(settings)))
    sid, _ = service.new_session("Acme", "en")
    service.turn(sid, "goto mkt_objectives")
    service.turn(
        sid,
        "Generate 900 marketing-qualified leads by September 30, 2027 through webinars.\nIncrease organic website traffic from 40,000 to 60,000 monthly visits by the end of Q2 2027 by publishing benchmark reports.",
    )
    reply = service.turn(sid, "How do I measure goal 2?")
    assert (
        "Website traffic" in reply.text
        and "40,000 visits" in reply.text
        and "60,000 visits" in reply.text
    )
    assert "2027-06-30" in reply.text


def test_answers_compose_every_part_under_its_heading(built_index_dir: Path) -> None:
    qa = _answerer(built_index_dir)
    smart = qa("What are the SMART criteria?", "en")
    assert smart is not None
    for word in ("Specific", "Measurable", "Achievable", "Relevant", "Time-bound"):
        assert word in smart.text
    four = qa("What are the 4Ps?", "en")
    assert four is not None and all(
        p in four.text for p in ("Product", "Price", "Place", "Promotion")
    )
    persona = qa("페르소나는 어떻게 만들어요?", "ko")
    assert (
        persona is not None and "_흔한 실수_:" in persona.text
    )  # mistakes are labelled as mistakes
    assert "…" not in persona.text and "…" not in smart.text


def _ask(
    built_index_dir: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "assistant", "ask", *args], input=stdin, capture_output=True, text=True,
        env=cli_env(built_index_dir), cwd=REPO, timeout=240,
    )  # fmt: skip


def test_ask_cli_json_contract_and_stdin_order(built_index_dir: Path) -> None:
    run = _ask(built_index_dir, "--json", "How do I measure leads?")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert list(doc) == ["question", "answer", "kpis", "sources"]
    assert doc["kpis"][0] == "leads" and doc["sources"][0] == {
        "source": "knowledge/en/kpis/kpi_leads.md", "heading": "Formula"}  # fmt: skip
    assert "offline" in run.stderr  # the mode is always said
    many = _ask(
        built_index_dir,
        "--json",
        "-",
        stdin="4P가 뭐예요?\nHow do I measure leads?\n\n수주율은 어떻게 계산해요?\n",
    )
    docs = json.loads(many.stdout)
    assert [d["question"] for d in docs] == [
        "4P가 뭐예요?",
        "How do I measure leads?",
        "수주율은 어떻게 계산해요?",
    ]
    assert docs[0]["kpis"] == [] and docs[0]["sources"] and docs[2]["kpis"][0] == "win_rate"
    forced = _ask(built_index_dir, "--json", "--lang", "ko", "How do I measure leads?")
    assert "공식" in json.loads(forced.stdout)["answer"]


def test_ask_cli_bad_input_is_a_clear_error(built_index_dir: Path) -> None:
    empty = _ask(built_index_dir, "  ")
    assert empty.returncode == 2 and "empty" in empty.stderr and "Traceback" not in empty.stderr
    long = _ask(built_index_dir, "x" * 3000)
    assert long.returncode == 2 and "limit" in long.stderr
    binary = subprocess.run(
        [PYTHON, "-m", "assistant", "ask", "-"], input=b"\xff\xfe\x00bad", capture_output=True,
        env=cli_env(built_index_dir), cwd=REPO, timeout=120,
    )  # fmt: skip
    assert binary.returncode == 2 and b"UTF-8" in binary.stderr


@pytest.mark.parametrize("name", ["dev", "extra"])
def test_labelled_questions_score_at_least_090(
    built_index_dir: Path, shared_data: Path, name: str
) -> None:
    qa = _answerer(built_index_dir)
    path = (
        shared_data / "qa_dev.jsonl"
        if name == "dev"
        else REPO / "tests" / "data" / "qa_extra.jsonl"
    )
    rows = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
    good = 0
    for row in rows:
        answer = qa(row["q"], row["lang"])
        text = (answer.text if answer else "").lower()
        if row["kpis"]:
            good += bool(answer and answer.kpis and answer.kpis[0] in row["kpis"]) and any(
                w.lower() in text for w in row["say"]
            )
        else:
            good += bool(answer and answer.sources) and all(w.lower() in text for w in row["say"])
    assert good / len(rows) >= 0.9


def test_llm_mode_writes_the_measuring_answer_from_the_kpi_facts(
    llm_settings: Settings, fake_openai: tuple[object, str]
) -> None:
    from assistant.service import ask, build_service
    from tests.fake_openai import FakeOpenAI

    server, _ = fake_openai
    assert isinstance(server, FakeOpenAI)
    server.enqueue("Track leads generated: count new leads by source every week [kpi_leads.md].")
    answer = ask(build_service(llm_settings), "How do I measure leads?", "en")
    assert answer.kpis == ["leads"] and "Track leads generated" in answer.text
    sent = json.dumps(server.chat_requests()[-1]["messages"], ensure_ascii=False)
    assert '<reference source=\\"KPI catalogue\\"' in sent  # the offline KPI facts, as reference
    assert "Count of new leads created in the period" in sent  # the KPI page's formula passage


def test_korean_measuring_question_through_the_chat(built_index_dir: Path) -> None:
    settings = Settings(data_dir=built_index_dir, knowledge_dir=REPO / "knowledge")
    service = PlanService(settings, qa=RetrievalAnswerer(KnowledgeIndex(settings)))
    sid, _ = service.new_session("커피랩", "ko")
    service.turn(sid, "이동 mkt_objectives")
    service.turn(sid, "블로그 콘텐츠로 2027년 말까지 월 방문자를 2만 명에서 3만 5천 명으로 늘린다.")
    reply = service.turn(sid, "목표 1은 어떻게 측정하나요?")
    assert (
        "웹사이트 트래픽" in reply.text and "3만 5,000명" in reply.text and "2만 명" in reply.text
    )
    assert "2027년 12월 31일" in reply.text
    kpi = service.turn(sid, "수주율은 어떻게 계산해요")
    assert "공식" in kpi.text and "knowledge/ko/kpis/kpi_win_rate.md" in kpi.text

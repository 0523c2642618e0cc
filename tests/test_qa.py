from pathlib import Path

from assistant.core.settings import Settings
from assistant.retrieval.index import KnowledgeIndex
from assistant.retrieval.qa import RetrievalAnswerer
from assistant.service import PlanService
from tests.conftest import REPO


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

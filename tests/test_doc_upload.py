"""Documents on a plan, end to end: facts with pages, proposals accepted / edited / discarded,
questions answered from the documents, a private index per plan, and the draft JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.core.errors import SessionNotFound
from assistant.core.settings import Settings
from assistant.retrieval.plan_docs import PlanDocuments
from assistant.service import PlanService, build_service
from tests.conftest import run_cli
from tests.test_doc_read import make_docx, make_hwpx, make_plan_pdf

EN_BRIEF = [
    [
        ("Market analysis", "The field-service software market in the Midwest grew 12% last year."),
        ("Competitors", "Competitors: ServiceTitan, Jobber and Housecall Pro."),
        ("Pricing", "Our Pro plan costs $79 per user per month. Monthly churn was 2.5% in 2026."),
    ],
    [
        ("Budget", "The 2026 marketing budget was $240,000: $90,000 for paid search, $60,000 for trade shows and events, $50,000 for content and $40,000 for email."),
        ("Sales team", "We have 4 account executives and 2 SDRs; each AE carries a quota of 40 new deals a year."),
    ],
]  # fmt: skip
KO_BRIEF = [
    ("시장 분석", "부산·경남 소상공인 POS 시장은 작년에 8% 성장했습니다."),
    ("경쟁 현황", "경쟁사: 토스플레이스, 페이히어, 포스뱅크"),
    ("가격", "기본 요금제는 월 2만 9,000원이고, 월 이탈률은 3%입니다."),
    ("예산", "2026년 마케팅 예산은 1억 2,000만 원이며 이 중 행사 비용은 2,000만 원이었습니다."),
]


@pytest.fixture
def doc_service(isolated_env: Path) -> PlanService:
    return build_service(Settings(data_dir=isolated_env, embedder="hashing"))


def _facts(service: PlanService, sid: str, owner: str | None = None) -> dict[str, object]:
    return {f.id: f for f in service.plan(sid, owner).facts}


def test_an_english_brief_gives_document_facts_with_pages_and_proposals(
    doc_service: PlanService, tmp_path: Path
) -> None:
    brief = make_docx(tmp_path / "2026 plan.docx", EN_BRIEF)
    sid, _ = doc_service.new_session("Acme", "en")
    reply = doc_service.upload_documents(sid, [(brief, brief.name)])
    assert "Read *2026 plan.docx*: 2 page(s)" in reply.text
    facts = _facts(doc_service, sid)
    expect = {"marketing_budget": (240_000, 2), "price": (79, 1), "churn_rate": (2.5, 1),
              "quota_carrying_sellers": (4, 2)}  # fmt: skip
    for fid, (value, page) in expect.items():
        fact = facts[fid]
        assert fact.source == "document" and fact.value == value and fact.page == page, fid  # type: ignore[attr-defined]
        assert fact.document == "2026 plan.docx" and fact.quote  # type: ignore[attr-defined]
    assert facts["competitors"].value == ["ServiceTitan", "Jobber", "Housecall Pro"]  # type: ignore[attr-defined]
    assert "Budget:" not in facts["marketing_budget"].quote  # type: ignore[attr-defined]  # the document's words
    # the chat says what was read, with pages, and proposes answers quoting the document
    assert "marketing budget $240,000 (p. 2)" in reply.text
    assert "Proposal 1** · From *2026 plan.docx*, p. 1:" in reply.text
    plan = doc_service.plan(sid)
    sections = {p.section for p in plan.shelf.proposals}
    assert {"mkt_market_analysis", "mkt_budget", "sales_team_structure"} <= sections
    assert all(
        not plan.section(s).is_done for s in sections
    )  # nothing lands before the user decides


def test_proposals_are_accepted_edited_or_discarded_and_accepted_ones_cite_the_page(
    doc_service: PlanService, tmp_path: Path
) -> None:
    brief = make_docx(tmp_path / "brief.docx", EN_BRIEF)
    sid, _ = doc_service.new_session("Acme", "en")
    doc_service.upload_documents(sid, [(brief, brief.name)])
    plan = doc_service.plan(sid)
    by_section = {p.section: p.id for p in plan.shelf.proposals}
    market, budget, team = by_section["mkt_market_analysis"], by_section["mkt_budget"], by_section["sales_team_structure"]  # fmt: skip
    listed = doc_service.turn(sid, "proposals").text
    assert f"Proposal {market}" in listed and "brief.docx" in listed
    reply = doc_service.turn(sid, f"accept {market}")
    assert "Added to Market Analysis (source: brief.docx, p. 1)" in reply.text
    plan = doc_service.plan(sid)
    section = plan.section("mkt_market_analysis")
    assert section.is_done and "grew 12%" in section.content
    assert section.sources[0].source == "your document brief.docx, p. 1"
    assert "your document brief.docx, p. 1" in doc_service.export(sid, "md").read_text("utf-8")
    doc_service.turn(sid, f"edit {budget}: The marketing budget is $300,000: paid search $200,000, events $100,000.")  # fmt: skip
    plan = doc_service.plan(sid)
    assert plan.budget.total == 300_000
    assert plan.fact("marketing_budget").source == "user"  # type: ignore[union-attr]  # the user's figure wins
    reply = doc_service.turn(sid, f"discard {team}")
    assert "stays open" in reply.text
    assert not doc_service.plan(sid).section("sales_team_structure").is_done
    assert "already" in doc_service.turn(sid, f"accept {team}").text
    assert "no proposal 99" in doc_service.turn(sid, "accept 99").text.lower()


def test_a_fact_the_user_wrote_is_never_replaced_by_a_documents(
    doc_service: PlanService, tmp_path: Path
) -> None:
    sid, _ = doc_service.new_session("Acme", "en")
    doc_service.turn(
        sid, "Contractors in Ohio. Competitors: FieldPro and Workiz. Monthly churn is 1.5%."
    )
    brief = make_docx(tmp_path / "brief.docx", EN_BRIEF)
    doc_service.upload_documents(sid, [(brief, brief.name)])
    facts = _facts(doc_service, sid)
    assert facts["churn_rate"].value == 1.5 and facts["churn_rate"].source == "user"  # type: ignore[attr-defined]
    assert facts["competitors"].value == ["FieldPro", "Workiz"]  # type: ignore[attr-defined]
    assert facts["price"].source == "document"  # type: ignore[attr-defined]  # what the user did not say
    plan = doc_service.plan(sid)
    assert "mkt_market_analysis" not in {p.section for p in plan.shelf.proposals}  # answered


def test_korean_documents_hwpx_and_our_own_pdf(doc_service: PlanService, tmp_path: Path) -> None:
    hwpx = make_hwpx(tmp_path / "요약.hwpx", KO_BRIEF)
    pdf = make_plan_pdf(tmp_path / "작년 계획.pdf", "ko")
    sid, _ = doc_service.new_session("부산포스", "ko")
    reply = doc_service.upload_documents(sid, [(hwpx, hwpx.name), (pdf, pdf.name)])
    assert "*요약.hwpx*: 1쪽" in reply.text and "*작년 계획.pdf*" in reply.text
    facts = _facts(doc_service, sid)
    assert facts["marketing_budget"].value == 120_000_000 and facts["marketing_budget"].page == 1  # type: ignore[attr-defined]
    assert facts["price"].value == 29_000 and facts["price"].period == "month"  # type: ignore[attr-defined]
    assert facts["churn_rate"].value == 3 and facts["churn_rate"].period == "month"  # type: ignore[attr-defined]
    assert facts["competitors"].value == ["토스플레이스", "페이히어", "포스뱅크"]  # type: ignore[attr-defined]
    assert "가격 월 2만 9,000원 (1쪽)" in reply.text
    assert "**제안 1** · *요약.hwpx*, 1쪽에서:" in reply.text
    answer = doc_service.turn(sid, "작년에 행사 비용은 얼마였나요?").text
    assert "2,000만 원" in answer and "내 문서 요약.hwpx, 1쪽" in answer
    first = doc_service.plan(sid).shelf.proposals[0]
    reply = doc_service.turn(sid, f"수락 {first.id}")
    assert "에 넣었습니다 (출처: 요약.hwpx, 1쪽)" in reply.text
    second = doc_service.plan(sid).shelf.proposals[1]
    reply = doc_service.turn(sid, f"{second.id} 수정: 기본 요금제는 월 3만 원입니다.")
    assert "고친 내용으로" in reply.text
    assert doc_service.plan(sid).fact("price").value == 30_000  # type: ignore[union-attr]


def test_questions_are_answered_from_the_documents_with_the_page(
    doc_service: PlanService, tmp_path: Path
) -> None:
    brief = make_docx(tmp_path / "brief.docx", EN_BRIEF)
    sid, _ = doc_service.new_session("Acme", "en")
    doc_service.upload_documents(sid, [(brief, brief.name)])
    answer = doc_service.turn(sid, "What did we spend on events last year?").text
    assert "$60,000 for trade shows and events" in answer
    assert "your document brief.docx, p. 2" in answer
    # a question the documents do not hold is answered from the guidance
    guide = doc_service.turn(sid, "What is a SWOT analysis?").text
    assert "your document" not in guide


def test_each_plans_documents_are_private_and_go_with_the_plan(
    doc_service: PlanService, tmp_path: Path
) -> None:
    brief = make_docx(tmp_path / "brief.docx", EN_BRIEF)
    mine, _ = doc_service.new_session("Acme", "en", owner="alice")
    theirs, _ = doc_service.new_session("Other", "en", owner="bob")
    with pytest.raises(SessionNotFound):
        doc_service.upload_documents(mine, [(brief, brief.name)], owner="bob")
    doc_service.upload_documents(mine, [(brief, brief.name)], owner="alice")
    answer = doc_service.turn(theirs, "What did we spend on events last year?", owner="bob").text
    assert "brief.docx" not in answer and "$60,000" not in answer
    assert not doc_service.plan(theirs, "bob").shelf.documents
    key = doc_service.plan(mine, "alice").shelf.key
    docs = PlanDocuments(doc_service.settings)
    assert docs.count(key) > 0
    doc_service.delete(mine, owner="alice")
    assert docs.count(key) == 0


def test_upload_limits_are_per_plan_and_refusals_are_reported(
    doc_service: PlanService, tmp_path: Path
) -> None:
    sid, _ = doc_service.new_session("Acme", "en")
    files = []
    for n in range(11):
        path = tmp_path / f"note{n}.md"
        path.write_text(f"# Events\nWe spent ${n + 1},000 on events.", encoding="utf-8")
        files.append((path, path.name))
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    reply = doc_service.upload_documents(sid, [*files, (bad, bad.name)])
    plan = doc_service.plan(sid)
    assert len(plan.shelf.documents) == 10
    assert "note10.md: a plan holds at most 10 documents" in reply.text
    assert "scan.pdf" in reply.text
    again = doc_service.upload_documents(sid, [files[0]])
    assert again.kind == "error" and "at most 10" in again.text
    turns = [t.text for t in doc_service.history(sid)]
    assert any("uploaded documents" in t for t in turns)  # what the user did is kept in the chat


def test_draft_with_documents_adds_the_json_contract(isolated_env: Path, tmp_path: Path) -> None:
    brief = make_docx(tmp_path / "brief.docx", EN_BRIEF)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({
        "language": "en", "company": "Acme",
        "answers": {"mkt_objectives": "Grow ARR from $2.0M to $3.0M by December 2027 by adding 60 new customers.",
                    "sales_offering": "Field-service software for HVAC and plumbing contractors; Pro plan at $89 per user per month."},
    }), encoding="utf-8")  # fmt: skip
    env = {"PLAN_EMBEDDER": "hashing"}
    out = tmp_path / "plan.json"
    done = run_cli(isolated_env, "draft", "--answers", str(answers), "--documents", str(brief),
                   "--format", "json", "--out", str(out), env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text("utf-8"))
    assert doc["documents"] == [{"name": "brief.docx", "pages": 2, "passages": 5}]
    proposals = {p["section"]: p for p in doc["proposals"]}
    assert set(proposals["mkt_budget"]) == {"section", "text", "source"}
    assert proposals["mkt_budget"]["source"] == {"document": "brief.docx", "page": 2}
    assert "sales_offering" not in proposals  # answered in the file
    facts = {f["id"]: f for f in doc["facts"]}
    assert facts["price"]["value"] == 89 and facts["price"]["source"] == "user"  # the file wins
    churn = facts["churn_rate"]
    assert churn["source"] == "document" and churn["page"] == 1 and "2.5%" in churn["quote"]
    assert doc["section_status"]["mkt_budget"] == "open"  # proposals are not content by default
    out2 = tmp_path / "plan2.json"
    done = run_cli(isolated_env, "draft", "--answers", str(answers), "--documents", str(brief),
                   "--accept-proposals", "--format", "json", "--out", str(out2), env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc2 = json.loads(out2.read_text("utf-8"))
    assert doc2["section_status"]["mkt_budget"] == "answered"
    assert "$240,000" in doc2["sections"]["mkt_budget"]["content"]
    refused = run_cli(isolated_env, "draft", "--answers", str(answers), "--documents",
                      str(tmp_path / "nope.xlsx"), "--format", "json", "--out", str(out2), env=env)  # fmt: skip
    assert refused.returncode != 0 and "Traceback" not in refused.stderr


def test_with_a_model_the_answer_is_written_from_the_document_passages(
    llm_settings: Settings, fake_openai: tuple[object, str], tmp_path: Path
) -> None:
    server, _ = fake_openai
    service = build_service(llm_settings)
    brief = make_docx(tmp_path / "brief.docx", EN_BRIEF)
    sid, _ = service.new_session("Acme", "en")
    service.upload_documents(sid, [(brief, brief.name)])
    sent_before = len(server.requests)  # type: ignore[attr-defined]
    server.enqueue("Last year $60,000 went to trade shows and events (brief.docx, p. 2).")  # type: ignore[attr-defined]
    answer = service.turn(sid, "What did we spend on events last year?")
    asked = json.dumps(server.requests[sent_before:], ensure_ascii=False)  # type: ignore[attr-defined]
    assert "your document brief.docx, p. 2" in asked and "$60,000 for trade shows" in asked
    assert "$60,000 went to trade shows" in answer.text
    assert any(s.topic == "document" for s in answer.sources)
    # a figure in no passage, fact or question: the extractive answer with a notice
    server.enqueue("We spent $75,000 on events.")  # type: ignore[attr-defined]
    checked = service.turn(sid, "What did we spend on events last year?").text
    assert "$75,000" not in checked and "your document brief.docx, p. 2" in checked


FREE_BRIEFS = {
    "en": [
        ("Northwind Coffee Subscriptions - 2027 Planning Brief", ""),
        ("Market", "The US specialty coffee subscription market grows 9% a year. Key competitors include Trade Coffee, Atlas Coffee Club and Blue Bottle."),
        ("Pricing and retention", "Subscriptions start at $24 per bag per month. We lose about 4% of subscribers each month."),
        ("Marketing budget", "We plan to spend $450K on marketing in 2027, mostly on Instagram, influencers and Google Ads."),
    ],
    "ko": [
        ("하늘커피 정기구독 2027년 기획 자료", ""),
        ("시장 현황", "국내 원두 구독 시장은 연 9% 성장합니다. 주요 경쟁사로는 커피리브레, 테라로사, 빈브라더스가 있습니다."),
        ("가격과 이탈", "정기구독은 월 2만 4,000원부터 시작하며, 매달 구독자의 약 4%가 해지합니다."),
        ("마케팅 예산", "2027년 마케팅에 4억 5,000만 원을 쓸 계획이며 인스타그램, 인플루언서, 네이버 검색광고가 중심입니다."),
    ],
}  # fmt: skip


def make_free_pdf(path: Path, blocks: list[tuple[str, str]]) -> Path:
    """A brief as another tool would write it (fpdf2, one heading + paragraph per block, the
    budget on page 2), not through the plan's own export."""
    from fpdf import FPDF

    from assistant.export.fonts import font_files

    fonts = font_files()
    pdf = FPDF()
    pdf.add_font("Body", "", str(fonts.regular))
    pdf.add_font("Body", "B", str(fonts.bold))
    pdf.add_page()
    for n, (heading, text) in enumerate(blocks):
        if n == len(blocks) - 1:
            pdf.add_page()
        pdf.set_font("Body", "B", 14)
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        if text:
            pdf.set_font("Body", "", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_free_form_pdf_brief_gives_its_facts_and_proposals(
    doc_service: PlanService, tmp_path: Path, lang: str
) -> None:
    brief = make_free_pdf(tmp_path / "brief.pdf", FREE_BRIEFS[lang])
    sid, _ = doc_service.new_session("Northwind", lang)
    doc_service.upload_documents(sid, [(brief, brief.name)])
    facts = _facts(doc_service, sid)
    ko = lang == "ko"
    budget, price, churn, rivals = (facts[k] for k in ("marketing_budget", "price", "churn_rate", "competitors"))  # fmt: skip
    assert (budget.value, budget.page) == ((450_000_000 if ko else 450_000), 2)  # type: ignore[attr-defined]
    assert (price.value, price.period, price.page) == ((24_000 if ko else 24), "month", 1)  # type: ignore[attr-defined]
    assert (churn.value, churn.period) == (4, "month")  # type: ignore[attr-defined]
    assert rivals.value == (
        ["커피리브레", "테라로사", "빈브라더스"]
        if ko
        else ["Trade Coffee", "Atlas Coffee Club", "Blue Bottle"]
    )  # type: ignore[attr-defined]
    assert all(f.source == "document" for f in (budget, price, churn, rivals))  # type: ignore[attr-defined]
    proposals = {p.section: p for p in doc_service.plan(sid).shelf.proposals}
    assert {"mkt_market_analysis", "mkt_budget"} <= set(proposals)
    assert proposals["mkt_budget"].source.page == 2


def test_draft_from_a_short_answers_file_and_a_brief_in_docx_and_pdf_writes_hwpx(
    isolated_env: Path, tmp_path: Path
) -> None:
    from hwpx import HwpxDocument

    from assistant.core.catalogue import document_order, get_section

    docx_brief = make_docx(tmp_path / "brief.docx", [[(h, t) for h, t in FREE_BRIEFS["ko"] if t]])
    pdf_brief = make_free_pdf(tmp_path / "brief.pdf", FREE_BRIEFS["ko"])
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"language": "ko", "company": "하늘커피", "answers": {
        "mkt_objectives": "2027년 12월까지 정기구독자를 8,000명에서 12,000명으로 늘린다."}}), encoding="utf-8")  # fmt: skip
    env = {"PLAN_EMBEDDER": "hashing"}
    out = tmp_path / "plan.json"
    done = run_cli(isolated_env, "draft", "--answers", str(answers), "--documents", str(docx_brief),
                   str(pdf_brief), "--format", "json", "--out", str(out), env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text("utf-8"))
    assert [d["name"] for d in doc["documents"]] == ["brief.docx", "brief.pdf"]
    facts = {f["id"]: f for f in doc["facts"] if f["source"] == "document"}
    assert {"marketing_budget", "price", "churn_rate", "competitors"} <= set(facts)
    assert all(
        isinstance(facts[k]["page"], int) for k in ("marketing_budget", "price", "churn_rate")
    )
    assert {p["source"]["document"] for p in doc["proposals"]} <= {"brief.docx", "brief.pdf"}
    assert "mkt_objectives" not in {p["section"] for p in doc["proposals"]}
    hwpx = tmp_path / "plan.hwpx"
    done = run_cli(isolated_env, "draft", "--answers", str(answers), "--documents", str(docx_brief),
                   "--accept-proposals", "--format", "hwpx", "--out", str(hwpx), env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    read = HwpxDocument.open(str(hwpx))
    assert not read.validate().issues
    text = "\n".join(p.text or "" for p in read.paragraphs)
    for sid in document_order("integrated"):
        assert get_section(sid).title.ko in text, sid
    assert "커피리브레" in text


def test_footers_bullets_and_long_files(doc_service: PlanService, tmp_path: Path) -> None:
    """A footer is not content, a bulleted list under its heading is read as that list, a long
    paragraph is cut after a sentence, and a file over the text limit is cut, not refused."""
    import docx as docx_lib

    from assistant.core.documents import DocPage
    from assistant.interview.doc_passages import MAX_PASSAGE_CHARS, split_passages

    page = DocPage(number=2, text="Market\nDemand is rising in every region we serve.\nBloom Kitchen · Confidential · Page 2")  # fmt: skip
    assert "Confidential" not in " ".join(p.text for p in split_passages("b.pdf", [page]))
    long = DocPage(
        number=1,
        text="Market\n" + "Our customers reorder every month and tell their friends. " * 40,
    )
    for p in split_passages("b.pdf", [long]):
        assert len(p.text) <= MAX_PASSAGE_CHARS and p.text.endswith(".")
    document = docx_lib.Document()
    document.add_heading("Competitors", 1)
    for name in ("HelloFresh", "Gousto", "Mindful Chef"):
        document.add_paragraph(name, style="List Bullet")
    path = tmp_path / "list.docx"
    document.save(str(path))
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000, encoding="utf-8")  # one line, 1.5 million characters
    sid, _ = doc_service.new_session("Acme", "en")
    reply = doc_service.upload_documents(sid, [(path, path.name), (big, big.name)])
    assert "Read *big.txt*" in reply.text and "Traceback" not in reply.text
    assert doc_service.plan(sid).fact("competitors").value == [
        "HelloFresh",
        "Gousto",
        "Mindful Chef",
    ]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "question", "from_documents"),
    [
        ("en", "What is the price of the Growth plan?", True),
        ("en", "What do seats cost?", True),
        ("en", "Who are the competitors?", True),
        ("en", "What is a marketing budget?", False),
        ("en", "What is a SWOT analysis?", False),
        ("ko", "요금제는 어떻게 되나요?", True),
        ("ko", "경쟁사는 누구인가요?", True),
        ("ko", "SWOT 분석이 뭐예요?", False),
    ],
)  # fmt: skip
def test_questions_go_to_the_documents_or_the_guidance(
    doc_service: PlanService, tmp_path: Path, lang: str, question: str, from_documents: bool
) -> None:
    blocks = {
        "en": [("Pricing", "The Starter plan is $29 per month. The Growth plan is $99 per seat per month."),
               ("Competitors", "We compete with Asana, Monday.com and ClickUp."),
               ("Budget", "Partner marketing | $60,000 | marketing budget total $370,000")],
        "ko": [("요금", "기본 요금제는 월 2만 9,000원, 프로 요금제는 월 5만 9,000원입니다."),
               ("경쟁", "더존, 영림원, 이카운트와 주로 경쟁합니다. SWOT 분석은 아직 하지 않았습니다.")],
    }[lang]  # fmt: skip
    brief = make_docx(tmp_path / "brief.docx", [blocks])
    sid, _ = doc_service.new_session("Acme", lang)
    doc_service.upload_documents(sid, [(brief, brief.name)])
    answer = doc_service.turn(sid, question).text
    cited = ("내 문서 brief.docx" if lang == "ko" else "your document brief.docx") in answer
    assert cited == from_documents, answer[:300]

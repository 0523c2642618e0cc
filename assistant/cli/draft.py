"""`draft`: run the interview non-interactively from an answers file and write the plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.core.catalogue import PLAN_TYPES, SECTION_IDS, interview_order
from assistant.core.errors import InputError
from assistant.core.plan import Plan
from assistant.interview.engine import MAX_GOAL_LINES, InterviewEngine, InterviewState, LLMHelper
from assistant.interview.plan_update import GOAL_SECTIONS, SUMMARY_SECTIONS

MAX_DRAFT_ANSWER = 20_000


def load_answers(path: Path) -> dict[str, Any]:
    """Read and validate an answers file; every problem becomes a clear InputError."""
    from assistant.cli.inputs import read_json_file

    doc = read_json_file(path, "answers", "답변")
    if not isinstance(doc, dict):
        raise InputError(
            "The answers file must be a JSON object.", "답변 파일은 JSON 객체여야 합니다."
        )
    language = doc.get("language", "en")
    if language not in ("ko", "en"):
        raise InputError(
            f'"language" must be "ko" or "en", not {language!r}.',
            f'"language"는 "ko" 또는 "en"이어야 합니다: {language!r}.',
        )
    plan_type = doc.get("plan_type", "integrated")
    if plan_type not in PLAN_TYPES:
        raise InputError(
            f'"plan_type" must be one of {", ".join(PLAN_TYPES)}, not {plan_type!r}.',
            f'"plan_type"은 {", ".join(PLAN_TYPES)} 중 하나여야 합니다: {plan_type!r}.',
        )
    company = doc.get("company", "")
    if not isinstance(company, str):
        raise InputError('"company" must be a string.', '"company"는 문자열이어야 합니다.')
    answers = doc.get("answers")
    if not isinstance(answers, dict) or not answers:
        raise InputError(
            '"answers" must be a non-empty object of {section_id: text}.',
            '"answers"는 {section_id: text} 형태의 비어 있지 않은 객체여야 합니다.',
        )
    unknown = [k for k in answers if k not in SECTION_IDS]
    if unknown:
        raise InputError(
            f"Unknown section id(s): {', '.join(unknown)}. Valid ids: {', '.join(SECTION_IDS)}.",
            f"알 수 없는 섹션 id: {', '.join(unknown)}. 유효한 id: {', '.join(SECTION_IDS)}.",
        )
    outside = [k for k in answers if k not in interview_order(plan_type)]
    if outside:
        raise InputError(
            f"Section(s) not in a {plan_type} plan: {', '.join(outside)}.",
            f"{plan_type} 계획에 없는 섹션: {', '.join(outside)}.",
        )
    for sid, text in answers.items():
        if not isinstance(text, str):
            raise InputError(
                f"The answer for {sid} must be text.", f"{sid}의 답변은 텍스트여야 합니다."
            )
        if not text.strip():
            raise InputError(
                f"The answer for {sid} is empty; leave the section out to keep it open.",
                f"{sid}의 답변이 비어 있습니다. 비워 둘 섹션은 빼 주세요.",
            )
        if len(text) > MAX_DRAFT_ANSWER:
            raise InputError(
                f"The answer for {sid} is {len(text):,} characters; the limit is {MAX_DRAFT_ANSWER:,}.",
                f"{sid}의 답변이 {len(text):,}자로, 최대 {MAX_DRAFT_ANSWER:,}자를 넘습니다.",
            )
        lines = len([line for line in text.splitlines() if line.strip()])
        if sid in GOAL_SECTIONS and lines > MAX_GOAL_LINES:
            raise InputError(
                f"The answer for {sid} has {lines} goal lines; the limit is {MAX_GOAL_LINES}.",
                f"{sid}의 목표가 {lines}줄입니다. 최대 {MAX_GOAL_LINES}줄까지 받습니다.",
            )
    return {
        "language": language,
        "plan_type": plan_type,
        "company": company.strip(),
        "answers": answers,
    }


def build_plan(
    doc: dict[str, Any], llm: LLMHelper | None = None, notices: list[str] | None = None
) -> InterviewState:
    """Give each answer as the user's reply to its section's question, in interview order;
    notices about discarded model output are added to `notices`."""
    state = InterviewState(
        plan=Plan.new(doc["company"], doc["language"], doc["plan_type"]), started=True
    )
    engine = InterviewEngine(state, llm=llm)
    answers: dict[str, str] = doc["answers"]
    for sid in interview_order(state.plan.plan_type):
        if sid in answers and sid not in SUMMARY_SECTIONS:
            engine.answer_section(sid, answers[sid])
    for sid in SUMMARY_SECTIONS:
        if sid in state.plan.sections:
            engine.start_summary(sid)
            if sid in answers:
                engine.answer_section(sid, answers[sid])
    if notices is not None:
        notices.extend(engine.notices)
    return state


def run(args: argparse.Namespace) -> int:
    from assistant.core.settings import get_settings
    from assistant.export import write_export
    from assistant.service import PlanService, build_llm

    settings = get_settings()
    service = PlanService(settings)  # an unusable data dir stops here, before any file is written
    doc = load_answers(Path(args.answers))
    history = None
    if args.sales_history:
        from assistant.analysis.forecast_plan import run_forecast

        history = Path(args.sales_history)
        run_forecast(history)  # bad data fails before any drafting work
    documents: list[Path] = [Path(p) for p in (args.documents or [])]
    if documents:
        from assistant.core.documents import MAX_DOCUMENTS
        from assistant.retrieval.doc_read import read_document

        if len(documents) > MAX_DOCUMENTS:
            raise InputError(
                f"At most {MAX_DOCUMENTS} documents per plan ({len(documents)} given).",
                f"계획 하나에 문서는 {MAX_DOCUMENTS}개까지입니다({len(documents)}개).",
            )
        for path in documents:
            read_document(path)  # a refused file fails before any drafting work
    llm = build_llm(settings) if settings.llm_enabled else None
    print(f"Mode: {settings.mode_label()}", file=sys.stderr)
    notices: list[str] = []
    state = build_plan(doc, llm, notices)
    for notice in notices:
        print(f"note: {notice.strip('_()')}", file=sys.stderr)
    if history is not None:
        from assistant.interview.forecast_attach import attach_forecast

        attach_forecast(state.plan, history)
    if documents:
        _add_documents(state.plan, documents, settings)
    if args.accept_proposals:  # the documents' proposals and the model's drafts become content
        from assistant.interview.doc_proposals import accept_proposal

        for proposal in state.plan.shelf.open_proposals():
            accept_proposal(state.plan, proposal)
    out = write_export(state.plan, args.format, Path(args.out), settings.pdf_page_size)
    session_id = service.store.create(state)
    done, total = state.plan.progress()
    print(
        f"Wrote {out} ({done}/{total} sections). Continue in chat: python -m assistant chat --session {session_id}",
        file=sys.stderr,
    )
    return 0


def _add_documents(plan: Plan, paths: list[Path], settings: Any) -> None:
    """Index the documents in the plan's private collection (answers in the file win)."""
    from assistant.retrieval.plan_docs import PlanDocuments
    from assistant.service.documents import ingest_documents

    got = ingest_documents(plan, [(p, p.name) for p in paths], PlanDocuments(settings))
    for problem in got.problems:
        print(f"note: {problem}", file=sys.stderr)
    for doc in got.added:
        print(f"Read {doc.name}: {doc.pages} page(s), {doc.passages} passage(s)", file=sys.stderr)

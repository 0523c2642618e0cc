"""The user's documents on a plan: upload (read, index privately, facts and proposals), the
proposal commands, and the documents' clean-up when the plan goes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core.documents import MAX_DOCUMENTS, Passage, Proposal, UserDocument
from assistant.core.errors import AssistantError
from assistant.core.fact_sheet import Fact
from assistant.core.plan import Plan
from assistant.interview.doc_passages import split_passages
from assistant.interview.doc_proposals import (
    add_document_facts,
    document_facts,
    document_sections,
    make_proposals,
)
from assistant.retrieval.doc_read import read_document
from assistant.retrieval.plan_docs import PlanDocuments, new_key

if TYPE_CHECKING:
    from assistant.core.settings import Settings
    from assistant.interview.engine import Reply
    from assistant.service import PlanService


@dataclass
class Ingested:
    added: list[UserDocument] = field(default_factory=list)
    covered: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def ingest_documents(plan: Plan, files: list[tuple[Path, str]], index: PlanDocuments) -> Ingested:
    """Read each file (a refused one is reported, the others still count), index its passages in
    the plan's own collection, put its facts on the sheet and propose answers for open sections."""
    lang = plan.language
    shelf = plan.shelf
    out = Ingested()
    passages: list[Passage] = []
    for path, name in files:
        name = Path(name).name[:120] or path.name
        if len(shelf.documents) >= MAX_DOCUMENTS:
            out.problems.append(
                f"{name}: 계획 하나에 문서는 {MAX_DOCUMENTS}개까지 올릴 수 있습니다." if lang == "ko"
                else f"{name}: a plan holds at most {MAX_DOCUMENTS} documents."
            )  # fmt: skip
            continue
        if any(d.name == name for d in shelf.documents):
            out.problems.append(
                f"{name}: 같은 이름의 문서가 이미 있습니다." if lang == "ko"
                else f"{name}: a document with this name is already on the plan."
            )  # fmt: skip
            continue
        try:
            pages = read_document(path, name)
        except AssistantError as exc:
            out.problems.append(exc.message(lang))
            continue
        found = split_passages(name, pages)
        if not shelf.key:
            shelf.key = new_key()
        index.add(shelf.key, found, start=sum(d.passages for d in shelf.documents))
        doc = UserDocument(name=name, pages=max(p.number for p in pages), passages=len(found),
                           kind=Path(name).suffix.lower().lstrip("."))  # fmt: skip
        shelf.documents.append(doc)
        out.added.append(doc)
        passages += found
    if not passages:
        return out
    covered = document_sections(plan, passages)
    out.covered = {sid: [(p.document, p.page) for p in ps] for sid, ps in covered.items()}
    out.facts = add_document_facts(plan, document_facts(plan, passages))
    out.proposals = make_proposals(plan, covered)
    plan.touch()
    return out


def drop_documents(settings: Settings, plan: Plan) -> None:
    """Delete the plan's private index (with the plan)."""
    if plan.shelf.key:
        PlanDocuments(settings).delete(plan.shelf.key)


def upload_documents(service: PlanService, session_id: str, files: list[tuple[Path, str]]) -> Reply:
    """Under the plan's lock, owner already checked: the upload is a saved turn and a reply."""
    from assistant.interview.doc_replies import upload_reply
    from assistant.interview.engine import Reply

    store = service.store
    state, version = store.load_versioned(session_id)
    names = ", ".join(name for _, name in files)
    store.add_turn(session_id, "user", f"[uploaded documents {names}]")
    # the answerer's own document index: one embedder in memory, and questions see the upload
    shared = getattr(service.qa, "documents", None)
    docs = shared() if callable(shared) else PlanDocuments(service.settings)
    got = ingest_documents(state.plan, files, docs)
    text = upload_reply(state.plan, got.added, got.covered, got.facts, got.proposals, got.problems)
    reply = Reply(text=text, kind="answer" if got.added else "error", section=state.cursor)
    store.save(session_id, state, reply.text, expected_version=version)
    return reply

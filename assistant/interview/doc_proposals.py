"""What a user's documents give the plan: facts (source "document", with the sentence and page
they were read from) and a proposed answer for each open section they cover.

Facts are read with the same readers as the answers, on a scratch plan that holds only the
document's text, so a document is understood exactly as the same words typed in chat would be.
A fact the user stated is never replaced; a proposal lands only when the user accepts it."""

from __future__ import annotations

import re

from assistant.analysis.fact_reader import read_facts, refresh_facts
from assistant.core.catalogue import interview_order
from assistant.core.documents import Passage, Proposal, ProposalSource, cite
from assistant.core.fact_sheet import Fact
from assistant.core.plan import Plan, Source
from assistant.interview.doc_passages import assign_sections, proposal_text, section_scores
from assistant.interview.plan_update import SUMMARY_SECTIONS, apply_answer


def proposable(plan: Plan) -> list[str]:
    """Sections a document may propose for, in interview order (summaries are written last)."""
    return [sid for sid in interview_order(plan.plan_type) if sid not in SUMMARY_SECTIONS]


def document_sections(plan: Plan, passages: list[Passage]) -> dict[str, list[Passage]]:
    return assign_sections(passages, proposable(plan))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_MONEY_HEADING = re.compile(
    r"pric|fee|plans?\b|budget|spend|가격|요금|구독료|이용료|예산|비용", re.I
)


def _with_heading(p: Passage) -> str:
    """'Pricing: Our plan costs $79 …' — a money heading names what the first sentence's amount
    is (when the text does not already say it: '예산' over '마케팅 예산은 …' adds nothing). Other
    headings are not glued on ('Churn: we lost 1.5% … every month' would read as annual)."""
    lines = [ln for ln in p.text.splitlines() if ln.strip()]
    if p.heading and lines and all(re.match(r"\s*[-*•·▪]\s", ln) for ln in lines):
        return f"{p.heading}:\n{p.text}"  # a list under its heading: 'Competitors:' + '- A' …
    words = [w for w in re.findall(r"[A-Za-z]{3,}|[가-힣]{2,}", p.heading.lower())]
    if not words or not _MONEY_HEADING.search(p.heading) or any(w in p.text.lower() for w in words):
        return p.text
    return f"{p.heading}: {p.text}"


_ELSEWHERE = "mkt_strategy"  # where a passage no section claims is read (no table is built from it)


def document_facts(plan: Plan, passages: list[Passage]) -> list[Fact]:
    """Facts the documents state, each document read on its own (as if each section's passages
    were its answer; a passage that fits no section is still read), each fact with its page: the
    passage that holds the quoted sentence. The first document to state a fact gives it."""
    sections = proposable(plan)
    covered: dict[str, list[Passage]] = {}
    for passage in passages:  # read under every section it speaks to: '예산 … 경쟁사: …' gives both
        scores = section_scores(passage, sections)
        for sid in sorted(scores, key=lambda s: -scores[s])[:3] or [_ELSEWHERE]:
            covered.setdefault(sid, []).append(passage)
    names = list(dict.fromkeys(p.document for p in passages))
    out: list[Fact] = []
    for name in names:
        mine = {sid: [p for p in ps if p.document == name] for sid, ps in covered.items()}
        mine = {sid: ps for sid, ps in mine.items() if ps}
        have = {f.id for f in out}
        out += [f for f in _facts_of(plan, mine) if f.id not in have]
    return out


def _facts_of(plan: Plan, covered: dict[str, list[Passage]]) -> list[Fact]:
    scratch = Plan.new(plan.company, plan.language, plan.plan_type)
    for sid, passages in covered.items():
        # the first passages of a section say its figures; a long report is not read whole
        apply_answer(scratch, sid, "\n\n".join(_with_heading(p) for p in passages[:12]))
    out = []
    for fact in read_facts(scratch):
        quote = _squash(fact.quote)[:80]
        home = covered.get(fact.section, [])
        every = [p for ps in covered.values() for p in ps]
        passage = next(
            (p for p in home + every if quote and quote in _squash(_with_heading(p))), None
        )
        if passage is None:
            continue
        said = fact.quote.strip()
        if passage.heading and said.startswith(f"{passage.heading}: "):
            said = said[len(passage.heading) + 2 :]  # the document's own words, not our label
        out.append(
            fact.model_copy(
                update={"source": "document", "page": passage.page, "document": passage.document,
                        "quote": said[:300]}
            )
        )  # fmt: skip
    return out


def add_document_facts(plan: Plan, facts: list[Fact]) -> list[Fact]:
    """Put the documents' facts on the sheet where the user has not stated the same fact (nor an
    earlier document); returns the facts added."""
    have = {
        f.id for f in plan.facts if f.source in ("user", "document", "sales history") or f.corrected
    }
    added = [f for f in facts if f.id not in have]
    plan.facts.extend(added)
    refresh_facts(plan)  # keeps document facts, re-sorts; a user's reading still wins
    ids = {f.id for f in added}
    return [f for f in plan.facts if f.source == "document" and f.id in ids]


def make_proposals(plan: Plan, covered: dict[str, list[Passage]]) -> list[Proposal]:
    """One proposal per open section the documents cover (none for a section already answered,
    nor for one with an open proposal)."""
    shelf = plan.shelf
    pending = {p.section for p in shelf.open_proposals()}
    made = []
    for sid, passages in covered.items():
        if plan.section(sid).is_done or sid in pending:
            continue
        text = proposal_text(passages)
        if len(text) < 20:
            continue
        proposal = Proposal(
            id=shelf.next_id(),
            section=sid,
            text=text,
            source=ProposalSource(document=passages[0].document, page=passages[0].page),
        )
        shelf.proposals.append(proposal)
        made.append(proposal)
    return made


def accept_proposal(plan: Plan, proposal: Proposal, text: str | None = None) -> None:
    """The proposal (or the user's edit of it) becomes the section's answer, citing its page.
    An accepted model draft is the section's text, marked as the model's; the user's answers stay
    what the facts and tables are read from."""
    edited = text is not None and text.strip() and _squash(text) != _squash(proposal.text)
    if proposal.author == "llm" and not edited and proposal.payload:
        from assistant.core.plan import Messaging, Persona
        from assistant.interview.message_house import build_house

        cards = proposal.payload.get("personas")
        if isinstance(cards, list):
            plan.personas = [Persona.model_validate(p) for p in cards]
        if "messaging" in proposal.payload:
            plan.messaging = Messaging.model_validate(proposal.payload["messaging"])
        if not plan.messaging.is_empty:
            build_house(plan, plan.messaging, offline=plan.messaging.author != "llm")
        proposal.status = "accepted"
        plan.touch()
        return
    if proposal.author == "llm" and not edited:
        section = plan.section(proposal.section)
        section.content = proposal.text
        section.author = "llm"
        section.status = "answered"
        section.sources = [Source(source=c) for c in proposal.cited]
        proposal.status = "accepted"
        plan.touch()
        return
    if proposal.source is None:  # the user's own version of a model draft
        apply_answer(plan, proposal.section, str(text).strip(), author="user")
        proposal.status, proposal.text = "accepted", str(text).strip()
        return
    apply_answer(plan, proposal.section, text.strip() if edited and text else proposal.text,
                 author="user" if edited else "offline")  # fmt: skip
    assert proposal.source is not None
    where = cite(proposal.source.document, proposal.source.page, plan.language)
    plan.section(proposal.section).sources = [Source(source=where, topic="document")]
    proposal.status = "accepted"
    if edited and text:
        proposal.text = text.strip()


_EN = re.compile(
    r"^\s*(accept|discard|reject|edit)\s+(?:proposal\s+)?#?(\d+)\s*(?::\s*(.*))?$", re.I | re.S
)
_KO = re.compile(
    r"^\s*(?:제안\s*)?#?(\d+)\s*번?\s*(수락|채택|버리기|삭제|거절|수정)\s*(?::\s*(.*))?$", re.S
)
_KO_FIRST = re.compile(
    r"^\s*(수락|채택|버리기|거절|수정)\s+(?:제안\s*)?#?(\d+)\s*번?\s*(?::\s*(.*))?$", re.S
)
_LIST = re.compile(
    r"^\s*(?:proposals|show proposals|documents|my documents|제안|제안 목록|문서|내 문서)\s*$", re.I
)
_KINDS = {"accept": "accept", "수락": "accept", "채택": "accept", "discard": "discard",
          "reject": "discard", "버리기": "discard", "삭제": "discard", "거절": "discard",
          "edit": "edit", "수정": "edit"}  # fmt: skip


def parse_proposal_command(text: str, plan: Plan) -> tuple[str, int, str] | None:
    """('list', 0, '') or (accept|discard|edit, proposal number, edited text); None when the text
    is not about proposals (or the plan has none)."""
    if not plan.shelf.proposals and not plan.shelf.documents:
        return None
    if _LIST.match(text):
        return "list", 0, ""
    if not plan.shelf.proposals:
        return None
    for pattern, kind_at, n_at in ((_EN, 1, 2), (_KO, 2, 1), (_KO_FIRST, 1, 2)):
        if m := pattern.match(text):
            kind = _KINDS[m.group(kind_at).lower()]
            return kind, int(m.group(n_at)), (m.group(3) or "").strip()
    return None

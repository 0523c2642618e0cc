"""The user's own documents on a plan (last year's plan, a brochure, a market report) and the
proposals drawn from them. A document's text lives in the plan's private index; the plan keeps
what a reader needs: the file's name, its pages and passages, and each proposal with its page."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

MAX_DOCUMENTS = 10  # per plan
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_DOCUMENT_PAGES = 300
DOCUMENT_KINDS = (".pdf", ".docx", ".pptx", ".hwpx", ".md", ".markdown", ".txt")

ProposalStatus = Literal["open", "accepted", "discarded"]


class DocPage(BaseModel):
    """One page (PDF), slide (PPTX) or page-break-delimited part (DOCX, HWPX, text) of a file."""

    number: int
    text: str


class Passage(BaseModel):
    """A heading-led block of one page: what the private index stores and answers cite."""

    document: str  # the file's name as the user uploaded it
    page: int
    heading: str = ""
    text: str


class UserDocument(BaseModel):
    """`{"name", "pages", "passages"}` in the JSON contract."""

    name: str
    pages: int
    passages: int
    kind: str = ""

    def contract(self) -> dict[str, object]:
        return {"name": self.name, "pages": self.pages, "passages": self.passages}


class ProposalSource(BaseModel):
    document: str
    page: int


class Proposal(BaseModel):
    """A proposed text for a section: from the user's document (quoting its page) or drafted by
    the model (citing the guidance it used). The user accepts, edits or discards it; nothing
    lands in the plan before that."""

    id: int
    section: str
    text: str
    source: ProposalSource | None = None  # the document and page (document proposals)
    author: Literal["document", "llm"] = "document"
    status: ProposalStatus = "open"
    cited: list[str] = Field(default_factory=list)  # knowledge pages a model draft used
    # a model's persona cards or message house, as the plan stores them ({"personas": [...]} or
    # {"messaging": {...}}); `text` is how the chat shows them
    payload: dict[str, object] | None = None

    def contract(self) -> dict[str, object]:
        if self.source is None:  # a model's draft: `model_proposals` in the JSON
            return {"section": self.section, "text": self.text, "status": self.status}
        return {
            "section": self.section,
            "text": self.text,
            "source": {"document": self.source.document, "page": self.source.page},
        }


class DocumentShelf(BaseModel):
    """The plan's documents and proposals; `key` names its private index collection."""

    key: str = ""
    documents: list[UserDocument] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)

    def open_proposals(self) -> list[Proposal]:
        return [p for p in self.proposals if p.status == "open"]

    def propose_draft(
        self, section: str, text: str, cited: list[str], payload: dict[str, object] | None = None
    ) -> Proposal:
        """A model's draft for a section, beside the user's answer; an older open draft for the
        same section is replaced."""
        for old in self.proposals:
            if old.author == "llm" and old.section == section and old.status == "open":
                old.status = "discarded"
        proposal = Proposal(
            id=self.next_id(),
            section=section,
            text=text,
            author="llm",
            cited=cited,
            payload=payload,
        )
        self.proposals.append(proposal)
        return proposal

    def proposal(self, number: int) -> Proposal | None:
        return next((p for p in self.proposals if p.id == number), None)

    def next_id(self) -> int:
        return max((p.id for p in self.proposals), default=0) + 1


def cite(document: str, page: int, lang: str) -> str:
    """How a user passage is cited: 'your document brief.pdf, p. 3' / '내 문서 brief.pdf, 3쪽'."""
    return (
        f"내 문서 {document}, {page}쪽" if lang == "ko" else f"your document {document}, p. {page}"
    )

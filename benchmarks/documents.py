"""Cost of a document upload: read, split, index (the real embedder) and read facts and proposals,
for a 300-page PDF (the page limit) and a 40-page DOCX, as the service does it. Target: a 300-page
file is on the plan in under 60 s on 2 cores; the facts and proposals part under 2 s."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from _common import REPO  # noqa: F401 - puts the repo on the path


def write_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    from assistant.export.fonts import font_files

    pdf = FPDF()
    pdf.add_font("Body", "", str(font_files().regular))
    pdf.set_font("Body", "", 10)
    for n in range(pages):
        pdf.add_page()
        pdf.multi_cell(
            0,
            5,
            f"Section {n}\n"
            + ("Our customers reorder every month and our marketing budget is $240,000. " * 25),
        )
    pdf.output(str(path))


def write_docx(path: Path, pages: int) -> None:
    import docx

    document = docx.Document()
    for n in range(pages):
        if n:
            document.add_page_break()
        document.add_heading(f"Market {n}", 1)
        document.add_paragraph("Competitors: Acme, Beta and Gamma. Monthly churn is 2%. " * 20)
    document.save(str(path))


def main() -> None:
    from assistant.core.plan import Plan
    from assistant.core.settings import Settings
    from assistant.retrieval.plan_docs import PlanDocuments
    from assistant.service.documents import ingest_documents

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = Settings(data_dir=folder / "data")
        docs = PlanDocuments(settings)
        docs.embedder.embed_query("warm up")  # the model loads once per process, not per upload
        cases = {"300-page PDF": folder / "big.pdf", "40-page DOCX": folder / "brief.docx"}
        write_pdf(cases["300-page PDF"], 300)
        write_docx(cases["40-page DOCX"], 40)
        for label, path in cases.items():
            plan = Plan.new("Bench", "en")
            start = time.perf_counter()
            got = ingest_documents(plan, [(path, path.name)], docs)
            took = time.perf_counter() - start
            doc = got.added[0]
            print(f"{label}: {took:.1f} s for {doc.pages} pages, {doc.passages} passages; "
                  f"{len(got.facts)} facts, {len(got.proposals)} proposals")  # fmt: skip


if __name__ == "__main__":
    main()

"""Read the text of a user's document, page by page, with well-kept libraries: pypdf (PDF),
python-docx (DOCX), python-pptx (PPTX, one page per slide), python-hwpx (HWPX) and plain text.

Every file is checked before it is parsed: its size, its kind, and for the zip-based formats the
archive itself (entry count, uncompressed size and ratio, so a zip bomb is refused) and every XML
part (a DOCTYPE or an entity declaration is refused, so no entity trick reaches a parser).
Encrypted, image-only and malformed files get a clear message in both languages."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from assistant.core.documents import (
    DOCUMENT_KINDS,
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_PAGES,
    DocPage,
)
from assistant.core.errors import InputError

MAX_ZIP_ENTRIES = 5_000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200  # uncompressed : compressed, per entry
MAX_TEXT_CHARS = 1_000_000  # after extraction, whatever the page count (about 300 full pages)
_XML_TRICK = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def _refuse(name: str, en: str, ko: str) -> InputError:
    return InputError(f"{name}: {en}", f"{name}: {ko}")


def read_document(path: Path, name: str | None = None) -> list[DocPage]:
    """The file's pages that hold text (numbered as a reader counts them), or an InputError."""
    name = name or path.name
    kind = Path(name).suffix.lower() or path.suffix.lower()
    if kind not in DOCUMENT_KINDS:
        raise _refuse(
            name,
            "this kind of file can't be read. Upload a PDF, DOCX, PPTX, HWPX, Markdown or TXT file.",
            "읽을 수 없는 파일 형식입니다. PDF, DOCX, PPTX, HWPX, Markdown, TXT 파일을 올려 주세요.",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(name, "the file can't be opened.", "파일을 열 수 없습니다.") from exc
    if size > MAX_DOCUMENT_BYTES:
        mb = MAX_DOCUMENT_BYTES // (1024 * 1024)
        raise _refuse(
            name,
            f"the file is {size / 1048576:.1f} MB; the limit is {mb} MB.",
            f"파일 크기가 {size / 1048576:.1f}MB로, 최대 {mb}MB를 넘습니다.",
        )
    if size == 0:
        raise _refuse(name, "the file is empty.", "빈 파일입니다.")
    if kind in (".docx", ".pptx", ".hwpx"):
        _check_archive(path, name)
    readers: dict[str, Callable[[Path, str], list[DocPage]]] = {
        ".pdf": _pdf,
        ".docx": _docx,
        ".pptx": _pptx,
        ".hwpx": _hwpx,
    }
    try:
        pages = readers.get(kind, _text)(path, name)
    except InputError:
        raise
    except Exception as exc:  # a malformed file: say so, never a traceback
        raise _refuse(
            name,
            f"the file could not be read as {kind[1:].upper()} (it may be damaged).",
            f"{kind[1:].upper()} 파일로 읽을 수 없습니다(파일이 손상되었을 수 있습니다).",
        ) from exc
    pages = [DocPage(number=p.number, text=_tidy(p.text)) for p in pages]
    pages = [p for p in pages if p.text]
    if not pages and kind in (".pdf", ".pptx"):
        raise _refuse(
            name,
            "no text found. It looks like a scanned or image-only file; upload a version with text.",
            "텍스트가 없습니다. 스캔본이나 이미지로만 된 파일로 보입니다. 텍스트가 있는 파일을 올려 주세요.",
        )
    if not pages:
        raise _refuse(name, "the file has no text.", "파일에 텍스트가 없습니다.")
    kept: list[DocPage] = []
    room = MAX_TEXT_CHARS
    for page in pages:  # at most MAX_TEXT_CHARS in all; a page over the rest is cut at a space
        if len(page.text) > room:
            cut = page.text[:room]
            cut = cut[: cut.rfind(" ")] if " " in cut[room // 2 :] else cut
            if cut.strip():
                kept.append(DocPage(number=page.number, text=cut))
            break
        kept.append(page)
        room -= len(page.text)
    return kept


def _tidy(text: str) -> str:
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n\s*\n\s*\n+", "\n\n", text).strip()


def _too_many_pages(name: str, n: int) -> InputError:
    return _refuse(
        name,
        f"the file has {n} pages; the limit is {MAX_DOCUMENT_PAGES}.",
        f"파일이 {n}쪽으로, 최대 {MAX_DOCUMENT_PAGES}쪽을 넘습니다.",
    )


def _check_archive(path: Path, name: str) -> None:
    """Refuse zip bombs and XML entity tricks before any parser sees the file."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise _bomb(name)
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if total > MAX_UNZIPPED_BYTES or (
                    info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO
                ):
                    raise _bomb(name)
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".hpf")):
                    with archive.open(info) as part:
                        head = part.read(info.file_size + 1)
                    if _XML_TRICK.search(head):
                        raise _refuse(
                            name,
                            "the file holds XML declarations (DOCTYPE/ENTITY) that office files never need; it was not read.",
                            "오피스 문서에 필요 없는 XML 선언(DOCTYPE/ENTITY)이 있어 읽지 않았습니다.",
                        )
    except zipfile.BadZipFile as exc:
        raise _refuse(
            name,
            "the file is damaged (not a valid archive).",
            "파일이 손상되었습니다(올바른 압축 파일이 아닙니다).",
        ) from exc


def _bomb(name: str) -> InputError:
    return _refuse(
        name,
        "the file unpacks to far more data than a document holds (an archive bomb); it was not read.",
        "압축을 풀면 문서로 볼 수 없을 만큼 커지는 파일(압축 폭탄)이라 읽지 않았습니다.",
    )


def _pdf(path: Path, name: str) -> list[DocPage]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        raise _refuse(
            name,
            "the PDF is password-protected. Remove the password and upload it again.",
            "암호가 걸린 PDF입니다. 암호를 해제한 뒤 다시 올려 주세요.",
        )
    n = len(reader.pages)
    if n > MAX_DOCUMENT_PAGES:
        raise _too_many_pages(name, n)
    return [
        DocPage(number=i, text=unwrap(page.extract_text() or ""))
        for i, page in enumerate(reader.pages, 1)
    ]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(path: Path, name: str) -> list[DocPage]:
    """Paragraphs and tables in body order; a page break (typed or as Word last laid it out)
    starts the next page."""
    import docx

    document = docx.Document(str(path))
    pages: list[list[str]] = [[]]
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            style = child.find(f"{_W}pPr/{_W}pStyle")
            style_name = (style.get(f"{_W}val") or "").lower() if style is not None else ""
            heading = "heading" in style_name or style_name == "title"
            listed = "list" in style_name or child.find(f"{_W}pPr/{_W}numPr") is not None
            line = ""
            for el in child.iter(f"{_W}t", f"{_W}br", f"{_W}lastRenderedPageBreak"):
                if el.tag == f"{_W}t":
                    line += el.text or ""
                elif el.tag == f"{_W}br" and el.get(f"{_W}type") != "page":
                    line += "\n"
                else:  # a page break: what follows is on the next page
                    if line.strip():
                        pages[-1].append(_line(line, heading, listed))
                    line = ""
                    if pages[-1]:
                        pages.append([])
            if line.strip():
                pages[-1].append(_line(line, heading, listed))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = [
                    "".join(t.text or "" for t in c.iter(f"{_W}t")).strip()
                    for c in row.iter(f"{_W}tc")
                ]
                if any(cells):
                    pages[-1].append(" | ".join(cells))
        if len(pages) > MAX_DOCUMENT_PAGES:
            raise _too_many_pages(name, len(pages))
    return [DocPage(number=i, text="\n".join(lines)) for i, lines in enumerate(pages, 1)]


def _line(text: str, heading: bool, listed: bool) -> str:
    """A paragraph as a line: '# ' for a heading, '- ' for a list item (never taken for a heading)."""
    return f"# {text.strip()}" if heading else f"- {text.strip()}" if listed else text


def _pptx(path: Path, name: str) -> list[DocPage]:
    from pptx import Presentation

    deck = Presentation(str(path))
    n = len(deck.slides)
    if n > MAX_DOCUMENT_PAGES:
        raise _too_many_pages(name, n)
    out = []
    for i, slide in enumerate(deck.slides, 1):
        lines: list[str] = []
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                is_title = (
                    slide.shapes.title is not None and shape.shape_id == slide.shapes.title.shape_id
                )
                if is_title:
                    lines.append(f"# {shape.text_frame.text.strip()}")
                    continue
                paras = [
                    p
                    for p in shape.text_frame.paragraphs
                    if "".join(r.text for r in p.runs).strip()
                ]
                for para in paras:  # a body box's lines are bullet points
                    text = "".join(r.text for r in para.runs).strip()
                    lines.append(_line(text, False, len(paras) > 1 or para.level > 0))
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    cells = [c.text.strip() for c in row.cells]
                    if any(cells):
                        lines.append(" | ".join(cells))
        out.append(DocPage(number=i, text="\n".join(lines)))
    return out


def _hwpx(path: Path, name: str) -> list[DocPage]:
    from hwpx import HwpxDocument

    document = HwpxDocument.open(str(path))
    pages: list[list[str]] = [[]]
    for paragraph in document.paragraphs:
        if paragraph.element.get("pageBreak") == "1" and pages[-1]:
            pages.append([])
        text = paragraph.text or ""
        if paragraph.tables:
            for table in paragraph.tables:
                for row in range(table.row_count):
                    cells = [
                        (table.cell(row, c).text or "").strip() for c in range(table.column_count)
                    ]
                    if any(cells):
                        pages[-1].append(" | ".join(cells))
        elif text.strip():
            pages[-1].append(text)
        if len(pages) > MAX_DOCUMENT_PAGES:
            raise _too_many_pages(name, len(pages))
    return [DocPage(number=i, text="\n".join(lines)) for i, lines in enumerate(pages, 1)]


def _text(path: Path, name: str) -> list[DocPage]:
    from assistant.core.lang import decode_text

    text = decode_text(path.read_bytes())
    if text is None:
        raise _refuse(
            name, "the text is not UTF-8 or CP949.", "텍스트 인코딩이 UTF-8이나 CP949가 아닙니다."
        )
    if "\x00" in text[:4096]:
        raise _refuse(name, "this is not a text file.", "텍스트 파일이 아닙니다.")
    parts = text.split("\f")  # a form feed is a page break
    if len(parts) > MAX_DOCUMENT_PAGES:
        raise _too_many_pages(name, len(parts))
    return [DocPage(number=i, text=part) for i, part in enumerate(parts, 1)]


_ENDS = re.compile(r"[.!?。:;]$|다\.?$|요\.?$")
_STARTS_BLOCK = re.compile(r"^\s*(?:[-*•·▪]|\d+[.)]\s)")


def unwrap(text: str) -> str:
    """A PDF's lines are cut at the page width: a line that runs close to the widest line and does
    not end a sentence continues on the next one ('… include Trade Coffee,' + 'Atlas Coffee Club …')."""
    lines = text.split("\n")
    widest = max((len(ln) for ln in lines), default=0)
    out: list[str] = []
    for line in lines:
        # the next line is the rest of a sentence (it ends one, or is itself cut), not a heading
        rest = len(line.strip()) >= 0.6 * widest or bool(_ENDS.search(line.strip()))
        if out and out[-1] and line.strip() and rest and not _STARTS_BLOCK.match(line):
            prev = out[-1].rstrip()
            if len(prev) >= 0.6 * widest and not _ENDS.search(prev):
                out[-1] = f"{prev} {line.strip()}"
                continue
        out.append(line)
    return "\n".join(out)

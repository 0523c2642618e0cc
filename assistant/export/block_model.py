"""The document model shared by every export: blocks (headings, paragraphs, tables, images), the
cover, inline clean-up (no raw Markdown, HTML or undrawable emoji reaches a reader) and the
Markdown -> blocks reader. Pure functions and dataclasses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

ParaStyle = Literal["body", "bullet", "number", "quote", "note"]


@dataclass
class Heading:
    level: int  # 1 = a part or a section, 2 = a section inside a part, 3 = a sub-heading
    text: str


@dataclass
class Para:
    text: str  # may carry **bold** runs; nothing else of Markdown
    style: ParaStyle = "body"


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]

    def __post_init__(self) -> None:
        """Columns with nothing in any row are left out (a reader sees no empty 'Proof')."""
        keep = [
            i for i in range(len(self.header)) if i == 0 or any(r[i].strip() for r in self.rows)
        ]
        if len(keep) < len(self.header) and self.rows:
            self.header = [self.header[i] for i in keep]
            self.rows = [[r[i] for i in keep] for r in self.rows]


@dataclass
class Image:
    png: bytes
    caption: str = ""


Block = Heading | Para | Table | Image


@dataclass
class Cover:
    company: str
    title: str
    period: str
    date: str
    language: str
    version: str
    facts: list[tuple[str, str]] = field(default_factory=list)


_COVER = {
    "en": {"period": "Plan period", "date": "Date", "language": "Language", "version": "Version",
           "company": "Company", "lang_name": "English", "contents": "Contents"},
    "ko": {"period": "계획 기간", "date": "작성일", "language": "언어", "version": "버전",
           "company": "회사", "lang_name": "한국어", "contents": "목차"},
}  # fmt: skip


def cover_text(lang: str) -> dict[str, str]:
    return _COVER["ko" if lang == "ko" else "en"]


# ----- inline clean-up: no raw Markdown or HTML reaches a reader -------------------------------

_PLACEHOLDER = re.compile(r"\[[^\]]{2,60}\]|<[^<>]{2,40}>|\{[a-z_]+\}")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ITALIC = re.compile(r"(?<![\w*])_(?!_)(.+?)(?<!_)_(?![\w*])")
_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|/)[^)]*\)")


# Emoji the document fonts cannot draw (PDF drops them, Word shows boxes where no emoji font is
# installed): the common ones become a mark the fonts have, the rest are left out cleanly.
_EMOJI_TEXT = {"⚠️": "⚠", "✅": "✓", "✔️": "✓", "❌": "✗", "✖️": "✗", "➡️": "→", "⭐": "★",
               "💡": "→", "👉": "→"}  # fmt: skip
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000026ff\U00002700-\U000027bf\ufe0f\u200d]"
    "(?<![\u2713\u2717\u2605\u26a0])"
)


def without_emoji(text: str) -> str:
    for emoji, mark in _EMOJI_TEXT.items():
        text = text.replace(emoji, mark)
    stripped = _EMOJI.sub("", text)
    if stripped == text:
        return text
    return re.sub(r"(?<=\S)[ \t]{2,}", " ", re.sub(r"(?<=\S) +([,.;:!?)])", r"\1", stripped))


def clean_inline(text: str) -> str:
    """Plain text with only **bold** kept: no tags, backticks, italics marks, link syntax or
    emoji the fonts cannot draw."""
    text = without_emoji(_TAG.sub("", text))
    text = _LINK.sub(r"\1", text)
    text = text.replace("`", "").replace("\\|", "|")
    return _ITALIC.sub(r"\1", text)


def plain(text: str) -> str:
    return clean_inline(text).replace("**", "")


# ----- Markdown -> blocks ------------------------------------------------------------------------

_DIVIDER = re.compile(r"^\|[\s|:-]+\|$")


def _cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [plain(c.strip()) for c in cells]


def markdown_blocks(text: str, heading_offset: int = 0) -> list[Block]:
    """The plan's Markdown as blocks: headings, tables, bullets, numbered lines, paragraphs."""
    out: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not _DIVIDER.match(lines[i].strip()):
                    rows.append(_cells(lines[i]))
                i += 1
            width = len(rows[0])
            out.append(Table(rows[0], [(r + [""] * width)[:width] for r in rows[1:]]))
            continue
        i += 1
        if not line:
            continue
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if heading:
            level = max(1, len(heading.group(1)) - 1 + heading_offset)
            out.append(Heading(level, plain(heading.group(2))))
        elif re.match(r"^[-*•]\s", line):
            out.append(Para(clean_inline(line[2:].strip()), "bullet"))
        elif re.match(r"^\d+[.)]\s", line):
            out.append(Para(clean_inline(re.sub(r"^\d+[.)]\s", "", line)), "number"))
        elif line.startswith(">"):
            out.append(Para(clean_inline(line.lstrip("> ").strip()), "quote"))
        elif re.fullmatch(r"_[^_].*[^_\s]_", line):  # a line set in italics is a note (definitions)
            out.append(Para(clean_inline(line), "note"))
        else:
            out.append(Para(clean_inline(line)))
    return out


def plain_text(text: str) -> str:
    """Markdown as plain lines for a slide's speaker notes: headings as lines, a table as one
    line per row (cells joined by ' · '), bullets with '• ', no markup."""
    out: list[str] = []
    for b in markdown_blocks(text):
        if isinstance(b, Heading):
            out.append(b.text)
        elif isinstance(b, Table):
            out += [" · ".join(c for c in row if c) for row in [b.header, *b.rows]]
        elif isinstance(b, Para):
            out.append(("• " if b.style in ("bullet", "number") else "") + plain(b.text))
    return "\n".join(out)

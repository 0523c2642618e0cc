"""Replies in the terminal: rendered Markdown (headings, bold, tables, colours) with `rich` when
stdout is a terminal; plain text when it is piped or redirected (no '**', no '_(…)_', tables as
aligned columns, never a pipe row wrapped mid-row)."""

from __future__ import annotations

import os
import re
import sys

_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![\w*])[_*](?![\s_*])(.+?)(?<![\s_*])[_*](?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|>])")
_HEADING = re.compile(r"^#{1,6}\s+")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM", "") != "dumb"


def _inline(text: str) -> str:
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    text = _ITALIC.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


def _cells(line: str) -> list[str]:
    body = line.strip().strip("|")
    parts = re.split(r"(?<!\\)\|", body)
    return [_inline(p.strip()) for p in parts]


def _width(text: str) -> int:
    """Columns a string takes in a terminal (Hangul and other wide characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[list[str]]) -> list[str]:
    count = max(len(r) for r in rows)
    rows = [r + [""] * (count - len(r)) for r in rows]
    widths = [max(_width(r[i]) for r in rows) for i in range(count)]
    out = []
    for n, row in enumerate(rows):
        out.append(
            "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def to_plain(markdown: str) -> str:
    """Markdown as plain text for pipes and files."""
    out: list[str] = []
    table: list[list[str]] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if not _RULE.match(stripped):
                table.append(_cells(stripped))
            continue
        if table:
            out += _table(table)
            table = []
        if stripped.startswith(">"):
            out.append("  " + _inline(stripped.lstrip("> ").rstrip()))
        elif _HEADING.match(stripped):
            out.append(_inline(_HEADING.sub("", stripped)))
        elif _RULE.match(stripped) and "|" not in stripped:
            out.append("-" * 40)
        else:
            out.append(_inline(line))
    if table:
        out += _table(table)
    return "\n".join(out)


def show(text: str) -> None:
    """Print one reply the way this output can show it."""
    if not text:
        print(flush=True)
        return
    if is_terminal():
        from rich.console import Console
        from rich.markdown import Markdown

        Console(highlight=False).print(Markdown(text, hyperlinks=False))
        return
    print(to_plain(text), flush=True)

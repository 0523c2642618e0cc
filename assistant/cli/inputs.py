"""Reading what the user hands the CLI: stdin and JSON files, bounded and decoded strictly, so
binary or hostile input is a clear message (exit 2), never a traceback or silent garbage."""

from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path
from typing import Any

from assistant.core.errors import InputError

MAX_STDIN_BYTES = 5_000_000
MAX_LINES = 500
MAX_LINE_CHARS = 2_000
MAX_K = 50

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_text(raw: bytes, where: str) -> str:
    """UTF-8 text (with or without a BOM); anything else, or NUL bytes, is not text."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(
            f"{where} is not UTF-8 text (UTF-16 or binary): save it as UTF-8.",
            f"{where}이(가) UTF-8 텍스트가 아닙니다(UTF-16 또는 바이너리). UTF-8로 저장하세요.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not UTF-8 text (it looks like a binary file).",
            f"{where}이(가) UTF-8 텍스트가 아닙니다(바이너리 파일로 보입니다).",
        ) from exc
    if "\x00" in text:
        raise InputError(
            f"{where} is not UTF-8 text (it contains NUL bytes).",
            f"{where}이(가) UTF-8 텍스트가 아닙니다(NUL 바이트가 있습니다).",
        )
    return text


def read_stdin() -> str:
    raw = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(raw) > MAX_STDIN_BYTES:
        raise InputError(
            f"Standard input is over {MAX_STDIN_BYTES // 1_000_000} MB.",
            f"표준 입력이 {MAX_STDIN_BYTES // 1_000_000}MB를 넘습니다.",
        )
    return decode_text(raw, "Standard input")


def stdin_lines(max_lines: int = MAX_LINES, max_chars: int = MAX_LINE_CHARS) -> list[str]:
    """Non-empty lines of stdin, at most `max_lines` of at most `max_chars` characters each."""
    lines = [line.strip() for line in read_stdin().splitlines() if line.strip()]
    if len(lines) > max_lines:
        raise InputError(
            f"At most {max_lines} lines per run (got {len(lines):,}).",
            f"한 번에 최대 {max_lines}줄까지 받습니다({len(lines):,}줄).",
        )
    check_length(lines, max_chars)
    return lines


def check_length(items: list[str], max_chars: int = MAX_LINE_CHARS) -> None:
    long = next((s for s in items if len(s) > max_chars), None)
    if long is not None:
        raise InputError(
            f"An input is {len(long):,} characters; the limit is {max_chars:,}.",
            f"입력 하나가 {len(long):,}자로, 한도 {max_chars:,}자를 넘습니다.",
        )


def check_k(k: int) -> int:
    if not 1 <= k <= MAX_K:
        raise InputError(
            f"--k must be between 1 and {MAX_K}.", f"--k는 1에서 {MAX_K} 사이여야 합니다."
        )
    return k


def clean(value: Any) -> Any:
    """Strings with lone surrogates and control characters replaced (they break every writer)."""
    if isinstance(value, str):
        return _CONTROL.sub("", _SURROGATE.sub("\ufffd", value))
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


def read_json_file(path: Path, what: str, what_ko: str) -> Any:
    """A JSON file's content, cleaned; a folder, a missing or unreadable file, bad JSON or
    absurd nesting is a clear InputError."""
    path = Path(path)
    if path.is_dir():
        raise InputError(
            f"{path} is a folder; give the {what} file.",
            f"{path}은(는) 폴더입니다. {what_ko} 파일을 지정하세요.",
        )
    limit = 20 * MAX_STDIN_BYTES
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            # A FIFO, socket or device would block or never end: only regular files are read.
            raise InputError(
                f"{path} is not a regular file (a pipe or device); give the {what} file.",
                f"{path}은(는) 일반 파일이 아닙니다(파이프나 장치). {what_ko} 파일을 지정하세요.",
            )
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise InputError(
            f"{what.capitalize()} file not found: {path}", f"{what_ko} 파일이 없습니다: {path}"
        ) from exc
    except OSError as exc:
        raise InputError(
            f"Can't read {path}: {exc.strerror}", f"{path}을(를) 읽을 수 없습니다: {exc.strerror}"
        ) from exc
    if len(raw) > limit:
        raise InputError(
            f"{path} is too large for a {what} file.",
            f"{path}은(는) {what_ko} 파일로는 너무 큽니다.",
        )
    text = decode_text(raw, str(path))
    try:
        return clean(json.loads(text))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
            f"{path}은(는) 올바른 JSON이 아닙니다 ({exc.lineno}행 {exc.colno}열: {exc.msg}).",
        ) from exc
    except RecursionError as exc:
        raise InputError(
            f"{path} is nested too deeply to be a {what} file.",
            f"{path}은(는) 중첩이 너무 깊어 {what_ko} 파일이 아닙니다.",
        ) from exc

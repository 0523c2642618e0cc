"""Exporters: Markdown, DOCX and JSON. Writes are atomic: no partial file on failure."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from assistant.core.errors import ExportError
from assistant.core.plan import Plan
from assistant.export.json_doc import plan_to_contract
from assistant.interview.render import plan_markdown

FORMATS = ("md", "docx", "json")


def render_bytes(plan: Plan, fmt: str) -> bytes:
    if fmt == "md":
        return plan_markdown(plan).encode("utf-8")
    if fmt == "json":
        return (json.dumps(plan_to_contract(plan), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8"
        )
    if fmt == "docx":
        from assistant.export.docx_doc import plan_to_docx_bytes

        return plan_to_docx_bytes(plan)
    raise ExportError(
        f"Unknown format '{fmt}'. Use md, docx or json.",
        f"알 수 없는 형식 '{fmt}'. md, docx, json 중에서 고르세요.",
    )


def write_export(plan: Plan, fmt: str, path: Path) -> Path:
    """Render first, then write to a temp file beside `path` and rename it into place."""
    data = render_bytes(plan, fmt)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(
            f"Can't write {path}: {exc.strerror or exc}. Choose a folder you can write to.",
            f"{path}에 쓸 수 없습니다: {exc.strerror or exc}. 쓰기 권한이 있는 폴더를 고르세요.",
        ) from exc
    return path

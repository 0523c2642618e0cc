"""Exporters: Markdown, DOCX and JSON. Writes are atomic: no partial file on failure."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from assistant.core.errors import ExportError
from assistant.core.plan import Plan
from assistant.export.json_doc import plan_to_contract
from assistant.interview.render import plan_markdown

FORMATS = ("md", "docx", "json")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _without_control_characters(plan: Plan) -> Plan:
    """A copy of the plan whose text has no control characters (NUL breaks DOCX and confuses readers)."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return _CONTROL.sub("", value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return Plan.model_validate(clean(plan.model_dump()))


def render_bytes(plan: Plan, fmt: str) -> bytes:
    plan = _without_control_characters(plan)
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

"""Exporters: Markdown, DOCX, PDF, PPTX, HWPX and JSON. Writes are atomic: no partial file on failure."""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from assistant.core.errors import ExportError
from assistant.core.plan import Plan
from assistant.export.json_doc import plan_to_contract
from assistant.export.markdown_safe import inert_markdown
from assistant.interview.render import plan_markdown

FORMATS = ("md", "docx", "pdf", "pptx", "json", "hwpx")


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


def render_bytes(plan: Plan, fmt: str, page_size: str = "auto") -> bytes:
    plan = _without_control_characters(plan)
    if fmt == "md":
        return inert_markdown(plan_markdown(plan)).encode("utf-8")
    if fmt == "json":
        return (json.dumps(plan_to_contract(plan), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8"
        )
    if fmt == "docx":
        from assistant.export.docx_doc import plan_to_docx_bytes

        return plan_to_docx_bytes(plan, page_size)
    if fmt == "pdf":
        from assistant.export.pdf_doc import build_pdf

        return build_pdf(plan, page_size)
    if fmt == "pptx":
        from assistant.export.pptx_deck import plan_to_pptx_bytes

        return plan_to_pptx_bytes(plan)
    if fmt == "hwpx":
        from assistant.export.hwpx_doc import plan_to_hwpx_bytes

        return plan_to_hwpx_bytes(plan)
    raise ExportError(
        f"Unknown format '{fmt}'. Use md, docx, pdf, pptx, hwpx or json.",
        f"알 수 없는 형식 '{fmt}'. md, docx, pdf, pptx, hwpx, json 중에서 고르세요.",
    )


def _existing_mode(path: Path) -> int | None:
    """The permission bits of an existing regular file at `path` (None when there is none)."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportError(
            f"Can't write {path}: {exc.strerror or exc}.",
            f"{path}에 쓸 수 없습니다: {exc.strerror or exc}.",
        ) from exc
    if not stat.S_ISREG(st.st_mode):
        kind = ("a link" if stat.S_ISLNK(st.st_mode) else "a folder" if stat.S_ISDIR(st.st_mode)
                else "a device or pipe")  # fmt: skip
        kind_ko = ("링크" if stat.S_ISLNK(st.st_mode) else "폴더" if stat.S_ISDIR(st.st_mode)
                   else "장치 또는 파이프")  # fmt: skip
        raise ExportError(
            f"{path} is {kind}, not a regular file: choose a file name to write the plan to.",
            f"{path}은(는) 일반 파일이 아니라 {kind_ko}입니다. 계획서를 저장할 파일 이름을 지정하세요.",
        )
    return stat.S_IMODE(st.st_mode)


def write_export(plan: Plan, fmt: str, path: Path, page_size: str = "auto") -> Path:
    """Render first, then write to a temp file beside `path` and rename it into place. Only a
    regular file is ever replaced (never a device, FIFO, folder or link), keeping its mode."""
    path = Path(path)
    mode = _existing_mode(path)
    data = render_bytes(plan, fmt, page_size)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if mode is None:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(tmp, mode)
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

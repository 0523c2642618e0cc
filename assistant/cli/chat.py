"""`chat` (the interview in the terminal) and `sessions` (list / delete)."""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.cli.terminal import show
from assistant.core.errors import InputError
from assistant.core.settings import get_settings
from assistant.interview.engine import Reply
from assistant.interview.plan_update import GOAL_SECTIONS
from assistant.service import PlanService


def _out(text: str = "") -> None:
    print(text, flush=True)


def _lines() -> Iterator[str]:
    """Lines of stdin as text; undecodable (binary) input stops with a clear message, after
    every answer before it has been saved."""
    from assistant.cli.inputs import clean, decode_text

    for raw in sys.stdin.buffer:
        yield clean(decode_text(raw, "Standard input").rstrip("\r\n"))


def _read_message(
    lines: Iterator[str], section: str | None, lang: str, asking: bool = True
) -> str | None:
    """One message: a line; goals are one per line until an empty line; '\"\"\"' wraps a block."""
    multi_goals = asking and section in GOAL_SECTIONS
    prompt = (
        "> "
        if not multi_goals
        else ("목표 (빈 줄로 끝내기)> " if lang == "ko" else "goals (empty line to finish)> ")
    )
    print(prompt, end="", flush=True)
    try:
        first = next(lines)
    except StopIteration:
        return None
    if first.strip() == '"""':
        block = []
        for line in lines:
            if line.strip() == '"""':
                break
            block.append(line)
        return "\n".join(block)
    if multi_goals and first.strip() and not first.strip().startswith("/"):
        from assistant.core.commands import parse_command

        if parse_command(first) is None:
            block = [first]
            for line in lines:
                if not line.strip():
                    break
                block.append(line)
            return "\n".join(block)
    return first


def _show(service: PlanService, session_id: str, reply: Reply) -> str | None:
    """Print a reply and carry out its side effects; returns a new session id if one was made."""
    show(reply.text)
    for source in reply.sources:
        _out(f"  [{source.source}{' - ' + source.heading if source.heading else ''}]")
    if reply.export:
        path = service.export(session_id, reply.export)
        _out(f"→ {path}")
    if reply.new_plan:
        plan = service.plan(session_id)
        new_id, start = service.new_session("", plan.language, plan.plan_type)
        _out(f"(session {new_id})")
        show(start.text)
        return new_id
    return None


def _printer(sink: list[str]) -> Callable[[str], None]:
    """Print model tokens as they arrive and keep them, so the reply is not printed twice."""

    def on_token(chunk: str) -> None:
        sink.append(chunk)
        print(chunk, end="", flush=True)

    return on_token


_UPLOAD = re.compile(r"^\s*(?:/?upload|문서\s*올리기|올리기)\s+(.+)$", re.I | re.S)


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    from assistant.service import build_service

    service = build_service(settings)
    lang = args.lang or settings.default_language
    if args.session:
        session_id = args.session
        reply = service.resume(session_id)
    else:
        existing = [] if args.new else service.sessions()
        if existing:
            session_id = existing[0].id
            reply = service.resume(session_id)
        else:
            session_id, reply = service.new_session(args.company, lang, args.plan_type)
    plan = service.plan(session_id)
    mode = "모드" if plan.language == "ko" else "Mode"
    _out(f"[{mode}: {service.mode_label(plan.language)}] [session {session_id}]")
    show(reply.text)
    lines = _lines()
    section = reply.section
    while True:
        message = _read_message(
            lines, section, service.plan(session_id).language, reply.kind == "question"
        )
        if message is None or message.strip().lower() in ("quit", "exit", "종료", "/quit", "/exit"):
            lang = service.plan(session_id).language
            _out("")
            _out(
                (
                    "저장되었습니다. 이어서 하려면: python -m assistant chat --session "
                    if lang == "ko"
                    else "Saved. Resume with: python -m assistant chat --session "
                )
                + session_id
            )
            return 0
        upload = _UPLOAD.match(message)
        if (
            upload
        ):  # 'upload brief.pdf plan.docx' / '문서 올리기 brief.pdf': the plan's own documents
            files = [(Path(p), Path(p).name) for p in shlex.split(upload.group(1))]
            reply = service.upload_documents(session_id, files)
            show(reply.text)
            continue
        streamed: list[str] = []
        # the answer is for the question on screen, even if another window moved the plan on
        reply = service.turn(session_id, message, on_token=_printer(streamed), section=section)
        if streamed:  # the answer was printed as it arrived; show only what follows it
            print(flush=True)
            text = "".join(streamed).strip()
            rest = reply.text.split(text, 1)[1] if text and text in reply.text else reply.text
            reply = reply.model_copy(update={"text": rest.strip()})
        new_id = _show(service, session_id, reply)
        if new_id:
            session_id = new_id
            reply = service.resume(session_id)
        section = reply.section


def sessions(args: argparse.Namespace) -> int:
    service = PlanService(get_settings())
    if args.action == "delete":
        if not args.session_id:
            raise InputError(
                "Say which session to delete: sessions delete ID",
                "삭제할 세션 id를 적어 주세요: sessions delete ID",
            )
        service.delete(args.session_id)
        _out(f"Deleted {args.session_id}.")
        return 0
    items = service.sessions()
    if not items:
        _out("No saved plans yet. Start one with: python -m assistant chat")
        return 0
    for s in items:
        _out(
            f"{s.id}  {s.updated}  {s.plan_type:<10} {s.language}  {s.done:>2}/{s.total:<2}  {s.company or '-'}"
        )
    return 0


def versions(args: argparse.Namespace) -> int:
    """`versions PLAN_ID [--json]`: every saved version of a plan (revision, when, who, what)."""
    import json

    service = PlanService(get_settings())
    items = service.versions(args.session_id)
    if args.json:
        _out(json.dumps([v.model_dump() for v in items], ensure_ascii=False, indent=2))
        return 0
    for v in items:
        _out(f"v{v.revision}  {v.at}  {v.who}  {v.note or '-'}")
    return 0

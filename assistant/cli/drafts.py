"""`persona` and `messaging` for an answers file: the same cards and message house the plan shows,
as text or JSON (`--json`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.core.plan import Plan


def _plan(args: argparse.Namespace) -> Plan:
    from assistant.cli.draft import build_plan, load_answers
    from assistant.core.settings import get_settings
    from assistant.service import build_llm

    settings = get_settings()
    print(f"Mode: {settings.mode_label()}", file=sys.stderr)
    llm = build_llm(settings) if settings.llm_enabled else None
    return build_plan(load_answers(Path(args.answers)), llm).plan


def persona(args: argparse.Namespace) -> int:
    from assistant.interview.render import personas_markdown

    plan = _plan(args)
    if args.json:
        print(json.dumps([p.model_dump(exclude={"summary", "typical_source"}) for p in plan.personas], ensure_ascii=False, indent=2))  # fmt: skip
    else:
        print(personas_markdown(plan, options=True) or ("페르소나 답변이 없습니다." if plan.language == "ko" else "No audience answer to draft a persona from."))  # fmt: skip
    return 0


def messaging(args: argparse.Namespace) -> int:
    from assistant.interview.render import messaging_markdown

    plan = _plan(args)
    m = plan.messaging
    if args.json:
        print(json.dumps(m.model_dump(exclude={"author"}), ensure_ascii=False, indent=2))
    else:
        print(messaging_markdown(plan) or ("포지셔닝 답변이 없습니다." if plan.language == "ko" else "No positioning answer to draft messaging from."))  # fmt: skip
    return 0

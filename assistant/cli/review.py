"""`review` and `track`: check a plan JSON for inconsistencies; compare actuals with targets."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.core.errors import InputError
from assistant.core.plan import Plan


def load_plan_json(path: Path) -> Plan:
    from pydantic import ValidationError

    from assistant.cli.inputs import read_json_file
    from assistant.export.json_doc import plan_from_contract

    doc = read_json_file(Path(path), "plan", "계획")
    if not isinstance(doc, dict) or not isinstance(doc.get("sections"), dict):
        raise InputError(
            f"{path} is not a plan export (no 'sections' object). Export one with: python -m assistant draft ... --format json",
            f"{path}은(는) 계획 내보내기 파일이 아닙니다('sections' 객체 없음).",
        )
    try:
        return plan_from_contract(doc)
    except (
        ValidationError,
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        RecursionError,
    ) as exc:
        raise InputError(
            f"{path} does not match the plan format: {str(exc)[:200]}",
            f"{path}이(가) 계획 형식과 맞지 않습니다.",
        ) from exc


def review(args: argparse.Namespace) -> int:
    from assistant.analysis.review import format_findings, review_plan

    plan = load_plan_json(Path(args.plan))
    result = review_plan(plan)
    if args.json:
        print(json.dumps(result.contract(), ensure_ascii=False, indent=2))
    else:
        from assistant.cli.terminal import show

        show(format_findings(result, plan.language))
    return 0


def track(args: argparse.Namespace) -> int:
    import sys

    from assistant.analysis.tracking import track as run_track
    from assistant.core.settings import get_settings
    from assistant.retrieval.knowledge import guidance

    plan = load_plan_json(Path(args.plan))
    result = run_track(plan, Path(args.actuals), guidance(get_settings().knowledge_dir))
    for message in result.messages:
        print(f"note: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps(result.contract(), ensure_ascii=False, indent=2))
        return 0
    from assistant.analysis.tracking import status_label
    from assistant.goals.kpi import kpi_label

    ko = plan.language == "ko"
    words = ("실적", "현재 예상치", "목표") if ko else ("actual", "expected now", "target")
    for g in result.goals:
        nums = (
            ""
            if g.actual is None
            else f" {words[0]} {g.actual:,.2f} / {words[1]} {g.expected_now:,.2f} / {words[2]} {g.target:,.2f}"
        )
        print(
            f"[{status_label(g.status, plan.language)}] {kpi_label(g.kpi, plan.language)}: {g.text}{nums}"
        )
    for s in result.suggestions:
        print(f"- {s}")
    return 0

"""`python -m assistant ...`: the command-line front end. Heavy imports happen per command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from assistant.core.errors import AssistantError

EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Plan Assistant: draft a sales & marketing plan in Korean or English.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    chat = sub.add_parser("chat", help="the interview in the terminal")
    chat.add_argument("--session", help="resume this session id")
    chat.add_argument(
        "--new", action="store_true", help="start a new plan instead of resuming the latest"
    )
    chat.add_argument("--lang", choices=["ko", "en"], help="language of a new plan")
    chat.add_argument("--company", default="", help="company name of a new plan")
    chat.add_argument(
        "--plan-type", choices=["integrated", "marketing", "sales"], default="integrated"
    )

    draft = sub.add_parser("draft", help="run the interview non-interactively from an answers file")
    draft.add_argument(
        "--answers",
        required=True,
        help="JSON file: {language, plan_type, company, answers: {section_id: text}}",
    )
    draft.add_argument("--sales-history", help="CSV/XLSX sales history for the forecast section")
    draft.add_argument(
        "--documents",
        nargs="+",
        metavar="PATH",
        help="your own documents (PDF, DOCX, PPTX, HWPX, MD, TXT): facts and proposed answers",
    )
    draft.add_argument(
        "--accept-proposals",
        action="store_true",
        help="sections with no answer take the documents' proposals as their content",
    )
    draft.add_argument(
        "--format", choices=["json", "md", "docx", "pdf", "pptx", "hwpx"], default="md"
    )
    draft.add_argument("--out", required=True, help="output file")

    for name, what in (("persona", "persona cards"), ("messaging", "the message house")):
        cmd = sub.add_parser(name, help=f"{what} for an answers file (as the plan shows them)")
        cmd.add_argument("--answers", required=True, help="JSON answers file (as for draft)")
        cmd.add_argument("--json", action="store_true", help="print JSON")

    ver = sub.add_parser(
        "versions", help="the saved versions of a plan (diff and restore: in chat)"
    )
    ver.add_argument("session_id", help="the plan's id (see: sessions)")
    ver.add_argument("--json", action="store_true", help="print JSON")

    sessions = sub.add_parser("sessions", help="list or delete saved plans")
    sessions.add_argument("action", nargs="?", choices=["list", "delete"], default="list")
    sessions.add_argument("session_id", nargs="?")

    smart = sub.add_parser("smart", help="check a goal against SMART")
    smart.add_argument("--json", action="store_true")
    smart.add_argument("goal", help="the goal, or - to read one goal per line from stdin")

    kpi = sub.add_parser("kpi", help="suggest KPIs for a goal or question")
    kpi.add_argument("--json", action="store_true")
    kpi.add_argument("--k", type=int, default=3)
    kpi.add_argument("text", help="the goal or question, or - to read lines from stdin")
    search = sub.add_parser("search", help="search the planning guidance")
    search.add_argument("--json", action="store_true")
    search.add_argument("--k", type=int, default=5)
    search.add_argument("--lang", choices=["ko", "en"], help="only passages in this language")
    search.add_argument("query", help="the question, or - to read one query per line from stdin")

    ask = sub.add_parser(
        "ask", help="answer a planning question (how to measure a KPI or a goal, how to plan ...)"
    )
    ask.add_argument("--json", action="store_true")
    ask.add_argument(
        "--lang", choices=["ko", "en"], help="answer language (default: the question's)"
    )
    ask.add_argument("question", help="the question, or - to read one question per line from stdin")

    rev = sub.add_parser("review", help="check a plan JSON for gaps and inconsistencies")
    rev.add_argument("plan", help="a plan exported with draft --format json")
    rev.add_argument("--json", action="store_true")

    trk = sub.add_parser(
        "track", help="compare actuals (CSV/XLSX: kpi, period, value) with the plan's targets"
    )
    trk.add_argument("plan")
    trk.add_argument("actuals")
    trk.add_argument("--json", action="store_true")

    sub.add_parser("doctor", help="check mode, model endpoint, knowledge index and data dir")

    forecast = sub.add_parser("forecast", help="forecast sales from a CSV/XLSX history")
    forecast.add_argument("file")
    forecast.add_argument("--column", help="the sales column (default: picked from the data)")
    forecast.add_argument("--horizon", type=int, help="periods ahead (default: one season)")
    forecast.add_argument("--json", action="store_true")
    forecast.add_argument(
        "--lang", choices=["ko", "en"], default="en", help="language of the insights"
    )

    sub.add_parser(
        "index", help="build or update the knowledge index (only changed files are embedded)"
    )
    return p


# command -> (module, function): only the module a command needs is imported, so `smart` and
# `kpi` never pay for gradio, chromadb, langchain, statsmodels or python-docx
_HANDLERS = {
    "chat": ("chat", "run"), "draft": ("draft", "run"), "sessions": ("chat", "sessions"),
    "smart": ("tools", "smart"), "kpi": ("tools", "kpi"), "search": ("knowledge", "search"),
    "ask": ("knowledge", "ask"), "index": ("knowledge", "index"), "forecast": ("tools", "forecast"),
    "doctor": ("tools", "doctor"), "review": ("review", "review"), "track": ("review", "track"),
    "persona": ("drafts", "persona"), "messaging": ("drafts", "messaging"),
    "versions": ("chat", "versions"),
}  # fmt: skip


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    import importlib

    module, name = _HANDLERS[command]
    handler: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"assistant.cli.{module}"), name
    )
    return handler


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    os.umask(0o077)  # the sessions database and exports are the owner's alone (0600)
    try:
        from assistant.llm.tokens import seed_tiktoken_cache

        seed_tiktoken_cache()
        return _handler(args.command)(args)
    except AssistantError as exc:
        lang = "ko" if os.environ.get("PLAN_LANGUAGE", "").lower() == "ko" else "en"
        print(f"{'오류' if lang == 'ko' else 'error'}: {exc.message(lang)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader closed the pipe (`... | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0

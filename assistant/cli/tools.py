"""`smart` and `kpi` commands (JSON contracts in the README)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.core.errors import InputError
from assistant.core.facts import GoalFrame
from assistant.core.lang import detect_language
from assistant.core.plan import criterion_name
from assistant.goals.frame import goal_kpis, read_goal_frame
from assistant.goals.kpi import advise
from assistant.goals.readback import read_back_line
from assistant.goals.smart import SmartContext, check_goal


def _inputs(value: str) -> tuple[list[str], bool]:
    """(items, from_stdin). `-` reads one item per non-empty line of stdin."""
    from assistant.cli.inputs import check_length, clean, stdin_lines

    if value == "-":
        return stdin_lines(), True
    if not value.strip():
        raise InputError("The text is empty.", "입력이 비어 있습니다.")
    check_length([value.strip()])
    return [clean(value.strip())], False


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _smart_result(goal: str) -> dict[str, Any]:
    """The `smart --json` object: the SMART verdicts plus the goal's frame as read."""
    lang = detect_language(goal)
    kpis = goal_kpis(goal, read_goal_frame(goal, lang), lang, k=1)
    frame = read_goal_frame(goal, lang, kpi=kpis[0] if kpis else None)
    result = check_goal(goal, SmartContext(frame=frame, frame_for=goal), lang).model_dump()
    result["frame"] = frame.contract()
    return result


def smart(args: argparse.Namespace) -> int:
    goals, many = _inputs(args.goal)
    results = [_smart_result(g) for g in goals]
    if args.json:
        _print_json(results if many else results[0])
        return 0
    for r in results:
        ko = detect_language(r["goal"]) == "ko"
        print(r["goal"])
        for name, c in r["criteria"].items():
            mark = "✓" if c["ok"] else ("?" if c["ok"] is None else "✗")
            print(f"  {mark} {criterion_name(name, 'ko' if ko else 'en')}: {c['reason']}")
        verdict = (
            ("SMART 목표입니다" if r["smart"] else "SMART가 아닙니다")
            if ko
            else ("SMART" if r["smart"] else "not SMART yet")
        )
        frame = r["frame"]
        if isinstance(frame, dict):
            print(
                f"  {'읽은 내용' if ko else 'read'}: {read_back_line(GoalFrame.model_validate(frame), 'ko' if ko else 'en')}"
            )
        print(f"  => {verdict}")
        if not r["smart"]:
            print(f"  {'제안' if ko else 'suggestion'}: {r['suggestion']}")
        print()
    return 0


CATEGORY_NAMES = {"marketing": ("marketing", "마케팅"), "sales": ("sales", "영업"),
                  "business": ("business", "경영")}  # fmt: skip


def kpi(args: argparse.Namespace) -> int:
    from assistant.cli.inputs import check_k

    check_k(args.k)
    texts, many = _inputs(args.text)
    results = [[a.model_dump() for a in advise(text, k=args.k)] for text in texts]
    if args.json:
        _print_json(results if many else results[0])
        return 0
    for text, items in zip(texts, results, strict=True):
        print(text)
        lang = detect_language(text)
        for n, a in enumerate(items, 1):
            group = CATEGORY_NAMES.get(a["category"], (a["category"],) * 2)[lang == "ko"]
            print(f"  {n}. {a['name']} [{group}]\n     {a['formula']}\n     {a['why']}")
        print()
    return 0


def forecast(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assistant.analysis.forecast_plan import run_forecast

    result, _ = run_forecast(Path(args.file), args.column, args.horizon, args.lang)
    if args.json:
        _print_json(result.contract())
        return 0
    mae = f"{result.holdout_mae:,.2f}" if result.holdout_mae is not None else "-"
    print(f"{result.column} ({result.frequency}) - model: {result.model}, holdout MAE {mae}")
    print(f"{'period':<12}{'forecast':>14}{'low':>14}{'high':>14}")
    for p in result.forecast:
        print(f"{p.period:<12}{p.value:>14,.0f}{p.lower:>14,.0f}{p.upper:>14,.0f}")
    for line in result.insights:
        print(f"- {line}")
    return 0


def doctor(args: argparse.Namespace) -> int:
    """Mode, model, whether the endpoint answers, index status, data dir."""
    from assistant.core.settings import get_settings

    s = get_settings()
    ok = True
    print(f"Mode:        {s.mode_label()}")
    print(f"Data dir:    {s.data_dir} ({'writable' if _writable(s.data_dir) else 'NOT writable'})")
    if s.llm_enabled:
        from assistant.core.settings import safe_url
        from assistant.llm.client import LLMClient

        print(f"Model:       {s.model}")
        print(
            f"Endpoint:    {safe_url(s.openai_base_url) or 'https://api.openai.com/v1'} (timeout {s.llm_timeout:g}s, {s.llm_max_retries} retries)"
        )
        answers, detail = LLMClient(s).ping()
        ok &= answers
        print(f"             {'answers: ' + detail if answers else 'does not answer: ' + detail}")
    else:
        print(
            "Model:       none - set OPENAI_API_KEY, or OPENAI_BASE_URL for an OpenAI-compatible server, to use one"
        )
    try:
        from assistant.retrieval.index import KnowledgeIndex

        status = KnowledgeIndex(s).status()
        state = (
            "up to date"
            if status.stale_files == 0 and status.embedded
            else f"{status.stale_files} file(s) to embed - run 'python -m assistant index' (the first question also builds it)"
        )
        print(
            f"Index:       {status.location} · {status.embedder} · {status.files} files, {status.embedded}/{status.chunks} chunks · {state}"
        )
    except Exception as exc:  # doctor reports, never crashes
        ok = False
        print(f"Index:       problem: {exc}")
    from assistant.store import open_store

    try:
        store = open_store(s)
        print(f"Sessions:    {len(store.list())} saved plan(s) in {store.describe()}")
    except Exception as exc:  # doctor reports, never crashes
        ok = False
        print(f"Sessions:    problem: {exc}")
    print("Status:      " + ("OK" if ok else "problems found (see above)"))
    return 0


def _writable(path: object) -> bool:
    from pathlib import Path

    p = Path(str(path))
    try:
        p.mkdir(parents=True, exist_ok=True)
        probe = p / ".doctor-probe"
        probe.write_text("ok")
        probe.unlink()
    except OSError:
        return False
    return True

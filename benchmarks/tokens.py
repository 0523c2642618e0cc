"""Token budget benchmark: a 60-turn scripted interview against the fake OpenAI-compatible server.
Prints prompt tokens per turn (turn 50 must be at most 1.3x turn 5), LLM calls per turn, and the
app's own overhead per turn (time outside the model call, with the server answering instantly)."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from _common import REPO, SHARED

from assistant.core.catalogue import interview_order
from assistant.core.settings import Settings
from assistant.service import build_service
from tests.fake_openai import FakeOpenAI


def script() -> list[str]:
    """60 turns: answers in interview order mixed with questions and commands. Turns 5 and 50 are
    the same kind of turn (answering the budget question), early and late in the conversation."""
    answers = json.loads((SHARED / "sample_answers_en.json").read_text())["answers"]
    order = [sid for sid in interview_order("integrated") if sid != "mkt_budget"]
    extras = [
        "How do I measure leads?",
        "progress",
        "What does the Place part of the marketing mix cover?",
        "show plan",
        "example",
        "What is the click-through rate?",
    ]
    turns = [
        answers.get(order[0], "skip"),
        answers.get(order[1], "skip"),
        answers.get(order[2], "skip"),
        "goto budget",
        answers["mkt_budget"],
    ]
    rest = iter(order[3:])
    i = 0
    while len(turns) < 48:
        sid = next(rest, None)
        if sid is None:
            turns.append(extras[i % len(extras)])
        else:
            turns.append(answers.get(sid, "skip"))
            if i % 3 == 2:
                turns.append(extras[i % len(extras)])
        i += 1
    turns = turns[:48] + ["goto budget", answers["mkt_budget"]]
    fillers = [
        "goto channels",
        answers["mkt_channels"],
        "What is the click-through rate?",
        "progress",
        "goto 1",
        answers["mkt_market_analysis"],
        "keep",
        "show plan",
        "How do I set SMART goals?",
        "example",
    ]
    turns += fillers
    return turns[:60]


def main() -> None:
    server = FakeOpenAI()
    url = server.start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp),
            knowledge_dir=REPO / "knowledge",
            openai_base_url=url,
            openai_api_key="sk-bench",
            model="fake-model",
            embedder="hashing",
        )
        service = build_service(settings)
        client = service.llm.llm.client  # type: ignore[union-attr]
        sid, _ = service.new_session("Brightloom Analytics", "en")
        rows = []
        for n, message in enumerate(script(), 1):
            calls0, model0 = client.calls, client.model_seconds
            client.max_prompt_tokens = 0
            t0 = time.perf_counter()
            service.turn(sid, message)
            elapsed = time.perf_counter() - t0
            rows.append(
                (
                    n,
                    client.max_prompt_tokens,
                    client.calls - calls0,
                    elapsed - (client.model_seconds - model0),
                )
            )
    server.stop()
    print("turn  prompt_tokens(max)  llm_calls  app_overhead_ms")
    for n, tokens, calls, overhead in rows:
        print(f"{n:>4}  {tokens:>18}  {calls:>9}  {overhead * 1000:>15.1f}")
    t5, t50 = rows[4][1], rows[49][1]
    with_calls = [r for r in rows if r[2]]
    print(
        f"turn 5 prompt: {t5} tokens; turn 50 prompt: {t50} tokens; ratio {t50 / max(1, t5):.2f}  [target <= 1.30]"
    )
    print(
        f"max prompt over all turns: {max(r[1] for r in rows)} tokens (budget {settings.prompt_token_budget})"
    )
    print(
        f"LLM calls per turn: mean {statistics.mean(r[2] for r in rows):.2f}, max {max(r[2] for r in rows)}"
    )
    print(
        f"app overhead per turn: median {statistics.median(r[3] for r in rows) * 1000:.1f} ms, p95 {sorted(r[3] for r in rows)[int(len(rows) * 0.95) - 1] * 1000:.1f} ms ({len(with_calls)} turns called the model)"
    )


if __name__ == "__main__":
    main()

"""SMART checker per-criterion accuracy and KPI advisor hit@3 on the dev sets (offline)."""

from __future__ import annotations

from datetime import date

from _common import load_jsonl

from assistant.goals.kpi import advise
from assistant.goals.smart import SmartContext, check_goal

CRITERIA = {"S": "specific", "M": "measurable", "A": "achievable", "T": "time_bound"}


def main() -> None:
    ctx = SmartContext(today=date.today())
    goals = load_jsonl("smart_goals_dev.jsonl")
    for letter, name in CRITERIA.items():
        scored = [g for g in goals if g.get(letter) is not None]
        right = sum(
            bool(check_goal(g["text"], ctx).criteria[name].ok) == bool(g[letter]) for g in scored
        )
        print(
            f"SMART {letter} ({name}): {right / len(scored):.3f} ({right}/{len(scored)})  [target >= 0.95]"
        )
    questions = load_jsonl("kpi_dev.jsonl")
    hits = sum(any(a.id in q["ok"] for a in advise(q["q"], 3)) for q in questions)
    print(f"KPI hit@3: {hits / len(questions):.3f} ({hits}/{len(questions)})  [target >= 0.95]")


if __name__ == "__main__":
    main()

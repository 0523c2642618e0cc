"""How many plan sections are structurally more than the user's answer pasted back (tables, bullets
tied to goals, computed numbers), for the sample interviews in English and Korean."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from _common import SHARED

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown

REPO = Path(__file__).resolve().parent.parent


def composed(text: str, answer: str) -> bool:
    """A table or bullet structure that the answer itself did not have."""
    structured = "|---" in text or "\n- " in f"\n{text}"
    had = "|---" in answer or "\n- " in f"\n{answer}"
    return structured and not had and " ".join(text.split()) != " ".join(answer.split())


def similarity(text: str, answer: str) -> float:
    return difflib.SequenceMatcher(None, text, answer).ratio()


def main() -> int:
    for path in (
        SHARED / "sample_answers_en.json",
        REPO / "tests" / "data" / "ko_saas_answers.json",
    ):
        doc = load_answers(path)
        plan = build_plan(doc).plan
        answered = {sid: text for sid, text in doc["answers"].items() if "summary" not in sid}
        better = [
            sid for sid, answer in answered.items() if composed(section_markdown(plan, sid), answer)
        ]
        pasted = sorted(set(answered) - set(better))
        tables = [s for s in answered if "|---" in section_markdown(plan, s)]
        low = [s for s in tables if similarity(section_markdown(plan, s), answered[s]) < 0.9]
        print(
            f"{path.name}: {len(better)}/{len(answered)} answered sections are structurally more than the "
            f"pasted answer ({len(better) / len(answered):.0%}); {len(low)}/{len(tables)} sections with tables "
            f"differ from the answer (similarity < 0.9); not yet composed: {', '.join(pasted) or 'none'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

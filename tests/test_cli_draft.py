import json
import subprocess
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import PYTHON, REPO, cli_env


def draft(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "assistant", "draft", *args],
        capture_output=True,
        text=True,
        env=cli_env(data),
        cwd=REPO,
        timeout=120,
    )


def test_draft_writes_all_three_formats(
    sample_answers: Path, tmp_path: Path, isolated_env: Path
) -> None:
    for fmt in ("json", "md", "docx"):
        out = tmp_path / f"plan.{fmt}"
        result = draft(
            isolated_env, "--answers", str(sample_answers), "--format", fmt, "--out", str(out)
        )
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000
    doc = json.loads((tmp_path / "plan.json").read_text())
    assert doc["company"] == "Brightloom Analytics" and doc["language"] == "en"
    answers = json.loads(sample_answers.read_text())["answers"]
    channels = doc["sections"]["mkt_channels"]["content"]  # composed: every channel in a table row
    assert all(f"| {c.strip(' .')} |" in channels for c in answers["mkt_channels"].split(", "))
    texts = [g["text"] for g in doc["goals"]]
    assert texts[:3] == answers["mkt_objectives"].split("\n")
    assert {g["section"] for g in doc["goals"]} == {"mkt_objectives", "sales_objectives"}
    assert doc["goals"][2]["criteria"]["specific"]["ok"] is False  # "Be everywhere in retail."
    assert all(g["kpis"] for g in doc["goals"])
    name = doc["personas"][0]["name"]
    assert (
        2 <= len(name.split()) <= 5 and ":" not in name
    )  # a short persona name, the role on the card
    summary = doc["sections"]["mkt_executive_summary"]["content"]
    assert "headline goals: 900 marketing-qualified leads by September 30, 2027" in summary
    assert (
        "organic website traffic up from 40,000 to 60,000 monthly visits by June 30, 2027"
        in summary
    )
    assert "$480,000" in summary and "Be everywhere in retail" in summary.split("Goals to fix")[1]
    assert "This is the summary" not in summary and "…" not in summary
    assert "# Brightloom Analytics" in (tmp_path / "plan.md").read_text()
    assert any(
        p.style.name == "Heading 2" for p in Document(str(tmp_path / "plan.docx")).paragraphs
    )


def test_draft_saves_a_session_to_continue_in_chat(
    sample_answers: Path, tmp_path: Path, isolated_env: Path
) -> None:
    result = draft(
        isolated_env,
        "--answers",
        str(sample_answers),
        "--format",
        "md",
        "--out",
        str(tmp_path / "p.md"),
    )
    session = result.stderr.split("--session ")[1].split()[0]
    listing = subprocess.run(
        [PYTHON, "-m", "assistant", "sessions"],
        capture_output=True,
        text=True,
        env=cli_env(isolated_env),
        cwd=REPO,
    )
    assert session in listing.stdout and "Brightloom" in listing.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        (
            json.dumps({"language": "en", "answers": {"mkt_nope": "x"}}),
            "Unknown section id(s): mkt_nope",
        ),
        (json.dumps({"language": "en", "answers": {"mkt_budget": "   "}}), "is empty"),
        (
            json.dumps({"language": "en", "answers": {"mkt_budget": "x" * 100_000}}),
            "100,000 characters",
        ),
        (json.dumps({"language": "fr", "answers": {"mkt_budget": "x"}}), '"language" must be'),
        (json.dumps({"plan_type": "sales", "answers": {"mkt_budget": "x"}}), "not in a sales plan"),
        (json.dumps(["a list"]), "must be a JSON object"),
    ],
)
def test_bad_answers_files_exit_2_with_a_message_and_no_output(
    content: str, message: str, tmp_path: Path, isolated_env: Path
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(content)
    out = tmp_path / "plan.json"
    result = draft(isolated_env, "--answers", str(answers), "--format", "json", "--out", str(out))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_unwritable_out_exits_2_without_a_partial_file(
    sample_answers: Path, tmp_path: Path, isolated_env: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = draft(
        isolated_env,
        "--answers",
        str(sample_answers),
        "--format",
        "docx",
        "--out",
        str(blocker / "x.docx"),
    )
    assert (
        result.returncode == 2
        and "Can't write" in result.stderr
        and "Traceback" not in result.stderr
    )
    assert list(tmp_path.glob("**/*.docx")) == []


def test_missing_answers_file(tmp_path: Path, isolated_env: Path) -> None:
    result = draft(
        isolated_env,
        "--answers",
        str(tmp_path / "nope.json"),
        "--format",
        "md",
        "--out",
        str(tmp_path / "o.md"),
    )
    assert result.returncode == 2 and "not found" in result.stderr


def test_persona_and_messaging_commands_print_what_the_plan_shows(
    sample_answers: Path, isolated_env: Path
) -> None:
    from tests.conftest import run_cli

    run = run_cli(isolated_env, "persona", "--answers", str(sample_answers), "--json")
    assert run.returncode == 0, run.stderr
    cards = json.loads(run.stdout)
    assert cards and {"name", "role", "objections", "channels", "decision_role", "quote", "typical"} <= set(cards[0])  # fmt: skip
    run = run_cli(isolated_env, "messaging", "--answers", str(sample_answers), "--json")
    house = json.loads(run.stdout)
    assert house["call_to_action"] == "Start your 14-day guided trial"
    assert len(house["key_messages"]) >= 3 and house["objections"] and house["matrix"]
    # a proof is never a piece of the value proposition ('answers by 9 a.m.' is the claim)
    value = house["value_proposition"].lower()
    assert not any(p.lower() in value for km in house["key_messages"] for p in km["proof_points"])
    # a claim nothing proves has no proof point, never a placeholder
    assert any(km["proof_points"] == [] for km in house["key_messages"])
    assert not any(
        p.startswith("To prove") for km in house["key_messages"] for p in km["proof_points"]
    )
    text = run_cli(isolated_env, "messaging", "--answers", str(sample_answers)).stdout
    assert "Key messages" in text and "Channel copy" in text

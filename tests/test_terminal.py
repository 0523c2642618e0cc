"""The terminal shows replies as a reader sees them: plain text when piped, rich in a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
from pathlib import Path

from assistant.cli.terminal import to_plain
from tests.conftest import PYTHON, REPO, cli_env


def test_plain_text_has_no_markdown_marks_and_tables_stay_whole() -> None:
    md = (
        "**[1/23] Market Analysis**\n\nDescribe it.\n\n_('example' shows a sample answer · 'skip')_\n\n"
        "| Channel | Budget share |\n|---|---|\n| LinkedIn ads | 30% |\n| 전시회 참가 | 20% |\n\n"
        "> Grow leads from 120 to 200\n\n20\\~40대 mql_to_sql"
    )
    plain = to_plain(md)
    assert "**" not in plain and "_(" not in plain and "|---" not in plain
    assert (
        "[1/23] Market Analysis" in plain and "('example' shows a sample answer · 'skip')" in plain
    )
    rows = plain.splitlines()
    header = next(r for r in rows if r.startswith("Channel"))
    linkedin = next(r for r in rows if r.startswith("LinkedIn ads"))
    korean = next(r for r in rows if r.startswith("전시회 참가"))
    # columns line up on screen (Hangul is two columns wide in a terminal)
    from assistant.cli.terminal import _width

    column = header.index("Budget share")
    assert linkedin.index("30%") == column
    assert _width(korean[: korean.index("20%")]) == column
    assert korean.endswith("20%")
    assert "  Grow leads from 120 to 200" in plain and "20~40대 mql_to_sql" in plain


def test_chat_piped_prints_plain_text_and_show_plan_is_one_line_per_open_section(
    isolated_env: Path,
) -> None:
    run = subprocess.run(
        [PYTHON, "-m", "assistant", "chat", "--new"], input=b"show plan\nquit\n",
        capture_output=True, env=cli_env(isolated_env), cwd=REPO, timeout=120,
    )  # fmt: skip
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    assert "**" not in out and "[1/23] Market Analysis" in out
    open_lines = [line for line in out.splitlines() if line.startswith("Not answered yet.")]
    assert len(open_lines) >= 20  # one line each, not a bullet list per section
    assert not any(line.startswith("- ") for line in out.splitlines())


def test_chat_in_a_terminal_renders_markdown(isolated_env: Path) -> None:
    """In a pseudo-terminal the reply is rendered by rich: bold is styled, not starred."""
    env = cli_env(isolated_env) | {"TERM": "xterm-256color", "COLUMNS": "100"}
    main, child = pty.openpty()
    proc = subprocess.Popen([PYTHON, "-m", "assistant", "chat", "--new"], stdin=subprocess.PIPE,
                            stdout=child, stderr=child, env=env, cwd=REPO)  # fmt: skip
    os.close(child)
    assert proc.stdin is not None
    proc.stdin.write(b"quit\n")
    proc.stdin.close()
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(main)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "Market Analysis" in screen and "**[1/23]" not in screen
    assert "\x1b[" in screen  # styled by the terminal renderer
    json.dumps(screen)  # printable

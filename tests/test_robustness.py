"""Bad files and oversized input get a clear message; one user's bad data never breaks anyone else."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from assistant.analysis.forecast_data import load_history
from assistant.core.errors import DamagedPlan, DataError
from assistant.core.plan import Plan
from assistant.core.settings import Settings
from assistant.export import render_bytes
from assistant.interview.engine import MAX_ANSWER_CHARS, InterviewState
from assistant.service import PlanService
from tests.conftest import run_cli


@pytest.mark.parametrize("bad", ["inf", "-inf", "nan", "1e308", "Infinity"])
def test_non_finite_numbers_in_a_history_are_refused(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text(f"month,sales\n2024-01,{bad}\n2024-02,1\n2024-03,2\n2024-04,2\n")
    with pytest.raises(DataError) as info:
        load_history(path)
    assert "text" in info.value.en  # "text where numbers should be" / "text in the numbers?"


def test_forecast_cli_never_prints_nan_or_infinity(tmp_path: Path, isolated_env: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("month,sales\n2024-01,inf\n2024-02,-inf\n2024-03,1\n2024-04,2\n")
    run = run_cli(isolated_env, "forecast", "--json", str(path))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "NaN" not in run.stdout and "Infinity" not in run.stdout


def _xlsx_bomb(path: Path) -> None:
    """A tiny workbook whose sheet declares A1:XFD1048576 with one cell at the far corner."""
    files = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
    }  # fmt: skip
    with zipfile.ZipFile(path, "w") as z:
        for name, body in files.items():
            z.writestr(name, body)


def test_an_xlsx_that_declares_a_huge_sheet_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    _xlsx_bomb(path)
    assert path.stat().st_size < 10_000
    with pytest.raises(DataError) as info:
        load_history(path)
    assert "1,048,576 rows" in info.value.en


def test_a_folder_where_a_file_is_expected_is_a_clear_error(
    tmp_path: Path, isolated_env: Path
) -> None:
    run = run_cli(isolated_env, "forecast", str(tmp_path))
    assert run.returncode == 2 and "folder" in run.stderr and "Traceback" not in run.stderr


def test_a_damaged_plan_never_takes_down_listing_or_other_users(settings: Settings) -> None:
    service = PlanService(settings)
    good, _ = service.new_session("Good Co", "en")
    bad, _ = service.new_session("Bad Co", "en")
    with sqlite3.connect(settings.sessions_db) as db:
        db.execute(
            "UPDATE sessions SET state = ? WHERE id = ?", ('{"plan": {"goals": "oops"}}', bad)
        )
    assert {s.id for s in service.store.list()} == {good, bad}  # listing reads only the index
    assert service.turn(good, "skip").kind != "error"
    with pytest.raises(DamagedPlan) as info:
        service.store.load(bad)
    assert f"sessions delete {bad}" in info.value.en
    listed = {s.id: s for s in service.store.list()}
    assert listed[bad].damaged and not listed[good].damaged  # marked once it failed to load
    service.store.delete(bad)


def test_an_oversized_message_is_refused_before_it_is_stored(settings: Settings) -> None:
    service = PlanService(settings)
    sid, _ = service.new_session("A", "en")
    reply = service.turn(sid, "x" * (MAX_ANSWER_CHARS * 5))
    assert reply.kind == "error" and "limit" in reply.text
    stored = [t.text for t in service.store.turns(sid) if t.role == "user"][-1]
    assert len(stored) <= MAX_ANSWER_CHARS + 10


def test_too_many_goal_lines_get_a_clear_message(settings: Settings) -> None:
    service = PlanService(settings)
    sid, _ = service.new_session("A", "en")
    service.turn(sid, "goto mkt_objectives")
    reply = service.turn(
        sid, "\n".join(f"Generate {i} leads by 2027 via webinars." for i in range(200))
    )
    assert reply.kind == "error" and "at most 50" in reply.text
    assert service.plan(sid).goals == []


def test_control_characters_and_long_company_names_export(
    settings: Settings, tmp_path: Path
) -> None:
    plan = Plan.new("가" * 120, "ko")
    plan.section("mkt_market_analysis").content = "NUL\x00 and bell\x07 inside"
    plan.section("mkt_market_analysis").status = "answered"
    assert b"\x00" not in render_bytes(plan, "md")
    assert render_bytes(plan, "docx")[:2] == b"PK"
    service = PlanService(settings)
    sid = service.store.create(InterviewState(plan=plan))
    path = service.export_path(sid, "docx")
    assert len(path.name.encode()) < 200


def test_the_answers_file_bounds_goal_lines(tmp_path: Path, isolated_env: Path) -> None:
    answers = tmp_path / "a.json"
    lines = "\n".join(f"Generate {i} leads by 2027 via webinars." for i in range(80))
    answers.write_text(json.dumps({"language": "en", "answers": {"mkt_objectives": lines}}))
    run = run_cli(
        isolated_env,
        "draft",
        "--answers",
        str(answers),
        "--format",
        "json",
        "--out",
        str(tmp_path / "o.json"),
    )
    assert run.returncode == 2 and "goal lines" in run.stderr and not (tmp_path / "o.json").exists()


def test_an_xlsx_that_reuses_row_numbers_is_counted_by_rows_stored(tmp_path: Path) -> None:
    """60,000 rows that all say r="2": openpyxl would skip them uncounted; the row limit holds."""
    path = tmp_path / "reused.xlsx"
    _xlsx_bomb(path)
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n).decode() for n in z.namelist()}
    rows = "".join(
        f'<row r="2"><c r="A2" t="inlineStr"><is><t>2024-{i % 12 + 1:02d}</t></is></c>'
        f'<c r="B2"><v>{i}</v></c></row>'
        for i in range(60_000)
    )
    files["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>month</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>sales</t></is></c></row>'
        + rows
        + "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            z.writestr(name, body)
    with pytest.raises(DataError) as info:
        load_history(path)
    assert "more than 50,000 rows" in info.value.en

"""Cron mode: inbox → done / failed after commit, the ingest lock, settling files, logs, report schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from baulast.cli import main
from baulast.db import Database
from baulast.db.lock import ingest_lock
from baulast.errors import ExitCode, Locked
from tests.conftest import ROOT
from tests.test_cli import render_sheet

REPORT_SCHEMA = json.loads((ROOT / "schemas" / "batch-report.schema.json").read_text(encoding="utf-8"))


def old(path: Path, seconds: float = 3600) -> None:
    """Make a file look written `seconds` ago."""
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


@pytest.fixture
def inbox(tmp_path: Path) -> dict[str, Path]:
    """An inbox with a good sheet (in a subfolder), its copy, a broken file and a file still being written."""
    folders = {name: tmp_path / name for name in ("inbox", "done", "failed")}
    (folders["inbox"] / "Stapel 1").mkdir(parents=True)
    render_sheet(folders["inbox"] / "Stapel 1" / "blatt.png")
    (folders["inbox"] / "kopie.png").write_bytes((folders["inbox"] / "Stapel 1" / "blatt.png").read_bytes())
    (folders["inbox"] / "kaputt.pdf").write_bytes(b"%PDF-1.4 truncated")
    for path in folders["inbox"].rglob("*.*"):
        old(path)
    (folders["inbox"] / "frisch.png").write_bytes(b"\x89PNG still arriving")
    folders["db"] = tmp_path / "db" / "inbox.sqlite"
    return folders


def run(folders: dict[str, Path], *extra: str):  # type: ignore[no-untyped-def]
    """`baulast ingest --inbox ...` in-process."""
    return CliRunner().invoke(main, [
        "ingest", "--inbox", str(folders["inbox"]), "--done", str(folders["done"]), "--failed", str(folders["failed"]),
        "--db", f"sqlite:///{folders['db']}", "--workers", "1", "--no-progress", *extra,
    ])


def test_inbox_files_are_filed_away_after_commit(inbox: dict[str, Path]) -> None:
    report_path = inbox["db"].parent / "report.json"
    log_path = inbox["db"].parent / "ingest.log"
    result = run(inbox, "--report", str(report_path), "--log-file", str(log_path))
    assert result.exit_code == ExitCode.SUCCESS_WITH_REJECTIONS, result.output
    assert sorted(p.relative_to(inbox["inbox"]).as_posix() for p in inbox["inbox"].rglob("*") if p.is_file()) == [
        "frisch.png"]  # left for the next run
    assert (inbox["done"] / "Stapel 1" / "blatt.png").exists() and (inbox["done"] / "kopie.png").exists()
    assert (inbox["failed"] / "kaputt.pdf").exists()
    assert "PDF" in (inbox["failed"] / "kaputt.pdf.reason.txt").read_text(encoding="utf-8")

    report = json.loads(report_path.read_text(encoding="utf-8"))
    jsonschema.validate(report, REPORT_SCHEMA)
    statuses = {Path(f["path"]).name: f["status"] for f in report["files"]}
    copies = {statuses["blatt.png"], statuses["kopie.png"]}  # one copy is the record, the other its duplicate
    assert "duplicate" in copies and len(copies - {"duplicate"} & {"accepted", "needs_review"}) == 1
    assert (statuses["kaputt.pdf"], statuses["frisch.png"]) == ("rejected", "waiting")
    assert report["versions"]["tessdata_deu_sha256"] and report["versions"]["tesseract"].startswith("5.")

    lines = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    assert {line["event"] for line in lines} == {"stage", "file", "batch"}
    assert {line["stage"] for line in lines if line["event"] == "stage"} >= {"render", "ocr", "extract", "pdf"}
    assert {Path(line["file"]).name for line in lines if line["event"] == "file"} == set(statuses)

    # The next run finds only the file that has settled meanwhile.
    old(inbox["inbox"] / "frisch.png")
    again = run(inbox)
    assert again.exit_code == ExitCode.SUCCESS_WITH_REJECTIONS
    assert (inbox["failed"] / "frisch.png.reason.txt").exists()
    assert not any(p.is_file() for p in inbox["inbox"].rglob("*"))
    assert run(inbox).exit_code == ExitCode.NOTHING_TO_DO


def test_a_recorded_file_left_in_the_inbox_is_filed_on_the_next_run(inbox: dict[str, Path]) -> None:
    # As if a run had committed the record and died before moving the file.
    plain = CliRunner().invoke(main, ["ingest", str(inbox["inbox"] / "Stapel 1" / "blatt.png"),
                                      "--db", f"sqlite:///{inbox['db']}", "--workers", "1"])
    assert plain.exit_code == ExitCode.OK, plain.output
    run(inbox)
    assert (inbox["done"] / "Stapel 1" / "blatt.png").exists()


def test_second_ingest_on_the_same_database_is_locked_out(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'locked.sqlite'}"
    render_sheet(tmp_path / "blatt.png")
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time\n"
            "from baulast.db import Database\n"
            "from baulast.db.lock import ingest_lock\n"
            f"with ingest_lock(Database({url!r})):\n"
            "    print('locked', flush=True)\n"
            "    time.sleep(60)\n"
        )],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "blatt.png"), "--db", url, "--workers", "1"])
        assert result.exit_code == ExitCode.LOCKED
        assert "another ingest is running" in result.output
        assert time.monotonic() - started < 10  # at once, not after waiting
        with pytest.raises(Locked):
            with ingest_lock(Database(url)):
                pass
    finally:
        holder.kill()
        holder.wait()
    with ingest_lock(Database(url)):  # released when the holder died
        pass


@pytest.mark.parametrize("args, message", [
    pytest.param(["--inbox", "x", "y.pdf"], "not both", id="paths-and-inbox"),
    pytest.param(["--inbox", "."], "needs --done", id="inbox-without-done"),
    pytest.param(["y.pdf", "--done", "d"], "go with --inbox", id="done-without-inbox"),
    pytest.param([], "give the files", id="nothing"),
])
def test_cron_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["ingest", *args])
    assert result.exit_code == ExitCode.BAD_USAGE
    assert message in result.output


def test_missing_tesseract_language_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tessdata").mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "tessdata"))
    render_sheet(tmp_path / "blatt.png")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "blatt.png"), "--db", f"sqlite:///{tmp_path / 'x.sqlite'}"])
    assert result.exit_code == ExitCode.TOOLS_MISSING
    assert "no language data for deu" in result.output

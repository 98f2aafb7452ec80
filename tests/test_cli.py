"""The CLI in-process with click's CliRunner: help, exit codes, output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

from baulast.cli import main
from baulast.errors import ExitCode
from tests.conftest import SCHEMA

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SHEET = [
    "Stadt Kaarst - Der Bürgermeister - Bauaufsicht",
    "Baulastenverzeichnis",
    "Baulastenblatt Nr. 815",
    "Gemarkung Büttgen, Flur 12, Flurstück 77/3",
    "",
    "Lfd. Nr.   Inhalt der Eintragung                     Bemerkungen",
    "1          Der Eigentümer übernimmt eine Stellplatz-   Eingetragen am",
    "           baulast für zwei Einstellplätze.            14.08.2001",
]


def render_sheet(path: Path) -> None:
    """A clean one-page Baulastenblatt as PNG at 300 dpi."""
    image = Image.new("L", (2480, 1500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 44)
    for index, line in enumerate(SHEET):
        draw.text((150, 150 + 95 * index), line, font=font, fill=0)
    image.save(path, dpi=(300, 300))


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A database with one ingested clean sheet and one broken file; returns (URL, scans folder)."""
    folder = tmp_path_factory.mktemp("cli")
    scans = folder / "scans"
    scans.mkdir()
    render_sheet(scans / "blatt 815 Büttgen.png")
    (scans / "kaputt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    (scans / "notes.txt").write_text("not a scan")
    url = f"sqlite:///{folder / 'cli.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(scans), "--db", url, "--workers", "1",
                                       "--report", str(folder / "report.json")])
    assert result.exit_code == ExitCode.SUCCESS_WITH_REJECTIONS, result.output
    return url, scans


@pytest.mark.parametrize("command", ["ingest", "search", "show", "export", "eval"])
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 5


def test_ingest_summary_report_and_rejection(small_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url, scans = small_db
    report = json.loads((Path(url.removeprefix("sqlite:///")).parent / "report.json").read_text())
    assert report["totals"]["files"] == 2 and report["totals"]["rejected"] == 1
    assert report["totals"]["skipped"] == 1
    statuses = {Path(f["path"]).name: (f["status"], f["reason"]) for f in report["files"]}
    assert statuses["kaputt.pdf"][0] == "rejected" and "PDF" in statuses["kaputt.pdf"][1]
    assert statuses["blatt 815 Büttgen.png"][0] in ("accepted", "needs_review")
    assert report["versions"]["tesseract"].startswith("5.")


def test_ingest_again_is_nothing_to_do(small_db) -> None:  # type: ignore[no-untyped-def]
    url, scans = small_db
    result = CliRunner().invoke(main, ["ingest", str(scans / "blatt 815 Büttgen.png"), "--db", url, "--workers", "1"])
    assert result.exit_code == ExitCode.NOTHING_TO_DO
    assert "Nothing new" in result.output


def test_search_by_parcel_number_and_words(small_db) -> None:  # type: ignore[no-untyped-def]
    url, _ = small_db
    runner = CliRunner()
    table = runner.invoke(main, ["search", "--db", url, "--parcel", "Gemarkung Büttgen, Flur 12, Flurstück 77/3"])
    assert table.exit_code == 0 and "815" in table.output and "Kaarst" in table.output
    as_json = runner.invoke(main, ["search", "--db", url, "--nr", "0815", "--format", "json"])
    (hit,) = [json.loads(line) for line in as_json.output.splitlines()]
    assert hit["register_number"] == "815" and hit["id"] == hit["record_id"]
    assert hit["parcels"] == [{"gemarkung": "Büttgen", "flur": 12, "flurstueck": "77/3"}]
    assert hit["score"] is None and hit["snippet"] is None  # no words, no text match
    words = runner.invoke(main, ["search", "--db", url, "einstellplatze", "--format", "json"])
    by_words = json.loads(words.output.splitlines()[0])
    assert by_words["record_id"] == hit["record_id"] and isinstance(by_words["score"], float)
    assert "«" in by_words["snippet"]
    as_csv = runner.invoke(main, ["search", "--db", url, "--parcel", "Büttgen 12 77/3", "--format", "csv"])
    header, row = as_csv.output.splitlines()[:2]
    assert header.startswith("record_id,municipality,register_number,parcels")
    assert row.startswith(f"{hit['record_id']},Kaarst,815,Büttgen 12 77/3,")
    nothing = runner.invoke(main, ["search", "--db", url, "--parcel", "Zons 1 1"])
    assert nothing.exit_code == 0 and "0 record(s)" in nothing.output


@pytest.mark.parametrize("args, message", [
    pytest.param([], "at least one criterion", id="no-criterion"),
    pytest.param(["--parcel", "???"], "cannot read", id="bad-parcel"),
    pytest.param(["--from", "gestern", "x"], "cannot read", id="bad-date"),
])
def test_search_usage_errors(small_db, args, message) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["search", "--db", small_db[0], *args])
    assert result.exit_code == ExitCode.BAD_USAGE
    assert message in result.output


def test_show_and_export(small_db) -> None:  # type: ignore[no-untyped-def]
    url, _ = small_db
    runner = CliRunner()
    lines = [json.loads(line) for line in runner.invoke(main, ["export", "--db", url]).output.splitlines()]
    assert len(lines) == 2
    for line in lines:
        jsonschema.validate(line, SCHEMA)
    record = next(line for line in lines if line["status"] != "rejected")
    shown = runner.invoke(main, ["show", str(record["id"]), "--db", url])
    assert shown.exit_code == 0 and "register_number" in shown.output and "searchable PDF" in shown.output
    pdf = json.loads(runner.invoke(main, ["show", str(record["id"]), "--db", url, "--format", "json"]).output)["pdf"]
    assert Path(pdf).read_bytes().startswith(b"%PDF")
    missing = runner.invoke(main, ["show", "99999", "--db", url])
    assert missing.exit_code == ExitCode.BAD_USAGE and "no record" in missing.output


def test_bad_and_unreachable_database(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["export", "--db", "not a url"])
    assert bad.exit_code == ExitCode.BAD_USAGE
    unreachable = runner.invoke(main, ["export", "--db", "sqlite:////proc/no/such/dir/x.sqlite"])
    assert unreachable.exit_code == ExitCode.DATABASE_UNREACHABLE, unreachable.output


def test_export_an_auskunft_for_a_parcel(small_db) -> None:  # type: ignore[no-untyped-def]
    url, _ = small_db
    runner = CliRunner()
    as_csv = runner.invoke(main, ["export", "--db", url, "--parcel", "Büttgen Flur 12 Flst. 77/3", "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    header, row = as_csv.output.splitlines()
    assert header.split(",")[:5] == ["record_id", "municipality", "register_number", "parcels", "date"]
    assert ",Kaarst,815,Büttgen 12 77/3," in row
    as_json = json.loads(runner.invoke(main, ["export", "--db", url, "--parcel", "Büttgen 12 77/3",
                                              "--format", "json"]).output)
    assert as_json["count"] == 1 and as_json["query"]["parcel"] == "Büttgen 12 77/3"
    jsonschema.validate(as_json["records"][0], SCHEMA)
    none = json.loads(runner.invoke(main, ["export", "--db", url, "--parcel", "Zons 1 1", "--format", "json"]).output)
    assert none["count"] == 0 and none["records"] == []

"""The review workflow: list, show with crops, set with history, accept only when valid."""

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
from tests.test_cli import FONT, SHEET

UNDATED = [line.replace("14.08.2001", "") for line in SHEET]  # the entry date is missing


@pytest.fixture
def db_with_uncertain_record(tmp_path: Path) -> tuple[str, int]:
    """A database holding one needs_review record (no Eintragungsdatum on the sheet)."""
    image = Image.new("L", (2480, 1500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 44)
    for index, line in enumerate(UNDATED):
        draw.text((150, 150 + 95 * index), line, font=font, fill=0)
    image.save(tmp_path / "undatiert.png", dpi=(300, 300))
    url = f"sqlite:///{tmp_path / 'review.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "undatiert.png"), "--db", url, "--workers", "1"])
    assert result.exit_code == ExitCode.NOTHING_TO_DO or result.exit_code == ExitCode.OK, result.output
    (line,) = CliRunner().invoke(main, ["export", "--db", url]).output.splitlines()
    record = json.loads(line)
    assert record["status"] == "needs_review" and record["date"] is None
    return url, record["id"]


def test_review_list_show_set_accept(db_with_uncertain_record, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, record_id = db_with_uncertain_record
    runner = CliRunner()
    listed = runner.invoke(main, ["review", "list", "--db", url, "--format", "json"])
    (item,) = [json.loads(line) for line in listed.output.splitlines()]
    assert item["record_id"] == record_id and any("date" in reason for reason in item["reasons"])

    shown = runner.invoke(main, ["review", "show", str(record_id), "--db", url, "--crops", str(tmp_path / "crops")])
    assert shown.exit_code == 0, shown.output
    crop = tmp_path / "crops" / f"record-{record_id}-register_number.png"
    assert crop.exists() and 20 < Image.open(crop).width < 2480

    refused = runner.invoke(main, ["review", "accept", str(record_id), "--db", url, "--user", "anna"])
    assert refused.exit_code == ExitCode.BAD_USAGE and "date not found" in refused.output

    bad = runner.invoke(main, ["review", "set", str(record_id), "--db", url, "--parcels", "Atlantis 1 1"])
    assert bad.exit_code == ExitCode.BAD_USAGE and "Gemarkung" in bad.output

    corrected = runner.invoke(main, ["review", "set", str(record_id), "--db", url, "--date", "14.08.2001",
                                     "--parcels", "Büttgen 12 77/3; Büttgen 12 78", "--user", "anna"])
    assert corrected.exit_code == 0, corrected.output
    accepted = runner.invoke(main, ["review", "accept", str(record_id), "--db", url, "--user", "anna"])
    assert accepted.exit_code == 0, accepted.output

    (line,) = runner.invoke(main, ["export", "--db", url]).output.splitlines()
    record = json.loads(line)
    jsonschema.validate(record, SCHEMA)
    assert record["status"] == "accepted" and record["date"] == "2001-08-14"
    assert record["parcels"] == [{"gemarkung": "Büttgen", "flur": 12, "flurstueck": "77/3"},
                                 {"gemarkung": "Büttgen", "flur": 12, "flurstueck": "78"}]
    history = {(c["field"], c["user"]) for c in record["corrections"]}
    assert history == {("date", "anna"), ("parcels", "anna"), ("status", "anna")}
    date_change = next(c for c in record["corrections"] if c["field"] == "date")
    assert date_change["old_value"] is None and date_change["new_value"] == "2001-08-14" and date_change["at"]
    assert not [f for f in record["findings"] if f["severity"] == "error"]

    found = runner.invoke(main, ["search", "--db", url, "--parcel", "Büttgen 12 78", "--format", "json"])
    assert json.loads(found.output.splitlines()[0])["record_id"] == record_id
    assert runner.invoke(main, ["review", "list", "--db", url, "--format", "json"]).output == ""


def test_review_set_needs_a_change_and_a_record(db_with_uncertain_record) -> None:  # type: ignore[no-untyped-def]
    url, record_id = db_with_uncertain_record
    nothing = CliRunner().invoke(main, ["review", "set", str(record_id), "--db", url])
    assert nothing.exit_code == ExitCode.BAD_USAGE and "nothing to set" in nothing.output
    missing = CliRunner().invoke(main, ["review", "set", "999", "--db", url, "--date", "1.1.2000"])
    assert missing.exit_code == ExitCode.BAD_USAGE and "no record" in missing.output


@pytest.mark.parametrize("command", ["list", "show", "set", "accept"])
def test_review_commands_have_help(command: str) -> None:
    result = CliRunner().invoke(main, ["review", command, "--help"])
    assert result.exit_code == 0 and len(result.output.splitlines()) > 4

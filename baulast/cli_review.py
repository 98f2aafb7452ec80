"""`baulast review`: the archivists' queue of uncertain records, on the command line."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from baulast.cli import (
    _open,
    _print_record,
    console,
    db_option,
    handle_errors,
    load_record,
    plain,
)
from baulast.errors import BadUsage


def _user(user: str | None) -> str:
    """Who is reviewing: --user, else the login name."""
    return user or getpass.getuser()


@click.group()
def review() -> None:
    """Work through the records the pipeline was unsure of: list, show, correct, accept."""


@review.command(name="list")
@db_option
@click.option("--municipality", "municipalities", multiple=True, help="Only this municipality (repeatable).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=100, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def list_queue(db_url: str | None, store_dir: str | None, municipalities: tuple[str, ...], limit: int,
               output_format: str) -> None:
    """List records waiting for review, oldest first, with the reasons they wait."""
    from baulast.db.review import review_queue

    items = review_queue(_open(db_url, store_dir), frozenset(municipalities) if municipalities else None, limit)
    if output_format == "json":
        for item in items:
            click.echo(json.dumps(item.__dict__, ensure_ascii=False))
        return
    table = Table("ID", "File", "Municipality", "Nr.", "Why it waits", title=f"{len(items)} record(s) to review",
                  title_justify="left")
    for item in items:
        table.add_row(str(item.record_id), escape(item.filename), escape(item.municipality or "–"),
                      escape(item.register_number or "–"), escape("; ".join(item.reasons)))
    console.print(table)


@review.command(name="show")
@click.argument("record_id", type=int)
@db_option
@click.option("--crops", "crops_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("baulast-review"),
              show_default=True, help="Folder for the PNG crops of each field's evidence.")
@handle_errors
def show_for_review(record_id: int, db_url: str | None, store_dir: str | None, crops_dir: Path) -> None:
    """Show a record's fields with their evidence, and save the page crop of each field as PNG."""
    from pipeline.crops import save_field_crops

    data = load_record(_open(db_url, store_dir), record_id)
    _print_record(data)
    pdf = Path(data["pdf"]) if data["pdf"] else None
    if pdf is not None and pdf.exists():
        for name, path in save_field_crops(pdf, data["fields"], data["page_widths"], crops_dir, record_id).items():
            plain.print(f"crop of {name}: {path}")
    for correction in data["corrections"]:
        plain.print(f"corrected {correction['field']}: {correction['old_value']} → {correction['new_value']} "
                    f"by {correction['user']} at {correction['at']}")


@review.command(name="set")
@click.argument("record_id", type=int)
@db_option
@click.option("--municipality", help="Corrected municipality.")
@click.option("--register-number", help="Corrected Baulastenblatt-Nr.")
@click.option("--parcels", help='Corrected burdened parcels, ";" between them: "Zons 3 123/4; Zons 3 125".')
@click.option("--date", "date_text", help="Corrected Eintragungsdatum (12.03.1987 or 1987-03-12).")
@click.option("--user", help="Who corrects [default: your login name].")
@handle_errors
def set_fields(record_id: int, db_url: str | None, store_dir: str | None, municipality: str | None,
               register_number: str | None, parcels: str | None, date_text: str | None, user: str | None) -> None:
    """Correct fields of a record; each change keeps who, when and the previous value."""
    from baulast.corrections import parse_corrections
    from baulast.db.review import correct
    from baulast.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    changes = parse_corrections(gazetteer, municipality=municipality, register_number=register_number,
                                parcels=parcels, date=date_text, prefix="--")
    if not changes:
        raise BadUsage("nothing to set: give --municipality, --register-number, --parcels or --date")
    correct(_open(db_url, store_dir), record_id, changes, _user(user), gazetteer)
    plain.print(f"Record {record_id}: set {', '.join(changes)}. Accept it with: baulast review accept {record_id}")


@review.command(name="accept")
@click.argument("record_id", type=int)
@db_option
@click.option("--user", help="Who accepts [default: your login name].")
@handle_errors
def accept_record(record_id: int, db_url: str | None, store_dir: str | None, user: str | None) -> None:
    """Accept a reviewed record into the register (refused while a check still fails)."""
    from baulast.db.review import accept
    from baulast.gazetteer import Gazetteer

    problems = accept(_open(db_url, store_dir), record_id, _user(user), Gazetteer.load())
    if problems:
        raise BadUsage(f"record {record_id} cannot be accepted yet: " + "; ".join(problems)
                       + f". Correct it with: baulast review set {record_id} ...")
    plain.print(f"Record {record_id} accepted.")

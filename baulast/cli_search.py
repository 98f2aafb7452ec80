"""`baulast search` and `baulast export`: what clerks ask of the register, for people and scripts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, TextIO

import click
from rich.markup import escape
from rich.table import Table

from baulast.cli import _open, console, db_option, handle_errors
from baulast.errors import BadUsage

STATUSES = ("accepted", "needs_review", "rejected")
CSV_COLUMNS = ("record_id", "municipality", "register_number", "parcels", "date", "types", "deleted",
               "status", "score", "snippet", "filename")


def _parse_date(value: str | None, option: str) -> dt.date | None:
    """A --from/--to date in ISO or German form."""
    if value is None:
        return None
    from baulast.dates import parse_german_date

    parsed = parse_german_date(value)
    if parsed is None:
        raise BadUsage(f"{option}: cannot read {value!r} as a date (use 1987-03-12 or 12.03.1987)")
    return parsed


def build_query(parcel: str | None = None, register_number: str | None = None, municipality: str | None = None,
                date_from: str | None = None, date_to: str | None = None, status: str | None = None,
                words: tuple[str, ...] = (), limit: int = 50, baulast_type: str | None = None,
                exact: bool = False, offset: int = 0):  # type: ignore[no-untyped-def]
    """A SearchQuery from command-line options, with clear errors for what cannot be read."""
    from baulast.db.search import SearchQuery
    from baulast.gazetteer import Gazetteer
    from baulast.parcels import parse_parcel_query
    from baulast.regnum import normalize_register_number

    parcel_query = None
    if parcel:
        parcel_query = parse_parcel_query(parcel, Gazetteer.load())
        if parcel_query is None:
            raise BadUsage(f"--parcel: cannot read {parcel!r} (try \"Zons 3 123/4\", "
                           "\"Gemarkung Zons, Flur 3, Flurstück 123/4\" or an ALKIS Flurstückskennzeichen)")
    number = None
    if register_number:
        number = normalize_register_number(register_number)
        if number is None:
            raise BadUsage(f"--register-number: {register_number!r} holds no number")
    return SearchQuery(
        parcel=parcel_query, register_number=number, municipality=municipality, baulast_type=baulast_type,
        date_from=_parse_date(date_from, "--from"), date_to=_parse_date(date_to, "--to"),
        words=" ".join(words) or None, fuzzy=not exact, status=status, limit=limit, offset=offset,
    )


def _criteria_given(query) -> bool:  # type: ignore[no-untyped-def]
    return any((query.parcel, query.register_number, query.municipality, query.baulast_type, query.date_from,
                query.date_to, query.words, query.status))


def _hit_row(hit) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The flat form of a hit, for CSV."""
    from baulast.db.searchtext import snippet_plain

    return {
        "record_id": hit.record_id, "municipality": hit.municipality or "", "register_number": hit.register_number or "",
        "parcels": "; ".join(hit.parcels), "date": hit.date.isoformat() if hit.date else "",
        "types": "; ".join(hit.types), "deleted": "yes" if hit.deleted else "no", "status": hit.status,
        "score": "" if hit.score is None else hit.score, "snippet": snippet_plain(list(hit.snippet)),
        "filename": hit.filename,
    }


def _write_csv(rows: list[dict[str, Any]], output: TextIO) -> None:
    writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


@click.command()
@click.argument("words", nargs=-1)
@db_option
@click.option("--parcel", help='A parcel in any usual notation: "Zons 3 123/4", "Gemarkung Zons, Flur 3, '
                                'Flurstück 123/4", "Zons 120-125", or an ALKIS Flurstückskennzeichen.')
@click.option("--register-number", "--nr", "register_number", help="Baulastenblatt-Nr., e.g. 1234 or 512a.")
@click.option("--municipality", help="Only records of this municipality.")
@click.option("--type", "baulast_type", help="Only records with an entry of this type, e.g. Stellplatzbaulast.")
@click.option("--from", "date_from", help="Eintragungsdatum on or after (1987-03-12 or 12.03.1987).")
@click.option("--to", "date_to", help="Eintragungsdatum on or before.")
@click.option("--status", type=click.Choice(STATUSES), help="Only records with this status.")
@click.option("--exact", is_flag=True, help="Match the words only as written (no widening to OCR misreadings).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many hits (paging).")
@click.option("--format", "output_format", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="json: one object per line with score, snippet and the record's export fields.")
@handle_errors
def search(words: tuple[str, ...], db_url: str | None, store_dir: str | None, parcel: str | None,
           register_number: str | None, municipality: str | None, baulast_type: str | None, date_from: str | None,
           date_to: str | None, status: str | None, exact: bool, limit: int, offset: int, output_format: str) -> None:
    """Find records by words, parcel, register number, municipality, type, date range and status.

    Words match German word forms ("Abstandfläche" finds "Abstandflächen") and, unless
    --exact, the misreadings OCR made of them. Deleted entries are marked.
    """
    from baulast.db.records import export_records
    from baulast.db.search import search as run_search
    from baulast.db.searchtext import snippet_plain

    query = build_query(parcel, register_number, municipality, date_from, date_to, status, words, limit,
                        baulast_type, exact, offset)
    if not _criteria_given(query):
        raise BadUsage("give at least one criterion: words, --parcel, --register-number, --municipality, "
                       "--type, --from/--to or --status")
    database = _open(db_url, store_dir)
    hits = run_search(database, query)
    if output_format == "json":
        exported = export_records(database, [hit.record_id for hit in hits])
        for hit in hits:
            click.echo(json.dumps({
                "record_id": hit.record_id, "score": hit.score, "snippet": snippet_plain(list(hit.snippet)) or None,
                "page": hit.page, "deleted": hit.deleted, **exported[hit.record_id],
            }, ensure_ascii=False))
        return
    if output_format == "csv":
        buffer = io.StringIO()
        _write_csv([_hit_row(hit) for hit in hits], buffer)
        click.echo(buffer.getvalue(), nl=False)
        return
    table = Table(title=f"{len(hits)} record(s)", title_justify="left")
    for column in ("ID", "Municipality", "Nr.", "Parcels", "Date", "Type", "Status", "File"):
        table.add_column(column)
    for hit in hits:
        kind = "; ".join(hit.types) or "–"
        cells = (str(hit.record_id), hit.municipality or "–", hit.register_number or "–",
                 "; ".join(hit.parcels) or "–", hit.date.strftime("%d.%m.%Y") if hit.date else "–",
                 kind + (" (gelöscht)" if hit.deleted else ""), hit.status, hit.filename)
        table.add_row(*(escape(cell) for cell in cells))
        if hit.snippet:
            table.add_row("", "", "", f"[dim]{escape(snippet_plain(list(hit.snippet)))}[/dim]", "", "", "", "")
    console.print(table)


@click.command()
@db_option
@click.option("--parcel", help="Only the records burdening this parcel (an Auskunft), in any notation.")
@click.option("--municipality", help="Only records of this municipality.")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "json", "csv"]), default="jsonl",
              show_default=True, help="jsonl: one object per input file; json: one document; csv: one row per record.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File to write [default: stdout].")
@handle_errors
def export(db_url: str | None, store_dir: str | None, parcel: str | None, municipality: str | None,
           output_format: str, output: TextIO) -> None:
    """Export records (see schemas/baulast-record.schema.json).

    Without --parcel/--municipality: every input file with its outcome. With --parcel: the
    Baulasten that burden that parcel, e.g. `baulast export --parcel "Zons 3 123/4" --format csv`.
    """
    from baulast.db.records import export_all, export_records
    from baulast.db.search import search as run_search

    database = _open(db_url, store_dir)
    if parcel or municipality:
        query = build_query(parcel=parcel, municipality=municipality, limit=100_000)
        hits = run_search(database, query)
        exported = export_records(database, [hit.record_id for hit in hits])
        items = [exported[hit.record_id] for hit in hits]
    else:
        hits, items = [], export_all(database)
    if output_format == "jsonl":
        for item in items:
            output.write(json.dumps(item, ensure_ascii=False) + "\n")
    elif output_format == "json":
        document = {
            "query": {"parcel": parcel, "municipality": municipality},
            "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "count": len(items), "records": items,
        }
        output.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        _write_csv([_export_row(item) for item in items], output)


def _export_row(item: dict[str, Any]) -> dict[str, Any]:
    """An export object as one CSV row."""
    entries = item["entries"]
    return {
        "record_id": item["id"], "municipality": item["municipality"] or "",
        "register_number": item["register_number"] or "",
        "parcels": "; ".join(" ".join(str(v) for v in (p["gemarkung"], p["flur"], p["flurstueck"]) if v is not None)
                             for p in item["parcels"]),
        "date": item["date"] or "", "types": "; ".join(dict.fromkeys(e["type"] for e in entries if e["type"])),
        "deleted": "yes" if entries and all(e["deleted_on"] for e in entries) else "no",
        "status": item["status"], "score": "", "snippet": "", "filename": item["source"]["filename"],
    }

"""The `baulast` command: a thin click layer over the library; errors become exit codes here."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from baulast import __version__
from baulast.errors import BadUsage, BaulastError, ExitCode

console = Console()
err_console = Console(stderr=True)
# OCR text, file names and reasons are data: never read "[...]" in them as rich markup.
plain = Console(markup=False, highlight=False)


def db_option(function: Callable) -> Callable:
    """The --db and --store options every command shares."""
    function = click.option(
        "--store", "store_dir", envvar="BAULAST_STORE", type=click.Path(file_okay=False),
        help="Folder of the searchable PDFs [default: store/ next to a SQLite file; env BAULAST_STORE].",
    )(function)
    return click.option(
        "--db", "db_url", envvar="BAULAST_DB", metavar="URL",
        help="Database URL, e.g. sqlite:///baulast.sqlite or postgresql+psycopg://user@host/db "
             "[default: sqlite:///baulast-data/baulast.sqlite; env BAULAST_DB].",
    )(function)


def handle_errors(function: Callable) -> Callable:
    """Turn a BaulastError into its message on stderr and its exit code."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except BaulastError as exc:
            err_console.print("[red]error:[/red]", escape(str(exc)), highlight=False)
            sys.exit(int(exc.exit_code))

    return wrapper


def _open(db_url: str | None, store_dir: str | None):  # type: ignore[no-untyped-def]
    """Open the database (imported late so `baulast --help` stays fast)."""
    from baulast.db import Database

    return Database(db_url, store_dir)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baulast")
def main() -> None:
    """Scanned Baulast files in, checked and searchable e-file records out.

    Archive staff ingest scan batches; clerks search by parcel, register number, date and
    words. Every command takes --db (env BAULAST_DB); the default is a SQLite file in
    ./baulast-data.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@click.option("--workers", "-j", type=click.IntRange(min=1), help="Worker processes [default: all cores].")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), help="Write the batch report as JSON here.")
@click.option("--log-file", metavar="FILE", help="Append structured log lines (JSON, one per file and stage); - for stderr.")
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path),
              help="Cron mode: ingest this folder and file each finished scan away (needs --done and --failed).")
@click.option("--done", "done_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Cron mode: where recorded scans (and duplicates) are moved.")
@click.option("--failed", "failed_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Cron mode: where rejected scans are moved, each with a .reason.txt.")
@click.option("--settle", type=click.FloatRange(min=0), default=None,
              help="Leave files written less than this many seconds ago [default: 60 with --inbox, else 0].")
@click.option("--dpi", type=click.IntRange(100, 600), default=300, show_default=True, help="Resolution for rendering PDF pages.")
@click.option("--page-timeout", type=click.FloatRange(min=1), default=180, show_default=True, help="Seconds OCR may take per page.")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), help="CSV of municipality,gemarkung[,gemarkungsnummer] [default: the shipped list].")
@click.option("--scheduler", metavar="ADDRESS", envvar="BAULAST_SCHEDULER",
              help="Read the files on a Dask cluster, e.g. tcp://host:8786 (workers need baulast and Tesseract); "
                   "this process still writes the database [env BAULAST_SCHEDULER].")
@click.option("--shared-paths", is_flag=True,
              help="With --scheduler: the workers read the files at the same paths (a shared folder) "
                   "instead of being sent them.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on a terminal.")
@handle_errors
def ingest(paths: tuple[str, ...], db_url: str | None, store_dir: str | None, workers: int | None,
           report: Path | None, log_file: str | None, inbox: Path | None, done_dir: Path | None,
           failed_dir: Path | None, settle: float | None, dpi: int, page_timeout: float, gazetteer: str | None,
           scheduler: str | None, shared_paths: bool, progress: bool) -> None:
    """Ingest scanned files and folders (PDF, TIFF, JPEG, PNG) into the database.

    Every input file ends as a record (accepted or needs_review), a duplicate of an earlier
    record, or a rejection with a one-line reason. Files already ingested are not read again.
    Only one ingest runs per database at a time; a second one exits with code 5.

    Cron mode (--inbox DIR --done DIR --failed DIR) moves each scan out of the inbox once its
    outcome is committed, and leaves files that are still being written for the next run.

    With --scheduler the files are read on a Dask cluster; a worker lost mid-batch loses no
    file. If the scheduler goes away, the command exits with code 8 and the next run
    finishes the batch.
    """
    if inbox is not None:
        if paths:
            raise BadUsage("give either PATHS or --inbox, not both")
        if done_dir is None or failed_dir is None:
            raise BadUsage("--inbox needs --done DIR and --failed DIR")
        if not inbox.is_dir():
            raise BadUsage(f"--inbox: {inbox} is not a folder")
        paths = (str(inbox),)
    elif not paths:
        raise BadUsage("give the files or folders to ingest, or --inbox DIR")
    elif done_dir or failed_dir:
        raise BadUsage("--done and --failed go with --inbox")
    if shared_paths and not scheduler:
        raise BadUsage("--shared-paths goes with --scheduler")

    from pipeline.pool import default_workers, start_server

    workers = workers or default_workers()
    if workers > 1 and not scheduler:
        start_server()  # the workers' server imports beside this process's own imports, checks and hashing

    from baulast.db.lock import ingest_lock
    from baulast.options import IngestOptions, TaskOptions
    from pipeline.inbox import file_away
    from pipeline.logs import log_to
    from pipeline.ocr import check_tools
    from pipeline.report import print_summary, write_report
    from pipeline.run import ingest as run_ingest

    options = IngestOptions(
        paths=paths, db_url=db_url, store_dir=store_dir, workers=workers,
        settle=settle if settle is not None else (60.0 if inbox else 0.0),
        task=TaskOptions(dpi=dpi, page_timeout=page_timeout, gazetteer_path=gazetteer),
        scheduler=scheduler, shared_paths=shared_paths,
    )
    log_to(log_file)
    if not scheduler:  # a cluster's workers are checked when the batch starts
        check_tools(options.task.lang)
    database = _open(db_url, store_dir)
    with ingest_lock(database), Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err_console, disable=not progress, transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def on_progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage.capitalize(), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        summary = run_ingest(options, on_progress, db=database)
        if inbox is not None:
            file_away(summary, database, inbox, done_dir, failed_dir)
    print_summary(summary, console)
    if report:
        write_report(summary, report)
        console.print(f"Report written to {report}")
    totals = summary.totals()
    if totals["rejected"]:
        sys.exit(int(ExitCode.SUCCESS_WITH_REJECTIONS))
    if totals["accepted"] + totals["needs_review"] == 0:
        sys.exit(int(ExitCode.NOTHING_TO_DO))


@main.command()
@click.argument("record_id", type=int)
@db_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def show(record_id: int, db_url: str | None, store_dir: str | None, output_format: str) -> None:
    """Show one record: its fields with confidence and evidence, findings, entries and files."""
    data = load_record(_open(db_url, store_dir), record_id)
    if output_format == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_record(data)


def load_record(database, record_id: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """A record's view for showing it, or a clear error when there is none."""
    from baulast.db.records import record_view

    data = record_view(database, record_id)
    if data is None:
        raise BadUsage(f"no record with id {record_id}")
    return data


def _print_record(data: dict[str, Any]) -> None:
    """A record as a clerk reads it: fields with confidence and evidence, then the rest."""
    source = data["source"]
    plain.print(f"Record {data['id']}  {source['filename']}  ({source['pages']} page(s))  "
                f"status: {data['status']}")
    if data["error"]:
        plain.print(f"reason: {data['error']}")
    table = Table("Field", "Value", "Confidence", "Evidence (page: text)")
    for name, field in data["fields"].items():
        value = field["value"]
        if name == "parcels":
            value = "; ".join(f"{p['gemarkung']} {p['flur'] or ''} {p['flurstueck']}" for p in value)
        table.add_row(name, str(value), f"{field['confidence']:.2f}", f"{field['page']}: {field['text']}")
    plain.print(table)
    for entry in data["entries"]:
        deleted = f", gelöscht am {entry['deleted_on']}" if entry["deleted_on"] else ""
        plain.print(f"Lfd. Nr. {entry['lfd_nr']}: {entry['type']}, eingetragen am {entry['registered_on']}{deleted}")
    for finding in data["findings"]:
        plain.print(f"{finding['severity']}: {finding['message']}")
    plain.print(f"original: {source['path']}")
    plain.print(f"searchable PDF: {data['pdf']}")


@main.command(name="eval")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--workers", "-j", type=click.IntRange(min=1), help="Worker processes [default: all cores].")
@click.option("--keep-db", type=click.Path(dir_okay=False), help="Keep the evaluation database at this path.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def evaluate(folder: str, workers: int | None, keep_db: str | None, as_json: bool) -> None:
    """Ingest a folder with *.truth.json files into a temporary database and score the fields."""
    from pipeline.evaluate import evaluate_folder, print_evaluation

    result = evaluate_folder(Path(folder), workers=workers, keep_db=keep_db)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_evaluation(result, console)



def _register_groups() -> None:
    """Attach the command groups that live in their own modules."""
    from baulast.cli_db import db
    from baulast.cli_review import review
    from baulast.cli_search import export, search
    from baulast.cli_users import audit_, serve, token, user

    for command in (search, export, review, db, user, token, audit_, serve):
        main.add_command(command)


_register_groups()

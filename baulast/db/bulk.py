"""Loading many records at once: an existing register's import, and the search benchmark.

Ingest saves one processed file per transaction, with its PDF and ledger row. A bulk load
instead takes records that already exist elsewhere (fields, parcels, entries and one page
of text each) and writes them in large batches of plain INSERTs (COPY on PostgreSQL),
with ids assigned here so that the child rows need no round trip. The text indexes are
kept by the database itself (FTS5 triggers, the generated tsvector); the fuzzy-search
vocabulary gets only the words it does not hold yet.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol

from sqlalchemy import func, insert, select, text

from baulast.db.database import Database
from baulast.db.models import PageRow, Record, RecordEntry, RecordField, RecordParcel
from baulast.db.searchtext import is_vocabulary, stem, words
from baulast.db.textindex import add_terms
from baulast.model import Parcel
from baulast.textnorm import name_key

BATCH = 2_000


class ParcelLike(Protocol):
    gemarkung: str
    flur: int | None
    flurstueck: str


class EntryLike(Protocol):
    lfd_nr: int
    type: str | None
    registered_on: dt.date | None
    deleted_on: dt.date | None


class RecordLike(Protocol):
    """What a bulk-loaded record must offer (bench.corpus.SeedRecord does)."""

    sha256: str
    filename: str
    path: str
    status: str
    municipality: str | None
    register_number: str | None
    date: dt.date | None
    parcels: Sequence[ParcelLike]
    entries: Sequence[EntryLike]
    text: str


@dataclass
class _Ids:
    record: int
    page: int
    parcel: int
    entry: int
    field: int


def _next_ids(session) -> _Ids:  # type: ignore[no-untyped-def]
    def after(column) -> int:  # type: ignore[no-untyped-def]
        return (session.scalar(select(func.max(column))) or 0) + 1

    return _Ids(after(Record.id), after(PageRow.id), after(RecordParcel.id), after(RecordEntry.id), after(RecordField.id))


def _rows(batch: Sequence[RecordLike], ids: _Ids) -> dict[str, list[dict[str, Any]]]:
    """The table rows of a batch of records, ids taken from (and advanced in) `ids`."""
    rows: dict[str, list[dict[str, Any]]] = {"records": [], "pages": [], "parcels": [], "entries": [], "fields": []}
    for item in batch:
        record_id = ids.record
        ids.record += 1
        rows["records"].append({
            "id": record_id, "sha256": item.sha256, "filename": item.filename, "path": item.path, "pages": 1,
            "status": item.status, "municipality": item.municipality, "register_number": item.register_number,
            "date": item.date, "sheet_page": 1,
        })
        rows["pages"].append({
            "id": ids.page, "record_id": record_id, "number": 1, "text": item.text, "mean_confidence": 90.0,
            "low_confidence_share": 0.05, "rotation": 0, "is_sheet": True,
        })
        ids.page += 1
        for position, parcel in enumerate(item.parcels):
            normalised = Parcel(parcel.gemarkung, parcel.flur, parcel.flurstueck)
            rows["parcels"].append({
                "id": ids.parcel, "record_id": record_id, "position": position, "gemarkung": parcel.gemarkung,
                "gemarkung_key": name_key(parcel.gemarkung), "flur": parcel.flur, "flurstueck": parcel.flurstueck,
                "zaehler": normalised.zaehler, "nenner": normalised.nenner,
            })
            ids.parcel += 1
        for entry in item.entries:
            rows["entries"].append({
                "id": ids.entry, "record_id": record_id, "lfd_nr": entry.lfd_nr, "type": entry.type,
                "registered_on": entry.registered_on, "deleted_on": entry.deleted_on,
            })
            ids.entry += 1
        for name, value in (("municipality", item.municipality), ("register_number", item.register_number),
                            ("date", item.date.isoformat() if item.date else None)):
            rows["fields"].append({
                "id": ids.field, "record_id": record_id, "name": name, "value": value, "confidence": 1.0,
                "page": 1, "bbox": None, "text": "bulk load",
            })
            ids.field += 1
    return rows


_TABLES = (("records", Record), ("pages", PageRow), ("parcels", RecordParcel), ("entries", RecordEntry),
           ("fields", RecordField))
_SEQUENCES = ("records", "pages", "record_parcels", "record_entries", "record_fields")


def insert_records(db: Database, items: Iterable[RecordLike], batch_size: int = BATCH,
                   progress: Callable[[int], None] | None = None) -> int:
    """Insert the records in batches, each batch one transaction; the number inserted.

    Writer threads store batches while this thread prepares the next, so the Python side
    (rows, stems, vocabulary) and the database's side (indexing) run on several cores at
    once: one writer for SQLite (one writer at a time is all it allows), two for PostgreSQL,
    whose server stems and indexes each connection's rows in a process of its own.
    """
    with db.session() as session:
        ids = _next_ids(session)
    jobs: queue.Queue[tuple[dict[str, list[dict[str, Any]]], set[str], int] | None] = queue.Queue(maxsize=2)
    failures: list[BaseException] = []
    done = 0

    def write() -> None:
        nonlocal done
        while (job := jobs.get()) is not None:
            if failures:
                continue  # drain the queue; the first failure is raised below
            rows, fresh, count = job
            try:
                _write(db, rows, fresh)
            except BaseException as exc:  # handed to the caller's thread
                failures.append(exc)
                continue
            with lock:
                done += count
                if progress is not None:
                    progress(done)

    lock = threading.Lock()
    writers = [threading.Thread(target=write, name=f"baulast-bulk-writer-{n}") for n in range(1 if db.is_sqlite else 2)]
    for writer in writers:
        writer.start()
    known_terms: set[str] = set()
    iterator = iter(items)
    try:
        while not failures and (batch := list(islice(iterator, batch_size))):
            first_page = ids.page
            rows = _rows(batch, ids)
            fresh: set[str] = set()
            stems = []
            for number, item in enumerate(batch):
                page_words = words(item.text)
                fresh.update(page_words)
                if db.is_sqlite:  # PostgreSQL stems in its generated column
                    stems.append({"id": first_page + number, "stems": " ".join(map(stem, page_words))})
            rows["fts"] = stems
            fresh = {w for w in fresh - known_terms if is_vocabulary(w)}
            known_terms |= fresh
            jobs.put((rows, fresh, len(batch)))
    finally:
        for writer in writers:
            jobs.put(None)
        for writer in writers:
            writer.join()
    if failures:
        raise failures[0]
    if not db.is_sqlite:
        with db.session() as session:
            for table in _SEQUENCES:
                session.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                ))
    return done


def _write(db: Database, rows: dict[str, list[dict[str, Any]]], fresh_terms: set[str]) -> None:
    """One batch in one transaction."""
    with db.session() as session:
        if db.is_sqlite:
            # The stems were computed beside this thread: write them to the text index here
            # instead of having the insert trigger compute them again, one page at a time.
            connection = session.connection()
            trigger = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'pages_fts_insert'"
            ).scalar_one()
            connection.exec_driver_sql("DROP TRIGGER pages_fts_insert")
            for key, model in _TABLES:
                if rows[key]:
                    connection.execute(insert(model.__table__), rows[key])
            connection.execute(text("INSERT INTO pages_fts(rowid, stems) VALUES (:id, :stems)"), rows["fts"])
            connection.exec_driver_sql(trigger)  # in the same transaction: nobody sees it missing
        else:
            _copy(session, rows)
        if fresh_terms:
            add_terms(session, fresh_terms)


def _copy(session, rows: dict[str, list[dict[str, Any]]]) -> None:  # type: ignore[no-untyped-def]
    """COPY the rows into PostgreSQL: several times faster than INSERT for large batches."""
    import json

    cursor = session.connection().connection.driver_connection.cursor()
    for key, model in _TABLES:
        table_rows = rows[key]
        if not table_rows:
            continue
        columns = list(table_rows[0])
        json_columns = {c for c in columns if c in ("value", "bbox")}
        names = ", ".join(f'"{c}"' for c in columns)
        with cursor.copy(f"COPY {model.__tablename__} ({names}) FROM STDIN") as copy:
            for row in table_rows:
                copy.write_row([json.dumps(row[c]) if c in json_columns and row[c] is not None else row[c]
                                for c in columns])


"""The ledger: one row per input file, written before work on it starts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from baulast.db.database import Database
from baulast.db.models import Batch, LedgerEntry, Record
from baulast.model import LedgerState, ScanFile, Status


@dataclass
class Plan:
    """What a batch has to do with the files it was given."""

    batch_id: int
    to_process: list[tuple[int, ScanFile]] = field(default_factory=list)  # (ledger id, file)
    already_done: list[ScanFile] = field(default_factory=list)
    duplicates: list[ScanFile] = field(default_factory=list)


def start_batch(db: Database) -> int:
    """Open a batch row and return its id."""
    with db.session() as session:
        batch = Batch()
        session.add(batch)
        session.flush()
        return batch.id


def finish_batch(db: Database, batch_id: int, totals: dict) -> None:
    """Close a batch row with its totals."""
    with db.session() as session:
        batch = session.get(Batch, batch_id)
        if batch is not None:
            batch.finished_at = dt.datetime.now(dt.UTC)
            batch.totals = totals


def register(db: Database, batch_id: int, scans: list[ScanFile]) -> Plan:
    """Write a ledger row for every new file and decide which files need work.

    A file already finished under the same path and content is left alone; a file whose
    content already has a record becomes a duplicate of it; of several identical new files
    only the first is processed (the others become duplicates when its record is saved).
    Rows left `pending` by an interrupted run are picked up again.
    """
    plan = Plan(batch_id=batch_id)
    with db.session() as session:
        for scan in scans:
            row = session.scalar(
                select(LedgerEntry).where(LedgerEntry.path == scan.path, LedgerEntry.sha256 == scan.sha256)
            )
            if row is None:
                row = LedgerEntry(
                    batch_id=batch_id, path=scan.path, sha256=scan.sha256, size=scan.size,
                    state=LedgerState.PENDING,
                )
                session.add(row)
                session.flush()
            elif row.state == LedgerState.DONE:
                plan.already_done.append(scan)
                continue
            elif row.state == LedgerState.DUPLICATE:
                plan.duplicates.append(scan)
                continue
            else:
                row.batch_id = batch_id  # a pending row from an interrupted run
            record_id = session.scalar(select(Record.id).where(Record.sha256 == scan.sha256))
            if record_id is not None:
                row.state, row.record_id = LedgerState.DUPLICATE, record_id
                plan.duplicates.append(scan)
            elif any(other.sha256 == scan.sha256 for _, other in plan.to_process):
                plan.duplicates.append(scan)  # resolved when the first copy's record is saved
            else:
                plan.to_process.append((row.id, scan))
    return plan


def register_unreadable(db: Database, batch_id: int, path: str, reason: str) -> int:
    """Account for a file that could not even be read to hash it: a rejected record with the
    reason, kept once per path however often the file is met again."""
    with db.session() as session:
        row = session.scalar(
            select(LedgerEntry).where(LedgerEntry.path == path, LedgerEntry.sha256.is_(None))
        )
        if row is not None and row.record is not None:
            row.batch_id, row.error = batch_id, reason
            row.record.error = reason
            return row.record.id
        record = Record(sha256=None, filename=path.rsplit("/", 1)[-1], path=path, pages=0,
                        status=Status.REJECTED.value, error=reason)
        session.add(record)
        session.flush()
        session.add(LedgerEntry(batch_id=batch_id, path=path, sha256=None, size=0, state=LedgerState.DONE,
                                error=reason, record_id=record.id))
        return record.id


def ledger_rows(db: Database, states: tuple[str, ...] | None = None) -> list[LedgerEntry]:
    """All ledger rows (optionally only some states), oldest first, with their records."""
    with db.session() as session:
        query = select(LedgerEntry).order_by(LedgerEntry.id)
        if states:
            query = query.where(LedgerEntry.state.in_(states))
        rows = list(session.scalars(query))
        for row in rows:
            _ = row.record  # load while the session is open
        return rows

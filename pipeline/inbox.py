"""Cron mode: after a batch is committed, file each inbox file away by its outcome.

A file leaves the inbox only once its outcome is in the database: recorded files (and
duplicates, and files an interrupted earlier run had already recorded) go to the done
folder, rejected files to the failed folder with a `.reason.txt` beside them. Files still
being written stay for the next run. Nothing is ever deleted or overwritten.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sqlalchemy import update

from baulast.db import Database
from baulast.db.models import LedgerEntry
from pipeline.run import BatchSummary

DONE_STATUSES = frozenset({"accepted", "needs_review", "duplicate", "unchanged"})


def free_name(target: Path) -> Path:
    """The target path, or with " (2)", " (3)" ... before the suffix if that name is taken."""
    candidate, number = target, 1
    while candidate.exists():
        number += 1
        candidate = target.with_name(f"{target.stem} ({number}){target.suffix}")
    return candidate


def _move(source: Path, inbox: Path, folder: Path) -> Path:
    """Move a file below `folder`, keeping its path relative to the inbox."""
    try:
        relative = source.relative_to(inbox)
    except ValueError:
        relative = Path(source.name)
    target = free_name(folder / relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(source), target)
    return target


def file_away(summary: BatchSummary, db: Database, inbox: Path, done: Path, failed: Path) -> None:
    """Move each finished inbox file to `done` or `failed` and note where it went."""
    inbox = inbox.resolve()
    for outcome in summary.files:
        source = Path(outcome.path)
        if outcome.status not in DONE_STATUSES | {"rejected"} or not source.exists():
            continue
        if outcome.status == "rejected":
            target = _move(source, inbox, failed)
            stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
            target.with_name(target.name + ".reason.txt").write_text(
                f"{outcome.reason}\n(baulast ingest, batch {summary.batch_id}, {stamp})\n", encoding="utf-8"
            )
        else:
            target = _move(source, inbox, done)
        outcome.moved_to = str(target)
        with db.session() as session:
            session.execute(
                update(LedgerEntry).where(LedgerEntry.path == outcome.path).values(moved_to=str(target))
            )

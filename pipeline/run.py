"""The batch: intake → pages → OCR → classify → extract → validate → store, file by file.

`ingest` is the driver: it writes the ledger, fans files out to workers and stores results.
The per-file task, `process_file` (pipeline.task), runs in the workers and touches no database.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from baulast.db import Database
from baulast.db.ledger import finish_batch, register, register_unreadable, start_batch
from baulast.db.records import save_result
from baulast.model import FileResult, ScanFile, Status
from baulast.options import IngestOptions
from pipeline.efile import batch_scratch, discard_pdf
from pipeline.intake import hash_file, list_inputs
from pipeline.pages import count_pages
from pipeline.pool import init_worker, worker_pool
from pipeline.task import gazetteer_for, process_file, unreadable_reason

__all__ = ["BatchSummary", "FileOutcome", "ingest", "process_file", "unreadable_reason"]

log = logging.getLogger("baulast.ingest")


def _settled(path: Path, settle: float) -> bool:
    """Whether a file was last written at least `settle` seconds ago."""
    return time.time() - path.stat().st_mtime >= settle


@dataclass
class FileOutcome:
    """One input file's line in the batch report."""

    path: str
    status: str  # accepted / needs_review / rejected / duplicate / unchanged / waiting
    reason: str | None = None
    record_id: int | None = None
    pages: int = 0
    seconds: float = 0.0
    moved_to: str | None = None  # where inbox mode filed the file


@dataclass
class BatchSummary:
    """Totals of one ingest run, and what happened to each file."""

    batch_id: int | None = None
    files: list[FileOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        """How many files ended with this status."""
        return sum(1 for f in self.files if f.status == status)

    @property
    def pages(self) -> int:
        """Pages processed in this run."""
        return sum(f.pages for f in self.files)

    @property
    def pages_per_minute(self) -> float:
        """Processing rate of this run."""
        return 60.0 * self.pages / self.seconds if self.seconds > 0 else 0.0

    def totals(self) -> dict[str, float | int]:
        """The numbers of the summary, by name."""
        return {
            "files": len(self.files),
            "pages": self.pages,
            "accepted": self.count("accepted"),
            "needs_review": self.count("needs_review"),
            "rejected": self.count("rejected"),
            "duplicates": self.count("duplicate"),
            "unchanged": self.count("unchanged"),
            "waiting": self.count("waiting"),
            "skipped": len(self.skipped),
            "seconds": round(self.seconds, 2),
            "pages_per_minute": round(self.pages_per_minute, 1),
        }


ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


def _results(todo: list[tuple[int, ScanFile]], options: IngestOptions):  # type: ignore[no-untyped-def]
    """(ledger id, result) pairs as workers finish them; a few files in flight per worker.

    If a worker process dies (killed for memory, a crash in a native library), the files it
    had in flight are read again one by one in fresh processes, so only the file that kills
    its worker is rejected and the batch goes on.
    """
    if options.scheduler:
        from pipeline.cluster import cluster_results  # Dask only where a cluster is asked for

        yield from cluster_results(todo, options)
        return
    # The workers' PDFs in the making live in one scratch folder per batch, so a worker that
    # dies mid-file leaves nothing behind once the batch is over (and a killed batch's folder
    # goes with the next batch on this machine).
    with batch_scratch() as scratch:
        yield from _local_results(todo, dataclasses.replace(
            options, task=dataclasses.replace(options.task, scratch_dir=scratch)))


def _local_results(todo: list[tuple[int, ScanFile]], options: IngestOptions):  # type: ignore[no-untyped-def]
    """(ledger id, result) pairs from worker processes on this machine (or this process alone)."""
    if options.workers <= 1:
        init_worker()
        for ledger_id, scan in todo:
            yield ledger_id, process_file(scan, options.task)
        return
    # Longest files first, so that no worker is left reading a long Akte alone at the end.
    queue = sorted(todo, key=lambda item: _pages_of(item[1]))  # pop() takes the longest
    while queue:
        suspects: list[tuple[int, ScanFile]] = []
        with worker_pool(options.workers) as pool:
            pending: dict[Future, tuple[int, ScanFile]] = {}
            while queue or pending:
                while queue and len(pending) < 2 * options.workers:
                    item = queue.pop()
                    pending[pool.submit(process_file, item[1], options.task)] = item
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    item = pending.pop(future)
                    try:
                        yield item[0], future.result()
                    except BrokenProcessPool:
                        suspects.append(item)
                        broken = True
                if broken:
                    suspects += list(pending.values())
                    break
        for ledger_id, scan in suspects:
            yield ledger_id, _alone(scan, options)


def _pages_of(scan: ScanFile) -> int:
    """How many pages a file has, as far as can be told without reading it (0 if not)."""
    try:
        return count_pages(Path(scan.path))
    except Exception:  # noqa: BLE001 - a file that cannot be counted is read (and judged) later
        return 0


def _alone(scan: ScanFile, options: IngestOptions) -> FileResult:
    """Process one file in a process of its own; a crash of that process rejects the file."""
    with worker_pool(1) as pool:
        try:
            return pool.submit(process_file, scan, options.task).result()
        except BrokenProcessPool:
            return FileResult(
                source=scan, status=Status.REJECTED,
                error="the worker process died while reading this file (out of memory or a library crash)",
            )


def ingest(options: IngestOptions, progress: ProgressCallback | None = None, db: Database | None = None) -> BatchSummary:
    """Ingest files and folders: every input file ends as a record, a duplicate or a rejection."""
    started = time.perf_counter()
    notify = progress or (lambda stage, done, total: None)
    db = db or Database(options.db_url, options.store_dir)
    listing = list_inputs(list(options.paths))
    summary = BatchSummary(skipped=[str(p) for p in listing.skipped])
    for missing in listing.missing:
        summary.files.append(FileOutcome(missing, "rejected", "no such file or folder"))

    summary.batch_id = start_batch(db)
    scans: list[ScanFile] = []
    for index, path in enumerate(listing.files, start=1):
        try:
            if options.settle and not _settled(path, options.settle):
                summary.files.append(FileOutcome(str(path), "waiting", "still being written; left for the next run"))
                continue
            before = path.stat()
            scan = hash_file(path)
            after = path.stat()
            if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
                summary.files.append(FileOutcome(str(path), "waiting", "changed while being read; left for the next run"))
                continue
            scans.append(scan)
        except OSError as exc:
            reason = unreadable_reason(exc)
            record_id = register_unreadable(db, summary.batch_id, str(path), reason)
            summary.files.append(FileOutcome(str(path), "rejected", reason, record_id))
        notify("hashing", index, len(listing.files))

    plan = register(db, summary.batch_id, scans)
    summary.files += [FileOutcome(s.path, "unchanged") for s in plan.already_done]
    summary.files += [FileOutcome(s.path, "duplicate") for s in plan.duplicates]

    for outcome in summary.files:  # the files that need no processing
        _log_outcome(summary.batch_id, outcome)
    notify("processing", 0, len(plan.to_process))
    for done, (ledger_id, result) in enumerate(_results(plan.to_process, options), start=1):
        try:
            record_id = save_result(db, ledger_id, result, gazetteer_for(options.task.gazetteer_path))
        finally:
            if result.pdf_file:
                discard_pdf(result.pdf_file)
        outcome = FileOutcome(
            result.source.path, result.status.value, result.error, record_id, len(result.pages), round(result.seconds, 2),
        )
        summary.files.append(outcome)
        for stage, seconds in result.stages:
            log.info("stage", extra={"fields": {"batch": summary.batch_id, "file": outcome.path, "stage": stage,
                                                "seconds": seconds}})
        _log_outcome(summary.batch_id, outcome)
        notify("processing", done, len(plan.to_process))

    summary.seconds = time.perf_counter() - started
    finish_batch(db, summary.batch_id, summary.totals())
    log.info("batch", extra={"fields": {"batch": summary.batch_id, **summary.totals()}})
    return summary


def _log_outcome(batch_id: int | None, outcome: FileOutcome) -> None:
    """One structured log line for a file's outcome."""
    log.info("file", extra={"fields": {
        "batch": batch_id, "file": outcome.path, "status": outcome.status, "reason": outcome.reason,
        "record_id": outcome.record_id, "pages": outcome.pages, "seconds": outcome.seconds,
    }})

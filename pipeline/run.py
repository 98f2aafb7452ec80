"""The batch: intake → pages → OCR → classify → extract → validate → store, file by file.

`process_file` is the per-file task. It runs in a worker process (or on a cluster later),
touches no database, and turns every failure into a rejected result with a reason.
`ingest` is the driver: it writes the ledger, fans files out to workers and stores results.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from baulast.db import Database
from baulast.db.ledger import finish_batch, register, register_unreadable, start_batch
from baulast.db.records import save_result
from baulast.errors import InputRejected
from baulast.gazetteer import Gazetteer
from baulast.model import Extraction, FileResult, PageText, ScanFile, Status
from baulast.options import IngestOptions, TaskOptions
from baulast.validation import decide, validate
from pipeline.classify import likeliest_sheet, sheet_score
from pipeline.crosscheck import cross_check, other_page_numbers
from pipeline.efile import PdfSpool, batch_scratch, discard_pdf, page_pdf
from pipeline.extract import extract
from pipeline.intake import hash_file, list_inputs
from pipeline.ocr import OcrEngine, TesseractEngine, read_page
from pipeline.pages import iter_pages
from pipeline.verify import verify_date, verify_register_number

log = logging.getLogger("baulast.ingest")


@lru_cache(maxsize=4)
def _gazetteer(path: str | None, csv_text: str | None = None) -> Gazetteer:
    """The gazetteer, loaded once per process (from its CSV text where the task carries it)."""
    return Gazetteer.from_csv(csv_text, "sent with the task") if csv_text is not None else Gazetteer.load(path)


class _Stopwatch:
    """Seconds spent per stage, added up over the pages of a file."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Charge the time since the last lap to a stage."""
        now = time.perf_counter()
        self.spent[stage] = self.spent.get(stage, 0.0) + now - self._last
        self._last = now

    def stages(self) -> tuple[tuple[str, float], ...]:
        """(stage, seconds) pairs, rounded."""
        return tuple((stage, round(seconds, 3)) for stage, seconds in self.spent.items())


def process_file(scan: ScanFile, options: TaskOptions, engine: OcrEngine | None = None) -> FileResult:
    """Read one file into a result: pages, OCR, the sheet's fields, findings, status, PDF."""
    started = time.perf_counter()
    watch = _Stopwatch()
    engine = engine or TesseractEngine(options.lang, options.page_timeout)
    spool = PdfSpool(options.scratch_dir)
    try:
        ocr_pages, rotations = [], []
        best_score, sheet_image, sheet_image_page = float("-inf"), None, 0  # only the likeliest sheet's image is kept
        for page in iter_pages(Path(scan.path), options.dpi):
            watch.lap("render")
            reading = read_page(engine, page.image, page.number, page.dpi)
            watch.lap("ocr")
            spool.add(page_pdf(reading.shown, page.dpi, reading.ocr.pdf))
            ocr_pages.append(reading.ocr.page)
            rotations.append(reading.rotation)
            if (score := sheet_score(reading.ocr.page)) > best_score:
                best_score, sheet_image, sheet_image_page = score, reading.for_ocr, page.number
            if page.image is not sheet_image:  # the likeliest sheet may be the page image itself
                page.image.close()
            watch.lap("pdf")
        if not ocr_pages:
            raise InputRejected("no pages")
        gazetteer = _gazetteer(options.gazetteer_path, options.gazetteer_csv)
        sheet, sure = likeliest_sheet(ocr_pages)
        extraction = extract(sheet, gazetteer) if sheet is not None else Extraction()
        if sheet is not None and not sure:
            extraction = dataclasses.replace(extraction, sheet_certain=False)
        if sheet is not None and sheet.number == sheet_image_page:
            extraction = dataclasses.replace(
                extraction,
                register_number=verify_register_number(extraction.register_number, sheet_image, engine),
                date=verify_date(extraction.date, sheet_image, engine),
            )
        if sheet is not None:
            others = other_page_numbers(ocr_pages, sheet.number)
            extraction = dataclasses.replace(
                extraction, register_number=cross_check(extraction.register_number, others))
        watch.lap("extract")
        findings = validate(extraction, gazetteer)
        watch.lap("validate")
        pages = tuple(
            PageText(number=p.number, text=p.text, mean_confidence=p.mean_confidence,
                     low_confidence_share=p.low_confidence_share, rotation=rotation,
                     is_sheet=sheet is not None and p.number == sheet.number, width=p.width, height=p.height)
            for p, rotation in zip(ocr_pages, rotations)
        )
        pdf_file = spool.merge(title=scan.filename)
        watch.lap("pdf")
        return FileResult(
            source=scan, status=decide(findings), pages=pages, extraction=extraction,
            findings=tuple(findings), pdf_file=str(pdf_file), seconds=time.perf_counter() - started,
            stages=watch.stages(),
        )
    except InputRejected as exc:
        reason = str(exc)
    except OSError as exc:
        reason = unreadable_reason(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        first_line = (str(exc).splitlines() or [""])[0][:200]
        reason = f"internal error while processing: {type(exc).__name__}: {first_line}"
    spool.discard()
    watch.lap("failed")
    return FileResult(source=scan, status=Status.REJECTED, error=reason,
                      seconds=time.perf_counter() - started, stages=watch.stages())


def _settled(path: Path, settle: float) -> bool:
    """Whether a file was last written at least `settle` seconds ago."""
    return time.time() - path.stat().st_mtime >= settle


def unreadable_reason(error: OSError) -> str:
    """One line saying why a file could not be read."""
    if isinstance(error, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(error, PermissionError):
        return "file cannot be read: permission denied"
    if isinstance(error, IsADirectoryError):
        return "not a file but a folder"
    return f"file cannot be read: {error.strerror or error}"


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


def _init_worker() -> None:
    """Each worker's Tesseract uses one core: parallelism comes from the processes."""
    os.environ["OMP_THREAD_LIMIT"] = "1"


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
        _init_worker()
        for ledger_id, scan in todo:
            yield ledger_id, process_file(scan, options.task)
        return
    queue = list(reversed(todo))  # pop() takes from the front of `todo`
    while queue:
        suspects: list[tuple[int, ScanFile]] = []
        with _pool(options.workers) as pool:
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


def _pool(workers: int) -> ProcessPoolExecutor:
    """A pool of worker processes started from a clean server process (no inherited threads)."""
    context = multiprocessing.get_context("forkserver")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)


def _alone(scan: ScanFile, options: IngestOptions) -> FileResult:
    """Process one file in a process of its own; a crash of that process rejects the file."""
    with _pool(1) as pool:
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
            record_id = save_result(db, ledger_id, result, _gazetteer(options.task.gazetteer_path))
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

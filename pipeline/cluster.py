"""Ingest beyond one machine: the per-file task on a Dask distributed cluster.

The driver (the `baulast ingest` process) keeps the ledger and writes the database, as on
one machine; the cluster's workers only turn files into results. A file travels to its
worker as bytes inside the task, so the scheduler can give it to another worker if its
worker is lost, and workers need no access to the driver's folders. With a folder that every
machine mounts at the same path, `shared_paths` sends only the path instead.

Workers need the baulast package and Tesseract, nothing else: no database, no store.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
import uuid
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from distributed import Client, Future, as_completed
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from baulast.errors import BaulastError, ExitCode, ToolsMissing
from baulast.model import FileResult, ScanFile, Status
from baulast.options import IngestOptions, TaskOptions
from pipeline.efile import discard_pdf
from pipeline.task import process_file, unreadable_reason

CONNECT_TIMEOUT = 30  # seconds to reach the scheduler
IN_FLIGHT_PER_THREAD = 2  # files handed to the cluster per worker thread at a time
RESUBMISSIONS = 2  # times a file is sent again when the cluster dropped its task


class ClusterUnreachable(BaulastError):
    """The Dask scheduler cannot be reached, or went away during the batch."""

    exit_code = ExitCode.CLUSTER_UNREACHABLE


def _carried(result: FileResult) -> FileResult:
    """The result with its PDF as bytes: the worker's temporary file does not travel."""
    if not result.pdf_file:
        return result
    try:
        return dataclasses.replace(result, pdf=Path(result.pdf_file).read_bytes(), pdf_file=None)
    finally:
        discard_pdf(result.pdf_file)


def read_shared_file(scan: ScanFile, options: TaskOptions) -> FileResult:
    """The task a worker runs on a file it reads at the driver's path (a shared folder)."""
    return _carried(process_file(scan, options))


def read_sent_file(scan: ScanFile, data: bytes, options: TaskOptions) -> FileResult:
    """The task a worker runs on a file sent as bytes: checked, read, and the result returned."""
    if hashlib.sha256(data).hexdigest() != scan.sha256:
        return FileResult(source=scan, status=Status.REJECTED,
                          error="the file arrived damaged at the cluster worker; ingest it again")
    with tempfile.TemporaryDirectory(prefix="baulast-worker-") as folder:
        copy = Path(folder) / scan.filename
        copy.write_bytes(data)
        result = _carried(process_file(dataclasses.replace(scan, path=str(copy)), options))
    return dataclasses.replace(result, source=scan)


def check_worker(lang: str) -> str:
    """Run on every worker before the batch: Tesseract and poppler are there, or why not."""
    from pipeline.ocr import check_tools

    try:
        check_tools(lang)
    except ToolsMissing as exc:
        return str(exc)
    return ""


def connect(address: str) -> Client:
    """A client of the scheduler at `address`, or ClusterUnreachable saying so."""
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterUnreachable(f"the Dask scheduler at {address} cannot be reached: {exc}") from exc


def _check_workers(client: Client, lang: str) -> int:
    """Threads of the cluster's workers, after checking every worker has the tools."""
    threads = sum(client.nthreads().values())
    if not threads:
        raise ClusterUnreachable("the Dask scheduler has no workers; start some with: dask worker SCHEDULER-ADDRESS")
    problems = {worker: message for worker, message in client.run(check_worker, lang).items() if message}
    if problems:
        worker, message = next(iter(sorted(problems.items())))
        raise ToolsMissing(f"cluster worker {worker}: {message}")
    return threads


def _submit(client: Client, ledger_id: int, scan: ScanFile, options: IngestOptions) -> Future | FileResult:
    """Hand one file to the cluster; a file the driver cannot read is rejected right here."""
    key = f"baulast-file-{ledger_id}-{uuid.uuid4().hex[:12]}"
    if options.shared_paths:
        return client.submit(read_shared_file, scan, options.task, key=key, pure=False)
    try:
        data = Path(scan.path).read_bytes()
    except OSError as exc:
        return FileResult(source=scan, status=Status.REJECTED, error=unreadable_reason(exc))
    return client.submit(read_sent_file, scan, data, options.task, key=key, pure=False)


def _lost(options: IngestOptions, exc: BaseException) -> ClusterUnreachable:
    return ClusterUnreachable(
        f"lost the Dask cluster at {options.scheduler} ({type(exc).__name__}: {exc}); "
        "the files not yet stored are read again by the next run"
    )


def cluster_results(todo: list[tuple[int, ScanFile]], options: IngestOptions) -> Iterator[tuple[int, FileResult]]:
    """(ledger id, result) pairs as the cluster finishes them, a few files in flight per worker thread.

    A worker lost mid-batch costs nothing: the scheduler gives its tasks to other workers.
    A file that kills every worker it is given to (three, by Dask's default) is rejected.
    If the scheduler itself goes away, ClusterUnreachable stops the batch; the files not
    yet stored stay in the ledger and the next run reads them.
    """
    assert options.scheduler is not None
    if options.task.gazetteer_path and not options.shared_paths:  # the workers cannot read the driver's file
        text = Path(options.task.gazetteer_path).read_text("utf-8-sig")
        options = dataclasses.replace(options, task=dataclasses.replace(options.task, gazetteer_csv=text))
    with connect(options.scheduler) as client:
        limit = IN_FLIGHT_PER_THREAD * _check_workers(client, options.task.lang)
        queue = deque((ledger_id, scan, 0) for ledger_id, scan in todo)
        sent: dict[Future, tuple[int, ScanFile, int]] = {}
        ready: deque[tuple[int, FileResult]] = deque()
        finished = as_completed(loop=client.loop)
        while queue or sent or ready:
            while queue and len(sent) < limit:
                ledger_id, scan, attempt = queue.popleft()
                handed = _submit(client, ledger_id, scan, options)
                if isinstance(handed, FileResult):
                    ready.append((ledger_id, handed))
                else:
                    sent[handed] = (ledger_id, scan, attempt)
                    finished.add(handed)
            while ready:
                yield ready.popleft()
            if not sent:
                continue
            future = next(finished)
            ledger_id, scan, attempt = sent.pop(future)
            try:
                result = future.result()
            except KilledWorker:
                result = FileResult(source=scan, status=Status.REJECTED,
                                    error="every cluster worker given this file died reading it "
                                          "(out of memory or a library crash)")
            except FutureCancelledError as exc:  # the scheduler dropped the task
                if attempt >= RESUBMISSIONS or client.status != "running":
                    raise _lost(options, exc) from exc
                queue.appendleft((ledger_id, scan, attempt + 1))
                continue
            except OSError as exc:  # the connection to the scheduler is gone
                raise _lost(options, exc) from exc
            future.release()
            yield ledger_id, result

"""One options object for an ingest, built by the click layer and by the Python API alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.ocr import DEFAULT_LANG, DEFAULT_PAGE_TIMEOUT
from pipeline.pages import DEFAULT_DPI
from pipeline.pool import default_workers


@dataclass(frozen=True)
class TaskOptions:
    """What a worker needs to process one file; small and picklable."""

    lang: str = DEFAULT_LANG
    dpi: int = DEFAULT_DPI
    page_timeout: float = DEFAULT_PAGE_TIMEOUT
    gazetteer_path: str | None = None  # None: the package's copy
    gazetteer_csv: str | None = None  # the gazetteer's CSV text itself (sent to cluster workers); wins over the path
    scratch_dir: str | None = None  # where PDFs are put together (the batch's scratch folder; None: the system's)


@dataclass(frozen=True)
class IngestOptions:
    """Everything `baulast ingest` can be told."""

    paths: tuple[str, ...]
    db_url: str | None = None
    store_dir: str | None = None
    workers: int = field(default_factory=default_workers)
    settle: float = 0.0  # leave files younger than this many seconds (still being written)
    scheduler: str | None = None  # a Dask scheduler (tcp://host:8786) to run the per-file task on
    shared_paths: bool = False  # cluster workers read the files at the driver's paths (a shared folder)
    task: TaskOptions = field(default_factory=TaskOptions)

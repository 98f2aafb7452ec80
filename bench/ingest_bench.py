"""`make bench`: the pipeline's full ingest against bare Tesseract on the same pages, in one run.

    python -m bench.ingest_bench [--pages 150] [--workers N] [--cards 1000] [--long-pages 300] [--repeat 2]

1. A mixed corpus of at least --pages pages (the sample generator's tuning split: PDF,
   TIFF, JPEG, PNG; clean, typical and poor scans). Every page is also written out as a
   PNG, rendered as the pipeline renders it.
2. Bare `tesseract PAGE stdout -l deu` over those PNGs, one process per page, sequentially
   and with one process per core, OMP_THREAD_LIMIT=1 both times.
3. `baulast ingest` of the corpus files into a fresh SQLite database, with 1 worker and
   with one worker per core: render, preprocess, OCR, extract, validate, store, PDF.
   Steps 2 and 3 are repeated --repeat times, in turn, each ingest into a fresh database;
   the fastest of each run counts (on a shared machine a neighbour's load only adds time).
4. Two folders of --cards index-card scans ingested in one batch, then one folder ingested
   again unchanged; and one PDF of --long-pages pages.

For every run: wall time, pages per minute, and the peak resident memory (RSS) of the
whole process tree and of its largest process, sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

from baulast.options import default_workers
from bench.scans import index_cards, long_pdf, mixed_corpus, page_images

SEED = 2026
GIB = 1024**3
console = Console(width=110)  # the tables stay readable in a log file too


@dataclass
class Run:
    """One measured command (or set of commands)."""

    name: str
    pages: int
    seconds: float
    peak_tree_bytes: int
    peak_process_bytes: int

    @property
    def pages_per_minute(self) -> float:
        return 60.0 * self.pages / self.seconds if self.seconds else 0.0


class PeakMemory:
    """Samples the RSS of a process tree in a background thread; keeps the peaks."""

    def __init__(self, root: int, include_root: bool = True, interval: float = 0.05) -> None:
        self.root, self.include_root, self.interval = root, include_root, interval
        self.tree = self.process = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.root)
                processes = root.children(recursive=True) + ([root] if self.include_root else [])
            except psutil.NoSuchProcess:
                return
            sizes = []
            for process in processes:
                try:
                    sizes.append(process.memory_info().rss)
                except psutil.NoSuchProcess:
                    continue
            self.tree = max(self.tree, sum(sizes))
            self.process = max(self.process, max(sizes, default=0))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _tesseract_env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def bare_tesseract(pages: list[Path], parallel: int) -> Run:
    """`tesseract PAGE stdout -l deu`, one process per page, `parallel` at a time."""
    env = _tesseract_env()

    def read(page: Path) -> None:
        subprocess.run(["tesseract", str(page), "stdout", "-l", "deu"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    with PeakMemory(os.getpid(), include_root=False) as memory:
        started = time.perf_counter()
        with ThreadPoolExecutor(parallel) as pool:
            list(pool.map(read, pages))
        seconds = time.perf_counter() - started
    label = "sequential" if parallel == 1 else f"{parallel} processes"
    return _done(Run(f"bare tesseract, {label}", len(pages), seconds, memory.tree, memory.process))


def baulast_ingest(name: str, inputs: list[Path], workdir: Path, workers: int, pages: int,
                   database: Path | None = None) -> tuple[Run, dict]:
    """`baulast ingest` as a clerk runs it; returns the run and its batch report."""
    if database is None:  # a fresh database (and PDF store beside it) for every run
        folder = workdir / "runs" / f"{name.replace(' ', '-').replace(',', '')}-{time.monotonic_ns()}"
        folder.mkdir(parents=True)
        database = folder / "baulast.sqlite"
    report = workdir / f"{database.stem}-{time.monotonic_ns()}.json"
    command = [sys.executable, "-m", "baulast", "ingest", *map(str, inputs), "-j", str(workers),
               "--db", f"sqlite:///{database}", "--no-progress", "--report", str(report)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=_tesseract_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    with PeakMemory(process.pid) as memory:
        _, errors = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 3, 4):  # 3/4: some files need review or were rejected
        raise SystemExit(f"baulast ingest failed ({process.returncode}): {errors.strip()[-500:]}")
    batch = json.loads(report.read_text(encoding="utf-8"))
    return _done(Run(name, pages, seconds, memory.tree, memory.process)), batch


def _fastest(runs: list[Run]) -> Run:
    """The fastest of repeated runs, with the highest memory peaks any of them reached."""
    best = min(runs, key=lambda run: run.seconds)
    return Run(f"{best.name} (best of {len(runs)})" if len(runs) > 1 else best.name, best.pages, best.seconds,
               max(run.peak_tree_bytes for run in runs), max(run.peak_process_bytes for run in runs))


def _done(run: Run) -> Run:
    """Say a run's figures as soon as it is over (the whole table follows at the end)."""
    console.print(f"  {run.name}: {run.seconds:.1f} s, {run.pages_per_minute:.1f} pages/min, "
                  f"peak RSS {_gib(run.peak_tree_bytes)} (largest process {_gib(run.peak_process_bytes)})",
                  highlight=False)
    return run


def _gib(size: int) -> str:
    return f"{size / GIB:.2f} GiB"


def _print_runs(runs: list[Run]) -> None:
    table = Table(title="Ingest against bare Tesseract, same pages, one run")
    for column in ("run", "pages", "seconds", "pages/min", "peak RSS tree", "largest process"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for run in runs:
        table.add_row(run.name, str(run.pages), f"{run.seconds:.1f}", f"{run.pages_per_minute:.1f}",
                      _gib(run.peak_tree_bytes), _gib(run.peak_process_bytes))
    console.print(table)


def _verdict(value: float, target: float, at_most: bool) -> str:
    met = value <= target if at_most else value >= target
    return f"{'≤' if at_most else '≥'} {target:g} {'ok' if met else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--pages", type=int, default=150, help="pages in the mixed corpus [150]")
    parser.add_argument("--workers", type=int, default=default_workers(), help="workers = processes per core [all cores]")
    parser.add_argument("--cards", type=int, default=1000, help="index cards per folder; two folders [1000]")
    parser.add_argument("--long-pages", type=int, default=300, help="pages of the long PDF [300]")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the corpus and databases here")
    parser.add_argument("--repeat", type=int, default=2,
                        help="rounds of the four comparison runs; the fastest counts [2]")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    workers = max(1, args.workers)
    with tempfile.TemporaryDirectory(prefix="baulast-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        console.print(f"machine: {os.cpu_count()} cores, {workers} worker(s); work folder {workdir}", highlight=False)

        console.print(f"generating a mixed corpus of ≥ {args.pages} pages ...", highlight=False)
        files = mixed_corpus(workdir / "corpus", args.pages, SEED)
        pages = page_images(files, workdir / "pages")
        console.print(f"  {len(files)} files, {len(pages)} pages", highlight=False)

        # The machines are shared and noisy: each of the four runs is repeated, in turn with
        # the others (so a slow spell hits them alike), and the fastest of each counts; a
        # neighbour's load only ever adds time.
        tries: dict[str, list[Run]] = {}
        for attempt in range(1, args.repeat + 1):
            console.print(f"round {attempt} of {args.repeat}", highlight=False)
            for run in (bare_tesseract(pages, 1),
                        baulast_ingest("baulast ingest, 1 worker", files, workdir, 1, len(pages))[0],
                        bare_tesseract(pages, workers)):
                tries.setdefault(run.name, []).append(run)
            many, batch = baulast_ingest(f"baulast ingest, {workers} workers", files, workdir, workers, len(pages))
            tries.setdefault(many.name, []).append(many)
        bare_seq, one, bare_par, many = (_fastest(runs) for runs in tries.values())
        runs = [bare_seq, bare_par, one, many]
        if batch["totals"]["pages"] != len(pages):
            raise SystemExit(f"the ingest read {batch['totals']['pages']} pages, bare Tesseract {len(pages)}")

        console.print(f"generating 2 × {args.cards} index cards and a {args.long_pages}-page PDF ...", highlight=False)
        first = index_cards(workdir / "cards-a", args.cards, 1, SEED)
        second = index_cards(workdir / "cards-b", args.cards, args.cards + 1, SEED)
        cards_db = workdir / "cards.sqlite"
        batch_run, _ = baulast_ingest(f"{2 * args.cards} index cards, {workers} workers",
                                      [workdir / "cards-a", workdir / "cards-b"], workdir, workers,
                                      len(first) + len(second), cards_db)
        again, again_batch = baulast_ingest(f"{args.cards} cards again, unchanged", [workdir / "cards-a"], workdir,
                                            workers, 0, cards_db)
        unchanged = again_batch["totals"]["unchanged"]
        (workdir / "long").mkdir(exist_ok=True)
        long_file = long_pdf(workdir / "long" / "akte_lang.pdf", args.long_pages, pages)
        long_run, _ = baulast_ingest(f"one {args.long_pages}-page PDF", [long_file], workdir, workers, args.long_pages)
        runs += [batch_run, again, long_run]

        _print_runs(runs)
        ratios = Table(title="Ratios (time of ours / time of bare Tesseract at the same parallelism)")
        for column in ("measure", "value", "target"):
            ratios.add_column(column)
        rows = [
            ("1 worker / bare sequential", one.seconds / bare_seq.seconds, 1.15, True),
            (f"{workers} workers / bare {workers} processes", many.seconds / bare_par.seconds, 1.15, True),
            (f"speed-up {workers} workers over 1", one.seconds / many.seconds, 1.8, False),
            (f"re-ingest of {args.cards} unchanged files, seconds", again.seconds, 5.0, True),
            (f"largest process, {2 * args.cards}-file batch, GiB", batch_run.peak_process_bytes / GIB, 1.0, True),
            (f"largest process, {args.long_pages}-page PDF, GiB", long_run.peak_process_bytes / GIB, 1.0, True),
        ]
        for label, value, target, at_most in rows:
            ratios.add_row(label, f"{value:.2f}", _verdict(value, target, at_most))
        console.print(ratios)
        console.print(f"re-ingest: {unchanged} of {args.cards} files reported unchanged", highlight=False)
        if args.json:
            args.json.write_text(json.dumps({
                "runs": [{**asdict(run), "pages_per_minute": run.pages_per_minute} for run in runs],
                "ratios": {label: value for label, value, _, _ in rows},
            }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

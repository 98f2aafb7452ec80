"""`make bench-search`: seed realistic records into SQLite and PostgreSQL, time a query mix.

    python -m bench.search_bench --records 1000000

For each backend: the bulk insert rate (baulast.db.bulk, batches of 2,000 records), the
time to analyse the tables afterwards, the database size, then p50/p95/p99 latency of a
mix of what clerks ask (parcel in several notations, register number, date range, words,
words with an OCR error), run through the same `baulast.db.search.search` the CLI uses.
PostgreSQL runs as a throwaway server with durable settings (fsync on) and 1 GB of shared
buffers; SQLite is a file in WAL mode, as `make run` uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from baulast.db import Database
from baulast.db.bulk import insert_records
from baulast.db.search import SearchQuery, search
from baulast.gazetteer import Gazetteer
from baulast.parcels import parse_parcel_query
from bench.corpus import QUERY_KINDS, SeedQuery, queries, records

TARGET_MS = {"parcel": 50, "register_number": 50, "date_range": 250, "text": 250, "fuzzy_text": 250}
SERVER_SETTINGS = {
    "fsync": "on", "synchronous_commit": "on", "full_page_writes": "on", "wal_level": "replica",
    "shared_buffers": "1GB", "maintenance_work_mem": "512MB", "effective_cache_size": "8GB",
    "max_wal_size": "4GB", "checkpoint_timeout": "15min",
}
console = Console()


@dataclass
class BackendResult:
    name: str
    records: int
    seed_seconds: float
    analyse_seconds: float
    size_bytes: int
    latencies: dict[str, list[float]] = field(default_factory=dict)
    found: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (with hits, expected hits)


def to_query(seed_query: SeedQuery, gazetteer: Gazetteer) -> SearchQuery:
    """The SearchQuery a clerk's typed text becomes (as the CLI and web app build it)."""
    kind, typed = seed_query.kind, seed_query.text
    if kind == "parcel":
        parcel = parse_parcel_query(typed, gazetteer)
        if parcel is None:
            raise ValueError(f"benchmark parcel query not understood: {typed!r}")
        return SearchQuery(parcel=parcel)
    if kind == "register_number":
        municipality, number = typed.split("|")
        return SearchQuery(municipality=municipality, register_number=number)
    if kind == "date_range":
        start, end = typed.split("|")
        return SearchQuery(date_from=dt.date.fromisoformat(start), date_to=dt.date.fromisoformat(end))
    return SearchQuery(words=typed, fuzzy=kind == "fuzzy_text")


class _Timed:
    """An iterator that adds up the time spent making its items (the synthetic records),
    so that the insert rate counts only the database's work."""

    def __init__(self, iterator) -> None:  # type: ignore[no-untyped-def]
        self.iterator, self.seconds = iterator, 0.0

    def __iter__(self):  # type: ignore[no-untyped-def]
        return self

    def __next__(self):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return next(self.iterator)
        finally:
            self.seconds += time.perf_counter() - started


def seed(db: Database, count: int, label: str) -> float:
    """Insert `count` records; seconds taken by the database side (generation excluded)."""
    items = _Timed(records(count))
    started = time.perf_counter()
    last = [started]

    def progress(done: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 30 or done == count:
            rate = done / (now - started - items.seconds)
            console.print(f"  {label}: {done:,} records, {rate:,.0f} records/s", highlight=False)
            last[0] = now

    insert_records(db, items, progress=progress)
    console.print(f"  {label}: generating the records took {items.seconds:,.0f} s (not counted)", highlight=False)
    return time.perf_counter() - started - items.seconds


def analyse(db: Database) -> float:
    """Refresh the planner's statistics (and merge FTS5 segments); seconds taken."""
    started = time.perf_counter()
    if db.is_sqlite:
        with db.engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO pages_fts(pages_fts) VALUES ('optimize')")
            connection.exec_driver_sql("INSERT INTO search_terms_fts(search_terms_fts) VALUES ('optimize')")
            connection.exec_driver_sql("ANALYZE")
    else:
        with db.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    return time.perf_counter() - started


def size_of(db: Database, sqlite_path: Path | None) -> int:
    if sqlite_path is not None:
        return sum(p.stat().st_size for p in sqlite_path.parent.glob(sqlite_path.name + "*"))
    with db.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one())


def run_queries(db: Database, mix: list[SeedQuery], gazetteer: Gazetteer, result: BackendResult) -> None:
    """Each query once, in a shuffled order, after a short warm-up."""
    for seed_query in mix[:20]:
        search(db, to_query(seed_query, gazetteer))
    for seed_query in mix:
        query = to_query(seed_query, gazetteer)
        started = time.perf_counter()
        hits = search(db, query)
        elapsed = (time.perf_counter() - started) * 1000
        result.latencies.setdefault(seed_query.kind, []).append(elapsed)
        with_hits, expected = result.found.get(seed_query.kind, (0, 0))
        if seed_query.expect_hit:
            result.found[seed_query.kind] = (with_hits + bool(hits), expected + 1)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(results: list[BackendResult]) -> None:
    table = Table(title="Search benchmark", title_justify="left")
    for column in ("backend", "query", "n", "p50 ms", "p95 ms", "p99 ms", "target p95", "found"):
        table.add_column(column, justify="right" if column not in ("backend", "query") else "left")
    for result in results:
        for kind in QUERY_KINDS:
            values = result.latencies.get(kind, [])
            if not values:
                continue
            p95 = percentile(values, 0.95)
            verdict = "ok" if p95 <= TARGET_MS[kind] else "MISSED"
            with_hits, expected = result.found.get(kind, (0, 0))
            table.add_row(result.name, kind, str(len(values)), f"{statistics.median(values):.1f}", f"{p95:.1f}",
                          f"{percentile(values, 0.99):.1f}", f"≤ {TARGET_MS[kind]} {verdict}",
                          f"{with_hits}/{expected}")
    console.print(table)
    totals = Table(title="Seeding", title_justify="left")
    for column in ("backend", "records", "seed s", "records/s", "analyse s", "size"):
        totals.add_column(column, justify="right" if column != "backend" else "left")
    for result in results:
        totals.add_row(result.name, f"{result.records:,}", f"{result.seed_seconds:,.0f}",
                       f"{result.records / result.seed_seconds:,.0f}", f"{result.analyse_seconds:,.0f}",
                       f"{result.size_bytes / 2**30:.2f} GiB")
    console.print(totals)
    console.print("found: queries drawn from a seeded record that returned at least one hit / such queries "
                  "(the deliberate misses are left out).", highlight=False)


def bench_backend(name: str, url: str, count: int, mix: list[SeedQuery], gazetteer: Gazetteer,
                  store: Path, sqlite_path: Path | None) -> BackendResult:
    console.print(f"[bold]{name}[/bold]: seeding {count:,} records")
    db = Database(url, store)
    seconds = seed(db, count, name)
    analyse_seconds = analyse(db)
    result = BackendResult(name, count, seconds, analyse_seconds, size_of(db, sqlite_path))
    console.print(f"  {name}: {len(mix)} queries")
    run_queries(db, mix, gazetteer, result)
    db.dispose()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="records to seed per backend [1,000,000]")
    parser.add_argument("--per-kind", type=int, default=200, help="queries per kind [200]")
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated [sqlite,postgresql]")
    parser.add_argument("--workdir", help="folder for the databases [a temporary folder, removed afterwards]")
    args = parser.parse_args(argv)

    gazetteer = Gazetteer.load()
    mix = queries(args.records, args.per_kind)
    random.Random(7).shuffle(mix)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="baulast-bench-", dir=args.workdir) as folder:
        work = Path(folder)
        if "sqlite" in backends:
            path = work / "bench.sqlite"
            results.append(bench_backend("sqlite", f"sqlite:///{path}", args.records, mix, gazetteer,
                                         work / "store", path))
        if "postgresql" in backends:
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
            from tests.pgserver import ThrowawayPostgres

            with ThrowawayPostgres(settings=SERVER_SETTINGS) as server:
                url = server.create_database("bench")
                results.append(bench_backend("postgresql", url, args.records, mix, gazetteer, work / "store", None))
    report(results)
    console.print(f"machine: {os.cpu_count()} cores; query mix: {args.per_kind} per kind, seed 1", highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Ingest on a real Dask cluster: a scheduler and two workers on loopback; one dies mid-batch, another joins."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import Client

from baulast.cli import main
from baulast.db import Database
from baulast.db.records import export_all
from baulast.errors import ExitCode
from baulast.model import Status
from baulast.options import IngestOptions, TaskOptions
from pipeline import cluster
from pipeline.intake import hash_file
from pipeline.run import ingest

DASK = str(Path(sys.executable).parent / "dask")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoopbackCluster:
    """`dask scheduler` and `dask worker` processes on 127.0.0.1, each in a process group of its own."""

    def __init__(self, folder: Path) -> None:
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.folder = folder
        self.workers: dict[str, subprocess.Popen] = {}
        port = self.address.rsplit(":", 1)[1]
        self.scheduler = self._start("scheduler", [DASK, "scheduler", "--host", "127.0.0.1", "--port", port,
                                                   "--no-dashboard"])

    def _start(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def add_worker(self, name: str) -> None:
        self.workers[name] = self._start(name, [DASK, "worker", self.address, "--nthreads", "1", "--name", name,
                                                "--no-dashboard", "--local-directory", str(self.folder / name)])

    def wait_for_workers(self, count: int) -> None:
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(self.address, timeout=10) as client:
                    client.wait_for_workers(count, timeout=max(1, deadline - time.monotonic()))
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise

    def kill_worker(self, name: str) -> None:
        """SIGKILL the worker and its nanny, as if its machine went down."""
        os.killpg(self.workers[name].pid, signal.SIGKILL)
        self.workers[name].wait()

    def stop(self) -> None:
        for process in [*self.workers.values(), self.scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


@pytest.fixture()
def dask_cluster(tmp_path: Path) -> Iterator[LoopbackCluster]:
    running = LoopbackCluster(tmp_path)
    try:
        for name in ("worker-1", "worker-2"):
            running.add_worker(name)
        running.wait_for_workers(2)
        yield running
    finally:
        running.stop()


def comparable(exported: list[dict]) -> list[dict]:
    """Export lines without what differs between two databases (record ids), in path order."""
    by_id = {line["id"]: line["source"]["path"] for line in exported}
    lines = []
    for line in exported:
        line = {key: value for key, value in line.items() if key != "id"}
        if line.get("duplicate_of") is not None:
            line["duplicate_of"] = by_id.get(line["duplicate_of"], line["duplicate_of"])
        lines.append(line)
    return sorted(lines, key=lambda line: line["source"]["path"])


def test_cluster_ingest_equals_the_local_run_though_a_worker_dies(  # type: ignore[no-untyped-def]
    dask_cluster: LoopbackCluster, ingested, sample_copy: Path, tmp_path: Path,
) -> None:
    _, local_summary, local_export = ingested
    killed_at: list[tuple[int, int]] = []

    def kill_one_worker_early(stage: str, done: int, total: int) -> None:
        if stage == "processing" and done == 2 and not killed_at:
            dask_cluster.kill_worker("worker-2")  # its files in flight go to the others
            killed_at.append((done, total))
            dask_cluster.add_worker("worker-3")  # and a machine joins mid-batch

    db = Database(f"sqlite:///{tmp_path / 'cluster.sqlite'}", tmp_path / "store")
    options = IngestOptions(paths=(str(sample_copy),), scheduler=dask_cluster.address)
    summary = ingest(options, kill_one_worker_early, db=db)

    assert killed_at and killed_at[0][0] < killed_at[0][1] - 4, "the worker died while files were still in flight"
    assert summary.count("rejected") == 0
    assert len(summary.files) == len(local_summary.files)
    assert comparable(export_all(db)) == comparable(local_export)


def test_shared_paths_mode_reads_the_files_where_they_lie(  # type: ignore[no-untyped-def]
    dask_cluster: LoopbackCluster, ingested, sample_copy: Path, tmp_path: Path,
) -> None:
    files = [sample_copy / "akte_0003.jpg", sample_copy / "akte_0004.png"]
    db = Database(f"sqlite:///{tmp_path / 'shared.sqlite'}", tmp_path / "store")
    options = IngestOptions(paths=tuple(map(str, files)), scheduler=dask_cluster.address, shared_paths=True)
    ingest(options, db=db)
    local = [line for line in ingested[2] if line["source"]["path"] in set(map(str, files))]
    assert comparable(export_all(db)) == comparable(local)


def test_a_file_damaged_on_the_way_is_rejected_with_a_reason(tmp_path: Path) -> None:
    scan = hash_file(Path(__file__).parent.parent / "sample_scans" / "akte_0003.jpg")
    result = cluster.read_sent_file(scan, b"not the file", TaskOptions())
    assert result.status is Status.REJECTED and "arrived damaged" in (result.error or "")
    assert result.source == scan


def test_unreachable_scheduler_exits_with_its_own_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    scan = tmp_path / "akte.png"
    scan.write_bytes((Path(__file__).parent.parent / "sample_scans" / "akte_0004.png").read_bytes())
    result = CliRunner().invoke(main, ["ingest", str(scan), "--db", f"sqlite:///{tmp_path / 'db.sqlite'}",
                                       "--scheduler", f"tcp://127.0.0.1:{_free_port()}", "--no-progress"])
    assert result.exit_code == ExitCode.CLUSTER_UNREACHABLE, result.output
    assert "cannot be reached" in result.output
    again = CliRunner().invoke(main, ["ingest", str(scan), "--db", f"sqlite:///{tmp_path / 'db.sqlite'}",
                                      "--no-progress", "-j", "1"])
    assert again.exit_code in (0, 3), again.output  # the file the cluster never read is read now
    assert "1 file(s)" in again.output


def test_shared_paths_needs_a_scheduler(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--shared-paths"])
    assert result.exit_code == ExitCode.BAD_USAGE and "--shared-paths goes with --scheduler" in result.output


"""Crash safety: SIGKILL the ingest (driver, workers and Tesseract, as a power cut would) at
random moments, then run it again: every file has exactly one complete record, none is
half-written, and nothing that had finished is processed again. Real processes, no mocks."""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import func, select

from baulast.db import Database
from baulast.db.models import LedgerEntry, PageRow, Record
from baulast.db.records import export_all
from baulast.model import LedgerState
from tests.conftest import ROOT, SAMPLES

FILES = ["akte_0002.tif", "akte_0003.jpg", "akte_0004.png", "akte_0010.jpg", "akte_0011.png",
         "akte_0013.tif", "akte_0017.png", "akte_0020.pdf"]


def start_ingest(folder: Path, url: str) -> subprocess.Popen:
    """`baulast ingest` as its own process group."""
    return subprocess.Popen(
        [sys.executable, "-m", "baulast", "ingest", str(folder), "--db", url, "--workers", "2", "--no-progress"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def count_records(url: str) -> int:
    """Records committed so far."""
    db = Database(url)
    with db.session() as session:
        count = session.scalar(select(func.count()).select_from(Record))
    db.dispose()
    return count


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, folder / name)
    url = f"sqlite:///{tmp_path / 'crash.sqlite'}"
    chance = random.Random(int(time.time()))
    kills, killed = 0, []
    for _ in range(4):
        process = start_ingest(folder, url)
        time.sleep(chance.uniform(1.0, 6.0))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            kills += 1
            killed.append(process.pid)
        process.wait()
        if count_records(url) == len(FILES):
            break
    assert kills >= 1

    finished_before = count_records(url)
    final = subprocess.run(
        [sys.executable, "-m", "baulast", "ingest", str(folder), "--db", url, "--workers", "2", "--no-progress"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert final.returncode in (0, 3, 4), final.stderr
    assert f"unchanged (already ingested) {finished_before}" in " ".join(final.stdout.split())

    db = Database(url)
    exported = export_all(db)
    assert sorted(Path(line["source"]["path"]).name for line in exported) == sorted(FILES)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == len(FILES)
        assert not session.scalars(select(LedgerEntry).where(LedgerEntry.state == LedgerState.PENDING)).all()
        for record in session.scalars(select(Record)):
            pages = session.scalar(select(func.count()).select_from(PageRow).where(PageRow.record_id == record.id))
            assert pages == record.pages > 0, record.filename  # text and record together, never apart
            pdf = db.store.get(record.pdf_key)
            assert hashlib.sha256(pdf).hexdigest() == record.pdf_key
            assert len(PdfReader(io.BytesIO(pdf)).pages) == record.pages
    for name in FILES:  # the originals are untouched
        assert (folder / name).read_bytes() == (SAMPLES / name).read_bytes()
    for pid in killed:  # the killed runs' scratch folders went with the next run
        assert not list(Path(tempfile.gettempdir()).glob(f"baulast-batch-{pid}-*"))

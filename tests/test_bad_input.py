"""Bad input: each broken file gets a one-line reason in the ledger, the export and the report,
and the rest of the batch is processed normally. Every file here is real, made by the test."""

from __future__ import annotations

import io
import json
import os
import signal
import threading
import time
import struct
import zlib
from pathlib import Path

import jsonschema
import pytest
from PIL import Image
from pypdf import PdfWriter

from baulast.db import Database
from baulast.db.records import export_all
from baulast.errors import InputRejected
from baulast.model import ScanFile, Status
from baulast.options import IngestOptions, TaskOptions
from pipeline.intake import hash_file
from pipeline.report import report_dict
from pipeline.run import ingest, process_file
from tests.conftest import SCHEMA
from tests.test_cli import render_sheet


def image_pdf(pages: int = 1) -> bytes:
    """An image-only PDF with a few words on each page."""
    images = []
    for _ in range(pages):
        image = Image.new("L", (1240, 400), 255)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=150)
    return out.getvalue()


def encrypted_pdf(user_password: str) -> bytes:
    """A PDF encrypted with this user password (and an owner password)."""
    writer = PdfWriter(clone_from=io.BytesIO(image_pdf()))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_with_size(width: int, height: int) -> bytes:
    """A PNG whose header claims these dimensions (no pixel data behind it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def broken_xref(pdf: bytes) -> bytes:
    """The PDF with every cross-reference offset pointing at nonsense."""
    head, _, tail = pdf.rpartition(b"xref")
    lines = tail.split(b"\n")
    spoiled = [b"0000099999 00000 n " if line.endswith(b" n ") or line.endswith(b" n") else line for line in lines]
    return head + b"xref" + b"\n".join(spoiled)


def empty_pdf() -> bytes:
    """A syntactically valid PDF with no page."""
    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


BAD_FILES: dict[str, tuple[bytes, str]] = {
    # name: (content, text the reason must contain)
    "empty.pdf": (b"", "empty file"),
    "truncated.pdf": (image_pdf(2)[:300], "PDF"),
    "password.pdf": (encrypted_pdf("geheim"), "encrypted PDF"),
    "letter.pdf": ("Sehr geehrte Damen und Herren,\n".encode() * 20, "plain text"),
    "page.tif": (b"<!DOCTYPE html><html><head><title>404</title></head></html>", "HTML"),
    "bomb.png": (png_with_size(60_000, 60_000), "too large"),
    "zero.png": (png_with_size(0, 0), "image"),
    "no pages.pdf": (empty_pdf(), "no pages"),
}


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A folder of broken files, a recoverable PDF and one good sheet, ingested together."""
    folder = tmp_path_factory.mktemp("bad") / "Eingang März"
    folder.mkdir()
    for name, (content, _) in BAD_FILES.items():
        (folder / name).write_bytes(content)
    (folder / "open-for-all.pdf").write_bytes(encrypted_pdf(""))
    (folder / "broken-xref.pdf").write_bytes(broken_xref(image_pdf()))
    (folder / "vanishes.png").write_bytes(b"\x89PNG soon gone")
    render_sheet(folder / "Blatt 815 Büttgen (gut).png")
    db = Database(f"sqlite:///{folder.parent / 'bad.sqlite'}", folder.parent / "store")

    def vanish_during_hashing(stage: str, done: int, total: int) -> None:
        if stage == "hashing" and done == 1:
            (folder / "vanishes.png").unlink(missing_ok=True)  # listed, gone before it is read

    summary = ingest(IngestOptions(paths=(str(folder),), workers=2),
                     progress=vanish_during_hashing, db=db)
    return folder, summary, {Path(line["source"]["path"]).name: line for line in export_all(db)}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_rejected_with_a_reason(bad_batch, name: str) -> None:  # type: ignore[no-untyped-def]
    _, summary, exported = bad_batch
    line = exported[name]
    assert line["status"] == "rejected"
    assert BAD_FILES[name][1] in line["error"] and "\n" not in line["error"]
    reported = {Path(f.path).name: f for f in summary.files}[name]
    assert reported.status == "rejected" and reported.reason == line["error"]


def test_every_file_accounted_for_and_the_good_one_processed(bad_batch) -> None:  # type: ignore[no-untyped-def]
    folder, summary, exported = bad_batch
    names = sorted(p.name for p in folder.iterdir())
    assert sorted(exported) == sorted(names + ["vanishes.png"])
    for line in exported.values():
        jsonschema.validate(line, SCHEMA)
    assert exported["vanishes.png"]["status"] == "rejected"
    assert exported["vanishes.png"]["error"] == "file vanished before it could be read"
    assert exported["vanishes.png"]["source"]["sha256"] is None
    good = exported["Blatt 815 Büttgen (gut).png"]
    assert good["status"] in ("accepted", "needs_review") and good["register_number"] == "815"
    report = report_dict(summary)
    assert report["totals"]["files"] == len(exported)
    assert all(f["reason"] for f in report["files"] if f["status"] == "rejected")
    json.dumps(report)


def test_recoverable_pdfs_are_processed(bad_batch) -> None:  # type: ignore[no-untyped-def]
    _, _, exported = bad_batch
    # An empty user password opens the file; a broken xref table is rebuilt by the reader.
    for name in ("open-for-all.pdf", "broken-xref.pdf"):
        assert exported[name]["status"] == "needs_review", exported[name]["error"]
        assert exported[name]["findings"][0]["code"] == "no_sheet"


def test_ocr_failure_and_timeout_are_rejections(tmp_path: Path) -> None:
    path = tmp_path / "sheet.png"
    render_sheet(path)
    scan = hash_file(path)
    timed_out = process_file(scan, TaskOptions(page_timeout=0.05))
    assert timed_out.status is Status.REJECTED and "timed out" in timed_out.error
    failed = process_file(scan, TaskOptions(lang="zzz"))  # no language data: Tesseract cannot start
    assert failed.status is Status.REJECTED
    assert failed.error == "OCR of page 1 failed: Tesseract has no language data for zzz"


def test_file_gone_after_hashing(tmp_path: Path) -> None:
    path = tmp_path / "gone.png"
    render_sheet(path)
    scan: ScanFile = hash_file(path)
    path.unlink()
    result = process_file(scan, TaskOptions())
    assert result.status is Status.REJECTED and result.error == "file vanished before it could be read"


def test_reason_is_one_line_for_every_bad_file(tmp_path: Path) -> None:
    for name, (content, _) in BAD_FILES.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = process_file(hash_file(path), TaskOptions())
        assert result.status is Status.REJECTED
        assert result.error and "\n" not in result.error and len(result.error) < 300, (name, result.error)
    assert InputRejected.__doc__


def _kill_the_reader(name: str, stop: threading.Event, kills: list[int]) -> None:
    """SIGKILL every other process that opens a file of this name, as the OOM killer would
    kill every worker that tries to read a file too big for memory."""
    while not stop.is_set():
        for fd_dir in Path("/proc").glob("[0-9]*/fd"):
            if fd_dir.parent.name == str(os.getpid()):
                continue
            try:
                if any(os.readlink(fd).endswith(name) for fd in fd_dir.iterdir()):
                    os.kill(int(fd_dir.parent.name), signal.SIGKILL)
                    kills.append(int(fd_dir.parent.name))
            except OSError:
                continue
        time.sleep(0.01)


def test_a_worker_that_dies_rejects_only_its_file(tmp_path: Path) -> None:
    """A file whose reading kills the worker process is rejected; the other files of the
    batch still get their records."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for index, name in enumerate(("a.png", "b.png", "c.png")):
        render_sheet(folder / name)
        with open(folder / name, "ab") as handle:  # bytes after the PNG's end: same page, other sha256
            handle.write(b"\0" * (index + 1))
    pages = [Image.open(folder / "a.png").convert("L") for _ in range(4)]
    pages[0].save(folder / "killer.tif", save_all=True, append_images=pages[1:], dpi=(300, 300))
    db = Database(f"sqlite:///{tmp_path / 'w.sqlite'}", tmp_path / "store")
    stop, kills = threading.Event(), []
    killer = threading.Thread(target=_kill_the_reader, args=("killer.tif", stop, kills), daemon=True)
    killer.start()
    try:
        summary = ingest(IngestOptions(paths=(str(folder),), workers=2), db=db)
    finally:
        stop.set()
    outcomes = {Path(f.path).name: f for f in summary.files}
    assert outcomes["killer.tif"].status == "rejected" and "worker process died" in outcomes["killer.tif"].reason
    assert {outcomes[n].status for n in ("a.png", "b.png", "c.png")} <= {"accepted", "needs_review"}
    assert len(export_all(db)) == 4
    assert len(kills) >= 2  # the worker in the pool, then the one that read the file alone

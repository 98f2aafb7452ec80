"""The per-file task: one scan in, one result out (pages, OCR, fields, findings, PDF).

It runs in a worker process, on this machine or on a cluster, and touches no database, so a
worker imports only what reading a file needs (not SQLAlchemy and Alembic: a worker process
starts in a third of the time). Every failure becomes a rejected result with a reason.
"""

from __future__ import annotations

import dataclasses
import time
from functools import lru_cache
from pathlib import Path

from PIL import Image

from baulast.errors import InputRejected
from baulast.gazetteer import Gazetteer
from baulast.model import Extraction, FileResult, PageText, ScanFile, Status
from baulast.options import TaskOptions
from baulast.validation import decide, validate
from pipeline.classify import SHEET_THRESHOLD, likeliest_sheet, sheet_score
from pipeline.crosscheck import cross_check, other_page_numbers
from pipeline.efile import PdfSpool, page_pdf
from pipeline.extract import extract, from_likeliest_sheet
from pipeline.ocr import OcrEngine, TesseractEngine, read_page
from pipeline.pages import iter_pages
from pipeline.reread import reread_missing
from pipeline.verify import verify_date, verify_register_number


@lru_cache(maxsize=4)
def gazetteer_for(path: str | None, csv_text: str | None = None) -> Gazetteer:
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
        ocr_pages, rotations, scores, dpis = [], [], [], {}
        # Only the images a second reading may need are kept: the likeliest sheet's, and the first
        # page of a sheet continued over several pages (see likeliest_sheet).
        best_score, sheet_image, sheet_image_page = float("-inf"), None, 0
        run_start: tuple[int, Image.Image] | None = None  # the first page of the current run of sheet pages
        best_run_start: tuple[int, Image.Image] | None = None
        for page in iter_pages(Path(scan.path), options.dpi):
            watch.lap("render")
            reading = read_page(engine, page.image, page.number, page.dpi)
            watch.lap("ocr")
            spool.add(page_pdf(reading.shown, page.dpi, reading.ocr.pdf))
            ocr_pages.append(reading.ocr.page)
            dpis[page.number] = page.dpi
            rotations.append(reading.rotation)
            scores.append(score := sheet_score(reading.ocr.page))
            if score < SHEET_THRESHOLD:
                run_start = None
            elif run_start is None:
                run_start = (page.number, reading.for_ocr)
            if score > best_score:
                best_score, sheet_image, sheet_image_page = score, reading.for_ocr, page.number
                best_run_start = run_start
            kept = {id(sheet_image)} | {id(image) for _, image in filter(None, (run_start, best_run_start))}
            if id(page.image) not in kept:  # a kept image may be the page image itself
                page.image.close()
            watch.lap("pdf")
        images = {sheet_image_page: sheet_image} | dict(filter(None, [best_run_start]))
        if not ocr_pages:
            raise InputRejected("no pages")
        gazetteer = gazetteer_for(options.gazetteer_path, options.gazetteer_csv)
        sheet, sure = likeliest_sheet(ocr_pages, scores)
        extraction = extract(sheet, gazetteer) if sheet is not None else Extraction()
        if sheet is not None:
            extraction = reread_missing(extraction, sheet, images.get(sheet.number), engine, gazetteer,
                                        dpis[sheet.number])
        if sheet is not None and not sure:
            extraction = from_likeliest_sheet(extraction, sheet, scores, ocr_pages.index(sheet), gazetteer)
        if sheet is not None:
            others = other_page_numbers(ocr_pages, sheet.number)
            extraction = dataclasses.replace(
                extraction, register_number=cross_check(extraction.register_number, others))
        if sheet is not None and sheet.number in images:
            # The second reading comes last: another page agreeing (a continuation page in the
            # same typeface misreads a glyph alike) never outweighs a disputed glyph.
            image = images[sheet.number]
            number = extraction.register_number
            on_sheet = number is not None and number.evidence is not None and number.evidence.page == sheet.number
            extraction = dataclasses.replace(
                extraction,
                register_number=verify_register_number(number, image, engine) if on_sheet else number,
                date=verify_date(extraction.date, image, engine),
            )
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


def unreadable_reason(error: OSError) -> str:
    """One line saying why a file could not be read."""
    if isinstance(error, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(error, PermissionError):
        return "file cannot be read: permission denied"
    if isinstance(error, IsADirectoryError):
        return "not a file but a folder"
    return f"file cannot be read: {error.strerror or error}"

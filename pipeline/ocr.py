"""OCR with Tesseract: one run per page gives both the word boxes and the PDF text layer.

The engine sits behind a small Protocol so fast unit tests can use a fake; the real
Tesseract engine is what the pipeline and the end-to-end tests use.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytesseract
from PIL import Image

from baulast.errors import InputRejected, ToolsMissing
from baulast.model import OcrPage, Word
from pipeline.preprocess import prepare

DEFAULT_LANG = "deu"
DEFAULT_PAGE_TIMEOUT = 180  # seconds; a page that takes longer is treated as unreadable


@dataclass(frozen=True)
class OcrOutput:
    """The recognised words of a page and its invisible text layer (a one-page PDF)."""

    page: OcrPage
    pdf: bytes


class OcrEngine(Protocol):
    """Something that reads a page image."""

    def recognize(self, image: Image.Image, number: int, dpi: int) -> OcrOutput:
        """Read one page: words with boxes and confidences, plus a one-page text-only PDF."""
        ...

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        """Degrees to turn the page counter-clockwise so its text stands upright, and the confidence."""
        ...

    def read_line(self, image: Image.Image) -> str:
        """Read a small image that holds one line of text (a second opinion on a value)."""
        ...


def _tessdata_dir() -> Path | None:
    """The folder Tesseract reads its language data from, as it reports it."""
    try:
        done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.search(r'"([^"]+)"', done.stdout + done.stderr)
    return Path(found.group(1)) if found else None


def check_tools(lang: str = DEFAULT_LANG) -> None:
    """Raise ToolsMissing, saying what to install, unless Tesseract with `lang` and poppler are there."""
    hint = "install them with: apt-get install tesseract-ocr tesseract-ocr-deu poppler-utils (or run make setup)"
    try:
        languages = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as exc:
        raise ToolsMissing(f"Tesseract is not installed or does not start; {hint}") from exc
    missing = [name for name in lang.split("+") if name not in languages]
    if missing:
        raise ToolsMissing(f"Tesseract has no language data for {', '.join(missing)}; {hint}")
    if shutil.which("pdftoppm") is None:
        raise ToolsMissing(f"poppler's pdftoppm is not installed; {hint}")


def tool_versions(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Versions of the external tools and a checksum of the language data, so a result can be
    traced to what produced it."""
    versions = {"tesseract": tesseract_version()}
    folder = _tessdata_dir()
    for name in lang.split("+"):
        data = folder / f"{name}.traineddata" if folder else None
        if data is not None and data.exists():
            versions[f"tessdata_{name}_sha256"] = hashlib.sha256(data.read_bytes()).hexdigest()
    try:
        done = subprocess.run(["pdftoppm", "-v"], capture_output=True, text=True, timeout=30)
        versions["poppler"] = (done.stderr or done.stdout).splitlines()[0].split()[-1]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        versions["poppler"] = "not found"
    return versions


def tesseract_version() -> str:
    """The installed Tesseract's version, e.g. "5.3.0"."""
    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return "not found"


class TesseractEngine:
    """Tesseract 5 through pytesseract: one run per page gives TSV and PDF together.

    Worker processes set OMP_THREAD_LIMIT=1 so each Tesseract uses one core.
    """

    def __init__(self, lang: str = DEFAULT_LANG, timeout: float = DEFAULT_PAGE_TIMEOUT) -> None:
        self.lang = lang
        self.timeout = timeout

    def recognize(self, image: Image.Image, number: int, dpi: int) -> OcrOutput:
        """One Tesseract run per page: word boxes (TSV) and a text-only PDF layer together."""
        with tempfile.TemporaryDirectory(prefix="baulast-ocr-") as tmp:
            source, base = Path(tmp) / "page.png", Path(tmp) / "out"
            # Lossless, with the resolution: Tesseract sizes the PDF page from it.
            image.save(source, format="PNG", dpi=(dpi, dpi), compress_level=1)
            try:
                pytesseract.pytesseract.run_tesseract(
                    str(source), str(base), extension="pdf", lang=self.lang,
                    config=f"--dpi {dpi} -c tessedit_create_tsv=1 -c textonly_pdf=1", timeout=self.timeout,
                )
            except pytesseract.TesseractError as exc:  # a RuntimeError too, so it comes first
                raise InputRejected(f"OCR of page {number} failed: {_first_line(exc.message)}") from exc
            except RuntimeError as exc:  # pytesseract's way of saying the timeout struck
                raise InputRejected(f"OCR of page {number} timed out after {self.timeout:g} s") from exc
            tsv = base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
            text_layer = base.with_suffix(".pdf").read_bytes()
        words, text = parse_tsv(tsv)
        page = OcrPage(number=number, width=image.width, height=image.height, words=words, text=text)
        return OcrOutput(page=page, pdf=text_layer)

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        """Tesseract's orientation and script detection (OSD) on the page."""
        image.info["dpi"] = (dpi, dpi)
        try:
            report = pytesseract.image_to_osd(image, config="--psm 0", timeout=self.timeout)
        except (RuntimeError, pytesseract.TesseractError):
            return 0, 0.0  # too little text to tell: leave the page as it is
        return parse_osd(report)


    def read_line(self, image: Image.Image) -> str:
        """Tesseract in single-line mode on a small crop."""
        try:
            return pytesseract.image_to_string(image, lang=self.lang, config="--psm 7", timeout=self.timeout).strip()
        except (RuntimeError, pytesseract.TesseractError):
            return ""


def _first_line(message: object) -> str:
    """The last non-empty line of a tool's message, which is where Tesseract puts the reason."""
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    return lines[-1] if lines else "unknown error"


def parse_osd(report: str) -> tuple[int, float]:
    """(Rotate, Orientation confidence) from Tesseract's OSD report."""
    rotate = re.search(r"Rotate:\s*(\d+)", report)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", report)
    return (int(rotate.group(1)) if rotate else 0, float(confidence.group(1)) if confidence else 0.0)


def parse_tsv(tsv: str) -> tuple[tuple[Word, ...], str]:
    """Words (level 5 rows) and the page text with one line per OCR line, blank lines between blocks."""
    words: list[Word] = []
    for line in tsv.splitlines()[1:]:  # the first line is the header
        row = line.split("\t")
        if len(row) < 12 or row[0] != "5" or not row[11].strip():
            continue
        try:
            left, top, width, height = (int(v) for v in row[6:10])
            words.append(Word(
                text=row[11].strip(), conf=float(row[10]), bbox=(left, top, left + width, top + height),
                block=int(row[2]), par=int(row[3]), line=int(row[4]),
            ))
        except ValueError:
            continue  # a malformed row: Tesseract never writes one, but a word is not worth a crash
    lines: list[str] = []
    previous: tuple[int, int, int] | None = None
    for word in words:
        key = (word.block, word.par, word.line)
        if key != previous:
            if previous is not None and word.block != previous[0]:
                lines.append("")
            lines.append(word.text)
            previous = key
        else:
            lines[-1] += " " + word.text
    return tuple(words), "\n".join(lines)


@dataclass(frozen=True)
class PageReading:
    """One page read: the page as shown (deskewed, upright), its OCR and how it was turned."""

    shown: Image.Image
    ocr: OcrOutput
    rotation: int  # degrees clockwise the scan was turned to stand upright
    skew: float
    for_ocr: Image.Image | None = None  # the copy Tesseract read (form rules removed)


def read_page(engine: OcrEngine, image: Image.Image, number: int, dpi: int) -> PageReading:
    """Prepare and OCR a page, turning it upright first where the first reading looks wrong.

    Orientation detection runs only on pages whose first reading is poor, so upright
    pages (nearly all of them) cost one Tesseract run.
    """
    prepared = prepare(image)
    first = PageReading(prepared.shown, engine.recognize(prepared.for_ocr, number, dpi), 0, prepared.skew,
                        prepared.for_ocr)
    if _reads_well(first.ocr.page):
        return first
    rotate, confidence = engine.orientation(prepared.for_ocr, dpi)
    if rotate == 0 or confidence < 1.0:
        return first
    # OSD's "Rotate" is clockwise; PIL rotates counter-clockwise.
    turned = prepare(image.rotate(-rotate, expand=True))
    second = PageReading(turned.shown, engine.recognize(turned.for_ocr, number, dpi), rotate, turned.skew,
                         turned.for_ocr)
    return second if second.ocr.page.mean_confidence > first.ocr.page.mean_confidence else first


def _reads_well(page: OcrPage) -> bool:
    """Whether a page's first OCR reading is good enough to skip orientation detection."""
    good_words = sum(1 for w in page.words if w.conf >= 70 and len(w.text) >= 3 and w.text.isalpha())
    return good_words >= 25 and page.mean_confidence >= 70

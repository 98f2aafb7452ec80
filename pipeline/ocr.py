"""OCR with Tesseract: one reading per page gives both the word boxes and the PDF text layer.

Each worker (process or thread) keeps its own Tesseract engine with the language model
loaded (`pipeline.tessapi`), so a page costs its recognition and nothing more. The engine
sits behind a small Protocol so fast unit tests can use a fake; the real Tesseract engine is
what the pipeline and the end-to-end tests use.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from PIL import Image

from baulast.errors import InputRejected, ToolsMissing
from baulast.model import OcrPage, Word
from pipeline.preprocess import PreparedPage, bridge_gaps, even_paper, prepare
from pipeline.tessapi import PSM_AUTO, PSM_OSD_ONLY, PSM_SINGLE_LINE, PSM_SPARSE, TessApi, TesseractUnavailable, version

DEFAULT_LANG = "deu"
DEFAULT_PAGE_TIMEOUT = 180  # seconds; a page that takes longer is treated as unreadable
_ORIENTATION_DPI = 150  # enough resolution to tell which way the text runs
_FEW_WORDS = 8  # upright words that show a page of little text upright (see _reads_well)
_LINE_DPI = 300  # a value crop carries no resolution; a scanned page's is the likeliest
# The sparse second reading reads the page at three quarters of its resolution: a quarter faster, and on
# the development corpora it found more of the missing dates than at full resolution (36 against 31 of 94).
SPARSE_SCALE = 0.75
_INSTALL_HINT = "install them with: apt-get install tesseract-ocr tesseract-ocr-deu tesseract-ocr-osd poppler-utils (or run make setup)"


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
        """Degrees to turn the page clockwise so its text stands upright, and the confidence."""
        ...

    def read_line(self, image: Image.Image) -> str:
        """Read a small image that holds one line of text (a second opinion on a value)."""
        ...

    def read_sparse(self, image: Image.Image, number: int, dpi: int) -> OcrPage:
        """Read a page again as sparse text, without page layout analysis: words only."""
        ...


_engines = threading.local()


def loaded_engine(lang: str, psm: int = PSM_AUTO) -> TessApi:
    """This thread's Tesseract engine for `lang`, loaded on first use and kept."""
    cache: dict[str, TessApi] = _engines.__dict__.setdefault("by_lang", {})
    if lang not in cache:
        cache[lang] = TessApi(lang, psm)
    return cache[lang]


def check_tools(lang: str = DEFAULT_LANG) -> None:
    """Raise ToolsMissing, saying what to install, unless Tesseract with `lang` and osd, and poppler are there.

    Loads each language afresh (not this thread's kept engine), so it tells how things stand now.
    """
    for name in (lang, "osd"):
        try:
            TessApi(name, PSM_OSD_ONLY if name == "osd" else PSM_AUTO).close()
        except TesseractUnavailable as exc:
            raise ToolsMissing(f"{exc}; {_INSTALL_HINT}") from exc
    if shutil.which("pdftoppm") is None:
        raise ToolsMissing(f"poppler's pdftoppm is not installed; {_INSTALL_HINT}")


def tool_versions(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Versions of the external tools and a checksum of the language data, so a result can be
    traced to what produced it."""
    versions = {"tesseract": tesseract_version()}
    try:
        folder: Path | None = Path(loaded_engine("osd", PSM_OSD_ONLY).datapath)
    except TesseractUnavailable:
        folder = None
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
    """The Tesseract library's version, e.g. "5.3.0"."""
    try:
        return version()
    except TesseractUnavailable:
        return "not found"


class TesseractEngine:
    """Tesseract 5 in-process: one recognition per page gives the TSV words and the PDF text layer.

    Worker processes set OMP_THREAD_LIMIT=1 so each Tesseract uses one core.
    """

    def __init__(self, lang: str = DEFAULT_LANG, timeout: float = DEFAULT_PAGE_TIMEOUT) -> None:
        self.lang = lang
        self.timeout = timeout

    def _engine(self) -> TessApi:
        try:
            return loaded_engine(self.lang)
        except TesseractUnavailable as exc:
            raise ToolsMissing(f"{exc}; {_INSTALL_HINT}") from exc

    def recognize(self, image: Image.Image, number: int, dpi: int) -> OcrOutput:
        """One recognition per page: word boxes (TSV) and a text-only PDF layer from it."""
        try:
            engine = loaded_engine(self.lang)
        except TesseractUnavailable as exc:
            raise InputRejected(f"OCR of page {number} failed: {exc}") from exc
        engine.set_page_mode(PSM_AUTO)
        engine.set_image(image, dpi)
        started = time.monotonic()
        if not engine.recognize(self.timeout):
            engine.clear()
            if time.monotonic() - started >= self.timeout:
                raise InputRejected(f"OCR of page {number} timed out after {self.timeout:g} s")
            raise InputRejected(f"OCR of page {number} failed: Tesseract could not read the page image")
        words, text = parse_tsv(engine.tsv())
        text_layer = engine.text_layer_pdf()
        engine.clear()
        page = OcrPage(number=number, width=image.width, height=image.height, words=words, text=text)
        return OcrOutput(page=page, pdf=text_layer)

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        """Tesseract's orientation detection (OSD) on the page: clockwise degrees to turn it upright."""
        try:
            osd = loaded_engine("osd", PSM_OSD_ONLY)
        except TesseractUnavailable:
            return 0, 0.0  # no osd data: leave the page as it is
        osd.set_image(image, dpi)
        found = osd.orientation()
        osd.clear()
        if found is None:
            return 0, 0.0  # too little text to tell
        degrees, confidence = found  # how far the page is turned clockwise
        return (360 - degrees) % 360, confidence

    def read_sparse(self, image: Image.Image, number: int, dpi: int) -> OcrPage:
        """Tesseract in sparse-text mode (PSM 11): every word it can find, in no block order. The
        page layout analysis of the first reading drops words it cannot place in a block (a
        stamp's date, a number alone in a box); this reading keeps them. Read at `SPARSE_SCALE` of
        the page's resolution, the word boxes given in the page's own pixels. An empty page where
        Tesseract gives up."""
        engine = self._engine()
        engine.set_page_mode(PSM_SPARSE)
        small = image.resize((round(image.width * SPARSE_SCALE), round(image.height * SPARSE_SCALE)), Image.LANCZOS)
        try:
            engine.set_image(small, round(dpi * SPARSE_SCALE))
            words, text = parse_tsv(engine.tsv()) if engine.recognize(self.timeout) else ((), "")
            engine.clear()
            words = tuple(replace(w, bbox=tuple(round(v / SPARSE_SCALE) for v in w.bbox)) for w in words)
            return OcrPage(number=number, width=image.width, height=image.height, words=words, text=text)
        finally:
            engine.set_page_mode(PSM_AUTO)

    def read_line(self, image: Image.Image) -> str:
        """Tesseract in single-line mode on a small crop."""
        engine = self._engine()
        engine.set_page_mode(PSM_SINGLE_LINE)
        try:
            engine.set_image(image, _LINE_DPI)
            text = engine.text().strip() if engine.recognize(self.timeout) else ""
            engine.clear()
            return text
        finally:
            engine.set_page_mode(PSM_AUTO)


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
        return first if first.ocr.page.words else _read_again(engine, prepared, first, number, dpi)
    rotate, confidence = _orientation(engine, prepared.for_ocr, dpi)
    if rotate == 0 or confidence < 1.0:
        return _read_again(engine, prepared, first, number, dpi)
    # OSD's "Rotate" is clockwise; PIL rotates counter-clockwise.
    turned = prepare(image.rotate(-rotate, expand=True))
    second = PageReading(turned.shown, engine.recognize(turned.for_ocr, number, dpi), rotate, turned.skew,
                         turned.for_ocr)
    # Not the mean confidence: Tesseract may read a page turned by 90° as vertical lines, as
    # confidently as the upright page; only words read across the page show which way is up.
    return second if _upright_words(second.ocr.page) > _upright_words(first.ocr.page) else first


def _read_again(engine: OcrEngine, prepared: PreparedPage, first: PageReading, number: int,
                  dpi: int) -> PageReading:
    """An upright page read poorly, read again: with the gaps in its letters' strokes closed (a
    draft dot-matrix print, whose letters are rows of bars), or, where it read as no word at all,
    with its paper evened out. The reading with more words read across the page. Costs a reading
    only where the first was poor, the page not turned and one of the two copies differs from it."""
    bridged = bridge_gaps(prepared.for_ocr, dpi)
    if bridged is None:
        # No dot-matrix print. A page read as no word at all may be one whose paper is uneven (a grey scan
        # with white patches): Tesseract's one threshold for the page split the patches from the paper.
        bridged = even_paper(prepared.for_ocr) if not first.ocr.page.words else None
    if bridged is None:
        return first  # another reading would read the same
    second = PageReading(prepared.shown, engine.recognize(bridged, number, dpi), 0, prepared.skew, bridged)
    return second if _upright_words(second.ocr.page) > _upright_words(first.ocr.page) else first


def _orientation(engine: OcrEngine, image: Image.Image, dpi: int) -> tuple[int, float]:
    """Which way the page is turned (clockwise degrees to upright) and how sure OSD is: at half
    the resolution first, and where that leaves OSD unsure, at the page's own. Faint typewriter
    letters upside down may be too thin at 150 dpi to tell which way they run."""
    reduced, reduced_dpi = _for_orientation(image, dpi)
    rotate, confidence = engine.orientation(reduced, reduced_dpi)
    if confidence >= 1.0 or reduced_dpi == dpi:
        return rotate, confidence
    return engine.orientation(image, dpi)


def _for_orientation(image: Image.Image, dpi: int) -> tuple[Image.Image, int]:
    """The page at about 150 dpi or more for orientation detection: half the pixels of a
    300 dpi page tell the way text runs just as well, at a quarter of the cost."""
    if dpi < 2 * _ORIENTATION_DPI:
        return image, dpi
    factor = dpi // _ORIENTATION_DPI
    grey = image if image.mode == "L" else image.convert("L")
    return grey.reduce(factor), dpi // factor


def _reads_well(page: OcrPage) -> bool:
    """Whether a page's first OCR reading shows it upright, so orientation detection is skipped.

    Text upside down never yields 25 confidently read words of letters, and text turned by
    90° is read, if at all, as vertical lines of words taller than wide, so only words wider
    than tall count. The mean confidence is no sign of a turned page (stamps, signatures and
    speckle lower it on poor upright scans), so it does not count.

    A page with little text (a Lageplan, a short note) reads well too where most of its words
    of letters are read confidently across the page: upside down, Tesseract reads at most a
    fifth of them so, turned by 90° none. A page without a single word has nothing for
    orientation detection to go by either.
    """
    upright = _upright_words(page)
    if upright >= 25 or not page.words:
        return True
    lettered = [w for w in page.words if len(w.text) >= 3 and w.text.isalpha()]
    on_end = sum(1 for w in lettered if w.bbox[3] - w.bbox[1] > w.bbox[2] - w.bbox[0])
    return upright >= _FEW_WORDS and 2 * upright >= len(lettered) and 4 * on_end <= upright


def _upright_words(page: OcrPage) -> int:
    """Confidently read words of three or more letters that run across the page (wider than tall)."""
    return sum(
        1 for w in page.words
        if w.conf >= 70 and len(w.text) >= 3 and w.text.isalpha() and w.bbox[2] - w.bbox[0] > w.bbox[3] - w.bbox[1]
    )

"""Tesseract in-process, through the C API of the system's libtesseract (ctypes).

A worker loads the language model once and reads every page with it, instead of starting a
`tesseract` process (and loading the model) per page. It is the library the `tesseract`
command itself runs, so both read a page alike. Only the handful of C functions the pipeline
needs are declared here; each `TessApi` belongs to one thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from PIL import Image

PSM_OSD_ONLY, PSM_AUTO, PSM_SINGLE_LINE, PSM_SPARSE = 0, 3, 7, 11  # TessPageSegMode; PSM_AUTO is the command's default


class TesseractUnavailable(RuntimeError):
    """libtesseract cannot be loaded, or has no data for a language."""


class _Monitor(ctypes.Structure):
    """Opaque ETEXT_DESC (progress and deadline of one recognition)."""


class _Api(ctypes.Structure):
    """Opaque TessBaseAPI."""


class _Renderer(ctypes.Structure):
    """Opaque TessResultRenderer."""


_API, _MONITOR, _RENDERER = ctypes.POINTER(_Api), ctypes.POINTER(_Monitor), ctypes.POINTER(_Renderer)
_SIGNATURES: dict[str, tuple[object, list[object]]] = {
    "TessVersion": (ctypes.c_char_p, []),
    "TessBaseAPICreate": (_API, []),
    "TessBaseAPIDelete": (None, [_API]),
    "TessBaseAPIInit3": (ctypes.c_int, [_API, ctypes.c_char_p, ctypes.c_char_p]),
    "TessBaseAPIGetDatapath": (ctypes.c_char_p, [_API]),
    "TessBaseAPISetPageSegMode": (None, [_API, ctypes.c_int]),
    "TessBaseAPISetVariable": (ctypes.c_int, [_API, ctypes.c_char_p, ctypes.c_char_p]),
    "TessBaseAPISetImage": (None, [_API, ctypes.c_char_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]),
    "TessBaseAPISetSourceResolution": (None, [_API, ctypes.c_int]),
    "TessBaseAPIRecognize": (ctypes.c_int, [_API, _MONITOR]),
    "TessBaseAPIGetTsvText": (ctypes.c_void_p, [_API, ctypes.c_int]),
    "TessBaseAPIGetUTF8Text": (ctypes.c_void_p, [_API]),
    "TessBaseAPIDetectOrientationScript": (
        ctypes.c_int,
        [_API, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_float),
         ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_float)],
    ),
    "TessBaseAPIClear": (None, [_API]),
    "TessDeleteText": (None, [ctypes.c_void_p]),
    "TessMonitorCreate": (_MONITOR, []),
    "TessMonitorDelete": (None, [_MONITOR]),
    "TessMonitorSetDeadlineMSecs": (None, [_MONITOR, ctypes.c_int]),
    "TessPDFRendererCreate": (_RENDERER, [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]),
    "TessResultRendererBeginDocument": (ctypes.c_int, [_RENDERER, ctypes.c_char_p]),
    "TessResultRendererAddImage": (ctypes.c_int, [_RENDERER, _API]),
    "TessResultRendererEndDocument": (ctypes.c_int, [_RENDERER]),
    "TessDeleteResultRenderer": (None, [_RENDERER]),
}


@lru_cache(maxsize=1)
def library() -> ctypes.CDLL:
    """libtesseract with the functions used here declared.

    OpenMP reads OMP_THREAD_LIMIT once, when libtesseract pulls it in: one core per engine
    (parallelism comes from the workers) unless the environment says otherwise.
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    name = ctypes.util.find_library("tesseract") or "libtesseract.so.5"
    try:
        lib = ctypes.CDLL(name)
    except OSError as exc:
        raise TesseractUnavailable(f"libtesseract cannot be loaded ({exc})") from exc
    for function, (restype, argtypes) in _SIGNATURES.items():
        declared = getattr(lib, function)
        declared.restype, declared.argtypes = restype, argtypes
    return lib


def version() -> str:
    """The loaded libtesseract's version, e.g. "5.3.0"."""
    return library().TessVersion().decode()


def _take_text(pointer: int | None) -> str:
    """A string Tesseract allocated, copied and freed."""
    if not pointer:
        return ""
    try:
        return ctypes.string_at(pointer).decode("utf-8", errors="replace")
    finally:
        library().TessDeleteText(pointer)


def _pixels(image: Image.Image) -> tuple[bytes, int]:
    """8-bit grey pixels of the image and bytes per pixel (1), as Tesseract's SetImage reads them."""
    grey = image if image.mode == "L" else image.convert("L")
    return grey.tobytes(), 1


class TessApi:
    """One initialised Tesseract engine: a language model loaded once, read many times."""

    def __init__(self, lang: str, psm: int = PSM_AUTO) -> None:
        self._lib = library()
        self._handle = self._lib.TessBaseAPICreate()
        if self._lib.TessBaseAPIInit3(self._handle, None, lang.encode()) != 0:
            self._lib.TessBaseAPIDelete(self._handle)
            self._handle = None
            raise TesseractUnavailable(f"Tesseract has no language data for {lang}")
        self.lang = lang
        self.psm = psm
        self._lib.TessBaseAPISetPageSegMode(self._handle, psm)
        # Tesseract's diagnostics ("Detected 66 diacritics", resolution guesses) are not for
        # the clerk's terminal; a failed page says why through its return value instead.
        self._lib.TessBaseAPISetVariable(self._handle, b"debug_file", os.devnull.encode())

    @property
    def datapath(self) -> str:
        """The folder the language data was read from."""
        return (self._lib.TessBaseAPIGetDatapath(self._handle) or b"").decode()

    def set_page_mode(self, psm: int) -> None:
        """Change how the next images are segmented (a page, a single line, ...)."""
        if psm != self.psm:
            self._lib.TessBaseAPISetPageSegMode(self._handle, psm)
            self.psm = psm

    def set_image(self, image: Image.Image, dpi: int | None = None) -> None:
        """Give Tesseract the next image (copied by Tesseract), with its resolution."""
        data, depth = _pixels(image)
        self._lib.TessBaseAPISetImage(self._handle, data, image.width, image.height, depth, image.width * depth)
        if dpi:
            self._lib.TessBaseAPISetSourceResolution(self._handle, int(dpi))

    def recognize(self, timeout: float | None = None) -> bool:
        """Read the image; False if it failed or the deadline (seconds) struck first."""
        monitor = None
        if timeout:
            monitor = self._lib.TessMonitorCreate()
            self._lib.TessMonitorSetDeadlineMSecs(monitor, int(timeout * 1000))
        try:
            return self._lib.TessBaseAPIRecognize(self._handle, monitor) == 0
        finally:
            if monitor:
                self._lib.TessMonitorDelete(monitor)

    def tsv(self) -> str:
        """The recognised words as Tesseract's TSV rows (no header line)."""
        return _take_text(self._lib.TessBaseAPIGetTsvText(self._handle, 0))

    def text(self) -> str:
        """The recognised text."""
        return _take_text(self._lib.TessBaseAPIGetUTF8Text(self._handle))

    def text_layer_pdf(self) -> bytes:
        """The recognised page as a one-page PDF of invisible text (Tesseract's own PDF renderer)."""
        with tempfile.TemporaryDirectory(prefix="baulast-ocr-") as tmp:
            base = str(Path(tmp) / "page")
            renderer = self._lib.TessPDFRendererCreate(base.encode(), self.datapath.encode(), 1)
            if not renderer:
                raise TesseractUnavailable("Tesseract's PDF renderer cannot start (is pdf.ttf in the data folder?)")
            try:
                ok = (self._lib.TessResultRendererBeginDocument(renderer, b"")
                      and self._lib.TessResultRendererAddImage(renderer, self._handle)
                      and self._lib.TessResultRendererEndDocument(renderer))
            finally:
                self._lib.TessDeleteResultRenderer(renderer)
            if not ok:
                raise RuntimeError("Tesseract's PDF renderer failed on this page")
            return Path(base + ".pdf").read_bytes()

    def orientation(self) -> tuple[int, float] | None:
        """(degrees clockwise the image is turned, confidence), or None if it cannot tell.

        Needs an engine initialised with the "osd" data and PSM_OSD_ONLY.
        """
        degrees, confidence = ctypes.c_int(0), ctypes.c_float(0.0)
        script, script_confidence = ctypes.c_char_p(), ctypes.c_float(0.0)
        if not self._lib.TessBaseAPIDetectOrientationScript(
            self._handle, ctypes.byref(degrees), ctypes.byref(confidence),
            ctypes.byref(script), ctypes.byref(script_confidence),
        ):
            return None
        return degrees.value, confidence.value

    def clear(self) -> None:
        """Free the last image and its results (the model stays loaded)."""
        self._lib.TessBaseAPIClear(self._handle)

    def close(self) -> None:
        """Free the engine."""
        if self._handle:
            self._lib.TessBaseAPIDelete(self._handle)
            self._handle = None

    def __del__(self) -> None:
        self.close()

"""Typed values passed between the pipeline stages and the storage layer.

Everything here is a frozen dataclass: small, picklable (so it crosses process
boundaries to worker processes), and free of I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

BBox = tuple[int, int, int, int]  # left, top, right, bottom in page pixels


class Status(StrEnum):
    """Outcome of one e-file: the register only ever trusts `accepted`."""

    ACCEPTED = "accepted"
    NEEDS_REVIEW = "needs_review"
    REJECTED = "rejected"


class LedgerState(StrEnum):
    """Where an input file stands; states only move forward."""

    PENDING = "pending"  # listed and hashed, no work done yet
    DONE = "done"  # a record (accepted / needs_review / rejected) is committed
    DUPLICATE = "duplicate"  # byte-identical to a file that already has a record


CORE_FIELDS = ("municipality", "register_number", "parcels", "date")


@dataclass(frozen=True, order=True)
class Parcel:
    """One cadastral parcel: Gemarkung + Flur + Flurstück ("123" or "123/4")."""

    gemarkung: str
    flur: int | None
    flurstueck: str

    @property
    def zaehler(self) -> int:
        """The Flurstück's numerator (the part before the slash)."""
        return int(self.flurstueck.split("/")[0])

    @property
    def nenner(self) -> int | None:
        """The Flurstück's denominator, if any."""
        parts = self.flurstueck.split("/")
        return int(parts[1]) if len(parts) > 1 else None

    def label(self) -> str:
        """Short human form, e.g. "Zons 3 123/4"."""
        flur = "" if self.flur is None else f" {self.flur}"
        return f"{self.gemarkung}{flur} {self.flurstueck}"

    def to_json(self) -> dict[str, Any]:
        """The export form: {"gemarkung", "flur", "flurstueck"}."""
        return {"gemarkung": self.gemarkung, "flur": self.flur, "flurstueck": self.flurstueck}


@dataclass(frozen=True)
class Evidence:
    """Where a field value came from: page (1-based), box and the OCR text read there."""

    page: int
    bbox: BBox | None
    text: str


@dataclass(frozen=True)
class Field:
    """One extracted value with its confidence (0..1) and evidence."""

    name: str
    value: Any
    confidence: float
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Entry:
    """One entry (Lfd. Nr.) of a Baulastenblatt."""

    lfd_nr: int
    type: str | None
    registered_on: dt.date | None
    deleted_on: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        """The export form with ISO dates."""
        return {
            "lfd_nr": self.lfd_nr,
            "type": self.type,
            "registered_on": self.registered_on.isoformat() if self.registered_on else None,
            "deleted_on": self.deleted_on.isoformat() if self.deleted_on else None,
        }


@dataclass(frozen=True)
class Finding:
    """A validation remark; an `error` finding keeps a record out of the register."""

    severity: str  # "error" | "warning"
    code: str
    message: str
    field: str | None = None


@dataclass(frozen=True)
class Word:
    """One OCR word with its box and Tesseract confidence (0..100)."""

    text: str
    conf: float
    bbox: BBox
    block: int
    par: int
    line: int


@dataclass(frozen=True)
class OcrPage:
    """The OCR result of one page: words with boxes plus the plain text."""

    number: int  # 1-based
    width: int
    height: int
    words: tuple[Word, ...]
    text: str
    rotation: int = 0  # degrees the page was turned before OCR

    @property
    def mean_confidence(self) -> float:
        """Mean word confidence (0..100) over words that carry any letters or digits."""
        confs = [w.conf for w in self.words if w.conf >= 0 and any(c.isalnum() for c in w.text)]
        return sum(confs) / len(confs) if confs else 0.0

    @property
    def low_confidence_share(self) -> float:
        """Share of words with confidence below 60."""
        confs = [w.conf for w in self.words if w.conf >= 0 and any(c.isalnum() for c in w.text)]
        return sum(1 for c in confs if c < 60) / len(confs) if confs else 1.0


@dataclass(frozen=True)
class Extraction:
    """The fields read from an e-file; a field that was not found is None."""

    municipality: Field | None = None
    register_number: Field | None = None
    parcels: Field | None = None  # value: tuple[Parcel, ...]
    date: Field | None = None  # value: datetime.date
    entries: tuple[Entry, ...] = ()
    sheet_page: int | None = None  # 1-based page that holds the Baulastenblatt
    sheet_certain: bool = True  # False: the page is only the likeliest sheet, in unknown wordings

    def fields(self) -> dict[str, Field]:
        """The fields that were found, by name."""
        found = {
            "municipality": self.municipality,
            "register_number": self.register_number,
            "parcels": self.parcels,
            "date": self.date,
        }
        return {k: v for k, v in found.items() if v is not None}


@dataclass(frozen=True)
class ScanFile:
    """One input file as listed by intake."""

    path: str  # absolute path
    sha256: str
    size: int

    @property
    def filename(self) -> str:
        """The file's name without folders."""
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class PageText:
    """Searchable text and quality of one page, as stored."""

    number: int
    text: str
    mean_confidence: float
    low_confidence_share: float
    rotation: int = 0
    is_sheet: bool = False
    width: int | None = None  # pixels of the OCR image, which word boxes refer to
    height: int | None = None


@dataclass(frozen=True)
class FileResult:
    """What processing one input file produced; a failure is a result, not an exception."""

    source: ScanFile
    status: Status
    error: str | None = None
    pages: tuple[PageText, ...] = ()
    extraction: Extraction = field(default_factory=Extraction)
    findings: tuple[Finding, ...] = ()
    pdf: bytes | None = None  # the searchable PDF
    pdf_file: str | None = None  # or the searchable PDF as a temporary file, taken over by whoever stores it
    seconds: float = 0.0
    stages: tuple[tuple[str, float], ...] = ()  # (stage, seconds) as the file went through them

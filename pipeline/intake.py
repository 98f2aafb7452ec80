"""Intake: find the input files, hash them, and say which paths were passed over."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from baulast.model import ScanFile

SCAN_SUFFIXES = frozenset({".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png"})
_CHUNK = 1 << 20


@dataclass
class Listing:
    """The files found under the given paths."""

    files: list[Path] = field(default_factory=list)  # to ingest, in a stable order
    skipped: list[Path] = field(default_factory=list)  # in a folder, but not a scan type
    missing: list[str] = field(default_factory=list)  # given, but not there


def list_inputs(paths: list[str | Path]) -> Listing:
    """Expand files and folders into the list of scan files, sorted, without repeats.

    In a folder only files with a scan suffix (.pdf .tif .tiff .jpg .jpeg .png, any case)
    are taken; hidden files are ignored and other files are reported as skipped. A file
    named explicitly is always taken: if it is no scan, it is rejected with a reason.
    """
    listing = Listing()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            listing.files.append(resolved)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    if child.suffix.lower() in SCAN_SUFFIXES:
                        add(child)
                    else:
                        listing.skipped.append(child)
        elif path.exists():
            add(path)
        else:
            listing.missing.append(str(given))
    return listing


def hash_file(path: Path) -> ScanFile:
    """Read a file once to get its sha256 and size (raises OSError if it cannot be read)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return ScanFile(path=str(path), sha256=digest.hexdigest(), size=size)

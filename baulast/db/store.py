"""Content-addressed file store for the searchable PDFs: the name is the content's sha256."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class Store:
    """A folder of files named by their sha256, written atomically, never overwritten."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path(self, key: str, suffix: str = ".pdf") -> Path:
        """Where the file with this key lives (two levels of fan-out keep folders small)."""
        return self.root / key[:2] / key[2:4] / f"{key}{suffix}"

    def put(self, data: bytes, suffix: str = ".pdf") -> str:
        """Store the bytes (if not already there) and return their key."""
        key = hashlib.sha256(data).hexdigest()
        self._write(key, suffix, lambda out: out.write(data))
        return key

    def put_file(self, source: str | Path, suffix: str = ".pdf") -> str:
        """Store a copy of a file (if not already there), read in blocks, and return its key."""
        with open(source, "rb") as handle:
            key = hashlib.file_digest(handle, "sha256").hexdigest()

        def copy(out: BinaryIO) -> None:
            with open(source, "rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)

        self._write(key, suffix, copy)
        return key

    def _write(self, key: str, suffix: str, fill: Callable[[BinaryIO], object]) -> None:
        """Write the file of a key unless it is there: to a temporary file in the same folder,
        synced, then renamed, so a crash never leaves a half-written file under a valid name."""
        target = self.path(key, suffix)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                fill(out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str, suffix: str = ".pdf") -> bytes:
        """The stored bytes of a key."""
        return self.path(key, suffix).read_bytes()

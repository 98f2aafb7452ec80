"""Content-addressed file store for the searchable PDFs: the name is the content's sha256."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path


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
        target = self.path(key, suffix)
        if target.exists():
            return key
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file in the same folder, then rename: a crash never
        # leaves a half-written file under a valid name.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return key

    def put_file(self, source: str | Path, suffix: str = ".pdf") -> str:
        """Store a copy of a file (if not already there), read in blocks, and return its key."""
        with open(source, "rb") as handle:
            key = hashlib.file_digest(handle, "sha256").hexdigest()
        target = self.path(key, suffix)
        if target.exists():
            return key
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return key

    def get(self, key: str, suffix: str = ".pdf") -> bytes:
        """The stored bytes of a key."""
        return self.path(key, suffix).read_bytes()

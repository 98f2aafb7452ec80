"""What the web app is started with: one object built by `baulast serve` and by the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WebSettings:
    """Settings of one server."""

    db_url: str | None = None  # None: BAULAST_DB, else the SQLite default
    store_dir: str | Path | None = None
    gazetteer: str | Path | None = None  # None: the shipped gazetteer
    secure_cookies: bool = True  # False only for plain HTTP on a trial machine
    login_attempts: int = 5  # failed sign-ins for one user name from one address ...
    address_attempts: int = 20  # ... or for any names from one address ...
    login_window_minutes: int = 15  # ... within this many minutes before sign-in is refused
    page_size: int = 20  # hits per search page

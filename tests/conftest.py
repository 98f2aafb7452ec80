"""Shared fixtures: a fake OCR engine for fast tests, and sample scans ingested once for real."""

from __future__ import annotations

import io
import itertools
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter

from baulast.db import Database
from baulast.db.records import export_all
from baulast.gazetteer import Gazetteer
from baulast.model import OcrPage, Word
from baulast.options import IngestOptions
from pipeline.ocr import OcrOutput
from pipeline.run import ingest
from tests.pgserver import ThrowawayPostgres

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_scans"
SCHEMA = json.loads((ROOT / "schemas" / "baulast-record.schema.json").read_text(encoding="utf-8"))


def blank_pdf() -> bytes:
    """A one-page PDF, as the fake engine's text layer."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_page(rows: list[list[tuple[str, int]]], number: int = 1, line_height: int = 60,
              conf: float = 95.0) -> OcrPage:
    """An OcrPage from rows of (word, x) pairs: each row is one OCR line, rows 80 px apart."""
    words: list[Word] = []
    for line_number, row in enumerate(rows, start=1):
        top = 100 + 80 * line_number
        for text, x in row:
            words.append(Word(text=text, conf=conf, bbox=(x, top, x + 30 * len(text), top + line_height),
                              block=line_number, par=1, line=1))
    text = "\n".join(" ".join(t for t, _ in row) for row in rows)
    return OcrPage(number=number, width=2480, height=3508, words=tuple(words), text=text)


# The head row of a sheet's entries table, as `make_page` takes it: text column at 600, remarks at 1800.
TABLE_HEAD_ROW = [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Eintragung", 920),
                  ("Bemerkungen", 1800)]


def words_of(line: str, x: int = 200) -> list[tuple[str, int]]:
    """A line of text as (word, x) pairs, placed left to right."""
    placed, position = [], x
    for token in line.split():
        placed.append((token, position))
        position += 30 * len(token) + 30
    return placed


class FakeEngine:
    """An OCR engine that returns prepared pages, for tests that need no Tesseract."""

    def __init__(self, pages: list[OcrPage]) -> None:
        self.pages = pages
        self.calls = 0

    def recognize(self, image: Image.Image, number: int, dpi: int) -> OcrOutput:
        """The prepared page with this number."""
        self.calls += 1
        return OcrOutput(page=self.pages[number - 1], pdf=blank_pdf())

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        """Always upright."""
        return 0, 10.0

    def read_line(self, image: Image.Image) -> str:
        """The prepared second reading."""
        return self.second_reading

    def read_sparse(self, image: Image.Image, number: int, dpi: int) -> OcrPage:
        """The prepared sparse reading of the page, or the page itself where none was prepared."""
        self.sparse_calls += 1
        return self.sparse_pages.get(number, self.pages[number - 1])

    second_reading = ""
    sparse_calls = 0
    sparse_pages: dict[int, OcrPage] = {}


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped gazetteer."""
    return Gazetteer.load()


BACKENDS = ("sqlite", "postgresql")
_TEMPLATE = "baulast_template"
_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres() -> Iterator[ThrowawayPostgres]:
    """A throwaway PostgreSQL server for the whole run, with a database migrated to head
    that each test clones (much faster than migrating again)."""
    with ThrowawayPostgres() as server:
        Database(server.create_database(_TEMPLATE)).dispose()
        yield server


def _backend_url(request: pytest.FixtureRequest, tmp_path: Path, template: str | None) -> Iterator[str]:
    """A new database on the fixture's backend: a SQLite file, or a PostgreSQL database
    (cloned from `template` if given) dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    server: ThrowawayPostgres = request.getfixturevalue("postgres")
    name = f"test_{next(_names)}"
    yield server.create_database(name, template=template)
    server.drop_database(name)


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database (nothing migrated yet), once per backend."""
    yield from _backend_url(request, tmp_path, template=None)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database at head with no records, once per backend."""
    yield from _backend_url(request, tmp_path, template=_TEMPLATE)


@pytest.fixture
def database(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """An empty database at head, with its store in a temporary folder: once on SQLite,
    once on a real PostgreSQL server."""
    db = Database(database_url, tmp_path / "store")
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def sample_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of sample_scans (the tests must never touch the originals)."""
    target = tmp_path_factory.mktemp("samples") / "sample_scans"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture(scope="session")
def ingested(sample_copy: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The sample scans ingested once with real Tesseract and two workers: (db, summary, export)."""
    folder = tmp_path_factory.mktemp("ingested")
    db = Database(f"sqlite:///{folder / 'baulast.sqlite'}", folder / "store")
    summary = ingest(IngestOptions(paths=(str(sample_copy),), workers=2), db=db)
    return db, summary, export_all(db)


# --- the web app -------------------------------------------------------------------------

WEB_PASSWORD = "correct horse battery staple"
WEB_USERS = {  # name: (role, municipalities; None = all)
    "admin": ("admin", None),
    "archivist": ("archivist", None),
    "kaarst": ("clerk", ("Kaarst",)),
    "dormagen": ("clerk", ("Dormagen",)),
}


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database file (WAL included), via SQLite's backup API."""
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def web_template(ingested, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """A folder with a copy of the ingested sample scans' database and one user per role
    (clerks of Kaarst and of Dormagen), all with WEB_PASSWORD: hashed once per run."""
    from sqlalchemy.engine import make_url

    from baulast.access import Role
    from baulast.db.users import add_user

    folder = tmp_path_factory.mktemp("web-template")
    source_db = ingested[0]
    copy_sqlite(Path(make_url(source_db.url).database), folder / "web.sqlite")
    db = Database(f"sqlite:///{folder / 'web.sqlite'}", source_db.store.root)
    gazetteer = Gazetteer.load()
    for name, (role, municipalities) in WEB_USERS.items():
        add_user(db, name, WEB_PASSWORD, Role(role), municipalities, gazetteer)
    db.dispose()
    return folder


def web_copy(template: Path, folder: Path, store: Path):  # type: ignore[no-untyped-def]
    """WebSettings over a private copy of the template's database; the store of PDFs is shared
    (the web app only reads it)."""
    from baulast.web.settings import WebSettings

    copy_sqlite(template / "web.sqlite", folder / "web.sqlite")
    return WebSettings(db_url=f"sqlite:///{folder / 'web.sqlite'}", store_dir=store)


@pytest.fixture
def web_settings(web_template: Path, ingested, tmp_path: Path):  # type: ignore[no-untyped-def]
    """WebSettings over a private copy of the ingested sample scans with the WEB_USERS."""
    return web_copy(web_template, tmp_path, ingested[0].store.root)


@pytest.fixture
def web_app(web_settings):  # type: ignore[no-untyped-def]
    """The web app over the copy (see web_settings)."""
    from baulast.web.app import create_app

    app = create_app(web_settings)
    yield app
    app.state.services.db.dispose()


def record_of(app, municipality: str, status: str | None = None) -> int:  # type: ignore[no-untyped-def]
    """The id of some record of this municipality in the app's database."""
    from sqlalchemy import select

    from baulast.db.models import Record

    statement = select(Record.id).where(Record.municipality == municipality).order_by(Record.id)
    if status:
        statement = statement.where(Record.status == status)
    with app.state.services.db.session() as session:
        record_id = session.scalars(statement).first()
    assert record_id is not None, f"the sample scans have a {status or ''} record of {municipality}"
    return record_id

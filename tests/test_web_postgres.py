"""The web app and the API over the shared deployment's backend: a real PostgreSQL server.

The other web tests run over SQLite copies of the ingested sample scans; here the same
scoping, sessions, review, audit and rate limit run against PostgreSQL (time zones,
JSON columns and the text search differ between the backends)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from baulast.access import Role
from baulast.db import Database, audit, users
from baulast.gazetteer import Gazetteer
from baulast.model import Parcel, Status
from baulast.web.app import create_app
from baulast.web.settings import WebSettings
from tests.conftest import _TEMPLATE, WEB_PASSWORD
from tests.pgserver import ThrowawayPostgres
from tests.test_search import save

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def pg_app(postgres: ThrowawayPostgres, tmp_path: Path) -> Iterator[tuple[FastAPI, dict[str, int]]]:
    """The app over a PostgreSQL database with two records of Dormagen and Kaarst each, and users."""
    url = postgres.create_database("web_pg", template=_TEMPLATE)
    db = Database(url, tmp_path / "store")
    ids = {
        "zons": save(db, "zons.pdf", municipality="Dormagen", number="11", text="Stellplätze für Müller"),
        "zons_open": save(db, "zons2.pdf", municipality="Dormagen", number="12", status=Status.NEEDS_REVIEW),
        "buettgen": save(db, "buettgen.pdf", municipality="Kaarst", number="21",
                         parcels=(Parcel("Büttgen", 12, "78"),), text="Stellplätze für Schmitz"),
        "buettgen_open": save(db, "buettgen2.pdf", municipality="Kaarst", number="22",
                              parcels=(Parcel("Büttgen", 12, "79"),), status=Status.NEEDS_REVIEW),
    }
    gazetteer = Gazetteer.load()
    users.add_user(db, "kaarst", WEB_PASSWORD, Role.CLERK, ["Kaarst"], gazetteer)
    users.add_user(db, "archivist", WEB_PASSWORD, Role.ARCHIVIST, None, gazetteer)
    db.dispose()
    app = create_app(WebSettings(db_url=url, store_dir=tmp_path / "store"))
    yield app, ids
    app.state.services.db.dispose()
    postgres.drop_database("web_pg")


def _signed_in(app: FastAPI, user: str) -> TestClient:
    client = TestClient(app, base_url="https://testserver")
    token = _CSRF.search(client.get("/login").text).group(1)
    response = client.post("/login", data={"username": user, "password": WEB_PASSWORD, "csrf_token": token},
                           follow_redirects=False)
    assert response.status_code == 303
    return client


def test_clerk_sees_only_their_municipality_on_postgresql(pg_app) -> None:  # type: ignore[no-untyped-def]
    app, ids = pg_app
    client = _signed_in(app, "kaarst")
    page = client.get("/search", params={"q": "Stellplatz"})
    found = {int(n) for n in re.findall(r'href="/records/(\d+)"', page.text)}
    assert found == {ids["buettgen"]}
    assert client.get(f"/records/{ids['buettgen']}").status_code == 200
    assert client.get(f"/records/{ids['buettgen']}/pdf").content[:5] == b"%PDF-"
    for record_id in (ids["zons"], ids["zons_open"]):
        assert client.get(f"/records/{record_id}").status_code == 404
        assert client.get(f"/records/{record_id}/pdf").status_code == 404
    token = users.create_token(app.state.services.db, "kaarst")
    api = TestClient(app, base_url="https://testserver", headers={"Authorization": f"Bearer {token}"})
    hits = api.get("/api/v1/search", params={"q": "Nr. 11"}).json()
    assert hits["reading"] == "Baulastenblatt-Nr. 11" and hits["hits"] == []
    assert api.get(f"/api/v1/records/{ids['zons']}").json()["error"]["code"] == "not_found"
    lines = audit.read(app.state.services.db, username="kaarst")
    assert {line.action for line in lines} >= {"login", "search", "view", "download_pdf"}
    search_line = next(line for line in lines if line.action == "search" and line.detail and not line.detail.get("api"))
    assert search_line.result_count == 1 and "Stellplatz" in search_line.query


def test_review_and_accept_on_postgresql(pg_app) -> None:  # type: ignore[no-untyped-def]
    app, ids = pg_app
    client = _signed_in(app, "archivist")
    record_id = ids["buettgen_open"]
    form = client.get(f"/review/{record_id}")
    assert form.status_code == 200
    response = client.post(f"/review/{record_id}", data={
        "csrf_token": _CSRF.search(form.text).group(1), "date": "14.08.2001", "action": "accept"},
        follow_redirects=False)
    assert response.status_code == 303 and f"accepted={record_id}" in response.headers["location"]
    record = client.get(f"/api/v1/records/{record_id}",
                        headers={"Authorization": f"Bearer {users.create_token(app.state.services.db, 'archivist')}"})
    data = record.json()
    assert data["status"] == "accepted" and data["date"] == "2001-08-14"
    assert [(c["field"], c["user"]) for c in data["corrections"]] == [("date", "archivist"), ("status", "archivist")]


def test_sign_in_limit_and_sessions_on_postgresql(pg_app) -> None:  # type: ignore[no-untyped-def]
    app, _ = pg_app
    client = TestClient(app, base_url="https://testserver")
    for _ in range(5):
        token = _CSRF.search(client.get("/login").text).group(1)
        assert client.post("/login", data={"username": "kaarst", "password": "wrong password", "csrf_token": token},
                           follow_redirects=False).status_code == 401
    token = _CSRF.search(client.get("/login").text).group(1)
    assert client.post("/login", data={"username": "kaarst", "password": WEB_PASSWORD, "csrf_token": token},
                       follow_redirects=False).status_code == 429
    signed = _signed_in(app, "archivist")
    assert signed.get("/review").status_code == 200
    users.set_disabled(app.state.services.db, "archivist")
    assert signed.get("/review", follow_redirects=False).status_code == 303  # the session ended

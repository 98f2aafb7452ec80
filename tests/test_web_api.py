"""The web app and the JSON API in-process (FastAPI's TestClient) over the ingested sample
scans: sign-in, scoping to the user's municipalities, roles, CSRF, review, audit, Auskunft
and the API's contract."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlsplit

import jsonschema
import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import select

from baulast.access import Role
from baulast.cli import main
from baulast.corrections import parse_corrections
from baulast.db import audit, users
from baulast.db.models import Record
from baulast.db.review import accept, correct
from baulast.web.app import create_app
from baulast.web.errors import error_code
from tests.conftest import SCHEMA, WEB_PASSWORD, WEB_USERS, record_of, web_copy

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_RECORD_LINK = re.compile(r'href="/records/(\d+)"')
SESSION_COOKIE = "baulast_session"
# The values the tests write into a record through review (as in tests/test_review.py).
CORRECTED = {"municipality": "Kaarst", "register_number": "815", "parcels": "Büttgen 12 77/3; Büttgen 12 78",
             "date": "14.08.2001"}


# --- helpers ------------------------------------------------------------------------------


def browser(app: FastAPI) -> TestClient:
    """A client over https, so the Secure session cookie is sent back."""
    return TestClient(app, base_url="https://testserver")


def signed_in(client: TestClient, user: str) -> TestClient:
    """The client, signed in as this user through the sign-in form."""
    page = client.get("/login")
    assert page.status_code == 200
    response = client.post("/login", data={"username": user, "password": WEB_PASSWORD,
                                           "csrf_token": _CSRF.search(page.text).group(1)}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return client


def csrf_of(client: TestClient) -> str:
    """The CSRF token of the client's session, as its forms carry it."""
    return _CSRF.search(client.get("/search").text).group(1)


def bearer(app: FastAPI, user: str) -> dict[str, str]:
    """The Authorization header with a new API token of this user."""
    return {"Authorization": f"Bearer {users.create_token(app.state.services.db, user)}"}


def municipalities(app: FastAPI) -> dict[int, str | None]:
    """Every record's municipality, by id."""
    with app.state.services.db.session() as session:
        return dict(session.execute(select(Record.id, Record.municipality)).all())


def statuses(app: FastAPI) -> dict[int, str]:
    """Every record's status, by id."""
    with app.state.services.db.session() as session:
        return dict(session.execute(select(Record.id, Record.status)).all())


def record_without_municipality(app: FastAPI) -> int:
    """A record whose municipality was not found (a file without a Baulastenblatt)."""
    with app.state.services.db.session() as session:
        record_id = session.scalar(select(Record.id).where(Record.municipality.is_(None)).order_by(Record.id))
    assert record_id is not None, "the sample scans have a file without a Baulastenblatt"
    return record_id


def accept_as_kaarst_815(app: FastAPI, record_id: int) -> None:
    """Correct a record to Kaarst Nr. 815 on Büttgen 12 77/3 and 12 78 and accept it (as the CLI would)."""
    svc = app.state.services
    correct(svc.db, record_id, parse_corrections(svc.gazetteer, **CORRECTED), "archivist", svc.gazetteer)
    assert accept(svc.db, record_id, "archivist", svc.gazetteer) == []


def api_record(app: FastAPI, record_id: int) -> dict:
    """The record as the API exports it, read as the admin."""
    response = browser(app).get(f"/api/v1/records/{record_id}", headers=bearer(app, "admin"))
    assert response.status_code == 200, response.text
    return response.json()


def assert_json_error(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    """The API's one error shape, with this status and code; returns the error."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"] and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def audit_rows(html: str) -> list[tuple[str, ...]]:
    """The rows of the audit page: (user, action, record, query, result count)."""
    cell = r"<td>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td>\s*"
    rows = re.findall(r"<tr><td>[^<]*</td>\s*" + cell * 5 + r"<td>[^<]*</td></tr>", html)
    return [tuple(unescape(value) for value in row) for row in rows]


def pdf_text(data: bytes) -> str:
    """The text of a PDF, whitespace collapsed."""
    assert data.startswith(b"%PDF")
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def ids_of(app: FastAPI) -> dict[str, int]:
    """Record ids of the sample scans: the first Kaarst and Dormagen ones, one without municipality."""
    return {"kaarst": record_of(app, "Kaarst"), "dormagen": record_of(app, "Dormagen"),
            "nowhere": record_without_municipality(app)}


@pytest.fixture
def ids(web_app: FastAPI) -> dict[str, int]:
    """The record ids (see ids_of) in the test's own app."""
    return ids_of(web_app)


@pytest.fixture(scope="module")
def shared_app(web_template: Path, ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:  # type: ignore[no-untyped-def]
    """One app for the tests that change nothing they check, so they need not sign in again each time."""
    app = create_app(web_copy(web_template, tmp_path_factory.mktemp("web-shared"), ingested[0].store.root))
    yield app
    app.state.services.db.dispose()


@pytest.fixture(scope="module")
def shared_ids(shared_app: FastAPI) -> dict[str, int]:
    """The record ids (see ids_of) in the shared app."""
    return ids_of(shared_app)


@pytest.fixture(scope="module")
def reader(shared_app: FastAPI) -> Callable[[str], TestClient]:
    """A signed-in client of the shared app per user, signed in once."""
    clients: dict[str, TestClient] = {}

    def client(user: str) -> TestClient:
        if user not in clients:
            clients[user] = signed_in(browser(shared_app), user)
        return clients[user]

    return client


# --- signing in ---------------------------------------------------------------------------

PAGES = ("/search", "/search?q=Zons+3", "/records/{id}", "/records/{id}/pdf", "/records/{id}/original",
         "/records/{id}/pages/1.png", "/records/{id}/fields/date.png", "/review", "/review/{id}", "/batches",
         "/batches/1", "/admin/audit", "/admin/users", "/auskunft", "/auskunft?parcel=Zons+1+1")


def test_pages_send_anonymous_browsers_to_sign_in(shared_app: FastAPI, shared_ids: dict[str, int]) -> None:
    """Every page and form without a session redirects (303) to /login, remembering where it was going."""
    client = browser(shared_app)
    found = {}
    for template in PAGES:
        path = template.format(id=shared_ids["kaarst"])
        response = client.get(path, follow_redirects=False)
        found[path] = (response.status_code, response.headers.get("location"))
    assert found == {path: (303, "/login?next=" + quote(path, safe="")) for path in found}
    assert len(found) == len(PAGES)
    for path in (f"/review/{shared_ids['kaarst']}", "/auskunft", "/logout"):  # the forms
        response = client.post(path, data={"csrf_token": "x", "parcel": "Büttgen 1 1"}, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/login?next=" + quote(path, safe=""))


def test_sign_in_returns_to_the_page_asked_for(web_app: FastAPI, ids: dict[str, int]) -> None:
    """After the detour through /login the browser lands on the record it asked for."""
    client = browser(web_app)
    login_url = client.get(f"/records/{ids['kaarst']}", follow_redirects=False).headers["location"]
    form = client.get(login_url)
    assert f'name="next" value="/records/{ids["kaarst"]}"' in form.text
    response = client.post("/login", data={"username": "kaarst", "password": WEB_PASSWORD,
                                           "csrf_token": _CSRF.search(form.text).group(1),
                                           "next": f"/records/{ids['kaarst']}"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/records/{ids['kaarst']}"
    assert client.get(response.headers["location"]).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/search?q=Zons", "/api/v1/records/1", "/api/v1/records/1/pdf"])
def test_api_needs_a_valid_token(web_app: FastAPI, path: str) -> None:
    """No token, a wrong one, a revoked one or a non-bearer header: 401 in the JSON shape with WWW-Authenticate."""
    client = browser(web_app)
    missing = client.get(path)
    assert_json_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_json_error(client.get(path, headers={"Authorization": "Basic YWRtaW46eA=="}), 401, "unauthorized")
    wrong = client.get(path, headers={"Authorization": "Bearer blt_not-a-token"})
    assert_json_error(wrong, 401, "unauthorized")
    assert wrong.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    revoked = bearer(web_app, "admin")
    users.revoke_tokens(web_app.state.services.db, "admin")
    assert_json_error(client.get(path, headers=revoked), 401, "unauthorized")
    signed_in(client, "admin")  # a browser session is no API credential
    assert_json_error(client.get(path), 401, "unauthorized")


def test_token_of_a_disabled_user_is_refused(web_app: FastAPI, ids: dict[str, int]) -> None:
    """Disabling a user stops their API token at once."""
    headers = bearer(web_app, "kaarst")
    client = browser(web_app)
    assert client.get(f"/api/v1/records/{ids['kaarst']}", headers=headers).status_code == 200
    users.set_disabled(web_app.state.services.db, "kaarst")
    assert_json_error(client.get(f"/api/v1/records/{ids['kaarst']}", headers=headers), 401, "unauthorized")


def test_wrong_password_is_401_and_audited(web_app: FastAPI) -> None:
    """A wrong password shows the form again with 401, starts no session, and is logged."""
    client = browser(web_app)
    token = _CSRF.search(client.get("/login").text).group(1)
    response = client.post("/login", data={"username": "kaarst", "password": "wrong password!",
                                           "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 401 and "Wrong user name or password" in response.text
    assert SESSION_COOKIE not in response.cookies and SESSION_COOKIE not in client.cookies
    (line,) = audit.read(web_app.state.services.db, action=audit.Action.LOGIN_FAILED)
    assert line.username == "kaarst" and line.remote == "testclient"
    assert client.get("/search", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("form_token, with_cookie", [
    pytest.param(None, True, id="no-token"),
    pytest.param("forged", True, id="wrong-token"),
    pytest.param("from-the-form", False, id="no-cookie"),
])
def test_login_needs_its_csrf_token(web_app: FastAPI, form_token: str | None, with_cookie: bool) -> None:
    """A sign-in post without the token of its own form and cookie is refused with 403."""
    client = browser(web_app)
    token = _CSRF.search(client.get("/login").text).group(1)
    if not with_cookie:
        client.cookies.clear()
    data = {"username": "admin", "password": WEB_PASSWORD}
    if form_token is not None:
        data["csrf_token"] = token if form_token == "from-the-form" else form_token
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 403 and SESSION_COOKIE not in client.cookies


def test_too_many_failures_lock_the_sign_in(web_app: FastAPI) -> None:
    """After 5 failed sign-ins for a name the 6th is refused with 429, even with the right password;
    another name from the same address still signs in, until the address has failed 20 times."""
    client = browser(web_app)

    def attempt(username: str, password: str) -> int:
        token = _CSRF.search(client.get("/login").text).group(1)
        return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                           follow_redirects=False).status_code

    assert [attempt("kaarst", f"wrong password {n}") for n in range(5)] == [401] * 5
    assert attempt("kaarst", WEB_PASSWORD) == 429
    assert SESSION_COOKIE not in client.cookies
    assert attempt("admin", WEB_PASSWORD) == 303  # nobody can lock another user out
    client.cookies.delete(SESSION_COOKIE)
    assert [attempt(f"guess{n}", "wrong password") for n in range(15)] == [401] * 15
    assert attempt("dormagen", WEB_PASSWORD) == 429  # 20 failures from this address: nobody signs in from it
    assert len(audit.read(web_app.state.services.db, action=audit.Action.LOGIN_FAILED)) == 20


@pytest.mark.parametrize("target, landing", [
    pytest.param("/records/1?page=2", "/records/1?page=2", id="own-path"),
    pytest.param("//evil.example", "/", id="scheme-relative"),
    pytest.param("https://evil.example/search", "/", id="absolute"),
    pytest.param("javascript:alert(1)", "/", id="javascript"),
    pytest.param("evil.example", "/", id="relative"),
    pytest.param("/\\evil.example", "/", id="backslash"),
])
def test_next_never_leaves_the_site(shared_app: FastAPI, target: str, landing: str | None) -> None:
    """Only a path on this site is followed after sign-in (no open redirect), in the form and the post."""
    client = browser(shared_app)
    form = client.get("/login", params={"next": target})
    response = client.post("/login", data={"username": "kaarst", "password": WEB_PASSWORD, "next": target,
                                           "csrf_token": _CSRF.search(form.text).group(1)}, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert urlsplit(location).netloc == "" and urlsplit(location).scheme == ""
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    if landing is not None:
        assert location == landing
        assert f'name="next" value="{landing}"' in form.text


def test_logout_needs_csrf_and_ends_the_session(web_app: FastAPI) -> None:
    """Sign-out is a form post with the CSRF token; afterwards the old cookie opens nothing."""
    client = signed_in(browser(web_app), "kaarst")
    secret = client.cookies[SESSION_COOKIE]
    assert client.post("/logout", follow_redirects=False).status_code == 403
    assert client.post("/logout", data={"csrf_token": "forged"}, follow_redirects=False).status_code == 403
    assert client.get("/search").status_code == 200
    response = client.post("/logout", data={"csrf_token": csrf_of(client)}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert SESSION_COOKIE not in client.cookies
    replay = browser(web_app)
    replay.cookies.set(SESSION_COOKIE, secret)
    assert replay.get("/search", follow_redirects=False).status_code == 303
    assert [line.action for line in audit.read(web_app.state.services.db, username="kaarst")] == ["logout", "login"]


def test_security_headers_and_cookie_flags(shared_app: FastAPI) -> None:
    """Pages forbid framing, sniffing and foreign scripts; the cookies are HttpOnly, Secure, SameSite=Lax."""
    client = browser(shared_app)
    form = client.get("/login")
    assert "secure" in form.headers["set-cookie"].lower()
    page = client.post("/login", data={"username": "kaarst", "password": WEB_PASSWORD,
                                       "csrf_token": _CSRF.search(form.text).group(1)}, follow_redirects=False)
    (cookie,) = [c for c in page.headers.get_list("set-cookie") if c.startswith(f"{SESSION_COOKIE}=")]
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert {"httponly", "secure", "samesite", "path", "max-age"} <= set(flags)
    assert flags["samesite"].lower() == "samesite=lax" and flags["path"] == "Path=/"
    for response in (form, page, client.get("/search"), client.get("/records/999999"),
                     client.get("/api/v1/search?q=Zons")):
        headers = response.headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
        assert headers["strict-transport-security"].startswith("max-age=")


def test_health_home_and_static(shared_app: FastAPI) -> None:
    """/healthz answers without a session, / leads to the search page, the style sheet is served."""
    client = browser(shared_app)
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert client.get("/", follow_redirects=False).headers["location"] == "/search"
    assert client.get("/static/style.css").status_code == 200


# --- scoping to municipalities ------------------------------------------------------------

RECORD_PATHS = ("/records/{id}", "/records/{id}/pdf", "/records/{id}/original", "/records/{id}/pages/1.png",
                "/records/{id}/fields/{field}.png")
API_RECORD_PATHS = ("/api/v1/records/{id}", "/api/v1/records/{id}/pdf")


def _evidence_field(app: FastAPI, record_id: int) -> str:
    """A field of the record that has a crop on its page ("date" if none has)."""
    return next((name for name, field in api_record(app, record_id)["fields"].items()
                 if field.get("bbox") and field.get("page")), "date")


@pytest.mark.parametrize("user, own, other", [
    pytest.param("kaarst", "kaarst", "dormagen", id="kaarst-clerk"),
    pytest.param("dormagen", "dormagen", "kaarst", id="dormagen-clerk"),
])
def test_clerk_sees_only_their_municipality(shared_app: FastAPI, shared_ids: dict[str, int],
                                            reader: Callable[[str], TestClient], user: str, own: str,
                                            other: str) -> None:
    """Pages, downloads, images and the API: 200 in the clerk's municipality, 404 (not 403) outside,
    indistinguishable from a record that does not exist."""
    client = reader(user)
    headers = bearer(shared_app, user)
    for key, expected in ((own, 200), (other, 404), ("nowhere", 404)):
        record_id = shared_ids[key]
        field = _evidence_field(shared_app, record_id)
        found = {path: client.get(path.format(id=record_id, field=field)).status_code for path in RECORD_PATHS}
        found.update({path: client.get(path.format(id=record_id), headers=headers).status_code
                      for path in API_RECORD_PATHS})
        assert found == dict.fromkeys(RECORD_PATHS + API_RECORD_PATHS, expected), key
    assert client.get(f"/records/{shared_ids[other]}").text == client.get("/records/999999").text
    unknown = assert_json_error(client.get("/api/v1/records/999999", headers=headers), 404, "not_found")
    assert assert_json_error(client.get(f"/api/v1/records/{shared_ids[other]}", headers=headers), 404,
                             "not_found") == unknown


def test_scoped_archivist_gets_404_on_review_outside(web_app: FastAPI, ids: dict[str, int]) -> None:
    """An archivist of Kaarst reviews Kaarst records; a Dormagen one is 404 to look at and to post to."""
    svc = web_app.state.services
    users.add_user(svc.db, "kaarst-archive", WEB_PASSWORD, Role.ARCHIVIST, ["Kaarst"], svc.gazetteer)
    client = signed_in(browser(web_app), "kaarst-archive")
    in_queue = record_of(web_app, "Kaarst", "needs_review")  # the queue lists only what needs review
    assert client.get(f"/review/{in_queue}").status_code == 200
    assert client.get(f"/review/{ids['kaarst']}").status_code == 200
    assert client.get(f"/review/{ids['dormagen']}").status_code == 404
    assert client.get(f"/review/{ids['nowhere']}").status_code == 404
    posted = client.post(f"/review/{ids['dormagen']}", data={"csrf_token": csrf_of(client), "date": "01.01.2000"})
    assert posted.status_code == 404
    assert api_record(web_app, ids["dormagen"])["corrections"] == []
    queue = client.get("/review").text
    elsewhere = record_of(web_app, "Dormagen", "needs_review")  # in the queue, but not for Kaarst's archivist
    assert f'href="/review/{in_queue}"' in queue and f'href="/review/{elsewhere}"' not in queue


@pytest.mark.parametrize("user", ["kaarst", "dormagen", "admin"])
def test_search_never_crosses_municipalities(web_app: FastAPI, user: str) -> None:
    """A filter that matches every record finds all of the user's records and none of anyone else's,
    on the page and through the API; filtering by another municipality finds nothing."""
    scope = WEB_USERS[user][1]
    where = municipalities(web_app)
    waiting = {i for i, status in statuses(web_app).items() if status == "needs_review"}
    visible = {i for i in waiting if scope is None or where[i] in scope}
    assert visible and (scope is None or visible != waiting)

    svc = web_app.state.services
    svc.settings = dataclasses.replace(svc.settings, page_size=500)  # one page holds all hits
    client = signed_in(browser(web_app), user)
    page = client.get("/search", params={"status": "needs_review"})
    assert page.status_code == 200
    assert {int(i) for i in _RECORD_LINK.findall(page.text)} == visible

    headers = bearer(web_app, user)
    api = client.get("/api/v1/search", params={"status": "needs_review", "limit": 500}, headers=headers).json()
    assert {hit["record_id"] for hit in api["hits"]} == visible and api["count"] == len(visible)
    assert all(hit["municipality"] == where[hit["record_id"]] for hit in api["hits"])
    words = client.get("/api/v1/search", params={"q": "Bürgermeister", "limit": 500}, headers=headers).json()
    assert words["hits"] and all(scope is None or hit["municipality"] in scope for hit in words["hits"])
    if scope is not None:
        other = "Dormagen" if "Kaarst" in scope else "Kaarst"
        filtered = client.get("/api/v1/search", params={"municipality": other}, headers=headers).json()
        assert filtered["count"] == 0
        assert _RECORD_LINK.findall(client.get("/search", params={"municipality": other}).text) == []


# --- roles --------------------------------------------------------------------------------

ROLE_PAGES = {  # path: status for (clerk, archivist, admin)
    "/search": (200, 200, 200),
    "/auskunft": (200, 200, 200),
    "/review": (403, 200, 200),
    "/review/{id}": (403, 200, 200),
    "/batches": (403, 200, 200),
    "/batches/1": (403, 200, 200),
    "/admin/audit": (403, 403, 200),
    "/admin/users": (403, 403, 200),
}


@pytest.mark.parametrize("user, column", [
    pytest.param("kaarst", 0, id="clerk"),
    pytest.param("archivist", 1, id="archivist"),
    pytest.param("admin", 2, id="admin"),
])
def test_role_decides_the_pages(shared_ids: dict[str, int], reader: Callable[[str], TestClient], user: str,
                                column: int) -> None:
    """Clerks search and view; archivists also review and see batches; admins also users and audit."""
    client = reader(user)
    found = {path: client.get(path.format(id=shared_ids["kaarst"])).status_code for path in ROLE_PAGES}
    assert found == {path: expected[column] for path, expected in ROLE_PAGES.items()}
    nav = client.get("/search").text
    assert ('href="/review"' in nav) == (column >= 1) and ('href="/admin/audit"' in nav) == (column == 2)


def test_record_without_municipality_is_for_staff_of_all(shared_app: FastAPI, shared_ids: dict[str, int],
                                                         reader: Callable[[str], TestClient]) -> None:
    """A record whose municipality is unknown opens for the admin and the archivist, not for clerks."""
    for user, expected in (("admin", 200), ("archivist", 200), ("kaarst", 404), ("dormagen", 404)):
        client = reader(user)
        assert client.get(f"/records/{shared_ids['nowhere']}").status_code == expected, user
        api = client.get(f"/api/v1/records/{shared_ids['nowhere']}", headers=bearer(shared_app, user))
        assert api.status_code == expected, user


def test_batch_pages(reader: Callable[[str], TestClient]) -> None:
    """The batch list links the ingest batch; its page shows the totals; an unknown batch is 404."""
    client = reader("archivist")
    assert 'href="/batches/1"' in client.get("/batches").text
    assert client.get("/batches/1").status_code == 200
    assert client.get("/batches/999").status_code == 404


def test_users_page_lists_every_user(reader: Callable[[str], TestClient]) -> None:
    """The admins' users page names each user with role and municipalities."""
    page = reader("admin").get("/admin/users")
    assert page.status_code == 200
    for name, (role, scope) in WEB_USERS.items():
        label = ", ".join(scope) if scope else "all"
        assert re.search(rf"<td>{name}</td>\s*<td>{role}</td>\s*<td>{label}</td>", page.text), name


def test_record_images_and_downloads(shared_app: FastAPI, shared_ids: dict[str, int],
                                     reader: Callable[[str], TestClient]) -> None:
    """A record's page images (view and thumb), field crops, PDF and original scan as the clerk gets them."""
    client, record_id = reader("kaarst"), shared_ids["kaarst"]
    record = api_record(shared_app, record_id)
    page = client.get(f"/records/{record_id}")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert f'src="/records/{record_id}/pages/' in page.text
    view, thumb = (client.get(f"/records/{record_id}/pages/1.png", params={"size": size})
                   for size in ("view", "thumb"))
    assert view.content.startswith(b"\x89PNG") and thumb.content.startswith(b"\x89PNG")
    assert view.headers["content-type"] == "image/png" and len(thumb.content) < len(view.content)
    assert client.get(f"/records/{record_id}/pages/{record['source']['pages'] + 1}.png").status_code == 404
    assert client.get(f"/records/{record_id}/pages/0.png").status_code == 404
    crop = client.get(f"/records/{record_id}/fields/{_evidence_field(shared_app, record_id)}.png")
    assert crop.status_code == 200 and crop.content.startswith(b"\x89PNG")
    assert client.get(f"/records/{record_id}/fields/no_such_field.png").status_code == 404
    pdf = client.get(f"/records/{record_id}/pdf")
    assert pdf.content.startswith(b"%PDF") and pdf.headers["cache-control"] == "no-store"
    original = client.get(f"/records/{record_id}/original")
    assert original.status_code == 200 and original.content == Path(record["source"]["path"]).read_bytes()
    assert {"view", "download_pdf", "download_original"} <= {
        line.action for line in audit.read(shared_app.state.services.db, username="kaarst", record_id=record_id)}


# --- CSRF on the forms --------------------------------------------------------------------


@pytest.mark.parametrize("token", [pytest.param(None, id="missing"), pytest.param("forged", id="wrong"),
                                   pytest.param("", id="empty")])
def test_form_posts_need_the_session_csrf_token(web_app: FastAPI, ids: dict[str, int], token: str | None) -> None:
    """A review or Auskunft post without the session's CSRF token is refused (403) and changes nothing."""
    client = signed_in(browser(web_app), "archivist")
    before = api_record(web_app, ids["kaarst"])
    data = {**CORRECTED, "action": "accept"} | ({} if token is None else {"csrf_token": token})
    assert client.post(f"/review/{ids['kaarst']}", data=data, follow_redirects=False).status_code == 403
    assert api_record(web_app, ids["kaarst"]) == before
    parcel = {"parcel": "Büttgen 12 77/3"} | ({} if token is None else {"csrf_token": token})
    assert client.post("/auskunft", data=parcel).status_code == 403
    assert audit.read(web_app.state.services.db, action=audit.Action.AUSKUNFT) == []
    other = signed_in(browser(web_app), "admin")  # another session's token is no good either
    stolen = {**CORRECTED, "csrf_token": csrf_of(other)}
    assert client.post(f"/review/{ids['kaarst']}", data=stolen, follow_redirects=False).status_code == 403


def test_clerk_may_not_post_a_review(web_app: FastAPI, ids: dict[str, int]) -> None:
    """Even with a valid CSRF token a clerk's review post is 403."""
    client = signed_in(browser(web_app), "kaarst")
    response = client.post(f"/review/{ids['kaarst']}", data={**CORRECTED, "csrf_token": csrf_of(client)})
    assert response.status_code == 403 and api_record(web_app, ids["kaarst"])["corrections"] == []


# --- review -------------------------------------------------------------------------------


def test_review_corrects_and_accepts(web_app: FastAPI) -> None:
    """The archivist corrects a record in the form and accepts it: the next record follows, the export
    shows the corrected values with who changed what from which value."""
    record_id = record_of(web_app, "Kaarst", "needs_review")
    before = api_record(web_app, record_id)
    client = signed_in(browser(web_app), "archivist")
    form = client.get(f"/review/{record_id}")
    assert form.status_code == 200 and f'action="/review/{record_id}"' in form.text
    waiting = sorted(i for i, s in statuses(web_app).items() if s == "needs_review" and i != record_id)

    response = client.post(f"/review/{record_id}", data={**CORRECTED, "action": "accept",
                                                         "csrf_token": _CSRF.search(form.text).group(1)},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    following = next((i for i in waiting if i > record_id), waiting[0])
    assert response.headers["location"] == f"/review/{following}?accepted={record_id}"
    assert client.get(response.headers["location"]).status_code == 200

    record = api_record(web_app, record_id)
    jsonschema.validate(record, SCHEMA)
    assert record["status"] == "accepted" and record["municipality"] == "Kaarst"
    assert record["register_number"] == "815" and record["date"] == "2001-08-14"
    assert record["parcels"] == [{"gemarkung": "Büttgen", "flur": 12, "flurstueck": "77/3"},
                                 {"gemarkung": "Büttgen", "flur": 12, "flurstueck": "78"}]
    changes = {c["field"]: c for c in record["corrections"]}
    assert {c["user"] for c in record["corrections"]} == {"archivist"}
    assert set(changes) == {"register_number", "parcels", "date", "status"}  # the municipality was right
    assert changes["register_number"]["old_value"] == before["register_number"]
    assert changes["date"]["old_value"] == before["date"] and changes["date"]["new_value"] == "2001-08-14"
    assert changes["status"]["old_value"] == "needs_review" and changes["status"]["new_value"] == "accepted"
    lines = audit.read(web_app.state.services.db, username="archivist", record_id=record_id)
    assert {"view", "correct", "accept"} <= {line.action for line in lines}


def test_review_save_only_keeps_the_record_waiting(web_app: FastAPI) -> None:
    """"Save only" stores the correction and shows the record again, still waiting for review."""
    record_id = record_of(web_app, "Kaarst", "needs_review")
    client = signed_in(browser(web_app), "archivist")
    response = client.post(f"/review/{record_id}", data={"date": "14.08.2001", "action": "save",
                                                         "csrf_token": csrf_of(client)}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/review/{record_id}"
    record = api_record(web_app, record_id)
    assert record["status"] == "needs_review" and record["date"] == "2001-08-14"
    assert [(c["field"], c["user"]) for c in record["corrections"]] == [("date", "archivist")]


@pytest.mark.parametrize("field, value, message", [
    pytest.param("date", "32.13.2001", "date: cannot read &#39;32.13.2001&#39; as a date", id="date"),
    pytest.param("parcels", "Atlantis 1 1", "names no Gemarkung of the gazetteer", id="parcels"),
    pytest.param("municipality", "Atlantis", "is not a municipality of the gazetteer", id="municipality"),
    pytest.param("register_number", "Nr. ohne Zahl", "holds no register number", id="register-number"),
])
def test_review_refuses_invalid_values(web_app: FastAPI, field: str, value: str, message: str) -> None:
    """An invalid value shows the form again with 422 and the reason, and nothing is saved, not even
    the valid fields sent with it."""
    record_id = record_of(web_app, "Kaarst", "needs_review")
    before = api_record(web_app, record_id)
    client = signed_in(browser(web_app), "archivist")
    data = {**CORRECTED, field: value, "action": "accept", "csrf_token": csrf_of(client)}
    response = client.post(f"/review/{record_id}", data=data, follow_redirects=False)
    assert response.status_code == 422 and message in response.text
    assert f'value="{value}"' in response.text.replace("&#39;", "'")  # the typed value is kept in the form
    assert api_record(web_app, record_id) == before


def test_review_names_what_still_blocks_accepting(web_app: FastAPI, ids: dict[str, int]) -> None:
    """Accepting a record without a Baulastenblatt is refused with 422 and the problem; it stays waiting."""
    client = signed_in(browser(web_app), "archivist")
    response = client.post(f"/review/{ids['nowhere']}", data={"csrf_token": csrf_of(client), "action": "accept"})
    assert response.status_code == 422 and "Cannot accept yet" in response.text
    assert api_record(web_app, ids["nowhere"])["status"] == "needs_review"


# --- the audit log ------------------------------------------------------------------------


def test_every_look_is_audited(web_app: FastAPI) -> None:
    """Search, record view, PDF download, API search and Auskunft each leave a line with user, action,
    record or query and result count; the admin page and `baulast audit` show them."""
    svc = web_app.state.services
    record_id = record_of(web_app, "Kaarst", "needs_review")
    accept_as_kaarst_815(web_app, record_id)
    kaarst_waiting = sum(1 for i, s in statuses(web_app).items()
                         if s == "needs_review" and municipalities(web_app)[i] == "Kaarst")
    client = signed_in(browser(web_app), "kaarst")
    assert client.get("/search", params={"status": "needs_review"}).status_code == 200
    assert client.get(f"/records/{record_id}").status_code == 200
    assert client.get(f"/records/{record_id}/pdf").status_code == 200
    api = client.get("/api/v1/search", params={"q": "Nr. 815"}, headers=bearer(web_app, "kaarst"))
    assert api.status_code == 200
    auskunft = client.post("/auskunft", data={"parcel": "Büttgen 12 77/3", "csrf_token": csrf_of(client)})
    assert auskunft.status_code == 200

    lines = {line.action: line for line in audit.read(svc.db, username="kaarst")}
    assert {"login", "search", "view", "download_pdf", "auskunft"} <= set(lines)
    api_search, page_search = audit.read(svc.db, username="kaarst", action="search")  # newest first
    assert (page_search.query, page_search.result_count) == ("status=needs_review", kaarst_waiting)
    assert page_search.detail["reading"] == "everything" and page_search.remote == "testclient"
    assert (api_search.query, api_search.result_count) == ("q=Nr.+815", 1)
    assert api_search.detail == {"api": True, "reading": "Baulastenblatt-Nr. 815"}
    assert lines["view"].record_id == record_id and lines["download_pdf"].record_id == record_id
    assert lines["auskunft"].query == "Gemarkung Büttgen, Flur 12, Flurstück 77/3"
    assert lines["auskunft"].result_count == 1 and lines["auskunft"].detail["records"] == [record_id]

    admin = signed_in(browser(web_app), "admin")
    page = admin.get("/admin/audit", params={"username": "kaarst", "action": "", "record_id": ""})
    assert page.status_code == 200  # the filter form sends the empty fields too
    rows = audit_rows(page.text)
    assert [(user, action) for user, action, *_ in rows] == [
        ("kaarst", line.action) for line in audit.read(svc.db, username="kaarst")]
    assert ("kaarst", "search", "", "status=needs_review", str(kaarst_waiting)) in rows
    assert ("kaarst", "download_pdf", str(record_id), "", "") in rows
    assert ("kaarst", "auskunft", "", "Gemarkung Büttgen, Flur 12, Flurstück 77/3", "1") in rows
    by_record = audit_rows(admin.get("/admin/audit", params={"record_id": record_id}).text)
    assert by_record and {row[2] for row in by_record} == {str(record_id)}
    by_action = audit_rows(admin.get("/admin/audit", params={"action": "download_pdf"}).text)
    assert [row[:2] for row in by_action] == [("kaarst", "download_pdf")]
    assert admin.get("/admin/audit", params={"record_id": "x"}).status_code == 422

    result = CliRunner().invoke(main, ["audit", "--db", svc.db.url, "--store", str(svc.db.store.root),
                                       "--user", "kaarst", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    cli_lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(line["action"], line["record_id"]) for line in cli_lines] == [
        (line.action, line.record_id) for line in audit.read(svc.db, username="kaarst")]


# --- the Auskunft -------------------------------------------------------------------------


def test_auskunft_lists_the_registered_baulast(web_app: FastAPI) -> None:
    """For a parcel of an accepted record the Auskunft PDF names the parcel, the sheet and the issuer."""
    record_id = record_of(web_app, "Kaarst", "needs_review")
    accept_as_kaarst_815(web_app, record_id)
    client = signed_in(browser(web_app), "kaarst")
    preview = client.get("/auskunft", params={"parcel": "Gemarkung Büttgen, Flur 12, Flurstück 77/3"})
    assert preview.status_code == 200 and "815" in preview.text
    response = client.post("/auskunft", data={"parcel": "Büttgen 12 77/3", "csrf_token": csrf_of(client)})
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["cache-control"] == "no-store"
    text = pdf_text(response.content)
    assert "Auskunft aus dem Baulastenverzeichnis" in text
    assert "Gemarkung Büttgen, Flur 12, Flurstück 77/3" in text
    assert "815" in text and "Kaarst" in text and "14.08.2001" in text
    assert "Erteilt von: kaarst" in text and "keine Baulasten" not in text
    # Flurstück 77 is another parcel than 77/3; Flurstück 78 without a Flur is the burdened one.
    other = client.post("/auskunft", data={"parcel": "Büttgen 12 77", "csrf_token": csrf_of(client)})
    assert "keine Baulasten eingetragen" in pdf_text(other.content)
    same = client.post("/auskunft", data={"parcel": "Gemarkung Büttgen Flurstück 78", "csrf_token": csrf_of(client)})
    assert "815" in pdf_text(same.content)


def test_auskunft_for_a_parcel_without_baulast(web_app: FastAPI) -> None:
    """For a parcel with no Baulast the Auskunft states so, without a note of open records."""
    client = signed_in(browser(web_app), "kaarst")
    response = client.post("/auskunft", data={"parcel": "Büttgen 99 1", "csrf_token": csrf_of(client)})
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "keine Baulasten eingetragen" in text and "Gemarkung Büttgen, Flur 99, Flurstück 1" in text
    assert "Hinweis" not in text and "Erteilt von: kaarst" in text


def test_auskunft_names_records_still_waiting(web_app: FastAPI) -> None:
    """A record of the parcel that waits for review is named, so "none" is never stated while one is open."""
    svc = web_app.state.services
    record_id = record_of(web_app, "Kaarst", "needs_review")
    correct(svc.db, record_id, parse_corrections(svc.gazetteer, register_number="4711", parcels="Büttgen 98 5"),
            "archivist", svc.gazetteer)
    client = signed_in(browser(web_app), "kaarst")
    response = client.post("/auskunft", data={"parcel": "Büttgen 98 5", "csrf_token": csrf_of(client)})
    text = pdf_text(response.content)
    assert "keine Baulasten eingetragen" in text and "Hinweis" in text and "4711" in text and "vorläufig" in text


@pytest.mark.parametrize("parcel, status", [
    pytest.param("Zons 1 1", 404, id="other-municipality"),
    pytest.param("Atlantis 1 1", 422, id="unknown-gemarkung"),
    pytest.param("Büttgen 12 77-80", 422, id="a-range"),
    pytest.param("Büttgen", 422, id="no-flurstueck"),
])
def test_auskunft_refuses(shared_app: FastAPI, reader: Callable[[str], TestClient], parcel: str,
                          status: int) -> None:
    """A Kaarst clerk gets 404 for a Gemarkung of Dormagen and 422 for what is not one parcel; nothing is issued."""
    client = reader("kaarst")
    issued = len(audit.read(shared_app.state.services.db, action=audit.Action.AUSKUNFT))
    assert client.get("/auskunft", params={"parcel": parcel}).status_code == status
    response = client.post("/auskunft", data={"parcel": parcel, "csrf_token": csrf_of(client)})
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")
    assert len(audit.read(shared_app.state.services.db, action=audit.Action.AUSKUNFT)) == issued


# --- the JSON API -------------------------------------------------------------------------


def test_openapi_document(shared_app: FastAPI) -> None:
    """/api/v1/openapi.json is OpenAPI 3 with the three paths, each behind the bearer scheme."""
    response = browser(shared_app).get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.") and document["info"]["title"] and document["info"]["version"]
    assert set(document["paths"]) == {"/search", "/records/{record_id}", "/records/{record_id}/pdf"}
    schemes = document["components"]["securitySchemes"]
    ((scheme_name, scheme),) = schemes.items()
    assert scheme["type"] == "http" and scheme["scheme"].lower() == "bearer"
    for path, operations in document["paths"].items():
        (operation,) = operations.values()
        assert operation["security"] == [{scheme_name: []}], path
        assert {"401", "404"} <= set(operation["responses"]), path
    assert set(document["components"]["schemas"]["Error"]["properties"]) == {"error"}
    search_params = {p["name"] for p in document["paths"]["/search"]["get"]["parameters"]}
    assert {"q", "municipality", "gemarkung", "from", "to", "type", "status", "limit", "offset"} <= search_params
    refs = re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(document))
    assert refs and set(refs) <= set(document["components"]["schemas"])


def test_api_search_reads_the_box(web_app: FastAPI) -> None:
    """The API reads q like the search box (parcel, number, words) and says how; hits carry record ids."""
    record_id = record_of(web_app, "Kaarst", "needs_review")
    accept_as_kaarst_815(web_app, record_id)
    client, headers = browser(web_app), bearer(web_app, "kaarst")
    cases = {
        "Büttgen 12 77/3": "parcel Gemarkung Büttgen, Flur 12, Flurstück 77/3",
        "Gemarkung Büttgen, Flur 12, Flurstück 78": "parcel Gemarkung Büttgen, Flur 12, Flurstück 78",
        "Nr. 815": "Baulastenblatt-Nr. 815",
        "Bürgermeister": "words Bürgermeister",
    }
    for q, reading in cases.items():
        result = client.get("/api/v1/search", params={"q": q}, headers=headers).json()
        assert result["reading"] == reading and result["query"]["q"] == q and result["offset"] == 0, q
        assert record_id in {hit["record_id"] for hit in result["hits"]}, q
        assert result["count"] == len(result["hits"])
    (hit,) = client.get("/api/v1/search", params={"q": "Nr. 815"}, headers=headers).json()["hits"]
    assert hit["url"] == f"/api/v1/records/{record_id}" and hit["municipality"] == "Kaarst"
    assert hit["register_number"] == "815" and hit["status"] == "accepted" and hit["date"] == "2001-08-14"
    assert hit["parcels"] == ["Büttgen 12 77/3", "Büttgen 12 78"]
    assert client.get(hit["url"], headers=headers).json()["id"] == record_id
    dated = client.get("/api/v1/search", params={"from": "01.08.2001", "to": "2001-08-31"}, headers=headers).json()
    assert record_id in {h["record_id"] for h in dated["hits"]} and dated["query"]["from"] == "01.08.2001"
    assert all("2001-08-01" <= h["date"] <= "2001-08-31" for h in dated["hits"])
    where = municipalities(web_app)
    waiting = sorted(i for i, s in statuses(web_app).items() if s == "needs_review" and where[i] == "Kaarst")
    pages = [client.get("/api/v1/search", params={"status": "needs_review", "limit": 1, "offset": offset},
                        headers=headers).json() for offset in range(len(waiting) + 1)]
    assert sorted(hit["record_id"] for page in pages for hit in page["hits"]) == waiting
    assert [page["count"] for page in pages] == [1] * len(waiting) + [0]


@pytest.mark.parametrize("params, message", [
    pytest.param({"q": "Zons", "from": "gestern"}, "from: cannot read 'gestern' as a date", id="bad-from"),
    pytest.param({"q": "Zons", "to": "31.02.2001"}, "to: cannot read", id="bad-to"),
    pytest.param({"status": "done"}, "status: one of accepted, needs_review, rejected", id="bad-status"),
    pytest.param({}, "give q or at least one filter", id="nothing-asked"),
    pytest.param({"q": "Zons", "limit": "0"}, "limit", id="limit-zero"),
    pytest.param({"q": "Zons", "offset": "-1"}, "offset", id="negative-offset"),
    pytest.param({"q": "Zons", "limit": "many"}, "limit", id="limit-not-a-number"),
])
def test_api_search_refuses_bad_parameters(shared_app: FastAPI, params: dict[str, str], message: str) -> None:
    """A parameter that cannot be read is 422 in the JSON error shape, naming the parameter."""
    response = browser(shared_app).get("/api/v1/search", params=params, headers=bearer(shared_app, "kaarst"))
    assert message in assert_json_error(response, 422, "unprocessable_entity")["message"]


def test_api_record_and_pdf(web_app: FastAPI, ids: dict[str, int]) -> None:
    """A record is the export form (valid against the schema, no internal fields); /pdf is the stored PDF."""
    svc = web_app.state.services
    client, headers = browser(web_app), bearer(web_app, "kaarst")
    record = client.get(f"/api/v1/records/{ids['kaarst']}", headers=headers).json()
    jsonschema.validate(record, SCHEMA)
    assert record["id"] == ids["kaarst"] and record["municipality"] == "Kaarst"
    assert not {"page_info", "pdf_path", "original_path", "created_at"} & set(record)
    pdf = client.get(f"/api/v1/records/{ids['kaarst']}/pdf", headers=headers)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    with svc.db.session() as session:
        key = session.scalar(select(Record.pdf_key).where(Record.id == ids["kaarst"]))
    assert pdf.content == svc.db.store.path(key).read_bytes() and pdf.content.startswith(b"%PDF")
    assert 'filename="baulast-Kaarst-' in pdf.headers["content-disposition"]
    lines = audit.read(svc.db, username="kaarst")
    assert [(line.action, line.record_id, line.detail) for line in lines[:2]] == [
        ("download_pdf", ids["kaarst"], {"api": True}), ("view", ids["kaarst"], {"api": True})]


@pytest.mark.parametrize("path, status, code", [
    pytest.param("/api/v1/records/999999", 404, "not_found", id="unknown-record"),
    pytest.param("/api/v1/records/999999/pdf", 404, "not_found", id="unknown-pdf"),
    pytest.param("/api/v1/records/abc", 422, "unprocessable_entity", id="id-not-a-number"),
    pytest.param("/api/v1/nothing-here", 404, "not_found", id="unknown-path"),
    pytest.param("/api/v1/search?from=gestern&q=x", 422, "unprocessable_entity", id="bad-date"),
])
def test_api_error_shape_contract(shared_app: FastAPI, path: str, status: int, code: str) -> None:
    """Every API error is exactly {"error": {"status", "code", "message"}}, with a stable code per status."""
    response = browser(shared_app).get(path, headers=bearer(shared_app, "admin"))
    error = assert_json_error(response, status, code)
    assert list(response.json()["error"]) == ["status", "code", "message"] and error["status"] == status


def test_api_error_codes_do_not_depend_on_the_python_version() -> None:
    """The codes are pinned: Python 3.13 renamed some status phrases (422 "Unprocessable Content")."""
    assert {status: error_code(status) for status in (401, 403, 404, 413, 422, 429, 500)} == {
        401: "unauthorized", 403: "forbidden", 404: "not_found", 413: "request_entity_too_large",
        422: "unprocessable_entity", 429: "too_many_requests", 500: "internal_server_error"}


def test_api_crash_keeps_the_error_shape(shared_app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected failure (here: the database gone while checking the token) is a 500 in the JSON
    shape too, and a wrong method a 405."""
    def database_gone(*args: object) -> None:
        raise RuntimeError("the database went away")

    client = TestClient(shared_app, base_url="https://testserver", raise_server_exceptions=False)
    assert_json_error(client.post("/api/v1/search", headers=bearer(shared_app, "admin")), 405, "method_not_allowed")
    monkeypatch.setattr(users, "principal_for_token", database_gone)
    response = client.get("/api/v1/search", params={"q": "Zons"}, headers={"Authorization": "Bearer blt_x"})
    assert "went away" not in assert_json_error(response, 500, "internal_server_error")["message"]

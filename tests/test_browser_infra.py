"""The real-browser test infrastructure works: live server, headless Chromium, forms, Secure cookies, downloads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from playwright.sync_api import Browser

from tests.browser import browser_session, live_server

PDF = b"%PDF-1.4\n% baulast test\n%%EOF\n"


def tiny_app() -> FastAPI:
    """A form that sets a Secure session cookie, a page that echoes it, and a PDF download."""
    app = FastAPI()

    @app.get("/", response_class=HTMLResponse)
    def form() -> str:
        return (
            "<!doctype html><html lang=de><meta charset=utf-8><title>Anmeldung</title>"
            "<form method=post action=/login>"
            "<label>Name <input name=name></label>"
            "<button type=submit>Anmelden</button></form>"
            "<a href=/auszug.pdf download>Auszug herunterladen</a></html>"
        )

    @app.post("/login")
    def login(name: str = Form(...)) -> Response:
        # 303 after POST, as the real app does: the cookie must survive the redirect.
        response = RedirectResponse("/welcome", status_code=303)
        response.set_cookie("sid", f"s-{name}", secure=True, httponly=True, samesite="lax")
        return response

    @app.get("/welcome", response_class=HTMLResponse)
    def welcome(request: Request) -> str:
        sid = request.cookies.get("sid", "<keins>")
        return f"<!doctype html><meta charset=utf-8><p id=msg>Grüß Gott, Sitzung {sid}</p>"

    @app.get("/auszug.pdf")
    def pdf() -> Response:
        return Response(
            PDF,
            media_type="application/pdf",
            headers={"Content-Disposition": 'attachment; filename="auszug-2059.pdf"'},
        )

    return app


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with browser_session() as b:
        yield b


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with live_server(tiny_app()) as url:
        yield url


def test_form_secure_cookie_and_screenshot(browser: Browser, base_url: str, tmp_path: Path) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + "/")
        page.fill("input[name=name]", "Müller")
        page.click("text=Anmelden")
        page.wait_for_url(base_url + "/welcome")
        # The server only sees sid if Chromium kept the Secure cookie over http://127.0.0.1
        # and sent it back on the redirected GET.
        assert page.inner_text("#msg") == "Grüß Gott, Sitzung s-Müller"
        [cookie] = context.cookies()
        assert (cookie["name"], cookie["secure"], cookie["httpOnly"], cookie["sameSite"]) == (
            "sid", True, True, "Lax")
        # HttpOnly: page scripts must not see it.
        assert page.evaluate("document.cookie") == ""

        shot = tmp_path / "welcome.png"
        page.screenshot(path=str(shot), full_page=True)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000
    finally:
        context.close()


def test_download(browser: Browser, base_url: str, tmp_path: Path) -> None:
    # accept_downloads is the default, but say so: the app's PDF exports depend on it.
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(base_url + "/")
        with page.expect_download() as info:
            page.click("text=Auszug herunterladen")
        download = info.value
        assert download.suggested_filename == "auszug-2059.pdf"
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        assert target.read_bytes() == PDF
    finally:
        context.close()

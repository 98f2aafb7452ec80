"""The web app: pages for clerks and archivists, and the JSON API at /api/v1.

`create_app(WebSettings(...))` is what `baulast serve` runs and what the tests serve.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from baulast import __version__
from baulast.web import admin, auskunft, auth, pages, review
from baulast.web.api import create_api
from baulast.web.errors import install_html_errors
from baulast.web.services import Services
from baulast.web.settings import WebSettings

STATIC = Path(__file__).parent / "static"

# No inline scripts or styles anywhere, no framing, no third-party anything.
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(settings: WebSettings | None = None, svc: Services | None = None) -> FastAPI:
    """The app for these settings (or these already started services)."""
    svc = svc or Services.start(settings or WebSettings())
    app = FastAPI(title="baulast", version=__version__, openapi_url=None, docs_url=None, redoc_url=None)
    app.state.services = svc
    install_html_errors(app, svc.render)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if svc.settings.secure_cookies:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, str]:
        """For load balancers and monitoring: up, and the database answers."""
        with svc.db.session() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__}

    api = create_api()
    api.state.services = svc
    app.mount("/api/v1", api)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (auth, pages, review, admin, auskunft):
        app.include_router(module.router)
    return app


def app_from_environment() -> FastAPI:
    """The app as `baulast serve` starts it in each server process (settings in BAULAST_WEB_*)."""
    import os

    return create_app(WebSettings(
        db_url=os.environ.get("BAULAST_WEB_DB") or None,
        store_dir=os.environ.get("BAULAST_WEB_STORE") or None,
        secure_cookies=os.environ.get("BAULAST_WEB_SECURE_COOKIES", "1") != "0",
    ))

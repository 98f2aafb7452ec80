"""Errors of the web app, mapped to an HTTP status in one place: an HTML page for people,
one JSON shape for the API (`{"error": {"status", "code", "message"}}`)."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException


class LoginRequired(Exception):
    """No signed-in user: pages send the browser to the sign-in page, the API answers 401."""


# Python 3.13 renamed these phrases after RFC 9110 (422 "Unprocessable Content", ...); the codes
# clients see keep the names they had, whatever Python the server runs on.
_PINNED_CODES = {413: "request_entity_too_large", 414: "request_uri_too_long",
                 416: "requested_range_not_satisfiable", 422: "unprocessable_entity"}


def error_code(status: int) -> str:
    """A stable code for a status: not_found, forbidden, ..."""
    if status in _PINNED_CODES:
        return _PINNED_CODES[status]
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def json_error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The API's one error shape."""
    return JSONResponse({"error": {"status": status, "code": error_code(status), "message": message}},
                        status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
    return "; ".join(parts) or "invalid request"


def install_json_errors(app) -> None:  # type: ignore[no-untyped-def]
    """Every error of this (API) app in the JSON shape."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return json_error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return json_error(422, _validation_message(exc))

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        return json_error(401, "send an API token: Authorization: Bearer TOKEN (baulast token create USER)",
                          {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        # Starlette still re-raises the exception after this answer, so the server logs it.
        return json_error(500, "internal error; the server log has the details")


def install_html_errors(app, render) -> None:  # type: ignore[no-untyped-def]
    """Every error of the pages as an HTML page (and no session: the sign-in page)."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return render(request, "error.html", {"status": exc.status_code, "message": exc.detail},
                      status=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return render(request, "error.html", {"status": 422, "message": _validation_message(exc)}, status=422)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

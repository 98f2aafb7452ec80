"""Signing in and out, the session cookie, CSRF checks, and who may do what.

A browser signs in with user name and password and gets a random session secret in an
HttpOnly, Secure, SameSite=Lax cookie; the database keeps its hash and the CSRF token
every form must send back. The API takes `Authorization: Bearer TOKEN` instead. Failed
sign-ins are counted in the audit log per user name from one address (so nobody elsewhere
can lock a user out) and per address; after too many the sign-in page refuses for a while.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from baulast.access import Permission, Principal
from baulast.db import audit, users
from baulast.web.errors import LoginRequired
from baulast.web.services import Services, services

SESSION_COOKIE = "baulast_session"
LOGIN_CSRF_COOKIE = "baulast_login_csrf"

router = APIRouter()


def remote_address(request: Request) -> str | None:
    """The client's address (as the server sees it; behind a proxy, start uvicorn with
    --forwarded-allow-ips so this is the real client)."""
    return request.client.host if request.client else None


def signed_in(request: Request, svc: Annotated[Services, Depends(services)]) -> Principal:
    """The user of this browser session; no session: to the sign-in page."""
    secret = request.cookies.get(SESSION_COOKIE)
    found = users.session_principal(svc.db, secret) if secret else None
    if found is None:
        raise LoginRequired()
    request.state.principal, request.state.csrf_token = found
    return found[0]


def allowed(permission: Permission) -> Callable[..., Principal]:
    """A dependency: the signed-in user, who must have this permission (else 403)."""

    def dependency(principal: Annotated[Principal, Depends(signed_in)]) -> Principal:
        if not principal.can(permission):
            raise HTTPException(403, f"your role ({principal.role}) may not do this; ask an admin")
        return principal

    return dependency


def posted(permission: Permission | None = None) -> Callable[..., object]:
    """A dependency for form posts: the form's CSRF token must be the session's, and the user
    must have this permission (else 403)."""

    async def dependency(request: Request, principal: Annotated[Principal, Depends(signed_in)]) -> Principal:
        form = await request.form()
        sent = form.get("csrf_token")
        if not isinstance(sent, str) or not secrets.compare_digest(sent, request.state.csrf_token):
            raise HTTPException(403, "the form has expired or did not come from this site; "
                                     "reload the page and try again")
        if permission is not None and not principal.can(permission):
            raise HTTPException(403, f"your role ({principal.role}) may not do this; ask an admin")
        return principal

    return dependency


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no //evil.example or https://...) is followed after sign-in."""
    if not target:
        return "/"
    parts = urlsplit(target)
    # Browsers read /\host as //host: a backslash anywhere is refused too.
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _set_cookie(response: Response, svc: Services, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, secure=svc.settings.secure_cookies,
                        samesite="lax", path="/")


@router.get("/login", include_in_schema=False)
def login_page(request: Request, svc: Annotated[Services, Depends(services)], next: str = "/") -> Response:
    """The sign-in form (with a CSRF token of its own, in a cookie and the form)."""
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)  # a second tab keeps the first valid
    response = svc.render(request, "login.html", {"next": _safe_next(next), "login_csrf": token})
    _set_cookie(response, svc, LOGIN_CSRF_COOKIE, token, 3600)
    return response


@router.post("/login", include_in_schema=False)
def login(request: Request, svc: Annotated[Services, Depends(services)], username: Annotated[str, Form()],
          password: Annotated[str, Form()], csrf_token: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> Response:
    """Check the name and password; on success start a session and go where the user was going."""
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(csrf_token, expected):
        raise HTTPException(403, "the sign-in form has expired; reload the page and try again")
    remote = remote_address(request)
    username = username.strip()
    window = dt.timedelta(minutes=svc.settings.login_window_minutes)
    by_name, by_address = audit.recent_failures(svc.db, username, remote, window)
    if by_name >= svc.settings.login_attempts or by_address >= svc.settings.address_attempts:
        return svc.render(request, "login.html", {
            "next": _safe_next(next), "login_csrf": expected, "username": username,
            "error": f"Too many failed sign-ins for this name, or from this computer. Wait "
                     f"{svc.settings.login_window_minutes} minutes, or ask an admin to check the account."},
            status=429)
    principal = users.authenticate(svc.db, username, password)
    if principal is None:
        audit.record(svc.db, username, audit.Action.LOGIN_FAILED, remote=remote)
        return svc.render(request, "login.html", {
            "next": _safe_next(next), "login_csrf": expected, "username": username,
            "error": "Wrong user name or password (or the account is disabled)."}, status=401)
    if request.cookies.get(SESSION_COOKIE):  # signing in again ends the browser's old session
        users.end_session(svc.db, request.cookies[SESSION_COOKIE])
    secret, _ = users.start_session(svc.db, principal)
    audit.record(svc.db, principal.username, audit.Action.LOGIN, remote=remote)
    response = RedirectResponse(_safe_next(next), status_code=303)
    _set_cookie(response, svc, SESSION_COOKIE, secret, int(users.SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, svc: Annotated[Services, Depends(services)],
           principal: Annotated[Principal, Depends(posted())]) -> Response:
    """End the session."""
    users.end_session(svc.db, request.cookies.get(SESSION_COOKIE, ""))
    audit.record(svc.db, principal.username, audit.Action.LOGOUT, remote=remote_address(request))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response

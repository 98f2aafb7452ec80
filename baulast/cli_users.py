"""`baulast user`, `baulast token`, `baulast audit` and `baulast serve`: running the web app
and deciding who may use it."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click
from rich.markup import escape
from rich.table import Table

from baulast.cli import _open, console, db_option, handle_errors, plain
from baulast.errors import BadUsage

ROLES = ("clerk", "archivist", "admin")


def _read_password(password_stdin: bool) -> str:
    """The new password: from stdin (first line) for scripts, else asked twice at the terminal."""
    if password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise BadUsage("--password-stdin: nothing on standard input")
        return line.rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@click.group()
def user() -> None:
    """Users of the web app and API: roles clerk (search, view), archivist (also review and
    batches), admin (also users and audit), each with the municipalities they may read."""


@user.command(name="add")
@click.argument("username")
@db_option
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
@click.option("--municipality", "municipalities", multiple=True, help="A municipality they may read (repeatable).")
@click.option("--all-municipalities", is_flag=True, help="May read every municipality (district archive staff).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of asking.")
@handle_errors
def add(username: str, db_url: str | None, store_dir: str | None, role: str, municipalities: tuple[str, ...],
        all_municipalities: bool, password_stdin: bool) -> None:
    """Create a user, e.g. `baulast user add anna --role clerk --municipality Kaarst`."""
    from baulast.access import Role
    from baulast.db.users import add_user
    from baulast.gazetteer import Gazetteer

    if all_municipalities == bool(municipalities):
        raise BadUsage("give either --municipality NAME (repeatable) or --all-municipalities")
    password = _read_password(password_stdin)
    principal = add_user(_open(db_url, store_dir), username, password, Role(role),
                         None if all_municipalities else municipalities, Gazetteer.load())
    plain.print(f"User {principal.username} added: {principal.role}, {principal.scope_label}.")


@user.command(name="list")
@db_option
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def list_(db_url: str | None, store_dir: str | None, output_format: str) -> None:
    """List the users with their roles and municipalities."""
    from baulast.db.users import list_users

    users = list_users(_open(db_url, store_dir))
    if output_format == "json":
        for u in users:
            click.echo(json.dumps({"username": u.username, "role": u.role, "municipalities": u.municipalities,
                                   "disabled": u.disabled, "tokens": u.tokens}, ensure_ascii=False))
        return
    table = Table("User", "Role", "Municipalities", "Tokens", "State", title=f"{len(users)} user(s)",
                  title_justify="left")
    for u in users:
        table.add_row(escape(u.username), u.role, escape("all" if u.municipalities is None else ", ".join(u.municipalities)),
                      str(u.tokens), "disabled" if u.disabled else "active")
    console.print(table)


@user.command(name="disable")
@click.argument("username")
@db_option
@click.option("--enable", is_flag=True, help="Enable the user again instead.")
@handle_errors
def disable(username: str, db_url: str | None, store_dir: str | None, enable: bool) -> None:
    """Disable a user: their sessions end at once and their API tokens stop working."""
    from baulast.db.users import set_disabled

    set_disabled(_open(db_url, store_dir), username, not enable)
    plain.print(f"User {username} {'enabled' if enable else 'disabled'}.")


@user.command(name="grant")
@click.argument("username")
@db_option
@click.option("--municipality", "municipalities", multiple=True, help="A municipality to add (repeatable).")
@click.option("--all-municipalities", is_flag=True, help="May read every municipality.")
@click.option("--revoke", is_flag=True, help="Take the named municipalities (or all-municipalities) away instead.")
@click.option("--role", type=click.Choice(ROLES), help="Also change the role.")
@handle_errors
def grant_(username: str, db_url: str | None, store_dir: str | None, municipalities: tuple[str, ...],
           all_municipalities: bool, revoke: bool, role: str | None) -> None:
    """Let a user read more municipalities (or fewer, with --revoke), or change their role."""
    from baulast.access import Role
    from baulast.db.users import grant
    from baulast.gazetteer import Gazetteer

    if not (municipalities or all_municipalities or role):
        raise BadUsage("nothing to change: give --municipality, --all-municipalities or --role")
    principal = grant(_open(db_url, store_dir), username, municipalities, Gazetteer.load(),
                      all_municipalities=all_municipalities, role=Role(role) if role else None, revoke=revoke)
    plain.print(f"User {principal.username}: {principal.role}, {principal.scope_label}.")


@user.command(name="password")
@click.argument("username")
@db_option
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of asking.")
@handle_errors
def password(username: str, db_url: str | None, store_dir: str | None, password_stdin: bool) -> None:
    """Set a new password; the user's browser sessions end."""
    from baulast.db.users import set_password

    set_password(_open(db_url, store_dir), username, _read_password(password_stdin))
    plain.print(f"Password of {username} changed.")


@click.group()
def token() -> None:
    """API tokens for other systems (Authorization: Bearer TOKEN)."""


@token.command(name="create")
@click.argument("username")
@db_option
@click.option("--name", default="api", show_default=True, help="What the token is for, e.g. the system using it.")
@handle_errors
def create(username: str, db_url: str | None, store_dir: str | None, name: str) -> None:
    """Create an API token for a user and print it (it is shown only this once)."""
    from baulast.db.users import create_token

    click.echo(create_token(_open(db_url, store_dir), username, name))


@token.command(name="revoke")
@click.argument("username")
@db_option
@handle_errors
def revoke(username: str, db_url: str | None, store_dir: str | None) -> None:
    """Revoke every API token of a user."""
    from baulast.db.users import revoke_tokens

    plain.print(f"{revoke_tokens(_open(db_url, store_dir), username)} token(s) of {username} revoked.")


@click.command(name="audit")
@db_option
@click.option("--user", "username", help="Only this user.")
@click.option("--action", help="Only this action (search, view, download_pdf, login_failed, ...).")
@click.option("--record", "record_id", type=int, help="Only looks at this record.")
@click.option("--since", help="Only from this day on (2026-11-01 or 01.11.2026).")
@click.option("--limit", type=click.IntRange(1, 100_000), default=100, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@handle_errors
def audit_(db_url: str | None, store_dir: str | None, username: str | None, action: str | None,
           record_id: int | None, since: str | None, limit: int, output_format: str) -> None:
    """Read the audit log, newest first: who searched, viewed and downloaded what, and when."""
    from baulast.dates import parse_german_date
    from baulast.db import audit

    start = None
    if since:
        day = parse_german_date(since)
        if day is None:
            raise BadUsage(f"--since: cannot read {since!r} as a date")
        start = dt.datetime.combine(day, dt.time(), dt.timezone.utc)
    lines = audit.read(_open(db_url, store_dir), username=username, action=action, record_id=record_id,
                       since=start, limit=limit)
    if output_format == "jsonl":
        for line in lines:
            click.echo(json.dumps({**line.__dict__, "at": line.at.isoformat()}, ensure_ascii=False))
        return
    table = Table("When (UTC)", "User", "Action", "Record", "Query", "Results", "Address",
                  title=f"{len(lines)} line(s)", title_justify="left")
    for line in lines:
        table.add_row(line.at.strftime("%Y-%m-%d %H:%M:%S"), escape(line.username), line.action,
                      str(line.record_id or ""), escape(line.query or ""),
                      "" if line.result_count is None else str(line.result_count), escape(line.remote or ""))
    console.print(table)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for all).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Server processes.")
@click.option("--insecure-cookies", is_flag=True,
              help="Send the session cookie over plain HTTP too (a trial on a machine other than localhost "
                   "without TLS). Never in production: put the server behind HTTPS instead.")
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True,
              help="Proxies whose X-Forwarded-For is trusted (for the addresses in the audit log).")
@handle_errors
def serve(db_url: str | None, store_dir: str | None, host: str, port: int, workers: int, insecure_cookies: bool,
          forwarded_allow_ips: str) -> None:
    """Run the web app (search, records, review, batches, Auskunft, audit) and the JSON API."""
    import os

    import uvicorn

    from baulast.db.users import list_users

    database = _open(db_url, store_dir)  # migrate and check the database before listening
    if not list_users(database):
        plain.print("No user yet. Create the first admin: baulast user add NAME --role admin --all-municipalities")
    database.dispose()
    # The app factory reads its settings from the environment, so every server process has them.
    os.environ["BAULAST_WEB_DB"] = db_url or ""
    os.environ["BAULAST_WEB_STORE"] = store_dir or ""
    os.environ["BAULAST_WEB_SECURE_COOKIES"] = "0" if insecure_cookies else "1"
    plain.print(f"Serving on http://{host}:{port}/ (Ctrl+C stops)")
    uvicorn.run("baulast.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips, log_level="info")

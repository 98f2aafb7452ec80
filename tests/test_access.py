"""Who may do what: passwords, users, grants, API tokens, sessions, the audit log, the search
box, and the `baulast user` / `token` / `audit` commands. Fast: no OCR, once per backend."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner
from sqlalchemy import select, update

from baulast import access
from baulast.access import (
    Permission,
    Principal,
    Role,
    check_password_strength,
    hash_password,
    needs_rehash,
    verify_password,
)
from baulast.cli import main
from baulast.db import Database, audit, users
from baulast.db.models import ApiToken, AuditEntry, WebSession
from baulast.errors import BadUsage, ExitCode
from baulast.gazetteer import Gazetteer
from baulast.model import Parcel
from baulast.parcels import ParcelQuery, alkis_key
from baulast.querybox import BoxQuery, read_box

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "another long passphrase"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@pytest.fixture
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with cheap parameters, so the many tests of user logic stay fast (the real
    parameters are checked in test_password_hash_is_salted_argon2id)."""
    monkeypatch.setattr(access, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def people(database: Database, gazetteer: Gazetteer, quick_hashes: None) -> Database:
    """The database with anna (clerk of Kaarst), bert (admin of all) and carl (disabled clerk of Dormagen)."""
    users.add_user(database, "anna", PASSWORD, Role.CLERK, ["Kaarst"], gazetteer)
    users.add_user(database, "bert", PASSWORD, Role.ADMIN, None, gazetteer)
    users.add_user(database, "carl", PASSWORD, Role.CLERK, ["Dormagen"], gazetteer)
    users.set_disabled(database, "carl")
    return database


# --- passwords and roles ----------------------------------------------------------------


def test_password_hash_is_salted_argon2id() -> None:
    """A hash is Argon2id with its own salt; the right password verifies, a wrong one or junk does not."""
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$v=19$m=65536,t=3,") and first != second and PASSWORD not in first
    assert verify_password(first, PASSWORD) and verify_password(second, PASSWORD)
    assert not verify_password(first, PASSWORD.upper())
    assert not verify_password("not a hash", PASSWORD)
    assert not needs_rehash(first)


@pytest.mark.parametrize("password, problem", [
    pytest.param("short", "at least 10 characters", id="too-short"),
    pytest.param(" padded password ", "must not start or end with a space", id="spaces"),
    pytest.param(PASSWORD, None, id="fine"),
])
def test_password_strength(password: str, problem: str | None) -> None:
    """Short passwords and ones with a pasted space around them are refused with a reason."""
    found = check_password_strength(password)
    assert (found is None) if problem is None else (problem in found)


@pytest.mark.parametrize("role, permission, allowed", [
    pytest.param(Role.CLERK, Permission.SEARCH, True, id="clerk-search"),
    pytest.param(Role.CLERK, Permission.VIEW, True, id="clerk-view"),
    pytest.param(Role.CLERK, Permission.REVIEW, False, id="clerk-review"),
    pytest.param(Role.CLERK, Permission.BATCHES, False, id="clerk-batches"),
    pytest.param(Role.CLERK, Permission.AUDIT, False, id="clerk-audit"),
    pytest.param(Role.ARCHIVIST, Permission.REVIEW, True, id="archivist-review"),
    pytest.param(Role.ARCHIVIST, Permission.BATCHES, True, id="archivist-batches"),
    pytest.param(Role.ARCHIVIST, Permission.USERS, False, id="archivist-users"),
    pytest.param(Role.ARCHIVIST, Permission.AUDIT, False, id="archivist-audit"),
    pytest.param(Role.ADMIN, Permission.USERS, True, id="admin-users"),
    pytest.param(Role.ADMIN, Permission.AUDIT, True, id="admin-audit"),
])
def test_role_permissions(role: Role, permission: Permission, allowed: bool) -> None:
    """Each role may do what the one before may, and more."""
    assert Principal(1, "x", role, None).can(permission) is allowed


@pytest.mark.parametrize("scope, municipality, readable", [
    pytest.param(None, "Dormagen", True, id="all-named"),
    pytest.param(None, None, True, id="all-unknown"),
    pytest.param(frozenset({"Kaarst"}), "Kaarst", True, id="own"),
    pytest.param(frozenset({"Kaarst"}), "Dormagen", False, id="other"),
    pytest.param(frozenset({"Kaarst"}), None, False, id="unknown-municipality"),
])
def test_principal_may_read(scope: frozenset[str] | None, municipality: str | None, readable: bool) -> None:
    """A record without a municipality is only for users granted all of them."""
    assert Principal(1, "x", Role.CLERK, scope).may_read(municipality) is readable


# --- users --------------------------------------------------------------------------------


@pytest.mark.parametrize("username, password, municipalities, message", [
    pytest.param("dora", "short", ["Kaarst"], "at least 10 characters", id="short-password"),
    pytest.param("dora", PASSWORD, ["Atlantis"], "'Atlantis' is not a municipality", id="unknown-municipality"),
    pytest.param("dora", PASSWORD, [], "--all-municipalities", id="no-municipality"),
    pytest.param("do ra", PASSWORD, ["Kaarst"], "without spaces", id="space-in-name"),
    pytest.param("", PASSWORD, ["Kaarst"], "1 to 64 characters", id="empty-name"),
    pytest.param("anna", PASSWORD, ["Kaarst"], "exists already", id="duplicate"),
])
def test_add_user_refuses(people: Database, gazetteer: Gazetteer, username: str, password: str,
                          municipalities: list[str], message: str) -> None:
    """add_user says why it will not create the user, and creates nothing."""
    before = users.list_users(people)
    with pytest.raises(BadUsage, match=message):
        users.add_user(people, username, password, Role.CLERK, municipalities, gazetteer)
    assert users.list_users(people) == before


def test_unknown_municipality_names_the_known_ones(database: Database, gazetteer: Gazetteer,
                                                   quick_hashes: None) -> None:
    """The error for an unknown municipality lists the gazetteer's municipalities."""
    with pytest.raises(BadUsage) as error:
        users.add_user(database, "dora", PASSWORD, Role.CLERK, ["Atlantis"], gazetteer)
    assert all(name in str(error.value) for name in gazetteer.municipalities)


def test_add_user_takes_the_gazetteer_spelling(database: Database, gazetteer: Gazetteer,
                                               quick_hashes: None) -> None:
    """A municipality typed in lower case or slightly off is stored as the gazetteer spells it."""
    principal = users.add_user(database, " dora ", PASSWORD, Role.CLERK, ["kaarst", "Dormagn"], gazetteer)
    assert principal.username == "dora" and principal.municipalities == frozenset({"Kaarst", "Dormagen"})
    (info,) = users.list_users(database)
    assert info.username == "dora" and info.role == "clerk" and info.municipalities == ("Dormagen", "Kaarst")
    assert not info.disabled and info.tokens == 0 and info.created_at is not None


@pytest.mark.parametrize("username, password, expected", [
    pytest.param("anna", PASSWORD, ("anna", Role.CLERK, frozenset({"Kaarst"})), id="right"),
    pytest.param("bert", PASSWORD, ("bert", Role.ADMIN, None), id="right-all-municipalities"),
    pytest.param("anna", PASSWORD + "!", None, id="wrong-password"),
    pytest.param("Anna", PASSWORD, None, id="name-is-case-sensitive"),
    pytest.param("carl", PASSWORD, None, id="disabled"),
    pytest.param("nobody", PASSWORD, None, id="unknown-user"),
])
def test_authenticate(people: Database, username: str, password: str,
                      expected: tuple[str, Role, frozenset[str] | None] | None) -> None:
    """Only the right password of an enabled user signs in."""
    principal = users.authenticate(people, username, password)
    if expected is None:
        assert principal is None
    else:
        assert principal is not None and (principal.username, principal.role, principal.municipalities) == expected


def test_grant_revoke_and_role_change(people: Database, gazetteer: Gazetteer) -> None:
    """Municipalities are added and taken away, all-municipalities switched, the role changed."""
    assert users.grant(people, "anna", ["dormagen"], gazetteer).municipalities == frozenset({"Kaarst", "Dormagen"})
    assert users.grant(people, "anna", ["Kaarst"], gazetteer, revoke=True).municipalities == frozenset({"Dormagen"})
    assert users.grant(people, "anna", [], gazetteer, all_municipalities=True).municipalities is None
    back = users.grant(people, "anna", [], gazetteer, all_municipalities=True, revoke=True)
    assert back.municipalities == frozenset({"Dormagen"})
    promoted = users.grant(people, "anna", [], gazetteer, role=Role.ARCHIVIST)
    assert promoted.role == Role.ARCHIVIST and promoted.can(Permission.REVIEW)
    assert users.authenticate(people, "anna", PASSWORD) == promoted
    listed = {u.username: u for u in users.list_users(people)}
    assert listed["anna"].role == "archivist" and listed["anna"].municipalities == ("Dormagen",)
    with pytest.raises(BadUsage, match="no user 'nobody'"):
        users.grant(people, "nobody", ["Kaarst"], gazetteer)
    with pytest.raises(BadUsage, match="not a municipality"):
        users.grant(people, "anna", ["Atlantis"], gazetteer)


def test_set_password(people: Database) -> None:
    """A new password replaces the old one; a weak one is refused; an unknown user is an error."""
    users.set_password(people, "anna", NEW_PASSWORD)
    assert users.authenticate(people, "anna", PASSWORD) is None
    assert users.authenticate(people, "anna", NEW_PASSWORD) is not None
    with pytest.raises(BadUsage, match="at least 10"):
        users.set_password(people, "anna", "short")
    with pytest.raises(BadUsage, match="no user"):
        users.set_password(people, "nobody", NEW_PASSWORD)


def test_disable_and_enable(people: Database) -> None:
    """A disabled user cannot sign in; enabled again, they can."""
    users.set_disabled(people, "anna")
    assert users.authenticate(people, "anna", PASSWORD) is None
    assert {u.username: u.disabled for u in users.list_users(people)} == {"anna": True, "bert": False, "carl": True}
    users.set_disabled(people, "anna", False)
    assert users.authenticate(people, "anna", PASSWORD) is not None


# --- API tokens ---------------------------------------------------------------------------


def test_token_lifecycle(people: Database) -> None:
    """A token names its user until revoked; a wrong token names nobody."""
    secret = users.create_token(people, "anna", "gis")
    assert secret.startswith(users.TOKEN_PREFIX) and len(secret) > 40
    principal = users.principal_for_token(people, secret)
    assert principal is not None and principal.username == "anna" and principal.municipalities == frozenset({"Kaarst"})
    assert users.principal_for_token(people, secret + "x") is None
    assert users.principal_for_token(people, "") is None
    assert {u.username: u.tokens for u in users.list_users(people)}["anna"] == 1
    with people.session() as session:
        assert session.scalar(select(ApiToken.last_used_at)) is not None
    assert users.revoke_tokens(people, "anna") == 1
    assert users.principal_for_token(people, secret) is None
    assert users.revoke_tokens(people, "anna") == 0
    assert {u.username: u.tokens for u in users.list_users(people)}["anna"] == 0


def test_token_of_a_disabled_user_stops_working(people: Database) -> None:
    """Disabling a user stops their tokens; a disabled user gets no new token."""
    secret = users.create_token(people, "anna")
    users.set_disabled(people, "anna")
    assert users.principal_for_token(people, secret) is None
    with pytest.raises(BadUsage, match="disabled"):
        users.create_token(people, "anna")
    users.set_disabled(people, "anna", False)
    assert users.principal_for_token(people, secret) is not None


def test_only_the_token_hash_is_stored(people: Database) -> None:
    """The api_tokens table holds the sha256 of the secret, never the secret itself."""
    secret = users.create_token(people, "anna")
    with people.session() as session:
        rows = [tuple(row) for row in session.execute(select(ApiToken.__table__))]
    assert len(rows) == 1
    assert not any(secret in str(value) or secret[len(users.TOKEN_PREFIX):] in str(value)
                   for row in rows for value in row)
    with people.session() as session:
        assert session.scalar(select(ApiToken.token_hash)) == hashlib.sha256(secret.encode()).hexdigest()


# --- browser sessions ---------------------------------------------------------------------


def test_session_start_and_end(people: Database) -> None:
    """A session names its user and CSRF token until it is ended; its secret is not stored."""
    anna = users.authenticate(people, "anna", PASSWORD)
    secret, csrf = users.start_session(people, anna)
    assert users.session_principal(people, secret) == (anna, csrf)
    assert users.session_principal(people, secret + "x") is None
    with people.session() as session:
        stored = session.scalars(select(WebSession)).all()
    assert [s.token_hash for s in stored] == [hashlib.sha256(secret.encode()).hexdigest()]
    users.end_session(people, secret)
    assert users.session_principal(people, secret) is None


def test_expired_session_is_refused(people: Database) -> None:
    """A session past its expiry names nobody, and the next sign-in tidies it away."""
    anna = users.authenticate(people, "anna", PASSWORD)
    secret, _ = users.start_session(people, anna)
    with people.session() as session:
        session.execute(update(WebSession).values(expires_at=_utcnow() - dt.timedelta(minutes=1)))
    assert users.session_principal(people, secret) is None
    users.start_session(people, anna)
    with people.session() as session:
        assert len(session.scalars(select(WebSession)).all()) == 1


@pytest.mark.parametrize("change", [
    pytest.param(lambda db: users.set_disabled(db, "anna"), id="disabled"),
    pytest.param(lambda db: users.set_password(db, "anna", NEW_PASSWORD), id="new-password"),
])
def test_sessions_end_when_the_account_changes(people: Database, change) -> None:  # type: ignore[no-untyped-def]
    """Disabling a user or setting a new password ends their sessions, not other users'."""
    anna, bert = users.authenticate(people, "anna", PASSWORD), users.authenticate(people, "bert", PASSWORD)
    annas, _ = users.start_session(people, anna)
    berts, _ = users.start_session(people, bert)
    change(people)
    users.set_disabled(people, "anna", False)
    assert users.session_principal(people, annas) is None
    assert users.session_principal(people, berts) is not None


# --- the audit log ------------------------------------------------------------------------


def test_audit_record_and_read(database: Database) -> None:
    """Lines come back newest first with every field, and filter by user, action, record and time."""
    audit.record(database, "anna", audit.Action.SEARCH, query="q=Zons", result_count=3, remote="10.0.0.1",
                 detail={"reading": "parcel Gemarkung Zons"})
    audit.record(database, "anna", audit.Action.VIEW, record_id=7, remote="10.0.0.1")
    audit.record(database, "bert", audit.Action.DOWNLOAD_PDF, record_id=7)
    audit.record(database, "x" * 80, audit.Action.LOGIN_FAILED, remote="y" * 80)
    lines = audit.read(database)
    assert [line.action for line in lines] == ["login_failed", "download_pdf", "view", "search"]
    search = lines[-1]
    assert (search.username, search.query, search.result_count, search.remote, search.detail) == (
        "anna", "q=Zons", 3, "10.0.0.1", {"reading": "parcel Gemarkung Zons"})
    assert search.at.tzinfo is not None and abs(_utcnow() - search.at) < dt.timedelta(minutes=1)
    assert len(lines[0].username) == 64 and len(lines[0].remote) == 64
    assert [line.action for line in audit.read(database, username="anna")] == ["view", "search"]
    assert [line.username for line in audit.read(database, action="download_pdf")] == ["bert"]
    assert [line.action for line in audit.read(database, record_id=7)] == ["download_pdf", "view"]
    assert audit.read(database, since=_utcnow() + dt.timedelta(hours=1)) == []
    assert len(audit.read(database, since=_utcnow() - dt.timedelta(hours=1))) == 4
    assert [line.action for line in audit.read(database, limit=2, offset=1)] == ["download_pdf", "view"]


def test_recent_failures_count_per_name_from_an_address_and_per_address(database: Database) -> None:
    """Failed sign-ins count per user name from one address and per address, only within the window."""
    for _ in range(3):
        audit.record(database, "anna", audit.Action.LOGIN_FAILED, remote="10.0.0.1")
    audit.record(database, "bert", audit.Action.LOGIN_FAILED, remote="10.0.0.1")
    audit.record(database, "anna", audit.Action.LOGIN_FAILED, remote="10.0.0.9")
    audit.record(database, "anna", audit.Action.LOGIN, remote="10.0.0.1")
    window = dt.timedelta(minutes=15)
    assert audit.recent_failures(database, "anna", "10.0.0.1", window) == (3, 4)
    assert audit.recent_failures(database, "anna", "10.0.0.2", window) == (0, 0)  # others cannot lock anna out
    assert audit.recent_failures(database, "carl", "10.0.0.1", window) == (0, 4)
    assert audit.recent_failures(database, "anna", None, window) == (4, 4)  # no address: the name from anywhere
    with database.session() as session:
        oldest = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id))
        session.execute(update(AuditEntry).where(AuditEntry.id == oldest)
                        .values(at=_utcnow() - dt.timedelta(hours=1)))
    assert audit.recent_failures(database, "anna", "10.0.0.1", window) == (2, 3)
    assert audit.recent_failures(database, "anna", "10.0.0.1", dt.timedelta(hours=2)) == (3, 4)


# --- the search box -----------------------------------------------------------------------


@pytest.mark.parametrize("text, expected, reading", [
    pytest.param("Zons 3 123/4", BoxQuery(parcel=ParcelQuery("Zons", 3, 123, 4)),
                 "parcel Gemarkung Zons, Flur 3, Flurstück 123/4", id="parcel-short"),
    pytest.param("Gemarkung Zons, Flur 3, Flurstück 123/4", BoxQuery(parcel=ParcelQuery("Zons", 3, 123, 4)),
                 "parcel Gemarkung Zons, Flur 3, Flurstück 123/4", id="parcel-words"),
    pytest.param("buettgen 12 77/3", BoxQuery(parcel=ParcelQuery("Büttgen", 12, 77, 3)),
                 "parcel Gemarkung Büttgen, Flur 12, Flurstück 77/3", id="parcel-spelling"),
    pytest.param("Zons 3 120-125", BoxQuery(parcel=ParcelQuery("Zons", 3, 120, None, 125)),
                 "parcel Gemarkung Zons, Flur 3, Flurstück 120–125", id="parcel-range"),
    pytest.param("Büttgen", BoxQuery(parcel=ParcelQuery("Büttgen", None, None)),
                 "parcel Gemarkung Büttgen", id="gemarkung-alone"),
    pytest.param("Flur 3 Flurstück 12", BoxQuery(parcel=ParcelQuery(None, 3, 12)),
                 "parcel Flur 3, Flurstück 12", id="parcel-without-gemarkung"),
    pytest.param("Nr. 1234", BoxQuery(register_number="1234"), "Baulastenblatt-Nr. 1234", id="nr"),
    pytest.param("Blatt 512a", BoxQuery(register_number="512a"), "Baulastenblatt-Nr. 512a", id="blatt-suffix"),
    pytest.param("Baulastenblatt Nr. 0815", BoxQuery(register_number="815"), "Baulastenblatt-Nr. 815",
                 id="leading-zero"),
    pytest.param("1234", BoxQuery(register_number="1234"), "Baulastenblatt-Nr. 1234", id="bare-number"),
    pytest.param("  Stellplatz   Müller ", BoxQuery(words="Stellplatz Müller"), "words Stellplatz Müller",
                 id="words"),
    pytest.param("Atlantis 3 12", BoxQuery(words="Atlantis 3 12"), "words Atlantis 3 12", id="unknown-gemarkung"),
    pytest.param("12 77/3", BoxQuery(words="12 77/3"), "words 12 77/3", id="numbers-without-gemarkung"),
    pytest.param("", BoxQuery(), "everything", id="empty"),
])
def test_read_box(gazetteer: Gazetteer, text: str, expected: BoxQuery, reading: str) -> None:
    """The box tells parcels, register numbers and words apart, and says how it read them."""
    box = read_box(text, gazetteer)
    assert box == expected and box.reading == reading


def test_read_box_alkis_key() -> None:
    """An ALKIS Flurstückskennzeichen reads as its parcel when the gazetteer knows the Gemarkungsnummer.

    The shipped gemarkungen.csv has no Gemarkungsnummer column, so a small gazetteer with one is used."""
    numbered = Gazetteer.from_rows([("Dormagen", "Zons", 5678), ("Kaarst", "Büttgen", 5679)])
    key = alkis_key(Parcel("Zons", 3, "123/4"), 5678)
    assert read_box(key, numbered) == BoxQuery(parcel=ParcelQuery("Zons", 3, 123, 4))
    assert read_box(key, Gazetteer.load()).words == key  # an unknown Gemarkungsnummer: just words


# --- the commands -------------------------------------------------------------------------


@pytest.fixture
def cli_db(database: Database, tmp_path: Path, quick_hashes: None) -> list[str]:
    """--db and --store of the test database, for the CLI."""
    return ["--db", database.url, "--store", str(tmp_path / "store")]


def _users(runner: CliRunner, cli_db: list[str]) -> dict[str, dict]:
    result = runner.invoke(main, ["user", "list", *cli_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {row["username"]: row for row in map(json.loads, result.output.splitlines())}


def test_cli_user_add_list_grant_password_disable(database: Database, cli_db: list[str]) -> None:
    """A user is added from a script, listed, granted, given a new password, disabled and enabled."""
    runner = CliRunner()
    added = runner.invoke(main, ["user", "add", "anna", *cli_db, "--role", "clerk", "--municipality", "kaarst",
                                 "--password-stdin"], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "User anna added: clerk, Kaarst." in added.output
    admin = runner.invoke(main, ["user", "add", "bert", *cli_db, "--role", "admin", "--all-municipalities",
                                 "--password-stdin"], input=PASSWORD + "\r\n")
    assert admin.exit_code == 0, admin.output
    assert users.authenticate(database, "bert", PASSWORD) is not None  # the line end is not part of it
    assert _users(runner, cli_db) == {
        "anna": {"username": "anna", "role": "clerk", "municipalities": ["Kaarst"], "disabled": False, "tokens": 0},
        "bert": {"username": "bert", "role": "admin", "municipalities": None, "disabled": False, "tokens": 0},
    }
    table = runner.invoke(main, ["user", "list", *cli_db])
    assert table.exit_code == 0 and "2 user(s)" in table.output and "Kaarst" in table.output

    granted = runner.invoke(main, ["user", "grant", "anna", *cli_db, "--municipality", "Dormagen",
                                   "--role", "archivist"])
    assert granted.exit_code == 0, granted.output
    assert "User anna: archivist, Dormagen, Kaarst." in granted.output
    revoked = runner.invoke(main, ["user", "grant", "anna", *cli_db, "--municipality", "Kaarst", "--revoke"])
    assert revoked.exit_code == 0 and _users(runner, cli_db)["anna"]["municipalities"] == ["Dormagen"]
    nothing = runner.invoke(main, ["user", "grant", "anna", *cli_db])
    assert nothing.exit_code == ExitCode.BAD_USAGE and "nothing to change" in nothing.output

    changed = runner.invoke(main, ["user", "password", "anna", *cli_db, "--password-stdin"], input=NEW_PASSWORD + "\n")
    assert changed.exit_code == 0 and "Password of anna changed." in changed.output
    assert users.authenticate(database, "anna", PASSWORD) is None
    assert users.authenticate(database, "anna", NEW_PASSWORD) is not None
    prompted = runner.invoke(main, ["user", "password", "anna", *cli_db], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert prompted.exit_code == 0 and users.authenticate(database, "anna", PASSWORD) is not None

    disabled = runner.invoke(main, ["user", "disable", "anna", *cli_db])
    assert disabled.exit_code == 0 and "User anna disabled." in disabled.output
    assert _users(runner, cli_db)["anna"]["disabled"] is True
    assert users.authenticate(database, "anna", PASSWORD) is None
    enabled = runner.invoke(main, ["user", "disable", "anna", *cli_db, "--enable"])
    assert enabled.exit_code == 0 and _users(runner, cli_db)["anna"]["disabled"] is False


@pytest.mark.parametrize("args, stdin, message", [
    pytest.param(["--role", "clerk", "--password-stdin"], PASSWORD + "\n",
                 "either --municipality NAME (repeatable) or --all-municipalities", id="neither"),
    pytest.param(["--role", "clerk", "--municipality", "Kaarst", "--all-municipalities", "--password-stdin"],
                 PASSWORD + "\n", "either --municipality NAME (repeatable) or --all-municipalities", id="both"),
    pytest.param(["--role", "clerk", "--municipality", "Atlantis", "--password-stdin"], PASSWORD + "\n",
                 "'Atlantis' is not a municipality", id="unknown-municipality"),
    pytest.param(["--role", "clerk", "--municipality", "Kaarst", "--password-stdin"], "short\n",
                 "at least 10 characters", id="short-password"),
    pytest.param(["--role", "clerk", "--municipality", "Kaarst", "--password-stdin"], "",
                 "nothing on standard input", id="empty-stdin"),
    pytest.param(["--role", "boss", "--municipality", "Kaarst", "--password-stdin"], PASSWORD + "\n",
                 "'boss' is not one of", id="unknown-role"),
])
def test_cli_user_add_usage_errors(cli_db: list[str], args: list[str], stdin: str, message: str) -> None:
    """Wrong options exit with code 2 and say why; no user is created."""
    runner = CliRunner()
    result = runner.invoke(main, ["user", "add", "dora", *cli_db, *args], input=stdin)
    assert result.exit_code == ExitCode.BAD_USAGE, result.output
    assert message in " ".join(result.output.split())
    assert _users(runner, cli_db) == {}


@pytest.mark.parametrize("command", [
    pytest.param(["user", "disable", "nobody"], id="disable"),
    pytest.param(["user", "grant", "nobody", "--role", "admin"], id="grant"),
    pytest.param(["user", "password", "nobody", "--password-stdin"], id="password"),
    pytest.param(["token", "create", "nobody"], id="token-create"),
    pytest.param(["token", "revoke", "nobody"], id="token-revoke"),
])
def test_cli_unknown_user(cli_db: list[str], command: list[str]) -> None:
    """A command for a user who does not exist exits with code 2 and points to `user list`."""
    result = CliRunner().invoke(main, [*command, *cli_db], input=NEW_PASSWORD + "\n")
    assert result.exit_code == ExitCode.BAD_USAGE and "no user 'nobody'" in result.output


def test_cli_token_create_and_revoke(people: Database, cli_db: list[str]) -> None:
    """`token create` prints a token that works (and only it); `token revoke` stops it."""
    runner = CliRunner()
    created = runner.invoke(main, ["token", "create", "anna", *cli_db, "--name", "gis"])
    assert created.exit_code == 0, created.output
    (secret,) = created.output.split()
    principal = users.principal_for_token(people, secret)
    assert principal is not None and principal.username == "anna"
    assert _users(runner, cli_db)["anna"]["tokens"] == 1
    refused = runner.invoke(main, ["token", "create", "carl", *cli_db])
    assert refused.exit_code == ExitCode.BAD_USAGE and "disabled" in refused.output
    revoked = runner.invoke(main, ["token", "revoke", "anna", *cli_db])
    assert revoked.exit_code == 0 and "1 token(s) of anna revoked." in revoked.output
    assert users.principal_for_token(people, secret) is None


def test_cli_audit(database: Database, cli_db: list[str]) -> None:
    """`baulast audit` reads the log, newest first, as JSON lines or a table, filtered."""
    audit.record(database, "anna", audit.Action.SEARCH, query="q=Zons", result_count=2, remote="10.0.0.1")
    audit.record(database, "anna", audit.Action.VIEW, record_id=7, detail={"page": "review"})
    audit.record(database, "bert", audit.Action.DOWNLOAD_PDF, record_id=7)
    runner = CliRunner()
    result = runner.invoke(main, ["audit", *cli_db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(line["username"], line["action"], line["record_id"]) for line in lines] == [
        ("bert", "download_pdf", 7), ("anna", "view", 7), ("anna", "search", None)]
    assert lines[2]["query"] == "q=Zons" and lines[2]["result_count"] == 2 and lines[2]["remote"] == "10.0.0.1"
    assert lines[1]["detail"] == {"page": "review"} and dt.datetime.fromisoformat(lines[0]["at"]).tzinfo
    filtered = runner.invoke(main, ["audit", *cli_db, "--format", "jsonl", "--user", "anna", "--record", "7"])
    assert [json.loads(line)["action"] for line in filtered.output.splitlines()] == ["view"]
    by_action = runner.invoke(main, ["audit", *cli_db, "--format", "jsonl", "--action", "search", "--limit", "1"])
    assert [json.loads(line)["username"] for line in by_action.output.splitlines()] == ["anna"]
    today = _utcnow().date()
    since = runner.invoke(main, ["audit", *cli_db, "--format", "jsonl", "--since", today.strftime("%d.%m.%Y")])
    assert len(since.output.splitlines()) == 3
    later = runner.invoke(main, ["audit", *cli_db, "--format", "jsonl",
                                 "--since", (today + dt.timedelta(days=2)).isoformat()])
    assert later.exit_code == 0 and later.output == ""
    table = runner.invoke(main, ["audit", *cli_db])
    assert table.exit_code == 0 and "3 line(s)" in table.output and "download_pdf" in table.output
    bad = runner.invoke(main, ["audit", *cli_db, "--since", "yesterday"])
    assert bad.exit_code == ExitCode.BAD_USAGE and "cannot read 'yesterday' as a date" in bad.output


@pytest.mark.parametrize("command", [
    pytest.param(["user"], id="user"),
    pytest.param(["user", "add"], id="user-add"),
    pytest.param(["user", "list"], id="user-list"),
    pytest.param(["user", "grant"], id="user-grant"),
    pytest.param(["user", "disable"], id="user-disable"),
    pytest.param(["user", "password"], id="user-password"),
    pytest.param(["token"], id="token"),
    pytest.param(["token", "create"], id="token-create"),
    pytest.param(["token", "revoke"], id="token-revoke"),
    pytest.param(["audit"], id="audit"),
    pytest.param(["serve"], id="serve"),
])
def test_new_commands_have_help(command: list[str]) -> None:
    """Every user, token, audit and serve command explains itself."""
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output and len(result.output.splitlines()) > 4

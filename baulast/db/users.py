"""Users, their grants, API tokens and browser sessions, kept in the database.

Secrets (session cookies, API tokens) are random and shown once; the database keeps only
their sha256, so a copy of the database does not let anyone sign in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, selectinload

from baulast.access import (
    Principal,
    Role,
    check_password_strength,
    hash_password,
    needs_rehash,
    verify_password,
)
from baulast.db.database import Database
from baulast.db.models import ApiToken, User, UserMunicipality, WebSession
from baulast.errors import BadUsage
from baulast.gazetteer import Gazetteer

SESSION_LIFETIME = dt.timedelta(hours=10)  # one working day; then sign in again
TOKEN_PREFIX = "blt_"  # makes a leaked token recognisable in logs and secret scanners
# Verified when the user name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = hash_password("not a password of anyone")


@dataclass(frozen=True)
class UserInfo:
    """A user as listed to an admin."""

    username: str
    role: str
    municipalities: tuple[str, ...] | None  # None: all
    disabled: bool
    created_at: dt.datetime | None
    tokens: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def known_municipalities(names: Iterable[str], gazetteer: Gazetteer) -> list[str]:
    """The gazetteer's spelling of each name, or a clear error for one it does not know."""
    result = []
    for name in names:
        match = gazetteer.match_municipality(name, min_score=0.9)
        if match is None:
            raise BadUsage(f"{name!r} is not a municipality of the gazetteer "
                           f"(known: {', '.join(gazetteer.municipalities)})")
        result.append(match.name)
    return sorted(set(result))


def principal_of(user: User) -> Principal:
    """The Principal of a loaded user row."""
    scope = None if user.all_municipalities else frozenset(m.municipality for m in user.municipalities)
    return Principal(user.id, user.username, Role(user.role), scope)


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username).options(selectinload(User.municipalities)))
    if user is None:
        raise BadUsage(f"no user {username!r} (see: baulast user list)")
    return user


def add_user(db: Database, username: str, password: str, role: Role, municipalities: Iterable[str] | None,
             gazetteer: Gazetteer) -> Principal:
    """Create a user who may read these municipalities (None: all of them)."""
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise BadUsage("a user name is 1 to 64 characters without spaces")
    problem = check_password_strength(password)
    if problem:
        raise BadUsage(problem)
    names = None if municipalities is None else known_municipalities(municipalities, gazetteer)
    if names == []:
        raise BadUsage("give --municipality NAME (repeatable) or --all-municipalities")
    with db.session() as session:
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            raise BadUsage(f"user {username!r} exists already (change it with: baulast user grant)")
        user = User(username=username, password_hash=hash_password(password), role=role.value,
                    all_municipalities=names is None, disabled=False)
        user.municipalities = [UserMunicipality(municipality=name) for name in names or ()]
        session.add(user)
        session.flush()
        return principal_of(user)


def list_users(db: Database) -> list[UserInfo]:
    """All users, by name."""
    with db.session() as session:
        users = session.scalars(select(User).order_by(User.username).options(selectinload(User.municipalities)))
        counts: dict[int, int] = {}
        for user_id in session.scalars(select(ApiToken.user_id).where(ApiToken.revoked.is_(False))):
            counts[user_id] = counts.get(user_id, 0) + 1
        return [
            UserInfo(u.username, u.role, None if u.all_municipalities else tuple(m.municipality for m in u.municipalities),
                     u.disabled, u.created_at, counts.get(u.id, 0))
            for u in users
        ]


def set_disabled(db: Database, username: str, disabled: bool = True) -> None:
    """Disable a user (their sessions end, their tokens stop working) or enable them again."""
    with db.session() as session:
        user = _user(session, username)
        user.disabled = disabled
        if disabled:
            session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def grant(db: Database, username: str, municipalities: Iterable[str], gazetteer: Gazetteer, *,
          all_municipalities: bool = False, role: Role | None = None, revoke: bool = False) -> Principal:
    """Add (or with revoke, remove) municipalities a user may read; optionally change the role."""
    names = known_municipalities(municipalities, gazetteer)
    with db.session() as session:
        user = _user(session, username)
        if all_municipalities:
            user.all_municipalities = not revoke
        current = {m.municipality for m in user.municipalities}
        wanted = current - set(names) if revoke else current | set(names)
        user.municipalities = [m for m in user.municipalities if m.municipality in wanted]
        user.municipalities += [UserMunicipality(municipality=n) for n in sorted(wanted - current)]
        if role is not None:
            user.role = role.value
        session.flush()
        return principal_of(user)


def set_password(db: Database, username: str, password: str) -> None:
    """Give a user a new password; their browser sessions end."""
    problem = check_password_strength(password)
    if problem:
        raise BadUsage(problem)
    with db.session() as session:
        user = _user(session, username)
        user.password_hash = hash_password(password)
        session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def authenticate(db: Database, username: str, password: str) -> Principal | None:
    """The user if the name and password are right and the user is not disabled, else None."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.username == username)
                              .options(selectinload(User.municipalities)))
        if user is None:
            verify_password(_DUMMY_HASH, password)
            return None
        if not verify_password(user.password_hash, password) or user.disabled:
            return None
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        return principal_of(user)


def create_token(db: Database, username: str, name: str = "api") -> str:
    """A new API token for a user; the secret is returned once and only its hash is kept."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.session() as session:
        user = _user(session, username)
        if user.disabled:
            raise BadUsage(f"user {username!r} is disabled")
        session.add(ApiToken(user_id=user.id, token_hash=_digest(secret), name=name, revoked=False))
    return secret


def principal_for_token(db: Database, token: str) -> Principal | None:
    """The user a bearer token belongs to, if it is valid and the user is enabled."""
    with db.session() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token),
                                                    ApiToken.revoked.is_(False)))
        if row is None:
            return None
        user = session.get(User, row.user_id, options=[selectinload(User.municipalities)])
        if user is None or user.disabled:
            return None
        row.last_used_at = _now()
        return principal_of(user)


def revoke_tokens(db: Database, username: str) -> int:
    """Revoke every API token of a user; returns how many."""
    with db.session() as session:
        user = _user(session, username)
        result = session.execute(update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked.is_(False))
                                 .values(revoked=True))
        return result.rowcount or 0


def start_session(db: Database, principal: Principal) -> tuple[str, str]:
    """A new browser session: (cookie secret, CSRF token of its forms)."""
    secret, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with db.session() as session:
        session.execute(delete(WebSession).where(WebSession.expires_at < _now()))  # tidy as we go
        session.add(WebSession(token_hash=_digest(secret), user_id=principal.user_id, csrf_token=csrf,
                               expires_at=_now() + SESSION_LIFETIME))
    return secret, csrf


def session_principal(db: Database, secret: str) -> tuple[Principal, str] | None:
    """The user and CSRF token of a live session, or None (unknown, expired, user disabled)."""
    with db.session() as session:
        row = session.scalar(select(WebSession).where(WebSession.token_hash == _digest(secret)))
        if row is None or _aware(row.expires_at) < _now():
            return None
        user = session.get(User, row.user_id, options=[selectinload(User.municipalities)])
        if user is None or user.disabled:
            return None
        return principal_of(user), row.csrf_token


def end_session(db: Database, secret: str) -> None:
    """Sign a browser out."""
    with db.session() as session:
        session.execute(delete(WebSession).where(WebSession.token_hash == _digest(secret)))

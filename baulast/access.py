"""Who may do what: roles, the municipalities a user may read, and password hashing.

Records name property owners, so every read through the web app and the API is scoped
to the caller's municipalities. A record whose municipality is not known yet is visible
only to users granted all municipalities (the archive staff who fix it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD_LENGTH = 10


class Role(StrEnum):
    """What a user is for; each role may do what the one before may, and more."""

    CLERK = "clerk"  # search and view
    ARCHIVIST = "archivist"  # also the review queue and the batches
    ADMIN = "admin"  # also users and the audit log


class Permission(StrEnum):
    """One thing a role allows."""

    SEARCH = "search"
    VIEW = "view"
    REVIEW = "review"
    BATCHES = "batches"
    USERS = "users"
    AUDIT = "audit"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.SEARCH, Permission.VIEW}),
    Role.ARCHIVIST: frozenset({Permission.SEARCH, Permission.VIEW, Permission.REVIEW, Permission.BATCHES}),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True)
class Principal:
    """A signed-in user as the server sees them on one request."""

    user_id: int
    username: str
    role: Role
    municipalities: frozenset[str] | None  # None: all municipalities

    def can(self, permission: Permission) -> bool:
        """True if the user's role allows this."""
        return permission in PERMISSIONS[self.role]

    def may_read(self, municipality: str | None) -> bool:
        """True if a record of this municipality lies in the user's scope."""
        if self.municipalities is None:
            return True
        return municipality is not None and municipality in self.municipalities

    @property
    def scope_label(self) -> str:
        """The municipalities as one line, for pages and listings."""
        return "all municipalities" if self.municipalities is None else ", ".join(sorted(self.municipalities))


# Argon2id with the library's defaults (RFC 9106 low-memory profile: 64 MiB, 3 passes).
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An Argon2id hash of a password, with its own salt and parameters."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True if the password matches the hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True if the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def check_password_strength(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"a password needs at least {MIN_PASSWORD_LENGTH} characters"
    if password.strip() != password:
        return "a password must not start or end with a space (a copy-and-paste slip?)"
    return None

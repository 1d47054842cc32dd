"""Accounts and roles, login sessions and API tokens.

Roles: `viewer` reads, `editor` also reviews facts, `admin` also manages users and reads the audit log.
Passwords are hashed with Argon2id (argon2-cffi's PasswordHasher, its defaults); a login with a wrong
password counts against the account, and MAX_FAILURES in a row lock it for LOCK_MINUTES. Sessions and
API tokens are random (secrets.token_urlsafe); the database keeps only their SHA-256, so a copy of it
opens no session. A session ends on logout, on a password change (every session of the user) and
when the account is removed.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, delete, insert, select, update

from .. import clock
from ..errors import InputError
from ..store import schema as s
from . import audit

ROLES = ("viewer", "editor", "admin")
MAX_FAILURES = 5
LOCK_MINUTES = 15
SESSION_DAYS = 14
MIN_PASSWORD = 10
_NAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")
_HASHER = PasswordHasher()


class AccountError(InputError):
    code = "AW401"


class LoginFailed(AccountError):
    """A wrong name or password, or a locked account: one message for all, so it tells an attacker nothing."""

    code = "AW402"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _public(row) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "role": row.role, "created": row.created,
            "locked_until": row.locked_until}


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"--role {role!r}: one of {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    return password


def add_user(engine: Engine, name: str, password: str, role: str = "viewer", by: str = "cli") -> dict[str, Any]:
    if not _NAME.match(name or ""):
        raise AccountError(f"user name {name!r}: 1-64 letters, digits or . _ @ -")
    check_role(role)
    check_password(password)
    with engine.begin() as conn:
        if conn.execute(select(s.users.c.id).where(s.users.c.name == name)).first() is not None:
            raise AccountError(f"a user named {name!r} exists already")
        uid = conn.execute(insert(s.users).values(name=name, password_hash=_HASHER.hash(password), role=role,
                                                  failed_logins=0, created=clock.stamp(clock.now()))
                           ).inserted_primary_key[0]
        audit.record(conn, by, "user.add", f"user {name}", after={"role": role})
        return _public(conn.execute(select(s.users).where(s.users.c.id == uid)).one())


def list_users(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [_public(r) for r in conn.execute(select(s.users).order_by(s.users.c.name))]


def has_users(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(s.users.c.id).limit(1)).first() is not None


def get_user(conn: Connection, name: str):
    row = conn.execute(select(s.users).where(s.users.c.name == name)).first()
    if row is None:
        raise AccountError(f"no user {name!r} (see `accordwatch users list`)")
    return row


def set_password(engine: Engine, name: str, password: str, by: str = "cli") -> None:
    """A new password; every session of the user ends."""
    check_password(password)
    with engine.begin() as conn:
        row = get_user(conn, name)
        conn.execute(update(s.users).where(s.users.c.id == row.id).values(
            password_hash=_HASHER.hash(password), failed_logins=0, locked_until=None))
        conn.execute(delete(s.sessions).where(s.sessions.c.user_id == row.id))
        audit.record(conn, by, "user.passwd", f"user {name}")


def set_role(engine: Engine, name: str, role: str, by: str = "cli") -> None:
    check_role(role)
    with engine.begin() as conn:
        row = get_user(conn, name)
        conn.execute(update(s.users).where(s.users.c.id == row.id).values(role=role))
        audit.record(conn, by, "user.role", f"user {name}", before={"role": row.role}, after={"role": role})


def remove_user(engine: Engine, name: str, by: str = "cli") -> None:
    with engine.begin() as conn:
        row = get_user(conn, name)
        for table in (s.sessions, s.api_tokens):
            conn.execute(delete(table).where(table.c.user_id == row.id))
        conn.execute(update(s.reviews).where(s.reviews.c.user_id == row.id).values(user_id=None))
        conn.execute(delete(s.users).where(s.users.c.id == row.id))
        audit.record(conn, by, "user.remove", f"user {name}", before={"role": row.role})


def authenticate(engine: Engine, name: str, password: str) -> dict[str, Any]:
    """The user, or LoginFailed (the same message whatever was wrong). Failures in a row lock the account."""
    now = clock.now()
    failed = LoginFailed("wrong user name or password, or the account is locked for a while")
    with engine.begin() as conn:   # a failure is written (and committed) before it is raised
        row = conn.execute(select(s.users).where(s.users.c.name == name)).first()
        if row is None:
            _HASHER.hash(password or "x")   # the same work as for a real account: no timing tell
            ok = False
        elif row.locked_until and row.locked_until > clock.stamp(now):
            ok = False
        else:
            try:
                ok = _HASHER.verify(row.password_hash, password or "")
            except (VerificationError, InvalidHashError):
                ok = False
            if not ok:
                failures = row.failed_logins + 1
                locked = clock.later(now, LOCK_MINUTES * 60) if failures >= MAX_FAILURES else None
                conn.execute(update(s.users).where(s.users.c.id == row.id).values(
                    failed_logins=0 if locked else failures, locked_until=locked))
                audit.record(conn, name, "login.failed", f"user {name}",
                             after={"locked_until": locked} if locked else None)
            else:
                values: dict[str, Any] = {"failed_logins": 0, "locked_until": None}
                if _HASHER.check_needs_rehash(row.password_hash):
                    values["password_hash"] = _HASHER.hash(password)
                conn.execute(update(s.users).where(s.users.c.id == row.id).values(**values))
    if not ok:
        raise failed
    return _public(row)


# ---- sessions ----

def start_session(engine: Engine, user: dict[str, Any]) -> str:
    """A new session for the user: the token for the cookie (the database keeps its hash)."""
    token = secrets.token_urlsafe(32)
    now = clock.now()
    with engine.begin() as conn:
        conn.execute(insert(s.sessions).values(token_hash=_digest(token), user_id=user["id"], created=clock.stamp(now),
                                               expires=clock.stamp(now + timedelta(days=SESSION_DAYS))))
    return token


def session_user(engine: Engine, token: str | None) -> dict[str, Any] | None:
    """The user of a live session, or None."""
    if not token:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(s.users).join(s.sessions, s.sessions.c.user_id == s.users.c.id)
                           .where(s.sessions.c.token_hash == _digest(token),
                                  s.sessions.c.expires > clock.stamp(clock.now()))).first()
    return _public(row) if row is not None else None


def end_session(engine: Engine, token: str | None) -> None:
    if token:
        with engine.begin() as conn:
            conn.execute(delete(s.sessions).where(s.sessions.c.token_hash == _digest(token)))


# ---- API tokens ----

def create_token(engine: Engine, name: str, token_name: str = "api", by: str = "cli") -> str:
    """A new API token for the user, shown once (the database keeps its hash)."""
    token = "aw_" + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        row = get_user(conn, name)
        conn.execute(insert(s.api_tokens).values(user_id=row.id, name=token_name, token_hash=_digest(token),
                                                 created=clock.stamp(clock.now())))
        audit.record(conn, by, "token.add", f"user {name}", after={"token": token_name})
    return token


def token_user(engine: Engine, token: str | None) -> dict[str, Any] | None:
    """The user an API token belongs to, or None."""
    if not token:
        return None
    t = s.api_tokens
    with engine.begin() as conn:
        row = conn.execute(select(s.users, t.c.id.label("token_id")).join(t, t.c.user_id == s.users.c.id)
                           .where(t.c.token_hash == _digest(token))).first()
        if row is None:
            return None
        conn.execute(update(t).where(t.c.id == row.token_id).values(last_used=clock.stamp(clock.now())))
    return _public(row)

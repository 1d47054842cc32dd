"""The dashboard's user management (P13), for admins only: the web face of `accordwatch users`.

    GET  /users               every account (role, created, locked until, newest live session) and the forms
    POST /users/add           name, role, password, again: a new account
    POST /users/role          name, role: another role
    POST /users/password      name, password, again: a new password; every session of that user ends
    POST /users/remove        name, confirm=1: the account, its sessions and API tokens go (its reviews stay)

Each action is one call of review.accounts, made with `by=` the admin's name, so the audit log holds
it exactly as it holds the CLI's (user.add, user.role, user.passwd, user.remove). web/auth.py has checked
the form's CSRF token before a handler runs. Anonymous users get a 401 page, viewers and editors a 403,
on every route, GET and POST alike.

Two rules the CLI does not need: no action may leave the site without an admin (the last admin cannot
be demoted or removed: make another admin first), and an admin changes their own password on /account,
which asks for the current one (a stolen session alone cannot take the account over). A refusal is the
page again with a one-line message; a success redirects to GET /users with what was done.
"""
from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from .. import clock
from ..review import accounts
from ..store import schema as s
from . import auth

router = APIRouter()
_ADMINS = threading.Lock()  # a last-admin check and the change it allows, one at a time

MAX_FIELD = 1024            # no name or password is longer (and none longer is ever hashed)
DONE = {                    # what a successful action says on the page it redirects to
    "add": "User {name} added.",
    "role": "{name}'s role changed.",
    "password": "{name}'s password is reset: their sessions have ended.",
    "remove": "User {name} removed (their reviews stay under their name).",
}


class Refused(Exception):
    """An action the page refuses: its one-line message and status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _pages():
    from . import pages  # render, error_page; imported late: pages' module imports the web package

    return pages


def _admin(request: Request) -> dict[str, Any] | Response:
    """The admin asking, or the refusal to send: a 401 page without a user, a 403 for another role."""
    user = auth.current_user(request)
    if user is None:
        return _pages().error_page(request, 401, "Log in as an admin to manage users.")
    if user["role"] != "admin":
        return _pages().error_page(request, 403, f"Managing users is for admins ({user['name']} is "
                                                 f"{'an' if user['role'][0] in 'aeiou' else 'a'} {user['role']}).")
    return user


def _sentence(e: Exception) -> str:
    """A library error as one line for the page: no code, a capital letter, a full stop."""
    text = str(e)
    code = getattr(e, "code", None)
    if code:
        text = text.removeprefix(f"[{code}] ")
    text = " ".join(text.split())
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


def _rows(engine) -> list[dict[str, Any]]:
    """accounts.list_users, each with the start of its newest live session (None without one)."""
    users = accounts.list_users(engine)
    ss = s.sessions
    with engine.connect() as conn:
        newest = dict(conn.execute(select(ss.c.user_id, func.max(ss.c.created))
                                   .where(ss.c.expires > clock.stamp(clock.now()))
                                   .group_by(ss.c.user_id)).all())
    return [{**u, "session": newest.get(u["id"])} for u in users]


def _page(request: Request, admin: dict[str, Any], status: int = 200, error: str | None = None,
          done: str | None = None, form: dict[str, str] | None = None) -> HTMLResponse:
    rows = _rows(request.app.state.engine)
    response = _pages().render(request, "users.html", status_code=status, title="Users", users=rows, me=admin,
                               roles=accounts.ROLES, error=error, done=done, form=form or {},
                               admins=sum(1 for u in rows if u["role"] == "admin"),
                               min_password=accounts.MIN_PASSWORD)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/users", response_class=HTMLResponse, include_in_schema=False)
def users_page(request: Request, done: str = "", name: str = "") -> Response:
    admin = _admin(request)
    if isinstance(admin, Response):
        return admin
    message = DONE[done].format(name=name[:64]) if done in DONE and name else None
    return _page(request, admin, done=message)


async def _form(request: Request) -> dict[str, str]:
    form = await request.form(max_files=0, max_fields=10)
    out = {}
    for key in ("name", "role", "password", "again", "confirm"):
        value = form.get(key)
        out[key] = value if isinstance(value, str) else ""
        if len(out[key]) > MAX_FIELD:
            raise Refused(f"A {key} has at most {MAX_FIELD} characters.")
    out["name"] = out["name"].strip()
    return out


def _keeps_an_admin(engine, name: str, new_role: str | None) -> None:
    """Refuse (409) to demote (`new_role`) or remove (None) the last admin. Called holding _ADMINS."""
    if new_role == "admin":
        return
    u = s.users
    with engine.connect() as conn:
        role = conn.execute(select(u.c.role).where(u.c.name == name)).scalar_one_or_none()
        admins = conn.execute(select(func.count()).select_from(u).where(u.c.role == "admin")).scalar_one()
    if role == "admin" and admins <= 1:
        what = "removed" if new_role is None else f"made {new_role}"
        raise Refused(f"{name} is the last admin and cannot be {what}: make another user admin first.", 409)


def _checked(engine, name: str, new_role: str | None, act, *args) -> None:
    """`act(engine, name, *args)` unless it would leave no admin; the check and the act are one step for
    this process's requests (two admins demoting each other at once cannot both pass). Another process
    (a second server worker, the CLI) is not held back: the CLI has no such rule either."""
    with _ADMINS:
        _keeps_an_admin(engine, name, new_role)
        act(engine, name, *args)


def _new_password(form: dict[str, str]) -> str:
    if form["password"] != form["again"]:
        raise Refused("The two passwords differ.")
    return form["password"]


async def _act(request: Request, action: str) -> Response:
    admin = _admin(request)
    if isinstance(admin, Response):
        return admin
    engine = request.app.state.engine
    form: dict[str, str] = {}
    try:
        form = await _form(request)
        name, by = form["name"], admin["name"]
        if action == "add":
            await run_in_threadpool(accounts.add_user, engine, name, _new_password(form), form["role"], by)
        elif action == "role":
            accounts.check_role(form["role"])
            await run_in_threadpool(_checked, engine, name, form["role"], accounts.set_role, form["role"], by)
        elif action == "password":
            if name == admin["name"]:
                raise Refused("Change your own password on your account page: it asks for the current one.")
            await run_in_threadpool(accounts.set_password, engine, name, _new_password(form), by)
        else:
            if form["confirm"] != "1":
                raise Refused(f"Tick the box to confirm that {name or 'the user'} is to be removed.")
            await run_in_threadpool(_checked, engine, name, None, accounts.remove_user, by)
    except Refused as e:
        return _page(request, admin, e.status, str(e), form=_kept(form, action))
    except accounts.AccountError as e:
        return _page(request, admin, 400, _sentence(e), form=_kept(form, action))
    if name == admin["name"]:     # demoted or removed oneself: this page is no longer one's own
        response = RedirectResponse("/" if action == "remove" else "/account", 303)
        if action == "remove":
            auth.clear_session_cookie(response, request)
        return response
    return RedirectResponse("/users?" + urlencode({"done": action, "name": name}), 303)


def _kept(form: dict[str, str], action: str) -> dict[str, str]:
    """What the add form shows again after a refusal (never a password)."""
    return {"name": form.get("name", ""), "role": form.get("role", "")} if action == "add" else {}


@router.post("/users/add", include_in_schema=False)
async def add(request: Request) -> Response:
    return await _act(request, "add")


@router.post("/users/role", include_in_schema=False)
async def role(request: Request) -> Response:
    return await _act(request, "role")


@router.post("/users/password", include_in_schema=False)
async def password(request: Request) -> Response:
    return await _act(request, "password")


@router.post("/users/remove", include_in_schema=False)
async def remove(request: Request) -> Response:
    return await _act(request, "remove")

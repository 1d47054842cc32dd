"""The dashboard's pages for accounts (P13): logging in and out, one's own password, the audit log.

    GET  /login             the login form (when there are accounts)
    POST /login             name, password: a session cookie, then back where the user came from
    POST /logout            the session ends
    GET  /account           who is logged in; the form to change one's password
    POST /account/password  a new password: every session of the user ends, this browser gets a new one
    GET  /audit?target=&page=   the audit log, newest first (admins)

Every form carries the page's CSRF token (web/auth.py checks it before the handler runs). Logins are
rate-limited per client address (auth.LoginLimiter) and accounts lock after repeated wrong passwords
(review.accounts): both answer with the same words as a wrong password, and a 429 or 401.
"""
from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..review import accounts, audit
from . import auth

router = APIRouter()

MAX_FIELD = 1024          # a name or password longer than this is no account's (and never hashed)
AUDIT_PER_PAGE = 100


def _pages():
    from . import pages  # render, error_page; imported late: pages includes this router

    return pages


def _login_page(request: Request, status: int = 200, error: str | None = None, name: str = "",
                next_path: str | None = None, headers: dict[str, str] | None = None) -> HTMLResponse:
    engine = request.app.state.engine
    response = _pages().render(request, "login.html", status_code=status, title="Log in", error=error, name=name,
                               next_path=next_path or "", has_users=accounts.has_users(engine))
    response.headers["Cache-Control"] = "no-store"
    if headers:
        response.headers.update(headers)
    return response


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request, next: str = "") -> HTMLResponse:
    return _login_page(request, next_path=auth.safe_next(next))


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    name, password = str(form.get("name") or "").strip(), str(form.get("password") or "")
    next_path = auth.safe_next(form.get("next"))
    wait = request.app.state.login_limiter.hit(auth.client_address(request))
    if wait is not None:
        return _login_page(request, 429, f"Too many login attempts from your address: try again in {int(wait)} s.",
                           name, next_path, {"Retry-After": str(int(wait))})
    engine = request.app.state.engine
    try:
        if len(name) > MAX_FIELD or len(password) > MAX_FIELD:
            raise accounts.LoginFailed("wrong user name or password, or the account is locked for a while")
        user = await run_in_threadpool(accounts.authenticate, engine, name, password)
    except accounts.LoginFailed:
        return _login_page(request, 401, "Wrong user name or password, or the account is locked for a while.",
                           name, next_path)
    old = request.cookies.get(auth.SESSION_COOKIE)
    if old:
        await run_in_threadpool(accounts.end_session, engine, old)
    token = await run_in_threadpool(accounts.start_session, engine, user)
    response = RedirectResponse(next_path or "/", 303)
    auth.set_session_cookie(response, request, token)
    return response


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    await run_in_threadpool(accounts.end_session, request.app.state.engine, request.cookies.get(auth.SESSION_COOKIE))
    response = RedirectResponse("/", 303)
    auth.clear_session_cookie(response, request)
    return response


def _session_user(request: Request) -> dict[str, Any] | None:
    """The user of the page's session (a page is a browser's: its cookie, or an API token)."""
    return auth.current_user(request)


def _login_first(request: Request) -> Response:
    """A page for users only, asked for without a session: to the login form (a GET), else a 401."""
    if request.method not in ("GET", "HEAD"):
        return _pages().error_page(request, 401, "Log in first.", "Not logged in")
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/login?" + urlencode({"next": target}), 303)


@router.get("/account", response_class=HTMLResponse, include_in_schema=False)
def account(request: Request, changed: str = "") -> Response:
    user = _session_user(request)
    if user is None:
        return _login_first(request)
    response = _pages().render(request, "account.html", title="Your account", account=user, error=None,
                               changed=changed == "1")
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/account/password", include_in_schema=False)
async def change_password(request: Request) -> Response:
    user = _session_user(request)
    if user is None:
        return _login_first(request)
    form = await request.form(max_files=0, max_fields=10)
    current, new, again = (str(form.get(k) or "") for k in ("current", "new", "again"))
    engine = request.app.state.engine

    def refuse(message: str, status: int = 400) -> HTMLResponse:
        return _pages().render(request, "account.html", status_code=status, title="Your account", account=user,
                               error=message, changed=False)

    if new != again:
        return refuse("The two new passwords differ.")
    if max(len(current), len(new)) > MAX_FIELD:
        return refuse(f"A password has at most {MAX_FIELD} characters.")
    try:
        accounts.check_password(new)
        await run_in_threadpool(accounts.authenticate, engine, user["name"], current)
    except accounts.LoginFailed:
        return refuse("Your current password is wrong (or the account is locked for a while).", 401)
    except accounts.AccountError as e:
        return refuse(str(e).removeprefix(f"[{e.code}] ").capitalize() + ".")
    await run_in_threadpool(accounts.set_password, engine, user["name"], new, user["name"])   # every session ends
    token = await run_in_threadpool(accounts.start_session, engine, user)
    response = RedirectResponse("/account?changed=1", 303)
    auth.set_session_cookie(response, request, token)
    return response


@router.get("/audit", response_class=HTMLResponse, include_in_schema=False)
def audit_page(request: Request, target: str = "", page: str = "1") -> Response:
    user = _session_user(request)
    if user is None:
        return _login_first(request)
    pages = _pages()
    if user["role"] != "admin":
        return pages.error_page(request, 403, f"The audit log is for admins ({user['name']} is {user['role']}).",
                                "Forbidden")
    engine = request.app.state.engine
    target = target.strip()[:200].replace("\x00", "")
    number = int(page) if page.isdigit() and 0 < len(page) < 10 else 1
    total = audit.count(engine, contains=target or None)
    last = max(1, math.ceil(total / AUDIT_PER_PAGE))
    number = min(max(number, 1), last)
    entries = audit.entries(engine, contains=target or None, limit=AUDIT_PER_PAGE,
                            offset=(number - 1) * AUDIT_PER_PAGE)
    for e in entries:
        e["changes"] = changes(e["before"], e["after"])
        e["fact"] = audit.fact_target(e["target"])

    def url(n: int) -> str:
        return "/audit?" + urlencode({k: v for k, v in (("target", target), ("page", n)) if v})

    response = pages.render(request, "audit.html", title="Audit log", entries=entries, target=target, total=total,
                            page=number, pages=last, prev_url=url(number - 1) if number > 1 else None,
                            next_url=url(number + 1) if number < last else None)
    response.headers["Cache-Control"] = "no-store"
    return response


# what a reader of the log wants to see changed (not the bookkeeping of a row)
_SHOWN = ("indicator", "value", "unit", "period", "parties", "from_code", "to_code", "change_pct", "kind", "type",
          "name", "status", "date", "location", "role", "locked_until", "token")
_LABELS = {"from_code": "from", "to_code": "to"}


def changes(before: Any, after: Any) -> list[dict[str, Any]]:
    """[{"field", "before", "after"}] of the fields an audit entry changed (all of `after` without `before`)."""
    b = before if isinstance(before, dict) else {}
    a = after if isinstance(after, dict) else {}
    out = []
    for key in _SHOWN:
        if key in a and (key not in b or b[key] != a[key]):
            out.append({"field": _LABELS.get(key, key), "before": b.get(key), "after": a[key]})
    return out

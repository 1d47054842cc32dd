"""Who is asking: login sessions, API tokens, CSRF tokens, the login rate limit and `serve --private`.

Identities (review.accounts keeps them; the database holds only hashes of the tokens):

- a browser logs in at /login and gets the cookie SESSION_COOKIE: the random session token, HttpOnly,
  SameSite=Lax, Path=/, Secure when the request came over https. Behind a TLS proxy the request is
  https when the server trusts the proxy's X-Forwarded-Proto: uvicorn does for the addresses in its
  `forwarded_allow_ips` (127.0.0.1 by default, or $FORWARDED_ALLOW_IPS), so a proxy on the same host
  makes the cookies Secure with nothing to configure;
- an API client sends `Authorization: Bearer <API token>` (`accordwatch users token NAME`). A request
  with an Authorization header is judged by it alone, never by a cookie it also carries.

CSRF (starlette-csrf's double-submit cookie, CSRFMiddleware below): the cookie CSRF_COOKIE holds a
token signed with the app's secret; every page renders it (request.state.csrf_token) into its forms'
hidden field CSRF_FIELD and into <meta name="csrf-token"> for the scripts, which send it in the
CSRF_HEADER header. A POST (PUT, PATCH, DELETE) to a page must carry it, always (the login form too);
one to /api must carry it when it is authenticated by the session cookie (a request with an
Authorization header cannot be forged by another site: it needs the token). A missing or wrong token
is a 403. The secret is `create_app(secret=...)`, else $ACCORDWATCH_SECRET, else random per process
(`serve --workers N` gives its workers one).

Logins are rate-limited per client address (LOGIN_RATE, the `limits` package, in memory: per
process), on top of the account lockout of review.accounts (MAX_FAILURES wrong passwords in a row).

`--private` (PrivateGate): nothing but /login, the static files and POST /api/ingest (which has its
own token) answers without a session or an API token: pages redirect to /login, /api and the OpenAPI
document answer 401.
"""
from __future__ import annotations

import functools
import math
import os
import secrets
import time
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from itsdangerous import BadSignature
from limits import parse as parse_rate
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette_csrf import CSRFMiddleware as _LibraryCSRF

from ..review import accounts
from .errors import API_PREFIX, error_body

SESSION_COOKIE = "aw_session"
CSRF_COOKIE = "aw_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SECRET_ENV = "ACCORDWATCH_SECRET"
PRIVATE_ENV = "ACCORDWATCH_PRIVATE"
LOGIN_RATE = "10/minute"        # login attempts per client address
MAX_FORM_BYTES = 64_000         # a form body read for its CSRF token
EDITORS = ("editor", "admin")
# what `--private` leaves open: the login page, files with no data in them, and ingest (its own token)
OPEN_PREFIXES = ("/static/", "/static-docs/")
OPEN_PATHS = ("/login", "/favicon.ico", f"{API_PREFIX}/ingest")


def app_secret(secret: str | None = None) -> str:
    return secret or os.environ.get(SECRET_ENV) or secrets.token_urlsafe(32)


def is_https(request: Request) -> bool:
    return request.url.scheme in ("https", "wss")


def safe_next(value: Any) -> str | None:
    """A path on this site to go to after logging in (never another site: no //host, no scheme)."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith(("//", "/\\")):
        return None
    if any(c in value for c in "\r\n\\\x00") or len(value) > 2000:
        return None
    return value


# ---- who is asking ----

def current_user(request: Request) -> dict[str, Any] | None:
    """The user of the request's API token (an Authorization header) or else of its session cookie, or
    None; looked up once per request."""
    state = request.state
    if "aw_user" in state._state:
        return state.aw_user
    engine = request.app.state.engine
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, token = header.partition(" ")
        user = accounts.token_user(engine, token.strip()) if scheme.lower() == "bearer" and token.strip() else None
        via = "token"
    else:
        user = accounts.session_user(engine, request.cookies.get(SESSION_COOKIE))
        via = "session" if user else None
    state.aw_user, state.aw_via = user, via
    return user


def api_user(request: Request, roles: tuple[str, ...] = EDITORS) -> dict[str, Any]:
    """The user of an API request that needs one of `roles`: a 401 without a user, a 403 with another role."""
    user = current_user(request)
    if user is None:
        if request.headers.get("authorization") is not None:
            raise HTTPException(401, "wrong or unknown API token: send 'Authorization: Bearer <API token>' "
                                     "(accordwatch users token NAME)",
                                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        raise HTTPException(401, "log in, or send 'Authorization: Bearer <API token>' (accordwatch users token NAME)",
                            headers={"WWW-Authenticate": "Bearer"})
    if user["role"] not in roles:
        raise HTTPException(403, f"this needs the role {' or '.join(roles)} ({user['name']}'s role is {user['role']})")
    return user


def csrf_token(request: Request) -> str:
    """The token for this page's forms (CSRFMiddleware puts it on the request)."""
    return getattr(request.state, "csrf_token", "")


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=accounts.SESSION_DAYS * 86400, path="/", httponly=True,
                        samesite="lax", secure=is_https(request))


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=is_https(request))


# ---- the login rate limit ----

class LoginLimiter:
    """LOGIN_RATE login attempts per client address, in a moving window (limits, in memory)."""

    def __init__(self, rate: str = LOGIN_RATE) -> None:
        self.rate = parse_rate(rate)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def hit(self, address: str) -> float | None:
        """None when the attempt may go on, else the seconds until the next one may."""
        if self.limiter.hit(self.rate, "login", address):
            return None
        reset = self.limiter.get_window_stats(self.rate, "login", address).reset_time
        return max(1.0, math.ceil(reset - time.time()))


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# ---- CSRF ----

class CSRFMiddleware(_LibraryCSRF):
    """starlette-csrf's double-submit check, with what a server-rendered dashboard needs besides: the
    token is known while the page is made (request.state.csrf_token), so that its forms can carry it in
    CSRF_FIELD, which is read from a form body as well as from the CSRF_HEADER header; the cookie is set
    on pages only (not on /api answers nor static files) and is Secure over https; requests to /api are
    checked only when a session cookie authenticates them; a refusal has the app's error shape."""

    def __init__(self, app, secret: str) -> None:
        super().__init__(app, secret, cookie_name=CSRF_COOKIE, header_name=CSRF_HEADER, cookie_httponly=True,
                         cookie_samesite="lax", sensitive_cookies={SESSION_COOKIE})

    def _valid(self, token: str | None) -> bool:
        if not token:
            return False
        try:
            self.serializer.loads(token)
        except BadSignature:
            return False
        return True

    def _checked(self, request: Request) -> bool:
        if request.method in self.safe_methods:
            return False
        if request.url.path == API_PREFIX or request.url.path.startswith(API_PREFIX + "/"):
            return SESSION_COOKIE in request.cookies and "authorization" not in request.headers
        return True

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = request.url.path
        page = not (path.startswith(API_PREFIX) or path.startswith(OPEN_PREFIXES))
        cookie = request.cookies.get(self.cookie_name)
        known = cookie if self._valid(cookie) else None
        token = known or (self._generate_csrf_token() if page else "")   # the API's answers carry none
        scope.setdefault("state", {})["csrf_token"] = token
        if self._checked(request):
            submitted, receive = await self._submitted(request, receive)
            if not (known and submitted and self._csrf_tokens_match(known, submitted)):
                await self._refusal(request)(scope, receive, send)
                return
        if known or not page:
            await self.app(scope, receive, send)
        else:
            await self.app(scope, receive, functools.partial(self._send_cookie, send=send, token=token,
                                                             secure=is_https(request)))

    async def _send_cookie(self, message, send, token: str, secure: bool) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers.append("set-cookie", f"{self.cookie_name}={token}; HttpOnly; Path=/; SameSite=lax"
                                         + ("; Secure" if secure else ""))
        await send(message)

    async def _submitted(self, request: Request, receive):
        """The token the request sent (its header, else its form's CSRF_FIELD), and the `receive` that
        gives the app the body again."""
        header = request.headers.get(self.header_name)
        if header:
            return header, receive
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            return None, receive
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return None, receive
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > MAX_FORM_BYTES:
                return None, receive
            more = message.get("more_body", False)
        body = b"".join(chunks)
        given = parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD, [None])[0]
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return given, replay

    def _refusal(self, request: Request) -> Response:
        if request.url.path.startswith(API_PREFIX):
            return JSONResponse(error_body(403, "CSRF token missing or wrong: send the X-CSRF-Token header of the "
                                                "page (a session cookie needs it), or an API token"), 403)
        message = ("The form has expired or did not come from this site (its CSRF token is missing or wrong): "
                   "reload the page and try again.")
        page = getattr(request.app.state, "error_page", None)
        if page is not None:
            return page(request, 403, message)
        return JSONResponse(error_body(403, message), 403)


# ---- serve --private ----

class PrivateGate:
    """With `private`, a request without a live session or a valid API token reads nothing: a page is a
    redirect to /login (a GET) or a 401, /api and the OpenAPI document a 401 with the error shape."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if await run_in_threadpool(current_user, request) is not None:
            await self.app(scope, receive, send)
            return
        if path.startswith(API_PREFIX) or path in ("/openapi.json", "/docs", "/redoc"):
            response: Response = JSONResponse(
                error_body(401, "this server is private: log in, or send 'Authorization: Bearer <API token>'"),
                401, headers={"WWW-Authenticate": "Bearer"})
        elif request.method in ("GET", "HEAD"):
            target = path + (f"?{scope['query_string'].decode('latin-1')}" if scope.get("query_string") else "")
            response = RedirectResponse(f"/login?next={quote(target, safe='')}", 303)
        else:
            page = getattr(request.app.state, "error_page", None)
            message = "This server is private: log in first."
            response = page(request, 401, message) if page else JSONResponse(error_body(401, message), 401)
        await response(scope, receive, send)

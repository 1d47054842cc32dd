"""One JSON error shape for every error the web app returns, pinned by tests/test_api_routes.py:

    {"ok": false, "error": "<a message a person can act on>", "status": <the HTTP status>}

What maps to what (at the edge, as DESIGN.md asks: the library raises, the web turns it into a status):

QueryInputError (UnknownCode AW501, BadFilter AW502, SearchSyntaxError AW503, ...)   400
RequestValidationError (a parameter of the wrong type or out of its range)          400
HTTPException (404 no such path or item, 405 a method the route does not take,
               401 no user, 403 not allowed, 409 taken, 413 too large, ...)           its own status
anything else                                                                         500, traceback logged,
                                                                                      no internals in the body

A route that looks something up by its path (a code in /api/partners/{code}) turns an unknown code into a
404 itself. Each route declares the statuses it can answer (`responses(400, 404)`, 500 always) with the
shape of ErrorBody, in the OpenAPI document; a parameter the validation refuses is a 400, never FastAPI's 422
(which api.finish_openapi leaves out of the document).

Pages outside /api get the same shape, unless the dashboard module (accordwatch.web.pages) defines
`error_page(request, status, message) -> Response`; then they get that.
"""
from __future__ import annotations

import logging
from typing import Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..query import QueryInputError

log = logging.getLogger("accordwatch.web")

API_PREFIX = "/api"


class ErrorBody(BaseModel):
    """The body of every error response (for the OpenAPI document)."""

    ok: Literal[False] = False
    error: str
    status: int


# What each error status means, for the OpenAPI document: every route declares the ones it can answer
# (responses(400, 404)), each with the shape of ErrorBody.
ERROR_STATUSES = {
    400: "A parameter or a field the client can fix: an unknown code, a bad filter, date, page, search or value (the "
         "message names it and what is wrong)",
    401: "No or a wrong `Authorization: Bearer <token>` (the ingest token on /api/ingest, an API token elsewhere), "
         "and no login session",
    403: "Not allowed: ingest is disabled (the server has no ingest token), the user's role may not do this, or a "
         "request authenticated by the session cookie lacks its CSRF token",
    404: "No such item, code or page of results",
    405: "A method the route does not take: the API reads with GET, and writes on a few routes (POST, DELETE)",
    409: "It exists already: a saved search of that name, a fact at the span someone adds one at",
    413: "The body is over the server's size limit",
    415: "Neither JSON nor multipart/form-data",
    500: "An unexpected failure: the server log has the details (the body never does)",
}


def responses(*statuses: int) -> dict[int | str, dict]:
    """The `responses=` of a route that can answer these error statuses (and 500, which any route can)."""
    return {status: {"model": ErrorBody, "description": ERROR_STATUSES[status]}
            for status in sorted({*statuses, 500})}


def error_body(status: int, message: str) -> dict:
    return {"ok": False, "error": message, "status": status}


def error_response(request: Request, status: int, message: str, headers: dict | None = None):
    """The error as JSON, or as the dashboard's error page for a page outside /api when it has one."""
    page = getattr(request.app.state, "error_page", None)
    if page is not None and not request.url.path.startswith(API_PREFIX):
        response = page(request, status, message)
        if headers:
            response.headers.update(headers)
        return response
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def _http_message(request: Request, exc: StarletteHTTPException) -> str:
    """The exception's own message, or one that says more than the bare status phrase."""
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    path = request.url.path
    api = path.startswith(API_PREFIX)
    if exc.status_code == 404 and detail == "Not Found":
        return f"nothing at {path}" + (": see /docs for the API's routes" if api else "")
    if exc.status_code == 405 and detail == "Method Not Allowed":
        allowed = (exc.headers or {}).get("Allow", "GET")
        return (f"method {request.method} is not allowed on {path} (allowed: {allowed})"
                + ("; see /docs for the API's routes" if api else ""))
    return detail


def _allowed_methods(request: Request) -> str | None:
    """Every method the app's routes take on the request's path (Starlette's 405 names only the first
    matching route's, where a path has one route per method: GET and POST /api/alerts)."""
    from starlette.routing import Match

    methods = [m for m in ("GET", "POST", "PUT", "PATCH", "DELETE")
               if any(route.matches({**request.scope, "method": m})[0] == Match.FULL
                      for route in request.app.router.routes)]
    return ", ".join(methods) or None


async def _http_exception(request: Request, exc: StarletteHTTPException):
    headers = exc.headers
    if exc.status_code == 405 and (allowed := _allowed_methods(request)):
        headers = {**(headers or {}), "Allow": allowed}
        exc = StarletteHTTPException(405, exc.detail, headers)
    return error_response(request, exc.status_code, _http_message(request, exc), headers)


def validation_message(exc: RequestValidationError) -> str:
    """'page: Input should be greater than or equal to 1; per_page: ...'"""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body", "header")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _validation_error(request: Request, exc: RequestValidationError):
    return error_response(request, 400, validation_message(exc))


async def _query_input_error(request: Request, exc: QueryInputError):
    return error_response(request, 400, str(exc))


async def _unexpected(request: Request, exc: Exception):
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    # answered from outside the app's middleware, so the header the app adds is set here
    return error_response(request, 500, "internal server error: the server log has the details",
                          {"X-Content-Type-Options": "nosniff"})


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""
    app.add_exception_handler(StarletteHTTPException, _http_exception)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryInputError, _query_input_error)
    app.add_exception_handler(Exception, _unexpected)

"""The API's watch routes (P12): the sources `accordwatch watch` polls, and saved searches.

GET    /api/sources            every source and its health
GET    /api/alerts             the saved searches (never a webhook's signing key)
POST   /api/alerts             save a search (editor, admin): its signing key is shown once
DELETE /api/alerts/{alert_id}  remove one (editor, admin)
"""
from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParam
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from ..query import QueryInputError
from ..query.common import EVENT_TYPES, INDICATORS, LANGUAGES, SECTORS, STATUSES
from ..store import schema as s
from ..watch import alerts as al
from ..watch.sources import list_sources
from . import auth
from .api import SCHEMAS, SPACES
from .api_checks import MAX_ID, bad, check_code, check_enum, check_object, check_pattern, json_body, ref
from .api_review import SECURITY
from .errors import API_PREFIX, responses

router = APIRouter()

SOURCE_FIELDS = ("id", "url", "name", "every_seconds", "last_poll", "last_success", "last_error", "failures",
                 "articles_added", "next_poll", "created")


@router.get("/sources", tags=["watch"], summary="The watched sources and their health", responses=responses())
def sources(request: Request) -> dict[str, Any]:
    """Every source `accordwatch watch` polls (`accordwatch sources add URL`): {"items", "total"}, each
    {"id", "url", "name", "every_seconds", "last_poll", "last_success", "last_error", "failures",
    "articles_added", "next_poll", "created", "failing"}. Times are ISO 8601 UTC; `failures` counts the
    failed polls in a row (the wait before the next one doubles with each), `failing` is true while the
    last poll failed (`last_error` says why)."""
    items = [{**{k: r[k] for k in SOURCE_FIELDS}, "failing": bool(r["last_error"])}
             for r in list_sources(request.app.state.engine)]
    return {"items": items, "total": len(items)}


# ---- saved searches --------------------------------------------------------------------------------

def _public(engine, alert: dict[str, Any], counts: dict | None = None) -> dict[str, Any]:
    """A saved search as the API shows it: never the signing key, only whether there is one."""
    if counts is None:
        counts = _delivery_counts(engine)
    return {"id": alert["id"], "name": alert["name"], "filters": alert["filters"], "webhook_url": alert["webhook_url"],
            "webhook_signed": bool(alert["webhook_secret"]), "email": alert["email"], "created": alert["created"],
            "feed": f"/feeds/{alert['id']}.atom",
            "deliveries": {st: counts.get((alert["id"], st), 0) for st in ("delivered", "pending", "failed")}}


def _delivery_counts(engine) -> dict[tuple[int, str], int]:
    d = s.deliveries
    with engine.connect() as conn:
        return {(a, st): n for a, st, n in conn.execute(
            select(d.c.alert_id, d.c.status, func.count()).group_by(d.c.alert_id, d.c.status))}


@router.get("/alerts", tags=["watch"], summary="Saved searches", responses=responses())
def alerts(request: Request) -> dict[str, Any]:
    """The saved searches, oldest first: {"items", "total"}, each {"id", "name", "filters", "webhook_url",
    "webhook_signed", "email", "created", "feed", "deliveries": {"delivered", "pending", "failed"}}.
    `filters` are the events and figures API's (country, pair, type, status, sector, indicator, language,
    query); `feed` is its Atom feed; a webhook's signing key is never shown (`webhook_signed` says whether
    deliveries are signed)."""
    engine = request.app.state.engine
    counts = _delivery_counts(engine)
    items = [_public(engine, a, counts) for a in al.list_alerts(engine)]
    return {"items": items, "total": len(items)}


_NO_CONTROL = "\\x00-\\x1f\\x7f"
NAME = f"^[^{_NO_CONTROL}]*[^{_NO_CONTROL}{SPACES}][^{_NO_CONTROL}]*$"
QUERY = f"^[^\\x00]*[^\\x00{SPACES}][^\\x00]*$"
WEBHOOK = "^https?://[^\\x00-\\x20\\x7f/?#]+(?:[/?#][^\\x00-\\x20\\x7f]*)?$"
EMAIL = "^[^@\\x00-\\x20\\x7f]+@[^@\\x00-\\x20\\x7f]+$"
MAX_NAME, MAX_QUERY, MAX_URL, MAX_EMAIL = 200, 500, 2000, 320
FILTER_SCHEMAS = {
    "country": {**ref("Code"), "description": "A country or bloc (events or figures of it)."},
    "pair": {**ref("Pair"), "description": "Two countries or blocs (events or figures of both)."},
    "type": {"type": "string", "enum": list(EVENT_TYPES), "description": "Events of this type only."},
    "status": {"type": "string", "enum": list(STATUSES), "description": "Events of this status only."},
    "sector": {"type": "string", "enum": list(SECTORS), "description": "Events of this sector (or its family)."},
    "indicator": {"type": "string", "enum": list(INDICATORS), "description": "Figures of this indicator only."},
    "language": {"type": "string", "enum": list(LANGUAGES), "description": "What articles in it report."},
    "query": {"type": "string", "minLength": 1, "maxLength": MAX_QUERY, "pattern": QUERY,
              "description": "A full-text search the reporting article matches (as /api/search reads it: a "
                             "letter or digit in any script)."},
}
assert tuple(FILTER_SCHEMAS) == al.FILTERS
ALERT_SCHEMA = {
    "type": "object", "additionalProperties": False, "required": ["name", "filters"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": MAX_NAME, "pattern": NAME,
                 "description": "A name of its own (not blank)."},
        "filters": {"type": "object", "additionalProperties": False, "minProperties": 1,
                    "properties": FILTER_SCHEMAS,
                    "description": "At least one filter of the events and figures API; type, status and sector "
                                   "match events only, indicator figures only."},
        "webhook_url": {"anyOf": [{"type": "string", "maxLength": MAX_URL, "pattern": WEBHOOK}, {"type": "null"}],
                        "description": "Where `accordwatch watch` POSTs each new match, signed with HMAC-SHA256 "
                                       "(a public http(s) address: a private one is refused)."},
        "email": {"anyOf": [{"type": "string", "maxLength": MAX_EMAIL, "pattern": EMAIL}, {"type": "null"}],
                  "description": "Where it e-mails each new match."},
    },
}
ALERT_EXAMPLE = {"name": "Kazakhstan's signed agreements", "filters": {"country": "KAZ", "type": "agreement",
                                                                      "status": "signed"}}


def check_alert(body: Any) -> dict[str, Any]:
    """The saved search of a POST, held to ALERT_SCHEMA (watch.alerts then checks the filters' values)."""
    body = check_object(body, "the saved search", tuple(ALERT_SCHEMA["properties"]), ("name", "filters"))
    name = body["name"]
    if not isinstance(name, str) or len(name) > MAX_NAME or re.fullmatch(NAME[1:-1], name) is None:
        raise bad(f"name: 1 to {MAX_NAME} characters, not blank, no control characters")
    filters = check_object(body["filters"], "filters", al.FILTERS)
    if not filters:
        raise bad(f"filters: at least one of {', '.join(al.FILTERS)}")
    for key, value in filters.items():
        where = f"filters.{key}"
        if key == "country":
            check_code(value, where)
        elif key == "pair":
            check_pattern(value, where, SCHEMAS["Pair"]["pattern"], "two different codes joined by '-' (KAZ-UZB)")
        elif key == "query":
            if not isinstance(value, str) or len(value) > MAX_QUERY or re.fullmatch(QUERY[1:-1], value) is None:
                raise bad(f"{where}: a search of at most {MAX_QUERY} characters with a letter or digit")
        else:
            check_enum(value, where, tuple(FILTER_SCHEMAS[key]["enum"]))
    url = body.get("webhook_url")
    if url is not None and (not isinstance(url, str) or len(url) > MAX_URL or re.fullmatch(WEBHOOK[1:-1], url) is None):
        raise bad(f"webhook_url {url!r}: an http or https URL")
    email = body.get("email")
    if email is not None and (not isinstance(email, str) or len(email) > MAX_EMAIL
                              or re.fullmatch(EMAIL[1:-1], email) is None):
        raise bad(f"email {email!r}: an e-mail address")
    return {"name": name.strip(), "filters": filters, "webhook_url": url, "email": email}


def _create(engine, a: dict[str, Any]) -> dict[str, Any]:
    with engine.connect() as conn:
        if conn.execute(select(s.alerts.c.id).where(s.alerts.c.name == a["name"])).first() is not None:
            raise HTTPException(409, f"a saved search named {a['name']!r} exists already")
    try:
        alert, key = al.add_alert(engine, a["name"], a["filters"], webhook_url=a["webhook_url"], email=a["email"])
    except (InputError, QueryInputError) as e:
        raise HTTPException(400, str(e)) from None
    return {"ok": True, "alert": _public(engine, alert), "signing_key": key}


_CREATED = {201: {"description": "The saved search, and its webhook's signing key (shown this once; null without "
                                 "a webhook)",
                  "links": {"remove": {
                      "operationRef": "#/paths/" + f"{API_PREFIX}/alerts/{{alert_id}}".replace("/", "~1") + "/delete",
                      "description": "Remove the saved search",
                      "parameters": {"alert_id": "$response.body#/alert/id"}}}}}


@router.post("/alerts", tags=["watch"], summary="Save a search", status_code=201,
             responses={**responses(400, 401, 403, 409, 413, 415), **_CREATED},
             openapi_extra={"security": SECURITY, "requestBody": {"required": True, "content": {"application/json": {
                 "schema": ref("AlertRequest"), "examples": {"signed": {
                     "summary": "Kazakhstan's signed agreements", "value": ALERT_EXAMPLE}}}}}})
async def post_alert(request: Request) -> dict[str, Any]:
    """Save a search, with the same filters and checks as `accordwatch alerts add`: {"name", "filters",
    "webhook_url", "email"}. What already matches is not news: only events and figures stored from now on
    are delivered (and in its feed, /feeds/{id}.atom). Returns 201 {"ok", "alert", "signing_key"}: with a
    webhook, the key that signs its deliveries (HMAC-SHA256), shown this once.

    Needs an editor or admin (401 without a user, 403 for a viewer); a name in use is a 409; a filter
    out of its rule, a webhook on a private address or a host that does not resolve a 400."""
    user = auth.api_user(request)
    a = check_alert(await json_body(request))
    out = await run_in_threadpool(_create, request.app.state.engine, a)
    out["by"] = user["name"]
    return out


@router.delete("/alerts/{alert_id}", tags=["watch"], summary="Remove a saved search",
               responses=responses(400, 401, 403, 404), openapi_extra={"security": SECURITY})
def delete_alert(request: Request,
                 alert_id: Annotated[int, PathParam(ge=1, le=MAX_ID, description=f"Its id, 1 to {MAX_ID:,}.",
                                                    examples=[1])]) -> dict[str, Any]:
    """Remove a saved search and its delivery log: {"ok", "removed": the saved search}. Needs an editor or
    admin; no such saved search is a 404."""
    auth.api_user(request)
    engine = request.app.state.engine
    try:
        alert = al.get_alert(engine, alert_id)
    except InputError as e:
        raise HTTPException(404, f"no saved search {alert_id}") from e
    shown = _public(engine, alert)
    al.remove_alert(engine, alert_id)
    return {"ok": True, "removed": shown}

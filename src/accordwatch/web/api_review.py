"""The API's review routes (P13): people confirm, correct, reject and add facts; admins read the audit log.

POST /api/reviews    {kind, document_id, start, end, action, fields}: review one figure or event, or add one
                     the extractor missed (editor, admin)
GET  /api/audit      the audit log, newest first, filtered by part of the target (admin)

A user is an API token (`Authorization: Bearer <token>`, accordwatch users token NAME) or the dashboard's
session cookie with its CSRF token in the X-CSRF-Token header (web/auth.py). 401 without one, 403 for a
role that may not (a viewer reviewing, an editor reading the audit log).
"""
from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from ..query import QueryInputError
from ..query.common import EVENT_TYPES, INDICATORS, KINDS, STATUSES
from ..review import audit, facts
from ..store import overlay
from . import auth
from .api import SCHEMAS
from .api_checks import (
    MAX_ID,
    bad,
    check_code,
    check_enum,
    check_int,
    check_object,
    check_pattern,
    check_text,
    json_body,
    ref,
)
from .errors import responses

router = APIRouter()

USER_SECURITY = {
    "apiToken": {"type": "http", "scheme": "bearer",
                 "description": "A user's API token (`accordwatch users token NAME`); its role decides what it "
                                "may do."},
    "sessionCookie": {"type": "apiKey", "in": "cookie", "name": auth.SESSION_COOKIE,
                      "description": "The dashboard's login session; a write also needs the page's CSRF token in "
                                     "the X-CSRF-Token header."},
}
SECURITY = [{name: []} for name in USER_SECURITY]

# ---- the review body -------------------------------------------------------------------------------

# a year 1000-2999, or a month of it, or a span of them (review.facts' rule for a figure's period)
_YM = "[12][0-9]{3}(?:-(?:0[1-9]|1[0-2]))?"
PERIOD = f"^{_YM}(?:/{_YM})?$"
UNIT = "^[A-Za-z_]{1,20}$"
NUMBER = {"type": "number", "minimum": -1e18, "maximum": 1e18}
MAX_TEXT = 500


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


_TEXT = {"type": "string", "maxLength": MAX_TEXT, "pattern": "^[^\\x00]*$"}
FIELD_SCHEMAS = {
    "figure": {
        "indicator": {"type": "string", "enum": list(INDICATORS)},
        "value": NUMBER,
        "unit": {"type": "string", "pattern": UNIT, "description": "A currency code or a unit word (USD, tonnes)."},
        "period": nullable({"type": "string", "pattern": PERIOD,
                             "description": "YYYY, YYYY-MM or a span of them (2024-01/2024-06); null for none."}),
        "parties": {"type": "array", "items": ref("Code"), "minItems": 1, "maxItems": 10},
        "from": nullable(ref("Code")),
        "to": nullable(ref("Code")),
        "change_pct": nullable(NUMBER),
        "kind": {"type": "string", "enum": list(KINDS)},
    },
    "event": {
        "type": {"type": "string", "enum": list(EVENT_TYPES)},
        "name": nullable(_TEXT),
        "status": {"type": "string", "enum": list(STATUSES)},
        "date": nullable(ref("Date")),
        "parties": {"type": "array", "items": ref("Code"), "minItems": 1, "maxItems": 10},
        "location": nullable(_TEXT),
    },
}
assert tuple(FIELD_SCHEMAS["figure"]) == overlay.FIGURE_FIELDS and tuple(FIELD_SCHEMAS["event"]) == overlay.EVENT_FIELDS


def _fields_schema(kind: str, action: str) -> dict:
    description = {"review": f"The {kind}'s fields: none needed to confirm or reject.",
                   "correct": f"The {kind}'s corrected fields (at least one).",
                   "add": f"The added {kind}'s fields: {', '.join(facts.ADD_REQUIRED[kind])} at least."}[action]
    schema = {"type": "object", "additionalProperties": False, "properties": FIELD_SCHEMAS[kind],
              "description": description}
    if action == "correct":
        schema["minProperties"] = 1
    if action == "add":
        schema["required"] = list(facts.ADD_REQUIRED[kind])
    return schema


def _review_schema(kind: str, action: str) -> dict:
    actions = [action] if action in ("correct", "add") else ["confirm", "reject"]
    needs_fields = action in ("correct", "add")
    return {"type": "object", "additionalProperties": False,
            "required": ["kind", "document_id", "start", "end", "action", *(["fields"] if needs_fields else [])],
            "properties": {
                "kind": {"type": "string", "enum": [kind]},
                "document_id": {"type": "integer", "minimum": 1, "maximum": MAX_ID,
                                "description": "The article's id (GET /api/documents/{document_id})."},
                "start": {"type": "integer", "minimum": 0, "maximum": MAX_ID,
                          "description": "Where the article states the fact: a figure's amount, an event report's "
                                         "sentence (`start` of GET /api/documents/{document_id}); adding, the "
                                         "selected text (at most 1,000 characters)."},
                "end": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
                "action": {"type": "string", "enum": actions},
                "fields": _fields_schema(kind, action)}}


REVIEW_SCHEMAS = {"FigureReview": _review_schema("figure", "review"),
                  "FigureCorrection": _review_schema("figure", "correct"),
                  "FigureAddition": _review_schema("figure", "add"),
                  "EventReview": _review_schema("event", "review"),
                  "EventCorrection": _review_schema("event", "correct"),
                  "EventAddition": _review_schema("event", "add")}
REVIEW_EXAMPLE = {"kind": "figure", "document_id": 1, "start": 707, "end": 719, "action": "confirm"}
CORRECTION_EXAMPLE = {"kind": "figure", "document_id": 1, "start": 707, "end": 719, "action": "correct",
                      "fields": {"value": 4450000000, "period": "2023"}}
ADDITION_EXAMPLE = {"kind": "figure", "document_id": 1, "start": 707, "end": 719, "action": "add",
                    "fields": {"indicator": "trade_turnover", "value": 4450000000, "unit": "USD", "period": "2023",
                               "parties": ["KAZ", "UZB"]}}
_REVIEW_BODY = {"required": True, "content": {"application/json": {
    "schema": {"oneOf": [ref(name) for name in REVIEW_SCHEMAS]},
    "examples": {"confirm": {"summary": "Confirm the sample's trade turnover of 2023", "value": REVIEW_EXAMPLE},
                 "correct": {"summary": "Correct its value", "value": CORRECTION_EXAMPLE},
                 "add": {"summary": "Add a figure the extractor missed", "value": ADDITION_EXAMPLE}}}}}


def check_review(body: Any) -> dict[str, Any]:
    """The review request, held to its schema (the library then checks the values)."""
    body = check_object(body, "the review", ("kind", "document_id", "start", "end", "action", "fields"),
                        ("kind", "document_id", "start", "end", "action"))
    kind = check_enum(body["kind"], "kind", ("figure", "event"))
    action = check_enum(body["action"], "action", facts.ACTIONS)
    out = {"kind": kind, "action": action, "document_id": check_int(body["document_id"], "document_id", 1, MAX_ID),
           "start": check_int(body["start"], "start", 0, MAX_ID), "end": check_int(body["end"], "end", 0, MAX_ID)}
    fields = body.get("fields", {})
    if "fields" in body and not isinstance(fields, dict):
        raise bad(f"fields: a JSON object, not {type(fields).__name__}")
    allowed = tuple(FIELD_SCHEMAS[kind])
    check_object(fields, "fields", allowed)
    if action == "correct" and not fields:
        raise bad("a correction needs at least one field in `fields`: " + ", ".join(allowed))
    missing = [k for k in facts.ADD_REQUIRED[kind] if k not in fields] if action == "add" else []
    if missing:
        raise bad(f"an added {kind} needs `fields` with {', '.join(missing)}")
    for name, value in fields.items():
        where = f"fields.{name}"
        if name == "parties":
            if isinstance(value, list):
                for i, code in enumerate(value):
                    check_code(code, f"{where}[{i}]")
        elif name in ("from", "to"):
            check_code(value, where, nullable=True)
        elif name == "date":
            check_pattern(value, where, SCHEMAS["Date"]["pattern"], "a date: YYYY, YYYY-MM or YYYY-MM-DD",
                          nullable=True)
        elif name in ("name", "location"):
            check_text(value, where, MAX_TEXT)
    out["fields"] = fields
    return out


def _public_fact(kind: str, fact: dict[str, Any] | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    marks = {k: fact.get(k) for k in ("review", "reviewed_by", "reviewed_at")}
    if kind == "figure":
        return {"id": fact["id"], "document_id": fact["document_id"], "start": fact["start"], "end": fact["end"],
                "indicator": fact["indicator"], "value": float(fact["value"]), "unit": fact["unit"],
                "period": fact["period"], "parties": [x for x in (fact["parties"] or "").split("|") if x],
                "from": fact["from_code"], "to": fact["to_code"],
                "change_pct": None if fact["change_pct"] is None else float(fact["change_pct"]),
                "kind": fact["kind"], "approximate": bool(fact["approximate"]), "conflict": bool(fact["conflict"]),
                "evidence": fact["evidence"], **marks}
    return {"id": fact["id"], "type": fact["type"], "name": fact["name"], "instrument": fact["instrument"],
            "status": fact["status"], "parties": [x for x in (fact["parties"] or "").split("|") if x],
            "date": fact["date"], "location": fact["location"], "report": fact.get("report"), **marks}


def do_review(request: Request, user: dict[str, Any], r: dict[str, Any]) -> dict[str, Any]:
    """Review as `user`; the answer of POST /api/reviews (HTTPException for what is wrong)."""
    engine = request.app.state.engine
    try:
        if r["fields"]:   # checked even where they are not needed (confirm, reject): the schema says what they hold
            facts.check_fields(engine, r["kind"], r["fields"])
        after = facts.review(engine, user, r["kind"], r["document_id"], r["start"], r["end"], r["action"],
                             r["fields"] if r["action"] in ("correct", "add") else None)   # confirm, reject: none
    except facts.Forbidden as e:
        raise HTTPException(403, str(e)) from None
    except facts.NoSuchFact as e:
        raise HTTPException(404, str(e)) from None
    except facts.FactExists as e:
        raise HTTPException(409, str(e)) from None
    except (facts.ReviewError, QueryInputError) as e:
        raise HTTPException(400, str(e)) from None
    return {"ok": True, "kind": r["kind"], "document_id": r["document_id"], "start": r["start"], "end": r["end"],
            "action": r["action"], "by": user["name"], "fact": _public_fact(r["kind"], after)}


@router.post("/reviews", tags=["review"], summary="Confirm, correct, reject or add a fact",
             responses=responses(400, 401, 403, 404, 409, 413, 415),
             openapi_extra={"requestBody": _REVIEW_BODY, "security": SECURITY})
async def post_review(request: Request) -> dict[str, Any]:
    """Review one figure or event of an article, named by the article and the span that states it (`start`,
    `end` of GET /api/documents/{document_id}: a figure's amount, an event report's sentence). `action`:
    confirm (it is right), correct (`fields` replace the extracted ones: for a figure indicator, value, unit,
    period, parties, from, to, change_pct, kind; for an event type, name, status, date, parties, location),
    reject (it leaves every list), or add (a fact the extractor missed, stated by the text at `start`-`end`:
    a figure needs indicator, value, unit and parties, an event type, status and parties; 409 when one is
    stored there already; 404 when the article has no such span). The review outlives a re-extraction of the
    article; the audit log keeps the fact before and after.

    Needs an editor or admin (401 without a user, 403 for a viewer). Returns {"ok", "kind", "document_id",
    "start", "end", "action", "by", "fact"}: the fact as it is stored now (null when rejected), with
    `review`, `reviewed_by` and `reviewed_at`. A value out of its rule is a 400 that says why; no such
    article or fact a 404."""
    user = auth.api_user(request)
    r = check_review(await json_body(request))
    return await run_in_threadpool(do_review, request, user, r)


# ---- the audit log ---------------------------------------------------------------------------------

MAX_AUDIT_PAGE = 500


@router.get("/audit", tags=["review"], summary="The audit log (admins)", responses=responses(400, 401, 403, 404),
            openapi_extra={"security": SECURITY})
def get_audit(request: Request,
              target: Annotated[str | None, Query(
                  description="Part of the target: `figure 12`, `(article 3,`, `user alice` (any case as stored).",
                  examples=["figure"], max_length=200, pattern="^[^\\x00]*$")] = None,
              page: Annotated[int, Query(ge=1, le=1_000_000_000, description="Page number, from 1.")] = 1,
              per_page: Annotated[int, Query(ge=1, le=MAX_AUDIT_PAGE,
                                             description=f"Entries per page, 1 to {MAX_AUDIT_PAGE}.")] = 100,
              ) -> dict[str, Any]:
    """Every change, newest first: {"items", "page", "per_page", "pages", "total"}, each item {"id", "at",
    "user_name", "action", "target", "before", "after"}: who did what (review.confirm, review.correct, review.add,
    review.reject, user.add, user.passwd, user.role, user.remove, token.add, login.failed) to what (a
    fact: "figure 12 (article 3, 540-552)"; a user), and the fact before and after as JSON. Admins only."""
    auth.api_user(request, ("admin",))
    engine = request.app.state.engine
    contains = target if target and target.strip() else None
    total = audit.count(engine, contains=contains)
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        raise HTTPException(404, f"page {page} is out of range: {total} entries make {pages} page(s) of {per_page}")
    items = audit.entries(engine, contains=contains, limit=per_page, offset=(page - 1) * per_page)
    return {"items": items, "page": page, "per_page": per_page, "pages": pages, "total": total}

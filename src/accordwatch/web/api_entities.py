"""The API's entity review routes (P13): people confirm, correct and reject an article's people, organizations
and countries, merge two entities and split a spelling off one (review.entities; editors and admins).

POST /api/entity-reviews   {kind, document_id, start, end | code, action, fields}: one mention or country
POST /api/entities/merge   {entity_id, into}: entity_id's mentions and aliases move to `into`; it disappears
POST /api/entities/split   {entity_id, spelling, into | name}: the mentions spelled so move to another entity

Users, roles and CSRF as for POST /api/reviews (web/api_review.py): an API token, or the dashboard's session
with its CSRF token in the X-CSRF-Token header; 401 without a user, 403 for a viewer.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from ..query import QueryInputError
from ..review import entities, facts
from . import auth
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
from .api_review import SECURITY, nullable
from .errors import ErrorBody, responses

router = APIRouter()

NAME_PATTERN = "^" + entities.NAME.pattern + "$"
ORG_KIND_PATTERN = "^" + entities.ORG_KIND.pattern + "$"
_NAME = {"type": "string", "maxLength": entities.MAX_NAME, "pattern": NAME_PATTERN,
         "description": "A name (not only spaces); markup in it is kept as text."}
_ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}


FIELD_SCHEMAS: dict[str, dict[str, Any]] = {
    "person": {
        "name": _NAME,
        "title": nullable({"type": "string", "maxLength": entities.MAX_TITLE, "pattern": "^[^\\x00]*$"}),
        "country": nullable(ref("Code")),
    },
    "organization": {
        "name": _NAME,
        "country": nullable(ref("Code")),
        "org_kind": nullable({"type": "string", "pattern": ORG_KIND_PATTERN,
                               "description": "company, bank, fund, ministry, agency, ... (lower case)"}),
    },
    "country": {"code": ref("Code")},
}
assert {k: tuple(v) for k, v in FIELD_SCHEMAS.items()} == entities.eo.FIELDS


def _review_schema(kind: str, correction: bool) -> dict:
    where = ({"code": {**ref("Code"), "description": "The country the article names (GET /api/documents/"
                                                      "{document_id}: `countries`)."}}
             if kind == "country" else
             {"start": {"type": "integer", "minimum": 0, "maximum": MAX_ID,
                        "description": "The mention's span (`entities[].mentions[]` of GET /api/documents/"
                                       "{document_id})."},
              "end": {"type": "integer", "minimum": 0, "maximum": MAX_ID}})
    properties = {"kind": {"type": "string", "enum": [kind]},
                  "document_id": {**_ID, "description": "The article's id (GET /api/documents/{document_id})."},
                  **where,
                  "action": {"type": "string", "enum": ["correct"] if correction else ["confirm", "reject"]}}
    if correction:
        fields = {"type": "object", "additionalProperties": False, "properties": FIELD_SCHEMAS[kind],
                  "minProperties": 1, "description": f"The {kind}'s corrected values (at least one)."}
        if kind == "country":
            fields["required"] = ["code"]
        properties["fields"] = fields
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "required": ["kind", "document_id", *where, "action", *(["fields"] if correction else [])]}


# the sample corpus's article 1 (examples/articles/a01_kaz_uzb_roadmap.txt) and entities as it is stored
EXAMPLE = {"kind": "person", "document_id": 1, "start": 428, "end": 445, "action": "confirm"}
_REVIEW_BODY = {"required": True, "content": {"application/json": {
    "schema": {"oneOf": [_review_schema(k, c) for k in entities.KINDS for c in (False, True)]},
    "examples": {"confirm": {"summary": "Confirm a person an article names", "value": EXAMPLE},
                 "country": {"summary": "Correct a country an article names",
                             "value": {"kind": "country", "document_id": 1, "code": "KAZ", "action": "correct",
                                       "fields": {"code": "KGZ"}}}}}}}
_MERGE_BODY = {"required": True, "content": {"application/json": {
    "schema": {"type": "object", "additionalProperties": False, "required": ["entity_id", "into"],
               "properties": {"entity_id": {**_ID, "description": "The entity merged away (GET /api/entities)."},
                              "into": {**_ID, "description": "The entity it is (of the same kind)."}}},
    "example": {"entity_id": 7, "into": 6}}}}
_SPLIT_BODY = {"required": True, "content": {"application/json": {
    "schema": {"type": "object", "additionalProperties": False, "required": ["entity_id", "spelling"],
               "properties": {
                   "entity_id": {**_ID, "description": "The entity the spelling is split off."},
                   "spelling": {**_NAME, "description": "The spelling, as an article writes it (any case)."},
                   "into": {**_ID, "description": "The entity the spelling is (of the same kind)."},
                   "name": {**_NAME, "description": "Without `into`: the name of the entity the spelling is (made "
                                                    "if none has it); by default the spelling as written."}}},
    "example": {"entity_id": 9, "spelling": "Kudratov", "name": "Kudratov"}}}}


def _responses() -> dict:
    out = responses(400, 401, 403, 404, 409, 413, 415)
    out[409] = {"model": ErrorBody, "description": "The entities refuse it: an entity into itself, two kinds, a "
                                                   "country, the spelling an entity is known by"}
    return out


# ---- the bodies, held to their schemas (the library then judges the values) ----

def _name(value: Any, where: str, nullable: bool = False) -> None:
    check_text(value, where, entities.MAX_NAME, nullable=nullable)
    check_pattern(value, where, NAME_PATTERN, "a name, not only spaces", nullable=nullable)


def check_review(body: Any) -> dict[str, Any]:
    body = check_object(body, "the review", ("kind", "document_id", "start", "end", "code", "action", "fields"),
                        ("kind", "document_id", "action"))
    kind = check_enum(body["kind"], "kind", entities.KINDS)
    action = check_enum(body["action"], "action", entities.ACTIONS)
    where = ("code",) if kind == "country" else ("start", "end")
    check_object(body, f"a {kind}'s review", ("kind", "document_id", *where, "action", "fields"),
                 ("kind", "document_id", *where, "action", *(["fields"] if action == "correct" else [])))
    out: dict[str, Any] = {"kind": kind, "action": action,
                           "document_id": check_int(body["document_id"], "document_id", 1, MAX_ID)}
    if kind == "country":
        out["code"] = check_code(body["code"], "code")
    else:
        out["start"] = check_int(body["start"], "start", 0, MAX_ID)
        out["end"] = check_int(body["end"], "end", 0, MAX_ID)
    if action != "correct":
        if "fields" in body:
            raise bad(f"fields: only a correction has them, not a {action}")
        out["fields"] = {}
        return out
    fields = body["fields"]
    check_object(fields, "fields", tuple(FIELD_SCHEMAS[kind]), ("code",) if kind == "country" else ())
    if not fields:
        raise bad("a correction needs at least one field in `fields`: " + ", ".join(FIELD_SCHEMAS[kind]))
    for name, value in fields.items():
        where_ = f"fields.{name}"
        if name == "name":
            _name(value, where_)
        elif name == "title":
            check_text(value, where_, entities.MAX_TITLE)
        elif name == "org_kind":
            check_pattern(value, where_, ORG_KIND_PATTERN, "a kind in lower case (company, bank)", nullable=True)
        elif name == "country":
            check_code(value, where_, nullable=True)
        else:
            check_code(value, where_)
    out["fields"] = fields
    return out


def _errors(call, *args, **kwargs) -> Any:
    try:
        return call(*args, **kwargs)
    except facts.Forbidden as e:
        raise HTTPException(403, str(e)) from None
    except facts.NoSuchFact as e:
        raise HTTPException(404, str(e)) from None
    except entities.Conflict as e:
        raise HTTPException(409, str(e)) from None
    except (facts.ReviewError, QueryInputError) as e:
        raise HTTPException(400, str(e)) from None


def do_review(request: Request, user: dict[str, Any], r: dict[str, Any]) -> dict[str, Any]:
    after = _errors(entities.review, request.app.state.engine, user, r["kind"], r["document_id"], r["action"],
                    start=r.get("start", 0), end=r.get("end", 0), code=r.get("code"), fields=r["fields"] or None)
    return {"ok": True, "kind": r["kind"], "document_id": r["document_id"], "action": r["action"], "by": user["name"],
            **{k: r[k] for k in ("start", "end", "code") if k in r}, "mention": after}


@router.post("/entity-reviews", tags=["review"], summary="Confirm, correct or reject a person, organization or "
                                                         "country an article names",
             responses=_responses(), openapi_extra={"requestBody": _REVIEW_BODY, "security": SECURITY})
async def post_entity_review(request: Request) -> dict[str, Any]:
    """Review one mention of a person or an organization (named by the article and the mention's span, `start`
    and `end` of `entities[].mentions[]` in GET /api/documents/{document_id}) or one country the article names
    (its `code`). `action`: confirm; correct (`fields`: a person's name, title, country; an organization's name,
    country, org_kind; a country's code); reject (the mention or the country leaves the article; an entity no
    article names any longer leaves every list). A new name re-links this mention to the entity of that name
    (made if there is none), other articles keep theirs; a title, country or org_kind is the entity's, so
    every article naming it shows it. The review outlives a re-extraction of the article and a rebuilt
    database; the audit log keeps the mention before and after.

    Needs an editor or admin (401 without a user, 403 for a viewer). Returns {"ok", "kind", "document_id",
    "start", "end" (or "code"), "action", "by", "mention"}: the mention as it is stored now (null when rejected),
    with `review`, `reviewed_by` and `reviewed_at`. A value out of its rule is a 400; no such article, mention or
    country a 404."""
    user = auth.api_user(request)
    r = check_review(await json_body(request))
    return await run_in_threadpool(do_review, request, user, r)


@router.post("/entities/merge", tags=["review"], summary="Merge an entity into another (two spellings of one)",
             responses=_responses(), openapi_extra={"requestBody": _MERGE_BODY, "security": SECURITY})
async def post_merge(request: Request) -> dict[str, Any]:
    """Entity `entity_id` is entity `into` (of the same kind: person, organization or place): its mentions and
    aliases move to `into`, and it disappears from every list. The merge is kept by the entities' keys, so a
    rebuilt database merges them again; the audit log keeps both before and the one after. Merging again what
    was merged changes nothing (and answers the same).

    Needs an editor or admin. Returns {"ok", "action": "merge", "by", "entity"}: `into` as it is now ({"id",
    "kind", "key", "name", "title", "country", "org_kind", "aliases", "mentions"}). No such entity is a 404;
    one entity twice, two kinds or a country a 409."""
    user = auth.api_user(request)
    body = check_object(await json_body(request), "the merge", ("entity_id", "into"), ("entity_id", "into"))
    src, dst = (check_int(body[k], k, 1, MAX_ID) for k in ("entity_id", "into"))
    after = await run_in_threadpool(_errors, entities.merge, request.app.state.engine, user, src, dst)
    return {"ok": True, "action": "merge", "by": user["name"], "entity": after}


@router.post("/entities/split", tags=["review"], summary="Split a spelling off an entity (undo a wrong merge)",
             responses=_responses(), openapi_extra={"requestBody": _SPLIT_BODY, "security": SECURITY})
async def post_split(request: Request) -> dict[str, Any]:
    """The spelling `spelling` of entity `entity_id` is another entity: the mentions written so, and the alias,
    move to entity `into`, else to the entity named `name` (made if none has that name; by default the spelling
    as an article writes it). Kept by the entities' keys and the spelling, so a rebuilt database splits them
    again; the audit log keeps the entity before and both after. Splitting again what was split changes nothing.

    Needs an editor or admin. Returns {"ok", "action": "split", "by", "from", "into"}: both entities as they are
    now (`from` null when nothing was left of it, `into` null when no mention is written so yet). No such
    entity, or an entity never written so, is a 404; the spelling the entity is known by, or `into` the entity
    itself or of another kind, a 409."""
    user = auth.api_user(request)
    body = check_object(await json_body(request), "the split", ("entity_id", "spelling", "into", "name"),
                        ("entity_id", "spelling"))
    src = check_int(body["entity_id"], "entity_id", 1, MAX_ID)
    _name(body["spelling"], "spelling")
    into = check_int(body["into"], "into", 1, MAX_ID) if "into" in body else None
    if "name" in body:
        _name(body["name"], "name")
    after = await run_in_threadpool(_errors, entities.split, request.app.state.engine, user, src, body["spelling"],
                                    into, body.get("name"))
    return {"ok": True, "action": "split", "by": user["name"], **after}

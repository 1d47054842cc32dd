"""The REST API under /api: JSON over the query library, an authenticated ingest endpoint, and the writes of
signed-in people (reviews, saved searches).

GET  /api                        what is here
GET  /api/documents              articles, filtered and paginated            (SQL here: no library function)
GET  /api/documents/{id}         one article: metadata, text, every fact with its offsets   (SQL here)
GET  /api/entities               countries, organizations, people, places    (SQL here)
GET  /api/events                 query.events, paginated (query.timeline.events_page: paged in the database)
GET  /api/figures                query.figures, paginated (query.timeline.figures_page: paged in the database)
GET  /api/partners/{code}        query.partners
GET  /api/profile/{a}/{b}        query.profile
GET  /api/search?q=              query.search
POST /api/ingest                 an uploaded file or a JSON article, with `Authorization: Bearer <token>`
POST /api/reviews                confirm, correct or reject a fact (an editor's API token or session)  (api_review.py)
GET  /api/audit                  the audit log (admins)                                               (api_review.py)
GET  /api/sources                the watched sources and their health                                  (api_watch.py)
GET  /api/alerts                 saved searches; POST one, DELETE /api/alerts/{id} (editors)            (api_watch.py)

Collections (documents, entities, events, figures) are paginated: `page` (from 1) and `per_page` (1-200)
in, {"items", "page", "per_page", "pages", "total"} out; a page past the last is a 404. They and search take
`language` (en or ru: what articles in that language report; anything else is a 400). Ranked answers
(partners, search) take a `limit` instead. Every error has the shape of web/errors.py.

The OpenAPI document declares every parameter's rule (an enum, a pattern, bounds; an empty filter is none)
and an example that the sample corpus (examples/articles) holds, and every status a route can answer; the
checks below enforce the same rules with their own messages (tests/test_api_fuzz.py runs Schemathesis
against a live server to hold the two together). The server takes a little more than the document says,
where a portable schema cannot say it: codes and choices in any case, a country's name for its code,
spaces around a value. Three rules are in descriptions only, as no JSON Schema can state them: a search
or name filter needs a letter or digit in any script, a profile's two codes differ, an upload is text.

User input reaches the database only as bound parameters: the library's SQLAlchemy expressions, and the
Core statements below.
"""
from __future__ import annotations

import hmac
import json
import math
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import Engine, and_, false, func, or_, select
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..document import Document
from ..ingest import READERS, Result, clean, clean_document, read_paths
from ..ingest.metadata import iso_date
from ..query import UnknownCode, code_name, resolve_code, resolve_pair
from ..query import partners as find_partners
from ..query import profile as pair_profile
from ..query import search as find
from ..query.common import (
    EVENT_TYPES,
    INDICATORS,
    KINDS,
    LANGUAGES,
    SECTORS,
    STATUSES,
    check_choice,
    check_date,
    check_language,
    code_kind,
    codes,
    in_language,
    near_duplicates,
    sector_family,
)
from ..query.profile import pair_documents
from ..query.timeline import events_page as find_events
from ..query.timeline import figures_page as find_figures
from ..store import dedup
from ..store import schema as s
from ..store.normalize import latin_key, name_key
from .cache import app_cache
from .encoded import pack, respond
from .errors import API_PREFIX, responses

router = APIRouter()

MAX_PER_PAGE = 200
MAX_LIMIT = 200
MAX_PAGE = 1_000_000_000     # (page - 1) * per_page stays far inside the database's 64-bit OFFSET
MAX_ID = 2**31 - 1           # ids are the database's INTEGER: 32 bits on PostgreSQL
MAX_TEXT_HITS = 10_000       # the `q` filter of /api/documents keeps at most this many best matches
ENTITY_KINDS = ("country", "organization", "person", "place")
RANKINGS = ("events", "trade")

# 0. the rules of the parameters, as the OpenAPI document declares them -------------------------

def _one_of(values) -> str:
    return "(?:" + "|".join(map(re.escape, values)) + ")"


# the parts of a date's pattern: years 0001 to 9999, the leap ones, months, a month's days
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
_LEAP = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = f"(?:{_MONTH}-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
_CODE = _one_of(codes())
# What str.strip() strips (str.isspace), spelled out: a pattern's \s differs between regex engines (Python's
# takes \x1c-\x1f and \x85, ECMA 262's \ufeff), and a blank filter is no filter.
SPACES = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Schemas the parameters share, listed once under the OpenAPI document's components (finish_openapi).
SCHEMAS = {
    "Code": {"type": "string", "enum": list(codes()),
             "description": "A country (ISO 3166-1 alpha-3) or a bloc the gazetteer holds (data/countries.tsv, "
                            "data/blocs.tsv)."},
    "Pair": {"type": "string", "pattern": rf"^(?!([A-Z]+)-\1$){_CODE}-{_CODE}$",
             "description": "Two different codes joined by '-' (query.common.resolve_pair)."},
    "Date": {"type": "string", "pattern": f"^(?:{_YEAR}(?:-{_MONTH}|-{_DAY})?|{_LEAP}-02-29)$",
             "description": "A real date at one of three precisions, as query.common.check_date takes it: 2024, "
                            "2024-03, 2024-03-04 (no month 13, no 30 February, 29 February in leap years only)."},
    "Blank": {"type": "string", "pattern": f"^[{SPACES}]*$", "description": "Empty (or spaces): no filter."},
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _param(kind, description: str, example: Any = None, **rule: Any):
    """A Query or Path parameter whose rule (an `enum`, a `pattern`, a `$ref` to SCHEMAS) the OpenAPI
    document declares; the server checks it with its own code, so that a 400 says what is wrong the way
    the CLI says it."""
    return kind(description=description, examples=None if example is None else [example],
                json_schema_extra=rule or None)


def _filter(description: str, example: str, **rule: Any):
    """An optional filter: its rule, or empty (an empty form field filters nothing)."""
    return _param(Query, description, example, anyOf=[{"type": "string", **rule}, _ref("Blank")])


def _choice(values: tuple[str, ...], example: str):
    return _filter(f"One of {', '.join(values)}.", example, enum=list(values))


# the parameters the collections share
Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page number, 1 to {MAX_PAGE:,}.")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"Items per page, 1 to {MAX_PER_PAGE}.")]
Country = Annotated[str | None, _filter("A country or bloc: its code (KAZ, EU). A name (Kazakhstan) or a code in "
                                        "lower case is read too.", "KAZ", **_ref("Code"))]
Pair = Annotated[str | None, _filter("Two different countries or blocs joined by '-'.", "KAZ-UZB", **_ref("Pair"))]
Sector = Annotated[str | None, _filter(f"One of {', '.join(SECTORS)}; energy also finds oil_gas, nuclear and "
                                       "renewables (data/sector_families.tsv).", "energy", enum=list(SECTORS))]
Exact = Annotated[bool, Query(description="The sector only, not its family (energy without oil_gas, ...).")]
Since = Annotated[str | None, _filter("On or after YYYY, YYYY-MM or YYYY-MM-DD.", "2024", **_ref("Date"))]
Until = Annotated[str | None, _filter("On or before YYYY, YYYY-MM or YYYY-MM-DD (at its precision).", "2024-12-31",
                                      **_ref("Date"))]
Language = Annotated[str | None, _filter(f"What articles in this language report: {' or '.join(LANGUAGES)}.", "en",
                                         enum=list(LANGUAGES))]


def _link(operation: str, what: str, **parameters: str) -> dict[str, Any]:
    """An OpenAPI link from a route's 200 to the GET `operation` (a path under /api), its parameters taken
    from the answer by JSON pointers: what a client (and Schemathesis's stateful phase) can follow."""
    ref = "#/paths/" + f"{API_PREFIX}{operation}".replace("~", "~0").replace("/", "~1") + "/get"
    return {"operationRef": ref, "description": what,
            "parameters": {name: f"$response.body#{pointer}" for name, pointer in parameters.items()}}


def _with_links(statuses: dict, **links: dict[str, Any]) -> dict:
    return {**statuses, 200: {"links": links}}


def finish_openapi(doc: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document as the app answers it (app.py calls this once): no 422 response, since a
    parameter the validation refuses is a 400 of the one error shape (web/errors.py); no null branch in a
    parameter's schema, since a query string cannot say null (an absent parameter is its default); and
    the ingest token as a security scheme."""
    for path in doc.get("paths", {}).values():
        for operation in path.values():
            operation.get("responses", {}).pop("422", None)
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                branches = [b for b in schema.get("anyOf", ()) if b != {"type": "null"}]
                if "anyOf" in schema and len(branches) == 1:
                    del schema["anyOf"]
                    parameter["schema"] = {**branches[0], **schema}
    components = doc.setdefault("components", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.get("schemas", {}).pop(name, None)
    components.setdefault("schemas", {}).update(SCHEMAS)
    components["schemas"].update(REVIEW_SCHEMAS)
    components["schemas"]["AlertRequest"] = ALERT_SCHEMA
    components.setdefault("securitySchemes", {}).update(INGEST_SECURITY)
    components["securitySchemes"].update(USER_SECURITY)
    return doc


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def _opt(value: str | None) -> str | None:
    """A filter as given, or None when it is absent or blank (an empty form field filters nothing)."""
    return value.strip() if value is not None and value.strip() else None


def _date(name: str, value: str | None) -> str | None:
    """None, or a real date prefix (query.common.check_date: the same check and message as the CLI's
    and the library's)."""
    return check_date(name, value)


def _check_page(total: int, page: int, per_page: int) -> int:
    """The number of pages (at least 1); a page past the last one is a 404."""
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        raise HTTPException(404, f"page {page} is out of range: {total} item(s) make {pages} page(s) "
                                 f"of {per_page}")
    return pages


def _paged(items: list, total: int, page: int, per_page: int, pages: int) -> dict[str, Any]:
    return {"items": items, "page": page, "per_page": per_page, "pages": pages, "total": total}


def _split(cell: str | None) -> list[str]:
    return [x for x in (cell or "").split("|") if x]


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


async def _kept_answer(request: Request, make: Callable[[], dict[str, Any]], cache_name: str = "answer_cache",
                       size: int = 256) -> Response:
    """The JSON answer of a read route that depends on the data alone, kept per data version as the pair
    profiles are (web.cache): keyed by the route's path and query, made again once an ingest or a review
    changes the data. A kept answer is served from the event loop (one indexed read of the version); a new
    one is made by `make` in a worker thread, where all of its reads belong. A bad parameter raises in
    `make`, and nothing is kept."""
    cache = app_cache(request.app.state, cache_name, _engine(request), size)
    key = (request.url.path, tuple(sorted(request.query_params.multi_items())))
    body = cache.peek(key)
    if body is None:
        body = await run_in_threadpool(cache.get, key, lambda: pack(JSONResponse(jsonable_encoder(make())).body))
    return respond(request, body)


def _code_in_path(value: str, engine: Engine) -> str:
    """A code named by the path: unknown is a 404 (no such resource), not a 400."""
    try:
        return resolve_code(value, engine)
    except UnknownCode as e:
        raise HTTPException(404, str(e)) from None


@router.get("", tags=["meta"], summary="What the API offers", responses=responses())
def index(request: Request) -> dict[str, Any]:
    """The API's routes and where its documentation is."""
    paths = request.app.openapi()["paths"]
    routes = sorted(f"{method.upper()} {path}" for path, ops in paths.items() if path.startswith("/api/")
                    for method in ops)
    return {"ok": True, "name": "accordwatch", "version": __version__, "docs": "/docs", "redoc": "/redoc",
            "openapi": "/openapi.json", "routes": routes}


# 1. documents ----------------------------------------------------------------------------------

_DOC_COLUMNS = ("id", "title", "published", "outlet", "dateline", "source", "url", "language", "duplicate_of",
                "similarity", "ingested_at")


def _document_conditions(engine: Engine, country, pair, sector, since, until, q, language=None,
                         exact: bool = False) -> list | None:
    """The conditions of the documents filters; None when a text search matched nothing."""
    d, dc, ds = s.documents, s.document_countries, s.document_sectors
    conditions = []
    if (country := _opt(country)) is not None:
        code = resolve_code(country, engine)
        conditions.append(select(dc.c.document_id).where(dc.c.document_id == d.c.id, dc.c.code == code).exists())
    if (pair := _opt(pair)) is not None:
        conditions.append(d.c.id.in_(pair_documents(*resolve_pair(pair, engine))))
    if (sector := check_choice("sector", _opt(sector), SECTORS)) is not None:
        conditions.append(select(ds.c.document_id).where(ds.c.document_id == d.c.id,
                                                         ds.c.sector.in_(sector_family(sector, exact))).exists())
    if (since := _date("since", since)) is not None:
        conditions.append(d.c.published >= since)
    if (until := _date("until", until)) is not None:
        conditions.append(func.substr(d.c.published, 1, len(until)) <= until)
    if (language := check_language(language)) is not None:
        conditions.append(d.c.language == language)
    if (q := _opt(q)) is not None:
        ids = [hit["document_id"] for hit in find(engine, q, limit=MAX_TEXT_HITS, include_duplicates=True,
                                                  language=language)]
        if not ids:
            return None
        conditions.append(d.c.id.in_(ids))
    return conditions


def _lookups(conn, table, column: str, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        col = table.c[column]
        for doc_id, value in conn.execute(select(table.c.document_id, col).where(table.c.document_id.in_(ids))
                                          .order_by(table.c.document_id, col)):
            out[doc_id].append(value)
    return out


@router.get("/documents", tags=["documents"], summary="Articles, filtered and paginated",
            responses=_with_links(responses(400, 404), document=_link(
                "/documents/{document_id}", "The page's first article", document_id="/items/0/id")))
def documents(request: Request, country: Country = None, pair: Pair = None, sector: Sector = None,
              since: Since = None, until: Until = None,
              q: Annotated[str | None, _param(Query, "Full-text search, as /api/search reads it (a search "
                                                     "without a letter or digit is a 400).", "roadmap")] = None,
              language: Language = None, page: Page = 1, per_page: PerPage = 50,
              exact: Exact = False) -> dict[str, Any]:
    """Articles, newest first (undated last): {"items", "page", "per_page", "pages", "total"}.

    Each item: {"id", "title", "published", "outlet", "dateline", "source", "url", "language", "duplicate_of",
    "similarity", "ingested_at", "countries": [...], "sectors": [...]}; near-duplicates are listed with
    `duplicate_of` set. `country`: the article names it; `pair`: the pair's articles (events or figures of
    both, or naming both); `since`/`until`: the publication date; `q`: full text (at most the
    10,000 best matches); `language`: the article is written in it (en, ru)."""
    engine = _engine(request)
    d = s.documents
    conditions = _document_conditions(engine, country, pair, sector, since, until, q, language, exact)
    with engine.connect() as conn:
        total = 0 if conditions is None else conn.execute(
            select(func.count()).select_from(d).where(*conditions)).scalar_one()
        pages = _check_page(total, page, per_page)
        if not total:
            return _paged([], 0, page, per_page, pages)
        rows = conn.execute(select(*(d.c[c] for c in _DOC_COLUMNS)).where(*conditions)
                            .order_by(d.c.published.is_(None), d.c.published.desc(), d.c.id.desc())
                            .offset((page - 1) * per_page).limit(per_page)).mappings().all()
        ids = [r["id"] for r in rows]
        countries = _lookups(conn, s.document_countries, "code", ids)
        sectors = _lookups(conn, s.document_sectors, "sector", ids)
    items = [{**{c: _iso(r[c]) for c in _DOC_COLUMNS}, "countries": countries[r["id"]],
              "sectors": sectors[r["id"]]} for r in rows]
    return _paged(items, total, page, per_page, pages)


def _document_entities(conn, doc_id: int) -> list[dict[str, Any]]:
    ent, m = s.entities, s.mentions
    out: dict[int, dict[str, Any]] = {}
    stmt = (select(ent.c.id, ent.c.kind, ent.c.name, ent.c.country, ent.c.title, ent.c.org_kind, m.c.start,
                   m.c.end, m.c.text, m.c.review, m.c.reviewed_by, m.c.reviewed_at)
            .join(m, m.c.entity_id == ent.c.id).where(m.c.document_id == doc_id).order_by(m.c.start, ent.c.id))
    for r in conn.execute(stmt):
        e = out.setdefault(r.id, {"id": r.id, "kind": r.kind, "name": r.name, "country": r.country,
                                  "title": r.title, "org_kind": r.org_kind, "mentions": []})
        e["mentions"].append({"start": r.start, "end": r.end, "text": r.text, "review": r.review,
                              "reviewed_by": r.reviewed_by, "reviewed_at": r.reviewed_at})
    return list(out.values())


def _country_reviews(conn, doc_id: int) -> dict[str, dict[str, Any]]:
    """The article's countries a person reviewed: {code: {"review", "reviewed_by", "reviewed_at"}}."""
    dc = s.document_countries
    return {r.code: {"review": r.review, "reviewed_by": r.reviewed_by, "reviewed_at": r.reviewed_at}
            for r in conn.execute(select(dc.c.code, dc.c.review, dc.c.reviewed_by, dc.c.reviewed_at)
                                  .where(dc.c.document_id == doc_id, dc.c.review.is_not(None)))}


def _document_events(conn, doc_id: int) -> list[dict[str, Any]]:
    e, src, es = s.events, s.event_sources, s.event_sectors
    out: dict[int, dict[str, Any]] = {}
    stmt = (select(e, src.c.start, src.c.end, src.c.evidence, src.c.status.label("report_status"),
                   src.c.date.label("report_date"))
            .join(src, src.c.event_id == e.c.id).where(src.c.document_id == doc_id).order_by(src.c.start, e.c.id))
    for r in conn.execute(stmt):
        ev = out.setdefault(r.id, {"id": r.id, "type": r.type, "name": r.name, "instrument": r.instrument,
                                   "status": r.status,
                                   "parties": _split(r.parties), "date": r.date, "location": r.location,
                                   "organizations": _split(r.organizations), "sectors": [], "review": r.review,
                                   "reviewed_by": r.reviewed_by, "reviewed_at": r.reviewed_at, "reports": []})
        ev["reports"].append({"status": r.report_status, "date": r.report_date, "evidence": r.evidence,
                              "start": r.start, "end": r.end})
    if out:
        for event_id, sector in conn.execute(select(es.c.event_id, es.c.sector).where(es.c.event_id.in_(list(out)))
                                             .order_by(es.c.event_id, es.c.sector)):
            out[event_id]["sectors"].append(sector)
    return list(out.values())


def _document_figures(conn, doc_id: int, text: str) -> list[dict[str, Any]]:
    """The article's figures; `start`/`end` are the amount's span ("$4.4 billion"), `evidence` its sentence."""
    f = s.figures
    return [{"id": r.id, "indicator": r.indicator, "value": float(r.value), "unit": r.unit, "period": r.period,
             "parties": _split(r.parties), "from": r.from_code, "to": r.to_code,
             "change_pct": None if r.change_pct is None else float(r.change_pct), "kind": r.kind,
             "approximate": bool(r.approximate), "conflict": bool(r.conflict), "evidence": r.evidence,
             "start": r.start, "end": r.end, "amount_text": text[r.start:r.end], "review": r.review,
             "reviewed_by": r.reviewed_by, "reviewed_at": r.reviewed_at}
            for r in conn.execute(select(f).where(f.c.document_id == doc_id).order_by(f.c.start))]


@router.get("/documents/{document_id}", tags=["documents"], summary="One article and every fact found in it",
            responses=responses(400, 404))
async def document(request: Request,
                   document_id: Annotated[int, PathParam(ge=1, le=MAX_ID, examples=[1],
                                                         description=f"The article's id, 1 to {MAX_ID:,}.")]
                   ) -> dict[str, Any]:
    """The article's metadata and text, and every fact extracted from it with its character offsets into
    `text`: {..., "text", "countries", "country_reviews": {code: {"review", "reviewed_by", "reviewed_at"}},
    "sectors", "entities": [{"id", "kind", "name", "country", "title", "org_kind", "mentions": [{"start", "end",
    "text", "review", "reviewed_by", "reviewed_at"}]}], "events": [{"id", "type", "name", "instrument", "status",
    "parties", "date", "location", "organizations", "sectors", "review", "reviewed_by", "reviewed_at",
    "reports": [{"status", "date", "evidence", "start", "end"}]}], "figures": [{"id", "indicator", "value",
    "unit", "period", "parties", "from", "to", "change_pct", "kind", "approximate", "conflict", "evidence",
    "start", "end", "amount_text", "review", "reviewed_by", "reviewed_at"}]}. A mention's and an event
    report's `start`/`end` span their text and evidence; a figure's span its amount (`amount_text`), inside
    its evidence sentence. `review` is "confirmed", "corrected" or "added" once a person reviewed the fact
    (who and when: `reviewed_by`, `reviewed_at`), on a mention and on a country of `country_reviews` too;
    POST /api/reviews takes a fact's `start` and `end` (an event's first report's) with the article's id,
    POST /api/entity-reviews a mention's.

    A near-duplicate (`duplicate_of` set) was not extracted again: its facts are its original's."""
    # in a cache of its own: reading many articles does not push the busy answers out
    return await _kept_answer(request, lambda: _document(_engine(request), document_id), "document_cache", 1024)


def _document(engine: Engine, document_id: int) -> dict[str, Any]:
    d = s.documents
    with engine.connect() as conn:
        row = conn.execute(select(*(d.c[c] for c in _DOC_COLUMNS), d.c.text).where(d.c.id == document_id)
                           ).mappings().first()
        if row is None:
            raise HTTPException(404, f"no document with id {document_id}")
        return {**{c: _iso(row[c]) for c in _DOC_COLUMNS}, "text": row["text"],
                "countries": _lookups(conn, s.document_countries, "code", [document_id])[document_id],
                "country_reviews": _country_reviews(conn, document_id),
                "sectors": _lookups(conn, s.document_sectors, "sector", [document_id])[document_id],
                "entities": _document_entities(conn, document_id),
                "events": _document_events(conn, document_id),
                "figures": _document_figures(conn, document_id, row["text"])}


# 2. entities -----------------------------------------------------------------------------------

@router.get("/entities", tags=["entities"], summary="Countries, organizations, people and places",
            responses=responses(400, 404))
async def entities(request: Request,
                   kind: Annotated[str | None, _choice(ENTITY_KINDS, "person")] = None,
             country: Country = None,
             q: Annotated[str | None, _param(Query, "Part of a name or of any spelling seen.", "Tokayev")] = None,
             language: Language = None, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """Entities resolved across articles, most articles first: {"items", "page", "per_page", "pages",
    "total"}; each item {"id", "kind", "name", "country", "title", "org_kind", "documents", "mentions"}
    (`documents` counts the articles naming it, near-duplicates left out; `mentions` its spans, which the
    store keeps for all but countries). `country`: the entity's country (and the country itself); `q`: part
    of its name or of a spelling seen, in either script ("Токаев" finds Kassym-Jomart Tokayev, "Tokayev" his
    Russian spelling too); `language`: an article in that language names it (its counts stay all articles')."""
    # kept per data version like the other read routes: a busy name search is one indexed read
    return await _kept_answer(request, lambda: _entities(_engine(request), kind, country, q, language, page,
                                                         per_page))


def _entities(engine: Engine, kind: str | None, country: str | None, q: str | None, language: str | None,
              page: int, per_page: int) -> dict[str, Any]:
    ent, m, al = s.entities, s.mentions, s.aliases
    conditions = []
    if (kind := check_choice("entity kind", _opt(kind), ENTITY_KINDS)) is not None:
        conditions.append(ent.c.kind == kind)
    if (country := _opt(country)) is not None:
        code = resolve_code(country, engine)
        conditions.append(or_(ent.c.country == code, and_(ent.c.kind == "country", ent.c.key == code)))
    if (q := _opt(q)) is not None and "\x00" in q:    # no name holds a NUL (and PostgreSQL refuses one)
        conditions.append(false())
    elif q is not None:
        named = [func.lower(ent.c.name).contains(q.lower(), autoescape=True)]
        if key := name_key(q):
            named.append(select(al.c.entity_id).where(al.c.entity_id == ent.c.id,
                                                      al.c.alias.contains(key, autoescape=True)).exists())
        if latin := latin_key(q):   # the spelling in the other script
            named.append(select(al.c.entity_id).where(al.c.entity_id == ent.c.id,
                                                      al.c.latin.contains(latin, autoescape=True)).exists())
        conditions.append(or_(*named))
    if (language := check_language(language)) is not None:
        dc = s.document_countries
        conditions.append(or_(
            ent.c.id.in_(select(m.c.entity_id).where(m.c.document_id.in_(in_language(language)))),
            and_(ent.c.kind == "country",
                 ent.c.key.in_(select(dc.c.code).where(dc.c.document_id.in_(in_language(language)))))))
    # articles that are no near-duplicates, tested on document_id alone (near_duplicates() are few): the
    # indexes of mentions and document_countries answer it, without reading every article's row
    counts = (select(m.c.entity_id, func.count(func.distinct(m.c.document_id)).label("documents"),
                     func.count().label("mentions"))
              .where(m.c.document_id.not_in(near_duplicates()))
              .group_by(m.c.entity_id).subquery())
    dc = s.document_countries      # countries are counted by the articles that name them (no mention rows)
    by_code = (select(dc.c.code, func.count(func.distinct(dc.c.document_id)).label("documents"))
               .where(dc.c.document_id.not_in(near_duplicates()))
               .group_by(dc.c.code).subquery())
    n_docs = func.coalesce(counts.c.documents, by_code.c.documents, 0)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(ent).where(*conditions)).scalar_one()
        pages = _check_page(total, page, per_page)
        rows = conn.execute(select(ent.c.id, ent.c.kind, ent.c.name, ent.c.country, ent.c.title, ent.c.org_kind,
                                   n_docs.label("documents"), func.coalesce(counts.c.mentions, 0).label("mentions"))
                            .outerjoin(counts, counts.c.entity_id == ent.c.id)
                            .outerjoin(by_code, and_(ent.c.kind == "country", by_code.c.code == ent.c.key))
                            .where(*conditions)
                            .order_by(n_docs.desc(), ent.c.name, ent.c.id)
                            .offset((page - 1) * per_page).limit(per_page)).mappings().all()
    return _paged([dict(r) for r in rows], total, page, per_page, pages)


# 3. events and figures (query.timeline) --------------------------------------------------------

@router.get("/events", tags=["events"], summary="Agreements, working groups, meetings, projects",
            responses=_with_links(responses(400, 404), source=_link(
                "/documents/{document_id}", "The article that first reports the page's first event",
                document_id="/items/0/sources/0/document_id")))
async def events(request: Request, country: Country = None, pair: Pair = None, sector: Sector = None,
           type: Annotated[str | None, _choice(EVENT_TYPES, "agreement")] = None,
           status: Annotated[str | None, _choice(STATUSES, "signed")] = None,
           since: Since = None, until: Until = None,
           name: Annotated[str | None, _param(Query, "Words the event's name holds, in any case: raw materials "
                                                     "(a filter without a letter or digit is a 400).",
                                              "roadmap")] = None,
           language: Language = None, page: Page = 1, per_page: PerPage = 50,
           exact: Exact = False) -> dict[str, Any]:
    """Events newest first (undated last), as query.events gives them: each {"id", "type", "name",
    "instrument", "status", "parties", "date", "location", "organizations", "sectors", "review",
    "reviewed_by", "reviewed_at", "sources_count", "sources": [{"document_id", "title", "outlet", "published",
    "evidence", "status", "date", "start", "end", "quotes": [{"evidence", "status", "date", "start",
    "end"}]}]}. `name` is what the articles call the event (null when none names it); the `name` filter
    keeps the events whose name holds every word given. `review` is "confirmed" or "corrected" when a person
    reviewed the event (`reviewed_by`, `reviewed_at`: who and when), else null.

    `sources` has one item per article that reports the event (near-duplicates left out), oldest first,
    and `sources_count` is their number; `quotes` are every statement of the event in that article, the
    first of which also gives the source its evidence, status, date, start and end; a source's `language`
    is its article's. `language` keeps the events an article in that language reports (en, ru); one
    event reported in both keeps every source."""
    def make() -> dict[str, Any]:
        rows, total = find_events(_engine(request), country=_opt(country), pair=_opt(pair), sector=_opt(sector),
                                  type=_opt(type), status=_opt(status), since=_date("since", since),
                                  until=_date("until", until), name=_opt(name), language=language,
                                  offset=(page - 1) * per_page, limit=per_page, exact=exact)
        return _paged(rows, total, page, per_page, _check_page(total, page, per_page))

    return await _kept_answer(request, make)


@router.get("/figures", tags=["figures"], summary="Economic figures over time",
            responses=_with_links(responses(400, 404), source=_link(
                "/documents/{document_id}", "The article that first states the page's first figure",
                document_id="/items/0/sources/0/document_id")))
async def figures(request: Request,
            indicator: Annotated[str | None, _choice(INDICATORS, "trade_turnover")] = None,
            pair: Pair = None, country: Country = None,
            kind: Annotated[str | None, _choice(KINDS, "actual")] = None,
            since: Annotated[str | None, _filter("Periods ending on or after YYYY, YYYY-MM or YYYY-MM-DD.", "2023",
                                                **_ref("Date"))] = None,
            language: Language = None, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """Figure points in time order (undated first), as query.figures gives them: each {"indicator",
    "parties", "from", "to", "period", "value", "unit", "kind", "change_pct", "approximate", "conflict",
    "review", "reviewed_by", "reviewed_at", "figure_ids", "sources_count", "sources": [{"document_id", "title",
    "outlet", "published", "figure_id", "evidence", "start", "end", "review", "reviewed_by", "reviewed_at",
    "quotes": [{"figure_id", "evidence", "start", "end", "review", "reviewed_by", "reviewed_at"}]}]}. `pair`:
    exactly these two parties; `country`: one of them. A figure a person reviewed has `review` "confirmed"
    or "corrected", with `reviewed_by` and `reviewed_at` (the point's are its latest reviewed figure's).

    A point is one value reported by one or more articles: `sources` has one item per article, oldest
    first, and `sources_count` is their number; `quotes` are that article's figures of it (the first also
    gives the source its figure_id, evidence, start and end); `figure_ids` lists every figure. `approximate`
    is true when every source gave the value as approximate ("about", "more than"): the dashboard writes
    it with "~". `language` (en, ru): the figures stated in articles in that language."""
    def make() -> dict[str, Any]:
        rows, total = find_figures(_engine(request), indicator=_opt(indicator), pair=_opt(pair),
                                   country=_opt(country), kind=_opt(kind), since=_date("since", since),
                                   language=language, offset=(page - 1) * per_page, limit=per_page)
        return _paged(rows, total, page, per_page, _check_page(total, page, per_page))

    return await _kept_answer(request, make)


# 4. partners, profile, search ------------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many, 1 to {MAX_LIMIT}.")]


CodeInPath = _param(PathParam, "A country or bloc: its code (KAZ, EU). A name (Kazakhstan) or a code in lower "
                              "case is read too; an unknown one is a 404.", "KAZ", **_ref("Code"))


@router.get("/partners/{code}", tags=["pairs"], summary="Who a country or bloc cooperates with",
            responses=_with_links(responses(400, 404), profile=_link(
                "/profile/{a}/{b}", "The pair of the country and its first partner", a="/code", b="/items/0/code")))
async def partners(request: Request, code: Annotated[str, CodeInPath], limit: Limit = 20,
             by: Annotated[str, _param(Query, "events (shared events, then articles) or trade (the latest trade "
                                              "turnover in US dollars).", "trade", enum=list(RANKINGS))] = "events",
             ) -> dict[str, Any]:
    """{"code", "name", "kind", "limit", "items"}: partners ranked by shared events, then articles, then
    figures (or by=trade: by their latest trade turnover in US dollars), as query.partners gives them:
    each {"code", "name", "kind", "events", "documents", "figures", "trade_turnover": {"value", "unit",
    "period", "change_pct", "conflict", "sources_count", "value_usd", "usd_note"} | null}
    (`sources_count`: how many articles report that value).
    An unknown code is a 404; an unknown `by` a 400."""
    engine = _engine(request)

    def make() -> dict[str, Any]:
        resolved = _code_in_path(code, engine)   # an unknown code: a 404, kept nowhere
        return {"code": resolved, "name": code_name(resolved), "kind": code_kind(resolved), "limit": limit,
                "items": find_partners(engine, resolved, limit=limit, by=by)}

    return await _kept_answer(request, make)


@router.get("/profile/{a}/{b}", tags=["pairs"], summary="Everything about one pair", responses=responses(400, 404))
async def profile(request: Request, a: Annotated[str, CodeInPath],
                  b: Annotated[str, _param(PathParam, "The other one (not the same: that is a 400).", "UZB",
                                           **_ref("Code"))]) -> dict[str, Any]:
    """query.profile: {"pair", "names", "documents", "figures": {indicator: [point, ...]}, "agreements",
    "working_groups", "meetings", "projects", "people", "companies", "sectors"}, every fact with its
    sources. An unknown code is a 404; the same code twice a 400."""
    engine = _engine(request)
    a, b = _code_in_path(a, engine), _code_in_path(b, engine)
    # Plain JSON straight from the library's dicts (re-encoding a large profile field by field costs
    # more than the query itself), kept until the next ingest changes the data (web.cache). A kept
    # answer is served from the event loop (one indexed read of the version); a new one is made in a
    # worker thread.
    cache, key = request.app.state.profile_cache, tuple(sorted((a, b)))
    body = cache.peek(key)
    if body is None:
        body = await run_in_threadpool(cache.get, key, lambda: pack(JSONResponse(pair_profile(engine, a, b)).body))
    return respond(request, body)   # gzip-compressed once for a large answer (web.encoded)


@router.get("/search", tags=["search"], summary="Full-text search over the articles",
            responses=_with_links(responses(400), document=_link(
                "/documents/{document_id}", "The best match", document_id="/items/0/document_id")))
async def search(request: Request,
           q: Annotated[str, _param(Query, 'Words, "a phrase", oil AND gas, oil OR gas, oil NOT gas, pipe*, (oil OR '
                                           'gas) AND Baku; other punctuation is no syntax. A search without a '
                                           'letter or digit (in any script) is a 400.', "roadmap",
                                    minLength=1, pattern=f"[^{SPACES}]")],
           limit: Limit = 20,
           plain: Annotated[bool, Query(description="Match the words as words: no operators.")] = False,
           duplicates: Annotated[bool, Query(description="Include near-duplicate articles.")] = False,
           language: Language = None) -> dict[str, Any]:
    """{"q", "limit", "items"}: best match first, each {"document_id", "title", "published", "outlet",
    "source", "url", "language", "snippet", "score"}; the snippet marks matched words with « and ».
    `language` (en, ru): only articles written in it. Russian words are found in any of their forms
    (товарооборот finds товарооборота).

    One query language on SQLite and PostgreSQL: AND, OR and NOT in capitals between two terms, "phrases",
    prefix*, brackets; any other punctuation is part of no syntax ("Kazakh-Romanian" finds the two words in a
    row, "C5+1:" finds c5 1). A query with no word in it is a 400."""
    return await _kept_answer(request, lambda: {
        "q": q, "limit": limit, "items": find(_engine(request), q, limit=limit, include_duplicates=duplicates,
                                              plain=plain, language=language)})


# 5. ingest -------------------------------------------------------------------------------------

class IngestArticle(BaseModel):
    """One article as JSON (the OpenAPI document's schema of the body; _json_results checks it)."""

    text: Annotated[str, Field(pattern=f"[^{SPACES}\\x00]", description="The article's text: not blank.",
                               examples=["Kazakhstan and Uzbekistan signed a roadmap on trade."])]
    title: str | None = None
    published: Annotated[str | None, Field(pattern=f"^[{SPACES}]*(?:$|{_YEAR}-{_DAY}|{_LEAP}-02-29)",
                                           description="YYYY-MM-DD, or a timestamp starting with it; empty for none.",
                                           examples=["2024-03-04"])] = None
    url: str | None = None
    outlet: str | None = None


_INGEST_BODY = {"required": True, "content": {
    "application/json": {"schema": IngestArticle.model_json_schema()},
    "multipart/form-data": {
        "schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary",
                     "description": f"An article file, read by its name's suffix: {', '.join(sorted(READERS))}"}}},
        "encoding": {"file": {"contentType": "text/plain", "headers": {"Content-Disposition": {
            "schema": {"type": "string"}, "example": 'form-data; name="file"; filename="article.txt"'}}}}},
}}
INGEST_SECURITY = {"ingestToken": {
    "type": "http", "scheme": "bearer",
    "description": "The token the server was started with (--ingest-token or $ACCORDWATCH_INGEST_TOKEN)."}}


def _authorize(request: Request, token: str) -> None:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "ingest needs the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(401, "wrong ingest token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with a 413 as soon as it is known to be over `limit` bytes: by its Content-Length,
    else while it arrives."""
    length = request.headers.get("content-length")
    if length is not None:
        if not length.strip().isdigit():
            raise HTTPException(400, f"bad Content-Length header {length!r}")
        if int(length) > limit:
            raise HTTPException(413, f"request body is {int(length):,} bytes, over the {limit:,}-byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body is over the {limit:,}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _json_results(body: bytes) -> list[Result]:
    try:
        obj = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise HTTPException(400, f"the body is not valid JSON: {e}") from None
    if not isinstance(obj, dict):
        raise HTTPException(400, f"expected a JSON object with 'text', got {type(obj).__name__}")
    text = obj.get("text")
    # what can be stored, as every ingester cleans it (ingest.clean: no NUL, no lone surrogate)
    if not isinstance(text, str) or not (text := clean(text)).strip():
        raise HTTPException(400, "the JSON article needs a non-empty 'text' string")
    fields = {}
    for name in ("title", "published", "url", "outlet"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise HTTPException(400, f"'{name}' must be a string, not {type(value).__name__}")
        fields[name] = _opt(value if value is None or name == "published" else clean(value))
    published = fields["published"]
    if published is not None and (published := iso_date(published)) is None:
        raise HTTPException(400, f"'published' takes a date as YYYY-MM-DD, not {fields['published']!r}")
    title = fields["title"]
    full = f"{title}\n\n{text}" if title and not text.lstrip().startswith(title) else text
    doc = clean_document(Document(text=full, source=fields["url"] or "api", title=title, published=published,
                                  outlet=fields["outlet"], url=fields["url"]))
    return [Result(doc.source, document=doc)]


def _upload_results(data: bytes, filename: str) -> list[Result]:
    """The articles in an uploaded file, read by the ingester for its type (the file is written to a
    private temporary folder under a fixed name, never under the name the client gave)."""
    suffix = Path(filename).suffix.lower()
    if suffix not in READERS:
        raise HTTPException(400, f"cannot ingest {filename!r}: unknown file type {suffix or '(none)'!r}; "
                                 f"expected one of {', '.join(sorted(READERS))}")
    name = f"upload:{Path(filename).name}"
    with tempfile.TemporaryDirectory(prefix="accordwatch-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        results = list(read_paths([path]))
    for r in results:
        r.source = r.source.replace(str(path), name)
        if r.document is not None:
            r.document.source = r.document.source.replace(str(path), name)
        elif r.error is not None:
            r.error = type(r.error)(str(r.error).split("] ", 1)[-1].replace(str(path), name))
    return results


async def _results(request: Request, body: bytes) -> list[Result]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        async def replay():
            return {"type": "http.request", "body": body, "more_body": False}

        form = await Request(request.scope, replay).form(max_files=1, max_fields=10)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(400, "the multipart body needs a file in the field 'file'")
        data = await upload.read()
        return await run_in_threadpool(_upload_results, data, upload.filename or "upload.txt")
    if ctype in ("application/json", ""):
        return _json_results(body)
    raise HTTPException(415, f"send the article as application/json or a file as multipart/form-data, not {ctype}")


def _ingest(request: Request, results: list[Result]) -> dict[str, Any]:
    summary = request.app.state.store.ingest(results)
    hashes = {dedup.content_hash(r.document.text) for r in results if r.document is not None}
    d = s.documents
    with _engine(request).connect() as conn:
        docs = [dict(row) for row in conn.execute(
            select(d.c.id, d.c.title, d.c.published, d.c.source, d.c.duplicate_of)
            .where(d.c.content_hash.in_(hashes)).order_by(d.c.id)).mappings()] if hashes else []
    return {"ok": True, "summary": vars(summary), "documents": docs}


_INGEST_RESPONSES = _with_links(responses(400, 401, 403, 413, 415), document=_link(
    "/documents/{document_id}", "The article stored (or the one it duplicates)", document_id="/documents/0/id"))
_INGEST_RESPONSES[401]["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"},
                                                         "description": "Bearer (and why the token was refused)"}}


@router.post("/ingest", tags=["ingest"], summary="Add an article", responses=_INGEST_RESPONSES,
             openapi_extra={"requestBody": _INGEST_BODY, "security": [{name: []} for name in INGEST_SECURITY]})
async def ingest(request: Request) -> dict[str, Any]:
    """Extract and store one article: a JSON body {"text", "title", "published", "url", "outlet"}, or a
    file (.txt, .md, .html, .jsonl, feeds) uploaded as multipart/form-data in the field `file`.

    Disabled (403) unless the server was started with an ingest token; needs `Authorization: Bearer
    <token>` (401); the body may not be over the size limit (413). Returns {"ok": true, "summary":
    {"read", "new", "duplicate", "near_duplicate", "failed", "entities", "events", "event_reports",
    "figures", "conflicts", "errors"}, "documents": [{"id", "title", "published", "source",
    "duplicate_of"}]}. An upload none of whose articles can be read is a 400 that says why."""
    state = request.app.state
    if not state.ingest_token:
        raise HTTPException(403, "ingest is disabled: start the server with --ingest-token TOKEN "
                                 "(or $ACCORDWATCH_INGEST_TOKEN) to enable it")
    _authorize(request, state.ingest_token)
    body = await _read_body(request, state.max_upload_bytes)
    results = await _results(request, body)
    if not any(r.ok for r in results):
        reasons = "; ".join(str(r.error) for r in results) or "no articles in it"
        raise HTTPException(400, f"nothing to ingest: {reasons}")
    return await run_in_threadpool(_ingest, request, results)


# 6. writes by people: reviews and the audit log (api_review.py), sources and saved searches (api_watch.py)
from .api_review import REVIEW_SCHEMAS, USER_SECURITY  # noqa: E402
from .api_review import router as _review_router  # noqa: E402
from .api_watch import ALERT_SCHEMA  # noqa: E402
from .api_watch import router as _watch_router  # noqa: E402

router.include_router(_review_router)
router.include_router(_watch_router)

"""The REST API under /api: read-only JSON over the query library, and one authenticated ingest endpoint.

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

Collections (documents, entities, events, figures) are paginated: `page` (from 1) and `per_page` (1-200)
in, {"items", "page", "per_page", "pages", "total"} out; a page past the last is a 404. They and search take
`language` (en or ru: what articles in that language report; anything else is a 400). Ranked answers
(partners, search) take a `limit` instead. Every error has the shape of web/errors.py.

User input reaches the database only as bound parameters: the library's SQLAlchemy expressions, and the
Core statements below.
"""
from __future__ import annotations

import hmac
import json
import math
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import Engine, and_, func, or_, select
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..document import Document
from ..ingest import READERS, Result, read_paths
from ..ingest.metadata import iso_date
from ..query import UnknownCode, code_name, resolve_code, resolve_pair
from ..query import partners as find_partners
from ..query import profile as pair_profile
from ..query import search as find
from ..query.common import (
    LANGUAGES,
    SECTORS,
    check_choice,
    check_date,
    check_language,
    code_kind,
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
from .errors import ERROR_RESPONSES, ErrorBody

router = APIRouter(responses=ERROR_RESPONSES)

MAX_PER_PAGE = 200
MAX_LIMIT = 200
MAX_TEXT_HITS = 10_000       # the `q` filter of /api/documents keeps at most this many best matches
ENTITY_KINDS = ("country", "organization", "person", "place")

# the parameters the collections share
Page = Annotated[int, Query(ge=1, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"Items per page, 1 to {MAX_PER_PAGE}.")]
Country = Annotated[str | None, Query(description="A country or bloc: code (KAZ, EU) or name.")]
Pair = Annotated[str | None, Query(description="Two countries or blocs joined by '-': KAZ-UZB.")]
Sector = Annotated[str | None, Query(description=f"One of {', '.join(SECTORS)}; energy also finds oil_gas, "
                                                 "nuclear and renewables (data/sector_families.tsv).")]
Exact = Annotated[bool, Query(description="The sector only, not its family (energy without oil_gas, ...).")]
Since = Annotated[str | None, Query(description="On or after YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="On or before YYYY, YYYY-MM or YYYY-MM-DD (at its precision).")]
Language = Annotated[str | None, Query(description=f"What articles in this language report: {' or '.join(LANGUAGES)}.")]


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


def _code_in_path(value: str, engine: Engine) -> str:
    """A code named by the path: unknown is a 404 (no such resource), not a 400."""
    try:
        return resolve_code(value, engine)
    except UnknownCode as e:
        raise HTTPException(404, str(e)) from None


@router.get("", tags=["meta"], summary="What the API offers")
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


@router.get("/documents", tags=["documents"], summary="Articles, filtered and paginated")
def documents(request: Request, country: Country = None, pair: Pair = None, sector: Sector = None,
              since: Since = None, until: Until = None,
              q: Annotated[str | None, Query(description="Full-text search, as /api/search reads it.")] = None,
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
                   m.c.end, m.c.text)
            .join(m, m.c.entity_id == ent.c.id).where(m.c.document_id == doc_id).order_by(m.c.start, ent.c.id))
    for r in conn.execute(stmt):
        e = out.setdefault(r.id, {"id": r.id, "kind": r.kind, "name": r.name, "country": r.country,
                                  "title": r.title, "org_kind": r.org_kind, "mentions": []})
        e["mentions"].append({"start": r.start, "end": r.end, "text": r.text})
    return list(out.values())


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
                                   "organizations": _split(r.organizations), "sectors": [], "reports": []})
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
             "start": r.start, "end": r.end, "amount_text": text[r.start:r.end]}
            for r in conn.execute(select(f).where(f.c.document_id == doc_id).order_by(f.c.start))]


@router.get("/documents/{document_id}", tags=["documents"], summary="One article and every fact found in it")
def document(request: Request, document_id: Annotated[int, PathParam(description="The article's id.")]
             ) -> dict[str, Any]:
    """The article's metadata and text, and every fact extracted from it with its character offsets into
    `text`: {..., "text", "countries", "sectors", "entities": [{"id", "kind", "name", "country", "title",
    "org_kind", "mentions": [{"start", "end", "text"}]}], "events": [{"id", "type", "name", "instrument", "status",
    "parties", "date", "location", "organizations", "sectors", "reports": [{"status", "date", "evidence",
    "start", "end"}]}], "figures": [{"id", "indicator", "value", "unit", "period", "parties", "from", "to",
    "change_pct", "kind", "approximate", "conflict", "evidence", "start", "end", "amount_text"}]}. A mention's
    and an event report's `start`/`end` span their text and evidence; a figure's span its amount
    (`amount_text`), inside its evidence sentence.

    A near-duplicate (`duplicate_of` set) was not extracted again: its facts are its original's."""
    d = s.documents
    with _engine(request).connect() as conn:
        row = conn.execute(select(*(d.c[c] for c in _DOC_COLUMNS), d.c.text).where(d.c.id == document_id)
                           ).mappings().first()
        if row is None:
            raise HTTPException(404, f"no document with id {document_id}")
        return {**{c: _iso(row[c]) for c in _DOC_COLUMNS}, "text": row["text"],
                "countries": _lookups(conn, s.document_countries, "code", [document_id])[document_id],
                "sectors": _lookups(conn, s.document_sectors, "sector", [document_id])[document_id],
                "entities": _document_entities(conn, document_id),
                "events": _document_events(conn, document_id),
                "figures": _document_figures(conn, document_id, row["text"])}


# 2. entities -----------------------------------------------------------------------------------

@router.get("/entities", tags=["entities"], summary="Countries, organizations, people and places")
def entities(request: Request,
             kind: Annotated[str | None, Query(description="country | organization | person | place")] = None,
             country: Country = None,
             q: Annotated[str | None, Query(description="Part of a name or of any spelling seen.")] = None,
             language: Language = None, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """Entities resolved across articles, most articles first: {"items", "page", "per_page", "pages",
    "total"}; each item {"id", "kind", "name", "country", "title", "org_kind", "documents", "mentions"}
    (`documents` counts the articles naming it, near-duplicates left out; `mentions` its spans, which the
    store keeps for all but countries). `country`: the entity's country (and the country itself); `q`: part
    of its name or of a spelling seen, in either script ("Токаев" finds Kassym-Jomart Tokayev, "Tokayev" his
    Russian spelling too); `language`: an article in that language names it (its counts stay all articles')."""
    engine = _engine(request)
    ent, m, al = s.entities, s.mentions, s.aliases
    conditions = []
    if (kind := check_choice("entity kind", _opt(kind), ENTITY_KINDS)) is not None:
        conditions.append(ent.c.kind == kind)
    if (country := _opt(country)) is not None:
        code = resolve_code(country, engine)
        conditions.append(or_(ent.c.country == code, and_(ent.c.kind == "country", ent.c.key == code)))
    if (q := _opt(q)) is not None:
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

@router.get("/events", tags=["events"], summary="Agreements, working groups, meetings, projects")
def events(request: Request, country: Country = None, pair: Pair = None, sector: Sector = None,
           type: Annotated[str | None, Query(description="agreement | working_group | meeting | project")] = None,
           status: Annotated[str | None, Query(description="signed | agreed | planned | discussed")] = None,
           since: Since = None, until: Until = None,
           name: Annotated[str | None, Query(description="Words the event's name holds, in any case: "
                                                         "raw materials.")] = None,
           language: Language = None, page: Page = 1, per_page: PerPage = 50,
           exact: Exact = False) -> dict[str, Any]:
    """Events newest first (undated last), as query.events gives them: each {"id", "type", "name",
    "instrument", "status", "parties", "date", "location", "organizations", "sectors", "sources_count",
    "sources": [{"document_id", "title", "outlet", "published", "evidence", "status", "date", "start",
    "end", "quotes": [{"evidence", "status", "date", "start", "end"}]}]}. `name` is what the articles call
    the event (null when none names it); the `name` filter keeps the events whose name holds every word
    given.

    `sources` has one item per article that reports the event (near-duplicates left out), oldest first,
    and `sources_count` is their number; `quotes` are every statement of the event in that article, the
    first of which also gives the source its evidence, status, date, start and end; a source's `language`
    is its article's. `language` keeps the events an article in that language reports (en, ru); one
    event reported in both keeps every source."""
    rows, total = find_events(_engine(request), country=_opt(country), pair=_opt(pair), sector=_opt(sector),
                              type=_opt(type), status=_opt(status), since=_date("since", since),
                              until=_date("until", until), name=_opt(name), language=language,
                              offset=(page - 1) * per_page, limit=per_page, exact=exact)
    return _paged(rows, total, page, per_page, _check_page(total, page, per_page))


@router.get("/figures", tags=["figures"], summary="Economic figures over time")
def figures(request: Request,
            indicator: Annotated[str | None, Query(description="trade_turnover, exports, imports, ...")] = None,
            pair: Pair = None, country: Country = None,
            kind: Annotated[str | None, Query(description="actual | target")] = None,
            since: Annotated[str | None, Query(description="Periods ending on or after YYYY[-MM[-DD]].")] = None,
            language: Language = None, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """Figure points in time order (undated first), as query.figures gives them: each {"indicator",
    "parties", "from", "to", "period", "value", "unit", "kind", "change_pct", "approximate", "conflict",
    "figure_ids", "sources_count", "sources": [{"document_id", "title", "outlet", "published", "figure_id",
    "evidence", "start", "end", "quotes": [{"figure_id", "evidence", "start", "end"}]}]}. `pair`: exactly
    these two parties; `country`: one of them.

    A point is one value reported by one or more articles: `sources` has one item per article, oldest
    first, and `sources_count` is their number; `quotes` are that article's figures of it (the first also
    gives the source its figure_id, evidence, start and end); `figure_ids` lists every figure. `approximate`
    is true when every source gave the value as approximate ("about", "more than"): the dashboard writes
    it with "~". `language` (en, ru): the figures stated in articles in that language."""
    rows, total = find_figures(_engine(request), indicator=_opt(indicator), pair=_opt(pair), country=_opt(country),
                               kind=_opt(kind), since=_date("since", since), language=language,
                               offset=(page - 1) * per_page, limit=per_page)
    return _paged(rows, total, page, per_page, _check_page(total, page, per_page))


# 4. partners, profile, search ------------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many, 1 to {MAX_LIMIT}.")]


@router.get("/partners/{code}", tags=["pairs"], summary="Who a country or bloc cooperates with")
def partners(request: Request, code: Annotated[str, PathParam(description="A code (KAZ, EU) or a name.")],
             limit: Limit = 20,
             by: Annotated[str, Query(description="events (shared events, then articles) or trade (the "
                                                  "latest trade turnover in US dollars)")] = "events",
             ) -> dict[str, Any]:
    """{"code", "name", "kind", "limit", "items"}: partners ranked by shared events, then articles, then
    figures (or by=trade: by their latest trade turnover in US dollars), as query.partners gives them:
    each {"code", "name", "kind", "events", "documents", "figures", "trade_turnover": {"value", "unit",
    "period", "change_pct", "conflict", "sources_count", "value_usd", "usd_note"} | null}
    (`sources_count`: how many articles report that value).
    An unknown code is a 404; an unknown `by` a 400."""
    engine = _engine(request)
    code = _code_in_path(code, engine)
    return {"code": code, "name": code_name(code), "kind": code_kind(code), "limit": limit,
            "items": find_partners(engine, code, limit=limit, by=by)}


@router.get("/profile/{a}/{b}", tags=["pairs"], summary="Everything about one pair")
async def profile(request: Request, a: Annotated[str, PathParam(description="A country or bloc.")],
                  b: Annotated[str, PathParam(description="The other one.")]) -> dict[str, Any]:
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
        body = await run_in_threadpool(cache.get, key, lambda: JSONResponse(pair_profile(engine, a, b)).body)
    return Response(body, media_type="application/json")


@router.get("/search", tags=["search"], summary="Full-text search over the articles")
def search(request: Request,
           q: Annotated[str, Query(description='Words, "a phrase", oil AND gas, oil OR gas, oil NOT gas, pipe*, '
                                                '(oil OR gas) AND Baku; other punctuation is no syntax.')],
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
    return {"q": q, "limit": limit,
            "items": find(_engine(request), q, limit=limit, include_duplicates=duplicates, plain=plain,
                          language=language)}


# 5. ingest -------------------------------------------------------------------------------------

class IngestArticle(BaseModel):
    """One article as JSON."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


_INGEST_BODY = {"required": True, "content": {
    "application/json": {"schema": IngestArticle.model_json_schema()},
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": f"An article file: {', '.join(sorted(READERS))}"}}}},
}}
_INGEST_ERRORS = {status: {"model": ErrorBody, "description": what} for status, what in (
    (401, "No or a wrong `Authorization: Bearer <token>`"),
    (403, "Ingest is disabled: the server has no ingest token"),
    (413, "The body is over the server's size limit"),
    (415, "Neither JSON nor multipart/form-data"),
)}


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
    if not isinstance(text, str) or not text.strip():
        raise HTTPException(400, "the JSON article needs a non-empty 'text' string")
    fields = {}
    for name in ("title", "published", "url", "outlet"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise HTTPException(400, f"'{name}' must be a string, not {type(value).__name__}")
        fields[name] = _opt(value)
    published = fields["published"]
    if published is not None and (published := iso_date(published)) is None:
        raise HTTPException(400, f"'published' takes a date as YYYY-MM-DD, not {fields['published']!r}")
    title = fields["title"]
    full = f"{title}\n\n{text}" if title and not text.lstrip().startswith(title) else text
    doc = Document(text=full, source=fields["url"] or "api", title=title, published=published,
                   outlet=fields["outlet"], url=fields["url"])
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


@router.post("/ingest", tags=["ingest"], summary="Add an article", openapi_extra={"requestBody": _INGEST_BODY},
             responses=_INGEST_ERRORS)
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

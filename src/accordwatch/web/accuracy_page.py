"""The dashboard's accuracy page (P13): the table of `accordwatch review score` on the web.

    GET /accuracy     the current extractor scored against the articles people reviewed (review.gold's
                      score_reviewed, with review/score.py's rules): P/R/F1, support and predicted per
                      field, the attributes' accuracies, for all languages and for each one, and the
                      number of reviewed articles; a note when nothing has been reviewed yet

Whoever may read the dashboard may read it (`serve --private` asks for a login first, as for every page).

Scoring extracts every reviewed article again, so it is not done per request: the answer is kept next
to the data version it was made from (web.cache.VersionedCache, as the pair profiles are). A review,
like an ingest, moves the version on (store.overlay.reflag), so the next view after one scores again;
until then a view costs one indexed read. One scoring runs at a time: requests arriving meanwhile wait
for it and read its answer.
"""
from __future__ import annotations

import json
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..review import gold
from ..review.score import ATTRIBUTES, FIELDS
from .cache import VersionedCache

router = APIRouter()

KEY = "accuracy"
LANGUAGES = {"all": "All languages", "en": "English", "ru": "Russian"}
# what each row means, for a reader who has not seen SCHEMA.md's scorer
FIELD_HELP = {
    "countries": "countries and blocs named in the article",
    "dyads": "pairs of parties in its events and figures",
    "organizations": "organizations, matched by name, alias or acronym",
    "people": "people, matched by name",
    "events": "events: the same type and parties",
    "figures": "figures: indicator, kind, value within 1.5 %, period",
    "figures_year": "figures, the period's year alone",
    "sectors": "the article's sectors",
}
_MADE = threading.Lock()      # the cache itself, made once per app


def _cache(request: Request) -> tuple[VersionedCache, threading.Lock]:
    state = request.app.state
    with _MADE:
        if getattr(state, "accuracy_cache", None) is None:
            state.accuracy_cache = (VersionedCache(state.engine, size=1), threading.Lock())
        return state.accuracy_cache


def scores(request: Request) -> dict[str, dict[str, Any]]:
    """review.gold.score_reviewed at the data version now: kept, or computed (once) now. Blocking: call
    it from a worker thread."""
    cache, scoring = _cache(request)
    body = cache.peek(KEY)
    if body is None:
        with scoring:   # a request that waited here finds the answer kept by the one before it
            body = cache.get(KEY, lambda: json.dumps(gold.score_reviewed(request.app.state.engine)).encode())
    return json.loads(body)


def _tables(results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One table a language, "all" first: {"code", "label", "articles", "fields", "attributes"}."""
    out = []
    for code in sorted(results, key=lambda c: (c != "all", c)):
        res = results[code]
        out.append({"code": code, "label": LANGUAGES.get(code, code), "articles": res["articles"],
                    "fields": [{"name": f, "help": FIELD_HELP.get(f, ""), **res["fields"][f]}
                               for f in FIELDS if f in res["fields"]],
                    "attributes": [{"name": a, **res["attributes"][a]} for a in ATTRIBUTES
                                   if res["attributes"].get(a, {}).get("n")]})
    return out


@router.get("/accuracy", response_class=HTMLResponse, include_in_schema=False)
async def accuracy(request: Request) -> HTMLResponse:
    from . import pages  # render; imported late: pages' module imports the web package

    results = await run_in_threadpool(scores, request)
    tables = _tables(results)
    return pages.render(request, "accuracy.html", title="Accuracy", tables=tables, version=__version__,
                        reviewed=tables[0]["articles"] if tables else 0)

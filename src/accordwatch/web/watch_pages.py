"""The dashboard's pages of accordwatch.watch, and the Atom feeds of saved searches:

    /sources            every watched source and its health (last poll and success, last error, next poll)
    /alerts             the saved searches: filters, where they deliver, their delivery log in numbers
    /feeds/{id}.atom    a saved search's newest matches as Atom, each linked to the fact on its article page

pages.py includes `router`; the home page's "What's new" comes from watch.alerts.whats_new. Saved
searches are made with `accordwatch alerts add` or POST /api/alerts (web/api_watch.py).
"""
from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select

from ..errors import InputError
from ..store import schema as s
from ..watch import alerts as al
from ..watch import atom
from ..watch.sources import list_sources

router = APIRouter()


def _pages():
    from . import pages  # the page helpers (render, error_page); imported late: pages includes this router

    return pages


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request) -> HTMLResponse:
    pages = _pages()
    rows = list_sources(request.app.state.engine)
    return pages.render(request, "sources.html", title="Sources", sources=rows,
                        failing=sum(1 for r in rows if r["last_error"]))


@router.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
def alerts_page(request: Request) -> HTMLResponse:
    pages = _pages()
    engine = request.app.state.engine
    searches = al.list_alerts(engine)
    d = s.deliveries
    with engine.connect() as conn:
        counts = Counter({(a, st): n for a, st, n in conn.execute(
            select(d.c.alert_id, d.c.status, func.count()).group_by(d.c.alert_id, d.c.status))})
    return pages.render(request, "alerts.html", title="Saved searches", searches=searches, counts=counts)


@router.get("/feeds/{alert_id}.atom", include_in_schema=False)
def alert_feed(request: Request, alert_id: str) -> Response:
    engine = request.app.state.engine
    try:
        if not alert_id.isdigit() or len(alert_id) > 12:
            raise InputError(f"no saved search {alert_id!r}")
        alert = al.get_alert(engine, int(alert_id))
    except InputError:
        return _pages().error_page(request, 404, f"There is no saved search {alert_id!r}.", "No such feed")
    body = atom.feed(engine, alert, str(request.base_url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")

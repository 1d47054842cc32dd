"""The dashboard's pages of accordwatch.watch, and the Atom feeds of saved searches:

    /sources            every watched source and its health (last poll and success, last error, next poll)
    /alerts             the saved searches: filters, where they deliver, their delivery log in numbers
    /feeds/{id}.atom    a saved search's newest matches as Atom, each linked to the fact on its article page
    POST /alerts/save   the events page's "Save this search" (editors and admins, with the form's CSRF token)

pages.py includes `router`; the home page's "What's new" comes from watch.alerts.whats_new. Saved
searches are made with `accordwatch alerts add` or POST /api/alerts (web/api_watch.py).
"""
from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select

from ..errors import InputError
from ..query import QueryInputError
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


SAVED_FILTERS = ("country", "pair", "type", "status", "sector")


@router.post("/alerts/save", include_in_schema=False)
async def save_search(request: Request) -> Response:
    """The events page's "Save this search" (editors and admins; web/auth.py has checked the form's CSRF
    token): a saved search with the page's filters, then the Saved searches page."""
    from . import auth

    pages = _pages()
    user = auth.current_user(request)
    if user is None:
        return pages.error_page(request, 401, "Log in to save a search.", "Log in")
    if user["role"] not in ("editor", "admin"):
        return pages.error_page(request, 403, f"Saving a search needs an editor or admin ({user['name']} is a "
                                              f"{user['role']}).")
    form = await request.form(max_files=0, max_fields=20)
    filters = {k: str(form.get(k) or "").strip()[:200] for k in SAVED_FILTERS}
    try:
        al.add_alert(request.app.state.engine, str(form.get("name") or "")[:200], filters)
    except (InputError, QueryInputError) as e:
        return pages.error_page(request, 400, str(e), "Cannot save this search")
    return RedirectResponse("/alerts", status_code=303)


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

"""Saved searches ("alerts"): the filters of the events and figures API under a name, and what newly
matches them.

Filters: country, pair, language and query apply to events and figures alike; type, status and
sector only to events, indicator only to figures. A saved search with event-only filters matches no
figures, one with `indicator` no events. `query` is a full-text query (query/search.py) that the
reporting article must match. What existed when the search was saved is not news: only events and
figures stored after it are delivered.
"""
from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select

from .. import clock
from ..errors import InputError
from ..query import rows, timeline
from ..query.matches import matching_documents
from ..query.search import parse
from ..store import schema as s
from ..store import version

EVENT_ONLY = ("type", "status", "sector")
FIGURE_ONLY = ("indicator",)
COMMON = ("country", "pair", "language", "query")
FILTERS = ("country", "pair", "type", "status", "sector", "indicator", "language", "query")


class AlertError(InputError):
    code = "AW303"


def _clean(filters: dict[str, Any]) -> dict[str, str]:
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise AlertError(f"unknown filter(s) {', '.join(unknown)}: use {', '.join(FILTERS)}")
    return {k: str(v).strip() for k, v in filters.items() if v is not None and str(v).strip()}


def check_filters(engine: Engine, filters: dict[str, Any]) -> dict[str, str]:
    """The filters, checked as the API checks them (BadFilter, UnknownCode, SearchSyntaxError)."""
    f = _clean(filters)
    if not f:
        raise AlertError("a saved search needs at least one filter (country, pair, type, status, sector, "
                         "indicator, language or query)")
    event_conditions(engine, f)
    figure_conditions(engine, f)
    if "query" in f:
        parse(f["query"])
    return f


def wants_events(f: dict[str, str]) -> bool:
    return not any(k in f for k in FIGURE_ONLY)


def wants_figures(f: dict[str, str]) -> bool:
    return not any(k in f for k in EVENT_ONLY)


def event_conditions(engine: Engine, f: dict[str, str]) -> list:
    return timeline.event_conditions(engine, f.get("country"), f.get("pair"), f.get("sector"), f.get("type"),
                                     f.get("status"), f.get("language"))


def figure_conditions(engine: Engine, f: dict[str, str]) -> list:
    return timeline.figure_conditions(engine, f.get("indicator"), f.get("pair"), f.get("country"),
                                      f.get("language"))


def _public(row) -> dict[str, Any]:
    a = dict(row._mapping)
    a["filters"] = json.loads(a["filters"])
    a["webhook_secret"] = bool(a["webhook_secret"])   # whether it signs, never the key
    return a


def add_alert(engine: Engine, name: str, filters: dict[str, Any], webhook_url: str | None = None,
              email: str | None = None, secret: str | None = None, allow_private: bool = False,
              when: datetime | None = None, allow_hosts: frozenset[str] = frozenset()
              ) -> tuple[dict[str, Any], str | None]:
    """Save a search: (the alert, the webhook's signing key: the one given, else a new random one;
    None without a webhook). The key is shown once; the database keeps it to sign deliveries."""
    from ..ingest.url import check_url

    name = (name or "").strip()
    if not name:
        raise AlertError("a saved search needs a name")
    f = check_filters(engine, filters)
    if webhook_url:
        check_url(webhook_url, allow_private, allow_hosts)
        secret = secret or secrets.token_urlsafe(32)
    else:
        secret = None
    if email is not None and "@" not in email:
        raise AlertError(f"--email {email!r}: not an e-mail address")
    when = when or clock.now()
    with engine.begin() as conn:
        if conn.execute(select(s.alerts.c.id).where(s.alerts.c.name == name)).first() is not None:
            raise AlertError(f"a saved search named {name!r} exists already")
        since_event = conn.execute(select(func.coalesce(func.max(s.events.c.id), 0))).scalar_one()
        since_figure = conn.execute(select(func.coalesce(func.max(s.figures.c.id), 0))).scalar_one()
        aid = conn.execute(insert(s.alerts).values(
            name=name, filters=json.dumps(f, sort_keys=True), webhook_url=webhook_url or None, webhook_secret=secret,
            email=email or None, since_event_id=since_event, since_figure_id=since_figure,
            created=clock.stamp(when))).inserted_primary_key[0]
        version.bump(conn)   # the dashboard's what's new, kept per data version, lists the saved searches
        return _public(conn.execute(select(s.alerts).where(s.alerts.c.id == aid)).one()), secret


def list_alerts(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [_public(r) for r in conn.execute(select(s.alerts).order_by(s.alerts.c.id))]


def get_alert(engine: Engine, which: str | int, with_secret: bool = False) -> dict[str, Any]:
    """A saved search by id or name; AlertError when there is none."""
    cond = s.alerts.c.id == int(which) if str(which).isdigit() else s.alerts.c.name == str(which).strip()
    with engine.connect() as conn:
        row = conn.execute(select(s.alerts).where(cond)).first()
    if row is None:
        raise AlertError(f"no saved search {which!r} (see `accordwatch alerts list`)")
    a = _public(row)
    if with_secret:
        a["webhook_secret"] = row.webhook_secret
    return a


def remove_alert(engine: Engine, which: str | int) -> dict[str, Any]:
    a = get_alert(engine, which)
    with engine.begin() as conn:
        conn.execute(delete(s.deliveries).where(s.deliveries.c.alert_id == a["id"]))
        conn.execute(delete(s.alerts).where(s.alerts.c.id == a["id"]))
        version.bump(conn)
    return a


def _query_filter(engine: Engine, f: dict[str, str], items: list[tuple[int, int]]) -> list[int]:
    """The ids of (item id, document id) pairs whose article matches the query filter (all without one)."""
    if "query" not in f:
        return sorted({i for i, _ in items})
    docs = matching_documents(engine, f["query"], {d for _, d in items})
    return sorted({i for i, d in items if d in docs})


def matching(engine: Engine, alert: dict[str, Any], after_event: int = 0, after_figure: int = 0,
             limit: int | None = None, ingested_since: datetime | None = None) -> tuple[list[int], list[int]]:
    """(event ids, figure ids) that match the saved search, with ids above `after_event` and
    `after_figure` (and reported by an article stored at `ingested_since` or later), newest first (at
    most `limit` of each)."""
    f = alert["filters"]
    events: list[int] = []
    figures: list[int] = []
    recent = [] if ingested_since is None else [
        s.documents.c.id.in_(select(s.documents.c.id).where(s.documents.c.ingested_at >= ingested_since))]
    with engine.connect() as conn:
        if wants_events(f):
            e, src = s.events, s.event_sources
            stmt = (select(e.c.id, src.c.document_id).join(src, src.c.event_id == e.c.id)
                    .join(s.documents, s.documents.c.id == src.c.document_id)
                    .where(e.c.id > after_event, *event_conditions(engine, f), *recent).order_by(e.c.id.desc()))
            events = _query_filter(engine, f, [tuple(r) for r in conn.execute(stmt)])
        if wants_figures(f):
            fig = s.figures
            stmt = (select(fig.c.id, fig.c.document_id).join(s.documents, s.documents.c.id == fig.c.document_id)
                    .where(fig.c.id > after_figure, *figure_conditions(engine, f), *recent)
                    .order_by(fig.c.id.desc()))
            figures = _query_filter(engine, f, [tuple(r) for r in conn.execute(stmt)])
    events, figures = sorted(events, reverse=True), sorted(figures, reverse=True)
    if limit is not None:
        events, figures = events[:limit], figures[:limit]
    return events, figures


def new_matches(engine: Engine, alert: dict[str, Any]) -> tuple[list[int], list[int]]:
    """What matches the saved search among the events and figures stored since it was saved, oldest first."""
    events, figures = matching(engine, alert, alert["since_event_id"], alert["since_figure_id"])
    return sorted(events), sorted(figures)


def whats_new(engine: Engine, per_search: int = 5, window: timedelta = timedelta(days=1)) -> list[dict[str, Any]]:
    """For the dashboard's home: per saved search, what matches it among the articles of the last ingest
    (those stored within `window` of the newest article stored), newest first:
    [{"alert", "since", "events": [event dicts], "figures": [points], "count"}]."""
    with engine.connect() as conn:
        newest = conn.execute(select(func.max(s.documents.c.ingested_at))).scalar()
    searches = list_alerts(engine)
    if newest is None or not searches:
        return []
    since = newest - window
    out = []
    for alert in searches:
        events, figures = matching(engine, alert, ingested_since=since)
        with engine.connect() as conn:
            shown_events = rows.events_by_id(conn, events[:per_search])
            shown_figures = [p for fid in figures[:per_search]
                             for p in rows.figure_points(conn, [s.figures.c.id == fid])]
        out.append({"alert": alert, "since": since, "events": shown_events, "figures": shown_figures,
                    "count": len(events) + len(figures)})
    return out

"""Rows into plain dicts: events with their sources, figures merged into points with theirs.

Shared by profile.py and timeline.py. Every function takes an open Connection and conditions
(SQLAlchemy expressions), never text, so user input reaches the database only as parameters.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from ..store import schema as s
from .common import live_document, live_event, period_key

_CHUNK = 500   # ids per IN (...) list


def _split(cell: str | None) -> list[str]:
    return [x for x in (cell or "").split("|") if x]


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _document(row) -> dict[str, Any]:
    return {"document_id": row.document_id, "title": row.title, "outlet": row.outlet, "published": row.published}


# 1. events -------------------------------------------------------------------------------------

def event_dicts(conn: Connection, conditions: Sequence = (), limit: int | None = None) -> list[dict[str, Any]]:
    """Events matching every condition (and reported by at least one article that is no near-duplicate),
    newest date first (undated last), each with its sectors and sources:

    {"id", "type", "instrument", "status", "parties": [...], "date", "location", "organizations": [...],
     "sectors": [...], "sources_count", "sources": [{"document_id", "title", "outlet", "published",
     "evidence", "status", "date", "start", "end"}]}

    `sources_count` counts distinct articles; `status` is the most advanced status any of them gave."""
    e = s.events
    stmt = (select(e).where(live_event(), *conditions)
            .order_by(e.c.date.is_(None), e.c.date.desc(), e.c.id.desc()))
    if limit is not None:
        stmt = stmt.limit(limit)
    out = {row.id: {"id": row.id, "type": row.type, "instrument": row.instrument, "status": row.status,
                    "parties": _split(row.parties), "date": row.date, "location": row.location,
                    "organizations": _split(row.organizations), "sectors": [], "sources_count": 0, "sources": []}
           for row in conn.execute(stmt)}
    ids = list(out)
    for chunk in _chunks(ids):
        for row in conn.execute(select(s.event_sectors).where(s.event_sectors.c.event_id.in_(chunk))
                                .order_by(s.event_sectors.c.sector)):
            out[row.event_id]["sectors"].append(row.sector)
        src, d = s.event_sources, s.documents
        stmt = (select(src.c.event_id, src.c.document_id, src.c.evidence, src.c.status, src.c.date, src.c.start,
                       src.c.end, d.c.title, d.c.outlet, d.c.published)
                .join(d, d.c.id == src.c.document_id)
                .where(src.c.event_id.in_(chunk), live_document())
                .order_by(d.c.published.is_(None), d.c.published, src.c.document_id, src.c.start))
        for row in conn.execute(stmt):
            out[row.event_id]["sources"].append({**_document(row), "evidence": row.evidence, "status": row.status,
                                                 "date": row.date, "start": row.start, "end": row.end})
    for ev in out.values():
        ev["sources_count"] = len({x["document_id"] for x in ev["sources"]})
    return list(out.values())


# 2. figures ------------------------------------------------------------------------------------

def figure_points(conn: Connection, conditions: Sequence = ()) -> list[dict[str, Any]]:
    """Figures matching every condition, from articles that are no near-duplicates, merged into points:
    the same indicator, parties, direction, unit, period, kind and value reported by several articles
    is one point with several sources. Sorted by indicator, parties, then period in time.

    {"indicator", "parties": [...], "from", "to", "period", "value", "unit", "kind", "change_pct",
     "approximate", "conflict", "figure_ids": [...], "sources_count",
     "sources": [{"document_id", "title", "outlet", "published", "evidence", "start", "end"}]}

    `conflict` is true when another article reports a different value for the same indicator,
    parties and period (the store marks it); `change_pct` is the first growth rate a source gave."""
    f, d = s.figures, s.documents
    stmt = (select(f, d.c.title, d.c.outlet, d.c.published)
            .join(d, d.c.id == f.c.document_id)
            .where(live_document(), *conditions)
            .order_by(d.c.published.is_(None), d.c.published, f.c.id))
    points: dict[tuple, dict[str, Any]] = {}
    for row in conn.execute(stmt):
        key = (row.indicator, row.parties, row.from_code, row.to_code, row.unit, row.period, row.kind,
               round(float(row.value), 6))
        p = points.get(key)
        if p is None:
            p = points[key] = {"indicator": row.indicator, "parties": _split(row.parties), "from": row.from_code,
                               "to": row.to_code, "period": row.period, "value": float(row.value),
                               "unit": row.unit, "kind": row.kind, "change_pct": None, "approximate": True,
                               "conflict": False, "figure_ids": [], "sources_count": 0, "sources": []}
        if p["change_pct"] is None and row.change_pct is not None:
            p["change_pct"] = float(row.change_pct)
        p["approximate"] = p["approximate"] and bool(row.approximate)
        p["conflict"] = p["conflict"] or bool(row.conflict)
        p["figure_ids"].append(row.id)
        p["sources"].append({"document_id": row.document_id, "title": row.title, "outlet": row.outlet,
                             "published": row.published, "evidence": row.evidence, "start": row.start,
                             "end": row.end})
    for p in points.values():
        p["sources_count"] = len({x["document_id"] for x in p["sources"]})
    return sorted(points.values(), key=lambda p: (p["indicator"], "|".join(p["parties"]), period_key(p["period"]),
                                                  p["kind"], p["from"] or "", p["value"]))


def latest(points: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The point for the latest period (then the most recently published source); a point without a
    period only when no point has one."""
    def key(p):
        newest = max((x["published"] or "" for x in p["sources"]), default="")
        return (p["period"] is not None, period_key(p["period"]), newest, p["sources_count"])
    return max(points, key=key, default=None)

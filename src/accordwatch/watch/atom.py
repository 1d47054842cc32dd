"""The Atom feed of a saved search (`/feeds/<id>.atom`): its newest matching events and figures, each
entry linking to the article page with the fact highlighted (`/article/<id>#fact-event-<id>`)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from ..query import rows
from ..store import schema as s
from . import alerts as al
from .deliver import summary_line

ENTRIES = 50


def _when(date: str | None, fallback: str) -> str:
    """An RFC 3339 time for a date of any precision ("2024", "2024-03", "2024-03-04")."""
    if not date:
        return fallback
    day = date.split("/")[-1]
    day = {4: day + "-01-01", 7: day + "-01"}.get(len(day), day[:10])
    return f"{day}T00:00:00Z"


def feed(engine: Engine, alert: dict[str, Any], base_url: str) -> bytes:
    from feedgen.feed import FeedGenerator

    base = base_url.rstrip("/")
    events, figures = al.matching(engine, alert, limit=ENTRIES)
    fg = FeedGenerator()
    fg.id(f"{base}/feeds/{alert['id']}.atom")
    fg.title(f"accordwatch: {alert['name']}")
    fg.subtitle("New events and figures matching " +
                ", ".join(f"{k}={v}" for k, v in sorted(alert["filters"].items())))
    fg.link(href=f"{base}/feeds/{alert['id']}.atom", rel="self")
    fg.link(href=f"{base}/", rel="alternate")
    fg.updated(alert["created"])
    with engine.connect() as conn:
        items: list[tuple[str, dict[str, Any]]] = [("event", e) for e in rows.events_by_id(conn, events)]
        for fid in figures:
            found = rows.figure_points(conn, [s.figures.c.id == fid])
            if found:
                items.append(("figure", {**found[0], "id": fid}))
    for kind, item in items:
        source = item["sources"][0] if item.get("sources") else {}
        entry = fg.add_entry(order="append")
        entry.id(f"{base}/feeds/{alert['id']}/{kind}/{item['id']}")
        entry.title(summary_line(kind, item))
        anchor = f"fact-event-{item['id']}" if kind == "event" else f"fact-fig-{source.get('figure_id', item['id'])}"
        if source.get("document_id"):
            entry.link(href=f"{base}/article/{source['document_id']}#{anchor}")
        entry.summary(source.get("evidence") or "")
        entry.updated(_when(source.get("published") or item.get("date"), alert["created"]))
    return fg.atom_str(pretty=True)

"""People's reviews applied to the stored facts: the overlay of the `reviews` table.

A review names a fact by its article (`document_hash`, the article's content hash, so that the same
article in a rebuilt database is found again) and the span that states it (a figure's amount, an
event report's sentence). Applying it changes the stored rows, so that every reader (queries,
profiles, charts, exports, the API) sees reviewed values with no extra work:

    confirm   the fact is marked review="confirmed", with who and when
    correct   the corrected fields replace the extracted ones; review="corrected"
    reject    the figure is deleted; the event loses that article's report (and is deleted with its
              parties and sectors when no report is left), so it leaves every list

What the fact was before is kept in the audit log (review/), not here. `apply_document` runs for an
article the writer stores, so a review made before a database was rebuilt, or before the article was
extracted again, applies to the new rows too.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from . import entity_overlay, version
from . import schema as s
from .points import row_point_columns
from .resolve import FIGURE_TOLERANCE

FIGURE_FIELDS = ("indicator", "value", "unit", "period", "parties", "from", "to", "change_pct", "kind")
EVENT_FIELDS = ("type", "name", "status", "date", "parties", "location")
_FIGURE_COLUMNS = {"from": "from_code", "to": "to_code"}


class OverlayError(ValueError):
    """A review that names no stored fact."""


def figure_row(conn: Connection, document_id: int, start: int, end: int):
    f = s.figures
    return conn.execute(select(f).where(f.c.document_id == document_id, f.c.start == start, f.c.end == end)).first()


def event_source(conn: Connection, document_id: int, start: int, end: int):
    src = s.event_sources
    return conn.execute(select(src).where(src.c.document_id == document_id, src.c.start == start,
                                          src.c.end == end)).first()


def _marks(action: str, user: str, at: str) -> dict[str, Any]:
    return {"review": "confirmed" if action == "confirm" else "corrected", "reviewed_by": user, "reviewed_at": at}


def _apply_figure(conn: Connection, row, action: str, fields: dict[str, Any], user: str, at: str) -> None:
    f, fp = s.figures, s.figure_parties
    if action == "reject":
        conn.execute(delete(fp).where(fp.c.figure_id == row.id))
        conn.execute(delete(f).where(f.c.id == row.id))
        return
    values = _marks(action, user, at)
    if action == "correct":
        for k, v in fields.items():
            values[_FIGURE_COLUMNS.get(k, k)] = "|".join(v) if k == "parties" else v
        merged = {**dict(row._mapping), **values}
        values.update(row_point_columns(merged))
        if "parties" in fields:
            conn.execute(delete(fp).where(fp.c.figure_id == row.id))
            conn.execute(insert(fp), [{"figure_id": row.id, "code": c} for c in fields["parties"]])
    conn.execute(update(f).where(f.c.id == row.id).values(**values))


def _apply_event(conn: Connection, src_row, action: str, fields: dict[str, Any], user: str, at: str) -> None:
    e, src, ep = s.events, s.event_sources, s.event_parties
    eid = src_row.event_id
    if action == "reject":
        conn.execute(delete(src).where(src.c.event_id == eid, src.c.document_id == src_row.document_id,
                                       src.c.start == src_row.start))
        left = conn.execute(select(src.c.event_id).where(src.c.event_id == eid).limit(1)).first()
        if left is None:
            for table in (ep, s.event_sectors):
                conn.execute(delete(table).where(table.c.event_id == eid))
            conn.execute(delete(e).where(e.c.id == eid))
        return
    values = _marks(action, user, at)
    if action == "correct":
        for k, v in fields.items():
            values[k] = "|".join(v) if k == "parties" else v
        if "parties" in fields:
            conn.execute(delete(ep).where(ep.c.event_id == eid))
            conn.execute(insert(ep), [{"event_id": eid, "code": c} for c in fields["parties"]])
        if "status" in fields or "date" in fields:   # what this article's report says now
            conn.execute(update(src).where(src.c.event_id == eid, src.c.document_id == src_row.document_id,
                                           src.c.start == src_row.start)
                         .values(**{k: fields[k] for k in ("status", "date") if k in fields}))
    conn.execute(update(e).where(e.c.id == eid).values(**values))


def apply(conn: Connection, kind: str, document_id: int, start: int, end: int, action: str,
          fields: dict[str, Any], user: str, at: str) -> None:
    """Apply one review to the stored fact it names; OverlayError when there is none."""
    if kind == "figure":
        row = figure_row(conn, document_id, start, end)
        if row is None:
            raise OverlayError(f"no figure at {start}-{end} of document {document_id}")
        _apply_figure(conn, row, action, fields, user, at)
    elif kind == "event":
        row = event_source(conn, document_id, start, end)
        if row is None:
            raise OverlayError(f"no event reported at {start}-{end} of document {document_id}")
        _apply_event(conn, row, action, fields, user, at)
    else:
        raise OverlayError(f"no kind of fact {kind!r}: figure or event")


def apply_document(conn: Connection, document_id: int, content_hash: str) -> int:
    """Apply every review of the article (by its content hash) to its newly stored facts; how many
    applied (a review whose fact the extractor no longer finds is kept, and applies again if it does)."""
    r = s.reviews
    done = 0
    for row in conn.execute(select(r).where(r.c.document_hash == content_hash).order_by(r.c.id)):
        try:
            apply(conn, row.kind, document_id, row.start, row.end, row.action, json.loads(row.fields),
                  row.user_name, row.at)
        except OverlayError:
            continue
        if row.document_id != document_id:
            conn.execute(update(r).where(r.c.id == row.id).values(document_id=document_id))
        done += 1
    return done + entity_overlay.apply_document(conn, document_id, content_hash)   # people, organizations, countries


def group_of(row: dict[str, Any]) -> tuple:
    """The (indicator, parties, period, kind, unit) group whose figures are compared for conflicts."""
    return (row["indicator"], row["parties"], row["period"], row["kind"], row["unit"])


def reflag(conn: Connection, groups: set[tuple]) -> None:
    """Mark again whether the figures of each group disagree (a correction or a rejection may settle a
    conflict as well as make one), and bump the data version so that cached answers are made again."""
    f = s.figures
    cols = (f.c.indicator, f.c.parties, f.c.period, f.c.kind, f.c.unit)
    for g in groups:
        cond = and_(*(c == v for c, v in zip(cols, g, strict=True)))
        lo, hi, n = conn.execute(select(func.min(f.c.value), func.max(f.c.value), func.count()).where(cond)).one()
        conflict = bool(g[2]) and n > 1 and hi - lo > FIGURE_TOLERANCE * hi
        conn.execute(update(f).where(cond).values(conflict=conflict))
    version.bump(conn)

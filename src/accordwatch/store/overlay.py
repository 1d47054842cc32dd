"""People's reviews applied to the stored facts: the overlay of the `reviews` table.

A review names a fact by its article (`document_hash`, the article's content hash, so that the same
article in a rebuilt database is found again) and the span that states it (a figure's amount, an
event report's sentence). Applying it changes the stored rows, so that every reader (queries,
profiles, charts, exports, the API) sees reviewed values with no extra work:

    confirm   the fact is marked review="confirmed", with who and when
    correct   the corrected fields replace the extracted ones; review="corrected"
    reject    the figure is deleted; the event loses that article's report (and is deleted with its
              parties and sectors when no report is left), so it leaves every list
    add       a fact the extractor missed is stored, its evidence the sentence around the span;
              review="added". An added event joins an event other articles report when the writer
              would join them (store.resolve; then it is marked confirmed unless reviewed already);
              if the extractor finds the fact at that span itself (a newer version), the added
              values correct it

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
from .resolve import FIGURE_TOLERANCE, Resolver

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


_MARK = {"confirm": "confirmed", "correct": "corrected", "add": "added"}


def _marks(action: str, user: str, at: str) -> dict[str, Any]:
    return {"review": _MARK[action], "reviewed_by": user, "reviewed_at": at}


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding text[start:end]: from after the last full stop, question or
    exclamation mark, or line break before it to the next one after it (included)."""
    lo = max((text.rfind(p, 0, start) + len(p) for p in (". ", "! ", "? ", "\n") if text.rfind(p, 0, start) != -1),
             default=0)
    stops = [i + 1 for i in (text.find(p, max(end - 1, start)) for p in (". ", "! ", "? ", ".\n")) if i != -1]
    stops += [i for i in (text.find("\n", end),) if i != -1]
    hi = min(stops, default=len(text))
    while lo < start and text[lo].isspace():
        lo += 1
    return lo, max(hi, end)


def _add_figure(conn: Connection, document_id: int, text: str, start: int, end: int, fields: dict[str, Any],
                user: str, at: str) -> None:
    lo, hi = sentence_around(text, start, end)
    row = {"document_id": document_id, "indicator": fields["indicator"], "value": float(fields["value"]),
           "unit": fields["unit"], "period": fields.get("period"), "parties": "|".join(fields["parties"]),
           "from_code": fields.get("from"), "to_code": fields.get("to"), "change_pct": fields.get("change_pct"),
           "kind": fields.get("kind") or "actual", "approximate": False, "start": start, "end": end,
           "evidence": text[lo:hi], "conflict": False, **_marks("add", user, at)}
    row.update(row_point_columns(row))
    fid = conn.execute(insert(s.figures).values(**row)).inserted_primary_key[0]
    conn.execute(insert(s.figure_parties), [{"figure_id": fid, "code": c} for c in fields["parties"]])


def _add_event(conn: Connection, document_id: int, text: str, published: str | None, start: int, end: int,
               fields: dict[str, Any], user: str, at: str) -> None:
    ev = {"type": fields["type"], "status": fields["status"], "parties": sorted(fields["parties"]),
          "date": fields.get("date"), "name": fields.get("name"), "location": fields.get("location"),
          "instrument": None, "organizations": []}
    resolver = Resolver(conn)
    # an added event is one the article's extracted events are not: it may join an event that other
    # articles report, never one this article already does (as the writer keeps an article's events apart)
    src = s.event_sources
    reported = {i for (i,) in conn.execute(select(src.c.event_id).where(src.c.document_id == document_id))}
    resolver.taken_by(document_id, reported)
    eid, new = resolver.event(ev, document_id, published)
    e = s.events
    if new:
        conn.execute(insert(s.event_parties), [{"event_id": eid, "code": c} for c in ev["parties"]])
        conn.execute(update(e).where(e.c.id == eid).values(**_marks("add", user, at)))
    else:   # an event other articles report: the reviewer vouches for it (a review of its own stays)
        conn.execute(update(e).where(e.c.id == eid, e.c.review.is_(None)).values(**_marks("confirm", user, at)))
    lo, hi = sentence_around(text, start, end)
    conn.execute(insert(s.event_sources).values(event_id=eid, document_id=document_id, start=start, end=end,
                                                evidence=text[lo:hi], status=ev["status"], date=ev["date"]))


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
    """Apply one review to the stored fact it names; OverlayError when there is none (or, adding, when
    its article is not stored)."""
    if action == "add":
        _add(conn, kind, document_id, start, end, fields, user, at)
    elif kind == "figure":
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


def _add(conn: Connection, kind: str, document_id: int, start: int, end: int, fields: dict[str, Any],
         user: str, at: str) -> None:
    d = s.documents
    doc = conn.execute(select(d.c.text, d.c.published).where(d.c.id == document_id)).first()
    if doc is None:
        raise OverlayError(f"no document {document_id}")
    if kind == "figure":
        f = s.figures
        row = conn.execute(select(f).where(f.c.document_id == document_id, f.c.start == start)).first()
        if row is not None:   # stored already (the extractor finds it now): the reviewer's values stand
            _apply_figure(conn, row, "correct", fields, user, at)
            conn.execute(update(f).where(f.c.id == row.id).values(**_marks("add", user, at)))
        else:
            _add_figure(conn, document_id, doc.text, start, end, fields, user, at)
    elif kind == "event":
        src_row = event_source(conn, document_id, start, end)
        if src_row is not None:
            _apply_event(conn, src_row, "correct", fields, user, at)
            conn.execute(update(s.events).where(s.events.c.id == src_row.event_id).values(**_marks("add", user, at)))
        else:
            _add_event(conn, document_id, doc.text, doc.published, start, end, fields, user, at)
    else:
        raise OverlayError(f"no kind of fact {kind!r}: figure or event")


def apply_document(conn: Connection, document_id: int, content_hash: str) -> int:
    """Apply every review of the article (by its content hash) to its newly stored facts; how many
    applied (a review whose fact the extractor no longer finds is kept, and applies again if it does)."""
    r = s.reviews
    done = 0
    added: set[tuple] = set()
    for row in conn.execute(select(r).where(r.c.document_hash == content_hash, r.c.kind.in_(("figure", "event")))
                            .order_by(r.c.id)).all():
        fields = json.loads(row.fields)
        try:
            apply(conn, row.kind, document_id, row.start, row.end, row.action, fields, row.user_name, row.at)
        except OverlayError:
            continue
        if row.action == "add" and row.kind == "figure":
            added.add(group_of({**fields, "parties": "|".join(fields["parties"])}))
        if row.document_id != document_id:
            conn.execute(update(r).where(r.c.id == row.id).values(document_id=document_id))
        done += 1
    if added:   # the writer flags the groups of the figures it wrote; an added figure's group too
        reflag(conn, added)
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

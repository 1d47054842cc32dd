"""Confirming, correcting, rejecting and adding facts: a review row (the overlay of store.overlay, keyed
by the article's content hash and the fact's span, so that it outlives a re-extraction), the change
applied to the stored fact, and an audit entry with the fact before and after, in one transaction.

Adding is how a reviewer gives a fact the extractor missed: the span is the text they selected (a
figure's amount; for an event, the words that report it), and the fields are the fact's values, those
of ADD_REQUIRED at least. The added fact is stored like an extracted one (its evidence the sentence
around the span) and marked review="added"; it is added again when the article is stored again.

Fields a correction may set: for a figure indicator, value, unit, period, parties, from, to,
change_pct, kind; for an event type, name, status, date, parties, location. Values are checked as the
API checks filters (choices, dates, codes); markup is kept as text (every face escapes it).
"""
from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from .. import clock
from ..errors import InputError
from ..query.common import EVENT_TYPES, INDICATORS, KINDS, STATUSES, check_date, resolve_code
from ..store import overlay
from ..store import schema as s
from ..store.engine import lock_writers
from . import audit

ACTIONS = ("confirm", "correct", "reject", "add")
EDITORS = ("editor", "admin")
# what an added fact must say, and what it says when the reviewer leaves a field out
ADD_REQUIRED = {"figure": ("indicator", "value", "unit", "parties"), "event": ("type", "status", "parties")}
ADD_DEFAULTS = {"figure": {"period": None, "from": None, "to": None, "change_pct": None, "kind": "actual"},
                "event": {"name": None, "date": None, "location": None}}
MAX_ADDED_SPAN = 1000   # characters a reviewer may select for one added fact
# a year (1000-2999), a month of it, or a span of them; ASCII digits only, and nothing after (fullmatch)
_YM = r"[12][0-9]{3}(?:-(?:0[1-9]|1[0-2]))?"
_PERIOD = re.compile(rf"{_YM}(?:/{_YM})?")
_UNIT = re.compile(r"[A-Za-z_]{1,20}")


class ReviewError(InputError):
    code = "AW403"


class Forbidden(ReviewError):
    code = "AW404"


class NoSuchFact(ReviewError):
    """No article, or no fact at that span of it."""

    code = "AW405"


class FactExists(ReviewError):
    """A fact of that kind is stored at the span someone adds one at."""

    code = "AW406"


def check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    """`value` if it is one of `choices`, else a ReviewError saying which (review.entities checks with it too)."""
    if value not in choices:
        raise ReviewError(f"{name} {value!r}: one of {', '.join(choices)}")
    return value


def check_text(name: str, value: Any, limit: int = 500) -> str | None:
    """Text of at most `limit` characters (None for none, or for only spaces), kept as written: markup stays
    text, since every face escapes it."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise ReviewError(f"{name}: text of at most {limit} characters")
    return value.strip() or None


def _parties(engine: Engine, value: Any) -> list[str]:
    if not isinstance(value, list) or not value or len(value) > 10:
        raise ReviewError("parties: a list of 1 to 10 country or bloc codes")
    return sorted({resolve_code(str(v), engine) for v in value})


def _number(name: str, value: Any, allow_none: bool = False) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value or abs(value) > 1e18:
        raise ReviewError(f"{name}: a number")
    return float(value)


def check_known(kind: str, fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    """A correction names at least one field, and only fields a `kind` has (review.entities checks with it too)."""
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ReviewError(f"a {kind} has no field {', '.join(unknown)} to correct: {', '.join(allowed)}")
    if not fields:
        raise ReviewError("a correction needs at least one field")


def check_fields(engine: Engine, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    check_known(kind, fields, overlay.FIGURE_FIELDS if kind == "figure" else overlay.EVENT_FIELDS)
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if k == "indicator":
            out[k] = check_choice(k, v, INDICATORS)
        elif k == "kind":
            out[k] = check_choice(k, v, KINDS)
        elif k == "type":
            out[k] = check_choice(k, v, EVENT_TYPES)
        elif k == "status":
            out[k] = check_choice(k, v, STATUSES)
        elif k == "value":
            out[k] = _number(k, v)
        elif k == "change_pct":
            out[k] = _number(k, v, allow_none=True)
        elif k == "unit":
            if not isinstance(v, str) or not _UNIT.fullmatch(v):
                raise ReviewError(f"unit {v!r}: a currency code or unit word (USD, tonnes)")
            out[k] = v
        elif k == "period":
            if v is not None and (not isinstance(v, str) or not _PERIOD.fullmatch(v)):
                raise ReviewError(f"period {v!r}: YYYY, YYYY-MM or a span of them (2024-01/2024-06)")
            out[k] = v
        elif k == "date":
            out[k] = check_date("date", v) if v is not None else None
        elif k == "parties":
            out[k] = _parties(engine, v)
        elif k in ("from", "to"):
            out[k] = resolve_code(str(v), engine) if v is not None else None
        else:   # name, location
            out[k] = check_text(k, v)
    return out


def check_addition(engine: Engine, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of an added fact, checked, with ADD_DEFAULTS for those left out."""
    missing = [k for k in ADD_REQUIRED[kind] if fields.get(k) is None]
    if missing:
        raise ReviewError(f"an added {kind} needs {', '.join(missing)} (it must say {', '.join(ADD_REQUIRED[kind])})")
    return {**ADD_DEFAULTS[kind], **check_fields(engine, kind, fields)}


def _check_span(conn: Connection, kind: str, document_id: int, text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text) or end - start > MAX_ADDED_SPAN or not text[start:end].strip():
        raise NoSuchFact(f"no text at {start}-{end} of article {document_id} to add a fact at: select 1 to "
                         f"{MAX_ADDED_SPAN} characters of its {len(text)}")
    if kind == "figure":
        f = s.figures
        have = conn.execute(select(f.c.start, f.c.end)
                            .where(f.c.document_id == document_id, f.c.start == start)).first()
        if have is not None:
            raise FactExists(f"a figure is stored at {have.start}-{have.end} of article {document_id}: review it")
    elif overlay.event_source(conn, document_id, start, end) is not None:
        raise FactExists(f"an event is reported at {start}-{end} of article {document_id}: review it")


def _fact(conn: Connection, kind: str, document_id: int, start: int, end: int) -> dict[str, Any]:
    if kind == "figure":
        row = overlay.figure_row(conn, document_id, start, end)
        if row is None:
            raise NoSuchFact(f"no figure at {start}-{end} of article {document_id}")
        return {k: v for k, v in dict(row._mapping).items() if k not in ("point_key", "period_start", "period_end")}
    src = overlay.event_source(conn, document_id, start, end)
    if src is None:
        raise NoSuchFact(f"no event reported at {start}-{end} of article {document_id}")
    ev = conn.execute(select(s.events).where(s.events.c.id == src.event_id)).one()
    return {**dict(ev._mapping), "report": {"status": src.status, "date": src.date, "evidence": src.evidence}}


def review(engine: Engine, user: dict[str, Any], kind: str, document_id: int, start: int, end: int, action: str,
           fields: dict[str, Any] | None = None) -> dict[str, Any]:
    """Review one fact as `user` (an editor or admin); the fact as it is now stored (None when rejected).
    A fact someone added stays added when it is confirmed or corrected: its review keeps every field."""
    if user.get("role") not in EDITORS:
        raise Forbidden(f"{user.get('name')!r} is a {user.get('role')}: reviewing needs an editor or admin")
    check_choice("kind", kind, ("figure", "event"))
    check_choice("action", action, ACTIONS)
    if action == "add":
        fields = check_addition(engine, kind, fields or {})
    else:
        fields = check_fields(engine, kind, fields or {}) if action == "correct" else {}
    at = clock.stamp(clock.now())
    r = s.reviews
    with engine.begin() as conn:
        lock_writers(conn)   # it may add rows: after the ingest writer's batch, not within it
        doc = conn.execute(select(s.documents.c.content_hash, s.documents.c.text)
                           .where(s.documents.c.id == document_id)).first()
        if doc is None:
            raise NoSuchFact(f"no article {document_id}")
        if action == "add":
            _check_span(conn, kind, document_id, doc.text, start, end)
            before = None
        else:
            before = _fact(conn, kind, document_id, start, end)
        key = (r.c.kind == kind, r.c.document_hash == doc.content_hash, r.c.start == start, r.c.end == end)
        earlier = conn.execute(select(r.c.action, r.c.fields).where(*key)).first()
        kept_action, kept_fields = action, fields
        if earlier is not None and earlier.action == "add" and action in ("confirm", "correct"):
            kept_action, kept_fields = "add", {**json.loads(earlier.fields), **fields}
        values = {"action": kept_action, "fields": json.dumps(kept_fields, sort_keys=True), "user_id": user.get("id"),
                  "user_name": user["name"], "at": at, "document_id": document_id}
        if earlier is None:
            conn.execute(insert(r).values(kind=kind, document_hash=doc.content_hash, start=start, end=end, **values))
        else:
            conn.execute(update(r).where(*key).values(**values))
        overlay.apply(conn, kind, document_id, start, end, action, fields, user["name"], at)
        after = None if action == "reject" else _fact(conn, kind, document_id, start, end)
        groups = {overlay.group_of(x) for x in (before, after) if x is not None} if kind == "figure" else set()
        overlay.reflag(conn, groups)
        target = f"{kind} {(before or after)['id']} (article {document_id}, {start}-{end})"
        audit.record(conn, user["name"], f"review.{action}", target, before, after)
    return after


def review_figure(engine: Engine, user: dict[str, Any], figure_id: int, action: str,
                  fields: dict[str, Any] | None = None) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(s.figures.c.document_id, s.figures.c.start, s.figures.c.end)
                           .where(s.figures.c.id == figure_id)).first()
    if row is None:
        raise NoSuchFact(f"no figure {figure_id}")
    return review(engine, user, "figure", row.document_id, row.start, row.end, action, fields)


def review_event(engine: Engine, user: dict[str, Any], event_id: int, document_id: int | None, action: str,
                 fields: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Review an event as an article reports it (its first report in that article; the first article
    that reports it when `document_id` is None)."""
    src = s.event_sources
    stmt = select(src.c.document_id, src.c.start, src.c.end).where(src.c.event_id == event_id)
    if document_id is not None:
        stmt = stmt.where(src.c.document_id == document_id)
    with engine.connect() as conn:
        row = conn.execute(stmt.order_by(src.c.document_id, src.c.start).limit(1)).first()
    if row is None:
        raise NoSuchFact(f"no event {event_id}" + (f" in article {document_id}" if document_id else ""))
    return review(engine, user, "event", row.document_id, row.start, row.end, action, fields)

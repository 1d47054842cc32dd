"""Rows into plain dicts: events with their sources, figures merged into points with theirs.

Shared by profile.py and timeline.py. Every function takes an open Connection and conditions
(SQLAlchemy expressions), never text, so user input reaches the database only as parameters.

event_page and point_page answer one page of a long list: the database counts, orders and pages
(points by their key, see store/points.py), and only the rows of the page are read with their sources.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from ..store import schema as s
from ..store.points import block_of, block_range, partial_year
from .common import live_document, live_event, live_figure, live_reported_event, period_key
from .usd import in_usd

_CHUNK = 500   # ids per IN (...) list


def _split(cell: str | None) -> list[str]:
    return [x for x in (cell or "").split("|") if x]


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _document(row) -> dict[str, Any]:
    return {"document_id": row.document_id, "title": row.title, "outlet": row.outlet, "published": row.published,
            "language": row.language}


def _add_source(sources: list[dict[str, Any]], row, quote: dict[str, Any]) -> None:
    """One source per article: a statement (`quote`) of an article already among `sources` is added to its
    "quotes"; the first statement of an article is also its source's own fields (evidence, start, end, ...)."""
    for source in reversed(sources):        # rows come by article: its source is most likely the last
        if source["document_id"] == row.document_id:
            source["quotes"].append(quote)
            return
    sources.append({**_document(row), **quote, "quotes": [quote]})


# 1. events -------------------------------------------------------------------------------------

def event_dicts(conn: Connection, conditions: Sequence = (), limit: int | None = None) -> list[dict[str, Any]]:
    """Events matching every condition (and reported by at least one article that is no near-duplicate),
    newest date first (undated last), each with its sectors and sources:

    {"id", "type", "name", "instrument", "status", "parties": [...], "date", "location", "organizations": [...],
     "sectors": [...], "review", "reviewed_by", "reviewed_at", "sources_count", "sources": [{"document_id", "title",
     "outlet", "published", "language", "evidence", "status", "date", "start", "end", "quotes": [{"evidence",
     "status", "date", "start", "end"}]}]}

    `name` is what the first article that names the event calls it (None when none does); `sources` has
    one item per article that reports the event (oldest first), and `sources_count` is their number;
    `quotes` are that article's statements of it (most articles make one), the first of which also
    gives the source its evidence, status, date, start and end. `status` is the most advanced status
    any of them gave. `review` is "confirmed" or "corrected" when a person reviewed the event (who:
    `reviewed_by`, when: `reviewed_at`), else None."""
    e = s.events
    stmt = (select(e).where(live_event(), *conditions)
            .order_by(e.c.date.is_(None), e.c.date.desc(), e.c.id.desc()))
    if limit is not None:
        stmt = stmt.limit(limit)
    return _with_sources(conn, {row.id: _event(row) for row in conn.execute(stmt)})


def _event(row) -> dict[str, Any]:
    return {"id": row.id, "type": row.type, "name": row.name, "instrument": row.instrument, "status": row.status,
            "parties": _split(row.parties), "date": row.date, "location": row.location,
            "organizations": _split(row.organizations), "sectors": [], "review": row.review,
            "reviewed_by": row.reviewed_by, "reviewed_at": row.reviewed_at, "sources_count": 0, "sources": []}


def _with_sources(conn: Connection, out: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The events of `out` (id -> event, in order) with their sectors and live sources filled in."""
    ids = list(out)
    for chunk in _chunks(ids):
        for row in conn.execute(select(s.event_sectors).where(s.event_sectors.c.event_id.in_(chunk))
                                .order_by(s.event_sectors.c.sector)):
            out[row.event_id]["sectors"].append(row.sector)
        src, d = s.event_sources, s.documents
        stmt = (select(src.c.event_id, src.c.document_id, src.c.evidence, src.c.status, src.c.date, src.c.start,
                       src.c.end, d.c.title, d.c.outlet, d.c.published, d.c.language)
                .join(d, d.c.id == src.c.document_id)
                .where(src.c.event_id.in_(chunk), live_document())
                .order_by(d.c.published.is_(None), d.c.published, src.c.document_id, src.c.start))
        for row in conn.execute(stmt):
            _add_source(out[row.event_id]["sources"], row, {"evidence": row.evidence, "status": row.status,
                                                            "date": row.date, "start": row.start, "end": row.end})
    for ev in out.values():
        ev["sources_count"] = len(ev["sources"])
    return list(out.values())


def events_by_id(conn: Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The events `ids` as event_dicts gives them, in the order of `ids`."""
    e = s.events
    rows = {}
    for chunk in _chunks(list(ids)):
        rows.update((row.id, row) for row in conn.execute(select(e).where(e.c.id.in_(chunk))))
    return _with_sources(conn, {i: _event(rows[i]) for i in ids if i in rows})


def event_page(conn: Connection, conditions: Sequence = (), offset: int = 0,
               limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """(events, total): the events event_dicts(conn, conditions) would list at positions offset to
    offset + limit, and how many it would list. The database counts and pages: dated events by their
    date index, newest first, then the undated ones, newest id first; sources are read for the page only."""
    e = s.events
    where = (live_reported_event(), *conditions)
    total, dated = conn.execute(select(func.count(), func.count(e.c.date)).where(*where)).one()
    if offset >= total or limit < 1:
        return [], total
    ids: list[int] = []
    if offset < dated:
        ids += conn.execute(select(e.c.id).where(*where, e.c.date.is_not(None))
                            .order_by(e.c.date.desc(), e.c.id.desc())
                            .offset(offset).limit(min(limit, dated - offset))).scalars().all()
    first, stop = max(offset, dated) - dated, offset + limit - dated   # among the undated events
    if stop > first:
        ids += conn.execute(select(e.c.id).where(*where, e.c.date.is_(None)).order_by(e.c.id.desc())
                            .offset(first).limit(stop - first)).scalars().all()
    return events_by_id(conn, ids), total


# 2. figures ------------------------------------------------------------------------------------

def _points(rows, key) -> dict[Any, dict[str, Any]]:
    """Figure rows (with their article's title, outlet, published), in the order of their articles,
    merged into points by `key(row)`; each point also holds "_key" and "_first": where its first
    figure is in that order (see _public)."""
    points: dict[Any, dict[str, Any]] = {}
    for row in rows:
        k = key(row)
        p = points.get(k)
        if p is None:
            p = points[k] = {"indicator": row.indicator, "parties": _split(row.parties), "from": row.from_code,
                             "to": row.to_code, "period": row.period, "value": float(row.value),
                             "unit": row.unit, "kind": row.kind, "change_pct": None, "approximate": True,
                             "conflict": False, "review": None, "reviewed_by": None, "reviewed_at": None,
                             "figure_ids": [], "sources_count": 0, "sources": [],
                             "_key": k, "_first": (row.published is None, row.published or "", row.id)}
        if p["change_pct"] is None and row.change_pct is not None:
            p["change_pct"] = float(row.change_pct)
        p["approximate"] = p["approximate"] and bool(row.approximate)
        p["conflict"] = p["conflict"] or bool(row.conflict)
        p["figure_ids"].append(row.id)
        if row.review and (p["reviewed_at"] is None or row.reviewed_at > p["reviewed_at"]):
            p.update(review=row.review, reviewed_by=row.reviewed_by, reviewed_at=row.reviewed_at)
        _add_source(p["sources"], row, {"figure_id": row.id, "evidence": row.evidence, "start": row.start,
                                        "end": row.end, "review": row.review, "reviewed_by": row.reviewed_by,
                                        "reviewed_at": row.reviewed_at})
    for p in points.values():
        p["sources_count"] = len(p["sources"])
    return points


def _figure_rows(conn: Connection, conditions: Sequence):
    f, d = s.figures, s.documents
    return conn.execute(select(f, d.c.title, d.c.outlet, d.c.published, d.c.language)
                        .join(d, d.c.id == f.c.document_id)
                        .where(live_document(), *conditions)
                        .order_by(d.c.published.is_(None), d.c.published, f.c.id))


def _public(points: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The points without the fields _points keeps for ordering them, with a money point's value in
    US dollars at the rate of its period (usd.in_usd: "value_usd", "usd_rate", "usd_note") and whether
    its period is part of a year ("partial_year": True for "2024-01/2024-09", None without a period)."""
    points = list(points)
    for p in points:
        p.pop("_key", None)
        p.pop("_first", None)
        published = p["sources"][0].get("published") if p.get("sources") else None
        p.update(in_usd(p["value"], p["unit"], p["period"], published))
        p["partial_year"] = partial_year(p["period"])
    return points


def figure_points(conn: Connection, conditions: Sequence = ()) -> list[dict[str, Any]]:
    """Figures matching every condition, from articles that are no near-duplicates, merged into points:
    the same indicator, parties, direction, unit, period, kind and value reported by several articles
    is one point with several sources. Sorted by indicator, parties, then period in time.

    {"indicator", "parties": [...], "from", "to", "period", "value", "unit", "kind", "change_pct",
     "approximate", "conflict", "review", "reviewed_by", "reviewed_at", "figure_ids": [...], "sources_count",
     "sources": [{"document_id", "title", "outlet", "published", "language", "figure_id", "evidence", "start",
                  "end", "review", "reviewed_by", "reviewed_at", "quotes": [{"figure_id", "evidence", "start",
                  "end", "review", "reviewed_by", "reviewed_at"}]}]}

    `sources` has one item per article (oldest first) and `sources_count` is their number; `quotes` are
    the article's figures of the point (one, but for an article that states it twice), the first of
    which also gives the source its figure_id, evidence, start and end. `figure_ids` holds every figure.

    `conflict` is true when another article reports a different value for the same indicator,
    parties and period (the store marks it); `change_pct` is the first growth rate a source gave.
    `review` ("confirmed", "corrected" or None), `reviewed_by` and `reviewed_at` are each figure's (a
    quote's) as a person reviewed it; the point's are those of its latest reviewed figure."""
    points = _points(_figure_rows(conn, conditions),
                     lambda row: (row.indicator, row.parties, row.from_code, row.to_code, row.unit, row.period,
                                  row.kind, round(float(row.value), 6)))
    return _public(sorted(points.values(), key=lambda p: (p["indicator"], "|".join(p["parties"]),
                                                          period_key(p["period"]), p["kind"], p["from"] or "",
                                                          p["value"])))


def point_order(p: dict[str, Any]) -> tuple:
    """How points are listed in time: by period (common.period_key), then indicator, parties, kind
    (actual before target), from and value."""
    return (period_key(p["period"]), p["indicator"], "|".join(p["parties"]), p["kind"], p["from"] or "", p["value"])


def time_order(p: dict[str, Any]) -> tuple:
    """point_order, then (for points tied in it) the first article that reports the point: the order
    every list of points has always had."""
    return (*point_order(p), p["_first"])


def _keyed_points(conn: Connection, keys: Sequence[str], conditions: Sequence = ()) -> list[dict[str, Any]]:
    f = s.figures
    points: list[dict[str, Any]] = []
    for chunk in _chunks(list(keys)):
        points += _points(_figure_rows(conn, [f.c.point_key.in_(chunk), *conditions]),
                          lambda row: row.point_key).values()
    return points


def points_by_key(conn: Connection, keys: Sequence[str], conditions: Sequence = (),
                  keep_key: bool = False) -> list[dict[str, Any]]:
    """The points whose figures have these point keys (figures matching the conditions, from articles
    that are no near-duplicates), as figure_points gives them, in time order (time_order); with
    `keep_key`, each also holds its key as "_key" (for the caller to drop)."""
    points = sorted(_keyed_points(conn, keys, conditions), key=time_order)
    if keep_key:
        for p in points:
            p.pop("_first")
        return points
    return _public(points)


def point_summaries(conn: Connection, keys: Sequence[str], conditions: Sequence = ()) -> list[dict[str, Any]]:
    """The points of these keys as points_by_key gives them but lighter, unordered: no figure ids, and
    sources as {"document_id", "published"} only (what rows.latest reads); "_key" and "_first" kept."""
    f, d = s.figures, s.documents
    points: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(list(keys)):
        stmt = (select(f.c.point_key, f.c.id, f.c.document_id, f.c.indicator, f.c.parties, f.c.from_code,
                       f.c.to_code, f.c.period, f.c.value, f.c.unit, f.c.kind, f.c.change_pct, d.c.published)
                .join(d, d.c.id == f.c.document_id)
                .where(live_document(), f.c.point_key.in_(chunk), *conditions)
                .order_by(d.c.published.is_(None), d.c.published, f.c.id))
        for row in conn.execute(stmt):
            p = points.get(row.point_key)
            if p is None:
                p = points[row.point_key] = {
                    "indicator": row.indicator, "parties": _split(row.parties), "from": row.from_code,
                    "to": row.to_code, "period": row.period, "value": float(row.value), "unit": row.unit,
                    "kind": row.kind, "change_pct": None, "sources_count": 0, "sources": [],
                    "_key": row.point_key, "_first": (row.published is None, row.published or "", row.id)}
            if p["change_pct"] is None and row.change_pct is not None:
                p["change_pct"] = float(row.change_pct)
            if all(x["document_id"] != row.document_id for x in p["sources"]):
                p["sources"].append({"document_id": row.document_id, "published": row.published})
    for p in points.values():
        p["sources_count"] = len(p["sources"])
    return list(points.values())


def _point_keys(conn: Connection, conditions: Sequence, offset: int = 0, limit: int | None = None,
                desc: bool = False, block: str | None = None) -> list[str]:
    """The point keys of the figures matching the conditions (no near-duplicates), in key order
    (descending with `desc`), from `offset`, at most `limit`; with `block`, only that block's keys."""
    f = s.figures
    stmt = select(f.c.point_key).where(live_figure(), *conditions)
    if block is not None:
        low, high = block_range(block)
        stmt = stmt.where(f.c.point_key >= low, f.c.point_key < high)
    stmt = stmt.group_by(f.c.point_key).order_by(f.c.point_key.desc() if desc else f.c.point_key)
    if offset:
        stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(conn.execute(stmt).scalars())


def point_count(conn: Connection, conditions: Sequence = ()) -> int:
    """How many points the figures matching the conditions (no near-duplicates) make."""
    f = s.figures
    # the count of the grouped keys, not count(DISTINCT ...): SQLite then reads the point index in
    # key order (no sort), and prefers it to another index that would need the table's rows
    keys = select(f.c.point_key).where(live_figure(), *conditions).group_by(f.c.point_key).subquery()
    return conn.execute(select(func.count()).select_from(keys)).scalar_one()


def point_page(conn: Connection, conditions: Sequence = (), offset: int = 0,
               limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """(points, total): the points of the figures matching the conditions at positions offset to
    offset + limit of the time order (time_order), and how many there are.

    The database counts the points and finds the page's keys (their order is the time order but for
    points tied in it: a block, see store/points.py); a block cut by either edge of the page is read whole,
    so that its points are ordered here as they always were. Only the page's figures are read."""
    total = point_count(conn, conditions)
    if offset >= total or limit < 1:
        return [], total
    before = 1 if offset else 0
    keys = _point_keys(conn, conditions, offset - before, before + limit + 1)
    page = keys[before:before + limit]
    need, start = list(page), offset          # keys of whole blocks, in key order, from position `start`
    if before and block_of(keys[0]) == block_of(page[0]):
        members = _point_keys(conn, conditions, block=block_of(page[0]))
        start, known = offset - members.index(page[0]), set(members)
        need = members + [k for k in page if k not in known]
    if len(keys) > before + limit and block_of(keys[-1]) == block_of(page[-1]):
        have = set(need)
        need += [k for k in _point_keys(conn, conditions, block=block_of(page[-1])) if k not in have]
    return points_by_key(conn, need, conditions)[offset - start:offset - start + limit], total


def last_point_keys(conn: Connection, conditions: Sequence = (), limit: int = 500) -> list[str]:
    """The keys of the last `limit` points of the time order (time_order) of the figures matching the
    conditions, in key order: read from the end of the key order; when a block is cut by the edge,
    its points are ordered here to tell which are in."""
    keys = _point_keys(conn, conditions, 0, limit + 1, desc=True)
    inside = keys[:limit][::-1]
    if len(keys) <= limit or block_of(keys[limit]) != block_of(inside[0]):
        return inside
    members = _point_keys(conn, conditions, block=block_of(inside[0]))
    cut = len(members) - sum(1 for k in inside if block_of(k) == block_of(inside[0]))   # members left out
    ordered = [p["_key"] for p in sorted(_keyed_points(conn, members, conditions), key=time_order)]
    kept = set(ordered[cut:])
    return [k for k in members if k in kept] + inside[len(members) - cut:]


def last_points(conn: Connection, conditions: Sequence = (), limit: int = 500) -> list[dict[str, Any]]:
    """The last `limit` points of the time order (time_order) of the figures matching the conditions:
    what sorting every point and keeping the last ones gives, reading only those."""
    return points_by_key(conn, last_point_keys(conn, conditions, limit), conditions)


def latest(points: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The point for the latest period (then the most recently published source); a point without a
    period only when no point has one."""
    def key(p):
        newest = max((x["published"] or "" for x in p["sources"]), default="")
        return (p["period"] is not None, period_key(p["period"]), newest, p["sources_count"])
    return max(points, key=key, default=None)

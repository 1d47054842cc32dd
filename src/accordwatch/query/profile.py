"""Everything known about one pair: figures over time, agreements, bodies, meetings, projects, people,
companies and sectors, each traced to the articles that report it."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Engine, func, select, union

from ..store import schema as s
from .common import INDICATORS, code_name, event_has_party, figure_has_party, live_document, live_event, resolve_pair
from .rows import event_dicts, figure_points

# organization kinds that count as companies in a profile (data/organizations.tsv and extract/organizations.py)
COMPANY_KINDS = ("company", "bank", "fund")
_SECTIONS = {"agreement": "agreements", "working_group": "working_groups", "meeting": "meetings",
             "project": "projects"}


def _indicator_order(indicator: str) -> tuple[int, str]:
    """Trade turnover first, then the fixed order of SCHEMA.md (exports, imports, investment, ...)."""
    return (INDICATORS.index(indicator) if indicator in INDICATORS else len(INDICATORS), indicator)


def pair_documents(a: str, b: str):
    """A select of the ids of the pair's articles (no near-duplicates): those that report an event or a
    figure with both as parties, or that name both countries."""
    d, src, f, dc = s.documents, s.event_sources, s.figures, s.document_countries
    dc2 = dc.alias("dc2")
    return union(
        select(src.c.document_id.label("id")).join(s.events, s.events.c.id == src.c.event_id)
        .join(d, d.c.id == src.c.document_id).where(event_has_party(a), event_has_party(b), live_document()),
        select(f.c.document_id.label("id")).join(d, d.c.id == f.c.document_id)
        .where(figure_has_party(a), figure_has_party(b), live_document()),
        select(dc.c.document_id.label("id")).join(dc2, dc2.c.document_id == dc.c.document_id)
        .join(d, d.c.id == dc.c.document_id).where(dc.c.code == a, dc2.c.code == b, live_document()),
    )


def _pair_ids(conn: Connection, parties, key, a: str, b: str) -> list[int]:
    """Ids of the events (or figures) with both a and b among their parties, from the indexed
    party table: far cheaper than testing every event for both parties."""
    p2 = parties.alias()
    return [r[0] for r in conn.execute(select(parties.c[key]).join(p2, p2.c[key] == parties.c[key])
                                       .where(parties.c.code == a, p2.c.code == b))]


def _pair_document_ids(conn: Connection, event_ids: list[int], figure_ids: list[int], a: str, b: str) -> list[int]:
    """The pair's articles (no near-duplicates): those that report one of its events or figures,
    or that name both countries."""
    d, src, f, dc = s.documents, s.event_sources, s.figures, s.document_countries
    dc2 = dc.alias("dc2")
    ids = {r[0] for r in conn.execute(select(src.c.document_id).where(src.c.event_id.in_(event_ids)))}
    ids |= {r[0] for r in conn.execute(select(f.c.document_id).where(f.c.id.in_(figure_ids)))}
    ids |= {r[0] for r in conn.execute(select(dc.c.document_id).join(dc2, dc2.c.document_id == dc.c.document_id)
                                       .where(dc.c.code == a, dc2.c.code == b))}
    return sorted(r[0] for r in conn.execute(select(d.c.id).where(d.c.id.in_(ids), live_document())))


def _named(conn: Connection, doc_ids: list[int], conditions) -> list[dict[str, Any]]:
    """Entities matching `conditions` named in the articles `doc_ids`, most articles first."""
    ent, m = s.entities, s.mentions
    stmt = (select(ent.c.id, ent.c.name, ent.c.title, ent.c.country, ent.c.org_kind,
                   func.count(func.distinct(m.c.document_id)).label("documents"), func.count().label("mentions"))
            .join(m, m.c.entity_id == ent.c.id)
            .where(m.c.document_id.in_(doc_ids), *conditions)
            .group_by(ent.c.id, ent.c.name, ent.c.title, ent.c.country, ent.c.org_kind)
            .order_by(func.count(func.distinct(m.c.document_id)).desc(), func.count().desc(), ent.c.name))
    return [dict(row._mapping) for row in conn.execute(stmt)]


def profile(engine: Engine, a: str, b: str) -> dict[str, Any]:
    """The profile of the pair (a, b): two codes or names, in any order.

    {"pair": ["KAZ", "ROU"], "names": {"KAZ": "Kazakhstan", "ROU": "Romania"}, "documents": 6,
     "figures": {"trade_turnover": [point, ...], ...},   # points as rows.figure_points, by period;
                                                         # indicators in the order of common.INDICATORS
     "agreements": [event, ...], "working_groups": [...], "meetings": [...], "projects": [...],
                                                         # events as rows.event_dicts, newest first
     "people": [{"id", "name", "title", "country", "documents", "mentions"}, ...],
     "companies": [{"id", "name", "country", "kind", "documents", "mentions"}, ...],
     "sectors": [{"sector": "energy", "events": 3, "documents": 4}, ...]}

    Figures and events are those with both countries among their parties; people and companies are
    those of the two countries named in the pair's articles; sectors count the pair's events and
    articles. Near-duplicate articles are left out everywhere. Unknown codes raise UnknownCode."""
    a, b = resolve_pair((a, b), engine)
    with engine.connect() as conn:
        event_ids = _pair_ids(conn, s.event_parties, "event_id", a, b)
        figure_ids = _pair_ids(conn, s.figure_parties, "figure_id", a, b)
        doc_ids = _pair_document_ids(conn, event_ids, figure_ids, a, b)
        by_indicator: dict[str, list[dict]] = defaultdict(list)
        for point in figure_points(conn, [s.figures.c.id.in_(figure_ids)]):
            by_indicator[point["indicator"]].append(point)
        events = event_dicts(conn, [s.events.c.id.in_(event_ids)])
        people = _named(conn, doc_ids, [s.entities.c.kind == "person", s.entities.c.country.in_((a, b))])
        companies = _named(conn, doc_ids, [s.entities.c.kind == "organization",
                                           s.entities.c.org_kind.in_(COMPANY_KINDS), s.entities.c.country.in_((a, b))])
        sectors: dict[str, dict[str, Any]] = {}
        es = s.event_sectors
        live = select(s.events.c.id).where(s.events.c.id.in_(event_ids), live_event())
        for sector, n in conn.execute(select(es.c.sector, func.count()).where(es.c.event_id.in_(live))
                                      .group_by(es.c.sector)):
            sectors.setdefault(sector, {"sector": sector, "events": 0, "documents": 0})["events"] = n
        ds = s.document_sectors
        for sector, n in conn.execute(select(ds.c.sector, func.count()).where(ds.c.document_id.in_(doc_ids))
                                      .group_by(ds.c.sector)):
            sectors.setdefault(sector, {"sector": sector, "events": 0, "documents": 0})["documents"] = n
        n_docs = len(doc_ids)

    out: dict[str, Any] = {"pair": [a, b], "names": {a: code_name(a), b: code_name(b)}, "documents": n_docs,
                           "figures": {k: by_indicator[k] for k in sorted(by_indicator, key=_indicator_order)},
                           **{section: [] for section in _SECTIONS.values()}}
    for ev in events:
        out.setdefault(_SECTIONS.get(ev["type"], "other_events"), []).append(ev)
    out["people"] = [{k: p[k] for k in ("id", "name", "title", "country", "documents", "mentions")} for p in people]
    out["companies"] = [{"id": c["id"], "name": c["name"], "country": c["country"], "kind": c["org_kind"],
                         "documents": c["documents"], "mentions": c["mentions"]} for c in companies]
    out["sectors"] = sorted(sectors.values(), key=lambda x: (-x["events"], -x["documents"], x["sector"]))
    return out

"""The database out as files: CSV or Parquet (one file per table), JSON (one file), GraphML (the
partner network).

Tables exported: documents (with their text; without the MinHash signature), entities, events (with
a `sectors` column, codes joined by "|"), event_sources and figures. Rows are read in batches, so an
export of a large database does not hold it in memory (JSON included: it is written as it goes).

Each event, event source and figure row stands alone for an analyst: it carries its evidence sentence
and the article it comes from (article_title, article_outlet, article_published, article_url); an
event's are those of its first report. Filters (country, pair, since) keep the events and figures the
`events` and `figures` queries would keep, the event sources of those events, the articles they cite
and the entities those articles mention.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, DateTime, Engine, Float, Integer, case, select, union

from ..store import schema as s
from .common import BadFilter, ExportError, UnknownFormat, code_kind, code_name, live_document, live_event

FORMATS = ("csv", "json", "parquet", "graphml")
TABLES = ("documents", "entities", "events", "event_sources", "figures")
_BATCH = 1000
# not exported: the MinHash signature, and what queries derive from a figure to page its points (store/points.py)
_DROP = {"documents": {"minhash"}, "figures": {"period_start", "period_end", "point_key"}}
# the article a row comes from, as columns of its own (documents.title -> article_title, ...)
ARTICLE = ("title", "outlet", "published", "url")
ARTICLE_COLUMNS = tuple(f"article_{k}" for k in ARTICLE)
# columns added to a table's own: derived from other tables, all text
EXTRA = {"events": ("sectors", "evidence", *ARTICLE_COLUMNS), "event_sources": ARTICLE_COLUMNS,
         "figures": ARTICLE_COLUMNS}


def _columns(table: str) -> list:
    t = s.metadata.tables[table]
    return [c for c in t.columns if c.name not in _DROP.get(table, set())]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _event_sectors(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    es = s.event_sectors
    for row in conn.execute(select(es).where(es.c.event_id.in_(ids)).order_by(es.c.event_id, es.c.sector)):
        out.setdefault(row.event_id, []).append(row.sector)
    return out


def _articles(conn: Connection, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """document id -> {"article_title": ..., "article_outlet": ..., "article_published": ..., "article_url": ...}."""
    d = s.documents
    ids = sorted(set(ids))
    if not ids:
        return {}
    return {row.id: {f"article_{k}": row[k] for k in ARTICLE}
            for row in conn.execute(select(d.c.id, *(d.c[k] for k in ARTICLE)).where(d.c.id.in_(ids))).mappings()}


def _first_reports(conn: Connection, rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """event id -> its first report (event_sources row): in its first article, the earliest span."""
    src = s.event_sources
    first = {r["id"]: r["first_document_id"] for r in rows}
    out: dict[int, dict[str, Any]] = {}
    stmt = (select(src.c.event_id, src.c.document_id, src.c.evidence)
            .where(src.c.event_id.in_(list(first)))
            .order_by(src.c.event_id, case((src.c.document_id == s.events.c.first_document_id, 0), else_=1),
                      src.c.document_id, src.c.start)
            .join_from(src, s.events, s.events.c.id == src.c.event_id))
    for row in conn.execute(stmt):
        out.setdefault(row.event_id, {"document_id": row.document_id, "evidence": row.evidence})
    return out


def _batches(conn: Connection, table: str, where: Any = None) -> Iterator[list[dict[str, Any]]]:
    """The rows of `table` in batches of plain dicts (dates as ISO strings), in id order, with the
    columns of EXTRA; only those `where` keeps (a condition on the table) when it is given."""
    cols = _columns(table)
    t = s.metadata.tables[table]
    stmt = select(*cols).order_by(*t.primary_key.columns)
    if where is not None:
        stmt = stmt.where(where)
    result = conn.execution_options(yield_per=_BATCH).execute(stmt)
    for part in result.mappings().partitions():
        rows = [{k: _plain(v) for k, v in row.items()} for row in part]
        if table == "events":
            sectors = _event_sectors(conn, [r["id"] for r in rows])
            reports = _first_reports(conn, rows)
            articles = _articles(conn, (x["document_id"] for x in reports.values()))
            for r in rows:
                r["sectors"] = "|".join(sectors.get(r["id"], []))
                report = reports.get(r["id"], {})
                r["evidence"] = report.get("evidence")
                r.update(articles.get(report.get("document_id"), dict.fromkeys(ARTICLE_COLUMNS)))
        elif table in EXTRA:
            articles = _articles(conn, (r["document_id"] for r in rows))
            for r in rows:
                r.update(articles.get(r["document_id"], dict.fromkeys(ARTICLE_COLUMNS)))
        yield rows


def _field_names(table: str) -> list[str]:
    return [c.name for c in _columns(table)] + list(EXTRA.get(table, ()))


def _arrow_schema(table: str):
    import pyarrow as pa

    fields = []
    for c in _columns(table):
        if isinstance(c.type, Boolean):
            kind = pa.bool_()
        elif isinstance(c.type, Integer):
            kind = pa.int64()
        elif isinstance(c.type, Float):
            kind = pa.float64()
        elif isinstance(c.type, DateTime):
            kind = pa.string()     # ISO 8601, as SQLite and PostgreSQL hand it back differently
        else:
            kind = pa.string()
        fields.append(pa.field(c.name, kind, nullable=c.nullable or c.primary_key))
    fields += [pa.field(name, pa.string()) for name in EXTRA.get(table, ())]
    return pa.schema(fields)


def _folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file: CSV and Parquet exports write one file per table into a folder")
    out.mkdir(parents=True, exist_ok=True)
    return out


def _file(out: Path, default_name: str) -> Path:
    path = out / default_name if out.is_dir() else out
    if not path.parent.exists():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    return path


def _csv(conn: Connection, out: Path, keep: dict[str, Any]) -> tuple[list[Path], dict[str, int]]:
    files, rows = [], {}
    for table in TABLES:
        path = out / f"{table}.csv"
        n = 0
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=_field_names(table))
            writer.writeheader()
            for batch in _batches(conn, table, keep.get(table)):
                writer.writerows(batch)
                n += len(batch)
        files.append(path)
        rows[table] = n
    return files, rows


def _parquet(conn: Connection, out: Path, keep: dict[str, Any]) -> tuple[list[Path], dict[str, int]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    files, rows = [], {}
    for table in TABLES:
        path = out / f"{table}.parquet"
        schema = _arrow_schema(table)
        n = 0
        with pq.ParquetWriter(path, schema) as writer:
            for batch in _batches(conn, table, keep.get(table)):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
            if n == 0:
                writer.write_table(schema.empty_table())
        files.append(path)
        rows[table] = n
    return files, rows


def _json(conn: Connection, path: Path, keep: dict[str, Any],
          filters: dict[str, str]) -> tuple[list[Path], dict[str, int]]:
    rows = {}
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"format": "accordwatch-export", "version": 1')
        if filters:
            fh.write(f', "filters": {json.dumps(filters, ensure_ascii=False)}')
        for table in TABLES:
            fh.write(f',\n"{table}": [')
            n = 0
            for batch in _batches(conn, table, keep.get(table)):
                for row in batch:
                    fh.write(("\n" if n == 0 else ",\n") + json.dumps(row, ensure_ascii=False))
                    n += 1
            fh.write("]")
            rows[table] = n
        fh.write("}\n")
    return [path], rows


def partner_network(conn: Connection):
    """The partner network as a networkx Graph: a node per country or bloc that is a party of an event
    or a figure (attributes name, kind, events, figures), an edge per pair that shares one (attributes
    events, figures, documents). Near-duplicate articles count for nothing."""
    import networkx as nx

    pair_events: Counter = Counter()
    pair_figures: Counter = Counter()
    pair_docs: dict[tuple[str, str], set[int]] = {}
    node_events: Counter = Counter()
    node_figures: Counter = Counter()

    ep = s.event_parties
    parties_of: dict[int, list[str]] = {}
    for event_id, code in conn.execute(select(ep.c.event_id, ep.c.code).where(live_event(ep.c.event_id))
                                       .order_by(ep.c.event_id, ep.c.code)):
        parties_of.setdefault(event_id, []).append(code)
    src, d = s.event_sources, s.documents
    docs_of: dict[int, set[int]] = {}
    for event_id, doc_id in conn.execute(select(src.c.event_id, src.c.document_id)
                                         .join(d, d.c.id == src.c.document_id).where(live_document())):
        docs_of.setdefault(event_id, set()).add(doc_id)
    for event_id, codes in parties_of.items():
        node_events.update(codes)
        for pair in combinations(codes, 2):
            pair_events[pair] += 1
            pair_docs.setdefault(pair, set()).update(docs_of.get(event_id, ()))

    f = s.figures
    for parties, doc_id in conn.execute(select(f.c.parties, f.c.document_id).join(d, d.c.id == f.c.document_id)
                                        .where(live_document())):
        codes = sorted({c for c in (parties or "").split("|") if c})
        node_figures.update(codes)
        for pair in combinations(codes, 2):
            pair_figures[pair] += 1
            pair_docs.setdefault(pair, set()).add(doc_id)

    g = nx.Graph()
    for code in sorted(set(node_events) | set(node_figures)):
        g.add_node(code, name=code_name(code), kind=code_kind(code), events=node_events[code],
                   figures=node_figures[code])
    for pair in sorted(set(pair_events) | set(pair_figures)):
        g.add_edge(*pair, events=pair_events[pair], figures=pair_figures[pair], documents=len(pair_docs[pair]))
    return g


def _graphml(conn: Connection, path: Path) -> tuple[list[Path], dict[str, int]]:
    import networkx as nx

    g = partner_network(conn)
    nx.write_graphml(g, path, encoding="utf-8")
    return [path], {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def _selection(engine: Engine, country: str | None, pair: str | None, since: str | None
               ) -> tuple[dict[str, Any], dict[str, str]]:
    """(table -> the condition that keeps its rows, the filters as given): the events and figures the
    `events` and `figures` queries keep with these filters, the event sources of those events, the
    articles they cite, and the entities those articles mention. No filter: ({}, {})."""
    from .timeline import _event_conditions, _figure_conditions

    filters = {k: v for k, v in (("country", country), ("pair", pair), ("since", since)) if v is not None}
    if not filters:
        return {}, {}
    e, f, src, m = s.events, s.figures, s.event_sources, s.mentions
    events = select(e.c.id).where(*_event_conditions(engine, country, pair, None, None, None, since, None))
    figures = select(f.c.id).where(*_figure_conditions(engine, None, pair, country, None, since))
    documents = union(select(src.c.document_id).where(src.c.event_id.in_(events)),
                      select(f.c.document_id).where(f.c.id.in_(figures)))
    return {
        "events": e.c.id.in_(events),
        "event_sources": src.c.event_id.in_(events),
        "figures": f.c.id.in_(figures),
        "documents": s.documents.c.id.in_(documents),
        "entities": s.entities.c.id.in_(select(m.c.entity_id).where(m.c.document_id.in_(documents))),
    }, filters


def export(engine: Engine, fmt: str, out: str | Path, country: str | None = None,
           pair: str | tuple[str, str] | None = None, since: str | None = None) -> dict[str, Any]:
    """Write the database to `out` in format `fmt` and say what was written:

    {"format": "csv", "files": ["out/documents.csv", ...], "rows": {"documents": 12, ...}, "filters": {}}

    csv, parquet  `out` is a folder (created if missing): documents, entities, events, event_sources,
                  figures as <table>.csv / <table>.parquet, with a header (CSV) or a typed schema (Parquet)
    json          `out` is a file (or a folder: out/accordwatch.json): {"format", "version", <table>: [rows]}
                  (and "filters" when there are some)
    graphml       `out` is a file (or a folder: out/partners.graphml): the partner network (partner_network);
                  "rows" then holds {"nodes", "edges"}

    country, pair, since  keep the events and figures `events(...)` and `figures(...)` keep with the same
                  filters (a party; both parties, and for figures exactly these two; the event's date or
                  the figure's period on or after YYYY[-MM[-DD]]), the sources of those events, the
                  articles they cite and the entities those mention. Not for graphml.
    An unknown format raises UnknownFormat, a bad filter BadFilter or UnknownCode, an output path in
    the way ExportError."""
    fmt = (fmt or "").strip().lower()
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    keep, filters = _selection(engine, country, pair, since)
    if filters and fmt == "graphml":
        raise BadFilter("the graphml export is the whole partner network: --country, --pair and --since "
                        "filter the csv, json and parquet exports")
    out = Path(out).expanduser()
    with engine.connect() as conn:
        if fmt == "csv":
            files, rows = _csv(conn, _folder(out), keep)
        elif fmt == "parquet":
            files, rows = _parquet(conn, _folder(out), keep)
        elif fmt == "json":
            files, rows = _json(conn, _file(out, "accordwatch.json"), keep, filters)
        else:
            files, rows = _graphml(conn, _file(out, "partners.graphml"))
    return {"format": fmt, "files": [str(p) for p in files], "rows": rows, "filters": filters}

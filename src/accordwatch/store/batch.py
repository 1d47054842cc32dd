"""Writing a batch of articles with set-based statements (P14): the same database as writing them one by
one (store.write's per-article path), in a few statements a batch instead of dozens an article.

1 hash every article, and read in one statement which content hashes are stored, in one the documents
  that share a MinHash bucket with any of them; decide in order which articles are duplicates and
  near-duplicates (of a stored article or of an earlier one of the batch), extracting the others;
2 read the stored aliases, entities and events the batch may resolve to (one statement for each kind of
  key), and resolve every entity and event in article order with the resolver's own rules
  (store.resolve), which read these rows and the ones the batch has added so far (BatchResolver);
3 write everything: one executemany per table, with the ids the rows would have been given one by one
  (the next ids of each table, assigned in order: the writer is the only one, see `ids`).

Whatever fails in 3 (a row the database refuses) rolls the batch back, and store.write writes it again
article by article, where the one broken article fails alone.
"""
from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from sqlalchemy import Connection

from .. import extract_document
from ..extract.gazetteer import country_names
from ..extract.people import known_people
from . import dedup, fulltext
from .normalize import latin_key, name_key
from .points import row_point_columns
from .resolve import Memory, Resolver, _as_date, _gazetteer_spellings, company_name, event_window

EXTRACTING = threading.Lock()   # one extraction at a time (the pipeline's matchers are not shared across threads)
LATER = 1 << 62   # the order of a row added by this batch: after every stored row
_ENTITY_COLS = ("id", "kind", "key", "name", "country", "title", "org_kind")
_EVENT_COLS = ("id", "type", "instrument", "status", "parties", "date", "location", "organizations",
               "first_document_id", "name")


@cache
def _sql(kind: str, table: str, cols: tuple[str, ...], paramstyle: str) -> str:
    """An INSERT of these columns, or an UPDATE of them by id (the last parameter), as the driver's SQL:
    the batch's rows go to the driver's executemany as they are, without SQLAlchemy's work on each."""
    p = "?" if paramstyle == "qmark" else "%s"
    q = '"{}"'.format
    if kind == "insert":
        return f"INSERT INTO {q(table)} ({', '.join(map(q, cols))}) VALUES ({', '.join([p] * len(cols))})"
    *values, key = cols
    return f"UPDATE {q(table)} SET {', '.join(f'{q(c)} = {p}' for c in values)} WHERE {q(key)} = {p}"


def _executemany(conn: Connection, kind: str, table: str, rows: list[dict]) -> None:
    """Insert the rows (dicts with the same keys), or update them by their last key. On PostgreSQL inserts
    go through COPY and updates through one UPDATE ... FROM (VALUES ...) a thousand rows: one statement
    for each row kept the writer waiting for the server most of its time."""
    cols = tuple(rows[0])
    get = itemgetter(*cols)
    if conn.dialect.name != "postgresql":
        # the driver's executemany reading the rows as it binds them: SQLAlchemy's own executemany wanted a
        # list of the parameter tuples made first
        cur = conn.connection.driver_connection.cursor()
        try:
            cur.executemany(_sql(kind, table, cols, conn.dialect.paramstyle), map(get, rows))
        finally:
            cur.close()
    elif kind == "insert":
        with conn.connection.driver_connection.cursor() as cur, cur.copy(
                f"COPY {_q(table)} ({', '.join(map(_q, cols))}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(get(r))
    else:
        *values, key = cols
        for i in range(0, len(rows), 1000):
            part = rows[i:i + 1000]
            tuples = ", ".join(["(" + ", ".join(["%s"] * len(cols)) + ")"] * len(part))
            conn.exec_driver_sql(
                f"UPDATE {_q(table)} AS t SET {', '.join(f'{_q(c)} = v.{_q(c)}' for c in values)} "
                f"FROM (VALUES {tuples}) AS v({', '.join(map(_q, cols))}) WHERE t.{_q(key)} = v.{_q(key)}",
                tuple(x for r in part for x in get(r)))


def _insert_documents(conn: Connection, rows: list[dict]) -> None:
    """PostgreSQL: the documents with their stored vectors (store.fulltext.insert_sql), one prepared INSERT
    the rows pipelined (the driver's executemany): COPY cannot compute the vector."""
    cols = tuple(rows[0])
    with conn.connection.driver_connection.cursor() as cur:
        cur.executemany(fulltext.insert_sql(cols), [fulltext.insert_params(r, cols) for r in rows])


@dataclass
class Failed:
    """An extraction that failed where it ran ahead of the writer (store.ahead): the writer reports it."""
    error: Exception


def known_hashes(conn: Connection, hashes: list[str]) -> set[str]:
    """Which of these content hashes are stored."""
    return {h for (h,) in _select(conn, "SELECT content_hash FROM documents WHERE content_hash IN ({IN})", (),
                                  hashes)}


def _q(name: str) -> str:
    return f'"{name}"'


def _events_sql(sqlite: bool) -> str:
    """The stored events in any of a JSON array of {type, parties, lo, hi} windows, by id."""
    cols = ", ".join(f"e.{_q(c)}" for c in _EVENT_COLS)
    fields = ("type", "parties", "lo", "hi")
    if sqlite:
        picks = ", ".join(f"json_extract(value, '$.{c}') AS {c}" for c in fields)
        windows = f"(SELECT {picks} FROM json_each(?)) AS w"
    else:
        windows = f"jsonb_to_recordset(%s::jsonb) AS w({', '.join(f'{c} text' for c in fields)})"
    # CROSS JOIN: on SQLite the windows are the outer loop, a search of ix_events_type_parties each
    return (f"SELECT {cols}, d.published FROM {windows} CROSS JOIN events e "
            "JOIN documents d ON d.id = e.first_document_id WHERE e.type = w.type AND e.parties = w.parties "
            "AND (e.date BETWEEN w.lo AND w.hi OR (e.date IS NULL AND d.published BETWEEN w.lo AND w.hi)) "
            "ORDER BY e.id")


_EVENTS_SQL = {True: _events_sql(True), False: _events_sql(False)}


def _mark(conn: Connection) -> str:
    """The driver's parameter marker."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


_E = ", ".join(f"e.{_q(c)}" for c in _ENTITY_COLS)


def _select(conn: Connection, sql: str, fixed: tuple, values: list) -> list[tuple]:
    """The rows of `sql` (driver SQL: {P} a parameter, {IN} the list of `values`), in no particular order. The
    values go as one parameter, so that the statement's text is the same whatever their number: on SQLite a
    JSON array (json_each), which SQLite prepares once (a list of parameters as long as the batch's keys was
    parsed and planned again every time); on PostgreSQL an array, a statement the driver converts once and
    the server prepares (a list of parameters was split by the driver and planned by the server each time:
    an eighth of the writer's time)."""
    if not values:
        return []
    if conn.dialect.name == "sqlite":
        return conn.exec_driver_sql(sql.format(P="?", IN="SELECT value FROM json_each(?)"),
                                    (*fixed, json.dumps(values))).fetchall()
    kind = "bigint" if all(isinstance(v, int) for v in values) else "text"
    return conn.exec_driver_sql(sql.format(P="%s", IN=f"SELECT unnest(%s::{kind}[])"),
                                (*fixed, list(values))).fetchall()


class Ids:
    """The next id of each table, as the database would give them one insert at a time: SQLite gives
    the largest id + 1; PostgreSQL the next value of the column's sequence, moved past the ids used
    when the batch is written (`finish`)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self.next: dict[str, int] = {}
        self.first: dict[str, int] = {}

    def take(self, table: str) -> int:
        if table not in self.next:
            if self.sqlite:
                start = self.conn.exec_driver_sql(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').scalar_one()
            else:
                seq = self.conn.exec_driver_sql(f"SELECT pg_get_serial_sequence('{table}', 'id')").scalar_one()
                last, called = self.conn.exec_driver_sql(f"SELECT last_value, is_called FROM {seq}").one()
                start = last + 1 if called else last
            self.next[table] = self.first[table] = start
        self.next[table] += 1
        return self.next[table] - 1

    def finish(self) -> None:
        if self.sqlite:
            return
        for table, nxt in self.next.items():
            if nxt > self.first[table]:
                self.conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {nxt - 1})")


class BatchResolver(Resolver):
    """store.resolve's Resolver over a batch: what it reads comes from rows read once for the whole
    batch (and, for a key not read then, one statement) plus the rows the batch has added so far; what
    it writes is kept until `rows()`. Its answers are those the per-article path gets from the database."""

    def __init__(self, conn: Connection, memory: Memory, ids: Ids) -> None:
        super().__init__(conn, memory)
        self.ids = ids
        self.sqlite = ids.sqlite
        self.alias_rows: dict[tuple[str, str], list[tuple[int, int]]] = {}    # (kind, alias) -> [(order, entity)]
        self.alias_pairs: set[tuple[int, str]] = set()
        self.latin_rows: dict[tuple[str, str], list[int]] = {}                # (kind, latin) -> [entity]
        self.keys: dict[tuple[str, str], int | None] = {}                     # (kind, key) -> entity
        self.entity_rows: dict[int, dict] = {}
        self.new_entities: list[dict] = []
        self.new_entity_ids: set[int] = set()
        self.changed_entities: set[int] = set()
        self.new_aliases: list[dict] = []
        self.alias_order: list[int] = []                                       # of each new alias
        self.new_people: list[tuple[str, int, int]] = []                        # (latin, order, entity)
        self.events_by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.event_rows: dict[int, dict] = {}
        self.new_events: list[dict] = []
        self.new_event_ids: set[int] = set()
        self.changed_events: set[int] = set()
        self.published: dict[int, str | None] = {}                              # document id -> published
        self._seq = 0

    def _order(self) -> int:
        self._seq += 1
        return LATER + self._seq

    # ---- reading once per batch ----
    def _entity_row(self, row: tuple) -> dict:
        """The entity of a row that ends with the columns _ENTITY_COLS, kept (the first time it is read)."""
        eid = row[-len(_ENTITY_COLS)]
        if eid not in self.entity_rows:
            self.entity_rows[eid] = dict(zip(_ENTITY_COLS, row[-len(_ENTITY_COLS):], strict=True))
        return self.entity_rows[eid]

    def load_aliases(self, wanted: set[tuple[str, str]]) -> None:
        """The stored aliases with these (kind, alias), with their entities."""
        wanted = {w for w in wanted if w[0] and w[1] and w not in self.alias_rows}
        if not wanted:
            return
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, alias in wanted:
            self.alias_rows[(kind, alias)] = []
            by_kind[kind].append(alias)
        order = "a.rowid" if self.sqlite else "a.entity_id"   # the order the index gives rows of one alias
        sql = (f"SELECT a.alias, {order}, {_E} FROM aliases a JOIN entities e ON e.id = a.entity_id "
               "WHERE a.kind = {P} AND a.alias IN ({IN})")
        for kind, keys in by_kind.items():
            for row in _select(self.conn, sql, (kind,), keys):
                eid = self._entity_row(row)["id"]
                self.alias_rows[(kind, row[0])].append((row[1], eid))
                self.alias_pairs.add((eid, row[0]))
        for a, added in zip(self.new_aliases, self.alias_order, strict=True):   # added before the keys were read
            if (a["kind"], a["alias"]) in wanted:
                self.alias_rows[(a["kind"], a["alias"])].append((added, a["entity_id"]))

    def load_latins(self, wanted: set[tuple[str, str]]) -> None:
        """The stored aliases with these (kind, latin key), with their entities."""
        wanted = {w for w in wanted if w[0] and w[1] and w not in self.latin_rows}
        if not wanted:
            return
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, latin in wanted:
            self.latin_rows[(kind, latin)] = []
            by_kind[kind].append(latin)
        sql = (f"SELECT a.latin, {_E} FROM aliases a JOIN entities e ON e.id = a.entity_id "
               "WHERE a.kind = {P} AND a.latin IN ({IN})")
        for kind, keys in by_kind.items():
            for row in _select(self.conn, sql, (kind,), keys):
                self.latin_rows[(kind, row[0])].append(self._entity_row(row)["id"])
        # rows this batch added before the keys were read (after a forget(): none otherwise)
        for a in self.new_aliases:
            if (a["kind"], a["latin"]) in wanted:
                self.latin_rows[(a["kind"], a["latin"])].append(a["entity_id"])

    def load_keys(self, wanted: set[tuple[str, str]]) -> None:
        """The stored entities with these (kind, key)."""
        wanted = {w for w in wanted if w not in self.keys}
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, key in wanted:
            self.keys[(kind, key)] = None
            by_kind[kind].append(key)
        sql = f"SELECT {_E} FROM entities e WHERE e.kind = {{P}} AND e.key IN ({{IN}})"
        for kind, keys in by_kind.items():
            for row in _select(self.conn, sql, (kind,), keys):
                entity = self._entity_row(row)
                self.keys[(kind, entity["key"])] = entity["id"]

    def load_events(self, windows: list[dict[str, str]]) -> None:
        """The stored events of these (type, parties) dated, or first reported, between the window's lo and
        hi: a search of the (type, parties) index for each window, the windows as one JSON parameter (one
        statement text, prepared once). Every candidate of an event the batch resolves is among them (its
        window is one of these); no other event of the pair is read (the union of the batch's dates
        would be most of them, more with every batch stored)."""
        if not windows:
            return
        n = len(_EVENT_COLS)
        for row in self.conn.exec_driver_sql(_EVENTS_SQL[self.sqlite], (json.dumps(windows),)).fetchall():
            if row[0] not in self.event_rows:
                ev = dict(zip(_EVENT_COLS, row[:n], strict=True))
                ev["published"] = row[n]
                self.event_rows[row[0]] = ev
                self.events_by_key[(row[1], row[4])].append(ev)

    # ---- the resolver's reads and writes ----
    def _stored_alias(self, kind: str, keys: list[str]) -> int | None:
        self.load_aliases({(kind, k) for k in keys})
        # the first row SQLite's index on (kind, alias) gives for an IN list: the least alias, then the first stored
        best = min(((k, *r) for k in keys for r in self.alias_rows[(kind, k)]), default=None)
        return best[2] if best else None

    def _stored_latin(self, kind: str, latins: list[str]) -> list[tuple[int, str | None]]:
        self.load_latins({(kind, k) for k in latins})
        eids = sorted(eid for k in latins for eid in self.latin_rows[(kind, k)])
        return [(eid, self._entity(eid)["country"]) for eid in eids]

    def _stored_aliases_of(self, entity_id: int, kind: str, keys: list[str]) -> set[str]:
        self.load_aliases({(kind, k) for k in keys})
        return {k for k in keys if (entity_id, k) in self.alias_pairs}

    def _insert_aliases(self, rows: list[dict]) -> None:
        for a in rows:
            kind, eid = a["kind"], a["entity_id"]
            order = self._order()
            self.new_aliases.append(a)
            self.alias_order.append(order)
            if (kind, a["alias"]) in self.alias_rows:
                self.alias_rows[(kind, a["alias"])].append((order, eid))
            self.alias_pairs.add((eid, a["alias"]))
            if (kind, a["latin"]) in self.latin_rows:
                self.latin_rows[(kind, a["latin"])].append(eid)
            if kind == "person":
                self.new_people.append((a["latin"], order, eid))

    def _entity(self, entity_id: int) -> dict:
        if entity_id not in self.entity_rows:
            row = self.conn.exec_driver_sql(f"SELECT {_E} FROM entities e WHERE e.id = {_mark(self.conn)}",
                                            (entity_id,)).one()
            self._entity_row(tuple(row))
        return self.entity_rows[entity_id]

    def _entity_by_key(self, kind: str, key: str) -> int | None:
        self.load_keys({(kind, key)})
        return self.keys[(kind, key)]

    def _insert_entity(self, values: dict) -> int:
        eid = self.ids.take("entities")
        row = {"id": eid, "country": None, "title": None, "org_kind": None, **values}
        self.new_entities.append(row)
        self.new_entity_ids.add(eid)
        self.entity_rows[eid] = row
        self.keys[(row["kind"], row["key"])] = eid
        return eid

    def _entity_values(self, entity_id: int, cols: list[str]) -> dict[str, object]:
        row = self._entity(entity_id)
        return {c: row[c] for c in cols}

    def _update_entity(self, entity_id: int, values: dict) -> None:
        self._entity(entity_id).update(values)
        if entity_id not in self.new_entity_ids:
            self.changed_entities.add(entity_id)

    def _stored_people(self, letter: str) -> list[tuple[str, int, str | None]]:
        stored = [tuple(r) for r in super()._stored_people(letter)]
        hi = chr(ord(letter) + 1)
        added = [(latin, order, eid) for latin, order, eid in self.new_people if letter <= latin < hi]
        rows = [(latin, i, eid, country) for i, (latin, eid, country) in enumerate(stored)]
        rows += [(latin, order, eid, None) for latin, order, eid in added]
        if [r[0] for r in stored] == sorted(r[0] for r in stored):   # the index's order: by key, then as stored
            rows.sort(key=lambda r: (r[0], r[1]))
        # the country each entity has now (this batch may have filled it)
        return [(latin, eid, self.entity_rows[eid]["country"] if eid in self.entity_rows else country)
                for latin, _, eid, country in rows]

    def _event_candidates(self, test: str, params: dict) -> list[tuple]:
        lo, hi = params["lo"], params["hi"]
        out = []
        for ev in self.events_by_key.get((params["type"], params["parties"]), ()):
            if test == "none" and ev["instrument"] is not None:
                continue
            if test == "equal" and (ev["instrument"] is None or ev["instrument"] != params["instrument"]):
                continue
            d = ev["date"]
            if (lo <= d <= hi) if d is not None else (ev["published"] is not None and lo <= ev["published"] <= hi):
                out.append((ev["id"], d, ev["status"], ev["location"], ev["name"], ev["published"]))
        return out

    def _update_event(self, event_id: int, changes: dict) -> None:
        self.event_rows[event_id].update(changes)
        if event_id not in self.new_event_ids:
            self.changed_events.add(event_id)

    def _insert_event(self, values: dict) -> int:
        eid = self.ids.take("events")
        ev = {"id": eid, **values, "published": self.published.get(values["first_document_id"])}
        self.new_events.append(ev)
        self.new_event_ids.add(eid)
        self.event_rows[eid] = ev
        self.events_by_key[(ev["type"], ev["parties"])].append(ev)
        return eid


def _entity_keys(record: dict) -> tuple[set, set, set]:
    """The (kind, alias), (kind, key) and (kind, latin) a record's entities are looked up by (most of them:
    a key not read here is read when it is needed)."""
    al, ks, la = set(), set(), set()
    names = country_names()
    for code in record["countries"]:
        keys = [code, name_key(names.get(code, code))]
        al.update(("country", k) for k in keys)
        ks.add(("country", code))
    for p in record["places"]:
        k = name_key(p["name"])
        al.add(("place", k))
        ks.add(("place", k))
        la.add(("place", latin_key(p["name"])))
    spellings = _gazetteer_spellings()
    for o in record["organizations"]:
        ns = [o["name"], *o["aliases"]]
        ns += [n for n in map(company_name, ns) if n]
        keys = [name_key(n) for n in ns]
        al.update(("organization", k) for k in keys)
        ks.add(("organization", keys[0]))
        la.update(("organization", k) for k in map(latin_key, ns))
        la.update(("organization", x) for key in keys for x in spellings.get(key, ()))
    people = known_people()
    for p in record["people"]:
        known = people.get(p["name"].lower())
        canonical = known["name"] if known else p["name"]
        keys = [name_key(canonical), name_key(p["name"])]
        al.update(("person", k) for k in keys)
        ks.update(("person", k) for k in keys)
        la.add(("person", latin_key(canonical)))
    return al, ks, la


# the stored documents of a JSON array of [band, bucket], a search of minhash_bands' key each
_SQLITE_BANDS = ("SELECT b.band, b.bucket, d.id, d.minhash FROM (SELECT json_extract(value, '$[0]') AS band, "
                 "json_extract(value, '$[1]') AS bucket FROM json_each(?)) AS k CROSS JOIN minhash_bands b "
                 "JOIN documents d ON d.id = b.document_id WHERE b.band = k.band AND b.bucket = k.bucket")

_POSTGRES_BANDS = ("SELECT b.band, b.bucket, d.id, d.minhash FROM unnest(%s::integer[], %s::text[]) AS k(band, bucket) "
                   "JOIN minhash_bands b ON b.band = k.band AND b.bucket = k.bucket "
                   "JOIN documents d ON d.id = b.document_id")


def band_candidates(conn: Connection, buckets: set[tuple[int, str]]) -> dict[tuple[int, str], list[tuple[int, bytes]]]:
    """The stored documents in any of these (band, bucket)s, with their MinHash: an indexed search per bucket,
    never a row-value IN list, which SQLite reads by a scan."""
    out: dict[tuple[int, str], list[tuple[int, bytes]]] = defaultdict(list)
    if not buckets:
        return out
    if conn.dialect.name == "sqlite":   # the buckets as one JSON array: one statement text, prepared once
        for band, bucket, did, sig in conn.exec_driver_sql(_SQLITE_BANDS, (json.dumps(sorted(buckets)),)):
            out[(band, bucket)].append((did, sig))
        return out
    # PostgreSQL: the buckets as two arrays, joined to minhash_bands' key: one statement text, prepared once
    keys = sorted(buckets)
    for band, bucket, did, sig in conn.exec_driver_sql(_POSTGRES_BANDS, ([b for b, _ in keys], [k for _, k in keys])):
        out[(band, bucket)].append((did, sig))
    return out


def figure_rows(doc_id: int, record: dict) -> dict[int, dict]:
    """The article's figures as rows of the figures table, by the start of their amount (the first figure
    of an amount kept), with the point columns queries page them by (period_start, period_end, point_key):
    both writers."""
    rows: dict[int, dict] = {}
    for f in record["figures"]:
        start = f["amount"]["start"]
        rows.setdefault(start, {
            "document_id": doc_id, "indicator": f["indicator"], "value": float(f["value"]), "unit": f["unit"],
            "period": f["period"], "parties": "|".join(f["parties"]), "from_code": f["from"], "to_code": f["to"],
            "change_pct": f["change_pct"], "kind": f["kind"], "approximate": bool(f.get("approximate")),
            "start": start, "end": f["amount"]["end"], "evidence": f["evidence"], "conflict": False})
    for row in rows.values():
        row.update(row_point_columns(row))
    return rows


def entity_mentions(r, doc_id: int, record: dict, s) -> list[dict]:
    """Resolve the article's countries, places, organizations and people with the resolver `r` (counting
    new entities in the summary `s`): the rows of their mentions, one per entity and start (both writers)."""
    rows: dict[tuple, dict] = {}
    names = country_names()
    for code in record["countries"]:
        eid, new = r.country(code, names.get(code, code))
        s.entities += new
    for p in record["places"]:
        eid, new = r.place(p["name"], p["country"])
        s.entities += new
        for m in p["mentions"]:
            rows[(eid, m["start"])] = {"document_id": doc_id, "entity_id": eid, **m}
    for o in record["organizations"]:
        eid, new = r.organization(o["name"], o["aliases"], o["country"], o["kind"])
        s.entities += new
        for m in o["mentions"]:
            rows[(eid, m["start"])] = {"document_id": doc_id, "entity_id": eid, **m}
    for p in record["people"]:
        eid, new = r.person(p["name"], p["title"], p["country"])
        s.entities += new
        for m in p["mentions"]:
            rows[(eid, m["start"])] = {"document_id": doc_id, "entity_id": eid, **m}
    return list(rows.values())


class BatchWrite:
    """One batch written set-based; `run` returns its Summary (the writer's), or raises."""

    def __init__(self, conn: Connection, memory: Memory, summary_type, language: Callable) -> None:
        self.conn = conn
        self.memory = memory
        self.Summary = summary_type
        self.language = language
        self.sqlite = conn.dialect.name == "sqlite"
        self.ids = Ids(conn)
        self.r = BatchResolver(conn, memory, self.ids)
        self.extracted: dict[int, dict] = {}   # item index -> record extracted here

    def run(self, items: list, hashes: list[str | None], sketches: dict | None = None) -> tuple:
        """(Summary, the figure groups touched) of writing `items`, (result, record or None, error or None)
        triples, whose content hashes (None: not an article) are `hashes`; `sketches` the MinHash signature
        and buckets of some of them by hash, computed already (store.ahead)."""
        s = self.Summary()
        conn, r = self.conn, self.r
        # 1 duplicates and near-duplicates, in order; extraction of the rest
        known = known_hashes(conn, [h for h in hashes if h])
        docs: list[dict] = []          # the document rows, in order
        stored: list[tuple] = []       # (document id, document, record) of the articles extracted
        sketches = dict(sketches or {})
        texts = {chash: result.document.text for (result, _, _), chash in zip(items, hashes, strict=True)
                 if chash is not None and chash not in known and chash not in sketches}
        sketches.update(zip(texts, dedup.sketches(list(texts.values())), strict=True))
        cands = band_candidates(conn, {b for _, buckets in sketches.values() for b in buckets})
        batch_bands: dict[tuple[int, str], list[tuple[int, bytes]]] = defaultdict(list)
        for i, ((result, record, error), chash) in enumerate(zip(items, hashes, strict=True)):
            s.read += 1
            if chash is None:
                s.failed += 1
                s.errors.append(error or str(result.error))
                continue
            if chash in known:
                s.duplicate += 1
                continue
            doc = result.document
            sig, buckets = sketches[chash]
            found = {}
            for b in buckets:
                for cid, other in cands.get(b, ()):
                    found[cid] = other
                for cid, other in batch_bands.get(b, ()):
                    found[cid] = other
            original, best = None, 0.0
            for cid in sorted(found):
                sim = dedup.similarity(sig, found[cid])
                if sim >= dedup.THRESHOLD and sim > best:
                    original, best = cid, sim
            row = {"content_hash": chash, "source": doc.source, "url": doc.url, "title": doc.title,
                   "published": doc.published, "outlet": doc.outlet, "dateline": doc.dateline, "text": doc.text,
                   "minhash": sig, "duplicate_of": original, "similarity": best if original is not None else None,
                   "language": self.language(doc)}
            if original is None:
                try:
                    if isinstance(record, Failed):
                        raise record.error
                    if record is None:
                        with EXTRACTING:
                            record = extract_document(doc)
                    self.extracted[i] = record
                except Exception as e:  # noqa: BLE001 - one article's failure is reported, not fatal
                    self.memory.forget()   # as the per-article path does when an article fails
                    s.failed += 1
                    s.errors.append(f"{result.source}: {type(e).__name__}: {e}")
                    continue
                d = record["document"]
                row.update(title=d["title"], published=d["published"], outlet=d["outlet"], dateline=d["dateline"],
                           language=d.get("language") or row["language"])
            row["id"] = self.ids.take("documents")
            known.add(chash)
            docs.append(row)
            if original is not None:
                s.near_duplicate += 1
                continue
            s.new += 1
            for b in buckets:
                batch_bands[b].append((row["id"], sig))
            stored.append((row, buckets, doc, record))
            r.published[row["id"]] = row["published"]
        # 2 resolve entities and events, reading the rows they may resolve to once
        al, ks, la = set(), set(), set()
        for *_, record in stored:
            a, b, c = _entity_keys(record)
            al |= a
            ks |= b
            la |= c
        r.load_aliases(al)
        r.load_keys(ks)
        r.load_latins(la)
        self._load_events(stored)
        rows = defaultdict(list)
        groups: set[tuple] = set()
        reports = []
        for row, buckets, doc, record in stored:
            doc_id = row["id"]
            rows["minhash_bands"] += [{"band": b, "bucket": k, "document_id": doc_id} for b, k in buckets]
            rows["fts"].append({"rowid": doc_id, "title": record["document"]["title"] or "", "text": doc.text})
            rows["document_countries"] += [{"document_id": doc_id, "code": c} for c in record["countries"]]
            rows["document_sectors"] += [{"document_id": doc_id, "sector": x} for x in record["sectors"]]
            rows["mentions"] += self._entities(doc_id, record, s)
            published = record["document"]["published"]
            for ev in record["events"]:
                eid, new = r.event(ev, doc_id, published)
                s.events += new
                s.event_reports += 1
                reports.append((eid, new, ev, doc_id, doc.text))
            self._figures(doc_id, record, s, groups, rows)
        # 3 event parties, sectors and reports (the sectors an event has: stored, or added by this batch)
        have = defaultdict(set)
        old = sorted({eid for eid, new, *_ in reports if eid not in r.new_event_ids})
        for eid, sector in _select(conn, "SELECT event_id, sector FROM event_sectors WHERE event_id IN ({IN})", (),
                                   old):
            have[eid].add(sector)
        for eid, new, ev, doc_id, body in reports:
            if new:
                rows["event_parties"] += [{"event_id": eid, "code": c} for c in ev["parties"]]
            add = [x for x in ev["sectors"] if x not in have[eid]] if not new else list(ev["sectors"])
            rows["event_sectors"] += [{"event_id": eid, "sector": x} for x in add]
            have[eid].update(add)
            rows["event_sources"] += {span["start"]: {
                "event_id": eid, "document_id": doc_id, "start": span["start"], "end": span["end"],
                "evidence": body[span["start"]:span["end"]], "status": ev["status"], "date": ev.get("date")}
                for span in ev["evidence_spans"]}.values()
        self._write(docs, rows)
        return s, groups

    def _load_events(self, stored: list) -> None:
        """Read the stored events the batch's events may be: each event's window (the resolver's), those of
        one (type, parties) that overlap merged into one."""
        spans: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for *_, record in stored:
            published = record["document"]["published"]
            for ev in record["events"]:
                when = _as_date(ev.get("date")) or _as_date(published)
                if when is not None:
                    spans[(ev["type"], "|".join(ev["parties"]))].append(event_window(when))
        windows = []
        for (kind, parties), pairs in spans.items():
            merged: list[list[str]] = []
            for lo, hi in sorted(pairs):
                if merged and lo <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], hi)
                else:
                    merged.append([lo, hi])
            windows += [{"type": kind, "parties": parties, "lo": lo, "hi": hi} for lo, hi in merged]
        self.r.load_events(windows)

    def _entities(self, doc_id: int, record: dict, s) -> list[dict]:
        return entity_mentions(self.r, doc_id, record, s)

    def _figures(self, doc_id: int, record: dict, s, groups: set[tuple], out: dict) -> None:
        rows = figure_rows(doc_id, record)
        for row in rows.values():
            row["id"] = self.ids.take("figures")
            out["figures"].append(row)
            out["figure_parties"] += [{"figure_id": row["id"], "code": c} for c in row["parties"].split("|") if c]
        s.figures += len(rows)
        groups.update((r["indicator"], r["parties"], r["period"], r["kind"], r["unit"]) for r in rows.values())

    def _write(self, docs: list[dict], rows: dict[str, list[dict]]) -> None:
        conn, r = self.conn, self.r
        plan = [("documents", docs), ("minhash_bands", rows["minhash_bands"])]
        plan += [(t, rows[t]) for t in ("document_countries", "document_sectors")]
        plan += [("entities", r.new_entities), ("aliases", r.new_aliases), ("mentions", rows["mentions"]),
                 ("events", [{c: ev[c] for c in _EVENT_COLS} for ev in r.new_events])]
        plan += [(t, rows[t]) for t in ("event_parties", "event_sectors", "event_sources", "figures",
                                        "figure_parties")]
        if self.sqlite:
            plan.append(("documents_fts", rows["fts"]))
        for table, data in plan:
            if data and table == "documents" and not self.sqlite:
                _insert_documents(conn, data)
            elif data:
                _executemany(conn, "insert", table, data)
        for table, changed, state, cols in (
                ("entities", r.changed_entities, r.entity_rows, ("name", "country", "title", "org_kind")),
                ("events", r.changed_events, r.event_rows, ("status", "date", "location", "name"))):
            if changed:
                _executemany(conn, "update", table, [{**{c: state[i][c] for c in cols}, "id": i}
                                                     for i in sorted(changed)])
        self.ids.finish()

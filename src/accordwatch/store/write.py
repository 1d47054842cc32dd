"""Writing extracted articles: batched transactions, idempotent, near-duplicates linked.

For each article: 1 skip it if its content hash is known (an exact duplicate); 2 link it to an
earlier article whose MinHash is close enough (a near-duplicate: stored, not extracted again);
3 extract it; 4 write the document, its full text index, countries and sectors; 5 resolve and
write entities with their mentions; 6 resolve events and write each article's report of them;
7 write figures, then flag conflicts among figures of the same group.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, insert, select, text

from .. import extract_document
from ..document import Document
from ..extract.lang import LANGUAGES, detect
from ..ingest import Result
from . import dedup, fulltext, overlay, version
from .ahead import Ahead, Prepared
from .batch import EXTRACTING, BatchWrite, Failed, band_candidates, entity_mentions, figure_rows
from .engine import lock_writers, writer
from .resolve import Memory, Resolver
from .schema import (
    document_countries,
    document_sectors,
    documents,
    event_parties,
    event_sectors,
    event_sources,
    figure_parties,
    figures,
    mentions,
    minhash_bands,
    reviews,
)

BATCH = 100
# insert statements built once: building one costs more than running it (executemany with the rows)
_INSERT = {t.name: insert(t) for t in (event_parties, event_sectors, event_sources)}


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    entities: int = 0
    events: int = 0
    event_reports: int = 0
    figures: int = 0
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Summary) -> None:
        for k, v in vars(other).items():
            if k == "errors":
                self.errors.extend(v)
            else:
                setattr(self, k, getattr(self, k) + v)


def _language(doc: Document) -> str:
    """The language of an article before it is extracted (what extraction will read it as): given by
    its ingester, else told from its script (a near-duplicate, not extracted, keeps this one)."""
    for given in (doc.language, doc.meta.get("language")):
        if given in LANGUAGES:
            return given
    return detect(doc.text)


class Writer:
    def __init__(self, engine: Engine, set_based: bool = True, ahead: bool = False) -> None:
        self.engine = writer(engine)
        self.set_based = set_based   # False: every batch article by article (the reference the tests compare with)
        self.ahead = ahead and set_based   # extraction in a thread a batch ahead of the writer (store.ahead)
        self.memory = Memory()   # entities resolved so far, kept from batch to batch
        self.sqlite = engine.dialect.name == "sqlite"
        self.reviewed = False   # whether the database holds reviews (looked up once a batch)
        self.rewritten = 0      # batches written again article by article (a row refused)

    def write(self, results: Iterable[Result | tuple[Result, dict | None, str | None]],
              progress: Callable[[Result], None] | None = None, batch: int = BATCH) -> Summary:
        """Write articles batch by batch. Items are Results (extracted here) or (result, record,
        error) triples whose extraction ran elsewhere (scale.dask), or (result, record, error, sketch):
        the article's dedup.Sketch computed there too (None when extraction failed)."""
        total = Summary()
        it = iter(results)
        first = next(it, None)
        items = itertools.chain([first], it) if first is not None else iter(())
        if self.ahead and first is not None and not isinstance(first, tuple):
            source = Ahead(self.engine, items, batch)
            for prepared in source:
                total.add(self._batch(prepared, progress))
                source.written(prepared.number)
            items = iter(())
        pending: list = []
        for result in items:
            pending.append(result)
            if len(pending) >= batch:
                total.add(self._batch(pending, progress))
                pending = []
        if pending:
            total.add(self._batch(pending, progress))
        if total.new:
            # fresh statistics for the query planner: without them SQLite walks every article through
            # the duplicate_of index ("IS NULL" matches nearly all) instead of starting from the few
            # rows a query asks for (the pair profile: 10 ms -> 5 ms on 1,500 articles)
            with self.engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    # sampled: a few hundred rows an index tell the planner enough, and a full ANALYZE
                    # reads every index (51 -> 3 ms at 6,000 articles; seconds in an archive, each ingest)
                    conn.exec_driver_sql("PRAGMA analysis_limit=400")
                conn.exec_driver_sql("ANALYZE")
        return total

    def _batch(self, results: list | Prepared, progress: Callable[[Result], None] | None) -> Summary:
        try:
            return self._write_batch(results, progress)
        except BaseException:
            self.memory.forget()   # the batch was rolled back: what it resolved is gone
            raise

    def _write_batch(self, results: list | Prepared, progress: Callable[[Result], None] | None) -> Summary:
        """The batch set-based (store.batch); written again article by article, where one broken article
        fails alone, when the database refuses any of its rows; and article by article from the start when
        any of its articles has reviews or the database holds merges or splits of entities (store.overlay
        applies them to each article's rows as it is stored)."""
        if isinstance(results, Prepared):
            items, hashes, sketches = results.items, results.hashes, results.sketches
        else:
            items, hashes, sketches = [], [], {}
            for item in results:
                r, record, error, sk = (*item, None)[:4] if isinstance(item, tuple) else (item, None, None, None)
                items.append((r, record, error))
                if sk is not None:
                    sketches[sk.content_hash] = (sk.signature, sk.buckets)
                    hashes.append(sk.content_hash)
                else:
                    hashes.append(dedup.content_hash(r.document.text) if r.ok and not error else None)
        with self.engine.begin() as conn:
            lock_writers(conn)   # one writer at a time: the batch takes the next ids of each table
            # people's reviews apply to an article stored again (a rebuilt database); none yet: nothing to look up
            self.reviewed = conn.execute(select(reviews.c.id).limit(1)).first() is not None
            if self.set_based and not (self.reviewed and conn.execute(select(reviews.c.id).where(
                    # an article's own reviews, or rules for every article (merges and splits: no article)
                    reviews.c.document_hash.in_({h for h in hashes if h} | {""})).limit(1)).first()):
                batch = BatchWrite(conn, self.memory, Summary, _language)
                try:
                    with conn.begin_nested():
                        s, groups = batch.run(items, hashes, sketches)
                except Exception:  # noqa: BLE001 - written again one by one: the broken article fails alone
                    self.memory.forget()   # rolled back, with what it resolved
                    self.rewritten += 1
                    items = [(r, batch.extracted.get(i, record), error) for i, (r, record, error) in enumerate(items)]
                else:
                    if progress:
                        for result, _, _ in items:
                            progress(result)
                    s.conflicts += Resolver(conn, self.memory).flag_conflicts(groups)
                    if s.new or s.near_duplicate:
                        version.bump(conn)
                    return s
            return self._one_by_one(conn, items, progress)

    def _one_by_one(self, conn: Connection, items: list[tuple], progress: Callable[[Result], None] | None
                    ) -> Summary:
        s = Summary()
        groups: set[tuple] = set()
        resolver = Resolver(conn, self.memory)
        for result, record, error in items:
            s.read += 1
            if not result.ok or error:
                s.failed += 1
                s.errors.append(error or str(result.error))
            else:
                one, touched = Summary(), set()   # counted only if the article is written whole
                try:
                    with conn.begin_nested():   # one bad article rolls back alone
                        self._one(conn, resolver, result.document, one, touched, record)
                except Exception as e:  # noqa: BLE001 - any failure of one article is reported, not fatal
                    self.memory.forget()   # its savepoint was rolled back, with what it resolved
                    s.failed += 1
                    s.errors.append(f"{result.source}: {type(e).__name__}: {e}")
                else:
                    s.add(one)
                    groups |= touched
            if progress:
                progress(result)
        s.conflicts += resolver.flag_conflicts(groups)
        if s.new or s.near_duplicate:
            version.bump(conn)
        return s

    def _one(self, conn: Connection, resolver: Resolver, doc: Document, s: Summary, groups: set[tuple],
             record: dict | None = None) -> None:
        chash = dedup.content_hash(doc.text)
        if conn.execute(select(documents.c.id).where(documents.c.content_hash == chash)).first():
            s.duplicate += 1
            return
        sig, buckets = dedup.sketch(doc.text)
        original, sim = self._near(conn, sig, buckets)
        row = {"content_hash": chash, "source": doc.source, "url": doc.url, "title": doc.title,
               "published": doc.published, "outlet": doc.outlet, "dateline": doc.dateline, "text": doc.text,
               "minhash": sig, "duplicate_of": original, "similarity": sim, "language": _language(doc)}
        if original is not None:
            self._insert_document(conn, row)
            s.near_duplicate += 1
            return
        if isinstance(record, Failed):   # its extraction ran ahead (store.ahead) and failed there
            raise record.error
        if record is None:
            with EXTRACTING:
                record = extract_document(doc)
        d = record["document"]
        row.update(title=d["title"], published=d["published"], outlet=d["outlet"], dateline=d["dateline"],
                   language=d.get("language") or row["language"])
        doc_id = self._insert_document(conn, row)
        s.new += 1
        conn.execute(insert(minhash_bands), [{"band": b, "bucket": k, "document_id": doc_id} for b, k in buckets])
        if self.sqlite:
            conn.execute(text("INSERT INTO documents_fts(rowid, title, text) VALUES (:id, :title, :text)"),
                         {"id": doc_id, "title": d["title"] or "", "text": doc.text})
        if record["countries"]:
            conn.execute(insert(document_countries), [{"document_id": doc_id, "code": c} for c in record["countries"]])
        if record["sectors"]:
            conn.execute(insert(document_sectors), [{"document_id": doc_id, "sector": x} for x in record["sectors"]])
        self._entities(conn, resolver, doc_id, record, s)
        self._events(conn, resolver, doc_id, doc.text, record, s)
        self._figures(conn, doc_id, record, s, groups)
        if self.reviewed:
            overlay.apply_document(conn, doc_id, chash)

    def _insert_document(self, conn: Connection, row: dict) -> int:
        """Insert a document's row; its id. On PostgreSQL with its stored vector (store.fulltext.insert_sql)."""
        if self.sqlite:
            return conn.execute(insert(documents).values(**row)).inserted_primary_key[0]
        cols = tuple(row)
        return conn.exec_driver_sql(fulltext.insert_sql(cols) + " RETURNING id",
                                    fulltext.insert_params(row, cols)).scalar_one()

    def _near(self, conn: Connection, sig: bytes, buckets: list[tuple[int, str]]) -> tuple[int | None, float | None]:
        # the stored documents sharing a band's bucket (the batch writer's lookup), the oldest first
        found = band_candidates(conn, set(buckets))
        cands = sorted({cand for per_bucket in found.values() for cand in per_bucket})
        best, best_sim = None, 0.0
        for cid, other in cands:
            sim = dedup.similarity(sig, other)
            if sim >= dedup.THRESHOLD and sim > best_sim:
                best, best_sim = cid, sim
        return best, (best_sim if best is not None else None)

    def _entities(self, conn: Connection, r: Resolver, doc_id: int, record: dict, s: Summary) -> None:
        rows = entity_mentions(r, doc_id, record, s)
        if rows:
            conn.execute(insert(mentions), rows)

    def _events(self, conn: Connection, r: Resolver, doc_id: int, body: str, record: dict, s: Summary) -> None:
        """Resolve the article's events one by one (each may be an event stored before), then write their
        parties, sectors and reports in one statement per table: nothing the resolver reads."""
        published = record["document"]["published"]
        parties, sectors, sources = [], [], []
        for ev in record["events"]:
            eid, new = r.event(ev, doc_id, published)
            s.events += new
            s.event_reports += 1
            if new:
                parties += [{"event_id": eid, "code": c} for c in ev["parties"]]
            have = set() if new else {
                x[0] for x in conn.execute(select(event_sectors.c.sector).where(event_sectors.c.event_id == eid))}
            sectors += [{"event_id": eid, "sector": x} for x in ev["sectors"] if x not in have]
            sources += {span["start"]: {"event_id": eid, "document_id": doc_id, "start": span["start"],
                                        "end": span["end"], "evidence": body[span["start"]:span["end"]],
                                        "status": ev["status"], "date": ev.get("date")}
                        for span in ev["evidence_spans"]}.values()
        for table, rows in ((event_parties, parties), (event_sectors, sectors), (event_sources, sources)):
            if rows:
                conn.execute(_INSERT[table.name], rows)

    def _figures(self, conn: Connection, doc_id: int, record: dict, s: Summary, groups: set[tuple]) -> None:
        rows = figure_rows(doc_id, record)
        if not rows:
            return
        conn.execute(insert(figures), list(rows.values()))
        ids = dict(conn.execute(select(figures.c.start, figures.c.id).where(figures.c.document_id == doc_id)).all())
        parties = [{"figure_id": ids[start], "code": c} for start, row in rows.items()
                   for c in row["parties"].split("|") if c]
        if parties:
            conn.execute(insert(figure_parties), parties)
        s.figures += len(rows)
        groups.update((r["indicator"], r["parties"], r["period"], r["kind"], r["unit"]) for r in rows.values())

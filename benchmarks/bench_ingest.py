#!/usr/bin/env python3
"""Ingest throughput into SQLite: extraction alone, writing alone and both end to end, on the same articles.

    python benchmarks/bench_ingest.py [--articles N] [--batch B] [--pg URL] [--workers W]

Generates N varied articles (benchmarks/corpus.py) and measures, on the same articles in this process:
extraction alone (no database), writing alone (records extracted beforehand, as the Dask path hands them
to the writer) into a fresh SQLite file, ingest end to end (read JSON Lines, extract, resolve, write) into
another fresh file, and a second ingest of the same articles (all exact duplicates: the idempotence
path). The ratio of ingest to extraction is the P14 target (>= 0.8). With --pg (a PostgreSQL server's URL),
the stores are throwaway databases made on that server instead of SQLite files; with --workers, an ingest
end to end with extraction on a Dask local cluster of W workers follows (P14: >= 1.6 x one process).
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402

from accordwatch import extract_document, pipeline  # noqa: E402
from accordwatch.ingest import read_paths  # noqa: E402
from accordwatch.store import open_store  # noqa: E402


@contextlib.contextmanager
def fresh(pg: str | None, tmp: str, name: str):
    """A new store: a SQLite file in tmp, or a throwaway database on the PostgreSQL server at `pg`."""
    if not pg:
        store = open_store(str(Path(tmp) / f"{name}.db"))
        try:
            yield store
        finally:
            store.close()
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from accordwatch.store.engine import database_url

    admin_url = make_url(database_url(pg))
    db = f"aw_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{db}"')
    store = open_store(admin_url.set(database=db).render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.close()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            # the next phase starts on a quiet server, not while it writes out this one's pages
            with contextlib.suppress(Exception):   # CHECKPOINT needs a superuser or pg_checkpoint
                conn.exec_driver_sql("CHECKPOINT")
        admin.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--pg", help="a PostgreSQL server's URL: the stores are throwaway databases there")
    ap.add_argument("--workers", type=int, default=0, help="also ingest with extraction on W Dask workers")
    a = ap.parse_args()
    where = "PostgreSQL" if a.pg else "SQLite"
    pipeline()   # gazetteers load once per process: not part of the throughput
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for art in generate(a.articles):
                f.write(json.dumps(art) + "\n")

        results = list(read_paths([str(feed)]))
        t0 = time.perf_counter()
        records = [(r, extract_document(r.document), None) for r in results]
        extract = time.perf_counter() - t0
        print(f"extraction alone: {len(records)} articles in {extract:.2f} s = "
              f"{len(records) / extract:,.0f} articles/s")

        with fresh(a.pg, tmp, "write") as store:
            t0 = time.perf_counter()
            w = store.ingest(iter(records), batch=a.batch)
            write = time.perf_counter() - t0
        print(f"writing alone (records given) into {where}: {w.read / write:,.0f} articles/s")
        # what the end-to-end runs do not read: kept, its millions of objects would make every full garbage
        # collection of theirs walk it (an ingest holds a batch or a window of records, not the whole input)
        extracted = len(records)
        del records, results
        gc.collect()

        with fresh(a.pg, tmp, "bench") as store:
            t0 = time.perf_counter()
            s = store.ingest(read_paths([str(feed)]), batch=a.batch)
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = store.ingest_paths([str(feed)])
            second = time.perf_counter() - t0
            counts = store.counts()
        print(f"ingest into {where}, end to end: {s.read} articles in {first:.2f} s = {s.read / first:,.0f} "
              f"articles/s ({s.new} new, {s.near_duplicate} near-duplicates, {s.failed} failed; "
              f"{counts['events']} events, {counts['figures']} figures, {counts['entities']} entities)")
        print(f"ingest / extraction: {(s.read / first) / (extracted / extract):.2f}")
        print(f"re-ingest of the same articles (all duplicates): {again.read / second:,.0f} articles/s, "
              f"{again.new} new")
        if a.workers:
            from accordwatch.scale.dask import connect

            connect(a.workers).close()   # a first cluster's start-up (imports) is not the ingest's
            t0 = time.perf_counter()
            client = connect(a.workers)   # what starting a cluster costs (its workers load the pipeline)
            start = time.perf_counter() - t0
            cluster = client.cluster
            client.close()
            cluster.close()
            with fresh(a.pg, tmp, "workers") as store:
                t0 = time.perf_counter()
                d = store.ingest_paths([str(feed)], workers=a.workers)
                took = time.perf_counter() - t0
            one, rate, warm = s.read / first, d.read / took, d.read / (took - start)
            print(f"ingest into {where} with --workers {a.workers} (cluster start included): {rate:,.0f} "
                  f"articles/s = {rate / one:.2f} x one process; without the cluster's start "
                  f"({start:.1f} s): {warm:,.0f} articles/s = {warm / one:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

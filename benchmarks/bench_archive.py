#!/usr/bin/env python3
"""An archive's worth on PostgreSQL (`make bench-archive`, outside CI): ingest N generated articles
(benchmarks/corpus.py) into a throwaway PostgreSQL database, then time every API route and dashboard
page under load.

    python benchmarks/bench_archive.py [--articles 200000] [--workers 0] [--pg URL] [--seconds 10]
                                       [--connections 16] [--serve-workers 1] [--keep | --db URL]

Prints the ingest rate, the peak memory of the ingest process (its VmHWM), the database's size per
article, and for each route p50/p99 (wrk on loopback, --serve-workers server processes; the first request
of each is timed apart: a profile or the network made from the database). The database is dropped at the
end unless --keep, which prints its URL; --db URL times the routes on such a kept database (no ingest).
Without --pg it uses scripts/pg-test-server.sh (starting it if need be).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import peak_memory, server, wrk_load  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from accordwatch.store.engine import database_url  # noqa: E402


def pg_base(given: str | None) -> str:
    if given:
        return given
    url = subprocess.run(["bash", str(ROOT / "scripts" / "pg-test-server.sh"), "start"], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()[-1]
    return url


def first_request_ms(url: str) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as r:
        r.read()
    return 1000 * (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--pg")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16, help="wrk's open connections")
    ap.add_argument("--serve-workers", type=int, default=1, help="server processes (accordwatch serve --workers)")
    keep = ap.add_mutually_exclusive_group()
    keep.add_argument("--keep", action="store_true", help="keep the database (its URL is printed)")
    keep.add_argument("--db", help="time the routes on this database, ingested before with --keep")
    a = ap.parse_args()
    if a.db:
        db, admin, name = database_url(a.db), None, None
    else:
        base = make_url(database_url(pg_base(a.pg)))
        name = f"aw_archive_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        db = base.set(database=name).render_as_string(hide_password=False)
    try:
        if admin is not None:
            peak, _, rate = peak_memory(a.articles, db, a.workers, seed=23)
            if a.keep:
                print(f"kept: {db}")
        engine = create_engine(db)
        with engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
            docs = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
            top = conn.execute(text("SELECT code FROM document_countries GROUP BY code ORDER BY count(*) DESC "
                                    "LIMIT 1")).scalar_one()
            partner = conn.execute(text(
                "SELECT b.code FROM document_countries a JOIN document_countries b ON a.document_id = b.document_id "
                "AND b.code <> a.code WHERE a.code = :c GROUP BY b.code ORDER BY count(*) DESC LIMIT 1"),
                {"c": top}).scalar_one()
            doc_id = conn.execute(text("SELECT max(id) FROM documents")).scalar_one()
        engine.dispose()
        if admin is not None:
            print(f"archive on PostgreSQL: {a.articles:,} generated articles ingested at {rate:.0f} articles/s "
                  f"({'--workers ' + str(a.workers) if a.workers else 'one process'}), peak memory {peak:.0f} MB, "
                  f"{size / max(docs, 1) / 1024:.1f} kB of database per article ({size / 2**30:.2f} GB)")
        else:
            print(f"archive on PostgreSQL: {docs:,} articles, {size / max(docs, 1) / 1024:.1f} kB of database "
                  f"per article ({size / 2**30:.2f} GB)")
        routes = [f"/api/profile/{top}/{partner}", f"/api/partners/{top}", f"/api/events?country={top}&type=agreement",
                  f"/api/events?pair={top}-{partner}&since=2020", "/api/figures?indicator=trade_turnover",
                  "/api/search?q=memorandum", f"/api/documents/{doc_id}", "/api/entities?q=minister",
                  "/", f"/country/{top}", f"/pair/{top}/{partner}", "/network", "/events?type=meeting",
                  "/search?q=railway", f"/article/{doc_id}"]
        with server(db, a.serve_workers) as url:   # bench_scale's: `accordwatch serve` on a free loopback port
            for route in routes:
                print(f"  {route}: first request {first_request_ms(url + route):.0f} ms")
                load = wrk_load(url + route, seconds=a.seconds, connections=a.connections, processes=a.serve_workers)
                # (wrk_load names every route an API's; a dashboard page is a page)
                print("    " + (load if route.startswith("/api/") else load.replace("API /", "page /", 1)))
    finally:
        if admin is not None:
            if not a.keep:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Ingest throughput into SQLite: extraction alone, writing alone and both end to end, on the same articles.

    python benchmarks/bench_ingest.py [--articles N] [--batch B]

Generates N varied articles (benchmarks/corpus.py) and measures, on the same articles in this process:
extraction alone (no database), writing alone (records extracted beforehand, as the Dask path hands them
to the writer) into a fresh SQLite file, ingest end to end (read JSON Lines, extract, resolve, write) into
another fresh file, and a second ingest of the same articles (all exact duplicates: the idempotence
path). The ratio of ingest to extraction is the P14 target (>= 0.8).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402

from accordwatch import extract_document, pipeline  # noqa: E402
from accordwatch.ingest import read_paths  # noqa: E402
from accordwatch.store import open_store  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--batch", type=int, default=100)
    a = ap.parse_args()
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

        store = open_store(str(Path(tmp) / "write.db"))
        t0 = time.perf_counter()
        w = store.ingest(iter(records), batch=a.batch)
        write = time.perf_counter() - t0
        store.close()
        print(f"writing alone (records given): {w.read / write:,.0f} articles/s")

        store = open_store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        s = store.ingest(read_paths([str(feed)]), batch=a.batch)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = store.ingest_paths([str(feed)])
        second = time.perf_counter() - t0
        counts = store.counts()
        store.close()
    print(f"ingest into SQLite, end to end: {s.read} articles in {first:.2f} s = {s.read / first:,.0f} articles/s "
          f"({s.new} new, {s.near_duplicate} near-duplicates, {s.failed} failed; {counts['events']} events, "
          f"{counts['figures']} figures, {counts['entities']} entities)")
    print(f"ingest / extraction: {(s.read / first) / (len(records) / extract):.2f}")
    print(f"re-ingest of the same articles (all duplicates): {again.read / second:,.0f} articles/s, "
          f"{again.new} new")
    return 0


if __name__ == "__main__":
    sys.exit(main())

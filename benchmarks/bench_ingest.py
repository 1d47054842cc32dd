#!/usr/bin/env python3
"""Ingest throughput into SQLite, end to end: read JSON Lines, extract, resolve, write.

    python benchmarks/bench_ingest.py [--articles N]

Generates N varied articles (benchmarks/corpus.py), ingests them into a fresh SQLite file and
prints articles per second, then ingests them again (all exact duplicates: the idempotence path).
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

from accordwatch import pipeline  # noqa: E402
from accordwatch.store import open_store  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    a = ap.parse_args()
    pipeline()   # gazetteers load once per process: not part of the throughput
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for art in generate(a.articles):
                f.write(json.dumps(art) + "\n")
        store = open_store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        s = store.ingest_paths([str(feed)])
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = store.ingest_paths([str(feed)])
        second = time.perf_counter() - t0
        counts = store.counts()
        store.close()
    print(f"ingest into SQLite, end to end: {s.read} articles in {first:.2f} s = {s.read / first:,.0f} articles/s "
          f"({s.new} new, {s.near_duplicate} near-duplicates, {s.failed} failed; {counts['events']} events, "
          f"{counts['figures']} figures, {counts['entities']} entities)")
    print(f"re-ingest of the same articles (all duplicates): {again.read / second:,.0f} articles/s, "
          f"{again.new} new")
    return 0


if __name__ == "__main__":
    sys.exit(main())

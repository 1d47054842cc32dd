#!/usr/bin/env python3
"""`make bench`: extraction throughput over the sample corpus, on one core.

    python benchmarks/bench_extract.py [--articles N] [--corpus examples/articles]

Reads the corpus once, builds the pipeline (timed apart: gazetteers load once per process), then
extracts N articles (the corpus repeated) in several rounds and prints articles and words per
second for the best round and the median one (a shared VM's timing varies by some 10%).
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accordwatch import extract_document, pipeline  # noqa: E402
from accordwatch.ingest import read_paths  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "articles")
    a = ap.parse_args()
    docs = [r.document for r in read_paths([a.corpus]) if r.ok]
    if not docs:
        print(f"no articles under {a.corpus}")
        return 1
    t0 = time.perf_counter()
    pipeline()
    extract_document(copy.copy(docs[0]))
    startup = time.perf_counter() - t0
    rounds = []
    words = 0
    for _ in range(a.rounds):
        words = 0
        t0 = time.perf_counter()
        for i in range(a.articles):
            d = docs[i % len(docs)]
            fresh = type(d)(text=d.text, source=d.source, title=d.title, published=d.published,
                            outlet=d.outlet, url=d.url)
            extract_document(fresh)
            words += len(d.text.split())
        rounds.append(time.perf_counter() - t0)
    best, median = min(rounds), statistics.median(rounds)
    where = a.corpus.relative_to(ROOT) if a.corpus.is_relative_to(ROOT) else a.corpus
    print(f"corpus: {len(docs)} articles from {where}, {words // a.articles} words per article on average")
    print(f"pipeline start-up (load gazetteers, build matchers): {startup:.2f} s")
    print(f"extraction, one process, {a.articles} articles x {a.rounds} rounds: "
          f"best {a.articles / best:,.0f} articles/s ({words / best:,.0f} words/s), "
          f"median {a.articles / median:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""`make bench`: extraction throughput over the sample corpus, on one core.

    python benchmarks/bench_extract.py [--articles N] [--corpus examples/articles]

Reads the corpus once, builds the pipeline (timed apart: gazetteers load once per process), then
extracts N articles (the corpus repeated) in several rounds and prints articles and words per
second for the best round and the median one (a shared VM's timing varies by some 10%), for the
whole corpus and then for its articles in each language alone (English, Russian).
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
from accordwatch.ingest.language import language_of  # noqa: E402


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
    where = a.corpus.relative_to(ROOT) if a.corpus.is_relative_to(ROOT) else a.corpus
    print(f"corpus: {len(docs)} articles from {where}")
    print(f"pipeline start-up (load gazetteers, build matchers): {startup:.2f} s")
    run("extraction, one process", docs, a.articles, a.rounds)
    for code, name in (("en", "English"), ("ru", "Russian")):
        chosen = [d for d in docs if language_of(d.text) == code]
        if chosen:
            run(f"  {name} articles alone ({len(chosen)})", chosen, a.articles, a.rounds)
    return 0


def run(label: str, docs: list, articles: int, rounds_n: int) -> None:
    """Extract `articles` articles (`docs` repeated) in `rounds_n` rounds; print the best and median."""
    rounds = []
    words = 0
    for _ in range(rounds_n):
        words = 0
        t0 = time.perf_counter()
        for i in range(articles):
            d = docs[i % len(docs)]
            fresh = type(d)(text=d.text, source=d.source, title=d.title, published=d.published,
                            outlet=d.outlet, url=d.url)
            extract_document(fresh)
            words += len(d.text.split())
        rounds.append(time.perf_counter() - t0)
    best, median = min(rounds), statistics.median(rounds)
    print(f"{label}, {articles} articles x {rounds_n} rounds, {words // articles} words per article: "
          f"best {articles / best:,.0f} articles/s ({words / best:,.0f} words/s), "
          f"median {articles / median:,.0f} articles/s")


if __name__ == "__main__":
    sys.exit(main())

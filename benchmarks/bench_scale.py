#!/usr/bin/env python3
"""Scale figures: extraction on one process vs a 2-worker Dask cluster, and the peak memory of
an ingest as the input grows.

    python benchmarks/bench_scale.py [--articles 2000] [--memory 5000,20000]

Extraction is timed over generated articles (benchmarks/corpus.py) after the workers have
warmed up (loaded their gazetteers). Memory: `accordwatch ingest` runs in a child process over a
JSON Lines file of N articles into a fresh SQLite file; its peak resident set size is read from
the kernel (getrusage of children), so the figure includes everything the process touched.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402

from accordwatch import extract_document, pipeline  # noqa: E402
from accordwatch.document import Document  # noqa: E402
from accordwatch.ingest import Result  # noqa: E402


def results(n: int) -> list[Result]:
    return [Result(a["url"], document=Document(text=a["text"], source=a["url"], title=a["title"],
                                               published=a["published"], outlet=a["outlet"]))
            for a in generate(n)]


def single(n: int) -> float:
    pipeline()
    items = results(n)
    t0 = time.perf_counter()
    for r in items:
        extract_document(r.document)
    return n / (time.perf_counter() - t0)


def on_dask(n: int, workers: int) -> float:
    from accordwatch.scale.dask import connect, records

    client = connect(workers=workers)
    try:
        list(records(results(4 * workers), client=client, chunk=1))   # every worker loads its gazetteers
        items = results(n)
        t0 = time.perf_counter()
        for _ in records(items, client=client, chunk=200):
            pass
        return n / (time.perf_counter() - t0)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()


def peak_memory(n: int, workers: int = 0) -> tuple[float, float, float]:
    """(peak RSS in MB, seconds, articles/s) of `accordwatch ingest` over n generated articles."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for a in generate(n, seed=11):
                f.write(json.dumps(a) + "\n")
        cmd = [sys.executable, "-m", "accordwatch.cli", "ingest", str(feed), "--db", str(Path(tmp) / "m.db"), "-q"]
        if workers:
            cmd += ["--workers", str(workers)]
        t0 = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(peak, before) / 1024, elapsed, n / elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--memory", default="5000,20000", help="article counts for the memory runs ('' to skip)")
    a = ap.parse_args()
    one = single(a.articles)
    two = on_dask(a.articles, 2)
    print(f"extraction, {a.articles} generated articles: one process {one:,.0f} articles/s; "
          f"Dask, 2 workers {two:,.0f} articles/s; ratio {two / one:.2f} (on {os.cpu_count()} cores)")
    for n in [int(x) for x in a.memory.split(",") if x.strip()]:
        mb, secs, rate = peak_memory(n)
        print(f"ingest of {n:,} articles into SQLite (one process): peak memory {mb:,.0f} MB, "
              f"{secs:,.0f} s, {rate:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scale figures: extraction on one process vs a 2-worker Dask cluster, the peak memory of an
ingest as the input grows, and the profile endpoint's throughput and latency on the largest
database under wrk.

    python benchmarks/bench_scale.py [--articles 2000] [--memory 5000,20000]

Extraction is timed over generated articles (benchmarks/corpus.py) after the workers have
warmed up (loaded their gazetteers). Memory: `accordwatch ingest` runs in a child process over a
JSON Lines file of N articles into a fresh SQLite file; its peak resident set size is read from
the kernel (wait4), so the figure includes everything the process touched. API: `accordwatch
serve` on that database, loaded by wrk on loopback (scripts/bench-deps.sh installs wrk).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
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


def peak_memory(n: int, db: Path) -> tuple[float, float, float]:
    """(peak RSS in MB, seconds, articles/s) of `accordwatch ingest` over n generated articles."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for a in generate(n, seed=11):
                f.write(json.dumps(a) + "\n")
        cmd = [sys.executable, "-m", "accordwatch.cli", "ingest", str(feed), "--db", str(db), "-q"]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        if status != 0:
            raise SystemExit(f"ingest of {n} articles failed (status {status})")
    return usage.ru_maxrss / 1024, elapsed, n / elapsed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_load(db: Path, path: str, seconds: int = 10, connections: int = 16) -> str:
    """Requests/s and latency percentiles of one endpoint under wrk on loopback."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return "API load: skipped, wrk is not installed (bash scripts/bench-deps.sh installs it)"
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "accordwatch.cli", "serve", "--db", str(db), "--port", str(port)],
                              env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}{path}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    r.read()
                break
            except OSError:
                time.sleep(0.2)
        out = subprocess.run([wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                             capture_output=True, text=True, check=True).stdout
    finally:
        server.terminate()
        server.wait(timeout=10)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    pct = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (f"API {path} under wrk (2 threads, {connections} connections, {seconds} s, loopback): "
            f"{float(rps.group(1)) if rps else 0:,.0f} requests/s, p50 {pct.get('50')}, p90 {pct.get('90')}, "
            f"p99 {pct.get('99')}" + (f", {errors.group(1)} non-2xx" if errors else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--memory", default="5000,20000", help="article counts for the memory runs ('' to skip)")
    a = ap.parse_args()
    one = single(a.articles)
    two = on_dask(a.articles, 2)
    print(f"extraction, {a.articles} generated articles: one process {one:,.0f} articles/s; "
          f"Dask, 2 workers {two:,.0f} articles/s; ratio {two / one:.2f} (on {os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        db = None
        for n in [int(x) for x in a.memory.split(",") if x.strip()]:
            db = Path(tmp) / f"ingest-{n}.db"
            mb, secs, rate = peak_memory(n, db)
            print(f"ingest of {n:,} articles into SQLite (one process): peak memory {mb:,.0f} MB, "
                  f"{secs:,.0f} s, {rate:,.0f} articles/s", flush=True)
        if db is not None:
            print(api_load(db, "/api/profile/KAZ/UZB"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scale figures (issue P6): extraction on one process vs Dask, the peak memory and rate of an
ingest as the input grows, and the profile endpoint under load on the largest database.

    python benchmarks/bench_scale.py [--articles 2000] [--memory 5000,20000] [--corpus examples/articles]

Extraction: the same articles (the sample corpus, repeated) on one process, on a Dask local cluster
of one worker and of two, each after its workers have loaded their gazetteers. Memory: `accordwatch
ingest` runs in a child process over a JSON Lines file of N generated articles (benchmarks/corpus.py)
into a fresh SQLite file; its peak resident set size is its kernel high-water mark (VmHWM). API: `accordwatch
serve` on the largest database; first every pair profile of the busiest country once (answers made
from the database), then one profile under wrk on loopback (kept answers; scripts/bench-deps.sh
installs wrk).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402

from accordwatch import extract_document, pipeline  # noqa: E402
from accordwatch.document import Document  # noqa: E402
from accordwatch.ingest import Result, read_paths  # noqa: E402


def sample(corpus: Path, n: int) -> list[Result]:
    """n fresh Results cycling through the articles under `corpus`."""
    docs = [r.document for r in read_paths([corpus]) if r.ok]
    return [Result(d.source, document=Document(text=d.text, source=d.source, title=d.title, published=d.published,
                                               outlet=d.outlet, url=d.url))
            for d in (docs[i % len(docs)] for i in range(n))]


def single(items: list[Result]) -> float:
    pipeline()
    extract_document(items[0].document)
    t0 = time.perf_counter()
    for r in items:
        extract_document(r.document)
    return len(items) / (time.perf_counter() - t0)


def on_dask(make, n: int, workers: int) -> float:
    from accordwatch.scale.dask import connect, records

    client = connect(workers=workers)
    try:
        list(records(make(4 * workers), client=client, chunk=1))   # every worker has run the pipeline
        items = make(n)
        t0 = time.perf_counter()
        for _ in records(items, client=client):
            pass
        return n / (time.perf_counter() - t0)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()


def high_water_mb(pid: int) -> float:
    """The peak resident set size of a running process (VmHWM in /proc/PID/status), in MB; 0 once
    it has exited."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    m = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(m.group(1)) / 1024 if m else 0.0


def peak_memory(n: int, db: Path | str, workers: int = 0, seed: int = 11) -> tuple[float, float, float]:
    """(peak RSS in MB, seconds, articles/s) of `accordwatch ingest` over n generated articles into `db`
    (a SQLite file or a database URL), with `workers` Dask workers when given.

    The peak is the child's own high-water mark, read from /proc while it runs (every 50 ms; it only
    grows). Not wait4's ru_maxrss: Linux carries the size of the process that forked it (this one,
    with its pipeline and Dask clients loaded) across exec into that figure."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for a in generate(n, seed=seed):
                f.write(json.dumps(a) + "\n")
        cmd = [sys.executable, "-m", "accordwatch.cli", "ingest", str(feed), "--db", str(db), "-q"]
        if workers:
            cmd += ["--workers", str(workers)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, high_water_mb(proc.pid))
            time.sleep(0.05)
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            raise SystemExit(f"ingest of {n} articles failed (status {proc.returncode})")
    return peak, elapsed, n / elapsed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(db: Path | str, workers: int = 1):
    """`accordwatch serve` on `db` (a SQLite file or a database URL; `workers` server processes) on a free
    loopback port: yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "accordwatch.cli", "serve", "--db", str(db), "--port", str(port),
                             "--workers", str(workers)],
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(base + "/api", timeout=5) as r:
                    r.read()
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def busiest_pairs(db: Path, limit: int = 30) -> list[str]:
    """Profile paths of the country named in most articles with each of its partners."""
    from accordwatch.query import partners
    from accordwatch.store.engine import make_engine

    engine = make_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        top = conn.exec_driver_sql("SELECT code FROM document_countries GROUP BY code "
                                   "ORDER BY count(*) DESC LIMIT 1").scalar_one()
    pairs = [f"/api/profile/{top}/{p['code']}" for p in partners(engine, top, limit=limit)]
    engine.dispose()
    return pairs


def cold(base: str, paths: list[str]) -> str:
    """Each profile asked once, one after another: answers made from the database."""
    times = []
    for path in paths:
        t0 = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=30) as r:
            r.read()
        times.append(1000 * (time.perf_counter() - t0))
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    return (f"API profile, first request of each of {len(paths)} pairs (made from the database): "
            f"median {statistics.median(times):.1f} ms, p99 {p99:.1f} ms, max {times[-1]:.1f} ms")


def wrk_load(url: str, seconds: int = 10, connections: int = 16, processes: int = 1) -> str:
    """Requests/s and latency percentiles of one URL under wrk on loopback, asking for gzip as browsers and
    HTTP libraries do (a large kept answer is sent compressed: web.encoded)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return "API load: skipped, wrk is not installed (bash scripts/bench-deps.sh installs it)"
    out = subprocess.run([wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
                          "-H", "Accept-Encoding: gzip", url],
                         capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    pct = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    path = url.split("/", 3)[-1]
    servers = "one server process" if processes == 1 else f"{processes} server processes"
    return (f"API /{path} under wrk (2 threads, {connections} connections, {seconds} s, loopback, {servers}): "
            f"{float(rps.group(1)) if rps else 0:,.0f} requests/s, p50 {pct.get('50')}, "
            f"p90 {pct.get('90')}, p99 {pct.get('99')}" + (f", {errors.group(1)} non-2xx" if errors else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles for the extraction figures")
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "articles")
    ap.add_argument("--memory", default="5000,20000", help="article counts for the ingest runs ('' to skip)")
    a = ap.parse_args()

    def make(n: int) -> list[Result]:
        return sample(a.corpus, n)

    one = single(make(a.articles))
    dask1 = on_dask(make, a.articles, 1)
    dask2 = on_dask(make, a.articles, 2)
    print(f"extraction of {a.articles:,} sample articles (on {os.cpu_count()} cores): one process {one:,.0f} "
          f"articles/s; Dask, 1 worker {dask1:,.0f}; Dask, 2 workers {dask2:,.0f}: "
          f"{dask2 / one:.2f} x one process, {dask2 / dask1:.2f} x one worker", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = None
        for n in [int(x) for x in a.memory.split(",") if x.strip()]:
            db = Path(tmp) / f"ingest-{n}.db"
            mb, secs, rate = peak_memory(n, db)
            print(f"ingest of {n:,} generated articles into SQLite, end to end (one process): {rate:,.0f} "
                  f"articles/s ({secs:,.0f} s), peak memory {mb:,.0f} MB", flush=True)
        if db is not None:
            paths = busiest_pairs(db)
            with server(db) as base:
                print(cold(base, paths), flush=True)
                print(wrk_load(base + paths[0]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

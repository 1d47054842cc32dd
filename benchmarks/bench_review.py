#!/usr/bin/env python3
"""Review target of P13: the profile of a pair with 1,000 reviewed facts answers as fast as an
unreviewed one (p99 within 20 %).

    python benchmarks/bench_review.py [--background 400] [--pair-articles 130] [--reviews 1000]
                                      [--blocks 5] [--cold 24] [--cached 200] [--pair KAZ-UZB]

The database: generated articles (benchmarks/corpus.py), `--background` of them between random
countries and `--pair-articles` between the two countries of `--pair`, so that the pair has well over
`--reviews` facts (figures, and events as each article reports them). It is copied; in the copy an
editor reviews `--reviews` of the pair's facts through review.facts (review_figure, review_event), about
half confirmed, three in ten corrected (a figure's value, an event's status), one in five rejected.
Then `accordwatch serve` runs on each (bench_scale.server) and GET /api/profile/A/B is timed on both,
their requests interleaved (one to the unreviewed database, one to the reviewed, the order swapped
each round), so that whatever else the machine does weighs on both alike.

What is measured, and why two figures. The API keeps a profile's answer until the data version moves
(web.cache), and every review moves it: a pair under review is answered from the database again after
each review, and that is where reviewed facts could cost.
  - first requests: before each one, the data version of its database is moved on (store.version.bump,
    from this process, as an ingest or a review does), so each answer is made from the database: the
    queries over the reviewed rows, the JSON (with the "verified" marks: who and when).
  - kept answers: the same request again at an unchanged version: one indexed read and the kept bytes
    (whose size differs a little: rejected facts are out, reviewed ones carry who and when).
Each request is timed at the client over loopback (urllib, one at a time), in `--blocks` blocks. The
p50 and p99 printed pool every block. The verdict, for each of the two, is the median over the blocks
of (the reviewed database's p99 / the unreviewed one's p99 in the same block): the median of a few
blocks keeps one burst of load from another process (two shared cores) from deciding it. PASS when
it is at most 1.2; the exit status is 1 on a FAIL.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import server  # noqa: E402
from corpus import article, countries, generate  # noqa: E402

from accordwatch.store import open_store  # noqa: E402

LIMIT = 1.2      # the reviewed pair's p99 / the unreviewed one's
ACTIONS = ["confirm"] * 5 + ["correct"] * 3 + ["reject"] * 2   # the review mix, drawn at random


def build(db: Path, background: int, pair: tuple[str, str], pair_articles: int, seed: int = 13) -> tuple[int, float]:
    """Ingest the generated articles into a new SQLite file: (articles, seconds)."""
    rng = random.Random(seed)
    two = [c for c in countries() if c["code"] in pair]
    if len(two) != 2:
        raise SystemExit(f"--pair {'-'.join(pair)}: both must be countries of benchmarks/corpus.py")
    items = list(generate(background, seed=seed))
    items += [article(rng, two, background + i) for i in range(pair_articles)]
    rng.shuffle(items)
    feed = db.with_suffix(".jsonl")
    with feed.open("w", encoding="utf-8") as f:
        for a in items:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    store = open_store(str(db))
    try:
        store.ingest_paths([str(feed)])
    finally:
        store.close()
    return len(items), time.perf_counter() - t0


def pair_facts(engine, a: str, b: str) -> tuple[list[int], list[tuple[int, int]]]:
    """The pair's figures (ids) and its events as each article reports them ((event id, document id))."""
    from sqlalchemy import select

    from accordwatch.query.common import event_has_party, figure_has_party
    from accordwatch.store import schema as s

    with engine.connect() as conn:
        figures = list(conn.execute(select(s.figures.c.id).where(figure_has_party(a), figure_has_party(b))
                                    .order_by(s.figures.c.id)).scalars())
        src = s.event_sources
        reports = [tuple(r) for r in conn.execute(
            select(src.c.event_id, src.c.document_id).distinct().join(s.events, s.events.c.id == src.c.event_id)
            .where(event_has_party(a), event_has_party(b)).order_by(src.c.event_id, src.c.document_id))]
    return figures, reports


def review(db: Path, pair: tuple[str, str], n: int, seed: int = 5) -> tuple[dict[str, int], float]:
    """Review n of the pair's facts as an editor: ({action: count}, seconds)."""
    from sqlalchemy import select

    from accordwatch.query.common import STATUSES
    from accordwatch.review import accounts, facts
    from accordwatch.review.facts import NoSuchFact
    from accordwatch.store import schema as s

    rng = random.Random(seed)
    store = open_store(str(db))
    try:
        engine = store.engine
        editor = accounts.add_user(engine, "bench-editor", "a long bench password", "editor", by="bench")
        figures, reports = pair_facts(engine, *pair)
        todo = [("figure", f) for f in figures] + [("event", r) for r in reports]
        if len(todo) < n:
            raise SystemExit(f"the pair {'-'.join(pair)} has {len(todo)} facts, fewer than --reviews {n}: "
                             "raise --pair-articles")
        rng.shuffle(todo)
        done = {a: 0 for a in ("confirm", "correct", "reject")}
        t0 = time.perf_counter()
        for kind, key in todo:
            if sum(done.values()) == n:
                break
            action = rng.choice(ACTIONS)
            try:
                if kind == "figure":
                    fields = None
                    if action == "correct":
                        with engine.connect() as conn:
                            value = conn.execute(select(s.figures.c.value).where(s.figures.c.id == key)).scalar_one()
                        fields = {"value": round((value or 1) * 1.1, 2)}
                    facts.review_figure(engine, editor, key, action, fields)
                else:
                    fields = {"status": rng.choice(STATUSES)} if action == "correct" else None
                    facts.review_event(engine, editor, key[0], key[1], action, fields)
            except NoSuchFact:     # an event rejected in one article leaves its other reports
                continue
            done[action] += 1
        seconds = time.perf_counter() - t0
    finally:
        store.close()
    if sum(done.values()) < n:
        raise SystemExit(f"only {sum(done.values())} of the pair's facts could be reviewed: raise --pair-articles")
    return done, seconds


def bump(engine) -> None:
    from accordwatch.store import version

    with engine.begin() as conn:
        version.bump(conn)


def get_ms(url: str) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        if r.status != 200:
            raise SystemExit(f"{url}: status {r.status}")
    return 1000 * (time.perf_counter() - t0)


def p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def interleaved(urls: list[str], rounds: int, before=None) -> list[list[float]]:
    """Times (ms) of each URL, asked in turn, the order swapped every round; `before(i)` runs before each
    request to the i-th URL (untimed)."""
    out: list[list[float]] = [[] for _ in urls]
    for k in range(rounds):
        order = range(len(urls)) if k % 2 == 0 else reversed(range(len(urls)))
        for i in order:
            if before is not None:
                before(i)
            out[i].append(get_ms(urls[i]))
    return out


def verdict(label: str, blocks: list[list[list[float]]]) -> bool:
    """Print the pooled p50/p99 of both databases and the p99 ratio of each block; PASS when the median
    of the blocks' ratios is at most LIMIT."""
    plain = [t for b in blocks for t in b[0]]
    reviewed = [t for b in blocks for t in b[1]]
    ratios = sorted(p99(b[1]) / p99(b[0]) for b in blocks)
    ratio = statistics.median(ratios)
    ok = ratio <= LIMIT
    print(f"  {label}: unreviewed p50 {statistics.median(plain):.1f} ms, p99 {p99(plain):.1f} ms; "
          f"reviewed p50 {statistics.median(reviewed):.1f} ms, p99 {p99(reviewed):.1f} ms; p99 ratio "
          f"{p99(reviewed) / p99(plain):.2f} pooled, {ratio:.2f} the median of {len(blocks)} blocks' "
          f"({', '.join(f'{r:.2f}' for r in ratios)}) (limit {LIMIT}): {'PASS' if ok else 'FAIL'}", flush=True)
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--background", type=int, default=400, help="generated articles between random countries")
    ap.add_argument("--pair-articles", type=int, default=130, help="generated articles between the pair")
    ap.add_argument("--pair", default="KAZ-UZB", help="the pair to review and profile (A-B)")
    ap.add_argument("--reviews", type=int, default=1000, help="the pair's facts to review")
    ap.add_argument("--blocks", type=int, default=5, help="blocks of interleaved rounds (a ratio each)")
    ap.add_argument("--cold", type=int, default=24, help="first requests per database and block (each at a "
                                                          "new data version)")
    ap.add_argument("--cached", type=int, default=200, help="kept answers per database and block")
    a = ap.parse_args()
    pair = tuple(sorted(a.pair.upper().split("-")))
    if len(pair) != 2:
        raise SystemExit(f"--pair {a.pair}: two codes, A-B")

    from accordwatch.store.engine import make_engine

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        plain_db, reviewed_db = Path(tmp) / "unreviewed.db", Path(tmp) / "reviewed.db"
        n, secs = build(plain_db, a.background, pair, a.pair_articles)
        shutil.copy(plain_db, reviewed_db)
        engine = make_engine(f"sqlite:///{plain_db}")
        figures, reports = pair_facts(engine, *pair)
        engine.dispose()
        print(f"review bench: {n:,} generated articles ingested in {secs:.0f} s; the pair {'-'.join(pair)} has "
              f"{len(figures):,} figures and {len(reports):,} event reports", flush=True)
        done, secs = review(reviewed_db, pair, a.reviews)
        print(f"  {sum(done.values()):,} of its facts reviewed by an editor in {secs:.1f} s "
              f"({sum(done.values()) / secs:,.0f}/s): {done['confirm']} confirmed, {done['correct']} corrected, "
              f"{done['reject']} rejected", flush=True)
        engines = [make_engine(f"sqlite:///{db}") for db in (plain_db, reviewed_db)]
        path = f"/api/profile/{pair[0]}/{pair[1]}"
        try:
            with server(plain_db) as plain_base, server(reviewed_db) as reviewed_base:
                urls = [plain_base + path, reviewed_base + path]
                sizes = []
                for url in urls:
                    with urllib.request.urlopen(url, timeout=60) as r:
                        sizes.append(len(r.read()))
                interleaved(urls, 5)                                          # both servers warm
                cold = [interleaved(urls, a.cold, before=lambda i: bump(engines[i])) for _ in range(a.blocks)]
                cached = [interleaved(urls, a.cached) for _ in range(a.blocks)]
        finally:
            for e in engines:
                e.dispose()
        print(f"GET {path} ({sizes[0]:,} bytes unreviewed, {sizes[1]:,} reviewed), one request at a time over "
              f"loopback, the two databases' requests interleaved (load average {load:.1f} before, "
              f"{os.getloadavg()[0]:.1f} after, {os.cpu_count()} cores):")
        ok = verdict(f"first request at a new data version ({a.blocks} x {a.cold} each)", cold)
        ok = verdict(f"kept answer ({a.blocks} x {a.cached} each)", cached) and ok
        print(f"review target (p99 of the reviewed pair within 20 % of the unreviewed): {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The writer's CPU time per article into SQLite (P14), the records given: A/B comparisons on a shared machine.

    python benchmarks/bench_writer.py [--articles N] [--rounds R] [--batch B] [--src CHECKOUT/src]

Generates N articles (benchmarks/corpus.py, the same every run), extracts them once, then writes them
R times, each into a fresh SQLite file, and prints the process's CPU time (time.process_time) of each
write in ms per article, with the minimum and the median. CPU time, not wall-clock: on a machine shared
with other work a wall-clock figure says as much about the neighbours as about the writer. The first
round also builds what a writer builds once per process (the gazetteers' spellings the resolver reads):
it is printed, and left out of the minimum and median. `--src` runs the writer of another checkout (its
`src` folder); run the two alternately, a few times each, to compare them in the same period.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the src folder of the checkout to time")
    a = ap.parse_args()
    from corpus import generate

    articles = list(generate(a.articles))
    # the writer timed is the one in --src: what corpus.py imported (from this checkout) is forgotten
    sys.path.insert(0, str(a.src.resolve()))
    for name in [m for m in sys.modules if m == "accordwatch" or m.startswith("accordwatch.")]:
        del sys.modules[name]
    import accordwatch
    from accordwatch import extract_document, pipeline
    from accordwatch.ingest import read_paths
    from accordwatch.store import open_store

    pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for article in articles:
                f.write(json.dumps(article) + "\n")
        records = [(r, extract_document(r.document), None) for r in read_paths([str(feed)])]
        times = []
        for n in range(a.rounds):
            store = open_store(str(Path(tmp) / f"write{n}.db"))
            t0 = time.process_time()
            store.ingest(iter(records), batch=a.batch)
            times.append(1000 * (time.process_time() - t0) / len(records))
            store.close()
    rest = times[1:] or times
    where = Path(accordwatch.__file__).parent.parent
    print(f"writer of {where}: {len(records)} articles, batch {a.batch}, CPU ms/article "
          f"min {min(rest):.3f} median {statistics.median(rest):.3f} (rounds: {', '.join(f'{t:.3f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

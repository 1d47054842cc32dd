#!/usr/bin/env python3
"""Time each pipeline component over the sample corpus (ms per article): where extraction goes."""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accordwatch import pipeline  # noqa: E402
from accordwatch.document import Document  # noqa: E402
from accordwatch.ingest import read_paths  # noqa: E402


def main(rounds: int = 10) -> None:
    docs = [r.document for r in read_paths([ROOT / "examples" / "articles"]) if r.ok]
    pipe = pipeline()
    pipe(Document(text=docs[0].text))
    totals = dict.fromkeys(pipe.names, 0.0)
    n = 0
    for _ in range(rounds):
        for d in docs:
            doc = Document(text=d.text, source=d.source, title=d.title, published=d.published)
            for name, step in zip(pipe.names, pipe.steps, strict=True):
                t0 = time.perf_counter()
                step(doc)
                totals[name] += time.perf_counter() - t0
            n += 1
    for name, t in totals.items():
        print(f"{name:<14}{1000 * t / n:8.2f} ms/article")
    print(f"{'total':<14}{1000 * sum(totals.values()) / n:8.2f} ms/article")


if __name__ == "__main__":
    main()

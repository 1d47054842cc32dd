#!/usr/bin/env python3
"""A canonical snapshot of every table a store holds, to prove that a change to the writer leaves the
database exactly as it was (P14): run it with the old and the new code on the same input and compare.

    PYTHONPATH=OLD_CHECKOUT/src python scripts/store_snapshot.py old.json [--generated 5000]
    PYTHONPATH=src python scripts/store_snapshot.py new.json [--generated 5000]
    python scripts/store_snapshot.py --compare old.json new.json

It ingests the sample corpus (examples/articles) and N generated articles (benchmarks/corpus.py) into a
fresh SQLite file and writes each table's rows, sorted, without what differs by run (the time an
article was stored, the temporary path of the generated file).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def snapshot(out: Path, generated: int) -> dict[str, int]:
    from corpus import generate
    from sqlalchemy import inspect, text

    from accordwatch.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "generated.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for article in generate(generated):
                f.write(json.dumps(article) + "\n")
        store = open_store(str(Path(tmp) / "snapshot.db"))
        store.ingest_paths([str(ROOT / "examples" / "articles")])
        store.ingest_paths([str(feed)])
        tables: dict[str, list[str]] = {}
        insp = inspect(store.engine)
        with store.engine.connect() as conn:
            for t in sorted(insp.get_table_names()):
                if t.startswith("documents_fts") or t == "alembic_version":
                    continue
                cols = [c["name"] for c in insp.get_columns(t) if c["name"] not in ("ingested_at",)]
                rows = conn.execute(text(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)} FROM "{t}"'))
                tables[t] = sorted(json.dumps([str(v).replace(tmp, "TMP") for v in r], ensure_ascii=False)
                                   for r in rows)
        store.close()
    out.write_text(json.dumps(tables), encoding="utf-8")
    return {t: len(rows) for t, rows in tables.items()}


def compare(a: Path, b: Path) -> int:
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    differ = [t for t in sorted(set(old) | set(new)) if old.get(t) != new.get(t)]
    for t in differ:
        only_old = set(old.get(t, [])) - set(new.get(t, []))
        only_new = set(new.get(t, [])) - set(old.get(t, []))
        print(f"{t}: {len(only_old)} row(s) only in {a}, {len(only_new)} only in {b}")
    print("identical" if not differ else f"{len(differ)} table(s) differ")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--generated", type=int, default=5000)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    a = ap.parse_args()
    if a.compare:
        return compare(*a.compare)
    if a.out is None:
        ap.error("give the snapshot file to write, or --compare OLD NEW")
    print(snapshot(a.out, a.generated))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""A canonical snapshot of every table a store holds, to prove that a change to the writer leaves the
database exactly as it was (P14): run it with the old and the new code on the same input and compare.

    PYTHONPATH=OLD_CHECKOUT/src python scripts/store_snapshot.py old.json [--generated 5000]
    PYTHONPATH=src python scripts/store_snapshot.py new.json [--generated 5000]
    python scripts/store_snapshot.py --compare old.json new.json

It ingests the sample corpus (examples/articles) and N generated articles (benchmarks/corpus.py) into a
fresh SQLite file and writes each table's columns and rows, sorted, without what differs by run (the
time an article was stored, the temporary path of the generated file, the checkout's folder). --compare
compares the columns both snapshots have (a migration may have added some since the older one).
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
        tables: dict[str, dict] = {}
        insp = inspect(store.engine)
        with store.engine.connect() as conn:
            for t in sorted(insp.get_table_names()):
                if t.startswith("documents_fts") or t == "alembic_version":
                    continue
                cols = [c["name"] for c in insp.get_columns(t) if c["name"] not in ("ingested_at",)]
                rows = conn.execute(text(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)} FROM "{t}"'))
                tables[t] = {"columns": cols, "rows": sorted(
                    json.dumps([str(v).replace(tmp, "TMP").replace(str(ROOT), "ROOT") for v in r],
                               ensure_ascii=False) for r in rows)}
        store.close()
    out.write_text(json.dumps(tables), encoding="utf-8")
    return {t: len(v["rows"]) for t, v in tables.items()}


def compare(a: Path, b: Path) -> int:
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    differ = []
    for t in sorted(set(old) | set(new)):
        if t not in old or t not in new:
            print(f"{t}: only in {a if t in old else b}")
            differ.append(t)
            continue
        common = [c for c in old[t]["columns"] if c in new[t]["columns"]]
        rows = []
        for snap in (old[t], new[t]):
            at = [snap["columns"].index(c) for c in common]
            rows.append(sorted(json.dumps([r[i] for i in at], ensure_ascii=False)
                               for r in map(json.loads, snap["rows"])))
        if rows[0] != rows[1]:
            differ.append(t)
            print(f"{t}: {len(set(rows[0]) - set(rows[1]))} row(s) only in {a}, {len(set(rows[1]) - set(rows[0]))} "
                  f"only in {b} (of {len(rows[0])} and {len(rows[1])})")
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

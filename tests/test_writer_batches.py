"""The writer stores the same database whatever its batch size: an article written alone or among a
hundred resolves to the same entities, events and figures (what a set-based writer must keep; the
whole-database comparison against an older checkout is scripts/store_snapshot.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from sqlalchemy import inspect, text

from accordwatch.ingest import read_paths
from accordwatch.store import open_store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def tables(store) -> dict[str, list[str]]:
    out = {}
    insp = inspect(store.engine)
    with store.engine.connect() as conn:
        for t in insp.get_table_names():
            if t.startswith("documents_fts") or t in ("alembic_version", "store_state"):
                continue   # (store_state's version counts the batches written: it differs by design)
            cols = [c["name"] for c in insp.get_columns(t) if c["name"] != "ingested_at"]
            out[t] = sorted(json.dumps([str(v) for v in r]) for r in conn.execute(
                text(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{t}"')))
    return out


def test_one_article_at_a_time_or_a_hundred_give_the_same_database(tmp_path):
    from corpus import generate

    feed = tmp_path / "generated.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in generate(300)), encoding="utf-8")
    items = [str(ROOT / "examples" / "articles"), str(feed)]
    snapshots = []
    for batch in (1, 100):
        store = open_store(str(tmp_path / f"batch{batch}.db"))
        try:
            summary = store.ingest(read_paths(items), batch=batch)
            assert summary.failed == 0 and summary.new > 300
            snapshots.append(tables(store))
        finally:
            store.close()
    one, hundred = snapshots
    assert sorted(one) == sorted(hundred)
    for table in one:
        assert one[table] == hundred[table], table

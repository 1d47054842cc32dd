"""Faults: an ingest killed with SIGKILL in the middle of a batch, and two ingests into one SQLite file.

Each batch of articles is one transaction, so a killed ingest leaves the database as it was after
its last committed batch: consistent (integrity check, foreign keys, every stored article whole),
and running the same ingest again finishes the job with the counts of one uninterrupted run.
Two ingests into one file never corrupt it.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accordwatch.store import open_store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

ARTICLES = 300      # three batches of 100
BATCH = 100


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """Two sets of generated articles (no two alike, no near-duplicates), as JSON Lines."""
    folder = tmp_path_factory.mktemp("corpus")
    out = {}
    for name, seed in (("big", 7), ("other", 11)):
        path = folder / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for article in generate(ARTICLES, seed=seed):
                f.write(json.dumps(article, ensure_ascii=False) + "\n")
        out[name] = path
    return out


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    """The state after one uninterrupted ingest of `big` into a fresh database."""
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    store = open_store(f"sqlite:///{db}")
    try:
        summary = store.ingest_paths([str(corpus["big"])])
        assert (summary.new, summary.failed) == (ARTICLES, 0), summary.errors[:3]
    finally:
        store.close()
    return state(db)


def ingest_process(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "accordwatch.cli", "ingest", *args, "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def query(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def committed(db: Path) -> int:
    """Documents committed so far (0 while the database or its tables do not exist yet)."""
    if not db.exists():
        return 0
    try:
        return query(db, "SELECT count(*) FROM documents")[0][0]
    except sqlite3.OperationalError:   # not migrated yet, or busy
        return 0


def counts(db: Path) -> dict[str, int]:
    store = open_store(f"sqlite:///{db}")
    try:
        return store.counts()
    finally:
        store.close()


def state(db: Path) -> dict:
    """Row counts of every table, and which figures are flagged as conflicting."""
    flagged = query(db, "SELECT d.source, f.start FROM figures f JOIN documents d ON d.id = f.document_id "
                        "WHERE f.conflict ORDER BY 1, 2")
    return {"rows": counts(db), "conflicts": flagged}


def check_consistent(db: Path) -> int:
    """The database is whole: SQLite's own checks, no orphans, and every stored article complete.
    Returns the number of documents."""
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    docs = query(db, "SELECT count(*), count(DISTINCT content_hash) FROM documents")[0]
    assert docs[0] == docs[1], "the same article stored twice"
    for table in ("document_countries", "document_sectors", "minhash_bands", "mentions", "figures", "event_sources"):
        orphans = query(db, f"SELECT count(*) FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)")
        assert orphans == [(0,)], table
    assert query(db, "SELECT count(*) FROM figure_parties WHERE figure_id NOT IN (SELECT id FROM figures)") == [(0,)]
    assert query(db, "SELECT count(*) FROM event_parties WHERE event_id NOT IN (SELECT id FROM events)") == [(0,)]
    # every extracted article came with its countries (each generated article names two), its
    # MinHash bands and its full-text row: no article half written
    for table in ("document_countries", "minhash_bands"):
        missing = query(db, f"SELECT count(*) FROM documents d WHERE d.duplicate_of IS NULL "
                            f"AND NOT EXISTS (SELECT 1 FROM {table} x WHERE x.document_id = d.id)")
        assert missing == [(0,)], f"documents without {table}"
    assert query(db, "SELECT count(*) FROM documents WHERE id NOT IN (SELECT rowid FROM documents_fts)") == [(0,)]
    return docs[0]


def summary_line(stderr: str) -> str:
    return " ".join(stderr.split())


def kill_when(corpus_file: Path, db: Path, ready) -> int:
    """Start an ingest, SIGKILL it as soon as `ready(db)` holds, and return the documents it left."""
    proc = ingest_process(str(corpus_file), "--db", str(db))
    try:
        deadline = time.monotonic() + 240
        while not ready(db):
            assert proc.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "the ingest made no progress within 240 s"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    return committed(db)


def test_killed_ingest_leaves_a_consistent_database_and_a_rerun_finishes_the_job(corpus, reference, tmp_path):
    db = tmp_path / "killed.db"
    kept = kill_when(corpus["big"], db, lambda db: committed(db) > 0)   # killed inside a batch

    assert check_consistent(db) == kept
    assert 0 < kept < ARTICLES, "killed too late to test anything"
    sources = [row[0] for row in query(db, "SELECT source FROM documents ORDER BY id")]
    assert sources == [f"{corpus['big']}:{n}" for n in range(1, kept + 1)], "committed articles are not the first ones"

    code, err = finish(ingest_process(str(corpus["big"]), "--db", str(db)))
    assert code == 0, err
    assert (f"{ARTICLES} read: {ARTICLES - kept} new, {kept} duplicate, 0 near-duplicate, 0 failed"
            in summary_line(err))
    assert check_consistent(db) == ARTICLES
    assert counts(db) == reference["rows"]


def test_killed_early_leaves_a_usable_database(corpus, reference, tmp_path):
    """Killed just after the schema was made, while the first batch is being extracted."""
    db = tmp_path / "early.db"
    kill_when(corpus["big"], db, lambda db: db.exists() and has_schema(db))
    check_consistent(db)
    code, err = finish(ingest_process(str(corpus["big"]), "--db", str(db)))
    assert code == 0, err
    assert check_consistent(db) == ARTICLES
    assert counts(db) == reference["rows"]


def test_killed_ingest_loses_no_work_of_its_last_batch(corpus, reference, tmp_path):
    db = tmp_path / "killed.db"
    kept = kill_when(corpus["big"], db, lambda db: committed(db) >= BATCH // 3)
    assert kept % BATCH == 0, f"{kept} documents: a batch was committed in part"
    code, err = finish(ingest_process(str(corpus["big"]), "--db", str(db)))
    assert code == 0, err
    assert state(db) == reference


def has_schema(db: Path) -> bool:
    try:
        return bool(query(db, "SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'"))
    except sqlite3.OperationalError:
        return False


def migrated(db: Path) -> Path:
    open_store(f"sqlite:///{db}").close()
    return db


def test_two_ingests_at_once_never_corrupt_the_database(corpus, tmp_path):
    """Whatever each of two concurrent ingests reports, the file stays whole, and running both
    again (one after the other) stores the union of their articles, each once."""
    db = migrated(tmp_path / "shared.db")
    procs = [ingest_process(str(corpus[name]), "--db", str(db)) for name in ("big", "other")]
    for proc in procs:
        finish(proc)
    stored = check_consistent(db)
    assert stored <= 2 * ARTICLES
    for name in ("big", "other"):
        code, err = finish(ingest_process(str(corpus[name]), "--db", str(db)))
        assert code == 0, err
    assert check_consistent(db) == 2 * ARTICLES


def test_two_ingests_of_the_same_articles_at_once_store_each_once(corpus, tmp_path):
    db = migrated(tmp_path / "same.db")
    procs = [ingest_process(str(corpus["big"]), "--db", str(db)) for _ in range(2)]
    for proc in procs:
        finish(proc)
    assert check_consistent(db) <= ARTICLES
    code, err = finish(ingest_process(str(corpus["big"]), "--db", str(db)))
    assert code == 0, err
    assert check_consistent(db) == ARTICLES


TRACEBACK = re.compile(r"Traceback|\[SQL:|sqlalche\.me")


@pytest.mark.parametrize("fresh", [False, True], ids=["migrated database", "new database"])
def test_two_ingests_at_once_both_succeed_or_one_refuses_clearly(corpus, tmp_path, fresh):
    db = tmp_path / "shared.db"
    if not fresh:
        migrated(db)
    procs = [ingest_process(str(corpus[name]), "--db", str(db)) for name in ("big", "other")]
    results = [finish(proc) for proc in procs]
    check_consistent(db)
    for code, err in results:
        assert not TRACEBACK.search(err), err[-2000:]
        if code != 0:   # refused: one clear line, nothing half done
            lines = [line for line in err.splitlines() if line.strip()]
            assert len(lines) == 1 and re.search(r"locked|busy", lines[0]), err[-2000:]
    succeeded = [name for (code, _), name in zip(results, ("big", "other"), strict=True) if code == 0]
    assert succeeded
    assert check_consistent(db) == ARTICLES * len(succeeded)

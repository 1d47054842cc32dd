"""The set-based writer (store.batch, P14), with extraction a batch ahead (store.ahead) or not, stores exactly
the database the article-by-article path does:
every table, ids included, on the sample corpus and generated articles, whatever the batch size, on
SQLite and PostgreSQL; a broken article still fails alone; re-ingesting changes nothing; reviews apply."""
from __future__ import annotations

import contextlib
import json
import os
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from accordwatch.ingest import read_paths
from accordwatch.store import open_store
from accordwatch.store import schema as s
from accordwatch.store.engine import database_url
from accordwatch.store.write import Writer
from test_writer_batches import tables

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
PG = os.environ.get("ACCORDWATCH_TEST_PG", "").strip()
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG, reason="ACCORDWATCH_TEST_PG is not set (scripts/pg-test-server.sh start)"))]


@contextlib.contextmanager
def fresh_store(backend: str, tmp_path: Path, name: str):
    """A new store: a SQLite file, or a PostgreSQL database of its own (dropped afterwards)."""
    if backend == "sqlite":
        store = open_store(str(tmp_path / f"{name}.db"))
        try:
            yield store
        finally:
            store.close()
        return
    admin_url = make_url(database_url(PG))
    db = f"aw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{db}"'))
    store = open_store(admin_url.set(database=db).render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


def write(store, items: list[str], batch: int, set_based: bool = True, ahead: bool = True):
    w = Writer(store.engine, set_based=set_based, ahead=ahead)
    summary = w.write(read_paths(items), batch=batch)
    return w, summary


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> str:
    from corpus import generate

    path = tmp_path_factory.mktemp("feed") / "generated.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in generate(250)), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("backend", BACKENDS)
def test_set_based_batches_store_the_database_one_by_one_does(backend, tmp_path, feed):
    # the sample corpus twice over (its second reading: all exact duplicates) and generated articles
    items = [str(ROOT / "examples" / "articles"), feed, str(ROOT / "examples" / "articles")]
    with fresh_store(backend, tmp_path, "reference") as store:
        _, ref_summary = write(store, items, 100, set_based=False)
        reference = tables(store)
    assert ref_summary.new > 250 and ref_summary.duplicate >= 45
    for batch, ahead in ((1, True), (100, True), (100, False), (500, True)):
        with fresh_store(backend, tmp_path, f"batch{batch}{ahead}") as store:
            w, summary = write(store, items, batch, ahead=ahead)
            assert w.rewritten == 0   # every batch written set-based
            assert vars(summary) == vars(ref_summary)
            got = tables(store)
            assert sorted(got) == sorted(reference)
            for table in reference:
                assert got[table] == reference[table], (batch, table)
            # ingesting again changes nothing
            again = Writer(store.engine).write(read_paths(items))
            assert again.new == again.near_duplicate == again.failed == 0
            assert tables(store) == reference


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_row_the_database_refuses_fails_its_article_alone(backend, tmp_path, monkeypatch):
    """An event whose parties repeat a code is a row event_parties refuses: the set-based batch is rolled
    back and written article by article, where that article fails alone, as it always did."""
    import accordwatch.store.ahead as ahead_mod
    import accordwatch.store.batch as batch_mod
    import accordwatch.store.write as write_mod

    real = write_mod.extract_document

    def broken(doc):
        record = real(doc)
        if doc.source.endswith("a01_kaz_uzb_roadmap.txt") and record["events"]:
            record["events"][0]["parties"] = [*record["events"][0]["parties"], record["events"][0]["parties"][0]]
        return record

    monkeypatch.setattr(write_mod, "extract_document", broken)
    monkeypatch.setattr(batch_mod, "extract_document", broken)
    monkeypatch.setattr(ahead_mod, "extract_document", broken)
    items = [str(ROOT / "examples" / "articles")]
    snaps = []
    for set_based in (False, True):
        with fresh_store(backend, tmp_path, f"broken{set_based}") as store:
            w, summary = write(store, items, 100, set_based=set_based)
            assert summary.failed == 1 and "a01_kaz_uzb_roadmap" in summary.errors[0]
            assert w.rewritten == int(set_based)
            snaps.append((vars(summary), tables(store)))
    assert snaps[0] == snaps[1]


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_article_that_cannot_be_extracted_fails_alone(backend, tmp_path, monkeypatch):
    import accordwatch.store.ahead as ahead_mod
    import accordwatch.store.batch as batch_mod
    import accordwatch.store.write as write_mod

    real = write_mod.extract_document

    def failing(doc):
        if "a03" in doc.source:
            raise ValueError("cannot read this one")
        return real(doc)

    monkeypatch.setattr(write_mod, "extract_document", failing)
    monkeypatch.setattr(batch_mod, "extract_document", failing)
    monkeypatch.setattr(ahead_mod, "extract_document", failing)
    items = [str(ROOT / "examples" / "articles")]
    snaps = []
    for set_based in (False, True):
        with fresh_store(backend, tmp_path, f"failing{set_based}") as store:
            w, summary = write(store, items, 100, set_based=set_based)
            assert summary.failed == 1 and "cannot read this one" in summary.errors[0]
            assert w.rewritten == 0
            snaps.append((vars(summary), tables(store)))
    assert snaps[0] == snaps[1]


@pytest.mark.parametrize("backend", BACKENDS)
def test_reviews_apply_to_an_article_stored_again(backend, tmp_path):
    """A database rebuilt with its reviews: the batch holding a reviewed article applies them."""
    items = [str(ROOT / "examples" / "articles")]
    with fresh_store(backend, tmp_path, "reviewed") as store:
        write(store, items, 100)
        with store.engine.begin() as conn:
            doc_id, chash = conn.execute(select(s.documents.c.id, s.documents.c.content_hash)
                                         .join(s.figures, s.figures.c.document_id == s.documents.c.id)
                                         .order_by(s.documents.c.id).limit(1)).one()
            fig = conn.execute(select(s.figures).where(s.figures.c.document_id == doc_id)
                               .order_by(s.figures.c.start).limit(1)).one()
            conn.execute(s.reviews.insert().values(kind="figure", document_hash=chash, document_id=doc_id,
                                                   start=fig.start, end=fig.end, action="reject", fields="{}",
                                                   user_name="ed", at="2026-01-01T00:00:00Z"))
            reviews = conn.execute(select(s.reviews)).all()
            conn.execute(s.reviews.update().values(document_id=None))
            for t in [t for t in s.metadata.sorted_tables if t.name not in ("reviews", "users", "store_state")][::-1]:
                conn.execute(t.delete())
            if store.engine.dialect.name == "sqlite":
                conn.exec_driver_sql("DELETE FROM documents_fts")
        assert len(reviews) == 1
        w, summary = write(store, items, 100)
        with store.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(s.figures).where(
                s.figures.c.start == fig.start, s.figures.c.end == fig.end,
                s.figures.c.document_id == s.documents.c.id, s.documents.c.content_hash == chash)).scalar_one()
        assert n == 0 and summary.failed == 0

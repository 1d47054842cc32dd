"""Event names in the store: the writer stores the name the extractor gives an event, a later report fills
a name the event lacks but never replaces one, and migration 0005 adds the column to a database made
before it.

Three reports of one signing (Kazakhstan and Germany, a memorandum, March 2024): NAMED names it, UNNAMED
only says "a memorandum", RENAMED names it in other words; HUNGARY reports another memorandum, unnamed.
The tests run on SQLite and on PostgreSQL (conftest.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select, text

from accordwatch import extract_document
from accordwatch.document import Document
from accordwatch.ingest import Result
from accordwatch.store import open_store
from accordwatch.store import schema as s
from accordwatch.store.engine import make_engine, writer

NAME = "memorandum on sustainable raw materials, batteries and renewable hydrogen value chains"
SHOWN = "Memorandum on sustainable raw materials, batteries and renewable hydrogen value chains"

NAMED = ("named", "2024-03-12", """Kazakhstan and Germany sign raw materials memorandum

ASTANA, March 12 — Kazakhstan and Germany signed a memorandum on sustainable raw materials, batteries and \
renewable hydrogen value chains on Tuesday, the Kazakh Ministry of Industry said.

The document was signed by Kazakh Industry Minister Kanat Sharlapaev and German State Secretary Franziska \
Brantner in Astana. Bilateral trade reached $3.7 billion in 2023.
""")
UNNAMED = ("unnamed", "2024-03-14", """Kazakhstan, Germany deepen cooperation on critical minerals

BERLIN, March 14 — Kazakhstan and Germany signed a memorandum this week, German officials said on Thursday.

The memorandum covers lithium, rare earths and green hydrogen. German companies plan to invest in new \
processing plants in the Karaganda region.
""")
RENAMED = ("renamed", "2024-03-20", """Germany and Kazakhstan agree on minerals cooperation

ALMATY, March 20 — The memorandum of understanding on critical minerals and green hydrogen that Kazakhstan \
and Germany signed on March 12 opens German investment in processing plants, the Kazakh government said.
""")

HUNGARY = ("hungary", "2023-11-21", """Kazakhstan and Hungary sign memorandum

BUDAPEST, November 21 — Kazakhstan and Hungary signed a memorandum in Budapest on Tuesday, the Kazakh Foreign \
Ministry said.
""")


def document(article: tuple[str, str, str]) -> Document:
    source, published, body = article
    return Document(text=body, source=source, title=body.splitlines()[0], published=published)


def memorandum(article: tuple[str, str, str]) -> dict:
    """The article's one memorandum, as the extractor reports it (what these tests build on)."""
    found = [e for e in extract_document(document(article))["events"]
             if (e["type"], e["instrument"], e["parties"]) == ("agreement", "memorandum", ["DEU", "KAZ"])]
    assert len(found) == 1, f"{article[0]}: the extractor no longer finds one DEU-KAZ memorandum: {found}"
    return found[0]


def ingest(store, *articles) -> None:
    summary = store.ingest([Result(a[0], document=document(a)) for a in articles])
    assert (summary.new, summary.failed) == (len(articles), 0), summary.errors


def stored(engine) -> list[tuple]:
    """(name, status, number of reporting articles) of every DEU-KAZ memorandum."""
    e, src = s.events, s.event_sources
    with engine.connect() as conn:
        rows = conn.execute(select(e.c.id, e.c.name, e.c.status).where(
            e.c.type == "agreement", e.c.instrument == "memorandum", e.c.parties == "DEU|KAZ")).all()
        return [(r.name, r.status, len(set(conn.execute(select(src.c.document_id).where(src.c.event_id == r.id))
                                           .scalars()))) for r in rows]


@pytest.fixture
def store(db_url):
    st = open_store(db_url)
    yield st
    st.close()


# 1. the writer ------------------------------------------------------------------------------------

def test_the_articles_report_one_event_named_unnamed_and_renamed():
    assert memorandum(NAMED)["name"] == NAME
    assert [(e["type"], e["instrument"], e["parties"], e["name"])
            for e in extract_document(document(HUNGARY))["events"]] == [("agreement", "memorandum", ["HUN", "KAZ"],
                                                                         None)]
    assert memorandum(UNNAMED)["name"] is None
    assert memorandum(RENAMED)["name"] not in (None, NAME)


def test_the_name_is_stored(store):
    ingest(store, NAMED)
    assert stored(store.engine) == [(NAME, "signed", 1)]


def test_an_event_without_a_name_keeps_none(store):
    ingest(store, UNNAMED)
    assert stored(store.engine) == [(None, "signed", 1)]


def test_a_later_report_fills_a_missing_name(store):
    ingest(store, UNNAMED)
    ingest(store, NAMED)            # another batch: what is in the database counts, not the batch's memory
    assert stored(store.engine) == [(NAME, "signed", 2)]


def test_a_later_report_fills_it_within_one_batch(store):
    ingest(store, UNNAMED, NAMED)
    assert stored(store.engine) == [(NAME, "signed", 2)]


def test_a_later_name_does_not_replace_the_first(store):
    ingest(store, NAMED, UNNAMED, RENAMED)
    assert stored(store.engine) == [(NAME, "signed", 3)]


def test_ingesting_the_reports_again_changes_nothing(store):
    ingest(store, UNNAMED, NAMED, RENAMED)
    counts, before = store.counts(), stored(store.engine)
    again = store.ingest([Result(a[0], document=document(a)) for a in (RENAMED, NAMED, UNNAMED)])
    assert (again.new, again.duplicate) == (0, 3)
    assert (store.counts(), stored(store.engine)) == (counts, before)


# 2. migration 0005 --------------------------------------------------------------------------------

def _alembic(engine, action: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(s.__file__).parent / "migrations"))
    with writer(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, revision)


def test_migration_adds_the_name_to_a_database_made_by_0004(db_url):
    engine = make_engine(db_url)
    try:
        _alembic(engine, "upgrade", "0004")
        assert "name" not in {c["name"] for c in inspect(engine).get_columns("events")}
        body = NAMED[2]
        with engine.begin() as conn:   # the signing as an older accordwatch stored it: no name
            conn.execute(text("INSERT INTO documents (content_hash, source, title, published, text) "
                              "VALUES ('x', 'older', 'An older report', '2024-03-12', :t)"), {"t": body})
            doc = conn.execute(text("SELECT id FROM documents")).scalar_one()
            conn.execute(text("INSERT INTO events (type, instrument, status, parties, date, first_document_id) "
                              "VALUES ('agreement', 'memorandum', 'signed', 'DEU|KAZ', '2024-03-12', :d)"), {"d": doc})
            ev = conn.execute(text("SELECT id FROM events")).scalar_one()
            conn.execute(text('INSERT INTO event_sources (event_id, document_id, start, "end", evidence, status, '
                              "date) VALUES (:e, :d, 0, 10, 'Kazakhstan', 'signed', '2024-03-12')"),
                         {"e": ev, "d": doc})
            conn.execute(insert(s.event_parties), [{"event_id": ev, "code": "DEU"}, {"event_id": ev, "code": "KAZ"}])
        _alembic(engine, "upgrade", "head")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0005"
            assert conn.execute(select(s.events.c.id, s.events.c.name, s.events.c.status)).all() == [
                (ev, None, "signed")]
    finally:
        engine.dispose()

    store = open_store(db_url)
    try:
        ingest(store, NAMED)          # a new report of the stored event names it
        assert stored(store.engine) == [(NAME, "signed", 2)]
        _alembic(store.engine, "downgrade", "0004")
        assert "name" not in {c["name"] for c in inspect(store.engine).get_columns("events")}
        with store.engine.connect() as conn:   # the rows stay, with what points at them
            assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 1
            assert conn.execute(text("SELECT count(*) FROM event_sources")).scalar_one() == 2
        _alembic(store.engine, "upgrade", "head")
    finally:
        store.close()

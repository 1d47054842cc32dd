"""Event names in the store and its faces: the writer stores the name the extractor gives an event, a later
report fills a name the event lacks but never replaces one, migration 0005 adds the column to a database
made before it, and the CLI, the API, the dashboard and the exports show and find events by name.

Three reports of one signing (Kazakhstan and Germany, a memorandum, March 2024): NAMED names it, UNNAMED
only says "a memorandum", RENAMED names it in other words; HUNGARY reports another memorandum, unnamed.
The store tests run on SQLite and on PostgreSQL (conftest.py); the faces on a SQLite file.
"""
from __future__ import annotations

import csv
import json
import warnings

import pytest
from sqlalchemy import insert, inspect, select, text
from typer.testing import CliRunner

from accordwatch import extract_document, query
from accordwatch.cli import app as cli
from accordwatch.document import Document
from accordwatch.ingest import Result
from accordwatch.query.common import BadFilter
from accordwatch.query.timeline import name_words
from accordwatch.store import open_store
from accordwatch.store import schema as s
from accordwatch.store.engine import make_engine
from accordwatch.web import create_app
from accordwatch.web.pages import event_title, name_query

with warnings.catch_warnings():   # Starlette's TestClient warns that it wants httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

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



def test_migration_adds_the_name_to_a_database_made_by_0004(alembic, db_url):
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "0004")
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
        alembic(engine, "upgrade", "head")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0012"
            assert conn.execute(select(s.events.c.id, s.events.c.name, s.events.c.status)).all() == [
                (ev, None, "signed")]
        assert [e["name"] for e in query.events(engine)] == [None]   # listed as before, by its type
    finally:
        engine.dispose()

    store = open_store(db_url)
    try:
        ingest(store, NAMED)          # a new report of the stored event names it
        assert stored(store.engine) == [(NAME, "signed", 2)]
        with store.engine.connect() as conn:   # the older report's evidence and the new one's (each sentence citing it)
            sources = conn.execute(text("SELECT count(*) FROM event_sources")).scalar_one()
        assert sources >= 2
        alembic(store.engine, "downgrade", "0004")
        assert "name" not in {c["name"] for c in inspect(store.engine).get_columns("events")}
        with store.engine.connect() as conn:   # the rows stay, with what points at them
            assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 1
            assert conn.execute(text("SELECT count(*) FROM event_sources")).scalar_one() == sources
        alembic(store.engine, "upgrade", "head")
    finally:
        store.close()


# 3. finding events by name (query.events / events_page) --------------------------------------------

def test_events_are_found_by_the_words_of_their_name(store):
    ingest(store, NAMED)
    ingest(store, HUNGARY)

    def names(**filters) -> list[str | None]:
        return [e["name"] for e in query.events(store.engine, **filters)]
    for words in ("hydrogen", "HYDROGEN value", "raw, materials!", "batter", "value-chains", "raw_materials"):
        assert names(name=words) == [NAME], words
    assert names(name="hydrogen pipeline") == []          # every word must be in the name
    assert names(name="hydrogen", country="HUN") == []      # with the other filters
    assert names(name="hydrogen", pair="KAZ-DEU", type="agreement", status="signed", since="2024") == [NAME]
    assert None in names()                                  # the unnamed event is listed without the filter ...
    assert names(name="memorandum") == [NAME]               # ... and passes no name filter
    rows, total = query.timeline.events_page(store.engine, name="renewable hydrogen", limit=1)
    assert ([e["name"] for e in rows], total) == ([NAME], 1)


@pytest.mark.parametrize("words", ["%", "_", "", "  ", "-- ;"])
def test_a_name_filter_without_a_word_is_refused(store, words):
    with pytest.raises(BadFilter, match="name filter needs a word"):
        query.events(store.engine, name=words)


def test_like_wildcards_never_reach_the_database():
    # the filter looks for words (letters and digits): % and _ only ever separate them
    assert name_words("raw%ma_terials 50% «Astana»") == ["raw", "ma", "terials", "50", "Astana"]


# 4. the faces: CLI, API, dashboard, exports ------------------------------------------------------

@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("names") / "t.db"
    st = open_store(str(path))
    ingest(st, NAMED, UNNAMED)
    ingest(st, HUNGARY)
    st.close()
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("ACCORDWATCH_INGEST_TOKEN", raising=False)
        app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_labels_fall_back_to_the_type():
    assert event_title({"type": "agreement", "instrument": "memorandum", "name": NAME}) == SHOWN
    assert event_title({"type": "agreement", "instrument": "memorandum", "name": None}) == "Agreement (memorandum)"
    assert name_query('title:hydrogen AND "value chains" NOT pipe*') == "hydrogen value chains pipe"


def test_cli_events_show_the_name_and_find_by_it(db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    shown = runner.invoke(cli, ["events", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "Memorandum on sustainable raw materials, batteries" in shown.stdout      # (the table wraps the rest)
    assert "agreement (memorandum)" in shown.stdout                                  # the Hungarian one: no name
    found = runner.invoke(cli, ["events", "--db", db, "--name", "hydrogen", "--json"])
    assert [(e["name"], e["status"]) for e in json.loads(found.stdout)] == [(NAME, "signed")]
    refused = runner.invoke(cli, ["events", "--db", db, "--name", "%"])
    assert refused.exit_code == 2 and "name filter needs a word" in refused.stderr


def test_api_events_carry_the_name_and_filter_by_it(client):
    items = client.get("/api/events?pair=DEU-KAZ&type=agreement").json()["items"]
    assert [(e["name"], e["sources_count"]) for e in items] == [(NAME, 2)]
    assert all("name" in e for e in client.get("/api/events").json()["items"])
    assert [e["name"] for e in client.get("/api/events?name=raw+materials").json()["items"]] == [NAME]
    assert client.get("/api/events?name=pipeline").json()["total"] == 0
    assert client.get("/api/events?name=%25").status_code == 400
    doc = client.get("/api/documents/1").json()
    assert NAME in [e["name"] for e in doc["events"]]


def test_dashboard_lists_show_the_name_and_search_finds_it(client):
    home = client.get("/").text
    assert SHOWN in home and "Agreement (memorandum)" in home
    assert SHOWN in client.get("/pair/DEU/KAZ").text and SHOWN in client.get("/country/DEU").text
    assert SHOWN in client.get("/article/1").text
    found = client.get("/search?q=hydrogen")
    assert found.status_code == 200 and 'data-testid="event-results"' in found.text and SHOWN in found.text
    assert 'data-testid="event-results"' not in client.get("/search?q=hydrogen&country=HUN").text
    assert 'data-testid="event-results"' not in client.get("/search?q=Budapest").text


def test_exports_carry_the_name(db, tmp_path):
    engine = make_engine(db)
    try:
        query.export(engine, "csv", tmp_path / "csv")
        query.export(engine, "json", tmp_path / "all.json")
        query.export(engine, "parquet", tmp_path / "pq")
    finally:
        engine.dispose()
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as fh:
        assert NAME in [row["name"] for row in csv.DictReader(fh)]
    assert NAME in [e["name"] for e in json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["events"]]
    import pyarrow.parquet as pq

    assert NAME in pq.read_table(tmp_path / "pq" / "events.parquet").column("name").to_pylist()

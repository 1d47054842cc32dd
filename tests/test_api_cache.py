"""The profile endpoint keeps its answers until an ingest changes the data (web.cache, store.version).

A kept answer must never outlive the data it was made from: an ingest through another connection
(another process, in real use) makes the next request answer from the new data.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from accordwatch.store import open_store
from accordwatch.store import version as store_version
from accordwatch.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def data_version(store) -> int:
    with store.engine.connect() as conn:
        return store_version.current(conn)


@pytest.fixture
def served(db_url):
    """On SQLite and on PostgreSQL: the version is read from the database either way."""
    db = db_url
    store = open_store(db)
    store.ingest_paths([str(ARTICLES / "a01_kaz_uzb_roadmap.txt")])
    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield store, app, client
    store.close()


def test_a_new_article_is_in_the_next_answer(served):
    store, app, client = served
    first = client.get("/api/profile/KAZ/UZB").json()
    assert client.get("/api/profile/UZB/KAZ").json() == first      # one pair, whichever way round
    cache = app.state.profile_cache
    assert (cache.misses, cache.hits) == (1, 1)

    before = data_version(store)
    store.ingest_paths([str(ARTICLES / "a07_uzb_kor_minerals_trains.txt"),
                        str(ARTICLES / "b12_blr_uzb_roadmap.txt")])
    assert data_version(store) == before + 1          # one batch, one step

    # the UZB profiles changed; KAZ-UZB did not gain articles, but is made again from the new version
    again = client.get("/api/profile/KAZ/UZB").json()
    assert cache.misses == 2 and again["documents"] == first["documents"]
    store.ingest_paths([str(ARTICLES / "a14_uzb_kaz_roadmap_second_report.txt")])
    after = client.get("/api/profile/KAZ/UZB").json()
    assert after["documents"] == first["documents"] + 1
    sources = {src["document_id"] for ev in after["agreements"] for src in ev["sources"]}
    assert len(sources) == 2


def test_reingesting_the_same_articles_keeps_the_version(served):
    store, app, client = served
    client.get("/api/profile/KAZ/UZB")
    before = data_version(store)
    summary = store.ingest_paths([str(ARTICLES / "a01_kaz_uzb_roadmap.txt")])
    assert summary.duplicate == 1 and data_version(store) == before
    client.get("/api/profile/KAZ/UZB")
    assert app.state.profile_cache.hits == 1


def test_errors_are_not_kept(served):
    _, app, client = served
    for _ in range(2):
        r = client.get("/api/profile/KAZ/KAZ")
        assert r.status_code == 400 and r.json()["ok"] is False
    assert client.get("/api/profile/KAZ/XYZ").status_code == 404
    assert app.state.profile_cache.hits == 0


def test_the_oldest_answers_go_first(served):
    _, app, client = served
    cache = app.state.profile_cache
    cache.size = 2
    for pair in ("KAZ/UZB", "KAZ/CHN", "KAZ/TUR"):
        assert client.get(f"/api/profile/{pair}").status_code == 200
    assert list(cache._entries) == [("CHN", "KAZ"), ("KAZ", "TUR")]

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


def test_a_large_answer_is_kept_compressed_and_sent_as_the_client_accepts(sample_db):
    """A busy pair's profile is megabytes in an archive: kept gzip-compressed once, sent compressed to a
    client that accepts gzip and plain to one that does not, the same JSON either way (web.encoded)."""
    import gzip
    import json

    from accordwatch.web.encoded import GZIP_FROM

    app = create_app(sample_db)
    with TestClient(app, raise_server_exceptions=False) as client:
        plain = client.get("/api/profile/KAZ/UZB", headers={"Accept-Encoding": "identity"})
        assert len(plain.content) >= GZIP_FROM and "content-encoding" not in plain.headers
        raw = client.get("/api/profile/KAZ/UZB", headers={"Accept-Encoding": "gzip, deflate"})
        assert raw.headers["content-encoding"] == "gzip" and raw.headers["vary"] == "Accept-Encoding"
        assert raw.json() == plain.json()
        refused = client.get("/api/profile/KAZ/UZB", headers={"Accept-Encoding": "gzip;q=0, identity"})
        assert "content-encoding" not in refused.headers and refused.json() == plain.json()
        assert app.state.profile_cache.misses == 1   # made and compressed once
        small = client.get("/api/partners/ARM", headers={"Accept-Encoding": "gzip"})
        assert "content-encoding" not in small.headers and json.loads(small.content)["items"] == []
    kept = app.state.profile_cache._entries[("KAZ", "UZB")][1]
    assert kept.gzipped and json.loads(gzip.decompress(kept.data)) == plain.json()
    app.state.store.close()


@pytest.mark.parametrize("header, accepted", [
    ("gzip, deflate, br", True), ("GZIP", True), ("br;q=1.0, gzip;q=0.8", True), ("*", True),
    ("gzip;q=0", False), ("identity", False), ("", False), (None, False), ("gzip;q=x", False),
])
def test_accept_encoding(header, accepted):
    from accordwatch.web.encoded import accepts_gzip

    assert accepts_gzip(header) is accepted

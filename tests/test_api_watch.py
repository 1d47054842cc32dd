"""The watch in the API (P12): GET /api/sources (each source's health), GET and POST /api/alerts, DELETE
/api/alerts/{id}: saved searches with the checks of `accordwatch alerts add`, a webhook's signing key shown
once and never again. Who may write is tests/test_web_auth.py's subject; here an editor's API token writes.
"""
from __future__ import annotations

import shutil
import socket
import warnings
from datetime import UTC, datetime

import pytest

from accordwatch.review import accounts
from accordwatch.watch import alerts as al
from accordwatch.watch import sources
from accordwatch.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def api(sample_db, tmp_path, monkeypatch):
    """(a client, an editor's bearer header, the engine) over a copy of the sample database; the host
    hooks.example resolves to a public address (no DNS needed)."""
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "hooks.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    db = tmp_path / "watch.db"
    shutil.copy(sample_db, db)
    app = create_app(str(db))
    accounts.add_user(app.state.engine, "erin", "correct horse battery", "editor")
    auth = {"Authorization": f"Bearer {accounts.create_token(app.state.engine, 'erin')}"}
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, auth, app.state.engine


def error(r, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    return r.json()["error"]


def test_sources_and_their_health(api):
    c, _, engine = api
    assert c.get("/api/sources").json() == {"items": [], "total": 0}
    when = datetime(2024, 5, 14, 9, 30, tzinfo=UTC)
    ok = sources.add_source(engine, "https://news.example/rss", "News", "30m", allow_private=True, when=when)
    bad = sources.add_source(engine, "https://down.example/feed", None, "1h", allow_private=True, when=when)
    sources.record_success(engine, ok, when, 3, '"etag"', None)
    sources.record_failure(engine, bad, when, "HTTP 503 from down.example")
    body = c.get("/api/sources").json()
    assert body["total"] == 2
    first, second = body["items"]
    assert set(first) == {"id", "url", "name", "every_seconds", "last_poll", "last_success", "last_error", "failures",
                          "articles_added", "next_poll", "created", "failing"}      # no ETag, no internals
    assert (first["name"], first["articles_added"], first["last_success"], first["failing"]) == (
        "News", 3, "2024-05-14T09:30:00Z", False)
    assert (second["last_error"], second["failures"], second["failing"], second["last_success"]) == (
        "HTTP 503 from down.example", 1, True, None)


def test_saving_listing_and_removing_a_search(api):
    c, auth, engine = api
    r = c.post("/api/alerts", headers=auth, json={
        "name": "  Kazakh agreements ", "filters": {"country": "KAZ", "type": "agreement", "status": "signed"},
        "webhook_url": "https://hooks.example/aw", "email": "desk@news.example"})
    assert r.status_code == 201, r.text
    body = r.json()
    key, alert = body["signing_key"], body["alert"]
    assert len(key) >= 32 and body["by"] == "erin"
    assert (alert["name"], alert["filters"], alert["webhook_signed"], alert["feed"]) == (
        "Kazakh agreements", {"country": "KAZ", "status": "signed", "type": "agreement"}, True,
        f"/feeds/{alert['id']}.atom")
    assert al.get_alert(engine, alert["id"], with_secret=True)["webhook_secret"] == key   # what signs deliveries
    listed = c.get("/api/alerts")
    assert key not in listed.text and "webhook_secret" not in listed.text                # never shown again
    (item,) = listed.json()["items"]
    assert item == alert and item["deliveries"] == {"delivered": 0, "pending": 0, "failed": 0}
    assert c.get(alert["feed"]).status_code == 200
    # feed only: no key
    r = c.post("/api/alerts", headers=auth, json={"name": "UZB trade", "filters": {"pair": "KAZ-UZB",
                                                                                  "indicator": "trade_turnover"}})
    assert r.status_code == 201 and r.json()["signing_key"] is None
    assert "exists already" in error(c.post("/api/alerts", headers=auth, json={
        "name": "UZB trade", "filters": {"country": "UZB"}}), 409)
    # removed, with its delivery log; then it is gone
    removed = c.delete(f"/api/alerts/{alert['id']}", headers=auth)
    assert removed.status_code == 200 and removed.json()["removed"]["name"] == "Kazakh agreements"
    assert error(c.delete(f"/api/alerts/{alert['id']}", headers=auth), 404) == f"no saved search {alert['id']}"
    assert [a["name"] for a in c.get("/api/alerts").json()["items"]] == ["UZB trade"]
    assert error(c.delete("/api/alerts/0", headers=auth), 400)


@pytest.mark.parametrize(("body", "message"), [
    ({"name": "x", "filters": {}}, "at least one of"),
    ({"name": "x", "filters": {"country": "XYZ"}}, "filters.country 'XYZ'"),
    ({"name": "x", "filters": {"country": "kaz"}}, "filters.country 'kaz'"),
    ({"name": "x", "filters": {"pair": "KAZ-KAZ"}}, "filters.pair"),
    ({"name": "x", "filters": {"type": "treaty"}}, "filters.type 'treaty'"),
    ({"name": "x", "filters": {"colour": "red"}}, "no field 'colour'"),
    ({"name": "x", "filters": {"query": "--"}}, "nothing to search for in '--'"),
    ({"name": "   ", "filters": {"country": "KAZ"}}, "name"),
    ({"name": "a\x00b", "filters": {"country": "KAZ"}}, "name"),
    ({"filters": {"country": "KAZ"}}, "name missing"),
    ({"name": "x", "filters": {"country": "KAZ"}, "webhook_url": "ftp://hooks.example/"}, "webhook_url"),
    ({"name": "x", "filters": {"country": "KAZ"}, "webhook_url": "http://127.0.0.1:8080/hook"}, "private"),
    ({"name": "x", "filters": {"country": "KAZ"}, "webhook_url": "http://10.0.0.5/hook"}, "private"),
    ({"name": "x", "filters": {"country": "KAZ"}, "webhook_url": f"https://{'a' * 64}.example/"}, "no such host name"),
    ({"name": "x", "filters": {"country": "KAZ"}, "email": "desk\r\nBcc: all@x.example"}, "email"),
    ({"name": "x", "filters": {"country": "KAZ"}, "secret": "mine"}, "no field 'secret'"),
])
def test_a_saved_search_out_of_its_rules_is_a_400(api, body, message):
    c, auth, _ = api
    assert message in error(c.post("/api/alerts", headers=auth, json=body), 400)
    assert c.get("/api/alerts").json()["total"] == 0

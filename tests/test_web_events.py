"""The dashboard's events page (/events) and the words the pages use for stored codes (issue P9 item D).

The page lists what /api/events lists, in its order and pages, with the same filters; it is paged in the
database (query.timeline.events_page) and calls an event "name · status", else by its type. Sectors and
units are written in words on every page (web/labels.py).
"""
from __future__ import annotations

import re
import warnings
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest

from accordwatch.store import open_store
from accordwatch.web import create_app, labels
from accordwatch.web import pages as pages_module

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('events') / 'e.db'}"
    store = open_store(url)
    try:
        assert store.ingest_paths([str(EXAMPLES)]).failed == 0
    finally:
        store.close()
    with TestClient(create_app(url)) as c:
        yield c


def shown_ids(html: str) -> list[int]:
    block = html[html.index('data-testid="events-list"'):] if 'data-testid="events-list"' in html else ""
    return [int(i) for i in re.findall(r'data-testid="event" data-event-id="(\d+)"', block)]


def api_ids(client, **params) -> list[int]:
    body = client.get("/api/events?" + urlencode({**params, "per_page": 50})).json()
    return [e["id"] for e in body["items"]]


def visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]*>", " ", re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)))


def test_the_events_page_lists_the_api_events_in_order_and_pages(client):
    total = client.get("/api/events").json()["total"]
    assert total > 100
    html = client.get("/events").text
    assert shown_ids(html) == api_ids(client)
    assert f"{total} events · 1–50 shown, page 1 of {-(-total // 50)}" in html
    assert shown_ids(client.get("/events?page=2").text) == api_ids(client, page=2)
    last = -(-total // 50)
    assert len(shown_ids(client.get(f"/events?page={last}").text)) == total - 50 * (last - 1)
    assert 'rel="next" href="/events?page=2"' in html and 'rel="prev"' not in html


@pytest.mark.parametrize("params", [
    {"type": "agreement"}, {"status": "planned"}, {"sector": "oil_gas"}, {"country": "Kazakhstan"},
    {"country": "aze"}, {"pair": "KAZ-UZB"}, {"since": "2024-03"}, {"until": "2023"}, {"name": "memorandum"},
    {"type": "meeting", "status": "discussed", "country": "KAZ", "since": "2023", "until": "2024-06-30"},
])
def test_each_filter_keeps_what_the_api_keeps(client, params):
    html = client.get("/events?" + urlencode(params)).text
    assert shown_ids(html) == api_ids(client, **params)
    assert 'data-testid="active-filters"' in html
    for value in params.values():      # the form shows what was asked for
        assert f'value="{value}"' in html


def test_filters_survive_paging(client):
    html = client.get("/events?country=KAZ").text
    assert 'href="/events?country=KAZ&amp;page=2"' in html
    assert shown_ids(client.get("/events?country=KAZ&page=2").text) == api_ids(client, country="KAZ", page=2)


def test_the_page_is_paged_in_the_database(client, monkeypatch):
    calls = []
    real = pages_module.events_page

    def spy(engine, **kwargs):
        calls.append(kwargs)
        return real(engine, **kwargs)

    monkeypatch.setattr(pages_module, "events_page", spy)
    client.get("/events?page=3&type=meeting")
    assert calls and calls[0]["offset"] == 100 and calls[0]["limit"] == 50 and calls[0]["type"] == "meeting"


def test_an_event_is_called_name_and_status_else_its_type(client):
    events = client.get("/api/events?per_page=200").json()["items"]
    html = client.get("/events").text
    for ev in events[:50]:
        row = html[html.index(f'data-event-id="{ev["id"]}"'):]
        title = unescape(re.search(r'class="event-title"[^>]*>([^<]*)<', row)[1])
        status = re.search(r'data-status="([^"]+)"', row)[1]
        if ev["name"]:
            assert title == ev["name"][:1].upper() + ev["name"][1:]
        else:
            assert title.startswith(labels.label(ev["type"]))
        assert status == ev["status"]


@pytest.mark.parametrize(("url", "status", "says"), [
    ("/events?type=treaty", 400, "unknown event type 'treaty'"),
    ("/events?status=done", 400, "unknown status 'done'"),
    ("/events?country=Atlantis", 400, "unknown country or bloc code 'Atlantis'"),
    ("/events?pair=KAZ", 400, "a pair is two codes"),
    ("/events?since=2024-3", 400, "since takes"),
    ("/events?page=0", 400, "page takes a number from 1"),
    ("/events?page=two", 400, "page takes a number from 1"),
    ("/events?page=99", 404, "page 99 is out of range"),
    ("/events?name=%25", 400, "name filter needs a word"),
])
def test_bad_filters_say_what_is_wrong(client, url, status, says):
    r = client.get(url)
    assert r.status_code == status and says in unescape(r.text), r.text[:300]


def test_the_nav_links_the_events_page(client):
    for path in ("/", "/network", "/search", "/events"):
        assert 'href="/events" data-testid="nav-events"' in client.get(path).text
    assert 'data-testid="nav-events" aria-current="page"' in client.get("/events").text


# sectors and units in words ---------------------------------------------------------------------

def test_labels_are_words():
    assert labels.label("oil_gas") == "Oil and gas"
    assert labels.label("finance_investment") == "Finance and investment"
    assert labels.label("fdi") == "Foreign direct investment" and labels.label("working_group") == "Working group"
    assert labels.label("something_new") == "Something new" and labels.label(None) == ""
    from accordwatch.query.common import INDICATORS, SECTORS
    assert set(SECTORS) <= set(labels.SECTORS) and set(INDICATORS) <= set(labels.INDICATORS)
    assert labels.unit_words("cubic_metres") == "cubic metres" and labels.unit_words("count") == ""


@pytest.mark.parametrize("path", ["/", "/events", "/events?sector=oil_gas", "/pair/AZE/EU", "/country/AZE",
                                  "/article/1", "/search?q=gas", "/pair/KAZ/UZB"])
def test_pages_write_sectors_and_units_in_words(client, path):
    text = visible_text(client.get(path).text)
    codes = [c for c in (*labels.SECTORS, *labels.UNITS) if "_" in c and re.search(rf"\b{c}\b", text)]
    assert not codes, f"{path} shows codes: {codes}"
    for bad in ("Oil gas", "Finance investment", "Transport logistics", "cubic_metres"):
        assert bad not in text, f"{path} shows {bad!r}"


def test_volumes_say_what_they_measure(client):
    html = client.get("/pair/AZE/EU").text
    assert "billion cubic metres" in html and "Oil and gas" in html
    found = client.get("/api/figures?indicator=volume&per_page=200").json()["items"]
    assert {p["unit"] for p in found} >= {"tonnes", "cubic_metres"}
    doc = found[0]["sources"][0]["document_id"]
    article = visible_text(client.get(f"/article/{doc}").text)
    assert re.search(r"\d (million |billion )?(tonnes|cubic metres|megawatts|gigawatts)", article)

"""The REST API (accordwatch.web): every route, its filters and pagination, the one error shape, ingest.

The read-only routes run against a database built once from four sample articles:
1 a01 KAZ-UZB roadmap (2024-03-04)   2 a14 UZB-KAZ roadmap, second report (2024-03-05)
3 b02 KAZ-HUN council (2023-11-21)   4 h01 KAZ-SAU wind deals, HTML (2024-05-22)
"""
from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select
from typer.testing import CliRunner

from accordwatch.cli import app as cli
from accordwatch.store import open_store
from accordwatch.store import schema as s
from accordwatch.web import SETTINGS, create_app

with warnings.catch_warnings():   # Starlette's TestClient warns that it wants httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SAMPLES = ["a01_kaz_uzb_roadmap.txt", "a14_uzb_kaz_roadmap_second_report.txt", "b02_kz_hungary_council.txt",
           "h01_kz_saudi_wind_investment.html"]
TOKEN = "s3cret-token"
GET_ROUTES = ["/api", "/api/documents", "/api/documents/1", "/api/entities", "/api/events", "/api/figures",
              "/api/partners/KAZ", "/api/profile/KAZ/UZB", "/api/search?q=roadmap"]
API_PATHS = {"/api", "/api/documents", "/api/documents/{document_id}", "/api/entities", "/api/events",
             "/api/figures", "/api/partners/{code}", "/api/profile/{a}/{b}", "/api/search", "/api/ingest",
             "/api/reviews", "/api/audit", "/api/sources", "/api/alerts", "/api/alerts/{alert_id}",
             "/api/entity-reviews", "/api/entities/merge", "/api/entities/split"}
WRITES = {"/api/ingest": {"post"}, "/api/reviews": {"post"}, "/api/alerts": {"get", "post"},
          "/api/alerts/{alert_id}": {"delete"}, "/api/entity-reviews": {"post"}, "/api/entities/merge": {"post"},
          "/api/entities/split": {"post"}}   # tests/test_web_auth.py tests the writes of people
PAGE_KEYS = {"items", "page", "per_page", "pages", "total"}
DOC_KEYS = {"id", "title", "published", "outlet", "dateline", "source", "url", "language", "duplicate_of", "similarity",
            "ingested_at", "countries", "sectors"}
UNKNOWN_XYZ = ("[AW501] unknown country or bloc code 'XYZ': give an ISO 3166-1 alpha-3 code (KAZ, ROU) or a bloc "
               "(EU, EAEU, CIS, SCO, CSTO, OTS, ASEAN, GCC, UN, C5)")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("api") / "t.db"
    store = open_store(str(path))
    summary = store.ingest_paths([str(ARTICLES / name) for name in SAMPLES])
    store.close()
    assert (summary.new, summary.failed) == (4, 0), summary.errors
    return str(path)


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with pytest.MonkeyPatch.context() as mp:      # read-only, whatever the environment says
        mp.delenv("ACCORDWATCH_INGEST_TOKEN", raising=False)
        app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def ids(response) -> list[int]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def error(response, status: int) -> str:
    """The message of an error response, after checking it has the one shape and the right status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body["error"]


def table_count(db: str, table) -> int:
    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()
    finally:
        store.close()


# 1. the app: OpenAPI, settings, headers ----------------------------------------------------------

def test_openapi_lists_every_route(client):
    doc = client.get("/openapi.json").json()
    assert doc["info"]["title"] == "accordwatch" and "one shape" in doc["info"]["description"]
    assert {p for p in doc["paths"] if p.startswith("/api")} == API_PATHS
    for path in API_PATHS:
        assert set(doc["paths"][path]) == WRITES.get(path, {"get"}), path
    body = doc["paths"]["/api/ingest"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_their_files_from_the_app(client, path):
    """Swagger UI and ReDoc work offline: every script, style and icon they name is served by the app
    (tests/test_browser.py renders both with the network blocked)."""
    import re

    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text) + re.findall(r"url: '([^']+)'", page.text)
    assert urls, page.text
    assert not [u for u in urls if "//" in u], f"{path} names files off the app: {urls}"
    for url in urls:
        if url != "/openapi.json" and not url.startswith("/docs/"):
            served = client.get(url)
            assert served.status_code == 200 and len(served.content) > 100, url
    assert "/static-docs/" in page.text


def test_api_index_names_the_routes(client):
    body = client.get("/api").json()
    assert body["ok"] is True and body["docs"] == "/docs" and body["redoc"] == "/redoc"
    assert "GET /api/documents" in body["routes"] and "POST /api/ingest" in body["routes"]


def test_every_setting_is_documented(client):
    description = client.get("/openapi.json").json()["info"]["description"]
    help_text = CliRunner().invoke(cli, ["serve", "--help"], terminal_width=200).output
    for setting in SETTINGS:
        assert setting.option in description and setting.help in description
        assert setting.option in help_text, setting.option
        if setting.env:
            assert setting.env in description


def test_responses_are_json_that_browsers_do_not_sniff(client):
    r = client.get("/api/documents")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"


FAKE_PAGES = """
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request):
    return f"<h1>{request.app.state.engine.dialect.name}</h1>"


def error_page(request, status, message):
    return HTMLResponse(f"<p>{status}</p>", status_code=status)
"""


def test_the_dashboard_is_included_when_its_module_exists(db, tmp_path, monkeypatch):
    import importlib.util
    import sys

    import accordwatch.web

    name = "accordwatch.web.pages"
    assert create_app(db).state.dashboard is (importlib.util.find_spec(name) is not None)
    if importlib.util.find_spec(name) is not None:
        pytest.skip("the real dashboard is installed: a stand-in would not be imported")
    (tmp_path / "pages.py").write_text(FAKE_PAGES, encoding="utf-8")
    monkeypatch.setattr(accordwatch.web, "__path__", [*accordwatch.web.__path__, str(tmp_path)])
    try:
        with TestClient(create_app(db), raise_server_exceptions=False) as c:
            assert c.app.state.dashboard is True
            assert c.get("/").text == "<h1>sqlite</h1>"
            assert (c.get("/nothing").status_code, c.get("/nothing").text) == (404, "<p>404</p>")
            assert error(c.get("/api/nothing"), 404)           # the API keeps its JSON errors
            assert {p for p in c.get("/openapi.json").json()["paths"] if p.startswith("/api")} == API_PATHS
    finally:
        sys.modules.pop(name, None)
        if hasattr(accordwatch.web, "pages"):
            delattr(accordwatch.web, "pages")


# 2. documents ------------------------------------------------------------------------------------

def test_documents_newest_first_with_their_countries_and_sectors(client):
    body = client.get("/api/documents").json()
    assert set(body) == PAGE_KEYS
    assert (body["page"], body["per_page"], body["pages"], body["total"]) == (1, 50, 1, 4)
    assert [d["id"] for d in body["items"]] == [4, 2, 1, 3]
    first = body["items"][0]
    assert set(first) == DOC_KEYS
    assert first["published"] == "2024-05-22" and first["countries"] == ["KAZ", "SAU"]
    assert "renewables" in first["sectors"] and first["duplicate_of"] is None


@pytest.mark.parametrize(("query", "expected"), [
    ("country=HUN", [3]),
    ("country=Hungary", [3]),                      # a name is resolved like a code
    ("country=kaz", [4, 2, 1, 3]),
    ("pair=KAZ-UZB", [2, 1]),
    ("pair=UZB-KAZ", [2, 1]),
    ("sector=renewables", [4]),
    ("sector=oil_gas", [3]),
    ("since=2024-03-05", [4, 2]),
    ("until=2023", [3]),
    ("until=2024-03", [2, 1, 3]),
    ("since=2024&until=2024-03-04", [1]),
    ("q=roadmap", [2, 1]),
    ("q=wind", [4]),
    ("q=nothingmatchesthis", []),
    ("country=KAZ&sector=oil_gas", [3]),
    ("country=&pair=", [4, 2, 1, 3]),              # empty form fields filter nothing
])
def test_documents_filters(client, query, expected):
    assert ids(client.get(f"/api/documents?{query}")) == expected


def test_documents_pagination(client):
    one = client.get("/api/documents?per_page=3&page=1").json()
    two = client.get("/api/documents?per_page=3&page=2").json()
    assert (one["page"], one["per_page"], one["pages"], one["total"]) == (1, 3, 2, 4)
    assert [d["id"] for d in one["items"]] == [4, 2, 1]
    assert [d["id"] for d in two["items"]] == [3] and two["page"] == 2
    empty = client.get("/api/documents?q=nothingmatchesthis").json()
    assert (empty["items"], empty["total"], empty["pages"]) == ([], 0, 1)


def test_document_detail_has_every_fact_with_offsets(client):
    doc = client.get("/api/documents/1").json()
    text = doc["text"]
    assert set(doc) == DOC_KEYS | {"text", "country_reviews", "entities", "events", "figures"}
    assert doc["title"].startswith("Kazakhstan, Uzbekistan adopt roadmap")
    assert doc["countries"] == ["KAZ", "UZB"]
    people = {e["name"]: e for e in doc["entities"] if e["kind"] == "person"}
    assert set(people) == {"Arman Shakkaliyev", "Laziz Kudratov"}
    assert set(people["Arman Shakkaliyev"]) == {"id", "kind", "name", "country", "title", "org_kind", "mentions"}
    for entity in doc["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"] and m["review"] is None   # no one reviewed it
    roadmap = next(e for e in doc["events"] if e["instrument"] == "roadmap")
    assert (roadmap["type"], roadmap["status"], roadmap["parties"]) == ("agreement", "signed", ["KAZ", "UZB"])
    assert roadmap["sectors"] == ["chemicals", "finance_investment", "manufacturing"]
    for event in doc["events"]:
        for report in event["reports"]:
            assert text[report["start"]:report["end"]] == report["evidence"]
    turnover = next(f for f in doc["figures"] if f["indicator"] == "trade_turnover" and f["kind"] == "actual")
    assert (turnover["value"], turnover["unit"], turnover["period"], turnover["change_pct"]) == (
        4.4e9, "USD", "2023", 12.3)
    assert turnover["amount_text"] == "$4.4 billion" == text[turnover["start"]:turnover["end"]]
    assert "$4.4 billion" in turnover["evidence"]


# 3. entities, events, figures --------------------------------------------------------------------

def test_entities_filters_and_counts(client):
    body = client.get("/api/entities").json()
    assert set(body) == PAGE_KEYS and body["total"] == 41   # (with "Asia" and "Europe", places of no country)
    assert set(body["items"][0]) == {"id", "kind", "name", "country", "title", "org_kind", "documents", "mentions"}
    assert body["items"][0]["name"] == "Kazakhstan" and body["items"][0]["documents"] == 4
    people = client.get("/api/entities?kind=person").json()
    assert people["total"] == 7 and {e["kind"] for e in people["items"]} == {"person"}
    hun = {e["name"] for e in client.get("/api/entities?country=HUN").json()["items"]}
    assert {"Hungary", "Budapest", "MOL Group", "Péter Szijjártó"} <= hun and "Astana" not in hun
    assert [e["name"] for e in client.get("/api/entities?q=szijjarto").json()["items"]] == ["Péter Szijjártó"]
    assert [e["name"] for e in client.get("/api/entities?q=MOL Gr").json()["items"]] == ["MOL Group"]
    assert client.get("/api/entities?kind=organization&country=SAU&q=fund").json()["total"] == 1
    page = client.get("/api/entities?per_page=10&page=5").json()
    assert (len(page["items"]), page["pages"]) == (1, 5)


def test_events_filters_and_pagination(client):
    body = client.get("/api/events").json()
    assert set(body) == PAGE_KEYS and body["total"] == 20
    first = body["items"][0]
    assert set(first) == {"id", "type", "name", "instrument", "status", "parties", "date", "location",
                          "organizations", "sectors", "review", "reviewed_by", "reviewed_at", "sources_count",
                          "sources"}
    assert (first["review"], first["reviewed_by"], first["reviewed_at"]) == (None, None, None)   # nobody reviewed it
    assert set(first["sources"][0]) == {"document_id", "title", "outlet", "published", "language", "evidence", "status",
                                        "date", "start", "end", "quotes"}
    def total(query: str) -> int:
        return client.get(f"/api/events?{query}").json()["total"]
    # SAU: the wind farm and the water supply networks of one article are two projects, the direct flights
    # Flynas launched last year a third; the investment forum to be held in the autumn a meeting of its own
    assert total("pair=KAZ-UZB") == 6 and total("country=SAU") == 7 and total("country=HUN") == 7
    assert total("type=agreement&status=signed") == 6
    # oil_gas: the Karaton contract, and the council's session whose article lists it among its subjects
    assert total("sector=oil_gas") == 2 and total("since=2024-05") == 4 and total("until=2023") == 6
    signed = client.get("/api/events?type=agreement&status=signed&pair=KAZ-UZB").json()["items"]
    assert [(e["instrument"], e["date"], e["sources_count"]) for e in signed] == [("roadmap", "2024-03-04", 2)]
    pages = [client.get(f"/api/events?per_page=5&page={n}").json() for n in (1, 2, 3, 4)]
    assert [len(p["items"]) for p in pages] == [5, 5, 5, 5] and pages[0]["pages"] == 4
    assert [e["id"] for p in pages for e in p["items"]] == [e["id"] for e in body["items"]]


def test_sources_count_is_the_number_of_articles_listed(client):
    """One source per article, with every statement of the fact in it as a quote: the count and the list
    agree in events, figures, the profile and the partners (where the sample's roadmap is stated twice
    in one article)."""
    events = client.get("/api/events?per_page=200").json()["items"]
    points = client.get("/api/figures?per_page=200").json()["items"]
    profile = client.get("/api/profile/KAZ/UZB").json()
    facts = events + points + [e for k in ("agreements", "working_groups", "meetings", "projects")
                               for e in profile[k]] + [p for ps in profile["figures"].values() for p in ps]
    for fact in facts:
        docs = [src["document_id"] for src in fact["sources"]]
        assert fact["sources_count"] == len(docs) == len(set(docs)) >= 1, fact
        for src in fact["sources"]:
            first = src["quotes"][0]
            assert all(src[k] == v for k, v in first.items()), src
    assert any(len(src["quotes"]) > 1 for e in events for src in e["sources"]), "no fact stated twice in an article"
    for p in points:
        assert sorted(q["figure_id"] for s in p["sources"] for q in s["quotes"]) == sorted(p["figure_ids"])
    doc = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]["description"]
    assert "sources_count" in doc and "one item per article" in doc


def test_figures_filters_and_pagination(client):
    body = client.get("/api/figures").json()
    assert set(body) == PAGE_KEYS and body["total"] == 21
    assert {"indicator", "parties", "period", "value", "unit", "kind", "conflict", "sources"} <= set(body["items"][0])
    def rows(query: str) -> list[tuple]:
        return [(f["indicator"], "-".join(f["parties"]), f["period"], f["kind"], f["value"])
                for f in client.get(f"/api/figures?{query}").json()["items"]]
    assert rows("indicator=trade_turnover&pair=KAZ-UZB") == [
        ("trade_turnover", "KAZ-UZB", "2023", "actual", 4.4e9), ("trade_turnover", "KAZ-UZB", "2023", "actual", 4.6e9),
        ("trade_turnover", "KAZ-UZB", "2030", "target", 1e10)]
    assert rows("country=SAU&kind=target") == [("trade_turnover", "KAZ-SAU", "2030", "target", 1e9)]
    assert [r[2] for r in rows("since=2026")] == ["2026", "2030", "2030"]
    conflicts = client.get("/api/figures?pair=KAZ-UZB&indicator=trade_turnover&kind=actual").json()["items"]
    assert [f["conflict"] for f in conflicts] == [True, True]
    last = client.get("/api/figures?per_page=20&page=2").json()
    assert (len(last["items"]), last["pages"]) == (1, 2)


# 4. partners, profile, search --------------------------------------------------------------------

def test_partners(client):
    body = client.get("/api/partners/KAZ").json()
    assert {k: body[k] for k in ("code", "name", "kind", "limit")} == {
        "code": "KAZ", "name": "Kazakhstan", "kind": "country", "limit": 20}
    assert [p["code"] for p in body["items"]] == ["HUN", "SAU", "UZB"]   # by events: 7, 7, 6
    uzb = body["items"][2]
    assert set(uzb) == {"code", "name", "kind", "events", "documents", "figures", "trade_turnover"}
    assert uzb["trade_turnover"]["value"] == 4.6e9 and uzb["trade_turnover"]["conflict"] is True
    assert [p["code"] for p in client.get("/api/partners/Kazakhstan?limit=1").json()["items"]] == ["HUN"]


def test_profile_in_either_order(client):
    body = client.get("/api/profile/KAZ/UZB").json()
    assert body["pair"] == ["KAZ", "UZB"] and body["documents"] == 2
    assert set(body) >= {"names", "figures", "agreements", "working_groups", "meetings", "projects", "people",
                         "companies", "sectors"}
    assert [p["value"] for p in body["figures"]["trade_turnover"]] == [4.4e9, 4.6e9, 1e10]
    assert {p["name"] for p in body["people"]} == {"Arman Shakkaliyev", "Laziz Kudratov"}
    assert client.get("/api/profile/uzbekistan/KAZ").json() == body


def test_search(client):
    body = client.get("/api/search?q=roadmap").json()
    assert (body["q"], body["limit"]) == ("roadmap", 20)
    assert [h["document_id"] for h in body["items"]] == [2, 1]
    assert set(body["items"][0]) == {"document_id", "title", "published", "outlet", "source", "url", "language",
                                     "snippet", "score"}
    assert "«roadmap»" in body["items"][0]["snippet"]
    assert len(client.get("/api/search?q=roadmap&limit=1").json()["items"]) == 1
    assert [h["document_id"] for h in client.get("/api/search?q=wind AND water").json()["items"]] == [4]
    assert client.get('/api/search?q="unbalanced&plain=true').status_code == 200
    # punctuation is no syntax: hyphens, quotes, colons, brackets, a dangling operator
    for q in ["Kazakh-Uzbek", '"Kazakh-Uzbek', "roadmap:", "(roadmap", "roadmap AND", "Kazakh-Uzb*"]:
        found = client.get("/api/search", params={"q": q})
        assert found.status_code == 200 and found.json()["items"], q
    assert client.get("/api/documents", params={"q": "Kazakh-Uzbek"}).json()["total"] >= 1


# 5. errors: one shape, pinned --------------------------------------------------------------------

def test_unknown_country_code_in_a_filter_is_400(client):
    assert client.get("/api/documents?country=XYZ").json() == {"ok": False, "error": UNKNOWN_XYZ, "status": 400}
    assert error(client.get("/api/events?country=XYZ"), 400) == UNKNOWN_XYZ


def test_unknown_code_in_the_path_is_404(client):
    assert client.get("/api/partners/XYZ").json() == {"ok": False, "error": UNKNOWN_XYZ, "status": 404}
    assert error(client.get("/api/profile/KAZ/XYZ"), 404) == UNKNOWN_XYZ


def test_bad_date_is_400(client):
    assert client.get("/api/documents?since=2023-13").json() == {
        "ok": False, "status": 400,
        "error": "[AW502] since takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not '2023-13' (there is no month 13)"}
    for route in ("/api/events?until=2023-02-30", "/api/figures?since=yesterday", "/api/events?since=2023-13"):
        assert "takes a date as YYYY, YYYY-MM or YYYY-MM-DD" in error(client.get(route), 400)


def test_bad_pair_is_400(client):
    assert client.get("/api/events?pair=KAZ").json() == {
        "ok": False, "status": 400, "error": "[AW502] a pair is two codes joined by '-' (KAZ-TUR), not 'KAZ'"}
    assert error(client.get("/api/profile/KAZ/KAZ"), 400) == (
        "[AW502] a pair needs two different countries or blocs, not KAZ twice")
    assert error(client.get("/api/figures?pair=KAZ-XYZ"), 400) == UNKNOWN_XYZ


def test_bad_choice_is_400(client):
    assert error(client.get("/api/events?type=treaty"), 400) == (
        "[AW502] unknown event type 'treaty': use one of agreement, working_group, meeting, project")
    assert error(client.get("/api/entities?kind=company"), 400) == (
        "[AW502] unknown entity kind 'company': use one of country, organization, person, place")
    assert error(client.get("/api/figures?kind=forecast"), 400).startswith("[AW502] unknown kind 'forecast'")


def test_page_out_of_range_is_404_and_page_below_one_is_400(client):
    assert client.get("/api/documents?page=3&per_page=2").json() == {
        "ok": False, "status": 404, "error": "page 3 is out of range: 4 item(s) make 2 page(s) of 2"}
    assert error(client.get("/api/events?page=2"), 404) == "page 2 is out of range: 20 item(s) make 1 page(s) of 50"
    assert error(client.get("/api/documents?q=nothingmatchesthis&page=2"), 404).startswith("page 2 is out of range")
    assert client.get("/api/documents?page=0").json() == {
        "ok": False, "status": 400, "error": "page: Input should be greater than or equal to 1"}
    assert error(client.get("/api/entities?per_page=201"), 400) == "per_page: Input should be less than or equal to 200"
    assert error(client.get("/api/figures?page=two"), 400) == (
        "page: Input should be a valid integer, unable to parse string as an integer")


def test_search_without_a_word_is_400(client):
    assert error(client.get("/api/search?q=--"), 400) == (
        "[AW503] nothing to search for in '--': give one or more words")
    assert error(client.get("/api/documents?q=()"), 400).startswith("[AW503] nothing to search for")
    assert error(client.get("/api/search?q=   "), 400) == "[AW503] nothing to search for: give one or more words"
    assert error(client.get("/api/search"), 400) == "q: Field required"


def test_no_such_document_or_path_is_404(client):
    assert client.get("/api/documents/999").json() == {"ok": False, "error": "no document with id 999",
                                                         "status": 404}
    assert error(client.get("/api/documents/abc"), 400) == (
        "document_id: Input should be a valid integer, unable to parse string as an integer")
    assert client.get("/api/nothing").json() == {
        "ok": False, "error": "nothing at /api/nothing: see /docs for the API's routes", "status": 404}


@pytest.mark.parametrize("route", GET_ROUTES)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_only_get_is_allowed(client, route, method):
    r = client.request(method, route, json={"x": 1})
    path = route.split("?")[0]
    assert r.json() == {"ok": False, "status": 405, "error": f"method {method} is not allowed on {path} "
                                                              "(allowed: GET); see /docs for the API's routes"}
    assert r.headers["allow"] == "GET"


def test_get_on_ingest_is_405(client):
    assert error(client.get("/api/ingest"), 405) == (
        "method GET is not allowed on /api/ingest (allowed: POST); see /docs for the API's routes")


def test_an_unexpected_failure_is_a_500_without_internals(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail of the server")

    monkeypatch.setattr("accordwatch.web.api.find_events", broken)
    with caplog.at_level(logging.ERROR, logger="accordwatch.web"):   # a query no other test asks: no kept answer
        r = client.get("/api/events?per_page=49")
    assert r.json() == {"ok": False, "status": 500,
                        "error": "internal server error: the server log has the details"}
    assert "secret" not in r.text and r.headers["x-content-type-options"] == "nosniff"
    assert "secret detail of the server" in caplog.text and "GET /api/events failed" in caplog.text


# 6. hostile input --------------------------------------------------------------------------------

INJECTIONS = ["KAZ' OR '1'='1", "1; DROP TABLE documents", "%' OR 1=1 --"]
FILTERS = {"/api/documents": ["country", "pair", "sector", "since", "until", "q"],
           "/api/entities": ["kind", "country", "q"],
           "/api/events": ["country", "pair", "sector", "type", "status", "since", "until", "name"],
           "/api/figures": ["indicator", "pair", "country", "kind", "since"],
           "/api/search": ["q"]}


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize(("route", "name"), [(r, n) for r, names in FILTERS.items() for n in names])
def test_sql_injection_in_a_filter_is_refused_or_matches_nothing(client, db, route, name, payload):
    r = client.get(route, params={name: payload})
    if r.status_code == 200 and name == "q" and route != "/api/entities":
        # a full-text search: its words are searched as words ("KAZ' OR '1'='1" is KAZ OR "1 1")
        assert all(set(item) >= {"title", "published"} for item in r.json()["items"])
    elif r.status_code == 200:
        assert r.json()["items"] == []
    else:
        assert 400 <= r.status_code < 500
        error(r, r.status_code)
    assert table_count(db, s.documents) == 4


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_in_the_path_is_refused(client, db, payload):
    for route in (f"/api/partners/{payload}", f"/api/profile/KAZ/{payload}", f"/api/documents/{payload}"):
        r = client.get(route)
        assert 400 <= r.status_code < 500
        error(r, r.status_code)
    assert client.get("/api/search", params={"q": payload, "plain": "true"}).status_code == 200
    store = open_store(db)
    try:
        assert "documents" in inspect(store.engine).get_table_names()
    finally:
        store.close()
    assert table_count(db, s.documents) == 4


# 7. ingest ---------------------------------------------------------------------------------------

ARTICLE = {"title": "Kazakhstan and Oman agree on a fertilizer plant", "published": "2024-05-14",
           "url": "https://example.org/oman",
           "text": "ASTANA – Kazakhstan and Oman signed a memorandum on building a fertilizer plant."}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writable(tmp_path) -> TestClient:
    app = create_app(str(tmp_path / "w.db"), ingest_token=TOKEN, max_upload_bytes=2_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_ingest_is_disabled_without_a_token(client):
    assert client.post("/api/ingest", json=ARTICLE, headers=AUTH).json() == {
        "ok": False, "status": 403,
        "error": "ingest is disabled: start the server with --ingest-token TOKEN (or $ACCORDWATCH_INGEST_TOKEN) "
                 "to enable it"}


def test_ingest_needs_the_right_token(writable):
    r = writable.post("/api/ingest", json=ARTICLE)
    assert error(r, 401) == "ingest needs the header 'Authorization: Bearer <token>'"
    assert r.headers["www-authenticate"] == "Bearer"
    r = writable.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer wrong"})
    assert r.json() == {"ok": False, "error": "wrong ingest token", "status": 401}
    assert error(writable.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Basic {TOKEN}"}), 401)
    assert writable.get("/api/documents").json()["total"] == 0


def test_ingest_a_json_article(writable):
    r = writable.post("/api/ingest", json=ARTICLE, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True
    assert {k: body["summary"][k] for k in ("read", "new", "failed", "errors")} == {
        "read": 1, "new": 1, "failed": 0, "errors": []}
    assert body["documents"] == [{"id": 1, "title": ARTICLE["title"], "published": "2024-05-14",
                                  "source": ARTICLE["url"], "duplicate_of": None}]
    listed = writable.get("/api/documents").json()["items"]
    assert [(d["id"], d["title"], d["url"], d["countries"]) for d in listed] == [
        (1, ARTICLE["title"], ARTICLE["url"], ["KAZ", "OMN"])]
    again = writable.post("/api/ingest", json=ARTICLE, headers=AUTH).json()
    assert (again["summary"]["new"], again["summary"]["duplicate"], again["documents"][0]["id"]) == (0, 1, 1)


def test_ingest_an_uploaded_file(writable):
    text = (ARTICLES / "a01_kaz_uzb_roadmap.txt").read_bytes()[:1500]
    r = writable.post("/api/ingest", files={"file": ("a01.txt", text, "text/plain")}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["documents"][0]["source"] == "upload:a01.txt"
    assert writable.get("/api/documents?country=UZB").json()["total"] == 1
    assert error(writable.post("/api/ingest", files={"file": ("x.exe", b"MZ", "application/octet-stream")},
                               headers=AUTH), 400).startswith("cannot ingest 'x.exe': unknown file type '.exe'")
    assert error(writable.post("/api/ingest", files={"file": ("e.txt", b"  \n", "text/plain")}, headers=AUTH),
                 400) == "nothing to ingest: [AW103] upload:e.txt: empty file"


def test_ingest_refuses_what_is_over_the_size_limit(writable):
    big = {**ARTICLE, "text": "Kazakhstan " * 300}
    message = error(writable.post("/api/ingest", json=big, headers=AUTH), 413)
    assert message.startswith("request body is ") and message.endswith(" bytes, over the 2,000-byte limit")
    r = writable.post("/api/ingest", files={"file": ("big.txt", b"x" * 3_000, "text/plain")}, headers=AUTH)
    assert error(r, 413).endswith("over the 2,000-byte limit")

    def chunks():                                      # no Content-Length: counted while it arrives
        for _ in range(3):
            yield b" " * 1_000
    r = writable.post("/api/ingest", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.json() == {"ok": False, "status": 413, "error": "request body is over the 2,000-byte limit"}
    assert writable.get("/api/documents").json()["total"] == 0


def test_ingest_refuses_bad_bodies(writable):
    def post(**kwargs):
        return writable.post("/api/ingest", headers={**AUTH, **kwargs.pop("headers", {})}, **kwargs)
    assert error(post(json=["a list"]), 400) == "expected a JSON object with 'text', got list"
    assert error(post(json={"title": "no text"}), 400) == "the JSON article needs a non-empty 'text' string"
    assert error(post(json={**ARTICLE, "published": "2024-13-01"}), 400) == (
        "'published' takes a date as YYYY-MM-DD, not '2024-13-01'")
    assert error(post(json={**ARTICLE, "title": 5}), 400) == "'title' must be a string, not int"
    assert error(post(content=b"{", headers={"Content-Type": "application/json"}), 400).startswith(
        "the body is not valid JSON")
    assert error(post(content=b"text", headers={"Content-Type": "text/plain"}), 415)


def test_script_in_an_article_comes_back_as_plain_json_text(writable):
    text = "Kazakhstan and Oman signed a memorandum. <script>alert(1)</script> The plant will open in 2026."
    doc_id = writable.post("/api/ingest", json={"text": text, "title": "<b>Oman</b>"},
                           headers=AUTH).json()["documents"][0]["id"]
    r = writable.get(f"/api/documents/{doc_id}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>alert(1)</script>" in r.text and "&lt;script" not in r.text
    assert r.json()["text"] == "<b>Oman</b>\n\n" + text and r.json()["title"] == "<b>Oman</b>"


# 8. accordwatch serve ----------------------------------------------------------------------------

def test_serve_prints_the_address_and_runs_uvicorn(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("ACCORDWATCH_INGEST_TOKEN", raising=False)
    db = tmp_path / "serve.db"
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "8123"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (f"accordwatch: serving sqlite:///{db} at http://127.0.0.1:8123 "
                                     "(API at /api, docs at /docs; ingest disabled)")
    (web_app, kwargs), = calls
    assert kwargs == {"host": "127.0.0.1", "port": 8123, "log_level": "info"}
    assert web_app.state.ingest_token is None

    calls.clear()
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0"],
                                env={"ACCORDWATCH_INGEST_TOKEN": TOKEN})
    assert result.exit_code == 0, result.output
    assert "at http://0.0.0.0:8000" in result.output and "ingest enabled" in result.output
    assert calls[0][0].state.ingest_token == TOKEN


def test_serve_reports_a_database_it_cannot_open(tmp_path, monkeypatch):
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: pytest.fail("must not serve"))
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


# 9. the API's own SQL on each backend (PostgreSQL when ACCORDWATCH_TEST_PG is set) ----------------

def test_documents_and_entities_on_each_backend(db_url):
    store = open_store(db_url)
    store.ingest_paths([str(ARTICLES / SAMPLES[0]), str(ARTICLES / SAMPLES[2])])
    store.close()
    with TestClient(create_app(db_url), raise_server_exceptions=False) as c:
        assert ids(c.get("/api/documents")) == [1, 2]
        assert ids(c.get("/api/documents?country=HUN&sector=oil_gas&since=2023-11&until=2023")) == [2]
        assert ids(c.get("/api/documents?pair=KAZ-UZB&q=roadmap")) == [1]
        assert ids(c.get("/api/documents?per_page=1&page=2")) == [2]
        detail = c.get("/api/documents/2").json()
        assert detail["countries"] == ["EU", "HUN", "KAZ"] and detail["figures"] and detail["events"]
        people = c.get("/api/entities?kind=person&q=szijjarto").json()["items"]
        assert [(p["name"], p["documents"]) for p in people] == [("Péter Szijjártó", 1)]
        kaz = c.get("/api/entities?kind=country&country=KAZ").json()["items"]
        assert [(e["name"], e["documents"]) for e in kaz] == [("Kazakhstan", 2)]
        # one query language on both backends: punctuation is no syntax, operators work
        assert ids(c.get("/api/documents", params={"q": '"Kazakh-Uzbek'})) == [1]
        assert ids(c.get("/api/documents", params={"q": "(roadmap OR Szijjártó) NOT Hungarian"})) == [1]
        assert ids(c.get("/api/documents", params={"q": "Kazakh-Uzb* OR Hungar*"})) == [1, 2]
        assert error(c.get("/api/documents?q=()"), 400).startswith("[AW503] nothing to search for")

"""The OpenAPI document states the rules the server keeps (issue P11), and input out of them is a 4xx.

tests/test_api_fuzz.py drives a live server with Schemathesis; these pin the parts one at a time, on the
sample corpus (conftest's `sample_db`), with FastAPI's test client.
"""
from __future__ import annotations

import re
import shutil
import warnings

import pytest
from sqlalchemy import select

from accordwatch.ingest.metadata import iso_date
from accordwatch.query import BadFilter
from accordwatch.query.common import check_date, codes
from accordwatch.store import open_store
from accordwatch.store import schema as s
from accordwatch.web import create_app
from accordwatch.web.api import MAX_ID, MAX_PAGE, SCHEMAS

with warnings.catch_warnings():   # Starlette's TestClient warns that it wants httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "contract-token"


@pytest.fixture(scope="module")
def client(sample_db):
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("ACCORDWATCH_INGEST_TOKEN", raising=False)
        app = create_app(sample_db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def doc(client) -> dict:
    return client.get("/openapi.json").json()


def operations(doc):
    for path, item in doc["paths"].items():
        if path.startswith("/api"):
            for method, op in item.items():
                yield path, method, op


def param_schema(op, name) -> dict:
    return next(p["schema"] for p in op.get("parameters", []) if p["name"] == name)


def rule(schema: dict) -> dict:
    """The rule of a filter: its first branch when it is `rule or blank`."""
    return schema["anyOf"][0] if "anyOf" in schema else schema


def error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "status"} and body["status"] == status
    return body["error"]


# 1. the document ---------------------------------------------------------------------------------

def test_every_error_status_is_declared_with_the_error_shape_and_no_422(doc):
    for path, method, op in operations(doc):
        statuses = set(op["responses"])
        assert "422" not in statuses, (path, method)
        assert "500" in statuses and ({"200", "201"} & statuses), (path, method)
        for status, response in op["responses"].items():
            if status not in ("200", "201"):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/ErrorBody", (path, status)
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    ingest = doc["paths"]["/api/ingest"]["post"]
    assert {"400", "401", "403", "413", "415"} <= set(ingest["responses"])
    assert ingest["security"] == [{"ingestToken": []}]
    assert doc["components"]["securitySchemes"]["ingestToken"]["scheme"] == "bearer"


def test_every_parameter_states_its_rule(doc):
    paths = doc["paths"]
    events = paths["/api/events"]["get"]
    for path in ("/api/documents", "/api/entities", "/api/events", "/api/figures"):
        op = paths[path]["get"]
        assert (param_schema(op, "page")["minimum"], param_schema(op, "page")["maximum"]) == (1, MAX_PAGE)
        assert (param_schema(op, "per_page")["minimum"], param_schema(op, "per_page")["maximum"]) == (1, 200)
        assert rule(param_schema(op, "language"))["enum"] == ["en", "ru"]
    document_id = param_schema(paths["/api/documents/{document_id}"]["get"], "document_id")
    assert (document_id["minimum"], document_id["maximum"]) == (1, MAX_ID) and MAX_ID == 2**31 - 1
    assert rule(param_schema(events, "type"))["enum"] == ["agreement", "working_group", "meeting", "project"]
    assert rule(param_schema(events, "status"))["enum"] == ["signed", "agreed", "planned", "discussed"]
    assert "energy" in rule(param_schema(events, "sector"))["enum"]
    assert "trade_turnover" in rule(param_schema(paths["/api/figures"]["get"], "indicator"))["enum"]
    for name, ref in (("since", "Date"), ("until", "Date"), ("country", "Code"), ("pair", "Pair")):
        assert rule(param_schema(events, name))["$ref"] == f"#/components/schemas/{ref}"
        assert param_schema(events, name)["anyOf"][1] == {"$ref": "#/components/schemas/Blank"}
    assert param_schema(paths["/api/partners/{code}"]["get"], "code")["$ref"] == "#/components/schemas/Code"
    assert param_schema(paths["/api/partners/{code}"]["get"], "by")["enum"] == ["events", "trade"]
    q = param_schema(paths["/api/search"]["get"], "q")
    assert q["minLength"] == 1 and q["pattern"]
    assert doc["components"]["schemas"]["Code"]["enum"] == list(codes())
    # no parameter can be null: a query string cannot say it
    for _, _, op in operations(doc):
        for p in op.get("parameters", []):
            assert {"type": "null"} not in p["schema"].get("anyOf", []), p["name"]


def test_the_date_pattern_takes_what_check_date_takes():
    pattern = re.compile(SCHEMAS["Date"]["pattern"])
    samples = ["2024", "0001", "0000", "2024-00", "2024-12", "2024-13", "2024-02-29", "2023-02-29", "2000-02-29",
               "1900-02-29", "2024-04-31", "2024-12-31", "2024-1", "2024-01-1", "24", "20240", "٢٠٢٤", "2024-06-30"]
    for value in samples:
        try:
            check_date("since", value)
            valid = True
        except BadFilter:
            valid = False
        assert bool(pattern.match(value)) is valid, value


def test_the_pair_pattern_takes_two_different_codes():
    pattern = re.compile(SCHEMAS["Pair"]["pattern"])
    assert pattern.match("KAZ-UZB") and pattern.match("EU-KAZ")
    assert not pattern.match("KAZ-KAZ") and not pattern.match("KAZ") and not pattern.match("KAZ-XYZ")


def test_every_example_is_in_the_sample_database(client, doc):
    """Each parameter's example, alone, finds something: a tool that sends the examples reaches data (the
    audit log, an admin's, is empty in the sample database: tests/test_web_auth.py reads it)."""
    for path, method, op in operations(doc):
        if method != "get" or op.get("security"):
            continue
        params = {p["name"]: p for p in op.get("parameters", [])}
        path_values = {n: p["schema"]["examples"][0] for n, p in params.items() if p["in"] == "path"}
        url = path.format(**path_values)
        required = {n: p["schema"]["examples"][0] for n, p in params.items()
                    if p.get("required") and p["in"] == "query"}
        assert client.get(url, params=required).status_code == 200, url
        for name, p in params.items():
            if p["in"] != "query" or "examples" not in p["schema"]:
                continue
            answer = client.get(url, params={**required, name: p["schema"]["examples"][0]})
            assert answer.status_code == 200, (url, name, answer.text)
            items = answer.json()["items"]
            assert items, f"{url}?{name}={p['schema']['examples'][0]} finds nothing in the sample database"


# 2. input out of range: a 4xx, never a 500 -----------------------------------------------------------

def test_an_id_past_the_database_integer_is_a_400(client):
    assert error(client.get("/api/documents/12170098898308213449424896"), 400) == (
        "document_id: Input should be less than or equal to 2147483647")
    assert error(client.get("/api/documents/0"), 400) == "document_id: Input should be greater than or equal to 1"
    assert error(client.get(f"/api/documents/{MAX_ID}"), 404) == f"no document with id {MAX_ID}"


@pytest.mark.parametrize("route", ["/api/documents", "/api/entities", "/api/events", "/api/figures"])
def test_a_page_past_its_bound_is_a_400(client, route):
    assert error(client.get(route, params={"page": 10**20}), 400) == (
        "page: Input should be less than or equal to 1000000000")
    assert error(client.get(route, params={"page": MAX_PAGE}), 404).startswith(f"page {MAX_PAGE} is out of range")


def test_a_nul_in_a_filter_is_no_server_error(client):
    assert client.get("/api/search", params={"q": "road\x00map"}).status_code == 200
    assert client.get("/api/documents", params={"q": "roadmap\x00"}).status_code == 200
    assert client.get("/api/entities", params={"q": "Ka\x00z"}).json()["items"] == []
    assert error(client.get("/api/events", params={"country": "K\x00Z"}), 400).startswith("[AW501]")


def test_digits_of_other_scripts_are_no_date(client):
    with pytest.raises(BadFilter):
        check_date("since", "٢٠٢٤")
    assert iso_date("٢٠٢٤-01-02") is None and iso_date("0999-01-02") == "0999-01-02"   # was 999-01-02
    assert "takes a date as YYYY" in error(client.get("/api/events", params={"since": "٢٠٢٤"}), 400)


def test_a_json_article_is_cleaned_like_a_file(sample_db, tmp_path, monkeypatch):
    db = tmp_path / "ingest.db"
    shutil.copy(sample_db, db)
    monkeypatch.delenv("ACCORDWATCH_INGEST_TOKEN", raising=False)
    with TestClient(create_app(str(db), ingest_token=TOKEN), raise_server_exceptions=False) as c:
        def post(body):
            return c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})

        assert error(post({"text": "\x00 \x00"}), 400) == "the JSON article needs a non-empty 'text' string"
        answer = post({"text": "Kazakhstan and Tajikistan\x00 signed a memorandum on water in 2024.",
                       "title": "Water\x00", "published": "2024-03-04T10:00:00+05:00"})
        assert answer.status_code == 200, answer.text
        [stored] = answer.json()["documents"]
        assert stored["title"] == "Water" and stored["published"] == "2024-03-04"
    store = open_store(str(db))
    try:
        with store.engine.connect() as conn:
            text = conn.execute(select(s.documents.c.text).where(s.documents.c.id == stored["id"])).scalar_one()
    finally:
        store.close()
    assert "\x00" not in text and "Tajikistan signed" in text

"""The query layer (accordwatch.query) and its commands, over a small database built row by row.

The database holds six articles (one a near-duplicate of another, whose facts must count for nothing),
five events of Kazakhstan with Romania, Turkey and Uzbekistan, trade figures that disagree, people and
companies. It is written with SQLAlchemy Core, not through extraction, so these tests pin the queries
alone. Set ACCORDWATCH_TEST_PG to a PostgreSQL URL to run the library tests there too (that database's
public schema is dropped and rebuilt).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from typer.testing import CliRunner

from accordwatch import cli, query
from accordwatch.errors import AccordwatchError
from accordwatch.store import fulltext, open_store
from accordwatch.store import schema as s
from accordwatch.store.engine import make_engine, migrate

TEXTS = {
    1: ("Kazakhstan, Romania trade reaches $2.9 billion",
        "ASTANA – Trade turnover between Kazakhstan and Romania reached $2.9 billion in 2023, up 8.5% from "
        "$2.67 billion in 2022, Kazakh Energy Minister Almasadam Satkaliyev said. KazMunayGas will ship more "
        "oil through the Caspian pipeline and the Middle Corridor route with Turkey."),
    2: ("Romania and Kazakhstan sign energy memorandum",
        "BUCHAREST – Romanian Energy Minister Sebastian Burduja and Almasadam Satkaliyev signed a memorandum "
        "on oil and gas on March 5. Rompetrol and KazMunayGas welcomed it. Trade stood at $2.9 billion in "
        "2023; the sides aim to bring it to $5 billion by 2030."),
    3: ("Romania and Kazakhstan sign energy memorandum",
        "BUCHAREST – Romanian Energy Minister Sebastian Burduja and Almasadam Satkaliyev signed a memorandum "
        "on oil and gas on March 5, a pipeline deal. Ghost Person attended. Trade stood at $2.9 billion."),
    4: ("Kazakh-Turkish working group on transport",
        "ANKARA – Kazakhstan and Turkey will set up a working group on transport by September, Turkish "
        "Transport Minister Abdulkadir Uraloglu said after talks. Trade reached $6.3 billion in 2022. "
        "Turkish Airlines plans more flights. The Middle Corridor project also involves Romania."),
    5: ("Kazakhstan-Romania trade at $3.1 billion",
        "Kazakh statistics put trade with Romania at $3.1 billion in 2023."),
    6: ("Uzbekistan and Kazakhstan meet on grain",
        "TASHKENT – Uzbek and Kazakh officials met on January 20 to discuss grain supplies."),
}
DOCS = [  # id, published, outlet, duplicate_of
    (1, "2024-02-10", "Astana Times", None),
    (2, "2024-03-05", "Agerpres", None),
    (3, "2024-03-06", "Agerpres mirror", 2),
    (4, "2023-06-12", "Daily Sabah", None),
    (5, "2024-04-01", "Trend", None),
    (6, "2024-01-20", None, None),
]
DOC_COUNTRIES = {1: ["KAZ", "ROU", "TUR"], 2: ["KAZ", "ROU"], 3: ["KAZ", "ROU"], 4: ["KAZ", "ROU", "TUR"],
                 5: ["KAZ", "ROU"], 6: ["KAZ", "UZB"]}
DOC_SECTORS = {1: ["energy", "oil_gas", "transport_logistics"], 2: ["energy", "oil_gas"], 3: ["energy"],
               4: ["transport_logistics"], 6: ["agriculture"]}
# id, type, instrument, status, parties, date, sectors, sources [(document, start, status)]
EVENTS = [
    (1, "agreement", "memorandum", "signed", "KAZ|ROU", "2024-03-05", ["energy", "oil_gas"],
     [(2, 0, "signed"), (3, 0, "signed")]),
    (2, "working_group", None, "planned", "KAZ|TUR", "2023-09", ["transport_logistics"], [(4, 0, "planned")]),
    (3, "meeting", None, "discussed", "KAZ|TUR", "2023-06-12", [], [(4, 120, "discussed")]),
    (4, "meeting", None, "discussed", "KAZ|UZB", "2024-01-20", ["agriculture"], [(6, 0, "discussed")]),
    (5, "project", None, "agreed", "KAZ|ROU|TUR", None, ["transport_logistics"], [(1, 150, "agreed"),
                                                                                  (4, 200, "agreed")]),
    (6, "meeting", None, "discussed", "KAZ|ROU", "2024-03-04", [], [(3, 50, "discussed")]),  # duplicate only
]
# id, document, indicator, value, unit, period, parties, kind, change_pct, conflict
FIGURES = [
    (1, 1, "trade_turnover", 2.9e9, "USD", "2023", "KAZ|ROU", "actual", 8.5, True),
    (2, 1, "trade_turnover", 2.67e9, "USD", "2022", "KAZ|ROU", "actual", None, False),
    (3, 2, "trade_turnover", 2.9e9, "USD", "2023", "KAZ|ROU", "actual", None, True),
    (4, 2, "trade_turnover", 5e9, "USD", "2030", "KAZ|ROU", "target", None, False),
    (5, 3, "trade_turnover", 2.9e9, "USD", "2023", "KAZ|ROU", "actual", None, True),   # duplicate
    (6, 4, "trade_turnover", 6.3e9, "USD", "2022", "KAZ|TUR", "actual", None, False),
    (7, 5, "trade_turnover", 3.1e9, "USD", "2023", "KAZ|ROU", "actual", None, True),
]
# id, kind, name, country, title, org_kind, mentions [(document, start)]
ENTITIES = [
    (1, "person", "Almasadam Satkaliyev", "KAZ", "Energy Minister", None, [(1, 180), (2, 60), (3, 60)]),
    (2, "person", "Sebastian Burduja", "ROU", "Energy Minister", None, [(2, 30), (3, 30)]),
    (3, "person", "Abdulkadir Uraloglu", "TUR", "Transport Minister", None, [(4, 100)]),
    (4, "person", "Ghost Person", "ROU", None, None, [(3, 150)]),
    (5, "organization", "KazMunayGas", "KAZ", None, "company", [(1, 200), (1, 260), (2, 140)]),
    (6, "organization", "Rompetrol", "ROU", None, "company", [(2, 125)]),
    (7, "organization", "Turkish Airlines", "TUR", None, "company", [(4, 160)]),
    (8, "organization", "Ministry of Energy", "KAZ", None, "ministry", [(2, 10)]),
    (9, "country", "Kazakhstan", "KAZ", None, None, [(1, 40)]),
]


PG_URL = os.environ.get("ACCORDWATCH_TEST_PG")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="set ACCORDWATCH_TEST_PG=postgresql://... to run the queries on PostgreSQL"))]


def build_database(path_or_url):
    """A migrated database holding the rows above (a SQLite file, or a PostgreSQL URL whose public schema
    is emptied first); returns its Engine."""
    engine = make_engine(str(path_or_url))
    sqlite = engine.dialect.name == "sqlite"
    if not sqlite:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    migrate(engine)
    with engine.begin() as conn:
        for doc_id, published, outlet, dup in DOCS:
            title, body = TEXTS[doc_id]
            conn.execute(insert(s.documents).values(
                id=doc_id, content_hash=f"h{doc_id}", source=f"articles/a{doc_id}.txt", url=f"https://x.test/{doc_id}",
                title=title, published=published, outlet=outlet, text=body, duplicate_of=dup,
                similarity=0.97 if dup else None))
            if sqlite:
                conn.execute(text("INSERT INTO documents_fts(rowid, title, text) VALUES (:id, :title, :text)"),
                             {"id": doc_id, "title": title, "text": body})
            else:   # the stored vector, as the writer computes it
                conn.execute(text(f"UPDATE documents SET search_vector = {fulltext.tsvector()} WHERE id = :id"),
                             {"id": doc_id})
            conn.execute(insert(s.document_countries), [{"document_id": doc_id, "code": c}
                                                        for c in DOC_COUNTRIES[doc_id]])
            if DOC_SECTORS.get(doc_id):
                conn.execute(insert(s.document_sectors), [{"document_id": doc_id, "sector": x}
                                                          for x in DOC_SECTORS[doc_id]])
        for ev_id, type_, instrument, status, parties, date, sectors, sources in EVENTS:
            conn.execute(insert(s.events).values(id=ev_id, type=type_, instrument=instrument, status=status,
                                                 parties=parties, date=date, location=None, organizations="",
                                                 first_document_id=sources[0][0]))
            conn.execute(insert(s.event_parties), [{"event_id": ev_id, "code": c} for c in parties.split("|")])
            if sectors:
                conn.execute(insert(s.event_sectors), [{"event_id": ev_id, "sector": x} for x in sectors])
            conn.execute(insert(s.event_sources), [
                {"event_id": ev_id, "document_id": doc, "start": start, "end": start + 40, "status": st,
                 "date": date, "evidence": TEXTS[doc][1][start:start + 40]} for doc, start, st in sources])
        for fid, doc, indicator, value, unit, period, parties, kind, change, conflict in FIGURES:
            conn.execute(insert(s.figures).values(
                id=fid, document_id=doc, indicator=indicator, value=value, unit=unit, period=period, parties=parties,
                from_code=None, to_code=None, change_pct=change, kind=kind, approximate=False, start=fid * 10,
                end=fid * 10 + 30, evidence=f"trade evidence {fid}", conflict=conflict))
            conn.execute(insert(s.figure_parties), [{"figure_id": fid, "code": c} for c in parties.split("|")])
        for eid, kind, name, country, title, org_kind, mentions in ENTITIES:
            conn.execute(insert(s.entities).values(id=eid, kind=kind, key=name.lower(), name=name, country=country,
                                                   title=title, org_kind=org_kind))
            conn.execute(insert(s.mentions), [{"document_id": doc, "entity_id": eid, "start": start,
                                               "end": start + len(name), "text": name} for doc, start in mentions])
    return engine


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "aw.db"
    engine = build_database(path)
    yield path, engine
    engine.dispose()


@pytest.fixture(scope="module")
def sqlite_engine(db):
    return db[1]


def backend_engine(request, sqlite_engine):
    """The fixture database on the backend `request.param` names (a generator for fixtures)."""
    if request.param == "sqlite":
        yield sqlite_engine
        return
    engine = build_database(PG_URL)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def engine(request, sqlite_engine):
    yield from backend_engine(request, sqlite_engine)


# 1. partners -----------------------------------------------------------------------------------

def test_partners_are_ranked_by_events_then_documents(engine):
    rows = query.partners(engine, "KAZ")
    assert [(r["code"], r["events"], r["documents"], r["figures"]) for r in rows] == [
        ("TUR", 3, 2, 1),      # working group, meeting, project; articles 1 and 4
        ("ROU", 2, 4, 5),      # memorandum and project (not the meeting only a duplicate reports); 1, 2, 4, 5
        ("UZB", 1, 1, 0),
    ]
    assert rows[1]["name"] == "Romania" and rows[1]["kind"] == "country"


def test_partner_trade_is_the_latest_actual_turnover(engine):
    by_code = {r["code"]: r for r in query.partners(engine, "KAZ")}
    rou = by_code["ROU"]["trade_turnover"]
    # 2023 is the latest actual period (the 2030 target is no actual); of its two disagreeing values
    # the one from the most recently published article wins, and the conflict shows
    assert (rou["value"], rou["unit"], rou["period"], rou["conflict"]) == (3.1e9, "USD", "2023", True)
    assert by_code["TUR"]["trade_turnover"]["value"] == 6.3e9
    assert by_code["UZB"]["trade_turnover"] is None


def test_partners_accepts_names_lower_case_and_limit(engine):
    assert [r["code"] for r in query.partners(engine, "kazakhstan", limit=2)] == ["TUR", "ROU"]
    assert [r["code"] for r in query.partners(engine, "rou")] == ["KAZ", "TUR"]


def test_partners_of_a_known_code_without_data_is_empty(engine):
    assert query.partners(engine, "EU") == []


def test_partners_unknown_code_is_a_library_error(engine):
    with pytest.raises(query.UnknownCode) as info:
        query.partners(engine, "XYZ")
    assert isinstance(info.value, AccordwatchError)
    assert str(info.value).startswith("[AW501]")
    assert "'XYZ'" in str(info.value)


def test_bad_limit(engine):
    with pytest.raises(query.BadFilter):
        query.partners(engine, "KAZ", limit=0)


# 2. profile ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kaz_rou(engine):
    return query.profile(engine, "ROU", "KAZ")


def test_profile_pair_and_documents(kaz_rou):
    assert kaz_rou["pair"] == ["KAZ", "ROU"]
    assert kaz_rou["names"] == {"KAZ": "Kazakhstan", "ROU": "Romania"}
    assert kaz_rou["documents"] == 4      # 1, 2, 4, 5; never the duplicate 3


def test_profile_figures_over_time_with_sources(kaz_rou):
    series = kaz_rou["figures"]["trade_turnover"]
    assert [(p["period"], p["value"], p["kind"], p["conflict"], p["sources_count"]) for p in series] == [
        ("2022", 2.67e9, "actual", False, 1),
        ("2023", 2.9e9, "actual", True, 2),       # articles 1 and 2 agree (the duplicate adds nothing)
        ("2023", 3.1e9, "actual", True, 1),
        ("2030", 5e9, "target", False, 1),
    ]
    merged = series[1]
    assert merged["change_pct"] == 8.5
    assert [(x["document_id"], x["outlet"], x["published"]) for x in merged["sources"]] == [
        (1, "Astana Times", "2024-02-10"), (2, "Agerpres", "2024-03-05")]
    assert merged["sources"][0]["title"] == "Kazakhstan, Romania trade reaches $2.9 billion"
    assert merged["sources"][0]["evidence"] == "trade evidence 1"
    assert list(kaz_rou["figures"]) == ["trade_turnover"]     # the Turkish figure is not the pair's


def test_profile_events_by_type(kaz_rou):
    [agreement] = kaz_rou["agreements"]
    assert (agreement["instrument"], agreement["status"], agreement["date"]) == ("memorandum", "signed", "2024-03-05")
    assert agreement["sources_count"] == 1 and agreement["sectors"] == ["energy", "oil_gas"]
    assert agreement["sources"][0]["evidence"] == TEXTS[2][1][:40]
    assert kaz_rou["meetings"] == []          # reported by the duplicate only
    assert kaz_rou["working_groups"] == []
    [project] = kaz_rou["projects"]
    assert project["parties"] == ["KAZ", "ROU", "TUR"] and project["sources_count"] == 2


def test_profile_people_and_companies_of_the_two_countries(kaz_rou):
    assert [(p["name"], p["country"], p["documents"]) for p in kaz_rou["people"]] == [
        ("Almasadam Satkaliyev", "KAZ", 2), ("Sebastian Burduja", "ROU", 1)]    # no Turk, no Ghost Person
    assert [(c["name"], c["documents"], c["mentions"]) for c in kaz_rou["companies"]] == [
        ("KazMunayGas", 2, 3), ("Rompetrol", 1, 1)]                            # no ministry, no airline


def test_profile_sectors_are_counted(kaz_rou):
    assert kaz_rou["sectors"] == [
        {"sector": "energy", "events": 1, "documents": 2},
        {"sector": "oil_gas", "events": 1, "documents": 2},
        {"sector": "transport_logistics", "events": 1, "documents": 2},
    ]


def test_profile_other_pair_and_errors(engine):
    kaz_tur = query.profile(engine, "KAZ", "Turkey")
    assert [e["type"] for e in kaz_tur["working_groups"] + kaz_tur["meetings"]] == ["working_group", "meeting"]
    assert [p["name"] for p in kaz_tur["people"]] == ["Abdulkadir Uraloglu", "Almasadam Satkaliyev"]
    with pytest.raises(query.UnknownCode):
        query.profile(engine, "KAZ", "QQQ")
    with pytest.raises(query.BadFilter):
        query.profile(engine, "KAZ", "kaz")


# 3. events and figures ---------------------------------------------------------------------------

def ids(rows):
    return [r["id"] for r in rows]


def test_events_newest_first_without_duplicate_only_events(engine):
    assert ids(query.events(engine)) == [1, 4, 2, 3, 5]      # undated last; event 6 has no live source


@pytest.mark.parametrize("filters, expected", [
    ({"country": "TUR"}, [2, 3, 5]),
    ({"country": "Uzbekistan"}, [4]),
    ({"pair": "KAZ-ROU"}, [1, 5]),
    ({"pair": ("TUR", "ROU")}, [5]),
    ({"sector": "transport_logistics"}, [2, 5]),
    ({"type": "meeting"}, [4, 3]),
    ({"status": "discussed", "country": "KAZ"}, [4, 3]),
    ({"since": "2024-01"}, [1, 4]),
    ({"since": "2023-07", "until": "2023"}, [2]),
    ({"until": "2023-06"}, [3]),
    ({"country": "KAZ", "sector": "energy", "type": "agreement", "since": "2023-01"}, [1]),
    ({"limit": 2}, [1, 4]),
])
def test_event_filters(engine, filters, expected):
    assert ids(query.events(engine, **filters)) == expected


@pytest.mark.parametrize("filters, error", [
    ({"type": "treaty"}, query.BadFilter),
    ({"status": "done"}, query.BadFilter),
    ({"sector": "space"}, query.BadFilter),
    ({"since": "March 2023"}, query.BadFilter),
    ({"pair": "KAZ"}, query.BadFilter),
    ({"country": "ATLANTIS"}, query.UnknownCode),
])
def test_event_filter_errors(engine, filters, error):
    with pytest.raises(error) as info:
        query.events(engine, **filters)
    assert str(info.value).startswith(f"[{error.code}]")


def test_events_carry_sources_and_sectors(engine):
    [project] = query.events(engine, type="project")
    assert [x["document_id"] for x in project["sources"]] == [4, 1]      # by publication date
    assert project["sectors"] == ["transport_logistics"] and project["date"] is None


def test_figures_series_sorted_by_period_with_targets(engine):
    series = query.figures(engine, indicator="trade_turnover", pair="KAZ-ROU")
    assert [(p["period"], p["kind"], p["value"]) for p in series] == [
        ("2022", "actual", 2.67e9), ("2023", "actual", 2.9e9), ("2023", "actual", 3.1e9), ("2030", "target", 5e9)]


def test_figures_filters(engine):
    assert [p["parties"] for p in query.figures(engine, country="TUR")] == [["KAZ", "TUR"]]
    assert [p["value"] for p in query.figures(engine, kind="target")] == [5e9]
    assert [p["period"] for p in query.figures(engine, pair="ROU-KAZ", since="2023")] == ["2023", "2023", "2030"]
    everything = query.figures(engine)
    assert [p["period"] for p in everything] == ["2022", "2022", "2023", "2023", "2030"]
    assert sum(p["sources_count"] for p in everything) == 6              # the duplicate's figure left out
    assert [p["period"] for p in query.figures(engine, limit=2)] == ["2023", "2030"]      # the latest
    assert query.figures(engine, indicator="exports") == []
    with pytest.raises(query.BadFilter):
        query.figures(engine, indicator="gdp")
    with pytest.raises(query.BadFilter):
        query.figures(engine, kind="forecast")


# 4. search ---------------------------------------------------------------------------------------

def test_search_finds_articles_with_snippets(engine):
    hits = query.search(engine, "pipeline")
    assert [h["document_id"] for h in hits] == [1]          # 3 says "pipeline" too, but is a duplicate
    assert "«pipeline»" in hits[0]["snippet"]
    assert hits[0]["title"] == TEXTS[1][0] and hits[0]["outlet"] == "Astana Times"
    assert {h["document_id"] for h in query.search(engine, "pipeline", include_duplicates=True)} == {1, 3}


def test_search_ranks_and_stems(engine):
    hits = query.search(engine, "memorandum")
    assert [h["document_id"] for h in hits] == [2]
    assert {h["document_id"] for h in query.search(engine, "corridor")} == {1, 4}
    assert {h["document_id"] for h in query.search(engine, "meets")} == {6}      # porter: meet
    assert len(query.search(engine, "trade", limit=1)) == 1 < len(query.search(engine, "trade"))
    assert query.search(engine, "hydrogen") == []
    assert [h["document_id"] for h in query.search(engine, '"Kazakh-Turkish"')] == [4]


@pytest.mark.parametrize(("q", "found"), [
    ("Kazakh-Turkish", {4}), ('"Kazakh-Turkish', {4}), ("Kazakh-Turkish:", {4}), ("(Kazakh-Turkish)", {4}),
    ("Kazakhstan-Romania", {1, 5}),                # the words in a row, whatever stands between them
    ("$2.9", {1, 2}), ("$2.9 billion,", {1, 2}), ("Caspian: pipeline", {1}), ("nosuchcolumn: oil", set()),
    ("(grain", {6}), ("grain)", {6}), ("pipeline AND", {1}), ("OR grain", {6}),
    ("pipe*", {1}), ("Kazakh-Tur*", {4}), ('"oil AND gas"', {2}),
    ("'; DROP TABLE documents; --", set()), ("Robert'); DROP TABLE documents; --", set()),
    ("a\\b % _ ; \" ' ` ~ ! @ # ^ & = + [ ] { } | < > ? / grain", set()),
])
def test_search_punctuation_is_never_a_syntax_error(engine, q, found):
    """Hyphens, quotes, colons, brackets and any other punctuation in a query just work, on both backends."""
    assert {h["document_id"] for h in query.search(engine, q)} == found


@pytest.mark.parametrize(("q", "found"), [
    ("oil OR grain", {1, 2, 6}), ("oil grain", set()), ("oil AND gas", {2}), ("oil NOT pipeline", {2}),
    ("(oil OR grain) AND Uzbek", {6}), ("(oil OR grain) NOT (Caspian OR Uzbek)", {2}), ("NOT pipeline", {1}),
    ("oil and gas", {2}), ("Middle Corridor", {1, 4}), ('"Middle Corridor" NOT Romanian', {1, 4}),
])
def test_search_operators(engine, q, found):
    """AND, OR, NOT (capitals), brackets, "phrases" and prefix*: the same on SQLite and PostgreSQL; an
    operator that joins nothing is dropped ("NOT pipeline" is pipeline)."""
    assert {h["document_id"] for h in query.search(engine, q)} == found


@pytest.mark.parametrize("q", ["", "  ", "--", "()", '""', "AND OR NOT", "* : -"])
def test_search_without_a_word_is_a_library_error(engine, q):
    with pytest.raises(query.SearchSyntaxError) as info:
        query.search(engine, q)
    assert str(info.value).startswith("[AW503] nothing to search for")


def test_search_query_forms():
    from accordwatch.query.search import fts5_query, parse, plain_query, tsquery_sql

    assert fts5_query(parse('Kazakh-Romanian "oil pipe" pipe* OR x')) == (
        '(("Kazakh-Romanian" AND "oil pipe" AND "pipe"*) OR "x")')
    assert fts5_query(parse('say "hi')) == '("say" AND "hi")'
    assert fts5_query(parse('a"b')) == '("a" AND "b")'
    params: dict = {}
    assert tsquery_sql(parse("oil NOT Kazakh-Rom*"), params) == (   # each term in English and in Russian
        "((phraseto_tsquery('english', :t0) || phraseto_tsquery('russian', :t0)) && "
        "!!(tsquery_phrase(phraseto_tsquery('english', :t1), to_tsquery('english', :t2)) || "
        "tsquery_phrase(phraseto_tsquery('russian', :t1), to_tsquery('russian', :t2))))")
    assert params == {"t0": "oil", "t1": "Kazakh ", "t2": "'Rom':*"}
    params = {}
    tsquery_sql(parse("ТОВАРООБОРОТ Тур*"), params)                # folded as the index folds the text
    assert params == {"t0": "товарооборот", "t1": "'тур':*"}
    assert fts5_query(parse('газопровод "oil pipe"')) == (           # a Russian word in each of its forms
        '(("газопровод" OR "газопровода" OR "газопроводу" OR "газопроводом" OR "газопроводе" OR "газопроводы" '
        'OR "газопроводов" OR "газопроводам" OR "газопроводами" OR "газопроводах") AND "oil pipe")')
    assert plain_query('Kazakh-Romanian $2.9 AND (x') == '"Kazakh-Romanian" AND "$2.9" AND "AND" AND "(x"'


def test_search_input_is_never_sql(engine):
    assert query.search(engine, '"\'; DROP TABLE documents; --"') == []
    assert query.search(engine, "'; DROP TABLE documents; --", plain=True) == []
    assert query.search(engine, "Robert'); DROP TABLE documents; --", plain=True) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar_one() == 6


# 5. the command line -----------------------------------------------------------------------------

@pytest.fixture
def run(db, monkeypatch):
    """Invoke the CLI against the fixture database, with a wide terminal."""
    from rich.console import Console

    monkeypatch.setattr(cli, "out_console", Console(width=200, no_color=True))
    runner = CliRunner()
    path = db[0]

    def invoke(*args):
        return runner.invoke(cli.app, [*args, "--db", str(path)])
    return invoke


def test_cli_partners(run):
    result = run("partners", "KAZ")
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert any("TUR" in ln and "Türkiye" in ln for ln in lines)
    assert any("ROU" in ln and "3,100,000,000" in ln and "2023" in ln for ln in lines)
    assert result.stdout.index("TUR") < result.stdout.index("ROU") < result.stdout.index("UZB")


def test_cli_partners_json_and_unknown_code(run):
    result = run("partners", "KAZ", "--json")
    assert [r["code"] for r in json.loads(result.stdout)] == ["TUR", "ROU", "UZB"]
    bad = run("partners", "XYZ")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: [AW501]") and len(bad.stderr.strip().splitlines()) == 1


def test_cli_profile(run):
    result = run("profile", "KAZ", "ROU")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for section in ("trade_turnover", "agreements", "projects", "people", "companies", "sectors"):
        assert section in out
    assert "CONFLICT" in out                        # disagreeing figures are marked
    assert "+8.5" in out and "Astana Times" in out and "memorandum" in out
    assert "Sebastian Burduja" in out and "KazMunayGas" in out and "Ghost Person" not in out
    data = json.loads(run("profile", "KAZ", "ROU", "--json").stdout)
    assert data["pair"] == ["KAZ", "ROU"]


def test_cli_events(run):
    result = run("events", "--country", "KAZ", "--sector", "energy", "--type", "agreement", "--since", "2023-01")
    assert result.exit_code == 0, result.output
    assert "memorandum" in result.stdout and "2024-03-05" in result.stdout and "working_group" not in result.stdout
    data = json.loads(run("events", "--pair", "KAZ-TUR", "--json").stdout)
    assert [e["id"] for e in data] == [2, 3, 5]
    bad = run("events", "--type", "treaty")
    assert bad.exit_code == 2 and "[AW502]" in bad.stderr


def test_cli_figures(run):
    result = run("figures", "--indicator", "trade_turnover", "--pair", "KAZ-ROU")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2,670,000,000" in out and "5,000,000,000" in out
    assert out.index("2,670,000,000") < out.index("2,900,000,000") < out.index("5,000,000,000")
    data = json.loads(run("figures", "--indicator", "trade_turnover", "--pair", "KAZ-TUR", "--json").stdout)
    assert [(p["period"], p["value"]) for p in data] == [("2022", 6.3e9)]


def test_cli_search(run):
    result = run("search", "pipeline")
    assert result.exit_code == 0, result.output
    assert "Kazakhstan, Romania trade reaches" in result.stdout and "pipeline" in result.stdout
    dangling = run("search", "Kazakh-Turkish AND")        # punctuation and a dangling operator just work
    assert dangling.exit_code == 0 and "Kazakh-Turkish working group" in dangling.stdout
    bad = run("search", "()")
    assert bad.exit_code == 2 and bad.stderr.startswith("error: [AW503] nothing to search for")


def test_cli_missing_database(tmp_path):
    result = CliRunner().invoke(cli.app, ["partners", "KAZ", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "none.db" in result.stderr and "error:" in result.stderr


def test_cli_database_from_environment(db, monkeypatch):
    monkeypatch.setenv("ACCORDWATCH_DB", str(db[0]))
    result = CliRunner().invoke(cli.app, ["events", "--type", "working_group", "--json"])
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.stdout)] == [2]


# 6. the same queries over what the store writes ---------------------------------------------------

def test_queries_over_ingested_articles(tmp_path):
    """Two sample articles about one roadmap, ingested through the real write path: the reader and the
    writer agree on what the tables mean."""
    articles = Path(__file__).parent.parent / "examples" / "articles"
    store = open_store(str(tmp_path / "ingested.db"))
    try:
        store.ingest_paths([str(articles / "a01_kaz_uzb_roadmap.txt"),
                            str(articles / "a14_uzb_kaz_roadmap_second_report.txt")])
        engine = store.engine
        uzb = next(r for r in query.partners(engine, "KAZ") if r["code"] == "UZB")
        assert uzb["events"] >= 1 and uzb["documents"] == 2
        assert uzb["trade_turnover"]["period"] == "2023"
        pair = query.profile(engine, "UZB", "KAZ")
        assert pair["documents"] == 2 and "trade_turnover" in pair["figures"]
        assert [a["instrument"] for a in pair["agreements"]] == ["roadmap"]
        assert pair["agreements"][0]["sources_count"] == 2          # both articles report the one roadmap
        assert {p["country"] for p in pair["people"]} == {"KAZ", "UZB"}
        assert query.events(engine, pair="KAZ-UZB", type="agreement")[0]["id"] == pair["agreements"][0]["id"]
        assert [h["title"] for h in query.search(engine, "roadmap", limit=1)][0]
        assert query.export(engine, "graphml", tmp_path / "g.graphml")["rows"]["edges"] >= 1
    finally:
        store.close()


def test_cli_unreachable_database_hides_the_password():
    result = CliRunner().invoke(cli.app, ["partners", "KAZ", "--db", "postgresql://aw:secret@127.0.0.1:1/aw"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: database postgresql+psycopg://aw:***@127.0.0.1:1/aw")
    assert "secret" not in result.stderr

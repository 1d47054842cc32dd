"""Exports (accordwatch.query.export): every format written, then read back with its own reader."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from accordwatch import cli, query
from accordwatch.store.engine import make_engine, migrate
from test_query import BACKENDS, TEXTS, backend_engine, build_database

ROWS = {"documents": 6, "entities": 9, "events": 6, "event_sources": 8, "figures": 7}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "aw.db"
    engine = build_database(path)
    yield path, engine
    engine.dispose()


@pytest.fixture(scope="module")
def sqlite_engine(db):
    return db[1]


@pytest.fixture(scope="module", params=BACKENDS)
def engine(request, sqlite_engine):
    yield from backend_engine(request, sqlite_engine)


@pytest.fixture
def empty_engine(tmp_path):
    engine = make_engine(str(tmp_path / "empty.db"))
    migrate(engine)
    yield engine
    engine.dispose()


def read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_writes_one_file_per_table(engine, tmp_path):
    out = tmp_path / "csv" / "nested"
    done = query.export(engine, "csv", out)
    assert done["format"] == "csv" and done["rows"] == ROWS
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in ROWS)
    assert done["files"] == [str(out / f"{t}.csv") for t in ROWS]
    docs = read_csv(out / "documents.csv")
    assert len(docs) == 6 and "minhash" not in docs[0]
    assert docs[0]["text"] == TEXTS[1][1]                       # text with commas and dashes survives
    assert docs[2]["duplicate_of"] == "2" and docs[0]["duplicate_of"] == ""
    assert docs[0]["ingested_at"][:2] == "20"                  # an ISO timestamp
    events = {r["id"]: r for r in read_csv(out / "events.csv")}
    assert events["1"]["sectors"] == "energy|oil_gas" and events["3"]["sectors"] == ""
    assert events["5"]["parties"] == "KAZ|ROU|TUR"
    figures = read_csv(out / "figures.csv")
    assert [float(f["value"]) for f in figures][:2] == [2.9e9, 2.67e9]
    assert len(read_csv(out / "event_sources.csv")) == 8
    assert {r["name"] for r in read_csv(out / "entities.csv")} >= {"KazMunayGas", "Almasadam Satkaliyev"}


def test_parquet_round_trip_with_types(engine, tmp_path):
    done = query.export(engine, "PARQUET", tmp_path / "pq")
    assert done["rows"] == ROWS
    tables = {t: pq.read_table(tmp_path / "pq" / f"{t}.parquet") for t in ROWS}
    assert {t: tables[t].num_rows for t in ROWS} == ROWS
    figures = tables["figures"]
    assert str(figures.schema.field("value").type) == "double"
    assert str(figures.schema.field("conflict").type) == "bool"
    assert str(figures.schema.field("id").type) == "int64"
    assert figures.column("conflict").to_pylist() == [True, False, True, False, True, False, True]
    events = tables["events"].to_pylist()
    assert events[0]["sectors"] == "energy|oil_gas" and events[4]["date"] is None
    assert tables["documents"].column("title").to_pylist()[3] == TEXTS[4][0]


def test_json_is_one_file(engine, tmp_path):
    path = tmp_path / "all.json"
    done = query.export(engine, "json", path)
    assert done["files"] == [str(path)] and done["rows"] == ROWS
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "accordwatch-export"
    assert {t: len(data[t]) for t in ROWS} == ROWS
    assert data["documents"][1]["text"] == TEXTS[2][1] and data["documents"][5]["outlet"] is None
    assert data["events"][0]["sectors"] == "energy|oil_gas"
    assert data["figures"][0]["conflict"] is True


def test_json_into_a_folder(engine, tmp_path):
    done = query.export(engine, "json", tmp_path)
    assert done["files"] == [str(tmp_path / "accordwatch.json")]
    assert json.loads((tmp_path / "accordwatch.json").read_text(encoding="utf-8"))["entities"][0]["id"] == 1


def test_graphml_is_the_partner_network(engine, tmp_path):
    path = tmp_path / "net.graphml"
    done = query.export(engine, "graphml", path)
    assert done["rows"] == {"nodes": 4, "edges": 4}
    g = nx.read_graphml(path)
    assert sorted(g.nodes) == ["KAZ", "ROU", "TUR", "UZB"]
    assert g.nodes["ROU"]["name"] == "Romania" and g.nodes["KAZ"]["kind"] == "country"
    assert (g.nodes["KAZ"]["events"], g.nodes["KAZ"]["figures"]) == (5, 6)
    edges = {tuple(sorted(e)): (d["events"], d["figures"], d["documents"]) for *e, d in g.edges(data=True)}
    assert edges == {
        ("KAZ", "ROU"): (2, 5, 4),      # memorandum and project; the duplicate's meeting and figure left out
        ("KAZ", "TUR"): (3, 1, 2),
        ("ROU", "TUR"): (1, 0, 2),      # the three-party project
        ("KAZ", "UZB"): (1, 0, 1),
    }


def test_empty_database_exports(empty_engine, tmp_path):
    done = query.export(empty_engine, "parquet", tmp_path / "pq")
    assert done["rows"] == dict.fromkeys(ROWS, 0)
    table = pq.read_table(tmp_path / "pq" / "figures.parquet")
    assert table.num_rows == 0 and "evidence" in table.schema.names
    query.export(empty_engine, "csv", tmp_path / "csv")
    assert (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8").startswith("id,type,instrument,")
    assert query.export(empty_engine, "graphml", tmp_path / "g.graphml")["rows"] == {"nodes": 0, "edges": 0}
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 0
    query.export(empty_engine, "json", tmp_path / "e.json")
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert data["documents"] == [] and data["figures"] == []


def test_export_errors(engine, tmp_path):
    with pytest.raises(query.UnknownFormat) as info:
        query.export(engine, "xlsx", tmp_path)
    assert str(info.value).startswith("[AW505]") and "graphml" in str(info.value)
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(query.ExportError):
        query.export(engine, "csv", blocker)
    with pytest.raises(query.ExportError):
        query.export(engine, "json", tmp_path / "missing" / "out.json")


@pytest.mark.parametrize("fmt, target, check", [
    ("csv", "csv", lambda p: len(read_csv(p / "figures.csv")) == 7),
    ("parquet", "pq", lambda p: pq.read_table(p / "documents.parquet").num_rows == 6),
    ("json", "x.json", lambda p: len(json.loads(p.read_text(encoding="utf-8"))["events"]) == 6),
    ("graphml", "x.graphml", lambda p: nx.read_graphml(p).number_of_edges() == 4),
])
def test_cli_export(db, tmp_path, fmt, target, check):
    out = tmp_path / target
    result = CliRunner().invoke(cli.app, ["export", "--format", fmt, str(out), "--db", str(db[0])])
    assert result.exit_code == 0, result.output
    assert check(out)
    assert str(out) in result.stdout
    assert "wrote" in result.stderr


def test_cli_export_errors(db, tmp_path):
    bad = CliRunner().invoke(cli.app, ["export", "--format", "xlsx", str(tmp_path), "--db", str(db[0])])
    assert bad.exit_code == 2 and bad.stderr.startswith("error: [AW505]")
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    bad = CliRunner().invoke(cli.app, ["export", "--format", "csv", str(blocker), "--db", str(db[0])])
    assert bad.exit_code == 1 and bad.stderr.startswith("error: [AW504]")

"""Exports an analyst can use alone (issue P9, item D), on the sample corpus: every event, event source and
figure row carries its evidence sentence and its article's title, outlet, publication date and URL; and
`export --country/--pair/--since` keep what `events` and `figures` keep with the same filters.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accordwatch import query
from accordwatch.cli import app
from accordwatch.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
ARTICLE_COLUMNS = ["article_title", "article_outlet", "article_published", "article_url"]




@pytest.fixture(scope="module")
def engine(sample_db):
    store = open_store(sample_db)
    yield store.engine
    store.close()


def export_csv(tmp_path: Path, db: str, *options: str) -> dict[str, list[dict[str, str]]]:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["export", str(out), "--db", db, *options])
    assert result.exit_code == 0, result.output
    tables = {}
    for name in ("documents", "entities", "events", "event_sources", "figures"):
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            tables[name] = list(csv.DictReader(fh))
    return tables


def test_rows_carry_their_evidence_and_article(tmp_path, sample_db):
    t = export_csv(tmp_path, sample_db)
    documents = {d["id"]: d for d in t["documents"]}
    assert t["events"] and t["event_sources"] and t["figures"]
    for table in ("events", "event_sources", "figures"):
        assert set(ARTICLE_COLUMNS + ["evidence"]) <= set(t[table][0]), table
    for e in t["events"]:   # an event's: those of its first report, in its first article
        doc = documents[e["first_document_id"]]
        assert e["evidence"] and e["evidence"] in doc["text"]
        assert [e[c] for c in ARTICLE_COLUMNS] == [doc["title"], doc["outlet"], doc["published"], doc["url"]]
    for row in t["event_sources"] + t["figures"]:
        doc = documents[row["document_id"]]
        assert row["evidence"] in doc["text"]
        assert [row[c] for c in ARTICLE_COLUMNS] == [doc["title"], doc["outlet"], doc["published"], doc["url"]]
    roadmap = next(f for f in t["figures"] if f["indicator"] == "trade_turnover" and f["period"] == "2030"
                   and f["parties"] == "KAZ|UZB")
    assert roadmap["evidence"].startswith("Together with our Uzbek colleagues, we aim to bring trade")
    assert roadmap["article_title"] == "Kazakhstan, Uzbekistan adopt roadmap to lift trade to $10 billion by 2030"
    assert roadmap["article_published"] == "2024-03-04"
    # the HTML articles have an outlet; the JSON Lines ones a URL
    assert any(r["article_outlet"] for r in t["figures"]) and any(r["article_url"] for r in t["event_sources"])


def query_events(engine, **filters) -> set[str]:
    return {str(e["id"]) for e in query.events(engine, limit=100_000, **filters)}


def query_figures(engine, **filters) -> set[str]:
    return {str(i) for p in query.figures(engine, limit=100_000, **filters) for i in p["figure_ids"]}


@pytest.mark.parametrize("filters", [{"country": "KAZ"}, {"pair": "KAZ-UZB"}, {"since": "2024-03"},
                                     {"country": "Kazakhstan", "since": "2024"}, {"pair": "AZE-EU", "since": "2023"}])
def test_filters_keep_what_the_queries_keep(tmp_path, sample_db, engine, filters):
    options = [x for k, v in filters.items() for x in (f"--{k}", v)]
    t = export_csv(tmp_path, sample_db, *options)
    everything = export_csv(tmp_path / "all", sample_db)
    events, figures = {e["id"] for e in t["events"]}, {f["id"] for f in t["figures"]}
    assert events == query_events(engine, **filters)
    assert figures == query_figures(engine, **filters)
    assert events or figures
    assert len(t["events"]) < len(everything["events"]) or len(t["figures"]) < len(everything["figures"])
    # the sources of those events, and the articles the rows cite: no more, no less
    assert {s["event_id"] for s in t["event_sources"]} == events
    cited = {s["document_id"] for s in t["event_sources"]} | {f["document_id"] for f in t["figures"]}
    assert {d["id"] for d in t["documents"]} == cited
    assert 0 < len(t["entities"]) < len(everything["entities"])


def test_json_export_names_its_filters(tmp_path, sample_db, engine):
    path = tmp_path / "kaz.json"
    result = CliRunner().invoke(app, ["export", str(path), "-f", "json", "--pair", "KAZ-UZB", "--db", sample_db])
    assert result.exit_code == 0, result.output
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["filters"] == {"pair": "KAZ-UZB"}
    assert {str(e["id"]) for e in data["events"]} == query_events(engine, pair="KAZ-UZB")
    assert all(e["evidence"] and e["article_title"] for e in data["events"])


def test_parquet_export_has_the_article_columns(tmp_path, sample_db):
    import pyarrow.parquet as pq

    out = tmp_path / "pq"
    result = CliRunner().invoke(app, ["export", str(out), "-f", "parquet", "--country", "UZB", "--db", sample_db])
    assert result.exit_code == 0, result.output
    figures = pq.read_table(out / "figures.parquet").to_pylist()
    assert figures and all(f["evidence"] and f["article_title"] for f in figures)
    events = pq.read_table(out / "events.parquet")
    assert set(ARTICLE_COLUMNS + ["evidence", "sectors"]) <= set(events.column_names)


def test_bad_filters(tmp_path, sample_db):
    runner = CliRunner()
    unknown = runner.invoke(app, ["export", str(tmp_path / "x"), "--country", "Atlantis", "--db", sample_db])
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("error: [AW501] unknown country or bloc code 'Atlantis'")
    graph = runner.invoke(app, ["export", str(tmp_path / "g.graphml"), "-f", "graphml", "--country", "KAZ",
                                "--db", sample_db])
    assert graph.exit_code == 2
    assert graph.stderr == ("error: [AW502] the graphml export is the whole partner network: --country, --pair "
                            "and --since filter the csv, json and parquet exports\n")
    assert not (tmp_path / "x").exists() and not (tmp_path / "g.graphml").exists()

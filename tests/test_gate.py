"""Accuracy gate: F1 on hand-made gold must not drop under its floor (like trafilatura's eval gate).

Two gold sets: our own sample articles (examples/gold) and the seed articles in ../shared/eval.
Both are scored with ../shared/eval/score.py; where ../shared is absent the gate is skipped and
says so.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from accordwatch import extract_document
from accordwatch.ingest import read_paths

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"

# floors sit a little under what the extractor reaches today; raise them as it improves
EXAMPLE_FLOORS = {"countries": 0.97, "organizations": 0.93, "people": 0.98, "figures": 0.94, "events": 0.89,
                  "sectors": 0.92, "dyads": 0.85}
EXAMPLE_ATTRIBUTE_FLOORS = {"published": 1.0, "person_title": 0.98, "person_country": 0.96, "event_status": 0.88,
                            "event_date": 0.89, "event_name": 0.76, "event_sectors_jaccard": 0.66,
                            "figure_parties": 0.96, "figure_change_pct": 0.95}
# our Russian gold alone (P10): floors a little under what the extractor reaches on it
RUSSIAN_FLOORS = {"countries": 0.95, "organizations": 0.93, "people": 0.98, "figures": 0.90, "events": 0.91,
                  "sectors": 0.91, "dyads": 0.95}
RUSSIAN_ATTRIBUTE_FLOORS = {"published": 1.0, "person_title": 0.98, "event_status": 0.92, "event_date": 0.91,
                            "event_name": 0.78, "event_sectors_jaccard": 0.62, "figure_parties": 0.95}
# the targets of issues P1-P3 on the seed articles
SEED_FLOORS = {"countries": 0.95, "organizations": 0.95, "people": 0.95, "figures": 0.95, "events": 0.90,
               "sectors": 0.95, "dyads": 0.95}
SEED_ATTRIBUTE_FLOORS = {"published": 1.0, "person_title": 0.95, "event_status": 0.95, "event_name": 0.90,
                         "event_sectors_jaccard": 0.80, "figure_parties": 0.90, "figure_change_pct": 0.90}

needs_shared = pytest.mark.skipif(not (SHARED / "score.py").exists(),
                                  reason=f"{SHARED} is absent: no scorer, accuracy gate skipped")


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("aw_score", SHARED / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(scorer, articles: Path, gold: Path, out: Path) -> dict:
    names = {p.stem for p in gold.glob("*.json")}
    for res in read_paths([articles]):
        stem = Path(res.source).stem
        if res.ok and stem in names:
            (out / f"{stem}.json").write_text(json.dumps(extract_document(res.document)), encoding="utf-8")
    return scorer.score_all(gold, out)


def check(res: dict, floors: dict, attribute_floors: dict) -> list[str]:
    low = [f"{f}: F1 {res['fields'][f]['f1']:.3f} < {floor}" for f, floor in floors.items()
           if res["fields"][f]["f1"] < floor]
    low += [f"{a}: accuracy {res['attributes'][a]['acc']} < {floor}" for a, floor in attribute_floors.items()
            if res["attributes"][a]["acc"] is None or res["attributes"][a]["acc"] < floor]
    return low


@needs_shared
def test_gate_on_our_gold(scorer, tmp_path):
    res = score(scorer, ROOT / "examples" / "articles", ROOT / "examples" / "gold", tmp_path)
    assert res["articles"] >= 20
    assert not res["missing_predictions"]
    assert check(res, EXAMPLE_FLOORS, EXAMPLE_ATTRIBUTE_FLOORS) == []


@needs_shared
def test_gate_on_our_russian_gold(scorer, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in (ROOT / "examples" / "gold").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        if (record.get("document") or {}).get("language") == "ru":
            (gold / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    res = score(scorer, ROOT / "examples" / "articles", gold, out)
    assert res["articles"] >= 10
    assert check(res, RUSSIAN_FLOORS, RUSSIAN_ATTRIBUTE_FLOORS) == []


@needs_shared
def test_gate_on_seed_gold(scorer, tmp_path):
    res = score(scorer, SHARED / "articles", SHARED / "gold", tmp_path)
    assert check(res, SEED_FLOORS, SEED_ATTRIBUTE_FLOORS) == []


@needs_shared
def test_our_gold_is_valid():
    """Every gold record follows SCHEMA.md and every evidence string is in its article."""
    spec = importlib.util.spec_from_file_location("aw_validate", SHARED / "validate_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--gold", str(ROOT / "examples" / "gold"),
                     "--articles", str(ROOT / "examples" / "articles")]) == 0

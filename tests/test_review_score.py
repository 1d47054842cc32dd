"""review.score gives the figures ../shared/eval/score.py gives, on our own gold and the records the
extractor makes of our sample articles (skipped, with the reason, when ../shared is not beside us)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from accordwatch import extract_document
from accordwatch.ingest import read_paths
from accordwatch.review import score

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _predictions() -> list[tuple[str, dict, dict]]:
    out = []
    for gold_path in sorted((ROOT / "examples" / "gold").glob("*.json")):
        article = next((ROOT / "examples" / "articles").glob(gold_path.stem + ".*"))
        (result,) = list(read_paths([article]))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold_path.stem, gold.get("gold", gold), extract_document(result.document)))
    return out


@pytest.mark.skipif(not SCORER.exists(), reason=f"{SCORER} is not there (../shared beside the checkout)")
def test_the_same_figures_as_the_shared_scorer(tmp_path):
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    records = _predictions()
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    for name, gold, pred in records:
        (gold_dir / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
        (pred_dir / f"{name}.json").write_text(json.dumps(pred), encoding="utf-8")
    theirs = shared.score_all(gold_dir, pred_dir)
    ours = score.score((gold, pred) for _, gold, pred in records)
    assert ours["articles"] == theirs["articles"] == len(records)
    assert ours["fields"] == theirs["fields"]
    assert ours["attributes"] == theirs["attributes"]


def test_a_perfect_and_an_empty_prediction():
    gold = {"document": {"published": "2024-03-04"}, "countries": ["KAZ", "UZB"], "sectors": ["trade"],
            "organizations": [{"name": "KazMunayGas", "aliases": ["KMG"]}],
            "people": [{"name": "Almasadam Satkaliyev", "title": "Energy Minister", "country": "KAZ"}],
            "events": [{"type": "agreement", "status": "signed", "parties": ["KAZ", "UZB"], "date": "2024-03-04"}],
            "figures": [{"indicator": "trade_turnover", "value": 4.4e9, "unit": "USD", "period": "2023",
                         "parties": ["KAZ", "UZB"], "kind": "actual"}]}
    same = score.score([(gold, gold)])
    assert all(v["f1"] == 1.0 for v in same["fields"].values())
    # an organization found by its acronym, a person by initial and surname, a value within 1.5 %
    near = {**gold, "organizations": [{"name": "KMG"}], "people": [{"name": "A. Satkaliyev"}],
            "figures": [{**gold["figures"][0], "value": 4.45e9}]}
    fields = score.score([(gold, near)])["fields"]
    assert fields["organizations"]["f1"] == fields["people"]["f1"] == fields["figures"]["f1"] == 1.0
    empty = score.score([(gold, {})])
    assert empty["fields"]["events"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 1, "predicted": 0, "tp": 0}

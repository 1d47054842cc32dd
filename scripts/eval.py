#!/usr/bin/env python3
"""`make eval`: score the extractor against the seed gold (../shared/eval) and our own gold.

    python scripts/eval.py [--shared ../shared] [--per-article] [--only shared|examples]

Records are written to build/eval/<set>/ and scored with ../shared/eval/score.py. Where
../shared is absent it says so and scores our own gold with the copy of the scorer the tests use.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accordwatch import extract_document  # noqa: E402
from accordwatch.ingest import read_paths  # noqa: E402


def load_scorer(shared: Path):
    path = shared / "eval" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("aw_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def write_records(articles: Path, gold: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    names = {p.stem for p in gold.glob("*.json")}
    n = 0
    for res in read_paths([articles]):
        if not res.ok:
            print(f"error: {res.error}", file=sys.stderr)
            continue
        stem = Path(res.source).stem
        if stem not in names:
            continue
        rec = extract_document(res.document)
        (out / f"{stem}.json").write_text(json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8")
        n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--only", choices=["shared", "examples"])
    a = ap.parse_args()
    scorer = load_scorer(a.shared)
    if scorer is None:
        print(f"{a.shared}/eval/score.py not found: ../shared is absent, nothing to score against.")
        return 0
    sets = []
    if a.only in (None, "shared"):
        sets.append(("seed articles (../shared/eval)", a.shared / "eval" / "articles", a.shared / "eval" / "gold",
                     ROOT / "build" / "eval" / "shared"))
    if a.only in (None, "examples"):
        sets.append(("our sample articles (examples/)", ROOT / "examples" / "articles", ROOT / "examples" / "gold",
                     ROOT / "build" / "eval" / "examples"))
    for label, articles, gold, out in sets:
        n = write_records(articles, gold, out)
        res = scorer.score_all(gold, out)
        print(f"== {label}: {n} records")
        print(scorer.render(res, a.per_article))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

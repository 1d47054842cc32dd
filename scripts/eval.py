#!/usr/bin/env python3
"""`make eval`: score the extractor against the seed gold (../shared/eval), our own gold and,
given the rebuilt texts, the dev set of real articles (../shared/eval/dev).

    python scripts/eval.py [--shared ../shared] [--per-article] [--only shared|examples|dev]
                           [--dev-texts /tmp/aw_dev/texts]

Records are written to build/eval/<set>/ and scored with ../shared/eval/score.py. The dev set is
scored as a whole and per language ("lang" of each record) when --dev-texts (make eval
DEV_TEXTS=DIR) names the folder of rebuilt texts; its texts are third-party wording and never
enter the repository (see ../shared/eval/README.md for how to rebuild them).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
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


def language_of_gold(path: Path) -> str:
    """A gold record's language: the dev set's "lang", ours in document.language; English else."""
    data = json.loads(path.read_text(encoding="utf-8"))
    record = data.get("gold", data)
    return data.get("lang") or (record.get("document") or {}).get("language") or "en"


def example_sets(articles: Path, gold: Path, out: Path) -> list[tuple[str, Path, Path, Path]]:
    """Our gold as a whole and per language (gold folders under build/eval/examples-gold/)."""
    root = ROOT / "build" / "eval" / "examples-gold"
    shutil.rmtree(root, ignore_errors=True)
    sets = [("our sample articles (examples/)", articles, gold, out)]
    langs: dict[str, list[Path]] = {}
    for path in sorted(gold.glob("*.json")):
        langs.setdefault(language_of_gold(path), []).append(path)
    if len(langs) > 1:
        for lang, paths in sorted(langs.items()):
            folder = root / lang
            folder.mkdir(parents=True, exist_ok=True)
            for path in paths:
                shutil.copyfile(path, folder / path.name)
            sets.append((f"our sample articles, lang={lang}", articles, folder, out))
    return sets


def dev_sets(shared: Path, texts: Path) -> list[tuple[str, Path, Path, Path]]:
    """The dev set as a whole and per language: gold folders under build/eval/dev-gold/, records
    extracted once into build/eval/dev/. Only records whose text was rebuilt are scored; the
    others are named, so a partial rebuild is never mistaken for a low score."""
    dev = shared / "eval" / "dev"
    root = ROOT / "build" / "eval" / "dev-gold"
    shutil.rmtree(root, ignore_errors=True)
    langs: dict[str, list[Path]] = {}
    missing = []
    for path in sorted(dev.glob("*.json")):
        if not (texts / f"{path.stem}.txt").is_file():
            missing.append(path.stem)
            continue
        lang = language_of_gold(path)
        langs.setdefault("all", []).append(path)
        langs.setdefault(lang, []).append(path)
    if missing:
        print(f"dev set: no rebuilt text for {len(missing)} record(s), not scored: {', '.join(missing)}")
    out = ROOT / "build" / "eval" / "dev"
    sets = []
    for lang, paths in langs.items():
        gold = root / lang
        gold.mkdir(parents=True, exist_ok=True)
        for path in paths:
            shutil.copyfile(path, gold / path.name)
        label = "dev set of real articles" + ("" if lang == "all" else f", lang={lang}")
        sets.append((f"{label} ({texts})", texts, gold, out))
    return sets


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--only", choices=["shared", "examples", "dev"])
    ap.add_argument("--dev-texts", type=Path, help="folder of the rebuilt dev texts (<slug>.txt)")
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
        sets.extend(example_sets(ROOT / "examples" / "articles", ROOT / "examples" / "gold",
                                 ROOT / "build" / "eval" / "examples"))
    if a.dev_texts is not None and a.only in (None, "dev"):
        if not a.dev_texts.is_dir():
            print(f"dev set: {a.dev_texts} is not a folder of rebuilt texts (see ../shared/eval/README.md)")
        else:
            sets.extend(dev_sets(a.shared, a.dev_texts))
    elif a.only == "dev":
        print("dev set: give --dev-texts DIR (make eval DEV_TEXTS=DIR) with the rebuilt texts")
    written: set[Path] = set()
    for label, articles, gold, out in sets:
        if out in written:   # the dev set's records, extracted once, scored per language
            n = len(list(gold.glob("*.json")))
        else:
            n = write_records(articles, gold, out)
            written.add(out)
        res = scorer.score_all(gold, out)
        print(f"== {label}: {n} records")
        print(scorer.render(res, a.per_article))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

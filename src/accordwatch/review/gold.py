"""The team's own gold: each article someone reviewed, as a record of SCHEMA.md (the extractor's record
of it with the reviews applied: rejected facts out, corrected values in, confirmed ones kept), and
the current extractor scored against those records with the project's rules (review/score.py).

An article counts as reviewed when at least one of its facts was. Facts no one touched are taken as
they were extracted: the reviewer left them, so they stand.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from .. import extract_document
from ..document import Document
from ..store import overlay
from ..store import schema as s
from . import score as scoring

_FIGURE_KEYS = {"from": "from", "to": "to"}


def _documents(engine: Engine) -> list[Any]:
    d, r = s.documents, s.reviews
    with engine.connect() as conn:
        return conn.execute(select(d).where(d.c.id.in_(select(r.c.document_id).where(r.c.document_id.is_not(None))))
                            .order_by(d.c.id)).all()


def _reviews(engine: Engine, document_hash: str) -> list[Any]:
    r = s.reviews
    with engine.connect() as conn:
        return conn.execute(select(r).where(r.c.document_hash == document_hash).order_by(r.c.id)).all()


def extracted(row) -> dict[str, Any]:
    """The current extractor's record of a stored article (a fresh copy: callers change it)."""
    return json.loads(_extracted(row.text, row.source, row.title, row.published, row.outlet, row.url, row.language))


@lru_cache(maxsize=1024)
def _extracted(text: str, source: str, title: str | None, published: str | None, outlet: str | None,
               url: str | None, language: str | None) -> str:
    """The record as JSON, kept for the life of the process: the dashboard's accuracy table scores again
    after every review, and the extractor's answer for an article cannot change while the code does not."""
    return json.dumps(extract_document(Document(text=text, source=source, title=title, published=published,
                                                outlet=outlet, url=url, language=language)), ensure_ascii=False)


def _added(kind: str, text: str, start: int, end: int, fields: dict[str, Any]) -> dict[str, Any]:
    """A fact someone added, as the extractor's record has it."""
    lo, hi = overlay.sentence_around(text, start, end)
    if kind == "figure":
        return {**{_FIGURE_KEYS.get(k, k): v for k, v in fields.items()}, "approximate": False,
                "evidence": text[lo:hi], "evidence_span": {"start": lo, "end": hi},
                "amount": {"start": start, "end": end, "text": text[start:end]}}
    return {**fields, "instrument": None, "organizations": [], "sectors": [], "evidence": text[lo:hi],
            "evidence_spans": [{"start": start, "end": end}]}


def apply_reviews(record: dict[str, Any], reviews: list[Any], text: str = "") -> dict[str, Any]:
    """The record with the reviews of its article applied (figures by their amount's span, events by
    the span of a sentence that reports them; a fact someone added appended, or its values put on the
    extractor's fact at that span)."""
    rec = json.loads(json.dumps(record))
    for rv in reviews:
        fields = json.loads(rv.fields)
        if rv.kind == "figure":
            items = rec["figures"]
            hit = [f for f in items if (f["amount"]["start"], f["amount"]["end"]) == (rv.start, rv.end)]
        else:
            items = rec["events"]
            hit = [e for e in items if any((sp["start"], sp["end"]) == (rv.start, rv.end)
                                           for sp in e.get("evidence_spans", []))]
        for item in hit:
            if rv.action == "reject":
                items.remove(item)
            elif rv.action in ("correct", "add"):
                item.update({_FIGURE_KEYS.get(k, k): v for k, v in fields.items()})
        if rv.action == "add" and not hit:
            items.append(_added(rv.kind, text, rv.start, rv.end, fields))
    rec["dyads"] = sorted({tuple(sorted(p)) for item in rec["events"] + rec["figures"]
                           for p in _pairs(item.get("parties") or [])})
    return rec


def _pairs(parties: list[str]) -> Iterator[tuple[str, str]]:
    ps = sorted(set(parties))
    for i, a in enumerate(ps):
        for b in ps[i + 1:]:
            yield a, b


def gold_records(engine: Engine) -> Iterator[tuple[Any, dict[str, Any], dict[str, Any]]]:
    """(stored article, its gold record, the current extractor's record) for every reviewed article."""
    for row in _documents(engine):
        record = extracted(row)
        yield row, apply_reviews(record, _reviews(engine, row.content_hash), row.text), record


def export(engine: Engine, out: str | Path) -> list[Path]:
    """Write each reviewed article's gold record as <out>/<document id>.json ({"gold": record, "lang",
    "source"}); the files written."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row, gold, _ in gold_records(engine):
        path = folder / f"{row.id}.json"
        path.write_text(json.dumps({"gold": gold, "lang": row.language, "source": row.source},
                                   ensure_ascii=False, indent=2), encoding="utf-8")
        written.append(path)
    return written


def score_reviewed(engine: Engine) -> dict[str, dict[str, Any]]:
    """The current extractor against the reviewed articles: {"all": result, "en": ..., "ru": ...}
    (review.score's results; a language only when some reviewed article is in it)."""
    by_language: dict[str, list[tuple[dict, dict]]] = {}
    for row, gold, predicted in gold_records(engine):
        by_language.setdefault("all", []).append((gold, predicted))
        by_language.setdefault(row.language, []).append((gold, predicted))
    return {lang: scoring.score(pairs) for lang, pairs in by_language.items()}

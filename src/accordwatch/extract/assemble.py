"""Build the Record of shared/eval/SCHEMA.md from a Document's annotations."""
from __future__ import annotations

from itertools import combinations
from typing import Any

from ..document import Document, Span


def _mentions(spans: list[Span]) -> list[dict[str, Any]]:
    return [s.as_offsets() for s in sorted(spans, key=lambda s: s.start)]


def _flat(name: str | None) -> str | None:
    """A name or title wrapped over lines ("Prime\nMinister") reads as one line."""
    return " ".join(name.split()) if name else name


def dyads(items: list[dict[str, Any]]) -> list[list[str]]:
    """Every unordered pair of parties in events and figures: who cooperates with whom."""
    pairs = {tuple(p) for item in items for p in combinations(sorted(set(item.get("parties", []))), 2)}
    return [list(p) for p in sorted(pairs)]


def build_record(doc: Document) -> dict[str, Any]:
    # a region acting as a side ("the five Central Asian states" -> C5) is named as a country too
    sides = {p for item in doc.meta.get("events", []) + doc.meta.get("figures", []) for p in item.get("parties", [])
             if p == "C5"}
    countries = sorted({s.value for s in doc.layer("country") if s.value} | sides)
    org_mentions: dict[str, list[Span]] = {}
    for s in doc.layer("org"):
        org_mentions.setdefault(s.value, []).append(s)
    organizations = []
    for key, ent in doc.meta.get("organizations", {}).items():
        if key not in org_mentions:
            continue
        organizations.append({
            "name": _flat(ent.name), "aliases": [_flat(a) for a in ent.aliases], "country": ent.country,
            "kind": ent.kind,
            "mentions": _mentions(org_mentions[key]),
        })
    people = [{"name": _flat(p.name), "title": _flat(p.title), "country": p.country, "mentions": _mentions(p.mentions)}
              for p in doc.meta.get("people", [])]
    places: dict[str, dict[str, Any]] = {}
    for s in doc.layer("place"):
        entry = places.setdefault(s.value, {"name": s.value, "country": s.data.get("country"), "mentions": []})
        entry["mentions"].append(s.as_offsets())
    dates = [{"text": s.text, "value": s.value, "precision": s.data.get("precision"),
              "start": s.start, "end": s.end} for s in doc.layer("date")]
    return {
        "document": {
            "title": doc.title, "published": doc.published, "outlet": doc.outlet,
            "dateline": doc.dateline, "source": doc.source, "url": doc.url, "language": doc.language,
        },
        "countries": countries,
        "organizations": organizations,
        "people": people,
        "places": list(places.values()),
        "dates": dates,
        "dyads": dyads(doc.meta.get("events", []) + doc.meta.get("figures", [])),
        "events": doc.meta.get("events", []),
        "figures": doc.meta.get("figures", []),
        "sectors": doc.meta.get("sectors", []),
    }

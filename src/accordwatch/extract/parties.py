"""Who an event or figure is about: the article's main pair, and countries that are no party.

Shared by figures and events.
"""
from __future__ import annotations

import re
from collections import Counter

from ..document import Document, Span

ROUTE_BEFORE = re.compile(r"\b(?:to|via|through|into|towards|across|transiting|cross(?:es|ing|ed)?|travers\w*)"
                          r"\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:the\s+)?$")


def main_parties(doc: Document) -> list[str]:
    """The article's main pair: the two countries or blocs named most (the title counts twice)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    title_end = len(doc.title) + 2 if doc.title and doc.text.startswith(doc.title) else 0
    for s in doc.layer("country"):
        counts[s.value] += 2 if s.start < title_end else 1
        first.setdefault(s.value, s.start)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return sorted(ranked[:2])


def route_only(text: str, spans: list[Span], lo: int) -> set[str]:
    """Countries that `spans` (in text order, within a stretch starting at `lo`) name only as a
    destination or a route: "primarily to China", "through Georgia, Türkiye and Greece"."""
    route: set[str] = set()
    elsewhere: set[str] = set()
    prev: Span | None = None
    prev_route = False
    for s in spans:
        is_route = bool(ROUTE_BEFORE.search(text[max(lo, s.start - 20):s.start])) or (
            prev_route and prev is not None and LIST_JOIN.match(text[prev.end:s.start]) is not None)
        (route if is_route else elsewhere).add(s.value)
        prev, prev_route = s, is_route
    return route - elsewhere


def drop_third_parties(text: str, spans: list[Span], lo: int, found: set[str], main: list[str],
                       sides: bool = False) -> set[str]:
    """A third country named only as a route or destination is no party: where both main
    parties are present, or where the text names the sides themselves ("the two countries
    discussed oil deliveries via Russia")."""
    if (len(found) > 2 and set(main) <= found) or sides:
        return found - (route_only(text, spans, lo) - set(main))
    return found

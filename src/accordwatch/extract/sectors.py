"""Sectors of cooperation from data/sectors.tsv, with the fixed labels of SCHEMA.md.

Every sector word in the article body becomes a Span in layer "sector" (not inside organization
names or people's titles: "Energy Ministry" says nothing about the subject). "trade" is a sector
only where trade promotion itself is the subject ("to boost trade", "cooperation in trade").
"""
from __future__ import annotations

import re
from functools import cache

from ..data import lexicon
from ..document import Document, Span
from .gazetteer import Ranges, longest, phrases
from .pipeline import component

TRADE = re.compile(r"""
    \b(?:cooperation|partnership|ties|relations|interaction)\s+in\s+(?:the\s+)?(?:[\w-]+,\s+)*trade\b
  | \b(?:boost|boosting|increase|increasing|expand|expanding|develop|developing|step(?:ping)?\s+up|enhance|
       enhancing|promote|promoting|deepen|deepening|diversify|diversifying|balanced|raise|raising|
       strengthen|strengthening|facilitate|facilitating)\s+(?:\w+\s+){0,3}?trade\b(?!\s+turnover)
  | \btrade\s+(?:missions?|promotion|houses?|fairs?|and\s+economic\s+cooperation)\b
  | \b(?:development|promotion|expansion|diversification|growth)\s+of\s+(?:\w+\s+){0,2}?trade\b(?!\s+turnover)
  | \b(?:export|trade)\s+(?:promotion|contracts|opportunities)\b
  | \bselling\s+\w+\s+products\b
""", re.X | re.I)


TRADE_WORD = re.compile(r"\b(?:trade|selling|export)\b", re.I)


@cache
def terms() -> dict[str, str]:
    return {row["term"]: row["sector"] for row in lexicon("sectors.tsv")}


def find_sectors(doc: Document) -> list[Span]:
    known = terms()
    blocked = Ranges((s.start, s.end) for layer in ("org", "title", "outlet") for s in doc.layer(layer))
    out = []
    for start, end, term, fold in longest(phrases(doc, "sector")):
        text = doc.text[start:end]
        if fold and term.islower() and not (text.islower() or text[:1].isupper()):
            continue
        if not doc.in_body(start, end) or blocked.covers(start, end):
            continue
        out.append(Span(start, end, "sector", text, known[term]))
    # the trade-promotion patterns all hold the word: read only around it
    for t in TRADE_WORD.finditer(doc.text):
        for m in TRADE.finditer(doc.text, max(0, t.start() - 90), min(len(doc.text), t.end() + 40)):
            if m.start() <= t.start() < m.end() and doc.in_body(m.start(), m.end()) and \
                    not blocked.holds(m.start()):
                out.append(Span(m.start(), m.end(), "sector", m.group(0), "trade"))
                break
    return sorted(out, key=lambda s: s.start)


@component("sectors")
def annotate(doc: Document) -> None:
    doc.spans["sector"] = find_sectors(doc)

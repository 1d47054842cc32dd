"""The top of an article: title, publication stamp, dateline, outlet.

    date 2022-08-25 By Azernews            -> published 2022-08-25, outlet Azernews
    Updated at 17:53,27-03-2024            -> published 2024-03-27
    NUR-SULTAN (TCA) — Kazakhstan is ...   -> dateline Astana, outlet TCA
"""
from __future__ import annotations

import re
from datetime import date

from ..document import Document
from . import gazetteer as gz
from .datetext import FULL_DATE, MONTH, full_date
from .pipeline import component

STAMP_WORDS = re.compile(
    r"\b(?:date|dated|updated|update|published|posted|created|modified|last|at|on|am|pm|gmt|utc|"
    r"local\s+time|time)\b|\d{1,2}:\d{2}(?::\d{2})?|[|,:;()\-–—/]", re.I)
BY_OUTLET = re.compile(r"\bBy\s+([A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s*$")

DATELINE = re.compile(rf"""
    ^(?P<city>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){{0,3}})
    (?:,\s*(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=[,\s(]))?
    (?:,?\s*(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?
    \s*(?:\((?P<outlet>[^()\n]{{2,40}})\))?
    \s*(?:[–—]+|-{{1,2}}|:|\.)\s+(?=\S)
""", re.X)

ATTRIBUTION = re.compile(r"""
    (?P<before>(?:^|[,(]\s*|\b))
    (?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})\s+
    (?:reports|reported|has\s+learned|learned|informs|writes|says|cites)\b
  | (?i:according\s+to)\s+(?P<name2>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})
""", re.X)
BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*$")


def stamp_date(line: str) -> tuple[str, str | None] | None:
    """(YYYY-MM-DD, outlet or None) if the line is a publication stamp, else None.
    A stamp may share its line with other page furniture after a bar:
    "Published: 25 April 2024, 14:20 | Economy | Reading time: 4 min"."""
    if len(line) > 160:
        return None
    if "|" in line:
        for part in line.split("|"):
            found = _stamp(part)
            if found:
                return found
        return None
    return _stamp(line)


def _stamp(line: str) -> tuple[str, str | None] | None:
    if len(line) > 100:
        return None
    m = FULL_DATE.search(line)
    if not m:
        return None
    d = full_date(m)
    if d is None:
        return None
    rest = line[:m.start()] + " " + line[m.end():]
    outlet = None
    bm = BY_OUTLET.search(rest)
    if bm:
        outlet = bm.group(1)
        rest = rest[:bm.start()]
    rest = STAMP_WORDS.sub(" ", rest)
    if len(rest.split()) > 2:
        return None
    return d.isoformat(), outlet


def _lines(text: str, limit: int = 6):
    pos, n = 0, 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
            n += 1
            if n >= limit:
                return
        pos += len(line) + 1


def canonical_outlet(name: str) -> str:
    entry = gz.outlet_index().get(name.lower().removeprefix("the "))
    return entry or name


ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def valid_published(value: object) -> str | None:
    """A publication date given with the article as YYYY-MM-DD (a full ISO timestamp is cut to
    its day); anything else ("2024-02-30", "yesterday") is no date: None. Its year has four
    digits and one to spare either side, so "last year" and "next year" have four too."""
    m = ISO_DAY.fullmatch(value) if isinstance(value, str) else None
    if not m or not 1001 <= int(m[1]) <= 9998:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


@component("header")
def read_header(doc: Document) -> None:
    if doc.published is not None:
        doc.published = valid_published(doc.published)
    stamps: list[tuple[int, int]] = []
    title_line = None
    first_para = None
    for pos, line in _lines(doc.text):
        st = stamp_date(line)
        if st:
            if doc.published is None:
                doc.published = st[0]
            if st[1] and doc.outlet is None:
                doc.outlet = canonical_outlet(st[1])
            stamps.append((pos, pos + len(line)))
            continue
        if doc.title and line.strip() == doc.title.strip():
            continue
        stripped = line.strip()
        if BYLINE.match(stripped):
            continue
        if (title_line is None and first_para is None and len(stripped) <= 200
                and not stripped.endswith((".", "”", '"')) and not DATELINE.match(stripped)):
            title_line = stripped
            continue
        if first_para is None and doc.in_body(pos, pos + len(line)):
            first_para = (pos, line)
            break
    if doc.title is None and title_line and first_para is not None:
        doc.title = title_line
    if stamps and doc.body is not None:
        doc.body = [r for r in doc.body if not any(s <= r[0] and r[1] <= e for s, e in stamps)]
    if first_para is not None:
        _read_dateline(doc, *first_para)
    if doc.outlet is None:
        _read_attribution(doc)


def _read_dateline(doc: Document, pos: int, line: str) -> None:
    lead = len(line) - len(line.lstrip())
    m = DATELINE.match(line.lstrip())
    if not m:
        return
    city = m["city"]
    if len(city.replace(" ", "")) < 3:
        return
    place = gz.place_index().get(city.lower())
    if place is None and not m["outlet"] and len(city) < 4:
        return
    doc.dateline = place[0] if place else city.title()
    start = pos + lead
    doc.meta["dateline_span"] = (start, start + m.end())
    if m["outlet"] and doc.outlet is None:
        doc.outlet = canonical_outlet(m["outlet"].strip())


def _read_attribution(doc: Document) -> None:
    outlets = gz.outlet_index()
    for m in ATTRIBUTION.finditer(doc.text):
        name = (m["name"] or m["name2"] or "").strip().rstrip(".,;:")
        # the longest tail of the name that is a known outlet ("Belarusian BelTA" -> BelTA)
        words = name.split()
        for i in range(len(words)):
            cand = " ".join(words[i:])
            key = cand.lower().removeprefix("the ")
            if key in outlets and doc.in_body(m.start()):
                doc.outlet = outlets[key]
                return

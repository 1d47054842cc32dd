"""What every query shares: its errors, country and bloc codes, filter checks, periods.

Codes are ISO 3166-1 alpha-3 for countries and the bloc codes of SCHEMA.md (EU, EAEU, ...). A user
may also give a name ("Kazakhstan", "European Union"); `resolve_code` turns it into the code.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache

from sqlalchemy import Engine, or_, select

from ..data import lexicon, split
from ..errors import AccordwatchError
from ..store import schema as s
from ..store.points import period_bounds

EVENT_TYPES = ("agreement", "working_group", "meeting", "project")
STATUSES = ("signed", "agreed", "planned", "discussed")
KINDS = ("actual", "target")
INDICATORS = ("trade_turnover", "exports", "imports", "investment", "fdi", "deal_value", "companies",
              "joint_ventures", "projects", "volume", "other")
SECTORS = ("energy", "oil_gas", "nuclear", "renewables", "mining_metallurgy", "chemicals", "transport_logistics",
           "agriculture", "digital", "finance_investment", "manufacturing", "construction", "tourism",
           "culture_education", "labor_social", "health_pharma", "defense_security", "environment_climate",
           "trade")
LANGUAGES = ("en", "ru")   # the languages articles are read in (extract/lang.py), as documents.language holds them
_CODE_SHAPE = re.compile(r"[A-Z][A-Z0-9]{1,9}")   # what a code the database holds looks like
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")   # ASCII digits only (\d takes ٢٠٢٤ too)


class QueryError(AccordwatchError):
    """A query that cannot be answered."""

    code = "AW500"


class QueryInputError(QueryError):
    """A query whose input (a code, a filter, a search) is wrong: the user can fix it."""

    code = "AW500"


class UnknownCode(QueryInputError):
    """A country or bloc code (or name) that is neither in the gazetteer nor in the database."""

    code = "AW501"


class BadFilter(QueryInputError):
    """A filter value outside its fixed list (event type, status, sector, ...) or malformed."""

    code = "AW502"


class SearchSyntaxError(QueryInputError):
    """A full-text query the search engine cannot parse."""

    code = "AW503"


class ExportError(QueryError):
    """An export that cannot be written (an output path in the way)."""

    code = "AW504"


class UnknownFormat(QueryInputError):
    """An export format that is not one of csv, json, parquet, graphml."""

    code = "AW505"


# 1. codes and names --------------------------------------------------------------------------

@cache
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(code -> name, code -> "country"|"bloc", lower-case name or alias -> code)."""
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    lookup: dict[str, str] = {}
    for file, kind in (("countries.tsv", "country"), ("blocs.tsv", "bloc")):
        for row in lexicon(file):
            code = row["code"].upper()
            names[code] = row["name"]
            kinds[code] = kind
            for alias in [row["name"], *split(row.get("aliases", ""))]:
                lookup.setdefault(alias.lower(), code)
    return names, kinds, lookup


def codes() -> tuple[str, ...]:
    """Every code the gazetteer holds: the countries' (ISO 3166-1 alpha-3), then the blocs' (the values the
    API's OpenAPI document lists for a country parameter)."""
    return tuple(_gazetteer()[0])


def code_name(code: str) -> str:
    """The name of a country or bloc code ("KAZ" -> "Kazakhstan"); the code itself if unknown."""
    return _gazetteer()[0].get(code, code)


def code_kind(code: str) -> str:
    """"country" or "bloc" ("unknown" for a code the gazetteer does not hold)."""
    return _gazetteer()[1].get(code, "unknown")


def resolve_code(value: str, engine: Engine | None = None) -> str:
    """A code from a code or a name, case-insensitive: "kaz", "Kazakhstan" -> "KAZ".

    A code the gazetteer does not know is still accepted when the database holds it (as a party of an
    event or a figure, or a country of a document; a code is Latin capitals and digits, KAZ, C5). Anything
    else raises UnknownCode."""
    text = (value or "").strip()
    names, _, lookup = _gazetteer()
    if text.upper() in names:
        return text.upper()
    if text.lower() in lookup:
        return lookup[text.lower()]
    code = text.upper()
    if engine is not None and _CODE_SHAPE.fullmatch(code):   # anything else is no code: not looked up
        held = [select(t.c.code).where(t.c.code == code).exists()
                for t in (s.event_parties, s.figure_parties, s.document_countries)]
        with engine.connect() as conn:
            if conn.execute(select(or_(*held))).scalar():
                return code
    raise UnknownCode(f"unknown country or bloc code {value!r}: give an ISO 3166-1 alpha-3 code (KAZ, ROU) "
                      f"or a bloc ({', '.join(c for c, k in _gazetteer()[1].items() if k == 'bloc')})")


def resolve_pair(value: str | tuple[str, str] | list[str], engine: Engine | None = None) -> tuple[str, str]:
    """Two codes, sorted, from "KAZ-TUR", "KAZ|TUR", "KAZ,TUR" or a pair of codes or names."""
    parts = [p for p in re.split(r"[-|,/]", value) if p.strip()] if isinstance(value, str) else list(value)
    if len(parts) != 2:
        raise BadFilter(f"a pair is two codes joined by '-' (KAZ-TUR), not {value!r}")
    a, b = (resolve_code(p, engine) for p in parts)
    if a == b:
        raise BadFilter(f"a pair needs two different countries or blocs, not {a} twice")
    return (a, b) if a < b else (b, a)


def pair_key(a: str, b: str) -> str:
    """The form `events.parties` and `figures.parties` use: sorted codes joined by "|"."""
    return "|".join(sorted((a, b)))


# 2. filters ------------------------------------------------------------------------------------

def check_choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    """None, or the value (lower-cased) when it is one of `choices`; else BadFilter naming them."""
    if value is None:
        return None
    v = value.strip().lower()
    if v not in choices:
        raise BadFilter(f"unknown {name} {value!r}: use one of {', '.join(choices)}")
    return v


def sector_family(sector: str, exact: bool = False) -> tuple[str, ...]:
    """The sectors a filter on `sector` finds: the sector and, unless `exact`, the sectors of its family
    (data/sector_families.tsv: energy -> energy, oil_gas, nuclear, renewables)."""
    from ..data import lexicon, split

    if exact:
        return (sector,)
    members = [m for row in lexicon("sector_families.tsv") if row["family"] == sector for m in split(row["members"])]
    return (sector, *members)


def check_language(value: str | None) -> str | None:
    """The one check of a `language` filter for every face: None when absent or blank, else "en" or "ru"
    (any case); else BadFilter ("unknown language 'de': use one of en, ru")."""
    if value is None or not value.strip():
        return None
    return check_choice("language", value, LANGUAGES)


def in_language(language: str):
    """A select of the ids of the articles written in `language` (documents.language, indexed): the
    language filter of events (reported in an article in it), figures (stated in one) and articles."""
    return select(s.documents.c.id).where(s.documents.c.language == language)


def check_date(name: str, value: str | None) -> str | None:
    """The one check of a date or period filter (`since`, `until`, ...) for every face: None when
    `value` is None or blank, else the value (stripped) when it is a real date at one of three
    precisions, YYYY, YYYY-MM (month 01-12) or YYYY-MM-DD (a day of that month); else BadFilter, whose
    message names the filter and says what is wrong:

        since takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not '2024-13' (there is no month 13)
    """
    if value is None or not value.strip():
        return None
    v = value.strip()
    usage = f"{name} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}"
    m = _DATE.fullmatch(v)
    if m is None:
        raise BadFilter(usage)
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if year < 1:
        raise BadFilter(f"{usage} (there is no year 0000)")
    if month is not None and not 1 <= month <= 12:
        raise BadFilter(f"{usage} (there is no month {m[2]})")
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            raise BadFilter(f"{usage} ({m[1]}-{m[2]} has no day {m[3]})") from None
    return v


def check_limit(limit: int) -> int:
    if limit < 1:
        raise BadFilter(f"limit must be 1 or more, not {limit}")
    return limit


def live_document():
    """The condition that keeps a document counted: it is no near-duplicate of another."""
    return s.documents.c.duplicate_of.is_(None)


def event_has_party(code: str):
    """An EXISTS test for events: `code` is one of the event's parties."""
    ep = s.event_parties
    return select(ep.c.event_id).where(ep.c.event_id == s.events.c.id, ep.c.code == code).exists()


def figure_has_party(code: str):
    """An EXISTS test for figures: `code` is one of the figure's parties."""
    fp = s.figure_parties
    return select(fp.c.figure_id).where(fp.c.figure_id == s.figures.c.id, fp.c.code == code).exists()


def near_duplicates():
    """A select of the ids of the near-duplicate articles: few (near-duplicates are stored, not
    extracted), so the database reads them once per query."""
    return select(s.documents.c.id).where(s.documents.c.duplicate_of.is_not(None))


def live_figure():
    """The condition that keeps a figure: its article is no near-duplicate. The same rows as joining
    documents with live_document(), tested on figures.document_id alone, so that an index holding it
    answers without reading the documents."""
    return s.figures.c.document_id.not_in(near_duplicates())


def live_reported_event(event_id=None):
    """live_event() tested on event_sources alone (its primary key holds the article): the same events,
    without a lookup in documents for each report."""
    src = s.event_sources
    event_id = s.events.c.id if event_id is None else event_id
    return (select(src.c.event_id).where(src.c.event_id == event_id, src.c.document_id.not_in(near_duplicates()))
            .exists())


def live_event(event_id=None):
    """The condition that keeps an event: at least one article that is no near-duplicate reports it.
    `event_id` is the column holding the event's id (events.id unless given)."""
    src = s.event_sources
    event_id = s.events.c.id if event_id is None else event_id
    return (select(src.c.event_id).join(s.documents, s.documents.c.id == src.c.document_id)
            .where(src.c.event_id == event_id, live_document()).exists())


# 3. periods ------------------------------------------------------------------------------------

def period_key(period: str | None) -> tuple[str, str]:
    """Sorts periods in time: by their last month, then their first (a whole year after its months,
    a longer span before a shorter one ending the same month). No period sorts first."""
    bounds = period_bounds(period)
    if bounds is None:
        return ("", "")
    start, end = bounds
    return (end, start)


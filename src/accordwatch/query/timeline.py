"""Events and figures over time, filtered: what happened, and what the numbers were."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, and_, func, select

from ..store import schema as s
from . import rows
from .common import (
    EVENT_TYPES,
    INDICATORS,
    KINDS,
    SECTORS,
    STATUSES,
    BadFilter,
    check_choice,
    check_date,
    check_language,
    check_limit,
    in_language,
    pair_key,
    resolve_code,
    resolve_pair,
    sector_family,
)


def name_words(text: str) -> list[str]:
    """The words of a name filter: runs of letters and digits ("raw-materials, 2024" -> raw, materials,
    2024); punctuation and search operators' symbols are no words."""
    return re.findall(r"[^\W_]+", text or "")


def name_condition(text: str):
    """The condition of the name filter: the event has a name holding every word of `text`, each
    anywhere in it and in any case ("raw mater" keeps "Memorandum on sustainable raw materials ...")."""
    words = name_words(text)
    if not words:
        raise BadFilter(f"the name filter needs a word to look for, not {text!r}")
    return and_(*(s.events.c.name.icontains(w, autoescape=True) for w in dict.fromkeys(w.lower() for w in words)))


def _event_conditions(engine: Engine, country, pair, sector, type, status, since, until, name=None,
                      language=None, exact: bool = False) -> list:
    """The conditions of the event filters (see events), checked in the order of its arguments."""
    e = s.events
    conditions = []
    if country is not None:
        conditions.append(_has_party(e.c.id, s.event_parties, "event_id", resolve_code(country, engine)))
    if pair is not None:
        a, b = resolve_pair(pair, engine)
        conditions += [_has_party(e.c.id, s.event_parties, "event_id", a),
                       _has_party(e.c.id, s.event_parties, "event_id", b)]
    if (sector := check_choice("sector", sector, SECTORS)) is not None:
        es = s.event_sectors
        conditions.append(select(es.c.event_id).where(es.c.event_id == e.c.id,
                                                      es.c.sector.in_(sector_family(sector, exact))).exists())
    if (type := check_choice("event type", type, EVENT_TYPES)) is not None:
        conditions.append(e.c.type == type)
    if (status := check_choice("status", status, STATUSES)) is not None:
        conditions.append(e.c.status == status)
    if (since := check_date("since", since)) is not None:
        conditions.append(e.c.date >= since)
    if (until := check_date("until", until)) is not None:
        conditions.append(func.substr(e.c.date, 1, len(until)) <= until)
    if name is not None:
        conditions.append(name_condition(name))
    if (language := check_language(language)) is not None:
        src = s.event_sources
        conditions.append(e.c.id.in_(select(src.c.event_id).where(src.c.document_id.in_(in_language(language)))))
    return conditions


def event_conditions(engine: Engine, country: str | None = None, pair: str | tuple[str, str] | None = None,
                     sector: str | None = None, type: str | None = None, status: str | None = None,
                     language: str | None = None) -> list:
    """The conditions on events of these filters (as `events` reads them), for callers that add their
    own (a saved search: only events newer than it). Bad values raise BadFilter, unknown codes UnknownCode."""
    return _event_conditions(engine, country, pair, sector, type, status, None, None, None, language)


def figure_conditions(engine: Engine, indicator: str | None = None, pair: str | tuple[str, str] | None = None,
                      country: str | None = None, language: str | None = None) -> list:
    """The conditions on figures of these filters (as `figures` reads them), for callers that add their own."""
    return _figure_conditions(engine, indicator, pair, country, None, None, language)


def _has_party(id_column, parties, key: str, code: str):
    """`code` is a party: the ids come from the party table's (code, id) index, so the database starts
    from that country's rows instead of testing every row (what common.event_has_party does)."""
    return id_column.in_(select(parties.c[key]).where(parties.c.code == code))


def events(engine: Engine, country: str | None = None, pair: str | tuple[str, str] | None = None,
           sector: str | None = None, type: str | None = None, status: str | None = None,
           since: str | None = None, until: str | None = None, name: str | None = None,
           language: str | None = None, limit: int = 100, exact: bool = False) -> list[dict[str, Any]]:
    """Events, newest first (undated last), as rows.event_dicts (with sectors and sources).

    country  a party (code or name)            pair    both are parties ("KAZ-TUR", or two codes)
    sector   one of SECTORS, with its family (energy finds oil_gas, nuclear and renewables too;
             data/sector_families.tsv) unless `exact`
    type     agreement | working_group | meeting | project
    status   signed | agreed | planned | discussed
    since    the event's date is on or after it (YYYY, YYYY-MM or YYYY-MM-DD; "2023-01" keeps
             2023-01-15 and 2023-02, not a bare "2023")
    until    the event's date is on or before it, at its precision ("2023" keeps 2023-12-31)
    name     the event's name holds every word of it, in any case ("raw materials", "hydrogen memo";
             punctuation is ignored); an event without a name passes no name filter
    language en | ru: an article in that language reports the event (its other reports, in any
             language, are its sources still)
    An undated event passes no date filter. Bad values raise BadFilter, unknown codes UnknownCode."""
    conditions = _event_conditions(engine, country, pair, sector, type, status, since, until, name, language, exact)
    check_limit(limit)
    with engine.connect() as conn:
        return rows.event_page(conn, conditions, 0, limit)[0]


def events_page(engine: Engine, country: str | None = None, pair: str | tuple[str, str] | None = None,
                sector: str | None = None, type: str | None = None, status: str | None = None,
                since: str | None = None, until: str | None = None, name: str | None = None,
                language: str | None = None, offset: int = 0, limit: int = 50,
                exact: bool = False) -> tuple[list[dict[str, Any]], int]:
    """(events, total): the events `events` lists (same filters, same order) at positions offset to
    offset + limit, and how many it lists in all. The database counts and pages; only the page's
    events are read with their sources."""
    conditions = _event_conditions(engine, country, pair, sector, type, status, since, until, name, language, exact)
    check_limit(limit)
    with engine.connect() as conn:
        return rows.event_page(conn, conditions, offset, limit)


def _figure_conditions(engine: Engine, indicator, pair, country, kind, since, language=None) -> list:
    """The conditions of the figure filters (see figures), checked in the order of its arguments."""
    f = s.figures
    conditions = []
    if (indicator := check_choice("indicator", indicator, INDICATORS)) is not None:
        conditions.append(f.c.indicator == indicator)
    if pair is not None:
        conditions.append(f.c.parties == pair_key(*resolve_pair(pair, engine)))
    if country is not None:
        conditions.append(_has_party(f.c.id, s.figure_parties, "figure_id", resolve_code(country, engine)))
    if (kind := check_choice("kind", kind, KINDS)) is not None:
        conditions.append(f.c.kind == kind)
    if (since := check_date("since", since)) is not None:
        # the period ends on or after the month: period_end >= since[:7] (no period: '' fails). The
        # point key starts with period_end and a separator below any digit, so the same test on the
        # key keeps the same figures, and the point index answers it alone (store/points.py)
        conditions.append(f.c.point_key >= since[:7])
    if (language := check_language(language)) is not None:
        conditions.append(f.c.document_id.in_(in_language(language)))
    return conditions


def figures(engine: Engine, indicator: str | None = None, pair: str | tuple[str, str] | None = None,
            country: str | None = None, kind: str | None = None, since: str | None = None,
            language: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """A time series of figures (points as rows.figure_points: the same value from several articles is
    one point with several sources), sorted by period in time, targets beside the actuals of their
    indicator and parties; points without a period come first.

    indicator  one of INDICATORS             pair     the figure is about exactly these two ("KAZ-TUR")
    country    one of the figure's parties   kind     actual | target
    since      the period ends on or after it ("2023" keeps 2023, 2022-06/2023-03 and 2030; drops
               figures without a period)
    language   en | ru: figures stated in articles in that language (a point then has only those sources)
    At most `limit` points: the latest ones when there are more. Bad values raise BadFilter."""
    conditions = _figure_conditions(engine, indicator, pair, country, kind, since, language)
    check_limit(limit)
    with engine.connect() as conn:
        return rows.last_points(conn, conditions, limit)


def figures_page(engine: Engine, indicator: str | None = None, pair: str | tuple[str, str] | None = None,
                 country: str | None = None, kind: str | None = None, since: str | None = None,
                 language: str | None = None, offset: int = 0, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """(points, total): the whole time series `figures` would give without a limit (same filters, same
    order), at positions offset to offset + limit, and how many points it has. The database counts
    and pages the points (rows.point_page); only the page's figures are read."""
    conditions = _figure_conditions(engine, indicator, pair, country, kind, since, language)
    check_limit(limit)
    with engine.connect() as conn:
        return rows.point_page(conn, conditions, offset, limit)

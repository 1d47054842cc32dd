"""Events and figures over time, filtered: what happened, and what the numbers were."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from ..store import schema as s
from .common import (
    EVENT_TYPES,
    INDICATORS,
    KINDS,
    SECTORS,
    STATUSES,
    check_choice,
    check_date,
    check_limit,
    event_has_party,
    figure_has_party,
    pair_key,
    period_bounds,
    period_key,
    resolve_code,
    resolve_pair,
)
from .rows import event_dicts, figure_points


def events(engine: Engine, country: str | None = None, pair: str | tuple[str, str] | None = None,
           sector: str | None = None, type: str | None = None, status: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Events, newest first (undated last), as rows.event_dicts (with sectors and sources).

    country  a party (code or name)            pair    both are parties ("KAZ-TUR", or two codes)
    sector   one of SECTORS                    type    agreement | working_group | meeting | project
    status   signed | agreed | planned | discussed
    since    the event's date is on or after it (YYYY, YYYY-MM or YYYY-MM-DD; "2023-01" keeps
             2023-01-15 and 2023-02, not a bare "2023")
    until    the event's date is on or before it, at its precision ("2023" keeps 2023-12-31)
    An undated event passes no date filter. Bad values raise BadFilter, unknown codes UnknownCode."""
    e = s.events
    conditions = []
    if country is not None:
        conditions.append(event_has_party(resolve_code(country, engine)))
    if pair is not None:
        a, b = resolve_pair(pair, engine)
        conditions += [event_has_party(a), event_has_party(b)]
    if (sector := check_choice("sector", sector, SECTORS)) is not None:
        es = s.event_sectors
        conditions.append(select(es.c.event_id).where(es.c.event_id == e.c.id, es.c.sector == sector).exists())
    if (type := check_choice("event type", type, EVENT_TYPES)) is not None:
        conditions.append(e.c.type == type)
    if (status := check_choice("status", status, STATUSES)) is not None:
        conditions.append(e.c.status == status)
    if (since := check_date("since", since)) is not None:
        conditions.append(e.c.date >= since)
    if (until := check_date("until", until)) is not None:
        conditions.append(func.substr(e.c.date, 1, len(until)) <= until)
    check_limit(limit)
    with engine.connect() as conn:
        return event_dicts(conn, conditions, limit)


def figures(engine: Engine, indicator: str | None = None, pair: str | tuple[str, str] | None = None,
            country: str | None = None, kind: str | None = None, since: str | None = None,
            limit: int = 500) -> list[dict[str, Any]]:
    """A time series of figures (points as rows.figure_points: the same value from several articles is
    one point with several sources), sorted by period in time, targets beside the actuals of their
    indicator and parties; points without a period come first.

    indicator  one of INDICATORS             pair     the figure is about exactly these two ("KAZ-TUR")
    country    one of the figure's parties   kind     actual | target
    since      the period ends on or after it ("2023" keeps 2023, 2022-06/2023-03 and 2030; drops
               figures without a period)
    At most `limit` points: the latest ones when there are more. Bad values raise BadFilter."""
    f = s.figures
    conditions = []
    if (indicator := check_choice("indicator", indicator, INDICATORS)) is not None:
        conditions.append(f.c.indicator == indicator)
    if pair is not None:
        conditions.append(f.c.parties == pair_key(*resolve_pair(pair, engine)))
    if country is not None:
        conditions.append(figure_has_party(resolve_code(country, engine)))
    if (kind := check_choice("kind", kind, KINDS)) is not None:
        conditions.append(f.c.kind == kind)
    since = check_date("since", since)
    check_limit(limit)
    with engine.connect() as conn:
        points = figure_points(conn, conditions)
    if since is not None:
        floor = since[:7]
        points = [p for p in points if (b := period_bounds(p["period"])) is not None and b[1] >= floor]
    # in time first, then the series (indicator, parties) and actual before target within a period
    points.sort(key=lambda p: (period_key(p["period"]), p["indicator"], "|".join(p["parties"]), p["kind"],
                               p["from"] or "", p["value"]))
    return points[-limit:]

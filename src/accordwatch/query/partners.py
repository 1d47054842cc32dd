"""Who a country or bloc cooperates with: partners ranked by shared events, then articles."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, and_, func, select, union

from ..store import schema as s
from .common import (
    check_choice,
    check_limit,
    code_kind,
    code_name,
    live_figure,
    live_reported_event,
    near_duplicates,
    resolve_code,
)
from .rows import figure_points, latest

RANKINGS = ("events", "trade")


def partners(engine: Engine, code: str, limit: int = 20, by: str = "events") -> list[dict[str, Any]]:
    """The partners of `code` (a country or bloc code, or its name), best first:

    [{"code": "ROU", "name": "Romania", "kind": "country", "events": 4, "documents": 6, "figures": 3,
      "trade_turnover": {"value": 2.9e9, "unit": "USD", "period": "2023", "change_pct": 8.5,
                         "conflict": False, "sources_count": 2, "value_usd": 2.9e9, "usd_note": None}
                        | None}, ...]

    A partner shares an event (both are parties) or a figure (both are among its parties) with `code`.
    `events` counts shared events, `documents` the articles that report a shared event or figure,
    `figures` the shared figures; near-duplicate articles count for nothing. Ranked by events, then
    documents, then figures, then code; `by="trade"` ranks them by their latest trade turnover in US
    dollars (at the rate of its period, usd.in_usd: turnovers in different currencies compare), those
    without one after, by events. `trade_turnover` is the pair's latest actual trade turnover
    (by period; see rows.latest). A code that is neither known nor in the database raises UnknownCode;
    a known code with no partners gives []."""
    code = resolve_code(code, engine)
    check_limit(limit)
    by = check_choice("by", by, RANKINGS) or "events"
    ep1, ep2 = s.event_parties.alias("ep1"), s.event_parties.alias("ep2")
    fp1, fp2 = s.figure_parties.alias("fp1"), s.figure_parties.alias("fp2")
    f, src = s.figures, s.event_sources

    # live events and articles tested on the ids the party and source tables hold (live_reported_event,
    # live_figure): the same rows as joining documents, without reading each article's row
    shared_events = (ep1.join(ep2, and_(ep2.c.event_id == ep1.c.event_id, ep2.c.code != ep1.c.code)))
    event_where = (ep1.c.code == code, live_reported_event(ep1.c.event_id))
    shared_figures = (fp1.join(fp2, and_(fp2.c.figure_id == fp1.c.figure_id, fp2.c.code != fp1.c.code))
                      .join(f, f.c.id == fp1.c.figure_id))
    figure_where = (fp1.c.code == code, live_figure())

    docs = union(
        select(ep2.c.code.label("partner"), src.c.document_id.label("document_id"))
        .select_from(shared_events.join(src, src.c.event_id == ep1.c.event_id))
        .where(ep1.c.code == code, src.c.document_id.not_in(near_duplicates())),
        select(fp2.c.code.label("partner"), f.c.document_id.label("document_id"))
        .select_from(shared_figures).where(*figure_where),
    ).subquery()

    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"events": 0, "documents": 0, "figures": 0})
    with engine.connect() as conn:
        for partner, n in conn.execute(select(ep2.c.code, func.count(func.distinct(ep1.c.event_id)))
                                       .select_from(shared_events).where(*event_where).group_by(ep2.c.code)):
            counts[partner]["events"] = n
        for partner, n in conn.execute(select(fp2.c.code, func.count(func.distinct(f.c.id)))
                                       .select_from(shared_figures).where(*figure_where).group_by(fp2.c.code)):
            counts[partner]["figures"] = n
        for partner, n in conn.execute(select(docs.c.partner, func.count()).group_by(docs.c.partner)):
            counts[partner]["documents"] = n

        ranked = sorted(counts.items(), key=lambda kv: (-kv[1]["events"], -kv[1]["documents"], -kv[1]["figures"],
                                                         kv[0]))
        if by == "events":
            ranked = ranked[:limit]
        keys = {"|".join(sorted((code, p))): p for p, _ in ranked}
        trade: dict[str, list[dict]] = defaultdict(list)
        if keys:
            for point in figure_points(conn, [f.c.indicator == "trade_turnover", f.c.kind == "actual",
                                              f.c.parties.in_(list(keys))]):
                trade[keys["|".join(point["parties"])]].append(point)

    out = []
    for partner, n in ranked:
        best = latest(trade.get(partner, []))
        out.append({"code": partner, "name": code_name(partner), "kind": code_kind(partner), **n,
                    "trade_turnover": None if best is None else
                    {k: best[k] for k in ("value", "unit", "period", "change_pct", "conflict", "sources_count",
                                          "value_usd", "usd_note")}})
    if by == "trade":
        def usd(row: dict[str, Any]) -> float:
            trade = row["trade_turnover"]
            return -1.0 if trade is None or trade["value_usd"] is None else trade["value_usd"]
        out = sorted(out, key=usd, reverse=True)[:limit]   # stable: events order among equals
    return out

"""The partner network counted in the database: what export.partner_network builds as a graph, as
plain node and edge dicts, from a few GROUP BY queries instead of every event, figure and report.

Every event and every figure stores its parties as one cell ("KAZ|UZB", sorted codes joined by "|"),
so the database counts events and figures per distinct cell, and the cells (a few per pair) are
turned into countries and pairs here. Articles per pair are counted per cell as well; only a pair
that several cells share (facts with three or more parties) needs its articles listed, to count each
once.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, func, select, union_all

from ..store import schema as s
from .common import code_kind, code_name, live_figure, live_reported_event, near_duplicates


def _codes(cell: str | None) -> list[str]:
    return sorted({c for c in (cell or "").split("|") if c})


def cell_counts(conn: Connection) -> tuple[Counter, Counter]:
    """(events per parties cell, figures per parties cell): live events, figures of live articles.
    Every event and figure has one cell, so their totals are the numbers of live events and figures."""
    e, f = s.events, s.figures
    events = Counter(dict(conn.execute(select(e.c.parties, func.count()).where(live_reported_event())
                                       .group_by(e.c.parties)).all()))
    figures = Counter(dict(conn.execute(select(f.c.parties, func.count()).where(live_figure())
                                        .group_by(f.c.parties)).all()))
    return events, figures


def _reports(cells: list[str] | None = None):
    """(cell, document_id) for every live article that reports a live event or states a figure of a
    live article, per parties cell (all cells, or those given); an article may come twice (once for
    its events, once for its figures). Each part is made distinct first: far fewer rows to count."""
    e, f, src = s.events, s.figures, s.event_sources
    ev = (select(e.c.parties.label("cell"), src.c.document_id.label("document_id"))
          .select_from(src.join(e, e.c.id == src.c.event_id))
          .where(src.c.document_id.not_in(near_duplicates())))
    fig = select(f.c.parties.label("cell"), f.c.document_id.label("document_id")).where(live_figure())
    if cells is not None:
        ev, fig = ev.where(e.c.parties.in_(cells)), fig.where(f.c.parties.in_(cells))
    return union_all(ev.distinct(), fig.distinct()).subquery()


def _documents(conn: Connection, pairs: list[tuple[str, str]], cells_of: dict[tuple[str, str], set[str]]
               ) -> dict[tuple[str, str], int]:
    """Distinct live articles per pair (of `pairs`): those reporting an event or a figure of a cell
    that holds both."""
    cells = sorted({c for p in pairs for c in cells_of[p]})
    if not cells:
        return {}
    everyone = len(cells) == len({c for held in cells_of.values() for c in held})
    r = _reports(None if everyone else cells)     # every cell: no list to test each row against
    per_cell = dict(conn.execute(select(r.c.cell, func.count(func.distinct(r.c.document_id)))
                                 .group_by(r.c.cell)).all())
    out = {p: per_cell.get(next(iter(cells_of[p])), 0) for p in pairs if len(cells_of[p]) == 1}
    shared = [p for p in pairs if len(cells_of[p]) > 1]
    if shared:   # a pair in several cells: list the articles of those cells, count each article once
        docs: dict[str, set[int]] = defaultdict(set)
        r = _reports(sorted({c for p in shared for c in cells_of[p]}))
        for cell, doc in conn.execute(select(r.c.cell, r.c.document_id).distinct()):
            docs[cell].add(doc)
        for p in shared:
            out[p] = len(set().union(*(docs[c] for c in cells_of[p])))
    return out


def network(conn: Connection, top: int | None = None, cells: tuple[Counter, Counter] | None = None
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(nodes, edges) of the partner network, as export.partner_network counts it (near-duplicate
    articles count for nothing):

    nodes  [{"code", "name", "kind", "events", "figures", "partners"}]  most active first (events,
           then figures, then partners, then code); `partners` is the number of pairs it is in
    edges  [{"a", "b", "events", "figures", "documents"}]  a < b; most events first (then figures,
           articles, codes)

    `top`: only the first `top` edges, with articles counted only for the pairs that could be among
    them (those tied with the last on events and figures: articles decide between them). `cells`:
    cell_counts(conn), when the caller has it already."""
    events, figures = cells if cells is not None else cell_counts(conn)
    node_events: Counter = Counter()
    node_figures: Counter = Counter()
    pair_events: Counter = Counter()
    pair_figures: Counter = Counter()
    cells_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for counts, per_node, per_pair in ((events, node_events, pair_events), (figures, node_figures, pair_figures)):
        for cell, n in counts.items():
            codes = _codes(cell)
            for code in codes:
                per_node[code] += n
            for pair in combinations(codes, 2):
                per_pair[pair] += n
                cells_of[pair].add(cell)
    degree: Counter = Counter()
    for a, b in cells_of:
        degree[a] += 1
        degree[b] += 1
    nodes = [{"code": c, "name": code_name(c), "kind": code_kind(c), "events": node_events[c],
              "figures": node_figures[c], "partners": degree[c]}
             for c in set(node_events) | set(node_figures)]
    nodes.sort(key=lambda n: (-n["events"], -n["figures"], -n["partners"], n["code"]))

    edges = [{"a": a, "b": b, "events": pair_events[(a, b)], "figures": pair_figures[(a, b)], "documents": None}
             for a, b in cells_of]
    edges.sort(key=lambda e: (-e["events"], -e["figures"], e["a"], e["b"]))
    if top is None or top >= len(edges):
        counted = edges
    elif top < 1:
        counted = []
    else:   # the first `top`, and every pair tied with the last of them on events and figures
        last = (edges[top - 1]["events"], edges[top - 1]["figures"])
        counted = [e for e in edges if (e["events"], e["figures"]) >= last]
    docs = _documents(conn, [(e["a"], e["b"]) for e in counted], cells_of)
    for e in counted:
        e["documents"] = docs.get((e["a"], e["b"]), 0)
    counted.sort(key=lambda e: (-e["events"], -e["figures"], -e["documents"], e["a"], e["b"]))
    return nodes, counted if top is None else counted[:top]

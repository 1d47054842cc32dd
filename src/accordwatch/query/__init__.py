"""The query layer: library functions over the database, each returning plain dicts and lists.

    >>> from accordwatch.store.engine import make_engine
    >>> from accordwatch import query
    >>> engine = make_engine("news.db")
    >>> query.partners(engine, "KAZ")[0]["code"]
    'ROU'

partners.py  partners(engine, code)              who a country or bloc cooperates with, ranked
profile.py   profile(engine, a, b)               everything about one pair, traced to its articles
timeline.py  events(engine, ...), figures(...)   events and figures over time, filtered
search.py    search(engine, q)                   full text (FTS5 on SQLite, tsvector on PostgreSQL)
export.py    export(engine, fmt, out)            csv | json | parquet | graphml
common.py    errors (AW5xx), codes and names, filter checks, periods
rows.py      rows into dicts: events with sources, figures merged into points with sources; pages of
             both counted and ordered in the database (event_page, point_page, last_points)
(store/points.py: the point key of a figure, how the database groups and orders figure points)
network.py   the partner network counted in the database (the dashboard's home and network pages)

Every function reads through an Engine it is given and parameterises whatever the user typed.
Errors: UnknownCode [AW501], BadFilter [AW502], SearchSyntaxError [AW503] (all QueryInputError: the
user can fix them), ExportError [AW504], UnknownFormat [AW505] (a QueryInputError); all are AccordwatchError.
"""
from __future__ import annotations

from .common import (
    BadFilter,
    ExportError,
    QueryError,
    QueryInputError,
    SearchSyntaxError,
    UnknownCode,
    UnknownFormat,
    code_name,
    resolve_code,
    resolve_pair,
)
from .export import FORMATS, export, partner_network
from .partners import partners
from .profile import profile
from .search import search
from .timeline import events, figures

__all__ = ["BadFilter", "ExportError", "FORMATS", "QueryError", "QueryInputError", "SearchSyntaxError",
           "UnknownCode", "UnknownFormat", "code_name", "events", "export", "figures", "partner_network",
           "partners", "profile", "resolve_code", "resolve_pair", "search"]

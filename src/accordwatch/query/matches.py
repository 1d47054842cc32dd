"""Which of some articles a full-text query matches: the `query` filter of a saved search, read with
the query language and the index of query/search.py, on the few articles that are new."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, text

from ..store import fulltext
from .search import fts5_query, parse, tsquery_sql

_CHUNK = 500


def matching_documents(engine: Engine, q: str, document_ids: Iterable[int]) -> set[int]:
    """The ids among `document_ids` of the articles `q` matches (SearchSyntaxError for a query with no
    word). Near-duplicates are never indexed, so they never match."""
    ids = sorted(set(document_ids))
    node = parse(q)
    out: set[int] = set()
    with engine.connect() as conn:
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            params: dict[str, Any] = {f"id{k}": v for k, v in enumerate(chunk)}
            marks = ", ".join(f":id{k}" for k in range(len(chunk)))
            if engine.dialect.name == "sqlite":
                params["q"] = fts5_query(node)
                sql = f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q AND rowid IN ({marks})"
            else:
                sql = (f"SELECT d.id FROM documents d WHERE d.id IN ({marks}) AND d.duplicate_of IS NULL "
                       f"AND {fulltext.vector('d.')} @@ (SELECT {tsquery_sql(node, params)})")
            out.update(r[0] for r in conn.execute(text(sql), params))
    return out

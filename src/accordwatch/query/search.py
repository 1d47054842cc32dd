"""Full-text search over articles: FTS5 on SQLite, tsvector on PostgreSQL (migration 0002)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from .common import QueryError, SearchSyntaxError, check_limit

MARK = ("«", "»")   # around matched words in snippets

# SQLite FTS5: `q` in FTS5 query syntax (words, "phrases", AND/OR/NOT, prefix*, NEAR(), title:word).
# bm25 weighs a hit in the title five times a hit in the text; lower is better, so the score is -bm25.
_SQLITE = text("""
    SELECT d.id AS document_id, d.title, d.published, d.outlet, d.source, d.url,
           snippet(documents_fts, -1, :open, :close, '…', 16) AS snippet,
           -bm25(documents_fts, 5.0, 1.0) AS score
    FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid
    WHERE documents_fts MATCH :q AND (:all OR d.duplicate_of IS NULL)
    ORDER BY score DESC, d.id
    LIMIT :limit
""")

# PostgreSQL: `q` as plain words (plainto_tsquery never fails); the vector expression is the one the
# GIN index of migration 0002 is built on, so the index serves it.
_POSTGRES = text("""
    SELECT d.id AS document_id, d.title, d.published, d.outlet, d.source, d.url,
           ts_headline('english', d.text, q,
                       'StartSel=' || :open || ', StopSel=' || :close || ', MaxWords=30, MinWords=12')
               AS snippet,
           ts_rank(to_tsvector('english', coalesce(d.title, '') || ' ' || d.text), q) AS score
    FROM documents AS d, plainto_tsquery('english', :q) AS q
    WHERE to_tsvector('english', coalesce(d.title, '') || ' ' || d.text) @@ q
      AND (:all OR d.duplicate_of IS NULL)
    ORDER BY score DESC, d.id
    LIMIT :limit
""")


def plain_query(q: str) -> str:
    """An FTS5 query that matches the words of `q` as words (all of them), whatever punctuation they hold:
    'Kazakh-Romanian $2.9' -> '"Kazakh-Romanian" "$2.9"'."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in q.split())


def search(engine: Engine, q: str, limit: int = 20, include_duplicates: bool = False,
           plain: bool = False) -> list[dict[str, Any]]:
    """Articles matching `q`, best first:

    [{"document_id", "title", "published", "outlet", "source", "url", "snippet", "score"}, ...]

    `snippet` is a stretch of the article (on one line) with the matched words between « and »; a higher `score` is a
    better match (its scale differs between SQLite and PostgreSQL). On SQLite `q` is an FTS5 query
    (pipeline, "oil pipeline", pipe*, oil AND gas, oil NOT gas, title:pipeline); one that FTS5 cannot
    parse raises SearchSyntaxError; with `plain` its words are matched as words, operators and punctuation
    included (plain_query). On PostgreSQL `q` is always plain words. Near-duplicate articles are left out
    unless `include_duplicates`."""
    if not q or not q.strip():
        raise SearchSyntaxError("nothing to search for: give one or more words")
    check_limit(limit)
    sqlite = engine.dialect.name == "sqlite"
    sql = _SQLITE if sqlite else _POSTGRES
    if sqlite and plain:
        q = plain_query(q)
    params = {"q": q, "limit": limit, "all": bool(include_duplicates), "open": MARK[0], "close": MARK[1]}
    try:
        with engine.connect() as conn:
            rows = conn.execute(sql, params).mappings().all()
    except DBAPIError as e:
        reason = str(e.orig).strip() if e.orig is not None else str(e)
        if "no such table" in reason:
            raise QueryError(f"the database has no full-text index ({reason}): open it once with a current "
                             "accordwatch to migrate it") from e
        if sqlite:
            raise SearchSyntaxError(f"cannot search for {q!r}: {reason}. Put words with punctuation in double "
                                    'quotes ("Kazakh-Romanian") or search plain words; operators are AND, OR, NOT, '
                                    "NEAR(), word*") from e
        raise QueryError(f"search for {q!r} failed: {reason}") from e
    return [{**row, "snippet": " ".join((row["snippet"] or "").split()), "score": round(float(row["score"]), 6)}
            for row in rows]

"""The database: SQLite by default, PostgreSQL for teams, one schema (see schema.py).

    >>> from accordwatch.store import open_store
    >>> store = open_store("news.db")            # or "postgresql+psycopg://user@host/db"
    >>> summary = store.ingest_paths(["examples/articles"])
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Engine, func, select

from ..ingest import Result, read_paths
from .engine import StoreError, database_url, make_engine, migrate
from .schema import ALL_TABLES, metadata
from .write import Summary, Writer

__all__ = ["Store", "StoreError", "Summary", "open_store", "database_url"]


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def ingest(self, results: Iterable[Result], progress: Callable[[Result], None] | None = None,
               batch: int = 100) -> Summary:
        """Extract and write articles (as ingesters yield them), batch by batch."""
        return Writer(self.engine).write(results, progress, batch)

    def ingest_paths(self, paths: Iterable[str], progress: Callable[[Result], None] | None = None,
                     workers: int = 0, scheduler: str | None = None) -> Summary:
        """Ingest files, folders, feeds and URLs; with `workers` or `scheduler`, extraction runs on
        a Dask cluster and this process only writes."""
        results = read_paths(paths)
        if workers or scheduler:
            from ..scale.dask import records

            extracted = records(results, workers=workers or 2, scheduler=scheduler, sketch=True)
            return Writer(self.engine).write(extracted, progress)
        return self.ingest(results, progress)

    def counts(self) -> dict[str, int]:
        """Rows in every table: what an ingest added."""
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(metadata.tables[name])).scalar_one()
                    for name in ALL_TABLES}

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """Open (and create or migrate) the database at `url`, $ACCORDWATCH_DB, or ./accordwatch.db."""
    engine = make_engine(url)
    try:
        migrate(engine)
    except Exception as e:
        engine.dispose()
        raise StoreError(f"cannot open database {database_url(url)}: {e}") from e
    return Store(engine)

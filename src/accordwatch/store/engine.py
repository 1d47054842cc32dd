"""Opening a database: SQLite by default (one file, WAL), PostgreSQL by URL; migrated on open."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from ..errors import AccordwatchError

DEFAULT_URL = "sqlite:///accordwatch.db"
WRITE_OPTION = "accordwatch_write"
ENV_VAR = "ACCORDWATCH_DB"


class StoreError(AccordwatchError):
    code = "AW401"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $ACCORDWATCH_DB, else ./accordwatch.db. A bare path
    ("data/news.db") means a SQLite file."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.exists():
                raise StoreError(f"cannot open {path}: folder {parent} does not exist")
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:
            # pysqlite opens no transaction of its own before a SAVEPOINT, so SQLite would commit
            # every article's savepoint on its own: take transactions over (the recipe in
            # SQLAlchemy's SQLite notes) so that a batch is one transaction
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")      # readers never block the writer
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")    # a second writer waits, then says so
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn) -> None:
            # a writer (see writer()) takes the write lock at BEGIN IMMEDIATE, so a second writer
            # waits for it (busy_timeout) instead of failing halfway through its batch; readers
            # begin deferred and never wait for a writer (WAL)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as e:   # a malformed URL or a missing driver
        raise StoreError(f"cannot use database URL {url!r}: {e}") from e


def writer(engine: Engine) -> Engine:
    """The engine as a writer: on SQLite its transactions take the write lock when they begin."""
    return engine.execution_options(**{WRITE_OPTION: True})


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (Alembic), creating it on a new database."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with writer(engine).begin() as conn:   # two processes opening a new file do not race
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

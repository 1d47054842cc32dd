"""Opening a database: SQLite by default (one file, WAL), PostgreSQL by URL; migrated on open."""
from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event

from ..errors import AccordwatchError

DEFAULT_URL = "sqlite:///accordwatch.db"
WRITE_OPTION = "accordwatch_write"
ENV_VAR = "ACCORDWATCH_DB"


class StoreError(AccordwatchError):
    code = "AW401"


SUPPORTED = "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
# URL schemes (dialect+driver) we open: SQLite through the standard library, PostgreSQL through psycopg 3
_SCHEMES = ("sqlite", "sqlite+pysqlite", "postgresql+psycopg")
SQLITE_HEADER = b"SQLite format 3\x00"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $ACCORDWATCH_DB, else ./accordwatch.db. A bare path
    ("data/news.db") means a SQLite file; postgres:// and postgresql:// mean PostgreSQL through
    psycopg 3 (postgresql+psycopg://). Any other kind of URL (mysql://, postgresql+psycopg2://)
    raises StoreError naming the two that work."""
    url = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    for alias in ("postgresql://", "postgres://"):
        if url.startswith(alias):
            url = "postgresql+psycopg://" + url.removeprefix(alias)
    scheme = url.split("://", 1)[0].lower()
    if scheme not in _SCHEMES:
        raise StoreError(f"unsupported database URL {display_url(url)!r}: {SUPPORTED}")
    return url


def display_url(url: str) -> str:
    """A URL to show: its password hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy parses: show it without its user part
        return re.sub(r"//[^/@]*@", "//***@", url)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and for :memory:)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("://", 1)[1].removeprefix("/")
    return Path(path).expanduser() if path and path != ":memory:" else None


def check_sqlite_file(path: Path, write: bool = False) -> None:
    """StoreError, one line naming the file and the problem, when `path` cannot be a SQLite database:
    a folder, a file of another kind, a parent that is no folder or is missing, and with `write` a
    file or folder this process may not write to."""
    parent = path.resolve().parent
    if path.is_dir():
        raise StoreError(f"database {path}: a folder, not a SQLite file (give a file path such as "
                         f"{path / 'accordwatch.db'})")
    if path.exists():
        if not path.is_file():
            raise StoreError(f"database {path}: not a regular file")
        try:
            with path.open("rb") as f:
                head = f.read(len(SQLITE_HEADER))
        except OSError as e:
            raise StoreError(f"database {path}: cannot read it ({e.strerror or e})") from e
        if head and head != SQLITE_HEADER:
            raise StoreError(f"database {path}: not a SQLite database (the file holds something else; "
                             f"give another --db path)")
        if write and not os.access(path, os.W_OK):
            raise StoreError(f"database {path}: the file is read-only (permission denied)")
    elif parent.exists() and not parent.is_dir():
        raise StoreError(f"database {path}: {parent} is not a folder")
    elif not parent.exists():
        raise StoreError(f"database {path}: folder {parent} does not exist")
    # the write-ahead log and its index are files beside the database: the folder must take them
    if write and parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
        raise StoreError(f"database {path}: folder {parent} is not writable (permission denied)")


def describe_error(url: str, error: BaseException) -> str:
    """One line for a database that cannot be opened or read: "database URL: what the driver said" (its
    first line, without SQLAlchemy's background link); our own errors (StoreError) as they are."""
    cause = error
    while True:   # down to the driver's own exception (StoreError -> SQLAlchemyError -> sqlite3.Error)
        inner = getattr(cause, "orig", None) or cause.__cause__
        if inner is None or inner is cause:
            break
        cause = inner
    if isinstance(cause, AccordwatchError):
        return str(cause)
    return _reason(url, cause)


def _reason(url: str, cause: BaseException) -> str:
    reason = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    reason = re.sub(r"^\([\w.]+\)\s*", "", reason)
    path = sqlite_path(url)
    if path is not None and "unable to open database file" in reason:
        reason += f" (can this process create and write files in {path.resolve().parent}?)"
    return f"database {path if path is not None else display_url(url)}: {reason}"


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is not None:
            check_sqlite_file(path)
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


WRITE_LOCK = 0x61770014   # PostgreSQL's advisory lock of those who add rows: the ingest writer and reviews


def lock_writers(conn: Connection) -> None:
    """On PostgreSQL, wait for and hold until the transaction ends the writers' lock: a batch of the ingest
    writer (store.write, store.batch) takes the next ids of each table up front, so whoever adds rows
    (a reviewer adding a fact, merging or splitting entities) takes its turn. SQLite has one writer anyway."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


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

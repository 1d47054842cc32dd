"""Shared fixtures: the store tests run on SQLite and, when one is available, on PostgreSQL.

`db_url` is parametrized over both backends. PostgreSQL needs a server: set ACCORDWATCH_TEST_PG
to its URL (`scripts/pg-test-server.sh start` starts one and prints it; `make test` and `.ci/run`
pick it up). Each PostgreSQL test gets a database of its own, dropped afterwards. Without the
variable the PostgreSQL cases are skipped with a visible reason, and the terminal summary says which
backends the store tests ran on.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from accordwatch.store import open_store
from accordwatch.store import schema as store_schema
from accordwatch.store.engine import database_url, make_engine, migrate, writer

PG_ENV = "ACCORDWATCH_TEST_PG"
# Set by .ci/run when the server could not be started: why, for the skip reason.
PG_UNAVAILABLE_ENV = "ACCORDWATCH_TEST_PG_UNAVAILABLE"
BACKENDS = ["sqlite", "postgresql"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# backend -> "ran" or the reason it did not; filled as tests set up, shown in the terminal summary.
_backend_status: dict[str, set[str]] = {}


def _note(backend: str, status: str) -> None:
    _backend_status.setdefault(backend, set()).add(status)


def _pg_missing() -> str:
    """Why there is no PostgreSQL to test on."""
    reason = f"{PG_ENV} is not set (start one with scripts/pg-test-server.sh start)"
    why = os.environ.get(PG_UNAVAILABLE_ENV, "").strip()
    return f"{reason}; the server could not be started: {why}" if why else reason


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A URL to an empty database: a fresh SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        _note("sqlite", "ran")
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return

    base = os.environ.get(PG_ENV, "").strip()
    if not base:
        reason = _pg_missing()
        _note("postgresql", f"skipped: {reason}")
        pytest.skip(f"PostgreSQL tests skipped: {reason}")

    # A database of its own per test: nothing leaks between tests, and runs may overlap.
    admin_url = make_url(database_url(base))
    name = f"aw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as e:
        admin.dispose()
        _note("postgresql", f"failed: cannot create a database on {PG_ENV}={base}")
        pytest.fail(f"{PG_ENV}={base} is set but a test database cannot be created there: {e}", pytrace=False)
    _note("postgresql", "ran")
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def engine(db_url):
    """An engine on db_url with the schema migrated to the newest revision; disposed afterwards."""
    eng = make_engine(db_url)
    try:
        migrate(eng)
        yield eng
    finally:
        eng.dispose()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _backend_status:
        return   # no store test was collected and set up in this run
    ran = [b for b in BACKENDS if "ran" in _backend_status.get(b, set())]
    line = "store tests ran on: " + (", ".join(ran) if ran else "no backend")
    for backend in BACKENDS:
        others = sorted(s for s in _backend_status.get(backend, set()) if s != "ran")
        if backend not in ran and others:
            line += f"; {backend} {others[0]}"
        elif others:   # ran for some tests, not for others
            line += f"; {backend} also {others[0]}"
    terminalreporter.write_sep("-", "store backends")
    terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """The bundled sample corpus ingested once into a SQLite file, for the tests that only read it."""
    path = tmp_path_factory.mktemp("sample") / "aw.db"
    store = open_store(str(path))
    try:
        summary = store.ingest_paths([str(EXAMPLES)])
    finally:
        store.close()
    assert summary.failed == 0 and summary.new > 20 and summary.events > 50 and summary.figures > 50
    return str(path)


@pytest.fixture
def alembic():
    """alembic(engine, "upgrade" | "downgrade", revision): one Alembic command on the store's migrations,
    in a transaction of the engine's writer."""
    def run(engine, action: str, revision: str) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(store_schema.__file__).parent / "migrations"))
        with writer(engine).begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)
    return run

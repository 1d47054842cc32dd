"""Messages that used to mislead (issue P9, item A): each is one line on stderr that names the fix.

A busy port is found before `serve` says it is serving; a database URL of a kind we do not open says
which two work; a URL scheme we do not fetch is not read as a mangled path; a database that cannot be
opened (not SQLite, a folder, a path under a file, an unwritable place) is named with its problem,
without the driver's traceback lines or web links.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accordwatch.cli import app
from accordwatch.store.engine import database_url

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "articles" / "a01_kaz_uzb_roadmap.txt"
SUPPORTED = "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ACCORDWATCH_DB"}
    return subprocess.run([sys.executable, "-m", "accordwatch.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=timeout)


def lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


# serve ---------------------------------------------------------------------------------------------

def test_serve_on_a_busy_port_says_so_before_announcing(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--db", str(tmp_path / "aw.db"), "--port", str(port), timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""            # no "serving ..." first
    assert lines(result.stderr) == [f"error: port {port} is in use: pass --port N"]


def test_serve_on_an_unknown_host_says_so(tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "aw.db"), "--host", "no-such-host.invalid", timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    [line] = lines(result.stderr)
    assert line.startswith("error: cannot listen on no-such-host.invalid: no such host or address")
    assert line.endswith("pass --host ADDRESS")


# database URLs -------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, shown", [
    ("mysql://aw:secret@db.example.com/news", "mysql://aw:***@db.example.com/news"),
    ("mysql+pymysql://aw@db.example.com/news", "mysql+pymysql://aw@db.example.com/news"),
    ("postgresql+psycopg2://aw:secret@127.0.0.1/news", "postgresql+psycopg2://aw:***@127.0.0.1/news"),
    ("oracle://aw@db/news", "oracle://aw@db/news"),
])
@pytest.mark.parametrize("command", [["ingest", str(ARTICLE), "-q"], ["partners", "KAZ"], ["events"],
                                     ["export", "out"], ["serve"]])
def test_unsupported_database_url_is_one_line_naming_the_two_that_work(tmp_path, monkeypatch, url, shown,
                                                                         command):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*command, "--db", url])
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"error: [AW401] unsupported database URL {shown!r}: {SUPPORTED}"]
    assert "secret" not in result.output and result.stdout == ""
    assert not (tmp_path / "out").exists()


def test_postgres_urls_mean_postgresql_through_psycopg():
    assert database_url("postgres://aw@db.example.com:5433/news") == "postgresql+psycopg://aw@db.example.com:5433/news"
    assert database_url("postgresql://aw@db/news") == "postgresql+psycopg://aw@db/news"
    assert database_url("postgresql+psycopg://aw@db/news") == "postgresql+psycopg://aw@db/news"
    assert database_url("news.db") == "sqlite:///news.db"


def test_ingest_and_query_through_a_postgres_url(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("postgres:// names a PostgreSQL database: this case runs on the PostgreSQL backend")
    url = "postgres://" + db_url.split("://", 1)[1]
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(ARTICLE), "--db", url, "-q"])
    assert ingested.exit_code == 0, ingested.output
    assert "1 read: 1 new" in ingested.stderr and "-> postgresql+psycopg://" in ingested.stderr
    partners = runner.invoke(app, ["partners", "KAZ", "--db", url, "--json"])
    assert partners.exit_code == 0, partners.output
    assert "UZB" in partners.stdout


def test_unreachable_postgresql_is_one_line_without_the_password():
    result = CliRunner().invoke(app, ["ingest", str(ARTICLE), "-q", "--db", "postgres://aw:secret@127.0.0.1:1/aw"])
    assert result.exit_code == 1
    [line] = lines(result.stderr)
    assert line.startswith("error: database postgresql+psycopg://aw:***@127.0.0.1:1/aw: ")
    assert "secret" not in result.stderr and "sqlalche.me" not in result.stderr


# URL schemes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("source, scheme", [("ftp://example.com/news/a.txt", "ftp"),
                                            ("file:///tmp/a.txt", "file"), ("S3://bucket/a.jsonl", "s3")])
def test_ingest_an_unsupported_url_scheme(tmp_path, source, scheme):
    result = CliRunner().invoke(app, ["ingest", source, str(ARTICLE), "--db", str(tmp_path / "aw.db"), "-q"])
    assert result.exit_code == 1
    assert lines(result.stderr)[0] == (f"error: [AW105] {source}: unsupported URL scheme {scheme!r}: "
                                       f"use http(s):// or a file path")
    assert "no such file" not in result.stderr
    assert "2 read: 1 new, 0 duplicate, 0 near-duplicate, 1 failed" in result.stderr


def test_extract_an_unsupported_url_scheme():
    result = CliRunner().invoke(app, ["extract", "ftp://example.com/a.txt", "--json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert lines(result.stderr) == ["error: [AW105] ftp://example.com/a.txt: unsupported URL scheme 'ftp': "
                                    "use http(s):// or a file path"]


# databases that cannot be opened -------------------------------------------------------------------

def ingest_into(db: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli("ingest", str(ARTICLE), "--db", db, "-q", cwd=cwd)


def test_ingest_into_a_file_that_is_not_sqlite(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list: tea, bread\n", encoding="utf-8")
    result = ingest_into("notes.db", tmp_path)
    assert result.returncode == 1
    assert lines(result.stderr) == ["error: [AW401] database notes.db: not a SQLite database (the file holds "
                                    "something else; give another --db path)"]
    assert notes.read_text(encoding="utf-8") == "shopping list: tea, bread\n"   # left as it was


def test_ingest_into_a_folder(tmp_path):
    (tmp_path / "data").mkdir()
    result = ingest_into("data", tmp_path)
    assert result.returncode == 1
    assert lines(result.stderr) == ["error: [AW401] database data: a folder, not a SQLite file (give a file "
                                    "path such as data/accordwatch.db)"]


def test_ingest_under_a_file(tmp_path):
    (tmp_path / "report.txt").write_text("x", encoding="utf-8")
    result = ingest_into("report.txt/aw.db", tmp_path)
    assert result.returncode == 1
    assert lines(result.stderr) == [f"error: [AW401] database report.txt/aw.db: {tmp_path / 'report.txt'} "
                                    f"is not a folder"]


def test_ingest_into_a_missing_folder(tmp_path):
    result = ingest_into("nowhere/aw.db", tmp_path)
    assert result.returncode == 1
    assert lines(result.stderr) == [f"error: [AW401] database nowhere/aw.db: folder {tmp_path / 'nowhere'} "
                                    f"does not exist"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: every folder is writable, so permission cannot be refused")
def test_ingest_into_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = ingest_into("ro/aw.db", tmp_path)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1
    assert lines(result.stderr) == [f"error: [AW401] database ro/aw.db: folder {folder} is not writable "
                                    f"(permission denied)"]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, where no file can be made")
def test_ingest_where_no_file_can_be_made(tmp_path):
    # root may write anywhere the permissions say, but not in /proc: what SQLite says, on one line
    result = ingest_into("/proc/accordwatch-test.db", tmp_path)
    assert result.returncode == 1
    [line] = lines(result.stderr)
    assert line.startswith("error: ") and "/proc/accordwatch-test.db" in line
    assert "sqlalche.me" not in line and "Background" not in line


def test_queries_on_a_file_that_is_not_sqlite(tmp_path):
    (tmp_path / "notes.db").write_text("shopping list\n", encoding="utf-8")
    result = run_cli("partners", "KAZ", "--db", "notes.db", cwd=tmp_path)
    assert result.returncode == 1
    assert lines(result.stderr) == ["error: [AW401] database notes.db: not a SQLite database (the file holds "
                                    "something else; give another --db path)"]

"""The API's contract holds under a fuzzer (issue P11): Schemathesis against `accordwatch serve` on loopback.

The server runs over a copy of the sample database (conftest's `sample_db`: examples/articles ingested)
with an admin account whose API token is also the server's ingest token, so that every route is fuzzed as
an authorised client calls it: POST /api/ingest, and the writes of people (POST /api/reviews, POST and
DELETE /api/alerts, GET /api/audit; without the token, or with a wrong one, Schemathesis checks they answer
401). `schemathesis run`
drives every operation of /openapi.json through all four phases (the schema's examples, its boundaries,
random data, and stateful sequences that follow the document's links), valid and invalid requests alike,
with every check: no 5xx, every status and body declared, what the schema refuses refused and what it
allows accepted, the token required. Zero failures, or the test fails with Schemathesis's report (and the
end of the server's log, for a 500's traceback).

The seed is fixed: the same requests on every run, so a failure is reproduced by rerunning. The rules no
JSON Schema can say are in tests/schemathesis_hooks.py. By hand (about a minute and a half):

    .venv/bin/pytest tests/test_api_fuzz.py -q
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

TESTS = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SEED = 20240304
MAX_EXAMPLES = 300          # per operation and phase; about 7,500 requests in all
FUZZER = "fuzzer"          # the admin account the fuzzer acts as
RUN_TIMEOUT = 900           # seconds: a hung run fails, it does not hang `make test`


def _command(name: str) -> str | None:
    """The console script `name` of this Python's environment, else on PATH."""
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _admin_token(db: Path) -> str:
    """An admin account in the database, and its API token."""
    from accordwatch.review import accounts
    from accordwatch.store import open_store

    store = open_store(str(db))
    try:
        accounts.add_user(store.engine, FUZZER, "a fuzzer's long password", "admin")
        return accounts.create_token(store.engine, FUZZER, "schemathesis")
    finally:
        store.close()


@pytest.fixture
def server(sample_db, tmp_path):
    """`accordwatch serve` on a free loopback port over a copy of the sample database: (its URL, its log, the
    token: the ingest token and an admin's API token)."""
    accordwatch = _command("accordwatch")
    assert accordwatch, "the accordwatch command is not installed (pip install -e .)"
    db = tmp_path / "fuzz.db"
    shutil.copy(sample_db, db)
    token = _admin_token(db)
    port = _free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "ACCORDWATCH_INGEST_TOKEN": token}
    env.pop("ACCORDWATCH_DB", None)
    with log.open("w") as out:
        proc = subprocess.Popen([accordwatch, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the server exited ({proc.returncode}):\n{log.read_text()}", pytrace=False)
            try:
                if httpx.get(f"{url}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not answer in 60 s:\n{log.read_text()}", pytrace=False)
            time.sleep(0.2)
        yield url, log, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_the_api_holds_its_openapi_contract_under_schemathesis(server, tmp_path):
    schemathesis = _command("schemathesis")
    if schemathesis is None:
        pytest.skip("schemathesis is not installed: pip install -e '.[dev]' (make test does)")
    url, log, token = server
    command = [schemathesis, "run", f"{url}/openapi.json", "--checks", "all",
               "--phases", "examples,coverage,fuzzing,stateful", "--mode", "all",
               "--seed", str(SEED), "--max-examples", str(MAX_EXAMPLES), "--generation-database", "none",
               "--header", f"Authorization: Bearer {token}", "--request-timeout", "60", "--no-color",
               # (a warning is no failure of the API: "Missing test data" says an operation kept answering 404
               # to the identifiers made up for it)
               "--warnings", "off"]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "schemathesis_hooks",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")]))}
    try:   # in tmp_path: Schemathesis writes its caches in the working folder
        result = subprocess.run(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"schemathesis ran over {RUN_TIMEOUT} s:\n{e.output or ''}", pytrace=False)
    report = result.stdout
    server_log = "\n".join(log.read_text(errors="replace").splitlines()[-60:])
    # (a link of the schema that names the first item of a list cannot be followed where a fuzzed query
    # found none: Schemathesis reports "Failed to extract data from response", which is no failure)
    summary = report.rsplit("SUMMARY", 1)[-1]
    clean = "No issues found" in report or ("Failed to extract data from response" in report
                                            and "Failures:" not in summary and "Errors:" not in summary)
    if result.returncode != 0 or not clean:
        again = shlex.join([*command[:2], "http://127.0.0.1:8000/openapi.json", *command[3:]])
        pytest.fail(f"schemathesis found failures (exit {result.returncode}). To run it again: `accordwatch serve` "
                    f"over the sample database with an admin {FUZZER!r}, `accordwatch users token {FUZZER}` and "
                    f"ACCORDWATCH_INGEST_TOKEN=<that token>, then\n"
                    f"  SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH=tests {again}\n\n{report}\n"
                    f"--- the end of the server's log ---\n{server_log}", pytrace=False)
    # every operation was tested, and the ingest endpoint took articles with the token
    selected = re.search(r"Selected: (\d+)/(\d+)", report)
    tested = re.search(r"Tested: (\d+)", report)
    assert selected and tested and selected[1] == selected[2] == tested[1], report
    assert int(tested[1]) >= 10, report
    served = log.read_text(errors="replace")
    assert '"POST /api/ingest HTTP/1.1" 200' in served, "no article was ingested"
    assert '"POST /api/reviews HTTP/1.1" 200' in served, "no fact was reviewed"
    assert '"POST /api/alerts HTTP/1.1" 201' in served, "no search was saved"

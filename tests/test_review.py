"""accordwatch.review: accounts (Argon2id, lockout, sessions, API tokens), reviews of figures and events
as an overlay on the stored facts that every query then reads, and the audit log."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from accordwatch import query
from accordwatch.review import accounts, audit, facts
from accordwatch.store import open_store
from accordwatch.store import schema as s

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
ROADMAP = EXAMPLES / "a01_kaz_uzb_roadmap.txt"
PASSWORD = "correct horse battery"


@pytest.fixture
def store(db_url):
    st = open_store(db_url)
    yield st
    st.close()


@pytest.fixture
def editor(store):
    return accounts.add_user(store.engine, "erin", PASSWORD, "editor")


# ---- accounts -----------------------------------------------------------------------------------------

def test_users_are_stored_with_argon2id_hashes_and_checked(store):
    user = accounts.add_user(store.engine, "alice", PASSWORD, "admin")
    assert user["role"] == "admin"
    with store.engine.connect() as conn:
        stored = conn.execute(select(s.users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.authenticate(store.engine, "alice", PASSWORD)["name"] == "alice"
    for bad in (("alice", "wrong password!"), ("nobody", PASSWORD)):
        with pytest.raises(accounts.LoginFailed, match="wrong user name or password"):
            accounts.authenticate(store.engine, *bad)
    with pytest.raises(accounts.AccountError, match="exists already"):
        accounts.add_user(store.engine, "alice", PASSWORD)
    with pytest.raises(accounts.AccountError, match="at least 10 characters"):
        accounts.add_user(store.engine, "bob", "short")
    with pytest.raises(accounts.AccountError, match="--role 'owner'"):
        accounts.add_user(store.engine, "bob", PASSWORD, "owner")
    with pytest.raises(accounts.AccountError, match="user name"):
        accounts.add_user(store.engine, "<script>", PASSWORD)


def test_failed_logins_lock_the_account_even_for_the_right_password(store):
    accounts.add_user(store.engine, "alice", PASSWORD)
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store.engine, "alice", "guess number x")
    with pytest.raises(accounts.LoginFailed):
        accounts.authenticate(store.engine, "alice", PASSWORD)
    with store.engine.begin() as conn:   # the lock runs out
        conn.execute(update(s.users).values(locked_until="2000-01-01T00:00:00Z"))
    assert accounts.authenticate(store.engine, "alice", PASSWORD)["name"] == "alice"
    assert [e["action"] for e in audit.entries(store.engine, "user alice")][:2] == ["login.failed", "login.failed"]


def test_sessions_end_on_logout_and_on_a_password_change(store):
    user = accounts.add_user(store.engine, "alice", PASSWORD)
    one, two = accounts.start_session(store.engine, user), accounts.start_session(store.engine, user)
    assert accounts.session_user(store.engine, one)["name"] == "alice"
    with store.engine.connect() as conn:
        assert one not in {h for (h,) in conn.execute(select(s.sessions.c.token_hash))}   # only its hash
    accounts.end_session(store.engine, one)
    assert accounts.session_user(store.engine, one) is None and accounts.session_user(store.engine, two)
    accounts.set_password(store.engine, "alice", "another good password")
    assert accounts.session_user(store.engine, two) is None
    assert accounts.session_user(store.engine, "forged") is None


def test_api_tokens_are_shown_once_and_stored_hashed(store):
    accounts.add_user(store.engine, "alice", PASSWORD, "editor")
    token = accounts.create_token(store.engine, "alice", "laptop")
    assert token.startswith("aw_") and accounts.token_user(store.engine, token)["role"] == "editor"
    assert accounts.token_user(store.engine, token + "x") is None
    accounts.remove_user(store.engine, "alice")
    assert accounts.token_user(store.engine, token) is None


# ---- reviews ------------------------------------------------------------------------------------------

def _turnover(store) -> dict:
    (f,) = [p for p in query.figures(store.engine, indicator="trade_turnover", pair="KAZ-UZB", kind="actual")]
    return f


def test_a_corrected_figure_is_what_every_query_reads_and_the_audit_log_keeps_the_old_value(store, editor):
    store.ingest_paths([str(ROADMAP)])
    before = _turnover(store)
    assert before["value"] == 4_400_000_000
    fid = before["figure_ids"][0]
    after = facts.review_figure(store.engine, editor, fid, "correct", {"value": 4_450_000_000, "period": "2023"})
    assert after["value"] == 4_450_000_000 and after["review"] == "corrected" and after["reviewed_by"] == "erin"
    assert _turnover(store)["value"] == 4_450_000_000
    profile = query.profile(store.engine, "KAZ", "UZB")
    assert 4_450_000_000 in [p["value"] for p in profile["figures"]["trade_turnover"]]
    (entry,) = audit.entries(store.engine, f"figure {fid} (article 1, {before['sources'][0]['start']}-"
                                           f"{before['sources'][0]['end']})")
    assert entry["action"] == "review.correct" and entry["user_name"] == "erin"
    assert entry["before"]["value"] == 4_400_000_000 and entry["after"]["value"] == 4_450_000_000


def test_a_rejected_figure_and_a_rejected_event_leave_every_list(store, editor):
    store.ingest_paths([str(ROADMAP)])
    fid = _turnover(store)["figure_ids"][0]
    assert facts.review_figure(store.engine, editor, fid, "reject") is None
    assert not query.figures(store.engine, indicator="trade_turnover", pair="KAZ-UZB", kind="actual")
    (wg,) = query.events(store.engine, type="working_group")
    facts.review_event(store.engine, editor, wg["id"], None, "reject")
    assert query.events(store.engine, type="working_group") == []
    assert {e["type"] for e in query.events(store.engine)} == {"agreement", "meeting", "project"}


def test_a_corrected_event_and_a_confirmed_one_carry_who_and_when(store, editor):
    store.ingest_paths([str(ROADMAP)])
    (wg,) = query.events(store.engine, type="working_group")
    facts.review_event(store.engine, editor, wg["id"], 1, "correct",
                       {"status": "agreed", "date": "2024-05", "name": "working group on <electricity> trade"})
    (ev,) = query.events(store.engine, type="working_group")
    assert (ev["status"], ev["date"], ev["name"]) == ("agreed", "2024-05", "working group on <electricity> trade")
    with store.engine.connect() as conn:
        marks = conn.execute(select(s.events.c.review, s.events.c.reviewed_by).where(s.events.c.id == wg["id"])).one()
    assert tuple(marks) == ("corrected", "erin")
    (signed,) = query.events(store.engine, type="agreement")
    facts.review_event(store.engine, editor, signed["id"], None, "confirm")
    with store.engine.connect() as conn:
        assert conn.execute(select(s.events.c.review).where(s.events.c.id == signed["id"])).scalar_one() == "confirmed"


def test_only_editors_and_admins_review_and_bad_values_are_refused(store, editor):
    store.ingest_paths([str(ROADMAP)])
    fid = _turnover(store)["figure_ids"][0]
    viewer = accounts.add_user(store.engine, "vic", PASSWORD, "viewer")
    with pytest.raises(facts.Forbidden, match="needs an editor or admin"):
        facts.review_figure(store.engine, viewer, fid, "reject")
    for fields, message in (({"value": "a lot"}, "value: a number"), ({"indicator": "gdp"}, "indicator 'gdp'"),
                            ({"period": "'; DROP TABLE figures; --"}, "period"), ({"parties": ["XYZ"]}, "XYZ"),
                            ({"colour": "red"}, "no field colour"), ({}, "at least one field")):
        with pytest.raises(Exception, match=message):
            facts.review_figure(store.engine, editor, fid, "correct", fields)
    assert _turnover(store)["value"] == 4_400_000_000   # nothing changed
    with pytest.raises(facts.ReviewError, match="action 'delete'"):
        facts.review_figure(store.engine, editor, fid, "delete")


def test_a_review_applies_again_when_the_article_is_stored_again(store, editor, tmp_path):
    store.ingest_paths([str(ROADMAP)])
    fid = _turnover(store)["figure_ids"][0]
    facts.review_figure(store.engine, editor, fid, "correct", {"value": 4_450_000_000})
    (wg,) = query.events(store.engine, type="working_group")
    facts.review_event(store.engine, editor, wg["id"], None, "reject")
    with store.engine.connect() as conn:
        kept = [dict(r._mapping) for r in conn.execute(select(s.reviews))]
    # a new database (or a new extractor): the reviews come along, the article is extracted afresh
    fresh = open_store(str(tmp_path / "rebuilt.db"))
    try:
        with fresh.engine.begin() as conn:
            conn.execute(insert(s.reviews), [{**r, "id": None, "document_id": None, "user_id": None} for r in kept])
        fresh.ingest_paths([str(ROADMAP)])
        assert _turnover(fresh)["value"] == 4_450_000_000
        assert query.events(fresh.engine, type="working_group") == []
        with fresh.engine.connect() as conn:
            assert {r for (r,) in conn.execute(select(s.reviews.c.document_id))} == {1}
    finally:
        fresh.close()
    assert json.loads(kept[0]["fields"]) == {"value": 4_450_000_000.0}


def test_the_users_cli(tmp_path):
    from typer.testing import CliRunner

    from accordwatch.cli import app as cli

    db = str(tmp_path / "users.db")
    runner = CliRunner()
    out = runner.invoke(cli, ["users", "add", "alice", "--role", "admin", "--password-stdin", "--db", db],
                        input=PASSWORD + "\n")
    assert out.exit_code == 0 and "user alice added (admin)" in out.output
    out = runner.invoke(cli, ["users", "add", "bob", "--role", "boss", "--password-stdin", "--db", db],
                        input=PASSWORD + "\n")
    assert out.exit_code == 2 and "--role 'boss': one of viewer, editor, admin" in out.output
    out = runner.invoke(cli, ["users", "list", "--json", "--db", db])
    (row,) = json.loads(out.output)
    assert row["name"] == "alice" and "password_hash" not in row
    out = runner.invoke(cli, ["users", "token", "alice", "--db", db])
    token = out.output.split("(shown once): ")[1].strip()
    st = open_store(db)
    try:
        assert accounts.token_user(st.engine, token)["name"] == "alice"
    finally:
        st.close()
    assert runner.invoke(cli, ["users", "passwd", "alice", "--password-stdin", "--db", db],
                         input="a new long password\n").exit_code == 0
    assert runner.invoke(cli, ["users", "role", "alice", "--role", "editor", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["users", "remove", "alice", "--db", db]).exit_code == 0
    assert "no users" in runner.invoke(cli, ["users", "list", "--db", db], terminal_width=200).output


def test_reviewed_articles_are_exported_as_gold_and_the_extractor_is_scored_on_them(store, editor, tmp_path):
    from accordwatch.review import gold

    store.ingest_paths([str(ROADMAP), str(EXAMPLES / "b02_kz_hungary_council.txt")])
    assert gold.score_reviewed(store.engine) == {}            # nothing reviewed yet
    fid = _turnover(store)["figure_ids"][0]
    facts.review_figure(store.engine, editor, fid, "correct", {"value": 5_000_000_000})
    (wg,) = query.events(store.engine, type="working_group", pair="KAZ-UZB")
    facts.review_event(store.engine, editor, wg["id"], None, "reject")
    (path,) = gold.export(store.engine, tmp_path / "gold")
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["lang"] == "en" and "a01_kaz_uzb_roadmap" in record["source"]
    turnover = [f for f in record["gold"]["figures"] if f["indicator"] == "trade_turnover" and f["kind"] == "actual"]
    assert [f["value"] for f in turnover] == [5_000_000_000]
    assert "working_group" not in {e["type"] for e in record["gold"]["events"]}
    result = gold.score_reviewed(store.engine)
    assert set(result) == {"all", "en"} and result["all"]["articles"] == 1
    figures, events = result["en"]["fields"]["figures"], result["en"]["fields"]["events"]
    assert figures["tp"] == figures["support"] - 1 and figures["predicted"] == figures["support"]   # one changed
    assert events["predicted"] == events["support"] + 1                                           # one rejected


def test_the_audit_log_is_exported_as_csv_or_json(store, editor, tmp_path):
    import csv

    from typer.testing import CliRunner

    from accordwatch.cli import app as cli

    store.ingest_paths([str(ROADMAP)])
    fid = _turnover(store)["figure_ids"][0]
    facts.review_figure(store.engine, editor, fid, "correct", {"value": 4_450_000_000})
    db = store.url if not store.url.startswith("sqlite") else store.url.split("///", 1)[1]
    runner = CliRunner()
    out = runner.invoke(cli, ["review", "audit", "--out", str(tmp_path / "audit.csv"), "--db", db])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader((tmp_path / "audit.csv").open(encoding="utf-8")))
    assert [r["action"] for r in rows] == ["review.correct", "user.add"]          # newest first
    assert json.loads(rows[0]["before"])["value"] == 4_400_000_000 and rows[0]["user"] == "erin"
    out = runner.invoke(cli, ["review", "audit", "--target", "figure", "--out", str(tmp_path / "a.json"), "--db", db])
    assert out.exit_code == 0 and [e["action"] for e in json.loads((tmp_path / "a.json").read_text())] == \
        ["review.correct"]
    out = runner.invoke(cli, ["review", "audit", "--out", str(tmp_path / "audit.txt"), "--db", db])
    assert out.exit_code == 2 and ".csv or a .json" in out.output

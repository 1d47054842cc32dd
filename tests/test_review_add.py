"""Adding a fact the extractor missed (review action "add"): stored like an extracted fact, read by every
query, kept when the article is stored again, refused where a fact is already stored, and counted in the
team's own gold."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, select

from accordwatch import query
from accordwatch.review import accounts, audit, facts, gold
from accordwatch.store import open_store, overlay
from accordwatch.store import schema as s

PASSWORD = "correct horse battery"
# our own wording: the turnover is spelled out in words, which the extractor does not read, and the free
# economic zone is talked over in a sentence that names no meeting of its own
ARTICLE = """Armenia and Iran sign road transport protocol in Yerevan

YEREVAN, 14 March 2024 — Armenia and Iran signed a protocol on international road transport on Thursday at a \
session of their intergovernmental commission in Yerevan.

Armenian Deputy Prime Minister Mher Grigoryan said that trade between the two countries had come close to seven \
hundred million last year, and that both sides hoped to lift it further.

The sides also talked over a joint free economic zone near the border town of Meghri, where trucks cross into Iran \
every day.
"""
AMOUNT = "seven hundred million"   # no currency said: the extractor misses it, a reviewer adds it
ZONE = "a joint free economic zone near the border town of Meghri"
TURNOVER = {"indicator": "trade_turnover", "value": 700_000_000, "unit": "USD", "period": "2023",
            "parties": ["ARM", "IRN"]}
ZONE_EVENT = {"type": "project", "status": "discussed", "parties": ["IRN", "ARM"], "name": "free economic zone",
              "date": "2024-03-14"}


@pytest.fixture
def store(db_url):
    st = open_store(db_url)
    yield st
    st.close()


@pytest.fixture
def article(store, tmp_path) -> Path:
    path = tmp_path / "arm_irn_transport.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store.ingest_paths([str(path)])
    return path


@pytest.fixture
def editor(store):
    return accounts.add_user(store.engine, "erin", PASSWORD, "editor")


def _span(text: str) -> tuple[int, int]:
    start = ARTICLE.index(text)
    return start, start + len(text)


def test_the_sentence_around_a_span_is_its_evidence():
    start, end = _span(AMOUNT)
    lo, hi = overlay.sentence_around(ARTICLE, start, end)
    assert ARTICLE[lo:hi].startswith("Armenian Deputy Prime Minister") and ARTICLE[lo:hi].endswith("further.")
    lo, hi = overlay.sentence_around(ARTICLE, *_span("Armenia and Iran signed"))
    assert ARTICLE[lo:hi].startswith("YEREVAN, 14 March") and ARTICLE[lo:hi].endswith("in Yerevan.")


def test_an_added_figure_is_stored_marked_and_read_by_every_query(store, article, editor):
    assert query.figures(store.engine, pair="ARM-IRN") == []          # the extractor misses it
    start, end = _span(AMOUNT)
    added = facts.review(store.engine, editor, "figure", 1, start, end, "add", TURNOVER)
    assert (added["value"], added["unit"], added["period"], added["kind"]) == (700_000_000, "USD", "2023", "actual")
    assert (added["review"], added["reviewed_by"]) == ("added", "erin")
    assert added["evidence"].startswith("Armenian Deputy Prime Minister") and AMOUNT in added["evidence"]
    (point,) = query.figures(store.engine, pair="ARM-IRN", indicator="trade_turnover")
    assert point["value"] == 700_000_000 and point["review"] == "added"
    profile = query.profile(store.engine, "ARM", "IRN")
    assert [p["value"] for p in profile["figures"]["trade_turnover"]] == [700_000_000]
    (entry,) = audit.entries(store.engine, contains="(article 1, ")
    assert entry["action"] == "review.add" and entry["before"] is None and entry["after"]["value"] == 700_000_000


def test_an_added_event_joins_the_lists_and_can_be_corrected_and_rejected_like_any_other(store, article, editor):
    start, end = _span(ZONE)
    assert {e["type"] for e in query.events(store.engine, pair="ARM-IRN")} == {"agreement", "meeting"}
    added = facts.review(store.engine, editor, "event", 1, start, end, "add", ZONE_EVENT)
    assert (added["type"], added["parties"], added["review"]) == ("project", "ARM|IRN", "added")
    assert added["report"]["evidence"].startswith("The sides also talked over")
    (zone,) = query.events(store.engine, pair="ARM-IRN", type="project")
    assert (zone["status"], zone["name"], zone["date"]) == ("discussed", "free economic zone", "2024-03-14")
    # a later correction keeps the fact an added one, with every field it had
    facts.review(store.engine, editor, "event", 1, start, end, "correct", {"status": "planned"})
    (zone,) = query.events(store.engine, pair="ARM-IRN", type="project")
    assert zone["status"] == "planned"
    with store.engine.connect() as conn:
        (action, fields) = conn.execute(select(s.reviews.c.action, s.reviews.c.fields)).one()
    assert action == "add" and '"status": "planned"' in fields and '"name": "free economic zone"' in fields
    facts.review(store.engine, editor, "event", 1, start, end, "reject")
    assert query.events(store.engine, pair="ARM-IRN", type="project") == []


def test_adding_is_refused_where_a_fact_is_stored_for_a_bad_span_and_for_viewers(store, article, editor):
    start, end = _span(AMOUNT)
    facts.review(store.engine, editor, "figure", 1, start, end, "add", TURNOVER)
    with pytest.raises(facts.FactExists, match="a figure is stored at"):
        facts.review(store.engine, editor, "figure", 1, start, end, "add", {**TURNOVER, "value": 1})
    with pytest.raises(facts.NoSuchFact, match="select 1 to 1000 characters of its"):
        facts.review(store.engine, editor, "figure", 1, 10, 5_000, "add", TURNOVER)
    with pytest.raises(facts.ReviewError, match="needs indicator, unit"):
        facts.review(store.engine, editor, "figure", 1, 0, 5, "add", {"value": 3, "parties": ["ARM"]})
    with pytest.raises(facts.ReviewError, match="unit"):
        facts.review(store.engine, editor, "figure", 1, 0, 5, "add", {**TURNOVER, "unit": "<b>USD</b>"})
    viewer = accounts.add_user(store.engine, "vic", PASSWORD, "viewer")
    with pytest.raises(facts.Forbidden):
        facts.review(store.engine, viewer, "figure", 1, 0, 5, "add", TURNOVER)
    with pytest.raises(facts.NoSuchFact, match="no article 99"):
        facts.review(store.engine, editor, "figure", 99, 0, 5, "add", TURNOVER)
    assert len(query.figures(store.engine, pair="ARM-IRN")) == 1     # nothing else was stored


def test_added_facts_are_added_again_when_the_article_is_stored_again(store, article, editor, tmp_path):
    facts.review(store.engine, editor, "figure", 1, *_span(AMOUNT), "add", TURNOVER)
    facts.review(store.engine, editor, "event", 1, *_span(ZONE), "add", ZONE_EVENT)
    with store.engine.connect() as conn:
        kept = [dict(r._mapping) for r in conn.execute(select(s.reviews))]
    fresh = open_store(str(tmp_path / "rebuilt.db"))
    try:
        with fresh.engine.begin() as conn:
            conn.execute(insert(s.reviews), [{**r, "id": None, "document_id": None, "user_id": None} for r in kept])
        fresh.ingest_paths([str(article)])
        (point,) = query.figures(fresh.engine, pair="ARM-IRN", indicator="trade_turnover")
        assert (point["value"], point["review"], point["reviewed_by"]) == (700_000_000, "added", "erin")
        (zone,) = query.events(fresh.engine, pair="ARM-IRN", type="project")
        assert zone["name"] == "free economic zone"
    finally:
        fresh.close()


def test_added_facts_are_in_the_teams_gold_and_count_as_misses_of_the_extractor(store, article, editor, tmp_path):
    facts.review(store.engine, editor, "figure", 1, *_span(AMOUNT), "add", TURNOVER)
    (record,) = [g for _, g, _ in gold.gold_records(store.engine)]
    (figure,) = record["figures"]
    assert figure["amount"] == {"start": ARTICLE.index(AMOUNT), "end": ARTICLE.index(AMOUNT) + len(AMOUNT),
                                "text": AMOUNT}
    assert figure["parties"] == ["ARM", "IRN"] and figure["evidence"].endswith("further.")
    figures = gold.score_reviewed(store.engine)["en"]["fields"]["figures"]
    assert (figures["support"], figures["predicted"], figures["tp"]) == (1, 0, 0)


def test_the_api_adds_a_fact_and_says_why_it_will_not(tmp_path):
    import warnings

    from accordwatch.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    path = tmp_path / "arm_irn_transport.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = create_app(str(tmp_path / "api.db"), secret="test-secret")
    try:
        app.state.store.ingest_paths([str(path)])
        tokens = {}
        for name, role in (("vic", "viewer"), ("erin", "editor")):
            accounts.add_user(app.state.engine, name, PASSWORD, role)
            tokens[role] = {"Authorization": f"Bearer {accounts.create_token(app.state.engine, name, 'tests')}"}
        c = TestClient(app, raise_server_exceptions=False)
        start, end = _span(AMOUNT)
        body = {"kind": "figure", "document_id": 1, "start": start, "end": end, "action": "add", "fields": TURNOVER}
        assert c.post("/api/reviews", json=body).status_code == 401
        assert c.post("/api/reviews", json=body, headers=tokens["viewer"]).status_code == 403
        r = c.post("/api/reviews", json={**body, "fields": {"value": 1}}, headers=tokens["editor"])
        assert r.status_code == 400 and "needs `fields` with indicator, unit, parties" in r.json()["error"]
        r = c.post("/api/reviews", json=body, headers=tokens["editor"])
        assert r.status_code == 200, r.text
        fact = r.json()["fact"]
        assert (fact["value"], fact["parties"], fact["review"], r.json()["action"]) == \
            (700_000_000, ["ARM", "IRN"], "added", "add")
        r = c.post("/api/reviews", json=body, headers=tokens["editor"])
        assert r.status_code == 409 and "a figure is stored at" in r.json()["error"]
        doc = c.get("/api/documents/1").json()
        assert [(f["amount_text"], f["review"]) for f in doc["figures"]] == [(AMOUNT, "added")]
    finally:
        app.state.store.close()

"""Reviews of entities (P13): an article's people, organizations and countries confirmed, corrected and
rejected; entities merged and split; all of it kept as reviews that a rebuilt database applies again as its
articles are stored; the API routes (editors only, CSRF), the article page, and the audit log's document_id.

The two articles below are written for these tests. What the extractor finds in them (and these tests use):
in K1 the people Almasadam Satkaliyev (twice) and Taalaibek Ibraev, the organizations KEGOC, Samruk-Energy
and "Ministry of Energy" (Kazakhstan's), the countries KAZ and KGZ; in K2 Taalaibek Ibraev (twice), "Kegoc
JSC" (another entity than KEGOC), Samruk Energy, and "Ministry of Energy" (Kyrgyzstan's, which the store
wrongly joins to Kazakhstan's).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from accordwatch import query
from accordwatch.review import accounts, audit, entities, facts
from accordwatch.store import open_store
from accordwatch.store import schema as s
from web_session import PASSWORD, TestClient, api_tokens, app_with_users, bearer, client, csrf_of, error, login

MARKUP = "<script>alert(1)</script>"

K1 = """Kazakhstan and Kyrgyzstan agree to expand power trade along the border

ASTANA, May 14, 2024 — Kazakhstan and Kyrgyzstan signed a memorandum on cooperation in the electricity sector \
on Tuesday, the Kazakh Ministry of Energy said.

Kazakh Energy Minister Almasadam Satkaliyev and Kyrgyz Energy Minister Taalaibek Ibraev signed the document in \
Astana. Satkaliyev said the two grids would be linked by a new transmission line by 2026.

The national grid operator KEGOC will build the line together with the Kyrgyz company National Electric Network \
of Kyrgyzstan. Samruk-Energy will supply power in winter.

Trade between the two countries reached $1.6 billion in 2023, up 8% from a year earlier, according to the Kazakh \
statistics bureau.
"""
K2 = """Kyrgyz grid company and Kazakh operator start work on cross-border line

BISHKEK, June 20, 2024 — Engineers from the Kazakh grid operator Kegoc JSC began surveying the route of a new \
transmission line to the Kyrgyz border, the Kyrgyz Ministry of Energy said on Thursday.

Kyrgyz Energy Minister Taalaibek Ibraev told reporters in Bishkek that the line would carry up to 500 megawatts. \
Ibraev said Samruk Energy had agreed to sell electricity to Kyrgyzstan during the cold months.

Kazakhstan exported $900 million worth of goods to Kyrgyzstan in the first quarter of 2024.
"""


def _span(body: str, words: str) -> tuple[int, int]:
    start = body.index(words)
    return start, start + len(words)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("entity-articles")
    paths = []
    for name, body in (("k1.txt", K1), ("k2.txt", K2)):
        (folder / name).write_text(body, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


@pytest.fixture
def store(db_url, articles):
    st = open_store(db_url)
    summary = st.ingest_paths(articles)
    assert summary.new == 2 and summary.failed == 0
    yield st
    st.close()


@pytest.fixture
def editor(store):
    return accounts.add_user(store.engine, "erin", PASSWORD, "editor")


def doc_id(store, body: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(s.documents.c.id).where(s.documents.c.text.startswith(body[:60]))).scalar_one()


def entity_named(store, kind: str, name: str) -> dict | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(s.entities.c.id).where(s.entities.c.kind == kind, s.entities.c.name == name)).first()
        return entities.entity(conn, row.id) if row else None


def state(store) -> list[tuple]:
    """Every mention and country of the two articles, with its entity and marks, named as a rebuilt database
    names them (by the article's first words and the span, never by ids)."""
    m, e, d, dc = s.mentions, s.entities, s.documents, s.document_countries
    with store.engine.connect() as conn:
        rows = [(doc[:20], r.start, r.end, r.kind, r.key, r.name, r.title, r.country, r.org_kind, r.review,
                 r.reviewed_by)
                for doc, r in ((r.text, r) for r in conn.execute(
                    select(d.c.text, m.c.start, m.c.end, e.c.kind, e.c.key, e.c.name, e.c.title, e.c.country,
                           e.c.org_kind, m.c.review, m.c.reviewed_by)
                    .join(m, m.c.document_id == d.c.id).join(e, e.c.id == m.c.entity_id)))]
        rows += [(doc[:20], 0, 0, "country", code, None, None, None, None, review, by)
                 for doc, code, review, by in conn.execute(
                     select(d.c.text, dc.c.code, dc.c.review, dc.c.reviewed_by).join(dc, dc.c.document_id == d.c.id))]
    return sorted(rows, key=lambda r: tuple("" if x is None else str(x) for x in r))


def listed(store, kind: str) -> list[str]:
    """The names the entity list of the API shows (GET /api/entities?kind=)."""
    from accordwatch.web import create_app

    app = create_app(store.url)
    try:
        with TestClient(app) as c:
            return [x["name"] for x in c.get(f"/api/entities?kind={kind}&per_page=200").json()["items"]]
    finally:
        app.state.store.close()


# ---- an article's people, organizations and countries --------------------------------------------------

def test_a_confirmed_mention_carries_who_and_when_and_a_corrected_title_is_the_persons(store, editor):
    k1 = doc_id(store, K1)
    start, end = _span(K1, "Almasadam Satkaliyev")
    after = entities.review(store.engine, editor, "person", k1, "confirm", start=start, end=end)
    assert (after["review"], after["reviewed_by"], after["name"]) == ("confirmed", "erin", "Almasadam Satkaliyev")
    start, end = _span(K1, "Taalaibek Ibraev")
    after = entities.review(store.engine, editor, "person", k1, "correct", start=start, end=end,
                            fields={"title": "Minister of Energy of the Kyrgyz Republic"})
    assert after["review"] == "corrected" and after["title"] == "Minister of Energy of the Kyrgyz Republic"
    # the title is the person's: his mentions in the other article show it too, and so does the API
    ibraev = entity_named(store, "person", "Taalaibek Ibraev")
    assert ibraev["mentions"] == 3 and ibraev["title"] == "Minister of Energy of the Kyrgyz Republic"
    profile = query.profile(store.engine, "KAZ", "KGZ")
    assert "Minister of Energy of the Kyrgyz Republic" in [p["title"] for p in profile["people"]]


def test_a_corrected_name_relinks_this_mention_only(store, editor):
    k2 = doc_id(store, K2)
    start, end = _span(K2, "Ministry of Energy")   # Kyrgyzstan's, which the store joined to Kazakhstan's
    after = entities.review(store.engine, editor, "organization", k2, "correct", start=start, end=end,
                            fields={"name": "Ministry of Energy of Kyrgyzstan", "country": "KGZ"})
    assert (after["name"], after["country"], after["review"]) == ("Ministry of Energy of Kyrgyzstan", "KGZ",
                                                                  "corrected")
    kyrgyz = entity_named(store, "organization", "Ministry of Energy of Kyrgyzstan")
    kazakh = entity_named(store, "organization", "Ministry of Energy")
    assert kyrgyz["mentions"] == 1 and kazakh["mentions"] == 1 and kazakh["country"] == "KAZ"
    assert kyrgyz["id"] == after["entity_id"] != kazakh["id"]


def test_a_rejected_mention_leaves_the_article_and_an_entity_no_article_names_leaves_every_list(store, editor):
    k1 = doc_id(store, K1)
    start, end = _span(K1, "KEGOC")
    assert "KEGOC" in listed(store, "organization")
    assert entities.review(store.engine, editor, "organization", k1, "reject", start=start, end=end) is None
    assert entity_named(store, "organization", "KEGOC") is None
    assert "KEGOC" not in listed(store, "organization")
    with store.engine.connect() as conn:
        assert not conn.execute(select(s.aliases).where(s.aliases.c.alias == "kegoc")).all()
    # one of two mentions rejected: the person stays, with the other
    start, end = _span(K1, "Satkaliyev said")
    entities.review(store.engine, editor, "person", k1, "reject", start=start, end=start + len("Satkaliyev"))
    assert entity_named(store, "person", "Almasadam Satkaliyev")["mentions"] == 1


def test_a_country_an_article_names_is_confirmed_corrected_or_rejected(store, editor):
    k1, k2 = doc_id(store, K1), doc_id(store, K2)
    after = entities.review(store.engine, editor, "country", k1, "confirm", code="kgz")
    assert (after["code"], after["review"], after["reviewed_by"]) == ("KGZ", "confirmed", "erin")
    after = entities.review(store.engine, editor, "country", k2, "correct", code="KGZ", fields={"code": "UZB"})
    assert (after["code"], after["name"], after["review"]) == ("UZB", "Uzbekistan", "corrected")
    entities.review(store.engine, editor, "country", k1, "reject", code="KAZ")
    with store.engine.connect() as conn:
        dc = s.document_countries
        by_doc = {(r.document_id, r.code) for r in conn.execute(select(dc))}
        assert by_doc == {(k1, "KGZ"), (k2, "KAZ"), (k2, "UZB")}
        assert conn.execute(select(s.entities.c.name).where(s.entities.c.kind == "country",
                                                           s.entities.c.key == "UZB")).scalar_one() == "Uzbekistan"


def test_only_editors_review_entities_and_bad_values_are_refused(store, editor):
    k1 = doc_id(store, K1)
    start, end = _span(K1, "Taalaibek Ibraev")
    viewer = accounts.add_user(store.engine, "vic", PASSWORD, "viewer")
    before = state(store)
    with pytest.raises(facts.Forbidden):
        entities.review(store.engine, viewer, "person", k1, "confirm", start=start, end=end)
    for call in (lambda u: entities.merge(store.engine, u, 1, 2), lambda u: entities.split(store.engine, u, 1, "x")):
        with pytest.raises(facts.Forbidden):
            call(viewer)
    for fields, message in (({"country": "Atlantis"}, "unknown country"), ({"name": "   "}, "not only spaces"),
                            ({"title": "x" * 501}, "at most 500"), ({"org_kind": "bank"}, "no field org_kind"),
                            ({"name": "x\x00"}, "not only spaces"), ({}, "at least one field")):
        with pytest.raises(facts.ReviewError, match=message):
            entities.review(store.engine, editor, "person", k1, "correct", start=start, end=end, fields=fields)
    with pytest.raises(facts.NoSuchFact, match="no person named at 1-5"):
        entities.review(store.engine, editor, "person", k1, "confirm", start=1, end=5)
    with pytest.raises(facts.NoSuchFact, match="names no country CHN"):
        entities.review(store.engine, editor, "country", k1, "confirm", code="CHN")
    assert state(store) == before


# ---- merges and splits ---------------------------------------------------------------------------------

def test_two_spellings_merge_into_one_entity_and_a_split_undoes_it(store, editor):
    kegoc, jsc = entity_named(store, "organization", "KEGOC"), entity_named(store, "organization", "Kegoc JSC")
    after = entities.merge(store.engine, editor, jsc["id"], kegoc["id"])
    assert after["id"] == kegoc["id"] and after["mentions"] == 2 and "kegoc jsc" in after["aliases"]
    assert entity_named(store, "organization", "Kegoc JSC") is None
    assert "Kegoc JSC" not in listed(store, "organization")
    entries = audit.count(store.engine)
    assert entities.merge(store.engine, editor, jsc["id"], kegoc["id"]) == after   # again: nothing changes
    assert audit.count(store.engine) == entries
    with pytest.raises(entities.Conflict, match="cannot be merged into itself"):
        entities.merge(store.engine, editor, kegoc["id"], kegoc["id"])
    ibraev = entity_named(store, "person", "Taalaibek Ibraev")
    with pytest.raises(entities.Conflict, match="only one kind"):
        entities.merge(store.engine, editor, ibraev["id"], kegoc["id"])
    with pytest.raises(facts.NoSuchFact, match="no entity 99999"):
        entities.merge(store.engine, editor, 99999, kegoc["id"])
    # the wrong merge undone: the spelling "Kegoc JSC" is its own entity again, with its mention
    with pytest.raises(entities.Conflict, match="known by"):
        entities.split(store.engine, editor, kegoc["id"], "Kegoc")
    with pytest.raises(facts.NoSuchFact, match="never spelled"):
        entities.split(store.engine, editor, kegoc["id"], "Kazakh Railways")
    out = entities.split(store.engine, editor, kegoc["id"], "KEGOC jsc", name="Kegoc JSC")
    assert out["from"]["mentions"] == 1 and "kegoc jsc" not in out["from"]["aliases"]
    assert (out["into"]["name"], out["into"]["mentions"], out["into"]["country"]) == ("Kegoc JSC", 1, "KAZ")
    assert entities.split(store.engine, editor, kegoc["id"], "Kegoc JSC", name="Kegoc JSC") == out   # again
    # merged again, then split into an existing entity of the same kind (not into one of another kind)
    entities.merge(store.engine, editor, out["into"]["id"], kegoc["id"])
    with pytest.raises(entities.Conflict, match="only one kind"):
        entities.split(store.engine, editor, kegoc["id"], "Kegoc JSC", into_id=ibraev["id"])
    samruk = entity_named(store, "organization", "Samruk-Energy")
    out = entities.split(store.engine, editor, kegoc["id"], "Kegoc JSC", into_id=samruk["id"])
    assert out["from"]["mentions"] == 1 and out["into"]["mentions"] == 3 and "kegoc jsc" in out["into"]["aliases"]


def test_merges_splits_and_reviews_apply_again_in_a_rebuilt_database(store, editor, articles, tmp_path):
    k1, k2 = doc_id(store, K1), doc_id(store, K2)
    kegoc, jsc = entity_named(store, "organization", "KEGOC"), entity_named(store, "organization", "Kegoc JSC")
    entities.merge(store.engine, editor, jsc["id"], kegoc["id"])
    start, end = _span(K2, "Ministry of Energy")
    entities.review(store.engine, editor, "organization", k2, "correct", start=start, end=end,
                    fields={"name": "Ministry of Energy of Kyrgyzstan", "country": "KGZ"})
    start, end = _span(K1, "Taalaibek Ibraev")
    entities.review(store.engine, editor, "person", k1, "correct", start=start, end=end, fields={"title": MARKUP})
    start, end = _span(K1, "Samruk-Energy")
    entities.review(store.engine, editor, "organization", k1, "reject", start=start, end=end)
    entities.review(store.engine, editor, "country", k2, "correct", code="KGZ", fields={"code": "UZB"})
    start, end = _span(K1, "Almasadam Satkaliyev")
    entities.review(store.engine, editor, "person", k1, "confirm", start=start, end=end)
    expected = state(store)
    with store.engine.connect() as conn:
        kept = [dict(r._mapping) for r in conn.execute(select(s.reviews))]
    assert {r["kind"] for r in kept} == {"merge", "organization", "person", "country"}
    # a new database, the articles stored again: the same mentions, entities and marks; in the other order
    # too (where an unreviewed entity takes its country from the first article that names it), what was
    # reviewed is as reviewed
    for i, order in enumerate((articles, articles[::-1])):
        fresh = open_store(str(tmp_path / f"rebuilt{i}.db"))
        try:
            with fresh.engine.begin() as conn:
                conn.execute(insert(s.reviews), [{**r, "id": None, "document_id": None, "user_id": None}
                                                 for r in kept])
            assert fresh.ingest_paths(order).failed == 0
            got = state(fresh)
            if i == 0:
                assert got == expected
            reviewed = [r for r in expected if r[9] or r[4] in ("kegoc", "taalaibek ibraev", "samruk energy",
                                                                 "ministry of energy of kyrgyzstan")]
            assert [r for r in got if r in reviewed] == reviewed, order
            merged = entity_named(fresh, "organization", "KEGOC")
            assert merged["mentions"] == 2 and entity_named(fresh, "organization", "Kegoc JSC") is None
            assert entity_named(fresh, "organization", "Samruk-Energy")["mentions"] == 1
        finally:
            fresh.close()


# The set-based writer (store.write, store.batch) writes a batch article by article, and so applies the
# overlay, when one of its articles has reviews or the database holds rules of merges and splits
# (document_hash ''): both paths must apply them.
@pytest.mark.parametrize("set_based", [True, False], ids=["set-based", "one-by-one"])
def test_a_split_applies_again_in_a_rebuilt_database(store, editor, articles, tmp_path, set_based):
    from accordwatch.ingest import read_paths
    from accordwatch.store.write import Writer

    kegoc, jsc = entity_named(store, "organization", "KEGOC"), entity_named(store, "organization", "Kegoc JSC")
    entities.merge(store.engine, editor, jsc["id"], kegoc["id"])
    entities.split(store.engine, editor, kegoc["id"], "Kegoc JSC", name="KEGOC Joint Stock Company")
    expected = state(store)
    with store.engine.connect() as conn:
        kept = [dict(r._mapping) for r in conn.execute(select(s.reviews))]
    fresh = open_store(str(tmp_path / "rebuilt.db"))
    try:
        with fresh.engine.begin() as conn:
            conn.execute(insert(s.reviews), [{**r, "id": None, "document_id": None, "user_id": None} for r in kept])
        Writer(fresh.engine, set_based=set_based).write(read_paths(articles))
        assert state(fresh) == expected
        assert entity_named(fresh, "organization", "KEGOC Joint Stock Company")["mentions"] == 1
    finally:
        fresh.close()


# ---- the audit log ---------------------------------------------------------------------------------------

def test_every_entity_review_writes_an_audit_entry_with_its_article(store, editor):
    k1 = doc_id(store, K1)
    start, end = _span(K1, "Taalaibek Ibraev")
    entities.review(store.engine, editor, "person", k1, "correct", start=start, end=end, fields={"country": "UZB"})
    entities.review(store.engine, editor, "country", k1, "confirm", code="KAZ")
    kegoc, jsc = entity_named(store, "organization", "KEGOC"), entity_named(store, "organization", "Kegoc JSC")
    entities.merge(store.engine, editor, jsc["id"], kegoc["id"])
    entities.split(store.engine, editor, kegoc["id"], "Kegoc JSC")
    log = audit.entries(store.engine)
    assert [e["action"] for e in log[:4]] == ["review.split", "review.merge", "review.confirm", "review.correct"]
    split, merge, country, person = log[:4]
    assert person["target"] == f"person {person['before']['entity_id']} (article {k1}, {start}-{end})"
    assert (person["before"]["country"], person["after"]["country"], person["document_id"]) == ("KGZ", "UZB", k1)
    assert country["target"] == f"country KAZ (article {k1})" and country["document_id"] == k1
    assert merge["before"]["from"]["name"] == "Kegoc JSC" and merge["after"]["mentions"] == 2
    assert merge["document_id"] is None and split["after"]["into"]["name"] == "Kegoc JSC"
    marks = entities.of_article(store.engine, k1)
    assert marks["marks"][("person", start, end)]["reviewed_by"] == "erin"
    assert [e["action"] for e in marks["history"][("country", "KAZ")]] == ["review.confirm"]


def test_the_history_of_an_article_is_read_by_its_document_id(store, editor):
    k1 = doc_id(store, K1)
    fid = query.figures(store.engine, indicator="trade_turnover", pair="KAZ-KGZ")[0]["figure_ids"][0]
    facts.review_figure(store.engine, editor, fid, "confirm")   # no document_id given: read from the target
    start, end = _span(K1, "KEGOC")
    entities.review(store.engine, editor, "organization", k1, "confirm", start=start, end=end)
    with store.engine.connect() as conn:
        assert {r for (r,) in conn.execute(select(s.audit_log.c.document_id)
                                           .where(s.audit_log.c.action.like("review.%")))} == {k1}
    figs = audit.of_article(store.engine, k1)
    assert list(figs) == [("figure", *next(
        (f["start"], f["end"]) for f in [dict(r._mapping) for r in store.engine.connect().execute(
            select(s.figures).where(s.figures.c.id == fid))]))]
    assert audit.of_article(store.engine, k1, kinds=("organization",)) == {
        ("organization", start, end): audit.of_document(store.engine, k1)[:1]}
    assert audit.of_article(store.engine, doc_id(store, K2)) == {}


def test_migration_0011_backfills_the_audit_logs_document_id_and_goes_back(engine, alembic):
    alembic(engine, "downgrade", "0010")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_log (at, user_name, action, target) VALUES "
                          "('2024-01-01T00:00:00Z', 'erin', 'review.confirm', 'figure 5 (article 7, 10-22)'), "
                          "('2024-01-01T00:00:00Z', 'ada', 'user.add', 'user erin')"))
    alembic(engine, "upgrade", "head")
    with engine.connect() as conn:
        got = dict(conn.execute(text("SELECT target, document_id FROM audit_log")).all())
    assert got == {"figure 5 (article 7, 10-22)": 7, "user erin": None}
    alembic(engine, "downgrade", "0010")
    alembic(engine, "upgrade", "head")


# ---- the API and the article page -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def entity_db(tmp_path_factory, articles) -> str:
    path = tmp_path_factory.mktemp("entity-site") / "aw.db"
    st = open_store(str(path))
    try:
        st.ingest_paths(articles)
    finally:
        st.close()
    return str(path)


@pytest.fixture
def site(entity_db, tmp_path):
    app = app_with_users(entity_db, tmp_path / "site.db", secret="test-secret")
    yield app, api_tokens(app)
    app.state.store.close()


def site_entity(app, kind: str, name: str) -> int:
    with app.state.engine.connect() as conn:
        return conn.execute(select(s.entities.c.id).where(s.entities.c.kind == kind,
                                                          s.entities.c.name == name)).scalar_one()


def site_writes(app) -> list[tuple[str, dict]]:
    start, end = _span(K1, "Taalaibek Ibraev")
    person = {"kind": "person", "document_id": 1, "start": start, "end": end}
    return [("/api/entity-reviews", {**person, "action": "reject"}),
            ("/api/entity-reviews", {**person, "action": "correct", "fields": {"name": "Someone Else"}}),
            ("/api/entity-reviews", {"kind": "country", "document_id": 1, "code": "KAZ", "action": "reject"}),
            ("/api/entities/merge", {"entity_id": site_entity(app, "organization", "Kegoc JSC"),
                                     "into": site_entity(app, "organization", "KEGOC")}),
            ("/api/entities/split", {"entity_id": site_entity(app, "person", "Taalaibek Ibraev"),
                                     "spelling": "Ibraev"})]


def site_state(app) -> tuple:
    with app.state.engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (s.entities, s.mentions, s.aliases, s.document_countries, s.reviews))


def test_every_entity_write_refuses_anonymous_users_viewers_and_forged_requests(site):
    app, tokens = site
    before = site_state(app)
    anonymous = client(app)
    viewer, viewer_csrf = login(app, "vic")
    editor, editor_csrf = login(app, "erin")
    for path, body in site_writes(app):
        assert "log in" in error(anonymous.post(path, json=body), 401)
        assert "wrong or unknown API token" in error(anonymous.post(path, json=body, headers=bearer("aw_x")), 401)
        assert "needs the role editor or admin" in error(
            anonymous.post(path, json=body, headers=bearer(tokens["viewer"])), 403)
        assert "vic's role is viewer" in error(viewer.post(path, json=body, headers={"X-CSRF-Token": viewer_csrf}), 403)
        for headers in ({}, {"X-CSRF-Token": "forged"}, {"X-CSRF-Token": csrf_of(client(app))}):
            assert "CSRF" in error(editor.post(path, json=body, headers=headers), 403), (path, headers)
    assert site_state(app) == before   # nothing changed
    # with the page's token, and with an API token, they go through
    path, body = site_writes(app)[0]
    r = editor.post(path, json=body, headers={"X-CSRF-Token": editor_csrf})
    assert r.status_code == 200 and r.json()["mention"] is None and r.json()["by"] == "erin"
    path, body = site_writes(app)[3]
    r = client(app).post(path, json=body, headers=bearer(tokens["admin"]))
    assert r.status_code == 200 and r.json()["entity"]["name"] == "KEGOC" and r.json()["by"] == "ada"


def test_markup_in_a_corrected_entity_stays_text_on_the_page_and_in_the_api(site):
    app, tokens = site
    start, end = _span(K1, "Almasadam Satkaliyev")
    r = client(app).post("/api/entity-reviews", headers=bearer(tokens["editor"]), json={
        "kind": "person", "document_id": 1, "start": start, "end": end, "action": "correct",
        "fields": {"name": MARKUP, "title": '"><img src=x onerror=alert(2)>'}})
    assert r.status_code == 200 and r.json()["mention"]["name"] == MARKUP
    admin, _ = login(app, "ada")
    for path in ("/article/1", "/audit", "/pair/KAZ/KGZ"):
        html = admin.get(path).text
        assert "<script>alert(1)" not in html and "<img src=x" not in html, path
    page = admin.get("/article/1").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and 'data-testid="verified"' in page
    doc = client(app).get("/api/documents/1").json()
    (person,) = [e for e in doc["entities"] if e["name"] == MARKUP]
    assert [(m["start"], m["review"], m["reviewed_by"]) for m in person["mentions"]] == [(start, "corrected", "erin")]
    assert doc["country_reviews"] == {}
    r = client(app).post("/api/entity-reviews", headers=bearer(tokens["editor"]),
                         json={"kind": "country", "document_id": 1, "code": "KAZ", "action": "confirm"})
    assert r.status_code == 200, r.text
    marks = client(app).get("/api/documents/1").json()["country_reviews"]
    assert list(marks) == ["KAZ"] and (marks["KAZ"]["review"], marks["KAZ"]["reviewed_by"]) == ("confirmed", "erin")


INJECTIONS = [
    ({"country": "KAZ' OR '1'='1"}, "fields.country"),
    ({"country": ["KAZ"]}, "fields.country"),
    ({"name": "x\x00y"}, "fields.name"),
    ({"name": "x" * 301}, "fields.name"),
    ({"name": " \t "}, "fields.name"),
    ({"name": {"$ne": 1}}, "fields.name"),
    ({"title": 12}, "fields.title"),
    ({"org_kind": "bank"}, "no field 'org_kind'"),
    ({"colour": "red"}, "no field 'colour'"),
]


def test_injection_attempts_in_entity_review_fields_are_refused_or_kept_as_text(site):
    app, tokens = site
    c, auth = client(app), bearer(tokens["editor"])
    start, end = _span(K1, "Taalaibek Ibraev")
    person = {"kind": "person", "document_id": 1, "start": start, "end": end}
    before = site_state(app)
    for fields, message in INJECTIONS:
        assert message in error(c.post("/api/entity-reviews", json={**person, "action": "correct", "fields": fields},
                                       headers=auth), 400), fields
    kegoc = site_entity(app, "organization", "KEGOC")
    for path, body, message in (
            ("/api/entity-reviews", {**person, "action": "confirm", "fields": {"title": "x"}}, "only a correction"),
            ("/api/entity-reviews", {**person, "kind": "country", "action": "confirm"}, "no field 'end', 'start'"),
            ("/api/entity-reviews", {"kind": "country", "document_id": 1, "code": "KAZ; --", "action": "confirm"},
             "code 'KAZ; --'"),
            ("/api/entity-reviews", {**person, "kind": "place", "action": "confirm"}, "kind 'place'"),
            ("/api/entity-reviews", {**person, "start": "1 OR 1=1", "action": "confirm"}, "start: an integer"),
            ("/api/entity-reviews", {"kind": "organization", "document_id": 1, "start": 0, "end": 3,
                                     "action": "correct", "fields": {"org_kind": "Bank'--"}}, "fields.org_kind"),
            ("/api/entities/merge", {"entity_id": "1; DROP TABLE entities", "into": kegoc}, "entity_id"),
            ("/api/entities/merge", {"entity_id": kegoc}, "into missing"),
            ("/api/entities/split", {"entity_id": kegoc, "spelling": "x", "user": "ada"}, "no field 'user'"),
            ("/api/entities/split", {"entity_id": kegoc, "spelling": "\x00"}, "spelling")):
        assert message in error(c.post(path, json=body, headers=auth), 400), body
    assert "no person named at 0-3" in error(c.post("/api/entity-reviews", json={
        **person, "start": 0, "end": 3, "action": "confirm"}, headers=auth), 404)
    assert "cannot be merged into itself" in error(c.post("/api/entities/merge", json={
        "entity_id": kegoc, "into": kegoc}, headers=auth), 409)
    assert site_state(app) == before
    # text is kept as the text it is, quotes and all
    sql = "Robert'); DROP TABLE entities; --"
    r = c.post("/api/entity-reviews", json={**person, "action": "correct", "fields": {"name": sql, "title": "%_\\"}},
               headers=auth)
    assert r.status_code == 200 and (r.json()["mention"]["name"], r.json()["mention"]["title"]) == (sql, "%_\\")
    r = c.post("/api/entities/split", json={"entity_id": kegoc, "spelling": "Kegoc' OR 1=1"}, headers=auth)
    assert "never spelled" in error(r, 404)


def test_the_article_page_shows_entity_review_forms_to_editors_only(site):
    app, tokens = site
    editor, _ = login(app, "erin")
    viewer, _ = login(app, "vic")
    page = editor.get("/article/1").text
    for testid in ("fact-countries", "entity-confirm", "entity-merge", "entity-split", "merge-into"):
        assert f'data-testid="{testid}"' in page, testid
    assert '/static/entity-review.js' in page and 'data-entity-review-form data-kind="country"' in page
    assert "entity-confirm" not in viewer.get("/article/1").text
    assert "entity-confirm" not in client(app).get("/article/1").text
    assert client(app).get("/static/entity-review.js").status_code == 200
    # a review shows on the page: the mark (who), the history
    start, end = _span(K1, "Kazakh Energy Minister")
    client(app).post("/api/entity-reviews", headers=bearer(tokens["editor"]),
                     json={"kind": "country", "document_id": 1, "code": "KGZ", "action": "confirm"})
    page = viewer.get("/article/1").text
    item = page[page.index('data-entity-item="country-KGZ"'):]
    item = item[:item.index("</li>")]
    assert 'data-testid="verified"' in item and "erin" in item and 'data-testid="fact-history"' in item


def test_a_readers_article_page_is_rendered_once_per_data_version_in_each_readers_frame(site, monkeypatch):
    from accordwatch.web import pages

    rendered: list[str] = []   # the article pages rendered (a login renders the home page too)
    content_block = pages.content_block
    monkeypatch.setattr(pages, "content_block", lambda template, data: (
        template == "article.html" and rendered.append(data["title"])) or content_block(template, data))
    app, tokens = site
    viewer, _ = login(app, "vic")
    anonymous = client(app)

    def content(page: str) -> str:
        return page[page.index('<main class="wrap" id="main">'):page.index("</main>")]

    first = anonymous.get("/article/1").text
    second = viewer.get("/article/1").text
    assert len(rendered) == 1 and content(second) == content(first)   # kept, the same for every reader
    assert 'data-testid="user-name"' in second and 'data-testid="user-name"' not in first
    # an editor's page is made for the editor (the review forms), and kept for no one
    editor, _ = login(app, "erin")
    assert "entity-confirm" in editor.get("/article/1").text and "entity-confirm" not in viewer.get("/article/1").text
    assert len(rendered) == 1
    # a review moves the data version on: the next reader sees it
    client(app).post("/api/entity-reviews", headers=bearer(tokens["editor"]),
                     json={"kind": "country", "document_id": 1, "code": "KAZ", "action": "confirm"})
    third = anonymous.get("/article/1").text
    item = third[third.index('data-entity-item="country-KAZ"'):]
    assert len(rendered) == 2 and 'data-testid="verified"' in item[:item.index("</li>")]


def test_the_openapi_document_describes_the_entity_routes(site):
    app, _ = site
    doc = client(app).get("/openapi.json").json()
    for path in ("/api/entity-reviews", "/api/entities/merge", "/api/entities/split"):
        op = doc["paths"][path]["post"]
        assert op["security"] and {"401", "403", "404", "409"} <= set(op["responses"]), path
        assert op["requestBody"]["content"]["application/json"]["schema"], path
    kinds = [b["properties"]["kind"]["enum"][0]
             for b in doc["paths"]["/api/entity-reviews"]["post"]["requestBody"]["content"]["application/json"]
             ["schema"]["oneOf"]]
    assert sorted(set(kinds)) == ["country", "organization", "person"]
    assert json.dumps(doc)   # serialisable


def test_the_review_cli_merges_and_splits(store, editor, tmp_path):
    from typer.testing import CliRunner

    from accordwatch.cli import app as cli

    db = store.url if not store.url.startswith("sqlite") else store.url.split("///", 1)[1]
    kegoc, jsc = entity_named(store, "organization", "KEGOC"), entity_named(store, "organization", "Kegoc JSC")
    runner = CliRunner()
    out = runner.invoke(cli, ["review", "merge", str(jsc["id"]), str(kegoc["id"]), "--as", "erin", "--db", db])
    assert out.exit_code == 0, out.output
    assert "merged" in out.output and entity_named(store, "organization", "Kegoc JSC") is None
    out = runner.invoke(cli, ["review", "split", str(kegoc["id"]), "Kegoc JSC", "--as", "erin", "--db", db])
    assert out.exit_code == 0, out.output
    assert entity_named(store, "organization", "Kegoc JSC")["mentions"] == 1
    out = runner.invoke(cli, ["review", "merge", str(kegoc["id"]), str(kegoc["id"]), "--as", "erin", "--db", db])
    assert out.exit_code == 2 and "cannot be merged into itself" in out.output
    accounts.add_user(store.engine, "vic", PASSWORD, "viewer")
    out = runner.invoke(cli, ["review", "split", str(kegoc["id"]), "x", "--as", "vic", "--db", db])
    assert out.exit_code == 2 and "needs an editor or admin" in out.output
    assert Path(db).exists() or not store.url.startswith("sqlite")

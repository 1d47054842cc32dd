"""The dashboard's accuracy page (P13, web/accuracy_page.py): the figures `accordwatch review score` computes
for the reviewed articles, per field and per language; a note when there are none; scored once per data
version, not per request.
"""
from __future__ import annotations

import re
import shutil
import warnings

import pytest
from sqlalchemy import select

from accordwatch.review import accounts, facts, gold
from accordwatch.store import schema as s
from accordwatch.web import create_app

with warnings.catch_warnings():   # Starlette's TestClient warns that it wants httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def app(sample_db, tmp_path):
    db = tmp_path / "accuracy.db"
    shutil.copy(sample_db, db)
    app = create_app(str(db), secret="accuracy-test-secret")
    yield app
    app.state.store.close()


def editor(app) -> dict:
    return accounts.add_user(app.state.engine, "erin", "tea garden at noon", "editor")


def figures_of(app, language: str) -> list:
    """The figures of the first article in `language` that has at least three."""
    d, f = s.documents, s.figures
    with app.state.engine.connect() as conn:
        for (doc_id,) in conn.execute(select(d.c.id).where(d.c.language == language).order_by(d.c.id)):
            rows = conn.execute(select(f.c.id, f.c.value).where(f.c.document_id == doc_id).order_by(f.c.start)).all()
            if len(rows) >= 3:
                return rows
    raise AssertionError(f"no {language} article with three figures in the sample")


def review_some(app) -> None:
    """An English article with a figure confirmed, one corrected and one rejected; a Russian one with a figure
    confirmed and one rejected; an event of a third article rejected."""
    user = editor(app)
    engine = app.state.engine
    en = figures_of(app, "en")
    facts.review_figure(engine, user, en[0].id, "confirm")
    facts.review_figure(engine, user, en[1].id, "correct", {"value": en[1].value * 3})
    facts.review_figure(engine, user, en[2].id, "reject")
    ru = figures_of(app, "ru")
    facts.review_figure(engine, user, ru[0].id, "confirm")
    facts.review_figure(engine, user, ru[1].id, "reject")
    with engine.connect() as conn:
        event_id = conn.execute(select(s.event_sources.c.event_id).where(s.event_sources.c.document_id == 2)
                                .order_by(s.event_sources.c.start)).scalars().first()
    facts.review_event(engine, user, event_id, 2, "reject")


def shown(html: str) -> dict[str, dict[str, list[str]]]:
    """{language: {field or attribute: [cells]}} as the page shows them."""
    out: dict[str, dict[str, list[str]]] = {}
    for lang, body in re.findall(r'<table class="table" data-testid="accuracy-(?:table|attributes)" '
                                 r'data-language="([^"]+)">(.*?)</table>', html, re.S):
        for name, row in re.findall(r'data-(?:field|attribute)="([^"]+)">(.*?)</tr>', body, re.S):
            out.setdefault(lang, {})[name] = re.findall(r'<td class="num">([^<]*)</td>', row)
    return out


def expected(results: dict) -> dict[str, dict[str, list[str]]]:
    """What `accordwatch review score` prints, cell by cell."""
    out: dict[str, dict[str, list[str]]] = {}
    for lang, res in results.items():
        rows = out.setdefault(lang, {})
        for name, v in res["fields"].items():
            rows[name] = [f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}", str(v["support"]), str(v["predicted"])]
        for name, v in res["attributes"].items():
            if v["n"]:
                rows[name] = [f"{v['acc']:.3f}", str(v["n"])]
    return out


def test_the_page_shows_what_review_score_computes_per_field_and_language(app):
    review_some(app)
    results = gold.score_reviewed(app.state.engine)
    assert set(results) == {"all", "en", "ru"} and results["all"]["articles"] == 3
    # the reviews made the extractor miss something: the page has real figures to show, not all ones
    assert results["en"]["fields"]["figures"]["p"] < 1.0
    r = TestClient(app).get("/accuracy")      # anyone who reads the dashboard reads it
    assert r.status_code == 200
    assert shown(r.text) == expected(results)
    assert 'data-testid="accuracy-reviewed">3 reviewed articles<' in r.text
    languages = re.findall(r'data-testid="accuracy-language">([^<]*)<', r.text)
    assert languages == ["All languages: 3 reviewed articles", "English: 2 reviewed articles",
                         "Russian: 1 reviewed article"]
    assert 'data-testid="nav-accuracy"' in r.text and 'aria-current="page">Accuracy' in r.text


def test_with_no_reviews_the_page_says_so(app):
    r = TestClient(app).get("/accuracy")
    assert r.status_code == 200
    assert "No reviewed articles yet" in r.text and 'data-testid="accuracy-table"' not in r.text


def test_the_score_is_computed_once_per_data_version(app, monkeypatch):
    calls = []

    def counted(engine):
        calls.append(1)
        return real(engine)

    real = gold.score_reviewed
    monkeypatch.setattr(gold, "score_reviewed", counted)
    c = TestClient(app)
    review_some(app)
    first = c.get("/accuracy").text
    assert c.get("/accuracy").text == first and len(calls) == 1        # kept
    fid = figures_of(app, "en")[0].id
    facts.review_figure(app.state.engine, {"id": None, "name": "erin", "role": "editor"}, fid, "reject")
    after = c.get("/accuracy").text                                       # a review moved the version on
    assert len(calls) == 2 and shown(after) != shown(first)
    c.get("/accuracy")
    assert len(calls) == 2

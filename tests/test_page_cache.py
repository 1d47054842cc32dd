"""The dashboard keeps the data of its busy pages per data version (web.cache), never a rendered page: each
page names whoever is logged in and carries their CSRF token, so a page kept for one user must not reach
another. And kept data is made again once an ingest or a review changes the data."""
from __future__ import annotations

import re

import pytest

from accordwatch.review import accounts, facts
from web_session import CSRF, PASSWORD, TestClient, app_with_users, login

PAGES = ("/", "/network", "/country/KAZ", "/pair/KAZ/UZB")


@pytest.fixture
def app(sample_db, tmp_path):
    app = app_with_users(sample_db, tmp_path / "cache.db", [("ada", "admin")], secret="test-secret")
    yield app
    app.state.store.close()


@pytest.mark.parametrize("path", PAGES)
def test_a_page_seen_by_a_user_first_names_no_one_to_the_next_visitor(app, path):
    ada, _ = login(app, "ada")
    page = ada.get(path).text
    assert re.search(r"data-testid=\"user-name\"[^>]*>ada<", page)
    ada_token = CSRF.search(page)[1]
    anonymous = TestClient(app).get(path).text
    assert 'data-testid="user-name"' not in anonymous and "ada" not in re.sub(r"<main.*", "", anonymous, flags=re.S)
    assert ada_token not in anonymous
    def without_token(html: str) -> str:
        return re.sub(r'(name="csrf-token" content=|name="csrf_token" value=)"[^"]*"', "", html)

    # the kept data renders the same page again (each visitor has a CSRF token of their own)
    assert without_token(TestClient(app).get(path).text) == without_token(anonymous)


def test_kept_page_data_is_made_again_after_a_review(app):
    engine = app.state.engine
    before = TestClient(app).get("/pair/KAZ/UZB").text
    assert "$4.4 billion" in before
    erin = accounts.add_user(engine, "erin", PASSWORD, "editor")
    from accordwatch import query

    (turnover,) = [p for p in query.figures(engine, indicator="trade_turnover", pair="KAZ-UZB", kind="actual")
                   if p["period"] == "2023" and p["value"] == 4_400_000_000]
    facts.review_figure(engine, erin, turnover["figure_ids"][0], "correct", {"value": 4_450_000_000})
    after = TestClient(app).get("/pair/KAZ/UZB").text
    assert "$4.45 billion" in after and "$4.4 billion" not in after


def test_kept_api_answers_are_made_again_after_an_ingest(app, tmp_path):
    c = TestClient(app)
    asked = ("/api/events?country=ARM", "/api/partners/ARM", "/api/search?q=Meghri",
             "/api/figures?pair=ARM-IRN")
    before = {path: c.get(path) for path in asked}
    assert before["/api/events?country=ARM"].json()["total"] == 0
    assert before["/api/search?q=Meghri"].json()["items"] == []
    assert c.get("/api/partners/KAZ").json() == c.get("/api/partners/KAZ").json()   # kept: the same answer
    article = tmp_path / "arm_irn.txt"
    article.write_text("Armenia and Iran sign transit accord\n\nYEREVAN, 2 April 2024 — Armenia and Iran signed an "
                       "agreement on transit through the Meghri crossing on Tuesday, the two governments said.\n",
                       encoding="utf-8")
    app.state.store.ingest_paths([str(article)])
    assert c.get("/api/events?country=ARM").json()["total"] == 1
    assert [p["code"] for p in c.get("/api/partners/ARM").json()["items"]] == ["IRN"]
    assert len(c.get("/api/search?q=Meghri").json()["items"]) == 1
    assert c.get("/api/events?country=ARM&type=bogus").status_code == 400   # an error is not kept
    assert c.get("/api/events?country=ARM&type=bogus").status_code == 400


def test_the_home_pages_whats_new_shows_a_search_saved_after_the_page_was_kept(app):
    from accordwatch.watch import alerts

    c = TestClient(app)
    assert 'data-testid="whats-new"' not in c.get("/").text          # no saved search yet; the page is kept
    alerts.add_alert(app.state.engine, "Kazakh agreements", {"country": "KAZ", "type": "agreement"})
    page = c.get("/").text
    assert 'data-testid="whats-new"' in page and "Kazakh agreements" in page
    alerts.remove_alert(app.state.engine, "Kazakh agreements")
    assert "Kazakh agreements" not in c.get("/").text


def test_a_busy_pair_shows_the_latest_of_each_list_and_links_to_the_rest(app, monkeypatch, tmp_path):
    """In an archive a pair has thousands of facts: its page shows the latest figure points, events and chart
    points of each kind, the counts of all of them, and links to the full lists."""
    from accordwatch.web import pages

    whole = TestClient(app).get("/pair/KAZ/UZB").text
    assert 'data-testid="more-figures"' not in whole and 'data-testid="more-events"' not in whole
    monkeypatch.setattr(pages, "PAIR_CHART_POINTS", 1)
    monkeypatch.setattr(pages.latest_points, "__defaults__", (1,))
    monkeypatch.setattr(pages.latest_events, "__defaults__", (1,))
    busy = app_with_users(app.state.store.url.removeprefix("sqlite:///"), tmp_path / "busy.db", [("ada", "admin")])
    page = TestClient(busy).get("/pair/KAZ/UZB").text
    busy.state.store.close()
    header = re.compile(r'<p class="muted">(.*?)</p>', re.S)
    assert header.search(page)[1] == header.search(whole)[1]   # the counts are of all the facts
    assert 'data-testid="more-figures"' in page and "/api/figures?pair=KAZ-UZB&amp;indicator=" in page
    assert 'href="/events?pair=KAZ-UZB&amp;type=agreement"' in page
    assert page.count('data-testid="chart-point"') == 1 < whole.count('data-testid="chart-point"')

"""Reviewing facts in a real browser (P13): Debian's chromium, driven by Playwright, against the real app.

An editor logs in, corrects a figure on its article page (no page load: the form posts to /api/reviews and
the facts list is refreshed in place), sees the pair's chart and figures show the new value, sees the audit
entry on the fact and, as an admin, on /audit, and logs out. A corrected event name holding markup stays
text, and so does a person's corrected title (reviewed, like a country, without a page load). The app
serves a copy of the sample database (conftest's `sample_db`) with an editor and an admin,
from uvicorn on 127.0.0.1 in a background thread; screenshots go to build/screenshots/ as in
tests/test_browser.py, whose browser set-up this reuses (skipped the same way without chromium).
"""
from __future__ import annotations

import re
import shutil
import socket
import threading
from dataclasses import dataclass

import pytest

from test_browser import SCREENSHOTS, Tab, _wait_until_answering, _why_unavailable
from test_browser import context as context  # noqa: F401  (the fixture: chromium, requests off 127.0.0.1 blocked)

PASSWORD = "correct horse battery"
PWNED = "<script>window.__pwned = 1</script>"


@dataclass
class ReviewSite:
    base_url: str
    roadmap_id: int        # examples/articles/a01_kaz_uzb_roadmap.txt
    figure_id: int         # its trade turnover of 2023: $4.4 billion

    def url(self, path: str) -> str:
        return self.base_url + path


@pytest.fixture(scope="module")
def site(sample_db, tmp_path_factory):
    reason = _why_unavailable()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")

    import uvicorn
    from sqlalchemy import select

    from accordwatch.review import accounts
    from accordwatch.store import schema as s
    from accordwatch.web.app import create_app

    db = tmp_path_factory.mktemp("review") / "review.db"
    shutil.copy(sample_db, db)
    app = create_app(db=str(db))
    engine = app.state.engine
    accounts.add_user(engine, "erin", PASSWORD, "editor")
    accounts.add_user(engine, "ada", PASSWORD, "admin")
    with engine.connect() as conn:
        doc = conn.execute(select(s.documents.c.id).where(s.documents.c.source.like("%a01_kaz_uzb_roadmap.txt"))
                           ).scalar_one()
        fig = conn.execute(select(s.figures.c.id).where(s.figures.c.document_id == doc,
                                                        s.figures.c.indicator == "trade_turnover",
                                                        s.figures.c.period == "2023")).scalar_one()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-review", daemon=True)
    thread.start()
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(base_url, thread)
        yield ReviewSite(base_url, doc, fig)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture
def tab(context, site):  # noqa: F811
    context.clear_cookies()
    page = context.new_page()
    page.set_default_timeout(10_000)
    context.external.clear()
    t = Tab(page, site, external=context.external)
    page.on("pageerror", lambda e: t.errors.append(str(e)))
    try:
        yield t
    finally:
        page.close()


def log_in(tab: Tab, name: str, next_path: str = "/") -> None:
    page = tab.page
    tab.goto(f"/login?next={next_path}")
    page.locator("[data-testid=login-name]").fill(name)
    page.locator("[data-testid=login-password]").fill(PASSWORD)
    page.locator("[data-testid=login-submit]").click()
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))
    assert page.locator("[data-testid=user-name]").inner_text() == name


def log_out(tab: Tab) -> None:
    page = tab.page
    page.locator("[data-testid=logout-button]").click()
    page.wait_for_url(re.compile(r"/$"))
    page.locator("[data-testid=login-link]").wait_for(state="visible")
    assert page.locator("[data-testid=user-name]").count() == 0


def test_an_editor_corrects_a_figure_and_everyone_sees_it(tab, site):
    page = tab.page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    log_in(tab, "erin", f"/article/{site.roadmap_id}")
    tab.step("20-review-article-as-editor")

    item = page.locator(f'[data-fact-item="fig-{site.figure_id}"]')
    assert "$4.4 billion" in item.locator("[data-testid=figure-value]").inner_text()
    page.evaluate("window.__sameDocument = true")          # gone if the page were loaded again
    item.locator("[data-testid=review] summary").click()
    form = item.locator("form[data-review-form]")
    form.locator("input[name=value]").fill("4450000000")
    tab.step("21-review-form-filled")
    with page.expect_response(lambda r: r.url.endswith("/api/reviews") and r.request.method == "POST") as answer:
        form.locator("[data-testid=review-correct]").click()
    assert answer.value.status == 200, answer.value.text()
    status = page.locator("[data-testid=review-status]")
    status.filter(has_text="Figure corrected by erin.").wait_for()
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded again"
    item = page.locator(f'[data-fact-item="fig-{site.figure_id}"]')     # the list was refreshed in place
    assert "$4.45 billion" in item.locator("[data-testid=figure-value]").inner_text()
    assert "corrected · erin" in item.locator("[data-testid=verified]").inner_text()
    history = item.locator("[data-testid=fact-history]")
    history.locator("summary").click()
    assert "4,400,000,000 → 4,450,000,000" in history.inner_text()
    mark = page.locator(f"mark#fact-fig-{site.figure_id}")
    assert "4.45 billion" in (mark.get_attribute("title") or "")
    tab.step("22-review-corrected")

    # the pair's chart and its table show the corrected value
    tab.goto("/pair/KAZ/UZB")
    points = page.locator("svg[data-testid=trade-chart] circle[data-testid=chart-point]")
    points.first.wait_for(state="attached")
    values = points.evaluate_all("ps => ps.filter(p => p.dataset.period === '2023' && p.dataset.kind === 'actual'"
                                 " && p.dataset.indicator === 'trade_turnover').map(p => [p.dataset.value,"
                                 " p.dataset.review])")
    assert ["4450000000", "corrected"] in values, values
    table = page.locator("[data-testid=figure-table][data-indicator=trade_turnover]")
    assert "$4.45 billion" in table.inner_text() and "corrected · erin" in table.inner_text()
    tab.step("23-review-pair-chart")

    # the admin sees the entry in the audit log; then logs out
    log_out(tab)
    log_in(tab, "ada", "/audit")
    entries = page.locator("[data-testid=audit-entry]")
    entries.first.wait_for()
    first = entries.first.inner_text()
    assert "erin" in first and "review.correct" in first and "4,400,000,000 → 4,450,000,000" in first
    tab.step("24-review-audit")
    log_out(tab)
    tab.goto("/account")
    assert "/login" in page.url                            # the session ended
    tab.step("25-review-logged-out")


def test_a_corrected_event_name_holding_markup_stays_text(tab, site):
    page = tab.page
    log_in(tab, "erin", f"/article/{site.roadmap_id}")
    item = page.locator("[data-testid=fact-events] [data-testid=fact-item]").first
    item.locator("[data-testid=review] summary").click()
    item.locator("input[name=name]").fill(PWNED)
    item.locator("[data-testid=review-correct]").click()
    page.locator("[data-testid=review-status]").filter(has_text="Event corrected by erin.").wait_for()
    assert page.evaluate("window.__pwned") is None, "the corrected name ran as a script"
    events = page.locator("[data-testid=fact-events]")
    assert PWNED in events.inner_text()                      # shown as the text it is
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__pwned')).length") == 0
    tab.step("26-review-markup-as-text")
    for path in ("/", "/events", "/pair/KAZ/UZB", f"/article/{site.roadmap_id}"):
        tab.goto(path)
        assert page.evaluate("window.__pwned") is None, path
    log_out(tab)


def test_an_editor_reviews_a_person_and_a_country_without_a_page_load(tab, site):
    page = tab.page
    log_in(tab, "erin", f"/article/{site.roadmap_id}")
    page.evaluate("window.__sameDocument = true")
    def person(name: str):
        return page.locator("[data-testid=fact-people] [data-testid=entity-item]").filter(
            has=page.locator("a[data-fact-link]", has_text=name))

    item = person("Laziz Kudratov")
    item.locator("[data-testid=entity-review] summary").click()
    item.locator("form[data-entity-review-form] input[name=title]").fill(PWNED)
    with page.expect_response(lambda r: r.url.endswith("/api/entity-reviews") and r.request.method == "POST"):
        item.locator("[data-testid=entity-correct]").click()
    page.locator("[data-testid=review-status]").filter(has_text="Person corrected by erin.").wait_for()
    item = person("Laziz Kudratov")
    assert PWNED in item.inner_text() and "corrected · erin" in item.locator("[data-testid=verified]").inner_text()
    assert page.evaluate("window.__pwned") is None, "the corrected title ran as a script"
    country = page.locator('[data-entity-item="country-UZB"]')
    country.locator("[data-testid=entity-review] summary").click()
    country.locator("[data-testid=entity-confirm]").click()
    page.locator("[data-testid=review-status]").filter(has_text="Country confirmed by erin.").wait_for()
    assert "confirmed · erin" in page.locator('[data-entity-item="country-UZB"] [data-testid=verified]').inner_text()
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded again"
    tab.step("27-review-person-and-country")
    log_out(tab)

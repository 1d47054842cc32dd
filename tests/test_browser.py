"""The dashboard in a real browser: Debian's chromium, driven by Playwright, against the real app.

The app (`accordwatch.web.app.create_app`) serves a SQLite database of the sample corpus plus one hostile
article, with uvicorn on 127.0.0.1 in a background thread. Every step saves a full-page screenshot to
build/screenshots/ (the test artifacts). Requests that leave 127.0.0.1 are blocked and fail the test (the
dashboard must work offline), as do uncaught JavaScript errors.

Needs /usr/bin/chromium (`bash scripts/browser-deps.sh` installs it; never `playwright install`). Without it,
or before the web app exists, the tests are skipped with the reason.
"""
from __future__ import annotations

import importlib.util
import os
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# Set by .ci/run when scripts/browser-deps.sh could not install chromium: why, for the skip reason.
UNAVAILABLE_ENV = "ACCORDWATCH_BROWSER_UNAVAILABLE"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]
TIMEOUT_MS = 10_000

# A cooperation article (so that it is stored and shows up on the pages) whose text carries markup that
# must be shown as text: in the headline, in a sentence with a figure (evidence) and in the body.
SCRIPT = "<script>window.__pwned = 1</script>"
HOSTILE_TOKEN = "quokkaport"   # a word found only in the hostile article, to search for it
HOSTILE_ARTICLE = f"""May 14, 2024, 10:00

Kazakhstan and Oman sign memorandum at the {HOSTILE_TOKEN.title()} forum {SCRIPT}

ASTANA, May 14 — Kazakhstan and Oman signed a memorandum of understanding on investment cooperation on \
Tuesday at the {HOSTILE_TOKEN.title()} forum in Astana. {SCRIPT}

Bilateral trade between Kazakhstan and Oman reached $120 million in 2023 {SCRIPT}, up 15% year on year.

The sides agreed to set up a joint working group on logistics <img src=x onerror="window.__pwned = 2"> by the \
end of 2024.
"""


# An article whose facts make a list longer than the window: 24 trade figures of one pair.
LONG_ARTICLE = "Kazakhstan and Mongolia review decades of trade\n\n" + "\n\n".join(
    ["ULAANBAATAR, June 3 — Kazakhstan and Mongolia reviewed their trade record on Monday."]
    + [f"In {year}, trade turnover between Kazakhstan and Mongolia reached ${100 + 7 * i} million, the ministry said."
       for i, year in enumerate(range(2000, 2024))]
    + ["Kazakhstan and Mongolia signed a memorandum of understanding on coal trade on June 3, 2024."])
LONG_FIGURES = 24


def _why_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None."""
    reasons = []
    if importlib.util.find_spec("accordwatch.web") is None or importlib.util.find_spec("accordwatch.web.app") is None:
        reasons.append("the web app (accordwatch.web.app) does not exist yet")
    elif importlib.util.find_spec("accordwatch.web.pages") is None:
        reasons.append("the dashboard (accordwatch.web.pages) does not exist yet")
    if importlib.util.find_spec("playwright") is None:
        reasons.append("the playwright package is not installed (pip install -e '.[dev]')")
    if not os.access(CHROMIUM, os.X_OK):
        why = os.environ.get(UNAVAILABLE_ENV, "").strip()
        reasons.append(f"{CHROMIUM} is missing (install it with `bash scripts/browser-deps.sh`)"
                       + (f"; it could not be installed: {why}" if why else ""))
    return "; ".join(reasons) or None


@dataclass
class Site:
    base_url: str
    roadmap_id: int        # examples/articles/a01_kaz_uzb_roadmap.txt
    hostile_id: int        # the article carrying SCRIPT
    long_id: int           # LONG_ARTICLE

    def url(self, path: str) -> str:
        return self.base_url + path


def _document_id(db_url: str, suffix: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT id FROM documents WHERE source LIKE :s ORDER BY id"),
                                {"s": f"%{suffix}"}).scalars().one()
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The real app on a free port of 127.0.0.1, over a database of the sample corpus and the hostile article."""
    reason = _why_unavailable()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")

    import uvicorn

    from accordwatch.store import open_store
    from accordwatch.web.app import create_app

    tmp = tmp_path_factory.mktemp("browser")
    hostile = tmp / "hostile_kaz_omn.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    long = tmp / "long_kaz_mng.txt"
    long.write_text(LONG_ARTICLE, encoding="utf-8")
    db_url = f"sqlite:///{tmp / 'b.db'}"
    store = open_store(db_url)
    try:
        summary = store.ingest_paths([str(EXAMPLES), str(hostile), str(long)])
    finally:
        store.close()
    assert summary.failed == 0, summary.errors
    ids = (_document_id(db_url, "a01_kaz_uzb_roadmap.txt"), _document_id(db_url, hostile.name),
           _document_id(db_url, long.name))

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db=db_url), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
    thread.start()
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(base_url, thread)
        yield Site(base_url, *ids)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _wait_until_answering(base_url: str, thread: threading.Thread, timeout: float = 30) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if not thread.is_alive():
            pytest.fail("the app's server (uvicorn) stopped while starting: see the log above", pytrace=False)
        try:
            httpx.get(base_url + "/", timeout=2)   # any answer will do: the tests judge the pages
            return
        except httpx.HTTPError as e:
            last = e
            time.sleep(0.1)
    pytest.fail(f"the app did not answer at {base_url} within {timeout:.0f}s: {last}", pytrace=False)


@pytest.fixture(scope="module")
def context(site, tmp_path_factory):
    """Debian's chromium, headless, with a new empty profile; requests off 127.0.0.1 are blocked and noted."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, timeout=30_000)
        ctx.external = []   # URLs of the requests blocked since the current test began

        def route(r):
            host = urlsplit(r.request.url).hostname
            if host in ("127.0.0.1", "localhost"):
                r.continue_()
            else:
                ctx.external.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        try:
            yield ctx
        finally:
            ctx.close()


@dataclass
class Tab:
    page: object
    site: Site
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def goto(self, path: str):
        response = self.page.goto(self.site.url(path))
        assert response is not None, f"no response for {path}"
        assert response.ok, f"GET {path} answered {response.status}"
        return response

    def step(self, name: str) -> None:
        """Save a full-page screenshot of this step, and fail on JavaScript errors or requests off 127.0.0.1."""
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert not self.errors, f"JavaScript errors on {self.page.url}: {self.errors}"
        assert not self.external, f"{self.page.url} requested resources off 127.0.0.1 (blocked): {self.external}"

    def pwned(self):
        return self.page.evaluate("window.__pwned")


@pytest.fixture
def tab(context, site):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    context.external.clear()
    t = Tab(page, site, external=context.external)
    page.on("pageerror", lambda e: t.errors.append(str(e)))
    try:
        yield t
    finally:
        page.close()


def _pick(links, prefer: list[str]):
    """The first link whose href is in `prefer` (in its order), else the first link."""
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for want in prefer:
        if want in hrefs:
            return links.nth(hrefs.index(want))
    return links.first


def _visible_box(locator) -> dict:
    locator.wait_for(state="visible")
    box = locator.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, f"{locator} has no area: {box}"
    return box


def test_home_shows_latest_events_partners_and_figures(tab):
    tab.goto("/")
    page = tab.page
    page.locator("[data-testid=latest-events]").wait_for(state="visible")
    partners = page.locator("[data-testid=top-partners]")
    partners.wait_for(state="visible")
    links = partners.locator('a[data-testid=partner-link][href^="/country/"]')
    assert links.count() > 0, "no partner links in the top partners"
    assert links.first.is_visible()
    assert page.locator("[data-testid=changed-figures]").count() == 1
    tab.step("01-home")


def test_partner_link_to_country_then_pair(tab):
    page = tab.page
    tab.goto("/")
    links = page.locator('[data-testid=top-partners] a[data-testid=partner-link][href^="/country/"]')
    assert links.count() > 0, "no partner links on the home page"
    _pick(links, ["/country/KAZ"]).click()
    page.wait_for_url(re.compile(r"/country/[^/]+$"))
    page.wait_for_load_state()
    tab.step("02-country")

    pairs = page.locator('a[data-testid=partner-link][href^="/pair/"]')
    assert pairs.count() > 0, f"no pair links on {page.url}"
    _pick(pairs, ["/pair/KAZ/UZB", "/pair/UZB/KAZ"]).click()
    page.wait_for_url(re.compile(r"/pair/[^/]+/[^/]+$"))
    page.wait_for_load_state()
    assert page.locator("[data-testid=agreements]").count() == 1, f"no agreements section on {page.url}"
    tab.step("03-pair")


def test_trade_chart_point_opens_the_highlighted_fact(tab):
    page = tab.page
    tab.goto("/pair/KAZ/UZB")
    chart = page.locator("svg[data-testid=trade-chart]")
    _visible_box(chart)
    points = chart.locator("circle[data-testid=chart-point]")
    points.first.wait_for(state="attached")
    n = points.count()
    assert n > 0, "the trade chart has no points"
    hrefs = points.evaluate_all(
        "ps => ps.map(p => { const a = p.closest('a');"
        " return a ? (a.getAttribute('href') || a.getAttribute('xlink:href')) : null; })")
    bad = [h for h in hrefs if not (h and re.fullmatch(r"/article/\d+#fact-fig-\d+", h))]
    assert not bad, f"chart points not inside <a href=\"/article/{{id}}#fact-fig-{{figure_id}}\">: {bad}"
    chart.scroll_into_view_if_needed()
    # Points of close values overlap (two articles' figures for one year): click one that is on top.
    on_top = points.evaluate_all(
        "ps => ps.map(p => { const r = p.getBoundingClientRect();"
        " const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
        " return !!hit && (hit === p || p.contains(hit)); })")
    assert any(on_top), "every chart point is covered by something else"
    i = on_top.index(True)
    point = points.nth(i)
    _visible_box(point)
    tab.step("04-pair-chart")

    article_path, fragment = hrefs[i].split("#")
    point.click()
    page.wait_for_url(re.compile(re.escape(article_path) + "#" + re.escape(fragment) + "$"))
    page.wait_for_load_state()
    fact = page.locator(f'mark[data-testid=fact][id="{fragment}"]')
    assert fact.count() == 1, f"{page.url}: no highlighted fact <mark data-testid=fact id={fragment}>"
    _visible_box(fact)
    assert fact.inner_text().strip(), "the highlighted fact is empty"
    tab.step("05-article-from-chart")


def test_network_page_draws_the_svg(tab):
    page = tab.page
    tab.goto("/network")
    svg = page.locator("svg[data-testid=network]")
    _visible_box(svg)
    assert svg.locator("*").count() > 0, "the network SVG is empty"
    tab.step("06-network")


def test_search_shows_results_and_facets(tab):
    page = tab.page
    tab.goto("/search?q=roadmap")
    results = page.locator("[data-testid=search-result]")
    results.first.wait_for(state="visible")
    assert results.count() > 0, "no results for 'roadmap'"
    linked = results.evaluate_all("rs => rs.map(r => !!(r.matches('a[href]') || r.querySelector('a[href]')))")
    assert all(linked), "search results that are not links"
    page.locator("[data-testid=facets]").wait_for(state="visible")
    tab.step("07-search")


def test_article_highlights_facts(tab, site):
    page = tab.page
    tab.goto(f"/article/{site.roadmap_id}")
    facts = page.locator("mark[data-testid=fact]")
    facts.first.wait_for(state="visible")
    assert facts.count() > 0, "no highlighted facts"
    ids = facts.evaluate_all("ms => ms.map(m => m.id)")
    assert any(re.fullmatch(r"fact-fig-\d+", i or "") for i in ids), f"no fact-fig-<id> among the facts: {ids}"
    text = page.locator("body").inner_text()
    assert "$4.4 billion" in text, "the article text is not shown"
    tab.step("08-article")


def test_markup_in_an_article_is_shown_as_text_and_never_runs(tab, site):
    page = tab.page
    tab.goto(f"/article/{site.hostile_id}")
    assert tab.pwned() is None, "a <script> or onerror from the article ran on the article page"
    assert SCRIPT in page.locator("body").inner_text(), "the article's markup is not shown as text"
    scripts = page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__pwned')).length")
    assert scripts == 0, "the article's <script> became a script element"
    assert page.locator("img[onerror]").count() == 0, "the article's <img onerror> became an element"
    tab.step("09-article-with-markup")

    # Everywhere else the article's words can appear: its headline, its figure's evidence, its pair.
    for i, path in enumerate(["/", f"/search?q={HOSTILE_TOKEN}", "/pair/KAZ/OMN", "/country/OMN", "/network"]):
        tab.goto(path)
        assert tab.pwned() is None, f"the article's markup ran on {path}"
        tab.step(f"10-markup-{i}-{path.strip('/').split('?')[0].replace('/', '-') or 'home'}")

    # A search query is echoed back into the page: it must not run either.
    response = page.goto(site.url("/search?q=" + "%3Cscript%3Ewindow.__pwned%3D3%3C%2Fscript%3E"))
    assert response is not None and response.status < 500, "a search for markup broke the page"
    assert tab.pwned() is None, "the search query ran as a script"
    tab.step("11-search-query-markup")


# The API's documentation: Swagger UI and ReDoc, with every request off 127.0.0.1 blocked (the context's
# route), so they render only if their scripts and styles come from the app itself.

def _requests_to(page, prefix: str) -> list[str]:
    return page.evaluate("p => performance.getEntriesByType('resource').map(r => r.name)"
                         ".filter(n => new URL(n).pathname.startsWith(p))", prefix)


def test_swagger_ui_renders_offline(tab):
    page = tab.page
    tab.goto("/docs")
    ops = page.locator(".swagger-ui .opblock")
    ops.first.wait_for(state="visible")
    assert ops.count() >= 9, f"Swagger UI shows {ops.count()} operations"
    paths = page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    assert any("/api/events" in p for p in paths), paths
    assert page.locator(".swagger-ui .info .title").inner_text().startswith("accordwatch")
    assert _requests_to(page, "/static-docs/"), "Swagger UI's files were not served by the app"
    # the operation opens and shows its parameters: the UI runs, not just its HTML
    page.locator(".swagger-ui .opblock-summary-path", has_text="/api/events").first.click()
    page.locator(".swagger-ui .parameters-container").first.wait_for(state="visible")
    tab.step("12-docs-swagger")


def test_redoc_renders_offline(tab):
    page = tab.page
    tab.goto("/redoc")
    title = page.locator("h1", has_text="accordwatch")
    title.first.wait_for(state="visible")
    menu = page.locator("[role=menuitem], li[data-item-id]")
    menu.first.wait_for(state="attached")
    assert menu.count() >= 9, f"ReDoc's menu has {menu.count()} items"
    assert page.get_by_text("/api/events").count() > 0, "ReDoc does not show /api/events"
    assert _requests_to(page, "/static-docs/"), "ReDoc's script was not served by the app"
    tab.step("13-docs-redoc")


# The partner network: the nodes fill the frame and none overlaps another ------------------------------

def _boxes(locator) -> list[dict]:
    return locator.evaluate_all("els => els.map(e => { const r = e.getBoundingClientRect();"
                                " return {x: r.x, y: r.y, w: r.width, h: r.height}; })")


def _meet(a: dict, b: dict, slack: float = 0.5) -> bool:
    return (a["x"] + slack < b["x"] + b["w"] and b["x"] + slack < a["x"] + a["w"]
            and a["y"] + slack < b["y"] + b["h"] and b["y"] + slack < a["y"] + a["h"])


def test_network_fills_its_frame_and_no_nodes_overlap(tab):
    page = tab.page
    tab.goto("/network")
    svg = page.locator("svg[data-testid=network]")
    frame = _visible_box(page.locator(".network-card"))
    box = _visible_box(svg)
    assert box["width"] >= 0.9 * frame["width"], (
        f"the network is {box['width']:.0f}px wide in a {frame['width']:.0f}px frame")

    circles = _boxes(svg.locator("[data-testid=network-node] circle"))
    labels = _boxes(svg.locator("[data-testid=network-node] text"))
    assert len(circles) == len(labels) >= 20
    overlaps = []
    for i, a in enumerate(circles):
        ra, ca = a["w"] / 2, (a["x"] + a["w"] / 2, a["y"] + a["h"] / 2)
        for j in range(i + 1, len(circles)):
            b = circles[j]
            rb, cb = b["w"] / 2, (b["x"] + b["w"] / 2, b["y"] + b["h"] / 2)
            if ((ca[0] - cb[0]) ** 2 + (ca[1] - cb[1]) ** 2) ** 0.5 < ra + rb - 0.5:
                overlaps.append(("nodes", i, j))
            if _meet(labels[i], labels[j]):
                overlaps.append(("labels", i, j))
        for j, label in enumerate(labels):
            if j != i and _meet(a, label):
                overlaps.append(("node and label", i, j))
    assert not overlaps, f"{len(overlaps)} overlaps: {overlaps[:10]}"

    left = min(c["x"] for c in circles)
    right = max(c["x"] + c["w"] for c in circles)
    top = min(c["y"] for c in circles)
    bottom = max(c["y"] + c["h"] for c in circles)
    assert right - left >= 0.85 * box["width"], f"the nodes span {right - left:.0f} of {box['width']:.0f}px across"
    assert bottom - top >= 0.75 * box["height"], f"the nodes span {bottom - top:.0f} of {box['height']:.0f}px down"
    # and spread over it: every quarter of the frame holds a node
    quarters = {(c["x"] + c["w"] / 2 > box["x"] + box["width"] / 2, c["y"] + c["h"] / 2 > box["y"] + box["height"] / 2)
                for c in circles}
    assert len(quarters) == 4, f"nodes in only {len(quarters)} quarters of the frame"
    tab.step("14-network-layout")


# The article's facts: a list longer than the window is shown whole --------------------------------

def test_a_long_list_of_facts_is_never_cut_off(tab, site):
    page = tab.page
    tab.goto(f"/article/{site.long_id}")
    aside = page.locator("[data-testid=fact-list]")
    _visible_box(aside)
    figures = aside.locator("[data-testid=fact-figures] li")
    assert figures.count() == LONG_FIGURES
    assert int(aside.locator("h3", has_text="Figures").locator(".count").inner_text()) == LONG_FIGURES
    hidden = aside.evaluate("a => a.scrollHeight - a.clientHeight")
    assert hidden <= 1, f"the facts list hides {hidden}px behind a scroll bar"
    outer = aside.bounding_box()
    for i in range(figures.count()):
        li = figures.nth(i)
        li.scroll_into_view_if_needed()
        box = li.bounding_box()
        assert box and box["height"] > 0
        assert outer["y"] - 1 <= box["y"] and box["y"] + box["height"] <= outer["y"] + outer["height"] + 1, \
            f"fact {i + 1} lies outside its list"
        hit = li.evaluate("e => { const r = e.getBoundingClientRect();"
                          " const h = document.elementFromPoint(r.x + 12, r.y + r.height / 2);"
                          " return !!h && (h === e || e.contains(h)); }")
        assert hit, f"fact {i + 1} of {LONG_FIGURES} is covered or clipped"
    # the last one is at the page's bottom end, reachable by scrolling the page alone
    last = figures.nth(LONG_FIGURES - 1)
    assert last.is_visible() and "$261 million" in last.inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    tab.step("15-article-long-facts")


# The events page ---------------------------------------------------------------------------------

def test_events_page_lists_filters_and_pages(tab):
    page = tab.page
    tab.goto("/")
    page.locator("[data-testid=nav-events]").click()
    page.wait_for_url(re.compile(r"/events$"))
    rows = page.locator("[data-testid=events-list] [data-testid=event]")
    rows.first.wait_for(state="visible")
    assert rows.count() == 50, "a page holds 50 events"
    total = page.locator("[data-testid=events-total]").inner_text()
    assert re.match(r"\d+ events · 1–50 shown, page 1 of \d+", total), total
    titles = rows.locator(".event-title").all_inner_texts()
    assert all(t.strip() for t in titles)
    tab.step("16-events")

    page.locator("[data-testid=pager-next]").click()
    page.wait_for_url(re.compile(r"/events\?page=2$"))
    assert "page 2 of" in page.locator("[data-testid=events-total]").inner_text()

    page.goto(tab.site.url("/events"))
    page.locator("[data-testid=filter-type]").select_option("agreement")
    page.locator("[data-testid=filter-status]").select_option("signed")
    page.locator("[data-testid=filter-country]").fill("Kazakhstan")
    page.locator("[data-testid=filter-since]").fill("2024")
    page.locator("[data-testid=events-form] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/events\?.*type=agreement"))
    rows.first.wait_for(state="visible")
    statuses = rows.locator("[data-status]").evaluate_all("els => els.map(e => e.dataset.status)")
    assert statuses and set(statuses) == {"signed"}
    dates = rows.locator(".event-date").all_inner_texts()
    assert all(d >= "2024" for d in dates), dates
    chips = page.locator("[data-testid=active-filters] .chip").all_inner_texts()
    assert any("Kazakhstan (KAZ)" in c for c in chips) and any("Agreement" in c for c in chips), chips
    tab.step("17-events-filtered")

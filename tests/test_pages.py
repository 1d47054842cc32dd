"""The dashboard pages (accordwatch.web.pages, charts, templates, static), over a small SQLite database.

The app is built here (the router and the static files), not through web.app, so these tests need only
the pages module. Three sample articles and one hostile article are ingested once for the module.
"""
from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup

from accordwatch.store import open_store
from accordwatch.web import charts
from accordwatch.web.pages import STATIC, Span, highlight, router, snippet_html

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SAMPLES = ["a01_kaz_uzb_roadmap.txt", "a14_uzb_kaz_roadmap_second_report.txt", "b02_kz_hungary_council.txt"]
HOSTILE = """Kazakhstan and Oman <b>sign</b> energy memorandum

ASTANA, May 14, 2024 — Kazakhstan and Oman signed a memorandum on energy cooperation in Astana.
<script>alert("x")</script> <img src=x onerror="alert(1)">
Trade between Kazakhstan and Oman reached $50 million in 2023, up 10% year on year.
"""


# 1. the app and a small HTML reader ----------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    hostile = tmp / "hostile_oman.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp / 't.db'}")
    summary = store.ingest_paths([str(ARTICLES / name) for name in SAMPLES] + [str(hostile)])
    assert summary.new == 4, summary
    app = FastAPI()
    app.state.engine = store.engine
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    with warnings.catch_warnings():   # starlette's TestClient warns about httpx on import
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    client = TestClient(app)
    yield client
    client.close()
    store.close()


class Page(HTMLParser):
    """Every element of a page: (tag, attributes, the attributes of its open ancestors)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict, list[tuple[str, dict]]]] = []
        self.stack: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a, list(self.stack)))
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), list(self.stack)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def find(self, tag: str | None = None, **attrs) -> list[tuple[str, dict, list]]:
        attrs = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [e for e in self.elements if (tag is None or e[0] == tag)
                and all(e[1].get(k) == v for k, v in attrs.items())]

    def inside(self, testid: str, tag: str | None = None, **attrs) -> list[tuple[str, dict, list]]:
        """Elements (matching tag and attrs) inside the element with data-testid=testid."""
        return [e for e in self.find(tag, **attrs) if any(a.get("data-testid") == testid for _, a in e[2])]

    def ids(self) -> list[str]:
        return [a["id"] for _, a, _ in self.elements if "id" in a]


def get(site, url: str, status: int = 200) -> tuple[str, Page]:
    r = site.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text, Page(r.text)


# 2. every page -----------------------------------------------------------------------------------

PAGES = ["/", "/country/KAZ", "/pair/KAZ/UZB", "/network", "/search?q=roadmap", "/search", "/article/1", "/events"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_a_complete_page_with_the_nav_and_local_assets(site, url):
    html, page = get(site, url)
    assert html.lstrip().lower().startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    nav = {a["href"] for _, a, _ in page.inside("nav", "a")}
    assert {"/", "/events", "/network", "/search"} <= nav
    assert page.find("link", rel="stylesheet", href="/static/style.css")
    assert page.find("script", src="/static/app.js")
    for tag, a, _ in page.elements:   # every asset from the app itself: no CDN, no external fonts
        if tag in ("link", "script", "img"):
            assert not (a.get("href") or a.get("src") or "").startswith(("http:", "https:", "//")), (tag, a)
    assert "fonts.googleapis" not in html and "@import" not in site.get("/static/style.css").text


@pytest.mark.parametrize("name", ["style.css", "app.js", "favicon.svg"])
def test_static_files_are_served(site, name):
    r = site.get(f"/static/{name}")
    assert r.status_code == 200 and len(r.content) > 100


# 3. home, country, pair ----------------------------------------------------------------------------

def test_home_shows_latest_events_top_partners_and_changed_figures(site):
    html, page = get(site, "/")
    assert page.inside("latest-events", "li", data_testid="event")
    links = [a["href"] for _, a, _ in page.inside("top-partners", "a", data_testid="partner-link")]
    assert "/country/KAZ" in links and "/country/UZB" in links
    assert all(re.fullmatch(r"/country/[A-Z0-9]+", h) for h in links)
    rows = page.inside("changed-figures", "tr", data_testid="changed-figure")
    assert rows
    fig_links = [a["href"] for _, a, _ in page.inside("changed-figures", "a") if "#fact-fig-" in a["href"]]
    assert fig_links and all(re.fullmatch(r"/article/\d+#fact-fig-\d+", h) for h in fig_links)
    assert "+27.4%" in html or "+13.1%" in html   # a change from the samples (HUN 2023-01/09, UZB 2023)


def test_country_page_ranks_partners_with_sorted_pair_links(site):
    _, page = get(site, "/country/KAZ")
    links = [a["href"] for _, a, _ in page.inside("partners", "a", data_testid="partner-link")]
    assert "/pair/KAZ/UZB" in links and "/pair/HUN/KAZ" in links   # the pair sorted, whichever side
    for href in links:
        a, b = href.split("/")[2:]
        assert a < b
    assert page.inside("country-events", "li", data_testid="event")


def test_country_page_takes_a_name_or_lower_case_code(site):
    _, page = get(site, "/country/kaz")
    assert page.find("h1", data_testid="country-name")
    get(site, "/country/Uzbekistan")


def test_pair_page_has_chart_targets_agreements_and_the_rest(site):
    html, page = get(site, "/pair/KAZ/UZB")
    assert page.find("svg", data_testid="trade-chart")
    for testid in ("targets", "agreements", "working-groups", "meetings", "projects", "people", "companies",
                   "sectors", "figures"):
        assert page.find(data_testid=testid), testid
    assert page.inside("agreements", "span", data_status="signed")
    assert "Arman Shakkaliyev" in html
    assert "46.0%" in html   # the latest actual ($4.6 billion, 2023) against the $10 billion target


def test_pair_order_and_case_do_not_matter(site):
    first, _ = get(site, "/pair/KAZ/UZB")
    second, _ = get(site, "/pair/uzb/kaz")
    strip = re.compile(r'aria-current="page"|value="[^"]*"')
    assert strip.sub("", first) == strip.sub("", second)


def test_chart_points_are_links_to_the_marks_that_state_them(site):
    _, page = get(site, "/pair/KAZ/UZB")
    points = page.find("circle", data_testid="chart-point")
    kinds = {a["data-kind"] for _, a, _ in points}
    assert kinds == {"actual", "target"}
    assert any(a["data-conflict"] == "true" for _, a, _ in points)   # $4.4 vs $4.6 billion for 2023
    for _, _, ancestors in points:
        links = [a for tag, a in ancestors if tag == "a"]
        assert links, "a chart point outside a link"
        href = links[-1]["href"]
        m = re.fullmatch(r"/article/(\d+)#(fact-fig-\d+)", href)
        assert m, href
        _, article = get(site, f"/article/{m.group(1)}")
        marks = article.find("mark", id=m.group(2))
        assert len(marks) == 1 and marks[0][1]["data-testid"] == "fact", href
    centres = [(a["cx"], a["cy"]) for _, a, _ in points]
    assert len(set(centres)) == len(centres), "two points drawn on top of each other"
    titles = [e for e in page.inside("trade-chart", "title") if any(t == "circle" for t, _ in e[2])]
    assert len(titles) == len(points)


def test_unknown_codes_give_a_404_page_with_a_message(site):
    for url in ("/country/XXX", "/pair/KAZ/XXX", "/pair/XXX/KAZ"):
        html, page = get(site, url, 404)
        assert page.find(data_testid="error-message")
        assert "XXX" in html
    html, _ = get(site, "/pair/KAZ/KAZ", 400)
    assert "two different" in html
    get(site, "/article/99999", 404)
    get(site, "/article/abc", 404)


# 4. network and search -------------------------------------------------------------------------

def test_network_has_a_node_per_country_linking_to_its_page(site):
    html, page = get(site, "/network")
    nodes = {a["data-code"]: a["href"] for _, a, _ in page.inside("network", "a", data_testid="network-node")}
    for code in ("KAZ", "UZB", "HUN", "OMN"):
        assert nodes.get(code) == f"/country/{code}"
    edges = page.inside("network", "a", data_testid="network-edge")
    assert any(a["href"] == "/pair/KAZ/UZB" for _, a, _ in edges)
    assert get(site, "/network")[0] == html   # the layout is deterministic


def test_search_results_link_to_articles_and_facets_add_filters(site):
    _, page = get(site, "/search?q=roadmap")
    results = page.find("li", data_testid="search-result")
    assert len(results) == 2
    links = [a["href"] for _, a, _ in page.inside("search-result", "a")]
    assert all(re.fullmatch(r"/article/\d+", h) for h in links)
    facets = page.inside("facets", "a", data_testid="facet-link")
    by = {(a["data-facet"], a["data-value"]): a["href"] for _, a, _ in facets}
    assert ("country", "KAZ") in by and ("country", "UZB") in by and ("sector", "manufacturing") in by
    query = parse_qs(urlparse(by[("country", "UZB")]).query)
    assert query == {"q": ["roadmap"], "country": ["UZB"]}

    _, page = get(site, "/search?q=Kazakhstan")
    assert len(page.find("li", data_testid="search-result")) == 4
    href = {(a["data-facet"], a["data-value"]): a["href"]
            for _, a, _ in page.inside("facets", "a", data_testid="facet-link")}[("country", "HUN")]
    _, narrowed = get(site, href)
    assert len(narrowed.find("li", data_testid="search-result")) == 1
    assert narrowed.find(data_testid="active-filters")


def test_search_counts_facets_among_the_results(site):
    html, page = get(site, "/search?q=roadmap")
    counts = re.findall(r'data-facet="country" data-value="KAZ" href="[^"]*">[^<]*</a> <span class="count">(\d+)',
                        html)
    assert counts == ["2"]


def test_search_filters_without_words_browse_articles(site):
    _, page = get(site, "/search?country=HUN&type=meeting")
    assert len(page.find("li", data_testid="search-result")) == 1


def test_search_bad_input(site):
    html, _ = get(site, "/search?q=roadmap&sector=nope", 400)
    assert "unknown sector" in html
    html, _ = get(site, "/search?q=--", 400)
    assert "nothing to search for" in html


@pytest.mark.parametrize("q", ['"roadmap', "Kazakh-Uzbek", "roadmap:", "(roadmap", "roadmap AND",
                               "Kazakh-Uzb*", "roadmap (2024)"])
def test_search_with_punctuation_finds_articles(site, q):
    _, page = get(site, "/search?" + urlencode({"q": q}))
    assert page.find("li", data_testid="search-result"), f"nothing found for {q!r}"
    assert not page.find(data_testid="search-note")


# 5. the article -----------------------------------------------------------------------------------

def test_article_highlights_every_fact_and_lists_them(site):
    html, page = get(site, "/article/1")
    marks = page.find("mark", data_testid="fact")
    classes = {c for _, a, _ in marks for c in a["class"].split()}
    assert {"fact-fig", "fact-event", "fact-person", "fact-org", "fact-place"} <= classes
    ids = page.ids()
    assert len(ids) == len(set(ids)), "duplicate ids"
    figs = [a["id"] for _, a, _ in marks if "fact-fig" in a["class"].split()]
    assert len(figs) == 7 and all(re.fullmatch(r"fact-fig-\d+", i) for i in figs)
    for _, a, _ in page.inside("fact-list", "a"):
        if a["href"].startswith("#"):
            assert a["href"][1:] in ids, a["href"]
    for testid in ("article-title", "article-outlet", "article-published", "article-source"):
        assert page.find(data_testid=testid), testid
    assert "2024-03-04" in html and "a01_kaz_uzb_roadmap.txt" in html
    # the amount is what the figure's mark holds
    assert re.search(r'id="fact-fig-\d+"[^>]*>\$4\.4 billion</mark>', html)


def test_article_text_is_escaped(site):
    r = site.get("/search?q=Oman")
    article = re.search(r'href="(/article/\d+)"', r.text).group(1)
    html, page = get(site, article)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html or "&lt;script&gt;alert(" in html
    assert "<script>alert" not in html
    assert not page.find("img")   # the article's <img onerror> stays text
    assert not page.find("b")     # so does its title's <b>
    assert "&lt;b&gt;sign&lt;/b&gt;" in html
    scripts = [a.get("src") for _, a, _ in page.find("script")]
    assert scripts == ["/static/app.js"]
    assert page.find("mark", data_testid="fact")   # its facts are still highlighted


def test_search_snippets_are_escaped(site):
    html, page = get(site, "/search?q=alert")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<mark>alert</mark>" in html


# 6. the pieces ----------------------------------------------------------------------------------

def _span(start, end, kind="fig", rank=0, ident=None):
    ident = ident or f"fact-{kind}-{start}"
    return Span(start, end, kind, ident, ident[5:], f"{kind} {start}", rank)


def test_highlight_escapes_text_and_nests_spans():
    text = "A <b> sentence with $4 billion & more."
    out = highlight(text, [_span(0, len(text), "event", 2), _span(20, 30, "fig", 0)])
    assert isinstance(out, Markup)
    assert out.startswith('<mark data-testid="fact" class="fact fact-event" id="fact-event-0"')
    assert "A &lt;b&gt; sentence with " in out and "&amp; more.</mark>" in out
    assert re.search(r'id="fact-fig-20"[^>]*>\$4 billion</mark>', out)
    assert re.sub(r"<[^>]+>", "", out) == str(Markup.escape(text))   # no character lost or added


def test_highlight_keeps_the_first_of_crossing_spans_and_anchors_the_other():
    text = "0123456789abcdef"
    out = highlight(text, [_span(2, 8, "fig", 0), _span(5, 12, "event", 2), _span(40, 50, "person", 1),
                           _span(3, 3, "org", 1)])
    assert out.count("<mark") == 1 and 'id="fact-fig-2"' in out
    assert '<span class="fact-anchor" id="fact-event-5"' in out   # the link target survives
    assert "fact-person-40" not in out                             # outside the text: dropped
    assert re.sub(r"<[^>]+>", "", out) == text


def test_snippet_marks_become_mark_tags_around_escaped_pieces():
    out = snippet_html("a «<i>» b «c")
    assert out == "a <mark>&lt;i&gt;</mark> b «c"


def test_chart_formats_and_layout():
    assert charts.fmt_value(4.4e9, "USD") == "$4.4 billion"
    assert charts.fmt_value(1000, "count", approximate=True) == "~1,000"
    assert charts.fmt_value(43000, "tonnes") == "43,000 tonnes"
    assert charts.fmt_value(2.5e9, "cubic_metres") == "2.5 billion cubic metres"
    assert charts.fmt_value(1, "tonnes") == "1 tonne" and charts.fmt_value(1860, "MW") == "1,860 megawatts"
    assert charts.fmt_value(2e5, "TEU", approximate=True) == "~200,000 twenty-foot containers (TEU)"
    assert charts.fmt_value(5, "road_tankers") == "5 road tankers" and charts.fmt_value(37, "count") == "37"
    assert charts.fmt_value(5e11, "KZT") == "KZT 500 billion"
    assert charts.fmt_pct(12.3) == "+12.3%" and charts.fmt_pct(-21.1) == "-21.1%"
    assert charts.period_x("2023") == pytest.approx(2023.5)
    assert charts.period_x("2023-01/2023-09") == pytest.approx(2023.375)
    assert charts.period_x(None) is None and charts.period_x("soon") is None
    assert charts.nice_ceiling(4.6e9) == (5e9, 1e9)
    assert charts.dodge([(10, 100), (10, 105), (10, 300), (20, 100)]) == [-7.5, 7.5, 0.0, 0.0]
    edges = [("A", "B", 3), ("B", "C", 1)]
    first = charts.layout(["A", "B", "C", "D"], edges, 100, 100)
    assert first == charts.layout(["A", "B", "C", "D"], edges, 100, 100)
    assert all(0 <= x <= 100 and 0 <= y <= 100 for x, y in first.values())


def test_empty_chart_and_network_keep_their_hooks():
    assert 'data-testid="trade-chart"' in charts.trade_chart([])
    assert 'data-testid="network"' in charts.network_svg([], [])
    svg = charts.network_svg([{"code": "K<Z", "name": "<script>", "kind": "country", "events": 1, "figures": 0}], [])
    assert "<script>" not in svg and "K&lt;Z" in svg

"""The API and the dashboard agree (issue P9 item C): a fact's `sources_count` is the number of sources
listed (one per article, every statement in it a quote), and an approximate value is written with "~" on
every page and chart that shows it.

One article states its memorandum twice and gives an approximate trade turnover ("about $1.2 billion").
"""
from __future__ import annotations

import re
import warnings

import pytest

from accordwatch.store import open_store
from accordwatch.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ARTICLE = """Kazakhstan and Oman sign logistics memorandum

ASTANA, May 14, 2024 — Kazakhstan and Oman signed a memorandum of understanding on logistics on Tuesday in Astana.

Trade turnover between Kazakhstan and Oman reached about $1.2 billion in 2023, up 15% year on year, the ministry said.

The memorandum of understanding on logistics was signed by the two ministers. More than 40 Omani companies work \
in Kazakhstan.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("consistency")
    (tmp / "kaz_omn.txt").write_text(ARTICLE, encoding="utf-8")
    url = f"sqlite:///{tmp / 'c.db'}"
    store = open_store(url)
    try:
        assert store.ingest_paths([str(tmp / "kaz_omn.txt")]).failed == 0
    finally:
        store.close()
    with TestClient(create_app(url)) as c:
        yield c


def test_an_event_stated_twice_in_one_article_has_one_source_with_two_quotes(client):
    [ev] = client.get("/api/events?pair=KAZ-OMN&type=agreement").json()["items"]
    assert ev["sources_count"] == len(ev["sources"]) == 1
    [src] = ev["sources"]
    assert len(src["quotes"]) == 2 and src["quotes"][0]["start"] < src["quotes"][1]["start"]
    assert (src["evidence"], src["start"], src["end"]) == tuple(src["quotes"][0][k] for k in ("evidence", "start",
                                                                                                "end"))
    profile = client.get("/api/profile/KAZ/OMN").json()
    assert [(e["sources_count"], len(e["sources"])) for e in profile["agreements"]] == [(1, 1)]


def test_the_dashboard_counts_the_articles_it_lists(client):
    html = client.get("/pair/KAZ/OMN").text
    block = html[html.index('data-testid="agreements"'):]
    block = block[:block.index("</section>")]
    assert "<summary>1 article</summary>" in block
    assert block.count('data-testid="event-source"') == 1
    assert block.count("<blockquote>") == 2          # both statements, under their one article


APPROXIMATE = "~$1.2 billion"


@pytest.mark.parametrize("path", ["/", "/country/KAZ", "/country/OMN", "/pair/KAZ/OMN", "/article/1"])
def test_an_approximate_value_has_its_tilde_everywhere(client, path):
    html = client.get(path).text
    assert APPROXIMATE in html, f"{path} does not show {APPROXIMATE}"
    # every other "$1.2 billion" is the article's own words ("about $1.2 billion"), in its text or tooltips
    shown = re.sub(r"<[^>]*>", "", html) + " ".join(re.findall(r'title="([^"]*)"', html))
    bare = [m.start() for m in re.finditer(re.escape("$1.2 billion"), shown)
            if shown[m.start() - 1] != "~" and not shown[:m.start()].endswith("about ")]
    assert not bare, [shown[i - 60:i + 20] for i in bare]


def test_the_chart_tooltip_and_the_api_agree(client):
    html = client.get("/pair/KAZ/OMN").text
    tooltips = re.findall(r"<title>([^<]*)</title>", html)
    assert any("Trade turnover 2023: ~$1.2 billion" in t for t in tooltips), tooltips
    [point] = client.get("/api/figures?pair=KAZ-OMN&indicator=trade_turnover").json()["items"]
    assert point["approximate"] is True and point["value"] == 1.2e9
    assert "~" in client.get("/openapi.json").json()["paths"]["/api/figures"]["get"]["description"]

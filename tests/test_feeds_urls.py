"""Feeds and URLs: RSS/Atom entries become articles; URLs are fetched safely from a real server
on loopback (allowed explicitly, as private addresses are refused by default)."""
from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

from accordwatch.errors import InputError
from accordwatch.ingest import read_paths
from accordwatch.ingest.url import UnsafeURL, check_url, fetch

BODY = ("ASTANA – Kazakhstan and Mongolia agreed on Tuesday to open a new border crossing for freight trains, "
        "the Kazakh Ministry of Transport said. The two sides also signed a memorandum of understanding on "
        "logistics cooperation. Trade between the two countries reached $120 million in 2023, up 14% from a "
        "year earlier, according to Kazakh statistics.")
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Steppe Economic Wire</title><link>https://example.org</link>
<item><title>Kazakhstan and Mongolia agree on a new border crossing</title><link>https://example.org/a1</link>
<pubDate>Tue, 14 May 2024 09:00:00 GMT</pubDate><description><![CDATA[<p>{BODY}</p>]]></description></item>
<item><title>Teaser</title><link>LINK</link><description>Short teaser.</description></item>
</channel></rss>"""
PAGE = f"""<!doctype html><html><head><title>Border crossing agreed</title>
<meta property="article:published_time" content="2024-05-14T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Border crossing agreed</h1><p>{BODY}</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        port = self.server.server_address[1]
        routes = {"/feed.xml": ("application/rss+xml", RSS.replace("LINK", f"http://127.0.0.1:{port}/page.html")),
                  "/page.html": ("text/html", PAGE)}
        # the same page in a legacy code page: named by the header, by the page itself, or by neither
        latin = PAGE.replace("Border crossing agreed", "Kazakh–Mongolian crossing agreed in Bayan-Ölgii")
        routes["/cp1252-header.html"] = ("text/html; charset=windows-1252", latin)
        routes["/cp1252-meta.html"] = ("text/html", latin.replace("<head>", '<head><meta charset="windows-1252">'))
        routes["/cp1252-bare.html"] = ("text/html", latin)
        routes["/image.png"] = ("text/html", "")
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/secret")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        ctype, body = routes[self.path]
        data = body.encode("cp1252") if "cp1252" in self.path else body.encode()
        if self.path == "/image.png":
            data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_a_feed_file_gives_its_entries(tmp_path: Path):
    p = tmp_path / "wire.rss"
    p.write_text(RSS.replace("LINK", "https://example.org/a2"), encoding="utf-8")
    results = list(read_paths([p]))
    docs = [r.document for r in results if r.ok]
    assert len(docs) == 1
    assert docs[0].published == "2024-05-14" and docs[0].outlet == "Steppe Economic Wire"
    assert docs[0].url == "https://example.org/a1" and "memorandum of understanding" in docs[0].text
    errors = [str(r.error) for r in results if not r.ok]
    assert len(errors) == 1 and "https://example.org/a2" in errors[0]


def test_a_feed_by_url_fetches_the_pages_of_teasers(server):
    results = list(read_paths([f"{server}/feed.xml"], allow_private=True))
    assert [r.ok for r in results] == [True, True]
    page = results[1].document
    assert page.title == "Border crossing agreed" and page.published == "2024-05-14"
    assert "Subscribe" not in page.text and "Mongolia" in page.text


def test_loopback_and_private_addresses_are_refused_by_default(server):
    with pytest.raises(UnsafeURL, match="AW104.*127.0.0.1"):
        check_url(f"{server}/page.html")
    results = list(read_paths([f"{server}/page.html"]))
    assert len(results) == 1 and not results[0].ok and "private" in str(results[0].error)


def test_only_http_and_https(tmp_path):
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"):
        with pytest.raises(UnsafeURL, match="only http and https"):
            check_url(url, allow_private=True)


def test_a_redirect_to_a_private_address_is_refused(server, monkeypatch):
    """Every hop is checked: the test server itself is allowed (it is on loopback), the private
    address it redirects to is not."""
    import accordwatch.ingest.url as url_module

    real = url_module.check_url
    monkeypatch.setattr(url_module, "check_url",
                        lambda url, allow_private=False, allow_hosts=frozenset(): real(url, url.startswith(server)))
    with pytest.raises(UnsafeURL, match="10.0.0.1"):
        fetch(f"{server}/redirect")


def test_a_slow_server_times_out_with_a_clear_error(server):
    with pytest.raises(InputError, match="no answer within 1 s"):
        fetch(f"{server}/slow", allow_private=True, timeout=1)


def test_a_missing_page_names_the_status(server):
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{server}/nothing", allow_private=True)


@pytest.mark.parametrize("page", ["cp1252-header.html", "cp1252-meta.html", "cp1252-bare.html"])
def test_a_page_in_a_legacy_code_page_is_read_in_it(server, page):
    from accordwatch.ingest.url import read_url

    (doc,) = list(read_url(f"{server}/{page}", allow_private=True))
    assert doc.title == "Kazakh–Mongolian crossing agreed in Bayan-Ölgii"
    assert "\ufffd" not in doc.text and "Bayan-Ölgii" in doc.text


def test_a_binary_answer_is_one_clear_error(server):
    from accordwatch.ingest.url import read_url

    with pytest.raises(InputError, match=r"image.png: binary file \(PNG image\)"):
        list(read_url(f"{server}/image.png", allow_private=True))


@pytest.mark.parametrize("url", ["http://example.com:x/feed.xml", "https://example.com:99999/", "http://host::/"])
def test_a_url_whose_port_is_no_port_is_refused_with_a_clear_error(url):
    with pytest.raises(InputError, match="not a valid port"):
        check_url(url)

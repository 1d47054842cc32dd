"""accordwatch.watch against real HTTP servers on loopback: sources and their health, conditional polls
(ETag, 304), teaser pages fetched once, failures and backoff (500, 429 with Retry-After, a slow
answer, a redirect to a private address), saved searches delivered once by webhook (signed, retried
after failures) and by e-mail (a real SMTP server), and a watch killed mid-poll and restarted."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from accordwatch import clock
from accordwatch.cli import app as cli
from accordwatch.errors import InputError
from accordwatch.store import open_store
from accordwatch.store import schema as s
from accordwatch.watch import alerts, atom, deliver, sources
from accordwatch.watch.fetch import Fetcher, retry_after
from accordwatch.watch.loop import Watch

# Our own articles (each over the 40 words a feed entry needs to be read from the feed itself)
KAZ_UZB = ("Kazakhstan and Uzbekistan sign railway memorandum",
           "TASHKENT, 12 May 2025 – Kazakhstan and Uzbekistan signed a memorandum of understanding on the "
           "construction of a new railway line between Saryagash and Tashkent on Monday. The transport "
           "ministers of the two countries signed the document after talks in Tashkent. The line is meant to "
           "double freight traffic between the two neighbours by 2030, the ministries said in a statement.")
KAZ_OMN = ("Kazakhstan and Oman agree on investment fund",
           "ASTANA, 13 May 2025 – Kazakhstan and Oman signed an agreement on a joint investment fund with "
           "capital of $100 million during the visit of the Omani commerce minister to Astana on Tuesday. The "
           "fund will finance projects in agriculture, mining and logistics in Kazakhstan, the Kazakh ministry "
           "of trade said after the signing ceremony in the capital.")
GEO_ARM = ("Georgia and Armenia discuss transit",
           "TBILISI, 14 May 2025 – The prime ministers of Georgia and Armenia held talks in Tbilisi on Wednesday "
           "and discussed transit of goods through the Upper Lars checkpoint and the modernisation of the "
           "railway between the two capitals. Trade between Georgia and Armenia reached $1.1 billion in 2024, "
           "the Georgian government said in a statement after the meeting.")
TEASER_PAGE = ("<html><head><title>Kazakhstan and China open a logistics hub</title></head><body><article>"
               "<h1>Kazakhstan and China open a logistics hub</h1><p>ALMATY, 15 May 2025 – Kazakhstan and China "
               "signed an agreement on a joint logistics hub at the Khorgos dry port on Thursday, the Kazakh "
               "ministry of transport said. The hub will handle container trains between the two countries and "
               "Europe, with capacity of 500,000 containers a year.</p></article></body></html>")


def rss(items: list[tuple[str, str]], teasers: list[tuple[str, str]] = ()) -> bytes:
    """An RSS feed: full-text items (title, text), and teaser items (title, link) with a short summary."""
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Wire</title>'
             "<link>http://example.org/</link><description>test</description>"]
    for n, (title, text) in enumerate(items):
        parts.append(f"<item><title>{title}</title><link>http://example.org/a/{n}-{len(text)}</link>"
                     f"<pubDate>Mon, 12 May 2025 10:00:00 GMT</pubDate><description>{text}</description></item>")
    for title, link in teasers:
        parts.append(f"<item><title>{title}</title><link>{link}</link>"
                     f"<pubDate>Thu, 15 May 2025 10:00:00 GMT</pubDate><description>Short teaser.</description>"
                     "</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class Server:
    """A threading HTTP server on 127.0.0.1: `routes[path]` is (status, headers, body) or a function of
    the request handler returning one; `hits[path]` counts requests."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict = {}
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict, bytes]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, method: str) -> None:
                path = self.path.split("?")[0]
                server.hits[path] = server.hits.get(path, 0) + 1
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append((path, dict(self.headers), body))
                route = server.routes.get(path)
                if route is None:
                    status, headers, out = 404, {}, b"not found"
                else:
                    status, headers, out = route(self) if callable(route) else route
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                self._answer("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._answer("POST")

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return f"http://{self.netloc}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = Server()
    yield srv
    srv.close()


@pytest.fixture
def store(db_url):
    st = open_store(db_url)
    yield st
    st.close()


def feed_route(feeds: dict):
    """A feed whose body is feeds["body"], served with feeds["etag"] and answering 304 to it."""
    def route(handler):
        if feeds.get("etag") and handler.headers.get("If-None-Match") == feeds["etag"]:
            return 304, {"ETag": feeds["etag"]}, b""
        headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if feeds.get("etag"):
            headers["ETag"] = feeds["etag"]
        return 200, headers, feeds["body"]
    return route


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.t = clock.parse("2025-05-15T08:00:00Z")

    def __call__(self):
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


def make_watch(store, server, now=None, **kw) -> Watch:
    fetcher = Fetcher(per_host_interval=0.0, timeout=kw.pop("timeout", 5.0), allow_hosts={server.netloc})
    return Watch(store, fetcher, now=now or clock.now, retry_base=kw.pop("retry_base", 0.0), **kw)


# ---- sources ----------------------------------------------------------------------------------------

def test_sources_are_added_listed_imported_from_opml_and_removed(store, server, tmp_path):
    allow = frozenset({server.netloc})
    first = sources.add_source(store.engine, server.url("/feed"), "Test Wire", "15m", allow_hosts=allow)
    assert (first["every_seconds"], first["name"], first["failures"]) == (900, "Test Wire", 0)
    with pytest.raises(InputError, match="already a source"):
        sources.add_source(store.engine, server.url("/feed"), allow_hosts=allow)
    with pytest.raises(InputError, match="refusing to fetch from 127.0.0.1"):
        sources.add_source(store.engine, "http://127.0.0.1:1/other")   # private, not allowed
    with pytest.raises(InputError, match="--every 'soon'"):
        sources.parse_every("soon")
    opml = tmp_path / "subs.opml"
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
      <outline text="Wire" title="Wire" type="rss" xmlUrl="{server.url('/feed')}"/>
      <outline text="Ministry" title="Ministry" type="rss" xmlUrl="{server.url('/ministry.xml')}"/>
      <outline text="Blocked" title="Blocked" type="rss" xmlUrl="http://10.1.2.3/feed"/>
    </body></opml>""", encoding="utf-8")
    added, skipped = sources.import_opml(store.engine, opml, "1h", allow_hosts=allow)
    assert [a["url"] for a in added] == [server.url("/ministry.xml")]
    assert len(skipped) == 2 and "already a source" in skipped[0] and "10.1.2.3" in skipped[1]
    assert [r["url"] for r in sources.list_sources(store.engine)] == [server.url("/feed"), server.url("/ministry.xml")]
    assert sources.remove_source(store.engine, first["id"])["url"] == server.url("/feed")
    with pytest.raises(InputError, match="no source"):
        sources.remove_source(store.engine, "9999")


# ---- polls ------------------------------------------------------------------------------------------

def test_a_poll_ingests_what_is_new_and_a_304_reads_nothing(store, server):
    feed = {"body": rss([KAZ_UZB, KAZ_OMN]), "etag": '"v1"'}
    server.routes["/feed"] = feed_route(feed)
    now = Clock()
    sources.add_source(store.engine, server.url("/feed"), every="10m", allow_hosts={server.netloc}, when=now())
    w = make_watch(store, server, now)
    r = w.round()
    assert (r.polled, r.new_articles, r.not_modified) == (1, 2, 0)
    row = sources.list_sources(store.engine)[0]
    assert (row["etag"], row["articles_added"], row["last_error"], row["next_poll"]) == \
        ('"v1"', 2, None, "2025-05-15T08:10:00Z")
    assert w.round().polled == 0            # not due yet
    now.advance(600)
    r = w.round()
    assert (r.polled, r.not_modified, r.new_articles) == (1, 1, 0)
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'
    feed.update(body=rss([KAZ_UZB, KAZ_OMN, GEO_ARM]), etag='"v2"')
    now.advance(600)
    assert w.round().new_articles == 1      # only the new entry
    assert store.counts()["documents"] == 3


def test_a_teaser_page_is_fetched_once(store, server):
    server.routes["/page/hub"] = (200, {"Content-Type": "text/html; charset=utf-8"}, TEASER_PAGE.encode())
    server.routes["/feed"] = feed_route({"body": rss([], [("Kazakhstan and China open a logistics hub",
                                                           server.url("/page/hub"))])})
    now = Clock()
    sources.add_source(store.engine, server.url("/feed"), every="1m", allow_hosts={server.netloc}, when=now())
    w = make_watch(store, server, now)
    assert w.round().new_articles == 1
    now.advance(60)
    assert w.round().new_articles == 0
    assert server.hits["/feed"] == 2 and server.hits["/page/hub"] == 1   # the stored page is not fetched again


def test_failures_back_off_and_retry_after_is_honoured(store, server):
    server.routes["/broken"] = (500, {}, b"oops")
    server.routes["/busy"] = (429, {"Retry-After": "7200"}, b"slow down")
    now = Clock()
    allow = {server.netloc}
    broken = sources.add_source(store.engine, server.url("/broken"), every="10m", allow_hosts=allow, when=now())
    sources.add_source(store.engine, server.url("/busy"), every="10m", allow_hosts=allow, when=now())
    w = make_watch(store, server, now)
    r = w.round()
    assert r.polled == 0 and len(r.source_errors) == 2
    rows = {x["url"]: x for x in sources.list_sources(store.engine)}
    b, busy = rows[server.url("/broken")], rows[server.url("/busy")]
    assert b["last_error"] == f"[AW101] {server.url('/broken')}: HTTP 500" and b["failures"] == 1
    assert b["next_poll"] == "2025-05-15T08:20:00Z"        # 10 min doubled
    assert busy["next_poll"] == "2025-05-15T10:00:00Z"     # the two hours the server asked for
    now.advance(1200)
    w.round()
    assert sources.get_source(store.engine, broken["id"])["next_poll"] == "2025-05-15T09:00:00Z"   # doubled again
    server.routes["/broken"] = feed_route({"body": rss([GEO_ARM])})
    now.advance(2400)
    assert w.round().new_articles == 1
    healed = sources.get_source(store.engine, broken["id"])
    assert (healed["failures"], healed["last_error"], healed["last_success"]) == (0, None, "2025-05-15T09:00:00Z")


def test_a_slow_answer_times_out_and_the_others_go_on(store, server):
    def slow(handler):
        time.sleep(2)
        return 200, {}, rss([KAZ_UZB])
    server.routes["/slow"] = slow
    server.routes["/feed"] = feed_route({"body": rss([KAZ_OMN])})
    now = Clock()
    for path in ("/slow", "/feed"):
        sources.add_source(store.engine, server.url(path), allow_hosts={server.netloc}, when=now())
    r = make_watch(store, server, now, timeout=0.5).round()
    assert r.new_articles == 1
    assert r.source_errors == [f"[AW101] {server.url('/slow')}: no answer within 0.5 s (next try in 3600 s)"]


def test_a_redirect_to_a_private_address_is_refused(store, server):
    server.routes["/moved"] = (302, {"Location": "http://10.0.0.5/internal-feed"}, b"")
    now = Clock()
    sources.add_source(store.engine, server.url("/moved"), allow_hosts={server.netloc}, when=now())
    r = make_watch(store, server, now).round()
    assert len(r.source_errors) == 1
    assert "http://10.0.0.5/internal-feed: refusing to fetch from 10.0.0.5" in r.source_errors[0]


def test_retry_after_as_seconds_or_a_date():
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 60) == 60.0
    assert retry_after("soon") is None and retry_after(None) is None


# ---- saved searches and deliveries -------------------------------------------------------------------

def test_a_saved_search_takes_the_api_filters_and_says_what_is_wrong(store):
    with pytest.raises(InputError, match="at least one filter"):
        alerts.add_alert(store.engine, "empty", {})
    with pytest.raises(Exception, match="status"):
        alerts.add_alert(store.engine, "bad", {"status": "finished"})
    a, key = alerts.add_alert(store.engine, "kaz", {"country": "Kazakhstan", "type": "agreement"})
    assert a["filters"] == {"country": "Kazakhstan", "type": "agreement"} and key is None
    with pytest.raises(InputError, match="exists already"):
        alerts.add_alert(store.engine, "kaz", {"country": "KAZ"})


def test_new_matches_are_delivered_once_by_a_signed_webhook_retried_after_failures(store, server):
    server.routes["/feed"] = feed_route({"body": rss([KAZ_UZB])})
    answers = iter([500, 503, 200, 200, 200, 200])
    server.routes["/hook"] = lambda handler: (next(answers), {}, b"ok")
    now = Clock()
    sources.add_source(store.engine, server.url("/feed"), every="1m", allow_hosts={server.netloc}, when=now())
    alert, key = alerts.add_alert(store.engine, "kaz agreements", {"country": "KAZ", "type": "agreement"},
                                  webhook_url=server.url("/hook"), allow_hosts={server.netloc})
    w = make_watch(store, server, now)
    r1 = w.round()
    assert (r1.new_articles, r1.queued, r1.delivered, r1.retried) == (1, 1, 0, 1)
    r2 = w.round()                          # due again at once (retry_base 0): the receiver fails again
    assert (r2.queued, r2.delivered, r2.retried) == (0, 0, 1)
    r3 = w.round()
    assert (r3.queued, r3.delivered) == (0, 1)
    assert w.round().delivered == 0         # nothing twice
    posts = [(h, b) for path, h, b in server.requests if path == "/hook"]
    assert len(posts) == 3
    headers, body = posts[-1]
    assert deliver.verify(key, body, headers["X-Accordwatch-Signature"])
    assert not deliver.verify("another key", body, headers["X-Accordwatch-Signature"])
    data = json.loads(body)
    assert data["alert"] == {"id": alert["id"], "name": "kaz agreements"} and data["kind"] == "event"
    assert data["item"]["type"] == "agreement" and "KAZ" in data["item"]["parties"]
    assert headers["X-Accordwatch-Delivery"] == str(data["delivery_id"])
    (row,) = deliver.ledger(store.engine, alert["id"])
    assert (row["status"], row["attempts"], row["last_error"]) == ("delivered", 3, None)


def test_what_existed_before_the_search_is_no_news_and_filters_hold(store, server):
    server.routes["/feed"] = feed_route({"body": rss([KAZ_UZB])})
    now = Clock()
    sources.add_source(store.engine, server.url("/feed"), every="1m", allow_hosts={server.netloc}, when=now())
    w = make_watch(store, server, now)
    w.round()                               # the KAZ-UZB memorandum is stored before the search
    server.routes["/hook"] = (200, {}, b"ok")
    alerts.add_alert(store.engine, "georgia", {"country": "GEO"}, webhook_url=server.url("/hook"),
                     allow_hosts={server.netloc})
    alerts.add_alert(store.engine, "railway memoranda", {"country": "KAZ", "query": "railway"},
                     webhook_url=server.url("/hook"), allow_hosts={server.netloc})
    server.routes["/feed"] = feed_route({"body": rss([KAZ_UZB, KAZ_OMN, GEO_ARM])})
    now.advance(60)
    r = w.round()
    assert r.new_articles == 2
    delivered = [json.loads(b) for path, _, b in server.requests if path == "/hook"]
    by_alert: dict[str, list] = {}
    for d in delivered:
        by_alert.setdefault(d["alert"]["name"], []).append(d)
    # Georgia: the meeting and the trade figure of the new article; nothing for the railway search
    # (the only railway article was stored before it was saved; the Oman fund says no "railway")
    assert sorted(d["kind"] for d in by_alert["georgia"]) == ["event", "figure"]
    assert "railway memoranda" not in by_alert


def test_an_email_alert_goes_through_a_real_smtp_server(store, server, monkeypatch):
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    got = []

    class Keep(Message):
        def handle_message(self, message) -> None:
            got.append(message)

    with socket.socket() as sock:           # a free port (the controller checks it can connect to the one given)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(Keep(message_class=None), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        monkeypatch.setenv("ACCORDWATCH_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("ACCORDWATCH_SMTP_PORT", str(port))
        monkeypatch.setenv("ACCORDWATCH_SMTP_FROM", "watch@accordwatch.test")
        server.routes["/feed"] = feed_route({"body": rss([KAZ_OMN])})
        now = Clock()
        sources.add_source(store.engine, server.url("/feed"), allow_hosts={server.netloc}, when=now())
        alerts.add_alert(store.engine, "oman", {"pair": "KAZ-OMN", "type": "agreement"}, email="analyst@example.org")
        r = make_watch(store, server, now).round()
        assert r.delivered == 1
    finally:
        controller.stop()
    (msg,) = got
    assert msg["To"] == "analyst@example.org" and msg["From"] == "watch@accordwatch.test"
    assert msg["Subject"].startswith("[accordwatch] oman: agreement signed KAZ-OMN")
    body = json.loads(msg.get_payload(decode=True).decode("utf-8"))
    assert body["type"] == "agreement" and body["parties"] == ["KAZ", "OMN"]


def test_the_atom_feed_of_a_saved_search_is_valid_and_links_to_the_fact(store, server):
    import feedparser

    alert, _ = alerts.add_alert(store.engine, "kaz", {"country": "KAZ"})
    server.routes["/feed"] = feed_route({"body": rss([KAZ_UZB, GEO_ARM])})
    now = Clock()
    sources.add_source(store.engine, server.url("/feed"), allow_hosts={server.netloc}, when=now())
    make_watch(store, server, now).round()
    parsed = feedparser.parse(atom.feed(store.engine, alerts.get_alert(store.engine, alert["id"]),
                                        "http://aw.example"))
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "accordwatch: kaz"
    titles = [e.title for e in parsed.entries]
    assert titles and all("KAZ" in t for t in titles)            # nothing from the Georgia-Armenia article
    with store.engine.connect() as conn:
        doc = conn.execute(select(s.documents.c.id).where(s.documents.c.title.like("Kazakhstan and Uzbekistan%"))
                           ).scalar_one()
    event_links = [e.link for e in parsed.entries if "#fact-event-" in e.link]
    assert event_links and all(link.startswith(f"http://aw.example/article/{doc}#fact-event-") for link in event_links)


# ---- a watch killed mid-poll, and the CLI ------------------------------------------------------------

def _cli(*args: str, db: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "accordwatch.cli", *args, "--db", db], capture_output=True,
                          text=True, timeout=120)


def test_a_watch_killed_mid_poll_loses_nothing_and_sends_nothing_twice(server, tmp_path):
    db = str(tmp_path / "watch.db")
    page_started = threading.Event()

    def slow_page(handler):
        page_started.set()
        time.sleep(30)                       # the watch is killed while it waits for this page
        return 200, {"Content-Type": "text/html"}, TEASER_PAGE.encode()

    server.routes["/page/hub"] = slow_page
    server.routes["/feed"] = feed_route({"body": rss([KAZ_UZB, KAZ_OMN], [("Hub", server.url("/page/hub"))])})
    server.routes["/hook"] = (200, {}, b"ok")
    allow = ["--allow-host", server.netloc]
    assert _cli("sources", "add", server.url("/feed"), "--every", "1m", *allow, db=db).returncode == 0
    assert _cli("alerts", "add", "kaz", "--country", "KAZ", "--webhook", server.url("/hook"), *allow,
                db=db).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "accordwatch.cli", "watch", "--db", db, "--per-host", "0", *allow],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert page_started.wait(60), "the watch never asked for the teaser page"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    server.routes["/page/hub"] = (200, {"Content-Type": "text/html"}, TEASER_PAGE.encode())
    # the source is still due (its poll never finished): a restart reads it all, once
    first = _cli("watch", "--once", "--per-host", "0", *allow, db=db)
    assert first.returncode == 0, first.stderr
    second = _cli("watch", "--once", "--per-host", "0", *allow, db=db)
    assert second.returncode == 0, second.stderr
    st = open_store(db)
    try:
        assert st.counts()["documents"] == 3
        ledger = deliver.ledger(st.engine)
    finally:
        st.close()
    posts = [json.loads(b) for path, _, b in server.requests if path == "/hook"]
    ids = [(p["kind"], p["item"]["id"]) for p in posts]
    assert ids and len(ids) == len(set(ids))                       # each match delivered once
    assert sorted(ids) == sorted((r["item_kind"], r["item_id"]) for r in ledger)
    assert all(r["status"] == "delivered" for r in ledger)


def test_the_cli_lists_sources_and_saved_searches(server, tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    out = runner.invoke(cli, ["sources", "add", server.url("/feed"), "--name", "Wire", "--every", "2h",
                              "--allow-host", server.netloc, "--db", db], terminal_width=200)
    assert out.exit_code == 0 and "source 1 added" in out.output
    out = runner.invoke(cli, ["sources", "list", "--json", "--db", db])
    assert json.loads(out.output)[0]["every_seconds"] == 7200
    out = runner.invoke(cli, ["sources", "add", "ftp://example.org/feed", "--db", db])
    assert out.exit_code == 2 and "only http and https" in out.output
    out = runner.invoke(cli, ["alerts", "add", "energy", "--sector", "energy", "--webhook", server.url("/hook"),
                              "--db", db], terminal_width=200)
    assert out.exit_code == 2 and "refusing to fetch from 127.0.0.1" in out.output   # a private receiver
    out = runner.invoke(cli, ["alerts", "add", "energy", "--sector", "energy", "--webhook", server.url("/hook"),
                              "--allow-host", server.netloc, "--db", db], terminal_width=200)
    assert out.exit_code == 0, out.output
    assert "webhook signing key (shown once):" in out.output and "/feeds/1.atom" in out.output
    out = runner.invoke(cli, ["alerts", "add", "bad", "--sector", "space", "--db", db])
    assert out.exit_code == 2 and "sector" in out.output
    out = runner.invoke(cli, ["alerts", "list", "--json", "--db", db])
    (row,) = json.loads(out.output)
    assert row["filters"] == {"sector": "energy"} and row["webhook_secret"] is True   # never the key itself
    assert runner.invoke(cli, ["alerts", "remove", "energy", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["sources", "remove", "1", "--db", db]).exit_code == 0


# ---- the dashboard's pages and the feed route --------------------------------------------------------

def test_the_dashboard_shows_sources_saved_searches_whats_new_and_serves_the_feeds(server, tmp_path):
    import warnings

    import feedparser

    from accordwatch.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    db = str(tmp_path / "web.db")
    st = open_store(db)
    try:
        server.routes["/feed"] = feed_route({"body": rss([KAZ_UZB, GEO_ARM])})
        server.routes["/broken"] = (500, {}, b"")
        now = Clock()
        sources.add_source(st.engine, server.url("/feed"), "Test Wire", allow_hosts={server.netloc}, when=now())
        sources.add_source(st.engine, server.url("/broken"), allow_hosts={server.netloc}, when=now())
        alert, _ = alerts.add_alert(st.engine, "Kazakhstan <railways>", {"country": "KAZ"})
        make_watch(st, server, now).round()
    finally:
        st.close()
    client = TestClient(create_app(db))
    page = client.get("/sources").text
    assert "Test Wire" in page and "2 sources" in page and "1 failing" in page and "HTTP 500" in page
    page = client.get("/alerts").text
    assert "Kazakhstan &lt;railways&gt;" in page and f'href="/feeds/{alert["id"]}.atom"' in page   # escaped
    home = client.get("/").text
    assert 'data-testid="whats-new"' in home and "Kazakhstan &lt;railways&gt;" in home
    resp = client.get(f"/feeds/{alert['id']}.atom")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(resp.content)
    assert not parsed.bozo and parsed.entries and all("KAZ" in e.title for e in parsed.entries)
    assert client.get("/feeds/99.atom").status_code == 404
    assert client.get("/feeds/abc.atom").status_code == 404

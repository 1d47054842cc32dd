"""The security of the dashboard and the API once there are accounts (P13): who may write, CSRF, cookies,
brute force, markup and injection in reviewed values, the end of sessions, and `serve --private`.

Each test gets its own app over a copy of the sample database (conftest's `sample_db`) with three users,
a viewer, an editor and an admin, and FastAPI's test client (cookies kept per client, like a browser).
"""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from accordwatch.review import accounts
from accordwatch.store import schema as s
from accordwatch.web import create_app
from accordwatch.web.auth import CSRF_COOKIE, LOGIN_RATE, SESSION_COOKIE
from web_session import PASSWORD, TestClient, api_tokens, app_with_users, bearer, client, csrf_of, error, login

MARKUP = "<script>alert(1)</script>"
INGEST = "ingest-token-for-tests"
# the sample's article 1 (examples/articles/a01_kaz_uzb_roadmap.txt): its trade turnover of 2023, $4.4 billion,
# and the report of its working group on electricity (as the extractor finds them)
FIGURE = {"kind": "figure", "document_id": 1, "start": 707, "end": 719}
EVENT = {"kind": "event", "document_id": 1, "start": 523, "end": 649}
ALERT = {"name": "KAZ agreements", "filters": {"country": "KAZ", "type": "agreement"}}


@pytest.fixture
def site(sample_db, tmp_path):
    """(the app, {role: API token}) over a copy of the sample database with a viewer, an editor and an admin."""
    app = app_with_users(sample_db, tmp_path / "auth.db", ingest_token=INGEST, secret="test-secret")
    yield app, api_tokens(app)
    app.state.store.close()


def stored_figure(app) -> tuple:
    with app.state.engine.connect() as conn:
        return conn.execute(select(s.figures.c.value, s.figures.c.review, s.figures.c.reviewed_by)
                            .where(s.figures.c.document_id == 1, s.figures.c.start == 707)).one()


def an_alert(app) -> int:
    from accordwatch.watch.alerts import add_alert

    return add_alert(app.state.engine, "existing", {"country": "UZB"})[0]["id"]


# 1. every write refuses anonymous users (401) and viewers (403) --------------------------------------------

def writes(app) -> list[tuple[str, str, dict]]:
    alert_id = an_alert(app)
    return [("POST", "/api/reviews", {"json": {**FIGURE, "action": "reject"}}),
            ("POST", "/api/reviews", {"json": {**EVENT, "action": "correct", "fields": {"name": "x"}}}),
            ("POST", "/api/alerts", {"json": ALERT}),
            ("DELETE", f"/api/alerts/{alert_id}", {})]


def test_every_write_refuses_anonymous_users_and_viewers(site):
    app, tokens = site
    anonymous = client(app)
    viewer, viewer_csrf = login(app, "vic")
    for method, path, kwargs in writes(app):
        assert "log in" in error(anonymous.request(method, path, **kwargs), 401)
        assert anonymous.request(method, path, **kwargs).headers["www-authenticate"] == "Bearer"
        assert "wrong or unknown API token" in error(
            anonymous.request(method, path, headers=bearer("aw_forged"), **kwargs), 401)
        assert "needs the role editor or admin" in error(
            anonymous.request(method, path, headers=bearer(tokens["viewer"]), **kwargs), 403)
        assert "vic's role is viewer" in error(
            viewer.request(method, path, headers={"X-CSRF-Token": viewer_csrf}, **kwargs), 403)
    assert stored_figure(app) == (4_400_000_000, None, None)   # nothing changed
    from accordwatch.watch.alerts import list_alerts
    assert [a["name"] for a in list_alerts(app.state.engine)] == ["existing"]
    # the password form: anonymous is a 401 page
    r = anonymous.post("/account/password", data={"csrf_token": csrf_of(anonymous), "current": PASSWORD,
                                                  "new": "x" * 12, "again": "x" * 12})
    assert r.status_code == 401 and "Log in first" in r.text


def test_editors_review_and_an_editor_cannot_act_as_admin(site):
    app, tokens = site
    r = client(app).post("/api/reviews", json={**FIGURE, "action": "confirm"}, headers=bearer(tokens["editor"]))
    assert r.status_code == 200 and r.json()["fact"]["review"] == "confirmed" and r.json()["by"] == "erin"
    editor, csrf = login(app, "erin")
    assert "needs the role admin" in error(editor.get("/api/audit"), 403)
    assert "needs the role admin" in error(client(app).get("/api/audit", headers=bearer(tokens["editor"])), 403)
    page = editor.get("/audit")
    assert page.status_code == 403 and "for admins" in page.text
    assert 'data-testid="nav-audit"' not in editor.get("/").text
    assert error(client(app).get("/api/audit"), 401)
    assert client(app).get("/audit").headers["location"] == "/login?next=%2Faudit"
    admin, _ = login(app, "ada")
    log = admin.get("/api/audit").json()
    assert log["items"][0]["action"] == "review.confirm" and log["items"][0]["user_name"] == "erin"
    assert log["total"] == len(log["items"]) >= 1
    assert admin.get("/api/audit?target=figure%201%20").json()["total"] == 1
    assert 'data-testid="audit-entry"' in admin.get("/audit?target=figure").text
    assert client(app).get("/api/audit", headers=bearer(tokens["admin"])).status_code == 200


# 2. CSRF on every form and on JSON writes authenticated by the session cookie ------------------------------

def test_csrf_is_required_on_every_form_and_cookie_authenticated_write(site):
    app, tokens = site
    c = client(app)
    form = {"name": "erin", "password": PASSWORD}
    for token in (None, "", "forged", csrf_of(client(app))):   # missing, empty, wrong, another browser's
        data = form if token is None else {**form, "csrf_token": token}
        r = c.post("/login", data=data)
        assert r.status_code == 403 and "CSRF" in r.text, token
        assert SESSION_COOKIE not in r.cookies
    editor, csrf = login(app, "erin")
    body = {**FIGURE, "action": "correct", "fields": {"value": 1}}
    for headers in ({}, {"X-CSRF-Token": "forged"}, {"X-CSRF-Token": csrf_of(client(app))}):
        assert "CSRF token missing or wrong" in error(editor.post("/api/reviews", json=body, headers=headers), 403)
    alert_id = an_alert(app)
    assert "CSRF" in error(editor.delete(f"/api/alerts/{alert_id}"), 403)
    assert "CSRF" in error(editor.post("/api/alerts", json=ALERT), 403)
    for path, data in (("/logout", {}), ("/account/password", {"current": PASSWORD, "new": "y" * 12,
                                                                "again": "y" * 12})):
        r = editor.post(path, data=data)
        assert r.status_code == 403 and "CSRF" in r.text, path
        r = editor.post(path, data={**data, "csrf_token": "forged"})
        assert r.status_code == 403, path
    assert stored_figure(app)[0] == 4_400_000_000
    assert editor.get("/account").status_code == 200          # still logged in: the forged logout did nothing
    # with the page's token the same requests go through; an API token needs none
    assert editor.post("/api/reviews", json=body, headers={"X-CSRF-Token": csrf}).status_code == 200
    assert client(app).post("/api/reviews", json={**FIGURE, "action": "confirm"},
                            headers=bearer(tokens["editor"])).status_code == 200
    # a cross-site form cannot send the header, and a request carrying a bearer header is judged by it alone
    assert error(editor.post("/api/reviews", json=body, headers=bearer("aw_forged")), 401)


# 3. cookie flags ---------------------------------------------------------------------------------------

def _set_cookie(r, name: str) -> str:
    (line,) = [v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith(name + "=")]
    return line


def test_cookies_are_httponly_samesite_and_secure_over_https(site):
    app, _ = site
    for https in (False, True):
        c = client(app, https)
        page = c.get("/login")
        csrf = _set_cookie(page, CSRF_COOKIE)
        r = c.post("/login", data={"name": "erin", "password": PASSWORD, "csrf_token": c.cookies[CSRF_COOKIE]})
        session = _set_cookie(r, SESSION_COOKIE)
        for cookie in (csrf, session):
            flags = {f.strip().split("=")[0].lower() for f in cookie.split(";")[1:]}
            assert {"httponly", "path", "samesite"} <= flags, cookie
            assert re.search(r"samesite=lax", cookie, re.I), cookie
            assert ("secure" in flags) is https, cookie
        assert "Max-Age=1209600" in session
    # no CSRF cookie on the API's answers, nor on static files
    assert CSRF_COOKIE not in client(app).get("/api/events").headers.get("set-cookie", "")
    assert CSRF_COOKIE not in client(app).get("/static/style.css").headers.get("set-cookie", "")


def test_a_tls_proxy_the_server_trusts_makes_the_cookies_secure(site):
    """Behind a TLS proxy uvicorn rewrites the scheme from X-Forwarded-Proto for the proxies it trusts
    (forwarded_allow_ips): the app then sees https and marks its cookies Secure."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    app, _ = site
    proxied = TestClient(ProxyHeadersMiddleware(app, trusted_hosts="*"), follow_redirects=False)
    r = proxied.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "; Secure" in _set_cookie(r, CSRF_COOKIE)
    untrusted = TestClient(ProxyHeadersMiddleware(app, trusted_hosts="10.9.9.9"), follow_redirects=False)
    assert "Secure" not in _set_cookie(untrusted.get("/login", headers={"X-Forwarded-Proto": "https"}), CSRF_COOKIE)


# 4. brute force ----------------------------------------------------------------------------------------

def test_wrong_passwords_lock_the_account_through_the_login_form(site):
    app, _ = site
    c = client(app)
    token = csrf_of(c)
    for _ in range(accounts.MAX_FAILURES):
        r = c.post("/login", data={"name": "erin", "password": "not the password", "csrf_token": token})
        assert r.status_code == 401 and "Wrong user name or password" in r.text
        assert SESSION_COOKIE not in r.cookies
    r = c.post("/login", data={"name": "erin", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 401 and "locked" in r.text          # the right password, locked out all the same
    other = client(app)                                          # from any browser
    r = other.post("/login", data={"name": "erin", "password": PASSWORD, "csrf_token": csrf_of(other)})
    assert r.status_code == 401
    # the same words for an account that does not exist: a login form tells nobody which names exist
    r = other.post("/login", data={"name": "nobody", "password": PASSWORD, "csrf_token": csrf_of(other)})
    assert r.status_code == 401 and "Wrong user name or password, or the account is locked" in r.text


def test_login_attempts_are_rate_limited_per_client_address(site):
    app, _ = site
    c = client(app)
    token = csrf_of(c)
    allowed = int(LOGIN_RATE.split("/")[0])
    names = [f"guess{i}" for i in range(allowed)]     # different names: no account lockout involved
    for name in names:
        assert c.post("/login", data={"name": name, "password": "x" * 12, "csrf_token": token}).status_code == 401
    r = c.post("/login", data={"name": "erin", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429 and "Too many login attempts" in r.text
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert SESSION_COOKIE not in r.cookies


# 5. a corrected value holding markup stays text; injection in review fields --------------------------------

HTML_PAGES = ["/", "/article/1", "/pair/KAZ/UZB", "/country/KAZ", "/country/UZB", "/events", "/search?q=roadmap",
              "/search?q=script", "/audit", "/network"]


def test_markup_in_a_corrected_value_stays_escaped_text_everywhere(site):
    app, tokens = site
    r = client(app).post("/api/reviews", headers=bearer(tokens["editor"]), json={
        **EVENT, "action": "correct", "fields": {"name": MARKUP, "location": '"><img src=x onerror=alert(2)>'}})
    assert r.status_code == 200 and r.json()["fact"]["name"] == MARKUP      # stored as the text it is
    admin, _ = login(app, "ada")
    for path in HTML_PAGES:
        html = admin.get(path).text
        assert "<script>alert(1)" not in html and "<img src=x" not in html, path
    article = admin.get("/article/1").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article                # shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in admin.get("/audit").text
    events = client(app).get("/api/documents/1").json()["events"]
    assert MARKUP in [e["name"] for e in events]                             # JSON says it as it is
    assert client(app).get("/api/documents/1").headers["content-type"] == "application/json"


INJECTIONS = [
    ({"period": "2023'; DROP TABLE figures; --"}, "period"),
    ({"unit": "USD; DELETE FROM figures"}, "unit"),
    ({"value": "1 OR 1=1"}, "value: a number"),
    ({"value": True}, "value: a number"),
    ({"parties": ["KAZ", "UZB' OR '1'='1"]}, "fields.parties[1]"),
    ({"parties": "KAZ"}, "parties"),
    ({"from": "KAZ--"}, "fields.from"),
    ({"indicator": "trade_turnover' --"}, "indicator"),
    ({"kind": {"$ne": 1}}, "kind"),
    ({"change_pct": 1e300}, "change_pct"),
    ({"colour": "red"}, "no field 'colour'"),
    ({"name": "a figure has no name"}, "no field 'name'"),
]
EVENT_INJECTIONS = [
    ({"date": "2024-01-01' OR 1=1 --"}, "fields.date"),
    ({"date": " 2024"}, "fields.date"),
    ({"type": "meeting\x00"}, "type"),
    ({"status": "SIGNED"}, "status"),
    ({"name": "x\x00y"}, "fields.name"),
    ({"name": "x" * 501}, "fields.name"),
    ({"location": ["Tashkent"]}, "fields.location"),
    ({"parties": []}, "parties"),
]


def test_injection_attempts_in_review_fields_are_refused_or_kept_as_text(site):
    app, tokens = site
    c, auth = client(app), bearer(tokens["editor"])
    with app.state.engine.connect() as conn:
        counts = {t: conn.execute(select(func.count()).select_from(getattr(s, t))).scalar_one()
                  for t in ("figures", "events", "documents")}
    for fields, message in INJECTIONS:
        assert message in error(c.post("/api/reviews", json={**FIGURE, "action": "correct", "fields": fields},
                                       headers=auth), 400), fields
    for fields, message in EVENT_INJECTIONS:
        assert message in error(c.post("/api/reviews", json={**EVENT, "action": "correct", "fields": fields},
                                       headers=auth), 400), fields
    for body, message in (({**FIGURE, "action": "correct"}, "at least one field"),
                          ({**FIGURE, "action": "delete"}, "action 'delete'"),
                          ({**FIGURE, "kind": "person", "action": "confirm"}, "kind 'person'"),
                          ({**FIGURE, "start": "707 OR 1=1", "action": "confirm"}, "start: an integer"),
                          ({**FIGURE, "document_id": 2**40, "action": "confirm"}, "document_id: an integer"),
                          ({**FIGURE, "action": "confirm", "user": "ada"}, "no field 'user'"),
                          ([FIGURE], "a JSON object")):
        assert message in error(c.post("/api/reviews", json=body, headers=auth), 400), body
    assert "not valid JSON" in error(c.post("/api/reviews", content=b"{'kind':", headers={
        **auth, "Content-Type": "application/json"}), 400)
    assert error(c.post("/api/reviews", content=b"kind=figure", headers={
        **auth, "Content-Type": "application/x-www-form-urlencoded"}), 415)
    assert "no figure at 1-2" in error(c.post("/api/reviews", json={**FIGURE, "start": 1, "end": 2,
                                                                    "action": "confirm"}, headers=auth), 404)
    assert "no article 99999" in error(c.post("/api/reviews", json={**FIGURE, "document_id": 99999,
                                                                    "action": "confirm"}, headers=auth), 404)
    # nothing changed, nothing dropped
    assert stored_figure(app) == (4_400_000_000, None, None)
    with app.state.engine.connect() as conn:
        assert counts == {t: conn.execute(select(func.count()).select_from(getattr(s, t))).scalar_one()
                          for t in counts}
    # what is text is stored as text, quotes and all
    sql = "Robert'); DROP TABLE events; --"
    r = c.post("/api/reviews", json={**EVENT, "action": "correct", "fields": {"name": sql, "location": "%_\\"}},
               headers=auth)
    assert r.status_code == 200 and (r.json()["fact"]["name"], r.json()["fact"]["location"]) == (sql, "%_\\")
    with app.state.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.events)).scalar_one() == counts["events"]


# 6. sessions end on logout and on a password change --------------------------------------------------------

def test_sessions_end_on_logout(site):
    app, _ = site
    c, csrf = login(app, "erin")
    stolen = c.cookies[SESSION_COOKIE]
    assert c.get("/account").status_code == 200
    r = c.post("/logout", data={"csrf_token": csrf})
    assert r.status_code == 303 and 'aw_session=""' in r.headers["set-cookie"]
    assert c.get("/account").headers["location"] == "/login?next=%2Faccount"
    replay = client(app)
    replay.cookies.set(SESSION_COOKIE, stolen)          # the old cookie, sent again, opens nothing
    assert replay.get("/account").status_code == 303
    assert error(replay.post("/api/reviews", json={**FIGURE, "action": "confirm"},
                             headers={"X-CSRF-Token": csrf_of(replay, "/")}), 401)


def test_sessions_end_on_a_password_change(site):
    app, _ = site
    laptop, _ = login(app, "erin")
    phone, csrf = login(app, "erin")
    r = phone.post("/account/password", data={"csrf_token": csrf, "current": "wrong one", "new": "n" * 12,
                                              "again": "n" * 12})
    assert r.status_code == 401 and "current password is wrong" in r.text
    r = phone.post("/account/password", data={"csrf_token": csrf, "current": PASSWORD, "new": "n" * 12,
                                              "again": "m" * 12})
    assert r.status_code == 400 and "differ" in r.text
    r = phone.post("/account/password", data={"csrf_token": csrf, "current": PASSWORD, "new": "short",
                                              "again": "short"})
    assert r.status_code == 400 and "at least 10 characters" in r.text
    r = phone.post("/account/password", data={"csrf_token": csrf, "current": PASSWORD,
                                              "new": "a new long password", "again": "a new long password"})
    assert r.status_code == 303 and r.headers["location"] == "/account?changed=1"
    assert laptop.get("/account").status_code == 303               # the other session ended
    assert phone.get("/account?changed=1").status_code == 200      # this browser got a new one
    assert "password is changed" in phone.get("/account?changed=1").text
    # and the command line's `users passwd` ends every session, this one too
    accounts.set_password(app.state.engine, "erin", "yet another password")
    assert phone.get("/account").status_code == 303


# 7. --private ------------------------------------------------------------------------------------------

def test_private_requires_a_login_to_read_pages_and_the_api(sample_db, tmp_path):
    app = app_with_users(sample_db, tmp_path / "private.db", [("vic", "viewer")], private=True, ingest_token=INGEST)
    try:
        token = accounts.create_token(app.state.engine, "vic")
        anonymous = client(app)
        for path in ("/", "/article/1", "/pair/KAZ/UZB", "/events?type=meeting", "/sources", "/feeds/1.atom"):
            r = anonymous.get(path)
            assert r.status_code == 303 and r.headers["location"].startswith("/login?next=%2F"), path
        assert anonymous.get("/events?type=meeting").headers["location"] == "/login?next=%2Fevents%3Ftype%3Dmeeting"
        for path in ("/api", "/api/events", "/api/documents/1", "/api/profile/KAZ/UZB", "/api/sources",
                     "/openapi.json", "/docs"):
            assert "private" in error(anonymous.get(path), 401), path
        assert error(anonymous.get("/api/events", headers=bearer("aw_forged")), 401)
        assert anonymous.get("/login").status_code == 200 and anonymous.get("/static/style.css").status_code == 200
        # an API token reads the API, a session the pages too
        assert anonymous.get("/api/events", headers=bearer(token)).status_code == 200
        c, _ = login(app, "vic")
        assert c.get("/").status_code == 200 and c.get("/api/events").status_code == 200
        # the next page after logging in is on this site, never another one
        for target, landing in (("/pair/KAZ/UZB", "/pair/KAZ/UZB"), ("//evil.example/", "/"),
                                ("https://evil.example/", "/"), ("/\\evil.example", "/")):
            fresh = client(app)
            r = fresh.post("/login", data={"name": "vic", "password": PASSWORD, "next": target,
                                           "csrf_token": csrf_of(fresh)})
            assert r.headers["location"] == landing, target
        # ingest keeps its own token
        assert client(app).post("/api/ingest", json={"text": "Kazakhstan and Oman signed a memorandum."},
                                headers=bearer(INGEST)).status_code == 200
    finally:
        app.state.store.close()


def test_without_users_the_dashboard_stays_open_and_read_only(sample_db):
    app = create_app(sample_db)
    c = client(app)
    home = c.get("/").text
    assert 'data-testid="login-link"' not in home and 'data-testid="user-name"' not in home
    assert "no accounts yet" in c.get("/login").text.lower()
    assert "data-review-form" not in c.get("/article/1").text
    assert error(c.post("/api/reviews", json={**FIGURE, "action": "confirm"}), 401)


def test_only_editors_see_the_review_controls_and_everyone_sees_who_reviewed(site):
    app, tokens = site
    client(app).post("/api/reviews", json={**FIGURE, "action": "correct", "fields": {"value": 4.45e9}},
                     headers=bearer(tokens["editor"]))
    viewer, _ = login(app, "vic")
    page = viewer.get("/article/1").text
    assert "data-review-form" not in page and 'data-testid="verified"' in page and "corrected · erin" in page
    assert 'data-testid="login-link"' in client(app).get("/").text       # accounts exist: a way to log in
    editor, _ = login(app, "erin")
    page = editor.get("/article/1").text
    assert page.count("data-review-form") >= 10                          # every figure and event of article 1
    assert 'data-testid="history-entry"' in page and "4,400,000,000 → 4,450,000,000" in page
    assert "corrected · erin" in editor.get("/pair/KAZ/UZB").text        # the figure's verified mark on the pair


def test_an_editor_saves_the_events_pages_search_from_the_dashboard(site):
    from accordwatch.watch import alerts

    app, _ = site
    anonymous = client(app)
    assert 'data-testid="save-search"' not in anonymous.get("/events?country=KAZ&type=agreement").text
    viewer, _ = login(app, "vic")
    assert 'data-testid="save-search"' not in viewer.get("/events?country=KAZ&type=agreement").text
    form = {"name": "Kazakh <b>agreements</b>", "country": "KAZ", "type": "agreement"}
    assert viewer.post("/alerts/save", data={**form, "csrf_token": csrf_of(viewer, "/")}).status_code == 403
    editor, _ = login(app, "erin")
    page = editor.get("/events?country=KAZ&type=agreement").text
    assert 'data-testid="save-search"' in page
    token = re.search(r'name="csrf_token" value="([^"]*)"', page.split('data-testid="save-search"')[1])[1]
    assert editor.post("/alerts/save", data={**form, "csrf_token": "forged"}).status_code == 403
    r = editor.post("/alerts/save", data={**form, "csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/alerts"
    (saved,) = alerts.list_alerts(app.state.engine)
    assert saved["name"] == "Kazakh <b>agreements</b>" and saved["filters"] == {"country": "KAZ", "type": "agreement"}
    assert "Kazakh &lt;b&gt;agreements&lt;/b&gt;" in editor.get("/alerts").text   # stays text
    bad = editor.post("/alerts/save", data={"name": "bad", "sector": "space", "csrf_token": token})
    assert bad.status_code == 400 and "sector" in bad.text

"""User management on the dashboard (P13, web/admin_pages.py): admins only on every route, the CSRF token on
every form, the last admin kept, and each action done by review.accounts and written to the audit log.

Each test gets its own app over a copy of the sample database with a viewer, an editor and an admin.
"""
from __future__ import annotations

import re

import pytest

from accordwatch.review import accounts, audit
from web_session import PASSWORD, app_with_users, client, csrf_of, login

NEW_PASSWORD = "river barge in april"
MARKUP = "<script>alert(1)</script>"
ROUTES = ("/users/add", "/users/role", "/users/password", "/users/remove")


@pytest.fixture
def app(sample_db, tmp_path):
    app = app_with_users(sample_db, tmp_path / "admin.db", secret="admin-test-secret")
    yield app
    app.state.store.close()


def message(r) -> str:
    """The page's one-line error (the users page's or the error page's)."""
    m = re.search(r'data-testid="(?:users-error|error-message)">([^<]*)<', r.text)
    assert m, r.text[:500]
    return m[1]


def roles(app) -> dict[str, str]:
    return {u["name"]: u["role"] for u in accounts.list_users(app.state.engine)}


def forms(name: str = "noor") -> dict[str, dict[str, str]]:
    return {"/users/add": {"name": name, "role": "editor", "password": NEW_PASSWORD, "again": NEW_PASSWORD},
            "/users/role": {"name": "vic", "role": "admin"},
            "/users/password": {"name": "vic", "password": NEW_PASSWORD, "again": NEW_PASSWORD},
            "/users/remove": {"name": "vic", "confirm": "1"}}


def test_every_route_refuses_anonymous_users_viewers_and_editors(app):
    before = roles(app)
    anonymous = client(app)
    token = csrf_of(anonymous)
    r = anonymous.get("/users")
    assert r.status_code == 401 and message(r) == "Log in as an admin to manage users."
    for path, data in forms().items():
        r = anonymous.post(path, data={**data, "csrf_token": token})
        assert r.status_code == 401, path
    for name, role in (("vic", "viewer"), ("erin", "editor")):
        c, token = login(app, name)
        r = c.get("/users")
        article = "an" if role == "editor" else "a"
        assert r.status_code == 403 and message(r) == f"Managing users is for admins ({name} is {article} {role})."
        assert 'data-testid="nav-users"' not in c.get("/").text
        for path, data in forms().items():
            assert c.post(path, data={**data, "csrf_token": token}).status_code == 403, (name, path)
        # an API token is no way round it
        api = accounts.create_token(app.state.engine, name, "tests")
        assert client(app).get("/users", headers={"Authorization": f"Bearer {api}"}).status_code == 403
    assert roles(app) == before
    assert [e["action"] for e in audit.entries(app.state.engine) if e["action"].startswith("user.")] == \
        ["user.add"] * 3   # the fixture's three, nothing since


def test_every_form_needs_the_csrf_token(app):
    c, token = login(app, "ada")
    page = c.get("/users").text
    # every form of the page carries the token
    assert page.count('<form method="post"') == page.count(f'name="csrf_token" value="{token}"')
    for path, data in forms().items():
        for sent in ({}, {"csrf_token": "forged"}):
            r = c.post(path, data={**data, **sent})
            assert r.status_code == 403 and "CSRF token" in r.text, (path, sent)
    assert roles(app) == {"ada": "admin", "erin": "editor", "vic": "viewer"}


def test_the_last_admin_cannot_be_demoted_or_removed(app):
    c, token = login(app, "ada")
    r = c.post("/users/role", data={"name": "ada", "role": "editor", "csrf_token": token})
    assert r.status_code == 409
    assert message(r) == "ada is the last admin and cannot be made editor: make another user admin first."
    r = c.post("/users/remove", data={"name": "ada", "confirm": "1", "csrf_token": token})
    assert r.status_code == 409 and "last admin and cannot be removed" in message(r)
    assert roles(app)["ada"] == "admin"
    # with a second admin, ada may step down, and then the page is no longer hers
    assert c.post("/users/role", data={"name": "erin", "role": "admin", "csrf_token": token}).status_code == 303
    r = c.post("/users/role", data={"name": "ada", "role": "viewer", "csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/account"
    assert roles(app)["ada"] == "viewer"
    assert c.get("/users").status_code == 403
    # now erin is the last admin
    e, etoken = login(app, "erin")
    r = e.post("/users/remove", data={"name": "erin", "confirm": "1", "csrf_token": etoken})
    assert r.status_code == 409 and roles(app)["erin"] == "admin"


def test_add_role_reset_and_remove_work_and_are_audited(app):
    c, token = login(app, "ada")
    r = c.post("/users/add", data={**forms()["/users/add"], "csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/users?done=add&name=noor"
    page = c.get(r.headers["location"]).text
    assert "User noor added." in page and 'data-user="noor"' in page
    noor, _ = login(app, "noor", NEW_PASSWORD)
    assert roles(app)["noor"] == "editor"

    r = c.post("/users/role", data={"name": "noor", "role": "viewer", "csrf_token": token})
    assert r.status_code == 303 and "noor&#39;s role changed." in c.get(r.headers["location"]).text
    assert roles(app)["noor"] == "viewer"

    r = c.post("/users/password", data={"name": "noor", "password": PASSWORD, "again": PASSWORD, "csrf_token": token})
    assert r.status_code == 303
    assert noor.get("/account").status_code == 303          # her session ended with the reset
    login(app, "noor", PASSWORD)                            # and the new password opens a new one

    r = c.post("/users/remove", data={"name": "noor", "csrf_token": token})
    assert r.status_code == 400 and message(r) == "Tick the box to confirm that noor is to be removed."
    r = c.post("/users/remove", data={"name": "noor", "confirm": "1", "csrf_token": token})
    assert r.status_code == 303 and "noor" not in roles(app)

    log = [(e["user_name"], e["action"], e["before"], e["after"])
           for e in reversed(audit.entries(app.state.engine, target="user noor"))]
    assert log == [("ada", "user.add", None, {"role": "editor"}),
                   ("ada", "user.role", {"role": "editor"}, {"role": "viewer"}),
                   ("ada", "user.passwd", None, None),
                   ("ada", "user.remove", {"role": "viewer"}, None)]
    assert 'data-testid="nav-users"' in c.get("/").text


def test_refusals_are_one_clear_line(app):
    c, token = login(app, "ada")
    cases = [
        ("/users/add", {"name": "noor", "role": "editor", "password": NEW_PASSWORD, "again": PASSWORD},
         "The two passwords differ."),
        ("/users/add", {"name": "noor", "role": "editor", "password": "short", "again": "short"},
         "A password needs at least 10 characters."),
        ("/users/add", {"name": "vic", "role": "editor", "password": NEW_PASSWORD, "again": NEW_PASSWORD},
         "A user named &#39;vic&#39; exists already."),
        ("/users/add", {"name": "noor", "role": "owner", "password": NEW_PASSWORD, "again": NEW_PASSWORD},
         "--role &#39;owner&#39;: one of viewer, editor, admin."),
        ("/users/role", {"name": "nobody", "role": "editor"},
         "No user &#39;nobody&#39; (see `accordwatch users list`)."),
        ("/users/password", {"name": "ada", "password": NEW_PASSWORD, "again": NEW_PASSWORD},
         "Change your own password on your account page: it asks for the current one."),
    ]
    for path, data, expected in cases:
        r = c.post(path, data={**data, "csrf_token": token})
        assert r.status_code == 400, (path, r.status_code)
        assert message(r) == expected
    # the add form keeps what was typed, never the password
    r = c.post("/users/add", data={"name": "noor", "role": "editor", "password": NEW_PASSWORD, "again": "x" * 12,
                                   "csrf_token": token})
    assert 'value="noor"' in r.text and NEW_PASSWORD not in r.text
    assert roles(app) == {"ada": "admin", "erin": "editor", "vic": "viewer"}


def test_markup_in_a_user_name_stays_text(app):
    c, token = login(app, "ada")
    for path in ROUTES:
        data = {**forms(MARKUP)[path], "name": MARKUP, "csrf_token": token}
        r = c.post(path, data=data)
        assert r.status_code == 400, path
        assert MARKUP not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    r = c.get("/users", params={"done": "add", "name": MARKUP})
    assert r.status_code == 200 and MARKUP not in r.text and "User &lt;script&gt;" in r.text
    assert MARKUP not in roles(app)


def test_two_admins_demoting_each_other_at_once_leave_one(app):
    import threading

    from accordwatch.web import admin_pages

    accounts.set_role(app.state.engine, "erin", "admin")
    start, refused = threading.Barrier(2), []

    def demote(name: str, by: str) -> None:
        start.wait()
        try:
            admin_pages._checked(app.state.engine, name, "viewer", accounts.set_role, "viewer", by)
        except admin_pages.Refused as e:
            refused.append(e.status)

    threads = [threading.Thread(target=demote, args=pair) for pair in (("erin", "ada"), ("ada", "erin"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert refused == [409] and list(roles(app).values()).count("admin") == 1

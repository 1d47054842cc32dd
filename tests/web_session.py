"""What the dashboard's security and review tests share: an app over a copy of a database with users in
it, and test clients that log in as a browser does (cookies kept per client; the CSRF token the login
form and every page carry)."""
from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

from accordwatch.review import accounts
from accordwatch.web import create_app

with warnings.catch_warnings():   # Starlette's TestClient warns that it wants httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"   # every test user's, unless a test says otherwise
CSRF = re.compile(r'<meta name="csrf-token" content="([^"]*)"')
ROLES = (("vic", "viewer"), ("erin", "editor"), ("ada", "admin"))   # (name, role) of the usual three users


def app_with_users(database: str | Path, copy: Path, users=ROLES, password: str = PASSWORD, **options):
    """An app over `copy` (a copy of the SQLite file `database`), where each (name, role) of `users` logs
    in with `password`; `options` go to create_app."""
    shutil.copy(database, copy)
    app = create_app(str(copy), **options)
    for name, role in users:
        accounts.add_user(app.state.engine, name, password, role)
    return app


def api_tokens(app, users=ROLES) -> dict[str, str]:
    """{role: an API token of that role's user}."""
    return {role: accounts.create_token(app.state.engine, name, "tests") for name, role in users}


def client(app, https: bool = False) -> TestClient:
    return TestClient(app, raise_server_exceptions=False, follow_redirects=False,
                      base_url="https://testserver" if https else "http://testserver")


def csrf_of(c: TestClient, path: str = "/login") -> str:
    """The CSRF token a page gives its forms."""
    return CSRF.search(c.get(path).text)[1]


def login(app, name: str, password: str = PASSWORD, https: bool = False) -> tuple[TestClient, str]:
    """A client logged in as `name`, and the CSRF token of its pages."""
    c = client(app, https)
    r = c.post("/login", data={"name": name, "password": password, "csrf_token": csrf_of(c)})
    assert r.status_code == 303, r.text
    return c, csrf_of(c, "/")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def error(r, status: int) -> str:
    """The one-line error of a JSON error answer with `status`."""
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"ok", "error", "status"} and body["status"] == status
    return body["error"]

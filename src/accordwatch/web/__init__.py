"""The web face of accordwatch: a REST API (web/api.py, under /api) and a dashboard (web/pages.py), both
thin layers over accordwatch.query, served by `accordwatch serve`.

app.py            create_app(db, ingest_token, max_upload_bytes, private, secret): the FastAPI app, its
                  settings (SETTINGS)
api.py            the /api routes; api_review.py (reviews, the audit log) and api_watch.py (sources, saved
                  searches) add the writes of signed-in people, api_checks.py holds their bodies to their schemas
auth.py           sessions, API tokens, CSRF, the login rate limit, `serve --private`
errors.py         the one JSON error shape {"ok": false, "error", "status"} and the handlers that give it
pages.py          the dashboard; watch_pages.py (sources, saved searches, feeds), account_pages.py (login,
                  logout, password, the audit log)
"""
from __future__ import annotations

from .app import SETTINGS, create_app

__all__ = ["SETTINGS", "create_app"]

"""The web face of accordwatch: a REST API (web/api.py, under /api) and a dashboard (web/pages.py), both
thin layers over accordwatch.query, served by `accordwatch serve`.

app.py     create_app(db, ingest_token, max_upload_bytes): the FastAPI app, its settings (SETTINGS)
api.py     the /api routes
errors.py  the one JSON error shape {"ok": false, "error", "status"} and the handlers that give it
"""
from __future__ import annotations

from .app import SETTINGS, create_app

__all__ = ["SETTINGS", "create_app"]

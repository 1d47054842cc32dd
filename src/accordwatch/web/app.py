"""The web application: the REST API under /api, the dashboard (when installed), and the OpenAPI document at
/openapi.json shown by Swagger UI at /docs and ReDoc at /redoc.

    >>> from accordwatch.web import create_app
    >>> app = create_app("news.db", ingest_token="s3cret")      # then: uvicorn.run(app)

or `accordwatch serve --db news.db`, or `uvicorn --factory accordwatch.web.app:create_app` (settings from
the environment). The database is opened (and migrated) once; its Engine lives on `app.state.engine`,
where the API and the dashboard read it.

Swagger UI's and ReDoc's scripts and styles are served by the app itself, from the fastapi-offline package
(at DOCS_ASSETS), never from a CDN: the documentation works without a network.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.datastructures import MutableHeaders

from .. import __version__
from ..store import open_store
from ..store.engine import DEFAULT_URL
from ..store.engine import ENV_VAR as DB_ENV_VAR
from . import auth, errors
from .api import finish_openapi
from .api import router as api_router
from .api_entities import router as entities_router
from .cache import VersionedCache

INGEST_TOKEN_ENV = "ACCORDWATCH_INGEST_TOKEN"
MAX_UPLOAD_BYTES = 5_000_000
STATIC_DIR = Path(__file__).parent / "static"
PAGES_MODULE = "accordwatch.web.pages"
DOCS_ASSETS = "/static-docs"     # Swagger UI's and ReDoc's files (fastapi-offline's copies)


@dataclass(frozen=True)
class Setting:
    name: str          # the argument of create_app
    option: str        # the option of `accordwatch serve`
    env: str | None    # the environment variable it falls back to
    default: str
    help: str


# Every setting of the web app, documented here once: `accordwatch serve --help` and the OpenAPI
# description show them (tests/test_api_routes.py checks that they do).
SETTINGS = (
    Setting("db", "--db", DB_ENV_VAR, DEFAULT_URL, "Database URL or SQLite file."),
    Setting("host", "--host", None, "127.0.0.1", "Address to listen on (serve only)."),
    Setting("port", "--port", None, "8000", "Port to listen on (serve only)."),
    Setting("ingest_token", "--ingest-token", INGEST_TOKEN_ENV, "(none: ingest disabled)",
            "Bearer token that POST /api/ingest requires; without one the endpoint answers 403."),
    Setting("max_upload_bytes", "--max-upload-bytes", None, f"{MAX_UPLOAD_BYTES:,}",
            "Largest request body POST /api/ingest accepts (413 above)."),
    Setting("private", "--private", auth.PRIVATE_ENV, "off",
            "Nothing is read without a login: pages redirect to /login, /api answers 401 without "
            "`Authorization: Bearer <API token>` or a session."),
)

DESCRIPTION = """\
Who agreed what with whom, when, in which sector, with what figures: the records accordwatch extracted
from news about international economic cooperation, each fact traced to the characters of the article
that states it.

**Reads** (GET) are open (unless the server is `--private`). **Writes** need a user: `POST /api/reviews` (confirm,
correct or reject a fact), `POST /api/entity-reviews` (the same for a person, organization or country an article
names), `POST /api/entities/merge` and `POST /api/entities/split` (two spellings of one entity; a wrong merge
undone), `POST /api/alerts` and `DELETE /api/alerts/{alert_id}` (saved searches) need an editor or
admin, `GET /api/audit` an admin, each authenticated by `Authorization: Bearer <API token>` (`accordwatch users token
NAME`) or by the dashboard's session cookie with its CSRF token in the `X-CSRF-Token` header; `POST /api/ingest`
needs the server's ingest token instead. Collections (`documents`, `entities`, `events`, `figures`) take `page`
(from 1) and `per_page` (1-200) and answer `{"items", "page", "per_page", "pages", "total"}`.

**Errors** all have one shape: `{"ok": false, "error": "<message>", "status": <code>}`: 400 for a parameter
the client can fix (unknown code, bad filter or date, a search without a word, page < 1), 404 for no such item
or a page past the last, 405 for a method the route does not take, 401 without a user (or the ingest token), 403
for a role that may not do it (or a missing CSRF token), 409 for a saved search whose name is taken (or a merge or
split the entities refuse), 413 on ingest.

**Parameters** carry their rules here (choices, patterns, bounds) and an example that the sample corpus
(examples/articles) holds; an empty filter is no filter. The API is fuzzed against this document
(tests/test_api_fuzz.py).

**Settings** (`accordwatch serve`):

| setting | option | environment | default | |
|---|---|---|---|---|
""" + "\n".join(f"| {s.name} | `{s.option}` | {f'`{s.env}`' if s.env else '-'} | {s.default} | {s.help} |"
                for s in SETTINGS) + "\n"


# The documentation pages load nothing but from the app: ReDoc's sidebar shows a logo from its makers' CDN,
# which the browser then does not even ask for (the page is the same without it).
DOCS_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; font-src 'self' data:")


class _Headers:
    """Browsers take every response for the type it says (a JSON text holding <script> stays text), and
    the documentation pages (`docs_paths`) get DOCS_CSP."""

    def __init__(self, app, docs_paths: tuple[str, ...] = ()) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope.get("path") in self.docs_paths

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                if docs:
                    headers.setdefault("Content-Security-Policy", DOCS_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _dashboard(app: FastAPI) -> bool:
    """Include the dashboard (accordwatch.web.pages: `router`, optionally `error_page`) and its static
    files when the module is installed. An error inside the module is raised, not hidden."""
    if importlib.util.find_spec(PAGES_MODULE) is None:
        return False
    pages = importlib.import_module(PAGES_MODULE)
    app.include_router(pages.router)
    from .accuracy_page import router as accuracy_router  # /accuracy
    from .admin_pages import router as admin_router  # /users (admins)

    app.include_router(admin_router)
    app.include_router(accuracy_router)
    if STATIC_DIR.is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if callable(getattr(pages, "error_page", None)):
        app.state.error_page = pages.error_page
    return True


def create_app(db: str | None = None, ingest_token: str | None = None,
               max_upload_bytes: int = MAX_UPLOAD_BYTES, private: bool | None = None,
               secret: str | None = None) -> FastAPI:
    """The app over the database at `db` (else $ACCORDWATCH_DB, else ./accordwatch.db), opened and
    migrated now. `ingest_token` (else $ACCORDWATCH_INGEST_TOKEN) enables POST /api/ingest; without one
    it answers 403. `private` (else $ACCORDWATCH_PRIVATE=1): nothing is read without a login or an API
    token (web/auth.py). `secret` (else $ACCORDWATCH_SECRET, else random) signs the CSRF tokens: the
    processes serving one site need the same. Raises StoreError when the database cannot be opened."""
    if max_upload_bytes < 1:
        raise ValueError(f"max_upload_bytes must be 1 or more, not {max_upload_bytes}")
    store = open_store(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPIOffline(title="accordwatch", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                         docs_url="/docs", redoc_url="/redoc", openapi_url="/openapi.json", static_url=DOCS_ASSETS,
                         swagger_ui_parameters={"validatorUrl": None})   # no badge fetched from a validator
    app.state.store = store
    app.state.engine = store.engine
    app.state.profile_cache = VersionedCache(store.engine)
    app.state.answer_cache = VersionedCache(store.engine)   # partners, events, figures, search (web.api)
    app.state.ingest_token = ingest_token or os.environ.get(INGEST_TOKEN_ENV) or None
    app.state.max_upload_bytes = max_upload_bytes
    app.state.error_page = None
    app.state.private = private if private is not None else _truthy(os.environ.get(auth.PRIVATE_ENV))
    app.state.login_limiter = auth.LoginLimiter()
    errors.install(app)
    # outermost first when a request comes in: the headers, the CSRF check, then (private) the login gate
    if app.state.private:
        app.add_middleware(auth.PrivateGate)
    app.add_middleware(auth.CSRFMiddleware, secret=auth.app_secret(secret))
    app.add_middleware(_Headers, docs_paths=("/docs", "/redoc"))
    app.include_router(api_router, prefix=errors.API_PREFIX)
    app.include_router(entities_router, prefix=errors.API_PREFIX)   # entity reviews, merges and splits
    app.state.dashboard = _dashboard(app)
    built = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = finish_openapi(built())
        return app.openapi_schema

    app.openapi = openapi
    return app


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def app_from_env() -> FastAPI:
    """The app configured by the environment (ACCORDWATCH_DB, ACCORDWATCH_INGEST_TOKEN,
    ACCORDWATCH_MAX_UPLOAD_BYTES, ACCORDWATCH_PRIVATE, ACCORDWATCH_SECRET): what each worker process of
    `accordwatch serve --workers N` builds."""
    return create_app(os.environ.get("ACCORDWATCH_DB"), ingest_token=os.environ.get("ACCORDWATCH_INGEST_TOKEN"),
                      max_upload_bytes=int(os.environ.get("ACCORDWATCH_MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES)))

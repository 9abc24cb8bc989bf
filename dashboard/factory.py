"""The app factory: one Dash app bound to one database.

Everything an app needs is set here and kept on ``app.server.config``; nothing
lives in module-level mutable state, so tests can build several apps and
gunicorn workers can share one database.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.cache import configure as configure_cache
from dashboard.i18n import t

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"

log = logging.getLogger("ogp_monitor")


def create_app(
    database_url: str | None = None,
    *,
    today: dt.date | None = None,
    migrate: bool = True,
    cache_config: dict | None = None,
) -> dash.Dash:
    """Build the dashboard.

    ``database_url``: where the data is (default: DATABASE_URL or the SQLite
    file under instance/).  ``today``: pin the date the views count from
    (tests and benchmarks); by default the real date at each request.
    ``migrate``: bring the database to the latest schema (at start if the
    database answers, else as soon as it does: the server starts either way).
    """
    from dashboard import availability, logs, request_checks
    from data.config import database_url as resolve_url

    logs.configure()
    if not ASSETS.is_dir():
        # A non-editable `pip install .` copies the Python packages only.
        raise RuntimeError(
            f"the app's assets are not at {ASSETS}: deploy OGP Monitor from a checkout "
            "(git clone, then pip install -e .), see the README's Production section"
        )
    url = resolve_url(database_url)

    app = dash.Dash(
        __name__,
        title=t("app.name", "es"),
        assets_folder=str(ASSETS),
        serve_locally=True,
        suppress_callback_exceptions=True,
        update_title=None,
        # When the database is away a callback answers 503; this shows why.
        hooks={
            "callback_resolved": "function (cb, result) { if (window.ogpDataUnavailable) { window.ogpDataUnavailable(result); } }"
        },
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": t("app.tagline", "es")},
        ],
    )
    # The document starts in Spanish; a clientside callback follows ?lang=.
    app.index_string = app.index_string.replace("<html>", '<html lang="es">', 1)
    server = app.server
    server.config["OGP_DATABASE_URL"] = url
    server.config["OGP_TODAY"] = today
    # In this order: every request gets its id, malformed ones stop here, then
    # the schema is checked before any query.
    logs.install(server)
    request_checks.install(app)
    availability.install(server, url, migrate=migrate)
    configure_cache(server, cache_config)
    _security_headers(app)
    _compress(server)

    app.layout = html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            html.Div(id=ids.UNAVAILABLE, role="alert", hidden=True, className="alert alert-warning data-unavailable"),
            dcc.Store(id=ids.RENDERED, storage_type="memory"),
            dcc.Store(id=ids.VIEWPORT, storage_type="memory"),
            html.Div(id=ids.SHELL, className="app-shell"),
        ]
    )

    from callbacks import register_all

    register_all(app)
    return app


def database_url_of(app: dash.Dash) -> str:
    return app.server.config["OGP_DATABASE_URL"]


def today_of(app: dash.Dash) -> dt.date:
    return app.server.config.get("OGP_TODAY") or dt.date.today()


class _StaticFilesOnly:
    """Flask-Compress's cache for files that never change while the process runs.

    The key names the file (see ``_static_cache_key``); other responses (a
    callback's JSON) have an empty key and are compressed afresh each time.
    plotly.min.js (4.8 MB) is then compressed once per process and encoding.
    """

    def __init__(self):
        self._store: dict[str, bytes] = {}

    def get(self, key: str):
        return self._store.get(key) if not key.endswith(";") else None

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";") and len(self._store) < 256:
            self._store[key] = value


def _static_cache_key(request) -> str:
    if request.method == "GET" and request.path.startswith(("/_dash-component-suites/", "/assets/")):
        return request.full_path
    return ""


def _compress(server) -> None:
    """Compress responses where the browser accepts it (gzip, br, zstd)."""
    from flask_compress import Compress

    server.config.setdefault("COMPRESS_CACHE_BACKEND", _StaticFilesOnly)
    server.config.setdefault("COMPRESS_CACHE_KEY", _static_cache_key)
    server.config.setdefault(
        "COMPRESS_MIMETYPES",
        [
            "text/html",
            "text/css",
            "text/plain",
            "text/csv",
            "application/javascript",
            "text/javascript",
            "application/json",
            "image/svg+xml",
        ],
    )
    Compress(server)


def _security_headers(app: dash.Dash) -> None:
    """A Content-Security-Policy that lets no injected script run.

    Dash's inline bootstrap scripts are allowed by their hashes; in debug mode
    (hot reload) the policy is left off because the dev tools need eval.
    """
    server = app.server

    @server.after_request
    def _headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        if not server.debug and response.mimetype == "text/html":
            hashes = " ".join(app.csp_hashes())
            response.headers["Content-Security-Policy"] = (
                f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                "object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
            )
        return response

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
    ``migrate``: bring the database to the latest schema first.
    """
    from data.config import database_url as resolve_url
    from data.db import migrate as migrate_db

    url = resolve_url(database_url)
    if migrate:
        migrate_db(url)

    app = dash.Dash(
        __name__,
        title=t("app.name", "es"),
        assets_folder=str(ASSETS),
        serve_locally=True,
        suppress_callback_exceptions=True,
        update_title=None,
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
    configure_cache(server, cache_config)
    _security_headers(app)

    app.layout = html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
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

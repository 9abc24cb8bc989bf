"""When the database cannot be read: a short message and 503, never a blank page.

- The server starts while the database is down.  The schema is brought to the
  latest revision at start when the database answers, else on the first
  request (or readiness probe) that finds it back, at most every few seconds
  per process; ``data.db.migrate`` takes the migration lock only when a
  migration is needed, so a read-only database is served as it is.
- Any of ``data.db.DATABASE_UNAVAILABLE`` raised while answering a request
  becomes 503 with the message in the page's language (JSON for Dash's
  callback endpoint, which ``assets/70_data_unavailable.js`` shows); it is
  logged at most once a minute per process, not per request.
- ``/healthz``: the process answers (200 always).  ``/readyz``: the database
  answers and its schema is at the latest revision (200), else 503: for load
  balancers.
"""

from __future__ import annotations

import logging
import threading
import time
from urllib.parse import parse_qs, urlsplit

import flask

from dashboard.i18n import LANGS, add, lang_from_accept_language, normalise_lang, t

log = logging.getLogger("ogp_monitor.availability")

add(
    {
        "unavailable.body": {
            "es": "Los datos no se pueden leer en este momento; inténtelo de nuevo en un minuto.",
            "en": "The data cannot be read right now; try again in a minute.",
        },
    }
)

# Seconds between two migration attempts of one process while the database is away.
RETRY_SECONDS = 2.0
# Seconds between two log lines about the database being away (per process).
LOG_EVERY_SECONDS = 60.0
RETRY_AFTER = "60"


class DataUnavailable(Exception):
    """The schema is not ready yet (the database was away when the server started)."""


class Readiness:
    """Whether this process has seen the database at the latest schema revision."""

    def __init__(self, url: str, migrate: bool):
        self.url = url
        self.migrate = migrate
        self.ready = not migrate  # without migrating, the caller vouches for the schema
        self._lock = threading.Lock()
        self._last_attempt = 0.0
        self._last_log = -LOG_EVERY_SECONDS

    def try_migrate(self, *, force: bool = False) -> bool:
        """Migrate now unless tried less than RETRY_SECONDS ago; True when ready."""
        from data.db import DATABASE_UNAVAILABLE, migrate, redacted

        if self.ready:
            return True
        now = time.monotonic()
        if not force and now - self._last_attempt < RETRY_SECONDS:
            return False
        if not self._lock.acquire(blocking=False):
            return False  # another thread of this process is migrating
        try:
            self._last_attempt = now
            migrate(self.url)
            self.ready = True
            log.info("database %s is at the latest schema", redacted(self.url))
        except DATABASE_UNAVAILABLE as exc:
            self.note_unavailable(exc)
        finally:
            self._lock.release()
        return self.ready

    def note_unavailable(self, exc: BaseException) -> None:
        """Log that the database is away, at most once a minute."""
        from data.db import redacted

        now = time.monotonic()
        if now - self._last_log >= LOG_EVERY_SECONDS:
            self._last_log = now
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            log.warning("database %s unavailable: %s: %s", redacted(self.url), type(exc).__name__, first_line[:300])


def readiness_of(server: flask.Flask) -> Readiness:
    return server.extensions["ogp_readiness"]


def request_lang() -> str:
    """The page's language: ``lang`` in the page's URL (a callback's Referer), else the browser's."""
    request = flask.request
    for source in (request.args, _referer_query()):
        value = source.get("lang")
        if isinstance(value, list):
            value = value[0] if value else None
        if value in LANGS:
            return value
    return normalise_lang(lang_from_accept_language(request.headers.get("Accept-Language")))


def _referer_query() -> dict:
    referer = flask.request.headers.get("Referer") or ""
    try:
        return parse_qs(urlsplit(referer).query) if len(referer) < 4096 else {}
    except ValueError:
        return {}


def unavailable_response() -> flask.Response:
    lang = request_lang()
    request = flask.request
    if request.path.endswith("/_dash-update-component") or request.accept_mimetypes.best == "application/json":
        body = {
            "error": "data_unavailable",
            "message": t("unavailable.body", lang),
            "messages": {code: t("unavailable.body", code) for code in LANGS},
        }
        response = flask.jsonify(body)
        response.status_code = 503
    else:
        html = (
            f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>503</title>'
            f'<p role="alert">{t("unavailable.body", lang)}</p></html>'
        )
        response = flask.Response(html, status=503, mimetype="text/html")
    response.headers["Retry-After"] = RETRY_AFTER
    response.headers["Cache-Control"] = "no-store"
    return response


def install(server: flask.Flask, url: str, *, migrate: bool) -> None:
    """Migrate now if the database answers; answer 503 while it does not."""
    from data.db import DATABASE_UNAVAILABLE, is_migrated, ping

    readiness = Readiness(url, migrate)
    server.extensions["ogp_readiness"] = readiness
    if migrate:
        readiness.try_migrate(force=True)

    @server.before_request
    def _schema_ready():
        if flask.request.path.endswith("/_dash-update-component") and not readiness.try_migrate():
            raise DataUnavailable("the schema is not ready")

    def _unavailable(exc):
        readiness.note_unavailable(exc)
        return unavailable_response()

    for error in (*DATABASE_UNAVAILABLE, DataUnavailable):
        server.register_error_handler(error, _unavailable)

    @server.get("/healthz")
    def healthz():
        return flask.jsonify({"status": "ok"})

    @server.get("/readyz")
    def readyz():
        try:
            ping(url)
            if migrate and not is_migrated(url):
                readiness.ready = False
                readiness.try_migrate(force=True)
            ready = is_migrated(url)
        except DATABASE_UNAVAILABLE as exc:
            readiness.note_unavailable(exc)
            return flask.jsonify({"status": "unavailable", "database": "unreachable"}), 503
        if not ready:
            return flask.jsonify({"status": "unavailable", "database": "migrations pending"}), 503
        return flask.jsonify({"status": "ready"})

"""Logs an operator can search: one JSON object per line, each with its request's id.

``OGP_LOG_FORMAT=json`` turns it on (default: Python's plain text).  Every
request gets an id (a load balancer's ``X-Request-ID`` when it is a plain
token, else a new one), returned in the response's ``X-Request-ID`` header and
added to every line logged while answering it; in JSON mode one line per
request also records method, path, status and duration.  Credentials in URLs
(``scheme://user:password@host``) are masked in every line.
"""

from __future__ import annotations

import logging
import os
import re
import time
import uuid

import flask

log = logging.getLogger("ogp_monitor.request")

_REQUEST_ID = re.compile(r"[A-Za-z0-9._\-]{1,64}")
_CREDENTIALS = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]*:)[^@\s]*@")


def mask_secrets(text: str) -> str:
    """``postgresql://user:secret@host`` → ``postgresql://user:***@host``."""
    return _CREDENTIALS.sub(r"\1***@", text)


def log_format() -> str:
    value = os.environ.get("OGP_LOG_FORMAT", "text").strip().lower()
    if value not in ("text", "json"):
        raise ValueError(f"OGP_LOG_FORMAT must be 'text' or 'json', not {value!r}")
    return value


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (or None outside a request) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = flask.g.get("request_id") if flask.has_request_context() else None
        return True


def _json_formatter() -> logging.Formatter:
    from pythonjsonlogger.json import JsonFormatter

    class MaskingJsonFormatter(JsonFormatter):
        def format(self, record: logging.LogRecord) -> str:
            return mask_secrets(super().format(record))

    return MaskingJsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        json_ensure_ascii=False,
    )


def configure() -> None:
    """In JSON mode, one handler on the root logger writing JSON lines to standard error."""
    if log_format() != "json":
        return
    root = logging.getLogger()
    if any(getattr(handler, "ogp_json", False) for handler in root.handlers):
        return  # configured already (a second app in the same process)
    handler = logging.StreamHandler()
    handler.ogp_json = True  # type: ignore[attr-defined]
    handler.setFormatter(_json_formatter())
    handler.addFilter(RequestIdFilter())
    # gunicorn's and Flask's own handlers would print the same lines as text.
    for name in ("gunicorn.error", "gunicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    root.handlers[:] = [handler]
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)


def install(server: flask.Flask) -> None:
    """A request id for every request; in JSON mode, one line per request."""
    json_mode = log_format() == "json"

    @server.before_request
    def _request_id():
        given = flask.request.headers.get("X-Request-ID", "")
        flask.g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        flask.g.request_started = time.perf_counter()

    @server.after_request
    def _log_request(response):
        request_id = flask.g.get("request_id")
        if request_id:
            response.headers["X-Request-ID"] = request_id
        if json_mode:
            started = flask.g.get("request_started")
            log.info(
                "%s %s %s",
                flask.request.method,
                flask.request.path[:200],
                response.status_code,
                extra={
                    "method": flask.request.method,
                    "path": flask.request.path[:200],
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
                },
            )
        return response

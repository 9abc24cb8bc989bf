"""Requests the app cannot have sent are refused with 400 before any work.

- Control characters (NUL included) in a URL's path or query string: 400
  before any query, so they never reach the database or the logs' parsers.
- Dash's callback endpoint: the body must be what the Dash renderer sends for
  a callback this app declares: a JSON object naming a known output, with the
  declared inputs and states (same properties, same ids); a URL's path and
  query must be text without control characters, and dates within
  ``dashboard.state``'s range.  Anything else is the client's mistake: 400, not a 500 from
  deep inside Dash.
- Request bodies are limited by ``MAX_CONTENT_LENGTH`` (``OGP_MAX_REQUEST_BYTES``,
  1 MB by default): Werkzeug refuses a longer body with 413 without reading
  it.  A future upload route raises its own limit by setting
  ``flask.request.max_content_length`` in its view (Flask ≥ 3.1).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from urllib.parse import unquote_to_bytes

import flask
from dash.exceptions import DependencyException
from werkzeug.exceptions import HTTPException

from dashboard.state import MAX_DATE, MIN_DATE

DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x1f\x7f]")

# Properties whose values the views read as text: a URL's parts, dates.
_URL_PROPS = frozenset({"pathname", "search", "hash", "href"})
_DATE_PROPS = frozenset({"date", "start_date", "end_date", "min_date_allowed", "max_date_allowed"})


def max_request_bytes() -> int:
    raw = os.environ.get("OGP_MAX_REQUEST_BYTES")
    if not raw:
        return DEFAULT_MAX_REQUEST_BYTES
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"OGP_MAX_REQUEST_BYTES must be a number of bytes, not {raw!r}") from exc
    if value < 1024:
        raise ValueError(f"OGP_MAX_REQUEST_BYTES must be at least 1024, not {value}")
    return value


def url_problem(path: str, query_string: bytes) -> str | None:
    """Why a URL is refused, or None."""
    if _CONTROL.search(path):
        return "control character in the path"
    if _CONTROL_BYTES.search(unquote_to_bytes(query_string)):
        return "control character in the query string"
    return None


def _value_problem(prop: str, value) -> str | None:
    """Values no browser sends: a URL part that is not text, a date out of range.

    Other junk (a filter value of the wrong kind, a date that is not one) is
    each callback's to ignore, as it does for a hand-edited link.
    """
    if prop in _URL_PROPS:
        if value is not None and not isinstance(value, str):
            return f"{prop} must be text"
        if value and _CONTROL.search(value):
            return f"control character in {prop}"
    elif prop in _DATE_PROPS and isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
        if not MIN_DATE <= day <= MAX_DATE:
            return f"{prop} is out of range"
    return None


def _is_wildcard(declared_id: str) -> bool:
    return declared_id.startswith("{")


def _entry_problem(entry, declared: dict, where: str) -> str | None:
    if not isinstance(entry, dict):
        return f"{where} is not an object"
    if entry.get("property") != declared["property"]:
        return f"{where} is not the declared property"
    entry_id = entry.get("id")
    if _is_wildcard(declared["id"]):
        if not isinstance(entry_id, dict):
            return f"{where} has a malformed id"
    elif entry_id != declared["id"]:
        return f"{where} is not the declared component"
    return _value_problem(declared["property"], entry.get("value"))


def _arguments_problem(items, declared: list[dict], key: str) -> str | None:
    if not isinstance(items, list) or len(items) != len(declared):
        return f"{key} do not match the callback"
    for index, (item, spec) in enumerate(zip(items, declared)):
        where = f"{key}[{index}]"
        if isinstance(item, list):  # a pattern-matching ALL: one entry per component
            if not _is_wildcard(spec["id"]):
                return f"{where} is a list"
            for entry in item:
                if problem := _entry_problem(entry, spec, where):
                    return problem
        elif problem := _entry_problem(item, spec, where):
            return problem
    return None


def callback_problem(body, callback_map: dict) -> str | None:
    """Why a body sent to ``/_dash-update-component`` is refused, or None."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return "unknown output"
    spec = callback_map[output]
    if problem := _arguments_problem(body.get("inputs"), spec["inputs"], "inputs"):
        return problem
    if problem := _arguments_problem(body.get("state", []), spec.get("state", []), "state"):
        return problem
    outputs = body.get("outputs")
    if spec.get("no_output"):
        pass
    elif output.startswith(".."):
        count = len(output[2:-2].split("..."))
        if not isinstance(outputs, list) or len(outputs) != count:
            return "outputs do not match the callback"
    elif not isinstance(outputs, dict | list):
        return "outputs do not match the callback"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(item, str) for item in changed):
        return "changedPropIds must be a list of text"
    return None


def _bad_request(description: str):
    if flask.request.path.endswith("/_dash-update-component"):
        return flask.jsonify({"error": "bad_request", "message": description}), 400
    return flask.Response(f"Bad request: {description}\n", status=400, mimetype="text/plain")


def install(app) -> None:
    """Refuse malformed URLs and callback bodies; limit request bodies."""
    server = app.server
    if server.config.get("MAX_CONTENT_LENGTH") is None:  # Flask's default: no limit
        server.config["MAX_CONTENT_LENGTH"] = max_request_bytes()
    callback_path = app.config.requests_pathname_prefix.rstrip("/") + "/_dash-update-component"

    @server.before_request
    def _check_request():
        request = flask.request
        if problem := url_problem(request.path, request.query_string):
            return _bad_request(problem)
        if request.method == "POST" and request.path == callback_path:
            # Parsed once: Flask keeps the result for Dash's own get_json().
            body = request.get_json(silent=True)
            if problem := callback_problem(body, app.callback_map):
                return _bad_request(problem)
        return None

    @server.errorhandler(DependencyException)
    def _unknown_resource(_error):
        # Dash raises this for a script path it does not serve: a bad link, not a bug.
        return flask.Response("Not found\n", status=404, mimetype="text/plain")

    @server.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        # Flask's own 4xx (a body too large, a method not allowed) keep their
        # status; the callback endpoint answers them in JSON like its others.
        if flask.request.path == callback_path and isinstance(error, HTTPException) and error.code:
            return flask.jsonify({"error": error.name, "message": error.description}), error.code
        return error

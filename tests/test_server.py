"""The server degrades instead of failing, and refuses what the app never sends.

Browser-free: Flask's test client against apps built by the factory.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_ADMIN_URL, ROOT

UNAVAILABLE_ES = "Los datos no se pueden leer en este momento; inténtelo de nuevo en un minuto."
UNAVAILABLE_EN = "The data cannot be read right now; try again in a minute."

ROUTE = {
    "output": "..shell.children...rendered-view.data..",
    "outputs": [{"id": "shell", "property": "children"}, {"id": "rendered-view", "property": "data"}],
    "inputs": [
        {"id": "url", "property": "pathname", "value": "/"},
        {"id": "url", "property": "search", "value": ""},
    ],
    "changedPropIds": ["url.pathname"],
    "state": [{"id": "rendered-view", "property": "data"}],
}


def route_body(pathname="/", search=""):
    body = json.loads(json.dumps(ROUTE))
    body["inputs"][0]["value"] = pathname
    body["inputs"][1]["value"] = search
    return body


def post_callback(client, body, **kwargs):
    data = body if isinstance(body, bytes) else json.dumps(body)
    return client.post("/_dash-update-component", data=data, content_type="application/json", **kwargs)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from dashboard.factory import create_app
    from data.seed import seed_database

    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'peru.sqlite3'}"
    seed_database(url)
    return create_app(url).server.test_client()


def test_srv001_route_callback_answers(client):
    response = post_callback(client, route_body("/", "?lang=en"))
    assert response.status_code == 200
    assert "Overview" in response.get_data(as_text=True)


def _with(body, index, value, key="inputs"):
    body = json.loads(json.dumps(body))
    body[key][index]["value"] = value
    return body


@pytest.mark.parametrize(
    "name, body, problem",
    [
        ("a JSON array", [ROUTE], "not a JSON object"),
        ("null", None, "not a JSON object"),
        ("a string", "route", "not a JSON object"),
        ("an unknown output", {**ROUTE, "output": "nothing.children"}, "unknown output"),
        ("no output", {k: v for k, v in ROUTE.items() if k != "output"}, "unknown output"),
        ("missing inputs", {k: v for k, v in ROUTE.items() if k != "inputs"}, "inputs"),
        ("one input short", {**ROUTE, "inputs": ROUTE["inputs"][:1]}, "inputs"),
        (
            "another component's input",
            _with({**ROUTE, "inputs": [{"id": "x", "property": "pathname"}, ROUTE["inputs"][1]]}, 0, "/"),
            "declared component",
        ),
        ("a number as the path", _with(ROUTE, 0, 5), "pathname must be text"),
        ("a list as the query string", _with(ROUTE, 1, ["?lang=en"]), "search must be text"),
        ("an object as the path", _with(ROUTE, 0, {"a": 1}), "pathname must be text"),
        ("a NUL in the path", _with(ROUTE, 0, "/commitments/PE\x00066"), "control character"),
        ("outputs missing", {k: v for k, v in ROUTE.items() if k != "outputs"}, "outputs"),
        ("changedPropIds not a list", {**ROUTE, "changedPropIds": 3}, "changedPropIds"),
        ("state not a list", {**ROUTE, "state": "x"}, "state"),
    ],
)
def test_srv002_malformed_callback_requests_get_400(client, name, body, problem):
    response = post_callback(client, body)
    assert response.status_code == 400, name
    assert problem in response.get_json()["message"]


def test_srv003_callback_body_that_is_not_json_gets_400(client):
    assert post_callback(client, b"{not json").status_code == 400
    assert client.post("/_dash-update-component", data=b"", content_type="application/json").status_code == 400


def test_srv004_out_of_range_dates_are_refused(client):
    from dashboard.state import parse_query

    params, bad = parse_query("?asof=0001-01-01&start=9999-12-31&end=2024-01-31")
    assert "asof" in bad and "start" in bad
    assert params == {"end": "2024-01-31"}
    body = {
        "output": "brief-content.children",
        "outputs": {"id": "brief-content", "property": "children"},
        "inputs": [
            {"id": {"name": "asof", "type": "date-filter"}, "property": "date", "value": "0001-01-01"},
            {"id": "brief-context", "property": "data", "value": None},
        ],
        "changedPropIds": [],
    }
    response = post_callback(client, body)
    assert response.status_code == 400
    assert "out of range" in response.get_json()["message"]


@pytest.mark.parametrize(
    "url",
    ["/commitments/PE%00066", "/?lang=es%00", "/?country=PER%0A", "/timeline?q=%1b", "/%7f", "/_dash-layout?x=%00"],
)
def test_srv005_control_characters_in_urls_get_400(client, url):
    assert client.get(url).status_code == 400


def test_srv006_request_bodies_are_limited(client):
    from dashboard.request_checks import DEFAULT_MAX_REQUEST_BYTES

    big = b'{"output": "' + b"x" * DEFAULT_MAX_REQUEST_BYTES + b'"}'
    response = post_callback(client, big)
    assert response.status_code == 413
    assert client.application.config["MAX_CONTENT_LENGTH"] == DEFAULT_MAX_REQUEST_BYTES


def test_srv007_request_limit_is_a_setting(monkeypatch, sqlite_url):
    from dashboard.factory import create_app
    from dashboard.request_checks import max_request_bytes

    monkeypatch.setenv("OGP_MAX_REQUEST_BYTES", "4096")
    assert max_request_bytes() == 4096
    app = create_app(sqlite_url)
    assert app.server.config["MAX_CONTENT_LENGTH"] == 4096
    monkeypatch.setenv("OGP_MAX_REQUEST_BYTES", "lots")
    with pytest.raises(ValueError, match="OGP_MAX_REQUEST_BYTES"):
        max_request_bytes()


def test_srv008_responses_are_compressed_when_the_browser_accepts_it(client):
    path = "/_dash-component-suites/plotly/package_data/plotly.min.js"
    plain = client.get(path)
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    gzipped = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert len(gzipped.get_data()) < len(plain.get_data()) / 2
    again = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert again.get_data() == gzipped.get_data()
    callback = post_callback(client, route_body(), headers={"Accept-Encoding": "gzip"})
    assert callback.headers.get("Content-Encoding") == "gzip"


def test_srv009_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    response = client.get("/readyz")
    assert response.status_code == 200 and response.get_json() == {"status": "ready"}


def test_srv010_unknown_script_path_is_404(client):
    assert client.get("/_dash-component-suites/dash/nothing.js").status_code == 404


def test_srv011_request_id_is_returned_and_taken_from_the_balancer(client):
    assert len(client.get("/healthz").headers["X-Request-ID"]) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "lb-123"}).headers["X-Request-ID"] == "lb-123"
    assert client.get("/healthz", headers={"X-Request-ID": "bad id <x>"}).headers["X-Request-ID"] != "bad id <x>"


# --- the database away --------------------------------------------------------------


def _closed_port_url() -> str:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql+psycopg://ogp:s3cret-pw@127.0.0.1:{port}/ogp"


def test_srv020_server_starts_while_postgres_is_down_and_answers_503(caplog):
    from dashboard.factory import create_app

    url = _closed_port_url()
    with caplog.at_level(logging.WARNING):
        app = create_app(url)
    client = app.server.test_client()
    response = post_callback(client, route_body("/", "?lang=en"), headers={"Referer": "http://h/timeline?lang=en"})
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert response.get_json()["message"] == UNAVAILABLE_EN
    assert response.get_json()["messages"] == {"es": UNAVAILABLE_ES, "en": UNAVAILABLE_EN}
    spanish = post_callback(client, route_body(), headers={"Accept-Language": "es-PE,es;q=0.9"})
    assert spanish.status_code == 503 and spanish.get_json()["message"] == UNAVAILABLE_ES
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["database"] == "unreachable"
    assert client.get("/").status_code == 200  # the page itself loads and shows the message
    # Logged once (not per request), without the password.
    warnings = [r.getMessage() for r in caplog.records if r.name == "ogp_monitor.availability"]
    assert len(warnings) == 1
    assert "s3cret-pw" not in caplog.text and "***" in warnings[0]


def test_srv021_sqlite_away_then_back_is_migrated_on_a_later_request(tmp_path, monkeypatch):
    """An SQLite file whose directory is missing cannot be opened: 503; once it exists, the app migrates."""
    from dashboard import availability
    from dashboard.factory import create_app
    from data import db

    monkeypatch.setattr(availability, "RETRY_SECONDS", 0.0)
    folder = tmp_path / "volume-not-mounted-yet"
    url = f"sqlite:///{folder / 'ogp.sqlite3'}"
    app = create_app(url)
    client = app.server.test_client()
    assert post_callback(client, route_body()).status_code == 503
    assert client.get("/readyz").status_code == 503
    folder.mkdir()
    db.get_engine.cache_clear()
    assert post_callback(client, route_body()).status_code == 200
    assert db.is_migrated(url)
    assert client.get("/readyz").status_code == 200


@pytest.mark.postgres
def test_srv022_postgres_database_created_after_start_is_migrated_by_readyz(monkeypatch):
    """The server starts before its database exists (a restore in progress); /readyz migrates it once it does."""
    from sqlalchemy import create_engine, text

    from dashboard import availability
    from dashboard.factory import create_app
    from data import db

    if os.environ.get("OGP_TEST_SKIP_POSTGRES"):
        pytest.skip("OGP_TEST_SKIP_POSTGRES is set")
    monkeypatch.setattr(availability, "RETRY_SECONDS", 0.0)
    name = f"ogp_test_{uuid.uuid4().hex[:12]}"
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        app = create_app(url)
        client = app.server.test_client()
        assert post_callback(client, route_body()).status_code == 503
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        assert client.get("/readyz").status_code == 200
        assert db.is_migrated(url)
        assert post_callback(client, route_body()).status_code == 200
    finally:
        db.get_engine(url).dispose()
        db.get_engine.cache_clear()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_srv023_connections_killed_by_a_restart_are_replaced(postgres_url):
    """pre-ping: after the server drops every connection (as a restart does), the next request succeeds."""
    from sqlalchemy import create_engine, text

    from dashboard.factory import create_app
    from data import db

    app = create_app(postgres_url)
    client = app.server.test_client()
    assert post_callback(client, route_body()).status_code == 200
    assert db.get_engine(postgres_url).pool._pre_ping
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = postgres_url.rsplit("/", 1)[1]
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
    admin.dispose()
    assert post_callback(client, route_body()).status_code == 200


def test_srv024_a_database_error_inside_a_page_is_503_not_an_apology(client, monkeypatch):
    """Callbacks that apologise for bugs let database outages through as 503."""
    import types

    from sqlalchemy.exc import OperationalError

    from callbacks import router

    def down(_ctx):
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))

    page = types.SimpleNamespace(name="broken", nav=None, layout=down)
    monkeypatch.setattr(router, "match", lambda _path, _pages: (page, {}))
    response = post_callback(client, route_body("/", "?lang=es"))
    assert response.status_code == 503
    assert response.get_json()["message"] == UNAVAILABLE_ES


# --- a read-only database -----------------------------------------------------------


def _as_unprivileged(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    """Run as 'nobody' when root (root writes through file modes)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "HOME": cwd}
    env.pop("DATABASE_URL", None)
    if os.geteuid() == 0:
        args = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *args]
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240)


def test_srv030_read_only_sqlite_serves_reads(seeded_url):
    """A database on a read-only volume: `stats` and the server read it; nothing is written beside it."""
    source = Path(seeded_url.removeprefix("sqlite:///"))
    folder = Path(tempfile.mkdtemp(prefix="ogp-ro-", dir="/tmp"))
    try:
        # SQLite's online backup: a consistent copy even while the seeded database is open.
        src, dst = sqlite3.connect(source), sqlite3.connect(folder / "ogp.sqlite3")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")  # as the app leaves its files
        src.close()
        dst.close()
        (folder / "ogp.sqlite3").chmod(0o444)
        folder.chmod(0o555)
        url = f"sqlite:///{folder / 'ogp.sqlite3'}"
        stats = _as_unprivileged(
            [sys.executable, "-m", "ogp_monitor", "--database", url, "stats", "--json"], str(folder)
        )
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)
        script = (
            "import json, sys, types\n"
            # As 'nobody' this machine's venv may run on the system's Python 3.11.2, where redis
            # wants the async_timeout backport; the app never uses redis's asyncio side.
            "try:\n    import async_timeout\n"
            "except ImportError:\n    sys.modules['async_timeout'] = types.SimpleNamespace(timeout=None)\n"
            "from dashboard.factory import create_app\n"
            f"client = create_app({url!r}).server.test_client()\n"
            f"body = {json.dumps(route_body('/commitments', '?lang=en'))!r}\n"
            "r = client.post('/_dash-update-component', data=body, content_type='application/json')\n"
            "print(r.status_code, client.get('/readyz').status_code)\n"
        )
        served = _as_unprivileged([sys.executable, "-c", script], str(folder))
        assert served.returncode == 0, served.stderr
        assert served.stdout.split()[-2:] == ["200", "200"]
        assert sorted(p.name for p in folder.iterdir()) == ["ogp.sqlite3"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


# --- logs -----------------------------------------------------------------------------


def test_srv040_json_logs_carry_the_request_id_and_no_password(sqlite_url):
    script = (
        "import logging\n"
        "from dashboard.factory import create_app\n"
        f"client = create_app({sqlite_url!r}).server.test_client()\n"
        "client.get('/healthz', headers={'X-Request-ID': 'req-42'})\n"
        "with client.application.test_request_context('/x', headers={'X-Request-ID': 'req-43'}):\n"
        "    client.application.preprocess_request()\n"
        "    logging.getLogger('ogp_monitor.test').warning('cannot reach postgresql+psycopg://u:hunter2@db/ogp')\n"
    )
    env = {**os.environ, "OGP_LOG_FORMAT": "json", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=240, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    access = next(line for line in lines if line.get("path") == "/healthz")
    assert access["request_id"] == "req-42" and access["status"] == 200 and access["level"] == "INFO"
    warning = next(line for line in lines if line["logger"] == "ogp_monitor.test")
    assert warning["request_id"] == "req-43"
    assert "hunter2" not in done.stderr and "u:***@db" in warning["message"]


def test_srv041_log_format_is_checked(monkeypatch):
    from dashboard.logs import log_format, mask_secrets

    monkeypatch.setenv("OGP_LOG_FORMAT", "xml")
    with pytest.raises(ValueError, match="OGP_LOG_FORMAT"):
        log_format()
    assert (
        mask_secrets("redis://:pw@h:6379/0 and postgresql://a:b@c/d")
        == "redis://:***@h:6379/0 and postgresql://a:***@c/d"
    )


def test_srv042_redacted_url_hides_the_password():
    from data.db import redacted

    assert "pw" not in redacted("postgresql+psycopg://user:pw@host/db")


def test_srv012_without_its_assets_the_app_refuses_to_start(monkeypatch, tmp_path, sqlite_url):
    """A non-editable install leaves assets/ behind: a clear message, not a page without styles."""
    from dashboard import factory

    monkeypatch.setattr(factory, "ASSETS", tmp_path / "site-packages" / "assets")
    with pytest.raises(RuntimeError, match="deploy OGP Monitor from a checkout"):
        factory.create_app(sqlite_url)

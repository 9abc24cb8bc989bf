"""The one cache: data keyed by the app's and the data's versions, in-process or in Redis,
and a Redis that is down or gone costs speed only."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import socket
import subprocess
import time
import uuid

import pytest
from sqlalchemy import event

from dashboard import cache
from dashboard.cache import cache_key, cached, data_version

REDIS_URL = os.environ.get("OGP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
TODAY = dt.date(2026, 11, 27)

CALLS: list = []


def query(url, x):
    CALLS.append(x)
    return {"x": x, "n": len(CALLS)}


def nothing(url, x):
    CALLS.append(x)
    return None


def drawing(url):
    from dash import html

    return {"content": [html.Div("drawn")]}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _delete_prefix(url: str, prefix: str) -> None:
    """Delete this test's keys only (another run may use the same Redis database)."""
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=prefix + "*"))
    if keys:
        client.delete(*keys)


def _redis_config(url: str, prefix: str) -> dict:
    return {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": url, "CACHE_KEY_PREFIX": prefix}


@pytest.fixture(autouse=True)
def _fresh_calls():
    CALLS.clear()


@pytest.fixture(params=["simple", "redis"])
def app(request, sqlite_url):
    from dashboard.factory import create_app

    if request.param == "simple":
        yield create_app(sqlite_url, cache_config={"CACHE_TYPE": "SimpleCache"})
        return
    prefix = f"ogp-test-{uuid.uuid4().hex[:8]}:"
    yield create_app(sqlite_url, cache_config=_redis_config(REDIS_URL, prefix))
    _delete_prefix(REDIS_URL, prefix)


def _url(app) -> str:
    return app.server.config["OGP_DATABASE_URL"]


def _count_version_queries(url: str) -> list[str]:
    seen: list[str] = []

    def listen(conn, cursor, statement, *args):
        text = " ".join(statement.lower().split())
        if "max(sources.loaded_at)" in text and "count(sources.id)" in text:
            seen.append(statement)

    from data.db import get_engine

    event.listen(get_engine(url), "before_cursor_execute", listen)
    return seen


def test_cch001_second_call_comes_from_the_cache(app):
    with app.server.app_context():
        first = cached(_url(app), query, 1)
        second = cached(_url(app), query, 1)
        other = cached(_url(app), query, 2)
    with app.server.app_context():  # another request
        third = cached(_url(app), query, 1)
    assert first == second == third == {"x": 1, "n": 1}
    assert other["x"] == 2
    assert CALLS == [1, 2]


def test_cch002_a_new_load_invalidates_the_cache_at_the_next_request(app):
    from data.db import session_scope
    from data.models import Source

    url = _url(app)
    before = data_version(url)
    with app.server.app_context():
        cached(url, query, 1)
    with session_scope(url) as s:
        s.add(Source(kind="file", name="new.csv", loaded_at=dt.datetime(2026, 11, 27, 10, 0)))
    assert data_version(url) != before
    with app.server.app_context():
        cached(url, query, 1)
    assert CALLS == [1, 1]


def test_cch003_none_is_an_answer_and_is_cached(app):
    with app.server.app_context():
        assert cached(_url(app), nothing, 7) is None
    with app.server.app_context():
        assert cached(_url(app), nothing, 7) is None
    assert CALLS == [7]


def test_cch004_the_key_follows_the_app_version_the_data_version_and_the_call():
    base = ("0.1.0+abc", "sqlite:///x", "2026-11-27|3", query, (1, dt.date(2026, 1, 2)), {"a": frozenset({"b", "c"})})
    key = cache_key(*base)
    assert key == cache_key(*base)
    assert key != cache_key("0.1.0+abd", *base[1:])  # a new release
    assert key != cache_key(base[0], base[1], "2026-11-27|4", *base[3:])  # new data
    assert key != cache_key(*base[:3], nothing, *base[4:])  # another function
    assert key != cache_key(*base[:4], (2, dt.date(2026, 1, 2)), base[5])  # other arguments
    assert key != cache_key(base[0], "sqlite:///y", *base[2:])  # another database
    # The same set spelled in another order is the same key (workers hash strings differently).
    assert key == cache_key(*base[:5], {"a": frozenset({"c", "b"})})


def test_cch005_app_version_is_the_package_and_a_build_id(monkeypatch):
    cache.build_id.cache_clear()
    try:
        monkeypatch.setenv("OGP_BUILD_ID", "release-42")
        assert cache.app_version() == f"{cache.package_version()}+release-42"
        monkeypatch.delenv("OGP_BUILD_ID")
        cache.build_id.cache_clear()
        from_sources = cache.build_id()
        assert len(from_sources) == 16 and from_sources != "release-42"
        assert cache.build_id() == from_sources  # computed once
    finally:
        cache.build_id.cache_clear()


def test_cch006_a_new_release_does_not_read_what_the_previous_one_stored(monkeypatch, sqlite_url):
    from dashboard.factory import create_app

    prefix = f"ogp-test-{uuid.uuid4().hex[:8]}:"
    try:
        for release in ("release-1", "release-1", "release-2"):
            monkeypatch.setenv("OGP_BUILD_ID", release)
            cache.build_id.cache_clear()
            app = create_app(sqlite_url, cache_config=_redis_config(REDIS_URL, prefix))
            with app.server.app_context():
                cached(sqlite_url, query, 1)
        assert CALLS == [1, 1]  # the second app of release-1 read the first's value
    finally:
        cache.build_id.cache_clear()
        _delete_prefix(REDIS_URL, prefix)


def test_cch007_only_data_from_module_level_functions_with_plain_arguments(app):
    def local(url):
        return 1

    with app.server.app_context():
        with pytest.raises(TypeError, match="data only"):
            cached(_url(app), drawing)
        with pytest.raises(TypeError, match="module-level"):
            cached(_url(app), local)
        with pytest.raises(TypeError, match="plain values"):
            cached(_url(app), query, object())


def test_cch008_outside_an_app_the_function_is_simply_called(sqlite_url):
    assert cached(sqlite_url, query, 3) == {"x": 3, "n": 1}
    assert cached(sqlite_url, query, 3) == {"x": 3, "n": 2}


def test_cch009_the_data_version_is_read_once_per_request(migrated_url):
    from dashboard.factory import create_app

    app = create_app(migrated_url, cache_config={"CACHE_TYPE": "SimpleCache"})
    seen = _count_version_queries(migrated_url)
    with app.server.test_request_context("/"):
        for x in (1, 2, 1, 3):
            cached(migrated_url, query, x)
    assert len(seen) == 1
    with app.server.test_request_context("/"):
        cached(migrated_url, query, 1)
    assert len(seen) == 2
    assert CALLS == [1, 2, 3]


# --- through Dash's endpoint, as the browser asks -------------------------------------------------------------------


def _cases(app, only_first_per_view: bool = False):
    from benchmarks.cases import cases
    from benchmarks.dash_requests import dash_request, find_callback

    seen_views = set()
    for view, name, fragments, values in cases("PER", None):
        key = (view, fragments)
        if only_first_per_view and key in seen_views:
            continue
        seen_views.add(key)
        yield f"{view} {name}", dash_request(app, find_callback(app, *fragments), values)


def test_cch010_every_callback_and_page_reads_the_data_version_at_most_once(seeded_url):
    """Calls that nest (a comparison of three forums, a page's three filter lists)
    used to ask two to five times per request."""
    from dashboard.factory import create_app

    app = create_app(seeded_url, today=TODAY, migrate=False, cache_config={"CACHE_TYPE": "SimpleCache"})
    seen = _count_version_queries(seeded_url)
    client = app.server.test_client()
    counts = {}
    for name, body in _cases(app):
        seen.clear()
        answer = client.post("/_dash-update-component", json=body)
        assert answer.status_code in (200, 204), name
        counts[name] = len(seen)
    assert max(counts.values()) == 1, {k: v for k, v in counts.items() if v > 1}
    assert counts["/forums comparison, three forums"] == 1
    assert counts["/ page render (router)"] == 1


def _answers_everything(app) -> None:
    client = app.server.test_client()
    for name, body in _cases(app, only_first_per_view=True):
        answer = client.post("/_dash-update-component", json=body)
        assert answer.status_code in (200, 204), name
    page = client.get("/commitments/PE0066")
    assert page.status_code == 200


def _cache_warnings(caplog) -> list:
    return [r for r in caplog.records if r.name == "ogp_monitor.cache" and r.levelno == logging.WARNING]


def test_cch011_redis_down_every_request_still_answers_and_one_warning(monkeypatch, seeded_url, caplog):
    from dashboard.factory import create_app

    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{_free_port()}/0")  # nothing listens there
    app = create_app(seeded_url, today=TODAY, migrate=False)
    caplog.set_level(logging.WARNING, logger="ogp_monitor.cache")
    _answers_everything(app)
    _answers_everything(app)
    assert len(_cache_warnings(caplog)) == 1  # not one per request
    assert "redis://" not in caplog.text  # the URL (and any password in it) is not logged


@pytest.mark.serial  # spawns a redis-server and waits seconds for it: run alone, not beside xdist workers
def test_cch012_redis_stopped_and_started_again(monkeypatch, seeded_url, caplog, tmp_path):
    """A private redis-server (never the shared one): used, killed, answered without, used again."""
    import redis

    from dashboard.factory import create_app

    server_binary = shutil.which("redis-server")
    if server_binary is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()

    def start() -> subprocess.Popen:
        proc = subprocess.Popen(
            [server_binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=port, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                client.ping()
                return proc
            except redis.ConnectionError:
                time.sleep(0.05)
        proc.kill()
        pytest.fail("the private redis-server did not start")

    monkeypatch.setattr(cache, "SKIP_AFTER_FAILURE", 0.0)
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{port}/0")
    proc = start()
    try:
        app = create_app(seeded_url, today=TODAY, migrate=False)
        client = redis.Redis(port=port)
        caplog.set_level(logging.INFO, logger="ogp_monitor.cache")
        _answers_everything(app)
        assert client.dbsize() > 0  # the values went to Redis
        proc.kill()
        proc.wait(timeout=10)
        _answers_everything(app)
        assert len(_cache_warnings(caplog)) == 1
        proc = start()
        assert client.dbsize() == 0
        _answers_everything(app)
        assert client.dbsize() > 0  # used again, without a restart of the app
        assert "cache available again" in caplog.text
    finally:
        proc.kill()
        proc.wait(timeout=10)

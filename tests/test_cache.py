"""Query results are cached per data version, in-process or in Redis."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from dashboard.cache import cached, data_version

REDIS_URL = os.environ.get("OGP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _counting():
    calls = []

    def query(url, x):
        calls.append(x)
        return {"x": x, "n": len(calls)}

    return query, calls


@pytest.fixture(params=["simple", "redis"])
def app(request, sqlite_url):
    from dashboard.factory import create_app

    if request.param == "simple":
        yield create_app(sqlite_url, cache_config={"CACHE_TYPE": "SimpleCache"})
        return
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield create_app(
        sqlite_url,
        cache_config={"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": "ogp-test:"},
    )
    client.flushdb()


def test_cch001_second_call_comes_from_the_cache(app):
    query, calls = _counting()
    with app.server.app_context():
        first = cached(app, query, 1)
        second = cached(app, query, 1)
        other = cached(app, query, 2)
    assert first == second == {"x": 1, "n": 1}
    assert other["x"] == 2
    assert calls == [1, 2]


def test_cch002_a_new_load_invalidates_the_cache(app):
    from data.db import session_scope
    from data.models import Source

    url = app.server.config["OGP_DATABASE_URL"]
    query, calls = _counting()
    before = data_version(url)
    with app.server.app_context():
        cached(app, query, 1)
        with session_scope(url) as s:
            s.add(Source(kind="file", name="new.csv", loaded_at=dt.datetime(2026, 11, 27, 10, 0)))
        assert data_version(url) != before
        cached(app, query, 1)
    assert calls == [1, 1]

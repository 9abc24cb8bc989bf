"""The one cache: query results (data, never components) shared by callbacks and pages.

``cached(db_url, fn, *args)`` is ``fn(db_url, *args)``, from the cache when
nothing has changed since it was stored.  The key says what "nothing" means:

- the app's version (the package's version and a build id: OGP_BUILD_ID, else
  a hash of the source files taken once at start-up), so after a deploy no
  worker reads what the previous release stored;
- the data's version (the latest load and the number of sources), read once
  per request and kept on ``flask.g``, so an import in another process is seen
  at the next request, by every worker when the cache is Redis;
- the database, the function's qualified name and its arguments.

What is stored is data: DataFrames and plain values (or frozen dataclasses of
them), checked before it is stored.  Components are built from it after, so a
cached value never holds a view's drawing.  ``None`` is stored too ("nothing
found" is an answer).  The cache is an optimisation: when Redis is down or slow
(short timeouts) every request is answered from the database, and the outage is
logged at most once a minute.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import functools
import hashlib
import json
import logging
import os
import threading
import time
from importlib import metadata
from pathlib import Path

import flask
import numpy as np
import pandas as pd
from sqlalchemy import func, select

from data.db import get_engine
from data.models import Source

log = logging.getLogger("ogp_monitor.cache")

EXTENSION = "ogp_cache"
TIMEOUT = 300  # seconds a value is kept; the key changes anyway when the data or the code does
REDIS_CONNECT_TIMEOUT = 0.25  # seconds: a Redis that does not answer this fast is treated as down
REDIS_TIMEOUT = 1.0  # seconds for one command (large values included)
SKIP_AFTER_FAILURE = 5.0  # seconds without trying Redis after it failed, so requests do not queue on timeouts
WARN_EVERY = 60.0  # seconds between two warnings about the same outage
PACKAGES = ("data", "dashboard", "callbacks", "ogp_monitor")


# -- versions ---------------------------------------------------------------------------------------------------------


@functools.cache
def build_id() -> str:
    """OGP_BUILD_ID when set, else a digest of the source files (once per process)."""
    given = os.environ.get("OGP_BUILD_ID", "").strip()
    if given:
        return given
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def package_version() -> str:
    try:
        return metadata.version("ogp-monitor")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "0"


def app_version() -> str:
    return f"{package_version()}+{build_id()}"


def data_version(url: str) -> str:
    """What changes whenever data is loaded: the latest load time and the number of sources."""
    with get_engine(url).connect() as conn:
        latest, count = conn.execute(select(func.max(Source.loaded_at), func.count(Source.id))).one()
    return f"{latest}|{count}"


def request_data_version(url: str) -> str:
    """The data's version, read once per request (or app context) and kept on ``flask.g``."""
    versions = flask.g.setdefault("ogp_data_versions", {})
    if url not in versions:
        versions[url] = data_version(url)
    return versions[url]


# -- keys and values --------------------------------------------------------------------------------------------------


def _canonical(value):
    """Arguments as JSON with one spelling per value (sets sorted, dataclasses by field),
    the same in every worker; anything that is not a plain value is refused."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.time):  # datetime and pandas' Timestamp included
        return [type(value).__name__, value.isoformat()]
    if isinstance(value, list | tuple):
        return [type(value).__name__, [_canonical(v) for v in value]]
    if isinstance(value, set | frozenset):
        return ["set", sorted((_canonical(v) for v in value), key=json.dumps)]
    if isinstance(value, dict):
        return ["dict", sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=json.dumps)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return [f"{type(value).__module__}.{type(value).__qualname__}", fields]
    raise TypeError(f"cache arguments must be plain values, not {type(value).__qualname__}")


def cache_key(app_version_: str, url: str, data_version_: str, fn, args: tuple, kwargs: dict) -> str:
    text = json.dumps(
        [app_version_, url, data_version_, fn.__module__, fn.__qualname__, _canonical(args), _canonical(kwargs)],
        separators=(",", ":"),
    )
    return "data:" + hashlib.sha256(text.encode()).hexdigest()


_SCALARS = (
    type(None),
    bool,
    int,
    float,
    str,
    bytes,
    decimal.Decimal,
    dt.date,
    dt.time,
    dt.timedelta,
    np.generic,
    np.ndarray,
    pd.DataFrame,
    pd.Series,
    pd.Index,
    pd.Timedelta,
    type(pd.NaT),
    type(pd.NA),
)


def check_data(value, where: str = "value") -> None:
    """Refuse anything that is not data (a Dash component, a figure, an open handle)."""
    if isinstance(value, _SCALARS):
        return
    if isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(value):
            check_data(item, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for k, item in value.items():
            check_data(k, f"{where} key")
            check_data(item, f"{where}[{k!r}]")
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            check_data(getattr(value, f.name), f"{where}.{f.name}")
        return
    raise TypeError(f"the cache keeps data only; {where} is a {type(value).__module__}.{type(value).__qualname__}")


# -- the store --------------------------------------------------------------------------------------------------------

_MISS = object()


class Store:
    """A flask-caching cache that never fails a request: errors become misses."""

    def __init__(self, backend):
        self.backend = backend
        self._skip_until = 0.0
        self._warned_at = -WARN_EVERY
        self._down = False
        self._lock = threading.Lock()

    def get(self, key: str):
        if time.monotonic() < self._skip_until:
            return _MISS
        try:
            found = self.backend.get(key)
        except Exception as error:  # Redis down, slow, or a value that no longer loads
            self._failed(error)
            return _MISS
        if self._down:
            self._down = False
            log.info("cache available again")
        # Stored as a 1-tuple, so that a stored None is told apart from a miss.
        return found[0] if isinstance(found, tuple) and len(found) == 1 else _MISS

    def set(self, key: str, value) -> None:
        if time.monotonic() < self._skip_until:
            return
        try:
            self.backend.set(key, (value,), timeout=TIMEOUT)
        except Exception as error:
            self._failed(error)

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self._down = True
            self._skip_until = now + SKIP_AFTER_FAILURE
            warn = now - self._warned_at >= WARN_EVERY
            if warn:
                self._warned_at = now
        if warn:
            log.warning(
                "cache unavailable (%s: %s); answering from the database, next warning in %d s at the earliest",
                type(error).__name__,
                error,
                WARN_EVERY,
            )


def configure(server: flask.Flask, cache_config: dict | None = None) -> Store:
    """Bind the cache to the app's server: Redis when REDIS_URL is set, else in-process."""
    from flask_caching import Cache
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    if cache_config is None:
        redis_url = os.environ.get("REDIS_URL")
        cache_config = (
            {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url, "CACHE_KEY_PREFIX": "ogp-monitor:"}
            if redis_url
            else {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 2000}
        )
    cache_config = {"CACHE_DEFAULT_TIMEOUT": TIMEOUT, **cache_config}
    if "redis" in str(cache_config.get("CACHE_TYPE", "")).lower():
        # One retry (a pooled connection may be stale after Redis restarts), no backoff:
        # redis-py's default of ten retries would hold each request for seconds.
        options = {
            "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
            "socket_timeout": REDIS_TIMEOUT,
            "retry": Retry(NoBackoff(), 1),
        }
        cache_config["CACHE_OPTIONS"] = {**options, **(cache_config.get("CACHE_OPTIONS") or {})}
    backend = Cache()
    backend.init_app(server, config=cache_config)
    server.config["OGP_APP_VERSION"] = app_version()  # the source hash is taken here, at start-up
    store = Store(backend)
    server.extensions[EXTENSION] = store
    return store


def _current_store() -> Store | None:
    if not flask.has_app_context():
        return None
    return flask.current_app.extensions.get(EXTENSION)


# -- the helper -------------------------------------------------------------------------------------------------------


def cached(db_url: str, fn, *args, **kwargs):
    """``fn(db_url, *args, **kwargs)``, from the cache when neither the code nor the data changed.

    ``fn`` is a module-level query function (a closure's name would not say what
    it computes); its arguments are plain values; it returns data.  Outside an
    app with a cache (a unit test, the command line) ``fn`` is simply called.
    """
    if "<locals>" in fn.__qualname__ or fn.__name__ == "<lambda>":
        raise TypeError(f"cache a module-level function, not {fn.__qualname__}")
    store = _current_store()
    if store is None:
        return fn(db_url, *args, **kwargs)
    key = cache_key(
        flask.current_app.config.get("OGP_APP_VERSION") or app_version(),
        db_url,
        request_data_version(db_url),
        fn,
        args,
        kwargs,
    )
    value = store.get(key)
    if value is _MISS:
        value = fn(db_url, *args, **kwargs)
        check_data(value, fn.__qualname__)
        store.set(key, value)
    return value

"""Query results cached per app, invalidated whenever data is loaded.

The key includes the data's version (the latest load time and the number of
sources), so an import in another process is seen at once, by every worker
when the cache is Redis.
"""

from __future__ import annotations

import hashlib
import pickle
from types import SimpleNamespace

from sqlalchemy import func, select

from dashboard.factory import cache_of, database_url_of
from data.db import get_engine
from data.models import Source


def data_version(url: str) -> str:
    with get_engine(url).connect() as conn:
        latest, count = conn.execute(select(func.max(Source.loaded_at), func.count(Source.id))).one()
    return f"{latest}|{count}"


def cached(app, fn, *args, **kwargs):
    """``fn(url, *args, **kwargs)``, from the cache when the data has not changed."""
    url = database_url_of(app)
    cache = cache_of(app)
    raw = pickle.dumps((fn.__module__, fn.__qualname__, url, data_version(url), args, sorted(kwargs.items())))
    key = "q:" + hashlib.sha1(raw).hexdigest()
    value = cache.get(key)
    if value is None:
        value = fn(url, *args, **kwargs)
        cache.set(key, value)
    return value


def cached_for_page(db_url: str, fn, *args):
    """``fn(db_url, *args)`` through the cache of the app serving this request.

    A page's layout gets no app, but it runs inside the app's request, whose
    Flask server holds the cache; outside one (a unit test) the data is read
    directly.
    """
    import flask

    server = flask.current_app._get_current_object() if flask.has_app_context() else None
    if server is None or server.config.get("OGP_DATABASE_URL") != db_url or "ogp_cache" not in server.extensions:
        return fn(db_url, *args)
    return cached(SimpleNamespace(server=server), fn, *args)

"""Query results cached per app, invalidated whenever data is loaded.

The key includes the data's version (the latest load time and the number of
sources), so an import in another process is seen at once, by every worker
when the cache is Redis.
"""
from __future__ import annotations

import hashlib
import pickle

from sqlalchemy import func, select

from data.db import get_engine
from data.models import Source
from dashboard.factory import cache_of, database_url_of


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

"""One view's queries on one connection, reading one state of the data.

A view that runs several queries (the overview runs ten) opens a ``snapshot``
and passes its connection where a query function takes a database: every
query then reads the same data, even while an import commits in between, and
the view takes one connection from the pool instead of ten.  A query function
given a URL opens a connection of its own (``connect``), as before.

PostgreSQL: a READ ONLY transaction at REPEATABLE READ (one snapshot from the
first query on).  SQLite: an explicit BEGIN (Python's driver starts no
transaction for a SELECT), which in WAL mode reads one snapshot until it ends.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import AbstractContextManager

from sqlalchemy import Connection

from data.db import get_engine

Database = str | Connection  # a database URL, or a snapshot's connection


@contextlib.contextmanager
def snapshot(url: str) -> Iterator[Connection]:
    """A connection in a read-only transaction that sees one state of the data."""
    with get_engine(url).connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with conn.begin():
                yield conn
        else:
            with conn.begin():
                conn.exec_driver_sql("BEGIN")
                yield conn


def connect(db: Database) -> AbstractContextManager[Connection]:
    """A connection to read ``db`` with: the snapshot's own, or a new one for a URL."""
    if isinstance(db, Connection):
        return contextlib.nullcontext(db)
    return get_engine(db).connect()

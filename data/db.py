"""Engines, sessions and migrations.

One engine per database URL per process (gunicorn workers each build their own
after fork); nothing else is shared, so several workers can serve one database.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, exc, inspect, make_url
from sqlalchemy.orm import Session, sessionmaker

from data.config import database_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# Errors that say the database cannot be reached or used right now (server down,
# connection lost, pool exhausted, SQLite locked or not yet migrated), as opposed
# to a bug: the server answers them with 503 and a "try again" message.
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (
    exc.OperationalError,
    exc.InterfaceError,
    exc.TimeoutError,
)

# Seconds a PostgreSQL connection attempt may take before the request gives up
# (a firewalled host would otherwise hold a worker for minutes).
CONNECT_TIMEOUT = int(os.environ.get("OGP_DB_CONNECT_TIMEOUT", "5"))


def redacted(url: str) -> str:
    """The URL as it may be logged or printed: never the password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return "<unparsable database URL>"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets gunicorn workers read while an import writes; the busy timeout
    # makes a writer wait for another instead of failing at once.  A read-only
    # file cannot change its journal mode: it is read as it is.
    with contextlib.suppress(sqlite3.OperationalError):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _read_only_sqlite(path: str) -> str | None:
    """The URI to open an SQLite file that this process cannot write, else None.

    A WAL database can only be read where its ``-shm`` file exists or can be
    created.  On a read-only volume (or a file the server's user may not write)
    with no writer running, that file is absent: such a copy is opened
    ``immutable``, which SQLite reads without any lock file.  While a writer
    runs, its ``-shm`` exists and a plain read-only open follows its changes.
    """
    file = Path(path)
    if not file.exists() or (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)):
        return None
    uri = file.resolve().as_uri()
    if Path(f"{file}-shm").exists():
        return f"{uri}?mode=ro"
    return f"{uri}?immutable=1"


@functools.lru_cache(maxsize=16)
def get_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        database = make_url(url).database
        read_only = _read_only_sqlite(database) if database and database != ":memory:" else None
        if read_only:
            engine = create_engine(
                url,
                creator=lambda: sqlite3.connect(read_only, uri=True, check_same_thread=False),
                pool_pre_ping=True,
            )
        else:
            engine = create_engine(url, connect_args={"check_same_thread": False}, pool_pre_ping=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        # pre-ping: a connection that died with the server (a restart, a
        # failover) is replaced before use, so requests recover by themselves.
        connect_args = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT}
        engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args)
    return engine


def session_factory(url: str | None = None) -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(url), expire_on_commit=False)


@contextlib.contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session whose work is committed at the end, or rolled back on error."""
    session = session_factory(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would choke on '%' in passwords.
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    return cfg


# An arbitrary key for PostgreSQL's advisory lock held while migrating.
MIGRATION_LOCK_KEY = 0x06_09_11_2026


def migrate(url: str | None = None) -> None:
    """Bring the database to the latest revision (creating it when empty).

    A database already at head is only read (so a read-only one can be
    served).  Otherwise several gunicorn workers start at once and each
    migrates: a lock (an advisory lock on PostgreSQL, a lock file beside an
    SQLite database) makes them take turns, and alembic finds the schema at
    head for the second and does nothing.
    """
    from alembic import command

    if is_migrated(url):
        return
    engine = get_engine(url)
    cfg = alembic_config(url)
    with _migration_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


@contextlib.contextmanager
def _migration_lock(engine: Engine):
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    import fcntl

    with open(f"{database}.migrate-lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current_revision(url: str | None = None) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@functools.cache
def head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg).get_current_head()


def is_migrated(url: str | None = None) -> bool:
    return current_revision(url) == head_revision()


def ping(url: str | None = None) -> None:
    """Raise one of DATABASE_UNAVAILABLE unless the database answers."""
    from sqlalchemy import text

    with get_engine(url).connect() as connection:
        connection.execute(text("SELECT 1"))


def table_names(url: str | None = None) -> list[str]:
    return inspect(get_engine(url)).get_table_names()

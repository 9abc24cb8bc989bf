"""Shared fixtures: databases on SQLite and PostgreSQL, the OGP extract, the browser.

Data-layer tests take ``db_url``, which runs them once on a fresh SQLite file
and once on a fresh PostgreSQL database (created and dropped here).  PostgreSQL
is the local server by default; OGP_TEST_POSTGRES_URL points elsewhere.  When
the server is unreachable those runs fail rather than skip, so CI cannot go
green without them; set OGP_TEST_SKIP_POSTGRES=1 to skip them on purpose.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OGP_EXTRACT = FIXTURES / "ogp" / "open_parliament_0703.csv"

POSTGRES_ADMIN_URL = os.environ.get("OGP_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'ogp.sqlite3'}"


@contextlib.contextmanager
def temporary_postgres_database():
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    if os.environ.get("OGP_TEST_SKIP_POSTGRES"):
        pytest.skip("OGP_TEST_SKIP_POSTGRES is set")
    from sqlalchemy import create_engine, text

    from data.db import get_engine

    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"ogp_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        get_engine(url).dispose()
        get_engine.cache_clear()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    with temporary_postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request):
    """An empty database on each backend (no schema yet)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def migrated_url(db_url):
    """An empty database at the latest schema revision, on each backend."""
    from data.db import migrate

    migrate(db_url)
    return db_url


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def module_migrated_url(request, tmp_path_factory):
    """An empty database at the latest schema on each backend, shared by a test
    module: for tests that only read, or that check nothing was written."""
    from data.db import migrate

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'ogp.sqlite3'}"
        migrate(url)
        yield url
        return
    with temporary_postgres_database() as url:
        migrate(url)
        yield url


@pytest.fixture
def new_database(tmp_path):
    """A factory: ``new_database("sqlite" | "postgresql")`` gives a fresh database at
    the latest schema (dropped afterwards), to pair with a module database."""
    from data.db import migrate

    with contextlib.ExitStack() as stack:

        def make(backend: str) -> str:
            if backend == "sqlite":
                url = f"sqlite:///{tmp_path / f'new-{uuid.uuid4().hex[:8]}.sqlite3'}"
            else:
                url = stack.enter_context(temporary_postgres_database())
            migrate(url)
            return url

        yield make


@pytest.fixture
def ogp_extract() -> Path:
    return OGP_EXTRACT


# --- browser tests --------------------------------------------------------------


def pytest_setup_options():
    """Options for dash_duo's Chromium: headless, and quiet on a closed network."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
    ):
        options.add_argument(arg)
    return options


# --- seeded databases, built once per test session and only read by tests -----------


@pytest.fixture(scope="session")
def seeded_url(tmp_path_factory) -> str:
    """Peru's seed and sample on SQLite; tests must not write to it."""
    from data.seed import seed_database

    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'peru.sqlite3'}"
    seed_database(url)
    return url


@pytest.fixture(scope="session")
def seeded_ogp_url(tmp_path_factory) -> str:
    """Peru's seed and sample plus OGP's 558-row extract; read-only."""
    from data.importers import import_paths
    from data.seed import seed_database

    url = f"sqlite:///{tmp_path_factory.mktemp('seeded-ogp') / 'peru-ogp.sqlite3'}"
    seed_database(url)
    import_paths([OGP_EXTRACT], url)
    return url

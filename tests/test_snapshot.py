"""A view's queries on one connection, reading one state of the data
(data/queries/snapshot.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event, func, insert, select

from data.db import get_engine
from data.models import Source
from data.queries.snapshot import connect, snapshot


def _add_source(url: str, name: str) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(insert(Source).values(kind="file", name=name, loaded_at=dt.datetime(2026, 11, 27)))


def _sources(conn) -> int:
    return conn.execute(select(func.count(Source.id))).scalar_one()


def test_snp001_a_snapshot_reads_one_state_of_the_data(migrated_url):
    _add_source(migrated_url, "first.csv")
    with snapshot(migrated_url) as conn:
        assert _sources(conn) == 1
        _add_source(migrated_url, "second.csv")  # an import commits while the view reads
        assert _sources(conn) == 1
        with connect(conn) as same:
            assert same is conn
    with connect(migrated_url) as fresh:
        assert _sources(fresh) == 2


def test_snp002_a_snapshot_is_read_only_at_repeatable_read_on_postgresql(migrated_url):
    with snapshot(migrated_url) as conn:
        if conn.dialect.name != "postgresql":
            assert conn.connection.dbapi_connection.in_transaction  # SQLite: BEGIN holds the snapshot
            return
        assert conn.exec_driver_sql("SHOW transaction_isolation").scalar() == "repeatable read"
        assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
    with connect(migrated_url) as conn:  # the pool's connection is back to the default
        assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "off"


def test_snp003_the_overview_runs_its_queries_on_one_connection(migrated_url):
    from data.queries.overview import overview

    engine = get_engine(migrated_url)
    opened, statements = [], []

    def on_connect(conn):
        opened.append(conn)

    def on_execute(conn, cursor, statement, *rest):
        statements.append(statement)

    event.listen(engine, "engine_connect", on_connect)
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        data = overview(migrated_url, None, today="2026-11-27")
    finally:
        event.remove(engine, "engine_connect", on_connect)
        event.remove(engine, "before_cursor_execute", on_execute)
    assert data.commitments.empty
    assert len(opened) == 1 and len(statements) >= 5  # some queries are skipped on an empty database


def test_snp004_the_brief_and_the_commitment_page_run_on_one_connection(seeded_url):
    from data.queries.commitment_detail import commitment_page
    from data.queries.forum_brief import forum_brief

    engine = get_engine(seeded_url)
    opened = []

    def on_connect(conn):
        opened.append(conn)

    event.listen(engine, "engine_connect", on_connect)
    try:
        page = commitment_page(seeded_url, "PE0066", dt.date(2026, 11, 27))
        assert len(opened) == 1 and len(page.milestones) == 3
        brief = forum_brief(seeded_url, "PER-AMBIENTE", dt.date(2026, 11, 27))
        assert len(opened) == 2 and brief is not None
    finally:
        event.remove(engine, "engine_connect", on_connect)

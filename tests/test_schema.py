"""The schema: migrations create exactly the models' tables, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from data import db
from data.models import TABLE_ORDER, Base


def test_sch001_migration_creates_every_model_table(migrated_url):
    tables = set(db.table_names(migrated_url))
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    assert set(TABLE_ORDER) <= tables


def test_sch002_migration_matches_models(migrated_url):
    """Autogenerate finds nothing to do: the migration and the models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.get_engine(migrated_url).connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_sch003_migrate_is_idempotent_and_at_head(migrated_url):
    db.migrate(migrated_url)
    assert db.is_migrated(migrated_url)
    assert db.current_revision(migrated_url) == db.head_revision()


def test_sch004_filter_columns_are_indexed(migrated_url):
    insp = inspect(db.get_engine(migrated_url))

    def indexed(table):
        cols = set()
        for ix in insp.get_indexes(table):
            cols.add(ix["column_names"][0])
        for uq in insp.get_unique_constraints(table):
            cols.add(uq["column_names"][0])
        return cols

    assert {"action_plan_id", "lead_institution_id", "status"} <= indexed("commitments")
    assert {"commitment_id", "status", "planned_end"} <= indexed("milestones")
    assert {"forum_id", "date"} <= indexed("meetings")
    assert {"date", "channel", "forum_id", "commitment_id"} <= indexed("participation")
    assert "country_code" in indexed("action_plans")


@pytest.mark.serial  # three interpreters racing for the migration lock: run alone, not beside xdist workers
def test_sch005_workers_migrating_at_once_take_turns(db_url):
    """Several processes migrating one empty database at once all succeed."""
    import subprocess
    import sys

    code = "import sys; from data.db import migrate; migrate(sys.argv[1])"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE, text=True) for _ in range(3)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert db.is_migrated(db_url)

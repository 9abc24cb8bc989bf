"""One description per table (data/formats.py): records, templates and exports derive from it,
so a column added there is imported and exported, or a test says why not."""

from __future__ import annotations

import dataclasses

import pandas as pd

from data.db import session_scope
from data.export import export_frames
from data.formats import TABLES, Column
from data.importers import load_frames
from data.records import RECORDS, Countries
from data.templates import example_frame


def test_fmt001_every_format_column_is_stored_or_handled_by_a_named_special_case():
    assert set(RECORDS) == {t.name for t in TABLES}
    for table in TABLES:
        records = RECORDS[table.name]
        names = [c.name for c in table.columns]
        assert records.unhandled() == [], f"{table.name}: columns neither stored nor special"
        stale = set(records.special) - set(names)
        assert not stale, f"{table.name}: special columns not in the format: {stale}"
        assert set(records.scalars) <= set(names)
        assert not set(records.scalars) & set(records.special)


def test_fmt002_a_new_column_is_stored_when_the_model_has_it_and_reported_when_not():
    records = Countries("countries")
    fmt = records.format
    records.format = dataclasses.replace(fmt, columns=fmt.columns + (Column("population", "int"),))
    assert records.unhandled() == ["population"]  # no model attribute: it would be dropped
    records = Countries("countries")
    # A column the model stores (as if Country.level had just been added to the format).
    records.format = dataclasses.replace(fmt, columns=tuple(c for c in fmt.columns if c.name != "level"))
    assert "level" not in records.scalars
    records.format = fmt
    assert "level" in Countries("countries").scalars and Countries("countries").unhandled() == []


def test_fmt003_templates_and_exports_have_every_format_column(migrated_url):
    with session_scope(migrated_url) as session:
        frames = export_frames(session)
    for table in TABLES:
        columns = [c.name for c in table.all_columns]
        assert list(example_frame(table).columns) == columns
        assert list(frames[table.name].columns) == columns


# A value for every example the formats leave empty, by kind (columns with a vocabulary have examples).
FILL = {"text": "Texto {name}", "int": "2", "float": "1.5", "date": "2019-12-31"}


def _full_rows() -> dict[str, pd.DataFrame]:
    """Each table's example row with every column filled (provenance left to the import)."""
    frames = {}
    for table in TABLES:
        row = {}
        for column in table.columns:
            value = column.example
            if value == "" and column.kind in FILL and not column.vocabulary:
                value = FILL[column.kind].format(name=column.name)
            row[column.name] = value
        frames[table.name] = pd.DataFrame([row], dtype="str")
    followed = pd.DataFrame(
        {"id": ["PE0067", "PE0068"], "action_plan": ["AP_PER03"] * 2, "title": ["Compromiso 67", "Compromiso 68"]}
    )
    frames["commitments"] = pd.concat([frames["commitments"], followed], ignore_index=True).fillna("")
    return frames


def test_fmt004_every_column_of_every_table_survives_import_and_export(migrated_url):
    """On SQLite and PostgreSQL: a value in any column comes back in the export."""
    rows = _full_rows()
    with session_scope(migrated_url) as session:
        load_frames(session, rows, "sample:formats-test")
    with session_scope(migrated_url) as session:
        exported = export_frames(session)
    lost = []
    for table in TABLES:
        given = rows[table.name].iloc[0]
        key = tuple(given[c] for c in table.key)
        back = exported[table.name]
        match = back[[tuple(r) == key for r in back[list(table.key)].itertuples(index=False)]]
        assert len(match) == 1, (table.name, key)
        for column in table.columns:
            if given[column.name] != "" and match.iloc[0][column.name] != given[column.name]:
                lost.append(f"{table.name}.{column.name}: {given[column.name]!r} → {match.iloc[0][column.name]!r}")
    assert lost == []

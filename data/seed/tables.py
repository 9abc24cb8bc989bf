"""Turning rows into project-format frames (data/formats.py): strings only.

The seed and the sample both hand the importer ``dict[str, DataFrame]`` whose
columns are exactly the format's, every cell a string: ``""`` for no value,
dates as ``YYYY-MM-DD``, numbers without a spurious ``.0``, lists joined with
``"; "``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd

from data.formats import BY_NAME, LIST_SEPARATOR


def cell(value) -> str:
    """One value as the formats write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, (list, tuple)):
        return f"{LIST_SEPARATOR} ".join(cell(v) for v in value)
    return str(value)


def to_frame(table: str, rows: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """A frame of ``table``'s columns (all of them, provenance included) from ``rows``.

    A key that is not a column of the table is a programming error, not data to
    drop silently.
    """
    columns = [c.name for c in BY_NAME[table].all_columns]
    known = set(columns)
    records = []
    for row in rows:
        unknown = set(row) - known
        if unknown:
            raise KeyError(f"{table}: unknown columns {sorted(unknown)}")
        records.append([cell(row.get(name)) for name in columns])
    return pd.DataFrame(records, columns=columns, dtype="str")

"""Helpers for the import and export tests: database snapshots and sheet copies."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from data.db import get_engine
from data.models import Base

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OGP_EXTRACT = FIXTURES / "ogp" / "open_parliament_0703.csv"
PROJECT_FILES = sorted((FIXTURES / "project").glob("*.csv"))


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table (sources and their loaded_at included)."""
    with get_engine(url).connect() as conn:
        return {
            table.name: [tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables
        }


def ogp_records() -> list[list[str]]:
    """The extract as records: [0] is the header; record i is spreadsheet row i + 1."""
    with OGP_EXTRACT.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def ogp_row(records: list[list[str]], commitment: str) -> int:
    """The spreadsheet row of a commitment in the extract."""
    ids = [r[0] for r in records]
    return ids.index(commitment) + 1


def write_ogp(path: Path, records: list[list[str]], changes: dict[tuple[str, str], str] | None = None) -> Path:
    """Write records as OGP's sheet, with {(commitment id, column): value} changed."""
    header = records[0]
    out = [list(r) for r in records]
    for (commitment, column), value in (changes or {}).items():
        out[ogp_row(records, commitment) - 1][header.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)
    return path


def ogp_subset(*plans: str) -> list[list[str]]:
    """The header and the rows of some action plans: a small sheet for fresh databases."""
    records = ogp_records()
    plan = records[0].index("Action Plan ID")
    return [records[0]] + [r for r in records[1:] if r[plan] in plans]


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path

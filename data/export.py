"""Every table in the project's own format (data/formats.py), as CSV or XLSX, streamed.

Rows are ordered by natural key; dates are ISO, numbers carry no trailing
``.0``, booleans are yes/no, lists are joined with ``; `` in sorted order, and
the provenance columns ``source`` (``kind:name``) and ``source_row`` are filled,
so exporting, importing into an empty database and exporting again gives the
same bytes.  Commitments export their IRM fields and dates as the raw text, so
OGP's sentinels (ND, NR, ...) survive the trip.  The file rules (encoding,
formula-like text, dates, Excel's limits) are data/spreadsheets.py's.

Memory stays flat whatever the size of the big tables (events, attendance,
participation): each table is read in chunks of ``CHUNK`` records
(``yield_per``: a server-side cursor on PostgreSQL) in the order of its natural
key, sorted by the database, and each row is written as it comes.  The big
tables are read as plain rows (``PLAIN_TABLES``); commitments and forums as
records, with the sources and institutions they name held, so they find them
without a query each.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd
from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session, aliased

from data import models, spreadsheets
from data.db import session_scope
from data.formats import BY_NAME, Column
from data.models import TABLE_ORDER
from data.records import RECORDS, provenance, scalar_text  # noqa: F401  provenance: the rule copied here

CHUNK = 2_000
# Fixed time stamp for the files in a zip, so the same data gives the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
EXPORT_STEM = "ogp-monitor-export"
# Records that rows of other tables name: held during an export (see module docstring).
NAMED = (models.Source, models.Institution)


def export_filename(day: dt.date, extension: str) -> str:
    """``ogp-monitor-export-2026-11-27.zip`` (or ``.xlsx``)."""
    return f"{EXPORT_STEM}-{day.isoformat()}.{extension}"


# --- rows in natural-key order ------------------------------------------------------------------


def _key_order(table: str, session: Session):
    """The statement reading ``table``'s records in the order of its natural key, and the
    columns its rows take from the records they name (name -> (expression, kind)).

    The database sorts as Python sorts the exported text: whole numbers as
    numbers (none first), the rest by code point (PostgreSQL's "C" collation,
    SQLite's binary one) with none as empty text, first.
    """
    m = models
    binary = "C" if session.get_bind().dialect.name == "postgresql" else "BINARY"

    def text(expr):
        return func.coalesce(expr, "").collate(binary)

    def number(expr):
        return func.coalesce(expr, -1)

    def day(expr):
        return expr.is_not(None), expr  # none first, as the empty text sorts

    forum, organization, meeting, milestone = (
        aliased(m.Forum),
        aliased(m.Organization),
        aliased(m.Meeting),
        aliased(m.Milestone),
    )
    mapping = RECORDS[table]
    model: Any = mapping.model  # every table model has these columns; Base does not declare them
    stmt = select(model).select_from(model).options(*mapping.eager)
    links = {}
    link = getattr(mapping, "link", None)
    if link is not None:  # a ChildOf table: the parent's key is the foreign key itself
        links[link[0]] = (getattr(model, link[2]), "text")
    if table == "countries":
        return stmt.order_by(text(m.Country.code)), links
    if table in ("action_plans", "commitments"):
        return stmt.order_by(text(model.id)), links
    if table in ("institutions", "organizations"):
        return stmt.order_by(text(model.country_code), text(model.name)), links
    if table == "policy_areas":
        return stmt.order_by(text(m.PolicyArea.name)), links
    if table == "milestones":
        return stmt.order_by(text(m.Milestone.commitment_id), number(m.Milestone.number)), links
    if table == "milestone_events":
        links |= {"commitment": (milestone.commitment_id, "text"), "milestone": (milestone.number, "int")}
        stmt = stmt.join(milestone, milestone.id == m.MilestoneEvent.milestone_id)
        return stmt.order_by(
            text(milestone.commitment_id), number(milestone.number), *day(m.MilestoneEvent.date)
        ), links
    if table == "forums":
        return stmt.order_by(text(m.Forum.code)), links
    if table == "memberships":
        links |= {"forum": (forum.code, "text"), "organization": (organization.name, "text")}
        stmt = stmt.join(forum, forum.id == m.Membership.forum_id).join(
            organization, organization.id == m.Membership.organization_id
        )
        return stmt.order_by(
            text(forum.code), text(organization.name), text(m.Membership.role), *day(m.Membership.term_start)
        ), links
    if table == "meetings":
        links |= {"forum": (forum.code, "text")}
        return stmt.join(forum, forum.id == m.Meeting.forum_id).order_by(text(forum.code), *day(m.Meeting.date)), links
    if table == "attendance":
        links |= {
            "forum": (forum.code, "text"),
            "meeting_date": (meeting.date, "date"),
            "organization": (organization.name, "text"),
        }
        stmt = (
            stmt.join(meeting, meeting.id == m.Attendance.meeting_id)
            .join(forum, forum.id == meeting.forum_id)
            .outerjoin(organization, organization.id == m.Attendance.organization_id)
        )
        return stmt.order_by(
            text(forum.code),
            *day(meeting.date),
            text(organization.name),
            text(m.Attendance.stakeholder_type),
            text(m.Attendance.gender),
        ), links
    if table == "participation":
        p = m.Participation
        links |= {
            "forum": (forum.code, "text"),
            "action_plan": (p.action_plan_id, "text"),
            "commitment": (p.commitment_id, "text"),
            "organization": (organization.name, "text"),
        }
        stmt = stmt.outerjoin(forum, forum.id == p.forum_id).outerjoin(
            organization, organization.id == p.organization_id
        )
        return stmt.order_by(
            text(p.country_code),
            *day(p.date),
            text(p.channel),
            text(forum.code),
            text(p.commitment_id),
            text(organization.name),
            text(p.stakeholder_type),
            text(p.gender),
        ), links
    raise KeyError(table)


# Tables whose rows are the records' own columns plus the keys of the records they
# name: read as plain rows, not as ORM objects (several times faster).  The others
# (commitments: IRM texts and lists; forums: the commitments they follow) go
# through data/records.py's ``export``; tests/test_export.py checks both give the same rows.
PLAIN_TABLES = frozenset(TABLE_ORDER) - {"commitments", "forums"}


def table_rows(session: Session, table: str) -> Iterator[list[str]]:
    """Every record of ``table`` as its canonical row (text, in the format's column order), key order."""
    if table in PLAIN_TABLES:
        return _plain_rows(session, table)
    return record_rows(session, table)


def _labels(session: Session) -> dict[int, str]:
    """provenance()'s source text by the source's id (no attribute load per row)."""
    return {source.id: source.label for source in session.scalars(select(models.Source))}


def record_rows(session: Session, table: str) -> Iterator[list[str]]:
    mapping = RECORDS[table]
    names = [c.name for c in BY_NAME[table].all_columns]
    labels = _labels(session)
    stmt, _ = _key_order(table, session)
    for record in session.scalars(stmt.execution_options(yield_per=CHUNK)):
        row = mapping.export(record)
        row["source"] = labels[record.source_id]
        row["source_row"] = scalar_text("int", record.source_row)
        yield [row.get(name, "") for name in names]


def _plain_rows(session: Session, table: str) -> Iterator[list[str]]:
    mapping, fmt = RECORDS[table], BY_NAME[table]
    model: Any = mapping.model  # every table model has these columns; Base does not declare them
    stmt, links = _key_order(table, session)
    columns = {c: (getattr(model, c), mapping.kind(c)) for c in mapping.scalars} | links
    columns |= {"source": (model.source_id, "source"), "source_row": (model.source_row, "int")}
    names = [c.name for c in fmt.all_columns]
    kinds = [columns[name][1] if name in columns else None for name in names]
    labels = _labels(session)
    stmt = stmt.with_only_columns(*(columns[name][0] if name in columns else literal("") for name in names))
    result = session.execute(stmt.execution_options(yield_per=CHUNK))
    for values in result:
        yield [
            labels[value] if kind == "source" else scalar_text(kind, value) if kind else ""
            for value, kind in zip(values, kinds, strict=True)
        ]


def table_count(session: Session, table: str) -> int:
    return session.scalar(select(func.count()).select_from(RECORDS[table].model)) or 0


class _Snapshot:
    """One session for a whole export, with the records other rows name held in it."""

    def __init__(self, url: str | None):
        self._scope = session_scope(url)

    def __enter__(self) -> Session:
        self.session = self._scope.__enter__()
        self._held = [list(self.session.scalars(select(model))) for model in NAMED]
        return self.session

    def __exit__(self, *exc):
        self._held = []
        return self._scope.__exit__(*exc)


def export_frames(session: Session) -> dict[str, pd.DataFrame]:
    """Every table as a frame of text, even when empty (for tests and small databases: it holds every row)."""
    held = [list(session.scalars(select(model))) for model in NAMED]  # noqa: F841  kept in the identity map
    return {
        table: pd.DataFrame(
            list(table_rows(session, table)), columns=[c.name for c in BY_NAME[table].all_columns], dtype="str"
        )
        for table in TABLE_ORDER
    }


# --- CSV ----------------------------------------------------------------------------------------


def header(table: str) -> list[str]:
    return [c.name for c in BY_NAME[table].all_columns]


def write_table_csv(session: Session, table: str, stream: IO[bytes]) -> int:
    return spreadsheets.write_csv(stream, header(table), table_rows(session, table))


def export_csv(url: str | None, out_dir: str | Path) -> list[Path]:
    """Write ``<table>.csv`` for every table into ``out_dir``; returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with _Snapshot(url) as session:
        for table in TABLE_ORDER:
            path = out / f"{table}.csv"
            with path.open("wb") as stream:
                write_table_csv(session, table, stream)
            paths.append(path)
    return paths


def write_csv_zip(url: str | None, target: str | Path | IO[bytes]) -> None:
    """The CSV folder as one zip, each table written to disk first, then deflated into the archive."""
    with tempfile.TemporaryDirectory(prefix="ogp-export-") as folder:
        paths = export_csv(url, folder)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                info = zipfile.ZipInfo(path.name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.file_size = path.stat().st_size  # lets zipfile choose ZIP64 for a table over 2 GB
                with path.open("rb") as source, archive.open(info, "w") as entry:
                    shutil.copyfileobj(source, entry, 1 << 20)


def export_csv_zip(url: str | None = None) -> bytes:
    """The CSV zip as bytes (small databases and tests; the Data page streams a file instead)."""
    import io

    buffer = io.BytesIO()
    write_csv_zip(url, buffer)
    return buffer.getvalue()


# --- XLSX ---------------------------------------------------------------------------------------


def typed_cell(column: Column, text: str):
    """A canonical cell as a workbook holds it: numbers and dates typed, the rest text."""
    if text == "":
        return None
    if column.kind == "int":
        return int(text)
    if column.kind == "float":
        value = float(text)
        return int(value) if value.is_integer() else value
    if column.kind == "date":
        return dt.date.fromisoformat(text)
    return text


def _typer(table: str) -> Callable[[list[str]], list]:
    columns = BY_NAME[table].all_columns
    typed = [(i, c) for i, c in enumerate(columns) if c.kind in ("int", "float", "date")]

    def convert(row: list[str]) -> list:
        out: list = list(row)
        for i, column in typed:
            out[i] = typed_cell(column, row[i])
        return out

    return convert


def write_xlsx(url: str | None, target: str | Path | IO[bytes]) -> None:
    """One workbook, a sheet per table (refused with TooManyRows, before writing, if a table is too long)."""
    with _Snapshot(url) as session:
        sheets = [
            spreadsheets.Sheet(
                title=table,
                header=header(table),
                rows=map(_typer(table), table_rows(session, table)),
                row_count=table_count(session, table),
            )
            for table in TABLE_ORDER
        ]
        spreadsheets.write_xlsx(str(target) if isinstance(target, Path) else target, sheets)


def export_xlsx_bytes(url: str | None = None) -> bytes:
    import io

    buffer = io.BytesIO()
    write_xlsx(url, buffer)
    return buffer.getvalue()


def export_xlsx(url: str | None, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(url, path)
    return path


def too_long_for_xlsx(counts: dict[str, int]) -> list[str]:
    """The tables (of a count per table) that an XLSX sheet cannot hold."""
    return [table for table, count in counts.items() if count + 1 > spreadsheets.XLSX_MAX_ROWS]


# --- a file per data version, for a web download ------------------------------------------------

EXTENSIONS = {"zip": "csv", "xlsx": "xlsx"}  # file extension -> format


def export_file(url: str | None, extension: str, folder: str | Path, version: str) -> Path:
    """The whole database as ``extension`` (zip of CSVs, or xlsx), written once per data ``version``.

    Written under a temporary name, then renamed, so a reader never sees half a
    file (two workers asked at once both write it; the bytes are the same).
    Files of other versions of the same database are removed.  TooManyRows
    for an XLSX some table of which does not fit on a sheet.
    """
    import hashlib
    import os

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    database = hashlib.sha1(str(url).encode()).hexdigest()[:12]
    stamp = hashlib.sha1(version.encode()).hexdigest()[:12]
    path = folder / f"{database}-{stamp}.{extension}"
    if path.exists():
        return path
    partial = folder / f".{path.name}.{os.getpid()}.partial"
    try:
        if EXTENSIONS[extension] == "csv":
            write_csv_zip(url, partial)
        else:
            write_xlsx(url, partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    for old in folder.glob(f"{database}-*.{extension}"):
        if old != path:
            old.unlink(missing_ok=True)
    return path

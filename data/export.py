"""Every table in the project's own format (data/formats.py), as CSV or XLSX.

Rows are ordered by natural key; dates are ISO, numbers carry no trailing
``.0``, booleans are yes/no, lists are joined with ``; `` in sorted order, and
the provenance columns ``source`` (``kind:name``) and ``source_row`` are filled,
so exporting, importing into an empty database and exporting again gives the
same bytes.  Commitments export their IRM fields and dates as the raw text, so
OGP's sentinels (ND, NR, ...) survive the trip.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from sqlalchemy.orm import Session

from data.db import session_scope
from data.formats import BY_NAME, Column
from data.models import TABLE_ORDER
from data.records import RECORDS, load_all, provenance

# Excel shows accents in a CSV only when it starts with a byte-order mark.
CSV_ENCODING = "utf-8-sig"
DATE_FORMAT = "yyyy-mm-dd"
# Fixed time stamp for the files in a zip, so the same data gives the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def export_frames(session: Session) -> dict[str, pd.DataFrame]:
    """Every table in models.TABLE_ORDER as text, even when empty."""
    loaded = load_all(session)
    frames = {}
    for table in TABLE_ORDER:
        mapping, fmt = RECORDS[table], BY_NAME[table]
        rows = [mapping.export(record) | provenance(record) for record in loaded.records[table]]
        rows.sort(key=_by_key(fmt.key, table))
        frames[table] = pd.DataFrame(rows, columns=[c.name for c in fmt.all_columns], dtype="str")
    return frames


def _by_key(key: tuple[str, ...], table: str):
    ints = {c for c in key if BY_NAME[table].column(c).kind == "int"}
    return lambda row: tuple((int(row[c]) if row[c] else -1, "") if c in ints else (0, row[c]) for c in key)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False))
    return out.getvalue().encode(CSV_ENCODING)


def export_csv(url: str | None, out_dir: str | Path) -> list[Path]:
    """Write ``<table>.csv`` for every table into ``out_dir``; returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with session_scope(url) as session:
        frames = export_frames(session)
    paths = []
    for table, frame in frames.items():
        path = out / f"{table}.csv"
        path.write_bytes(csv_bytes(frame))
        paths.append(path)
    return paths


def csv_zip_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, frame in frames.items():
            info = zipfile.ZipInfo(f"{table}.csv", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, csv_bytes(frame))
    return buffer.getvalue()


def export_csv_zip(url: str | None = None) -> bytes:
    """The CSV folder as a zip, for a download button."""
    with session_scope(url) as session:
        return csv_zip_bytes(export_frames(session))


def typed_cell(column: Column, text: str):
    """A cell's value for a workbook: numbers and dates typed, the rest text."""
    if text == "":
        return None
    if column.kind == "int":
        return int(text)
    if column.kind == "float":
        value = float(text)
        return int(value) if value.is_integer() else value
    if column.kind == "date":
        return dt.date.fromisoformat(text)
    # openpyxl cannot store control characters; no export of ours contains them.
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def sheet_value(sheet, column: Column, text: str):
    """A value to append to a write-only sheet (openpyxl formats dates as yyyy-mm-dd)."""
    value = typed_cell(column, text)
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, not a formula
        return cell
    return value


def xlsx_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for table, frame in frames.items():
        sheet = book.create_sheet(table)
        sheet.freeze_panes = "A2"
        columns = [BY_NAME[table].column(name) for name in frame.columns]
        header = []
        for name in frame.columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for values in frame.itertuples(index=False):
            sheet.append([sheet_value(sheet, column, text) for column, text in zip(columns, values, strict=True)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_xlsx_bytes(url: str | None = None) -> bytes:
    """One workbook with a sheet per table, for a download button."""
    with session_scope(url) as session:
        return xlsx_bytes(export_frames(session))


def export_xlsx(url: str | None, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(export_xlsx_bytes(url))
    return path

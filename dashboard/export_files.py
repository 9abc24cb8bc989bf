"""Tables as files: CSV and XLSX bytes and their names, for every download of a table.

- CSV: UTF-8 with a byte-order mark (Excel then shows accents), one header
  row, CRLF line ends, empty cells for missing values.
- XLSX: openpyxl in write-only mode (several times faster than a normal
  workbook), header row bold and frozen, columns sized to their content, and
  optionally a second sheet describing the file (view, filters, date, sources).
- Formula injection: a text cell that starts with ``= + - @`` (or a tab or
  carriage return) could run as a formula when a spreadsheet opens the file.
  In CSV such text gets a leading apostrophe; in XLSX it is stored as text
  with Excel's "quote prefix" flag, which is what Excel itself stores when
  someone types the apostrophe: shown as written, never evaluated.
- Names: ``ogp-monitor_<view>_<table>_<filters>_<YYYY-MM-DD>.<ext>``, every
  part reduced to letters, digits, ``_`` and ``-``, so no title or filter
  value can make a path or an odd name.  assets/15_exports.js builds the
  names of chart images with the same rules.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from dashboard.state import PARAMS
from data.export import CSV_ENCODING
from data.text import strip_accents

APP = "ogp-monitor"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Parameters named in a file name (``q-foros``, ``start-2020-01-01``); the
# others are codes that speak for themselves (``AP_PER03``, ``late``).
NAMED_PARAMS = ("area", "institution", "q", "start", "end", "asof", "page")
# Who is looking and how, not what is shown: never in a name.
UNNAMED_PARAMS = ("lang", "projector")
MAX_NAME = 150  # characters before the date and extension
MIN_WIDTH, MAX_WIDTH = 8, 60  # XLSX column widths, in characters
WIDTH_SAMPLE = 200  # rows read to size the columns
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- names ---------------------------------------------------------------------------------------


def slug(text, limit: int = 30) -> str:
    """``Gestión pública`` -> ``Gestion-publica``: ASCII letters, digits and ``_``, runs joined by ``-``."""
    return re.sub(r"[^A-Za-z0-9_]+", "-", strip_accents(str(text))).strip("-")[:limit].strip("-") or "x"


def name_slug(text, limit: int = 40) -> str:
    """A title as a lower-case name, cut at a word: ``Hitos atrasados o por vencer`` -> ``hitos-atrasados-o-por-vencer``."""
    words = [w for w in re.split(r"[^a-z0-9]+", strip_accents(str(text)).lower()) if w]
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or "x"


def filter_tokens(params: dict) -> list[str]:
    """The filters that are set, in the URL's order: codes as they are, the rest as ``name-value``."""
    tokens = []
    for spec in PARAMS:
        value = params.get(spec.name)
        if spec.name in UNNAMED_PARAMS or value in (None, "", [], False):
            continue
        several = isinstance(value, (list, tuple))
        token = slug("-".join(str(v) for v in value) if several else value, 60 if several else 30)
        tokens.append(f"{spec.name}-{token}" if spec.name in NAMED_PARAMS else token)
    return tokens


def export_name(view: str, table: str | None, params: dict, day: dt.date, ext: str, extra=()) -> str:
    """``ogp-monitor_resumen_hitos-atrasados_PER_AP_PER03_2026-11-27.csv``."""
    parts = [APP, name_slug(view), name_slug(table) if table else "", *filter_tokens(params), *(slug(e) for e in extra)]
    stem = "_".join(p for p in parts if p)[:MAX_NAME].rstrip("_-")
    return f"{stem}_{day.isoformat()}.{slug(ext).lower()}"


# --- cells ---------------------------------------------------------------------------------------


def plain(value):
    """A cell as data: None for missing (None, NaN, NaT, pd.NA), ISO text for a date, numbers as numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return str(value)


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _csv_cell(value):
    if value is None:
        return ""
    if is_formula_like(value):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, empty cells for missing values, formula-like text defused."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_cell(plain(c)) for c in frame.columns])
    writer.writerows([_csv_cell(plain(v)) for v in row] for row in frame.itertuples(index=False))
    return out.getvalue().encode(CSV_ENCODING)


def _xlsx_cell(sheet, value, font=None, alignment=None):
    """A value as openpyxl writes it: plain where possible (a cell object costs
    more than the value); a date as a date (openpyxl gives it the yyyy-mm-dd
    format); a styled or formula-like value as a cell of its own."""
    value = plain(value)
    formula_like = False
    if isinstance(value, str):
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        formula_like = value.startswith(FORMULA_START)
        day = _iso_day(value)
        if day is not None:  # a real date, so a spreadsheet sorts and filters it as one
            value = day
    if font is None and alignment is None and not formula_like:
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if formula_like:
        cell.data_type = "s"  # text as written, never a formula
        cell.quotePrefix = True  # Excel's own mark for "typed with an apostrophe"
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _iso_day(value: str) -> dt.date | None:
    if len(value) != 10 or not ISO_DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _widths(frame: pd.DataFrame) -> list[float]:
    """Each column as wide as its header or its longest value among the first rows, within limits."""
    widths = [len(str(c)) for c in frame.columns]
    for row in frame.head(WIDTH_SAMPLE).itertuples(index=False):
        for i, value in enumerate(row):
            value = plain(value)
            if value is not None:
                widths[i] = max(widths[i], len(str(value)))
    return [min(max(w + 2, MIN_WIDTH), MAX_WIDTH) for w in widths]


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def xlsx_bytes(
    frame: pd.DataFrame,
    sheet_name: str,
    about: list[tuple[str, str]] | None = None,
    about_name: str | None = None,
    freeze: str = "A2",
) -> bytes:
    """The table on one sheet; ``about`` (label, text) rows on a second sheet ``about_name``."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(sheet_name))
    sheet.freeze_panes = freeze
    for i, width in enumerate(_widths(frame)):
        sheet.column_dimensions[_column_letter(i)].width = width
    bold = Font(bold=True)
    sheet.append([_xlsx_cell(sheet, name, bold) for name in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    if about:
        notes = book.create_sheet(_sheet_title(about_name or "About", taken=sheet.title))
        notes.column_dimensions["A"].width = 28
        notes.column_dimensions["B"].width = 100
        wrap = Alignment(wrap_text=True, vertical="top")
        for label, text in about:
            notes.append([_xlsx_cell(notes, label, bold), _xlsx_cell(notes, text, alignment=wrap)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str, taken: str | None = None) -> str:
    """Excel allows 31 characters and none of ``[]:*?/\\`` in a sheet's name."""
    title = re.sub(r"[\[\]:*?/\\]", " ", ILLEGAL_CHARACTERS_RE.sub("", str(name))).strip()[:31] or "Sheet"
    return title if title != taken else (title[:29] + " 2")

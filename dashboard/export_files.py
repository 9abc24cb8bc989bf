"""A table as shown, as a file: its name and its CSV or XLSX bytes, for every download of a table.

The file rules (encoding, formula-like text, dates, Excel's limits) are
data/spreadsheets.py's, shared with the whole-database export; this module
adds what a table on screen needs: values as data (``plain``), column widths,
the "Filtros"/"Filters" sheet, and the name.

- Names: ``ogp-monitor_<view>_<table>_<filters>_<YYYY-MM-DD>.<ext>``, every
  part reduced to letters, digits, ``_`` and ``-``, so no title or filter
  value can make a path or an odd name.  assets/15_exports.js builds the
  names of chart images with the same rules.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

from dashboard.state import PARAMS
from data import spreadsheets
from data.text import strip_accents

APP = "ogp-monitor"
# Parameters named in a file name (``q-foros``, ``start-2020-01-01``); the
# others are codes that speak for themselves (``AP_PER03``, ``late``).
NAMED_PARAMS = ("area", "institution", "q", "start", "end", "asof", "page")
# Who is looking and how, not what is shown: never in a name.
UNNAMED_PARAMS = ("lang", "projector")
MAX_NAME = 150  # characters before the date and extension


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


def frame_rows(frame: pd.DataFrame) -> list[list]:
    """A frame's rows as plain values (see ``plain``)."""
    return [[plain(v) for v in row] for row in frame.itertuples(index=False)]


def table_csv(columns: list, rows: list[list]) -> bytes:
    """The table as CSV: UTF-8 with a byte-order mark, empty cells for missing values, formula-like text quoted."""
    return spreadsheets.csv_bytes([plain(c) for c in columns], ([plain(v) for v in row] for row in rows))


def table_xlsx(
    columns: list,
    rows: list[list],
    sheet_name: str,
    about: list[tuple[str, str]] | None = None,
    about_name: str | None = None,
    freeze: tuple[int, int] = (1, 0),
) -> bytes:
    """The table on one sheet (header bold and frozen, columns sized, ISO days as dates);
    ``about`` (label, text) rows on a second sheet ``about_name``."""
    header = [str(c) for c in columns]
    values = [[plain(v) for v in row] for row in rows]
    sheet = spreadsheets.Sheet(
        title=sheet_name,
        header=header,
        rows=values,
        row_count=len(values),
        dates=None,
        widths=spreadsheets.column_widths(header, values),
        freeze=freeze,
        notes=about or [],
        notes_title=about_name or "About",
    )
    return spreadsheets.xlsx_bytes([sheet])

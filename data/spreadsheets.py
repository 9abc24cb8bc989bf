"""The rules every CSV and XLSX file the project writes follows, and the writers.

Used by the whole-database export (data/export.py), the templates
(data/templates.py) and every table downloaded as shown
(dashboard/export_files.py), so each rule lives here once:

- CSV: UTF-8 with a byte-order mark (Excel then shows accents), CRLF line ends,
  one header row, empty cells for missing values.  Rows are written as they
  come (a generator is never held in memory).
- XLSX: XlsxWriter in ``constant_memory`` mode (each row goes to disk as it is
  written, so a sheet of a million rows costs no more memory than one of ten),
  header row bold and frozen, numbers as numbers, dates as dates
  (``yyyy-mm-dd``).  A sheet holds at most 1,048,576 rows: a table longer than
  that is refused (``TooManyRows``) before anything is written, never cut.
- Formula injection: a text cell that starts with ``= + - @``, a tab or a
  carriage return would run as a formula when a spreadsheet opens the file.
  In CSV such text gets a leading apostrophe (``quote_formula``); in XLSX it is
  stored as text with Excel's "quote prefix" flag, which is what Excel itself
  stores when someone types the apostrophe.  So that the CSV stays a round
  trip, text that already starts with apostrophes before such a character gets
  one more, and the importer takes exactly one off (``unquote_formula``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import xlsxwriter  # type: ignore[import-untyped]  # no stubs published

CSV_ENCODING = "utf-8-sig"
DATE_FORMAT = "yyyy-mm-dd"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
# Excel's limits: rows per sheet (the header included), characters per cell, sheet name length.
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_TEXT = 32_767
SHEET_TITLE_MAX = 31
MIN_WIDTH, MAX_WIDTH = 8, 60  # XLSX column widths, in characters
# Characters an XLSX file cannot hold (XML 1.0 forbids them); tab, line feed and carriage return are allowed.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class TooManyRows(ValueError):
    """A table longer than an XLSX sheet can hold; the message says to use CSV."""


# --- formula-like text --------------------------------------------------------------------------


def _needs_quote(text: str) -> bool:
    return text.lstrip(QUOTE).startswith(FORMULA_START)


def quote_formula(value):
    """Text a spreadsheet would run as a formula, with a leading apostrophe; anything else as it is.

    ``=HYPERLINK("x")`` -> ``'=HYPERLINK("x")``; ``'=x`` -> ``''=x`` (so that
    ``unquote_formula`` gives it back exactly); ``'hola`` and numbers unchanged.
    """
    if isinstance(value, str) and value and value[0] in "=+-@\t\r'" and _needs_quote(value):
        return QUOTE + value
    return value


def unquote_formula(text: str) -> str:
    """Undo ``quote_formula``: the one apostrophe it added, and only that."""
    if text.startswith(QUOTE) and _needs_quote(text[1:]):
        return text[1:]
    return text


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


# --- CSV ----------------------------------------------------------------------------------------


def write_csv(stream: IO[bytes], header: Sequence, rows: Iterable[Sequence]) -> int:
    """Write a table to a binary stream as it comes; returns the rows written.

    Cells are text or numbers (None for missing); formula-like text is quoted.
    """
    text = codecs.getwriter("utf-8")(stream)
    text.write("\ufeff")  # the byte-order mark of CSV_ENCODING
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([_csv_cell(c) for c in header])
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row])
        count += 1
    return count


def _csv_cell(value):
    if value is None:
        return ""
    return quote_formula(value)


def csv_bytes(header: Sequence, rows: Iterable[Sequence]) -> bytes:
    """A small table as CSV bytes (the rules of ``write_csv``)."""
    buffer = io.BytesIO()
    write_csv(buffer, header, rows)
    return buffer.getvalue()


# --- XLSX ---------------------------------------------------------------------------------------


@dataclass
class Sheet:
    """A table to write on a sheet.

    ``rows`` may be a generator; ``row_count`` (when known before writing)
    lets a too-long table be refused before a byte is written.  Cells: text,
    numbers, booleans, ``datetime.date`` or None; ``dates`` names the columns
    whose ISO text (``2018-02-15``) is written as a date (None: in every column).  ``widths``: column
    widths in characters (None: Excel's default).  ``notes``: (label, text)
    pairs written as a two-column sheet of their own after the table, titled
    ``notes_title``.
    """

    title: str
    header: Sequence
    rows: Iterable[Sequence]
    row_count: int | None = None
    dates: frozenset[int] | None = frozenset()
    widths: Sequence[float] | None = None
    freeze: tuple[int, int] = (1, 0)
    notes: Sequence[tuple[Any, Any]] = field(default_factory=list)
    notes_title: str = "About"


def check_rows(title: str, count: int) -> None:
    """Refuse a table longer than a sheet holds, saying what to do instead."""
    if count + 1 > XLSX_MAX_ROWS:
        raise TooManyRows(
            f"{title}: {count:,} rows do not fit on an XLSX sheet (at most {XLSX_MAX_ROWS - 1:,} rows "
            "below the header); export as CSV instead"
        )


def write_xlsx(target: str | IO[bytes], sheets: Iterable[Sheet]) -> None:
    """Write the sheets as one workbook to a path or a binary stream, in constant memory."""
    sheets = list(sheets)
    for sheet in sheets:
        if sheet.row_count is not None:
            check_rows(sheet.title, sheet.row_count)
    book = xlsxwriter.Workbook(
        target,
        {
            "constant_memory": True,
            # Text stays text: no formulas, links or numbers guessed from it.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    try:
        styles = _Styles(book)
        taken: set[str] = set()
        for sheet in sheets:
            _write_sheet(book, styles, sheet, taken)
            if sheet.notes:
                _write_notes(book, styles, sheet, taken)
    finally:
        book.close()


def xlsx_bytes(sheets: Iterable[Sheet]) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets)
    return buffer.getvalue()


class _Styles:
    def __init__(self, book):
        self.bold = book.add_format({"bold": True})
        self.date = book.add_format({"num_format": DATE_FORMAT})
        self.quoted = book.add_format({"quote_prefix": True})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.wrap_quoted = book.add_format({"text_wrap": True, "valign": "top", "quote_prefix": True})


def sheet_title(name, taken: set[str] | None = None) -> str:
    """Excel allows 31 characters and none of ``[]:*?/\\`` in a sheet's name, and no two alike."""
    title = re.sub(r"[\[\]:*?/\\]", " ", ILLEGAL_CHARACTERS.sub("", str(name))).strip()[:SHEET_TITLE_MAX] or "Sheet"
    taken = taken if taken is not None else set()
    candidate, n = title, 2
    while candidate.casefold() in taken:
        candidate = f"{title[: SHEET_TITLE_MAX - len(str(n)) - 1]} {n}"
        n += 1
    taken.add(candidate.casefold())
    return candidate


def _write_sheet(book, styles: _Styles, sheet: Sheet, taken: set[str]) -> None:
    ws = book.add_worksheet(sheet_title(sheet.title, taken))
    if sheet.freeze != (0, 0):
        ws.freeze_panes(*sheet.freeze)
    for i, width in enumerate(sheet.widths or ()):
        ws.set_column(i, i, width)
    for c, name in enumerate(sheet.header):
        ws.write_string(0, c, _text(str(name), sheet.title, 1), styles.bold)
    r = 0
    for r, row in enumerate(sheet.rows, start=1):
        if r >= XLSX_MAX_ROWS:
            check_rows(sheet.title, r)  # a row count not known beforehand: refuse rather than cut
        for c, value in enumerate(row):
            _write_cell(ws, styles, r, c, value, sheet.dates is None or c in sheet.dates, sheet.title)


def _write_notes(book, styles: _Styles, sheet: Sheet, taken: set[str]) -> None:
    ws = book.add_worksheet(sheet_title(sheet.notes_title, taken))
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 100)
    for r, (label, text) in enumerate(sheet.notes):
        _write_cell(ws, styles, r, 0, label, False, sheet.notes_title, styles.bold)
        _write_cell(ws, styles, r, 1, text, True, sheet.notes_title, styles.wrap, styles.wrap_quoted)


def _text(value: str, where: str, row: int) -> str:
    if ILLEGAL_CHARACTERS.search(value):
        value = ILLEGAL_CHARACTERS.sub("", value)
    if len(value) > XLSX_MAX_TEXT:
        raise TooManyRows(
            f"{where}: row {row + 1} holds a text of {len(value):,} characters, more than an XLSX cell "
            f"holds ({XLSX_MAX_TEXT:,}); export as CSV instead"
        )
    return value


def _write_cell(ws, styles: _Styles, r: int, c: int, value, as_date: bool, where: str, style=None, quoted=None):
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_boolean(r, c, value, style)
    elif isinstance(value, int | float):
        ws.write_number(r, c, value, style)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, value, styles.date)
    else:
        text = _text(str(value), where, r)
        if as_date:
            day = iso_day(text)
            if day is not None:
                ws.write_datetime(r, c, day, styles.date)
                return
        if is_formula_like(text):
            ws.write_string(r, c, text, quoted or styles.quoted)  # text as written, never a formula
        else:
            ws.write_string(r, c, text, style)


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(value: str) -> dt.date | None:
    """``2018-02-15`` as a date; anything else None."""
    if len(value) != 10 or not ISO_DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def column_widths(header: Sequence, rows: Sequence[Sequence], sample: int = 200) -> list[float]:
    """Each column as wide as its header or its longest value among the first rows, within limits."""
    widths = [len(str(c)) for c in header]
    for row in rows[:sample]:
        for i, value in enumerate(row):
            if value is not None and i < len(widths):
                widths[i] = max(widths[i], len(str(value)))
    return [min(max(w + 2, MIN_WIDTH), MAX_WIDTH) for w in widths]

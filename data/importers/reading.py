"""Reading files into sheets of text: CSV in any of the encodings and delimiters
spreadsheets write, and workbooks (XLSX, and the other formats calamine reads).

Rows are numbered as a spreadsheet user counts them: the header is row 1 (or
wherever the first non-blank row is), and a record with line breaks inside a
quoted cell is still one row.  Damaged input (binary junk, a file cut short,
an empty file) becomes a located Problem, never an exception.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from data.cells import format_number
from data.importers.problems import Problem, file_problem

DELIMITERS = (",", ";", "\t")
SEP_LINE = re.compile(r"sep=[,;\t|]", re.IGNORECASE)
# Sheets that document a workbook rather than hold a table.
HELP_SHEETS = frozenset({"readme", "help", "léame", "leame", "ayuda"})

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0")
_NOT_TABLES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
}
_EXPORT_AGAIN = "export the table from your spreadsheet as CSV (UTF-8) or XLSX and import that file"
# Share of control characters above which text is taken for binary junk.
_MAX_CONTROL_SHARE = 0.01


@dataclass
class Sheet:
    """One table of text as a file holds it."""

    file: str  # where problems point: the path as given, or "book.xlsx[sheet]"
    name: str  # the file (and sheet) name a record's source is named after
    stem: str  # file stem or sheet name: the table it may be named after
    header: list[str] = field(default_factory=list)
    header_row: int = 1
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (spreadsheet row, cells)
    delimiter: str | None = None  # for CSV


def read_path(path: str | Path) -> tuple[list[Sheet], list[Problem], list[Problem]]:
    """Sheets, problems and warnings for one file given by the user."""
    label = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return [], [file_problem(label, "the file does not exist; check the path")], []
    except OSError as error:
        return (
            [],
            [file_problem(label, f"the file cannot be read ({error.strerror}); check that it is a readable file")],
            [],
        )
    return read_bytes(data, label, Path(path).name)


def read_bytes(data: bytes, label: str, filename: str) -> tuple[list[Sheet], list[Problem], list[Problem]]:
    if not data.strip():
        return [], [file_problem(label, f"the file is empty; {_EXPORT_AGAIN}")], []
    if data.startswith(_WORKBOOK_MAGIC):
        return _read_workbook(data, label, filename)
    for magic, what in _NOT_TABLES.items():
        if data.startswith(magic):
            return [], [file_problem(label, f"this is {what}, not a table; {_EXPORT_AGAIN}")], []
    text, problem = _decode(data, label)
    if problem:
        return [], [problem], []
    if not text.strip():
        return [], [file_problem(label, f"the file is empty; {_EXPORT_AGAIN}")], []
    return _read_csv(text, label, filename)


def _decode(data: bytes, label: str) -> tuple[str, Problem | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        # Excel on Windows saves "CSV" in Windows-1252 and "CSV UTF-8" in UTF-8;
        # UTF-8 is tried first because cp1252 would also accept its bytes.
        encodings = ("utf-8", "cp1252")
    binary = file_problem(label, f"this is not a text table (it holds binary data); {_EXPORT_AGAIN}")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:8192]
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f" or ch == "\x7f")
        if "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
            return "", binary
        return text, None
    return "", binary


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of , ; and tab outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            break
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(text: str, label: str, filename: str) -> tuple[list[Sheet], list[Problem], list[Problem]]:
    # Excel may write a first line "sep=;" naming the delimiter; it does not show
    # it, so the header after it is row 1.
    first, _, rest = text.partition("\n")
    if SEP_LINE.fullmatch(first.strip("\r")):
        delimiter, text = first.strip("\r")[-1], rest
    else:
        delimiter = sniff_delimiter(text.lstrip("\r\n"))
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for record in reader:
            records.append(record)
    except csv.Error as error:
        row = len(records) + 1
        if "unexpected end of data" in str(error):
            message = (
                "a quoted cell that starts in this row is never closed, so the file looks cut short; "
                "check the end of the file or export it again"
            )
        else:
            message = (
                f"a quote is out of place in this row ({error}); put quotes around the whole cell "
                "and double any quote inside it, as spreadsheets do"
            )
        return [], [Problem(label, row, "-", message)], []
    sheet = Sheet(label, filename, Path(filename).stem, delimiter=delimiter)
    problems = _fill(sheet, [(i + 1, [c.strip() for c in r]) for i, r in enumerate(records)])
    if sheet.rows and not text.endswith(("\n", "\r")):
        last_row, last = sheet.rows[-1]
        if len(records[last_row - 1]) < len(sheet.header):
            problems.append(
                Problem(
                    label,
                    last_row,
                    "-",
                    "the last row has fewer cells than the header and the "
                    "file does not end with a line break, so it looks cut short; export it again",
                )
            )
    return [sheet], problems, []


def _read_workbook(data: bytes, label: str, filename: str) -> tuple[list[Sheet], list[Problem], list[Problem]]:
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        metadata = book.sheets_metadata
    except Exception as error:  # calamine raises several types for damaged zips
        return (
            [],
            [
                file_problem(
                    label,
                    f"the workbook cannot be read, it may be damaged or cut short ({error}); "
                    "open it in your spreadsheet and save it again",
                )
            ],
            [],
        )
    sheets, problems, warnings = [], [], []
    for meta in metadata:
        where = f"{label}[{meta.name}]"
        if meta.name.strip().casefold() in HELP_SHEETS:
            continue
        if meta.visible != python_calamine.SheetVisibleEnum.Visible:
            warnings.append(file_problem(where, "the sheet is hidden, so it was not imported; unhide it to import it"))
            continue
        try:
            cells = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
        except Exception as error:
            problems.append(file_problem(where, f"the sheet cannot be read ({error}); save the workbook again"))
            continue
        sheet = Sheet(where, f"{filename}[{meta.name}]", meta.name)
        problems += _fill(sheet, [(i + 1, [cell_text(c) for c in row]) for i, row in enumerate(cells)])
        if sheet.header:
            sheets.append(sheet)
        else:
            warnings.append(file_problem(where, "the sheet is empty, so it was skipped"))
    if not sheets and not problems:
        problems.append(file_problem(label, f"the workbook holds no table; {_EXPORT_AGAIN}"))
    return sheets, problems, warnings


def cell_text(value) -> str:
    """A workbook cell as the text a CSV would hold (dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float | int):
        return format_number(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _fill(sheet: Sheet, numbered: list[tuple[int, list[str]]]) -> list[Problem]:
    """Header = the first non-blank row; blank rows are skipped; cells padded to the header."""
    rows = [(n, cells) for n, cells in numbered if any(cells)]
    if not rows:
        return [file_problem(sheet.file, f"the file has no header row; {_EXPORT_AGAIN}")] if sheet.delimiter else []
    (sheet.header_row, header), body = rows[0], rows[1:]
    while header and not header[-1]:
        header = header[:-1]
    sheet.header = header
    width = len(header)
    problems = []
    for number, cells in body:
        if any(cells[width:]):
            problems.append(
                Problem(
                    sheet.file,
                    number,
                    "-",
                    f"this row has {len(cells)} cells but the header "
                    f"names {width} columns; remove the extra cells or give them a header",
                )
            )
            continue
        sheet.rows.append((number, (cells + [""] * width)[:width]))
    return problems

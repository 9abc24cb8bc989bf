"""Reading files into sheets of text: CSV in any of the encodings and delimiters
spreadsheets write, and workbooks (XLSX, and the other formats calamine reads).

Rows are numbered as a spreadsheet user counts them: the header is row 1 (or
wherever the first non-blank row is), and a record with line breaks inside a
quoted cell is still one row.  Damaged input (binary junk, a file cut short,
an empty file) becomes a located Problem, never an exception.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import python_calamine

from data.cells import format_number
from data.importers.problems import Problem, file_problem
from data.spreadsheets import unquote_formula

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
_HEAD_BYTES = 65536  # read first, to tell what kind of file this is
_BLOCK_BYTES = 1 << 20  # decoded at a time
_SAMPLE_CHARS = 8192  # judged for binary junk
_SNIFF_CHARS = 65536  # where the delimiter is looked for


@dataclass
class Sheet:
    """One table of text as a file holds it.

    A workbook's sheet is held in memory; a CSV file is read again from disk
    each time its body is walked (``body()``), so a file of any size is read
    in bounded memory.  Problems found while walking (a row with too many
    cells, a quote out of place) are appended to ``problems``.
    """

    file: str  # where problems point: the path as given, or "book.xlsx[sheet]"
    name: str  # the file (and sheet) name a record's source is named after
    stem: str  # file stem or sheet name: the table it may be named after
    header: list[str] = field(default_factory=list)
    header_row: int = 1
    held: list[tuple[int, list[str]]] | None = None  # (spreadsheet row, cells), when held in memory
    delimiter: str | None = None  # for CSV
    problems: list[Problem] = field(default_factory=list)
    size: int = 0  # bytes on disk (for progress), 0 when held in memory
    position: int = 0  # bytes read so far while walking the body (for progress)
    _records: Callable[[], Iterator[tuple[int, list[str]]]] | None = field(default=None, repr=False)
    _cut_short: bool = False  # the file ends without a line break

    @property
    def rows(self) -> list[tuple[int, list[str]]]:
        """Every body row, read once into memory (for small tables and OGP's sheet)."""
        if self.held is None:
            self.held = list(self.body())
        return self.held

    def body(self) -> Iterator[tuple[int, list[str]]]:
        """The rows after the header, blank rows skipped, cells padded to the header."""
        if self.held is not None:
            yield from self.held
            return
        assert self._records is not None
        width = len(self.header)
        last: tuple[int, int] | None = None
        for number, cells in self._records():
            if number <= self.header_row or not any(cells):
                continue
            last = (number, len(cells))
            if any(cells[width:]):
                self.problems.append(_too_many_cells(self.file, number, len(cells), width))
                continue
            yield number, (cells + [""] * width)[:width]
        if last and self._cut_short and last[1] < width:
            self.problems.append(
                Problem(
                    self.file,
                    last[0],
                    "-",
                    "the last row has fewer cells than the header and the "
                    "file does not end with a line break, so it looks cut short; export it again",
                )
            )


def _too_many_cells(file: str, number: int, count: int, width: int) -> Problem:
    return Problem(
        file,
        number,
        "-",
        f"this row has {count} cells but the header names {width} columns; remove the extra cells or give them a header",
    )


def read_path(path: str | os.PathLike) -> tuple[list[Sheet], list[Problem], list[Problem]]:
    """Sheets, problems and warnings for one file given by the user."""
    label = str(path)
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD_BYTES)
        size = os.path.getsize(path)
    except FileNotFoundError:
        return [], [file_problem(label, "the file does not exist; check the path")], []
    except OSError as error:
        return (
            [],
            [file_problem(label, f"the file cannot be read ({error.strerror}); check that it is a readable file")],
            [],
        )
    if head.startswith(_WORKBOOK_MAGIC):
        return _read_workbook(Path(path).read_bytes(), label, Path(path).name)
    if size <= len(head) and not head.strip():
        return [], [file_problem(label, f"the file is empty; {_EXPORT_AGAIN}")], []
    for magic, what in _NOT_TABLES.items():
        if head.startswith(magic):
            return [], [file_problem(label, f"this is {what}, not a table; {_EXPORT_AGAIN}")], []
    encoding, ends_with_break, problem = _encoding(Path(path), head, label)
    if problem:
        return [], [problem], []
    return _read_csv(Path(path), encoding, ends_with_break, size, label, Path(path).name)


def _encoding(path: Path, head: bytes, label: str) -> tuple[str, bool, Problem | None]:
    """The file's encoding, whether it ends with a line break, or why it is no text.

    The whole file is decoded once, block by block, so that a stray byte far
    down a large file is found before anything is read as UTF-8.
    """
    if head.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        # Excel on Windows saves "CSV" in Windows-1252 and "CSV UTF-8" in UTF-8;
        # UTF-8 is tried first because cp1252 would also accept its bytes.
        encodings = ("utf-8", "cp1252")
    binary = file_problem(label, f"this is not a text table (it holds binary data); {_EXPORT_AGAIN}")
    for encoding in encodings:
        decoder = codecs.getincrementaldecoder(encoding)()
        sample, tail, blank = "", "", True
        try:
            with path.open("rb") as f:
                while block := f.read(_BLOCK_BYTES):
                    text = decoder.decode(block)
                    if len(sample) < _SAMPLE_CHARS:
                        sample += text[: _SAMPLE_CHARS - len(sample)]
                    if text:
                        tail = text[-2:]
                        blank = blank and not text.strip()
                text = decoder.decode(b"", final=True)
                tail = text[-2:] if text else tail
                blank = blank and not text.strip()
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f" or ch == "\x7f")
        if "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
            return "", False, binary
        if blank:
            return "", False, file_problem(label, f"the file is empty; {_EXPORT_AGAIN}")
        return encoding, tail.endswith(("\n", "\r")), None
    return "", False, binary


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


class _QuoteError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _read_csv(
    path: Path, encoding: str, ends_with_break: bool, size: int, label: str, filename: str
) -> tuple[list[Sheet], list[Problem], list[Problem]]:
    # Excel may write a first line "sep=;" naming the delimiter; it does not show
    # it, so the header after it is row 1.
    with path.open(encoding=encoding, newline="") as f:
        start = f.read(_SNIFF_CHARS)
    first = start.partition("\n")[0].strip("\r")
    skip_first = bool(SEP_LINE.fullmatch(first))
    delimiter = first[-1] if skip_first else sniff_delimiter(start.lstrip("\r\n"))

    def records() -> Iterator[tuple[int, list[str]]]:
        with path.open(encoding=encoding, newline="") as f:
            if skip_first:
                f.readline()
            reader = csv.reader(f, delimiter=delimiter, strict=True)
            number = 0
            try:
                for record in reader:
                    number += 1
                    if not number % 4096:
                        # text-mode open wraps a BufferedReader, whose tell() works while iterating
                        sheet.position = cast(io.BufferedReader, f.buffer).tell()
                    # Our CSVs quote formula-like text (data/spreadsheets.py): the quote is not the value's.
                    yield number, [unquote_formula(cell.strip()) for cell in record]
            except csv.Error as error:
                sheet.problems.append(_quote_problem(label, number + 1, error))
            sheet.position = size

    sheet = Sheet(label, filename, Path(filename).stem, delimiter=delimiter, size=size, _records=records)
    sheet._cut_short = not ends_with_break
    for number, cells in records():
        if any(cells):
            while cells and not cells[-1]:
                cells = cells[:-1]
            sheet.header, sheet.header_row = cells, number
            break
    if sheet.problems and not sheet.header:  # a quote out of place before any header
        return [], sheet.problems, []
    if not sheet.header:
        return [], [file_problem(label, f"the file has no header row; {_EXPORT_AGAIN}")], []
    return [sheet], [], []


def _quote_problem(label: str, row: int, error: csv.Error) -> Problem:
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
    return Problem(label, row, "-", message)


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
    sheet.held = []
    if not rows:
        return []
    (sheet.header_row, header), body = rows[0], rows[1:]
    while header and not header[-1]:
        header = header[:-1]
    sheet.header = header
    width = len(header)
    problems = []
    for number, cells in body:
        if any(cells[width:]):
            problems.append(_too_many_cells(sheet.file, number, len(cells), width))
            continue
        sheet.held.append((number, (cells + [""] * width)[:width]))
    return problems

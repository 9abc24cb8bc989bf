"""Sheets recognised as project tables, as frames of text ready to validate.

A Frame holds one project table's rows (one text column per column of
data/formats.py, empty where the file lacks the column) together with where
each row and column came from, so every problem can be located in the user's
own file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import pandas as pd

from data.dates import DateError, ambiguous_day_month, infer_dayfirst, parse_date
from data.formats import BY_NAME, TABLES, TableFormat
from data.importers.problems import Problem, file_problem
from data.importers.reading import Sheet


@dataclass
class Frame:
    table: str
    data: pd.DataFrame  # str columns, every column of the table's format
    rows: list[int]  # spreadsheet row of each frame row
    file: str  # where problems point
    source: str  # "kind:name" of rows whose own ``source`` cell is empty
    headers: dict[str, str] = field(default_factory=dict)  # format column -> header as written
    present: frozenset[str] = frozenset()  # columns the file gives (others are left as they are)
    dayfirst: bool | None = None  # how d/m/y dates in date columns read

    _records: list[dict[str, str]] | None = field(default=None, repr=False)

    def problem(self, index: int, column: str, message: str) -> Problem:
        return Problem(self.file, self.rows[index], self.headers.get(column, column), message)

    def records(self) -> list[dict[str, str]]:
        """The rows as dicts (computed once; see ``set_column``)."""
        if self._records is None:
            # The frame's columns are format column names (str).
            self._records = cast(list[dict[str, str]], self.data.to_dict("records"))
        return self._records

    def set_column(self, name: str, values: list[str]) -> None:
        self.data[name] = values
        self._records = None


def new_frame(
    table: str,
    columns: Mapping[str, Sequence[str]],
    rows: list[int],
    file: str,
    source: str,
    headers: dict[str, str] | None = None,
) -> Frame:
    """A frame with every column of the table (missing ones empty)."""
    fmt = BY_NAME[table]
    # object columns of Python str: pandas' own string dtype without pyarrow
    # walks every cell in Python even to compare with "".
    data = pd.DataFrame(
        {c.name: np.array(columns.get(c.name, [""] * len(rows)), dtype=object) for c in fmt.all_columns}, dtype=object
    )
    return Frame(table, data, rows, file, source, headers or {}, frozenset(columns))


def normalise(header: str) -> str:
    """Headers match whatever their case and spacing: "Planned start" = planned_start."""
    return re.sub(r"[\s\-]+", "_", header.strip().casefold())


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def table_of(sheet: Sheet) -> tuple[str | None, Problem | None]:
    """The project table a sheet holds: by its name, else by its header."""
    if sheet.stem.strip().casefold() in BY_NAME:
        return sheet.stem.strip().casefold(), None
    header = {normalise(h) for h in sheet.header}
    fits = [t for t in TABLES if set(t.required_columns) <= header]
    fits.sort(key=lambda t: len(header & {c.name for c in t.all_columns}), reverse=True)
    if fits and (len(fits) == 1 or _overlap(fits[0], header) > _overlap(fits[1], header)):
        return fits[0].name, None
    names = ", ".join(f"{t.name}.csv" for t in TABLES)
    return None, file_problem(
        sheet.file,
        "cannot tell which table this is; name the file (or sheet) after its "
        f"table ({names}) or use the template's header row",
    )


def _overlap(fmt: TableFormat, header: set[str]) -> int:
    return len(header & {c.name for c in fmt.all_columns})


@dataclass
class Columns:
    """How a sheet's columns map to a table's: format column -> position and header."""

    table: str
    positions: dict[str, int]
    headers: dict[str, str]
    unnamed: list[int]  # positions of columns with no header


def match_columns(sheet: Sheet, table: str) -> tuple[Columns | None, list[Problem], list[Problem]]:
    """The sheet's columns matched to the table's; unknown ones are warned about."""
    fmt = BY_NAME[table]
    known = {c.name for c in fmt.all_columns}
    problems, warnings = [], []
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    unnamed = []
    for index, header in enumerate(sheet.header):
        name = normalise(header)
        if not name:
            unnamed.append(index)
        elif name not in known:
            warnings.append(
                Problem(
                    sheet.file,
                    sheet.header_row,
                    header,
                    f"'{header}' is not a column of the {table} table, so it was ignored; "
                    "the columns are listed in the templates' README",
                )
            )
        elif name in positions:
            problems.append(
                Problem(
                    sheet.file,
                    sheet.header_row,
                    header,
                    f"the column appears twice (columns {column_letter(positions[name])} and "
                    f"{column_letter(index)}); keep one",
                )
            )
        else:
            positions[name], headers[name] = index, header
    for required in fmt.required_columns:
        if required not in positions:
            problems.append(
                Problem(
                    sheet.file,
                    sheet.header_row,
                    required,
                    f"the required column '{required}' is missing; add a column headed {required}",
                )
            )
    if problems:
        return None, problems, warnings
    return Columns(table, positions, headers, unnamed), problems, warnings


def unnamed_warnings(sheet: Sheet, positions: list[int]) -> list[Problem]:
    """Columns with no header that hold values."""
    return [
        Problem(
            sheet.file,
            sheet.header_row,
            column_letter(index),
            "this column has no header, so it was ignored; give it a header to import it",
        )
        for index in positions
    ]


def frame_of(sheet: Sheet, columns: Columns, rows: list[tuple[int, list[str]]], source: str) -> Frame:
    by_column = list(zip(*(cells for _, cells in rows), strict=True)) if rows else []
    data = {name: by_column[i] if by_column else [] for name, i in columns.positions.items()}
    return new_frame(columns.table, data, [n for n, _ in rows], sheet.file, source, columns.headers)


def project_frame(sheet: Sheet, table: str, source: str) -> tuple[Frame | None, list[Problem], list[Problem]]:
    """The whole sheet as one frame (small tables; large ones go through data.importers.streaming)."""
    columns, problems, warnings = match_columns(sheet, table)
    rows = sheet.rows
    filled = [i for i in (columns.unnamed if columns else []) if any(cells[i] for _, cells in rows)]
    warnings = _in_header_order(warnings + unnamed_warnings(sheet, filled), sheet)
    if columns is None:
        return None, problems, warnings
    frame = frame_of(sheet, columns, rows, source)
    warnings += settle_day_order(frame, _date_texts(frame))
    return frame, problems, warnings


def _in_header_order(warnings: list[Problem], sheet: Sheet) -> list[Problem]:
    def position(warning: Problem) -> int:
        if warning.column in sheet.header:
            return sheet.header.index(warning.column)
        return next((i for i in range(len(sheet.header)) if column_letter(i) == warning.column), len(sheet.header))

    return sorted(warnings, key=position)


def _date_texts(frame: Frame) -> list[str]:
    fmt = BY_NAME[frame.table]
    return list(dict.fromkeys(t for c in fmt.all_columns if c.kind == "date" for t in pd.unique(frame.data[c.name])))


def numeric_dates(frame: Frame) -> list[str]:
    """The frame's date cells that are not YYYY-MM-DD (1/7/2014): the ones whose
    day order may matter."""
    fmt = BY_NAME[frame.table]
    found: list[str] = []
    for column in (c.name for c in fmt.all_columns if c.kind == "date"):
        series = frame.data[column]
        found += list(pd.unique(series[series.ne("") & ~series.str.fullmatch(r"\d{4}-\d{2}-\d{2}")]))
    return found


def settle_day_order(frame: Frame, texts: Iterable[str]) -> list[Problem]:
    """d/m/y or m/d/y for the frame's date columns, judged from all the file's
    date cells (``texts``, in the file's order).

    With no telling date (31/12 or 12/31) the project's users, mostly Spanish
    speakers, are taken to write the day first, and told so.
    """
    frame.dayfirst = infer_dayfirst(texts)
    ambiguous = [t for t in texts if ambiguous_day_month(t)]
    if frame.dayfirst is None and ambiguous:
        frame.dayfirst = True
        return [
            file_problem(
                frame.file,
                f"dates such as '{ambiguous[0]}' were read as day/month/year; "
                "write dates as YYYY-MM-DD to be sure they are read as meant",
            )
        ]
    return []


def dates_kept_as_text(frame: Frame) -> list[Problem]:
    """Warnings for OGP-style dates in no form the importer knows ("by end 2019"):
    they are kept as written, with no date, so timelines leave them out."""
    warnings = []
    for column in (c.name for c in BY_NAME[frame.table].columns if c.kind == "ogp_date"):
        for index, text in enumerate(frame.data[column]):
            try:
                unknown = parse_date(text).precision == "unknown"
            except DateError:
                continue  # an error, reported as such
            if unknown:
                warnings.append(
                    frame.problem(
                        index,
                        column,
                        f"'{text}' is kept as written but gives no date; "
                        "write it like 12/31/2019, December 2019 or 2019 to give it one",
                    )
                )
    return warnings

"""Checking the cells of a frame against its table's format (data/formats.py).

One validator, vectorised over columns: pattern and vocabulary checks run on
whole columns; checks that need data.cells' own parsers (dates, IRM labels,
list cells) run once per distinct value of a column, which for real tables is
a few thousand values however many rows there are.  The messages come from
data.cells, which says what is wrong and what to write.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data import cells, vocab
from data.dates import parse_date
from data.formats import BY_NAME, Column
from data.importers.frames import Frame
from data.importers.problems import Problem
from data.records import RECORDS

# PostgreSQL cannot index a key longer than about 2,700 bytes (a third of a page).
MAX_KEY_BYTES = 2600
SOURCE_KINDS = "|".join(vocab.SOURCE_KINDS)
SOURCE_PATTERN = rf"(?:{SOURCE_KINDS}):\S.*"
# Cells already written as the exporter writes them: left as they are by
# canonicalise (a float with at most 15 significant digits prints back the same).
_CANONICAL = {
    "int": r"0|-?[1-9]\d{0,17}",
    "float": r"-?[1-9]\d{0,8}(?:\.\d{0,5}[1-9])?|-?0\.\d{0,3}[1-9]|0",
    "date": r"\d{4}-\d{2}-\d{2}",
}
_WORDS = cells.TRUE_WORDS | cells.FALSE_WORDS


@dataclass(frozen=True)
class Check:
    name: str  # as explain() knows it
    failing: Callable[[pd.Series], pd.Series]  # text column -> True where the cell fails


def _per_value(test: Callable[[str], bool]) -> Callable[[pd.Series], pd.Series]:
    """A column check from a check of one cell, run once per distinct value."""

    def failing(series: pd.Series) -> pd.Series:
        values = pd.unique(series)
        fails = {value: not test(value) for value in values}
        return series.map(fails).astype(bool)

    return failing


def _each(test: Callable[[str], bool], many: bool) -> Callable[[str], bool]:
    """A test of a cell, or of each name in a list cell."""
    if many:
        return lambda v: all(test(name) for name in cells.split_list(v))
    return test


def _filled(test: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    """A column test that passes empty cells (requiredness is checked on its own)."""
    return lambda s: s.ne("") & ~test(s)


def _kind_check(column: Column) -> Check | None:
    kind, vocabulary = column.kind, column.vocabulary
    if kind == "int":
        return Check("int", _filled(lambda s: s.str.fullmatch(cells.INTEGER.pattern)))
    if kind == "float":
        return Check("float", _filled(lambda s: s.str.fullmatch(cells.NUMBER.pattern)))
    if kind == "bool":
        return Check("bool", _filled(lambda s: s.str.casefold().isin(_WORDS)))
    if kind == "date":
        return Check("date", _per_value(lambda v: v == "" or cells.is_day(v)))
    if kind == "ogp_date":
        return Check("ogp_date", _per_value(cells.is_ogp_date))
    if kind == "irm":
        assert vocabulary is not None  # IRM columns always name their vocabulary (formats._irm_column)
        return Check("irm", _per_value(lambda v: cells.irm_is_valid(v, vocabulary)))
    if vocabulary:
        return Check("vocabulary", _filled(lambda s: s.isin(vocabulary)))
    return None


def _out_of_range(column: Column) -> Callable[[pd.Series], pd.Series]:
    def failing(series: pd.Series) -> pd.Series:
        numbers = pd.to_numeric(series.str.rstrip("%").str.replace(",", "."), errors="coerce")
        outside = pd.Series(False, index=series.index)
        if column.low is not None:
            outside |= numbers < column.low
        if column.high is not None:
            outside |= numbers > column.high
        return outside  # text that is no number fails the kind check instead

    return failing


def _too_long(length: int, many: bool) -> Callable[[pd.Series], pd.Series]:
    if many:
        return _per_value(_each(lambda v: len(v) <= length, True))
    return lambda s: s.str.len() > length


def _key_too_long(many: bool) -> Callable[[pd.Series], pd.Series]:
    fits = _each(lambda v: len(v.encode()) <= MAX_KEY_BYTES, many)

    def failing(series: pd.Series) -> pd.Series:
        out = pd.Series(False, index=series.index)
        long = series.str.len() * 4 > MAX_KEY_BYTES  # shorter text cannot be longer in bytes
        if long.any():
            out[long] = _per_value(fits)(series[long])
        return out

    return failing


@functools.cache
def checks(table: str) -> dict[str, tuple[Check, ...]]:
    """The checks of every column of a table, in the order their problems are listed."""
    records = RECORDS[table]
    lengths = records.max_lengths()
    identifying = records.identifying()
    out = {}
    for column in BY_NAME[table].all_columns:
        found = []
        if column.required:
            found.append(Check("required", lambda s: s.eq("")))
        if kind_check := _kind_check(column):
            found.append(kind_check)
        if column.low is not None or column.high is not None:
            found.append(Check("range", _out_of_range(column)))
        many = column.kind == "list"
        if length := lengths.get(column.name):
            found.append(Check("length", _too_long(length, many)))
        if column.name in identifying:
            found.append(Check("key_bytes", _key_too_long(many)))
        if column.name == "source":
            found.append(Check("source", _filled(lambda s: s.str.fullmatch(SOURCE_PATTERN))))
        out[column.name] = tuple(found)
    return out


def validate(frame: Frame) -> tuple[list[Problem], pd.DataFrame]:
    """Every cell that breaks the table's format, as located problems, and a
    frame of booleans (one column per column of the table) marking bad cells.

    Each check runs on a column's distinct values (pandas.factorize), then
    is spread back to the rows."""
    lengths = RECORDS[frame.table].max_lengths()
    fmt = BY_NAME[frame.table]
    problems: list[Problem] = []
    bad = {}
    for name, column_checks in checks(frame.table).items():
        if not column_checks:
            bad[name] = np.zeros(len(frame.data), dtype=bool)
            continue
        codes, values = pd.factorize(frame.data[name].to_numpy(dtype=object))
        distinct = pd.Series(values, dtype=object)
        column = fmt.column(name)
        header = frame.headers.get(name, name)
        marks = np.zeros(len(codes), dtype=bool)
        for check in column_checks:
            failing_values = check.failing(distinct).to_numpy(dtype=bool)
            if not failing_values.any():
                continue
            failing = failing_values[codes]
            marks |= failing
            for index in np.flatnonzero(failing):
                value = values[codes[index]]
                message = explain(check.name, column, value, lengths.get(name), header)
                problems.append(frame.problem(int(index), name, message))
        bad[name] = marks
    return problems, pd.DataFrame(bad, index=frame.data.index)


def bad_cells(bad: pd.DataFrame) -> dict[int, set[str]]:
    """The bad cells' columns by row index (for the checks across rows)."""
    rows, columns = np.nonzero(bad.to_numpy())
    out: dict[int, set[str]] = {}
    for row, column in zip(rows, columns, strict=True):
        out.setdefault(int(row), set()).add(bad.columns[int(column)])
    return out


def explain(check: str, column: Column, value: str, length: int | None, header: str) -> str:
    """What is wrong with a cell and what to write instead (``header`` names the column as the file does)."""
    if check == "required":
        return f"this cell is empty but {header} is required; fill it in"
    if check == "vocabulary":
        return f"'{value}' is not a valid {header}; write one of: {', '.join(column.vocabulary or ())}"
    if check == "irm":
        return (
            f"'{value}' is not a valid {header}; write one of: {', '.join(column.vocabulary or ())}, "
            "or a sentinel such as ND or NR where the IRM gives none"
        )
    if check == "length":
        return f"this text is longer than the {length} characters {header} can hold; shorten it"
    if check == "key_bytes":
        return f"this name is too long to identify a record (at most {MAX_KEY_BYTES} bytes in UTF-8); shorten it"
    if check == "source":
        return (
            f"'{value}' is not a source; write kind:name with kind {', '.join(vocab.SOURCE_KINDS)}, or leave it empty"
        )
    try:
        if check == "ogp_date":
            parse_date(value)
        else:
            cells.canonical(column, value)
    except (cells.CellError, ValueError) as error:
        return str(error)
    raise AssertionError(f"check {check!r} failed on {value!r} but the cell reads")


def canonicalise(frame: Frame) -> None:
    """Rewrite valid cells as the exporter writes them (invalid ones are left)."""
    fmt = BY_NAME[frame.table]
    for column in fmt.all_columns:
        if column.kind in ("text", "irm", "ogp_date"):
            continue
        codes, values = pd.factorize(frame.data[column.name].to_numpy(dtype=object))
        distinct = pd.Series(values, dtype=object)
        pattern = _CANONICAL.get(column.kind)
        todo = distinct.ne("") if pattern is None else distinct.ne("") & ~distinct.str.fullmatch(pattern).astype(bool)
        if not todo.any():
            continue
        rewritten = values.astype(object).copy()
        for position in np.flatnonzero(todo.to_numpy(dtype=bool)):
            rewritten[position] = _canonical(column, values[position], frame.dayfirst)
        if (rewritten == values).all():
            continue
        frame.set_column(column.name, rewritten[codes].tolist())


def _canonical(column: Column, text: str, dayfirst: bool | None) -> str:
    try:
        return cells.canonical(column, text, dayfirst=dayfirst)
    except cells.CellError:
        return text

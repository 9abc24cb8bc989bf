"""Pandera schemas for the project tables, generated from data/formats.py.

Each column's kind, requiredness, vocabulary and range become pandera checks on
the text as written; the longest text a column may hold comes from the models.
Validation is lazy, so every failing cell of every column is reported at once.
The messages come from data.cells, which says what is wrong and what to write.
"""

from __future__ import annotations

import functools

import pandas as pd
import pandera.pandas as pa

from data import cells, vocab
from data.dates import parse_date
from data.formats import BY_NAME, Column
from data.importers.frames import Frame
from data.importers.problems import Problem
from data.records import RECORDS

# PostgreSQL cannot index a key longer than about 2,700 bytes (a third of a page).
MAX_KEY_BYTES = 2600
SOURCE_KINDS = "|".join(vocab.SOURCE_KINDS)
SOURCE_PATTERN = rf"^$|^(?:{SOURCE_KINDS}):\S.*$"


def _blank_or(test):
    """A check that passes empty cells (requiredness is checked on its own)."""
    return lambda s: s.eq("") | test(s)


def _kind_check(column: Column) -> pa.Check | None:
    kind, vocabulary = column.kind, column.vocabulary
    if kind == "int":
        return pa.Check(_blank_or(lambda s: s.str.fullmatch(cells.INTEGER.pattern)), error="int")
    if kind == "float":
        return pa.Check(_blank_or(lambda s: s.str.fullmatch(cells.NUMBER.pattern)), error="float")
    if kind == "bool":
        words = cells.TRUE_WORDS | cells.FALSE_WORDS
        return pa.Check(_blank_or(lambda s: s.str.casefold().isin(words)), error="bool")
    if kind == "date":
        return pa.Check(lambda v: v == "" or cells.is_day(v), element_wise=True, error="date")
    if kind == "ogp_date":
        return pa.Check(cells.is_ogp_date, element_wise=True, error="ogp_date")
    if kind == "irm":
        return pa.Check(lambda v: cells.irm_is_valid(v, vocabulary), element_wise=True, error="irm")
    if vocabulary:
        return pa.Check(_blank_or(lambda s: s.isin(vocabulary)), error="vocabulary")
    return None


def _in_range(column: Column):
    def test(series: pd.Series) -> pd.Series:
        numbers = pd.to_numeric(series.str.rstrip("%").str.replace(",", "."), errors="coerce")
        inside = pd.Series(True, index=series.index)
        if column.low is not None:
            inside &= numbers >= column.low
        if column.high is not None:
            inside &= numbers <= column.high
        return numbers.isna() | inside  # text that is no number fails the kind check instead

    return test


def _each(test, many: bool):
    """An element-wise test of a cell, or of each name in a list cell."""
    if many:
        return lambda v: all(test(name) for name in cells.split_list(v))
    return test


@functools.cache
def schema(table: str) -> pa.DataFrameSchema:
    records = RECORDS[table]
    lengths = records.max_lengths()
    identifying = records.identifying()
    columns = {}
    for column in BY_NAME[table].all_columns:
        checks = []
        if column.required:
            checks.append(pa.Check(lambda s: s.ne(""), error="required"))
        if kind_check := _kind_check(column):
            checks.append(kind_check)
        if column.low is not None or column.high is not None:
            checks.append(pa.Check(_in_range(column), error="range"))
        many = column.kind == "list"
        if length := lengths.get(column.name):
            checks.append(pa.Check(_each(lambda v, n=length: len(v) <= n, many), element_wise=True, error="length"))
        if column.name in identifying:
            checks.append(
                pa.Check(_each(lambda v: len(v.encode()) <= MAX_KEY_BYTES, many), element_wise=True, error="key_bytes")
            )
        if column.name == "source":
            checks.append(pa.Check(_blank_or(lambda s: s.str.fullmatch(SOURCE_PATTERN)), error="source"))
        columns[column.name] = pa.Column(None, checks=checks, nullable=False, required=True)
    return pa.DataFrameSchema(columns, name=table, coerce=False)


def validate(frame: Frame) -> tuple[list[Problem], dict[int, set[str]]]:
    """Every cell that breaks the table's format, as located problems, and the
    bad cells' columns by row index."""
    try:
        schema(frame.table).validate(frame.data, lazy=True)
    except pa.errors.SchemaErrors as errors:
        lengths = RECORDS[frame.table].max_lengths()
        problems, bad = [], {}
        for case in errors.failure_cases.itertuples(index=False):
            if pd.isna(case.index):
                raise  # a schema-level failure means a bug here, not in the file
            index, column = int(case.index), BY_NAME[frame.table].column(case.column)
            header = frame.headers.get(column.name, column.name)
            message = explain(case.check, column, str(case.failure_case), lengths.get(column.name), header)
            problems.append(frame.problem(index, column.name, message))
            bad.setdefault(index, set()).add(column.name)
        return problems, bad
    return [], {}


def explain(check: str, column: Column, value: str, length: int | None, header: str) -> str:
    """What is wrong with a cell and what to write instead (``header`` names the column as the file does)."""
    if check == "required":
        return f"this cell is empty but {header} is required; fill it in"
    if check == "vocabulary":
        return f"'{value}' is not a valid {header}; write one of: {', '.join(column.vocabulary)}"
    if check == "irm":
        return (
            f"'{value}' is not a valid {header}; write one of: {', '.join(column.vocabulary)}, "
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
        frame.set_column(column.name, [_canonical(column, text, frame.dayfirst) for text in frame.data[column.name]])


def _canonical(column: Column, text: str, dayfirst: bool | None) -> str:
    try:
        return cells.canonical(column, text, dayfirst=dayfirst)
    except cells.CellError:
        return text

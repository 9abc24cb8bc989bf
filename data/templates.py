"""Blank files to fill in: one CSV per project table, a README and one workbook.

Each template has the table's header and one example row (the examples of
data/formats.py, which describe one coherent Peruvian case: plan AP_PER03,
commitment PE0066, the Ambiente pilot forum).  The workbook explains each
column in a comment on its header, offers the vocabularies as drop-down
lists, and has a README sheet (which the importer skips).

The example rows import as they are into a database that holds commitments
PE0067 and PE0068, the ones the example forum follows; every other record
they name is itself an example row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from data import formats
from data.export import typed_cell
from data.formats import TABLES, Column, TableFormat
from data.spreadsheets import DATE_FORMAT, csv_bytes

WORKBOOK_NAME = "ogp-monitor-templates.xlsx"
# Rows below the header that get the vocabulary drop-downs.
VALIDATED_ROWS = 1000
# Excel refuses a drop-down list written inline if it is longer than this.
MAX_INLINE_LIST = 255

README = """# OGP Monitor: import templates

One CSV file per table (or one sheet per table in `{workbook}`).  Each has the
header and one example row: replace the example with your rows and import the
files with `ogp-monitor import FILE...` (add `--dry-run` to only check them).

- Save CSV files as "CSV UTF-8" (Windows-1252 and `;`-separated files are read
  too).  Columns may come in any order; unknown columns are ignored with a warning.
- Dates are `YYYY-MM-DD` (a date cell in a workbook is fine).  A commitment's
  `start` and `end` take the forms OGP writes: `1/1/2018`, `January 2018`, `2018`.
- Lists (support institutions, policy areas, followed commitments) are separated by `;`.
- Leave `source` and `source_row` empty: the file you import becomes the source.
  An export fills them so that re-importing it keeps where each record came from.
- Nothing is written unless every row is valid; each problem is reported as
  `FILE:ROW:COLUMN: what is wrong and what to do`.

The example rows import as they are once commitments PE0067 and PE0068 (the
commitments the example forum follows) are in the database.

## Tables and columns

{tables}"""


def table_names(table: TableFormat) -> list[str]:
    return [c.name for c in table.all_columns]


def example_frame(table: TableFormat) -> pd.DataFrame:
    """The table's example row as text, one column per format column."""
    return pd.DataFrame([{c.name: c.example for c in table.all_columns}], dtype="str")


def column_note(column: Column) -> str:
    parts = [column.help or column.name]
    parts.append("Required." if column.required else "Optional.")
    if column.vocabulary:
        parts.append("One of: " + ", ".join(column.vocabulary) + ".")
    if column.range_text:
        parts.append(f"Range: {column.range_text}.")
    if column.kind == "list":
        parts.append("Separate values with ';'.")
    return " ".join(parts)


def write_templates(out_dir: str | Path) -> list[Path]:
    """Write the CSV templates, README.md and the workbook; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        path = out / f"{table.name}.csv"
        path.write_bytes(csv_bytes(table_names(table), [[c.example for c in table.all_columns]]))
        paths.append(path)
    readme = out / "README.md"
    readme.write_text(README.format(workbook=WORKBOOK_NAME, tables=formats.markdown()), encoding="utf-8")
    paths.append(readme)
    workbook = out / WORKBOOK_NAME
    _workbook().save(workbook)
    paths.append(workbook)
    return paths


def _workbook() -> Workbook:
    book = Workbook()
    readme = book.worksheets[0]  # a new workbook's one (active) sheet; `active` is typed as possibly None
    readme.title = "README"
    readme.append(["table", "column", "required", "kind", "explanation"])
    for table in TABLES:
        for column in table.all_columns:
            readme.append([table.name, column.name, "yes" if column.required else "", column.kind, column_note(column)])
        _table_sheet(book, table)
    for cell in readme[1]:
        cell.font = Font(bold=True)
    return book


def _table_sheet(book: Workbook, table: TableFormat) -> None:
    sheet = book.create_sheet(table.name)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(table.all_columns, start=1):
        header = sheet.cell(row=1, column=index, value=column.name)
        header.font = Font(bold=True)
        header.comment = Comment(column_note(column), "OGP Monitor", width=300, height=150)
        example = sheet.cell(row=2, column=index, value=typed_cell(column, column.example))
        if column.kind == "date":
            example.number_format = DATE_FORMAT
        choices = ",".join(column.vocabulary or ())
        if column.kind != "irm" and choices and len(choices) + 2 <= MAX_INLINE_LIST:
            rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=not column.required)
            rule.add(f"{header.column_letter}2:{header.column_letter}{VALIDATED_ROWS + 1}")
            sheet.add_data_validation(rule)

"""Exporting the project format: every table even when empty, text kept as text."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from data.db import session_scope
from data.export import export_csv, export_xlsx_bytes
from data.formats import BY_NAME
from data.importers import import_paths, load_frames
from data.models import TABLE_ORDER, Commitment


def test_exp001_empty_database_exports_every_table_with_its_header(migrated_url, tmp_path):
    paths = export_csv(migrated_url, tmp_path)
    assert [p.name for p in paths] == [f"{t}.csv" for t in TABLE_ORDER]
    for path, table in zip(paths, TABLE_ORDER, strict=True):
        header = ",".join(c.name for c in BY_NAME[table].all_columns)
        assert path.read_bytes() == b"\xef\xbb\xbf" + header.encode() + b"\r\n"
    book = load_workbook(io.BytesIO(export_xlsx_bytes(migrated_url)), read_only=True)
    assert book.sheetnames == list(TABLE_ORDER)
    assert [c.value for c in next(book["milestones"].iter_rows(max_row=1))] == [
        c.name for c in BY_NAME["milestones"].all_columns
    ]


def test_exp002_text_that_looks_like_a_formula_stays_text(migrated_url, tmp_path):
    frames = {
        "countries": pd.DataFrame({"code": ["PER"], "name": ["Perú"]}),
        "action_plans": pd.DataFrame({"id": ["AP_PER03"], "country": ["PER"]}),
        "commitments": pd.DataFrame(
            {
                "id": ["PE0066"],
                "action_plan": ["AP_PER03"],
                "title": ["=1+1 foros"],
                "start": ["enero de 2018"],
                "end": ["agosto de 2019"],
            }
        ),
    }
    with session_scope(migrated_url) as session:
        load_frames(session, frames, "sample:export-test")
    workbook = tmp_path / "export.xlsx"
    workbook.write_bytes(export_xlsx_bytes(migrated_url))
    cell = load_workbook(workbook)["commitments"]["D2"]
    assert (cell.value, cell.data_type) == ("=1+1 foros", "s")
    report = import_paths([workbook], migrated_url)
    assert report.total.added == report.total.updated == 0
    with session_scope(migrated_url) as session:
        pe0066 = session.get(Commitment, "PE0066")
        assert (pe0066.title, pe0066.start_raw, str(pe0066.end_date)) == ("=1+1 foros", "enero de 2018", "2019-08-31")

"""Exporting the project format: every table even when empty, text kept as text."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from data.db import session_scope
from data.export import export_csv, export_frames, export_xlsx, export_xlsx_bytes
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


def _backend(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


FORMULA_TITLES = ('=HYPERLINK("x")', "'=already quoted", "+1 foro", "-guion", "@mención", "'hola", "''=dos")


def _formula_frames():
    return {
        "countries": pd.DataFrame({"code": ["PER"], "name": ["Perú"]}),
        "action_plans": pd.DataFrame({"id": ["AP_PER03"], "country": ["PER"]}),
        "commitments": pd.DataFrame(
            {
                "id": [f"PE{n:04d}" for n in range(1, len(FORMULA_TITLES) + 1)],
                "action_plan": ["AP_PER03"] * len(FORMULA_TITLES),
                "title": list(FORMULA_TITLES),
            }
        ),
        "organizations": pd.DataFrame(
            {
                "country": ["PER", "PER"],
                "name": ["=cmd|' /C calc'!A0", "Proética"],
                "stakeholder_type": ["academia"] * 2,
            }
        ),
    }


def test_exp003_formula_like_text_is_quoted_and_survives_the_round_trip(migrated_url, new_database, tmp_path):
    """CSV: a leading apostrophe that import takes off again; XLSX: Excel's quote prefix; both byte-identical."""
    with session_scope(migrated_url) as session:
        load_frames(session, _formula_frames(), "sample:export-test")
    first = export_csv(migrated_url, tmp_path / "first")
    text = (tmp_path / "first" / "commitments.csv").read_text(encoding="utf-8-sig")
    assert '\'=HYPERLINK(""x"")' in text and ",''=already quoted," in text and ",'hola," in text
    assert ",'''=dos," in text and ",'+1 foro," in text
    assert "'=cmd|' /C calc'!A0" in (tmp_path / "first" / "organizations.csv").read_text(encoding="utf-8-sig")
    empty = new_database(_backend(migrated_url))
    import_paths(first, empty)
    with session_scope(empty) as session:
        titles = sorted(c.title for c in session.scalars(select(Commitment)))
    assert titles == sorted(FORMULA_TITLES)
    second = export_csv(empty, tmp_path / "second")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name

    workbook = export_xlsx(empty, tmp_path / "first.xlsx")
    sheet = load_workbook(workbook)["commitments"]
    cells = {sheet.cell(row=r, column=4).value: sheet.cell(row=r, column=4) for r in range(2, sheet.max_row + 1)}
    assert cells['=HYPERLINK("x")'].data_type == "s" and cells['=HYPERLINK("x")'].quotePrefix
    assert not cells["'=already quoted"].quotePrefix
    again = new_database(_backend(migrated_url))
    import_paths([workbook], again)
    third = export_csv(again, tmp_path / "third")
    for a, b in zip(first, third, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_exp004_rows_come_in_the_order_of_their_natural_key_on_both_backends(migrated_url):
    """The database sorts as Python sorts the text: code points (not the locale), numbers as numbers, none first."""
    names = ["Zeta", "árbol", "Árbol", "abeja", "Ñandú", "nube", "10 sectores", "9 sectores", "_guion"]
    frames = {
        "countries": pd.DataFrame({"code": ["PER", "ECU"], "name": ["Perú", "Ecuador"]}),
        "organizations": pd.DataFrame(
            {"country": ["PER"] * len(names) + ["ECU"], "name": names + ["Otra"], "stakeholder_type": ["academia"] * 10}
        ),
        "action_plans": pd.DataFrame({"id": ["AP_PER03"], "country": ["PER"]}),
        "commitments": pd.DataFrame({"id": ["PE0002", "PE0010"], "action_plan": ["AP_PER03"] * 2, "title": ["a", "b"]}),
        "milestones": pd.DataFrame(
            {
                "commitment": ["PE0010", "PE0002", "PE0002", "PE0002"],
                "number": ["1", "10", "9", "1"],
                "title": ["x"] * 4,
                "planned_end": ["2020-01-01"] * 4,
                "status": ["complete"] * 4,
                "progress": ["100"] * 4,
            }
        ),
    }
    with session_scope(migrated_url) as session:
        load_frames(session, frames, "sample:order-test")
        exported = export_frames(session)
    organizations = exported["organizations"]
    assert list(zip(organizations["country"], organizations["name"])) == [("ECU", "Otra")] + [
        ("PER", n) for n in sorted(names)
    ]
    milestones = exported["milestones"]
    assert list(zip(milestones["commitment"], milestones["number"])) == [
        ("PE0002", "1"),
        ("PE0002", "9"),
        ("PE0002", "10"),
        ("PE0010", "1"),
    ]


def test_exp005_a_table_longer_than_a_sheet_is_refused_not_cut(tmp_path):
    from data.spreadsheets import XLSX_MAX_ROWS, Sheet, TooManyRows, write_xlsx

    target = tmp_path / "big.xlsx"
    with pytest.raises(TooManyRows, match="participation: 1,048,576 rows .* export as CSV instead"):
        write_xlsx(target, [Sheet("participation", ["a"], iter(()), row_count=XLSX_MAX_ROWS)])
    assert not target.exists()
    rows = ([n] for n in range(XLSX_MAX_ROWS))  # no count given: refused when the sheet is full
    with pytest.raises(TooManyRows, match="export as CSV instead"):
        write_xlsx(tmp_path / "big2.xlsx", [Sheet("participation", ["a"], rows)])


def test_exp006_unquote_takes_off_exactly_what_quote_added():
    from data.spreadsheets import quote_formula, unquote_formula

    for text in (*FORMULA_TITLES, "", "'", "''", "hola", "'=", "=", "\t=x", "a=b", "'-'"):
        assert unquote_formula(quote_formula(text)) == text
    assert quote_formula(12) == 12 and quote_formula(None) is None


def test_exp007_plain_rows_are_the_records_own_export_on_both_backends(migrated_url):
    """The big tables are read as plain rows for speed; they must say what data/records.py's export says."""
    from data.export import PLAIN_TABLES, record_rows, table_rows
    from data.seed import seed_database

    seed_database(migrated_url)
    with session_scope(migrated_url) as session:
        for table in TABLE_ORDER:
            plain = list(table_rows(session, table))
            assert plain == list(record_rows(session, table)), table
            assert plain or table not in PLAIN_TABLES - {"milestone_events"}, table  # the seed fills them

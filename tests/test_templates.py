"""Templates: blank files with an example row that imports as it is."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from data.db import session_scope
from data.formats import TABLES
from data.importers import ImportFailed, import_paths, load_frames
from data.templates import WORKBOOK_NAME, write_templates


@pytest.fixture
def templates(tmp_path):
    return write_templates(tmp_path / "templates")


def test_tpl001_a_csv_per_table_with_header_and_example(templates):
    names = [p.name for p in templates]
    assert names == [f"{t.name}.csv" for t in TABLES] + ["README.md", WORKBOOK_NAME]
    for table, path in zip(TABLES, templates[: len(TABLES)], strict=True):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows == [[c.name for c in table.all_columns], [c.example for c in table.all_columns]]
    readme = templates[-2].read_text(encoding="utf-8")
    for table in TABLES:
        assert f"#### `{table.name}.csv`" in readme
        assert all(f"| `{c.name}` |" in readme for c in table.all_columns)


def test_tpl002_workbook_explains_each_column(templates):
    book = load_workbook(templates[-1])
    assert book.sheetnames == ["README"] + [t.name for t in TABLES]
    milestones = book["milestones"]
    assert [c.value for c in milestones[1]][:3] == ["commitment", "number", "title"]
    status = next(c for c in milestones[1] if c.value == "status")
    assert "One of: not_started, in_progress, complete, cancelled." in status.comment.text
    progress = next(c for c in milestones[1] if c.value == "progress")
    assert "Range: 0–100." in progress.comment.text and "Required." in progress.comment.text
    assert milestones.cell(row=2, column=status.column).value == "in_progress"
    assert any(f"{status.column_letter}2:" in str(rule.sqref) for rule in milestones.data_validations.dataValidation)
    readme_rows = list(book["README"].iter_rows(values_only=True))
    assert ("milestones", "progress", "yes", "float") == readme_rows[
        [r[:2] for r in readme_rows].index(("milestones", "progress"))
    ][:4]


def _followed_commitments(url):
    """PE0067 and PE0068, which the example forum follows: the only records the
    examples name without giving them."""
    frames = {
        "countries": pd.DataFrame({"code": ["PER"], "name": ["Peru"]}),
        "action_plans": pd.DataFrame({"id": ["AP_PER03"], "country": ["PER"]}),
        "commitments": pd.DataFrame(
            {"id": ["PE0067", "PE0068"], "action_plan": ["AP_PER03"] * 2, "title": ["Compromiso 67", "Compromiso 68"]}
        ),
    }
    with session_scope(url) as session:
        load_frames(session, frames, "sample:template-test")


def test_tpl003_example_rows_import_as_they_are(migrated_url, templates):
    _followed_commitments(migrated_url)
    csv_files = [p for p in templates if p.suffix == ".csv"]
    report = import_paths(csv_files, migrated_url)
    assert all(report.counts[t.name].added + report.counts[t.name].updated >= 1 for t in TABLES)
    assert report.warnings == []
    again = import_paths([templates[-1]], migrated_url)  # the workbook holds the same rows
    assert (again.total.added, again.total.updated) == (0, 0)


def test_tpl004_without_the_followed_commitments_the_forum_row_says_so(migrated_url, templates):
    with pytest.raises(ImportFailed) as failure:
        import_paths([p for p in templates if p.suffix == ".csv"], migrated_url)
    forums = str(templates[8])
    assert [str(p) for p in failure.value.problems] == [
        f"{forums}:2:follows: commitment 'PE0067' is not in the database or in this import; "
        "add it (commitments.csv) or correct the id",
        f"{forums}:2:follows: commitment 'PE0068' is not in the database or in this import; "
        "add it (commitments.csv) or correct the id",
    ]

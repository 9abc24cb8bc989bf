"""The Data page: what is loaded, the sample notice, downloads the importer accepts."""

from __future__ import annotations

import base64
import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import pytest

TODAY = dt.date(2026, 11, 27)
EXPORT_ZIP = "ogp-monitor-export-2026-11-27.zip"


def render(url: str, lang: str = "es"):
    from dash import html

    from dashboard.pages import PageContext
    from dashboard.pages.data import layout

    return html.Div(layout(PageContext(lang=lang, params={"lang": lang}, db_url=url, today=TODAY)))


def text_of(component) -> str:
    """Every text in a component tree, in order."""
    children = getattr(component, "children", None)
    if isinstance(component, str):
        return component
    if children is None:
        return ""
    items = children if isinstance(children, (list, tuple)) else [children]
    return " ".join(text_of(item) for item in items if item is not None)


def download(app, button: str, download_id: str) -> dict:  # a callback's download (the templates)
    """The callback's answer to a click, as the browser would receive it."""
    from benchmarks.dash_requests import dash_request, find_callback

    key = find_callback(app, f"{download_id}.data")
    answer = app.server.test_client().post(
        "/_dash-update-component", json=dash_request(app, key, {f"{button}.n_clicks": 1})
    )
    assert answer.status_code == 200
    return answer.get_json()["response"][download_id]["data"]


@pytest.fixture(scope="module")
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY, migrate=False)


def test_dap001_counts_per_table_and_source_match_stats(seeded_url):
    from dashboard.i18n import fmt_number
    from data.queries.inventory import stats

    doc = stats(seeded_url)
    page = render(seeded_url)
    totals = {getattr(c, "data-table"): c.children for c in page._traverse() if getattr(c, "data-table", None)}
    assert totals == {table: fmt_number(n, "es") for table, n in doc["tables"].items()}
    assert len(totals) == 13
    text = text_of(page)
    for name in doc["sources"]:
        assert name.split(":", 1)[1] in text
    assert fmt_number(doc["sources"]["sample:peru-sample"]["records"], "es") in text


def test_dap002_sample_notice_on_the_seeded_database_only(seeded_url, migrated_url):
    from data.db import session_scope
    from data.models import Country, Source

    notice = [c for c in render(seeded_url)._traverse() if getattr(c, "id", None) == "data-sample-notice"]
    assert notice and "datos de muestra generados" in text_of(notice[0])
    with session_scope(migrated_url) as s:
        s.add(
            Country(
                code="PER",
                name="Peru",
                source=Source(kind="file", name="countries.csv", loaded_at=dt.datetime(2026, 11, 2, 14, 5)),
            )
        )
    page = render(migrated_url, "en")
    assert not [c for c in page._traverse() if getattr(c, "id", None) == "data-sample-notice"]
    assert "Last file import: 2 Nov 2026 14:05 (countries.csv)." in text_of(page)
    assert "Última importación de un archivo: 2 nov 2026 14:05 (countries.csv)." in text_of(render(migrated_url))


def fetch(app, extension: str):
    """The whole-database route's answer, as the browser receives it."""
    from dashboard.pages import data as page

    return app.server.test_client().get(page.EXPORT_ROUTE + extension)


def test_dap003_csv_download_is_a_zip_of_13_tables_the_importer_accepts(app, seeded_url, tmp_path, new_database):
    from data.importers import import_paths
    from data.queries.inventory import table_counts

    sent = fetch(app, "zip")
    assert sent.status_code == 200 and sent.mimetype == "application/zip"
    assert f"filename={EXPORT_ZIP}" in sent.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(sent.data))
    names = sorted(archive.namelist())
    assert len(names) == 13 and all(n.endswith(".csv") for n in names)
    archive.extractall(tmp_path)
    fresh = new_database("sqlite")
    import_paths([tmp_path / n for n in names], fresh)
    assert table_counts(fresh) == table_counts(seeded_url)
    assert fetch(app, "zip").data == sent.data  # written once per data version, then sent from disk
    assert fetch(app, "exe").status_code == 404


def test_dap004_xlsx_download_is_a_workbook_the_importer_accepts(app, seeded_url, tmp_path, new_database):
    from data.importers import import_paths
    from data.queries.inventory import table_counts

    sent = fetch(app, "xlsx")
    assert "filename=ogp-monitor-export-2026-11-27.xlsx" in sent.headers["Content-Disposition"]
    path = tmp_path / "ogp-monitor-export-2026-11-27.xlsx"
    path.write_bytes(sent.data)
    fresh = new_database("sqlite")
    import_paths([path], fresh)
    assert table_counts(fresh) == table_counts(seeded_url)


def test_dap009_no_xlsx_offered_when_a_table_does_not_fit_on_a_sheet():
    from dashboard.pages.data import BUTTON_XLSX, download_section

    section = download_section("es", ["participation"])
    assert "participation" in text_of(section) and "Descargue el CSV" in text_of(section)
    assert BUTTON_XLSX not in str(section)
    assert BUTTON_XLSX in str(download_section("en", []))


def test_dap005_templates_download_holds_every_table(app):
    from dashboard.pages import data as page
    from data.formats import TABLES

    sent = download(app, page.BUTTON_TEMPLATES, page.DOWNLOAD_TEMPLATES)
    assert sent["filename"] == "ogp-monitor-templates.zip"
    names = set(zipfile.ZipFile(io.BytesIO(base64.b64decode(sent["content"]))).namelist())
    assert names == {f"{t.name}.csv" for t in TABLES} | {"README.md", "ogp-monitor-templates.xlsx"}


def test_dap006_formats_and_cli_examples_are_shown(seeded_url):
    from data.formats import TABLES

    text = text_of(render(seeded_url, "en"))
    for table in TABLES:
        assert f"{table.name}.csv" in text
        assert ", ".join(table.required_columns) in text
    assert "ogp-monitor import --dry-run" in text
    assert "FILE:ROW:COLUMN" in text and "milestones.csv:2:planned_end:" in text


@pytest.mark.browser
def test_dap007_browser_shows_counts_and_downloads_the_export(dash_duo, app, seeded_url):
    from data.queries.inventory import table_counts
    from tests.browser import console_errors, start

    start(dash_duo, app, "/data?lang=es")
    dash_duo.wait_for_element("#data-counts", timeout=20)
    assert "datos de muestra generados" in dash_duo.find_element("#data-sample-notice").text
    cell = dash_duo.find_element("#data-counts td[data-table='commitments']")
    assert cell.text == str(table_counts(seeded_url)["commitments"])
    button = dash_duo.find_element("#data-button-csv")
    # Bootstrap scrolls smoothly: bring the button into view at once, then click it.
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button)
    button.click()
    target = Path(dash_duo.download_path) / EXPORT_ZIP
    deadline = time.time() + 30
    while not target.exists() and time.time() < deadline:
        time.sleep(0.2)
    assert target.exists()
    time.sleep(0.5)  # let the browser finish writing
    assert len([n for n in zipfile.ZipFile(target).namelist() if n.endswith(".csv")]) == 13
    assert console_errors(dash_duo) == []


def test_dap008_records_per_table_and_source_on_both_backends(migrated_url):
    from data.db import session_scope
    from data.models import ActionPlan, Country, Source
    from data.queries.inventory import stats

    with session_scope(migrated_url) as s:
        seed = Source(kind="seed", name="seed.txt", loaded_at=dt.datetime(2026, 11, 1, 9, 0))
        file = Source(kind="file", name="plans.csv", loaded_at=dt.datetime(2026, 11, 2, 10, 30, 5))
        s.add_all(
            [
                Country(code="PER", name="Peru", source=seed),
                Country(code="ARG", name="Argentina", source=file),
                ActionPlan(id="AP_PER01", country_code="PER", source=file),
                ActionPlan(id="AP_ARG01", country_code="ARG", source=file),
            ]
        )
    doc = stats(migrated_url)
    assert doc["tables"]["countries"] == 2 and doc["tables"]["action_plans"] == 2 and doc["tables"]["milestones"] == 0
    assert list(doc["sources"]) == ["file:plans.csv", "seed:seed.txt"]
    assert doc["sources"]["file:plans.csv"] == {
        "kind": "file",
        "loaded_at": "2026-11-02T10:30:05",
        "records": 3,
        "tables": {"countries": 1, "action_plans": 2},
    }
    assert doc["sources"]["seed:seed.txt"]["tables"] == {"countries": 1}

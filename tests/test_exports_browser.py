"""Exports in a browser: a table's CSV/XLSX buttons deliver the file on the
overview, forums, engagement, commitment and forum brief pages (the brief's
buttons do not print); a chart's PNG is named after the view, its filters and
the day, follows a filter change, and downloads with its header drawn in."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import struct

import pytest
from dash.testing.wait import until
from openpyxl import load_workbook

from dashboard import ids
from dashboard.components.common import dom_id
from dashboard.components.downloads import button_id
from tests.a11y import axe_violations, describe
from tests.browser import choose, console_errors, start

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY, migrate=False)


def css_id(component_id) -> str:
    text = dom_id(component_id)
    return "#" + "".join("\\" + c if c in '{}":,' else c for c in text)


def click(dash_duo, component_id) -> None:
    """Click a button, again if a callback redrew it meanwhile."""
    from selenium.common.exceptions import StaleElementReferenceException

    def clicked():
        try:
            element = dash_duo.wait_for_element(css_id(component_id), timeout=20)
            dash_duo.driver.execute_script(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element
            )
        except StaleElementReferenceException:
            return False
        return True

    until(clicked, timeout=20, msg=f"could not click {component_id}")


def downloaded(dash_duo, suffix: str, timeout: int = 20) -> str:
    """The path of the file with this suffix that arrives in the browser's download folder."""
    folder = dash_duo.download_path

    def done():
        files = [f for f in os.listdir(folder) if f.endswith(suffix)]
        return files[0] if files else None

    until(done, timeout=timeout, msg=f"no {suffix} downloaded")
    return os.path.join(folder, done())


def csv_rows(path: str) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def browser_today(dash_duo) -> str:
    return dash_duo.driver.execute_script(
        "var d = new Date(); function two(n) { return (n < 10 ? '0' : '') + n; }"
        "return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());"
    )


def png_name(dash_duo, graph_id: str) -> str | None:
    """The name the chart's PNG button gives its file now (assets/15_exports.js)."""
    return dash_duo.driver.execute_script(
        "var g = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "return g && window.ogpChartImages ? window.ogpChartImages.fileName(g) : null;",
        graph_id,
    )


def test_xpt101_overview_list_downloads_as_csv_and_chart_png_follows_the_filter(dash_duo, app):
    start(dash_duo, app, "/?lang=es")
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-value", "104", timeout=30)
    dash_duo.wait_for_element("#overview-plan-graph .js-plotly-plot", timeout=30)
    day = browser_today(dash_duo)
    until(
        lambda: png_name(dash_duo, "overview-plan-graph") == f"ogp-monitor_resumen_avance-por-plan-de-accion_PER_{day}",
        timeout=10,
        msg=str(png_name(dash_duo, "overview-plan-graph")),
    )
    # A filter change renames the image: the URL's filters, in its order.
    choose(dash_duo, css_id(ids.filter_id("status")), "Atrasado")
    until(
        lambda: "_PER_late_" in (png_name(dash_duo, "overview-plan-graph") or ""),
        timeout=15,
        msg=str(png_name(dash_duo, "overview-plan-graph")),
    )
    assert png_name(dash_duo, "overview-plan-graph") == f"ogp-monitor_resumen_avance-por-plan-de-accion_PER_late_{day}"
    # The late milestones' list as CSV, named after the view, the list and the filters
    # (once the content is redrawn for the filter: fewer commitments).
    # Read in one script: the KPI is redrawn meanwhile, and a held element would go stale.
    until(
        lambda: (
            dash_duo.driver.execute_script(
                "var e = document.querySelector('#kpi-commitments .kpi-value'); return e && e.textContent;"
            )
            not in (None, "104")
        ),
        timeout=15,
    )
    click(dash_duo, button_id("overview-attention", "csv"))
    path = downloaded(dash_duo, ".csv")
    assert os.path.basename(path) == "ogp-monitor_resumen_hitos-atrasados-o-por-vencer_PER_late_2026-11-27.csv"
    rows = csv_rows(path)
    assert rows[0] == ["Compromiso", "N.º de hito", "Hito", "Responsable", "Fin previsto", "Avance (%)", "Situación"]
    shown = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('#overview-attention tbody tr td:first-child'))"
        ".map(function (td) { return td.textContent; });"
    )
    assert [r[0] for r in rows[1:]] == shown and len(shown) == 10
    assert all(r[6] == "Atrasado" for r in rows[1:]) and rows[1][4] == "2013-06-08"
    assert console_errors(dash_duo) == []


def test_xpt102_forum_tables_download_as_xlsx_with_a_filters_sheet(dash_duo, app):
    start(dash_duo, app, "/forums?lang=en&forums=PER-AMBIENTE,PER-VIVIENDA&forum=PER-VIVIENDA")
    dash_duo.wait_for_contains_text("#forums-panel", "Members", timeout=30)
    click(dash_duo, button_id("forums-members", "xlsx"))
    path = downloaded(dash_duo, ".xlsx")
    assert os.path.basename(path) == "ogp-monitor_forums_members_PER-VIVIENDA_2026-11-27.xlsx"
    book = load_workbook(path)
    sheet, about = book.worksheets
    header = [c.value for c in sheet[1]]
    assert header == ["Organization", "Stakeholder type", "Role", "Term start", "Term end", "Status"]
    assert sheet["A1"].font.b and sheet.max_row - 1 == dash_duo.driver.execute_script(
        "return document.querySelectorAll('.forum-members tbody tr').length"
    )
    notes = {row[0]: row[1] for row in about.iter_rows(values_only=True)}
    assert about.title == "Filters" and notes["Filter: Forum"] == "PER-VIVIENDA"
    assert notes["Sample data"].startswith("Yes") and notes["View"] == "Forums"
    # The comparison at a glance, one column per forum as on screen.
    click(dash_duo, button_id("forums-summary", "csv"))
    rows = csv_rows(downloaded(dash_duo, ".csv"))
    assert rows[0] == ["Indicator", "Foro Multiactor piloto – Ambiente", "Foro Multiactor piloto – Vivienda"]
    assert rows[1] == ["Code", "PER-AMBIENTE", "PER-VIVIENDA"]
    # The buttons name their table for screen readers and pass axe-core's WCAG checks.
    assert (
        dash_duo.find_element(css_id(button_id("forums-members", "csv"))).get_attribute("aria-label")
        == "Download “Members of Foro Multiactor piloto – Vivienda” as CSV"
    )
    violations = axe_violations(dash_duo, context="'.table-downloads'")
    assert violations == [], describe(violations)
    assert console_errors(dash_duo) == []


def test_xpt103_engagement_table_and_detail_tables_download(dash_duo, app):
    start(dash_duo, app, "/engagement?lang=es&period=quarter")
    dash_duo.wait_for_element("#engagement-table-body .organization-table tbody tr", timeout=30)
    click(dash_duo, button_id("engagement-organizations", "csv"))
    path = downloaded(dash_duo, ".csv")
    assert os.path.basename(path) == "ogp-monitor_participacion_organizaciones-participantes_PER_quarter_2026-11-27.csv"
    rows = csv_rows(path)
    shown = [
        r.find_element("css selector", "th").text
        for r in dash_duo.find_elements("#engagement-table-body .organization-table tbody tr")
    ]
    assert rows[0][:3] == ["Organización", "Tipo de actor", "Primera participación"]
    assert [r[0] for r in rows[1:]] == shown  # the page's rows, in the page's order
    assert all(len(r[2]) == 10 and r[2][4] == "-" for r in rows[1:])  # ISO dates, not "12 mar 2018"

    start_detail = "/commitments/PE0066?lang=es&country=PER"
    dash_duo.wait_for_page(url=dash_duo.server_url + start_detail, timeout=20)
    dash_duo.wait_for_element("#detail-milestone-table", timeout=20)
    click(dash_duo, button_id("detail-milestones", "xlsx"))
    book = load_workbook(downloaded(dash_duo, ".xlsx"))
    assert book.sheetnames == ["Hitos de PE0066", "Filtros"]
    values = list(book.worksheets[0].values)
    assert len(values) - 1 == len(dash_duo.find_elements("#detail-milestone-table tbody tr"))
    assert values[0][:2] == ("N.º", "Hito")
    assert console_errors(dash_duo) == []


def test_xpt104_camera_button_downloads_the_png_with_its_header(dash_duo, app):
    start(dash_duo, app, "/timeline?lang=en&status=late")
    dash_duo.wait_for_element("#timeline-due-graph .js-plotly-plot .modebar-btn", timeout=30)
    day = browser_today(dash_duo)
    until(
        lambda: (
            png_name(dash_duo, "timeline-due-graph") == f"ogp-monitor_timeline_when-are-milestones-due_PER_late_{day}"
        ),
        timeout=10,
        msg=str(png_name(dash_duo, "timeline-due-graph")),
    )
    height = dash_duo.driver.execute_script(
        "return document.querySelector('#timeline-due-graph .js-plotly-plot').getBoundingClientRect().height"
    )
    dash_duo.driver.execute_script(
        "document.querySelector('#timeline-due-graph .modebar-btn[data-title^=\"Download plot\"]').click()"
    )
    path = downloaded(dash_duo, ".png")
    assert os.path.basename(path) == f"ogp-monitor_timeline_when-are-milestones-due_PER_late_{day}.png"
    with open(path, "rb") as handle:
        head = handle.read(24)
    width_px, height_px = struct.unpack(">II", head[16:24])
    # scale 2, and taller than the chart on screen: the header with the title, filters and sample notice.
    assert height_px > 2 * height + 2 * 60
    # The lazy table: every late milestone, not only the Gantt's page.
    click(dash_duo, button_id("timeline-milestones", "csv"))
    rows = csv_rows(downloaded(dash_duo, ".csv"))
    assert rows[0][0] == "Commitment" and len(rows) - 1 == 116 and {r[10] for r in rows[1:]} == {"Late"}
    assert console_errors(dash_duo) == []


def test_xpt105_forum_brief_tables_download_and_their_buttons_do_not_print(dash_duo, app):
    from dashboard.exports import forum_brief as brief_exports

    start(dash_duo, app, "/forums/PER-AMBIENTE/brief?lang=es")
    dash_duo.wait_for_element("#brief-late tbody tr", timeout=30)
    # The late and at-risk milestones, as listed, named after the forum and the date the brief is read on.
    click(dash_duo, button_id(brief_exports.LATE, "csv"))
    path = downloaded(dash_duo, ".csv")
    assert (
        os.path.basename(path)
        == "ogp-monitor_foros_hitos-atrasados-y-en-riesgo_asof-2019-08-31_PER-AMBIENTE_2026-11-27.csv"
    )
    rows = csv_rows(path)
    assert rows[0] == [
        "Compromiso",
        "N.º de hito",
        "Hito",
        "Responsable",
        "Fin previsto",
        "Estado al 2019-08-31",
        "Avance (%)",
        "Avance esperado (%)",
        "Días vencido",
        "Puntos por detrás del avance esperado",
    ]
    shown = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('#brief-late tbody tr td:first-child'))"
        ".map(function (td) { return td.textContent; });"
    )
    assert [r[0] for r in rows[1:]] == shown and len(shown) > 0
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[4]) for r in rows[1:])  # ISO, not "11 may 2018"
    # Attendance as XLSX: a row per meeting drawn, the forum and the date on the Filters sheet.
    click(dash_duo, button_id(brief_exports.ATTENDANCE, "xlsx"))
    book = load_workbook(downloaded(dash_duo, ".xlsx"))
    sheet, about = book.worksheets
    assert sheet.max_row - 1 == len(dash_duo.find_elements("#brief-attendance tbody tr")) == 6
    notes = dict(about.values)
    assert notes["Filtro: Foro"] == "PER-AMBIENTE" and notes["Filtro: Situación al"] == dt.datetime(2019, 8, 31)
    assert notes["Datos de muestra"].startswith("Sí")
    # Every drawn table has its buttons; they name their table for screen readers and pass axe.
    groups = dash_duo.find_elements(".brief-page .table-downloads")
    assert len(groups) == 3  # nothing came due around the close: late, attendance, awaiting
    assert (
        dash_duo.find_element(css_id(button_id(brief_exports.AWAITING, "csv"))).get_attribute("aria-label")
        == "Descargar «Aportes que esperan respuesta» en CSV"
    )
    violations = axe_violations(dash_duo, context="'.brief-page .table-downloads'")
    assert violations == [], describe(violations)
    # On paper the buttons are gone; the tables stay.
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not any(g.is_displayed() for g in dash_duo.find_elements(".table-downloads"))
        assert dash_duo.find_element("#brief-late table").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert console_errors(dash_duo) == []

"""The commitment explorer in a browser: the grid, its search and filters in the URL,
shared links, opening a commitment, downloads, the language switch."""

from __future__ import annotations

import csv
import datetime as dt
import os

import pytest
from dash.testing.wait import until

from dashboard.components.common import dom_id
from dashboard.ids import filter_id, lang_link_id
from tests.browser import choose, console_errors, current_search, start, visit

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 27)


def css_id(component_id) -> str:
    text = dom_id(component_id)
    return "#" + "".join("\\" + c if c in '{}":,' else c for c in text)


def displayed(dash_duo) -> int:
    return dash_duo.driver.execute_script(
        "try { return dash_ag_grid.getApi('explorer-grid').getDisplayedRowCount(); }catch (e) { return -1; }"
    )  # not drawn yet


def displayed_ids(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        "var ids = []; dash_ag_grid.getApi('explorer-grid').forEachNodeAfterFilterAndSort("
        "function (n) { ids.push(n.data.id); }); return ids;"
    )


def wait_rows(dash_duo, count: int) -> None:
    until(lambda: displayed(dash_duo) == count, timeout=15, msg=f"grid never showed {count} rows")


def summary(dash_duo) -> str:
    return dash_duo.find_element("#explorer-summary").text


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY)


def test_exp101_grid_and_panels_show_perus_commitments(dash_duo, app):
    start(dash_duo, app, "/commitments?lang=es")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Explorador de compromisos", timeout=15)
    wait_rows(dash_duo, 104)
    dash_duo.wait_for_text_to_equal("#explorer-summary", "104 de 104 compromisos", timeout=15)
    # The seed rates almost nothing: the heatmaps say so instead of drawing empty cells.
    dash_duo.wait_for_element("#explorer-matrix-irm_classic", timeout=15)
    assert dash_duo.find_elements("#explorer-matrix-irm_classic .js-plotly-plot") == []
    assert "Ninguno de los 104 compromisos" in dash_duo.find_element("#explorer-matrix-irm_classic").text
    # PE0066's "Major" is drawn on the DIOG scale; the 103 unrated are counted apart.
    dash_duo.wait_for_element("#explorer-diog .js-plotly-plot", timeout=15)
    bars = dash_duo.driver.execute_script("return document.querySelector('#explorer-diog .js-plotly-plot').data[0].x;")
    assert sum(bars) == 1
    assert "contados aparte: 103" in dash_duo.find_element("#explorer-diog").text
    assert len(dash_duo.find_elements("#explorer-starred .starred-list li")) == 3
    assert "Datos de muestra" in dash_duo.find_element("#explorer-notes").text
    assert console_errors(dash_duo) == []


def test_exp102_quick_search_filters_rows_and_sets_q(dash_duo, app):
    start(dash_duo, app, "/commitments?lang=es")
    wait_rows(dash_duo, 104)
    box = dash_duo.find_element(css_id(filter_id("q")))
    box.send_keys("health")
    until(lambda: "q=health" in current_search(dash_duo), timeout=10, msg="q not in the URL")
    until(lambda: 0 < displayed(dash_duo) < 104, timeout=10, msg="search did not filter the grid")
    shown = displayed(dash_duo)
    dash_duo.wait_for_text_to_equal("#explorer-summary", f"{shown} de 104 compromisos", timeout=10)
    titles = dash_duo.driver.execute_script(
        "var t = []; dash_ag_grid.getApi('explorer-grid').forEachNodeAfterFilterAndSort("
        "function (n) { t.push((n.data.title + ' ' + n.data.areas + ' ' + n.data.institution).toLowerCase()); });"
        "return t;"
    )
    assert len(titles) == 3 and all("health" in title for title in titles)
    assert console_errors(dash_duo) == []


def test_exp103_plan_filter_goes_to_the_url_and_a_shared_link_restores_it(dash_duo, app):
    start(dash_duo, app, "/commitments?lang=es")
    wait_rows(dash_duo, 104)
    choose(dash_duo, css_id(filter_id("plan")), "2017–2019 · AP_PER03")
    until(lambda: "plan=AP_PER03" in current_search(dash_duo), timeout=10, msg="plan not in the URL")
    wait_rows(dash_duo, 18)
    dash_duo.wait_for_text_to_equal("#explorer-summary", "18 de 104 compromisos", timeout=10)
    # Someone opens the link with a search as well: the same view comes back.
    visit(dash_duo, "/commitments?lang=es&plan=AP_PER03&q=foros")
    wait_rows(dash_duo, 1)
    assert displayed_ids(dash_duo) == ["PE0066"]
    assert dash_duo.find_element(css_id(filter_id("q"))).get_attribute("value") == "foros"
    assert "AP_PER03" in dash_duo.find_element(css_id(filter_id("plan"))).text
    assert console_errors(dash_duo) == []


def test_exp104_a_row_click_opens_the_commitment_and_back_returns(dash_duo, app):
    start(dash_duo, app, "/commitments?lang=en&q=PE0066")
    wait_rows(dash_duo, 1)
    dash_duo.find_element(".ag-center-cols-container .ag-row [col-id='title']").click()
    until(lambda: dash_duo.driver.execute_script("return location.pathname") == "/commitments/PE0066", timeout=10)
    dash_duo.wait_for_contains_text("h1.page-title", "PE0066 · Multistakeholder Forums", timeout=15)
    assert "lang=en" in current_search(dash_duo)
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Commitment explorer", timeout=15)
    wait_rows(dash_duo, 1)
    assert dash_duo.find_element(css_id(filter_id("q"))).get_attribute("value") == "PE0066"
    # The id is a link too, opened inside the app.
    dash_duo.find_element(".commitment-link").click()
    dash_duo.wait_for_contains_text("h1.page-title", "PE0066", timeout=15)
    assert console_errors(dash_duo) == []


def test_exp105_csv_download_holds_the_filtered_rows(dash_duo, app):
    start(dash_duo, app, "/commitments?lang=es&q=government")
    wait_rows(dash_duo, 22)
    # The grid's own column filter narrows it further.
    dash_duo.driver.execute_script(
        "var api = dash_ag_grid.getApi('explorer-grid');"
        "api.setColumnFilterModel('plan', {filterType: 'text', type: 'contains', filter: '2019'})"
        ".then(function () { api.onFilterChanged(); });"
    )
    until(
        lambda: dash_duo.driver.execute_script("return dash_ag_grid.getApi('explorer-grid').isAnyFilterPresent()"),
        timeout=10,
    )
    expected = displayed_ids(dash_duo)
    assert len(expected) == 12  # 7 in 2019 and 5 in 2017–2019
    dash_duo.wait_for_text_to_equal("#explorer-summary", f"{len(expected)} de 104 compromisos", timeout=10)
    dash_duo.find_element(".explorer-downloads .table-download-csv").click()
    folder = dash_duo.download_path

    def done():
        files = [f for f in os.listdir(folder) if f.endswith(".csv")]
        return files[0] if files else None

    until(done, timeout=15, msg="no CSV downloaded")
    name = done()
    assert name == "ogp-monitor_compromisos_PER_q-government_filtrado_2026-11-27.csv"
    with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [r[0] for r in rows[1:]] == expected
    assert console_errors(dash_duo) == []


def test_exp106_language_switch_changes_grid_and_panels(dash_duo, app):
    start(dash_duo, app, "/commitments?lang=es&plan=AP_PER02")
    wait_rows(dash_duo, 17)
    assert "Compromiso" in dash_duo.find_element(".ag-header").text
    dash_duo.find_element(css_id(lang_link_id("en"))).click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Commitment explorer", timeout=15)
    wait_rows(dash_duo, 17)
    dash_duo.wait_for_text_to_equal("#explorer-summary", "17 of 104 commitments", timeout=10)
    header = dash_duo.find_element(".ag-header").text
    assert "Commitment" in header and "Compromiso" not in header
    assert "plan=AP_PER02" in current_search(dash_duo)
    dash_duo.wait_for_contains_text("#explorer-starred", "Starred by the IRM: 3", timeout=10)
    button = dash_duo.find_element(".explorer-downloads .table-download-csv")
    assert button.get_attribute("aria-label") == "Download “Commitments” as CSV"
    assert console_errors(dash_duo) == []


def test_exp107_ogp_extract_draws_both_heatmaps_with_counts(dash_duo, seeded_ogp_url):
    from dashboard.factory import create_app

    start(dash_duo, create_app(seeded_ogp_url, today=TODAY), "/commitments?lang=en&country=UKR")
    wait_rows(dash_duo, 32)
    dash_duo.wait_for_element("#explorer-matrix-irm_2021 .js-plotly-plot", timeout=15)
    script = (
        "var d = document.querySelector('#explorer-matrix-{m} .js-plotly-plot').data[0];"
        "return [d.z.flat().reduce(function (a, b) {{ return a + b; }}, 0), d.text.flat()];"
    )
    classic_total, classic_text = dash_duo.driver.execute_script(script.format(m="irm_classic"))
    results_total, _ = dash_duo.driver.execute_script(script.format(m="irm_2021"))
    assert (classic_total, results_total) == (23, 8)
    assert "5" in classic_text  # counts written in the cells
    assert "IRM methodology until 2020 · n = 23" in dash_duo.find_element("#explorer-matrix-irm_classic").text
    # IRM columns sort on the IRM's scale, not alphabetically; sentinels go last.
    ranks = dash_duo.driver.execute_script(
        "var api = dash_ag_grid.getApi('explorer-grid');"
        "api.applyColumnState({state: [{colId: 'potential_impact', sort: 'desc'}], defaultState: {sort: null}});"
        "var r = []; api.forEachNodeAfterFilterAndSort(function (n) { r.push(n.data.potential_impact_rank); });"
        "return r;"
    )
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == 3 and ranks[-1] == -1
    assert "None of these 32 commitments has milestones loaded" in dash_duo.find_element("#explorer-notes").text
    assert console_errors(dash_duo) == []

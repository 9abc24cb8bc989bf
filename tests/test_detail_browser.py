"""A commitment's page in a browser: PE0066 in full, on a phone too, and an unknown id."""

from __future__ import annotations

import datetime as dt

import pytest
from dash.testing.wait import until

from tests.browser import console_errors, current_search, start

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY)


def test_det101_pe0066_shows_milestones_institutions_irm_and_forums(dash_duo, app):
    start(dash_duo, app, "/commitments/PE0066?lang=es")
    dash_duo.wait_for_contains_text("h1.page-title", "PE0066 · Foros Multiactor en sectores prioritarios", timeout=15)
    rows = dash_duo.find_elements("#detail-milestone-table tbody tr")
    assert [r.find_element("css selector", "td").text for r in rows] == ["1", "2", "3"]
    assert "Evaluación de resultados de los pilotos" in rows[2].text and "Atrasado" in rows[2].text
    dash_duo.wait_for_element("#detail-timeline .js-plotly-plot", timeout=15)
    labels = dash_duo.driver.execute_script(
        "return document.querySelector('#detail-timeline .js-plotly-plot').data[0].y;"
    )
    assert labels == ["Hito 1", "Hito 2", "Hito 3"]
    history = dash_duo.driver.execute_script(
        "return document.querySelector('#detail-history .js-plotly-plot').data.map(function (t) { return t.name; });"
    )
    assert history == ["Hito 1", "Hito 2", "Hito 3", "Compromiso (promedio de hitos)"]
    glance = dash_duo.find_element("#detail-glance").text
    for text in (
        "Secretaría de Gestión Pública de la PCM",
        "Agencia Peruana de Cooperación Internacional",
        "Public Participation",
        "2017",
        "Inactivo",
        "enero 2018 – agosto 2019",
    ):
        assert text in glance
    irm = {
        row.find_element("css selector", "th").text: row.text
        for row in dash_duo.find_elements("#detail-irm-table tbody tr")
    }
    assert (
        "Significativo" in irm["¿Abrió el gobierno? (general)"] and "Hasta 2020" in irm["¿Abrió el gobierno? (general)"]
    )
    assert irm["Destacado"].endswith("Hasta 2020") and "Pending IRM Review" in irm["Destacado"]
    assert "Ambas" in irm["Verificable"]
    links = [a.get_attribute("href") for a in dash_duo.find_elements("#detail-forums a.forum-link")]
    assert [link.split("/", 3)[3] for link in links] == [
        "forums?lang=es&country=PER&forums=PER-AMBIENTE",
        "forums?lang=es&country=PER&forums=PER-VIVIENDA",
    ]
    assert "Datos de muestra" in dash_duo.find_element("#detail-milestones").text
    assert "Taller" in dash_duo.find_element("#detail-participation").text
    assert "documento semilla «ogp_pe0066_page.txt», fila 4" in dash_duo.find_element("#detail-sources").text
    assert console_errors(dash_duo) == []


def test_det102_long_texts_fit_a_phone(dash_duo, app):
    start(dash_duo, app, "/")
    # Headless Chromium will not open a window under 500 px: emulate the phone's width.
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    )
    for path, ready in (
        ("/commitments/PE0066?lang=en", "#detail-history .js-plotly-plot"),
        ("/commitments?lang=es", "#explorer-diog .js-plotly-plot"),
    ):
        dash_duo.wait_for_page(url=dash_duo.server_url + path, timeout=20)
        dash_duo.wait_for_element(ready, timeout=15)
        dash_duo.driver.execute_script(  # open every long text block
            "document.querySelectorAll('details').forEach(function (d) { d.open = true; });"
        )
        widths = dash_duo.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
        assert widths == [390, 390], (path, widths)
    assert console_errors(dash_duo) == []


def test_det103_unknown_id_offers_a_search_that_opens_the_explorer(dash_duo, app):
    start(dash_duo, app, "/commitments/PE9999?lang=es")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Compromiso no encontrado", timeout=15)
    box = dash_duo.find_element("#detail-search-q")
    assert box.get_attribute("value") == "PE9999"
    dash_duo.clear_input(box)
    box.send_keys("health")
    dash_duo.find_element("#detail-search-submit").click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Explorador de compromisos", timeout=15)
    assert "q=health" in current_search(dash_duo) and "lang=es" in current_search(dash_duo)
    until(
        lambda: (
            dash_duo.driver.execute_script(
                "try { return dash_ag_grid.getApi('explorer-grid').getDisplayedRowCount(); } catch (e) { return -1; }"
            )
            == 3
        ),
        timeout=15,
    )
    assert console_errors(dash_duo) == []

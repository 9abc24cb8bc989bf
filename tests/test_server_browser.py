"""The server's degradation and the charts' text, as a user sees them in a browser."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from dashboard.pages.forums import graph_id
from tests.browser import start
from tests.test_figure_text import HOSTILE, hostile_url  # noqa: F401  (a fixture)
from tests.test_server import UNAVAILABLE_EN, UNAVAILABLE_ES, _closed_port_url

pytestmark = pytest.mark.browser


def test_srvb001_database_away_shows_the_message_in_the_page_language(dash_duo):
    from dashboard.factory import create_app

    app = create_app(_closed_port_url())
    start(dash_duo, app, "/?lang=en")
    alert = f"#{ids.UNAVAILABLE}"
    WebDriverWait(dash_duo.driver, 20).until(lambda d: dash_duo.find_element(alert).is_displayed())
    assert dash_duo.find_element(alert).text == UNAVAILABLE_EN
    assert dash_duo.find_element(alert).get_attribute("role") == "alert"
    dash_duo.wait_for_page(url=dash_duo.server_url + "/?lang=es", timeout=20)
    WebDriverWait(dash_duo.driver, 20).until(lambda d: dash_duo.find_element(alert).text == UNAVAILABLE_ES)


def test_srvb002_a_forum_named_like_a_link_is_drawn_as_text(dash_duo, hostile_url):  # noqa: F811
    from dashboard.factory import create_app

    app = create_app(hostile_url, today=dt.date(2026, 11, 27))
    start(dash_duo, app, "/forums?forums=PER-AMBIENTE,PER-VIVIENDA&lang=en")
    graph = f"#{graph_id('cumulative')} .js-plotly-plot svg"
    WebDriverWait(dash_duo.driver, 30).until(lambda d: d.find_elements("css selector", f"{graph} .legendtext"))
    links = dash_duo.driver.execute_script("return document.querySelectorAll('.js-plotly-plot svg a').length")
    assert links == 0
    legend = [e.text for e in dash_duo.find_elements(f"{graph} .legendtext")]
    assert HOSTILE in legend
    assert not dash_duo.get_logs() or all(e.get("level") != "SEVERE" for e in dash_duo.get_logs() or [])

"""The engagement view in a browser: charts drawn with data, filters that change
charts and URL, a shared link that restores the view, the language switch."""

from __future__ import annotations

import datetime as dt

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.by import By

from tests.browser import console_errors, current_search, start, tick

pytestmark = pytest.mark.browser

PEOPLE = "#engagement-people-graph .js-plotly-plot"


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=dt.date(2026, 11, 27), migrate=False)


def _graph(dash_duo, selector: str = PEOPLE) -> dict:
    """The drawn figure's traces: names, x values and the sum of y."""
    dash_duo.wait_for_element(selector, timeout=20)
    until(
        lambda: dash_duo.driver.execute_script(
            f"var g = document.querySelector({selector!r}); return !!(g && g.data && g.data.length);"
        ),
        20,
    )
    return dash_duo.driver.execute_script(
        f"""var g = document.querySelector({selector!r});
        return {{names: g.data.map(t => t.name),
                 x: [].concat(...g.data.map(t => Array.from(t.x || []))),
                 total: g.data.filter(t => t.type === 'bar')
                          .reduce((s, t) => s + Array.from(t.y || []).reduce((a, b) => a + b, 0), 0)}};"""
    )


def _filter(name: str) -> str:
    return f"""[id='{{"name":"{name}","type":"filter"}}']"""


def test_ebr001_page_draws_every_chart_with_data(dash_duo, app):
    start(dash_duo, app, "/engagement?lang=es")
    people = _graph(dash_duo)
    assert "Sociedad civil local" in people["names"] and people["total"] > 1000
    for name in ("organizations", "flow", "contributions", "contributions_time", "gender"):
        assert _graph(dash_duo, f"#engagement-{name}-graph .js-plotly-plot")["names"], name
    dash_duo.wait_for_element("#engagement-table-body .organization-table tbody tr", timeout=20)
    assert len(dash_duo.find_elements(".sample-badge")) >= 7  # KPIs and every section: Peru's data are a sample
    assert dash_duo.find_element("#engagement-kpis").text.startswith("2")
    assert console_errors(dash_duo) == []


def test_ebr002_filters_change_the_charts_and_the_url(dash_duo, app):
    start(dash_duo, app, "/engagement?lang=es")
    quarters = _graph(dash_duo)
    dash_duo.driver.find_element(By.XPATH, "//label[normalize-space()='Mes']").click()
    until(lambda: "period=month" in current_search(dash_duo), 15)
    until(lambda: len(set(_graph(dash_duo)["x"])) > len(set(quarters["x"])), 15)

    tick(dash_duo, _filter("channel"), "Sesión del foro")
    until(lambda: "channel=forum_meeting" in current_search(dash_duo), 15)
    dash_duo.wait_for_contains_text("#engagement-contributions-body", "no incluyen aportes", 15)
    until(lambda: _graph(dash_duo)["total"] < quarters["total"], 15)

    dash_duo.find_element(".sector-button").click()  # Ambiente: its forums
    until(lambda: "forums=PER-AMBIENTE" in current_search(dash_duo), 15)
    until(lambda: max(_graph(dash_duo)["x"]) < "2020", 15)  # the pilot ended in 2019
    assert console_errors(dash_duo) == []


def test_ebr003_a_shared_link_restores_the_view(dash_duo, app):
    link = "/engagement?lang=en&start=2019-01-01&end=2019-12-31&channel=workshop&period=month"
    start(dash_duo, app, link)
    drawn = _graph(dash_duo)
    assert drawn["x"] and min(drawn["x"]) >= "2019-01" and max(drawn["x"]) < "2020"
    checked = dash_duo.find_elements(_filter("channel") + " input:checked")
    assert [c.get_attribute("value") for c in checked] == ["workshop"]
    assert dash_duo.find_element(_filter("period") + " input:checked").get_attribute("value") == "month"
    search = current_search(dash_duo)
    assert all(part in search for part in ("start=2019-01-01", "end=2019-12-31", "channel=workshop", "period=month"))
    assert console_errors(dash_duo) == []


def test_ebr004_language_switch_translates_the_charts(dash_duo, app):
    start(dash_duo, app, "/engagement?lang=es&period=month")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Participación de la sociedad civil", 15)
    assert "Gobierno nacional" in _graph(dash_duo)["names"]
    dash_duo.find_element('#\\{\\"lang\\"\\:\\"en\\"\\,\\"type\\"\\:\\"lang-link\\"\\}').click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Civil-society engagement", 15)
    until(lambda: "National government" in _graph(dash_duo)["names"], 15)
    assert "period=month" in current_search(dash_duo)
    assert "participants" in dash_duo.find_element("#engagement-kpis").text
    assert "Who keeps coming back" in dash_duo.find_element("#engagement-table").text
    assert console_errors(dash_duo) == []

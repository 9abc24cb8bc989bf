"""The overview in a browser: KPIs and charts drawn with Peru's data, the plan
filter, a shared link with a plan and a date, the language switch, KPI links."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

from dashboard import ids
from dashboard.components.common import dom_id
from tests.browser import console_errors, current_search, start

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY, migrate=False)


def element(dash_duo, component_id):
    """The element of a pattern-matching id (selenium's By.ID cannot take the quotes in it)."""
    return dash_duo.driver.execute_script("return document.getElementById(arguments[0])", dom_id(component_id))


def kpi_value(dash_duo, name: str) -> str:
    return dash_duo.find_element(f"#kpi-{name} .kpi-value").text


def traces(dash_duo, graph_id: str) -> list[dict]:
    """The plotted traces: name, y labels and x values, read from plotly's own data."""
    return dash_duo.driver.execute_script(
        "var g = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "return g && g.data ? g.data.map(function (t) {"
        "  return {name: t.name, y: Array.from(t.y || []), x: Array.from(t.x || [])}; }) : null;",
        graph_id,
    )


def wait_for_traces(dash_duo, graph_id: str, check) -> list[dict]:
    found = {}

    def ready():
        found["traces"] = traces(dash_duo, graph_id)
        return bool(found["traces"]) and check(found["traces"])

    dash_duo.wait_for_element(f"#{graph_id} .js-plotly-plot", timeout=20)
    from dash.testing.wait import until

    until(ready, timeout=20)
    return found["traces"]


def test_ovb001_kpis_and_charts_drawn_with_data(dash_duo, app):
    from data.queries.overview import overview

    expected = overview(app.server.config["OGP_DATABASE_URL"], "PER", today=TODAY.isoformat())
    start(dash_duo, app, "/?lang=es")
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-value", "104", timeout=20)
    assert kpi_value(dash_duo, "late") == str(expected.milestone_counts["late"])
    assert dash_duo.find_element("#kpi-late .sample-badge").text == "Datos de muestra"
    plans = wait_for_traces(dash_duo, "overview-plan-graph", lambda t: len(t) == 2)
    assert plans[0]["y"] == ["2012–2014", "2015–2016", "2017–2019", "2019"]
    assert all(0 < x <= 100 for x in plans[0]["x"])
    areas = wait_for_traces(dash_duo, "overview-area-graph", lambda t: len(t) >= 2)
    assert {t["name"] for t in areas} >= {"Completado", "Atrasado"}
    assert dash_duo.driver.find_elements(By.CSS_SELECTOR, "#overview-area-graph .legend .traces")
    rows = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#overview-attention tbody tr")
    assert len(rows) == 10 and "Atrasado" in rows[0].text
    assert len(dash_duo.driver.find_elements(By.CSS_SELECTOR, "#overview-meetings tbody tr")) == 5
    assert console_errors(dash_duo) == []


def test_ovb002_plan_filter_and_date_change_kpis_charts_and_url(dash_duo, app):
    start(dash_duo, app, "/?lang=es")
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-value", "104", timeout=20)
    wait_for_traces(dash_duo, "overview-plan-graph", lambda t: len(t[0]["y"]) == 4)
    dropdown = element(dash_duo, ids.filter_id("plan"))
    Select(dropdown).select_by_visible_text("2017–2019 · AP_PER03")
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-value", "18", timeout=20)
    plans = wait_for_traces(dash_duo, "overview-plan-graph", lambda t: t[0]["y"] == ["2017–2019"])
    assert len(plans[0]["x"]) == 1
    assert "plan=AP_PER03" in current_search(dash_duo)
    # The "as of" date, typed as a Spanish reader writes it, rebuilds the plan at its midterm.
    picker = dash_duo.find_element(".asof-picker input")
    picker.click()
    picker.send_keys("30/06/2018", Keys.ENTER)
    dash_duo.wait_for_text_to_equal(
        ".overview-reference",
        "Situación al 30 de junio de 2018, reconstruida con el historial de los hitos.",
        timeout=20,
    )
    assert kpi_value(dash_duo, "at_risk") != "0"
    assert "asof=2018-06-30" in current_search(dash_duo)
    assert console_errors(dash_duo) == []


def test_ovb003_shared_link_with_plan_and_date_restores_the_view(dash_duo, app):
    from data.queries.overview import overview

    midterm = overview(
        app.server.config["OGP_DATABASE_URL"], "PER", plan="AP_PER03", as_of="2018-06-30", today=TODAY.isoformat()
    )
    start(dash_duo, app, "/?lang=en&plan=AP_PER03&asof=2018-06-30")
    dash_duo.wait_for_text_to_equal(
        ".overview-reference", "Situation on 30 June 2018, rebuilt from the milestones' history.", timeout=20
    )
    assert kpi_value(dash_duo, "commitments") == "18"
    assert kpi_value(dash_duo, "at_risk") == str(midterm.milestone_counts["at_risk"])
    assert kpi_value(dash_duo, "late") == str(midterm.milestone_counts["late"])
    plan_filter = element(dash_duo, ids.filter_id("plan"))
    assert plan_filter.get_attribute("value") == "AP_PER03"
    picker = dash_duo.driver.find_element(By.CSS_SELECTOR, ".asof-picker input")
    assert picker.get_attribute("value") == "2018-06-30"
    wait_for_traces(dash_duo, "overview-plan-graph", lambda t: t[0]["y"] == ["2017–2019"])
    assert "asof=2018-06-30" in current_search(dash_duo)
    assert console_errors(dash_duo) == []


def test_ovb004_language_switch_translates_the_overview(dash_duo, app):
    start(dash_duo, app, "/?lang=es&plan=AP_PER03")
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-label", "Compromisos", timeout=20)
    wait_for_traces(dash_duo, "overview-plan-graph", lambda t: t[0]["name"] == "Avance informado")
    element(dash_duo, ids.lang_link_id("en")).click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Action plan overview", timeout=20)
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-label", "Commitments", timeout=20)
    wait_for_traces(dash_duo, "overview-plan-graph", lambda t: t[0]["name"] == "Reported progress")
    assert kpi_value(dash_duo, "commitments") == "18"  # the filter survived the switch
    assert "Milestones late" in dash_duo.find_element("#kpi-late").text
    assert "lang=en" in current_search(dash_duo) and "plan=AP_PER03" in current_search(dash_duo)
    assert console_errors(dash_duo) == []


def test_ovb005_kpi_link_carries_the_filters(dash_duo, app):
    start(dash_duo, app, "/?lang=en&plan=AP_PER03&asof=2018-06-30")
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-value", "18", timeout=20)
    late = dash_duo.find_element("#kpi-late")
    assert late.get_attribute("href").endswith(
        "/timeline?lang=en&country=PER&plan=AP_PER03&status=late&asof=2018-06-30"
    )
    late.click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Milestone timeline", timeout=20)
    search = current_search(dash_duo)
    assert "plan=AP_PER03" in search and "status=late" in search and "lang=en" in search
    assert console_errors(dash_duo) == []

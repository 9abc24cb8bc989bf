"""The milestone timeline in a browser: drawn with data, filtered through the
URL, restored from a shared link, a click opening the commitment, in both
languages, without console errors."""

from __future__ import annotations

import datetime as dt

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.select import Select

from dashboard import ids
from dashboard.components.common import dom_id
from tests.browser import console_errors, current_search, start, visit

pytestmark = pytest.mark.browser

GANTT = "#timeline-gantt-graph .js-plotly-plot"
DUE = "#timeline-due-graph .js-plotly-plot"
STATES = 6  # the Gantt's first traces: one bar trace per state


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=dt.date(2026, 11, 27))


def bars(dash_duo) -> list[int]:
    """Bars per state trace of the Gantt chart (empty when not drawn yet)."""
    return (
        dash_duo.driver.execute_script(
            "var gd = document.querySelector(arguments[0]);"
            "return gd && gd.data ? gd.data.slice(0, arguments[1]).map(t => (t.y || []).length) : [];",
            GANTT,
            STATES,
        )
        or []
    )


def trace_names(dash_duo, selector: str) -> list[str]:
    return dash_duo.driver.execute_script(
        "var gd = document.querySelector(arguments[0]); return gd && gd.data ? gd.data.map(t => t.name) : [];", selector
    )


def wait_for_bars(dash_duo, condition=lambda b: sum(b) > 0, timeout: float = 20) -> list[int]:
    until(lambda: len(bars(dash_duo)) == STATES and condition(bars(dash_duo)), timeout)
    return bars(dash_duo)


def element(dash_duo, component_id):
    """The element of a component whose id is a dict (quotes defeat CSS selectors)."""
    return dash_duo.driver.execute_script("return document.getElementById(arguments[0])", dom_id(component_id))


def click(dash_duo, selector: str) -> None:
    """Click a button below the fold (scrolled to the middle of the window first)."""
    button = dash_duo.find_element(selector)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button)
    button.click()


def status_dropdown(dash_duo):
    return element(dash_duo, ids.filter_id("status"))


def test_tmb001_the_page_draws_both_charts_with_data(dash_duo, app):
    start(dash_duo, app, "/timeline?lang=es")
    drawn = wait_for_bars(dash_duo)
    assert 0 < sum(drawn) <= 250
    until(lambda: len(trace_names(dash_duo, DUE)) == STATES, 15)
    due_total = dash_duo.driver.execute_script(
        "return document.querySelector(arguments[0]).data.reduce((n, t) => n + t.y.reduce((a, b) => a + b, 0), 0)", DUE
    )
    assert due_total == 362
    assert (
        dash_duo.find_element("#timeline-gantt-graph-summary")
        .get_attribute("textContent")
        .startswith("Cronograma, página 1 de 5")
    )
    assert dash_duo.find_element("#timeline-pager-text").text.startswith("Página 1 de 5")
    assert dash_duo.find_element("#timeline-gantt-badge").text == "Datos de muestra"
    assert len(dash_duo.find_elements(f"{GANTT} .barlayer .point")) >= sum(drawn)
    # a click on a period of the due chart narrows the Gantt to that period
    bar = dash_duo.driver.execute_script(  # the tallest bar: a period with many milestones
        "return Array.from(document.querySelectorAll(arguments[0])).reduce((a, b) =>"
        " b.getBoundingClientRect().height > a.getBoundingClientRect().height ? b : a)",
        f"{DUE} .barlayer .point path",
    )
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", bar)
    ActionChains(dash_duo.driver).move_to_element(bar).click().perform()
    until(lambda: "start=" in current_search(dash_duo) and "end=" in current_search(dash_duo), 10)
    wait_for_bars(dash_duo, lambda b: 0 < sum(b) < sum(drawn))
    assert console_errors(dash_duo) == []


def test_tmb002_status_filter_redraws_and_writes_the_url(dash_duo, app):
    start(dash_duo, app, "/timeline?lang=es")
    before = wait_for_bars(dash_duo)
    Select(status_dropdown(dash_duo)).select_by_visible_text("Completado")
    until(lambda: "status=complete" in current_search(dash_duo), 10)
    after = wait_for_bars(dash_duo, lambda b: b != before)
    names = trace_names(dash_duo, GANTT)[:STATES]
    assert sum(after) < sum(before) and all(n == 0 for n, name in zip(after, names) if name != "Completado")
    # nothing matches: the view says so and offers to reset
    Select(status_dropdown(dash_duo)).select_by_visible_text("En riesgo")
    dash_duo.wait_for_contains_text("#timeline-summary", "Ningún hito coincide con estos filtros.", timeout=10)
    click(dash_duo, "#timeline-summary .empty-state button")
    until(lambda: "status=" not in current_search(dash_duo), 10)
    wait_for_bars(dash_duo, lambda b: b == before)
    assert console_errors(dash_duo) == []


def test_tmb003_a_shared_link_restores_status_and_page(dash_duo, app):
    start(dash_duo, app, "/timeline?lang=es&status=late&page=2")
    drawn = wait_for_bars(dash_duo)
    names = trace_names(dash_duo, GANTT)[:STATES]
    assert all(n == 0 for n, name in zip(drawn, names) if name != "Atrasado")
    dash_duo.wait_for_contains_text("#timeline-pager-text", "Página 2 de ", timeout=10)
    assert "Atrasado" in status_dropdown(dash_duo).text
    pages = int(dash_duo.find_element("#timeline-pager-text").text.split(" de ")[1].split(" ")[0])
    click(dash_duo, "#timeline-first")
    until(lambda: "page=" not in current_search(dash_duo), 10)
    dash_duo.wait_for_contains_text("#timeline-pager-text", "Página 1 de ", timeout=10)
    click(dash_duo, "#timeline-last")
    until(lambda: f"page={pages}" in current_search(dash_duo), 10)
    dash_duo.driver.back()  # back to page 1, from the history
    dash_duo.wait_for_contains_text("#timeline-pager-text", "Página 1 de ", timeout=10)
    assert "status=late" in current_search(dash_duo) and "page=" not in current_search(dash_duo)
    assert console_errors(dash_duo) == []


def test_tmb004_clicking_a_milestone_opens_its_commitment(dash_duo, app):
    start(dash_duo, app, "/timeline?lang=en&status=complete")
    wait_for_bars(dash_duo)
    commitment = dash_duo.driver.execute_script(
        "var gd = document.querySelector(arguments[0]); return gd.data.find(t => t.y.length).customdata[0];", GANTT
    )
    bar = dash_duo.find_elements(f"{GANTT} .barlayer .point path")[0]
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", bar)
    ActionChains(dash_duo.driver).move_to_element(bar).click().perform()
    until(lambda: dash_duo.driver.execute_script("return location.pathname") == f"/commitments/{commitment}", 10)
    dash_duo.wait_for_contains_text("h1.page-title", commitment, timeout=15)
    assert "lang=en" in current_search(dash_duo)
    dash_duo.driver.back()  # the timeline is one step back, as it was
    dash_duo.wait_for_text_to_equal("h1.page-title", "Milestone timeline", timeout=15)
    assert "status=complete" in current_search(dash_duo)
    wait_for_bars(dash_duo)
    assert console_errors(dash_duo) == []


def test_tmb005_language_switch_translates_the_charts(dash_duo, app):
    start(dash_duo, app, "/timeline?lang=es&status=late")
    wait_for_bars(dash_duo)
    assert trace_names(dash_duo, GANTT)[0] == "Atrasado"
    element(dash_duo, ids.lang_link_id("en")).click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Milestone timeline", timeout=15)
    until(lambda: trace_names(dash_duo, GANTT)[:1] == ["Late"], 15)
    assert "Reported progress" in trace_names(dash_duo, GANTT)
    dash_duo.wait_for_contains_text("#timeline-pager-text", "Page 1 of ", timeout=10)
    assert "late milestones" in dash_duo.find_element("#timeline-summary").text
    assert "lang=en" in current_search(dash_duo) and "status=late" in current_search(dash_duo)
    visit(dash_duo, "/timeline?lang=en&country=PER&asof=2019-06-30")
    until(
        lambda: (
            "As of 30 Jun 2019"
            in dash_duo.driver.execute_script(
                "var gd = document.querySelector(arguments[0]);"
                "return gd && gd.layout.annotations ? gd.layout.annotations.map(a => a.text).join(' ') : ''",
                DUE,
            )
        ),
        15,
    )
    assert console_errors(dash_duo) == []


def _open_calendar(dash_duo, name: str) -> dict:
    """Open a date filter's calendar: its text and its controls' names."""
    dash_duo.find_element(f"""[id='{{"name":"{name}","type":"date-filter"}}']""").click()
    dash_duo.wait_for_element(".dash-datepicker-content", timeout=10)
    until(
        lambda: dash_duo.driver.execute_script(
            "return !!document.querySelector('.dash-datepicker-content input.dash-input-element[aria-label]')"
        ),
        10,
    )
    return dash_duo.driver.execute_script(
        """var c = document.querySelector('.dash-datepicker-content');
           return {text: c.innerText.replace(/\\s+/g, ' '),
                   names: Array.from(c.querySelectorAll('[aria-label]')).map(function (e) { return e.getAttribute('aria-label'); })};"""
    )


def test_tlb_calendar_follows_the_page_language_not_the_browser(dash_duo, app):
    from tests.a11y import axe_violations, describe

    start(dash_duo, app, "/timeline?lang=es&start=2019-11-05")
    dash_duo.wait_for_element("#timeline-gantt-graph .js-plotly-plot", timeout=20)
    spanish = _open_calendar(dash_duo, "start")
    assert "noviembre" in spanish["text"] and " lu ma mi ju vi sá do " in f" {spanish['text']} "
    assert {"Mes anterior", "Mes siguiente", "Año"} <= set(spanish["names"])
    dash_duo.driver.set_script_timeout(60)
    violations = axe_violations(dash_duo, context="'.dash-datepicker-content'")
    assert violations == [], describe(violations)

    visit(dash_duo, "/timeline?lang=en&start=2019-11-05")
    dash_duo.wait_for_element("#timeline-gantt-graph .js-plotly-plot", timeout=20)
    english = _open_calendar(dash_duo, "start")
    assert "November" in english["text"] and "noviembre" not in english["text"]
    assert {"Previous month", "Next month", "Year"} <= set(english["names"])
    assert console_errors(dash_duo) == []

"""The forum brief in a browser: both Peru pilots drawn with data and marked as
sample, the reference date in the URL both ways, the language switch, printing
(print media hides the navigation; a PDF on A4 and on Letter, a section a
page), the link from /forums, an unknown forum, accessibility."""

from __future__ import annotations

import base64
import datetime as dt
import re

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from dashboard.components.common import dom_id
from dashboard.pages import forum_brief as page
from tests.a11y import axe_violations, describe
from tests.browser import console_errors, current_search, start, visit

pytestmark = pytest.mark.browser

SECTIONS = [f"#brief-{key}" for key in page.SECTIONS]


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=dt.date(2026, 11, 27))


def until(dash_duo, condition, timeout: float = 20):
    return WebDriverWait(dash_duo.driver, timeout).until(lambda _d: condition())


def bars(dash_duo) -> list[dict]:
    """The attendance chart's traces as plotly drew them: name and bar count."""
    return (
        dash_duo.driver.execute_script(
            "var gd = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
            "return gd && gd.data ? gd.data.map(function (t) { return {name: t.name, n: (t.y || []).length}; }) : [];",
            page.GRAPH,
        )
        or []
    )


def wait_for_brief(dash_duo) -> list[dict]:
    for selector in SECTIONS:
        dash_duo.wait_for_element(selector, timeout=30)
    return until(dash_duo, lambda: bars(dash_duo) or False, 30)


def pdf_pages(dash_duo, width: float, height: float) -> int:
    result = dash_duo.driver.execute_cdp_cmd(
        "Page.printToPDF",
        {"paperWidth": width, "paperHeight": height, "preferCSSPageSize": False, "printBackground": True},
    )
    pdf = base64.b64decode(result["data"])
    assert pdf.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_brb001_both_pilots_briefs_render_with_data_and_the_sample_mark(dash_duo, app):
    start(dash_duo, app, "/forums/PER-AMBIENTE/brief?lang=es")
    for code, name, last in (("PER-AMBIENTE", "Ambiente", "27 ago 2019"), ("PER-VIVIENDA", "Vivienda", "21 ago 2019")):
        if code != "PER-AMBIENTE":
            visit(dash_duo, f"/forums/{code}/brief?lang=es")
        dash_duo.wait_for_contains_text("h1.page-title", name, timeout=20)
        traces = wait_for_brief(dash_duo)
        # six recent meetings, people of several stakeholder types
        assert len(traces) >= 3 and max(t["n"] for t in traces) == 6
        dash_duo.wait_for_text_to_equal(
            ".brief-reference", "Situación al 31 de agosto de 2019, cierre del foro", timeout=10
        )
        forum = dash_duo.find_element("#brief-forum").text
        assert f"última: {last}" in forum and "dentro del plazo de 180 días de OGP, al cierre" in forum
        assert "Atrasado" in dash_duo.find_element("#brief-late").text
        assert "aportes sin respuesta" in dash_duo.find_element("#brief-awaiting").text
        badges = dash_duo.find_elements(".sample-badge")
        assert len(badges) == len(SECTIONS) and all(b.is_displayed() for b in badges)
        assert dash_duo.find_element(f"#{page.PRINT}").text == "Imprimir"
        # the printed footer knows the brief's address
        dash_duo.wait_for_contains_text(f"#{page.LINK_LINE}", f"/forums/{code}/brief", timeout=10)
    assert console_errors(dash_duo) == []


def test_brb002_the_date_asked_enters_the_url_and_a_shared_link_restores_it(dash_duo, app):
    start(dash_duo, app, "/forums/PER-AMBIENTE/brief?lang=es")
    wait_for_brief(dash_duo)
    picker = dash_duo.find_element(".filter-date input")
    picker.click()
    picker.send_keys("01/03/2019", Keys.ENTER)
    dash_duo.wait_for_text_to_equal(".brief-reference", "Situación al 1 de marzo de 2019 (fecha elegida)", timeout=20)
    assert "asof=2019-03-01" in current_search(dash_duo)
    # the last meeting before 1 March 2019 and what fell due next
    dash_duo.wait_for_contains_text("#brief-forum", "última: 11 feb 2019", timeout=10)
    assert "Vencen en los próximos 90 días (1 mar 2019 – 30 may 2019): 3" in dash_duo.find_element("#brief-due").text
    # the same link opened afresh shows the same brief
    visit(dash_duo, "/forums/PER-AMBIENTE/brief?lang=es&asof=2019-03-01")
    dash_duo.wait_for_text_to_equal(".brief-reference", "Situación al 1 de marzo de 2019 (fecha elegida)", timeout=20)
    assert dash_duo.find_element(".filter-date input").get_attribute("value") == "01/03/2019"
    assert console_errors(dash_duo) == []


def test_brb003_language_switch_translates_the_brief(dash_duo, app):
    start(dash_duo, app, "/forums/PER-VIVIENDA/brief?lang=es")
    wait_for_brief(dash_duo)
    dash_duo.find_element(f"[id='{dom_id(ids.lang_link_id('en'))}']").click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Meeting brief: Foro Multiactor piloto – Vivienda", timeout=20)
    dash_duo.wait_for_text_to_equal(".brief-reference", "Situation as of 31 August 2019, the forum's close", timeout=20)
    until(dash_duo, lambda: "National government" in [t["name"] for t in bars(dash_duo)])
    assert dash_duo.find_element(f"#{page.PRINT}").text == "Print"
    assert dash_duo.find_element("#brief-late .section-title").text == "Late and at-risk milestones"
    assert all(b.text == "Sample data" for b in dash_duo.find_elements(".sample-badge"))
    assert "lang=en" in current_search(dash_duo)
    assert console_errors(dash_duo) == []


def test_brb004_printing_hides_the_navigation_and_gives_a_page_per_section(dash_duo, app):
    start(dash_duo, app, "/forums/PER-AMBIENTE/brief?lang=es")
    wait_for_brief(dash_duo)
    driver = dash_duo.driver
    # the button prints (the browser's dialog stubbed: headless Chrome has none)
    driver.execute_script("window.print = function () { window.__printed = (window.__printed || 0) + 1; };")
    dash_duo.find_element(f"#{page.PRINT}").click()
    until(dash_duo, lambda: driver.execute_script("return window.__printed") == 1, 10)
    assert dash_duo.find_element("nav").is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in ("nav", ".app-header", ".app-footer", ".brief-toolbar", f"#{page.PRINT}", ".modebar-container"):
            assert all(not e.is_displayed() for e in dash_duo.find_elements(selector)), selector
        assert all(b.is_displayed() for b in dash_duo.find_elements(".sample-badge"))  # the mark prints
        breaks = driver.execute_script(
            "return Array.from(document.querySelectorAll('.brief-section'))"
            ".map(function (s) { return getComputedStyle(s).breakBefore; })"
        )
        assert breaks == ["auto"] + ["page"] * (len(SECTIONS) - 1)
        # the chart fits the printable width of A4 and Letter (180 mm ≈ 680 px)
        width = driver.execute_script(
            "return document.querySelector('#' + arguments[0] + ' .main-svg').getBoundingClientRect().width", page.GRAPH
        )
        assert 300 < width <= 681
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # a section a page at least, on A4 and on Letter
    assert pdf_pages(dash_duo, 8.27, 11.69) >= len(SECTIONS)
    assert pdf_pages(dash_duo, 8.5, 11.0) >= len(SECTIONS)
    assert console_errors(dash_duo) == []


def test_brb005_link_from_forums_unknown_forum_and_accessibility(dash_duo, app):
    start(dash_duo, app, "/forums?lang=es&forum=PER-VIVIENDA")
    link = dash_duo.wait_for_element(".forums-panel-head a", timeout=30)
    assert link.text == "Informe para la sesión (imprimible)"
    assert link.get_attribute("href").endswith("/forums/PER-VIVIENDA/brief?lang=es&country=PER")
    # the comparison above still draws and moves the panel: click the link itself
    dash_duo.driver.execute_script("arguments[0].click()", link)
    dash_duo.wait_for_contains_text("h1.page-title", "Vivienda", timeout=20)
    wait_for_brief(dash_duo)
    violations = axe_violations(dash_duo)
    assert violations == [], describe(violations)
    visit(dash_duo, "/forums/PER-NADA/brief?lang=es")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Foro no encontrado", timeout=20)
    assert "«PER-NADA»" in dash_duo.find_element(".brief-not-found").text
    assert dash_duo.find_element(".brief-not-found a").get_attribute("href").endswith("/forums?lang=es&country=PER")
    assert console_errors(dash_duo) == []

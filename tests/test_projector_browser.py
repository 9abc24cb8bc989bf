"""Projector mode: larger text and charts, no filter panels, kept in the URL."""

from __future__ import annotations

import datetime as dt

import pytest
from dash.testing.wait import until

from tests.browser import console_errors, current_search, start
from tests.pages import CHARTS, pages

pytestmark = pytest.mark.browser

# Every registered page at its sample path.
PAGES = [page.sample_path for page in pages()]
WITHOUT_CHARTS = {page.sample_path for page in pages() if not CHARTS[page.name]}


@pytest.fixture(scope="module")
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=dt.date(2026, 11, 27))


def _chart_fonts(dash_duo) -> list:
    """(font size, scaled marker) of every drawn chart."""
    return dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('.js-plotly-plot'))"
        ".filter(function (g) { return g.layout; })"
        ".map(function (g) { return [g.layout.font && g.layout.font.size, !!(g.layout.meta && g.layout.meta.ogpProjector)]; });"
    )


def _filters_shown(dash_duo) -> bool:
    return dash_duo.driver.execute_script(
        "var f = document.querySelector('.filter-bar'); return !!f && f.offsetParent !== null;"
    )


@pytest.mark.parametrize("path", PAGES)
def test_prj001_every_page_enlarges_its_charts_and_hides_filters(dash_duo, app, path):
    start(dash_duo, app, f"{path}?lang=es&projector=1")
    dash_duo.wait_for_element("h1.page-title", timeout=20)
    until(lambda: dash_duo.driver.execute_script("return document.documentElement.classList.contains('projector')"), 10)
    if path not in WITHOUT_CHARTS:
        until(lambda: len(_chart_fonts(dash_duo)) > 0 and all(scaled for _, scaled in _chart_fonts(dash_duo)), 30)
        assert all(size >= 17 for size, _ in _chart_fonts(dash_duo))
    assert not _filters_shown(dash_duo)
    root = dash_duo.driver.execute_script("return getComputedStyle(document.documentElement).fontSize")
    assert float(root.rstrip("px")) >= 20
    assert console_errors(dash_duo) == []


def test_prj002_the_switch_turns_it_on_and_off_keeping_the_filters(dash_duo, app):
    start(dash_duo, app, "/timeline?lang=en&plan=AP_PER03")
    dash_duo.wait_for_element(".filter-bar", timeout=20)
    assert _filters_shown(dash_duo)
    dash_duo.find_element("#projector-link").click()
    until(lambda: "projector=1" in current_search(dash_duo), 10)
    until(lambda: not _filters_shown(dash_duo), 15)
    assert "plan=AP_PER03" in current_search(dash_duo)
    dash_duo.find_element("#projector-link").click()
    until(lambda: "projector" not in current_search(dash_duo), 10)
    until(lambda: _filters_shown(dash_duo), 15)
    assert "plan=AP_PER03" in current_search(dash_duo)
    assert console_errors(dash_duo) == []

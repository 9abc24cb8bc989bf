"""Every chart of every page has a text alternative linked to it (WCAG 2.1, 1.1.1).

Each page is opened with Peru's seeded data; every ``.js-plotly-plot`` must sit
in a wrapper whose ``aria-describedby`` names an element with a summary, and
that summary must follow a filter change.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dash.testing.wait import until
from selenium.webdriver.support.select import Select

from dashboard import ids
from dashboard.components.common import dom_id
from tests.browser import console_errors, start, visit
from tests.pages import CHARTS, SAMPLE_CHARTS, pages

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 27)
# Every registered page that draws charts with Peru's seeded data: its sample path and (name, charts).
PAGES = {page.sample_path: (page.name, CHARTS[page.name]) for page in pages() if CHARTS[page.name]}
# For each chart on the page: its summary's text through aria-describedby, or null when unlinked.
SUMMARIES_JS = """
return Array.from(document.querySelectorAll('.js-plotly-plot')).map(function (plot) {
  var frame = plot.closest('[aria-describedby]');
  var summary = frame && document.getElementById(frame.getAttribute('aria-describedby'));
  return summary ? summary.textContent.trim() : null;
});
"""


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY, migrate=False)


def summaries(dash_duo) -> list:
    return dash_duo.driver.execute_script(SUMMARIES_JS)


def wait_for_summaries(dash_duo, count: int) -> list[str]:
    """The summaries once ``count`` charts are drawn and each has its text."""
    found = {}

    def ready():
        found["texts"] = summaries(dash_duo)
        return len(found["texts"]) >= count and all(found["texts"])

    try:
        until(ready, timeout=25)
    except Exception:
        raise AssertionError(f"charts and their summaries: {found.get('texts')!r}") from None
    return found["texts"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_sum101_every_chart_on_every_page_has_a_linked_summary(dash_duo, app, lang):
    first = True
    for path, (name, count) in PAGES.items():
        url = f"{path}?lang={lang}"
        if first:
            start(dash_duo, app, url)
            first = False
        else:
            visit(dash_duo, url)
        texts = wait_for_summaries(dash_duo, count)
        assert len(texts) == count, (path, texts)
        # Summaries give numbers, in the page's language.
        assert all(any(c.isdigit() for c in text) for text in texts), (path, texts)
        sample = "Datos de muestra" if lang == "es" else "Sample data"
        if name in SAMPLE_CHARTS:
            assert any(sample in text for text in texts), (path, texts)
    assert console_errors(dash_duo) == []


def test_sum102_a_filter_change_updates_the_summary(dash_duo, app):
    start(dash_duo, app, "/?lang=es")
    before = wait_for_summaries(dash_duo, 2)
    assert before[0].startswith("Avance informado por plan de acción") and "2012–2014" in before[0]
    plan = dash_duo.driver.execute_script("return document.getElementById(arguments[0])", dom_id(ids.filter_id("plan")))
    Select(plan).select_by_visible_text("2017–2019 · AP_PER03")
    until(lambda: summaries(dash_duo)[:1] != before[:1] and all(summaries(dash_duo)), timeout=20)
    after = summaries(dash_duo)
    assert after[0].startswith("Avance informado del plan de acción 2017–2019") and "2012–2014" not in after[0]
    assert after[1] != before[1]
    # The timeline's summaries follow its filters too (they are filled by its callbacks).
    visit(dash_duo, "/timeline?lang=es")
    due, gantt = wait_for_summaries(dash_duo, 2)
    visit(dash_duo, "/timeline?lang=es&status=late")
    until(lambda: wait_for_summaries(dash_duo, 2)[1] != gantt, timeout=20)
    assert "atrasado" in summaries(dash_duo)[1] and "en riesgo" not in summaries(dash_duo)[1]
    assert console_errors(dash_duo) == []

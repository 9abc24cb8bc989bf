"""The frame in a browser: every route answers, language switch, bad links."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser import console_errors, current_search, start, visit
from tests.pages import sample_paths

pytestmark = pytest.mark.browser

# Every registered page (the forum brief's forum is not in the tiny database: it says so).
ROUTES = sample_paths()


@pytest.fixture
def tiny_app(tmp_path):
    from dashboard.factory import create_app
    from data.db import migrate, session_scope
    from data.models import ActionPlan, Commitment, Country, Source

    url = f"sqlite:///{tmp_path / 'tiny.sqlite3'}"
    migrate(url)
    with session_scope(url) as s:
        src = Source(kind="seed", name="ogp_pe0066_page.txt", loaded_at=dt.datetime(2026, 11, 1, 9, 0))
        s.add(src)
        s.flush()
        s.add(Country(code="PER", name="Peru", region="Americas", source=src))
        s.add(ActionPlan(id="AP_PER03", country_code="PER", number=3, cycle_year=2017, source=src))
        s.add(
            Commitment(
                id="PE0066",
                action_plan_id="AP_PER03",
                title="Foros Multiactor en sectores prioritarios",
                title_en="Multistakeholder Forums in Priority Sectors",
                source=src,
            )
        )
    return create_app(url, today=dt.date(2026, 11, 27))


def test_shl001_every_route_answers_with_a_page(dash_duo, tiny_app):
    start(dash_duo, tiny_app, "/?lang=es")
    for route in ROUTES:
        visit(dash_duo, route + "?lang=es")
        dash_duo.wait_for_element("h1.page-title", timeout=15)
        assert "Algo salió mal" not in dash_duo.find_element("main").text
        assert "Página no encontrada" not in dash_duo.find_element("main").text
    assert console_errors(dash_duo) == []


def test_shl002_language_switch_changes_texts_and_keeps_the_query(dash_duo, tiny_app):
    start(dash_duo, tiny_app, "/timeline?lang=es&plan=AP_PER03")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Cronograma de hitos", timeout=15)
    dash_duo.find_element('#\\{\\"lang\\"\\:\\"en\\"\\,\\"type\\"\\:\\"lang-link\\"\\}').click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Milestone timeline", timeout=15)
    assert "lang=en" in current_search(dash_duo)
    assert "plan=AP_PER03" in current_search(dash_duo)
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "en"
    nav = dash_duo.find_element("nav[aria-label='Main navigation']").text
    assert "Overview" in nav and "Resumen" not in nav
    assert console_errors(dash_duo) == []


def test_shl003_bad_links_give_friendly_pages(dash_duo, tiny_app):
    start(dash_duo, tiny_app, "/no-such-page?lang=en")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Page not found", timeout=15)
    visit(dash_duo, "/commitments/PE9999?lang=en")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Commitment not found", timeout=15)
    # A hostile id in the link is shown as text, never run.
    visit(dash_duo, "/commitments/%3Cimg%20src=x%20onerror=window.__xss=1%3E?lang=en")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Commitment not found", timeout=15)
    assert "<img" in dash_duo.find_element("main").text
    visit(dash_duo, "/commitments?lang=en&plan=%3Cscript%3Ealert(1)%3C/script%3E&page=-4&zzz=1")
    dash_duo.wait_for_element("#bad-params-alert", timeout=15)
    alert = dash_duo.find_element("#bad-params-alert").text
    assert "plan" in alert and "page" in alert and "zzz" in alert
    assert dash_duo.driver.execute_script("return window.__xss === undefined")
    assert console_errors(dash_duo) == []


def test_shl004_back_and_forward_follow_the_navigation(dash_duo, tiny_app):
    start(dash_duo, tiny_app, "/?lang=en")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Action plan overview", timeout=15)
    dash_duo.find_element("nav[aria-label='Main navigation'] a[href^='/forums']").click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Multistakeholder forums", timeout=15)
    assert "lang=en" in current_search(dash_duo)
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Action plan overview", timeout=15)
    dash_duo.driver.forward()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Multistakeholder forums", timeout=15)


def test_shl005_links_follow_a_filter_change(dash_duo, tiny_app):
    """After the URL changes without a redraw, language and navigation links keep it."""
    start(dash_duo, tiny_app, "/timeline?lang=en")
    dash_duo.wait_for_text_to_equal("h1.page-title", "Milestone timeline", timeout=15)
    # The URL changes as a filter change would: through history, without a page load.
    dash_duo.driver.execute_script(
        "window.history.pushState({}, '', '/timeline?lang=en&plan=AP_PER03');"
        "window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));"
    )
    dash_duo.wait_for_element("a[href='?lang=es&plan=AP_PER03']", timeout=10)
    nav = dash_duo.find_element("nav[aria-label='Main navigation'] a[href^='/forums']")
    assert nav.get_attribute("href").endswith("/forums?lang=en&plan=AP_PER03")
    assert console_errors(dash_duo) == []


def test_shl006_frame_has_no_serious_accessibility_violations(dash_duo, tiny_app):
    from tests.a11y import axe_violations, describe

    start(dash_duo, tiny_app, "/?lang=es")
    dash_duo.wait_for_element("h1.page-title", timeout=15)
    dash_duo.driver.set_script_timeout(60)
    violations = axe_violations(dash_duo)
    assert violations == [], describe(violations)

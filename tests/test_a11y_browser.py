"""Every page with Peru's data, at a laptop's width (1280 px) and a phone's
(390 px): no serious or critical axe-core violation (WCAG 2.1 A and AA), no
sideways scrolling of the page, and the keyboard reaches and works the
controls with a visible focus."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.a11y import axe_violations, describe
from tests.browser import console_errors, current_search, start, visit
from tests.pages import READY, pages

pytestmark = pytest.mark.browser

# Every registered page at its sample path, and what shows that it has drawn
# its data; then a commitment that does not exist.
PAGES = {page.sample_path: READY[page.name] for page in pages()} | {"/commitments/XX9999": ["h1.page-title"]}
WIDTHS = {"laptop": (1280, "en"), "phone": (390, "es")}


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=dt.date(2026, 11, 27))


def settle(dash_duo, ready: list[str], timeout: float = 30) -> None:
    """Wait for the page's data, then for the page to stop changing (no
    callback loading, the same markup twice in a row), so axe sees the page
    the user sees rather than a frame in between."""
    for selector in ready:
        dash_duo.wait_for_element(selector, timeout=timeout)
    last = {"html": None}

    def still(driver) -> bool:
        html = driver.execute_script(
            "return document.querySelector('[data-dash-is-loading=\"true\"]') ? null : document.body.innerHTML"
        )
        same = html is not None and html == last["html"]
        last["html"] = html
        return same

    WebDriverWait(dash_duo.driver, timeout, poll_frequency=0.7).until(still)


def sideways_overflow(dash_duo) -> list[str]:
    """The page scrolls sideways when the document is wider than the window;
    the elements that stick out say why."""
    return dash_duo.driver.execute_script(
        """
        var root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return [];
        var out = [];
        document.querySelectorAll('body *').forEach(function (e) {
            var r = e.getBoundingClientRect();
            if (r.width && r.right > root.clientWidth + 1) out.push(e.tagName + '.' + String(e.className).slice(0, 50) + ' → ' + Math.round(r.right));
        });
        return ['page ' + root.scrollWidth + ' px wide for ' + root.clientWidth].concat(out.slice(0, 8));
        """
    )


@pytest.mark.parametrize("device", list(WIDTHS))
def test_a11y001_every_page_passes_axe_and_fits_the_width(dash_duo, app, device):
    width, lang = WIDTHS[device]
    start(dash_duo, app, f"/?lang={lang}")
    dash_duo.driver.set_window_size(width, 900)
    dash_duo.driver.set_script_timeout(90)
    problems = []
    for path, ready in PAGES.items():
        visit(dash_duo, f"{path}?lang={lang}")
        settle(dash_duo, ready)
        violations = axe_violations(dash_duo)
        if violations:
            problems.append(f"{path} at {width} px:\n{describe(violations)}")
        overflow = sideways_overflow(dash_duo)
        if overflow:
            problems.append(f"{path} at {width} px scrolls sideways:\n    " + "\n    ".join(overflow))
    assert problems == [], "\n".join(problems)
    assert console_errors(dash_duo) == []


def test_a11y002_projector_mode_passes_axe(dash_duo, app):
    start(dash_duo, app, "/forums?lang=es&projector=1")
    dash_duo.driver.set_script_timeout(90)
    settle(dash_duo, PAGES["/forums"])
    assert dash_duo.driver.execute_script("return document.documentElement.classList.contains('projector')")
    violations = axe_violations(dash_duo)
    assert violations == [], describe(violations)


def focused(dash_duo) -> dict:
    """What has the keyboard focus, and whether its focus ring shows."""
    return dash_duo.driver.execute_script(
        """
        var e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName, id: e.id, text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 60),
                cls: String(e.className), ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
        """
    )


def tab_until(dash_duo, match, limit: int = 60) -> dict:
    for _ in range(limit):
        dash_duo.driver.switch_to.active_element.send_keys(Keys.TAB)
        now = focused(dash_duo)
        if match(now):
            return now
    raise AssertionError(f"the keyboard never reached the control within {limit} tabs")


def test_a11y003_keyboard_reaches_and_works_the_controls_with_a_visible_focus(dash_duo, app):
    start(dash_duo, app, "/forums?lang=en")
    settle(dash_duo, PAGES["/forums"])
    # The first stop skips the header and lands in the main content.
    dash_duo.find_element("body").send_keys(Keys.TAB)
    first = focused(dash_duo)
    assert first["cls"] == "skip-link" and first["ring"], first
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert focused(dash_duo)["tag"] == "MAIN"
    # Every stop on the way to the forum choice shows its focus.
    stops = []
    box = tab_until(dash_duo, lambda f: stops.append(f) or (f["tag"] == "INPUT" and "check" in f["cls"]))
    assert all(stop["ring"] for stop in stops), [s for s in stops if not s["ring"]]
    # Space ticks the first forum (the national forum): it joins the comparison and the URL.
    before = current_search(dash_duo)
    dash_duo.driver.switch_to.active_element.send_keys(Keys.SPACE)
    WebDriverWait(dash_duo.driver, 15).until(lambda _d: current_search(dash_duo) != before)
    assert "PER-FMGA" in current_search(dash_duo), box
    # A table's scroll box is a stop of its own, named after its table.
    region = tab_until(dash_duo, lambda f: f["cls"].startswith("table-responsive"))
    assert region["ring"]
    assert dash_duo.driver.switch_to.active_element.get_attribute("aria-label")
    assert console_errors(dash_duo) == []

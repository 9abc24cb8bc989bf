"""/forums in a browser: the pilots side by side, selection in the URL both
ways, the one-forum panel, the language switch, sample marks."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from dashboard.components.common import dom_id
from dashboard.pages.forums import FIGURES, graph_id
from tests.browser import choose, console_errors, current_search, start, tick

pytestmark = pytest.mark.browser

COMPARE = f"[id='{dom_id(ids.filter_id('forums'))}']"
ONE = f"[id='{dom_id(ids.filter_id('forum'))}']"
COLUMN_FIGURES = [key for key, _, _ in FIGURES if key not in ("composition", "cumulative")]


@pytest.fixture
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=dt.date(2026, 11, 27))


def figure(dash_duo, key: str) -> dict:
    """The figure plotly drew for a chart: its traces and layout, as the browser has them."""
    return dash_duo.driver.execute_script(
        "var gd = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "if (!gd || !gd.data) { return null; }"
        "return {data: gd.data.map(function (t) { return {name: t.name, xaxis: t.xaxis,"
        "  n: (t.y || []).length}; }), titles: (gd.layout.annotations || []).map(function (a) { return a.text; }),"
        "  columns: Object.keys(gd.layout).filter(function (k) { return /^xaxis/.test(k); }).length};",
        f"#{graph_id(key)}",
    )


def wait_for_columns(dash_duo, names: list[str], absent: tuple[str, ...] = ()) -> dict:
    """Wait until every column chart shows exactly these forums; return the figures."""

    def ready():
        figs = {key: figure(dash_duo, key) for key, _, _ in FIGURES}
        if any(f is None for f in figs.values()):
            return False
        for key in COLUMN_FIGURES:
            titles = " ".join(figs[key]["titles"])
            if (
                figs[key]["columns"] != len(names)
                or not all(n in titles for n in names)
                or any(a in titles for a in absent)
            ):
                return False
        return figs

    figs = None
    dash_duo.wait_for_element(f"#{graph_id('progress')} .js-plotly-plot", timeout=30)

    def check(_driver):
        nonlocal figs
        figs = ready()
        return bool(figs)

    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(dash_duo.driver, 30).until(check)
    return figs


def test_fbr001_both_pilots_drawn_side_by_side_with_data_and_marked_as_sample(dash_duo, app):
    start(dash_duo, app, "/forums?lang=es")
    figs = wait_for_columns(dash_duo, ["Ambiente", "Vivienda"], absent=("Gobierno Abierto",))
    for key in COLUMN_FIGURES:
        drawn = [t for t in figs[key]["data"] if t["n"]]
        assert {t["xaxis"] for t in drawn} == {"x", "x2"}, key  # data in both columns
    assert len(figs["cumulative"]["data"]) == 2 and all(t["n"] > 5 for t in figs["cumulative"]["data"])
    # the default selection is written into the link, so it can be shared
    assert "forums=PER-AMBIENTE,PER-VIVIENDA" in current_search(dash_duo)
    badges = dash_duo.find_elements(".sample-badge")
    assert len(badges) >= len(FIGURES) + 1 and all(b.is_displayed() for b in badges)
    assert badges[0].text == "Datos de muestra"
    summary = dash_duo.find_element("#forums-summary").text
    assert "Foro Multiactor piloto – Ambiente" in summary and "✓ Ninguno" in summary
    assert "Acta no publicada" in dash_duo.find_element("#forums-panel").text
    assert console_errors(dash_duo) == []


def test_fbr002_changing_the_selection_changes_every_chart_and_the_url(dash_duo, app):
    start(dash_duo, app, "/forums?lang=es&forums=PER-AMBIENTE,PER-VIVIENDA")
    wait_for_columns(dash_duo, ["Ambiente", "Vivienda"])
    tick(dash_duo, COMPARE, "Foro Multiactor de Gobierno Abierto · Nacional")
    figs = wait_for_columns(dash_duo, ["Ambiente", "Vivienda", "Gobierno Abierto"])
    assert len(figs["cumulative"]["data"]) == 3
    assert any(t["n"] == 3 for t in figs["composition"]["data"])  # a bar per forum
    assert "forums=PER-AMBIENTE,PER-VIVIENDA,PER-FMGA" in current_search(dash_duo)
    # the national forum's 2020 gap breaches the 180-day rule
    assert "⚠ 238 días" in " ".join(figs["gaps"]["titles"])
    dash_duo.wait_for_contains_text("#forums-summary", "⚠ 1 (el más largo: 238 días)", timeout=10)
    assert console_errors(dash_duo) == []


def test_fbr003_a_shared_link_restores_the_selection_and_the_panel(dash_duo, app):
    start(dash_duo, app, "/forums?lang=en&forums=PER-VIVIENDA,PER-FMGA&forum=PER-FMGA")
    wait_for_columns(dash_duo, ["Vivienda", "Gobierno Abierto"], absent=("Ambiente",))
    dash_duo.wait_for_text_to_equal(".forums-panel-name", "Foro Multiactor de Gobierno Abierto", timeout=15)
    assert dash_duo.find_element(ONE).get_attribute("value") == "PER-FMGA"
    assert "8 Jul 2026" in dash_duo.find_element(".forum-meetings").text
    search = current_search(dash_duo)
    assert "forums=PER-VIVIENDA,PER-FMGA" in search and "forum=PER-FMGA" in search
    assert console_errors(dash_duo) == []


def test_fbr004_the_one_forum_panel_follows_its_selector(dash_duo, app):
    start(dash_duo, app, "/forums?lang=en&forums=PER-AMBIENTE,PER-VIVIENDA")
    dash_duo.wait_for_text_to_equal(".forums-panel-name", "Foro Multiactor piloto – Ambiente", timeout=20)
    wait_for_columns(dash_duo, ["Ambiente", "Vivienda"])
    choose(dash_duo, ONE, "Foro Multiactor piloto – Vivienda · Sector pilot")
    dash_duo.wait_for_text_to_equal(".forums-panel-name", "Foro Multiactor piloto – Vivienda", timeout=15)
    dash_duo.wait_for_contains_text(".forum-meetings", "21 Aug 2019", timeout=10)
    assert "forum=PER-VIVIENDA" in current_search(dash_duo)
    members = dash_duo.find_element(".forum-members").text
    assert "Stakeholder type" in members and "Current" in members
    assert console_errors(dash_duo) == []


def test_fbr005_language_switch_translates_titles_legends_and_tables(dash_duo, app):
    start(dash_duo, app, "/forums?lang=es&forums=PER-AMBIENTE,PER-VIVIENDA")
    figs = wait_for_columns(dash_duo, ["Ambiente", "Vivienda"])
    assert "Gobierno nacional" in {t["name"] for t in figs["members"]["data"]}
    dash_duo.find_element(f"[id='{dom_id(ids.lang_link_id('en'))}']").click()
    dash_duo.wait_for_text_to_equal("h1.page-title", "Multistakeholder forums", timeout=15)
    dash_duo.wait_for_contains_text("#forums-members", "Who sits on each forum", timeout=15)
    figs = wait_for_columns(dash_duo, ["Ambiente", "Vivienda"])
    names = {t["name"] for t in figs["members"]["data"]}
    assert "National government" in names and "Gobierno nacional" not in names
    assert "OGP maximum: 180 days" in figs["gaps"]["titles"]
    assert dash_duo.find_element(".sample-badge").text == "Sample data"
    search = current_search(dash_duo)
    assert "lang=en" in search and "forums=PER-AMBIENTE,PER-VIVIENDA" in search
    assert console_errors(dash_duo) == []


def _arrangement(dash_duo, key: str) -> dict:
    """How a chart's panels sit: each x axis's and y axis's domain, and whether
    the chart is wider than its panel."""
    return dash_duo.driver.execute_script(
        "var gd = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "var panel = gd.closest('section').getBoundingClientRect(), box = gd.getBoundingClientRect();"
        "var keys = Object.keys(gd.layout).filter(function (k) { return /^[xy]axis\\d*$/.test(k); }).sort();"
        "var out = {wider: box.right > panel.right + 1, stacked: !!(gd.layout.meta && gd.layout.meta.ogpStacked)};"
        "keys.forEach(function (k) { out[k] = gd.layout[k].domain; });"
        "return out;",
        f"#{graph_id(key)}",
    )


def test_fbr_on_a_phone_the_columns_become_rows_on_the_same_scale(dash_duo, app):
    start(dash_duo, app, "/forums?lang=es")
    dash_duo.driver.set_window_size(390, 900)
    wait_for_columns(dash_duo, ["Ambiente", "Vivienda"])
    for key in [*COLUMN_FIGURES, "composition"]:
        WebDriverWait(dash_duo.driver, 15).until(lambda _d, k=key: _arrangement(dash_duo, k)["stacked"])
        drawn = _arrangement(dash_duo, key)
        assert not drawn["wider"], key
        assert drawn["xaxis"] == [0, 1] and drawn["xaxis2"] == [0, 1], key  # full width, each forum
        assert drawn["yaxis2"][1] < drawn["yaxis"][0], key  # the second forum's row under the first's
    # The same scale: y axes still matched to the first.
    matched = dash_duo.driver.execute_script(
        "var gd = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return [gd.layout.yaxis2.matches, gd._fullLayout.yaxis.range, gd._fullLayout.yaxis2.range];",
        f"#{graph_id('attendance')}",
    )
    assert matched[0] == "y" and matched[1] == matched[2]
    # Back on a wide screen, columns again.
    dash_duo.driver.set_window_size(1280, 900)
    WebDriverWait(dash_duo.driver, 15).until(lambda _d: not _arrangement(dash_duo, "members")["stacked"])
    wide = _arrangement(dash_duo, "members")
    assert wide["xaxis"][1] < wide["xaxis2"][0] and wide["yaxis"] == wide["yaxis2"]
    assert console_errors(dash_duo) == []


def test_fbr_on_a_tablet_two_forums_stay_columns_and_three_become_rows(dash_duo, app):
    start(dash_duo, app, "/forums?lang=es")
    dash_duo.driver.set_window_size(800, 900)
    wait_for_columns(dash_duo, ["Ambiente", "Vivienda"])
    two = _arrangement(dash_duo, "members")
    assert not two["stacked"] and not two["wider"] and two["xaxis"][1] < two["xaxis2"][0]
    tick(dash_duo, COMPARE, "Foro Multiactor de Gobierno Abierto · Nacional")
    wait_for_columns(dash_duo, ["Ambiente", "Vivienda", "Gobierno Abierto"])
    WebDriverWait(dash_duo.driver, 15).until(lambda _d: _arrangement(dash_duo, "members")["stacked"])
    three = _arrangement(dash_duo, "members")
    assert not three["wider"] and three["xaxis3"] == [0, 1] and three["yaxis3"][1] < three["yaxis2"][0]
    assert console_errors(dash_duo) == []

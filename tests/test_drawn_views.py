"""The views' drawn data: what the callbacks cache for the overview, the forum
comparison, the one-forum panel and the forum brief is data (the cache refuses
components), and the components drawn from it are the ones drawn directly."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from dashboard.cache import cached, check_data

TODAY = dt.date(2026, 11, 27)
PILOTS = ["PER-AMBIENTE", "PER-VIVIENDA"]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def peru_url(request, tmp_path_factory):
    """Peru's seed and sample on each backend, shared by this module (read only)."""
    from data.seed import seed_database
    from tests.conftest import temporary_postgres_database

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('drawn') / 'peru.sqlite3'}"
        seed_database(url)
        yield url
        return
    with temporary_postgres_database() as url:
        seed_database(url)
        yield url


def same(a, b) -> bool:
    return to_json_plotly(a) == to_json_plotly(b)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_drw001_comparison_drawn_is_data_and_draws_the_same(peru_url, lang):
    from dashboard.pages import forums as page
    from data import forum_indicators as ind
    from data.queries import forums as queries

    codes = PILOTS + ["PER-FMGA"]
    drawn = page.comparison_drawing(peru_url, codes, TODAY, lang)
    check_data(drawn)
    assert set(drawn["figures"]) == set(drawn["summaries"]) == {key for key, _, _ in page.FIGURES}
    assert drawn["forums"] == 3
    direct = page.comparison_view(
        ind.merge_comparisons([queries.comparison(peru_url, [c], TODAY) for c in codes]), lang
    )
    assert same(page.comparison_sections(drawn, lang), direct)


def test_drw002_panel_tables_are_data(peru_url):
    from dashboard.pages import forums as page

    tables = page.panel_tables(peru_url, "PER-FMGA", TODAY)
    check_data(tables)
    assert len(tables["meetings"]) and len(tables["members"])
    assert isinstance(tables["name"], str)


@pytest.mark.parametrize("plan", [None, "AP_PER03"])
def test_drw003_overview_charts_are_data_and_draw_the_same(peru_url, plan):
    from dashboard.pages.overview_sections import charts, content, overview_charts
    from data.queries.overview import overview

    args = ("PER", plan, None, None, None, None, TODAY.isoformat())
    drawn = overview_charts(peru_url, *args, "en")
    check_data(drawn)
    data = overview(peru_url, *args)
    assert same(drawn, charts(data, "en"))
    params = {"lang": "en", "country": "PER", "plan": plan}
    assert same(content(data, "en", params, drawn), content(data, "en", params))


def test_drw004_brief_drawn_is_data_and_draws_the_same(peru_url):
    from dashboard.pages import forum_brief as page
    from data.queries import forum_brief as queries

    for code, day in (("PER-AMBIENTE", None), ("PER-FMGA", None), ("PER-VIVIENDA", dt.date(2019, 4, 16))):
        drawn = page.brief_drawing(peru_url, code, TODAY, day, "es")
        check_data(drawn)
        brief = queries.forum_brief(peru_url, code, TODAY, day)
        assert same(page.brief_view(brief, "es", "?lang=es", drawn), page.brief_view(brief, "es", "?lang=es"))
    assert page.brief_drawing(peru_url, "PER-NONE", TODAY, None, "es") is None


def test_drw005_a_warm_request_draws_nothing_again(peru_url, monkeypatch):
    """Through the app's cache the drawing is computed once per language; the
    second request only reads it."""
    from dashboard.factory import create_app
    from dashboard.pages import forums as page

    app = create_app(peru_url, today=TODAY, migrate=False, cache_config={"CACHE_TYPE": "SimpleCache"})
    with app.server.test_request_context("/"):
        first = cached(peru_url, page.comparison_drawing, PILOTS, TODAY, "es")
    monkeypatch.setattr(page, "drawn_comparison", lambda *a: pytest.fail("drawn again"))
    with app.server.test_request_context("/"):
        again = cached(peru_url, page.comparison_drawing, PILOTS, TODAY, "es")
    assert same(first["figures"], again["figures"]) and first["summaries"] == again["summaries"]
    assert first["table"] == again["table"] and first["export"].rows == again["export"].rows
    with app.server.test_request_context("/"), pytest.raises(pytest.fail.Exception):
        cached(peru_url, page.comparison_drawing, PILOTS, TODAY, "en")  # another language is drawn apart


def test_drw006_people_texts_one_pass_in_theme_order():
    from dashboard import theme
    from dashboard.pages.forum_brief import people_texts

    kinds = list(theme.STAKEHOLDER_COLOURS)
    attendance = pd.DataFrame(
        {
            "meeting_id": [2, 1, 1, 2],
            "stakeholder_type": [kinds[1], kinds[1], kinds[0], kinds[0]],
            "persons": [3, 2, 4, float("nan")],
        }
    )
    texts = people_texts(attendance, "en")
    assert set(texts) == {1, 2}
    total, parts = texts[1]
    assert "6" in total
    assert parts.index(": 4") < parts.index(": 2")  # the theme's first type first
    assert "3" in texts[2][0]
    assert people_texts(attendance.iloc[:0], "en") == {}

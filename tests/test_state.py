"""The URL's query string: parsed strictly, written canonically."""

from __future__ import annotations

from dash import no_update

from callbacks.url_state import sync
from dashboard import ids
from dashboard.state import global_query, parse_query, to_query


def test_sta001_round_trip_in_canonical_order():
    params, bad = parse_query("?plan=AP_PER03&lang=en&forums=PER-AMBIENTE,PER-VIVIENDA&start=2018-01-01")
    assert bad == []
    assert params["forums"] == ["PER-AMBIENTE", "PER-VIVIENDA"]
    assert to_query(params) == "?lang=en&plan=AP_PER03&start=2018-01-01&forums=PER-AMBIENTE,PER-VIVIENDA"


def test_sta002_garbage_is_dropped_and_named():
    params, bad = parse_query("?plan=%3Cscript%3E&page=-3&start=2019-02-30&lang=fr&zzz=1&country=PER")
    assert params == {"country": "PER"}
    assert sorted(bad) == ["lang", "page", "plan", "start", "zzz"]


def test_sta003_empty_values_are_left_out():
    assert to_query({"plan": None, "forums": [], "q": ""}) == ""
    assert parse_query("?plan=&q=")[0] == {}


def test_sta004_global_query_keeps_only_what_follows_the_user():
    params, _ = parse_query("?lang=es&country=PER&plan=AP_PER03&q=agua&page=2")
    assert global_query(params) == "?lang=es&country=PER&plan=AP_PER03"


def test_sta005_filter_change_writes_the_url():
    search, values, dates = sync(
        "?lang=es", ["AP_PER03", []], [None], [{"name": "plan"}, {"name": "forums"}], [{"name": "start"}], None
    )
    assert search == "?lang=es&plan=AP_PER03"
    assert values == [no_update, no_update]


def test_sta006_url_change_sets_the_filters():
    search, values, dates = sync(
        "?lang=es&plan=AP_PER04&start=2020-01-01",
        ["AP_PER03", []],
        [None],
        [{"name": "plan"}, {"name": "forums"}],
        [{"name": "start"}],
        ids.URL,
    )
    assert search is no_update
    assert values == ["AP_PER04", no_update]
    assert dates == ["2020-01-01"]


def test_sta007_nothing_changes_when_url_and_filters_agree():
    search, values, dates = sync("?lang=es&plan=AP_PER03", ["AP_PER03"], [], [{"name": "plan"}], [], None)
    assert search is no_update

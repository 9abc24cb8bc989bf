"""One way to read user input: every value a callback passes on was checked by
dashboard.state's declared parameters.  Browser-free."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from dashboard.state import BY_NAME, PARAMS, PATH_PARAMS, Context, read, read_context, read_date, read_path

TODAY = dt.date(2026, 11, 27)
MARK = "HOSTILE"
HOSTILE = f"<{MARK}>"

# Shapes a crafted request can give any value: none of them is a valid parameter.
HOSTILE_SHAPES = (
    HOSTILE,
    [HOSTILE],
    {"x": HOSTILE},
    "x" * 1001,
    "\x00\x01",
    True,
    3.5,
    " ",
)


# --- the rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", PARAMS + PATH_PARAMS, ids=lambda s: s.name)
def test_inp001_every_parameter_drops_every_hostile_shape(spec):
    check = (lambda v: read(spec.name, v)) if spec.name in BY_NAME else (lambda v: read_path(spec.name, {spec.name: v}))
    for value in HOSTILE_SHAPES:
        if spec.kind == "bool" and value is True:
            continue  # the one value a flag may have
        assert check(value) is None, (spec.name, value)


def test_inp002_valid_values_read_as_the_url_parses_them():
    assert read("plan", "AP_PER03") == "AP_PER03"
    assert read("plan", 7) == "7"  # a code may look like a number
    assert read("forums", ["PER-AMB", "PER-VIV"]) == ["PER-AMB", "PER-VIV"]
    assert read("forums", "PER-AMB,PER-VIV") == ["PER-AMB", "PER-VIV"]
    assert read("forums", ["PER-AMB", HOSTILE]) is None  # one bad item spoils the list, as in a URL
    assert read("forums", []) is None and read("plan", "") is None and read("plan", None) is None
    assert read("asof", "2018-06-30T00:00:00") == "2018-06-30"
    assert read_date("asof", "2018-06-30") == dt.date(2018, 6, 30) and read_date("asof", "nope") is None
    assert read("page", 3) == 3 and read("page", "3") == 3 and read("page", True) is None and read("page", -5) is None
    assert read("start", "2019-02-30") is None and read("start", 20190101) is None
    assert read("projector", True) is True and read("projector", False) is None
    assert read("status", "late") == "late" and read("status", "LATE") is None
    assert read_path("commitment_id", {"commitment_id": "PE0066"}) == "PE0066"
    assert read_path("commitment_id", {"commitment_id": "x" * 21}) is None
    assert read_path("forum_code", {}) is None and read_path("forum_code", None) is None


def test_inp003_a_context_store_is_checked_and_says_what_it_dropped():
    assert read_context({"lang": "en", "country": "PER", "projector": True}) == Context("en", "PER", True)
    assert read_context(None) == Context("es")
    hostile = read_context({"lang": HOSTILE, "country": "'; DROP TABLE countries; --", "projector": HOSTILE})
    assert hostile == Context("es", None, False, dropped=("lang", "country", "projector"))
    assert read_context({"lang": "es", "projector": False}).dropped == ()


# --- each view's parse layer --------------------------------------------------------------------


def test_inp004_views_drop_hostile_values_before_their_queries():
    import pandas as pd
    from dash.exceptions import PreventUpdate

    from callbacks.engagement import selection as engagement_selection
    from callbacks.explorer import page_context, shown_ids
    from callbacks.forum_brief import brief_context
    from callbacks.forums import selection as forum_selection
    from callbacks.overview import reference_date
    from callbacks.timeline import page_number
    from callbacks.url_state import sync

    chosen, lang, period, start, end = engagement_selection(
        {"country": HOSTILE, "lang": HOSTILE},
        {name: HOSTILE for name in ("forums", "commitment", "plan", "channel", "period", "start", "end")},
    )
    assert MARK not in repr(chosen) and (lang, period, start, end) == ("es", "quarter", None, None)

    with pytest.raises(PreventUpdate):
        page_context({"lang": "es", "country": HOSTILE})
    assert page_context({"lang": HOSTILE, "country": "PER"}) == ("es", "PER")
    assert shown_ids(["PE0001", HOSTILE, 3]) == ["PE0001"] and shown_ids(HOSTILE) is None

    assert brief_context({"lang": "en", "code": HOSTILE, "query": f"?lang=en&plan={HOSTILE}"}) == (
        "en",
        None,
        "?lang=en",
    )
    assert brief_context({"code": "PER-AMB", "query": 5}) == ("es", "PER-AMB", "")

    forums = pd.DataFrame({"code": ["A", "V"], "kind": ["sector_pilot", "sector_pilot"]})
    assert forum_selection(HOSTILE, forums) == forum_selection(None, forums)

    assert reference_date(HOSTILE, TODAY) is None and reference_date("2030-01-01", TODAY) == TODAY.isoformat()
    assert page_number(HOSTILE) is None and page_number(0) is None and page_number(2) == 2

    # A filter holding what the URL cannot hold leaves the URL as it was.
    search, _, _ = sync("?lang=es", [HOSTILE], [HOSTILE], [{"name": "plan"}], [{"name": "start"}], None)
    assert search == "?lang=es" or MARK not in str(search)


def test_inp005_timeline_selection_drops_hostile_filters(monkeypatch):
    import pandas as pd

    import callbacks.timeline as timeline

    seen = []

    def fake_cached(app, fn, *args):
        seen.append(args)
        return pd.DataFrame()

    monkeypatch.setattr(timeline, "cached", fake_cached)
    monkeypatch.setattr(timeline.queries, "select_milestones", lambda frame, state, first, last: (state, first, last))
    monkeypatch.setattr(timeline, "today_of", lambda app: TODAY)
    monkeypatch.setattr(timeline, "database_url_of", lambda app: "sqlite://")
    chosen = timeline.selection(None, HOSTILE, HOSTILE, HOSTILE, HOSTILE, "no_data", HOSTILE, HOSTILE, HOSTILE)
    assert MARK not in repr(seen) and chosen.frame == (None, None, None)
    assert chosen.filters == dict.fromkeys(("plan", "area", "institution", "status", "start", "end", "asof"))


# --- every callback of the app, through HTTP ----------------------------------------------------


def _wildcard(dep_id: str) -> bool:
    return dep_id.startswith("{") and any(isinstance(v, list) for v in json.loads(dep_id).values())


def _request(key: str, spec: dict, value_of) -> dict:
    def item(dep):
        dep_id = json.loads(dep["id"]) if dep["id"].startswith("{") else dep["id"]
        return {"id": dep_id, "property": dep["property"], "value": value_of(dep)}

    outputs = [p for p in key.strip(".").split("...") if p] if key.startswith("..") else [key]
    out = []
    for part in outputs:
        cid, prop = part.rsplit(".", 1)
        out.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop.split("@")[0]})
    return {
        "output": key,
        "outputs": out if key.startswith("..") else out[0],
        "inputs": [item(d) for d in spec["inputs"]],
        "state": [item(d) for d in spec.get("state", [])],
        "changedPropIds": [f"{d['id']}.{d['property']}" for d in spec["inputs"][:1]],
    }


def _rounds():
    """Per round, the value a dependency gets: every value hostile; or a valid
    context with every other value hostile (so a view that checks its context
    first cannot stop before reading its filters)."""
    context = {"lang": "es", "country": "PER", "code": "PER-AMBIENTE", "query": "?lang=es"}
    hostile_store = {
        "lang": HOSTILE,
        "country": HOSTILE,
        "code": HOSTILE,
        "query": f"?plan={HOSTILE}",
        "projector": HOSTILE,
        "page": HOSTILE,
        "pages": HOSTILE,
        "points": [{"customdata": [HOSTILE, HOSTILE, HOSTILE]}],
    }
    return [
        lambda dep: HOSTILE,
        lambda dep: [HOSTILE],
        lambda dep: hostile_store,
        lambda dep: context if dep["id"].endswith("context") else HOSTILE,
        lambda dep: context if dep["id"].endswith("context") else [HOSTILE],
        lambda dep: 1 if dep["property"] == "n_clicks" else context if dep["id"].endswith("context") else HOSTILE,
    ]


def test_inp006_no_hostile_value_reaches_a_cache_key_or_a_traceback(seeded_url, monkeypatch):
    """Each server callback gets hostile values in every input and state: it
    answers (200, 204, or 400 when the server refuses the request first; never
    an error) and no cache key holds them."""
    import dashboard.cache
    from dashboard.factory import create_app

    real = dashboard.cache.cached
    keys: list[str] = []

    def spy(app, fn, *args, **kwargs):
        keys.append(f"{getattr(fn, '__qualname__', fn)}{args!r}{kwargs!r}")
        return real(app, fn, *args, **kwargs)

    app = create_app(seeded_url, today=TODAY, migrate=False)  # imports every callback module
    for module in list(sys.modules.values()):
        if getattr(module, "cached", None) is real:
            monkeypatch.setattr(module, "cached", spy)
    client = app.server.test_client()
    tried, cached_calls = set(), 0
    for key, spec in app.callback_map.items():
        if "callback" not in spec:  # clientside
            continue
        deps = spec["inputs"] + spec.get("state", [])
        if any(_wildcard(d["id"]) for d in deps) or "ALL" in key or "MATCH" in key:
            continue  # pattern-matched callbacks: their pure cores are tested above and in test_state
        for value_of in _rounds():
            keys.clear()
            answer = client.post("/_dash-update-component", json=_request(key, spec, value_of))
            assert answer.status_code in (200, 204, 400), (key, answer.data[:300])  # 400: refused before it
            assert not [k for k in keys if MARK in k], key
            cached_calls += len(keys)
        tried.add(key.strip(".").split(".")[0])
    # The views' content callbacks were all reached.
    for output in ("overview-content", "explorer-grid", "engagement-kpis", "forums-comparison", "brief-content"):
        assert output in tried
    assert "timeline-summary" in tried and "forums-panel" in tried
    assert cached_calls > 50  # the spy saw the views' queries


def test_inp007_one_test_for_a_missing_value():
    import numpy as np
    import pandas as pd

    from data.missing import is_missing

    assert all(is_missing(v) for v in (None, float("nan"), np.nan, pd.NA, pd.NaT, np.datetime64("NaT")))
    values = ("", "x", [], (), {}, 0, 0.0, False, dt.date(2020, 1, 1), pd.Timestamp("2020-01-01"), np.array([np.nan]))
    assert not any(is_missing(v) for v in values)

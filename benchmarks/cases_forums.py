"""Benchmark cases of /forums: the comparison, the default-selection filler
and the one-forum panel, as the browser sends them."""

from __future__ import annotations

from dashboard import ids
from dashboard.components.common import dom_id
from dashboard.pages import page_named

COMPARE = dom_id(ids.filter_id("forums"))
ONE = dom_id(ids.filter_id("forum"))
VIEW = page_named("forums").path


def _value(component: str, value) -> dict:
    return {"id": ids.filter_id("forums" if component == COMPARE else "forum"), "property": "value", "value": value}


def cases(country: str, plan: str | None) -> list[tuple]:
    context = {"forums-context.data": {"lang": "es", "country": country, "projector": False}}
    pilots = ["PER-AMBIENTE", "PER-VIVIENDA"]
    every = pilots + ["PER-FMGA"]
    return [
        (
            VIEW,
            "comparison, default (pilots)",
            ("forums-comparison.children",),
            {**context, f"{COMPARE}.value": _value(COMPARE, [])},
        ),
        (
            VIEW,
            "comparison, three forums",
            ("forums-comparison.children",),
            {**context, f"{COMPARE}.value": _value(COMPARE, every)},
        ),
        (
            VIEW,
            "default selection into the selector",
            ('"name":"forums"', "value@"),
            {**context, "url.search": f"?lang=es&country={country}"},
        ),
        (
            VIEW,
            "one-forum panel (national forum)",
            ("forums-panel.children",),
            {**context, f"{ONE}.value": _value(ONE, "PER-FMGA"), f"{COMPARE}.value": _value(COMPARE, pilots)},
        ),
    ]

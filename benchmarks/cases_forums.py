"""Benchmark cases of /forums: the comparison, the default-selection filler
and the one-forum panel, as the browser sends them."""

from __future__ import annotations

from dashboard import ids
from dashboard.components.common import dom_id

COMPARE = dom_id(ids.filter_id("forums"))
ONE = dom_id(ids.filter_id("forum"))


def _value(component: str, value) -> dict:
    return {"id": ids.filter_id("forums" if component == COMPARE else "forum"), "property": "value", "value": value}


def cases(country: str, plan: str | None) -> list[tuple]:
    context = {"forums-context.data": {"lang": "es", "country": country, "projector": False}}
    pilots = ["PER-AMBIENTE", "PER-VIVIENDA"]
    every = pilots + ["PER-FMGA"]
    return [
        (
            "/forums",
            "comparison, default (pilots)",
            ("forums-comparison.children",),
            {**context, f"{COMPARE}.value": _value(COMPARE, [])},
        ),
        (
            "/forums",
            "comparison, three forums",
            ("forums-comparison.children",),
            {**context, f"{COMPARE}.value": _value(COMPARE, every)},
        ),
        (
            "/forums",
            "default selection into the selector",
            ('"name":"forums"', "value@"),
            {**context, "url.search": f"?lang=es&country={country}"},
        ),
        (
            "/forums",
            "one-forum panel (national forum)",
            ("forums-panel.children",),
            {**context, f"{ONE}.value": _value(ONE, "PER-FMGA"), f"{COMPARE}.value": _value(COMPARE, pilots)},
        ),
    ]

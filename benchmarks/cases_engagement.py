"""Benchmark cases of the engagement view: its three callbacks, as filters change."""

from __future__ import annotations

import json

from dashboard import ids
from dashboard.pages import page_named

# Each callback is found by one of its outputs.
CALLBACKS = {
    "overview": "engagement-kpis.children",
    "history": "engagement-flow-body.children",
    "contributions": "engagement-gender-body.children",
}


def _filter_value(name: str, value, prop: str = "value") -> tuple[str, dict]:
    """A filter input as the browser sends it: its id is a dict, not a wildcard."""
    component_id = ids.date_filter_id(name) if prop == "date" else ids.filter_id(name)
    key = json.dumps(component_id, sort_keys=True, separators=(",", ":")) + "." + prop
    return key, {"id": component_id, "property": prop, "value": value}


def _values(
    country: str, *, forums=None, commitment=None, plan=None, channel=None, period="quarter", start=None, end=None
) -> dict:
    values = {"engagement-context.data": {"country": country, "lang": "es"}}
    for name, value in (
        ("forums", forums),
        ("commitment", commitment),
        ("plan", plan),
        ("channel", channel),
        ("period", period),
    ):
        key, item = _filter_value(name, value)
        values[key] = item
    for name, value in (("start", start), ("end", end)):
        key, item = _filter_value(name, value, "date")
        values[key] = item
    return values


def cases(country: str, plan: str | None) -> list[tuple]:
    selections = {
        "everything, by quarter": _values(country, plan=plan),
        "by month": _values(country, plan=plan, period="month"),
        "forum meetings of two forums, 2019-2021": _values(
            country,
            forums=["PER-AMBIENTE", "PER-FMGA"],
            channel=["forum_meeting", "workshop"],
            start="2019-01-01",
            end="2021-12-31",
        ),
    }
    return [
        (page_named("engagement").path, f"{part}: {label}", (output,), values)
        for label, values in selections.items()
        for part, output in CALLBACKS.items()
    ]

"""Benchmark cases for the milestone timeline's callbacks (see benchmarks/cases.py).

``timeline_values`` builds what the browser sends to them; the tests use it too.
"""

from __future__ import annotations

import json

from dashboard.pages import page_named

FILTERS = ("plan", "area", "institution", "status", "period", "page", "country")
DATES = ("start", "end", "asof")
SUMMARY = ("timeline-summary.children",)
GANTT = ("timeline-gantt.className",)


def _key(name: str, kind: str, prop: str) -> str:
    return json.dumps({"name": name, "type": kind}, sort_keys=True, separators=(",", ":")) + "." + prop


def timeline_values(country: str | None, lang: str = "es", **chosen) -> dict:
    """Every input and state of the timeline's callbacks, as the browser sends them."""
    values = {}
    for names, kind, prop in ((FILTERS, "filter", "value"), (DATES, "date-filter", "date")):
        for name in names:
            value = country if name == "country" else chosen.get(name)
            values[_key(name, kind, prop)] = {"id": {"name": name, "type": kind}, "property": prop, "value": value}
    values["timeline-lang.data"] = lang
    values["url.search"] = f"?lang={lang}" + (f"&country={country}" if isinstance(country, str) else "")
    return values


def cases(country: str, plan: str | None) -> list[tuple]:
    view = page_named("timeline").path
    base = {"plan": plan} if plan else {}
    return [
        (view, "summary + due chart, every milestone", SUMMARY, timeline_values(country, **base)),
        (
            view,
            "summary + due chart, late, by month",
            SUMMARY,
            timeline_values(country, status="late", period="month", **base),
        ),
        (view, "summary + due chart, as of 2019-06-30", SUMMARY, timeline_values(country, asof="2019-06-30", **base)),
        (view, "Gantt, page 1", GANTT, timeline_values(country, **base)),
        (view, "Gantt, late, page 3", GANTT, timeline_values(country, status="late", page=3, **base)),
        (view, "Gantt, as of 2019-06-30, page 2", GANTT, timeline_values(country, asof="2019-06-30", page=2, **base)),
        (
            view,
            "Gantt, window 2019, last page",
            GANTT,
            timeline_values(country, start="2019-01-01", end="2019-12-31", page=9999, **base),
        ),
    ]

"""Benchmark cases of the forum brief (/forums/<code>/brief; its page render
is among the router's cases): the brief drawn for a pilot at its close, for the
national forum today and for a pilot as of a meeting date."""

from __future__ import annotations

from dashboard import ids
from dashboard.components.common import dom_id
from dashboard.pages import page_named

ASOF = dom_id(ids.date_filter_id("asof"))


def _asof(value) -> dict:
    return {"id": ids.date_filter_id("asof"), "property": "date", "value": value}


def cases(country: str, plan: str | None) -> list[tuple]:
    if country != "PER":  # the brief's forums are Peru's
        return []
    view = page_named("forum_brief").path

    def brief(code: str, lang: str = "es") -> dict:
        return {"brief-context.data": {"lang": lang, "code": code, "query": f"?lang={lang}&country={country}"}}

    return [
        (
            view,
            "brief, Ambiente at its close",
            ("brief-content.children",),
            {**brief("PER-AMBIENTE"), f"{ASOF}.date": _asof(None)},
        ),
        (
            view,
            "brief, national forum today",
            ("brief-content.children",),
            {**brief("PER-FMGA"), f"{ASOF}.date": _asof(None)},
        ),
        (
            view,
            "brief, Vivienda as of a meeting (en)",
            ("brief-content.children",),
            {**brief("PER-VIVIENDA", "en"), f"{ASOF}.date": _asof("2019-04-16")},
        ),
    ]

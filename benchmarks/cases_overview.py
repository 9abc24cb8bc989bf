"""Benchmark cases for the overview (/) and the Data page (/data).

``overview_values`` builds what the browser sends to the overview's callback;
the tests use it too.
"""

from __future__ import annotations

from dashboard import ids
from dashboard.components.common import dom_id
from dashboard.pages import page_named

VIEW = page_named("overview").path


def _item(component_id: dict, prop: str, value) -> dict:
    return {"id": component_id, "property": prop, "value": value}


def overview_values(plan=None, area=None, institution=None, status=None, asof=None, context=None) -> dict:
    from dashboard.pages import overview as page

    values = {}
    for name, value in (("plan", plan), ("area", area), ("institution", institution), ("status", status)):
        values[f"{dom_id(ids.filter_id(name))}.value"] = _item(ids.filter_id(name), "value", value)
    values[f"{dom_id(ids.date_filter_id('asof'))}.date"] = _item(ids.date_filter_id("asof"), "date", asof)
    values[f"{page.CONTEXT}.data"] = context if context is not None else {"lang": "es", "country": "PER"}
    return values


def cases(country: str, plan: str | None) -> list[tuple]:
    from dashboard.pages import data as data_page

    context = {"lang": "es", "country": country}
    content = ("overview-content.children",)
    out = [
        (VIEW, "overview: all plans, today", content, overview_values(context=context)),
        (VIEW, "overview: plan 2017-2019", content, overview_values(plan=plan or "AP_PER03", context=context)),
        (
            VIEW,
            "overview: plan 2017-2019 as of its midterm",
            content,
            overview_values(plan=plan or "AP_PER03", asof="2018-06-30", context=context),
        ),
        (VIEW, "overview: status late", content, overview_values(status="late", context=context)),
    ]
    # The whole database downloads from a route, not a callback: benchmarks/export_scale.py times it.
    button, download = data_page.BUTTON_TEMPLATES, data_page.DOWNLOAD_TEMPLATES
    out.append((page_named("data").path, "download templates", (f"{download}.data",), {f"{button}.n_clicks": 1}))
    return out

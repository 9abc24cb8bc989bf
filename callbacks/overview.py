"""The overview's content follows its filters and its "as of" date.

One callback: the page's filters (and the language and country the page was
drawn for) in, the content under the filters out.  The data come from one
cached query (data.queries.overview), so a filter change costs one lookup.
"""
from __future__ import annotations

import datetime as dt

from dash import Input, Output

from dashboard import ids
from dashboard.cache import cached
from dashboard.factory import today_of
from dashboard.i18n import normalise_lang
from dashboard.pages import overview as page
from dashboard.pages._overview_sections import content
from dashboard.state import BY_NAME

FILTERS = ("plan", "area", "institution", "status")


def clean(name: str, value):
    """A control's value if the URL parameter would accept it, else None: a
    crafted request cannot reach a query with anything else."""
    if value in (None, "", []) or not isinstance(value, str):
        return None
    try:
        return BY_NAME[name].parse(value)
    except ValueError:
        return None


def reference_date(asof, today: dt.date) -> str | None:
    """The "as of" date as ISO text; never after today (the future has no history)."""
    value = clean("asof", asof[:10] if isinstance(asof, str) else None)
    if value is None:
        return None
    return min(dt.date.fromisoformat(value), today).isoformat()


def register(app) -> None:
    from data.queries.overview import overview

    @app.callback(
        Output(page.CONTENT, "children"),
        *[Input(ids.filter_id(name), "value") for name in FILTERS],
        Input(ids.date_filter_id("asof"), "date"),
        # An input, not a state: Dash drops a callback's first call when all its
        # inputs are outputs of a callback that answered no_update (url_state's
        # sync does on load); an input no callback writes keeps that call.
        Input(page.CONTEXT, "data"),
    )
    def update_overview(plan, area, institution, status, asof, context):
        context = context if isinstance(context, dict) else {}
        lang = normalise_lang(context.get("lang"))
        country = clean("country", context.get("country"))
        today = today_of(app)
        values = {name: clean(name, value) for name, value in zip(FILTERS, (plan, area, institution, status))}
        as_of = reference_date(asof, today)
        data = cached(app, overview, country, values["plan"], values["area"], values["institution"],
                      values["status"], as_of, today.isoformat())
        params = {"lang": lang, "country": country, **values, "asof": as_of,
                  "projector": context.get("projector") is True}
        return content(data, lang, params)

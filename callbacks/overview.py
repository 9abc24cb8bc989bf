"""The overview's content follows its filters and its "as of" date.

One callback: the page's filters (and the language and country the page was
drawn for) in, the content under the filters out.  What it returns is cached
already serialised, keyed by the data's version and every input: building the
content's components and serialising them costs several times the query on a
warm cache (≈30 ms against ≈1 ms to send the cached JSON), and the same few
filter combinations are asked for again and again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from dash import Input, Output, html
from plotly.io.json import to_json_plotly

from dashboard import ids
from dashboard.cache import cached
from dashboard.factory import today_of
from dashboard.i18n import normalise_lang, t
from dashboard.pages import overview as page
from dashboard.state import BY_NAME

FILTERS = ("plan", "area", "institution", "status")

log = logging.getLogger("ogp_monitor.overview")


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


def rendered_content(
    url: str, country, plan, area, institution, status, as_of, today: str, lang: str, projector: bool
) -> list:
    """The content for these inputs, as the JSON Dash sends (components as dicts)."""
    from dashboard.pages._overview_sections import content
    from data.queries.overview import overview

    data = overview(url, country, plan, area, institution, status, as_of, today)
    params = {
        "lang": lang,
        "country": country,
        "plan": plan,
        "area": area,
        "institution": institution,
        "status": status,
        "asof": as_of,
        "projector": projector,
    }
    return json.loads(to_json_plotly(content(data, lang, params)))


def register(app) -> None:
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
        today = today_of(app)
        values = [clean(name, value) for name, value in zip(FILTERS, (plan, area, institution, status))]
        args = (
            clean("country", context.get("country")),
            *values,
            reference_date(asof, today),
            today.isoformat(),
            lang,
            context.get("projector") is True,
        )
        try:
            return cached(app, rendered_content, *args)
        except Exception:  # a bug or the database, not the user's doing: log it, apologise
            log.exception("overview content failed for %s", args)
            return html.Div(
                [html.H2(t("error.title", lang), className="section-title"), html.P(t("error.body", lang))],
                className="panel",
                role="alert",
            )

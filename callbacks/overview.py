"""The overview's content follows its filters and its "as of" date.

One callback: the page's filters (and the language and country the page was
drawn for) in, the content under the filters out.  The overview's data (one
call, data.queries.overview) is cached by the data's version and every
filter; the content is drawn from it on each request, so a language or
projector switch does not query again.
"""

from __future__ import annotations

import datetime as dt
import logging

from dash import Input, Output, html

from dashboard import ids
from dashboard.cache import cached
from dashboard.factory import database_url_of, today_of
from dashboard.i18n import t
from dashboard.pages import overview as page
from dashboard.state import read, read_context, read_date
from data.db import DATABASE_UNAVAILABLE

FILTERS = ("plan", "area", "institution", "status")

log = logging.getLogger("ogp_monitor.overview")


def reference_date(asof, today: dt.date) -> str | None:
    """The "as of" date as ISO text; never after today (the future has no history)."""
    value = read_date("asof", asof)
    return min(value, today).isoformat() if value else None


def rendered_content(
    url: str, country, plan, area, institution, status, as_of, today: str, lang: str, projector: bool
) -> list:
    """The content for these inputs, drawn from the (cached) overview data."""
    from dashboard.pages.overview_sections import content, overview_charts
    from data.queries.overview import overview

    data = cached(url, overview, country, plan, area, institution, status, as_of, today)
    # The charts are cached as drawn (figure dicts and texts): only the components are built here.
    drawn = cached(url, overview_charts, country, plan, area, institution, status, as_of, today, lang)
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
    return content(data, lang, params, drawn)


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
        who = read_context(context)
        lang = who.lang
        today = today_of(app)
        values = [read(name, value) for name, value in zip(FILTERS, (plan, area, institution, status))]
        args = (who.country, *values, reference_date(asof, today), today.isoformat(), lang, who.projector)
        try:
            return rendered_content(database_url_of(app), *args)
        except DATABASE_UNAVAILABLE:  # the database is away: 503 and a message
            raise
        except Exception:  # a bug or the database, not the user's doing: log it, apologise
            log.exception("overview content failed for %s", args)
            return html.Div(
                [html.H2(t("error.title", lang), className="section-title"), html.P(t("error.body", lang))],
                className="panel",
                role="alert",
            )
